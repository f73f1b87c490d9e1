package extract

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/encoding"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/dipgraph/dipgraph"
)

// MaxArticleBytes is the most Read takes in for one article: a plain-text
// or HTML file, or one line of a JSON Lines file. A larger file or line is
// skipped with a message and never held in memory. News articles run to
// tens of kilobytes; anything near the limit is a dump, not an article.
const MaxArticleBytes = 16 << 20

// Input is one article read from the input, or why it could not be read.
// Where names the file, and the line for JSON Lines, so that a message
// about a bad article points at it.
type Input struct {
	Article dipgraph.Article
	Where   string
	Err     error
	// Warning, when not empty, says what was repaired to read the article
	// (invalid UTF-8, say); the article is read all the same.
	Warning string
}

// Read streams the articles named by paths in order: plain-text files
// (.txt, .md) and HTML pages (.html, .htm) as one article each, JSON Lines
// files (.jsonl) as one article a line, directories as every such file
// under them in lexical path order, and "-" as JSON Lines on stdin. A bad
// file or line yields an Input with Err set, and reading goes on with the
// rest.
//
// What Read accepts as an article: UTF-8 text (invalid sequences, when
// few, are replaced by U+FFFD with a warning), UTF-16 with a byte-order
// mark, or an HTML page, of which it keeps the title and the text of its
// article or body, one block a line. What it skips, saying why: empty
// files, binary data, text in another encoding, articles over
// MaxArticleBytes, text that is not English (the rules read English only),
// anything but regular files (a named pipe would block), unreadable files
// and directories, and symbolic links that loop. Links to directories are
// followed, each directory read once.
func Read(paths []string, stdin io.Reader) iter.Seq[Input] {
	return func(yield func(Input) bool) {
		for _, p := range paths {
			if !readPath(p, stdin, yield) {
				return
			}
		}
	}
}

func readPath(p string, stdin io.Reader, yield func(Input) bool) bool {
	if p == "-" {
		return readJSONL("-", stdin, yield)
	}
	info, err := os.Stat(p)
	if err != nil {
		return yield(Input{Where: p, Err: fileError("read", err)})
	}
	if !info.IsDir() {
		return readFile(p, info, yield)
	}
	for _, e := range listDir(p) {
		if e.err != nil {
			if !yield(Input{Where: e.path, Err: e.err}) {
				return false
			}
			continue
		}
		if !readFile(e.path, e.info, yield) {
			return false
		}
	}
	return true
}

// fileError words an error of the file system for a message that already
// names the file: the path in a *fs.PathError is dropped.
func fileError(doing string, err error) error {
	if errors.Is(err, syscall.ELOOP) {
		return fmt.Errorf("symbolic link loop: %w", syscall.ELOOP)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("cannot %s: %w", doing, pe.Err)
	}
	return fmt.Errorf("cannot %s: %w", doing, err)
}

// entry is an article file of a directory, or what could not be listed.
type entry struct {
	path string
	info fs.FileInfo
	err  error
}

// lister lists the article files under a directory. It follows symbolic
// links, to directories too, but lists no directory twice: links to
// directories are followed after the tree itself is listed, so that a
// directory is listed under its own name rather than a link's.
type lister struct {
	out    []entry
	listed map[string]bool // real paths of the directories listed
	links  []dirLink
}

// dirLink is a symbolic link to a directory, in the directory whose real
// path is parent.
type dirLink struct {
	path, parent string
}

// listDir lists the article files under root in lexical path order, with
// what could not be listed in its place: unreadable directories, broken
// links to article files, and links to directories already listed.
func listDir(root string) []entry {
	l := &lister{listed: map[string]bool{}}
	l.walk(root)
	for len(l.links) > 0 {
		link := l.links[0]
		l.links = l.links[1:]
		l.follow(link)
	}
	sort.Slice(l.out, func(i, j int) bool { return l.out[i].path < l.out[j].path })
	return l.out
}

