package extract

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"
)

// BenchmarkReadStages measures, serially, the stages Read puts a line of
// JSON Lines through, over the shared corpus: decoding the line (and
// json.Unmarshal, which decodes the lines it cannot), the language check,
// and all of jsonlArticle.
func BenchmarkReadStages(b *testing.B) {
	f, err := os.Open("../../shared/corpus/wikinews.jsonl")
	if err != nil {
		b.Skip("../shared/corpus/wikinews.jsonl not found")
	}
	defer f.Close()
	var lines, texts []string
	size := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, MaxArticleBytes)
	for sc.Scan() {
		line := sc.Text()
		var in jsonArticle
		if json.Unmarshal(sc.Bytes(), &in) != nil || in.Text == nil {
			continue
		}
		lines = append(lines, line)
		texts = append(texts, *in.Text)
		size += len(line)
	}
	if err := sc.Err(); err != nil {
		b.Fatal(err)
	}
	b.Run("decodeArticleLine", func(b *testing.B) {
		b.SetBytes(int64(size))
		for b.Loop() {
			for _, line := range lines {
				var in jsonArticle
				if !decodeArticleLine(line, &in) {
					b.Fatalf("cannot decode %s", line)
				}
			}
		}
	})
	b.Run("json.Unmarshal", func(b *testing.B) {
		b.SetBytes(int64(size))
		for b.Loop() {
			for _, line := range lines {
				var in jsonArticle
				if err := json.Unmarshal([]byte(line), &in); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("checkEnglish", func(b *testing.B) {
		b.SetBytes(int64(size))
		for b.Loop() {
			for _, text := range texts {
				checkEnglish(text)
			}
		}
	})
	b.Run("jsonlArticle", func(b *testing.B) {
		b.SetBytes(int64(size))
		for b.Loop() {
			for _, line := range lines {
				jsonlArticle("a.jsonl", line)
			}
		}
	})
}
