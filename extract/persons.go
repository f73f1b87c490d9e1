package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/dipgraph/dipgraph"
)

// office is a role a person holds in a country or organization, as the
// article reports it.
type office struct {
	of       string // actor id of the country or organization
	role     string
	kind     string // head or member
	sentence int
}

// personName is a name seen in the first pass, before names are merged
// into persons.
type personName struct {
	name    string
	offices []office
	// firm is set when the text shows the name is a person's: a title, a
	// full name, a government of his own, or speech. A capitalised word
	// seen alone and never so is a person only if it recurs.
	firm    bool
	singles int
	// surname is set when an honorific stands before the name ("Mr.
	// Kim"): a single word so seen is a family name, never a given name.
	surname bool
}

// collectNames is the first pass over a sentence: it finds the names of
// persons, from titles ("Turkish President Recep Tayyip Erdogan"), from
// appositions ("Hu Jintao, the President of China") and from runs of
// capitalised words, and the offices the text gives them.
func (d *doc) collectNames(si int) {
	s := d.sents[si]
	w, lw := s.w, s.lw
	for i := 0; i < len(w); i++ {
		if t, n := d.g.titles.match(lw, i); n > 0 {
			j := i + n
			if run := d.nameRun(w, j); run > 0 && isNameWord(w[j]) {
				name := strings.Join(w[j:j+run], " ")
				of := d.officeBefore(w, lw, i)
				d.addName(name, t, of, si, d.headRole(si))
				i = j + run - 1
				continue
			}
			if of, k := d.ofCountry(w, j); of != "" {
				k2 := k
				if k2 < len(w) && w[k2] == "," {
					k2++
				}
				if run := d.nameRun(w, k2); run > 0 && isNameWord(w[k2]) {
					d.addName(strings.Join(w[k2:k2+run], " "), t, of, si, "")
					i = k2 + run - 1
					continue
				}
			}
			// "his Russian counterpart, Vladimir Putin,": an apposition
			// names the holder of a role.
			if j+1 < len(w) && w[j] == "," {
				if run := d.nameRun(w, j+1); run > 0 && isNameWord(w[j+1]) {
					d.addName(strings.Join(w[j+1:j+1+run], " "), t, d.officeBefore(w, lw, i), si, d.headRole(si))
					i = j + run
					continue
				}
			}
			i = j - 1
			continue
		}
		if _, n := d.g.terms.match(w, i); n > 0 {
			i += n - 1
			continue
		}
		if n := d.orgOfRun(w, i); n > 0 {
			i += n - 1
			continue
		}
		if notNames[w[i]] || !isNameWord(w[i]) || (i > 0 && w[i-1] == "the") {
			continue
		}
		run := d.nameRun(w, i)
		if run == 1 && singleName(s, i) && d.g.suffixes[w[i]] == "" && !(i+1 < len(w) && d.g.suffixes[w[i+1]] != "") {
			d.addSingle(w[i], d.actsAt(lw, i+1))
			continue
		}
		if run < 2 || d.g.suffixes[w[i+run-1]] != "" || (i+run < len(w) && d.g.suffixes[w[i+run]] != "") {
			i += max(run, 1) - 1
			continue
		}
		name := strings.Join(w[i:i+run], " ")
		// "Hu Jintao, the President of China"
		k := i + run
		var t title
		of := ""
		if k+2 < len(w) && w[k] == "," {
			k++
			if lw[k] == "the" {
				k++
			}
			if tt, n := d.g.titles.match(lw, k+adjLen(d, w, k)); n > 0 {
				t = tt
				of = d.officeBefore(w, lw, k+adjLen(d, w, k))
				if o, _ := d.ofCountry(w, k+adjLen(d, w, k)+n); o != "" {
					of = o
				}
			}
		}
		d.addName(name, t, of, si, "")
		i += run - 1
	}
}

