package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dipgraph/dipgraph"
)

type mentionKind uint8

const (
	mName      mentionKind = iota // a proper name, or a noun phrase that stands for the actor
	mAdjective                    // "Russian conflict": names a country but cannot act
	mNominal                      // "the Russian leader": a role that stands for a person
	mPronoun                      // "he", "his"
	mPlural                       // "the two men", "the nations": several actors
)

// mention is a span of a sentence's tokens that refers to actors.
type mention struct {
	from, to int      // token span
	ids      []string // one actor, or several for plurals and adjective pairs
	kind     mentionKind
	label    dipgraph.Label
	prep     string // the preposition before it, lower case
	prepAt   int    // the preposition's token
	poss     bool   // followed by 's
	head     string // the group class of the noun after a possessive or adjective
	conf     float64
}

func (m mention) id() string { return m.ids[0] }

// locative reports whether the mention is a location ("in Moscow") rather
// than a party.
func (m mention) locative(g *gazetteer) bool {
	return m.prep != "" && g.is("locative", m.prep)
}

// isNameWord reports whether a token can be part of a person's name:
// capitalised with lower-case letters ("Putin", "al-Assad", "O'Brien").
func isNameWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		if i := strings.IndexByte(w, '-'); i > 0 && i <= 3 && i+1 < len(w) {
			r2, _ := utf8.DecodeRuneInString(w[i+1:])
			return nameParticles[w[:i]] && unicode.IsUpper(r2)
		}
		return false
	}
	hasLower := false
	for _, c := range w {
		if unicode.IsLower(c) {
			hasLower = true
		} else if !unicode.IsLetter(c) && c != '-' && c != '\'' && c != '.' {
			return false
		}
	}
	return hasLower
}

// nameParticles may stand inside a name in lower case.
var nameParticles = map[string]bool{
	"al": true, "el": true, "bin": true, "ibn": true, "bint": true, "de": true, "da": true, "do": true,
	"dos": true, "das": true, "del": true, "della": true, "di": true, "van": true, "von": true,
	"der": true, "den": true, "la": true, "le": true, "ul": true, "abu": true, "ben": true,
}

// notNames are capitalised words that start sentences or name calendar
// days but never start a person's name.
var notNames = map[string]bool{
	"The": true, "A": true, "An": true, "In": true, "On": true, "At": true, "But": true, "And": true,
	"If": true, "As": true, "After": true, "When": true, "While": true, "Since": true, "For": true,
	"With": true, "This": true, "That": true, "These": true, "Those": true, "It": true, "He": true,
	"She": true, "They": true, "We": true, "I": true, "His": true, "Her": true, "Their": true,
	"Our": true, "Its": true, "Now": true, "Then": true, "Mr": true, "Mrs": true, "Ms": true,
	"Last": true, "Next": true, "During": true, "Before": true, "Under": true, "Over": true,
	"From": true, "To": true, "By": true, "Of": true, "Many": true, "Some": true, "All": true,
	"Both": true, "Other": true, "Such": true, "Also": true, "However": true, "Meanwhile": true,
	"Yet": true, "Still": true, "Although": true, "Though": true, "Despite": true, "Even": true,
	"Added": true, "According": true, "Correction": true, "Positive": true, "There": true,
	"What": true, "Who": true, "Why": true, "How": true, "Where": true, "Earlier": true, "Later": true,
}

// orgOfRun returns the length of an organization named "HEAD of NAME" at
// w[i], where HEAD is a word that ends organization names ("Department of
// Justice", "Ministry of Foreign Affairs", "Bank of England"), or 0.
func (d *doc) orgOfRun(w []string, i int) int {
	if d.g.suffixes[w[i]] != dipgraph.Organization || i+2 >= len(w) || w[i+1] != "of" {
		return 0
	}
	j := i + 2
	if w[j] == "the" {
		j++
	}
	k := j
	for k < len(w) && isNameWord(w[k]) {
		k++
	}
	if k == j {
		return 0
	}
	return k - i
}