func (l *lister) fail(p string, err error) {
	l.out = append(l.out, entry{path: p, err: err})
}

func realPath(p string) (string, error) {
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		return "", err
	}
	return filepath.Abs(real)
}

func (l *lister) walk(dir string) {
	real, err := realPath(dir)
	if err != nil {
		l.fail(dir, fileError("read directory", err))
		return
	}
	l.listed[real] = true
	des, err := os.ReadDir(dir)
	if err != nil {
		l.fail(dir, fileError("list directory", err))
	}
	for _, de := range des {
		p := filepath.Join(dir, de.Name())
		info, err := os.Stat(p) // follows links
		switch {
		case err != nil:
			if supported(p) || errors.Is(err, syscall.ELOOP) {
				l.fail(p, fileError("read", err))
			}
		case info.IsDir() && de.Type()&fs.ModeSymlink != 0:
			l.links = append(l.links, dirLink{path: p, parent: real})
		case info.IsDir():
			l.walk(p)
		case supported(p):
			l.out = append(l.out, entry{path: p, info: info})
		}
	}
}

// follow lists the directory a link leads to, unless it is listed already.
func (l *lister) follow(link dirLink) {
	real, err := realPath(link.path)
	if err != nil {
		l.fail(link.path, fileError("read directory", err))
		return
	}
	if !l.listed[real] {
		l.walk(link.path)
		return
	}
	if real == link.parent || strings.HasPrefix(link.parent, real+string(filepath.Separator)) {
		l.fail(link.path, fmt.Errorf("symbolic link loop: it leads back to %s", real))
		return
	}
	l.fail(link.path, fmt.Errorf("symbolic link to %s, which is read already", real))
}

func supported(p string) bool {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".txt", ".md", ".html", ".htm", ".jsonl":
		return true
	}
	return false
}

func isHTMLPath(p string) bool {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".html", ".htm":
		return true
	}
	return false
}

func readFile(p string, info fs.FileInfo, yield func(Input) bool) bool {
	if !info.Mode().IsRegular() {
		return yield(Input{Where: p, Err: fmt.Errorf("not a regular file but %s", fileType(info.Mode()))})
	}
	jsonl := strings.EqualFold(filepath.Ext(p), ".jsonl")
	if !jsonl && info.Size() > MaxArticleBytes {
		return yield(Input{Where: p, Err: tooBig(info.Size())})
	}
	f, err := os.Open(p)
	if err != nil {
		return yield(Input{Where: p, Err: fileError("read", err)})
	}
	defer f.Close()
	if jsonl {
		return readJSONL(p, f, yield)
	}
	// The file may have grown since Stat: read one byte past the limit.
	data, err := io.ReadAll(io.LimitReader(f, MaxArticleBytes+1))
	if err != nil {
		return yield(Input{Where: p, Err: fileError("read", err)})
	}
	if len(data) > MaxArticleBytes {
		return yield(Input{Where: p, Err: tooBig(int64(len(data)))})
	}
	a, warning, err := textArticle(p, data)
	return yield(Input{Article: a, Where: p, Err: err, Warning: warning})
}

