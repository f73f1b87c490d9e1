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
// before extracting them. Articles without text are never known. The ids
// come back as one list, in one record, rather than a record each: the
// server and the driver spend more on a record than on the id in it, and
// loading an unchanged corpus again is mostly this question.
func (db *DB) Known(ctx context.Context, articles []dipgraph.Article) (map[string]bool, error) {
	rows := make([]any, 0, len(articles))
	var buf []byte
	for _, a := range articles {
		if a.Text != "" {
			var hash string
			hash, buf = articleHash(a, buf)
			rows = append(rows, map[string]any{"id": a.ID, "hash": hash})
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
		RETURN collect(a.id) AS ids`, map[string]any{"rows": rows})
	if err != nil {
		return nil, fmt.Errorf("known articles: %w", err)
	}
	for _, id := range res.Rows[0][0].([]any) {
		known[id.(string)] = true
	}
	return known, nil
}

// ArticleHash is the content hash stored as an Article's hash: the
// SHA-256 of what extraction reads (text, title, publication date, which
// resolves relative dates) and what the article node keeps (url). Source
// is left out because extraction fills it in from the dateline, and path
// because moving a corpus does not change what it says.
func ArticleHash(a dipgraph.Article) string {
	hash, _ := articleHash(a, nil)
	return hash
}

// articleHash is ArticleHash, hashing a copy of the fields in buf, which
// it returns for the next article: hashing a batch of articles through one
// buffer saves allocating a copy of every text.
func articleHash(a dipgraph.Article, buf []byte) (string, []byte) {
	buf = buf[:0]
	for _, f := range []string{a.Text, a.Title, a.Published, a.URL} {
		buf = append(buf, f...)
		buf = append(buf, 0)
	}
	sum := sha256.Sum256(buf)
	return hex.EncodeToString(sum[:]), buf
}
