package extract_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph"
	"github.com/dipgraph/dipgraph/extract"
)

func newExtractor(t testing.TB) *extract.Extractor {
	t.Helper()
	x, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// fact is a relation as a test states it: names, not ids.
type fact struct {
	typ      dipgraph.RelationType
	source   string
	target   string
	modality dipgraph.Modality
	date     string
}

// facts lists a record's relations by actor name.
func facts(rec dipgraph.Record) []fact {
	var out []fact
	for _, r := range rec.Relations {
		s, _ := rec.Actor(r.Source)
		t, _ := rec.Actor(r.Target)
		out = append(out, fact{r.Type, s.Name, t.Name, r.Modality, r.Date})
	}
	return out
}

// has reports whether fs holds f; an empty date in f matches any date,
// and symmetric types match in either order.
func has(fs []fact, f fact) bool {
	for _, g := range fs {
		same := g.typ == f.typ && g.modality == f.modality && (f.date == "" || g.date == f.date)
		if same && (g.source == f.source && g.target == f.target || f.typ.Symmetric() && g.source == f.target && g.target == f.source) {
			return true
		}
	}
	return false
}

func TestConstructions(t *testing.T) {
	x := newExtractor(t)
	cases := []struct {
		name string
		text string
		want []fact
		not  []fact // relations that must not be read
	}{
		{
			name: "active verb with titled persons",
			text: "Vladimir Putin met Syrian president Bashar al-Assad in Moscow.",
			want: []fact{
				{dipgraph.MetWith, "Vladimir Putin", "Bashar al-Assad", dipgraph.Asserted, ""},
				{dipgraph.LeaderOf, "Bashar al-Assad", "Syria", dipgraph.Asserted, ""},
			},
		},
		{
			name: "visit to a counterpart in apposition",
			text: "Turkish President Recep Tayyip Erdogan visited his Russian counterpart, Vladimir Putin, in Moscow on Friday.",
			want: []fact{
				{dipgraph.MetWith, "Recep Tayyip Erdogan", "Vladimir Putin", dipgraph.Asserted, "2017-03-10"},
				{dipgraph.Visited, "Recep Tayyip Erdogan", "Moscow", dipgraph.Asserted, "2017-03-10"},
				{dipgraph.LeaderOf, "Vladimir Putin", "Russia", dipgraph.Asserted, ""},
				{dipgraph.LeaderOf, "Recep Tayyip Erdogan", "Turkey", dipgraph.Asserted, ""},
			},
		},
		{
			name: "relative clause subject and possessive object",
			text: "Russia, which saved Assad's government through its military intervention in 2015, could mediate between Syria and Turkey.",
			want: []fact{
				{dipgraph.Backs, "Russia", "Bashar al-Assad", dipgraph.Asserted, "2015"},
				{dipgraph.Mediates, "Russia", "Syria", dipgraph.Possible, ""},
				{dipgraph.Mediates, "Russia", "Turkey", dipgraph.Possible, ""},
			},
		},
		{
			name: "possessive air force and adjective aircraft",
			text: "Relations soured after Turkey's air force shot down a Russian jet in 2015.",
			want: []fact{{dipgraph.ShotDown, "Turkey", "Russia", dipgraph.Asserted, "2015"}},
		},
		{
			name: "passive voice",
			text: "A Russian jet was shot down by Turkey in 2015.",
			want: []fact{{dipgraph.ShotDown, "Turkey", "Russia", dipgraph.Asserted, "2015"}},
		},
		{
			name: "contrastive ellipsis is negated",
			text: "Russia supports Syrian President Bashar al-Assad, while Turkey does not.",
			want: []fact{
				{dipgraph.Backs, "Russia", "Bashar al-Assad", dipgraph.Asserted, ""},
				{dipgraph.Backs, "Turkey", "Bashar al-Assad", dipgraph.Negated, ""},
			},
			not: []fact{{dipgraph.Backs, "Turkey", "Bashar al-Assad", dipgraph.Asserted, ""}},
		},
		{
			name: "coordinated subject",
			text: "Russia and Turkey allied against ISIS.",
			want: []fact{{dipgraph.CooperatesWith, "Russia", "Turkey", dipgraph.Asserted, ""}},
		},
		{
			name: "plural nominal resolves to the countries named before",
			text: "Russian-Turkish cooperation in Syria has borne fruit. In December, the nations brokered a ceasefire agreement.",
			want: []fact{
				{dipgraph.CooperatesWith, "Russia", "Turkey", dipgraph.Asserted, ""},
				{dipgraph.SignedAgreement, "Russia", "Turkey", dipgraph.Asserted, "2016-12"},
			},
			not: []fact{{dipgraph.SignedAgreement, "Syria", "Turkey", dipgraph.Asserted, ""}},
		},
		{
			name: "coordinated objects of an offensive, groups and an organization",
			text: "Turkey has launched a string of offensives in Syria since 2016 targeting Kurdish militias, Islamic State group jihadists and forces loyal to Assad.",
			want: []fact{
				{dipgraph.Attacked, "Turkey", "Kurdish militias", dipgraph.Asserted, ""},
				{dipgraph.Attacked, "Turkey", "Islamic State", dipgraph.Asserted, ""},
				{dipgraph.Attacked, "Turkey", "forces loyal to Assad", dipgraph.Asserted, ""},
			},
			not: []fact{{dipgraph.Attacked, "Turkey", "Syria", dipgraph.Asserted, ""}},
		},
		{
			name: "coordinated verb shares the subject",
			text: "Turkey originally aimed to topple Assad's regime when the conflict erupted in 2011 and backed rebels calling for his ouster.",
			want: []fact{
				{dipgraph.Opposes, "Turkey", "Bashar al-Assad", dipgraph.Asserted, "2011"},
				{dipgraph.Backs, "Turkey", "rebels", dipgraph.Asserted, "2011"},
			},
		},
		{
			name: "a multilateral summit",
			text: "Friday's meeting follows a summit this week between the top military brass from Russia, Turkey and the United States.",
			want: []fact{
				{dipgraph.MetWith, "Russia", "Turkey", dipgraph.Asserted, "2017-03"},
				{dipgraph.MetWith, "Russia", "United States", dipgraph.Asserted, "2017-03"},
				{dipgraph.MetWith, "Turkey", "United States", dipgraph.Asserted, "2017-03"},
			},
		},
		{
			name: "control of territory",
			text: "Pro-Turkish forces in Syria now control two vast strips of territory along the border.",
			want: []fact{{dipgraph.Controls, "pro-Turkish forces", "Syria", dipgraph.Asserted, ""}},
		},
		{
			name: "support shown by a person",
			text: "Relations between Turkey and Russia began to thaw in July, when Vladimir Putin showed his support for Recep Tayyip Erdogan during an attempted coup.",
			want: []fact{{dipgraph.Backs, "Vladimir Putin", "Recep Tayyip Erdogan", dipgraph.Asserted, "2016-07"}},
		},
		{
			name: "planned meeting",
			text: "Chinese President Xi Jinping will meet French President Emmanuel Macron in Paris next week.",
			want: []fact{{dipgraph.MetWith, "Emmanuel Macron", "Xi Jinping", dipgraph.Planned, ""}},
			not:  []fact{{dipgraph.MetWith, "Emmanuel Macron", "Xi Jinping", dipgraph.Asserted, ""}},
		},
		{
			name: "a proposed meeting is never a meeting",
			text: "Vladimir Putin met Syrian president Bashar al-Assad. Later, Turkish President Recep Tayyip Erdogan evoked the possibility of the three leaders meeting to normalise ties.",
			want: []fact{
				{dipgraph.MetWith, "Recep Tayyip Erdogan", "Vladimir Putin", dipgraph.Proposed, ""},
				{dipgraph.MetWith, "Bashar al-Assad", "Recep Tayyip Erdogan", dipgraph.Proposed, ""},
			},
			not: []fact{
				{dipgraph.MetWith, "Recep Tayyip Erdogan", "Vladimir Putin", dipgraph.Asserted, ""},
				{dipgraph.MetWith, "Bashar al-Assad", "Recep Tayyip Erdogan", dipgraph.Asserted, ""},
			},
		},
		{
			name: "a failure is negated",
			text: "The United States failed to sanction Iran.",
			want: []fact{{dipgraph.Sanctioned, "United States", "Iran", dipgraph.Negated, ""}},
			not:  []fact{{dipgraph.Sanctioned, "United States", "Iran", dipgraph.Asserted, ""}},
		},
		{
			name: "nominal attack with an X-led agent",
			text: "The U.S.-led bombing campaign against the Islamic State in Iraq surpassed a milestone.",
			want: []fact{{dipgraph.Attacked, "United States", "Islamic State", dipgraph.Asserted, ""}},
		},
		{
			name: "nominal attack with an adjective agent and a place target",
			text: "Officials said Russian air strikes on Aleppo killed dozens.",
			want: []fact{{dipgraph.Attacked, "Russia", "Aleppo", dipgraph.Asserted, ""}},
		},
		{
			name: "a launched offensive takes the subject of launching",
			text: "Turkey launched an offensive against the PKK in 2019.",
			want: []fact{{dipgraph.Attacked, "Turkey", "PKK", dipgraph.Asserted, "2019"}},
		},
		{
			name: "an offensive without an agent is no attack by anyone",
			text: "Erdogan's focus is on securing a role in the offensive against Raqqa.",
			not:  []fact{{dipgraph.Attacked, "Erdogan", "Raqqa", dipgraph.Asserted, ""}},
		},
		{
			name: "surnames alone, with honorifics",
			text: "While Mr. Bush has assailed Mr. Trump in the past, the debate was calm.",
			want: []fact{{dipgraph.Attacked, "Bush", "Donald Trump", dipgraph.Asserted, ""}},
		},
		{
			name: "a pair of names before a meeting noun",
			text: "Millions watched the first Clinton - Trump debate on television.",
			want: []fact{{dipgraph.MetWith, "Clinton", "Donald Trump", dipgraph.Asserted, ""}},
		},
		{
			name: "negotiation with a former state",
			text: "But although Reagan negotiated with the Soviet Union, he stood up to aggression.",
			want: []fact{{dipgraph.MetWith, "Reagan", "Soviet Union", dipgraph.Asserted, ""}},
		},
		{
			name: "a passive without an agent names no accuser",
			text: "Foreign minister Peter MacKay was accused last week of insulting Belinda Stronach.",
			not:  []fact{{dipgraph.Accused, "Peter MacKay", "Belinda Stronach", dipgraph.Asserted, ""}},
		},
		{
			name: "officials stand for their state, lawyers for their client",
			text: "U.S. officials met Russian officials in Geneva. Talks between the Department of Justice and Abedin's lawyers were under way.",
			want: []fact{
				{dipgraph.MetWith, "Russia", "United States", dipgraph.Asserted, ""},
				{dipgraph.MetWith, "Department of Justice", "Abedin", dipgraph.Asserted, ""},
			},
		},
		{
			name: "a country's name before its troops, a wartime name that is no one",
			text: "Photos: World War II in pictures. U.S. troops assault Omaha Beach during the invasion.",
			want: []fact{{dipgraph.Attacked, "United States", "Omaha Beach", dipgraph.Asserted, ""}},
			not:  []fact{{dipgraph.Attacked, "World War", "Omaha Beach", dipgraph.Asserted, ""}},
		},
		{
			name: "a state's ships, through a relative clause",
			text: "The battle was a victory for the U.S. Navy, which sank four Japanese aircraft carriers.",
			want: []fact{{dipgraph.Attacked, "United States", "Japan", dipgraph.Asserted, ""}},
		},
		{
			name: "a pronoun takes the one person named before it",
			text: "Vladimir Putin spoke in Moscow on Friday. He accused Bashar al-Assad of stalling.",
			want: []fact{{dipgraph.Accused, "Vladimir Putin", "Bashar al-Assad", dipgraph.Asserted, ""}},
		},
		{
			name: "an ambiguous pronoun is left alone",
			text: "Vladimir Putin met Recep Tayyip Erdogan. He accused Bashar al-Assad of stalling.",
			not: []fact{
				{dipgraph.Accused, "Vladimir Putin", "Bashar al-Assad", dipgraph.Asserted, ""},
				{dipgraph.Accused, "Recep Tayyip Erdogan", "Bashar al-Assad", dipgraph.Asserted, ""},
			},
		},
		{
			name: "a news agency reports, it is no party",
			text: "TASS accused Ukraine of shelling Donetsk, while Russia accused Ukraine of sabotage.",
			want: []fact{{dipgraph.Accused, "Russia", "Ukraine", dipgraph.Asserted, ""}},
			not:  []fact{{dipgraph.Accused, "TASS", "Ukraine", dipgraph.Asserted, ""}},
		},
		{
			name: "a photo caption gives roles but no events",
			text: "Leaders meet\n\nRussia's President Vladimir Putin (R) shakes hands with Syria's President Bashar al-Assad during their meeting at the Kremlin. (Photo: Valery SHARIFULIN/ AFP)\n",
			want: []fact{
				{dipgraph.LeaderOf, "Vladimir Putin", "Russia", dipgraph.Asserted, ""},
				{dipgraph.LeaderOf, "Bashar al-Assad", "Syria", dipgraph.Asserted, ""},
			},
			not: []fact{{dipgraph.MetWith, "Bashar al-Assad", "Vladimir Putin", dipgraph.Asserted, ""}},
		},
		{
			name: "declaring war, by a country named as \"it\"",
			text: "Italy remained neutral until June 10, 1940, when it declared war on Britain and France.",
			want: []fact{
				{dipgraph.Attacked, "Italy", "United Kingdom", dipgraph.Asserted, "1940-06-10"},
				{dipgraph.Attacked, "Italy", "France", dipgraph.Asserted, "1940-06-10"},
			},
		},
		{
			name: "\"it\" with no country or organization before it is no party",
			text: "Analysts said it declared war on France.",
			not:  []fact{{dipgraph.Attacked, "Analysts", "France", dipgraph.Asserted, ""}},
		},
		{
			name: "a given name alone stands for the one known person who bears it",
			text: "Clinton ignored Russian President Boris Yeltsin. \"Good ol' Boris,\" as Clinton liked to call him, bombed the parliament and launched a war in Chechnya.",
			want: []fact{{dipgraph.Attacked, "Boris Yeltsin", "Chechnya", dipgraph.Asserted, ""}},
			not:  []fact{{dipgraph.Attacked, "Clinton", "Chechnya", dipgraph.Asserted, ""}},
		},
		{
			name: "a single word after an honorific is a surname, not a given name",
			text: "Mr. Kim met South Korean President Kim Dae-Jung in Pyongyang.",
			not:  []fact{{dipgraph.MetWith, "Kim Dae-jung", "Kim Dae-jung", dipgraph.Asserted, ""}},
		},
		{
			name: "failing to honour an agreement does not deny it",
			text: "Putin blasted Barack Obama for not living up to an agreement with Ukraine. Russia did not sign an agreement with Japan.",
			want: []fact{
				{dipgraph.SignedAgreement, "Barack Obama", "Ukraine", dipgraph.Asserted, ""},
				{dipgraph.SignedAgreement, "Russia", "Japan", dipgraph.Negated, ""},
			},
		},
		{
			name: "a demonstrative place refers to the place named before it",
			text: "His family fled Smyrna when Turks invaded this borderland in 1920.",
			want: []fact{{dipgraph.Attacked, "Turkey", "Izmir", dipgraph.Asserted, "1920"}},
		},
		{
			name: "\"it\" after a trigger is the subject of its sentence; not stopping is doing",
			text: "Aleppo is key to the strategy pursued by Russia, which will not stop bombing it.",
			want: []fact{{dipgraph.Attacked, "Russia", "Aleppo", dipgraph.Asserted, ""}},
			not:  []fact{{dipgraph.Attacked, "Russia", "Aleppo", dipgraph.Negated, ""}},
		},
		{
			name: "going on with support is support",
			text: "Turkey will continue to support the Free Syrian Army.",
			want: []fact{{dipgraph.Backs, "Turkey", "Free Syrian Army", dipgraph.Asserted, ""}},
		},
		{
			name: "receiving aid from a giver, named with its legal form",
			text: "Sea Change Foundation was receiving a large infusion of funds from an entity called Klein, Ltd. in Bermuda. Kiribati has received emergency food aid from the World Bank.",
			want: []fact{
				{dipgraph.Backs, "Klein, Ltd.", "Sea Change Foundation", dipgraph.Asserted, ""},
				{dipgraph.Backs, "World Bank", "Kiribati", dipgraph.Asserted, ""},
			},
		},
		{
			name: "aid the subject only seeks, or aid no one receives, is no support",
			text: "Greece has been attempting to get funds from the European Union. Russia condemned aid from Iran.",
			not: []fact{
				{dipgraph.Backs, "European Union", "Greece", dipgraph.Asserted, ""},
				{dipgraph.Backs, "Iran", "Russia", dipgraph.Asserted, ""},
			},
		},
		{
			name: "backing down is not backing",
			text: "The United States will not back down until Iran gives up its weapons.",
			not:  []fact{{dipgraph.Backs, "United States", "Iran", dipgraph.Negated, ""}},
		},
		{
			name: "a reporter list is no party",
			text: "Putin met Erdogan in Moscow.\n\nCNN's Tim Lister, Radina Gigova and Joe Sterling contributed to this report\n",
			not:  []fact{{dipgraph.MetWith, "Tim Lister", "Radina Gigova", dipgraph.Asserted, ""}},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := x.Extract(dipgraph.Article{ID: "t", Text: c.text, Published: "2017-03-10"})
			got := facts(rec)
			for _, f := range c.want {
				if !has(got, f) {
					t.Errorf("missing %+v\n got %+v", f, got)
				}
			}
			for _, f := range c.not {
				if has(got, f) {
					t.Errorf("read %+v, which the text does not say", f)
				}
			}
			for _, a := range rec.Actors {
				if strings.Contains(a.Name, "Lister") || strings.Contains(a.Name, "SHARIFULIN") {
					t.Errorf("credit %q became an actor", a.Name)
				}
			}
		})
	}
}