// nameRun returns the length of the person-name run at w[i]: name words and
// lower-case particles between them, at most five words, ending in a name
// word and not running into a gazetteer term.
func (d *doc) nameRun(w []string, i int) int {
	n := 0
	for k := i; k < len(w) && k-i < 5; k++ {
		if _, l := d.g.terms.match(w, k); l > 0 && k > i {
			break
		}
		_, month := months[w[k]]
		_, weekday := weekdays[w[k]]
		if isNameWord(w[k]) && !month && !weekday {
			n = k - i + 1
			continue
		}
		if nameParticles[w[k]] && k > i {
			continue
		}
		break
	}
	return n
}

// findMentions is the second pass over a sentence: every span that refers
// to an actor, resolved against the persons of the first pass, in order
// and without overlap.
func (d *doc) findMentions(si int) {
	s := d.sents[si]
	w, lw := s.w, s.lw
	for i := 0; i < len(w); {
		m, ok := d.mentionAt(s, i)
		if !ok {
			i++
			continue
		}
		m.from = i
		if m.from > 0 {
			k := m.from - 1
			if k > 0 && (lw[k] == "the" || lw[k] == "a" || lw[k] == "an") {
				k--
			}
			if d.g.is("prep", lw[k]) {
				m.prep, m.prepAt = lw[k], k
			}
		}
		if m.to < len(w) && lw[m.to] == "'s" {
			m.poss = true
			if cls, n := d.g.groups.match(lw, m.to+1); n > 0 && (cls == "government" || cls == "military" || cls == "staff") {
				m.head, m.to = cls, m.to+1+n
			}
		}
		if len(m.ids) > 0 {
			d.note(s, m)
			s.mentions = append(s.mentions, m)
		}
		i = m.to
	}
}

// note records what a mention tells the article: the actor was seen under
// this surface form, and is the latest person for pronouns.
func (d *doc) note(s *sent, m mention) {
	surface := strings.Join(s.w[m.from:m.to], " ")
	surface = strings.ReplaceAll(surface, " 's", "'s")
	for _, id := range m.ids {
		a := d.actors[id]
		if a == nil {
			continue
		}
		if s.kind != creditBlock {
			a.seen = true
		}
		if len(m.ids) == 1 && m.kind != mPronoun && m.kind != mAdjective {
			a.alias(surface)
		}
		if a.Label == dipgraph.Person && m.kind != mPlural {
			d.recent = append(d.recent, id)
		}
	}
}

// mentionAt reads the mention starting at token i, trying the readings
// from the most specific to the least.
func (d *doc) mentionAt(s *sent, i int) (mention, bool) {
	w, lw := s.w, s.lw
	if n := d.g.classAt("plural-person", lw, i); n > 0 {
		want := 2
		if strings.Contains(strings.Join(lw[i:i+n], " "), "three") {
			want = 3
		}
		return mention{to: i + n, ids: d.recentPersons(want), kind: mPlural, label: dipgraph.Person, conf: 0.8}, true
	}
	if n := d.g.classAt("plural-country", lw, i); n > 0 {
		return mention{to: i + n, ids: d.recentCountries(s), kind: mPlural, label: dipgraph.Country, conf: 0.8}, true
	}
	if m, ok := d.personAt(s, i); ok {
		return m, true
	}
	if d.g.is("pronoun", lw[i]) && !(i > 0 && lw[i-1] == "the") {
		if id := d.antecedent(s); id != "" {
			return mention{to: i + 1, ids: []string{id}, kind: mPronoun, label: dipgraph.Person, conf: 0.7}, true
		}
		return mention{}, false
	}
	if m, ok := d.groupAt(s, i); ok {
		return m, true
	}
	if t, n := d.g.terms.match(w, i); n > 0 {
		return d.termMention(s, i, n, t), true
	}
	if m, ok := d.adjectivePair(w, i); ok {
		return m, true
	}
	if n := d.orgOfRun(w, i); n > 0 {
		name := strings.Join(w[i:i+n], " ")
		a := d.actorFor(&def{id: "org:" + slug(name), name: name, label: dipgraph.Organization})
		return mention{to: i + n, ids: []string{a.ID}, kind: mName, label: dipgraph.Organization, conf: 0.8}, true
	}
	if run := d.nameRun(w, i); run > 0 && !notNames[w[i]] {
		if n := d.legalForm(lw, i+run); n > 0 {
			name := strings.Join(w[i:i+run], " ") + ", " + strings.Join(w[i+run+1:i+run+n], " ")
			a := d.actorFor(&def{id: "org:" + slug(name), name: name, label: dipgraph.Organization})
			return mention{to: i + run + n, ids: []string{a.ID}, kind: mName, label: dipgraph.Organization, conf: 0.8}, true
		}
		name := strings.Join(w[i:i+run], " ")
		if p := d.personByName[name]; p != nil {
			conf := 1.0
			if run == 1 {
				conf = 0.95
			}
			return mention{to: i + run, ids: []string{p.ID}, kind: mName, label: dipgraph.Person, conf: conf}, true
		}
		if run >= 2 && !(i > 0 && lw[i-1] == "the" && d.g.suffixes[w[i+run-1]] == "") {
			if lbl := d.g.suffixes[w[i+run-1]]; lbl != "" && lbl.Valid() {
				prefix := "org:"
				if lbl == dipgraph.Place {
					prefix = "place:"
				}
				a := d.actorFor(&def{id: prefix + slug(name), name: name, label: lbl})
				return mention{to: i + run, ids: []string{a.ID}, kind: mName, label: lbl, conf: 0.8}, true
			}
		}
		return mention{to: i + run}, true
	}
	return mention{}, false
}

