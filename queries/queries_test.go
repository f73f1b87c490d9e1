package queries_test

// This test runs every canned query against a real Neo4j server, whose
// database it empties first: see internal/neo4jtest.

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/internal/neo4jtest"
	"github.com/dipgraph/dipgraph/queries"
)

// A queryCase asks a query with some values and expects some of the
// columns of the rows it returns, or an error from Bind.
type queryCase struct {
	name    string
	values  map[string]string
	columns []string
	want    [][]any
	err     string
}

// cases has test cases for every query, by name; a query without any
// fails the test.
var cases = map[string][]queryCase{
	"met-with": {
		{name: "all asserted",
			columns: []string{"actor", "met", "date", "place", "modality", "article"},
			want: [][]any{
				{"Recep Tayyip Erdogan", "Vladimir Putin", "2016-08-09", "St Petersburg", "asserted", "a2"},
				{"Bashar al-Assad", "Vladimir Putin", "2024-07-24", "Moscow", "asserted", "a1"},
			}},
		{name: "putin first", values: map[string]string{"actor": "putin"},
			columns: []string{"actor", "met", "date", "place", "title", "evidence"},
			want: [][]any{
				{"Vladimir Putin", "Recep Tayyip Erdogan", "2016-08-09", "St Petersburg", "Erdogan and Putin mend ties",
					"Erdogan met Putin in St Petersburg on Tuesday."},
				{"Vladimir Putin", "Bashar al-Assad", "2024-07-24", "Moscow", "Russian leader Putin meets Syrian president Assad in Moscow: TV",
					"Vladimir Putin met Syrian president Bashar al-Assad in Moscow."},
			}},
		{name: "upper case surname", values: map[string]string{"actor": "PUTIN"},
			columns: []string{"actor", "met"},
			want:    [][]any{{"Vladimir Putin", "Recep Tayyip Erdogan"}, {"Vladimir Putin", "Bashar al-Assad"}}},
		{name: "full name", values: map[string]string{"actor": "Vladimir Putin"},
			columns: []string{"actor", "met"},
			want:    [][]any{{"Vladimir Putin", "Recep Tayyip Erdogan"}, {"Vladimir Putin", "Bashar al-Assad"}}},
		{name: "alias from the other article", values: map[string]string{"actor": "russia's president vladimir putin"},
			columns: []string{"actor", "met"},
			want:    [][]any{{"Vladimir Putin", "Recep Tayyip Erdogan"}, {"Vladimir Putin", "Bashar al-Assad"}}},
		{name: "surname after hyphen", values: map[string]string{"actor": "assad"},
			columns: []string{"actor", "met", "date", "place"},
			want:    [][]any{{"Bashar al-Assad", "Vladimir Putin", "2024-07-24", "Moscow"}}},
		{name: "hyphenated surname", values: map[string]string{"actor": "Al-Assad"},
			columns: []string{"actor", "met"},
			want:    [][]any{{"Bashar al-Assad", "Vladimir Putin"}}},
		{name: "planned", values: map[string]string{"actor": "erdogan", "modality": "planned"},
			columns: []string{"actor", "met", "date", "place", "modality", "evidence"},
			want:    [][]any{{"Recep Tayyip Erdogan", "Vladimir Putin", "", nil, "planned", "The two leaders plan to meet again."}}},
		{name: "any modality", values: map[string]string{"actor": "erdogan", "modality": "any"},
			columns: []string{"met", "date", "modality"},
			want:    [][]any{{"Vladimir Putin", "2016-08-09", "asserted"}, {"Vladimir Putin", "", "planned"}}},
		{name: "nobody", values: map[string]string{"actor": "Obama"},
			columns: []string{"actor"}, want: [][]any{}},
	},
	"timeline": {
		{name: "putin", values: map[string]string{"actor": "putin"},
			columns: []string{"date", "source", "type", "target", "place", "modality", "article"},
			want: [][]any{
				{"2016-07", "Recep Tayyip Erdogan", "SPOKE_WITH", "Vladimir Putin", nil, "asserted", "a2"},
				{"2016-08-09", "Recep Tayyip Erdogan", "MET_WITH", "Vladimir Putin", "St Petersburg", "asserted", "a2"},
				{"2024-07-24", "Bashar al-Assad", "MET_WITH", "Vladimir Putin", "Moscow", "asserted", "a1"},
				{"", "Recep Tayyip Erdogan", "MET_WITH", "Vladimir Putin", nil, "planned", "a2"},
				{"", "Vladimir Putin", "LEADER_OF", "Russia", nil, "asserted", "a1"},
			}},
		{name: "russia", values: map[string]string{"actor": "Russia"},
			columns: []string{"source", "type", "target", "modality", "evidence"},
			want: [][]any{
				{"Russia", "BACKS", "Bashar al-Assad", "asserted", "Russia is Assad's main backer."},
				{"Russia", "COOPERATES_WITH", "Turkey", "planned", "Moscow and Ankara will coordinate against ISIS."},
				{"Vladimir Putin", "LEADER_OF", "Russia", "asserted", "Russia's President Vladimir Putin spoke."},
			}},
		{name: "actor required", err: "query timeline needs a value for actor"},
	},
	"evidence": {
		{name: "russia backs assad", values: map[string]string{"source": "russia", "target": "assad"},
			columns: []string{"source", "type", "target", "date", "article", "title", "outlet", "published", "sentence", "start", "end"},
			want: [][]any{{"Russia", "BACKS", "Bashar al-Assad", "", "a1",
				"Russian leader Putin meets Syrian president Assad in Moscow: TV", "AFP", "2024-07-25",
				"Russia is Assad's main backer.", int64(127), int64(157)}}},
		{name: "either way round", values: map[string]string{"source": "Assad", "target": "the Kremlin"},
			columns: []string{"source", "type", "target"},
			want:    [][]any{{"Russia", "BACKS", "Bashar al-Assad"}}},
		{name: "by type", values: map[string]string{"source": "putin", "target": "erdogan", "type": "met-with"},
			columns: []string{"type", "date", "modality", "sentence", "start", "end"},
			want: [][]any{
				{"MET_WITH", "2016-08-09", "asserted", "Erdogan met Putin in St Petersburg on Tuesday.", int64(55), int64(101)},
				{"MET_WITH", "", "planned", "The two leaders plan to meet again.", int64(150), int64(185)},
			}},
		{name: "all types", values: map[string]string{"source": "putin", "target": "erdogan"},
			columns: []string{"type", "date"},
			want:    [][]any{{"SPOKE_WITH", "2016-07"}, {"MET_WITH", "2016-08-09"}, {"MET_WITH", ""}}},
		{name: "target required", values: map[string]string{"source": "putin"},
			err: "query evidence needs a value for target"},
	},
	"meetings": {
		{name: "all",
			columns: []string{"date", "place", "format", "modality", "participants", "articles", "meeting"},
			want: [][]any{
				{"2016-08-09", "St Petersburg", "bilateral", "asserted", []any{"Recep Tayyip Erdogan", "Vladimir Putin"}, []any{"a2"}, "meeting:a2-1"},
				{"2024-07-24", "Moscow", "", "asserted", []any{"Bashar al-Assad", "Vladimir Putin"}, []any{"a1"}, "meeting:a1-1"},
			}},
		{name: "attended by", values: map[string]string{"actor": "assad"},
			columns: []string{"meeting"}, want: [][]any{{"meeting:a1-1"}}},
		{name: "since a year", values: map[string]string{"since": "2020"},
			columns: []string{"meeting"}, want: [][]any{{"meeting:a1-1"}}},
		{name: "until a month", values: map[string]string{"until": "2016-08"},
			columns: []string{"meeting"}, want: [][]any{{"meeting:a2-1"}}},
		{name: "one day", values: map[string]string{"since": "2024-07-24", "until": "2024-07-24"},
			columns: []string{"meeting"}, want: [][]any{{"meeting:a1-1"}}},
		{name: "bad date", values: map[string]string{"since": "last year"},
			err: `"last year" is not a date`},
	},
	"actors": {
		{name: "most mentioned first",
			columns: []string{"name", "label", "id", "articles"},
			want: [][]any{
				{"Russia", "Country", "country:RUS", int64(2)},
				{"Vladimir Putin", "Person", "person:vladimir-putin", int64(2)},
				{"Bashar al-Assad", "Person", "person:bashar-al-assad", int64(1)},
				{"Moscow", "Place", "place:moscow", int64(1)},
				{"Recep Tayyip Erdogan", "Person", "person:recep-tayyip-erdogan", int64(1)},
				{"St Petersburg", "Place", "place:st-petersburg", int64(1)},
				{"Turkey", "Country", "country:TUR", int64(1)},
			}},
		{name: "people, two", values: map[string]string{"label": "person", "limit": "2"},
			columns: []string{"name", "country", "aliases"},
			want: [][]any{
				{"Vladimir Putin", "RUS", []any{"Putin", "the Russian leader", "Russia's President Vladimir Putin"}},
				{"Bashar al-Assad", "SYR", []any{"Assad"}},
			}},
		{name: "bad limit", values: map[string]string{"limit": "all"},
			err: `"all" is not a whole number`},
	},
}

