package extract

import (
	"slices"
	"strings"

	"github.com/dipgraph/dipgraph"
)

// candidate is a relation found in one sentence, before relations of the
// whole article are merged.
type candidate struct {
	typ      dipgraph.RelationType
	cameo    string
	source   string
	target   string
	role     string
	date     day
	place    string
	modality dipgraph.Modality
	conf     float64
	sentence int
	// reference marks evidence that only refers back to the fact.
	reference bool
	// vague marks a date the text gives but does not resolve.
	vague bool
}

// hit is one trigger matched in a sentence, with what its frame found.
type hit struct {
	s        *sent
	si       int
	from, to int // the trigger's tokens
	rule     rule
}

// findRelations applies the relation rules to one sentence. Triggers are
// read left to right, the longest phrase first; the first frame of a
// phrase that finds its parties wins.
func (d *doc) findRelations(si int) {
	s := d.sents[si]
	if len(s.mentions) == 0 {
		return
	}
	for i := 0; i < len(s.lw); i++ {
		rules, n := d.g.rules.match(s.lw, i)
		if n == 0 || d.g.classAt("not-trigger", s.lw, i) > n {
			continue
		}
		for _, r := range rules {
			h := hit{s: s, si: si, from: i, to: i + n, rule: r}
			if d.apply(h) {
				i += n - 1
				break
			}
		}
	}
}

// apply runs a hit's frame and records what it finds.
func (d *doc) apply(h hit) bool {
	if !d.verbal(h) {
		return false
	}
	switch h.rule.frame {
	case "svo", "visit", "support":
		return d.frameSVO(h)
	case "with":
		subj := d.subjects(h)
		obj := d.objects(h, h.to)
		return d.emitPairs(h, subj, obj)
	case "between":
		return d.frameBetween(h)
	case "plural":
		subj := d.subjects(h)
		if len(distinctIDs(subj)) < 2 {
			return false
		}
		if h.rule.typ == dipgraph.SignedAgreement && !d.followedBy(h, "agreement", 6) {
			return false
		}
		return d.emitAmong(h, distinctIDs(subj), subj)
	case "adjpair":
		if pair := d.pairBefore(h); len(distinctIDs(pair)) == 2 {
			return d.emitAmong(h, distinctIDs(pair), pair)
		}
	case "nominal":
		return d.frameNominal(h)
	case "receive":
		return d.frameReceive(h)
	}
	return false
}

// pairBefore reads the pair that modifies a noun trigger: "Russian-Turkish
// cooperation", "the Clinton-Trump debate", "Putin - Erdogan talks".
func (d *doc) pairBefore(h hit) []mention {
	m := mentionEndingAt(h.s, h.from)
	if m == nil {
		return nil
	}
	if m.kind == mAdjective && len(m.ids) == 2 {
		return []mention{*m}
	}
	if m.from >= 2 && h.s.lw[m.from-1] == "-" {
		if first := mentionEndingAt(h.s, m.from-1); first != nil && first.kind == mName && m.kind == mName {
			return []mention{*first, *m}
		}
	}
	return nil
}

// frameNominal: AGENT trigger TARGET with a noun trigger. The agent
// modifies the noun ("Russian air strikes on", "Russia's attack on", "the
// U.S.-led bombing campaign against"), or is the subject of a verb of
// launching before it ("Turkey launched an offensive against").
func (d *doc) frameNominal(h hit) bool {
	s, lw := h.s, h.s.lw
	var agent []mention
	at := h.from
	if at > 0 && (lw[at-1] == "led" || strings.HasSuffix(lw[at-1], "-led")) {
		at--
		if lw[at] == "led" && at > 0 && lw[at-1] == "-" {
			at--
		}
	}
	if strings.HasSuffix(lw[max(at, 0)], "-led") && at < h.from {
		if t, n := d.g.terms.match([]string{strings.TrimSuffix(s.w[at], "-led")}, 0); n > 0 && t.def.label != dipgraph.Place {
			agent = []mention{{ids: []string{d.actorFor(t.def).ID}, kind: mName, label: t.def.label, conf: 0.85}}
		}
	}
	if agent == nil {
		end := at
		if end > 0 && lw[end-1] == "'s" {
			end--
		}
		if m := mentionEndingAt(s, end); m != nil && len(m.ids) == 1 && m.label != dipgraph.Place {
			agent = []mention{*m}
		}
	}
	if agent == nil {
		for j := h.from - 1; j >= 0 && j >= h.from-4; j-- {
			if d.g.classAt("launch", lw, j) > 0 {
				agent = d.subjects(hit{s: s, si: h.si, from: j, to: j + 1, rule: h.rule})
				break
			}
		}
	}
	return d.emitPairs(h, agent, d.objects(h, h.to))
}