// legalForm returns the length of ", Ltd." or ", Inc." at lw[j], a
// company's legal form after its name, or 0.
func (d *doc) legalForm(lw []string, j int) int {
	if j+1 >= len(lw) || lw[j] != "," {
		return 0
	}
	if n := d.g.classAt("legal-form", lw, j+1); n > 0 {
		return n + 1
	}
	return 0
}

// personAt reads a titled person ("Syria's President Bashar al-Assad",
// "Turkish President Recep Tayyip Erdogan") or a role nominal that stands
// for one ("the Russian leader", "his Russian counterpart").
func (d *doc) personAt(s *sent, i int) (mention, bool) {
	w, lw := s.w, s.lw
	j := i
	if lw[j] == "the" || lw[j] == "his" || lw[j] == "her" || lw[j] == "their" || lw[j] == "its" {
		j++
	}
	var of *def
	if j < len(w) {
		if t, n := d.g.terms.match(w, j); n > 0 && t.def.label != dipgraph.Place {
			switch {
			case t.kind == termAdjective:
				of, j = t.def, j+n
			case t.kind == termName && j+n < len(w) && lw[j+n] == "'s":
				of, j = t.def, j+n+1
			case t.kind == termName && t.def.label == dipgraph.Organization:
				if _, tn := d.g.titles.match(lw, j+n); tn > 0 {
					of, j = t.def, j+n
				}
			}
		}
	}
	if j >= len(w) {
		return mention{}, false
	}
	t, n := d.g.titles.match(lw, j)
	if n == 0 {
		return mention{}, false
	}
	k := j + n
	if run := d.nameRun(w, k); run > 0 && isNameWord(w[k]) {
		if p := d.personByName[strings.Join(w[k:k+run], " ")]; p != nil {
			return mention{to: k + run, ids: []string{p.ID}, kind: mName, label: dipgraph.Person, conf: 1}, true
		}
	}
	if of == nil || (t.kind != "head" && t.kind != "counterpart") {
		return mention{}, false
	}
	if p := d.holder(of.id); p != nil {
		return mention{to: k, ids: []string{p.ID}, kind: mNominal, label: dipgraph.Person, conf: 0.85}, true
	}
	return mention{}, false
}

// holder is the person the article makes head of a country or body.
func (d *doc) holder(of string) *actorState {
	var found *actorState
	for _, name := range d.nameOrder {
		p := d.personByName[name]
		if p == nil {
			continue
		}
		for _, o := range p.offices {
			if o.of == of && o.kind == "head" {
				if found != nil && found != p {
					return nil
				}
				found = p
			}
		}
	}
	return found
}

