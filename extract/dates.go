package extract

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// dateline is what the opening "MOSCOW, Russia (AFP) -" of a report says.
type dateline struct {
	place, source string
}

var datelineRE = regexp.MustCompile(`^([A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*)(?:, ([A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)*))? ?\(([A-Za-z][A-Za-z. ]*)\) ?-+ ?|^([A-Z][A-Za-z]*[A-Z])\s+-+\s*`)

// maxDateline bounds how far into a line a dateline may reach.
const maxDateline = 120

// parseDateline recognises a dateline at the start of a line and returns
// it with its length in bytes, or 0 if the line has none.
func parseDateline(line string) (dateline, int) {
	if len(line) > maxDateline {
		line = line[:maxDateline]
	}
	m := datelineRE.FindStringSubmatchIndex(line)
	if m == nil {
		return dateline{}, 0
	}
	if m[2] >= 0 {
		return dateline{place: titleCase(line[m[2]:m[3]]), source: line[m[6]:m[7]]}, m[1]
	}
	return dateline{source: line[m[8]:m[9]]}, m[1]
}

func titleCase(s string) string {
	ws := strings.Fields(strings.ToLower(s))
	for i, w := range ws {
		ws[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(ws, " ")
}

// day is a calendar date at some precision: a year, a month or a day.
type day struct {
	t         time.Time
	precision int // 0 unknown, 1 year, 2 month, 3 day
}

func (d day) String() string {
	switch d.precision {
	case 1:
		return fmt.Sprintf("%04d", d.t.Year())
	case 2:
		return d.t.Format("2006-01")
	case 3:
		return d.t.Format(time.DateOnly)
	}
	return ""
}

func parseISO(s string) day {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil || t.Year() < 1 || t.Year() > 9998 { // so that dates resolved against it stay in 0000-9999
		return day{}
	}
	return day{t, 3}
}

// dateExpr is a date expression found in a sentence.
type dateExpr struct {
	from, to int // tokens
	value    day
	since    bool // "since 2016": when something began, not when it happened
	report   bool // "showed Thursday": when it was reported
}

var months = func() map[string]time.Month {
	m := map[string]time.Month{}
	for i := time.January; i <= time.December; i++ {
		m[i.String()] = i
		m[i.String()[:3]] = i
		m[i.String()[:3]+"."] = i
	}
	m["Sept"], m["Sept."] = time.September, time.September
	delete(m, "May.")
	return m
}()

var weekdays = func() map[string]time.Weekday {
	m := map[string]time.Weekday{}
	for i := time.Sunday; i <= time.Saturday; i++ {
		m[i.String()] = i
	}
	return m
}()

func year(w string) (int, bool) {
	if len(w) != 4 || (w[:2] != "19" && w[:2] != "20") {
		return 0, false
	}
	y, err := strconv.Atoi(w)
	return y, err == nil
}

func dayOfMonth(w string) (int, bool) {
	if w == "" || !isDigit(w[0]) {
		return 0, false
	}
	w = strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(w, "th"), "st"), "nd"), "rd"), ",")
	d, err := strconv.Atoi(w)
	return d, err == nil && d >= 1 && d <= 31
}

// findDates finds the date expressions of a sentence and resolves them
// against ref, the article's reference date. Without one only absolute
// dates resolve; "on Friday" is still found, with an unknown value, so
// that it is not mistaken for no date at all.
func findDates(w []string, lw []string, ref day, speech func(string) bool) []dateExpr {
	var out []dateExpr
	for i := 0; i < len(w); i++ {
		e, n := dateAt(w, lw, i, ref)
		if n == 0 {
			continue
		}
		e.from, e.to = i, i+n
		start := i
		for start > 0 && (lw[start-1] == "late" || lw[start-1] == "early" || lw[start-1] == "on" || lw[start-1] == "in" || lw[start-1] == "last" || lw[start-1] == "this") {
			start--
		}
		if start > 0 && lw[start-1] == "since" || i > 0 && lw[i-1] == "since" {
			e.since = true
		}
		if start > 0 && speech(lw[start-1]) {
			e.report = true
		}
		out = append(out, e)
		i += n - 1
	}
	return out
}

