package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dipgraph/dipgraph/graph"
)

type loadOptions struct {
	*globalOptions
	published string
	workers   int
	writers   int
	batch     int
	force     bool
}

func newLoadCmd(io streams, g *globalOptions) *cobra.Command {
	opts := &loadOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "load [FILE|DIR|-]...",
		Short: "Extract articles and write the result to Neo4j",
		Long: `load extracts articles as extract does and writes actors, relations with
their evidence, meetings and articles to Neo4j, creating constraints and
indexes on first use. Loading the same input again changes nothing.

An article the graph already holds with the same text, title, date and url
is skipped before extraction; a changed one replaces what it said before,
and only that. Extraction records (extract --format jsonl) are loaded as
they are, so extraction can run elsewhere.`,
		Example: `  dipgraph load testdata/articles
  dipgraph load --writers 4 --batch 2000 corpus.jsonl
  dipgraph load records-*.jsonl
  NEO4J_URI=neo4j+s://xxxx.databases.neo4j.io dipgraph load corpus.jsonl`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runLoad(cmd.Context(), io, opts, args)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.published, "published", "", "publication date (YYYY-MM-DD) for articles that carry none")
	f.IntVar(&opts.workers, "workers", 0, "articles extracted in parallel (default: one per core)")
	f.IntVar(&opts.writers, "writers", graph.DefaultWriters, "concurrent write transactions")
	f.IntVar(&opts.batch, "batch", graph.DefaultBatchSize, "articles written per transaction")
	f.BoolVar(&opts.force, "force", false, "extract and write every article, even those the graph holds unchanged")
	return cmd
}

func runLoad(ctx context.Context, io streams, opts *loadOptions, paths []string) error {
	if opts.batch <= 0 || opts.writers <= 0 {
		return fmt.Errorf("--batch and --writers must be positive")
	}
	db, cfg, err := opts.openGraph(ctx)
	if err != nil {
		return err
	}
	defer db.Close(ctx)
	db.BatchSize = opts.batch
	rep := newReporter(io.err, opts.globalOptions, "loading")
	src := source{paths: paths, stdin: io.in, published: opts.published, workers: opts.workers}
	res, err := loadInputs(ctx, db, src, opts.writers, opts.force, rep)
	if err != nil {
		return errors.Join(err, rep.finish())
	}
	if !opts.quiet {
		fmt.Fprintf(io.err, "loaded %d articles: %d actors, %d relations, %d meetings into %s; %d unchanged, skipped\n",
			res.Articles, res.Actors, res.Relations, res.Meetings, cfg.URI, res.Unchanged)
	}
	return rep.finish()
}
