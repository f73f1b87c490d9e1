package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/dipgraph/dipgraph"
	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/internal/badcorpus"
	"github.com/dipgraph/dipgraph/internal/neo4jtest"
)

// asMain, set in the environment, makes the test binary dipgraph itself,
// for the tests that need dipgraph as a process of its own: run as another
// user, with a real exit status.
const asMain = "DIPGRAPH_TEST_AS_MAIN"

func init() {
	if os.Getenv(asMain) == "1" {
		main()
		os.Exit(0)
	}
}

// nobody is the user the process tests run as when the tests run as root,
// whom file permissions do not stop.
const nobody = 65534

// runProcess runs dipgraph with args as a process of its own, as nobody
// when the tests run as root, and returns its output and exit status.
func runProcess(t *testing.T, args ...string) (stdout, stderr string, status int) {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	// A copy that nobody may run: the test binary's own directory is private.
	dir := t.TempDir()
	for _, d := range []string{filepath.Dir(dir), dir} {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	bin := filepath.Join(dir, "dipgraph")
	copyFile(t, self, bin)
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), asMain+"=1")
	cmd.Dir = dir
	if os.Geteuid() == 0 {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	}
	var out, errw bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errw
	err = cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		status = exit.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return out.String(), errw.String(), status
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestBadInput runs dipgraph extract on the bad-input corpus as a user
// that cannot read its unreadable files: each bad input is named on
// stderr with why it was skipped, each repaired one with a warning, every
// good one is extracted, and dipgraph exits 1 after a summary.
func TestBadInput(t *testing.T) {
	dir, cases := badcorpus.Build(t, true)
	stdout, stderr, status := runProcess(t, "extract", "--format", "jsonl", dir)
	if status != 1 {
		t.Errorf("exit status %d, want 1", status)
	}
	lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
	var skipped, good []badcorpus.Case
	for _, c := range cases {
		if c.Good() {
			good = append(good, c)
		} else {
			skipped = append(skipped, c)
		}
	}
	var want []string // the start of each stderr line
	for _, c := range cases {
		where := filepath.Join(dir, c.Where)
		switch {
		case !c.Good():
			want = append(want, fmt.Sprintf("dipgraph: skipped %s: %s", where, c.Skip))
		case c.Warning != "":
			want = append(want, fmt.Sprintf("dipgraph: warning: %s: %s", where, c.Warning))
		}
	}
	want = append(want, fmt.Sprintf("dipgraph: %d of %d articles skipped: %s: ", len(skipped), len(cases), filepath.Join(dir, skipped[0].Where)))
	if len(lines) != len(want) {
		t.Errorf("stderr has %d lines, want %d:\n%s", len(lines), len(want), stderr)
	}
	for i, w := range want {
		if i < len(lines) && !strings.HasPrefix(lines[i], w) {
			t.Errorf("stderr line %d = %q\nwant it to start %q", i+1, lines[i], w)
		}
	}

	var records []dipgraph.Record
	dec := json.NewDecoder(strings.NewReader(stdout))
	for dec.More() {
		var rec dipgraph.Record
		if err := dec.Decode(&rec); err != nil {
			t.Fatalf("stdout: %v", err)
		}
		records = append(records, rec)
	}
	if len(records) != len(good) {
		t.Fatalf("%d records, want one for each of the %d good articles", len(records), len(good))
	}
	for i, c := range good {
		file, _, _ := strings.Cut(c.Where, ".jsonl:")
		if file != c.Where {
			file += ".jsonl"
		}
		if got, want := records[i].Article.Path, filepath.Join(dir, file); got != want {
			t.Errorf("record %d is of %s, want %s", i, got, want)
		}
		if err := c.Check(records[i]); err != nil {
			t.Error(err)
		}
	}
}

