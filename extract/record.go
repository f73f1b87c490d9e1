package extract

import (
	"sort"
	"unicode/utf8"

	"github.com/dipgraph/dipgraph"
)

// setRuneOffsets gives each sentence its code-point offsets, which are
// the same in the normalised and the original text, in one pass: the
// sentences come in text order.
func (d *doc) setRuneOffsets() {
	at, runes := 0, 0
	for _, s := range d.sents {
		runes += utf8.RuneCountInString(d.text[at:s.start])
		s.rstart = runes
		runes += utf8.RuneCountInString(d.text[s.start:s.end])
		s.rend = runes
		at = s.end
	}
}

// record assembles the article's record in a deterministic order.
func (d *doc) record() dipgraph.Record {
	rec := dipgraph.Record{Schema: dipgraph.Schema, Article: d.art, Actors: []dipgraph.Actor{}, Relations: []dipgraph.Relation{}, Meetings: []dipgraph.Meeting{}}
	d.addOfficeRelations()
	rels, meetings := d.finish()
	used := map[string]bool{}
	for _, r := range rels {
		used[r.Source], used[r.Target] = true, true
		if r.Place != "" {
			used[r.Place] = true
		}
	}
	for _, m := range meetings {
		for _, p := range m.Participants {
			used[p] = true
		}
		if m.Place != "" {
			used[m.Place] = true
		}
	}
	ids := make([]string, 0, len(d.actors))
	for id, a := range d.actors {
		if a.seen || used[id] {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	for _, id := range ids {
		a := d.actors[id]
		act := a.Actor
		act.Aliases = make([]string, 0, len(a.aliases))
		for s := range a.aliases {
			act.Aliases = append(act.Aliases, s)
		}
		sort.Strings(act.Aliases)
		rec.Actors = append(rec.Actors, act)
	}
	rec.Relations = append(rec.Relations, rels...)
	rec.Meetings = append(rec.Meetings, meetings...)
	return rec
}

// addOfficeRelations turns the offices the article gives persons into
// LEADER_OF (heads) and MEMBER_OF (other offices) relations.
func (d *doc) addOfficeRelations() {
	for _, id := range sortedKeys(d.actors) {
		a := d.actors[id]
		for _, o := range a.offices {
			typ := dipgraph.LeaderOf
			if o.kind == "member" {
				typ = dipgraph.MemberOf
			}
			target := d.defs[o.of]
			if target == nil {
				continue
			}
			d.actorFor(target).seen = true
			d.relations = append(d.relations, candidate{
				typ: typ, source: a.ID, target: target.id, role: o.role,
				modality: dipgraph.Asserted, conf: 0.9, sentence: o.sentence,
			})
		}
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// finish merges the candidates into the record's relations and meetings.
// MET_WITH relations come from the meetings, one per pair of participants.
func (d *doc) finish() ([]dipgraph.Relation, []dipgraph.Meeting) {
	weak := map[int]bool{}
	evidence := func(si int, reference bool) dipgraph.Evidence {
		s := d.sents[si]
		weak[s.rstart] = weak[s.rstart] || s.kind != bodyBlock || reference
		return dipgraph.Evidence{Sentence: d.sentenceText(s), Start: s.rstart, End: s.rend}
	}
	var meetings []dipgraph.Meeting
	for _, m := range d.meetings {
		sort.Ints(m.sentences)
		id := "meeting:" + shortHash(append([]string{d.art.ID, m.date.String()}, m.participants...)...)
		if m.date.precision == 3 && m.modality == dipgraph.Asserted {
			id = "meeting:" + shortHash(append([]string{m.date.String()}, m.participants...)...)
		}
		meetings = append(meetings, dipgraph.Meeting{
			ID: id, Date: m.date.String(), Place: m.place, Participants: m.participants,
			Format: m.format, Modality: m.modality,
		})
		for i := range m.participants {
			for j := i + 1; j < len(m.participants); j++ {
				c := candidate{
					typ: dipgraph.MetWith, cameo: m.cameo, source: m.participants[i], target: m.participants[j],
					date: m.date, vague: m.vague && m.date.precision == 0, place: m.place, modality: m.modality, conf: m.conf,
				}
				for _, si := range m.sentences {
					c.sentence = si
					d.relations = append(d.relations, c)
				}
				c.reference = true
				for _, si := range m.references {
					c.sentence = si
					d.relations = append(d.relations, c)
				}
			}
		}
	}
	merged := map[relationKey]*dipgraph.Relation{}
	vague := map[relationKey]bool{}
	var order []relationKey
	sort.SliceStable(d.relations, func(i, j int) bool {
		return d.sents[d.relations[i].sentence].start < d.sents[d.relations[j].sentence].start
	})
	for _, c := range d.relations {
		k := relationKey{c.typ, c.source, c.target, c.date.String(), c.modality}
		if c.typ == dipgraph.LeaderOf || c.typ == dipgraph.MemberOf {
			k.date = ""
		}
		if c.vague {
			vague[k] = true
		}
		ev := evidence(c.sentence, c.reference)
		r := merged[k]
		if r == nil {
			r = &dipgraph.Relation{
				Type: c.typ, Source: c.source, Target: c.target, Date: c.date.String(), Place: c.place,
				Modality: c.modality, Confidence: c.conf, CAMEO: c.cameo, Role: c.role,
			}
			merged[k] = r
			order = append(order, k)
		} else {
			r.Confidence = 1 - (1-r.Confidence)*(1-c.conf*0.5)
			if r.Place == "" {
				r.Place = c.place
			}
			if moreSpecificRole(c.role, r.Role) {
				r.Role = c.role
			}
		}
		if !hasEvidence(r.Evidence, ev) {
			r.Evidence = append(r.Evidence, ev)
		}
	}
	order = foldUndated(order, merged, vague)
	rels := make([]dipgraph.Relation, 0, len(order))
	for _, k := range order {
		r := merged[k]
		sortEvidence(r.Evidence, weak)
		r.Confidence = float64(int(min(r.Confidence, 0.99)*100+0.5)) / 100
		if r.Place != "" {
			d.actors[r.Place].seen = true
		}
		rels = append(rels, *r)
	}
	sort.SliceStable(rels, func(i, j int) bool { return rels[i].Evidence[0].Start < rels[j].Evidence[0].Start })
	return rels, meetings
}

// sortEvidence puts the body sentences that state a fact before headlines,
// captions and sentences that only refer back to it (weak, by start
// offset), each in text order: the first evidence is the one to
// quote.
func sortEvidence(evs []dipgraph.Evidence, weak map[int]bool) {
	sort.SliceStable(evs, func(i, j int) bool {
		if weak[evs[i].Start] != weak[evs[j].Start] {
			return !weak[evs[i].Start]
		}
		return evs[i].Start < evs[j].Start
	})
}

// relationKey is what makes two claims of an article one relation.
type relationKey struct {
	typ                  dipgraph.RelationType
	source, target, date string
	modality             dipgraph.Modality
}

// foldUndated merges an undated relation into the one dated relation of
// the same parties, type and modality, when there is exactly one: the
// headline "Russia attacks Kharkiv" reports the attack the body dates. A
// relation whose date the text gives but does not resolve ("on Friday",
// undated article) is another event, and stays.
func foldUndated(order []relationKey, merged map[relationKey]*dipgraph.Relation, vague map[relationKey]bool) []relationKey {
	dated := map[relationKey][]relationKey{}
	for _, k := range order {
		if k.date != "" {
			u := k
			u.date = ""
			dated[u] = append(dated[u], k)
		}
	}
	out := order[:0]
	for _, k := range order {
		if into := dated[k]; k.date == "" && len(into) == 1 && !vague[k] {
			r, from := merged[into[0]], merged[k]
			for _, ev := range from.Evidence {
				if !hasEvidence(r.Evidence, ev) {
					r.Evidence = append(r.Evidence, ev)
				}
			}
			r.Confidence = max(r.Confidence, from.Confidence)
			if r.Place == "" {
				r.Place = from.Place
			}
			continue
		}
		out = append(out, k)
	}
	return out
}

func moreSpecificRole(a, b string) bool {
	return a != "" && (b == "" || b == "Leader" || b == "Counterpart") && a != b
}

func hasEvidence(evs []dipgraph.Evidence, e dipgraph.Evidence) bool {
	for _, x := range evs {
		if x.Start == e.Start {
			return true
		}
	}
	return false
}

// sentenceText is a sentence as the original text has it.
func (d *doc) sentenceText(s *sent) string {
	if d.text == d.art.Text {
		return d.art.Text[s.start:s.end]
	}
	if d.runes == nil {
		d.runes = []rune(d.art.Text)
	}
	return string(d.runes[s.rstart:s.rend])
}
