package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/queries"
)

type benchOptions struct {
	*globalOptions
	corpus        string
	articles      int
	workers       int
	writers       int
	batch         int
	curve         []int
	curveWriters  []int
	curveArticles int
	runs          int
	json          bool
	clear         bool
	dir           string
	queriesOnly   bool
}

func newBenchCmd(io streams, g *globalOptions) *cobra.Command {
	opts := &benchOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "bench",
		Short: "Measure extraction, loading and query speed on a corpus (wipes the database)",
		Long: `bench measures what a user of a big corpus waits for, on a corpus grown
to the requested size by repeating it under fresh article ids: extraction
with 1 and with N workers, loading the extracted records into Neo4j (the
Bolt path at full speed), loading the articles end to end and loading them
again unchanged (which skips them), the p50 and p95 latency of every
canned query on the loaded graph, and the peak memory of the process. It
prints one table, or one JSON object with --json.

bench DELETES EVERYTHING in the database, which must be empty unless
--clear is given: point it at a throwaway server (make bench starts one).`,
		Example: `  dipgraph bench --clear --articles 10000
  dipgraph bench --clear --articles 100000 --json
  dipgraph bench --clear --articles 20000 --curve 100,250,500,1000,2000`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runBench(cmd.Context(), io, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.corpus, "corpus", "../shared/corpus/wikinews.jsonl", "JSON Lines articles to repeat up to --articles")
	f.IntVar(&opts.articles, "articles", 10000, "articles to extract and load")
	f.IntVar(&opts.workers, "workers", runtime.GOMAXPROCS(0), "extraction workers of the parallel run (N)")
	f.IntVar(&opts.writers, "writers", graph.DefaultWriters, "concurrent write transactions")
	f.IntVar(&opts.batch, "batch", graph.DefaultBatchSize, "articles per write transaction")
	f.IntSliceVar(&opts.curve, "curve", nil, "also load --curve-articles records at each of these batch sizes")
	f.IntSliceVar(&opts.curveWriters, "curve-writers", nil, "with each of these numbers of writers (default: --writers)")
	f.IntVar(&opts.curveArticles, "curve-articles", 20000, "articles loaded per point of --curve")
	f.IntVar(&opts.runs, "runs", 20, "timed runs of each canned query")
	f.BoolVar(&opts.json, "json", false, "print one JSON object")
	f.BoolVar(&opts.clear, "clear", false, "delete what the database holds first")
	f.BoolVar(&opts.queriesOnly, "queries-only", false, "only time the canned queries, on the graph as it is (wipes nothing)")
	f.StringVar(&opts.dir, "dir", "", "keep the corpus and records in this directory (default: a temporary one, removed)")
	return cmd
}

// benchResult is what bench measured. The JSON keys are a contract: the
// README and scripts read them.
type benchResult struct {
	Machine   benchMachine `json:"machine"`
	Corpus    string       `json:"corpus"`
	Articles  int          `json:"articles"`
	MB        float64      `json:"mb"`
	Workers   int          `json:"workers"`
	Writers   int          `json:"writers"`
	BatchSize int          `json:"batch_size"`

	ExtractSeconds1       float64 `json:"extract_seconds_1"`
	ExtractMBPerS1        float64 `json:"extract_mb_per_s_1"`
	ExtractArticlesPerS1  float64 `json:"extract_articles_per_s_1"`
	ExtractSecondsN       float64 `json:"extract_seconds_n"`
	ExtractMBPerSN        float64 `json:"extract_mb_per_s_n"`
	ExtractArticlesPerSN  float64 `json:"extract_articles_per_s_n"`
	ExtractMBPerSPerCore  float64 `json:"extract_mb_per_s_per_core"`
	LoadSeconds           float64 `json:"load_seconds"`
	Nodes                 int64   `json:"nodes"`
	Relationships         int64   `json:"relationships"`
	LoadNodesPerS         float64 `json:"load_nodes_per_s"`
	LoadRelationshipsPerS float64 `json:"load_relationships_per_s"`
	FirstLoadSeconds      float64 `json:"first_load_seconds"`
	ReloadSeconds         float64 `json:"reload_seconds"`
	ReloadUnchanged       int     `json:"reload_unchanged"`
	ReloadSpeedup         float64 `json:"reload_speedup"`

	BatchCurve []benchPoint       `json:"batch_curve,omitempty"`
	QueryP50MS map[string]float64 `json:"query_p50_ms"`
	QueryP95MS map[string]float64 `json:"query_p95_ms"`
	QueryArgs  map[string]string  `json:"query_args"`
	QueryRuns  map[string]int     `json:"query_runs"`
	PeakRSSMB  float64            `json:"peak_rss_mb"`
}

