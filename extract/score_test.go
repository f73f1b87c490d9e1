package extract_test

import (
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph"
	"github.com/dipgraph/dipgraph/extract"
)

func TestScoreMatchingRules(t *testing.T) {
	gold, err := extract.ReadGold(strings.NewReader(`{"id": "a.txt", "relations": [
		{"type": "MET_WITH", "source": "Vladimir Putin", "target": "Bashar al-Assad", "date": "2024-07", "modality": "asserted", "grade": "core"},
		{"type": "BACKS", "source": "Russia", "target": "Assad", "modality": "asserted", "grade": "core"},
		{"type": "MEDIATES", "source": "Russia", "target": "Syria", "modality": "possible", "grade": "core"},
		{"type": "OPPOSES", "source": "Turkey", "target": "Syria", "modality": "asserted", "grade": "optional"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	actors := []dipgraph.Actor{
		{ID: "person:vladimir-putin", Name: "Vladimir Putin"},
		{ID: "person:bashar-assad", Name: "Bashar al-Assad"},
		{ID: "country:RUS", Name: "Russia"},
		{ID: "country:SYR", Name: "Syria"},
		{ID: "country:TUR", Name: "Turkey"},
		{ID: "person:president", Name: "President"},
	}
	rel := func(typ dipgraph.RelationType, s, t string, mod dipgraph.Modality, date string) dipgraph.Relation {
		return dipgraph.Relation{Type: typ, Source: s, Target: t, Modality: mod, Date: date}
	}
	rec := dipgraph.Record{
		Article: dipgraph.Article{ID: "x", Path: "dir/a.txt"},
		Actors:  actors,
		Relations: []dipgraph.Relation{
			// symmetric, reversed, more precise date within the gold month
			rel(dipgraph.MetWith, "person:bashar-assad", "person:vladimir-putin", dipgraph.Asserted, "2024-07-24"),
			// surname containment: "Assad" is in "Bashar al-Assad"
			rel(dipgraph.Backs, "country:RUS", "person:bashar-assad", dipgraph.Asserted, ""),
			// wrong modality class: a false positive and a miss
			rel(dipgraph.Mediates, "country:RUS", "country:SYR", dipgraph.Asserted, ""),
			// an optional relation is neither
			rel(dipgraph.Opposes, "country:TUR", "country:SYR", dipgraph.Asserted, ""),
			// a stop word never matches by containment
			rel(dipgraph.Backs, "country:RUS", "person:president", dipgraph.Asserted, ""),
		},
	}
	rep := extract.Score(gold, []dipgraph.Record{rec})
	if got := rep.Overall; got != (extract.Counts{TP: 2, FP: 2, FN: 1}) {
		t.Errorf("counts = %+v, want 2 TP, 2 FP, 1 FN", got)
	}
	if rep.DatesTotal != 1 || rep.DatesRight != 1 {
		t.Errorf("dates %d/%d, want 1/1", rep.DatesRight, rep.DatesTotal)
	}
	if rep.MissingArticles != 0 {
		t.Error("the record matches the gold by its path's base name")
	}
	if p := rep.Overall.Precision(); p != 0.5 {
		t.Errorf("precision = %v", p)
	}
}