func fileType(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

func tooBig(size int64) error {
	return fmt.Errorf("%s is over the %s limit for one article: split it into articles, or into JSON Lines",
		megabytes(size), megabytes(MaxArticleBytes))
}

func megabytes(n int64) string {
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

// textArticle makes an article of a whole file. Its title is the first
// non-empty line.
func textArticle(p string, data []byte) (dipgraph.Article, string, error) {
	text, warning, err := decode(data)
	if err != nil {
		return dipgraph.Article{}, "", err
	}
	text, err = articleText(text, isHTMLPath(p))
	if err != nil {
		return dipgraph.Article{}, "", err
	}
	return dipgraph.Article{
		ID:    ContentID(text),
		Path:  p,
		Title: firstLine(text),
		Text:  text,
	}, warning, nil
}

var (
	utf8BOM    = []byte{0xEF, 0xBB, 0xBF}
	utf16LEBOM = []byte{0xFF, 0xFE}
	utf16BEBOM = []byte{0xFE, 0xFF}
)

// decodeUTF16 decodes UTF-16 that starts with a byte-order mark, dropping it.
func decodeUTF16() *encoding.Decoder {
	return xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM).NewDecoder()
}

// decode makes text of a file's bytes. UTF-16 with a byte-order mark is
// converted and a UTF-8 byte-order mark dropped. Invalid UTF-8 is replaced
// by U+FFFD, with a warning, when it is rare; when it is not, the file is
// in another encoding, and is refused rather than turned into garbage.
func decode(data []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(data, utf16LEBOM), bytes.HasPrefix(data, utf16BEBOM):
		b, err := decodeUTF16().Bytes(data)
		if err != nil {
			return "", "", fmt.Errorf("not valid UTF-16 text: %w", err)
		}
		return string(b), "", nil
	case bytes.HasPrefix(data, utf8BOM):
		data = data[len(utf8BOM):]
	}
	if utf8.Valid(data) {
		return string(data), "", nil
	}
	if looksBinary(data) {
		return "", "", errBinary
	}
	bad, runes := invalidUTF8(data)
	if bad*20 > runes {
		return "", "", fmt.Errorf("not UTF-8 text: %d of its %d characters are invalid UTF-8 (a legacy encoding such as Latin-1 or Windows-1251?); convert it to UTF-8", bad, runes)
	}
	return string(bytes.ToValidUTF8(data, []byte("\uFFFD"))), repaired(bad), nil
}

func repaired(bad int) string {
	return fmt.Sprintf("repaired %d invalid UTF-8 sequence(s), replaced by U+FFFD", bad)
}

// invalidUTF8 counts the invalid sequences of b (as bytes.ToValidUTF8
// would replace them, a run counting once) and its characters.
func invalidUTF8(b []byte) (bad, runes int) {
	inBad := false
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		b = b[n:]
		if r == utf8.RuneError && n == 1 {
			if !inBad {
				bad++
				runes++
			}
			inBad = true
			continue
		}
		inBad = false
		runes++
	}
	return bad, runes
}

var errBinary = errors.New("binary data, not text (or UTF-16 without a byte-order mark)")

// sniffLen is how much of a file or text the binary check looks at.
const sniffLen = 8 << 10

// looksBinary reports whether the start of b holds a NUL or more than a
// few other control characters, which text does not.
func looksBinary[T string | []byte](b T) bool {
	if len(b) > sniffLen {
		b = b[:sniffLen]
	}
	controls := 0
	for i := 0; i < len(b); i++ {
		switch c := b[i]; {
		case c == 0:
			return true
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v':
			controls++
		}
	}
	return controls*50 > len(b)
}

// articleText checks the text of an article, and takes the text of an
// HTML page.
func articleText(text string, isHTML bool) (string, error) {
	if text == "" {
		return "", errors.New("empty article")
	}
	if strings.TrimSpace(text) == "" {
		return "", errors.New("empty article (only white space)")
	}
	if looksBinary(text) {
		return "", errBinary
	}
	if isHTML || looksHTML(text) {
		t, err := htmlText(text)
		if err != nil {
			return "", err
		}
		text = t
	}
	if err := checkEnglish(text); err != nil {
		return "", err
	}
	return text, nil
}

// looksHTML reports whether text is an HTML page, as a browser saves it.
func looksHTML(text string) bool {
	head := strings.TrimLeftFunc(text, unicode.IsSpace)
	if !strings.HasPrefix(head, "<") {
		return false
	}
	if len(head) > 1024 {
		head = head[:1024]
	}
	head = strings.ToLower(head)
	return strings.Contains(head, "<!doctype html") || strings.Contains(head, "<html")
}