// singleName reports whether the capitalised word w[i], alone, reads as
// a name: not opening a sentence or a quote (where any word is
// capitalised), and not a plural of peoples or creeds ("Republicans",
// "Islamists", "Shiites"). An apostrophe glued to the word before it
// ends an elision ("good ol' Boris"), it opens no quote.
func singleName(s *sent, i int) bool {
	w := s.w
	if i == 0 {
		return false
	}
	switch w[i-1] {
	case "'":
		if i < 2 || s.tokens[i-1].start != s.tokens[i-2].end || !isLowerWord(w[i-2]) {
			return false
		}
	case `"`, "(", ":", ";", ".":
		return false
	case "-":
		// "the Clinton - Trump debate": a pair of names, not a new clause.
		if i < 2 || !isNameWord(w[i-2]) {
			return false
		}
	}
	for _, suffix := range []string{"ans", "ists", "ites", "ese", "ish"} {
		if strings.HasSuffix(w[i], suffix) {
			return false
		}
	}
	return true
}

// isLowerWord reports whether w is a word in lower-case letters.
func isLowerWord(w string) bool {
	for _, c := range w {
		if !unicode.IsLower(c) {
			return false
		}
	}
	return w != ""
}

// adjLen is 1 if w[k] is a country adjective, else 0.
func adjLen(d *doc, w []string, k int) int {
	if k < len(w) {
		if t, n := d.g.terms.match(w, k); n == 1 && t.kind == termAdjective {
			return 1
		}
	}
	return 0
}

// officeBefore finds what the title at w[i] is an office of: a country
// adjective ("Turkish President"), a possessive ("Russia's President") or
// an organization ("NATO Secretary-General").
func (d *doc) officeBefore(w, lw []string, i int) string {
	if i > 0 {
		for l := 1; l <= 6 && l <= i; l++ {
			if t, n := d.g.terms.match(w, i-l); n == l {
				if t.kind == termAdjective || (t.kind == termName && t.def.label != dipgraph.Place) {
					return d.remember(t.def)
				}
			}
		}
	}
	if i > 1 && lw[i-1] == "'s" {
		for l := 1; l <= 6 && l < i; l++ {
			if t, n := d.g.terms.match(w, i-1-l); n == l && t.def.label != dipgraph.Place {
				return d.remember(t.def)
			}
		}
	}
	return ""
}

// ofCountry reads "of Russia" / "of the People's Republic of China" at
// w[j] and returns the actor and the index after it.
func (d *doc) ofCountry(w []string, j int) (string, int) {
	if j >= len(w) || w[j] != "of" {
		return "", j
	}
	k := j + 1
	if k < len(w) && w[k] == "the" {
		k++
	}
	if k < len(w) {
		if t, n := d.g.terms.match(w, k); n > 0 && t.kind == termName && t.def.label != dipgraph.Place {
			return d.remember(t.def), k + n
		}
	}
	return "", j
}

// headRole is the role of the first head of state or government titled in
// the sentence: what "his counterpart" holds too.
func (d *doc) headRole(si int) string {
	s := d.sents[si]
	for i := range s.lw {
		if t, n := d.g.titles.match(s.lw, i); n > 0 && t.kind == "head" && t.role != "Leader" {
			return t.role
		}
	}
	return ""
}

func (d *doc) addName(name string, t title, of string, si int, counterpartRole string) {
	p := d.name(name)
	p.firm = true
	p.surname = p.surname || t.kind == "honorific"
	kind, role := t.kind, t.role
	if kind == "counterpart" {
		kind, role = "head", counterpartRole
		if role == "" {
			role = "Leader"
		}
	}
	if of != "" && (kind == "head" || kind == "member") {
		p.offices = append(p.offices, office{of: of, role: role, kind: kind, sentence: si})
	}
}

func (d *doc) name(name string) *personName {
	p := d.names[name]
	if p == nil {
		p = &personName{name: name}
		d.names[name] = p
		d.nameOrder = append(d.nameOrder, name)
	}
	return p
}

// actsAt reports whether lw[j] starts what a person does: speech ("Trump
// said"), a relation trigger ("Reagan negotiated"), an auxiliary ("Obama
// has"), or a possessive of his government, forces or staff ("Abedin's
// lawyers").
func (d *doc) actsAt(lw []string, j int) bool {
	if j >= len(lw) {
		return false
	}
	if d.g.is("speech", lw[j]) || d.g.is("adverb", lw[j]) {
		return true
	}
	if lw[j] == "-" && j+2 < len(lw) {
		// "the Clinton - Trump debate": the pair acts together.
		return d.actsAt(lw, j+2)
	}
	if _, n := d.g.rules.match(lw, j); n > 0 {
		return true
	}
	if lw[j] == "'s" {
		cls, n := d.g.groups.match(lw, j+1)
		return n > 0 && (cls == "government" || cls == "military" || cls == "staff")
	}
	return false
}