func readSeed(t *testing.T, name string) dipgraph.Article {
	t.Helper()
	p := filepath.Join("..", "testdata", "articles", name)
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return dipgraph.Article{ID: name, Path: p, Text: string(b)}
}

// The seeds as plain text, without publication dates: the foundation's
// facts are still read, and the caption's date anchors "late Wednesday".
func TestSeedsWithoutDates(t *testing.T) {
	x := newExtractor(t)
	afp := facts(x.Extract(readSeed(t, "000_a51731a02abf2c5c.txt")))
	cnn := facts(x.Extract(readSeed(t, "003_600dc249cde4752e.txt")))
	for _, c := range []struct {
		fs []fact
		f  fact
	}{
		{afp, fact{dipgraph.MetWith, "Vladimir Putin", "Bashar al-Assad", dipgraph.Asserted, "2024-07-24"}},
		{afp, fact{dipgraph.Backs, "Russia", "Bashar al-Assad", dipgraph.Asserted, "2015"}},
		{afp, fact{dipgraph.LeaderOf, "Vladimir Putin", "Russia", dipgraph.Asserted, ""}},
		{afp, fact{dipgraph.LeaderOf, "Bashar al-Assad", "Syria", dipgraph.Asserted, ""}},
		{afp, fact{dipgraph.LeaderOf, "Recep Tayyip Erdogan", "Turkey", dipgraph.Asserted, ""}},
		{cnn, fact{dipgraph.MetWith, "Recep Tayyip Erdogan", "Vladimir Putin", dipgraph.Asserted, ""}},
		{cnn, fact{dipgraph.ShotDown, "Turkey", "Russia", dipgraph.Asserted, "2015"}},
		{cnn, fact{dipgraph.Backs, "Russia", "Bashar al-Assad", dipgraph.Asserted, ""}},
		{cnn, fact{dipgraph.Backs, "Turkey", "Bashar al-Assad", dipgraph.Negated, ""}},
	} {
		if !has(c.fs, c.f) {
			t.Errorf("missing %+v", c.f)
		}
	}
}

