package graph_test

// The fault tests stop and start a Neo4j server, so they run one of their
// own: scripts/neo4j with its data in a temporary directory and on free
// ports, never the shared server of the other tests.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dipgraph/dipgraph"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/internal/neo4jtest"
)

// faultServer is a Neo4j server of the fault tests' own.
type faultServer struct {
	script string   // scripts/neo4j
	home   string   // its data, logs and pid
	env    []string // what the script needs to find and run it
	config graph.Config
}

const faultPassword = "dipgraph-faults"

// newFaultServer prepares a server on free ports, not yet started, and
// stops it when the test ends.
func newFaultServer(t *testing.T) *faultServer {
	t.Helper()
	if _, err := exec.LookPath("java"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("the fault tests start a Neo4j server of their own and need Java: %v", err)
		}
		t.Skipf("skipping: the fault tests start a Neo4j server of their own and need Java: %v", err)
	}
	s := &faultServer{script: neo4jtest.RepoPath(t, "scripts", "neo4j"), home: t.TempDir()}
	bolt, http := freePort(t), freePort(t)
	s.env = append(os.Environ(),
		"DIPGRAPH_NEO4J_DIR="+s.home,
		"NEO4J_BOLT_PORT="+bolt,
		"NEO4J_HTTP_PORT="+http,
		"NEO4J_PASSWORD="+faultPassword,
		"NEO4J_JAVA_OPTS=-Xms128m -Xmx512m",
		"NEO4J_PAGECACHE=64m",
	)
	s.config = graph.Config{URI: "bolt://127.0.0.1:" + bolt, Username: "neo4j", Password: faultPassword, RetryTime: 3 * time.Minute}
	t.Cleanup(func() { s.run(t, "down") })
	return s
}

// run runs scripts/neo4j with a command, failing the test if it fails.
func (s *faultServer) run(t *testing.T, command string) {
	t.Helper()
	start := time.Now()
	cmd := exec.Command("bash", s.script, command)
	cmd.Env = s.env
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("scripts/neo4j %s: %v\n%s", command, err, out)
	}
	t.Logf("scripts/neo4j %s: %v", command, time.Since(start).Round(time.Millisecond))
}

// open connects to the server, with a Config changed by edit.
func (s *faultServer) open(t *testing.T, edit func(*graph.Config)) (*graph.DB, error) {
	t.Helper()
	c := s.config
	if edit != nil {
		edit(&c)
	}
	db, err := graph.Open(context.Background(), c)
	if err == nil {
		t.Cleanup(func() { db.Close(context.Background()) })
	}
	return db, err
}