type benchMachine struct {
	CPUs       int     `json:"cpus"`
	CPU        string  `json:"cpu"`
	MemoryGB   float64 `json:"memory_gb"`
	OS         string  `json:"os"`
	Go         string  `json:"go"`
	Neo4j      string  `json:"neo4j"`
	URI        string  `json:"uri"`
	LoadBefore string  `json:"load_average_before"`
	LoadAfter  string  `json:"load_average_after"`
}

// benchPoint is one point of the batch-size curve.
type benchPoint struct {
	BatchSize             int     `json:"batch_size"`
	Writers               int     `json:"writers"`
	Seconds               float64 `json:"seconds"`
	LoadNodesPerS         float64 `json:"load_nodes_per_s"`
	LoadRelationshipsPerS float64 `json:"load_relationships_per_s"`
}

func runBench(ctx context.Context, io streams, opts *benchOptions) error {
	if opts.articles <= 0 || opts.workers <= 0 || opts.runs <= 0 {
		return errors.New("--articles, --workers and --runs must be positive")
	}
	db, cfg, err := opts.openGraph(ctx)
	if err != nil {
		return err
	}
	defer db.Close(ctx)
	nodes, rels, err := db.Counts(ctx)
	if err != nil {
		return err
	}
	if opts.queriesOnly {
		return benchQueries(ctx, io, opts, db, cfg.URI)
	}
	if (nodes > 0 || rels > 0) && !opts.clear {
		return fmt.Errorf("bench deletes everything in the database, which holds %d nodes at %s; point it at a throwaway server, or pass --clear", nodes, cfg.URI)
	}
	dir := opts.dir
	if dir == "" {
		if dir, err = os.MkdirTemp("", "dipgraph-bench-"); err != nil {
			return err
		}
		defer os.RemoveAll(dir)
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}

	res := &benchResult{
		Machine:   machineOf(ctx, db, cfg.URI),
		Corpus:    opts.corpus,
		Articles:  opts.articles,
		Workers:   opts.workers,
		Writers:   opts.writers,
		BatchSize: opts.batch,
	}
	b := &bench{ctx: ctx, io: io, opts: opts, db: db, res: res,
		articles: filepath.Join(dir, "articles.jsonl"),
		records:  filepath.Join(dir, "records.jsonl"),
		sample:   filepath.Join(dir, "sample.jsonl"),
	}
	for _, step := range []func() error{b.corpus, b.extract, b.curve, b.loadRecords, b.loadArticles, b.queries} {
		if err := step(); err != nil {
			return err
		}
	}
	return res.finish(io.out, opts.json)
}

// benchQueries times the canned queries on the graph as it is.
func benchQueries(ctx context.Context, io streams, opts *benchOptions, db *graph.DB, uri string) error {
	res := &benchResult{Machine: machineOf(ctx, db, uri)}
	r, err := db.Read(ctx, "MATCH (a:Article) RETURN count(a)", nil)
	if err != nil {
		return err
	}
	res.Articles = int(r.Rows[0][0].(int64))
	b := &bench{ctx: ctx, io: io, opts: opts, db: db, res: res}
	if err := b.queries(); err != nil {
		return err
	}
	return res.finish(io.out, opts.json)
}

