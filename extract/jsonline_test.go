package extract

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode"
)

// jsonLines are lines of JSON Lines, good and bad, with what
// decodeArticleLine does with them: decode them itself (fast), or leave
// them to json.Unmarshal.
var jsonLines = []struct {
	line string
	fast bool
}{
	{`{"id": "a", "title": "T", "text": "Putin met Assad.", "published": "2024-07-25", "source": "AFP", "url": "https://x"}`, true},
	{`{}`, true},
	{` { } `, true},
	{"{\t\"text\" :\r\n\"x\" ,\"id\":\"1\"}", true},
	{`{"text": "a", "text": "b"}`, true}, // the last wins
	{`{"category": "politics", "text": "x"}`, true},
	{`{"": "empty key", "text": "x"}`, true},
	{`{"text": "escapes \" \\ \/ \b \f \n \r \t \u00e9 \u00E9 \u0000 end"}`, true},
	{`{"text": "pair \ud83d\ude00, lone \ud83d x, low \ude00, high then other \ud83d\u0041"}`, true},
	{`{"text": "caf\u00e9", "title": "caf` + "\u00e9" + `"}`, true},
	{`{"text": "a line\u2028separator"}`, true},
	{`{"id": 12.5e3, "text": "x"}`, false},    // a number
	{`{"id": null, "text": "x"}`, false},      // null
	{`{"text": null}`, false},                 // null
	{`{"x": {"a": [1, {"b": null}]}}`, false}, // nested
	{`{"text": "x", "title": true}`, false},
	{`{"Text": "x"}`, false}, // json.Unmarshal matches keys case-insensitively
	{`{"ID": "a", "text": "x"}`, false},
	{`{"i\u0064": "a", "text": "x"}`, false}, // an escape in a key
	{`{"ſource": "a", "text": "x"}`, false},  // folds to "source"
	{`{"text": "bad \x escape"}`, false},
	{`{"text": "bad \' escape"}`, false},
	{`{"text": "short \u12"}`, false},
	{`{"text": "not hex \uZZZZ"}`, false},
	{"{\"text\": \"a raw\ttab\"}", false},
	{"{\"text\": \"a raw\x01control\"}", false},
	{`{"text": "x"} trailing`, false},
	{`{"text": "x"},`, false},
	{`{"text": "x"`, false},
	{`{"text": "x",}`, false},
	{`{"text": "x" "id": "a"}`, false},
	{`{"text" "x"}`, false},
	{`{"text": "unterminated}`, false},
	{`{"text": "x"}` + "\u00a0", false}, // white space to Go, not to JSON
	{`["text", "x"]`, false},
}

// TestReadDecodesLikeJSON checks that the lines decodeArticleLine decodes
// itself come out as json.Unmarshal decodes them, and that it leaves the
// others to json.Unmarshal.
func TestReadDecodesLikeJSON(t *testing.T) {
	for _, tt := range jsonLines {
		t.Run(tt.line, func(t *testing.T) {
			var got jsonArticle
			fast := decodeArticleLine(tt.line, &got)
			if fast != tt.fast {
				t.Fatalf("decoded by decodeArticleLine: %v, want %v", fast, tt.fast)
			}
			if fast {
				checkLikeJSON(t, tt.line, got)
			}
		})
	}
}

// TestReadDecodesEveryField checks that decodeArticleLine knows every
// field of jsonArticle, in its case and in another: a field added to
// jsonArticle alone would be dropped as an unknown key.
func TestReadDecodesEveryField(t *testing.T) {
	typ := reflect.TypeFor[jsonArticle]()
	for i := range typ.NumField() {
		name := typ.Field(i).Tag.Get("json")
		var got jsonArticle
		line := fmt.Sprintf(`{%q: "v"}`, name)
		if !decodeArticleLine(line, &got) || reflect.DeepEqual(got, jsonArticle{}) {
			t.Errorf("%s: not decoded", line)
		}
		checkLikeJSON(t, line, got)
		if line := fmt.Sprintf(`{%q: "v"}`, strings.ToUpper(name)); decodeArticleLine(line, &got) {
			t.Errorf("%s: decoded, not left to json.Unmarshal", line)
		}
	}
}

