package extract

import (
	"bufio"
	"embed"
	"fmt"
	"regexp"
	"strings"

	"github.com/dipgraph/dipgraph"
)

//go:embed data/*.tsv data/*.txt
var dataFS embed.FS

// termKind says what a gazetteer phrase names.
type termKind uint8

const (
	termName      termKind = iota // the actor itself: "Russia", "NATO", "Raqqa"
	termAdjective                 // "Russian": modifies a noun, names the country
	termDemonym                   // "Russians"
	termMetonym                   // "Moscow", "the Kremlin": the government, or the place
)

// def is an actor the gazetteer knows.
type def struct {
	id, name string
	label    dipgraph.Label
	country  string // ISO3 the actor belongs to
	orgKind  string // for organizations: intl, armed, gov, media, ... (media report events, they are no party to them)
}

type term struct {
	kind termKind
	def  *def
}

// title is an office or honorific that may stand before a name.
type title struct {
	role string
	kind string // head, member, counterpart, honorific
}

// rule is a relation trigger of relations.tsv.
type rule struct {
	typ   dipgraph.RelationType
	cameo string
	frame string
	words []string
}

// phraseIndex finds the longest phrase starting at a token: a trie of
// words, so that matching allocates nothing.
type phraseIndex[V any] struct {
	root  phraseNode[V]
	byKey map[string]V // the phrases by their space-joined words
}

type phraseNode[V any] struct {
	next  map[string]*phraseNode[V]
	value V
	set   bool
}

func newPhraseIndex[V any]() *phraseIndex[V] {
	return &phraseIndex[V]{byKey: map[string]V{}}
}

// add stores v for a phrase; the first value stored for a phrase stays.
func (x *phraseIndex[V]) add(words []string, v V) {
	if len(words) == 0 {
		return
	}
	n := &x.root
	for _, w := range words {
		if n.next == nil {
			n.next = map[string]*phraseNode[V]{}
		}
		c := n.next[w]
		if c == nil {
			c = &phraseNode[V]{}
			n.next[w] = c
		}
		n = c
	}
	if n.set {
		return
	}
	n.value, n.set = v, true
	x.byKey[strings.Join(words, " ")] = v
}

// set replaces the value of a stored phrase.
func (x *phraseIndex[V]) set(words []string, v V) {
	n := &x.root
	for _, w := range words {
		n = n.next[w]
	}
	n.value = v
	x.byKey[strings.Join(words, " ")] = v
}

// match returns the value and length of the longest phrase at words[i:].
func (x *phraseIndex[V]) match(words []string, i int) (V, int) {
	var best V
	n, length := &x.root, 0
	for k := i; k >= 0 && k < len(words) && n.next != nil; k++ {
		c := n.next[words[k]]
		if c == nil {
			break
		}
		n = c
		if n.set {
			best, length = n.value, k-i+1
		}
	}
	return best, length
}

// gazetteer is everything the rules know, read once from the embedded data
// files.
type gazetteer struct {
	terms     *phraseIndex[term]   // case-sensitive
	titles    *phraseIndex[title]  // lower case
	groups    *phraseIndex[string] // lower case nouns; affiliations are case-sensitive
	rules     *phraseIndex[[]rule] // lower case
	modality  *phraseIndex[dipgraph.Modality]
	classes   map[string]*phraseIndex[bool] // words.tsv, lower case
	suffixes  map[string]dipgraph.Label
	countries map[string]*def // by ISO3
	places    map[string]*def // by name, for metonyms used as places
	persons   map[string]*def // by every name and alias news uses
}

var abbreviations = map[string]bool{}

// lineCue is a pattern of lines.tsv.
type lineCue struct {
	kind blockKind
	re   *regexp.Regexp
}

func (c lineCue) match(line string) bool { return c.re.MatchString(line) }

var lineCues []lineCue

func words(phrase string) []string {
	toks := tokenize(phrase, 0, nil)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.text
	}
	return out
}

func lowerWords(phrase string) []string { return words(strings.ToLower(phrase)) }

