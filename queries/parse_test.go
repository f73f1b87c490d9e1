package queries

import (
	"io/fs"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph"
)

// TestFiles checks every embedded file: the package would not even start
// with one that does not parse, and this says which rules each obeys.
func TestFiles(t *testing.T) {
	names, err := fs.Glob(files, "*.cypher")
	if err != nil {
		t.Fatal(err)
	}
	if len(names) != len(All()) {
		t.Fatalf("%d files but %d queries", len(names), len(All()))
	}
	for _, file := range names {
		t.Run(file, func(t *testing.T) {
			src, err := files.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			q, err := parse(strings.TrimSuffix(file, ".cypher"), string(src))
			if err != nil {
				t.Fatal(err)
			}
			values, err := q.ExampleValues()
			if err != nil {
				t.Fatal(err)
			}
			if _, err := q.Bind(values); err != nil {
				t.Errorf("example %q: %v", q.Example, err)
			}
			if strings.Contains(q.Cypher, "// name:") {
				t.Errorf("header left in the Cypher:\n%s", q.Cypher)
			}
		})
	}
}

// TestActorMatching checks that every query matches its actor parameters,
// and only those, in the one way the package documents: through the text
// index on the actors' keys, which a MATCH on one actor uses.
func TestActorMatching(t *testing.T) {
	use := regexp.MustCompile(`(\w+)\.keys CONTAINS (?:CASE \$(\w+) WHEN '' THEN '\|' ELSE )?'\|' \+ toLower\(\$(\w+)\) \+ '\|'`)
	for _, q := range All() {
		uses := use.FindAllStringSubmatch(q.Cypher, -1)
		if n := strings.Count(q.Cypher, ".keys"); n != len(uses) {
			t.Errorf("%s: %d uses of keys, %d of the usual form", q.Name, n, len(uses))
		}
		matched := map[string]bool{}
		for _, m := range uses {
			matched[m[3]] = true
			if m[2] != "" && m[2] != m[3] {
				t.Errorf("%s: %s tests $%s but matches $%s", q.Name, m[0], m[2], m[3])
			}
		}
		for _, p := range q.Params {
			if actor := p.Type == "actor"; actor != matched[p.Name] {
				t.Errorf("%s: parameter %s is of type %s but matched as an actor: %v", q.Name, p.Name, p.Type, matched[p.Name])
			}
		}
	}
}

// TestClaimTypes checks that a query that reads every claim names every
// relation type of the ontology, so that a type added to it is not left
// out of the questions.
func TestClaimTypes(t *testing.T) {
	var types []string
	for _, rt := range dipgraph.RelationTypes {
		types = append(types, string(rt))
	}
	claims := ":" + strings.Join(types, "|")
	for _, q := range All() {
		if strings.Contains(q.Cypher, "r.key") {
			t.Errorf("%s: claims are found by their types, not by r.key, so that MENTIONS are not read", q.Name)
		}
		for _, m := range regexp.MustCompile(`:MET_WITH\|[A-Z_|]+`).FindAllString(q.Cypher, -1) {
			// The country roll-up leaves out the ties that make an actor
			// count for a country.
			if m != claims && m != strings.TrimSuffix(claims, "|LEADER_OF|MEMBER_OF") {
				t.Errorf("%s: claims matched as %s, want %s", q.Name, m, claims)
			}
		}
	}
}

