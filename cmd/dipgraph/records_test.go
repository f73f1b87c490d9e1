package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph"
	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/internal/neo4jtest"
)

// TestLoadInputsIncremental loads two articles, loads them again, then
// with one of them changed: an unchanged article is skipped before
// extraction, a changed one replaces its own claims and leaves the other's
// alone.
func TestLoadInputsIncremental(t *testing.T) {
	db := neo4jtest.Open(t)
	ctx := context.Background()
	seeds, err := filepath.Glob("../../testdata/articles/*.txt")
	if err != nil || len(seeds) != 2 {
		t.Fatalf("seeds: %v, %v", seeds, err)
	}
	var texts []string
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	path := filepath.Join(t.TempDir(), "articles.jsonl")
	write := func() {
		t.Helper()
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		for i, text := range texts {
			enc.Encode(map[string]string{"id": fmt.Sprint("s", i), "text": text, "published": "2024-07-25"})
		}
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	load := func() loadResult {
		t.Helper()
		var stderr bytes.Buffer
		rep := newReporter(&stderr, &globalOptions{quiet: true}, "loading")
		res, err := loadInputs(ctx, db, source{paths: []string{path}}, 2, false, rep)
		if err != nil {
			t.Fatalf("%v\n%s", err, stderr.String())
		}
		return res
	}
	graph := func() string {
		return dumpRows(t, db, "MATCH (n) RETURN properties(n) AS p ORDER BY n.id", nil) +
			dumpRows(t, db, "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS p ORDER BY a, t, b, r.key", nil)
	}
	claims := func(article string) string {
		return dumpRows(t, db, "MATCH ()-[r {article: $id}]->() RETURN type(r) AS t, r.key AS k, r.sentences AS s ORDER BY t, k",
			map[string]any{"id": article})
	}

	write()
	if res := load(); res.Articles != 2 || res.Unchanged != 0 {
		t.Fatalf("first load: %+v, want 2 articles written", res)
	}
	before := graph()
	if res := load(); res.Articles != 0 || res.Unchanged != 2 {
		t.Errorf("second load: %+v, want both articles skipped as unchanged", res)
	}
	if graph() != before {
		t.Errorf("an unchanged load changed the graph")
	}

	s0, s1 := claims("s0"), claims("s1")
	texts[1] += "\nVladimir Putin met Bashar al-Assad in Ankara on Friday.\n"
	write()
	if res := load(); res.Articles != 1 || res.Unchanged != 1 {
		t.Errorf("load after a change: %+v, want 1 written, 1 unchanged", res)
	}
	if got := claims("s0"); got != s0 {
		t.Errorf("the unchanged article's claims changed:\n%s\nwant\n%s", got, s0)
	}
	if got := claims("s1"); got == s1 || !strings.Contains(got, "in Ankara on Friday") {
		t.Errorf("the changed article's claims:\n%s\nwant them to include the new sentence", got)
	}
}

// TestSourceReadsRecords checks that extraction records, from a file or
// stdin, are taken as they are, and articles beside them extracted.
func TestSourceReadsRecords(t *testing.T) {
	out, _, err := run(t, "", "extract", "--format", "jsonl", "../../testdata/articles")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "records.jsonl")
	if err := os.WriteFile(path, []byte("\n"+out+"{\"schema\": \"other\"}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		paths []string
		stdin string
	}{
		{"file", []string{path}, ""},
		{"stdin", []string{"-"}, "\n" + out},
		{"records then articles", []string{path, "../../testdata/articles"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ids, bad []string
			err := source{paths: tt.paths, stdin: strings.NewReader(tt.stdin)}.read(nil, func(r extract.Result) error {
				if r.Err != nil {
					bad = append(bad, r.Where+": "+r.Err.Error())
					return nil
				}
				ids = append(ids, r.Record.Article.ID)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			want := 2 * len(tt.paths)
			if len(ids) != want {
				t.Errorf("%d records (%v), want %d", len(ids), ids, want)
			}
			if tt.name != "stdin" && (len(bad) != 1 || !strings.Contains(bad[0], `records.jsonl:4: schema "other"`)) {
				t.Errorf("bad lines = %q, want line 4 reported", bad)
			}
		})
	}
}

// TestSkipKnown checks, without a graph, that skipKnown asks about the
// articles that could be read, a batch at a time, and passes every input on
// in order, the known ones marked; that the first error of known ends the
// inputs after the batches before it; and that it stops when told to.
func TestSkipKnown(t *testing.T) {
	const n = 2*knownBatch + 500
	var inputs []extract.Input
	for i := range n {
		in := extract.Input{Where: fmt.Sprint("line ", i), Article: dipgraph.Article{ID: fmt.Sprint("a", i), Text: "x"}}
		if i%7 == 0 {
			in = extract.Input{Where: in.Where, Err: errors.New("bad")}
		}
		inputs = append(inputs, in)
	}
	failure := errors.New("graph down")
	tests := []struct {
		name    string
		known   func(id int) bool
		failAt  int // the call of known that fails, from 1; 0 for none
		stop    int // inputs taken before stopping; 0 for all
		want    int // inputs passed on
		wantErr error
	}{
		{name: "none known", known: func(int) bool { return false }, want: n},
		{name: "all known", known: func(int) bool { return true }, want: n},
		{name: "every third known", known: func(i int) bool { return i%3 == 0 }, want: n},
		{name: "second question fails", known: func(int) bool { return true }, failAt: 2, want: knownBatch, wantErr: failure},
		{name: "stopped", known: func(i int) bool { return i%3 == 0 }, stop: 1500, want: 1500},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			index := func(a dipgraph.Article) (i int) {
				fmt.Sscanf(a.ID, "a%d", &i)
				return i
			}
			known := func(arts []dipgraph.Article) (map[string]bool, error) {
				if len(arts) > knownBatch {
					t.Errorf("asked about %d articles at once, over %d", len(arts), knownBatch)
				}
				if index(arts[0])/knownBatch+1 == tt.failAt {
					return nil, failure
				}
				ok := map[string]bool{}
				for _, a := range arts {
					if inputs[index(a)].Err != nil {
						t.Errorf("asked about %s, which could not be read", a.ID)
					}
					ok[a.ID] = tt.known(index(a))
				}
				return ok, nil
			}
			var err error
			got := 0
			for in := range skipKnown(slices.Values(inputs), known, &err) {
				want := inputs[got]
				switch {
				case in.Where != want.Where:
					t.Fatalf("input %d is %s, want %s: out of order", got, in.Where, want.Where)
				case want.Err != nil && in.Err != want.Err:
					t.Errorf("%s: err = %v, want %v", in.Where, in.Err, want.Err)
				case want.Err == nil && tt.known(got) != (in.Err == errKnown):
					t.Errorf("%s: err = %v, known = %v", in.Where, in.Err, tt.known(got))
				}
				if got++; got == tt.stop {
					break
				}
			}
			if got != tt.want || err != tt.wantErr {
				t.Errorf("passed on %d inputs with error %v, want %d with %v", got, err, tt.want, tt.wantErr)
			}
		})
	}
}
