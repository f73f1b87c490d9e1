package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/queries"
)

func TestBrowse(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want []string // in stdout
		err  string
	}{
		{name: "how to", args: nil,
			want: []string{"Neo4j Browser: http://localhost:7474/browser/ (user neo4j)\n",
				"dipgraph browse --serve\n",
				"  :style http://localhost:7480/dipgraph.grass\n",
				"  :play http://localhost:7480/guide.html\n",
				"or open http://localhost:7474/browser/?cmd=edit&arg=%3Aplay%20http%3A%2F%2Flocalhost%3A7480%2Fguide.html\n",
				"browser/dipgraph.grass"}},
		{name: "another Browser, another port", args: []string{"--url", "http://db.example:7474/browser/", "--port", "9000"},
			want: []string{"Neo4j Browser: http://db.example:7474/browser/",
				"  :play http://localhost:9000/guide.html\n",
				"or open http://db.example:7474/browser/?cmd=edit&arg=%3Aplay%20http%3A%2F%2Flocalhost%3A9000%2Fguide.html\n"}},
		{name: "unknown query", args: []string{"met-whit"}, err: "did you mean met-with?"},
		{name: "unknown parameter", args: []string{"met-with", "--source", "putin"}, err: `query met-with has no parameter "source"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := run(t, "", append([]string{"browse"}, tt.args...)...)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want it to contain %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range tt.want {
				if !strings.Contains(out, want) {
					t.Errorf("stdout lacks %q:\n%s", want, out)
				}
			}
		})
	}
}

// TestBrowseServe serves the guide and style on a free port, fetches them
// as Browser would, and stops when the command's context ends.
func TestBrowseServe(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	r, w := io.Pipe()
	cmd := newRootCmd(streams{in: strings.NewReader(""), out: w, err: io.Discard})
	cmd.SetArgs([]string{"browse", "--serve", "--port", "0"})
	done := make(chan error, 1)
	go func() {
		done <- cmd.ExecuteContext(ctx)
		w.Close()
	}()

	serving := regexp.MustCompile(`^Serving dipgraph's guide and style at (http://localhost:\d+)/ until interrupted`)
	lines := bufio.NewScanner(r)
	var base string
	for base == "" && lines.Scan() {
		if m := serving.FindStringSubmatch(lines.Text()); m != nil {
			base = m[1]
		}
	}
	if base == "" {
		t.Fatalf("no address served: %v", <-done)
	}
	go io.Copy(io.Discard, r)

	for path, want := range map[string]string{
		"/guide.html":     `data-exec="style ` + base + `/dipgraph.grass"`,
		"/dipgraph.grass": "relationship.MET_WITH {",
	} {
		req, err := http.NewRequest("GET", base+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Origin", "http://localhost:7474")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode != http.StatusOK || resp.Header.Get("Access-Control-Allow-Origin") != "*" || !strings.Contains(string(body), want) {
			t.Errorf("GET %s: %s, CORS %q, body lacks %q", path, resp.Status, resp.Header.Get("Access-Control-Allow-Origin"), want)
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("browse --serve ended with %v", err)
	}
	if _, err := http.Get(base + "/guide.html"); err == nil {
		t.Error("still serving after the context ended")
	}
}

// TestBrowseLinkOpensTheQuery checks the link's query string the way
// Browser reads it: cmd=edit, and as arg the query with the values given
// written into it.
func TestBrowseLinkOpensTheQuery(t *testing.T) {
	out, _, err := run(t, "", "browse", "timeline", "--actor", "erdogan", "--since", "2016")
	if err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(strings.TrimSpace(out))
	if err != nil {
		t.Fatal(err)
	}
	q, err := queries.Get("timeline")
	if err != nil {
		t.Fatal(err)
	}
	want := "// timeline: " + q.Description + "\n" +
		strings.NewReplacer("$actor", "'erdogan'", "$since", "'2016'", "$until", "''").Replace(q.Cypher)
	if got := u.Query(); got.Get("cmd") != "edit" || got.Get("arg") != want {
		t.Errorf("link carries %v, want cmd=edit and\n%s", got, want)
	}
}
