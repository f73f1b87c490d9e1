package graph

import (
	"context"
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Result is the outcome of a read: column names and rows of plain Go values
// (string, int64, float64, bool, nil, []any, map[string]any), so that
// callers print or encode it without knowing the driver's types.
type Result struct {
	Columns []string
	Rows    [][]any
}

// Read runs a read-only query in a managed read transaction, which the
// driver retries on transient errors and which the server refuses to let
// write anything.
func (db *DB) Read(ctx context.Context, cypher string, params map[string]any) (*Result, error) {
	session := db.session(ctx, neo4j.AccessModeRead)
	defer session.Close(ctx)
	res, err := neo4j.ExecuteRead(ctx, session, func(tx neo4j.ManagedTransaction) (*Result, error) {
		cur, err := tx.Run(ctx, cypher, params)
		if err != nil {
			return nil, err
		}
		records, err := cur.Collect(ctx)
		if err != nil {
			return nil, err
		}
		columns, err := cur.Keys()
		if err != nil {
			return nil, err
		}
		res := &Result{Columns: columns, Rows: make([][]any, len(records))}
		for i, rec := range records {
			row := make([]any, len(rec.Values))
			for j, v := range rec.Values {
				row[j] = plain(v)
			}
			res.Rows[i] = row
		}
		return res, nil
	})
	if err != nil {
		return nil, db.explain("read", err)
	}
	return res, nil
}

// plain converts a value from the driver into a plain Go value: a node or
// relationship becomes the map of its properties, a path the lists of
// those, temporal values their ISO 8601 text and points their driver text.
func plain(v any) any {
	switch v := v.(type) {
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = plain(x)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			out[k] = plain(x)
		}
		return out
	case neo4j.Node:
		return plain(v.Props)
	case neo4j.Relationship:
		return plain(v.Props)
	case neo4j.Path:
		nodes := make([]any, len(v.Nodes))
		for i, n := range v.Nodes {
			nodes[i] = plain(n)
		}
		rels := make([]any, len(v.Relationships))
		for i, r := range v.Relationships {
			rels[i] = plain(r)
		}
		return map[string]any{"nodes": nodes, "relationships": rels}
	case time.Time:
		return v.Format(time.RFC3339Nano)
	case fmt.Stringer: // Date, LocalDateTime, LocalTime, Time, Duration, Point2D, Point3D
		return v.String()
	}
	return v
}