// readTable calls fn with the fields of every data line of an embedded TSV
// file, after its header; it checks the column count against the header.
func readTable(name string, fn func(f []string) error) error {
	f, err := dataFS.Open("data/" + name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	cols := 0
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if cols == 0 && !strings.HasSuffix(name, ".txt") && !headerless[name] {
			cols = len(fields)
			continue
		}
		if cols > 0 && len(fields) != cols {
			return fmt.Errorf("%s:%d: %d fields, want %d", name, n, len(fields), cols)
		}
		if err := fn(fields); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	return sc.Err()
}

// headerless data files start with data, their format is in a comment.
var headerless = map[string]bool{
	"titles.tsv": true, "groups.tsv": true, "relations.tsv": true, "modality.tsv": true,
	"words.tsv": true, "suffixes.tsv": true, "lines.tsv": true,
}

func split(field string) []string {
	if field == "" {
		return nil
	}
	return strings.Split(field, "|")
}

func loadGazetteer() (*gazetteer, error) {
	g := &gazetteer{
		terms:     newPhraseIndex[term](),
		titles:    newPhraseIndex[title](),
		groups:    newPhraseIndex[string](),
		rules:     newPhraseIndex[[]rule](),
		modality:  newPhraseIndex[dipgraph.Modality](),
		classes:   map[string]*phraseIndex[bool]{},
		suffixes:  map[string]dipgraph.Label{},
		countries: map[string]*def{},
		places:    map[string]*def{},
		persons:   map[string]*def{},
	}
	steps := []struct {
		file string
		fn   func([]string) error
	}{
		{"abbreviations.txt", func(f []string) error { abbreviations[f[0]] = true; return nil }},
		{"lines.tsv", g.addLineCue},
		{"countries.tsv", g.addCountry},
		{"organizations.tsv", g.addOrganization},
		{"places.tsv", g.addPlace},
		{"persons.tsv", g.addPerson},
		{"titles.tsv", func(f []string) error { g.titles.add(lowerWords(f[0]), title{role: f[1], kind: f[2]}); return nil }},
		{"groups.tsv", g.addGroupWord},
		{"relations.tsv", g.addRule},
		{"modality.tsv", func(f []string) error {
			g.modality.add(lowerWords(f[1]), dipgraph.Modality(f[0]))
			return nil
		}},
		{"words.tsv", g.addClassWord},
		{"suffixes.tsv", func(f []string) error { g.suffixes[f[0]] = dipgraph.Label(f[1]); return nil }},
	}
	for _, s := range steps {
		if err := readTable(s.file, s.fn); err != nil {
			return nil, fmt.Errorf("gazetteer: %w", err)
		}
	}
	return g, nil
}

func (g *gazetteer) addLineCue(f []string) error {
	kinds := map[string]blockKind{"caption": captionBlock, "credit": creditBlock}
	k, ok := kinds[f[0]]
	if !ok {
		return fmt.Errorf("unknown line kind %q", f[0])
	}
	re, err := regexp.Compile(f[1])
	if err != nil {
		return err
	}
	lineCues = append(lineCues, lineCue{kind: k, re: re})
	return nil
}

func (g *gazetteer) addCountry(f []string) error {
	d := &def{id: "country:" + f[0], name: f[1], label: dipgraph.Country, country: f[0]}
	g.countries[f[0]] = d
	for _, n := range append([]string{f[1]}, split(f[2])...) {
		g.terms.add(words(n), term{termName, d})
	}
	for _, a := range split(f[3]) {
		g.terms.add(words(a), term{termAdjective, d})
	}
	for _, a := range split(f[4]) {
		g.terms.add(words(a), term{termDemonym, d})
	}
	for _, m := range split(f[6]) {
		g.terms.add(words(m), term{termMetonym, d})
	}
	return nil
}

func (g *gazetteer) addOrganization(f []string) error {
	d := &def{id: "org:" + f[0], name: f[1], label: dipgraph.Organization, country: f[4], orgKind: f[5]}
	for _, n := range append([]string{f[1]}, split(f[3])...) {
		g.terms.add(words(n), term{termName, d})
	}
	return nil
}

func (g *gazetteer) addPlace(f []string) error {
	d := &def{id: "place:" + slug(f[0]), name: f[0], label: dipgraph.Place, country: f[1]}
	g.places[f[0]] = d
	for _, n := range append([]string{f[0]}, split(f[2])...) {
		g.terms.add(words(n), term{termName, d})
	}
	return nil
}

func (g *gazetteer) addPerson(f []string) error {
	d := &def{id: "person:" + f[0], name: f[1], label: dipgraph.Person, country: f[3]}
	for _, n := range append([]string{f[1]}, split(f[2])...) {
		if _, dup := g.persons[n]; !dup {
			g.persons[n] = d
		}
	}
	return nil
}

// placeOf is the place a metonym names when it is used as a location:
// "in Moscow" is the city, not Russia; it lies in country, the one the
// metonym stands for, unless the gazetteer says where. It only reads the
// gazetteer, which extraction workers share: a place it lacks, or one
// without a country, is a new def for the caller alone.
func (g *gazetteer) placeOf(surface, country string) *def {
	name := strings.TrimPrefix(surface, "the ")
	d, ok := g.places[name]
	if !ok {
		return &def{id: "place:" + slug(name), name: name, label: dipgraph.Place, country: country}
	}
	if d.country == "" {
		c := *d
		c.country = country
		return &c
	}
	return d
}

func (g *gazetteer) addGroupWord(f []string) error {
	if f[1] == "affiliation" {
		g.groups.add(words(f[0]), f[1])
		return nil
	}
	g.groups.add(lowerWords(f[0]), f[1])
	return nil
}

func (g *gazetteer) addRule(f []string) error {
	t := dipgraph.RelationType(f[0])
	if !t.Valid() {
		return fmt.Errorf("unknown relation type %q", f[0])
	}
	for _, phrase := range split(f[3]) {
		w := lowerWords(phrase)
		r := rule{typ: t, cameo: strings.TrimPrefix(f[1], "-"), frame: f[2], words: w}
		key := strings.Join(w, " ")
		if rs, ok := g.rules.byKey[key]; ok {
			g.rules.set(w, append(rs, r))
			continue
		}
		g.rules.add(w, []rule{r})
	}
	return nil
}

func (g *gazetteer) addClassWord(f []string) error {
	x := g.classes[f[0]]
	if x == nil {
		x = newPhraseIndex[bool]()
		g.classes[f[0]] = x
	}
	x.add(lowerWords(f[1]), true)
	return nil
}

// is reports whether the lower-case word w belongs to class.
func (g *gazetteer) is(class, w string) bool {
	x := g.classes[class]
	return x != nil && x.byKey[w]
}

// classAt returns the length of the phrase of class starting at lw[i].
func (g *gazetteer) classAt(class string, lw []string, i int) int {
	x := g.classes[class]
	if x == nil {
		return 0
	}
	_, n := x.match(lw, i)
	return n
}