// groupAt reads an unnamed collective: "Kurdish militias", "pro-Turkish
// forces", "forces loyal to Assad", "Syrian rebels", "rebels"; or a state's
// forces, which are the state: "Russian troops", "a Russian jet".
func (d *doc) groupAt(s *sent, i int) (mention, bool) {
	w, lw := s.w, s.lw
	var affil *def
	affilName, j := "", i
	if t, n := d.g.terms.match(w, i); n > 0 && (t.kind == termAdjective || t.kind == termName && t.def.label == dipgraph.Country && stateNounAt(d.g, lw, i+n)) {
		affil, affilName, j = t.def, strings.Join(w[i:i+n], " "), i+n
	} else if cls, n := d.g.groups.match(w, i); n > 0 && cls == "affiliation" {
		affilName, j = strings.Join(w[i:i+n], " "), i+n
	} else if pre, rest, ok := strings.Cut(lw[i], "-"); ok && (pre == "pro" || pre == "anti") {
		if t, n := d.g.terms.match([]string{w[i][len(pre)+1:]}, 0); n > 0 && t.kind == termAdjective {
			affilName, j = pre+"-"+w[i][len(pre)+1:], i+1
		} else if rest != "" {
			return mention{}, false
		}
	}
	if j >= len(w) {
		return mention{}, false
	}
	cls, n := d.g.groups.match(lw, j)
	if n == 0 && affil != nil {
		// "Turkish F-16 jets", "U.S. special operations forces"
		k := j
		for k < len(w) && k < j+2 && isForceModifier(lw[k]) {
			k++
		}
		if c, m := d.g.groups.match(lw, k); m > 0 && k > j {
			cls, n, j = c, m, k
		}
	}
	if n == 0 || cls == "affiliation" {
		return mention{}, false
	}
	noun := strings.Join(lw[j:j+n], " ")
	if cls == "forces" {
		// A state's forces are the state; anyone else's are a group.
		cls = "noun"
		if affil != nil {
			cls = "military"
		}
	}
	switch {
	case affil != nil && (cls == "military" || cls == "aircraft" || cls == "government" || cls == "staff"):
		return mention{to: j + n, ids: []string{d.actorFor(affil).ID}, kind: mName, label: dipgraph.Country, head: cls, conf: 0.9}, true
	case cls == "noun" && (affilName != "" || j == i):
		name := noun
		if affilName != "" {
			name = affilName + " " + noun
		}
		to := j + n
		if to+2 < len(w) && lw[to] == "loyal" && lw[to+1] == "to" {
			if run := d.nameRun(w, to+2); run > 0 {
				name += " loyal to " + strings.Join(w[to+2:to+2+run], " ")
				to += 2 + run
			}
		}
		if affilName == "" && j == i && to == j+n && n == 1 && !strings.HasSuffix(noun, "s") {
			return mention{}, false
		}
		country := ""
		if affil != nil {
			country = affil.country
		} else if strings.HasPrefix(affilName, "pro-") {
			if t, n := d.g.terms.match([]string{affilName[4:]}, 0); n > 0 {
				country = t.def.country
			}
		}
		a := d.actorFor(&def{id: "group:" + slug(name), name: name, label: dipgraph.Group, country: country})
		return mention{to: to, ids: []string{a.ID}, kind: mName, label: dipgraph.Group, conf: 0.85}, true
	}
	return mention{}, false
}

// stateNounAt reports whether a state's forces or government are named at
// lw[j]: after a country's name used as a modifier ("U.S. troops").
func stateNounAt(g *gazetteer, lw []string, j int) bool {
	cls, n := g.groups.match(lw, j)
	return n > 0 && (cls == "military" || cls == "aircraft" || cls == "government" || cls == "forces" || cls == "staff")
}

// isForceModifier is a word that may stand between a country adjective and
// its forces: a model designation ("F-16", "Su-24") or a kind of force.
func isForceModifier(w string) bool {
	if strings.ContainsAny(w, "0123456789") {
		return true
	}
	switch w {
	case "special", "operations", "elite", "fighter", "combat", "naval", "ground", "coast", "guard", "marine", "warplane", "attack":
		return true
	}
	return false
}

