// Package queries holds the canned questions one can ask of the graph, as
// Cypher files embedded in the program. Each file starts with a header
// that names it, describes it and declares its parameters:
//
//	// name: met-with
//	// description: Who met whom: date, place and the sentence that says so
//	// param: actor actor "" Narrow to one actor
//	// param: since date required The earliest date
//	// example: dipgraph ask met-with --actor putin
//
// A param line is NAME TYPE DEFAULT DESCRIPTION: TYPE is string, int,
// date or actor, DEFAULT a Go-quoted string ("" for none) or the word
// required. The Cypher that follows uses only the declared $parameters,
// every one of them. Keeping questions as files lets people read, copy
// and tweak them in Neo4j Browser, and adding one needs no Go.
//
// An actor parameter names an actor. Every query matches it the same way,
// through the keys that loading gives each actor (see graph): its id,
// name and aliases, and for a person the surname (last word of the name)
// or the part of it after a hyphen, lower-cased, with and without
// diacritics, between bars. So "putin", "PUTIN", "Vladimir Putin",
// "person:vladimir-putin" and "assad" (for Bashar al-Assad) all work:
//
//	MATCH (a:Actor) WHERE a.keys CONTAINS '|' + toLower($actor) + '|'
//
// and an optional one matches every actor when empty:
//
//	WHERE a.keys CONTAINS CASE $actor WHEN '' THEN '|' ELSE '|' + toLower($actor) + '|' END
//
// Both are answered by the text index on keys, so a query starts from its
// actor in milliseconds however large the graph. Queries that read every
// claim of an actor name the claim types (MET_WITH|SPOKE_WITH|...) rather
// than any relationship: the actor's thousands of MENTIONS are then not
// read at all. Callers that can ask the graph first resolve a name to the
// one actor it means and pass its id, so that a query answers about that
// actor only.
package queries

import (
	"embed"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

//go:embed *.cypher
var files embed.FS

// Param is a parameter of a query.
type Param struct {
	Name        string
	Type        string // string, int, date or actor
	Default     string // used when no value is given; "" for none
	Required    bool   // a non-empty value must be given
	Description string
}

// Query is a canned question.
type Query struct {
	Name        string
	Description string
	Example     string // a command line that asks it
	Cypher      string // without the header
	Params      []Param
}

// all is parsed once, when the program starts. The files are part of the
// program, so a malformed one is a bug, and the package's tests catch it.
var all = mustParseAll()

func mustParseAll() []Query {
	names, err := fs.Glob(files, "*.cypher")
	if err != nil {
		panic(err)
	}
	var qs []Query
	for _, file := range names {
		src, err := files.ReadFile(file)
		if err != nil {
			panic(err)
		}
		q, err := parse(strings.TrimSuffix(file, ".cypher"), string(src))
		if err != nil {
			panic(fmt.Sprintf("queries: %s: %v", file, err))
		}
		qs = append(qs, q)
	}
	slices.SortFunc(qs, func(a, b Query) int { return strings.Compare(a.Name, b.Name) })
	return qs
}

// All returns every query, sorted by name.
func All() []Query {
	return slices.Clone(all)
}

// Get returns the query of the given name.
func Get(name string) (Query, error) {
	for _, q := range all {
		if q.Name == name {
			return q, nil
		}
	}
	names := make([]string, len(all))
	for i, q := range all {
		names[i] = q.Name
	}
	if near := nearest(name, names); len(near) > 0 {
		return Query{}, fmt.Errorf("no query named %q; did you mean %s?", name, strings.Join(near, " or "))
	}
	return Query{}, fmt.Errorf("no query named %q; the queries are %s", name, strings.Join(names, ", "))
}

// Bind turns the values given for the query's parameters, by name, into
// the parameters of its Cypher: a parameter without a value gets its
// default, ints become int64, and dates are checked and stay strings,
// because that is how the graph stores them, as do actors. An int without
// a value or default is null. Unknown names and bad values are errors.
func (q Query) Bind(values map[string]string) (map[string]any, error) {
	names := make([]string, len(q.Params))
	for i, p := range q.Params {
		names[i] = p.Name
	}
	given := make([]string, 0, len(values))
	for name := range values {
		given = append(given, name)
	}
	slices.Sort(given) // report the same unknown name every time
	for _, name := range given {
		if slices.Contains(names, name) {
			continue
		}
		msg := fmt.Sprintf("query %s has no parameter %q", q.Name, name)
		if near := nearest(name, names); len(near) > 0 {
			msg += fmt.Sprintf(" (did you mean %s?)", strings.Join(near, " or "))
		}
		if len(names) == 0 {
			return nil, fmt.Errorf("%s; it takes none", msg)
		}
		return nil, fmt.Errorf("%s; its parameters are %s", msg, strings.Join(names, ", "))
	}

	params := make(map[string]any, len(q.Params))
	for _, p := range q.Params {
		v, ok := values[p.Name]
		if !ok {
			v = p.Default
		}
		if p.Required && v == "" {
			return nil, fmt.Errorf("query %s needs a value for %s: %s", q.Name, p.Name, p.Description)
		}
		x, err := convert(p.Type, v)
		if err != nil {
			return nil, fmt.Errorf("query %s: parameter %s: %w", q.Name, p.Name, err)
		}
		params[p.Name] = x
	}
	return params, nil
}

// ExampleValues returns the parameter values that the query's example
// gives, as the --name value pairs after "dipgraph ask NAME".
func (q Query) ExampleValues() (map[string]string, error) {
	rest, ok := strings.CutPrefix(q.Example, "dipgraph ask "+q.Name)
	if !ok || (rest != "" && rest[0] != ' ') {
		return nil, fmt.Errorf("query %s: example %q does not start with %q", q.Name, q.Example, "dipgraph ask "+q.Name)
	}
	fields := strings.Fields(rest)
	values := make(map[string]string, len(fields)/2)
	for i := 0; i < len(fields); i += 2 {
		name, ok := strings.CutPrefix(fields[i], "--")
		if !ok || i+1 == len(fields) {
			return nil, fmt.Errorf("query %s: example %q: want --name value pairs after the name", q.Name, q.Example)
		}
		values[name] = fields[i+1]
	}
	return values, nil
}

// convert turns a value given as text into the Go value of its type.
func convert(typ, v string) (any, error) {
	switch typ {
	case "string", "actor":
		return v, nil
	case "int":
		if v == "" {
			return nil, nil
		}
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("%q is not a whole number", v)
		}
		return n, nil
	case "date":
		if v == "" {
			return "", nil
		}
		for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
			if _, err := time.Parse(layout, v); err == nil {
				return v, nil
			}
		}
		return nil, fmt.Errorf("%q is not a date like 2024-07-24, 2024-07 or 2024", v)
	}
	return nil, fmt.Errorf("unknown type %q; use string, int, date or actor", typ)
}

