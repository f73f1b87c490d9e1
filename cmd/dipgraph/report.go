package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/schollz/progressbar/v3"

	"github.com/dipgraph/dipgraph/extract"
)

// reporter tells the user, on stderr, about long work over articles: a
// progress bar on a terminal, each article that could not be read, and a
// summary. Bad articles never stop the rest; they make the command exit
// non-zero at the end.
type reporter struct {
	w       io.Writer
	quiet   bool
	bar     *progressbar.ProgressBar
	total   int
	skipped []string
}

func newReporter(w io.Writer, g *globalOptions, what string) *reporter {
	r := &reporter{w: w, quiet: g.quiet}
	if g.showProgress(w) {
		r.bar = progressbar.NewOptions(-1,
			progressbar.OptionSetWriter(w),
			progressbar.OptionSetDescription(what),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("articles"),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionThrottle(100_000_000),
		)
	}
	return r
}

// article counts one result and reports it if it is bad, or was read
// with a warning; it returns whether the result holds a record.
func (r *reporter) article(res extract.Result) bool {
	r.total++
	if r.bar != nil {
		r.bar.Add(1)
	}
	if res.Err != nil {
		msg := fmt.Sprintf("%s: %v", res.Where, res.Err)
		r.skipped = append(r.skipped, msg)
		r.say("skipped", msg)
		return false
	}
	if res.Warning != "" {
		r.say("warning:", fmt.Sprintf("%s: %s", res.Where, res.Warning))
	}
	return true
}

// say prints a line about one article, clearing the progress bar first.
func (r *reporter) say(what, msg string) {
	if r.bar != nil {
		r.bar.Clear()
	}
	fmt.Fprintln(r.w, "dipgraph:", what, msg)
}

// finish ends the progress bar and returns an error if any article was
// skipped.
func (r *reporter) finish() error {
	if r.bar != nil {
		r.bar.Finish()
	}
	if len(r.skipped) == 0 {
		return nil
	}
	msg := fmt.Sprintf("%d of %d articles skipped: %s", len(r.skipped), r.total, strings.Join(first(r.skipped, 3), "; "))
	if len(r.skipped) > 3 {
		msg += "; ..."
	}
	fmt.Fprintln(r.w, "dipgraph:", msg)
	return exitError{msg}
}

func first(xs []string, n int) []string {
	return xs[:min(n, len(xs))]
}
