// Package extract turns news articles into dipgraph records with rules:
// gazetteers and trigger patterns kept as data files, applied to tokens,
// with prose's part-of-speech tagger consulted only where a rule cannot
// tell a verb from a noun. It needs no network and no model download, and
// the same input always gives the same record.
package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/dipgraph/dipgraph"
)

// Extractor turns articles into records. It is safe for concurrent use;
// build one per process, since loading the gazetteer and the tagger's
// model is the expensive part.
type Extractor struct {
	g *gazetteer
}

var (
	loadOnce sync.Once
	loaded   *gazetteer
	loadErr  error
)

// New returns an Extractor with the embedded gazetteers and prose's
// tagging model, both loaded once per process.
func New() (*Extractor, error) {
	loadOnce.Do(func() { loaded, loadErr = loadGazetteer() })
	if loadErr != nil {
		return nil, loadErr
	}
	return &Extractor{g: loaded}, nil
}

// actorState is an actor of one article while it is being read.
type actorState struct {
	dipgraph.Actor
	aliases map[string]bool
	offices []office
	seen    bool // mentioned outside credits
}

func (a *actorState) alias(s string) {
	s = strings.TrimSpace(s)
	if s != "" && s != a.Name {
		a.aliases[s] = true
	}
}

// sent is a sentence with its words and what the passes found in it.
type sent struct {
	sentence
	w, lw    []string
	rstart   int // code-point offsets of the sentence, for evidence
	rend     int
	mentions []mention
	dates    []dateExpr
}

// doc is one article while it is being read.
type doc struct {
	x            *Extractor
	g            *gazetteer
	art          dipgraph.Article
	text         string
	runes        []rune // the original text as code points, when normalising changed bytes
	sents        []*sent
	ref          day
	defs         map[string]*def
	actors       map[string]*actorState
	names        map[string]*personName
	nameOrder    []string
	personByName map[string]*actorState
	recent       []string // person ids in order of mention, for pronouns and "the two men"
	relations    []candidate
	meetings     []*meetingCand
}

func (d *doc) remember(df *def) string {
	if d.defs[df.id] == nil {
		d.defs[df.id] = df
	}
	return df.id
}

// actorFor returns the article's actor for a definition, creating it.
func (d *doc) actorFor(df *def) *actorState {
	d.remember(df)
	if a := d.actors[df.id]; a != nil {
		return a
	}
	a := &actorState{
		Actor:   dipgraph.Actor{ID: df.id, Label: df.label, Name: df.name, Country: df.country},
		aliases: map[string]bool{},
	}
	d.actors[df.id] = a
	return a
}

// Extract reads one article into a record.
func (x *Extractor) Extract(a dipgraph.Article) dipgraph.Record {
	d := &doc{
		x: x, g: x.g, art: a,
		defs:         map[string]*def{},
		actors:       map[string]*actorState{},
		names:        map[string]*personName{},
		personByName: map[string]*actorState{},
	}
	d.text = normalize(a.Text)
	sentences, dl := segment(d.text)
	if d.art.Source == "" {
		d.art.Source = dl.source
	}
	for _, s := range sentences {
		ws := make([]string, len(s.tokens))
		lws := make([]string, len(s.tokens))
		for i, t := range s.tokens {
			ws[i] = t.text
			lws[i] = strings.ToLower(t.text)
		}
		d.sents = append(d.sents, &sent{sentence: s, w: ws, lw: lws})
	}
	d.setRuneOffsets()
	d.ref = d.referenceDate()
	for i := range d.sents {
		d.collectNames(i)
	}
	d.buildPersons()
	for i, s := range d.sents {
		d.findMentions(i)
		s.dates = findDates(s.w, s.lw, d.ref, func(w string) bool { return d.g.is("speech", w) })
	}
	for i, s := range d.sents {
		if s.kind == bodyBlock || s.kind == headlineBlock {
			d.findRelations(i)
		}
		d.meetingReferences(i)
	}
	return d.record()
}

// referenceDate is what relative dates resolve against: the publication
// date, else the latest full date the article states.
func (d *doc) referenceDate() day {
	if r := parseISO(d.art.Published); r.precision > 0 {
		return r
	}
	var best day
	for _, s := range d.sents {
		for _, e := range findDates(s.w, s.lw, day{}, func(string) bool { return false }) {
			if e.value.precision == 3 && e.value.t.After(best.t) {
				best = e.value
			}
		}
	}
	return best
}

// slug makes an id part of a name: lower case ASCII words joined by "-".
func slug(s string) string {
	s = norm.NFKD.String(s)
	var b strings.Builder
	dash := false
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		case r == '\'':
		default:
			dash = true
		}
	}
	return b.String()
}

func shortHash(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}
