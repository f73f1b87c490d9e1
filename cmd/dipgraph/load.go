package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dipgraph/dipgraph"
	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
)

type loadOptions struct {
	*globalOptions
	published string
	workers   int
	batch     int
}

func newLoadCmd(io streams, g *globalOptions) *cobra.Command {
	opts := &loadOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "load [FILE|DIR|-]...",
		Short: "Extract articles and write the result to Neo4j",
		Long: `load extracts articles as extract does and writes actors, relations with
their evidence, meetings and articles to Neo4j, creating constraints and
indexes on first use. Loading the same input again changes nothing.`,
		Example: `  dipgraph load testdata/articles
  NEO4J_URI=neo4j+s://xxxx.databases.neo4j.io dipgraph load corpus.jsonl`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runLoad(cmd.Context(), io, opts, args)
		},
	}
	cmd.Flags().StringVar(&opts.published, "published", "", "publication date (YYYY-MM-DD) for articles that carry none")
	cmd.Flags().IntVar(&opts.workers, "workers", 0, "articles extracted in parallel (default: one per core)")
	cmd.Flags().IntVar(&opts.batch, "batch", 200, "articles written per round of transactions")
	return cmd
}

func runLoad(ctx context.Context, io streams, opts *loadOptions, paths []string) error {
	db, cfg, err := opts.openGraph(ctx)
	if err != nil {
		return err
	}
	defer db.Close(ctx)
	x, err := extract.New()
	if err != nil {
		return err
	}
	rep := newReporter(io.err, opts.globalOptions, "loading")
	var batch []dipgraph.Record
	var total graph.Stats
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		st, err := db.Load(ctx, batch)
		if err != nil {
			return err
		}
		total.Articles += st.Articles
		total.Actors += st.Actors
		total.Relations += st.Relations
		total.Meetings += st.Meetings
		batch = batch[:0]
		return nil
	}
	err = x.Stream(withPublished(extract.Read(paths, io.in), opts.published), opts.workers, func(r extract.Result) error {
		if !rep.article(r) {
			return nil
		}
		batch = append(batch, r.Record)
		if len(batch) >= opts.batch {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		return err
	}
	if !opts.quiet {
		fmt.Fprintf(io.err, "loaded %d articles: %d actors, %d relations, %d meetings into %s\n",
			total.Articles, total.Actors, total.Relations, total.Meetings, cfg.URI)
	}
	return rep.finish()
}
