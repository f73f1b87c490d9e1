package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// normalize folds typographic variants to ASCII one rune for one rune:
// curly quotes, dashes, unusual spaces. Because each rune maps to exactly
// one rune, a code-point offset into the result is the same offset into the
// original text, which is what evidence offsets are.
func normalize(text string) string {
	if strings.IndexByte(text, '&') >= 0 {
		text = entities.Replace(text)
	}
	if isPlainASCII(text) {
		return text
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case '\u2018', '\u2019', '\u201a', '\u201b', '\u2032', '\u00b4', '`':
			return '\''
		case '\u201c', '\u201d', '\u201e', '\u201f', '\u2033', '\u00ab', '\u00bb':
			return '"'
		case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
			return '-'
		case '\u00a0', '\u2002', '\u2003', '\u2009', '\u200a', '\u202f', '\u3000', '\t':
			return ' '
		case '\u200b', '\u200e', '\u200f', '\ufeff':
			return ' '
		case '\u2028', '\u2029', '\r':
			return '\n'
		}
		return r
	}, text)
}

// entities decodes the HTML entities scraped text keeps, padding with
// spaces so that every code-point offset stays where it was.
var entities = strings.NewReplacer(
	"&quot;", `"     `,
	"&amp;", "&    ",
	"&lt;", "<   ",
	"&gt;", ">   ",
	"&#39;", "'    ",
	"&apos;", "'     ",
	"&nbsp;", "      ",
	"&rsquo;", "'      ",
	"&lsquo;", "'      ",
	"&rdquo;", `"      `,
	"&ldquo;", `"      `,
	"&mdash;", "-      ",
	"&ndash;", "-      ",
)

func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c == '\t' || c == '\r' || c == '`' {
			return false
		}
	}
	return true
}

// token is a word or punctuation mark with its byte span in the normalised
// text.
type token struct {
	text       string
	start, end int
}