// addSingle counts a capitalised word seen alone mid-sentence; acting
// right after it makes it a person's name.
func (d *doc) addSingle(name string, speaks bool) {
	p := d.name(name)
	p.singles++
	p.firm = p.firm || speaks
}

// surname is the last word of a name without an Arabic article:
// "Bashar al-Assad" -> "Assad".
func surname(name string) string {
	ws := strings.Fields(name)
	last := ws[len(ws)-1]
	if i := strings.IndexByte(last, '-'); i > 0 && nameParticles[strings.ToLower(last[:i])] {
		last = last[i+1:]
	}
	return last
}

// firstName is the given name of a full name of two or three words
// ("Boris Yeltsin" -> "Boris"), or "" when the name has no clear given name.
func firstName(name string) string {
	ws := strings.Fields(name)
	if len(ws) < 2 || len(ws) > 3 || len(ws[0]) < 3 || strings.HasSuffix(ws[0], ".") {
		return ""
	}
	return ws[0]
}

// personID normalises a full name so that spellings with and without
// particles meet: "Bashar al-Assad" and "Bashar Assad" are one person.
func personID(name string) string {
	var parts []string
	for _, w := range strings.Fields(name) {
		if i := strings.IndexByte(w, '-'); i > 0 && (strings.EqualFold(w[:i], "al") || strings.EqualFold(w[:i], "el")) {
			w = w[i+1:]
		}
		if strings.EqualFold(w, "al") || strings.EqualFold(w, "el") {
			continue
		}
		parts = append(parts, w)
	}
	return "person:" + slug(strings.Join(parts, " "))
}

// buildPersons merges the names of the first pass into persons: a single
// word that is the surname of exactly one longer name is that person.
func (d *doc) buildPersons() {
	names := append([]string(nil), d.nameOrder...)
	sort.SliceStable(names, func(i, j int) bool {
		return len(strings.Fields(names[i])) > len(strings.Fields(names[j]))
	})
	bySurname := map[string][]*actorState{}
	// A single word that is the given name of exactly one person the text
	// or the gazetteer shows is one (a known person, or one with an
	// office), and the surname of none, is that person: "Good ol' Boris"
	// for Boris Yeltsin.
	byFirst := map[string][]*actorState{}
	for _, name := range names {
		pn := d.names[name]
		var a *actorState
		known := d.g.persons[name]
		if known != nil {
			// A person news names in several forms has one id everywhere.
			a = d.actorFor(known)
			a.alias(name)
		} else if !strings.Contains(name, " ") {
			if cands := bySurname[name]; len(cands) == 1 {
				a = cands[0]
				a.alias(name)
			} else if cands := byFirst[name]; len(cands) == 1 && len(bySurname[name]) == 0 && !pn.surname {
				a = cands[0]
			}
		}
		if a == nil && !pn.firm && pn.singles < 2 {
			continue
		}
		if a == nil {
			a = d.actorFor(&def{id: personID(name), name: name, label: dipgraph.Person})
		}
		if sn := surname(name); strings.Contains(name, " ") && !slices.Contains(bySurname[sn], a) {
			bySurname[sn] = append(bySurname[sn], a)
		}
		if fn := firstName(name); fn != "" && (known != nil || len(pn.offices) > 0) && !slices.Contains(byFirst[fn], a) {
			byFirst[fn] = append(byFirst[fn], a)
		}
		d.personByName[name] = a
		a.offices = append(a.offices, pn.offices...)
	}
	for sn, cands := range bySurname {
		if len(cands) == 1 {
			if _, taken := d.personByName[sn]; !taken {
				d.personByName[sn] = cands[0]
			}
		}
	}
	for _, a := range d.actors {
		for _, o := range a.offices {
			if od := d.defs[o.of]; od != nil && od.label == dipgraph.Country && a.Country == "" {
				a.Country = od.country
			}
		}
	}
}