func TestMeetingPlaceAndMerge(t *testing.T) {
	x := newExtractor(t)
	rec := x.Extract(readSeed(t, "000_a51731a02abf2c5c.txt"))
	if len(rec.Meetings) == 0 {
		t.Fatal("no meetings")
	}
	m := rec.Meetings[0]
	if m.Date != "2024-07-24" || m.Place != "place:moscow" || m.Modality != dipgraph.Asserted {
		t.Errorf("meeting = %+v, want 2024-07-24 at place:moscow, asserted", m)
	}
	if !slices.Equal(m.Participants, []string{"person:bashar-assad", "person:vladimir-putin"}) {
		t.Errorf("participants = %v", m.Participants)
	}
	for _, r := range rec.Relations {
		if r.Type == dipgraph.MetWith && r.Modality == dipgraph.Asserted && r.Date != "2024-07-24" {
			t.Errorf("the headline, body and 'The meeting late Wednesday' are one meeting; got another dated %q", r.Date)
		}
	}
}

// Evidence offsets are code points into the original text, typographic
// quotes and all.
func TestEvidenceOffsets(t *testing.T) {
	x := newExtractor(t)
	for _, name := range []string{"000_a51731a02abf2c5c.txt", "003_600dc249cde4752e.txt"} {
		a := readSeed(t, name)
		runes := []rune(a.Text)
		rec := x.Extract(a)
		if len(rec.Relations) == 0 {
			t.Fatalf("%s: no relations", name)
		}
		for _, r := range rec.Relations {
			for _, ev := range r.Evidence {
				if ev.Start < 0 || ev.End > len(runes) || ev.Start >= ev.End {
					t.Fatalf("%s: offsets %d..%d outside the text", name, ev.Start, ev.End)
				}
				if got := string(runes[ev.Start:ev.End]); got != ev.Sentence {
					t.Errorf("%s: text[%d:%d] = %q, evidence says %q", name, ev.Start, ev.End, got, ev.Sentence)
				}
			}
		}
	}
}

