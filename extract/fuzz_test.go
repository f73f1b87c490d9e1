package extract

// Fuzz targets for the article reader, the sentence splitter, the date
// resolver and the whole extractor. Their seeds are in testdata/fuzz; run
// one with, for instance,
//
//	go test -run='^$' -fuzz='^FuzzExtract$' -fuzztime=10m ./extract

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/dipgraph/dipgraph"
)

// FuzzRead reads any bytes as a text file, an HTML file and a JSON Lines
// file: no panic, and every input is either an error or a well-formed
// article.
func FuzzRead(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"a.txt", "a.html"} {
			a, warning, err := textArticle(name, data)
			checkInput(t, Input{Article: a, Where: name, Err: err, Warning: warning}, len(data))
		}
		lines := bytes.Count(data, []byte("\n")) + 1
		n := 0
		readJSONL("a.jsonl", bytes.NewReader(data), func(in Input) bool {
			n++
			if in.Where != "a.jsonl" && !strings.HasPrefix(in.Where, "a.jsonl:") {
				t.Errorf("where = %q, want a.jsonl or a.jsonl:LINE", in.Where)
			}
			checkInput(t, in, len(data))
			return true
		})
		if n > lines {
			t.Errorf("%d inputs from %d lines", n, lines)
		}
		n = 0
		readJSONL("a.jsonl", bytes.NewReader(data), func(Input) bool {
			n++
			return false
		})
		if n > 1 {
			t.Errorf("%d inputs after the reader was told to stop", n)
		}
	})
}

func checkInput(t *testing.T, in Input, size int) {
	t.Helper()
	if in.Err != nil {
		if in.Article != (dipgraph.Article{}) || in.Warning != "" {
			t.Errorf("%s: error %v with an article or a warning: %+v", in.Where, in.Err, in)
		}
		return
	}
	a := in.Article
	switch {
	case a.ID == "":
		t.Errorf("%s: article without an id", in.Where)
	case !utf8.ValidString(a.Text) || !utf8.ValidString(a.Title) || !utf8.ValidString(in.Warning):
		t.Errorf("%s: not UTF-8: %+v", in.Where, in)
	case strings.TrimSpace(a.Text) == "":
		t.Errorf("%s: empty article", in.Where)
	case len(a.Text) > 3*size+4:
		t.Errorf("%s: %d bytes of text from %d bytes of input", in.Where, len(a.Text), size)
	}
}

// FuzzSegment splits any text into sentences and tokens: spans in order,
// inside the text, on character boundaries, and each token the text it
// spans (but for case). Normalising keeps the number of characters, which evidence
// offsets rely on.
func FuzzSegment(f *testing.F) {
	f.Fuzz(func(t *testing.T, text string) {
		norm := normalize(text)
		if a, b := utf8.RuneCountInString(text), utf8.RuneCountInString(norm); a != b {
			t.Fatalf("normalize changed %d characters into %d", a, b)
		}
		boundary := func(i int) bool { return i == len(norm) || utf8.RuneStart(norm[i]) }
		sentences, _ := segment(norm)
		prev := 0
		for _, s := range sentences {
			if s.start < prev || s.start >= s.end || s.end > len(norm) || !boundary(s.start) || !boundary(s.end) {
				t.Fatalf("sentence [%d, %d) after %d in %d bytes", s.start, s.end, prev, len(norm))
			}
			prev = s.end
			from := s.start
			for _, tok := range s.tokens {
				// Clitics are lower-cased: "'S" is the token "'s".
				if tok.start < from || tok.start >= tok.end || tok.end > s.end || !strings.EqualFold(norm[tok.start:tok.end], tok.text) {
					t.Fatalf("token %q [%d, %d) in sentence [%d, %d) after %d", tok.text, tok.start, tok.end, s.start, s.end, from)
				}
				from = tok.end
			}
		}
	})
}

// dateRE is what a date of a record looks like: a year, a month or a day.
var dateRE = regexp.MustCompile(`^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$`)

