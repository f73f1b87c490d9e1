package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/queries"
)

type askOptions struct {
	*globalOptions
	format string
	list   bool
	params []string
	// named holds the per-parameter flags (--actor, --source, ...), one
	// for every parameter name any canned query declares.
	named map[string]*string
}

func newAskCmd(io streams, g *globalOptions) *cobra.Command {
	opts := &askOptions{globalOptions: g, named: map[string]*string{}}
	cmd := &cobra.Command{
		Use:   "ask [QUERY]",
		Short: "Answer a canned question from the graph",
		Long: `ask runs one of the canned Cypher questions of queries/ in a read
transaction and prints its answer. Without a query, or with --list, it lists
the questions. Parameters are given as flags (--actor putin) or as
--param name=value.`,
		Example: `  dipgraph ask --list
  dipgraph ask met-with --actor putin
  dipgraph ask timeline --actor erdogan --format json`,
		Args: cobra.MaximumNArgs(1),
		ValidArgsFunction: func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			var names []string
			for _, q := range queries.All() {
				names = append(names, q.Name+"\t"+q.Description)
			}
			return names, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.list || len(args) == 0 {
				return listQueries(io.out)
			}
			values, err := opts.values(cmd.Flags())
			if err != nil {
				return err
			}
			return runAsk(cmd.Context(), io, opts, args[0], values)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.format, "format", "table", "output format: table, json or csv")
	f.BoolVar(&opts.list, "list", false, "list the canned questions")
	f.StringArrayVar(&opts.params, "param", nil, "a query parameter as name=value (repeatable)")
	for _, name := range paramNames() {
		opts.named[name] = f.String(name, "", "query parameter "+name+" (see ask --list)")
	}
	return cmd
}

// paramNames are the parameter names of all canned queries, sorted.
func paramNames() []string {
	seen := map[string]bool{}
	for _, q := range queries.All() {
		for _, p := range q.Params {
			seen[p.Name] = true
		}
	}
	names := make([]string, 0, len(seen))
	for n := range seen {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// values gathers the parameters given by flag and by --param.
func (o *askOptions) values(flags *pflag.FlagSet) (map[string]string, error) {
	values := map[string]string{}
	for name, v := range o.named {
		if flags.Changed(name) {
			values[name] = *v
		}
	}
	for _, p := range o.params {
		k, v, ok := strings.Cut(p, "=")
		if !ok || k == "" {
			return nil, fmt.Errorf("--param %q: want name=value", p)
		}
		values[k] = v
	}
	return values, nil
}

func listQueries(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "QUESTION\tPARAMETERS\tDESCRIPTION")
	for _, q := range queries.All() {
		var ps []string
		for _, p := range q.Params {
			ps = append(ps, "--"+p.Name)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", q.Name, strings.Join(ps, " "), q.Description)
	}
	return tw.Flush()
}

func runAsk(ctx context.Context, io streams, opts *askOptions, name string, values map[string]string) error {
	switch opts.format {
	case "table", "json", "csv":
	default:
		return fmt.Errorf("unknown --format %q: use table, json or csv", opts.format)
	}
	q, err := queries.Get(name)
	if err != nil {
		return err
	}
	params, err := q.Bind(values)
	if err != nil {
		return err
	}
	db, _, err := opts.openGraph(ctx)
	if err != nil {
		return err
	}
	defer db.Close(ctx)
	res, err := db.Read(ctx, q.Cypher, params)
	if err != nil {
		return fmt.Errorf("ask %s: %w", name, err)
	}
	return writeResult(io.out, opts.format, res)
}

func writeResult(w io.Writer, format string, res *graph.Result) error {
	switch format {
	case "json":
		rows := make([]map[string]any, 0, len(res.Rows))
		for _, row := range res.Rows {
			m := make(map[string]any, len(row))
			for i, c := range res.Columns {
				m[c] = row[i]
			}
			rows = append(rows, m)
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(rows)
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write(res.Columns)
		for _, row := range res.Rows {
			rec := make([]string, len(row))
			for i, v := range row {
				rec[i] = cell(v)
			}
			cw.Write(rec)
		}
		cw.Flush()
		return cw.Error()
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, strings.ToUpper(strings.Join(res.Columns, "\t")))
	for _, row := range res.Rows {
		cells := make([]string, len(row))
		for i, v := range row {
			cells[i] = strings.NewReplacer("\t", " ", "\n", " ").Replace(cell(v))
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	if len(res.Rows) == 0 {
		fmt.Fprintln(tw, "(no answers)")
	}
	return tw.Flush()
}

// cell renders a value for a table or CSV cell.
func cell(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = cell(e)
		}
		return strings.Join(parts, "; ")
	case map[string]any:
		b, _ := json.Marshal(x)
		return string(b)
	}
	return fmt.Sprint(v)
}