// frameReceive: RECIPIENT receives ... aid from GIVER ("Sea Change
// Foundation was receiving a large infusion of funds from Klein, Ltd.").
// The aid noun alone says nothing of who got it ("Russia condemned aid
// from Iran"), so a verb of receiving must stand a few words before it.
func (d *doc) frameReceive(h hit) bool {
	lw := h.s.lw
	for j := h.from - 1; j >= 0 && j >= h.from-6; j-- {
		if d.g.is("boundary", lw[j]) || lw[j] == "," {
			return false
		}
		if d.g.classAt("receive", lw, j) > 0 {
			if j > 0 && lw[j-1] == "to" {
				// "attempting to get funds from": an aim, not an event
				return false
			}
			recipient := d.subjects(hit{s: h.s, si: h.si, from: j, to: j + 1, rule: h.rule})
			return d.emitPairs(h, d.giver(h), recipient)
		}
	}
	return false
}

// giver is the party after "from" that ends a receive trigger: the first
// that can act within a clause, past descriptions of it ("a Bermuda-based
// entity called ...").
func (d *doc) giver(h hit) []mention {
	s, lw := h.s, h.s.lw
	for _, m := range s.mentions {
		if m.from < h.to {
			continue
		}
		if m.from > h.to+10 {
			break
		}
		if m.to+1 < len(lw) && lw[m.to] == "-" && lw[m.to+1] == "based" || strings.HasSuffix(lw[m.to-1], "-based") {
			continue
		}
		for j := h.to; j < m.from; j++ {
			if lw[j] == "," || d.g.is("relative", lw[j]) || d.g.is("boundary", lw[j]) && !(lw[j] == "-" && j+1 < len(lw) && lw[j+1] == "based") {
				return nil
			}
		}
		if d.canAct(m) {
			return d.coordinated(s, m, +1)
		}
	}
	return nil
}

// verbal tells a verb trigger from the same word used as a noun ("Russia
// backs Assad" against "the backs of"). Context decides where it can; the
// tagger decides the rest.
func (d *doc) verbal(h hit) bool {
	if h.rule.frame != "svo" && h.rule.frame != "visit" && h.rule.frame != "plural" || h.to-h.from > 1 {
		return true
	}
	lw := h.s.lw
	if h.from == 0 {
		return true
	}
	prev := lw[h.from-1]
	switch prev {
	case "the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "'s", "of":
		return false
	case "to", "and", "who", "which", "not", "n't":
		return true
	}
	if d.g.is("adverb", prev) {
		return true
	}
	for _, m := range h.s.mentions {
		// a party right before ("Russia backs") or right after ("backs
		// Assad") makes the trigger a verb
		if (m.to == h.from || m.from == h.to) && m.kind != mAdjective {
			return true
		}
	}
	if unambiguousVerb(lw[h.from]) {
		return true
	}
	tag := d.tag(h.s, h.from)
	return strings.HasPrefix(tag, "VB")
}

// unambiguousVerb is a trigger word that is only ever a verb: a regular
// past form or an irregular one. Others ("backs", "attack", "meeting")
// need the tagger.
func unambiguousVerb(w string) bool {
	switch w {
	case "met", "struck", "held", "shot", "brought", "sought", "fought", "took", "led", "won", "hit":
		return true
	}
	return strings.HasSuffix(w, "ed")
}

