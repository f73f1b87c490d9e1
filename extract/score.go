package extract

import (
	"encoding/json"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/dipgraph/dipgraph"
)

// GoldArticle is one line of a gold file (../shared/gold/seeds.gold.jsonl):
// what a careful analyst reads out of an article.
type GoldArticle struct {
	ID        string         `json:"id"`
	Published string         `json:"published"`
	Relations []GoldRelation `json:"relations"`
	Forbidden []string       `json:"forbidden"`
}

// GoldRelation is a relation of the gold. Core relations must be found;
// optional ones may be.
type GoldRelation struct {
	Type          dipgraph.RelationType `json:"type"`
	Source        string                `json:"source"`
	Target        string                `json:"target"`
	SourceAliases []string              `json:"source_aliases"`
	TargetAliases []string              `json:"target_aliases"`
	Date          string                `json:"date"`
	Modality      dipgraph.Modality     `json:"modality"`
	Grade         string                `json:"grade"`
	Why           string                `json:"why"`
	Alternatives  []struct {
		Type     dipgraph.RelationType `json:"type"`
		Modality dipgraph.Modality     `json:"modality"`
	} `json:"alternatives"`
}

// ReadGold reads a gold file.
func ReadGold(r io.Reader) ([]GoldArticle, error) {
	var out []GoldArticle
	dec := json.NewDecoder(r)
	for n := 1; dec.More(); n++ {
		var g GoldArticle
		if err := dec.Decode(&g); err != nil {
			return nil, fmt.Errorf("gold article %d: %w", n, err)
		}
		out = append(out, g)
	}
	return out, nil
}

// Counts are true positives, false positives and false negatives.
type Counts struct{ TP, FP, FN int }

// Precision is TP / (TP + FP).
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP / (TP + FN).
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Report is how extraction records compare with gold, by the rules of
// ../shared/tools/score.py: a predicted relation is right if it matches a
// gold relation (core or optional) of the same type and modality class
// with matching names; recall counts core relations only; a gold date is
// matched by the same date, or a more precise one within a gold month.
type Report struct {
	Overall         Counts
	ByType          map[dipgraph.RelationType]*Counts
	DatesRight      int
	DatesTotal      int
	MissingArticles int
	Misses          []string
	FalsePositives  []string
	WrongDates      []string
}

// DateAccuracy is the share of matched dated core relations with the right
// date.
func (r Report) DateAccuracy() float64 { return ratio(r.DatesRight, r.DatesTotal) }

// Score compares records with gold.
func Score(gold []GoldArticle, recs []dipgraph.Record) Report {
	rep := Report{ByType: map[dipgraph.RelationType]*Counts{}}
	byKey := map[string]dipgraph.Record{}
	for _, rec := range recs {
		for _, k := range recordKeys(rec) {
			byKey[k] = rec
		}
	}
	count := func(t dipgraph.RelationType) *Counts {
		if rep.ByType[t] == nil {
			rep.ByType[t] = &Counts{}
		}
		return rep.ByType[t]
	}
	for _, ga := range gold {
		rec, ok := byKey[ga.ID]
		if !ok {
			rec, ok = byKey[strings.TrimSuffix(ga.ID, path.Ext(ga.ID))]
		}
		if !ok {
			rep.MissingArticles++
		}
		actors := map[string]dipgraph.Actor{}
		for _, a := range rec.Actors {
			actors[a.ID] = a
		}
		matched := map[int]bool{}
		for _, p := range rec.Relations {
			hit := -1
			for i, g := range ga.Relations {
				if relationMatches(g, p, actors) {
					hit = i
					if g.Grade == "core" {
						break
					}
				}
			}
			if hit >= 0 {
				g := ga.Relations[hit]
				if g.Grade == "core" && !matched[hit] {
					rep.Overall.TP++
					count(g.Type).TP++
					if g.Date != "" {
						rep.DatesTotal++
						if dateMatches(g.Date, p.Date) {
							rep.DatesRight++
						} else {
							rep.WrongDates = append(rep.WrongDates, fmt.Sprintf("%s: %s %s->%s gold=%s pred=%s", ga.ID, g.Type, g.Source, g.Target, g.Date, p.Date))
						}
					}
				}
				matched[hit] = true
				continue
			}
			rep.Overall.FP++
			count(p.Type).FP++
			ev := ""
			if len(p.Evidence) > 0 {
				ev = p.Evidence[0].Sentence
			}
			rep.FalsePositives = append(rep.FalsePositives, fmt.Sprintf("%s: %s[%s] %s -> %s | %s", ga.ID, p.Type, p.Modality, actorName(actors, p.Source), actorName(actors, p.Target), ev))
		}
		for i, g := range ga.Relations {
			if g.Grade == "core" && !matched[i] {
				rep.Overall.FN++
				count(g.Type).FN++
				rep.Misses = append(rep.Misses, fmt.Sprintf("%s: %s[%s] %s -> %s | %s", ga.ID, g.Type, modalityClass(g.Modality), g.Source, g.Target, g.Why))
			}
		}
	}
	return rep
}

