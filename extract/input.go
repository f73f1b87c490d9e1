package extract

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dipgraph/dipgraph"
)

// Input is one article read from the input, or why it could not be read.
// Where names the file, and the line for JSON Lines, so that a message
// about a bad article points at it.
type Input struct {
	Article dipgraph.Article
	Where   string
	Err     error
}

// Read streams the articles named by paths in order: plain-text files
// (.txt, .md) as one article each, JSON Lines files (.jsonl) as one article
// a line, directories as every supported file under them in lexical path
// order, and "-" as JSON Lines on stdin. A bad file or line yields an Input
// with Err set and reading goes on with the rest.
func Read(paths []string, stdin io.Reader) iter.Seq[Input] {
	return func(yield func(Input) bool) {
		for _, p := range paths {
			if !readPath(p, stdin, yield) {
				return
			}
		}
	}
}

func readPath(p string, stdin io.Reader, yield func(Input) bool) bool {
	if p == "-" {
		return readJSONL("-", stdin, yield)
	}
	info, err := os.Stat(p)
	if err != nil {
		return yield(Input{Where: p, Err: err})
	}
	if !info.IsDir() {
		return readFile(p, yield)
	}
	files, err := supportedFiles(p)
	if err != nil {
		if !yield(Input{Where: p, Err: err}) {
			return false
		}
	}
	for _, f := range files {
		if !readFile(f, yield) {
			return false
		}
	}
	return true
}

// supportedFiles lists the article files under dir in lexical path order.
// Unreadable entries are reported in the returned error, after the files
// that could be listed.
func supportedFiles(dir string) ([]string, error) {
	var files []string
	var errs []error
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, err)
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() && supported(p) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		errs = append(errs, err)
	}
	sort.Strings(files)
	return files, errors.Join(errs...)
}

func supported(p string) bool {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".txt", ".md", ".jsonl":
		return true
	}
	return false
}

func readFile(p string, yield func(Input) bool) bool {
	if strings.EqualFold(filepath.Ext(p), ".jsonl") {
		f, err := os.Open(p)
		if err != nil {
			return yield(Input{Where: p, Err: err})
		}
		defer f.Close()
		return readJSONL(p, f, yield)
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return yield(Input{Where: p, Err: err})
	}
	a, err := textArticle(p, data)
	return yield(Input{Article: a, Where: p, Err: err})
}

// textArticle makes an article of a whole plain-text file. Its title is the
// first non-empty line.
func textArticle(p string, data []byte) (dipgraph.Article, error) {
	if !utf8.Valid(data) {
		return dipgraph.Article{}, errors.New("not valid UTF-8 text")
	}
	text := string(data)
	if strings.TrimSpace(text) == "" {
		return dipgraph.Article{}, errors.New("empty article")
	}
	return dipgraph.Article{
		ID:    ContentID(text),
		Path:  p,
		Title: firstLine(text),
		Text:  text,
	}, nil
}

func firstLine(text string) string {
	for line := range strings.Lines(text) {
		if t := strings.TrimSpace(line); t != "" {
			return t
		}
	}
	return ""
}

// jsonArticle is an input line of a .jsonl file.
type jsonArticle struct {
	ID        *string `json:"id"`
	Title     string  `json:"title"`
	Text      *string `json:"text"`
	Published string  `json:"published"`
	Source    string  `json:"source"`
	URL       string  `json:"url"`
}

func readJSONL(p string, r io.Reader, yield func(Input) bool) bool {
	br := bufio.NewReaderSize(r, 1<<20)
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			where := fmt.Sprintf("%s:%d", p, n)
			a, perr := jsonlArticle(p, line)
			if !yield(Input{Article: a, Where: where, Err: perr}) {
				return false
			}
		}
		if err == io.EOF {
			return true
		}
		if err != nil {
			return yield(Input{Where: fmt.Sprintf("%s:%d", p, n), Err: err})
		}
	}
}

func jsonlArticle(p string, line []byte) (dipgraph.Article, error) {
	var in jsonArticle
	if err := json.Unmarshal(line, &in); err != nil {
		return dipgraph.Article{}, fmt.Errorf("not a JSON article: %w", err)
	}
	if in.Text == nil {
		return dipgraph.Article{}, errors.New(`missing "text"`)
	}
	if strings.TrimSpace(*in.Text) == "" {
		return dipgraph.Article{}, errors.New("empty article")
	}
	published, err := isoDate(in.Published)
	if err != nil {
		return dipgraph.Article{}, err
	}
	a := dipgraph.Article{
		Path:      p,
		Title:     in.Title,
		Source:    in.Source,
		Published: published,
		URL:       in.URL,
		Text:      *in.Text,
	}
	if in.ID != nil && *in.ID != "" {
		a.ID = *in.ID
	} else {
		a.ID = ContentID(a.Text)
	}
	return a, nil
}

// isoDate accepts a date or a timestamp and keeps its day.
func isoDate(s string) (string, error) {
	if s == "" {
		return "", nil
	}
	if len(s) >= 10 {
		if _, err := time.Parse(time.DateOnly, s[:10]); err == nil {
			return s[:10], nil
		}
	}
	return "", fmt.Errorf("published %q is not an ISO date", s)
}

// ContentID is the stable id of an article without one of its own: the
// first 16 hex digits of the SHA-256 of its text.
func ContentID(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:8])
}
