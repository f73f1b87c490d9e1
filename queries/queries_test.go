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
	"time"

	"github.com/dipgraph/dipgraph"
	"github.com/dipgraph/dipgraph/extract"
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

// records are neo4jtest.Records and two more articles, so that every
// question has something to find: a3 and a4 add Syria, Turkey's
// intelligence chief Hakan Fidan and its air force, Fidan's two meetings
// with Assad in Damascus, a shoot-down and an attack, Turkey opposing
// Assad in a3 and backing him in a4, Russia backing Turkey and Turkey
// Russia, Russia and Turkey cooperating, and Russia backing Assad denied.
func records() []dipgraph.Record {
	assad := dipgraph.Actor{ID: "person:bashar-al-assad", Label: dipgraph.Person, Name: "Bashar al-Assad", Aliases: []string{"Assad"}, Country: "SYR"}
	erdogan := dipgraph.Actor{ID: "person:recep-tayyip-erdogan", Label: dipgraph.Person, Name: "Recep Tayyip Erdogan", Aliases: []string{"Erdogan"}, Country: "TUR"}
	fidan := dipgraph.Actor{ID: "person:hakan-fidan", Label: dipgraph.Person, Name: "Hakan Fidan", Aliases: []string{"Fidan"}, Country: "TUR"}
	russia := dipgraph.Actor{ID: "country:RUS", Label: dipgraph.Country, Name: "Russia", Aliases: []string{}, Country: "RUS"}
	turkey := dipgraph.Actor{ID: "country:TUR", Label: dipgraph.Country, Name: "Turkey", Aliases: []string{"Ankara"}, Country: "TUR"}
	syria := dipgraph.Actor{ID: "country:SYR", Label: dipgraph.Country, Name: "Syria", Aliases: []string{"Damascus"}, Country: "SYR"}
	airForce := dipgraph.Actor{ID: "org:turkish-air-force", Label: dipgraph.Organization, Name: "Turkish Air Force", Aliases: []string{}, Country: "TUR"}
	militias := dipgraph.Actor{ID: "group:kurdish-militias", Label: dipgraph.Group, Name: "Kurdish militias", Aliases: []string{}}
	damascus := dipgraph.Actor{ID: "place:damascus", Label: dipgraph.Place, Name: "Damascus", Aliases: []string{}, Country: "SYR"}
	claim := func(typ dipgraph.RelationType, source, target dipgraph.Actor, date string, modality dipgraph.Modality, sentence string) dipgraph.Relation {
		return dipgraph.Relation{Type: typ, Source: source.ID, Target: target.ID, Date: date, Modality: modality, Confidence: 0.8,
			Evidence: []dipgraph.Evidence{{Sentence: sentence, Start: 0, End: len([]rune(sentence))}}}
	}
	attack := claim(dipgraph.Attacked, turkey, militias, "2016", dipgraph.Asserted, "Turkey has struck Kurdish militias in Syria since 2016.")
	attack.Place = syria.ID
	erdoganLeads := claim(dipgraph.LeaderOf, erdogan, turkey, "2014", dipgraph.Asserted, "Erdogan, president since 2014, sent him.")
	erdoganLeads.Role = "President"
	assadLeads := claim(dipgraph.LeaderOf, assad, syria, "", dipgraph.Asserted, "Syrian President Bashar al-Assad received him.")
	assadLeads.Role = "President"
	met := func(date, sentence string) dipgraph.Relation {
		r := claim(dipgraph.MetWith, fidan, assad, date, dipgraph.Asserted, sentence)
		r.Place = damascus.ID
		return r
	}
	return append(neo4jtest.Records(),
		dipgraph.Record{
			Schema:  dipgraph.Schema,
			Article: dipgraph.Article{ID: "a3", Source: "Reuters", Published: "2024-08-01", Title: "Turkey's spy chief in Damascus"},
			Actors:  []dipgraph.Actor{assad, erdogan, fidan, russia, turkey, syria, airForce, militias, damascus},
			Relations: []dipgraph.Relation{
				claim(dipgraph.Opposes, turkey, assad, "2011", dipgraph.Asserted, "Turkey sought to topple Assad in 2011."),
				claim(dipgraph.ShotDown, airForce, russia, "2015-11-24", dipgraph.Asserted, "The Turkish Air Force shot down a Russian jet on November 24, 2015."),
				attack, erdoganLeads, assadLeads,
				claim(dipgraph.MemberOf, fidan, turkey, "", dipgraph.Asserted, "Hakan Fidan, Turkey's intelligence chief, travelled."),
				met("2024-07-30", "Fidan met Assad in Damascus on Tuesday."),
				claim(dipgraph.Backs, russia, turkey, "", dipgraph.Asserted, "Russia backs Turkey's plan."),
			},
			Meetings: []dipgraph.Meeting{{ID: "meeting:a3-1", Date: "2024-07-30", Place: damascus.ID,
				Participants: []string{fidan.ID, assad.ID}, Format: "bilateral", Modality: dipgraph.Asserted}},
		},
		dipgraph.Record{
			Schema:  dipgraph.Schema,
			Article: dipgraph.Article{ID: "a4", Source: "AP", Published: "2024-08-02", Title: "Ankara changes course on Assad"},
			Actors:  []dipgraph.Actor{assad, fidan, russia, turkey, damascus},
			Relations: []dipgraph.Relation{
				claim(dipgraph.Backs, turkey, assad, "2024-08", dipgraph.Asserted, "Turkey now backs Assad, officials said."),
				claim(dipgraph.Backs, russia, assad, "", dipgraph.Negated, "Russia no longer backs Assad, a diplomat claimed."),
				claim(dipgraph.Backs, turkey, russia, "", dipgraph.Asserted, "Turkey backs Russia's proposal."),
				claim(dipgraph.CooperatesWith, russia, turkey, "2024-08-01", dipgraph.Asserted, "Russia and Turkey cooperate on the border."),
				met("2024-08-01", "Fidan met Assad again in Damascus on Thursday."),
			},
			Meetings: []dipgraph.Meeting{{ID: "meeting:a4-1", Date: "2024-08-01", Place: damascus.ID,
				Participants: []string{fidan.ID, assad.ID}, Format: "bilateral", Modality: dipgraph.Asserted}},
		},
	)
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
				{"Bashar al-Assad", "Hakan Fidan", "2024-07-30", "Damascus", "asserted", "a3"},
				{"Bashar al-Assad", "Hakan Fidan", "2024-08-01", "Damascus", "asserted", "a4"},
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
		{name: "id", values: map[string]string{"actor": "person:vladimir-putin"},
			columns: []string{"actor", "met"},
			want:    [][]any{{"Vladimir Putin", "Recep Tayyip Erdogan"}, {"Vladimir Putin", "Bashar al-Assad"}}},
		{name: "alias from the other article", values: map[string]string{"actor": "russia's president vladimir putin"},
			columns: []string{"actor", "met"},
			want:    [][]any{{"Vladimir Putin", "Recep Tayyip Erdogan"}, {"Vladimir Putin", "Bashar al-Assad"}}},
		{name: "surname after hyphen", values: map[string]string{"actor": "assad"},
			columns: []string{"actor", "met", "date", "place"},
			want: [][]any{
				{"Bashar al-Assad", "Vladimir Putin", "2024-07-24", "Moscow"},
				{"Bashar al-Assad", "Hakan Fidan", "2024-07-30", "Damascus"},
				{"Bashar al-Assad", "Hakan Fidan", "2024-08-01", "Damascus"},
			}},
		{name: "hyphenated surname", values: map[string]string{"actor": "Al-Assad", "until": "2024-07-24"},
			columns: []string{"actor", "met"},
			want:    [][]any{{"Bashar al-Assad", "Vladimir Putin"}}},
		{name: "between two", values: map[string]string{"actor": "fidan", "with": "assad"},
			columns: []string{"actor", "met", "date"},
			want:    [][]any{{"Hakan Fidan", "Bashar al-Assad", "2024-07-30"}, {"Hakan Fidan", "Bashar al-Assad", "2024-08-01"}}},
		{name: "with only, either way round", values: map[string]string{"with": "putin"},
			columns: []string{"actor", "met", "date"},
			want:    [][]any{{"Recep Tayyip Erdogan", "Vladimir Putin", "2016-08-09"}, {"Bashar al-Assad", "Vladimir Putin", "2024-07-24"}}},
		{name: "in a date range", values: map[string]string{"since": "2024-07-25", "until": "2024-07-31"},
			columns: []string{"actor", "met", "date"},
			want:    [][]any{{"Bashar al-Assad", "Hakan Fidan", "2024-07-30"}}},
		{name: "since a year", values: map[string]string{"actor": "putin", "since": "2024"},
			columns: []string{"met", "date"},
			want:    [][]any{{"Bashar al-Assad", "2024-07-24"}}},
		{name: "at a place", values: map[string]string{"place": "moscow"},
			columns: []string{"actor", "met", "place"},
			want:    [][]any{{"Bashar al-Assad", "Vladimir Putin", "Moscow"}}},
		{name: "planned", values: map[string]string{"actor": "erdogan", "modality": "planned"},
			columns: []string{"actor", "met", "date", "place", "modality", "evidence"},
			want:    [][]any{{"Recep Tayyip Erdogan", "Vladimir Putin", "", nil, "planned", "The two leaders plan to meet again."}}},
		{name: "any modality", values: map[string]string{"actor": "erdogan", "modality": "any"},
			columns: []string{"met", "date", "modality"},
			want:    [][]any{{"Vladimir Putin", "2016-08-09", "asserted"}, {"Vladimir Putin", "", "planned"}}},
		{name: "nobody", values: map[string]string{"actor": "Obama"},
			columns: []string{"actor"}, want: [][]any{}},
		{name: "bad date", values: map[string]string{"since": "yesterday"}, err: `"yesterday" is not a date`},
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
			columns: []string{"date", "source", "type", "target", "modality", "article", "evidence"},
			want: [][]any{
				{"2015-11-24", "Turkish Air Force", "SHOT_DOWN", "Russia", "asserted", "a3", "The Turkish Air Force shot down a Russian jet on November 24, 2015."},
				{"2024-08-01", "Russia", "COOPERATES_WITH", "Turkey", "asserted", "a4", "Russia and Turkey cooperate on the border."},
				{"", "Russia", "BACKS", "Bashar al-Assad", "asserted", "a1", "Russia is Assad's main backer."},
				{"", "Russia", "BACKS", "Bashar al-Assad", "negated", "a4", "Russia no longer backs Assad, a diplomat claimed."},
				{"", "Russia", "BACKS", "Turkey", "asserted", "a3", "Russia backs Turkey's plan."},
				{"", "Russia", "COOPERATES_WITH", "Turkey", "planned", "a2", "Moscow and Ankara will coordinate against ISIS."},
				{"", "Turkey", "BACKS", "Russia", "asserted", "a4", "Turkey backs Russia's proposal."},
				{"", "Vladimir Putin", "LEADER_OF", "Russia", "asserted", "a1", "Russia's President Vladimir Putin spoke."},
			}},
		{name: "in a date range", values: map[string]string{"actor": "russia", "since": "2015", "until": "2016"},
			columns: []string{"date", "type"},
			want:    [][]any{{"2015-11-24", "SHOT_DOWN"}}},
		{name: "actor required", err: "query timeline needs a value for actor"},
	},
	"evidence": {
		{name: "russia backs assad", values: map[string]string{"source": "russia", "target": "assad"},
			columns: []string{"source", "type", "target", "date", "modality", "article", "title", "outlet", "published", "sentence", "start", "end"},
			want: [][]any{
				{"Russia", "BACKS", "Bashar al-Assad", "", "asserted", "a1",
					"Russian leader Putin meets Syrian president Assad in Moscow: TV", "AFP", "2024-07-25",
					"Russia is Assad's main backer.", int64(127), int64(157)},
				{"Russia", "BACKS", "Bashar al-Assad", "", "negated", "a4",
					"Ankara changes course on Assad", "AP", "2024-08-02",
					"Russia no longer backs Assad, a diplomat claimed.", int64(0), int64(49)},
			}},
		{name: "either way round", values: map[string]string{"source": "Assad", "target": "the Kremlin"},
			columns: []string{"source", "type", "target", "article"},
			want:    [][]any{{"Russia", "BACKS", "Bashar al-Assad", "a1"}, {"Russia", "BACKS", "Bashar al-Assad", "a4"}}},
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
				{"2024-07-30", "Damascus", "bilateral", "asserted", []any{"Bashar al-Assad", "Hakan Fidan"}, []any{"a3"}, "meeting:a3-1"},
				{"2024-08-01", "Damascus", "bilateral", "asserted", []any{"Bashar al-Assad", "Hakan Fidan"}, []any{"a4"}, "meeting:a4-1"},
			}},
		{name: "attended by", values: map[string]string{"actor": "putin"},
			columns: []string{"meeting"}, want: [][]any{{"meeting:a2-1"}, {"meeting:a1-1"}}},
		{name: "since a year", values: map[string]string{"since": "2020"},
			columns: []string{"meeting"}, want: [][]any{{"meeting:a1-1"}, {"meeting:a3-1"}, {"meeting:a4-1"}}},
		{name: "until a month", values: map[string]string{"until": "2016-08"},
			columns: []string{"meeting"}, want: [][]any{{"meeting:a2-1"}}},
		{name: "one day", values: map[string]string{"since": "2024-07-24", "until": "2024-07-24"},
			columns: []string{"meeting"}, want: [][]any{{"meeting:a1-1"}}},
		{name: "bad date", values: map[string]string{"since": "last year"},
			err: `"last year" is not a date`},
	},
	"meeting-pairs": {
		{name: "most meetings first",
			columns: []string{"actor", "met", "meetings", "first", "last", "places", "articles"},
			want: [][]any{
				{"Bashar al-Assad", "Hakan Fidan", int64(2), "2024-07-30", "2024-08-01", []any{"Damascus"}, []any{"a3", "a4"}},
				{"Bashar al-Assad", "Vladimir Putin", int64(1), "2024-07-24", "2024-07-24", []any{"Moscow"}, []any{"a1"}},
				{"Recep Tayyip Erdogan", "Vladimir Putin", int64(1), "2016-08-09", "2016-08-09", []any{"St Petersburg"}, []any{"a2"}},
			}},
		{name: "first and last of two", values: map[string]string{"actor": "fidan", "with": "assad"},
			columns: []string{"actor", "met", "meetings", "first", "last"},
			want:    [][]any{{"Hakan Fidan", "Bashar al-Assad", int64(2), "2024-07-30", "2024-08-01"}}},
		{name: "one actor first", values: map[string]string{"actor": "putin"},
			columns: []string{"actor", "met", "meetings"},
			want:    [][]any{{"Vladimir Putin", "Bashar al-Assad", int64(1)}, {"Vladimir Putin", "Recep Tayyip Erdogan", int64(1)}}},
		{name: "with only", values: map[string]string{"with": "erdogan"},
			columns: []string{"actor", "met"},
			want:    [][]any{{"Vladimir Putin", "Recep Tayyip Erdogan"}}},
		{name: "limit", values: map[string]string{"limit": "1"},
			columns: []string{"actor", "met"},
			want:    [][]any{{"Bashar al-Assad", "Hakan Fidan"}}},
	},
	"backers": {
		{name: "backed and opposed", values: map[string]string{"actor": "assad"},
			columns: []string{"actor", "stance", "who", "date", "modality", "article", "evidence"},
			want: [][]any{
				{"Bashar al-Assad", "backs", "Russia", "", "asserted", "a1", "Russia is Assad's main backer."},
				{"Bashar al-Assad", "backs", "Turkey", "2024-08", "asserted", "a4", "Turkey now backs Assad, officials said."},
				{"Bashar al-Assad", "opposes", "Turkey", "2011", "asserted", "a3", "Turkey sought to topple Assad in 2011."},
			}},
		{name: "any modality", values: map[string]string{"actor": "assad", "modality": "any"},
			columns: []string{"stance", "who", "modality", "article"},
			want: [][]any{
				{"backs", "Russia", "asserted", "a1"},
				{"backs", "Russia", "negated", "a4"},
				{"backs", "Turkey", "asserted", "a4"},
				{"opposes", "Turkey", "asserted", "a3"},
			}},
		{name: "by alias", values: map[string]string{"actor": "ankara"},
			columns: []string{"actor", "stance", "who", "title"},
			want:    [][]any{{"Turkey", "backs", "Russia", "Turkey's spy chief in Damascus"}}},
		{name: "actor required", err: "query backers needs a value for actor"},
	},
	"alliances": {
		{name: "all",
			columns: []string{"actor", "ally", "how", "claims", "first", "last", "articles", "evidence"},
			want: [][]any{{"Russia", "Turkey", []any{"cooperation", "mutual backing"}, int64(3), "2024-08-01", "2024-08-01",
				[]any{"a4", "a3"}, "Russia and Turkey cooperate on the border."}}},
		{name: "of one actor", values: map[string]string{"actor": "turkey"},
			columns: []string{"actor", "ally", "how"},
			want:    [][]any{{"Turkey", "Russia", []any{"cooperation", "mutual backing"}}}},
		{name: "backing one way is no alliance", values: map[string]string{"actor": "assad"},
			columns: []string{"ally"}, want: [][]any{}},
	},
	"rivalries": {
		{name: "all",
			columns: []string{"actor", "rival", "acts", "claims", "first", "last", "articles", "evidence"},
			want: [][]any{
				{"Bashar al-Assad", "Turkey", []any{"Turkey opposes Bashar al-Assad"}, int64(1), "2011", "2011", []any{"a3"}, "Turkey sought to topple Assad in 2011."},
				{"Kurdish militias", "Turkey", []any{"Turkey attacked Kurdish militias"}, int64(1), "2016", "2016", []any{"a3"}, "Turkey has struck Kurdish militias in Syria since 2016."},
				{"Russia", "Turkish Air Force", []any{"Turkish Air Force shot down Russia"}, int64(1), "2015-11-24", "2015-11-24", []any{"a3"},
					"The Turkish Air Force shot down a Russian jet on November 24, 2015."},
			}},
		{name: "of one actor", values: map[string]string{"actor": "turkey"},
			columns: []string{"actor", "rival"},
			want:    [][]any{{"Turkey", "Bashar al-Assad"}, {"Turkey", "Kurdish militias"}}},
	},
	"hostile-acts": {
		{name: "all",
			columns: []string{"date", "attacker", "act", "target", "place", "article", "title", "evidence"},
			want: [][]any{
				{"2015-11-24", "Turkish Air Force", "SHOT_DOWN", "Russia", nil, "a3", "Turkey's spy chief in Damascus",
					"The Turkish Air Force shot down a Russian jet on November 24, 2015."},
				{"2016", "Turkey", "ATTACKED", "Kurdish militias", "Syria", "a3", "Turkey's spy chief in Damascus",
					"Turkey has struck Kurdish militias in Syria since 2016."},
			}},
		{name: "against one actor", values: map[string]string{"actor": "russia"},
			columns: []string{"attacker", "act", "target"},
			want:    [][]any{{"Turkish Air Force", "SHOT_DOWN", "Russia"}}},
		{name: "since", values: map[string]string{"since": "2016"},
			columns: []string{"act"}, want: [][]any{{"ATTACKED"}}},
		{name: "until", values: map[string]string{"until": "2015-12"},
			columns: []string{"act"}, want: [][]any{{"SHOT_DOWN"}}},
	},
	"connection": {
		{name: "two steps", values: map[string]string{"source": "erdogan", "target": "fidan"},
			columns: []string{"source", "target", "step", "from", "relations", "to", "article", "evidence"},
			want: [][]any{
				{"Recep Tayyip Erdogan", "Hakan Fidan", int64(1), "Recep Tayyip Erdogan", []any{"LEADER_OF"}, "Turkey", "a3", "Erdogan, president since 2014, sent him."},
				{"Recep Tayyip Erdogan", "Hakan Fidan", int64(2), "Turkey", []any{"MEMBER_OF"}, "Hakan Fidan", "a3", "Hakan Fidan, Turkey's intelligence chief, travelled."},
			}},
		{name: "direct, every relation", values: map[string]string{"source": "putin", "target": "erdogan"},
			columns: []string{"step", "from", "relations", "to", "article", "evidence"},
			want: [][]any{{int64(1), "Vladimir Putin", []any{"MET_WITH", "SPOKE_WITH"}, "Recep Tayyip Erdogan", "a2",
				"Erdogan met Putin in St Petersburg on Tuesday."}}},
		{name: "target required", values: map[string]string{"source": "putin"},
			err: "query connection needs a value for target"},
	},
	"common-partners": {
		{name: "of two countries", values: map[string]string{"actor": "russia", "other": "turkey"},
			columns: []string{"actor", "other", "partner", "label", "actor_relations", "other_relations"},
			want:    [][]any{{"Russia", "Turkey", "Bashar al-Assad", "Person", []any{"BACKS"}, []any{"BACKS", "OPPOSES"}}}},
		{name: "of two people", values: map[string]string{"actor": "putin", "other": "fidan"},
			columns: []string{"partner", "actor_relations", "other_relations"},
			want:    [][]any{{"Bashar al-Assad", []any{"MET_WITH"}, []any{"MET_WITH"}}}},
	},
	"connected": {
		{name: "top three", values: map[string]string{"limit": "3"},
			columns: []string{"actor", "label", "partners", "claims", "articles"},
			want: [][]any{
				{"Turkey", "Country", int64(5), int64(9), int64(3)},
				{"Bashar al-Assad", "Person", int64(5), int64(7), int64(3)},
				{"Russia", "Country", int64(4), int64(7), int64(4)},
			}},
		{name: "people", values: map[string]string{"label": "Person"},
			columns: []string{"actor", "partners", "claims"},
			want: [][]any{
				{"Bashar al-Assad", int64(5), int64(7)},
				{"Vladimir Putin", int64(3), int64(5)},
				{"Recep Tayyip Erdogan", int64(2), int64(4)},
				{"Hakan Fidan", int64(2), int64(3)},
			}},
	},
	"contradictions": {
		{name: "all",
			columns: []string{"source", "target", "says", "date", "article", "evidence", "other_says", "other_date", "other_article", "other_evidence"},
			want: [][]any{
				{"Russia", "Bashar al-Assad", "backs", "", "a1", "Russia is Assad's main backer.",
					"does not back", "", "a4", "Russia no longer backs Assad, a diplomat claimed."},
				{"Turkey", "Bashar al-Assad", "backs", "2024-08", "a4", "Turkey now backs Assad, officials said.",
					"opposes", "2011", "a3", "Turkey sought to topple Assad in 2011."},
			}},
		{name: "about one actor", values: map[string]string{"actor": "turkey"},
			columns: []string{"source", "says", "other_says"},
			want:    [][]any{{"Turkey", "backs", "opposes"}}},
	},
	"countries": {
		{name: "all",
			columns: []string{"country", "type", "other", "claims", "first", "last", "via"},
			want: [][]any{
				{"Russia", "BACKS", "Syria", int64(1), nil, nil, []any{"Russia -> Bashar al-Assad"}},
				{"Russia", "BACKS", "Turkey", int64(1), nil, nil, []any{"Russia -> Turkey"}},
				{"Russia", "COOPERATES_WITH", "Turkey", int64(1), "2024-08-01", "2024-08-01", []any{"Russia -> Turkey"}},
				{"Russia", "MET_WITH", "Syria", int64(1), "2024-07-24", "2024-07-24", []any{"Vladimir Putin -> Bashar al-Assad"}},
				{"Russia", "MET_WITH", "Turkey", int64(1), "2016-08-09", "2016-08-09", []any{"Vladimir Putin -> Recep Tayyip Erdogan"}},
				{"Russia", "SPOKE_WITH", "Turkey", int64(1), "2016-07", "2016-07", []any{"Vladimir Putin -> Recep Tayyip Erdogan"}},
				{"Syria", "MET_WITH", "Turkey", int64(2), "2024-07-30", "2024-08-01", []any{"Bashar al-Assad -> Hakan Fidan"}},
				{"Turkey", "BACKS", "Russia", int64(1), nil, nil, []any{"Turkey -> Russia"}},
				{"Turkey", "BACKS", "Syria", int64(1), "2024-08", "2024-08", []any{"Turkey -> Bashar al-Assad"}},
				{"Turkey", "OPPOSES", "Syria", int64(1), "2011", "2011", []any{"Turkey -> Bashar al-Assad"}},
				{"Turkey", "SHOT_DOWN", "Russia", int64(1), "2015-11-24", "2015-11-24", []any{"Turkish Air Force -> Russia"}},
			}},
		{name: "putin met assad is russia met syria", values: map[string]string{"country": "russia", "with": "syria"},
			columns: []string{"country", "type", "other", "via", "articles"},
			want: [][]any{
				{"Russia", "BACKS", "Syria", []any{"Russia -> Bashar al-Assad"}, []any{"a1"}},
				{"Russia", "MET_WITH", "Syria", []any{"Vladimir Putin -> Bashar al-Assad"}, []any{"a1"}},
			}},
		{name: "the country first in symmetric relations", values: map[string]string{"country": "syria"},
			columns: []string{"country", "type", "other", "via"},
			want: [][]any{
				{"Russia", "BACKS", "Syria", []any{"Russia -> Bashar al-Assad"}},
				{"Syria", "MET_WITH", "Russia", []any{"Bashar al-Assad -> Vladimir Putin"}},
				{"Syria", "MET_WITH", "Turkey", []any{"Bashar al-Assad -> Hakan Fidan"}},
				{"Turkey", "BACKS", "Syria", []any{"Turkey -> Bashar al-Assad"}},
				{"Turkey", "OPPOSES", "Syria", []any{"Turkey -> Bashar al-Assad"}},
			}},
		{name: "by type", values: map[string]string{"country": "turkey", "type": "met-with"},
			columns: []string{"country", "type", "other", "claims"},
			want:    [][]any{{"Turkey", "MET_WITH", "Russia", int64(1)}, {"Turkey", "MET_WITH", "Syria", int64(2)}}},
	},
	"leaders": {
		{name: "all",
			columns: []string{"country", "leader", "role", "first", "last", "articles", "evidence"},
			want: [][]any{
				{"Russia", "Vladimir Putin", "President", "2024-07-25", "2024-07-25", []any{"a1"}, "Russia's President Vladimir Putin spoke."},
				{"Syria", "Bashar al-Assad", "President", "2024-08-01", "2024-08-01", []any{"a3"}, "Syrian President Bashar al-Assad received him."},
				{"Turkey", "Recep Tayyip Erdogan", "President", "2014", "2014", []any{"a3"}, "Erdogan, president since 2014, sent him."},
			}},
		{name: "of one country, by alias", values: map[string]string{"country": "Ankara"},
			columns: []string{"country", "leader"},
			want:    [][]any{{"Turkey", "Recep Tayyip Erdogan"}}},
	},
	"latest": {
		{name: "the newest articles",
			columns: []string{"published", "article", "title", "outlet", "source", "type", "target", "date", "modality", "evidence"},
			want: [][]any{
				{"2024-08-02", "a4", "Ankara changes course on Assad", "AP", "Turkey", "BACKS", "Bashar al-Assad", "2024-08", "asserted", "Turkey now backs Assad, officials said."},
				{"2024-08-02", "a4", "Ankara changes course on Assad", "AP", "Bashar al-Assad", "MET_WITH", "Hakan Fidan", "2024-08-01", "asserted", "Fidan met Assad again in Damascus on Thursday."},
				{"2024-08-02", "a4", "Ankara changes course on Assad", "AP", "Russia", "COOPERATES_WITH", "Turkey", "2024-08-01", "asserted", "Russia and Turkey cooperate on the border."},
				{"2024-08-02", "a4", "Ankara changes course on Assad", "AP", "Russia", "BACKS", "Bashar al-Assad", "", "negated", "Russia no longer backs Assad, a diplomat claimed."},
				{"2024-08-02", "a4", "Ankara changes course on Assad", "AP", "Turkey", "BACKS", "Russia", "", "asserted", "Turkey backs Russia's proposal."},
			}},
		{name: "since", values: map[string]string{"since": "2024-07-26"},
			columns: []string{"article", "type", "target"},
			want: [][]any{
				{"a4", "BACKS", "Bashar al-Assad"},
				{"a4", "MET_WITH", "Hakan Fidan"},
				{"a4", "COOPERATES_WITH", "Turkey"},
				{"a4", "BACKS", "Bashar al-Assad"},
				{"a4", "BACKS", "Russia"},
				{"a3", "OPPOSES", "Bashar al-Assad"},
				{"a3", "LEADER_OF", "Turkey"},
				{"a3", "SHOT_DOWN", "Russia"},
				{"a3", "ATTACKED", "Kurdish militias"},
				{"a3", "MET_WITH", "Hakan Fidan"},
				{"a3", "LEADER_OF", "Syria"},
				{"a3", "MEMBER_OF", "Turkey"},
				{"a3", "BACKS", "Turkey"},
			}},
	},
	"actors": {
		{name: "most mentioned first",
			columns: []string{"name", "label", "id", "articles"},
			want: [][]any{
				{"Russia", "Country", "country:RUS", int64(4)},
				{"Bashar al-Assad", "Person", "person:bashar-al-assad", int64(3)},
				{"Turkey", "Country", "country:TUR", int64(3)},
				{"Damascus", "Place", "place:damascus", int64(2)},
				{"Hakan Fidan", "Person", "person:hakan-fidan", int64(2)},
				{"Recep Tayyip Erdogan", "Person", "person:recep-tayyip-erdogan", int64(2)},
				{"Vladimir Putin", "Person", "person:vladimir-putin", int64(2)},
				{"Kurdish militias", "Group", "group:kurdish-militias", int64(1)},
				{"Moscow", "Place", "place:moscow", int64(1)},
				{"St Petersburg", "Place", "place:st-petersburg", int64(1)},
				{"Syria", "Country", "country:SYR", int64(1)},
				{"Turkish Air Force", "Organization", "org:turkish-air-force", int64(1)},
			}},
		{name: "people, four", values: map[string]string{"label": "person", "limit": "4"},
			columns: []string{"name", "country", "aliases"},
			want: [][]any{
				{"Bashar al-Assad", "SYR", []any{"Assad"}},
				{"Hakan Fidan", "TUR", []any{"Fidan"}},
				{"Recep Tayyip Erdogan", "TUR", []any{"Erdogan"}},
				{"Vladimir Putin", "RUS", []any{"Putin", "the Russian leader", "Russia's President Vladimir Putin"}},
			}},
		{name: "bad limit", values: map[string]string{"limit": "all"},
			err: `"all" is not a whole number`},
	},
}