// frameSVO: SUBJECT trigger OBJECT, in the active or the passive voice.
func (d *doc) frameSVO(h hit) bool {
	subj := d.subjects(h)
	obj := d.objects(h, h.to)
	if agent, passive := d.passiveAgent(h); passive {
		// "was accused of ..." without "by" names no one who did it.
		subj, obj = agent, subj
	}
	if len(obj) == 0 {
		obj = d.itObject(h, subj)
	}
	if len(obj) == 0 && (h.rule.typ == dipgraph.Attacked || h.rule.typ == dipgraph.Controls) {
		obj = d.thisPlace(h, subj)
	}
	if h.rule.typ == dipgraph.Controls && len(obj) == 0 && d.followedBy(h, "territory", 6) {
		for _, m := range h.s.mentions {
			if m.locative(d.g) && (m.label == dipgraph.Country || m.label == dipgraph.Place) {
				obj = []mention{m}
				break
			}
		}
	}
	if h.rule.typ.Symmetric() && len(obj) == 0 && len(distinctIDs(subj)) >= 2 {
		return d.emitAmong(h, distinctIDs(subj), subj)
	}
	if h.rule.frame == "visit" {
		return d.emitVisit(h, subj, obj)
	}
	ok := d.emitPairs(h, subj, obj)
	if ok {
		d.ellipsis(h, obj)
	}
	return ok
}

// itObject reads "it" right after a verb trigger as what its sentence
// is about: the party that opens the sentence as its subject, when that
// is not who acts ("Aleppo is key to Russia, which will not stop bombing
// it").
func (d *doc) itObject(h hit, subj []mention) []mention {
	lw := h.s.lw
	if h.to >= len(lw) || lw[h.to] != "it" || len(subj) == 0 || len(h.s.mentions) == 0 {
		return nil
	}
	m := h.s.mentions[0]
	if m.from > 1 || m.prep != "" || m.poss || len(m.ids) != 1 || m.kind == mAdjective || m.label == dipgraph.Person {
		return nil
	}
	if m.from == 1 && lw[0] != "the" || m.to >= len(lw) || !d.g.is("be", lw[m.to]) {
		return nil
	}
	if slices.ContainsFunc(subj, func(s mention) bool { return slices.Contains(s.ids, m.id()) }) {
		return nil
	}
	return []mention{m}
}

// thisPlace reads a demonstrative object, "this borderland", "that
// city", as the place named last before the trigger in its sentence,
// other than the subject: "fled Smyrna when Turks invaded this
// borderland".
func (d *doc) thisPlace(h hit, subj []mention) []mention {
	lw := h.s.lw
	j := h.to
	if j+1 >= len(lw) || (lw[j] != "this" && lw[j] != "that") || d.g.classAt("territory", lw, j+1) == 0 {
		return nil
	}
	for _, m := range slices.Backward(h.s.mentions) {
		if m.to > h.from || len(m.ids) != 1 || (m.label != dipgraph.Place && m.label != dipgraph.Country) {
			continue
		}
		if m.kind == mAdjective || slices.ContainsFunc(subj, func(s mention) bool { return slices.Contains(s.ids, m.id()) }) {
			continue
		}
		return []mention{m}
	}
	return nil
}

// passiveAgent reads "was shot down by X": X is the subject. It reports
// whether the trigger is passive at all; a passive without "by" has no
// agent.
func (d *doc) passiveAgent(h hit) ([]mention, bool) {
	lw := h.s.lw
	if strings.HasSuffix(lw[h.from], "ing") {
		return nil, false
	}
	k := h.from - 1
	for k >= 0 && d.g.is("adverb", lw[k]) && !d.g.is("be", lw[k]) {
		k--
	}
	if k < 0 || !d.g.is("be", lw[k]) {
		return nil, false
	}
	for j := h.to; j < len(lw) && j < h.to+3; j++ {
		if lw[j] == "by" {
			for _, m := range h.s.mentions {
				if m.from == j+1 {
					return d.coordinated(h.s, m, +1), true
				}
			}
		}
	}
	return nil, true
}

