package extract_test

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dipgraph/dipgraph/extract"
)

func TestRead(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("b/story.txt", "\n  A headline\n\nThe body.\n")
	write("a.jsonl", strings.Join([]string{
		`{"id": "one", "title": "T1", "text": "First.", "published": "2024-07-25T10:00:00Z", "source": "AFP"}`,
		`not json`,
		``,
		`{"title": "no text"}`,
		`{"text": 42}`,
		`{"text": "Second.", "published": "yesterday"}`,
		`{"text": "Third."}`,
	}, "\n"))
	write("notes.csv", "ignored")
	write("empty.md", "  \n")

	var where, errs []string
	var ids, published []string
	for in := range extract.Read([]string{dir}, nil) {
		where = append(where, strings.TrimPrefix(in.Where, dir+string(filepath.Separator)))
		if in.Err != nil {
			errs = append(errs, in.Err.Error())
			continue
		}
		ids = append(ids, in.Article.ID)
		published = append(published, in.Article.Published)
	}
	wantWhere := []string{"a.jsonl:1", "a.jsonl:2", "a.jsonl:4", "a.jsonl:5", "a.jsonl:6", "a.jsonl:7", "b/story.txt", "empty.md"}
	if !slices.Equal(where, wantWhere) {
		t.Errorf("read %v, want %v (lexical order, blank lines skipped, other extensions ignored)", where, wantWhere)
	}
	if len(errs) != 5 {
		t.Errorf("errors = %q, want 5 (bad JSON, missing text, wrong type, bad date, empty file)", errs)
	}
	if ids[0] != "one" || ids[1] != extract.ContentID("Third.") || len(ids[2]) != 16 {
		t.Errorf("ids = %v: want the given id, else a content hash", ids)
	}
	if published[0] != "2024-07-25" {
		t.Errorf("published = %q, want the day of the timestamp", published[0])
	}
}

func TestReadMissingPath(t *testing.T) {
	var n int
	for in := range extract.Read([]string{filepath.Join(t.TempDir(), "nope.txt")}, nil) {
		n++
		if in.Err == nil || !strings.Contains(in.Where, "nope.txt") {
			t.Errorf("got %+v, want an error naming the file", in)
		}
	}
	if n != 1 {
		t.Errorf("%d inputs, want 1", n)
	}
}

func TestReadStdin(t *testing.T) {
	var titles []string
	for in := range extract.Read([]string{"-"}, strings.NewReader(`{"title": "x", "text": "y"}`+"\n")) {
		if in.Err != nil {
			t.Fatal(in.Err)
		}
		titles = append(titles, in.Article.Title)
		if in.Where != "-:1" {
			t.Errorf("where = %q", in.Where)
		}
	}
	if !slices.Equal(titles, []string{"x"}) {
		t.Errorf("titles = %v", titles)
	}
}

// TestReadStdinStreams checks that an article from a pipe is read as soon
// as its line comes, before the next line: Read decodes lines in chunks,
// and must not wait to fill one.
func TestReadStdinStreams(t *testing.T) {
	r, w := io.Pipe()
	read := make(chan string, 3)
	go func() {
		for i := range 3 {
			fmt.Fprintf(w, `{"id": "a%d", "text": "x"}`+"\n", i)
			select {
			case id := <-read:
				if want := fmt.Sprint("a", i); id != want {
					w.CloseWithError(fmt.Errorf("read %s, want %s", id, want))
					return
				}
			case <-time.After(10 * time.Second):
				w.CloseWithError(fmt.Errorf("line %d not read before the next came", i+1))
				return
			}
		}
		w.Close()
	}()
	n := 0
	for in := range extract.Read([]string{"-"}, r) {
		if in.Err != nil {
			t.Fatalf("%s: %v", in.Where, in.Err)
		}
		n++
		read <- in.Article.ID
	}
	if n != 3 {
		t.Errorf("read %d articles, want 3", n)
	}
}

func TestStreamKeepsOrder(t *testing.T) {
	x := newExtractor(t)
	var lines []string
	for i := range 50 {
		lines = append(lines, `{"id": "`+string(rune('A'+i%26))+strings.Repeat("x", i)+`", "text": "Vladimir Putin met Bashar al-Assad in Moscow."}`)
	}
	in := extract.Read([]string{"-"}, strings.NewReader(strings.Join(lines, "\n")))
	var got []string
	err := x.Stream(in, 4, func(r extract.Result) error {
		got = append(got, r.Record.Article.ID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, id := range got {
		if want := string(rune('A'+i%26)) + strings.Repeat("x", i); id != want {
			t.Fatalf("result %d is %q, want %q: parallel output must keep input order", i, id, want)
		}
	}
}
