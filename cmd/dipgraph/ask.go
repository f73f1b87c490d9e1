package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/dipgraph/dipgraph/browser"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/queries"
)

type askOptions struct {
	*globalOptions
	format  string
	list    bool
	explain bool
	params  *paramFlags
}

func newAskCmd(io streams, g *globalOptions) *cobra.Command {
	opts := &askOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "ask [QUERY]",
		Short: "Answer a canned question from the graph",
		Long: `ask runs one of the canned Cypher questions of queries/ in a read
transaction and prints its answer. Without a query, or with --list, it lists
the questions. Parameters are given as flags (--actor putin --since 2016) or
as --param name=value.

An actor is named forgivingly: by id, name, alias or a person's surname, in
any case and with or without diacritics. ask looks the name up in the graph
first and asks about the one actor it means; a name that could mean several
is an error that lists them.`,
		Example: `  dipgraph ask
  dipgraph ask met-with --actor putin --since 2016
  dipgraph ask timeline --actor erdogan --format json
  dipgraph ask evidence --source russia --target assad --type backs --explain`,
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: completeQueries,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.list || len(args) == 0 {
				return listQueries(io.out)
			}
			values, err := opts.params.values(cmd.Flags())
			if err != nil {
				return err
			}
			return runAsk(cmd.Context(), io, opts, args[0], values)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.format, "format", "table", "output format: table, json or csv")
	f.BoolVar(&opts.list, "list", false, "list the canned questions")
	f.BoolVar(&opts.explain, "explain", false, "print the parameters, as a Neo4j Browser command, and the Cypher instead of the answer")
	opts.params = addParamFlags(f)
	cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"table", "json", "csv"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// completeQueries completes the name of a canned query, with its
// description.
func completeQueries(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var names []string
	for _, q := range queries.All() {
		names = append(names, q.Name+"\t"+q.Description)
	}
	return names, cobra.ShellCompDirectiveNoFileComp
}

// paramFlags are the flags that give a canned query its parameters: one
// for every parameter name any query declares (--actor, --since, ...), and
// --param name=value.
type paramFlags struct {
	named map[string]*string
	pairs []string
}

func addParamFlags(f *pflag.FlagSet) *paramFlags {
	p := &paramFlags{named: map[string]*string{}}
	f.StringArrayVar(&p.pairs, "param", nil, "a query parameter as name=value (repeatable)")
	for _, name := range paramNames() {
		p.named[name] = f.String(name, "", "query parameter "+name+" (see the list of questions)")
	}
	return p
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
func (p *paramFlags) values(flags *pflag.FlagSet) (map[string]string, error) {
	values := map[string]string{}
	for name, v := range p.named {
		if flags.Changed(name) {
			values[name] = *v
		}
	}
	for _, pair := range p.pairs {
		k, v, ok := strings.Cut(pair, "=")
		if !ok || k == "" {
			return nil, fmt.Errorf("--param %q: want name=value", pair)
		}
		values[k] = v
	}
	return values, nil
}

// listQueries lists the questions, their parameters (optional ones in
// brackets) and what they answer.
func listQueries(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "QUESTION\tPARAMETERS\tDESCRIPTION")
	for _, q := range queries.All() {
		var ps []string
		for _, p := range q.Params {
			if p.Required {
				ps = append(ps, "--"+p.Name)
			} else {
				ps = append(ps, "[--"+p.Name+"]")
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", q.Name, strings.Join(ps, " "), q.Description)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w, "\nAsk one with: dipgraph ask QUESTION --PARAMETER VALUE ... (e.g. dipgraph ask met-with --actor putin)")
	return err
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
	if err := resolveActors(ctx, db, q, params); err != nil {
		return err
	}
	if opts.explain {
		_, err := fmt.Fprintf(io.out, "%s\n\n%s\n", browser.Params(q, params), q.Cypher)
		return err
	}
	res, err := db.Read(ctx, q.Cypher, params)
	if err != nil {
		return fmt.Errorf("ask %s: %w", name, err)
	}
	return writeResult(io.out, opts.format, res)
}

// lookupCypher finds the actors a name may mean, ranked: 0 when it is the
// actor's id or name, 1 an alias, 2 a person's surname (the last word of
// the name, or its part after a hyphen). Case and diacritics do not count:
// both sides are lower-cased, decomposed (NFD) and stripped of combining
// marks. The text index on the actors' keys (see graph) finds the
// candidates; only they are ranked.
const lookupCypher = `
WITH reduce(t = '', c IN split(normalize(toLower($name), NFD), '') |
       t + CASE WHEN c >= '\u0300' AND c <= '\u036f' THEN '' ELSE c END) AS name
MATCH (a:Actor)
WHERE a.keys CONTAINS '|' + name + '|'
UNWIND [[0, a.id], [0, a.name]] + [x IN a.aliases | [1, x]] +
       CASE WHEN a:Person THEN [[2, last(split(a.name, ' '))], [2, last(split(last(split(a.name, ' ')), '-'))]] ELSE [] END AS key
WITH a, key[0] AS rank, name,
     reduce(t = '', c IN split(normalize(toLower(key[1]), NFD), '') |
       t + CASE WHEN c >= '\u0300' AND c <= '\u036f' THEN '' ELSE c END) AS folded
WHERE folded = name
WITH a, min(rank) AS rank
RETURN a.id AS id, a.name AS name, [l IN labels(a) WHERE l <> 'Actor'][0] AS label, rank
ORDER BY rank, name, id`

// resolveActors replaces the name each actor parameter of q gives in
// params with the id of the one actor it means.
func resolveActors(ctx context.Context, db *graph.DB, q queries.Query, params map[string]any) error {
	for _, p := range q.Params {
		if v := params[p.Name]; p.Type == "actor" && v != "" {
			id, err := resolveActor(ctx, db, p.Name, v.(string))
			if err != nil {
				return err
			}
			params[p.Name] = id
		}
	}
	return nil
}

// resolveActor returns the id of the actor that name, the value of the
// parameter param, means: the best ranked match of lookupCypher. Several
// equally good matches are an error that lists them, and so is none.
func resolveActor(ctx context.Context, db *graph.DB, param, name string) (string, error) {
	res, err := db.Read(ctx, lookupCypher, map[string]any{"name": name})
	if err != nil {
		return "", fmt.Errorf("look up --%s %q: %w", param, name, err)
	}
	var best [][]any
	for _, row := range res.Rows {
		if row[3] == res.Rows[0][3] {
			best = append(best, row)
		}
	}
	switch len(best) {
	case 0:
		return "", fmt.Errorf("--%s %q: no actor has that name, alias or surname; dipgraph ask actors lists them", param, name)
	case 1:
		return best[0][0].(string), nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "--%s %q could be %d actors; give the name or id of one:", param, name, len(best))
	for _, row := range best {
		fmt.Fprintf(&b, "\n  %s (%s, %s)", row[1], row[2], row[0])
	}
	return "", errors.New(b.String())
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
