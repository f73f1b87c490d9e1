package graph_test

// These tests run against a real Neo4j server and delete everything in its
// database first: see internal/neo4jtest.

import (
	"context"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/internal/neo4jtest"
)

// TestLoaderMatchesLoad writes the same records with Load, in one batch,
// and with a Loader of several writers and small batches, and expects the
// same graph. An article given twice, in batches that could be in flight
// together, keeps its last record.
func TestLoaderMatchesLoad(t *testing.T) {
	db := neo4jtest.Open(t)
	ctx := context.Background()
	recs := append(neo4jtest.Records(), graph.Synthetic(300)...)
	again := recs[5]
	again.Relations = nil
	again.Article.Title = "second version"
	recs = append(recs, again)

	db.BatchSize = len(recs)
	if _, err := db.Load(ctx, recs); err != nil {
		t.Fatal(err)
	}
	want := dump(t, db)
	if got := rows(t, db, "MATCH (a:Article {id: 'synthetic-3'}) RETURN a.title, COUNT { ()-[{article: a.id}]->() }"); got != "[[second version 0]]" {
		t.Errorf("Load: the article given twice is %s, want its second version without claims", got)
	}

	for _, writers := range []int{1, 4} {
		if err := db.Wipe(ctx); err != nil {
			t.Fatal(err)
		}
		db.BatchSize = 7
		l := db.NewLoader(ctx, writers)
		for _, rec := range recs {
			if err := l.Add(rec); err != nil {
				t.Fatal(err)
			}
		}
		stats, err := l.Close()
		if err != nil {
			t.Fatal(err)
		}
		if stats.Articles != len(recs) {
			t.Errorf("%d writers: stats.Articles = %d, want %d, the twice given article once per batch", writers, stats.Articles, len(recs))
		}
		if got := dump(t, db); got != want {
			t.Errorf("%d writers, batches of 7: the graph differs from one Load:\n%s\nwant\n%s", writers, got, want)
		}
	}
}

// TestLoaderStopsAtABadRecord checks that a Loader reports a bad record
// and writes nothing after it.
func TestLoaderStopsAtABadRecord(t *testing.T) {
	db := neo4jtest.Open(t)
	ctx := context.Background()
	db.BatchSize = 1
	recs := neo4jtest.Records()
	recs[1].Relations[0].Type = "LIKES"
	l := db.NewLoader(ctx, 2)
	var err error
	for _, rec := range recs {
		if err = l.Add(rec); err != nil {
			break
		}
	}
	if _, cerr := l.Close(); err == nil {
		err = cerr
	}
	if err == nil || !strings.Contains(err.Error(), `relation 0 has type "LIKES"`) {
		t.Fatalf("err = %v, want one about the relation of type LIKES", err)
	}
	if got := rows(t, db, "MATCH (a:Article) RETURN a.id ORDER BY a.id"); got != "[[a1]]" {
		t.Errorf("articles = %s, want only a1, written before the bad record", got)
	}
}

// TestKnown checks the incremental load's question: which articles does
// the graph hold with the same content?
func TestKnown(t *testing.T) {
	db := neo4jtest.Open(t)
	ctx := context.Background()
	recs := neo4jtest.Records()
	recs[0].Article.Text = "Vladimir Putin met Bashar al-Assad in Moscow."
	recs[1].Article.Text = "Erdogan met Putin in St Petersburg."
	if _, err := db.Load(ctx, recs); err != nil {
		t.Fatal(err)
	}

	changed := recs[1].Article
	changed.Text += " They spoke."
	newer := recs[0].Article
	newer.Published = "2024-07-26" // relative dates resolve differently
	tests := []struct {
		name    string
		article dipgraph.Article
		known   bool
	}{
		{"same content", recs[0].Article, true},
		{"same content, other path", func() dipgraph.Article { a := recs[1].Article; a.Path = "elsewhere.txt"; return a }(), true},
		{"changed text", changed, false},
		{"changed publication date", newer, false},
		{"not loaded", dipgraph.Article{ID: "a3", Text: recs[0].Article.Text}, false},
		{"without text", dipgraph.Article{ID: "a1"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			known, err := db.Known(ctx, []dipgraph.Article{tt.article})
			if err != nil {
				t.Fatal(err)
			}
			if known[tt.article.ID] != tt.known {
				t.Errorf("known = %v, want %v", known[tt.article.ID], tt.known)
			}
		})
	}

	// A record without its text (read from JSON Lines) leaves the graph
	// not knowing which text it holds: the next load extracts again.
	recs[0].Article.Text = ""
	if _, err := db.Load(ctx, recs[:1]); err != nil {
		t.Fatal(err)
	}
	recs[0].Article.Text = tests[0].article.Text
	if known, err := db.Known(ctx, []dipgraph.Article{recs[0].Article}); err != nil || known["a1"] {
		t.Errorf("after a load without text: known = %v, %v; want a1 unknown", known, err)
	}
}

func TestWipe(t *testing.T) {
	db := neo4jtest.Open(t)
	ctx := context.Background()
	if _, err := db.Load(ctx, graph.Synthetic(50)); err != nil {
		t.Fatal(err)
	}
	if err := db.Wipe(ctx); err != nil {
		t.Fatal(err)
	}
	if nodes, rels, err := db.Counts(ctx); err != nil || nodes != 0 || rels != 0 {
		t.Errorf("after Wipe: %d nodes, %d relationships, %v", nodes, rels, err)
	}
}
