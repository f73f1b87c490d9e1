package main

import (
	"context"
	"encoding/json"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dipgraph/dipgraph"
	"github.com/dipgraph/dipgraph/internal/neo4jtest"
	"github.com/dipgraph/dipgraph/queries"
)

// askRecords is one article whose actors test name resolution: a surname
// with a diacritic (Davutoğlu), two people of one surname (the Clintons),
// and Moscow, the name of a place and an alias of Russia.
func askRecords() []dipgraph.Record {
	putin := dipgraph.Actor{ID: "person:vladimir-putin", Label: dipgraph.Person, Name: "Vladimir Putin", Aliases: []string{"Putin"}, Country: "RUS"}
	davutoglu := dipgraph.Actor{ID: "person:ahmet-davutoglu", Label: dipgraph.Person, Name: "Ahmet Davutoğlu", Aliases: []string{}, Country: "TUR"}
	bill := dipgraph.Actor{ID: "person:bill-clinton", Label: dipgraph.Person, Name: "Bill Clinton", Aliases: []string{}, Country: "USA"}
	hillary := dipgraph.Actor{ID: "person:hillary-clinton", Label: dipgraph.Person, Name: "Hillary Clinton", Aliases: []string{}, Country: "USA"}
	russia := dipgraph.Actor{ID: "country:RUS", Label: dipgraph.Country, Name: "Russia", Aliases: []string{"Moscow"}, Country: "RUS"}
	moscow := dipgraph.Actor{ID: "place:moscow", Label: dipgraph.Place, Name: "Moscow", Aliases: []string{}, Country: "RUS"}
	met := func(who dipgraph.Actor, date, sentence string) dipgraph.Relation {
		return dipgraph.Relation{Type: dipgraph.MetWith, Source: who.ID, Target: putin.ID, Date: date, Place: moscow.ID,
			Modality: dipgraph.Asserted, Confidence: 0.9, Evidence: []dipgraph.Evidence{{Sentence: sentence, Start: 0, End: 10}}}
	}
	return []dipgraph.Record{{
		Schema:  dipgraph.Schema,
		Article: dipgraph.Article{ID: "t1", Title: "Visitors to the Kremlin", Source: "Test", Published: "2016-01-01"},
		Actors:  []dipgraph.Actor{putin, davutoglu, bill, hillary, russia, moscow},
		Relations: []dipgraph.Relation{
			met(bill, "2000-06-04", "Bill Clinton met Putin in Moscow."),
			met(hillary, "2010-03-19", "Hillary Clinton met Putin in Moscow."),
			met(davutoglu, "2015-11-30", "Davutoğlu met Putin in Moscow."),
		},
	}}
}

