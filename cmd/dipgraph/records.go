package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"strings"

	"github.com/dipgraph/dipgraph"
	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
)

// source is what load, export and bench read: articles, which it
// extracts, and extraction records (JSON Lines of "schema":
// "dipgraph.extract/v1", as extract --format jsonl writes them), which it
// takes as they are. Records let extraction run apart from loading, on as
// many machines as there are shards of a corpus.
type source struct {
	paths     []string
	stdin     io.Reader
	published string // for articles that carry no publication date
	workers   int    // articles extracted at a time; 0 means one per core
}

// errKnown marks an article that the graph already holds unchanged: it is
// not extracted.
var errKnown = errors.New("already loaded, unchanged")

// knownBatch is how many articles one question to the graph about known
// articles covers: the graph answers about 1000 in a fifth less time than
// about 500 twice.
const knownBatch = 1000

// knownQuestions is how many questions about known articles are in flight
// at a time: while the graph answers one, the next batch is hashed and
// sent, so that neither the graph nor the reading waits on the other.
const knownQuestions = 2

// read calls fn with the result of every input, in input order. A file
// (or stdin) whose first line is an extraction record is read as records;
// anything else as articles, as extract reads them. When known is not
// nil, it is asked, a batch of articles at a time, which of them the graph
// holds unchanged: those are not extracted, and their results carry
// errKnown.
func (s source) read(known func([]dipgraph.Article) (map[string]bool, error), fn func(extract.Result) error) error {
	var (
		x        *extract.Extractor
		articles []string
		stdin    = s.stdin
	)
	extractPending := func() error {
		if len(articles) == 0 {
			return nil
		}
		if x == nil {
			var err error
			if x, err = extract.New(); err != nil {
				return err
			}
		}
		inputs := withPublished(extract.Read(articles, stdin), s.published)
		articles = nil
		var knownErr error
		if known != nil {
			inputs = skipKnown(inputs, known, &knownErr)
		}
		if err := x.Stream(inputs, s.workers, fn); err != nil {
			return err
		}
		return knownErr
	}
	for _, p := range s.paths {
		recs, rest, err := openRecords(p, stdin)
		if p == "-" {
			stdin = rest
		}
		if err != nil {
			return err
		}
		if recs == nil {
			articles = append(articles, p)
			continue
		}
		if err := extractPending(); err != nil {
			return err
		}
		err = streamRecords(p, recs, fn)
		if c, ok := recs.(io.Closer); ok && p != "-" {
			c.Close()
		}
		if err != nil {
			return err
		}
	}
	return extractPending()
}

// openRecords returns a reader of p's records if p is a file of
// extraction records, or nil. For "-" it reads the first line of stdin to
// decide and returns, as rest, a reader that gives it back.
func openRecords(p string, stdin io.Reader) (recs, rest io.Reader, err error) {
	if p == "-" {
		br := bufio.NewReaderSize(stdin, 1<<20)
		var head bytes.Buffer
		for {
			line, err := br.ReadBytes('\n')
			head.Write(line)
			if len(bytes.TrimSpace(line)) > 0 || err != nil {
				rest = io.MultiReader(&head, br)
				if isRecord(line) {
					return rest, rest, nil
				}
				return nil, rest, nil
			}
		}
	}
	if !strings.EqualFold(filepath.Ext(p), ".jsonl") {
		return nil, nil, nil
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, nil, nil // extract reports it with the other bad inputs
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		if !isRecord(sc.Bytes()) {
			break
		}
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			f.Close()
			return nil, nil, fmt.Errorf("%s: %w", p, err)
		}
		return f, nil, nil
	}
	f.Close()
	return nil, nil, nil
}

// isRecord reports whether a line is an extraction record.
func isRecord(line []byte) bool {
	var head struct {
		Schema string `json:"schema"`
	}
	return json.Unmarshal(line, &head) == nil && head.Schema == dipgraph.Schema
}