// FuzzDates resolves the dates of any sentence against any publication
// date: expressions in order within the sentence, and every value a date.
func FuzzDates(f *testing.F) {
	f.Fuzz(func(t *testing.T, sentence, published string) {
		line := normalize(sentence)
		if d, n := parseDateline(line); n < 0 || n > len(line) || !utf8.ValidString(d.place) || !utf8.ValidString(d.source) {
			t.Fatalf("dateline %+v of length %d in %q", d, n, line)
		}
		toks := tokenize(line, 0, nil)
		w := make([]string, len(toks))
		lw := make([]string, len(toks))
		for i, tok := range toks {
			w[i], lw[i] = tok.text, strings.ToLower(tok.text)
		}
		ref := parseISO(published)
		prev := 0
		for _, e := range findDates(w, lw, ref, func(w string) bool { return w == "said" }) {
			if e.from < prev || e.from >= e.to || e.to > len(w) {
				t.Fatalf("date at tokens [%d, %d) after %d of %d", e.from, e.to, prev, len(w))
			}
			prev = e.to
			if s := e.value.String(); s != "" && !dateRE.MatchString(s) { // "" is a date the text gives but ref cannot resolve
				t.Errorf("date %q from %q against %q", s, strings.Join(w[e.from:e.to], " "), published)
			}
		}
	})
}

// hangLimit is the most one extraction of a fuzzed input may take.
const hangLimit = 10 * time.Second

// FuzzExtract extracts any article: no panic, no hang, and a valid record
// whose evidence offsets point at its sentences in the text.
func FuzzExtract(f *testing.F) {
	x, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text, published string) {
		text = strings.ToValidUTF8(text, "\uFFFD") // as Read gives it
		start := time.Now()
		rec := x.Extract(dipgraph.Article{ID: "fuzz", Text: text, Published: published})
		if d := time.Since(start); d > hangLimit {
			t.Errorf("extraction took %v", d)
		}
		checkRecord(t, text, rec)
	})
}

var modalities = map[dipgraph.Modality]bool{
	dipgraph.Asserted: true, dipgraph.Negated: true, dipgraph.Possible: true,
	dipgraph.Planned: true, dipgraph.Proposed: true,
}

// checkRecord checks what every record must be: what the graph loader
// validates, and evidence that is the text at its offsets.
func checkRecord(t *testing.T, text string, rec dipgraph.Record) {
	t.Helper()
	if rec.Schema != dipgraph.Schema || rec.Article.ID != "fuzz" {
		t.Errorf("record of %q, schema %q", rec.Article.ID, rec.Schema)
	}
	if _, err := json.Marshal(rec); err != nil {
		t.Error(err)
	}
	runes := []rune(text)
	actors := map[string]bool{}
	for _, a := range rec.Actors {
		if a.ID == "" || actors[a.ID] || !a.Label.Valid() || !utf8.ValidString(a.Name) {
			t.Errorf("actor %+v: empty or repeated id, or bad label or name", a)
		}
		actors[a.ID] = true
	}
	for _, r := range rec.Relations {
		if !r.Type.Valid() || !modalities[r.Modality] || !actors[r.Source] || !actors[r.Target] ||
			r.Place != "" && !actors[r.Place] || r.Confidence < 0 || r.Confidence > 1 ||
			r.Date != "" && !dateRE.MatchString(r.Date) || len(r.Evidence) == 0 {
			t.Errorf("relation %+v: bad type, modality, actor, place, confidence, date or evidence", r)
		}
		for _, e := range r.Evidence {
			if e.Start < 0 || e.Start > e.End || e.End > len(runes) {
				t.Errorf("evidence [%d, %d) in %d characters", e.Start, e.End, len(runes))
			} else if string(runes[e.Start:e.End]) != e.Sentence {
				t.Errorf("evidence %q is not the text at [%d, %d): %q", e.Sentence, e.Start, e.End, string(runes[e.Start:e.End]))
			}
		}
	}
	for _, m := range rec.Meetings {
		bad := m.ID == "" || !modalities[m.Modality] || m.Place != "" && !actors[m.Place] || m.Date != "" && !dateRE.MatchString(m.Date)
		for _, p := range m.Participants {
			bad = bad || !actors[p]
		}
		if bad {
			t.Errorf("meeting %+v: bad id, modality, place, date or participant", m)
		}
	}
}
