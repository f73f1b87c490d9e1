// Package neo4jtest connects integration tests to a real Neo4j server and
// hands each test an empty database.
//
// The tests DELETE EVERYTHING in the database they connect to, so point
// them at a throwaway server: the one "make neo4j-up" starts is meant for
// it. The connection comes from NEO4J_URI (default bolt://localhost:7687),
// NEO4J_USERNAME (neo4j), NEO4J_PASSWORD (dipgraph-local) and
// NEO4J_DATABASE (empty: the server's default).
package neo4jtest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/dipgraph/dipgraph/graph"
)

// Config returns the connection settings from the environment.
func Config() graph.Config {
	return graph.Config{
		URI:      env("NEO4J_URI", "bolt://localhost:7687"),
		Username: env("NEO4J_USERNAME", "neo4j"),
		Password: env("NEO4J_PASSWORD", "dipgraph-local"),
		Database: os.Getenv("NEO4J_DATABASE"),
	}
}

func env(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}

// Open connects to the test database and empties it, now and when the
// test ends. Without a server the test is skipped, except on CI
// (CI=true), where a missing server is a failure: a suite that skips its
// integration tests must not pass there.
//
// Tests of different packages run in parallel processes and share the one
// database, so Open takes a lock file that the test holds until it ends.
func Open(t testing.TB) *graph.DB {
	t.Helper()
	lock(t)
	ctx := context.Background()
	db, err := graph.Open(ctx, Config())
	switch {
	case errors.Is(err, graph.ErrUnreachable) && os.Getenv("CI") != "true":
		t.Skipf("skipping: the integration tests need a throwaway Neo4j server: %v", err)
	case err != nil:
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close(ctx) })
	if err := db.Clear(ctx); err != nil {
		t.Fatal(err)
	}
	// Empty it again when the test ends, so that what runs next on the
	// server (make demo after make test, say) does not meet the test's
	// actors under its own names.
	t.Cleanup(func() {
		if err := db.Clear(ctx); err != nil {
			t.Errorf("empty the test database: %v", err)
		}
	})
	return db
}

// lock holds an exclusive lock on a file shared by all test processes of
// this machine until the test ends.
func lock(t testing.TB) {
	t.Helper()
	f, err := os.OpenFile(filepath.Join(os.TempDir(), "dipgraph-neo4jtest.lock"), os.O_CREATE|os.O_RDWR, 0o666)
	if err != nil {
		t.Fatalf("open test lock: %v", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		t.Fatalf("take test lock: %v", err)
	}
	t.Cleanup(func() { f.Close() }) // closing releases the lock
}