// Elements whose text is not the article's.
var htmlSkipped = map[atom.Atom]bool{
	atom.Head: true, atom.Script: true, atom.Style: true, atom.Noscript: true,
	atom.Template: true, atom.Nav: true, atom.Footer: true, atom.Aside: true,
	atom.Form: true, atom.Button: true, atom.Select: true, atom.Textarea: true,
	atom.Svg: true, atom.Math: true, atom.Iframe: true, atom.Object: true,
	atom.Figure: true, atom.Menu: true, atom.Dialog: true,
}

// Elements that start a line of their own.
var htmlBlocks = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Blockquote: true, atom.Body: true,
	atom.Br: true, atom.Dd: true, atom.Div: true, atom.Dl: true, atom.Dt: true,
	atom.Figcaption: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Header: true,
	atom.Hr: true, atom.Li: true, atom.Main: true, atom.Ol: true, atom.P: true,
	atom.Pre: true, atom.Section: true, atom.Table: true, atom.Td: true,
	atom.Th: true, atom.Tr: true, atom.Ul: true,
}

// htmlText is the readable text of an HTML page: its headline (the first
// <h1>, else the <title>), then the text of its largest <article>, else of
// its <main>, else of its <body>, a line per paragraph, heading or other
// block, without scripts, styles, navigation, forms, figures and asides.
func htmlText(page string) (string, error) {
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return "", fmt.Errorf("HTML page that cannot be parsed: %w", err)
	}
	root := largest(doc, atom.Article)
	if root == nil {
		root = largest(doc, atom.Main)
	}
	if root == nil {
		root = doc
	}
	var lines []string
	var line strings.Builder
	flush := func() {
		if s := strings.Join(strings.Fields(line.String()), " "); s != "" {
			lines = append(lines, s)
		}
		line.Reset()
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			line.WriteString(n.Data)
			return
		case html.ElementNode:
			if htmlSkipped[n.DataAtom] || hidden(n) {
				return
			}
			if htmlBlocks[n.DataAtom] {
				flush()
				defer flush()
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	flush()
	headline := textOf(first(root, atom.H1))
	if headline == "" {
		headline = textOf(first(doc, atom.Title))
	}
	if headline != "" && (len(lines) == 0 || lines[0] != headline) {
		lines = append([]string{headline}, lines...)
	}
	if len(lines) < 2 {
		return "", errors.New("HTML page without article text (no paragraphs)")
	}
	return strings.Join(lines, "\n") + "\n", nil
}

func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "hidden" || a.Key == "aria-hidden" && a.Val == "true" {
			return true
		}
	}
	return false
}

// first returns the first element of type a under n, in document order.
func first(n *html.Node, a atom.Atom) *html.Node {
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && d.DataAtom == a {
			return d
		}
	}
	return nil
}

// largest returns the element of type a under n with the most text.
func largest(n *html.Node, a atom.Atom) *html.Node {
	var best *html.Node
	most := -1
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && d.DataAtom == a {
			if size := len(textOf(d)); size > most {
				best, most = d, size
			}
		}
	}
	return best
}

