package extract_test

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"github.com/dipgraph/dipgraph"
	"github.com/dipgraph/dipgraph/extract"
)

// corpus reads up to n articles of the shared Wikinews corpus, skipping
// the benchmark when it is not beside the repository.
func corpus(b *testing.B, n int) ([]dipgraph.Article, int64) {
	b.Helper()
	f, err := os.Open("../../shared/corpus/wikinews.jsonl")
	if err != nil {
		b.Skip("../shared/corpus/wikinews.jsonl not found")
	}
	defer f.Close()
	var arts []dipgraph.Article
	var size int64
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() && len(arts) < n {
		var a dipgraph.Article
		var in struct {
			Text      string `json:"text"`
			Published string `json:"published"`
		}
		if json.Unmarshal(sc.Bytes(), &in) != nil || in.Text == "" {
			continue
		}
		a.ID, a.Text, a.Published = "a", in.Text, in.Published
		arts = append(arts, a)
		size += int64(len(in.Text))
	}
	return arts, size
}

// BenchmarkExtract measures extraction alone over real news; b.SetBytes
// makes go test report MB/s of article text.
func BenchmarkExtract(b *testing.B) {
	arts, size := corpus(b, 500)
	x := newExtractor(b)
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		for _, a := range arts {
			x.Extract(a)
		}
	}
}

// BenchmarkStream measures extraction through the worker pool, one worker
// per GOMAXPROCS: run with -cpu 1,2 to see how it scales with cores.
func BenchmarkStream(b *testing.B) {
	arts, size := corpus(b, 500)
	x := newExtractor(b)
	inputs := func(yield func(extract.Input) bool) {
		for _, a := range arts {
			if !yield(extract.Input{Article: a}) {
				return
			}
		}
	}
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		if err := x.Stream(inputs, 0, func(extract.Result) error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRead measures reading the shared corpus as JSON Lines, which is
// most of what loading an unchanged corpus again costs: run with -cpu 1,2
// to see how it scales with cores.
func BenchmarkRead(b *testing.B) {
	const path = "../../shared/corpus/wikinews.jsonl"
	info, err := os.Stat(path)
	if err != nil {
		b.Skip("../shared/corpus/wikinews.jsonl not found")
	}
	b.SetBytes(info.Size())
	for b.Loop() {
		for range extract.Read([]string{path}, nil) {
		}
	}
}