// frameBetween: trigger ... between A and B [and C]. With a subject, the
// subject mediates between them ("Russia could mediate between Syria and
// Turkey"); else they meet or act together.
func (d *doc) frameBetween(h hit) bool {
	lw := h.s.lw
	b := -1
	for j := h.to; j < len(lw) && j <= h.to+3; j++ {
		if lw[j] == "between" || lw[j] == "among" {
			b = j
			break
		}
		if d.g.is("boundary", lw[j]) || lw[j] == "," {
			break
		}
	}
	if b < 0 && h.rule.typ == dipgraph.Mediates {
		for j := h.to; j < len(lw) && j <= h.to+8; j++ {
			if lw[j] == "between" {
				b = j
				break
			}
			if d.g.is("boundary", lw[j]) {
				break
			}
		}
	}
	if b < 0 {
		return false
	}
	var first *mention
	for k := range h.s.mentions {
		m := h.s.mentions[k]
		if m.from > b && m.from <= b+6 && m.kind != mAdjective {
			first = &m
			break
		}
	}
	if first == nil {
		return false
	}
	parties := d.coordinated(h.s, *first, +1)
	ids := distinctIDs(parties)
	if len(ids) < 2 {
		return false
	}
	if h.rule.typ == dipgraph.Mediates {
		subj := d.subjects(h)
		if len(subj) == 0 {
			return false
		}
		return d.emitPairs(h, subj, parties)
	}
	return d.emitAmong(h, ids, parties)
}

// followedBy reports whether a word of class comes within n tokens after
// the trigger, inside its clause.
func (d *doc) followedBy(h hit, class string, n int) bool {
	lw := h.s.lw
	for j := h.to; j < len(lw) && j < h.to+n; j++ {
		if d.g.is(class, lw[j]) {
			return true
		}
		if d.g.is("boundary", lw[j]) {
			return false
		}
	}
	return false
}

// subjects finds who does what the trigger says: the antecedent of a
// relative pronoun ("Russia, which saved"), the subject of the first verb
// for a coordinated verb ("aimed to topple ... and backed"), else the
// nearest party before the trigger in its clause, with any parties
// coordinated with it ("Russia and Turkey").
func (d *doc) subjects(h hit) []mention {
	s, lw := h.s, h.s.lw
	k := h.from - 1
	for k >= 0 && (d.g.is("adverb", lw[k]) || lw[k] == "to" || d.g.is("light", lw[k]) || d.g.is("aspect", lw[k])) {
		k--
	}
	if k >= 0 && d.g.is("relative", lw[k]) {
		j := k - 1
		if j >= 0 && lw[j] == "," {
			j--
		}
		for _, m := range slices.Backward(s.mentions) {
			if m.to == j+1 && d.canAct(m) {
				return d.coordinated(s, m, -1)
			}
		}
		return nil
	}
	if k >= 0 && lw[k] == "it" {
		return d.itAntecedent(s, k)
	}
	if k >= 0 && (lw[k] == "and" || lw[k] == "or") {
		if prevMention := mentionEndingAt(s, k); prevMention == nil {
			for _, m := range s.mentions {
				if m.from < k && d.canAct(m) && m.prep == "" {
					return d.coordinated(s, m, -1)
				}
			}
		}
	}
	skip := d.asides(s)
	for j := h.from - 1; j >= 0; j-- {
		if skip[j] {
			continue
		}
		if d.g.is("boundary", lw[j]) || d.g.is("speech", lw[j]) || (lw[j] == "that" && j < h.from-1) {
			return nil
		}
		if m := mentionEndingAt(s, j+1); m != nil && !skip[m.from] {
			if d.canAct(*m) && (m.prep == "" || subordinators[m.prep] || gerundSubject(s, *m, h)) {
				return d.coordinated(s, *m, -1)
			}
			j = m.from
		}
	}
	return nil
}

// itAntecedent reads "it" as the subject of a trigger: the nearest
// country or organization before it in its sentence that is itself a
// subject, not a location or the object of a preposition ("Italy
// remained neutral until June, when it declared war on France").
func (d *doc) itAntecedent(s *sent, at int) []mention {
	for _, m := range slices.Backward(s.mentions) {
		if m.to > at || m.prep != "" || m.poss || !d.canAct(m) {
			continue
		}
		if m.label == dipgraph.Country || m.label == dipgraph.Organization {
			m.conf *= 0.8
			return []mention{m}
		}
	}
	return nil
}