// TestAsk asks questions of a real Neo4j through the command line.
func TestAsk(t *testing.T) {
	db := neo4jtest.Open(t)
	if _, err := db.Load(context.Background(), askRecords()); err != nil {
		t.Fatal(err)
	}
	metWith, err := queries.Get("met-with")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want []string // in stdout, in this order
		err  []string // in the error
	}{
		{name: "surname without its diacritic, as csv",
			args: []string{"met-with", "--actor", "davutoglu", "--format", "csv"},
			want: []string{"actor,met,date,place,modality,article,title,evidence\n",
				"Ahmet Davutoğlu,Vladimir Putin,2015-11-30,Moscow,asserted,t1,Visitors to the Kremlin,Davutoğlu met Putin in Moscow.\n"}},
		{name: "full name in another case, with the diacritic",
			args: []string{"met-with", "--actor", "AHMET DAVUTOĞLU"},
			want: []string{"ACTOR", "Ahmet Davutoğlu", "Vladimir Putin", "2015-11-30"}},
		{name: "by id",
			args: []string{"met-with", "--actor", "person:bill-clinton"},
			want: []string{"Bill Clinton", "2000-06-04"}},
		{name: "by --param",
			args: []string{"met-with", "--param", "actor=Hillary Clinton"},
			want: []string{"Hillary Clinton", "2010-03-19"}},
		{name: "a shared surname lists the candidates",
			args: []string{"met-with", "--actor", "clinton"},
			err: []string{`--actor "clinton" could be 2 actors; give the name or id of one:`,
				"\n  Bill Clinton (Person, person:bill-clinton)", "\n  Hillary Clinton (Person, person:hillary-clinton)"}},
		{name: "a name beats an alias",
			args: []string{"met-with", "--place", "moscow", "--explain"},
			want: []string{":params {actor: '', with: '', place: 'place:moscow',"}},
		{name: "nobody of that name",
			args: []string{"met-with", "--actor", "obama"},
			err:  []string{`--actor "obama": no actor has that name, alias or surname`}},
		{name: "explain shows the Cypher and the resolved parameters",
			args: []string{"met-with", "--actor", "putin", "--since", "2010", "--explain"},
			want: []string{":params {actor: 'person:vladimir-putin', with: '', place: '', since: '2010', until: '', modality: 'asserted'}\n\n" +
				metWith.Cypher + "\n"}},
		{name: "unknown parameter",
			args: []string{"met-with", "--source", "putin"},
			err:  []string{`query met-with has no parameter "source"`, "its parameters are actor, with, place, since, until, modality"}},
		{name: "unknown query",
			args: []string{"met-whit"},
			err:  []string{`no query named "met-whit"; did you mean met-with?`}},
		{name: "unknown format",
			args: []string{"met-with", "--format", "xml"},
			err:  []string{`unknown --format "xml": use table, json or csv`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := run(t, "", append([]string{"ask"}, tt.args...)...)
			if len(tt.err) > 0 {
				if err == nil {
					t.Fatalf("no error; stdout:\n%s", out)
				}
				for _, want := range tt.err {
					if !strings.Contains(err.Error(), want) {
						t.Errorf("error %q lacks %q", err, want)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			rest := out
			for _, want := range tt.want {
				i := strings.Index(rest, want)
				if i < 0 {
					t.Fatalf("stdout lacks %q (in this order):\n%s", want, out)
				}
				rest = rest[i+len(want):]
			}
		})
	}

	out, _, err := run(t, "", "ask", "met-with", "--actor", "Putin", "--since", "2010", "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	var got []string
	for _, r := range rows {
		got = append(got, r["met"].(string)+" "+r["date"].(string))
	}
	if want := []string{"Hillary Clinton 2010-03-19", "Ahmet Davutoğlu 2015-11-30"}; !slices.Equal(got, want) {
		t.Errorf("json rows %q, want %q", got, want)
	}
}

// TestAskWithoutNeo4j covers what ask does before it needs the graph:
// listing the questions and completing their names.
func TestAskWithoutNeo4j(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"list", []string{"ask"}, []string{"QUESTION", " --actor [--since] [--until] ", "Ask one with: dipgraph ask QUESTION"}},
		{"list flag", []string{"ask", "--list"}, []string{"QUESTION"}},
		{"complete a query name", []string{"__complete", "ask", "meet"}, []string{"meeting-pairs\tWhich pairs meet most", "met-with\tWho met whom"}},
		{"complete browse", []string{"__complete", "browse", ""}, []string{"connection\tThe shortest connection"}},
		{"complete --format", []string{"__complete", "ask", "met-with", "--format", ""}, []string{"table\njson\ncsv\n"}},
	}
	for _, q := range queries.All() {
		tests[0].want = append(tests[0].want, q.Name, q.Description)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := run(t, "", tt.args...)
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range tt.want {
				if !strings.Contains(out, want) {
					t.Errorf("output lacks %q:\n%s", want, out)
				}
			}
		})
	}
}

// BenchmarkResolveActor looks up an actor by surname in the graph of the
// seed articles, and reports the median time as p50-ms:
//
//	go test -run '^$' -bench ResolveActor ./cmd/dipgraph
func BenchmarkResolveActor(b *testing.B) {
	db := neo4jtest.Open(b)
	ctx := context.Background()
	cmd := newRootCmd(streams{in: strings.NewReader(""), out: io.Discard, err: io.Discard})
	cmd.SetArgs([]string{"load", "--quiet", "../../testdata/articles"})
	if err := cmd.ExecuteContext(ctx); err != nil {
		b.Fatal(err)
	}
	var times []time.Duration
	for b.Loop() {
		start := time.Now()
		if _, err := resolveActor(ctx, db, "actor", "putin"); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "p50-ms")
}