// bench holds what the steps of a run share.
type bench struct {
	ctx  context.Context
	io   streams
	opts *benchOptions
	db   *graph.DB
	res  *benchResult

	articles string // the grown corpus
	records  string // its extraction records
	sample   string // the first --curve-articles records
}

// corpus writes opts.articles articles of opts.corpus to b.articles,
// going round the corpus as often as needed and giving every copy after
// the first a fresh id. It reads the corpus as load does and leaves out
// what load would skip (articles without text, or not in English), so
// that every article counts.
func (b *bench) corpus() error {
	f, err := os.Create(b.articles)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	var size int64
	written := 0
	for round := 0; written < b.opts.articles; round++ {
		n := 0
		for in := range extract.Read([]string{b.opts.corpus}, nil) {
			if in.Err != nil {
				continue
			}
			a := in.Article
			if round > 0 {
				a.ID = fmt.Sprintf("%s~%d", a.ID, round)
			}
			err := enc.Encode(corpusArticle{a.ID, a.Title, a.Text, a.Published, a.Source, a.URL})
			if err != nil {
				f.Close()
				return err
			}
			size += int64(len(a.Text))
			n++
			if written+n == b.opts.articles {
				break
			}
		}
		if n == 0 {
			f.Close()
			return fmt.Errorf("bench corpus %s: no article to read", b.opts.corpus)
		}
		written += n
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	b.res.MB = float64(size) / 1e6
	return f.Close()
}

// corpusArticle is an article as a line of JSON Lines input.
type corpusArticle struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	Published string `json:"published"`
	Source    string `json:"source"`
	URL       string `json:"url"`
}

