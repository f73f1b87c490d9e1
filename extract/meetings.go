package extract

import (
	"sort"
	"strings"

	"github.com/jdkato/prose/v2"

	"github.com/dipgraph/dipgraph"
)

// meetingCand is a meeting the article reports, gathered from every
// sentence that describes it.
type meetingCand struct {
	participants []string // sorted ids
	date         day
	place        string
	format       string
	modality     dipgraph.Modality
	cameo        string
	conf         float64
	vague        bool  // dated by the text, but not resolvably
	sentences    []int // sentences that name the participants
	references   []int // sentences that only refer to it: "the meeting late Wednesday"
}

// addMeeting records a meeting among ids, merging it with an earlier
// report of the same meeting: same participants, same modality and a date
// that does not contradict.
func (d *doc) addMeeting(h hit, ids []string, ms []mention) {
	ids = append([]string(nil), ids...)
	sort.Strings(ids)
	date, vague := d.dateOf(h)
	c := &meetingCand{
		participants: ids,
		date:         date,
		vague:        vague,
		place:        d.placeOf(h),
		modality:     d.modality(h, ms),
		cameo:        h.rule.cameo,
		conf:         ruleConfidence(h) * minConf(ms),
		sentences:    []int{h.si},
	}
	if h.s.kind == captionBlock {
		return
	}
	for k := len(d.meetings) - 1; k >= 0; k-- {
		m := d.meetings[k]
		if m.modality == c.modality && slicesEqual(m.participants, c.participants) && sameMeetingDate(m.date, c.date) {
			m.merge(c)
			return
		}
	}
	d.meetings = append(d.meetings, c)
}

func (m *meetingCand) merge(c *meetingCand) {
	if c.date.precision > m.date.precision {
		m.date = c.date
	}
	if m.place == "" {
		m.place = c.place
	}
	if m.format == "" {
		m.format = c.format
	}
	m.conf = max(m.conf, c.conf)
	for _, s := range c.sentences {
		if !containsInt(m.sentences, s) {
			m.sentences = append(m.sentences, s)
		}
	}
}

// sameMeetingDate reports whether a new report dated b can be of a meeting
// dated a: an undated report refers back to the latest such meeting, and a
// dated one is the same meeting only if the dates agree ("met in 2016"
// is not the meeting "on Friday" whose date is unknown).
func sameMeetingDate(a, b day) bool {
	if b.precision == 0 {
		return true
	}
	if a.precision == 0 {
		return false
	}
	as, bs := a.String(), b.String()
	return strings.HasPrefix(as, bs) || strings.HasPrefix(bs, as)
}

// meetingReferences reads sentences that speak of a meeting already
// reported ("The meeting late Wednesday", "Friday's meeting, under the
// High-Level Russian-Turkish Cooperation Council format") and adds their
// date, place and format to it.
func (d *doc) meetingReferences(si int) {
	s := d.sents[si]
	if s.kind == creditBlock || len(d.meetings) == 0 {
		return
	}
	for i := range s.lw {
		if !d.g.is("meeting", s.lw[i]) || !isMeetingReference(s.lw, i) {
			continue
		}
		var target *meetingCand
		var date day
		for _, e := range s.dates {
			if !e.since && !e.report && abs(e.from-i) <= 4 {
				date = e.value
			}
		}
		target = d.referredMeeting(si, date)
		if target == nil {
			continue
		}
		if date.precision > target.date.precision {
			target.date = date
		}
		if f := meetingFormat(s.w, s.lw); f != "" && target.format == "" {
			target.format = f
		}
		if s.kind == bodyBlock && !containsInt(target.references, si) {
			target.references = append(target.references, si)
		}
		return
	}
}

// referredMeeting is the earlier asserted meeting a reference dated date
// speaks of: the latest on that very date, else the latest whose date is
// unknown (or, for an undated reference, the latest of all).
func (d *doc) referredMeeting(si int, date day) *meetingCand {
	var undated *meetingCand
	for k := len(d.meetings) - 1; k >= 0; k-- {
		m := d.meetings[k]
		if containsInt(m.sentences, si) || containsInt(m.references, si) || m.modality != dipgraph.Asserted {
			continue
		}
		if date.precision == 0 || m.date.String() == date.String() {
			return m
		}
		if m.date.precision == 0 && undated == nil {
			undated = m
		}
	}
	return undated
}

// isMeetingReference: "the meeting", "their meeting", "Friday's meeting",
// "this meeting": a meeting spoken of as known.
func isMeetingReference(lw []string, i int) bool {
	if i == 0 {
		return false
	}
	switch lw[i-1] {
	case "the", "their", "this", "that", "'s", "first":
		return true
	}
	return false
}

// meetingFormat reads "under the X format" or "the X format".
func meetingFormat(w, lw []string) string {
	for i, t := range lw {
		if t != "format" || i == 0 {
			continue
		}
		j := i
		for j > 0 && isNameWord(w[j-1]) {
			j--
		}
		if j < i {
			return strings.Join(w[j:i], " ")
		}
	}
	return ""
}

func slicesEqual(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
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
	offsets := &runeOffsets{text: d.text}
	weak := map[int]bool{}
	evidence := func(si int, reference bool) dipgraph.Evidence {
		s := d.sents[si]
		start, end := offsets.at(s.start), offsets.at(s.end)
		weak[start] = weak[start] || s.kind != bodyBlock || reference
		return dipgraph.Evidence{Sentence: d.originalSpan(start, end), Start: start, End: end}
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

// originalSpan returns the original text between two code-point offsets.
func (d *doc) originalSpan(start, end int) string {
	if d.text == d.art.Text {
		return d.text[d.byteAt(start):d.byteAt(end)]
	}
	if d.runes == nil {
		d.runes = []rune(d.art.Text)
	}
	return string(d.runes[start:end])
}

// byteAt converts a code-point offset of an unnormalised text to bytes.
func (d *doc) byteAt(runeOffset int) int {
	if isPlainASCII(d.text) {
		return runeOffset
	}
	n := 0
	for i := range d.text {
		if n == runeOffset {
			return i
		}
		n++
	}
	return len(d.text)
}

// tagWords tags words with prose, aligning prose's tokens with ours
// (prose drops some, such as a lone "n't").
func (x *Extractor) tagWords(w []string) []string {
	tags := make([]string, len(w))
	model := x.tagger()
	if model == nil {
		return tags
	}
	doc, err := prose.NewDocument(strings.Join(w, " "), prose.WithSegmentation(false), prose.WithExtraction(false), prose.UsingModel(model))
	if err != nil {
		return tags
	}
	toks := doc.Tokens()
	j := 0
	for i := range w {
		for k := j; k < len(toks) && k < j+3; k++ {
			if toks[k].Text == w[i] {
				tags[i] = toks[k].Tag
				j = k + 1
				break
			}
		}
	}
	return tags
}