// TestFaults runs dipgraph's database through what a Neo4j that restarts at
// night, a wrong password or database, and two loads at once do to it.
// One server, started once, serves every case.
func TestFaults(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping: the fault tests start a Neo4j server of their own")
	}
	s := newFaultServer(t)
	ctx := context.Background()

	t.Run("not running at the start", func(t *testing.T) {
		start := time.Now()
		_, err := s.open(t, nil)
		if !errors.Is(err, graph.ErrUnreachable) || !strings.Contains(err.Error(), s.config.URI) ||
			!strings.Contains(err.Error(), `start one with "make neo4j-up"`) {
			t.Errorf("err = %v, want it to name %s and say how to start a server", err, s.config.URI)
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("Open took %v to report that no server runs: it must not retry", d)
		}
	})

	s.run(t, "up")
	db, err := s.open(t, nil)
	if err != nil {
		t.Fatal(err)
	}

	t.Run("wrong password", func(t *testing.T) {
		secret := fmt.Sprintf("wrong-%d-secret", time.Now().UnixNano())
		_, err := s.open(t, func(c *graph.Config) { c.Password = secret })
		want := fmt.Sprintf("Neo4j at %s refused the credentials of user %q", s.config.URI, "neo4j")
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("err = %v, want %q", err, want)
		}
		if err != nil && strings.Contains(err.Error(), secret) {
			t.Errorf("err = %v shows the password", err)
		}
		// The server logged the failed login, and the query log the
		// queries: never the password.
		logs, _ := filepath.Glob(filepath.Join(s.home, "logs", "*"))
		logs = append(logs, filepath.Join(s.home, "server.log"))
		for _, p := range logs {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if bytes.Contains(b, []byte(secret)) {
				t.Errorf("%s holds the password", p)
			}
		}
	})

	t.Run("wrong database", func(t *testing.T) {
		_, err := s.open(t, func(c *graph.Config) { c.Database = "nosuchdb" })
		want := fmt.Sprintf(`Neo4j at %s has no database "nosuchdb"`, s.config.URI)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("err = %v, want %q", err, want)
		}
	})

	recs := corpus(300)
	clean := cleanLoad(t, db, recs)

	t.Run("server restarted during a load", func(t *testing.T) {
		if err := db.Clear(ctx); err != nil {
			t.Fatal(err)
		}
		db.BatchSize = 2 // many transactions: the load is still running when the server stops
		defer func() { db.BatchSize = 0 }()
		done := make(chan error, 1)
		go func() {
			_, err := db.Load(ctx, recs)
			done <- err
		}()
		waitForArticles(t, db, done)
		s.run(t, "down")
		select {
		case err := <-done:
			t.Fatalf("the load ended (%v) before the server was down: make the corpus bigger", err)
		default:
		}
		s.run(t, "up")
		upAt := time.Now()
		err := <-done
		t.Logf("the load ended %v after the server was up", time.Since(upAt).Round(time.Millisecond))
		if err != nil {
			// The load could not ride the restart out: it must say why,
			// and loading again must complete it.
			t.Logf("the load failed: %v; loading again", err)
			if !errors.Is(err, graph.ErrUnreachable) {
				t.Errorf("err = %v, want it to say Neo4j could not be reached", err)
			}
			if _, err := db.Load(ctx, recs); err != nil {
				t.Fatal(err)
			}
		} else {
			t.Log("the load rode the restart out")
		}
		if got := dump(t, db); got != clean {
			t.Errorf("after a restart during a load, the graph differs from a clean load's:\n%s", diff(clean, got))
		}
		checkNoDuplicates(t, db)
	})

	t.Run("two overlapping loads at once", func(t *testing.T) {
		if err := db.Clear(ctx); err != nil {
			t.Fatal(err)
		}
		other, err := s.open(t, nil)
		if err != nil {
			t.Fatal(err)
		}
		db.BatchSize, other.BatchSize = 20, 20
		defer func() { db.BatchSize = 0 }()
		// The two halves share a third of the articles and most actors.
		first, second := recs[:200], recs[100:]
		errs := make(chan error, 2)
		go func() { _, err := db.Load(ctx, first); errs <- err }()
		go func() { _, err := other.Load(ctx, second); errs <- err }()
		for range 2 {
			if err := <-errs; err != nil {
				t.Fatal(err)
			}
		}
		if got := dump(t, db); got != clean {
			t.Errorf("after two loads at once, the graph differs from one clean load's:\n%s", diff(clean, got))
		}
		checkNoDuplicates(t, db)
	})
}

// cleanLoad loads recs into an empty graph and returns its dump.
func cleanLoad(t *testing.T, db *graph.DB, recs []dipgraph.Record) string {
	t.Helper()
	ctx := context.Background()
	if err := db.Clear(ctx); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if _, err := db.Load(ctx, recs); err != nil {
		t.Fatal(err)
	}
	nodes, rels, err := db.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("a clean load of %d articles in %v: %d nodes, %d relationships", len(recs), time.Since(start).Round(time.Millisecond), nodes, rels)
	return dump(t, db)
}

// waitForArticles waits until the load has written its first articles.
func waitForArticles(t *testing.T, db *graph.DB, done <-chan error) {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		select {
		case err := <-done:
			t.Fatalf("the load ended (%v) before any article was seen", err)
		default:
		}
		res, err := db.Read(context.Background(), "MATCH (a:Article) RETURN count(a) > 0", nil)
		if err != nil {
			t.Fatal(err)
		}
		if res.Rows[0][0] == true {
			return
		}
	}
	t.Fatal("no article written within a minute")
}

