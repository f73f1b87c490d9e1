package graph

import (
	"context"
	"fmt"
	"strings"

	"github.com/dipgraph/dipgraph"
)

// schema lists the constraints and indexes that Load and the queries rely
// on. The uniqueness constraints make MERGE on id safe under concurrent
// loads and give it an index to find nodes by; Actor(id) serves the
// statements that match an actor without knowing its label. Every actor
// label of dipgraph.Labels has its constraint (a test checks it). Each
// relation type has an index on its claims' article, through which
// reloading an article finds its old claims without walking the claims
// of every actor it mentions.
var schema = func() []string {
	s := []string{
		"CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE",
		"CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE",
		"CREATE CONSTRAINT country_id IF NOT EXISTS FOR (n:Country) REQUIRE n.id IS UNIQUE",
		"CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE",
		"CREATE CONSTRAINT group_id IF NOT EXISTS FOR (n:Group) REQUIRE n.id IS UNIQUE",
		"CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE",
		"CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE",
		"CREATE CONSTRAINT meeting_id IF NOT EXISTS FOR (n:Meeting) REQUIRE n.id IS UNIQUE",
		"CREATE INDEX actor_name IF NOT EXISTS FOR (n:Actor) ON (n.name)",
		"CREATE INDEX actor_country IF NOT EXISTS FOR (n:Actor) ON (n.country)",
		"CREATE TEXT INDEX actor_keys IF NOT EXISTS FOR (n:Actor) ON (n.keys)",
		"CREATE INDEX actor_mentions IF NOT EXISTS FOR (n:Actor) ON (n.mentions)",
		"CREATE INDEX actor_partners IF NOT EXISTS FOR (n:Actor) ON (n.partners)",
		"CREATE INDEX article_published IF NOT EXISTS FOR (n:Article) ON (n.published)",
	}
	for _, t := range dipgraph.RelationTypes {
		s = append(s, fmt.Sprintf("CREATE INDEX %s IF NOT EXISTS FOR ()-[r:%s]-() ON (r.article)", claimIndex(t), t))
	}
	return s
}()

// claimIndex names the index on the article of t's claims.
func claimIndex(t dipgraph.RelationType) string {
	return "claim_article_" + strings.ToLower(string(t))
}

// EnsureSchema creates whatever of the schema is missing and waits until
// its indexes are online, so that the first load after it uses them. It is
// idempotent and cheap once the schema exists.
//
// Actors without keys or counts (see statsCypher), from an import or from
// a version of dipgraph before them, get them.
//
// A graph that holds data but not the schema was built by neo4j-admin
// from an export (see Exporter), and neo4j-admin cannot write an empty
// list: EnsureSchema first gives the nodes and relationships that lack
// their lists the empty ones Load would have written.
func (db *DB) EnsureSchema(ctx context.Context) error {
	res, err := db.Read(ctx, `
		SHOW CONSTRAINTS YIELD name WHERE name = 'actor_id'
		RETURN count(*) = 0 AND EXISTS { MATCH (n) } AS imported`, nil)
	if err != nil {
		return fmt.Errorf("ensure schema: %w", err)
	}
	if res.Rows[0][0] == true {
		if err := db.fillLists(ctx); err != nil {
			return fmt.Errorf("ensure schema: after an import: %w", err)
		}
	}
	for _, stmt := range schema {
		if err := db.write(ctx, stmt, nil); err != nil {
			return fmt.Errorf("ensure schema: %w", err)
		}
	}
	if err := db.autoCommit(ctx, "ensure schema: actor keys and counts", []string{
		"MATCH (n:Actor) WHERE n.keys IS NULL CALL (n) { " + setKeysCypher + " } IN TRANSACTIONS OF 10000 ROWS",
		fmt.Sprintf("MATCH (a:Actor) WHERE a.mentions IS NULL CALL (a) { %s } IN TRANSACTIONS OF %d ROWS", statsCypher, statsBatch),
	}); err != nil {
		return err
	}
	if err := db.write(ctx, "CALL db.awaitIndexes(600)", nil); err != nil {
		return fmt.Errorf("ensure schema: wait for indexes: %w", err)
	}
	return nil
}

// fillLists gives actors without aliases, and claims without evidence,
// empty lists, in transactions of bounded size.
func (db *DB) fillLists(ctx context.Context) error {
	stmts := []string{`MATCH (a:Actor) WHERE a.aliases IS NULL
		CALL (a) { SET a.aliases = [] } IN TRANSACTIONS OF 10000 ROWS`}
	for _, t := range dipgraph.RelationTypes {
		stmts = append(stmts, fmt.Sprintf(`MATCH ()-[r:%s]->() WHERE r.sentences IS NULL
		CALL (r) { SET r.sentences = [], r.starts = [], r.ends = [] } IN TRANSACTIONS OF 10000 ROWS`, t))
	}
	return db.autoCommit(ctx, "fill lists", stmts)
}

// ensureSchemaOnce runs EnsureSchema the first time this DB needs it. A
// failure is not remembered, so the next call tries again.
func (db *DB) ensureSchemaOnce(ctx context.Context) error {
	db.schemaMu.Lock()
	defer db.schemaMu.Unlock()
	if db.schemaReady {
		return nil
	}
	if err := db.EnsureSchema(ctx); err != nil {
		return err
	}
	db.schemaReady = true
	return nil
}
