package extract

import (
	"slices"
	"sort"
	"strings"

	"github.com/dipgraph/dipgraph"
)

// meetingCand is a meeting the article reports, gathered from every
// sentence that describes it.
type meetingCand struct {
	participants []string // sorted ids
	date         day
	place        string
	format       string
	modality     dipgraph.Modality
	cameo        string
	conf         float64
	vague        bool  // dated by the text, but not resolvably
	sentences    []int // sentences that name the participants
	references   []int // sentences that only refer to it: "the meeting late Wednesday"
}

// addMeeting records a meeting among ids, merging it with an earlier
// report of the same meeting: same participants, same modality and a date
// that does not contradict.
func (d *doc) addMeeting(h hit, ids []string, ms []mention) {
	ids = append([]string(nil), ids...)
	sort.Strings(ids)
	date, vague := d.dateOf(h)
	c := &meetingCand{
		participants: ids,
		date:         date,
		vague:        vague,
		place:        d.placeOf(h),
		modality:     d.modality(h, ms),
		cameo:        h.rule.cameo,
		conf:         ruleConfidence(h) * minConf(ms),
		sentences:    []int{h.si},
	}
	if h.s.kind == captionBlock {
		return
	}
	for k := len(d.meetings) - 1; k >= 0; k-- {
		m := d.meetings[k]
		if m.modality == c.modality && slices.Equal(m.participants, c.participants) && sameMeetingDate(m.date, c.date) {
			m.merge(c)
			return
		}
	}
	d.meetings = append(d.meetings, c)
}

func (m *meetingCand) merge(c *meetingCand) {
	if c.date.precision > m.date.precision {
		m.date = c.date
	}
	if m.place == "" {
		m.place = c.place
	}
	if m.format == "" {
		m.format = c.format
	}
	m.conf = max(m.conf, c.conf)
	for _, s := range c.sentences {
		if !slices.Contains(m.sentences, s) {
			m.sentences = append(m.sentences, s)
		}
	}
}

// sameMeetingDate reports whether a new report dated b can be of a meeting
// dated a: an undated report refers back to the latest such meeting, and a
// dated one is the same meeting only if the dates agree ("met in 2016"
// is not the meeting "on Friday" whose date is unknown).
func sameMeetingDate(a, b day) bool {
	if b.precision == 0 {
		return true
	}
	if a.precision == 0 {
		return false
	}
	as, bs := a.String(), b.String()
	return strings.HasPrefix(as, bs) || strings.HasPrefix(bs, as)
}

// meetingReferences reads sentences that speak of a meeting already
// reported ("The meeting late Wednesday", "Friday's meeting, under the
// High-Level Russian-Turkish Cooperation Council format") and adds their
// date, place and format to it.
func (d *doc) meetingReferences(si int) {
	s := d.sents[si]
	if s.kind == creditBlock || len(d.meetings) == 0 {
		return
	}
	for i := range s.lw {
		if !d.g.is("meeting", s.lw[i]) || !isMeetingReference(s.lw, i) {
			continue
		}
		var target *meetingCand
		var date day
		for _, e := range s.dates {
			if !e.since && !e.report && abs(e.from-i) <= 4 {
				date = e.value
			}
		}
		target = d.referredMeeting(si, date)
		if target == nil {
			continue
		}
		if date.precision > target.date.precision {
			target.date = date
		}
		if f := meetingFormat(s.w, s.lw); f != "" && target.format == "" {
			target.format = f
		}
		if s.kind == bodyBlock && !slices.Contains(target.references, si) {
			target.references = append(target.references, si)
		}
		return
	}
}

// referredMeeting is the earlier asserted meeting a reference dated date
// speaks of: the latest on that very date, else the latest whose date is
// unknown (or, for an undated reference, the latest of all).
func (d *doc) referredMeeting(si int, date day) *meetingCand {
	var undated *meetingCand
	for k := len(d.meetings) - 1; k >= 0; k-- {
		m := d.meetings[k]
		if slices.Contains(m.sentences, si) || slices.Contains(m.references, si) || m.modality != dipgraph.Asserted {
			continue
		}
		if date.precision == 0 || m.date.String() == date.String() {
			return m
		}
		if m.date.precision == 0 && undated == nil {
			undated = m
		}
	}
	return undated
}

// isMeetingReference: "the meeting", "their meeting", "Friday's meeting",
// "this meeting": a meeting spoken of as known.
func isMeetingReference(lw []string, i int) bool {
	if i == 0 {
		return false
	}
	switch lw[i-1] {
	case "the", "their", "this", "that", "'s", "first":
		return true
	}
	return false
}

// meetingFormat reads "under the X format" or "the X format".
func meetingFormat(w, lw []string) string {
	for i, t := range lw {
		if t != "format" || i == 0 {
			continue
		}
		j := i
		for j > 0 && isNameWord(w[j-1]) {
			j--
		}
		if j < i {
			return strings.Join(w[j:i], " ")
		}
	}
	return ""
}