// gerundSubject: "the possibility of the three leaders meeting", where
// the object of "of" is the subject of the gerund right after it.
func gerundSubject(s *sent, m mention, h hit) bool {
	return m.prep == "of" && m.to == h.from && strings.HasSuffix(s.lw[h.from], "ing")
}

// subordinators are prepositions that also open a clause: "since
// Turkey's air force shot down", where what follows is a subject.
var subordinators = map[string]bool{"since": true, "after": true, "before": true, "until": true, "as": true}

// asides marks relative clauses and parentheses (", which ... ,") that a
// subject search looks past.
func (d *doc) asides(s *sent) []bool {
	lw := s.lw
	skip := make([]bool, len(lw)+1)
	for i := 0; i < len(lw); i++ {
		if lw[i] == "," && i+1 < len(lw) && (lw[i+1] == "which" || lw[i+1] == "who") {
			j := i + 1
			for j < len(lw) && lw[j] != "," {
				j++
			}
			if j < len(lw) {
				for k := i; k <= j; k++ {
					skip[k] = true
				}
				i = j
			}
		}
		if lw[i] == "(" {
			j := i
			for j < len(lw) && lw[j] != ")" {
				j++
			}
			for k := i; k <= j && k < len(lw); k++ {
				skip[k] = true
			}
			i = j
		}
	}
	return skip
}

func mentionEndingAt(s *sent, end int) *mention {
	for k := range s.mentions {
		if s.mentions[k].to == end {
			return &s.mentions[k]
		}
	}
	return nil
}

// canAct reports whether a mention can be the party of a relation: not a
// bare adjective, not a place, not a news outlet (which reports events
// and takes no part in them), not a possessive that only modifies
// ("Erdogan's focus"), unless it owns a government or forces.
func (d *doc) canAct(m mention) bool {
	if len(m.ids) == 0 || m.kind == mAdjective || m.label == dipgraph.Place {
		return false
	}
	if df := d.defs[m.id()]; df != nil && df.orgKind == "media" {
		return false
	}
	if m.poss && m.head == "" {
		return false
	}
	return true
}

// objects finds the parties after the trigger: the first that can act,
// within a few words and inside the clause, with those coordinated with it.
func (d *doc) objects(h hit, from int) []mention {
	s, lw := h.s, h.s.lw
	for _, m := range s.mentions {
		if m.from < from {
			continue
		}
		if m.from > from+6 {
			break
		}
		for j := from; j < m.from; j++ {
			if d.g.is("boundary", lw[j]) || lw[j] == "," || d.g.is("relative", lw[j]) || d.g.is("speech", lw[j]) {
				return nil
			}
		}
		if m.prep != "" && m.prepAt >= from && m.prepAt >= h.to {
			if (h.rule.frame == "support" || h.rule.frame == "nominal") && (m.prep == "for" || m.prep == "to" || m.prep == "against" || m.prep == "on") {
				return d.coordinated(s, m, +1)
			}
			if h.rule.frame == "visit" && m.label == dipgraph.Place {
				continue
			}
			return nil
		}
		if h.rule.frame == "visit" && (m.label == dipgraph.Place || m.label == dipgraph.Country) {
			return []mention{m}
		}
		if m.label == dipgraph.Place && (h.rule.typ == dipgraph.Attacked || h.rule.typ == dipgraph.Controls) {
			return d.coordinated(s, m, +1)
		}
		if d.canAct(m) || m.poss {
			return d.coordinated(s, m, +1)
		}
		if m.kind == mAdjective {
			continue
		}
		return nil
	}
	return nil
}

// coordinated returns m with the parties coordinated with it ("A, B and
// C"), walking left (dir -1) or right (dir +1); an apposition that names
// the same actor again is folded in.
func (d *doc) coordinated(s *sent, m mention, dir int) []mention {
	out := []mention{m}
	lw := s.lw
	cur := m
	for {
		var next *mention
		if dir > 0 {
			j := cur.to
			gap := 0
			for j < len(lw) && (lw[j] == "," || lw[j] == "and" || lw[j] == "the" || lw[j] == "a") {
				if lw[j] == "," || lw[j] == "and" {
					gap++
				}
				j++
			}
			if gap == 0 {
				break
			}
			for k := range s.mentions {
				if s.mentions[k].from == j {
					next = &s.mentions[k]
				}
			}
		} else {
			j := cur.from - 1
			if j < 0 || (lw[j] != "and" && lw[j] != ",") {
				break
			}
			for j >= 0 && (lw[j] == "," || lw[j] == "and") {
				j--
			}
			next = mentionEndingAt(s, j+1)
		}
		if next == nil || next.kind == mAdjective || (next.prep != "" && next.prep != cur.prep && dir > 0 && next.prep != "and") {
			break
		}
		if !d.canAct(*next) && !(next.poss && dir > 0) {
			break
		}
		out = append(out, *next)
		cur = *next
	}
	return out
}