func TestDeterministic(t *testing.T) {
	x := newExtractor(t)
	a := readSeed(t, "003_600dc249cde4752e.txt")
	first, _ := json.Marshal(x.Extract(a))
	for range 5 {
		again, _ := json.Marshal(x.Extract(a))
		if string(again) != string(first) {
			t.Fatal("two extractions of one article differ")
		}
	}
}

func TestActorIDsAcrossArticles(t *testing.T) {
	x := newExtractor(t)
	ids := func(text string) []string {
		var out []string
		for _, a := range x.Extract(dipgraph.Article{ID: "t", Text: text}).Actors {
			out = append(out, a.ID)
		}
		return out
	}
	a := ids("Russian President Vladimir Putin met Syrian President Bashar al-Assad and Turkish President Recep Tayyip Erdoğan.")
	b := ids("Syrian President Bashar Assad met Russia's President Vladimir Putin and Turkey's Tayyip Erdogan.")
	for _, id := range []string{"person:bashar-assad", "person:vladimir-putin", "person:recep-tayyip-erdogan", "country:RUS", "country:SYR"} {
		if !slices.Contains(a, id) || !slices.Contains(b, id) {
			t.Errorf("%s not in both: %v / %v", id, a, b)
		}
	}
}

// A dated report of a meeting is not the same meeting as an earlier one
// whose date is unknown; an undated report refers back to it.
func TestMeetingsKeepTheirDates(t *testing.T) {
	x := newExtractor(t)
	text := "Turkish President Recep Tayyip Erdogan visited his Russian counterpart, Vladimir Putin, in Moscow on Friday. " +
		"Putin said during the meeting with Erdogan that ties were improving. The pair also met in 2016."
	rec := x.Extract(dipgraph.Article{ID: "t", Text: text})
	var dates []string
	for _, m := range rec.Meetings {
		dates = append(dates, m.Date)
	}
	if !slices.Equal(dates, []string{"", "2016"}) {
		t.Errorf("meeting dates = %q, want the undated visit (with its back-reference) and the 2016 meeting", dates)
	}
	var metDates []string
	for _, r := range rec.Relations {
		if r.Type == dipgraph.MetWith {
			metDates = append(metDates, r.Date)
		}
	}
	if !slices.Equal(metDates, []string{"", "2016"}) {
		t.Errorf("MET_WITH dates = %q: the visit \"on Friday\" of an undated article is not the 2016 meeting", metDates)
	}
}
