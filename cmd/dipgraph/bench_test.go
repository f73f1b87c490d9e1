package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/internal/neo4jtest"
	"github.com/dipgraph/dipgraph/queries"
)

// TestBench runs a small bench against the test database and checks that
// its JSON holds every measurement the README and the issue name, and that
// what it did adds up. It asserts no speed: speeds are measured, not
// tested.
func TestBench(t *testing.T) {
	neo4jtest.Open(t) // empties the database, which bench then accepts
	corpus := filepath.Join(t.TempDir(), "corpus.jsonl")
	if err := os.WriteFile(corpus, []byte(
		`{"id": "p", "published": "2024-07-25", "text": "Vladimir Putin met Syrian president Bashar al-Assad in Moscow on Wednesday. Russia backs Assad."}`+"\n"+
			`{"id": "e", "published": "2016-08-10", "text": "Turkish President Recep Tayyip Erdogan met Vladimir Putin in St Petersburg on Tuesday."}`+"\n"+
			`{"id": "empty", "text": ""}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, err := run(t, "", "bench", "--quiet", "--json", "--corpus", corpus, "--articles", "5",
		"--runs", "2", "--curve", "2,5", "--curve-articles", "3")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	var res map[string]any
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	for _, key := range []string{"extract_mb_per_s_1", "extract_mb_per_s_n", "workers", "articles",
		"load_relationships_per_s", "load_nodes_per_s", "reload_speedup", "query_p95_ms", "peak_rss_mb"} {
		if _, ok := res[key]; !ok {
			t.Errorf("no %q in %s", key, out)
		}
	}
	if res["articles"] != 5.0 || res["reload_unchanged"] != 5.0 {
		t.Errorf("articles = %v, reload_unchanged = %v; want 5 and 5 (the corpus repeated, the empty article left out)",
			res["articles"], res["reload_unchanged"])
	}
	if res["relationships"].(float64) == 0 || res["load_relationships_per_s"].(float64) <= 0 {
		t.Errorf("loaded %v relationships at %v/s", res["relationships"], res["load_relationships_per_s"])
	}
	if curve := res["batch_curve"].([]any); len(curve) != 2 {
		t.Errorf("batch_curve = %v, want a point for each of 2 and 5", curve)
	}
	p95 := res["query_p95_ms"].(map[string]any)
	for _, q := range queries.All() {
		if _, ok := p95[q.Name]; !ok {
			t.Errorf("no p95 for query %s", q.Name)
		}
	}

	table, _, err := run(t, "", "bench", "--quiet", "--clear", "--corpus", corpus, "--articles", "2", "--runs", "1")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"extract, 1 worker", "load articles again, unchanged", "QUERY", "met-with", "peak memory"} {
		if !strings.Contains(table, want) {
			t.Errorf("the table lacks %q:\n%s", want, table)
		}
	}

	// The database now holds the bench's graph: without --clear, bench
	// refuses to delete it.
	if _, _, err := run(t, "", "bench", "--quiet", "--corpus", corpus, "--articles", "2"); err == nil || !strings.Contains(err.Error(), "--clear") {
		t.Errorf("bench on a database with data: err = %v, want a refusal that names --clear", err)
	}
}

func TestExampleValues(t *testing.T) {
	tests := []struct {
		example string
		want    string
	}{
		{"dipgraph ask met-with --actor putin", `--actor "putin"`},
		{"dipgraph ask evidence --source russia --target=assad --type backs", `--source "russia" --target "assad" --type "backs"`},
		{"dipgraph ask latest", ``},
	}
	for _, tt := range tests {
		if got := args(exampleValues(queries.Query{Example: tt.example})); got != tt.want {
			t.Errorf("%s: got %s, want %s", tt.example, got, tt.want)
		}
	}
}

func TestPercentile(t *testing.T) {
	xs := []float64{5, 1, 4, 2, 3, 10, 9, 8, 7, 6}
	for _, tt := range []struct{ p, want float64 }{{50, 5}, {95, 10}, {10, 1}, {100, 10}} {
		if got := percentile(xs, tt.p); got != tt.want {
			t.Errorf("p%v = %v, want %v", tt.p, got, tt.want)
		}
	}
	if got := percentile([]float64{42}, 95); got != 42 {
		t.Errorf("p95 of one = %v", got)
	}
}