func TestParseErrors(t *testing.T) {
	const body = "\nMATCH (a) WHERE a.name = $actor RETURN a"
	tests := []struct {
		name string
		src  string
		want string
	}{
		{"name differs from file",
			"// name: other\n// description: d\n// param: actor string \"\" d" + body,
			`name "other" differs from the file name "q"`},
		{"no description",
			"// name: q\n// param: actor string \"\" d" + body,
			"no description"},
		{"no cypher",
			"// name: q\n// description: d\n",
			"no Cypher"},
		{"undeclared parameter",
			"// name: q\n// description: d" + body,
			"uses $actor, which is not declared"},
		{"unused parameter",
			"// name: q\n// description: d\n// param: actor string \"\" d\n// param: limit int \"5\" d" + body,
			"parameter limit is declared but the Cypher does not use it"},
		{"twice declared",
			"// name: q\n// description: d\n// param: actor string \"\" d\n// param: actor string \"\" d" + body,
			"line 4: parameter actor declared twice"},
		{"second name",
			"// name: q\n// name: q\n// description: d" + body,
			"line 2: second name"},
		{"unknown type",
			"// name: q\n// description: d\n// param: actor text \"\" d" + body,
			`line 3: parameter actor: unknown type "text"`},
		{"unquoted default",
			"// name: q\n// description: d\n// param: actor string putin d" + body,
			"default must be a quoted string or the word required"},
		{"bad int default",
			"// name: q\n// description: d\n// param: actor int \"ten\" d" + body,
			`"ten" is not a whole number`},
		{"bad date default",
			"// name: q\n// description: d\n// param: actor date \"July\" d" + body,
			`"July" is not a date`},
		{"param without description",
			"// name: q\n// description: d\n// param: actor string \"\"" + body,
			"parameter actor has no description"},
		{"bad param name",
			"// name: q\n// description: d\n// param: Actor string \"\" d" + body,
			`parameter name "Actor"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parse("q", tt.src)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestParse(t *testing.T) {
	src := `// name: q
// description: Who met whom
// param: actor string "" The "actor", by name
// param: since date required From
// param: limit int "10" At most
// example: dipgraph ask q --since 2024
// A comment that belongs to the Cypher: it is not a header line.
MATCH (a) WHERE a.name = $actor AND a.date >= $since
RETURN a LIMIT $limit
`
	got, err := parse("q", src)
	if err != nil {
		t.Fatal(err)
	}
	want := Query{
		Name:        "q",
		Description: "Who met whom",
		Example:     "dipgraph ask q --since 2024",
		Cypher: "// A comment that belongs to the Cypher: it is not a header line.\n" +
			"MATCH (a) WHERE a.name = $actor AND a.date >= $since\nRETURN a LIMIT $limit",
		Params: []Param{
			{Name: "actor", Type: "string", Description: `The "actor", by name`},
			{Name: "since", Type: "date", Required: true, Description: "From"},
			{Name: "limit", Type: "int", Default: "10", Description: "At most"},
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %#v\nwant %#v", got, want)
	}
}

func TestBind(t *testing.T) {
	q := Query{Name: "q", Params: []Param{
		{Name: "actor", Type: "string", Description: "Who"},
		{Name: "modality", Type: "string", Default: "asserted", Description: "How"},
		{Name: "since", Type: "date", Required: true, Description: "From when"},
		{Name: "limit", Type: "int", Default: "10", Description: "How many"},
		{Name: "offset", Type: "int", Description: "Skip"},
		{Name: "who", Type: "actor", Description: "Whom"},
	}}
	tests := []struct {
		name   string
		values map[string]string
		want   map[string]any
		err    string
	}{
		{"defaults", map[string]string{"since": "2024"},
			map[string]any{"actor": "", "modality": "asserted", "since": "2024", "limit": int64(10), "offset": nil, "who": ""}, ""},
		{"values", map[string]string{"actor": "Putin", "modality": "", "since": "2024-07-24", "limit": "3", "offset": "-1", "who": "Erdoğan"},
			map[string]any{"actor": "Putin", "modality": "", "since": "2024-07-24", "limit": int64(3), "offset": int64(-1), "who": "Erdoğan"}, ""},
		{"month", map[string]string{"since": "2024-07"},
			map[string]any{"actor": "", "modality": "asserted", "since": "2024-07", "limit": int64(10), "offset": nil, "who": ""}, ""},
		{"missing required", map[string]string{"actor": "x"}, nil,
			"query q needs a value for since: From when"},
		{"empty required", map[string]string{"since": ""}, nil,
			"query q needs a value for since"},
		{"bad date", map[string]string{"since": "2024-13-01"}, nil,
			`query q: parameter since: "2024-13-01" is not a date like 2024-07-24, 2024-07 or 2024`},
		{"bad int", map[string]string{"since": "2024", "limit": "many"}, nil,
			`query q: parameter limit: "many" is not a whole number`},
		{"unknown near", map[string]string{"since": "2024", "actr": "x"}, nil,
			`query q has no parameter "actr" (did you mean actor?); its parameters are actor, modality, since, limit, offset, who`},
		{"unknown far", map[string]string{"since": "2024", "colour": "x"}, nil,
			`query q has no parameter "colour"; its parameters are`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := q.Bind(tt.values)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want it to contain %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %#v\nwant %#v", got, tt.want)
			}
		})
	}

	if _, err := (Query{Name: "none"}).Bind(map[string]string{"x": "1"}); err == nil ||
		err.Error() != `query none has no parameter "x"; it takes none` {
		t.Errorf("query without parameters: err = %v", err)
	}
}

func names() []string {
	var names []string
	for _, q := range All() {
		names = append(names, q.Name)
	}
	return names
}

func TestGet(t *testing.T) {
	tests := []struct {
		name string
		want string // the error, or "" for found
	}{
		{"met-with", ""},
		{"timeline", ""},
		{"met", `no query named "met"; did you mean met-with?`},
		{"timelien", `no query named "timelien"; did you mean timeline?`},
		{"MET-WITH", `no query named "MET-WITH"; did you mean met-with?`},
		{"zzz", `no query named "zzz"; the queries are ` + strings.Join(names(), ", ")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := Get(tt.name)
			switch {
			case tt.want == "" && err != nil:
				t.Fatal(err)
			case tt.want == "" && q.Name != tt.name:
				t.Errorf("got query %q", q.Name)
			case tt.want != "" && (err == nil || err.Error() != tt.want):
				t.Errorf("err = %v, want %s", err, tt.want)
			}
		})
	}
}

func TestExampleValues(t *testing.T) {
	tests := []struct {
		example string
		want    map[string]string
		err     string
	}{
		{"dipgraph ask q", map[string]string{}, ""},
		{"dipgraph ask q --actor putin --since 2016", map[string]string{"actor": "putin", "since": "2016"}, ""},
		{"dipgraph ask qq --actor putin", nil, `does not start with "dipgraph ask q"`},
		{"dipgraph ask other", nil, `does not start with "dipgraph ask q"`},
		{"dipgraph ask q --actor", nil, "want --name value pairs"},
		{"dipgraph ask q actor putin", nil, "want --name value pairs"},
	}
	for _, tt := range tests {
		t.Run(tt.example, func(t *testing.T) {
			got, err := Query{Name: "q", Example: tt.example}.ExampleValues()
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want it to contain %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}
