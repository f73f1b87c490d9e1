// Package badcorpus builds, for tests, a directory of bad inputs beside
// good ones: the files of testdata/bad, and those too big or too special
// to commit, made afresh: a 200 MB file, a 200 MB JSON line, a
// 50,000-word sentence, unreadable files and directories, symbolic link
// loops, a named pipe and a file name full of Cypher. Cases says what
// reading each input must give; the reader's tests and the command's both
// hold dipgraph to it.
package badcorpus

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/dipgraph/dipgraph"
	"github.com/dipgraph/dipgraph/internal/neo4jtest"
)

// BigBytes is the size of the big file and of the long JSON line: far
// over the reader's limit of one article.
const BigBytes = 200 << 20

// HostileName is the name of a good article file, made to break any
// Cypher that pasted it in.
const HostileName = "'}) DETACH DELETE n {x} `y` $z.txt"

// A Case is one input of the corpus and what reading it must give.
type Case struct {
	Where   string // the input relative to the corpus: a file, or "file.jsonl:line"
	Skip    string // part of the message the input is skipped with; empty when it is read
	Warning string // part of the warning it is read with, if any
	// Met names two actors, by a word of each name, that the record of a
	// good article must say met or spoke, either way round.
	Met [2]string
	// NoRelations marks a good article whose record must have none: a
	// short text in another language, which the rules must not misread.
	NoRelations bool
	// Absent lists what must not be in the article's text or record:
	// the scripts, menus and asides of an HTML page.
	Absent []string
}

// Good reports whether the case is an article that is read.
func (c Case) Good() bool { return c.Skip == "" }

var (
	putinAssad   = [2]string{"Putin", "Assad"}
	putinErdogan = [2]string{"Putin", "Erdogan"}
	putinXi      = [2]string{"Putin", "Xi"}
)

