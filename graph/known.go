package graph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/dipgraph/dipgraph"
)

// Known returns the ids of the articles that the graph already holds with
// the same ArticleHash, in one round trip, so that a load can skip them
// before extracting them. Articles without text are never known.
func (db *DB) Known(ctx context.Context, articles []dipgraph.Article) (map[string]bool, error) {
	rows := make([]any, 0, len(articles))
	for _, a := range articles {
		if a.Text != "" {
			rows = append(rows, map[string]any{"id": a.ID, "hash": ArticleHash(a)})
		}
	}
	known := map[string]bool{}
	if len(rows) == 0 {
		return known, nil
	}
	res, err := db.Read(ctx, `
		UNWIND $rows AS row
		MATCH (a:Article {id: row.id})
		WHERE a.hash = row.hash
		RETURN a.id`, map[string]any{"rows": rows})
	if err != nil {
		return nil, fmt.Errorf("known articles: %w", err)
	}
	for _, row := range res.Rows {
		known[row[0].(string)] = true
	}
	return known, nil
}

// ArticleHash is the content hash stored as an Article's hash: the
// SHA-256 of what extraction reads (text, title, publication date, which
// resolves relative dates) and what the article node keeps (url). Source
// is left out because extraction fills it in from the dateline, and path
// because moving a corpus does not change what it says.
func ArticleHash(a dipgraph.Article) string {
	h := sha256.New()
	for _, f := range []string{a.Text, a.Title, a.Published, a.URL} {
		h.Write([]byte(f))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}