// Types lists the relation types of a report in order.
func (r Report) Types() []dipgraph.RelationType {
	var ts []dipgraph.RelationType
	for t := range r.ByType {
		ts = append(ts, t)
	}
	sort.Slice(ts, func(i, j int) bool { return ts[i] < ts[j] })
	return ts
}

func recordKeys(rec dipgraph.Record) []string {
	var keys []string
	if rec.Article.ID != "" {
		keys = append(keys, rec.Article.ID)
	}
	if rec.Article.Path != "" {
		b := filepath.Base(rec.Article.Path)
		keys = append(keys, b, strings.TrimSuffix(b, filepath.Ext(b)))
	}
	return keys
}

func actorName(actors map[string]dipgraph.Actor, id string) string {
	if a, ok := actors[id]; ok {
		return a.Name
	}
	return id
}

func modalityClass(m dipgraph.Modality) dipgraph.Modality {
	if m == "" {
		return dipgraph.Asserted
	}
	return m
}

func relationMatches(g GoldRelation, p dipgraph.Relation, actors map[string]dipgraph.Actor) bool {
	ok := p.Type == g.Type && modalityClass(p.Modality) == modalityClass(g.Modality)
	for _, alt := range g.Alternatives {
		ok = ok || p.Type == alt.Type && modalityClass(p.Modality) == modalityClass(alt.Modality)
	}
	if !ok {
		return false
	}
	gs := goldNames(g.Source, g.SourceAliases)
	gt := goldNames(g.Target, g.TargetAliases)
	ps := actorNames(actors, p.Source)
	pt := actorNames(actors, p.Target)
	if namesMatch(gs, ps) && namesMatch(gt, pt) {
		return true
	}
	return p.Type.Symmetric() && namesMatch(gs, pt) && namesMatch(gt, ps)
}

func dateMatches(gold, pred string) bool {
	if pred == "" {
		return false
	}
	return pred == gold || strings.HasPrefix(pred, gold) && len(gold) >= 7
}

var (
	possessiveRE = regexp.MustCompile(`['’]s\b`)
	nonAlnumRE   = regexp.MustCompile(`[^a-z0-9]+`)
	stopNames    = map[string]bool{"the": true, "a": true, "an": true, "of": true, "s": true, "president": true, "prime": true, "minister": true, "leader": true, "mr": true, "mrs": true}
)

// normName folds a name the way score.py does: no diacritics, lower case,
// no possessive, words of letters and digits, no leading "the".
func normName(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	out := possessiveRE.ReplaceAllString(b.String(), "")
	out = strings.TrimSpace(nonAlnumRE.ReplaceAllString(out, " "))
	return strings.TrimPrefix(out, "the ")
}

func goldNames(name string, aliases []string) []string {
	var out []string
	for _, n := range append([]string{name}, aliases...) {
		if n := normName(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}

func actorNames(actors map[string]dipgraph.Actor, id string) []string {
	a, ok := actors[id]
	if !ok {
		return goldNames(id, nil)
	}
	names := goldNames(a.Name, a.Aliases)
	if _, rest, ok := strings.Cut(a.ID, ":"); ok {
		if n := normName(strings.ReplaceAll(rest, "-", " ")); n != "" {
			names = append(names, n)
		}
	}
	return names
}

// namesMatch: equal names, or one contained in the other as whole words
// when the shorter is no stop word and longer than two letters.
func namesMatch(gold, pred []string) bool {
	for _, g := range gold {
		for _, p := range pred {
			if g == p {
				return true
			}
			if strings.Contains(" "+p+" ", " "+g+" ") || strings.Contains(" "+g+" ", " "+p+" ") {
				short := g
				if len(strings.Fields(p)) < len(strings.Fields(g)) {
					short = p
				}
				if !stopNames[short] && len(short) > 2 {
					return true
				}
			}
		}
	}
	return false
}
