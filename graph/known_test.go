package graph

import (
	"testing"

	"github.com/dipgraph/dipgraph"
)

// TestKnownHash pins ArticleHash, which graphs hold: another hash of the
// same article would make every article of every graph look changed, and
// extracted again. Known hashes through a buffer of its own, which must
// make no difference, whatever came before in it.
func TestKnownHash(t *testing.T) {
	tests := []struct {
		article dipgraph.Article
		want    string // sha256sum of the fields, each followed by a NUL
	}{
		{dipgraph.Article{}, "df3f619804a92fdb4057192dc43dd748ea778adc52bc498ce80524c014b81119"},
		{
			dipgraph.Article{ID: "a", Path: "p", Source: "s", Text: "Putin met Assad.", Title: "T", Published: "2024-07-25", URL: "https://x"},
			"1b68e20b13ccb9155a879b9dc9e0e4b3725e6ab51cf1eeafe0c3f82b6f9f79ff",
		},
	}
	buf := []byte("what an earlier, longer article left in the buffer")
	for _, tt := range tests {
		if got := ArticleHash(tt.article); got != tt.want {
			t.Errorf("ArticleHash(%+v) = %s, want %s", tt.article, got, tt.want)
		}
		var got string
		if got, buf = articleHash(tt.article, buf); got != tt.want {
			t.Errorf("articleHash(%+v) through a used buffer = %s, want %s", tt.article, got, tt.want)
		}
	}
}
