package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/dipgraph/dipgraph"
	"github.com/dipgraph/dipgraph/extract"
)

type evalOptions struct {
	*globalOptions
	gold      string
	published string
	verbose   bool
	json      bool
}

func newEvalCmd(io streams, g *globalOptions) *cobra.Command {
	opts := &evalOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "eval --gold GOLD PRED|INPUT...",
		Short: "Score extraction against gold: precision, recall, F1, date accuracy",
		Long: `eval compares extraction records with a gold file (the format of
../shared/gold/seeds.gold.jsonl) by the matching rules of score.py: per
relation type and overall precision, recall and F1, date accuracy, and with
--verbose every miss, false positive and wrong date. The arguments are
either records written by extract --format jsonl, or articles, which are
extracted first.`,
		Example: `  dipgraph eval --gold testdata/gold/constructions.gold.jsonl testdata/eval/constructions.jsonl
  dipgraph eval --gold ../shared/gold/seeds.gold.jsonl --verbose seeds.out.jsonl`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runEval(io, opts, args)
		},
	}
	cmd.Flags().StringVar(&opts.gold, "gold", "", "gold file (JSON Lines)")
	cmd.Flags().StringVar(&opts.published, "published", "", "publication date for articles that carry none")
	cmd.Flags().BoolVarP(&opts.verbose, "verbose", "v", false, "list misses, false positives and wrong dates")
	cmd.Flags().BoolVar(&opts.json, "json", false, "print the scores as one JSON object")
	cmd.MarkFlagRequired("gold")
	return cmd
}

func runEval(io streams, opts *evalOptions, args []string) error {
	f, err := os.Open(opts.gold)
	if err != nil {
		return err
	}
	defer f.Close()
	gold, err := extract.ReadGold(f)
	if err != nil {
		return fmt.Errorf("%s: %w", opts.gold, err)
	}
	recs, err := evalRecords(io, opts, args)
	if err != nil {
		return err
	}
	rep := extract.Score(gold, recs)
	if opts.json {
		return writeReportJSON(io.out, rep)
	}
	writeReport(io.out, rep, opts.verbose)
	return nil
}

// evalRecords reads records, or extracts articles, from the arguments.
func evalRecords(io streams, opts *evalOptions, args []string) ([]dipgraph.Record, error) {
	var recs []dipgraph.Record
	var articles []string
	for _, a := range args {
		rs, ok, err := readRecords(a)
		if err != nil {
			return nil, err
		}
		if ok {
			recs = append(recs, rs...)
		} else {
			articles = append(articles, a)
		}
	}
	if len(articles) == 0 {
		return recs, nil
	}
	x, err := extract.New()
	if err != nil {
		return nil, err
	}
	rep := newReporter(io.err, opts.globalOptions, "extracting")
	err = x.Stream(withPublished(extract.Read(articles, io.in), opts.published), 0, func(r extract.Result) error {
		if rep.article(r) {
			recs = append(recs, r.Record)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return recs, rep.finish()
}

// readRecords reads a file of extraction records; ok is false when the
// file holds something else (articles).
func readRecords(p string) (recs []dipgraph.Record, ok bool, err error) {
	if !strings.EqualFold(filepath.Ext(p), ".jsonl") {
		return nil, false, nil
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, false, nil // not a records file; extract reports it
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for n := 1; sc.Scan(); n++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var rec dipgraph.Record
		if json.Unmarshal(sc.Bytes(), &rec) != nil || rec.Schema != dipgraph.Schema {
			if n == 1 {
				return nil, false, nil
			}
			return nil, false, fmt.Errorf("%s:%d: not an extraction record", p, n)
		}
		recs = append(recs, rec)
	}
	return recs, true, sc.Err()
}

func writeReport(w io.Writer, rep extract.Report, verbose bool) {
	if verbose {
		for _, l := range rep.Misses {
			fmt.Fprintln(w, "  MISS", l)
		}
		for _, l := range rep.FalsePositives {
			fmt.Fprintln(w, "  FP  ", l)
		}
		for _, l := range rep.WrongDates {
			fmt.Fprintln(w, "  DATE", l)
		}
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "TYPE\tTP\tFP\tFN\tPRECISION\tRECALL\tF1")
	for _, t := range rep.Types() {
		c := rep.ByType[t]
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\n", t, c.TP, c.FP, c.FN, c.Precision(), c.Recall(), c.F1())
	}
	tw.Flush()
	c := rep.Overall
	fmt.Fprintf(w, "precision=%.3f recall=%.3f f1=%.3f date_acc=%.3f tp=%d fp=%d fn=%d missing_articles=%d\n",
		c.Precision(), c.Recall(), c.F1(), rep.DateAccuracy(), c.TP, c.FP, c.FN, rep.MissingArticles)
}

func writeReportJSON(w io.Writer, rep extract.Report) error {
	type counts struct {
		TP, FP, FN            int
		Precision, Recall, F1 float64
	}
	conv := func(c extract.Counts) counts {
		return counts{c.TP, c.FP, c.FN, c.Precision(), c.Recall(), c.F1()}
	}
	out := struct {
		Overall         counts            `json:"overall"`
		PerType         map[string]counts `json:"per_type"`
		DateAccuracy    float64           `json:"date_accuracy"`
		MissingArticles int               `json:"missing_articles"`
	}{conv(rep.Overall), map[string]counts{}, rep.DateAccuracy(), rep.MissingArticles}
	for t, c := range rep.ByType {
		out.PerType[string(t)] = conv(*c)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