func TestQueries(t *testing.T) {
	db := neo4jtest.Open(t)
	ctx := context.Background()
	if _, err := db.Load(ctx, neo4jtest.Records()); err != nil {
		t.Fatal(err)
	}

	var names []string
	for _, q := range queries.All() {
		names = append(names, q.Name)
		t.Run(q.Name, func(t *testing.T) {
			if len(cases[q.Name]) == 0 {
				t.Fatalf("query %s has no test case", q.Name)
			}
			for _, c := range cases[q.Name] {
				t.Run(c.name, func(t *testing.T) {
					params, err := q.Bind(c.values)
					if c.err != "" {
						if err == nil || !strings.Contains(err.Error(), c.err) {
							t.Fatalf("err = %v, want it to contain %q", err, c.err)
						}
						return
					}
					if err != nil {
						t.Fatal(err)
					}
					res, err := db.Read(ctx, q.Cypher, params)
					if err != nil {
						t.Fatal(err)
					}
					got := [][]any{}
					for _, row := range res.Rows {
						var picked []any
						for _, col := range c.columns {
							i := slices.Index(res.Columns, col)
							if i < 0 {
								t.Fatalf("no column %q in %q", col, res.Columns)
							}
							picked = append(picked, row[i])
						}
						got = append(got, picked)
					}
					if !reflect.DeepEqual(got, c.want) {
						t.Errorf("%s %v:\ngot  %s\nwant %s", q.Name, c.values, show(got), show(c.want))
					}
				})
			}
		})
	}
	for name := range cases {
		if !slices.Contains(names, name) {
			t.Errorf("test cases for %s, which is not a query", name)
		}
	}
}

func show(rows [][]any) string {
	var b strings.Builder
	for _, row := range rows {
		fmt.Fprintf(&b, "\n\t%q", row)
	}
	return b.String()
}