// tokenize splits a span of text into tokens the way prose does: on white
// space, then leading and trailing punctuation, possessive 's and n't are
// split off. Abbreviations with inner periods ("U.S.") and hyphenated words
// ("al-Assad", "Russian-Turkish") stay whole.
func tokenize(text string, offset int, out []token) []token {
	i := 0
	for i < len(text) {
		for i < len(text) && isSpace(text[i]) {
			i++
		}
		j := i
		for j < len(text) && !isSpace(text[j]) {
			j++
		}
		if i < j {
			out = splitWord(text[i:j], offset+i, out)
		}
		i = j
	}
	return out
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

func splitWord(w string, at int, out []token) []token {
	for len(w) > 0 && strings.IndexByte(`("[{'`, w[0]) >= 0 && !(w[0] == '\'' && len(w) > 1 && isDigit(w[1])) {
		out = append(out, token{w[:1], at, at + 1})
		w, at = w[1:], at+1
	}
	var tail []token
	for len(w) > 0 {
		last := w[len(w)-1]
		if strings.IndexByte(`,;:!?)"]}'`, last) >= 0 {
			if last == '\'' && strings.HasSuffix(w, "s'") && len(w) > 2 {
				tail = append(tail, token{"'", at + len(w) - 1, at + len(w)})
				w = w[:len(w)-1]
				break
			}
			tail = append(tail, token{w[len(w)-1:], at + len(w) - 1, at + len(w)})
			w = w[:len(w)-1]
			continue
		}
		if last == '.' && !isAbbreviation(w) {
			tail = append(tail, token{".", at + len(w) - 1, at + len(w)})
			w = w[:len(w)-1]
			continue
		}
		break
	}
	if len(w) > 2 {
		lw := strings.ToLower(w)
		switch {
		case strings.HasSuffix(lw, "'s"):
			out = append(out, token{w[:len(w)-2], at, at + len(w) - 2}, token{"'s", at + len(w) - 2, at + len(w)})
			w = ""
		case strings.HasSuffix(lw, "n't") && len(w) > 3:
			out = append(out, token{w[:len(w)-3], at, at + len(w) - 3}, token{"n't", at + len(w) - 3, at + len(w)})
			w = ""
		}
	}
	if w != "" {
		out = append(out, token{w, at, at + len(w)})
	}
	for k := len(tail) - 1; k >= 0; k-- {
		out = append(out, tail[k])
	}
	return out
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isAbbreviation reports whether a word ending in "." keeps its period:
// initials and dotted abbreviations ("U.S.", "J."), and the short titles
// and month forms of abbreviations.tsv.
func isAbbreviation(w string) bool {
	body := w[:len(w)-1]
	if body == "" {
		return false
	}
	if strings.Contains(body, ".") {
		return true
	}
	if len(body) == 1 && body[0] >= 'A' && body[0] <= 'Z' {
		return true
	}
	return abbreviations[body] || abbreviations[strings.ToUpper(body[:1])+body[1:]]
}

// blockKind is what kind of line of the article a sentence comes from.
type blockKind int

const (
	bodyBlock     blockKind = iota
	headlineBlock           // the title, section heads and other short unpunctuated lines
	captionBlock            // photo and video captions: names count, events do not
	creditBlock             // bylines and credits: nothing counts
)

// sentence is a span of one block.
type sentence struct {
	start, end int
	kind       blockKind
	tokens     []token
}

// segment splits normalised text into lines, classifies each, and splits
// lines into sentences. A dateline opening a line is cut off and returned.
func segment(text string) ([]sentence, dateline) {
	var out []sentence
	var dl dateline
	first := true
	pos := 0
	for pos < len(text) {
		end := strings.IndexByte(text[pos:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += pos
		}
		start, stop := trimSpan(text, pos, end)
		pos = end + 1
		if start >= stop {
			continue
		}
		line := text[start:stop]
		kind := classifyLine(line, first)
		first = false
		if kind == creditBlock {
			continue
		}
		if d, n := parseDateline(line); n > 0 {
			if dl.place == "" {
				dl = d
			}
			start, stop = trimSpan(text, start+n, stop)
			if start >= stop {
				continue
			}
		}
		if isHeading(line) {
			start, stop = trimSpan(text, start+strings.IndexFunc(line, func(r rune) bool { return r != '=' }), stop)
			for stop > start && text[stop-1] == '=' {
				stop--
			}
			start, stop = trimSpan(text, start, stop)
			if start < stop {
				out = append(out, sentence{start: start, end: stop, kind: headlineBlock})
			}
			continue
		}
		out = splitSentences(text, start, stop, kind, out)
	}
	return out, dl
}

func trimSpan(text string, start, end int) (int, int) {
	for start < end && (isSpace(text[start]) || text[start] == '\u00a0') {
		start++
	}
	for end > start && isSpace(text[end-1]) {
		end--
	}
	return start, end
}

func isHeading(line string) bool {
	return strings.HasPrefix(line, "==") && strings.HasSuffix(line, "==") && strings.Trim(line, "=") != ""
}

// maxCueLine is the longest line that may be a caption, credit or
// headline; longer lines are body text, and skipping the patterns on them
// keeps one-paragraph articles fast.
const maxCueLine = 400

// classifyLine tells captions, credits and headlines from body text by the
// cues of credits.tsv and by shape: a short line without final punctuation
// is a headline.
func classifyLine(line string, first bool) blockKind {
	if len(line) > maxCueLine {
		return bodyBlock
	}
	for _, cue := range lineCues {
		if cue.match(line) {
			return cue.kind
		}
	}
	if first || isHeading(line) {
		return headlineBlock
	}
	last := line[len(line)-1]
	if strings.IndexByte(`.!?"'):`, last) < 0 && strings.Count(line, " ") < 12 {
		return headlineBlock
	}
	return bodyBlock
}

// splitSentences cuts text[start:end] at sentence-final punctuation
// followed by space and a capital, digit or quote, unless the period ends
// an abbreviation.
func splitSentences(text string, start, end int, kind blockKind, out []sentence) []sentence {
	toks := tokenize(text[start:end], start, nil)
	from := 0
	for i := 0; i < len(toks); i++ {
		t := toks[i].text
		if t != "." && t != "!" && t != "?" {
			continue
		}
		j := i + 1
		for j < len(toks) && (toks[j].text == `"` || toks[j].text == "'" || toks[j].text == ")") && toks[j].start == toks[j-1].end {
			j++
		}
		if j < len(toks) {
			next := toks[j].text
			c, _ := utf8.DecodeRuneInString(next)
			if !(unicode.IsUpper(c) || unicode.IsDigit(c) || next == `"` || next == "'" || next == "(") {
				continue
			}
		}
		out = appendSentence(out, toks[from:j:j], kind)
		from = j
		i = j - 1
	}
	if from < len(toks) {
		out = appendSentence(out, toks[from:], kind)
	}
	return out
}

// maxSentenceTokens bounds a sentence: rules look a few words around a
// trigger, and a run-on "sentence" of thousands of words (a table, a list
// without stops) would otherwise cost time with the square of its length.
const maxSentenceTokens = 400

func appendSentence(out []sentence, toks []token, kind blockKind) []sentence {
	for len(toks) > maxSentenceTokens {
		out = append(out, sentence{start: toks[0].start, end: toks[maxSentenceTokens-1].end, kind: kind, tokens: toks[:maxSentenceTokens:maxSentenceTokens]})
		toks = toks[maxSentenceTokens:]
	}
	return append(out, sentence{start: toks[0].start, end: toks[len(toks)-1].end, kind: kind, tokens: toks})
}