// Build makes the corpus in a new temporary directory and returns it with
// its cases, in the order Read yields them. With unreadable, it holds a
// file and a directory that nobody but root may read; without, they are
// left out (the test runs as root, which reads anything). Everything else
// is readable by anyone, so that a test may read it as another user.
func Build(t testing.TB, unreadable bool) (string, []Case) {
	t.Helper()
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "corpus")
	outside := filepath.Join(tmp, "outside")
	for _, d := range []string{filepath.Dir(tmp), tmp, dir, outside, filepath.Join(dir, "links")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.CopyFS(dir, os.DirFS(neo4jtest.RepoPath(t, "testdata", "bad"))); err != nil {
		t.Fatal(err)
	}
	chmodTree(t, dir)
	// Messages name directories by their real path.
	realDir, err := filepath.EvalSymlinks(dir)
	if err != nil {
		t.Fatal(err)
	}
	realOutside, err := filepath.EvalSymlinks(outside)
	if err != nil {
		t.Fatal(err)
	}

	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target, name string) {
		t.Helper()
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	writeBig(t, filepath.Join(dir, "big.txt"), "", "")
	writeBig(t, filepath.Join(dir, "huge-line.jsonl"), `{"id": "huge", "text": "`, `"}`+"\n"+
		`{"id": "after-huge", "text": "Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Thursday."}`+"\n")
	write(filepath.Join(dir, "long-sentence.txt"), longSentence(50_000))
	write(filepath.Join(dir, HostileName), "Talks in Moscow\n\nRussian President Vladimir Putin met Syrian President Bashar al-Assad in Moscow on Wednesday.\n")
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	write(filepath.Join(outside, "story.txt"), "Talks in Ankara\n\nTurkish President Recep Tayyip Erdogan met Russian President Vladimir Putin in Ankara on Tuesday.\n")
	link("self.txt", "links/self.txt")
	link("pong.txt", "links/ping.txt")
	link("ping.txt", "links/pong.txt")
	link("nowhere.txt", "links/dangling.txt")
	link("..", "links/back")
	link("../utf8-bom.txt", "links/good-link.txt")
	link(filepath.Join("..", "..", "outside"), "links/outside")
	link(outside, "links/outside-again")
	if unreadable {
		write(filepath.Join(dir, "unreadable.txt"), "Talks\n\nVladimir Putin met Bashar al-Assad in Moscow.\n")
		if err := os.Mkdir(filepath.Join(dir, "unreadable-dir"), 0o755); err != nil {
			t.Fatal(err)
		}
		write(filepath.Join(dir, "unreadable-dir", "story.txt"), "Talks\n\nVladimir Putin met Bashar al-Assad in Moscow.\n")
		for _, p := range []string{"unreadable.txt", "unreadable-dir"} {
			if err := os.Chmod(filepath.Join(dir, p), 0); err != nil {
				t.Fatal(err)
			}
		}
		t.Cleanup(func() { os.Chmod(filepath.Join(dir, "unreadable-dir"), 0o755) })
	}

	notEnglish := "not English"
	cases := []Case{
		{Where: HostileName, Met: putinAssad},
		{Where: "app-shell.html", Skip: "HTML page without article text"},
		{Where: "bad.jsonl:1", Met: putinAssad},
		{Where: "bad.jsonl:2", Skip: "not a JSON object"},
		{Where: "bad.jsonl:3", Skip: `missing "text"`},
		{Where: "bad.jsonl:4", Skip: `"text" is a JSON number, not a string`},
		{Where: "bad.jsonl:5", Skip: `"title" is a JSON array, not a string`},
		{Where: "bad.jsonl:6", Skip: "not a JSON object"},
		{Where: "bad.jsonl:8", Skip: "empty article (only white space)"},
		{Where: "bad.jsonl:9", Skip: `published "last Tuesday" is not an ISO date`},
		{Where: "bad.jsonl:10", Skip: "not valid JSON: unexpected end of JSON input"},
		{Where: "bad.jsonl:11", Met: putinErdogan},
		{Where: "bad.jsonl:12", Skip: notEnglish},
		{Where: "bad.jsonl:13", NoRelations: true},
		{Where: "bad.jsonl:14", Met: putinAssad, Absent: []string{"<p>", "DOCTYPE"}},
		{Where: "bad.jsonl:15", Met: putinErdogan, Warning: "repaired 1 invalid UTF-8 sequence(s), replaced by U+FFFD"},
		{Where: "bad.jsonl:16", Skip: `missing "text"`},
		{Where: "bad.jsonl:17", Skip: `"id" is neither a string nor a number`},
		{Where: "bad.jsonl:18", Skip: "binary data, not text"},
		{Where: "big.txt", Skip: "200.0 MB is over the 16.0 MB limit for one article"},
		{Where: "binary.txt", Skip: "binary data, not text"},
		{Where: "blank.md", Skip: "empty article (only white space)"},
		{Where: "empty.txt", Skip: "empty article"},
		{Where: "fifo.txt", Skip: "not a regular file but a named pipe"},
		{Where: "french.txt", Skip: notEnglish},
		{Where: "german.md", Skip: notEnglish},
		{Where: "good.txt", Met: putinAssad},
		{Where: "hostile.jsonl:1", Met: putinAssad},
		{Where: "huge-line.jsonl:1", Skip: "line over the 16.0 MB limit for one article"},
		{Where: "huge-line.jsonl:2", Met: putinXi},
		{Where: "latin1.txt", Met: putinErdogan, Warning: "repaired 1 invalid UTF-8 sequence(s), replaced by U+FFFD"},
		{Where: "links/back", Skip: "symbolic link loop: it leads back to " + realDir},
		{Where: "links/dangling.txt", Skip: "cannot read: no such file or directory"},
		{Where: "links/good-link.txt", Met: [2]string{"Lavrov", "Wang"}},
		{Where: "links/outside-again", Skip: "symbolic link to " + realOutside + ", which is read already"},
		{Where: "links/outside/story.txt", Met: putinErdogan},
		{Where: "links/ping.txt", Skip: "symbolic link loop"},
		{Where: "links/pong.txt", Skip: "symbolic link loop"},
		{Where: "links/self.txt", Skip: "symbolic link loop"},
		{Where: "long-sentence.txt", Met: putinAssad},
		{Where: "page.html", Met: putinErdogan, Absent: []string{"Obama", "Biden", "Most read", "Home", "font-family", "World News"}},
		{Where: "russian-cp1251.txt", Skip: "not UTF-8 text"},
		{Where: "russian.txt", Skip: notEnglish},
		{Where: "saved-page.txt", Met: [2]string{"Lavrov", "Fidan"}},
	}
	if unreadable {
		cases = append(cases,
			Case{Where: "unreadable-dir", Skip: "cannot list directory: permission denied"},
			Case{Where: "unreadable.txt", Skip: "cannot read: permission denied"})
	}
	cases = append(cases,
		Case{Where: "utf16.jsonl:1", Met: putinXi},
		Case{Where: "utf16.jsonl:2", Met: putinXi},
		Case{Where: "utf16be.txt", Met: putinErdogan},
		Case{Where: "utf16le.txt", Met: putinErdogan},
		Case{Where: "utf8-bom.txt", Met: [2]string{"Lavrov", "Wang"}})
	return dir, cases
}