// dateAt reads one date expression at w[i] and returns it with its length.
func dateAt(w, lw []string, i int, ref day) (dateExpr, int) {
	at := func(k int) string {
		if i+k < len(w) {
			return w[i+k]
		}
		return ""
	}
	if m, ok := months[w[i]]; ok {
		if d, ok := dayOfMonth(at(1)); ok {
			k := 2
			if at(k) == "," {
				k++
			}
			if y, ok := year(at(k)); ok {
				return dateExpr{value: day{time.Date(y, m, d, 0, 0, 0, 0, time.UTC), 3}}, k + 1
			}
			return dateExpr{value: pastMonthDay(ref, m, d)}, 2
		}
		if y, ok := year(at(1)); ok {
			return dateExpr{value: day{time.Date(y, m, 1, 0, 0, 0, 0, time.UTC), 2}}, 2
		}
		if w[i] == "May" || w[i] == "March" && !(i > 0 && (lw[i-1] == "in" || lw[i-1] == "since" || lw[i-1] == "early" || lw[i-1] == "late")) {
			return dateExpr{}, 0
		}
		if at(1) == "last" && at(2) == "year" && ref.precision > 0 {
			return dateExpr{value: day{time.Date(ref.t.Year()-1, m, 1, 0, 0, 0, 0, time.UTC), 2}}, 3
		}
		return dateExpr{value: pastMonth(ref, m)}, 1
	}
	if d, ok := dayOfMonth(w[i]); ok && i+1 < len(w) {
		if m, ok := months[w[i+1]]; ok {
			if y, ok := year(at(2)); ok {
				return dateExpr{value: day{time.Date(y, m, d, 0, 0, 0, 0, time.UTC), 3}}, 3
			}
			return dateExpr{value: pastMonthDay(ref, m, d)}, 2
		}
	}
	if y, ok := year(w[i]); ok {
		if i > 0 && (lw[i-1] == "in" || lw[i-1] == "since" || lw[i-1] == "of" || lw[i-1] == "until" || lw[i-1] == "by" || lw[i-1] == "early" || lw[i-1] == "late" || lw[i-1] == "mid" || lw[i-1] == ",") {
			return dateExpr{value: day{time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), 1}}, 1
		}
		return dateExpr{}, 0
	}
	if len(w[i]) == 10 && w[i][4] == '-' {
		if d := parseISO(w[i]); d.precision > 0 {
			return dateExpr{value: d}, 1
		}
	}
	if wd, ok := weekdays[w[i]]; ok {
		return dateExpr{value: pastWeekday(ref, wd)}, 1
	}
	if ref.precision < 3 {
		return dateExpr{}, 0
	}
	switch lw[i] {
	case "today", "tonight":
		return dateExpr{value: ref}, 1
	case "yesterday":
		return dateExpr{value: day{ref.t.AddDate(0, 0, -1), 3}}, 1
	case "tomorrow":
		return dateExpr{value: day{ref.t.AddDate(0, 0, 1), 3}}, 1
	case "this", "last", "next":
		step := map[string]int{"this": 0, "last": -1, "next": 1}[lw[i]]
		switch strings.ToLower(at(1)) {
		case "week":
			return dateExpr{value: day{ref.t.AddDate(0, 0, 7*step), 2}}, 2
		case "month":
			return dateExpr{value: day{ref.t.AddDate(0, step, 0), 2}}, 2
		case "year":
			return dateExpr{value: day{ref.t.AddDate(step, 0, 0), 1}}, 2
		}
	}
	return dateExpr{}, 0
}

// pastWeekday is the latest day on or before ref that falls on wd: news
// reports "on Friday" of the week just gone.
func pastWeekday(ref day, wd time.Weekday) day {
	if ref.precision < 3 {
		return day{}
	}
	back := (int(ref.t.Weekday()) - int(wd) + 7) % 7
	return day{ref.t.AddDate(0, 0, -back), 3}
}

// pastMonth is the latest month on or before ref's month named m.
func pastMonth(ref day, m time.Month) day {
	if ref.precision < 2 {
		return day{}
	}
	y := ref.t.Year()
	if m > ref.t.Month() {
		y--
	}
	return day{time.Date(y, m, 1, 0, 0, 0, 0, time.UTC), 2}
}

func pastMonthDay(ref day, m time.Month, d int) day {
	p := pastMonth(ref, m)
	if p.precision == 0 {
		return day{}
	}
	return day{time.Date(p.t.Year(), m, d, 0, 0, 0, 0, time.UTC), 3}
}