// textOf is the text under n with its white space collapsed.
func textOf(n *html.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
			b.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// The language check: in English prose a third or more of the words are
// among englishWords; in other languages next to none are. An article of
// fewer than minJudgedWords words is not judged.
const (
	judgedWords     = 400  // the words looked at, from the start
	minJudgedWords  = 30   // fewer are not judged
	minEnglishShare = 0.12 // the least share of englishWords in English
)

// englishWordList are the common words of English, which englishWords
// holds.
const englishWordList = `the of and to a in is was that for on with as by at from
	it its he his she her they their them this these those be been are were has have had
	will would said says not but or an which who after over than more about into also
	we our there when while against between during could should can may`

// englishWords holds the common words of English by wordKey: every word
// the language check reads is looked up, and an integer is looked up for a
// fraction of the cost of a string.
var englishWords = func() map[uint64]bool {
	m := map[uint64]bool{}
	for _, w := range strings.Fields(englishWordList) {
		k, _ := wordKey(w)
		if k == 0 {
			panic("englishWords: " + w + " is over 8 letters")
		}
		m[k] = true
	}
	return m
}()

// checkEnglish returns an error for text that is not English, which the
// rules cannot read: they would find nothing, or garbage. Its words are
// runs of letters and apostrophes (but for runs of apostrophes alone),
// compared with englishWords in lower case. Every article read goes
// through it, those of an unchanged corpus loaded again too, so it reads
// the text in one pass, lower-casing an ASCII word into its wordKey on the
// way, rather than with strings.FieldsFuncSeq, strings.ToLower and a map,
// which cost three times as much; and it stops as soon as the text has
// enough common words to pass whatever follows, a third of the way into
// an English article.
func checkEnglish(text string) error {
	words, common := 0, 0
	// With the share of judgedWords common, the text passes, whatever
	// follows.
	for i := 0; words < judgedWords && float64(common) < minEnglishShare*judgedWords; {
		for i < len(text) {
			if c := text[i]; c < utf8.RuneSelf {
				if wordBytes[c] != 0 {
					break
				}
				i++
				continue
			}
			r, n := utf8.DecodeRuneInString(text[i:])
			if unicode.IsLetter(r) {
				break
			}
			i += n
		}
		if i == len(text) {
			break
		}
		start := i
		var key uint64 // the word's wordKey, while it is ASCII
		letters, ascii := false, true
		for i < len(text) {
			if c := text[i]; c < utf8.RuneSelf {
				lower := wordBytes[c]
				if lower == 0 {
					break
				}
				key = key<<8 | uint64(lower)
				letters = letters || lower != '\''
				i++
				continue
			}
			r, n := utf8.DecodeRuneInString(text[i:])
			if !unicode.IsLetter(r) {
				break
			}
			letters, ascii = true, false
			i += n
		}
		if !letters {
			continue
		}
		words++
		switch {
		case !ascii:
			key, _ = wordKey(strings.ToLower(text[start:i])) // "İT" is "it"
		case i-start > 8:
			key = 0 // too long to be an English word, and its bits shifted out
		}
		if key != 0 && englishWords[key] {
			common++
		}
	}
	if words < minJudgedWords || float64(common) >= minEnglishShare*float64(words) {
		return nil
	}
	return fmt.Errorf("not English: %d of its first %d words are common English words such as \"the\" (%.0f%%, English has over %.0f%%); dipgraph reads English only",
		common, words, 100*float64(common)/float64(words), 100*minEnglishShare)
}

// wordBytes maps the ASCII bytes of words, letters and the apostrophe, to
// themselves in lower case, and the others to 0.
var wordBytes = func() (t [utf8.RuneSelf]byte) {
	for c := range byte(utf8.RuneSelf) {
		switch {
		case 'a' <= c && c <= 'z', c == '\'':
			t[c] = c
		case 'A' <= c && c <= 'Z':
			t[c] = c + 'a' - 'A'
		}
	}
	return t
}()

// wordKey packs w, lower-cased, into an integer, a byte each, if it is
// ASCII and of at most 8 letters; it returns 0 for a longer word, and
// false for a word that is not ASCII. Looking an integer up costs a
// fraction of hashing a string.
func wordKey(w string) (key uint64, ascii bool) {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return 0, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		key = key<<8 | uint64(c)
	}
	if len(w) > 8 {
		return 0, true
	}
	return key, true
}

func firstLine(text string) string {
	for line := range strings.Lines(text) {
		if t := strings.TrimSpace(line); t != "" {
			return t
		}
	}
	return ""
}