// writeBig writes a file of BigBytes of English text between head and
// tail, a megabyte at a time.
func writeBig(t testing.TB, name, head, tail string) {
	t.Helper()
	f, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	sentence := "Russian President Vladimir Putin met Syrian President Bashar al-Assad in Moscow on Wednesday. "
	chunk := strings.Repeat(sentence, (1<<20)/len(sentence))
	io.WriteString(w, head)
	for n := 0; n < BigBytes; n += len(chunk) {
		io.WriteString(w, chunk[:min(len(chunk), BigBytes-n)])
	}
	io.WriteString(w, tail)
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// longSentence is one sentence of n words after its headline: a meeting,
// then talk that never stops, naming leaders and countries now and then.
func longSentence(n int) string {
	var b strings.Builder
	b.WriteString("Talks in Moscow\n\nRussian President Vladimir Putin met Syrian President Bashar al-Assad in Moscow on Wednesday")
	filler := strings.Fields("and the delegations talked about trade, energy, security, grain and fertilizer with officials from both sides while")
	names := []string{"Putin", "Erdogan", "Russia", "Turkey", "Assad"}
	for i := 15; i < n; i++ {
		b.WriteByte(' ')
		if i%50 == 0 {
			b.WriteString(names[i/50%len(names)])
		} else {
			b.WriteString(filler[i%len(filler)])
		}
	}
	b.WriteString(".\n")
	return b.String()
}

// chmodTree makes the copied tree readable by anyone.
func chmodTree(t testing.TB, dir string) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return os.Chmod(p, 0o755)
		}
		return os.Chmod(p, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// Check returns what is wrong with the record of a good case.
func (c Case) Check(rec dipgraph.Record) error {
	if c.NoRelations && len(rec.Relations) > 0 {
		return fmt.Errorf("%s: relations %v, want none", c.Where, rec.Relations)
	}
	if c.Met != [2]string{} && !met(rec, c.Met[0], c.Met[1]) {
		return fmt.Errorf("%s: no record that %s met or spoke with %s in %+v", c.Where, c.Met[0], c.Met[1], rec.Relations)
	}
	for _, s := range c.Absent {
		for _, a := range rec.Actors {
			if strings.Contains(a.Name, s) {
				return fmt.Errorf("%s: actor %q, from text that is not the article's", c.Where, a.Name)
			}
		}
		for _, r := range rec.Relations {
			for _, e := range r.Evidence {
				if strings.Contains(e.Sentence, s) {
					return fmt.Errorf("%s: evidence %q holds %q, which is not the article's text", c.Where, e.Sentence, s)
				}
			}
		}
	}
	return nil
}

// met reports whether rec says that actors named with words a and b met
// or spoke.
func met(rec dipgraph.Record, a, b string) bool {
	named := func(id, word string) bool {
		actor, ok := rec.Actor(id)
		return ok && strings.Contains(actor.Name, word)
	}
	for _, r := range rec.Relations {
		if r.Type != dipgraph.MetWith && r.Type != dipgraph.SpokeWith {
			continue
		}
		if named(r.Source, a) && named(r.Target, b) || named(r.Source, b) && named(r.Target, a) {
			return true
		}
	}
	return false
}