// streamRecords calls fn with each record of r. A line that is not a record
// is a result with an error, which the caller reports before going on, as
// it does for a bad article.
func streamRecords(p string, r io.Reader, fn func(extract.Result) error) error {
	br := bufio.NewReaderSize(r, 1<<20)
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			res := extract.Result{Input: extract.Input{Where: fmt.Sprintf("%s:%d", p, n)}}
			if jerr := json.Unmarshal(line, &res.Record); jerr != nil {
				res.Err = fmt.Errorf("not an extraction record: %w", jerr)
			} else if res.Record.Schema != dipgraph.Schema {
				res.Err = fmt.Errorf("schema %q, want %q", res.Record.Schema, dipgraph.Schema)
			}
			res.Article = res.Record.Article
			if err := fn(res); err != nil {
				return err
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s:%d: %w", p, n, err)
		}
	}
}

// skipKnown marks the inputs that known says the graph holds unchanged
// with errKnown, so that extraction passes them by, asking about a batch
// of articles at a time. It reads the next batches while the graph answers
// about the last, knownQuestions at a time, so that an unchanged corpus
// loads again at the speed of reading it. Its first error ends the inputs
// and is left in *errp.
func skipKnown(inputs iter.Seq[extract.Input], known func([]dipgraph.Article) (map[string]bool, error), errp *error) iter.Seq[extract.Input] {
	type answer struct {
		known map[string]bool
		err   error
	}
	type question struct {
		batch  []extract.Input
		answer chan answer
	}
	ask := func(batch []extract.Input) answer {
		arts := make([]dipgraph.Article, 0, len(batch))
		for _, in := range batch {
			if in.Err == nil {
				arts = append(arts, in.Article)
			}
		}
		ok, err := known(arts)
		return answer{ok, err}
	}
	return func(yield func(extract.Input) bool) {
		stop := make(chan struct{})
		defer close(stop)
		// The questions in flight, in input order: the one whose answer
		// is awaited below, and the others in the channel. Its capacity
		// bounds them, and so the batches held.
		questions := make(chan question, knownQuestions-1)
		go func() {
			defer close(questions)
			for batch := range batches(inputs, knownBatch) {
				q := question{batch, make(chan answer, 1)}
				select {
				case questions <- q:
				case <-stop:
					return
				}
				go func() { q.answer <- ask(q.batch) }()
			}
		}()
		for q := range questions {
			a := <-q.answer
			if a.err != nil {
				*errp = a.err
				return
			}
			for _, in := range q.batch {
				if in.Err == nil && a.known[in.Article.ID] {
					in.Err = errKnown
				}
				if !yield(in) {
					return
				}
			}
		}
	}
}

// batches groups inputs by n, the last batch holding what is left.
func batches(inputs iter.Seq[extract.Input], n int) iter.Seq[[]extract.Input] {
	return func(yield func([]extract.Input) bool) {
		batch := make([]extract.Input, 0, n)
		for in := range inputs {
			if batch = append(batch, in); len(batch) == n {
				if !yield(batch) {
					return
				}
				batch = make([]extract.Input, 0, n)
			}
		}
		if len(batch) > 0 {
			yield(batch)
		}
	}
}

// loadResult is what loadInputs did.
type loadResult struct {
	graph.Stats
	Unchanged int // articles skipped because the graph holds them unchanged
}

// loadInputs writes what src reads into db, with writers concurrent
// transactions, extracting only the articles the graph does not already
// hold unchanged (all of them with force). Bad inputs go to rep, which
// also shows progress.
func loadInputs(ctx context.Context, db *graph.DB, src source, writers int, force bool, rep *reporter) (loadResult, error) {
	var known func([]dipgraph.Article) (map[string]bool, error)
	if !force {
		known = func(arts []dipgraph.Article) (map[string]bool, error) { return db.Known(ctx, arts) }
	}
	var res loadResult
	l := db.NewLoader(ctx, writers)
	err := src.read(known, func(r extract.Result) error {
		unchanged := r.Err == errKnown
		if unchanged {
			res.Unchanged++
			r.Err = nil // counted, not reported
		}
		if !rep.article(r) || unchanged {
			return nil
		}
		return l.Add(r.Record)
	})
	stats, cerr := l.Close()
	res.Stats = stats
	if cerr != nil {
		err = cerr // the loader's error, which the source's, if any, repeats
	}
	return res, err
}
