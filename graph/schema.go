package graph

import (
	"context"
	"fmt"
)

// schema lists the constraints and indexes that Load and the queries rely
// on. The uniqueness constraints make MERGE on id safe under concurrent
// loads and give it an index to find nodes by; Actor(id) serves the
// statements that match an actor without knowing its label. Every actor
// label of dipgraph.Labels has its constraint (a test checks it).
var schema = []string{
	"CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT country_id IF NOT EXISTS FOR (n:Country) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT group_id IF NOT EXISTS FOR (n:Group) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT meeting_id IF NOT EXISTS FOR (n:Meeting) REQUIRE n.id IS UNIQUE",
	"CREATE INDEX actor_name IF NOT EXISTS FOR (n:Actor) ON (n.name)",
}

// EnsureSchema creates whatever of the schema is missing. It is idempotent
// and cheap once the schema exists.
func (db *DB) EnsureSchema(ctx context.Context) error {
	for _, stmt := range schema {
		if err := db.write(ctx, stmt, nil); err != nil {
			return fmt.Errorf("ensure schema: %w", err)
		}
	}
	return nil
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