// checkNoDuplicates checks that no two nodes share an id and no two
// relationships of a type join the same nodes with the same key.
func checkNoDuplicates(t *testing.T, db *graph.DB) {
	t.Helper()
	if got := rows(t, db, `MATCH (n) WITH n.id AS id, count(*) AS c WHERE c > 1 RETURN id, c LIMIT 5`); got != "[]" {
		t.Errorf("duplicate nodes: %s", got)
	}
	if got := rows(t, db, `MATCH (a)-[r]->(b) WITH a.id AS a, type(r) AS type, b.id AS b, r.key AS key, count(*) AS c
		WHERE c > 1 RETURN a, type, b, key, c LIMIT 5`); got != "[]" {
		t.Errorf("duplicate relationships: %s", got)
	}
}

// diff shows the first line where two dumps differ.
func diff(want, got string) string {
	w, g := strings.Split(want, "] ["), strings.Split(got, "] [")
	for i := range min(len(w), len(g)) {
		if w[i] != g[i] {
			return fmt.Sprintf("first difference at item %d:\nwant %.300s\ngot  %.300s", i, w[i], g[i])
		}
	}
	return fmt.Sprintf("%d items, want %d", len(g), len(w))
}

// corpus makes n records of articles about 40 people, 10 countries and 5
// places: meetings, talks and backing, with actors named the same in
// every article, so that a graph's content does not depend on the order
// articles are loaded in.
func corpus(n int) []dipgraph.Record {
	person := func(i int) dipgraph.Actor {
		return dipgraph.Actor{ID: fmt.Sprintf("person:p%02d", i), Label: dipgraph.Person,
			Name: fmt.Sprintf("Person %02d", i), Aliases: []string{fmt.Sprintf("P%02d", i)}, Country: fmt.Sprintf("C%02d", i%10)}
	}
	recs := make([]dipgraph.Record, n)
	for i := range recs {
		a, b, c := person(i%40), person((i%40+1+i%7)%40), person((i%40+9+i%5)%40)
		country := dipgraph.Actor{ID: fmt.Sprintf("country:C%02d", i%10), Label: dipgraph.Country, Name: fmt.Sprintf("Country %02d", i%10), Aliases: []string{}}
		place := dipgraph.Actor{ID: fmt.Sprintf("place:city-%d", i%5), Label: dipgraph.Place, Name: fmt.Sprintf("City %d", i%5), Aliases: []string{}}
		date := fmt.Sprintf("2024-%02d-%02d", 1+i%12, 1+i%28)
		id := fmt.Sprintf("art-%04d", i)
		sentence := fmt.Sprintf("%s met %s in %s; %s backs %s.", a.Name, b.Name, place.Name, country.Name, c.Name)
		ev := []dipgraph.Evidence{{Sentence: sentence, Start: 0, End: len(sentence)}}
		recs[i] = dipgraph.Record{
			Schema:  dipgraph.Schema,
			Article: dipgraph.Article{ID: id, Title: "Article " + id, Source: "Test", Published: date, Path: id + ".txt"},
			Actors:  []dipgraph.Actor{a, b, c, country, place},
			Relations: []dipgraph.Relation{
				{Type: dipgraph.MetWith, Source: a.ID, Target: b.ID, Date: date, Place: place.ID, Modality: dipgraph.Asserted, Confidence: 0.9, Evidence: ev},
				{Type: dipgraph.SpokeWith, Source: b.ID, Target: c.ID, Modality: dipgraph.Asserted, Confidence: 0.7, Evidence: ev},
				{Type: dipgraph.Backs, Source: country.ID, Target: c.ID, Modality: dipgraph.Asserted, Confidence: 0.8, Evidence: ev},
			},
			Meetings: []dipgraph.Meeting{{ID: "meeting:" + id, Date: date, Place: place.ID,
				Participants: []string{a.ID, b.ID}, Format: "bilateral", Modality: dipgraph.Asserted}},
		}
	}
	return recs
}

// freePort returns a port nothing listens on, below the kernel's
// ephemeral range (32768 and up on Linux), so that no outgoing connection
// takes it between now and the server's start.
func freePort(t *testing.T) string {
	t.Helper()
	for range 100 {
		port := 20000 + rand.IntN(12000)
		l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))
		if err == nil {
			l.Close()
			return fmt.Sprint(port)
		}
	}
	t.Fatal("no free port between 20000 and 32000")
	return ""
}
