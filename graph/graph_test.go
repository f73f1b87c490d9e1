package graph_test

// These tests run against a real Neo4j server and delete everything in its
// database first: see internal/neo4jtest for how to point them at a
// throwaway one.

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/internal/neo4jtest"
)

func TestLoad(t *testing.T) {
	db := neo4jtest.Open(t)
	ctx := context.Background()

	stats, err := db.Load(ctx, neo4jtest.Records())
	if err != nil {
		t.Fatal(err)
	}
	if want := (graph.Stats{Articles: 2, Actors: 7, Relations: 7, Meetings: 2}); stats != want {
		t.Errorf("stats = %+v, want %+v", stats, want)
	}
	nodes, rels, err := db.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if nodes != 11 || rels != 24 {
		t.Errorf("counts = %d nodes, %d relationships, want 11, 24", nodes, rels)
	}

	tests := []struct {
		name   string
		cypher string
		want   string // the rows, as fmt prints them
	}{
		{"nodes per label",
			"MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) ORDER BY label",
			"[[Actor 7] [Article 2] [Country 2] [Meeting 2] [Person 3] [Place 2]]"},
		{"relationships per type",
			"MATCH ()-[r]->() RETURN type(r) AS type, count(*) ORDER BY type",
			"[[ATTENDED 4] [BACKS 1] [COOPERATES_WITH 1] [HELD_IN 2] [LEADER_OF 1] [MENTIONS 9] [MET_WITH 3] [REPORTED 2] [SPOKE_WITH 1]]"},
		{"article",
			"MATCH (a:Article {id: 'a2'}) RETURN a.title, a.source, a.published, a.url, a.path",
			"[[Erdogan and Putin mend ties CNN 2016-08-10 https://example.com/a2 ]]"},
		{"mentions",
			"MATCH (:Article {id: 'a1'})-[:MENTIONS]->(x) RETURN x.id ORDER BY x.id",
			"[[country:RUS] [person:bashar-al-assad] [person:vladimir-putin] [place:moscow]]"},
		{"first non-empty name kept, aliases merged",
			"MATCH (p:Person:Actor {id: 'person:vladimir-putin'}) RETURN p.name, p.aliases, p.country",
			"[[Vladimir Putin [Putin the Russian leader Russia's President Vladimir Putin] RUS]]"},
		{"actor without aliases",
			"MATCH (p:Place {id: 'place:st-petersburg'}) RETURN p.name, p.aliases, p.country",
			"[[St Petersburg [] RUS]]"},
		{"met-with claim",
			`MATCH (s)-[r:MET_WITH {article: 'a1'}]->(t)
			 RETURN s.id, t.id, r.date, r.place, r.modality, r.confidence, r.cameo, r.role, r.sentences, r.starts, r.ends, size(r.key)`,
			"[[person:bashar-al-assad person:vladimir-putin 2024-07-24 place:moscow asserted 0.92 040  " +
				"[Vladimir Putin met Syrian president Bashar al-Assad in Moscow.] [64] [126] 32]]"},
		{"undated claim",
			"MATCH (s)-[r:BACKS]->(t) RETURN s.name, t.name, r.date, r.place, r.article",
			"[[Russia Bashar al-Assad   a1]]"},
		{"leader with role",
			"MATCH (s)-[r:LEADER_OF]->(t) RETURN s.name, t.name, r.role",
			"[[Vladimir Putin Russia President]]"},
		{"symmetric pair stored in id order",
			"MATCH (s)-[r:SPOKE_WITH]->(t) RETURN s.id, t.id, r.date",
			"[[person:recep-tayyip-erdogan person:vladimir-putin 2016-07]]"},
		{"planned claim",
			"MATCH (s)-[r:COOPERATES_WITH]->(t) RETURN s.id, t.id, r.modality",
			"[[country:RUS country:TUR planned]]"},
		{"meetings",
			`MATCH (art:Article)-[:REPORTED]->(m:Meeting)-[:HELD_IN]->(p)
			 MATCH (x)-[:ATTENDED]->(m)
			 WITH art, m, p, x ORDER BY x.id
			 RETURN art.id, m.id, m.date, m.place, m.format, m.modality, p.name, collect(x.id) ORDER BY m.id`,
			"[[a1 meeting:a1-1 2024-07-24 place:moscow  asserted Moscow [person:bashar-al-assad person:vladimir-putin]] " +
				"[a2 meeting:a2-1 2016-08-09 place:st-petersburg bilateral asserted St Petersburg [person:recep-tayyip-erdogan person:vladimir-putin]]]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := rows(t, db, tt.cypher); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestLoadIsIdempotent loads the same records again, in one batch and in
// batches of one row, and expects not a property to change.
func TestLoadIsIdempotent(t *testing.T) {
	db := neo4jtest.Open(t)
	ctx := context.Background()
	if _, err := db.Load(ctx, neo4jtest.Records()); err != nil {
		t.Fatal(err)
	}
	want := dump(t, db)
	wantNodes, wantRels, err := db.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}

	for _, size := range []int{0, 1} {
		db.BatchSize = size
		if _, err := db.Load(ctx, neo4jtest.Records()); err != nil {
			t.Fatal(err)
		}
		nodes, rels, err := db.Counts(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if nodes != wantNodes || rels != wantRels {
			t.Errorf("batch size %d: reloading made %d nodes and %d relationships of %d and %d", size, nodes, rels, wantNodes, wantRels)
		}
		if got := dump(t, db); got != want {
			t.Errorf("batch size %d: after reloading\n%s\nwant\n%s", size, got, want)
		}
	}
}

// TestLoadBatchSizeOne loads into an empty graph one row per transaction
// and expects the same graph as one batch makes.
func TestLoadBatchSizeOne(t *testing.T) {
	db := neo4jtest.Open(t)
	ctx := context.Background()
	if _, err := db.Load(ctx, neo4jtest.Records()); err != nil {
		t.Fatal(err)
	}
	want := dump(t, db)

	if err := db.Clear(ctx); err != nil {
		t.Fatal(err)
	}
	db.BatchSize = 1
	if _, err := db.Load(ctx, neo4jtest.Records()); err != nil {
		t.Fatal(err)
	}
	if got := dump(t, db); got != want {
		t.Errorf("loaded a row at a time:\n%s\nwant\n%s", got, want)
	}
}

// TestLoadReplacesArticle loads a changed record for a1: the meeting date
// moved, the BACKS claim and Moscow are gone, LEADER_OF has new evidence.
func TestLoadReplacesArticle(t *testing.T) {
	db := neo4jtest.Open(t)
	ctx := context.Background()
	recs := neo4jtest.Records()
	if _, err := db.Load(ctx, recs); err != nil {
		t.Fatal(err)
	}

	a1 := recs[0]
	a1.Article.Title = "Putin meets Assad"
	a1.Actors = slices.DeleteFunc(slices.Clone(a1.Actors), func(a dipgraph.Actor) bool { return a.ID == "place:moscow" })
	met, leader := a1.Relations[0], a1.Relations[2]
	met.Date, met.Place = "2024-07-23", ""
	leader.Evidence = []dipgraph.Evidence{{Sentence: "Putin, Russia's president, said.", Start: 1, End: 34}}
	a1.Relations = []dipgraph.Relation{met, leader}
	a1.Meetings = []dipgraph.Meeting{{ID: "meeting:a1-1", Date: "2024-07-23", Participants: []string{"person:vladimir-putin"}, Modality: dipgraph.Asserted}}
	if _, err := db.Load(ctx, []dipgraph.Record{a1}); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name, cypher, want string
	}{
		{"article",
			"MATCH (a:Article {id: 'a1'}) RETURN a.title",
			"[[Putin meets Assad]]"},
		{"claims of a1",
			"MATCH ()-[r {article: 'a1'}]->() RETURN type(r) AS type, r.date, r.place, r.sentences ORDER BY type",
			"[[LEADER_OF   [Putin, Russia's president, said.]] [MET_WITH 2024-07-23  [Vladimir Putin met Syrian president Bashar al-Assad in Moscow.]]]"},
		{"claims of a2 untouched",
			"MATCH ()-[r {article: 'a2'}]->() RETURN count(r)",
			"[[4]]"},
		{"mentions of a1",
			"MATCH (:Article {id: 'a1'})-[:MENTIONS]->(x) RETURN x.id ORDER BY x.id",
			"[[country:RUS] [person:bashar-al-assad] [person:vladimir-putin]]"},
		{"meeting",
			`MATCH (m:Meeting {id: 'meeting:a1-1'})
			 RETURN m.date, m.place, COUNT { (m)-[:HELD_IN]->() }, [(x)-[:ATTENDED]->(m) | x.id], [(a)-[:REPORTED]->(m) | a.id]`,
			"[[2024-07-23  0 [person:vladimir-putin] [a1]]]"},
		{"actors stay",
			"MATCH (n:Actor) RETURN count(n)",
			"[[7]]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := rows(t, db, tt.cypher); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}

	// A record that no longer reports a meeting deletes it, as no other
	// article reports it.
	a1.Meetings = nil
	if _, err := db.Load(ctx, []dipgraph.Record{a1}); err != nil {
		t.Fatal(err)
	}
	if got, want := rows(t, db, "MATCH (m:Meeting) RETURN m.id ORDER BY m.id"), "[[meeting:a2-1]]"; got != want {
		t.Errorf("meetings = %s, want %s", got, want)
	}
}

// TestLoadMergesDuplicateClaims gives an article the same claim twice, the
// second time reversed and with another sentence: one relationship must
// hold both sentences.
func TestLoadMergesDuplicateClaims(t *testing.T) {
	db := neo4jtest.Open(t)
	ctx := context.Background()
	rec := neo4jtest.Records()[0]
	again := rec.Relations[0]
	again.Source, again.Target = again.Target, again.Source
	again.Confidence = 0.95
	again.Evidence = []dipgraph.Evidence{rec.Relations[0].Evidence[0], {Sentence: "The two men met.", Start: 200, End: 216}}
	rec.Relations = append(rec.Relations, again)

	stats, err := db.Load(ctx, []dipgraph.Record{rec})
	if err != nil {
		t.Fatal(err)
	}
	if stats.Relations != 3 {
		t.Errorf("stats.Relations = %d, want 3", stats.Relations)
	}
	got := rows(t, db, "MATCH ()-[r:MET_WITH]->() RETURN r.confidence, r.sentences, r.starts, r.ends")
	want := "[[0.95 [Vladimir Putin met Syrian president Bashar al-Assad in Moscow. The two men met.] [64 200] [126 216]]]"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestLoadRejects checks that bad records are refused before anything is
// written.
func TestLoadRejects(t *testing.T) {
	db := neo4jtest.Open(t)
	ctx := context.Background()

	tests := []struct {
		name   string
		change func(recs []dipgraph.Record) []dipgraph.Record
		want   string
	}{
		{"unknown label", func(recs []dipgraph.Record) []dipgraph.Record {
			recs[1].Actors[4].Label = "City`) DETACH DELETE n //"
			return recs
		}, `actor "place:st-petersburg" has label "City`},
		{"unknown relation type", func(recs []dipgraph.Record) []dipgraph.Record {
			recs[1].Relations[0].Type = "LIKES"
			return recs
		}, `relation 0 has type "LIKES"`},
		{"label of a known actor changes", func(recs []dipgraph.Record) []dipgraph.Record {
			recs[1].Actors[2].Label = dipgraph.Organization
			return recs
		}, `actor "country:RUS" has label Organization here but Country in an earlier record`},
		{"relation names an unlisted actor", func(recs []dipgraph.Record) []dipgraph.Record {
			recs[0].Relations[1].Target = "person:nobody"
			return recs
		}, `relation 1 (BACKS) names actor "person:nobody"`},
		{"relation place is not an actor", func(recs []dipgraph.Record) []dipgraph.Record {
			recs[0].Relations[0].Place = "Moscow"
			return recs
		}, `has place "Moscow"`},
		{"meeting names an unlisted participant", func(recs []dipgraph.Record) []dipgraph.Record {
			recs[0].Meetings[0].Participants = append(recs[0].Meetings[0].Participants, "person:nobody")
			return recs
		}, `meeting "meeting:a1-1" names participant "person:nobody"`},
		{"article without id", func(recs []dipgraph.Record) []dipgraph.Record {
			recs[1].Article.ID = ""
			return recs
		}, `a record has no article id (title "Erdogan and Putin mend ties")`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := db.Load(ctx, tt.change(neo4jtest.Records()))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tt.want)
			}
			nodes, rels, err := db.Counts(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if nodes != 0 || rels != 0 {
				t.Errorf("wrote %d nodes and %d relationships, want none", nodes, rels)
			}
		})
	}
}

// TestHostileStrings checks that text is only ever a parameter: quotes,
// backticks and Cypher in names, aliases, titles and evidence come back as
// they went in.
func TestHostileStrings(t *testing.T) {
	db := neo4jtest.Open(t)
	ctx := context.Background()
	hostile := []string{
		`'}) DETACH DELETE n //`,
		"`Person` \" ' \\ $rows {x}",
		"MATCH (n) DETACH DELETE n; RETURN 1",
		"Bachar al-Assad \u00e9\u4e2d\u6587 \U0001F600\n\ttab",
	}
	for i, s := range hostile {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			id := "person:" + s
			rec := dipgraph.Record{
				Article: dipgraph.Article{ID: "article " + s, Title: s, Source: s, Published: "2024-01-01"},
				Actors: []dipgraph.Actor{
					{ID: id, Label: dipgraph.Person, Name: s, Aliases: []string{s, s + "2"}},
					{ID: "country:RUS", Label: dipgraph.Country, Name: "Russia"},
				},
				Relations: []dipgraph.Relation{{Type: dipgraph.Backs, Source: "country:RUS", Target: id, Modality: dipgraph.Asserted,
					CAMEO: s, Role: s, Evidence: []dipgraph.Evidence{{Sentence: s, Start: 0, End: len([]rune(s))}}}},
				Meetings: []dipgraph.Meeting{{ID: "meeting:" + s, Format: s, Participants: []string{id, "country:RUS"}}},
			}
			if _, err := db.Load(ctx, []dipgraph.Record{rec}); err != nil {
				t.Fatal(err)
			}
			res, err := db.Read(ctx, `
				MATCH (a:Article {id: $article})-[:MENTIONS]->(p:Person)<-[r:BACKS]-(:Country)
				MATCH (a)-[:REPORTED]->(m:Meeting)
				RETURN a.title, a.source, p.id, p.name, p.aliases, r.cameo, r.role, r.sentences, m.id, m.format`,
				map[string]any{"article": rec.Article.ID})
			if err != nil {
				t.Fatal(err)
			}
			want := [][]any{{s, s, id, s, []any{s, s + "2"}, s, s, []any{s}, "meeting:" + s, s}}
			if !reflect.DeepEqual(res.Rows, want) {
				t.Errorf("got  %q\nwant %q", res.Rows, want)
			}
			if nodes, _, err := db.Counts(ctx); err != nil || nodes < 4 {
				t.Errorf("counts: %d nodes, %v; want at least 4 nodes", nodes, err)
			}
		})
	}
}

func TestRead(t *testing.T) {
	db := neo4jtest.Open(t)
	ctx := context.Background()
	if _, err := db.Load(ctx, neo4jtest.Records()); err != nil {
		t.Fatal(err)
	}
	res, err := db.Read(ctx, `
		MATCH (p:Place {id: 'place:moscow'})<-[h:HELD_IN]-(:Meeting)
		RETURN 'x' AS s, 42 AS i, 0.5 AS f, true AS b, null AS nothing,
		       [1, 'two', [3]] AS list, {k: 'v', n: {m: 1}} AS map,
		       date('2024-07-24') AS date, datetime('2024-07-24T10:30:00Z') AS datetime,
		       localdatetime('2024-07-24T10:30:00') AS local, duration('P1DT2H') AS duration,
		       p AS node, h AS rel`, nil)
	if err != nil {
		t.Fatal(err)
	}
	wantColumns := []string{"s", "i", "f", "b", "nothing", "list", "map", "date", "datetime", "local", "duration", "node", "rel"}
	if !reflect.DeepEqual(res.Columns, wantColumns) {
		t.Errorf("columns = %q, want %q", res.Columns, wantColumns)
	}
	want := [][]any{{
		"x", int64(42), 0.5, true, nil,
		[]any{int64(1), "two", []any{int64(3)}},
		map[string]any{"k": "v", "n": map[string]any{"m": int64(1)}},
		"2024-07-24", "2024-07-24T10:30:00Z", "2024-07-24T10:30:00", "P0M1DT7200S",
		map[string]any{"id": "place:moscow", "name": "Moscow", "aliases": []any{}, "country": "RUS", "keys": "|place:moscow|moscow|",
			"mentions": int64(1), "partners": int64(0), "claims": int64(0), "claim_articles": int64(0)},
		map[string]any{},
	}}
	if !reflect.DeepEqual(res.Rows, want) {
		t.Errorf("rows =\n%#v\nwant\n%#v", res.Rows, want)
	}

	if _, err := db.Read(ctx, "CREATE (:Article {id: 'sneaky'})", nil); err == nil {
		t.Error("Read ran a write")
	}
	if _, err := db.Read(ctx, "RETURN $x +", map[string]any{"x": 1}); err == nil || !strings.Contains(err.Error(), "SyntaxError") {
		t.Errorf("bad Cypher: err = %v, want a syntax error", err)
	}
}

// TestSchema checks that EnsureSchema is idempotent and covers every actor
// label.
func TestSchema(t *testing.T) {
	db := neo4jtest.Open(t)
	ctx := context.Background()
	for range 2 {
		if err := db.EnsureSchema(ctx); err != nil {
			t.Fatal(err)
		}
	}
	res, err := db.Read(ctx, `
		SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties
		WHERE type = 'UNIQUENESS' AND properties = ['id']
		RETURN labelsOrTypes[0] AS label ORDER BY label`, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, row := range res.Rows {
		got = append(got, row[0].(string))
	}
	want := []string{"Actor", "Article", "Meeting"}
	for _, l := range dipgraph.Labels {
		want = append(want, string(l))
	}
	for _, label := range want {
		// The database is shared, so other constraints may exist too.
		if !slices.Contains(got, label) {
			t.Errorf("no unique id on %s; unique ids on %q", label, got)
		}
	}
	if got := rows(t, db, "SHOW INDEXES YIELD name WHERE name = 'actor_name' RETURN name"); got != "[[actor_name]]" {
		t.Errorf("index on Actor(name): %s", got)
	}
}

func TestOpenErrors(t *testing.T) {
	neo4jtest.Open(t) // skips without a server
	ctx := context.Background()
	good := neo4jtest.Config()

	wrongPassword := good
	wrongPassword.Password = "not-the-password-" + good.Password
	noDatabase := good
	noDatabase.Database = "nosuchdb"
	unreachable := good
	unreachable.URI = "bolt://127.0.0.1:1"

	tests := []struct {
		name        string
		config      graph.Config
		want        string
		unreachable bool
	}{
		{"wrong password", wrongPassword,
			fmt.Sprintf(`Neo4j at %s refused the credentials of user %q; set NEO4J_USERNAME/NEO4J_PASSWORD`, good.URI, good.Username), false},
		{"no such database", noDatabase,
			fmt.Sprintf(`Neo4j at %s has no database "nosuchdb"`, good.URI), false},
		{"unreachable", unreachable,
			`cannot reach Neo4j at bolt://127.0.0.1:1: `, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, err := graph.Open(ctx, tt.config)
			if err == nil {
				db.Close(ctx)
				t.Fatal("Open succeeded")
			}
			msg := err.Error()
			if !strings.Contains(msg, tt.want) {
				t.Errorf("err = %q, want it to contain %q", msg, tt.want)
			}
			if strings.Contains(msg, tt.config.Password) {
				t.Errorf("err = %q shows the password", msg)
			}
			if got := errors.Is(err, graph.ErrUnreachable); got != tt.unreachable {
				t.Errorf("errors.Is(err, ErrUnreachable) = %v, want %v", got, tt.unreachable)
			}
			if tt.unreachable && !strings.Contains(msg, `start one with "make neo4j-up"`) {
				t.Errorf("err = %q does not say how to start a server", msg)
			}
		})
	}
}

// rows runs a query and prints its rows, which keeps expectations short.
func rows(t *testing.T, db *graph.DB, cypher string) string {
	t.Helper()
	res, err := db.Read(context.Background(), cypher, nil)
	if err != nil {
		t.Fatalf("%s: %v", cypher, err)
	}
	return fmt.Sprint(res.Rows)
}

// dump prints every node and relationship with all their labels and
// properties, in a stable order, so that two graphs compare as strings.
func dump(t *testing.T, db *graph.DB) string {
	t.Helper()
	nodes := rows(t, db, `
		MATCH (n)
		WITH n, [l IN labels(n) WHERE l <> 'Actor'][0] AS label
		RETURN label, labels(n), properties(n) ORDER BY label, n.id`)
	rels := rows(t, db, `
		MATCH (a)-[r]->(b)
		RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) ORDER BY a, type, b, r.key`)
	return nodes + "\n" + rels
}