// jsonArticle is an input line of a .jsonl file.
type jsonArticle struct {
	ID        json.RawMessage `json:"id"`
	Title     string          `json:"title"`
	Text      *string         `json:"text"`
	Published string          `json:"published"`
	Source    string          `json:"source"`
	URL       string          `json:"url"`
}

// readJSONL reads one article a line. UTF-16 with a byte-order mark is
// converted and a UTF-8 byte-order mark dropped; a binary file is one
// error, not one per line.
func readJSONL(p string, r io.Reader, yield func(Input) bool) bool {
	br := bufio.NewReaderSize(r, 64<<10)
	// Look at what the first read brings, without waiting for more: stdin
	// may be a pipe that delivers a line at a time.
	br.Peek(len(utf8BOM))
	head, _ := br.Peek(min(br.Buffered(), sniffLen))
	switch {
	case bytes.HasPrefix(head, utf16LEBOM), bytes.HasPrefix(head, utf16BEBOM):
		br = bufio.NewReaderSize(transform.NewReader(br, decodeUTF16()), 64<<10)
	case bytes.HasPrefix(head, utf8BOM):
		br.Discard(len(utf8BOM))
	case looksBinary(head):
		return yield(Input{Where: p, Err: errBinary})
	}
	stopped := errors.New("stopped")
	err := Parallel(jsonlChunks(p, br), 0, decodeLines, func(ins []Input) error {
		for _, in := range ins {
			if !yield(in) {
				return stopped
			}
		}
		return nil
	})
	return err == nil
}

// jsonlLine is a line of a JSON Lines file, or why it could not be read.
type jsonlLine struct {
	path string
	n    int // from 1
	line string
	err  error
}

// chunkLines is the most lines a chunk of jsonlChunks holds.
const chunkLines = 64

// jsonlChunks reads the lines of br, but blank ones, serially, in chunks;
// decoding them is the work of decodeLines, which readJSONL runs in
// parallel: it costs several times as much as reading, and on an
// unchanged corpus loaded again, reading is most of the load. A chunk,
// rather than a line, is the unit of work because handing a line to a
// worker costs a tenth of decoding it. A chunk ends where the next line is
// not in br's buffer yet, so that a line from a pipe is decoded as soon as
// it comes, and a chunk holds, but for its first line, only lines shorter
// than the buffer.
func jsonlChunks(p string, br *bufio.Reader) iter.Seq[[]jsonlLine] {
	return func(yield func([]jsonlLine) bool) {
		var chunk []jsonlLine
		for n := 1; ; n++ {
			line, long, err := readLine(br, MaxArticleBytes)
			switch {
			case long:
				e := fmt.Errorf("line over the %s limit for one article", megabytes(MaxArticleBytes))
				chunk = append(chunk, jsonlLine{path: p, n: n, err: e})
			case strings.TrimSpace(line) != "":
				chunk = append(chunk, jsonlLine{path: p, n: n, line: line})
			}
			if err != nil {
				if err != io.EOF {
					chunk = append(chunk, jsonlLine{path: p, n: n, err: fileError("read", err)})
				}
				if len(chunk) > 0 {
					yield(chunk)
				}
				return
			}
			if len(chunk) == chunkLines || len(chunk) > 0 && !lineBuffered(br) {
				if !yield(chunk) {
					return
				}
				chunk = nil
			}
		}
	}
}

// lineBuffered reports whether br holds a whole line, which it can read
// without waiting for its reader.
func lineBuffered(br *bufio.Reader) bool {
	buf, _ := br.Peek(br.Buffered())
	return bytes.IndexByte(buf, '\n') >= 0
}

// decodeLines decodes lines into articles.
func decodeLines(lines []jsonlLine) []Input {
	ins := make([]Input, len(lines))
	for i, l := range lines {
		ins[i].Where = fmt.Sprintf("%s:%d", l.path, l.n)
		if l.err != nil {
			ins[i].Err = l.err
			continue
		}
		ins[i].Article, ins[i].Warning, ins[i].Err = jsonlArticle(l.path, l.line)
	}
	return ins
}

