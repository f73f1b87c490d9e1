package extract_test

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dipgraph/dipgraph"
	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/internal/badcorpus"
)

// TestReadBadInputs reads the bad-input corpus: every bad file or line is
// skipped with its message, every good one beside it is read (with a
// warning where it was repaired) and extracted, and the 200 MB file and
// line are never held in memory.
func TestReadBadInputs(t *testing.T) {
	unreadable := os.Geteuid() != 0
	if !unreadable {
		t.Log("root reads any file: cmd/dipgraph's TestBadInput reads the unreadable cases as another user")
	}
	dir, cases := badcorpus.Build(t, unreadable)
	x := newExtractor(t)

	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var inputs []extract.Input
	for in := range extract.Read([]string{dir}, nil) {
		inputs = append(inputs, in)
	}
	runtime.ReadMemStats(&after)
	// A line is held up to the limit, then dropped: never the 200 MB.
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 2*extract.MaxArticleBytes {
		t.Errorf("reading the corpus allocated %d MB: the big file or line was read into memory", alloc>>20)
	}

	for i, c := range cases {
		if i >= len(inputs) {
			t.Fatalf("read %d inputs, want %d: %v is missing", len(inputs), len(cases), c.Where)
		}
		in := inputs[i]
		if want := filepath.Join(dir, c.Where); in.Where != want {
			t.Fatalf("input %d is %s, want %s", i, in.Where, want)
		}
		t.Run(c.Where, func(t *testing.T) {
			if !c.Good() {
				if in.Err == nil || !strings.Contains(in.Err.Error(), c.Skip) {
					t.Errorf("err = %v, want it to say %q", in.Err, c.Skip)
				}
				if strings.Contains(in.Err.Error(), dir) && !strings.Contains(c.Skip, dir) {
					t.Errorf("err = %v repeats the path, which Where names", in.Err)
				}
				return
			}
			if in.Err != nil {
				t.Fatalf("err = %v, want the article", in.Err)
			}
			if c.Warning == "" && in.Warning != "" || !strings.Contains(in.Warning, c.Warning) {
				t.Errorf("warning = %q, want %q", in.Warning, c.Warning)
			}
			checkArticle(t, in.Article)
			for _, s := range c.Absent {
				if strings.Contains(in.Article.Text, s) {
					t.Errorf("text holds %q, which is not the article's:\n%s", s, in.Article.Text)
				}
			}
			rec := x.Extract(in.Article)
			if err := c.Check(rec); err != nil {
				t.Error(err)
			}
		})
	}
	if len(inputs) > len(cases) {
		t.Errorf("%d inputs more than the cases, from %s on", len(inputs)-len(cases), inputs[len(cases)].Where)
	}
}

// checkArticle checks what every article Read yields must be.
func checkArticle(t *testing.T, a dipgraph.Article) {
	t.Helper()
	if a.ID == "" || a.Path == "" {
		t.Errorf("article without id or path: %+v", a)
	}
	if !utf8.ValidString(a.Text) || strings.TrimSpace(a.Text) == "" {
		t.Errorf("text %q is empty or not UTF-8", a.Text)
	}
	if len(a.Text) > extract.MaxArticleBytes*3/2 {
		t.Errorf("text of %d bytes, over the limit", len(a.Text))
	}
}

// TestReadStopsEarly checks that a consumer that stops reading is obeyed
// in every kind of input.
func TestReadStopsEarly(t *testing.T) {
	dir := filepath.Join("..", "testdata", "bad")
	for _, p := range []string{dir, filepath.Join(dir, "bad.jsonl"), filepath.Join(dir, "good.txt")} {
		n := 0
		for range extract.Read([]string{p, p}, nil) {
			n++
			break
		}
		if n != 1 {
			t.Errorf("%s: %d inputs after break", p, n)
		}
	}
}