// TestLoadBadInput loads the bad-input corpus into the real Neo4j: the
// command exits non-zero, the good articles are in the graph and nothing
// else is, the hostile strings of one of them round-trip unchanged, and
// loading again changes nothing.
func TestLoadBadInput(t *testing.T) {
	db := neo4jtest.Open(t)
	ctx := context.Background()
	dir, _ := badcorpus.Build(t, false)
	var ids []string
	for in := range extract.Read([]string{dir}, nil) {
		if in.Err == nil && !slices.Contains(ids, in.Article.ID) {
			ids = append(ids, in.Article.ID)
		}
	}
	slices.Sort(ids)

	_, stderr, err := run(t, "", "load", "--quiet", "--uri", neo4jtest.Config().URI, dir)
	var exit exitError
	if !errors.As(err, &exit) || !strings.Contains(stderr, "articles skipped") {
		t.Fatalf("err = %v, stderr:\n%s\nwant the skipped articles reported and a non-zero exit", err, stderr)
	}
	res, err := db.Read(ctx, "MATCH (a:Article) RETURN a.id ORDER BY a.id", nil)
	if err != nil {
		t.Fatal(err)
	}
	var loaded []string
	for _, row := range res.Rows {
		loaded = append(loaded, row[0].(string))
	}
	if !slices.Equal(loaded, ids) {
		t.Errorf("articles in the graph:\n%q\nwant the good ones:\n%q", loaded, ids)
	}

	// hostile.jsonl and the file named badcorpus.HostileName.
	hostile, err := os.ReadFile(filepath.Join(dir, "hostile.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	var in struct{ ID, Title, Source, URL, Text string }
	if err := json.Unmarshal(hostile, &in); err != nil {
		t.Fatal(err)
	}
	res, err = db.Read(ctx, `
		MATCH (a:Article {id: $id})-[:MENTIONS]->(p:Person)-[r:MET_WITH]-(:Person)
		WHERE r.article = a.id
		RETURN a.title, a.source, a.url, r.sentences[0]`, map[string]any{"id": in.ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Rows) == 0 {
		t.Fatalf("no article %q with a meeting in the graph", in.ID)
	}
	if got, want := res.Rows[0], []any{in.Title, in.Source, in.URL, strings.TrimSpace(in.Text)}; !slices.Equal(got, want) {
		t.Errorf("hostile article in the graph:\n%q\nwant\n%q", got, want)
	}
	res, err = db.Read(ctx, "MATCH (a:Article {path: $path}) RETURN count(a)", map[string]any{"path": filepath.Join(dir, badcorpus.HostileName)})
	if err != nil || res.Rows[0][0] != int64(1) {
		t.Errorf("article of file %q: %v, %v", badcorpus.HostileName, res.Rows, err)
	}

	nodes, rels, err := db.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	run(t, "", "load", "--quiet", "--uri", neo4jtest.Config().URI, dir)
	nodes2, rels2, err := db.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if nodes2 != nodes || rels2 != rels {
		t.Errorf("loading again changed the graph: %d/%d nodes, %d/%d relationships", nodes, nodes2, rels, rels2)
	}
}

// TestConnectionErrors checks the messages of a load against a server
// that is not running, that refuses the password, or that lacks the
// database, and that the password is never shown. They run against the
// real Neo4j, with a user that does not exist, so that the failed logins
// lock no one out.
func TestConnectionErrors(t *testing.T) {
	neo4jtest.Open(t) // skips without a server
	good := neo4jtest.Config()
	secret := "s3cret-" + fmt.Sprint(os.Getpid()) + "-never-shown"
	secretFile := filepath.Join(t.TempDir(), "password")
	if err := os.WriteFile(secretFile, []byte(secret+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	goodFile := filepath.Join(t.TempDir(), "password")
	if err := os.WriteFile(goodFile, []byte(good.Password+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	article := filepath.Join("..", "..", "testdata", "bad", "good.txt")
	stranger := fmt.Sprintf("dipgraph-test-nobody-%d", os.Getpid())
	addr := freeAddr(t)
	tests := []struct {
		name string
		env  map[string]string
		args []string
		want []string // what the error must say; none for success
	}{
		{"not running",
			nil, []string{"--uri", "bolt://" + addr},
			[]string{"cannot reach Neo4j at bolt://" + addr, `start one with "make neo4j-up"`}},
		{"wrong password from the environment",
			map[string]string{"NEO4J_USERNAME": stranger, "NEO4J_PASSWORD": secret}, []string{"--uri", good.URI},
			[]string{fmt.Sprintf("Neo4j at %s refused the credentials of user %q", good.URI, stranger)}},
		{"wrong password from NEO4J_PASSWORD_FILE",
			map[string]string{"NEO4J_USERNAME": stranger, "NEO4J_PASSWORD_FILE": secretFile}, []string{"--uri", good.URI},
			[]string{fmt.Sprintf("Neo4j at %s refused the credentials of user %q", good.URI, stranger)}},
		{"wrong password from --password-file",
			map[string]string{"NEO4J_USERNAME": stranger}, []string{"--uri", good.URI, "--password-file", secretFile},
			[]string{fmt.Sprintf("Neo4j at %s refused the credentials of user %q", good.URI, stranger)}},
		{"missing password file",
			nil, []string{"--uri", good.URI, "--password-file", secretFile + ".missing"},
			[]string{"read password file"}},
		{"password from a file",
			map[string]string{"NEO4J_PASSWORD": secret}, []string{"--uri", good.URI, "--password-file", goodFile},
			nil},
		{"wrong database",
			nil, []string{"--uri", good.URI, "--database", "nosuchdb"},
			[]string{fmt.Sprintf(`Neo4j at %s has no database "nosuchdb"`, good.URI)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, k := range []string{"NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_PASSWORD_FILE", "NEO4J_DATABASE"} {
				t.Setenv(k, tt.env[k])
			}
			if tt.env["NEO4J_USERNAME"] == "" {
				t.Setenv("NEO4J_USERNAME", good.Username)
			}
			if tt.env["NEO4J_PASSWORD"] == "" && tt.env["NEO4J_PASSWORD_FILE"] == "" {
				t.Setenv("NEO4J_PASSWORD", good.Password)
			}
			args := append([]string{"load"}, tt.args...)
			stdout, stderr, err := run(t, "", append(args, article)...)
			if tt.want == nil && err != nil {
				t.Errorf("err = %v, want success", err)
			}
			for _, w := range tt.want {
				if err == nil || !strings.Contains(err.Error(), w) {
					t.Errorf("err = %v, want it to say %q", err, w)
				}
			}
			for _, s := range []string{stdout, stderr, fmt.Sprint(err)} {
				if strings.Contains(s, secret) || strings.Contains(s, good.Password) {
					t.Errorf("the password is shown: %q", s)
				}
			}
		})
	}
}

// freeAddr returns a local address where nothing listens.
func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}