// extract extracts the corpus with one worker, then with N, keeping the
// records of the second run for the load.
func (b *bench) extract() error {
	seconds, err := b.extractTo(1, io.Discard)
	if err != nil {
		return err
	}
	b.res.ExtractSeconds1 = seconds
	b.res.ExtractMBPerS1 = b.res.MB / seconds
	b.res.ExtractArticlesPerS1 = float64(b.res.Articles) / seconds

	f, err := os.Create(b.records)
	if err != nil {
		return err
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	if seconds, err = b.extractTo(b.opts.workers, w); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	b.res.ExtractSecondsN = seconds
	b.res.ExtractMBPerSN = b.res.MB / seconds
	b.res.ExtractArticlesPerSN = float64(b.res.Articles) / seconds
	b.res.ExtractMBPerSPerCore = b.res.ExtractMBPerSN / float64(min(b.opts.workers, runtime.NumCPU()))
	return f.Close()
}

// extractTo extracts the corpus with the given workers, writing records
// to w as extract --format jsonl does, and returns the seconds it took.
func (b *bench) extractTo(workers int, w io.Writer) (float64, error) {
	rep := newReporter(b.io.err, b.opts.globalOptions, fmt.Sprintf("extracting, %d workers", workers))
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	start := time.Now()
	err := source{paths: []string{b.articles}, workers: workers}.read(nil, func(r extract.Result) error {
		if !rep.article(r) {
			return nil
		}
		return enc.Encode(r.Record)
	})
	seconds := time.Since(start).Seconds()
	return seconds, errors.Join(err, rep.finish())
}

// curve loads a sample of the records at each batch size of --curve,
// with each number of writers of --curve-writers. A size given twice is
// measured twice: the points of one run vary, and a curve is best read
// from repeated, interleaved sizes.
func (b *bench) curve() error {
	if len(b.opts.curve) == 0 {
		return nil
	}
	if err := head(b.records, b.sample, b.opts.curveArticles); err != nil {
		return err
	}
	writers := b.opts.curveWriters
	if len(writers) == 0 {
		writers = []int{b.opts.writers}
	}
	for _, w := range writers {
		for _, size := range b.opts.curve {
			seconds, nodes, rels, err := b.load(b.sample, size, w)
			if err != nil {
				return err
			}
			b.res.BatchCurve = append(b.res.BatchCurve, benchPoint{
				BatchSize:             size,
				Writers:               w,
				Seconds:               seconds,
				LoadNodesPerS:         float64(nodes) / seconds,
				LoadRelationshipsPerS: float64(rels) / seconds,
			})
		}
	}
	return nil
}

// head copies the first n lines of src to dst.
func head(src, dst string, n int) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	br := bufio.NewReaderSize(in, 1<<20)
	bw := bufio.NewWriterSize(out, 1<<20)
	for range n {
		line, err := br.ReadBytes('\n')
		bw.Write(line)
		if err == io.EOF {
			break
		}
		if err != nil {
			out.Close()
			return err
		}
	}
	if err := bw.Flush(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// loadRecords loads the extracted records into the emptied database: the
// speed of writing alone.
func (b *bench) loadRecords() error {
	seconds, nodes, rels, err := b.load(b.records, b.opts.batch, b.opts.writers)
	if err != nil {
		return err
	}
	b.res.LoadSeconds = seconds
	b.res.Nodes, b.res.Relationships = nodes, rels
	b.res.LoadNodesPerS = float64(nodes) / seconds
	b.res.LoadRelationshipsPerS = float64(rels) / seconds
	return nil
}

// loadArticles loads the corpus as dipgraph load does, extraction and
// all, into the emptied database, then loads it again: the second time
// every article is known and unchanged, and skipped before extraction.
func (b *bench) loadArticles() error {
	first, _, _, err := b.load(b.articles, b.opts.batch, b.opts.writers)
	if err != nil {
		return err
	}
	again, unchanged, err := b.timeLoad(b.articles, b.opts.batch, b.opts.writers)
	if err != nil {
		return err
	}
	b.res.FirstLoadSeconds = first
	b.res.ReloadSeconds = again
	b.res.ReloadUnchanged = unchanged
	b.res.ReloadSpeedup = first / again
	return nil
}

// load empties the database, loads path at the given batch size with the
// given writers and returns the seconds it took and what the graph then
// holds.
func (b *bench) load(path string, batch, writers int) (seconds float64, nodes, rels int64, err error) {
	if err := b.db.Wipe(b.ctx); err != nil {
		return 0, 0, 0, err
	}
	if err := b.db.EnsureSchema(b.ctx); err != nil {
		return 0, 0, 0, err
	}
	if seconds, _, err = b.timeLoad(path, batch, writers); err != nil {
		return 0, 0, 0, err
	}
	nodes, rels, err = b.db.Counts(b.ctx)
	return seconds, nodes, rels, err
}

// timeLoad loads path as dipgraph load does and returns the seconds it
// took and how many articles it found unchanged.
func (b *bench) timeLoad(path string, batch, writers int) (float64, int, error) {
	b.db.BatchSize = batch
	rep := newReporter(b.io.err, b.opts.globalOptions, fmt.Sprintf("loading, batch %d", batch))
	src := source{paths: []string{path}, workers: b.opts.workers}
	start := time.Now()
	res, err := loadInputs(b.ctx, b.db, src, writers, false, rep)
	seconds := time.Since(start).Seconds()
	if err = errors.Join(err, rep.finish()); err != nil {
		return 0, 0, err
	}
	return seconds, res.Unchanged, nil
}

// queries times every canned query as dipgraph ask runs it: looking up
// the actors its parameters name, then asking, with the parameters of its
// example. A query whose example finds nothing in the corpus asks about
// its most mentioned actors instead, so that every query does real work.
func (b *bench) queries() error {
	res, err := b.db.Read(b.ctx, `
		MATCH (a:Actor)
		RETURN a.id AS id
		ORDER BY COUNT { (a)<-[:MENTIONS]-() } DESC, id
		LIMIT 2`, nil)
	if err != nil {
		return fmt.Errorf("bench: frequent actors: %w", err)
	}
	frequent := []string{"", ""}
	for i, row := range res.Rows {
		frequent[i], _ = row[0].(string)
	}
	b.res.QueryP50MS = map[string]float64{}
	b.res.QueryP95MS = map[string]float64{}
	b.res.QueryArgs = map[string]string{}
	b.res.QueryRuns = map[string]int{}
	ask := func(q queries.Query, values map[string]string) error {
		params, err := q.Bind(values)
		if err != nil {
			return err
		}
		if err := resolveActors(b.ctx, b.db, q, params); err != nil {
			return err
		}
		r, err := b.db.Read(b.ctx, q.Cypher, params)
		if err == nil && len(r.Rows) == 0 {
			err = errNoRows
		}
		return err
	}
	for _, q := range queries.All() {
		values := exampleValues(q)
		if err := ask(q, values); err != nil {
			i := 0
			for _, p := range q.Params {
				if _, ok := values[p.Name]; ok && p.Type == "actor" {
					values[p.Name] = frequent[min(i, 1)]
					i++
				}
			}
		}
		var times []float64
		for spent := time.Duration(0); len(times) < b.opts.runs && spent < queryBudget; {
			start := time.Now()
			if err := ask(q, values); err != nil && !errors.Is(err, errNoRows) {
				return fmt.Errorf("bench: query %s: %w", q.Name, err)
			}
			took := time.Since(start)
			spent += took
			times = append(times, float64(took.Microseconds())/1000)
		}
		b.res.QueryRuns[q.Name] = len(times)
		b.res.QueryP50MS[q.Name] = percentile(times, 50)
		b.res.QueryP95MS[q.Name] = percentile(times, 95)
		b.res.QueryArgs[q.Name] = args(values)
	}
	return nil
}

var errNoRows = errors.New("no rows")

// queryBudget bounds the time one query's runs take, so that a slow query
// makes a bench slower by a bounded amount; its percentiles then come from
// fewer runs (query_runs says how many).
const queryBudget = 30 * time.Second

// exampleValues are the parameters the query's example gives, as in
// "dipgraph ask met-with --actor putin".
func exampleValues(q queries.Query) map[string]string {
	values := map[string]string{}
	fields := strings.Fields(q.Example)
	for i := 0; i < len(fields); i++ {
		name, ok := strings.CutPrefix(fields[i], "--")
		if !ok {
			continue
		}
		if k, v, ok := strings.Cut(name, "="); ok {
			values[k] = v
		} else if i+1 < len(fields) {
			values[name] = fields[i+1]
			i++
		}
	}
	return values
}

// args prints parameters as command-line flags, in name order.
func args(values map[string]string) string {
	var parts []string
	for k, v := range values {
		parts = append(parts, "--"+k+" "+strconv.Quote(v))
	}
	slices.Sort(parts)
	return strings.Join(parts, " ")
}

// percentile is the nearest-rank p-th percentile of xs.
func percentile(xs []float64, p float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	i := int(math.Ceil(p/100*float64(len(s)))) - 1
	return s[max(i, 0)]
}

// peakRSSMB is the most memory the process has held, as Linux counts it
// (VmHWM); 0 where that is unknown.
func peakRSSMB() float64 {
	kb, _ := procField("/proc/self/status", "VmHWM:")
	return kb / 1024
}

// procField reads the first number after label in a /proc file.
func procField(path, label string) (float64, string) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, ""
	}
	for line := range strings.Lines(string(data)) {
		if rest, ok := strings.CutPrefix(line, label); ok {
			rest = strings.TrimSpace(rest)
			f, _ := strconv.ParseFloat(strings.Fields(rest + " 0")[0], 64)
			return f, rest
		}
	}
	return 0, ""
}