// readLine reads a line of at most max bytes (its newline aside). A
// longer line is read to its end without being kept, and reported as long.
// err is io.EOF after the last line. A line that fits in br's buffer, as
// most do, is copied once, into the string.
func readLine(br *bufio.Reader, max int) (line string, long bool, err error) {
	var chunks [][]byte // copies of the chunks before the last, joined at the end
	size := 0
	for {
		chunk, err := br.ReadSlice('\n')
		if !long {
			size += len(bytes.TrimSuffix(chunk, []byte("\n")))
			if size > max {
				chunks, long = nil, true
			}
		}
		switch {
		case long && err != bufio.ErrBufferFull:
			return "", true, err
		case long: // read on to the end of the line
		case err == bufio.ErrBufferFull:
			chunks = append(chunks, bytes.Clone(chunk))
		case len(chunks) == 0:
			return string(chunk), false, err
		default:
			var b strings.Builder
			b.Grow(size + len("\n"))
			for _, c := range chunks {
				b.Write(c)
			}
			b.Write(chunk)
			return b.String(), false, err
		}
	}
}

func jsonlArticle(p string, line string) (dipgraph.Article, string, error) {
	var warning string
	if !utf8.ValidString(line) {
		bad, _ := invalidUTF8([]byte(line))
		line = strings.ToValidUTF8(line, "\uFFFD")
		warning = repaired(bad)
	}
	line = strings.TrimSpace(line)
	if line[0] != '{' {
		return dipgraph.Article{}, "", errors.New("not a JSON object")
	}
	var in jsonArticle
	if !decodeArticleLine(line, &in) {
		in = jsonArticle{}
		if err := json.Unmarshal([]byte(line), &in); err != nil {
			return dipgraph.Article{}, "", jsonError(err)
		}
	}
	if in.Text == nil {
		return dipgraph.Article{}, "", errors.New(`missing "text"`)
	}
	text, err := articleText(*in.Text, false)
	if err != nil {
		return dipgraph.Article{}, "", err
	}
	id, err := jsonID(in.ID)
	if err != nil {
		return dipgraph.Article{}, "", err
	}
	published, err := isoDate(in.Published)
	if err != nil {
		return dipgraph.Article{}, "", err
	}
	a := dipgraph.Article{
		ID:        id,
		Path:      p,
		Title:     in.Title,
		Source:    in.Source,
		Published: published,
		URL:       in.URL,
		Text:      text,
	}
	if a.ID == "" {
		a.ID = ContentID(a.Text)
	}
	return a, warning, nil
}

// jsonError says what is wrong with a line that is not a JSON article.
func jsonError(err error) error {
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) && typeErr.Field != "" {
		return fmt.Errorf("%q is a JSON %s, not a string", typeErr.Field, typeErr.Value)
	}
	return fmt.Errorf("not valid JSON: %w", err)
}

// jsonID accepts a string or a number as an article id.
func jsonID(raw json.RawMessage) (string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	if s, end, ok := jsonString(string(raw), 0); ok && end == len(raw) {
		return s, nil // as json.Unmarshal decodes it, without its cost
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s, nil
	}
	var n json.Number
	if raw[0] != '"' && json.Unmarshal(raw, &n) == nil {
		return n.String(), nil
	}
	return "", errors.New(`"id" is neither a string nor a number`)
}

// isoDate accepts a date or a timestamp and keeps its day.
func isoDate(s string) (string, error) {
	if s == "" {
		return "", nil
	}
	if len(s) >= 10 {
		if _, err := time.Parse(time.DateOnly, s[:10]); err == nil {
			return s[:10], nil
		}
	}
	return "", fmt.Errorf("published %q is not an ISO date", s)
}

// ContentID is the stable id of an article without one of its own: the
// first 16 hex digits of the SHA-256 of its text.
func ContentID(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:8])
}