var (
	headerLine = regexp.MustCompile(`^//\s*(name|description|param|example):(.*)$`)
	paramName  = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	cypherVar  = regexp.MustCompile(`\$([A-Za-z_][A-Za-z0-9_]*)`)
)

// parse reads a query file. The header is the leading run of "// key:"
// lines; any comment after it belongs to the Cypher.
func parse(file, src string) (Query, error) {
	q := Query{}
	lines := strings.Split(src, "\n")
	n := 0
	for ; n < len(lines); n++ {
		m := headerLine.FindStringSubmatch(strings.TrimSpace(lines[n]))
		if m == nil {
			break
		}
		key, value := m[1], strings.TrimSpace(m[2])
		var field *string
		switch key {
		case "name":
			field = &q.Name
		case "description":
			field = &q.Description
		case "example":
			field = &q.Example
		case "param":
			p, err := parseParam(value)
			if err != nil {
				return Query{}, fmt.Errorf("line %d: %w", n+1, err)
			}
			if slices.ContainsFunc(q.Params, func(o Param) bool { return o.Name == p.Name }) {
				return Query{}, fmt.Errorf("line %d: parameter %s declared twice", n+1, p.Name)
			}
			q.Params = append(q.Params, p)
			continue
		}
		if *field != "" {
			return Query{}, fmt.Errorf("line %d: second %s", n+1, key)
		}
		*field = value
	}
	q.Cypher = strings.TrimSpace(strings.Join(lines[n:], "\n"))

	switch {
	case q.Name != file:
		return Query{}, fmt.Errorf("name %q differs from the file name %q", q.Name, file)
	case q.Description == "":
		return Query{}, fmt.Errorf("no description")
	case q.Cypher == "":
		return Query{}, fmt.Errorf("no Cypher after the header")
	}
	used := map[string]bool{}
	for _, m := range cypherVar.FindAllStringSubmatch(q.Cypher, -1) {
		used[m[1]] = true
		if !slices.ContainsFunc(q.Params, func(p Param) bool { return p.Name == m[1] }) {
			return Query{}, fmt.Errorf("the Cypher uses $%s, which is not declared", m[1])
		}
	}
	for _, p := range q.Params {
		if !used[p.Name] {
			return Query{}, fmt.Errorf("parameter %s is declared but the Cypher does not use it", p.Name)
		}
	}
	return q, nil
}

// parseParam reads NAME TYPE DEFAULT DESCRIPTION.
func parseParam(s string) (Param, error) {
	name, rest, _ := strings.Cut(s, " ")
	typ, rest, _ := strings.Cut(strings.TrimSpace(rest), " ")
	rest = strings.TrimSpace(rest)
	p := Param{Name: name, Type: typ}
	if !paramName.MatchString(name) {
		return Param{}, fmt.Errorf("parameter name %q is not lower case letters, digits and _", name)
	}
	if word, desc, _ := strings.Cut(rest, " "); word == "required" {
		p.Required, rest = true, desc
	} else {
		quoted, err := strconv.QuotedPrefix(rest)
		if err != nil {
			return Param{}, fmt.Errorf("parameter %s: the default must be a quoted string or the word required", name)
		}
		p.Default, _ = strconv.Unquote(quoted)
		rest = rest[len(quoted):]
	}
	p.Description = strings.TrimSpace(rest)
	if p.Description == "" {
		return Param{}, fmt.Errorf("parameter %s has no description", name)
	}
	if _, err := convert(typ, p.Default); err != nil {
		return Param{}, fmt.Errorf("parameter %s: %w", name, err)
	}
	return p, nil
}

// nearest returns the candidates that look like a mistyped name: those
// that contain it or are contained in it, or are at most two edits away.
func nearest(name string, candidates []string) []string {
	var near []string
	lower := strings.ToLower(name)
	for _, c := range candidates {
		if lower != "" && (strings.Contains(c, lower) || strings.Contains(lower, c) || distance(lower, c) <= 2) {
			near = append(near, c)
		}
	}
	return near
}

// distance is the Levenshtein distance between a and b, in bytes.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