func TestQueries(t *testing.T) {
	db := neo4jtest.Open(t)
	ctx := context.Background()
	if _, err := db.Load(ctx, records()); err != nil {
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

// BenchmarkQueries asks every query, with the values of its example, of
// the graph that the seed articles make, and reports the median time of
// an answer, from the client's side, as p50-ms:
//
//	go test -run '^$' -bench Queries ./queries
func BenchmarkQueries(b *testing.B) {
	db := neo4jtest.Open(b)
	ctx := context.Background()
	x, err := extract.New()
	if err != nil {
		b.Fatal(err)
	}
	var recs []dipgraph.Record
	for in := range extract.Read([]string{"../testdata/articles"}, nil) {
		if in.Err != nil {
			b.Fatal(in.Err)
		}
		recs = append(recs, x.Extract(in.Article))
	}
	if _, err := db.Load(ctx, recs); err != nil {
		b.Fatal(err)
	}
	for _, q := range queries.All() {
		values, err := q.ExampleValues()
		if err != nil {
			b.Fatal(err)
		}
		params, err := q.Bind(values)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(q.Name, func(b *testing.B) {
			var times []time.Duration
			for b.Loop() {
				start := time.Now()
				if _, err := db.Read(ctx, q.Cypher, params); err != nil {
					b.Fatal(err)
				}
				times = append(times, time.Since(start))
			}
			slices.Sort(times)
			b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "p50-ms")
		})
	}
}
