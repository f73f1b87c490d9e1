package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
)

type exportOptions struct {
	*globalOptions
	format    string
	published string
	workers   int
}

func newExportCmd(io streams, g *globalOptions) *cobra.Command {
	opts := &exportOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "export OUTPUT [FILE|DIR|-]...",
		Short: "Write the graph of articles or records as files, for neo4j-admin import and other tools",
		Long: `export extracts articles as load does (or takes extraction records as they
are) and writes the graph that load would make, with the same ids, labels
and properties, as files instead of into Neo4j:

  neo4j-admin  OUTPUT is a directory of header and data CSV files, and
               import.args, which names them for
               "neo4j-admin database import full": a new database, built
               offline at import speed, for corpora too big to load
  csv          OUTPUT is a directory: nodes.csv and relationships.csv
  jsonl        OUTPUT is a file (- for stdout) of APOC's JSON lines
  graphml      OUTPUT is a file (- for stdout) of GraphML, for Gephi, yEd,
               NetworkX

An export is built from each article once: an article given twice is an
error.`,
		Example: `  dipgraph export --format neo4j-admin /tmp/import corpus.jsonl
  neo4j-admin database import full --overwrite-destination @/tmp/import/import.args neo4j
  dipgraph export --format graphml graph.graphml records.jsonl`,
		Args: cobra.MinimumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runExport(io, opts, args[0], args[1:])
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "neo4j-admin", "output format: neo4j-admin, csv, jsonl or graphml")
	cmd.Flags().StringVar(&opts.published, "published", "", "publication date (YYYY-MM-DD) for articles that carry none")
	cmd.Flags().IntVar(&opts.workers, "workers", 0, "articles extracted in parallel (default: one per core)")
	return cmd
}

func runExport(io streams, opts *exportOptions, output string, paths []string) error {
	sink, err := newSink(io, opts.format, output)
	if err != nil {
		return err
	}
	x, err := graph.NewExporter(sink)
	if err != nil {
		return err
	}
	rep := newReporter(io.err, opts.globalOptions, "exporting")
	src := source{paths: paths, stdin: io.in, published: opts.published, workers: opts.workers}
	articles := 0
	err = src.read(nil, func(r extract.Result) error {
		if !rep.article(r) {
			return nil
		}
		articles++
		return x.Add(r.Record)
	})
	if err != nil {
		sink.Close() // the output is incomplete; close its files all the same
		return err
	}
	if err := x.Close(); err != nil {
		return err
	}
	if !opts.quiet {
		fmt.Fprintf(io.err, "exported %d articles to %s\n", articles, output)
		if opts.format == "neo4j-admin" {
			args, _ := filepath.Abs(filepath.Join(output, "import.args"))
			fmt.Fprintf(io.err, "build a new database from them with Neo4j stopped:\n"+
				"  neo4j-admin database import full --overwrite-destination @%s DATABASE\n"+
				"then start Neo4j and run \"dipgraph schema\" for the constraints and indexes\n", args)
		}
	}
	return rep.finish()
}

// newSink opens the sink of a format on output.
func newSink(io streams, format, output string) (graph.Sink, error) {
	switch format {
	case "neo4j-admin":
		return graph.NewAdminSink(output)
	case "csv":
		return graph.NewCSVSink(output)
	case "jsonl", "graphml":
		w, closeFile := io.out, func() error { return nil }
		if output != "-" {
			f, err := os.Create(output)
			if err != nil {
				return nil, err
			}
			w, closeFile = f, f.Close
		}
		if format == "jsonl" {
			return closingSink{graph.NewJSONLSink(w), closeFile}, nil
		}
		s, err := graph.NewGraphMLSink(w)
		if err != nil {
			closeFile()
			return nil, err
		}
		return closingSink{s, closeFile}, nil
	}
	return nil, fmt.Errorf("unknown --format %q: use neo4j-admin, csv, jsonl or graphml", format)
}

// closingSink closes the file a sink writes to after the sink.
type closingSink struct {
	graph.Sink
	closeFile func() error
}

func (s closingSink) Close() error {
	return errors.Join(s.Sink.Close(), s.closeFile())
}
