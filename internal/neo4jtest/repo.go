package neo4jtest

import (
	"os"
	"path/filepath"
	"testing"
)

// RepoPath is a path in the repository, found from the working directory
// of the test, which is its package's: the directory of go.mod, then
// elem. Tests reach scripts/neo4j and testdata/ through it.
func RepoPath(t testing.TB, elem ...string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(append([]string{dir}, elem...)...)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the working directory")
		}
		dir = parent
	}
}
