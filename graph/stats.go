package graph

import (
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/dipgraph/dipgraph"
)

// Every actor carries counts of what the graph says about it, so that the
// questions that rank all actors (the most mentioned, the most connected)
// read the first rows of an index instead of counting the claims and
// mentions of every actor, which takes hundreds of milliseconds at a
// hundred thousand articles:
//
//   - mentions: the articles that mention it;
//   - partners: the other actors it has a claim with, either way, that
//     does not say something did not happen;
//   - claims: those claims;
//   - claim_articles: the articles that make them.
//
// The counts are derived from the graph, never from a record: a load
// recomputes them, when it ends, for every actor it wrote or swept
// something of (see Loader.Close), and EnsureSchema computes them for
// actors that have none (an import, a graph from before the counts).

// statsCypher recomputes the counts of the actors a and writes those that
// changed, so that an actor whose counts stay as they were is not locked.
var statsCypher = `WITH a
CALL (a) {
  OPTIONAL MATCH (a)-[r:` + strings.Join(claimTypes(), "|") + `]-(b:Actor)
  WHERE r.modality <> 'negated' AND a <> b
  RETURN count(DISTINCT b) AS partners, count(r) AS claims, count(DISTINCT r.article) AS claimArticles
}
WITH a, COUNT { (a)<-[:MENTIONS]-() } AS mentions, partners, claims, claimArticles
WHERE a.mentions IS NULL OR a.mentions <> mentions OR a.partners <> partners
   OR a.claims <> claims OR a.claim_articles <> claimArticles
SET a.mentions = mentions, a.partners = partners, a.claims = claims, a.claim_articles = claimArticles`

func claimTypes() []string {
	types := make([]string, len(dipgraph.RelationTypes))
	for i, t := range dipgraph.RelationTypes {
		types[i] = string(t)
	}
	return types
}

// statsBatch is how many actors one transaction recounts: a popular
// actor's claims are read in full, so a transaction stays small.
const statsBatch = 2000

// recount recomputes the counts of the actors with the given ids, each
// given once, in id order, a batch of them per transaction.
func (db *DB) recount(ctx context.Context, ids []string) error {
	slices.Sort(ids)
	for chunk := range slices.Chunk(ids, statsBatch) {
		err := db.transact(ctx, "actor counts", func(tx neo4j.ManagedTransaction) error {
			return run(ctx, tx, "UNWIND $ids AS id MATCH (a:Actor {id: id}) "+statsCypher, map[string]any{"ids": chunk})
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// touched collects the ids of the actors a load has written or swept
// something of, whose counts it recomputes when it ends.
type touched struct {
	mu  sync.Mutex
	ids map[string]bool
}

func (t *touched) add(ids ...string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.ids == nil {
		t.ids = map[string]bool{}
	}
	for _, id := range ids {
		t.ids[id] = true
	}
}

func (t *touched) list() []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	ids := make([]string, 0, len(t.ids))
	for id := range t.ids {
		ids = append(ids, id)
	}
	return ids
}