func distinctIDs(ms []mention) []string {
	var ids []string
	for _, m := range ms {
		for _, id := range m.ids {
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	return ids
}

// emitPairs records a relation from every subject to every object.
func (d *doc) emitPairs(h hit, subj, obj []mention) bool {
	if len(subj) == 0 || len(obj) == 0 {
		return false
	}
	if h.rule.typ == dipgraph.MetWith {
		ids := distinctIDs(append(append([]mention{}, subj...), obj...))
		if len(ids) < 2 {
			return false
		}
		d.addMeeting(h, ids, append(subj, obj...))
		return true
	}
	found := false
	mod := d.modality(h, subj)
	for _, s := range subj {
		for _, sid := range s.ids {
			for _, o := range obj {
				for _, oid := range o.ids {
					if sid == oid {
						continue
					}
					d.add(h, sid, oid, mod, min(s.conf, o.conf))
					found = true
				}
			}
		}
	}
	return found
}

// emitAmong records a symmetric relation among several parties.
func (d *doc) emitAmong(h hit, ids []string, ms []mention) bool {
	if len(ids) < 2 {
		return false
	}
	if h.rule.typ == dipgraph.MetWith {
		d.addMeeting(h, ids, ms)
		return true
	}
	mod := d.modality(h, ms)
	conf := minConf(ms)
	for i := range ids {
		for j := i + 1; j < len(ids); j++ {
			d.add(h, ids[i], ids[j], mod, conf)
		}
	}
	return true
}

// emitVisit: a visit to a place is VISITED; a visit to a person is a
// meeting with them, and a visit to the place the sentence names.
func (d *doc) emitVisit(h hit, subj, obj []mention) bool {
	if len(subj) == 0 || len(obj) == 0 {
		return false
	}
	mod := d.modality(h, subj)
	place := obj[0]
	if place.label == dipgraph.Person || place.label == dipgraph.Organization {
		d.addMeeting(h, distinctIDs(append(append([]mention{}, subj...), obj...)), append(subj, obj...))
		p := d.placeOf(h)
		if p == "" {
			return true
		}
		place = mention{ids: []string{p}, conf: 0.9}
	}
	for _, s := range subj {
		for _, sid := range s.ids {
			d.addTyped(h, dipgraph.Visited, "042", sid, place.ids[0], mod, min(s.conf, place.conf))
		}
	}
	return true
}

// ellipsis reads ", while Turkey does not" after a relation: the same
// relation for another subject, negated (or asserted without "not").
func (d *doc) ellipsis(h hit, obj []mention) {
	s, lw := h.s, h.s.lw
	end := obj[len(obj)-1].to
	if end+3 >= len(lw) || lw[end] != "," || !(lw[end+1] == "while" || lw[end+1] == "whereas" || lw[end+1] == "but") {
		return
	}
	var subj *mention
	for k := range s.mentions {
		if s.mentions[k].from == end+2 && d.canAct(s.mentions[k]) {
			subj = &s.mentions[k]
		}
	}
	if subj == nil {
		return
	}
	j := subj.to
	if j >= len(lw) || !(lw[j] == "does" || lw[j] == "did" || lw[j] == "do" || lw[j] == "has" || lw[j] == "is" || lw[j] == "will") {
		return
	}
	mod := dipgraph.Asserted
	if j+1 < len(lw) && (lw[j+1] == "not" || lw[j+1] == "n't") {
		mod = dipgraph.Negated
	}
	for _, o := range obj {
		for _, oid := range o.ids {
			d.add(h, subj.id(), oid, mod, min(subj.conf, o.conf)*0.9)
		}
	}
}

func minConf(ms []mention) float64 {
	c := 1.0
	for _, m := range ms {
		c = min(c, m.conf)
	}
	return c
}

func (d *doc) add(h hit, source, target string, mod dipgraph.Modality, conf float64) {
	d.addTyped(h, h.rule.typ, h.rule.cameo, source, target, mod, conf)
}

func (d *doc) addTyped(h hit, typ dipgraph.RelationType, cameo, source, target string, mod dipgraph.Modality, conf float64) {
	if typ.Symmetric() && target < source {
		source, target = target, source
	}
	date, vague := d.dateOf(h)
	c := candidate{
		typ: typ, cameo: cameo, source: source, target: target,
		date: date, vague: vague, modality: mod, sentence: h.si,
		conf: ruleConfidence(h) * conf,
	}
	switch typ {
	case dipgraph.MetWith, dipgraph.Visited, dipgraph.Attacked, dipgraph.ShotDown, dipgraph.SignedAgreement:
		c.place = d.placeOf(h)
	}
	if c.place == target {
		c.place = ""
	}
	d.relations = append(d.relations, c)
}

// ruleConfidence is how much a relation is worth by where it was read:
// headlines and rules with no explicit subject are weaker.
func ruleConfidence(h hit) float64 {
	c := 0.9
	if h.s.kind == headlineBlock {
		c -= 0.1
	}
	return c
}

// modality reads the cues between the subject and the trigger: negation
// wins, otherwise the cue nearest the trigger. A verb of keeping to the
// agreement after a negation takes the negation for itself: "failed to
// honour a deal with X" still says there is a deal. So does a verb of
// going on or stopping, which says the act happens either way: "will
// not stop bombing", "may continue to back".
func (d *doc) modality(h hit, subj []mention) dipgraph.Modality {
	lw := h.s.lw
	start := h.from - 8
	for _, m := range subj {
		start = min(start, m.from-4)
	}
	start = max(start, 0)
	skip := d.asides(h.s)
	best, bestAt, negated := dipgraph.Asserted, -1, false
	for j := start; j < h.from; j++ {
		if skip[j] && !skip[h.from] {
			continue
		}
		if d.g.is("boundary", lw[j]) && j > start {
			best, bestAt, negated = dipgraph.Asserted, -1, false
			continue
		}
		if d.g.classAt("keep", lw, j) > 0 {
			negated = false
		}
		if d.g.is("aspect", lw[j]) && (j+1 == h.from || j+2 == h.from && lw[j+1] == "to") {
			best, bestAt, negated = dipgraph.Asserted, j, false
		}
		if mod, n := d.g.modality.match(lw, j); n > 0 {
			if mod == dipgraph.Negated {
				negated = true
			} else if j >= bestAt {
				best, bestAt = mod, j
			}
		}
	}
	if negated {
		return dipgraph.Negated
	}
	return best
}

// dateOf is the date of the expression nearest the trigger that says when
// something happened (not "since", not the day it was reported). vague
// reports an expression whose date is unknown ("on Friday" in an undated
// article): the fact has a date, just not one the text resolves.
func (d *doc) dateOf(h hit) (date day, vague bool) {
	skip := d.asides(h.s)
	dist := 1 << 30
	for _, e := range h.s.dates {
		if e.since || e.report || skip[e.from] != skip[h.from] {
			continue
		}
		k := min(abs(e.from-h.to), abs(h.from-e.to))
		if k < dist {
			date, dist = e.value, k
		}
	}
	return date, dist < 1<<30 && date.precision == 0
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// placeOf is where the sentence says the event happened: the nearest
// location after a locative preposition.
func (d *doc) placeOf(h hit) string {
	best, dist := "", 1<<30
	for _, m := range h.s.mentions {
		if !m.locative(d.g) || m.prep == "to" || m.prep == "from" || len(m.ids) != 1 {
			continue
		}
		if m.label != dipgraph.Place && m.label != dipgraph.Country {
			continue
		}
		k := min(abs(m.from-h.to), abs(h.from-m.to))
		if k < dist {
			best, dist = m.id(), k
		}
	}
	return best
}
