package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph"
	"github.com/dipgraph/dipgraph/internal/neo4jtest"
)

// run executes a dipgraph command line with its own streams.
func run(t *testing.T, stdin string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errw bytes.Buffer
	cmd := newRootCmd(streams{in: strings.NewReader(stdin), out: &out, err: &errw})
	cmd.SetArgs(args)
	err = cmd.ExecuteContext(context.Background())
	return out.String(), errw.String(), err
}

func TestExtractJSONL(t *testing.T) {
	out, _, err := run(t, "", "extract", "--format", "jsonl", "../../testdata/articles")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d records, want one per seed", len(lines))
	}
	var rec dipgraph.Record
	if err := json.Unmarshal([]byte(lines[0]), &rec); err != nil {
		t.Fatal(err)
	}
	if rec.Schema != dipgraph.Schema || !strings.HasSuffix(rec.Article.Path, "000_a51731a02abf2c5c.txt") {
		t.Errorf("first record = %s %s, want the AFP seed first", rec.Schema, rec.Article.Path)
	}
	again, _, _ := run(t, "", "extract", "--format", "jsonl", "--workers", "1", "../../testdata/articles")
	if again != out {
		t.Error("output differs between 1 worker and all cores")
	}
}

func TestExtractTable(t *testing.T) {
	out, _, err := run(t, "", "extract", "../../testdata/articles")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"TYPE", "MET_WITH", "Vladimir Putin", "SHOT_DOWN", "2024-07-24"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
}

func TestExtractBadInputContinues(t *testing.T) {
	stdin := `{"text": "Vladimir Putin met Bashar al-Assad in Moscow."}` + "\n" + `{"title": "no text"}` + "\n"
	out, stderr, err := run(t, stdin, "extract", "--format", "jsonl", "-")
	if err == nil {
		t.Error("want a non-zero exit when an article is skipped")
	}
	if !strings.Contains(stderr, `-:2: missing "text"`) || !strings.Contains(stderr, "1 of 2 articles skipped") {
		t.Errorf("stderr = %q, want the line and a summary", stderr)
	}
	if !strings.Contains(out, "person:vladimir-putin") {
		t.Errorf("the good article was lost: %q", out)
	}
}

func TestAskList(t *testing.T) {
	out, _, err := run(t, "", "ask")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"met-with", "timeline", "evidence", "--actor"} {
		if !strings.Contains(out, want) {
			t.Errorf("ask list lacks %q:\n%s", want, out)
		}
	}
	if _, _, err := run(t, "", "ask", "no-such-question"); err == nil || !strings.Contains(err.Error(), "no-such-question") {
		t.Errorf("unknown query: err = %v", err)
	}
}

// TestLoadAndAsk is the whole path against the real Neo4j: the seeds are
// loaded, loaded again without any change to the graph, and the canned
// question answers from them.
func TestLoadAndAsk(t *testing.T) {
	db := neo4jtest.Open(t)
	ctx := context.Background()
	if _, _, err := run(t, "", "load", "--quiet", "../../testdata/articles"); err != nil {
		t.Fatal(err)
	}
	nodes, rels, err := db.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if nodes == 0 || rels == 0 {
		t.Fatalf("loaded %d nodes, %d relationships", nodes, rels)
	}
	res, err := db.Read(ctx, `MATCH (a:Person {id: 'person:vladimir-putin'})-[r:MET_WITH {modality: 'asserted'}]-(b:Person {id: 'person:bashar-assad'})
		RETURN r.date, r.modality, r.place, r.sentences`, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Rows) != 1 {
		t.Fatalf("asserted Putin-Assad MET_WITH claims = %d, want 1", len(res.Rows))
	}
	row := res.Rows[0]
	if row[0] != "2024-07-24" || row[1] != "asserted" || row[2] != "place:moscow" {
		t.Errorf("Putin-Assad = %v, want 2024-07-24, asserted, place:moscow", row[:3])
	}

	// Loaded again, the unchanged articles are skipped; with --force they
	// are extracted and written again. Neither changes the graph.
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, "; 2 unchanged, skipped"},
		{[]string{"--force", "--writers", "1", "--batch", "1"}, "; 0 unchanged, skipped"},
	} {
		_, stderr, err := run(t, "", append(append([]string{"load"}, tc.args...), "../../testdata/articles")...)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(stderr, tc.want) {
			t.Errorf("load %v: stderr %q, want %q", tc.args, stderr, tc.want)
		}
		nodes2, rels2, err := db.Counts(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if nodes2 != nodes || rels2 != rels {
			t.Errorf("load %v changed the graph: %d/%d nodes, %d/%d relationships", tc.args, nodes, nodes2, rels, rels2)
		}
	}

	out, _, err := run(t, "", "ask", "met-with", "--actor", "putin", "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	met := map[string]map[string]any{}
	for _, r := range rows {
		met[r["met"].(string)] = r
	}
	assad, ok := met["Bashar al-Assad"]
	if !ok || assad["date"] != "2024-07-24" || assad["place"] != "Moscow" || !strings.Contains(assad["evidence"].(string), "Putin met Syrian president Bashar al-Assad") {
		t.Errorf("Putin met Assad: got %v", assad)
	}
	if erdogan, ok := met["Recep Tayyip Erdogan"]; !ok || !strings.Contains(erdogan["evidence"].(string), "Erdogan visited his Russian counterpart") {
		t.Errorf("Putin met Erdogan: got %v", erdogan)
	}

	table, _, err := run(t, "", "ask", "met-with", "--actor", "PUTIN")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(table, "Bashar al-Assad") || !strings.Contains(table, "2024-07-24") {
		t.Errorf("table answer:\n%s", table)
	}
}

func TestUnreachableNeo4j(t *testing.T) {
	_, _, err := run(t, "", "schema", "--uri", "bolt://127.0.0.1:1")
	if err == nil || !strings.Contains(err.Error(), "bolt://127.0.0.1:1") || !strings.Contains(err.Error(), "make neo4j-up") {
		t.Errorf("err = %v, want the URI and how to start Neo4j", err)
	}
}

// With their publication dates (testdata/eval/seeds.jsonl, what make demo
// loads), the seeds date both of Putin's meetings.
func TestAskDatedSeeds(t *testing.T) {
	neo4jtest.Open(t)
	if _, _, err := run(t, "", "load", "--quiet", "../../testdata/eval/seeds.jsonl"); err != nil {
		t.Fatal(err)
	}
	out, _, err := run(t, "", "ask", "met-with", "--actor", "putin", "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	want := map[string]string{"Bashar al-Assad": "2024-07-24", "Recep Tayyip Erdogan": "2017-03-10"}
	for met, date := range want {
		found := false
		for _, r := range rows {
			if r["met"] == met && r["date"] == date && r["place"] == "Moscow" && r["evidence"] != "" {
				found = true
			}
		}
		if !found {
			t.Errorf("want %s on %s in Moscow with evidence; got %v", met, date, rows)
		}
	}
}
