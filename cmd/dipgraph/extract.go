package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/dipgraph/dipgraph"
	"github.com/dipgraph/dipgraph/extract"
)

type extractOptions struct {
	*globalOptions
	format    string
	published string
	workers   int
}

func newExtractCmd(io streams, g *globalOptions) *cobra.Command {
	opts := &extractOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "extract [FILE|DIR|-]...",
		Short: "Extract actors, relations and meetings from articles (no database needed)",
		Long: `extract reads articles (.txt and .md files, .jsonl files of one article per
line, directories of them, or - for JSON Lines on stdin) and writes one
extraction record per article, in input order (see spec/extract-output.md).`,
		Example: `  dipgraph extract testdata/articles
  dipgraph extract --format jsonl corpus.jsonl > records.jsonl`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runExtract(io, opts, args)
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "table", "output format: jsonl or table")
	cmd.Flags().StringVar(&opts.published, "published", "", "publication date (YYYY-MM-DD) for articles that carry none")
	cmd.Flags().IntVar(&opts.workers, "workers", 0, "articles extracted in parallel (default: one per core)")
	return cmd
}

func runExtract(io streams, opts *extractOptions, paths []string) error {
	if opts.format != "jsonl" && opts.format != "table" {
		return fmt.Errorf("unknown --format %q: use jsonl or table", opts.format)
	}
	x, err := extract.New()
	if err != nil {
		return err
	}
	out := bufio.NewWriterSize(io.out, 1<<16)
	defer out.Flush()
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	if opts.format == "table" {
		fmt.Fprintln(tw, "ARTICLE\tTYPE\tSOURCE\tTARGET\tDATE\tMODALITY\tEVIDENCE")
	}
	rep := newReporter(io.err, opts.globalOptions, "extracting")
	inputs := withPublished(extract.Read(paths, io.in), opts.published)
	// Workers extract and encode; only writing is serial.
	work := func(in extract.Input) encoded {
		r := x.Result(in)
		if r.Err != nil || opts.format != "jsonl" {
			return encoded{Result: r}
		}
		line, err := jsonLine(r.Record)
		return encoded{Result: r, line: line, err: err}
	}
	err = extract.Parallel(inputs, opts.workers, work, func(e encoded) error {
		if !rep.article(e.Result) {
			return nil
		}
		if opts.format == "table" {
			writeTable(tw, e.Record)
			return nil
		}
		if e.err != nil {
			return fmt.Errorf("%s: %w", e.Where, e.err)
		}
		_, err := out.Write(e.line)
		return err
	})
	if err != nil {
		return err
	}
	if opts.format == "table" {
		tw.Flush()
	}
	if err := out.Flush(); err != nil {
		return err
	}
	return rep.finish()
}

// jsonLine encodes a record as one line of JSON, leaving <, > and & as
// they are: the records are data, not HTML.
func jsonLine(rec dipgraph.Record) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	err := enc.Encode(rec)
	return b.Bytes(), err
}

// encoded is an extraction result with its JSON line.
type encoded struct {
	extract.Result
	line []byte
	err  error
}

func withPublished(in func(func(extract.Input) bool), published string) func(func(extract.Input) bool) {
	if published == "" {
		return in
	}
	return func(yield func(extract.Input) bool) {
		for i := range in {
			if i.Article.Published == "" {
				i.Article.Published = published
			}
			if !yield(i) {
				return
			}
		}
	}
}

func writeTable(w io.Writer, rec dipgraph.Record) {
	name := func(id string) string {
		if a, ok := rec.Actor(id); ok {
			return a.Name
		}
		return id
	}
	for _, r := range rec.Relations {
		ev := ""
		if len(r.Evidence) > 0 {
			ev = r.Evidence[0].Sentence
			if len(ev) > 80 {
				ev = ev[:77] + "..."
			}
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", rec.Article.ID, r.Type, name(r.Source), name(r.Target), r.Date, r.Modality, strings.ReplaceAll(ev, "\t", " "))
	}
}
