package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph"
	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/internal/neo4jtest"
)

// exportInput writes records with text that CSV, XML and Cypher find
// awkward to a records file, and returns the inputs of an export: that
// file and the seed articles.
func exportInput(t *testing.T) []string {
	t.Helper()
	recs := neo4jtest.Records()
	odd := "quote \" comma , semicolon ; backslash \\ newline \n tab \t return \r unicode \u00e9\u4e2d\U0001F600 <xml> & 'single'"
	rec := dipgraph.Record{
		Schema:  dipgraph.Schema,
		Article: dipgraph.Article{ID: "odd " + odd, Title: odd, Source: "", Published: "2024-01-01"},
		Actors: []dipgraph.Actor{
			{ID: "person:" + odd, Label: dipgraph.Person, Name: odd, Aliases: []string{odd, "", "two"}},
			{ID: "group:empty", Label: dipgraph.Group, Name: "", Aliases: []string{}},
		},
		Relations: []dipgraph.Relation{{Type: dipgraph.Threatened, Source: "group:empty", Target: "person:" + odd,
			Modality: dipgraph.Possible, Confidence: 0.1 + 0.2, CAMEO: odd,
			Evidence: []dipgraph.Evidence{{Sentence: odd, Start: 0, End: 3}, {Sentence: "", Start: 4, End: 4}}}},
	}
	recs = append(recs, rec)
	path := filepath.Join(t.TempDir(), "records.jsonl")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	enc := json.NewEncoder(f)
	for _, r := range recs {
		if err := enc.Encode(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return []string{path, "../../testdata/articles"}
}

// TestExportNeo4jAdmin builds a database with the real neo4j-admin from
// an export, on a Neo4j of its own (scripts/neo4j, on ports 17688 and
// 17475, so that the shared test server keeps running), and expects the
// very graph that loading the same input makes: nodes per label,
// relationships per type, and every property of every one of them.
func TestExportNeo4jAdmin(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping: starts a Neo4j of its own")
	}
	for _, tool := range []string{"java", "mvn"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("%s not found: scripts/neo4j needs Java 17 and Maven", tool)
			}
			t.Skipf("skipping: scripts/neo4j needs Java 17 and Maven: %v", err)
		}
	}
	inputs := exportInput(t)
	out := filepath.Join(t.TempDir(), "import")
	if _, stderr, err := run(t, "", append([]string{"export", "--format", "neo4j-admin", out}, inputs...)...); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}

	home := t.TempDir()
	neo4j, err := filepath.Abs("../../scripts/neo4j")
	if err != nil {
		t.Fatal(err)
	}
	script := func(args ...string) {
		t.Helper()
		cmd := exec.Command(neo4j, args...)
		cmd.Env = append(os.Environ(), "DIPGRAPH_NEO4J_DIR="+home, "NEO4J_BOLT_PORT=17688", "NEO4J_HTTP_PORT=17475")
		cmd.Dir = home // where neo4j-admin writes import.report
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("scripts/neo4j %s: %v\n%s", strings.Join(args, " "), err, b)
		}
	}
	script("admin", "database", "import", "full", "--overwrite-destination=true", "neo4j", "@"+filepath.Join(out, "import.args"))
	t.Cleanup(func() { script("down") })
	script("up")

	ctx := context.Background()
	var imported *graph.DB
	cfg := neo4jtest.Config()
	cfg.URI, cfg.Database = "bolt://127.0.0.1:17688", ""
	imported, err = graph.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer imported.Close(ctx)
	if err := imported.EnsureSchema(ctx); err != nil {
		t.Fatal(err)
	}

	loaded := neo4jtest.Open(t)
	var recs []dipgraph.Record
	err = source{paths: inputs}.read(nil, func(r extract.Result) error {
		if r.Err != nil {
			return r.Err
		}
		recs = append(recs, r.Record)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := loaded.Load(ctx, recs); err != nil {
		t.Fatal(err)
	}

	for _, q := range []struct{ name, cypher string }{
		{"nodes per label", "MATCH (n) UNWIND labels(n) AS l RETURN l, count(*) ORDER BY l"},
		{"relationships per type", "MATCH ()-[r]->() RETURN type(r) AS t, count(*) ORDER BY t"},
		{"nodes", "MATCH (n) RETURN labels(n) AS l, properties(n) AS p ORDER BY n.id, l"},
		{"relationships", `MATCH (a)-[r]->(b)
			RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS p ORDER BY a, t, b, r.key`},
	} {
		want, got := dumpRows(t, loaded, q.cypher, nil), dumpRows(t, imported, q.cypher, nil)
		if got != want {
			t.Errorf("%s: imported\n%s\nloaded\n%s", q.name, got, want)
		}
	}
}

// dumpRows runs a query and prints its rows as JSON, one a line.
func dumpRows(t *testing.T, db *graph.DB, cypher string, params map[string]any) string {
	t.Helper()
	res, err := db.Read(context.Background(), cypher, params)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, row := range res.Rows {
		line, err := json.Marshal(row)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(append(line, '\n'))
	}
	return b.String()
}

// TestExportFormats checks that each format of export is well formed and
// holds the graph: as many nodes and relationships as the neo4j-admin
// files, every article, and the awkward text whole.
func TestExportFormats(t *testing.T) {
	inputs := exportInput(t)
	dir := t.TempDir()
	export := func(format, out string) {
		t.Helper()
		if _, stderr, err := run(t, "", append([]string{"export", "--quiet", "--format", format, out}, inputs...)...); err != nil {
			t.Fatalf("%s: %v\n%s", format, err, stderr)
		}
	}

	export("neo4j-admin", filepath.Join(dir, "admin"))
	nodes, rels := 0, 0
	files, _ := filepath.Glob(filepath.Join(dir, "admin", "*.csv"))
	for _, f := range files {
		if strings.HasSuffix(f, ".header.csv") {
			continue
		}
		rows, err := csv.NewReader(mustOpen(t, f)).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if strings.Contains(filepath.Base(f), "nodes-") {
			nodes += len(rows)
		} else {
			rels += len(rows)
		}
	}

	export("csv", filepath.Join(dir, "csv"))
	csvNodes, err := csv.NewReader(mustOpen(t, filepath.Join(dir, "csv", "nodes.csv"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	csvRels, err := csv.NewReader(mustOpen(t, filepath.Join(dir, "csv", "relationships.csv"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(csvNodes)-1 != nodes || len(csvRels)-1 != rels {
		t.Errorf("csv: %d nodes, %d relationships; neo4j-admin files: %d, %d", len(csvNodes)-1, len(csvRels)-1, nodes, rels)
	}

	jsonl := filepath.Join(dir, "graph.jsonl")
	export("jsonl", jsonl)
	data, err := os.ReadFile(jsonl)
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	titles := map[string]bool{}
	for line := range strings.Lines(string(data)) {
		var el struct {
			Type       string
			Labels     []string
			Properties map[string]any
		}
		if err := json.Unmarshal([]byte(line), &el); err != nil {
			t.Fatalf("jsonl: %v in %s", err, line)
		}
		count[el.Type]++
		if t, ok := el.Properties["title"].(string); ok {
			titles[t] = true
		}
	}
	if count["node"] != nodes || count["relationship"] != rels {
		t.Errorf("jsonl: %v; neo4j-admin files: %d nodes, %d relationships", count, nodes, rels)
	}
	for _, rec := range neo4jtest.Records() {
		if !titles[rec.Article.Title] {
			t.Errorf("jsonl lacks the article %q", rec.Article.Title)
		}
	}

	gml := filepath.Join(dir, "graph.graphml")
	export("graphml", gml)
	var doc struct {
		Keys []struct {
			ID string `xml:"id,attr"`
		} `xml:"key"`
		Graph struct {
			Nodes []struct {
				ID   string `xml:"id,attr"`
				Data []struct {
					Key   string `xml:"key,attr"`
					Value string `xml:",chardata"`
				} `xml:"data"`
			} `xml:"node"`
			Edges []struct {
				Source string `xml:"source,attr"`
				Target string `xml:"target,attr"`
			} `xml:"edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal([]byte(readFile(t, gml)), &doc); err != nil {
		t.Fatalf("graphml: %v", err)
	}
	if len(doc.Graph.Nodes) != nodes || len(doc.Graph.Edges) != rels {
		t.Errorf("graphml: %d nodes, %d edges; neo4j-admin files: %d, %d", len(doc.Graph.Nodes), len(doc.Graph.Edges), nodes, rels)
	}
	ids := map[string]bool{}
	for _, n := range doc.Graph.Nodes {
		ids[n.ID] = true
	}
	for _, e := range doc.Graph.Edges {
		if !ids[e.Source] || !ids[e.Target] {
			t.Errorf("graphml: edge %q -> %q has an end that is not a node", e.Source, e.Target)
		}
	}
	var sawOdd bool
	for _, n := range doc.Graph.Nodes {
		for _, d := range n.Data {
			if d.Key == "n_name" && strings.HasPrefix(d.Value, "quote \" comma") {
				sawOdd = true
				if want := "quote \" comma , semicolon ; backslash \\ newline \n tab \t return \r unicode"; !strings.HasPrefix(d.Value, want) {
					t.Errorf("graphml: name %q, want it to start with %q", d.Value, want)
				}
			}
		}
	}
	if !sawOdd {
		t.Error("graphml lacks the person with the awkward name")
	}

	if _, _, err := run(t, "", "export", "--format", "pdf", filepath.Join(dir, "x"), inputs[0]); err == nil || !strings.Contains(err.Error(), "unknown --format") {
		t.Errorf("unknown format: err = %v", err)
	}
	if _, _, err := run(t, "", "export", "--quiet", filepath.Join(dir, "twice"), inputs[0], inputs[0]); err == nil || !strings.Contains(err.Error(), "comes twice") {
		t.Errorf("an article twice: err = %v", err)
	}
}

func mustOpen(t *testing.T, path string) *os.File {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