func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	return strings.Join(strings.Fields(string(data))[:3], " ")
}

// machineOf describes where bench runs, so that its numbers can be
// compared with those of another run.
func machineOf(ctx context.Context, db *graph.DB, uri string) benchMachine {
	m := benchMachine{
		CPUs:       runtime.NumCPU(),
		OS:         runtime.GOOS + "/" + runtime.GOARCH,
		Go:         runtime.Version(),
		URI:        uri,
		LoadBefore: loadAverage(),
	}
	_, m.CPU = procField("/proc/cpuinfo", "model name")
	m.CPU = strings.TrimPrefix(m.CPU, ": ")
	kb, _ := procField("/proc/meminfo", "MemTotal:")
	m.MemoryGB = math.Round(kb/1024/1024*10) / 10
	if r, err := db.Read(ctx, "CALL dbms.components() YIELD name, versions, edition RETURN name + ' ' + versions[0] + ' ' + edition", nil); err == nil && len(r.Rows) > 0 {
		m.Neo4j, _ = r.Rows[0][0].(string)
	}
	return m
}

// finish notes the peak memory and the load average at the end of the
// run, and prints the result as a table, or as one JSON object.
func (r *benchResult) finish(w io.Writer, asJSON bool) error {
	r.PeakRSSMB = peakRSSMB()
	r.Machine.LoadAfter = loadAverage()
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	return r.write(w)
}