// termMention turns a gazetteer match into a mention. A metonym used as a
// location is the place ("in Moscow"); used as a party it is the country
// ("Ankara has shifted focus").
func (d *doc) termMention(s *sent, i, n int, t term) mention {
	lw := s.lw
	m := mention{to: i + n, kind: mName, label: t.def.label, conf: 1}
	df := t.def
	switch t.kind {
	case termAdjective:
		m.kind = mAdjective
	case termMetonym:
		prev := ""
		if i > 0 {
			prev = lw[i-1]
		}
		if d.g.is("locative", prev) || (i+n < len(lw) && !unicode.IsUpper(rune(s.w[i+n][0])) && d.g.groups.byKey[lw[i+n]] == "" && isNounLike(lw[i+n])) {
			df = d.g.placeOf(strings.Join(s.w[i:i+n], " "), t.def.country)
			m.label = dipgraph.Place
		} else {
			m.label = dipgraph.Country
			m.conf = 0.9
		}
	}
	if df.label == dipgraph.Organization && i+n < len(lw) {
		if cls, gn := d.g.groups.match(lw, i+n); gn > 0 && (cls == "noun" || cls == "staff") {
			m.to += gn
		}
	}
	m.ids = []string{d.actorFor(df).ID}
	return m
}

// isNounLike is a rough test for a common noun after a city name used as
// a modifier ("an Ankara art gallery").
func isNounLike(w string) bool {
	switch w {
	case "art", "gallery", "hotel", "office", "airport", "court", "summit", "talks", "meeting", "conference", "university", "embassy", "residents", "police", "mayor", "governor":
		return true
	}
	return false
}

// adjectivePair reads "Russian-Turkish": two country adjectives joined
// by a hyphen, naming both countries.
func (d *doc) adjectivePair(w []string, i int) (mention, bool) {
	a, b, ok := strings.Cut(w[i], "-")
	if !ok {
		return mention{}, false
	}
	ta, na := d.g.terms.match([]string{a}, 0)
	tb, nb := d.g.terms.match([]string{b}, 0)
	if na == 0 || nb == 0 || ta.kind != termAdjective || tb.kind != termAdjective || ta.def == tb.def {
		return mention{}, false
	}
	ids := []string{d.actorFor(ta.def).ID, d.actorFor(tb.def).ID}
	return mention{to: i + 1, ids: ids, kind: mAdjective, label: dipgraph.Country, conf: 0.9}, true
}

// antecedent is the person a pronoun in s refers to, when that is
// unambiguous: the one person named before it in its sentence, or, if its
// sentence names none, the one person the sentence before names.
func (d *doc) antecedent(s *sent) string {
	if ids := personsIn(s.mentions); len(ids) > 0 {
		if len(ids) == 1 {
			return ids[0]
		}
		return ""
	}
	for k := len(d.sents) - 1; k > 0; k-- {
		if d.sents[k] == s {
			if ids := personsIn(d.sents[k-1].mentions); len(ids) == 1 {
				return ids[0]
			}
			return ""
		}
	}
	return ""
}

// personsIn lists the distinct persons named (not pronouns or plurals) by
// mentions.
func personsIn(ms []mention) []string {
	var ids []string
	for _, m := range ms {
		if m.label == dipgraph.Person && (m.kind == mName || m.kind == mNominal) && !slices.Contains(ids, m.id()) {
			ids = append(ids, m.id())
		}
	}
	return ids
}

// recentPersons are the last n distinct persons mentioned, oldest first.
func (d *doc) recentPersons(n int) []string {
	var out []string
	for k := len(d.recent) - 1; k >= 0 && len(out) < n; k-- {
		if !slices.Contains(out, d.recent[k]) {
			out = append(out, d.recent[k])
		}
	}
	if len(out) < n {
		return nil
	}
	slices.Reverse(out)
	return out
}

// recentCountries are the countries of the latest earlier sentence that
// names two or more as parties: what "the nations" refers to.
func (d *doc) recentCountries(cur *sent) []string {
	for k := len(d.sents) - 1; k >= 0; k-- {
		s := d.sents[k]
		if s == cur || s.end > cur.start || s.kind == creditBlock {
			continue
		}
		var ids []string
		for _, m := range s.mentions {
			if m.label == dipgraph.Country && !m.locative(d.g) && m.kind != mPlural {
				for _, id := range m.ids {
					if !slices.Contains(ids, id) {
						ids = append(ids, id)
					}
				}
			}
		}
		if len(ids) >= 2 {
			return ids
		}
	}
	return nil
}
