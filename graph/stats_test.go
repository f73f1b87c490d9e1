package graph_test

import (
	"context"
	"slices"
	"testing"

	"github.com/dipgraph/dipgraph"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/internal/neo4jtest"
)

// countsCypher compares every actor's stored counts with counts made
// afresh, without the list of claim types that loading uses: every
// relationship between two actors is a claim. It returns the actors whose
// counts differ.
const countsCypher = `
MATCH (a:Actor)
WITH a, COUNT { (a)<-[:MENTIONS]-(:Article) } AS mentions
OPTIONAL MATCH (a)-[r]-(b:Actor)
WHERE r.modality <> 'negated' AND a <> b
WITH a, mentions, count(DISTINCT b) AS partners, count(r) AS claims, count(DISTINCT r.article) AS articles
WHERE a.mentions IS NULL OR [a.mentions, a.partners, a.claims, a.claim_articles] <> [mentions, partners, claims, articles]
RETURN a.id, [a.mentions, a.partners, a.claims, a.claim_articles] AS stored, [mentions, partners, claims, articles] AS counted
ORDER BY a.id`

// TestActorCounts checks the counts that the actors and connected
// questions rank by: after a load with several writers, and after an
// article is loaded again without one of its actors and claims, so that
// only the sweep of its old version reaches them. (That EnsureSchema
// gives an imported graph the same counts as a load, the export test
// checks.)
func TestActorCounts(t *testing.T) {
	db := neo4jtest.Open(t)
	ctx := context.Background()
	recs := append(neo4jtest.Records(), graph.Synthetic(200)...)
	db.BatchSize = 9
	l := db.NewLoader(ctx, 2)
	for _, rec := range recs {
		if err := l.Add(rec); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if got := rows(t, db, countsCypher); got != "[]" {
		t.Fatalf("after a load, stored and counted differ: %s", got)
	}
	if got := rows(t, db, "MATCH (a:Actor {id: 'place:moscow'}) RETURN a.mentions"); got != "[[1]]" {
		t.Errorf("Moscow's mentions = %s, want [[1]]", got)
	}

	a1 := recs[0]
	a1.Actors = slices.DeleteFunc(slices.Clone(a1.Actors), func(a dipgraph.Actor) bool { return a.ID == "place:moscow" })
	a1.Relations = a1.Relations[:1]
	a1.Relations[0].Place = ""
	a1.Meetings = nil
	if _, err := db.Load(ctx, []dipgraph.Record{a1}); err != nil {
		t.Fatal(err)
	}
	if got := rows(t, db, countsCypher); got != "[]" {
		t.Errorf("after an article lost an actor and claims, stored and counted differ: %s", got)
	}
	if got := rows(t, db, "MATCH (a:Actor {id: 'place:moscow'}) RETURN a.mentions"); got != "[[0]]" {
		t.Errorf("Moscow's mentions = %s, want [[0]] once a1 no longer mentions it", got)
	}
}