// write prints the result as a table.
func (r *benchResult) write(w io.Writer) error {
	m := r.Machine
	if r.ExtractSeconds1 > 0 {
		fmt.Fprintf(w, "dipgraph bench: %d articles, %.1f MB of text (%s, repeated under fresh ids)\n", r.Articles, r.MB, r.Corpus)
	} else {
		fmt.Fprintf(w, "dipgraph bench: canned queries on the graph as it is, %d articles\n", r.Articles)
	}
	fmt.Fprintf(w, "machine: %d CPUs (%s), %.1f GB, %s, %s; %s at %s; load average %s before, %s after\n\n",
		m.CPUs, m.CPU, m.MemoryGB, m.OS, m.Go, m.Neo4j, m.URI, m.LoadBefore, m.LoadAfter)
	if r.ExtractSeconds1 > 0 {
		if err := r.writeSteps(w); err != nil {
			return err
		}
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "QUERY\tP50 MS\tP95 MS\tRUNS\tPARAMETERS")
	for _, q := range queries.All() {
		fmt.Fprintf(tw, "%s\t%.1f\t%.1f\t%d\t%s\n", q.Name, r.QueryP50MS[q.Name], r.QueryP95MS[q.Name], r.QueryRuns[q.Name], r.QueryArgs[q.Name])
	}
	return tw.Flush()
}

// writeSteps prints the table of the extraction and load steps.
func (r *benchResult) writeSteps(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "STEP\tSECONDS\tRESULT")
	fmt.Fprintf(tw, "extract, 1 worker\t%.1f\t%.2f MB/s, %.0f articles/s\n", r.ExtractSeconds1, r.ExtractMBPerS1, r.ExtractArticlesPerS1)
	fmt.Fprintf(tw, "extract, %d workers\t%.1f\t%.2f MB/s, %.0f articles/s (%.2f MB/s per core)\n", r.Workers, r.ExtractSecondsN, r.ExtractMBPerSN, r.ExtractArticlesPerSN, r.ExtractMBPerSPerCore)
	for _, p := range r.BatchCurve {
		fmt.Fprintf(tw, "load sample records, batch %d, %d writers\t%.1f\t%.0f nodes/s, %.0f relationships/s\n", p.BatchSize, p.Writers, p.Seconds, p.LoadNodesPerS, p.LoadRelationshipsPerS)
	}
	fmt.Fprintf(tw, "load records, batch %d, %d writers\t%.1f\t%.0f nodes/s, %.0f relationships/s (%d nodes, %d relationships)\n",
		r.BatchSize, r.Writers, r.LoadSeconds, r.LoadNodesPerS, r.LoadRelationshipsPerS, r.Nodes, r.Relationships)
	fmt.Fprintf(tw, "load articles (extract and write)\t%.1f\t\n", r.FirstLoadSeconds)
	fmt.Fprintf(tw, "load articles again, unchanged\t%.1f\t%d skipped; %.1fx faster than the first\n", r.ReloadSeconds, r.ReloadUnchanged, r.ReloadSpeedup)
	fmt.Fprintf(tw, "peak memory (RSS)\t\t%.0f MB\n", r.PeakRSSMB)
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w)
	return err
}