// TestReadDecodesCorpusLikeJSON checks decodeArticleLine on every line of
// the shared corpus, whose non-ASCII text is all in \u escapes.
func TestReadDecodesCorpusLikeJSON(t *testing.T) {
	f, err := os.Open("../../shared/corpus/wikinews.jsonl")
	if err != nil {
		t.Skip("../shared/corpus/wikinews.jsonl not found")
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, MaxArticleBytes)
	for n := 1; sc.Scan(); n++ {
		var got jsonArticle
		if !decodeArticleLine(sc.Text(), &got) {
			t.Fatalf("line %d: left to json.Unmarshal", n)
		}
		checkLikeJSON(t, sc.Text(), got)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}

// FuzzReadJSONLine decodes any line: what decodeArticleLine decodes is what
// json.Unmarshal decodes.
func FuzzReadJSONLine(f *testing.F) {
	for _, tt := range jsonLines {
		f.Add(tt.line)
	}
	f.Fuzz(func(t *testing.T, line string) {
		line = strings.ToValidUTF8(line, "\uFFFD") // as jsonlArticle gives it
		var got jsonArticle
		if decodeArticleLine(line, &got) {
			checkLikeJSON(t, line, got)
		}
	})
}

func checkLikeJSON(t *testing.T, line string, got jsonArticle) {
	t.Helper()
	var want jsonArticle
	if err := json.Unmarshal([]byte(line), &want); err != nil {
		t.Fatalf("decoded %q, which json.Unmarshal refuses: %v", line, err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("decoded %q as\n%s\nwant\n%s", line, show(got), show(want))
	}
}

func show(a jsonArticle) string {
	text := "<nil>"
	if a.Text != nil {
		text = fmt.Sprintf("%q", *a.Text)
	}
	return fmt.Sprintf("id %s, title %q, text %s, published %q, source %q, url %q", a.ID, a.Title, text, a.Published, a.Source, a.URL)
}

// checkEnglishAsWritten is the language check as first written, plainly,
// with a map of the words: checkEnglish must say what it says.
func checkEnglishAsWritten(text string) error {
	englishWords := map[string]bool{}
	for _, w := range strings.Fields(englishWordList) {
		englishWords[w] = true
	}
	words, common := 0, 0
	for w := range strings.FieldsFuncSeq(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
		if strings.Trim(w, "'") == "" {
			continue
		}
		words++
		if englishWords[strings.ToLower(w)] {
			common++
		}
		if words == judgedWords {
			break
		}
	}
	if words < minJudgedWords || float64(common) >= minEnglishShare*float64(words) {
		return nil
	}
	return fmt.Errorf("not English: %d of its first %d words are common English words such as \"the\" (%.0f%%, English has over %.0f%%); dipgraph reads English only",
		common, words, 100*float64(common)/float64(words), 100*minEnglishShare)
}

var englishTexts = []string{
	"",
	"'' ' '''",
	strings.Repeat("The president met the prime minister in Paris, and they said it was good. ", 20),
	strings.Repeat("Le président a rencontré le premier ministre à Paris. ", 20),
	strings.Repeat("Der Präsident traf den Ministerpräsidenten in Berlin. ", 20),
	strings.Repeat("Президент встретился с премьер-министром в Москве. ", 20),
	strings.Repeat("İT İS İN THE KİNG'S hands, ſaid THE ministers. ", 20), // "İT" is "it"; "ſaid" is not "said"
	strings.Repeat("Extraordinarily, internationally, and notwithstanding 'the' o'clock ''it'' and's. ", 20),
	strings.Repeat("invalid \xff UTF-8 \xe2\x82 in\xffthe text of the article. ", 20),
	strings.Repeat("word ", 29) + "the",
	strings.Repeat("word ", 30) + "the",
	strings.Repeat("ein ", 352) + strings.Repeat("the ", 48) + strings.Repeat("ein ", 100),
	strings.Repeat("ein ", 353) + strings.Repeat("the ", 47) + strings.Repeat("the ", 100),
}

// TestReadChecksEnglish checks that the language check says what it says
// written plainly, of English, of other languages, and of what lies
// between.
func TestReadChecksEnglish(t *testing.T) {
	for _, text := range englishTexts {
		if got, want := fmt.Sprint(checkEnglish(text)), fmt.Sprint(checkEnglishAsWritten(text)); got != want {
			t.Errorf("checkEnglish(%.60q...) = %s, want %s", text, got, want)
		}
	}
}

// FuzzReadEnglish checks the language check on any text.
func FuzzReadEnglish(f *testing.F) {
	for _, text := range englishTexts {
		f.Add(text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := fmt.Sprint(checkEnglish(text)), fmt.Sprint(checkEnglishAsWritten(text)); got != want {
			t.Errorf("checkEnglish(%q) = %s, want %s", text, got, want)
		}
	})
}
