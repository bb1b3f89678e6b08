package view

import (
	"fmt"
	"strings"
	"time"

	"unknot/app/journal"
)

// activityLabelsUpTo is how many ratings a chart labels with their score;
// beyond it, only the first and the latest are labelled, so that labels
// never overlap.
const activityLabelsUpTo = 8

// activityChart plots one activity's ratings, oldest first, on the 0 to 10
// scale, from its first rating to now, each point labelled with its score
// (data-score), drawn as painChart draws pain.
func (e *Env) activityChart(rs []journal.ActivityRating, now time.Time) string {
	var b strings.Builder
	svgOpen(&b, chartH)
	plotW := float64(chartW - chartLeft - chartRight - 8)
	y := func(score int) float64 {
		return chartBase - float64(score)*float64(chartBase-chartTop)/10
	}
	for _, s := range []int{0, 5, 10} {
		fmt.Fprintf(&b, `<line class="chart-rule" x1="%d" x2="%d" y1="%.1f" y2="%.1f"/>`, chartLeft, chartW-chartRight, y(s), y(s))
		svgText(&b, chartLeft-6, y(s)+4, "end", "chart-label", fmt.Sprint(s))
	}
	from, to := rs[0].At, rs[len(rs)-1].At
	if now.After(to) {
		to = now
	}
	span := to.Sub(from)
	x := func(t time.Time) float64 {
		if span <= 0 {
			return chartLeft + 8 + plotW/2
		}
		return chartLeft + 8 + plotW*float64(t.Sub(from))/float64(span)
	}
	if len(rs) > 1 {
		b.WriteString(`<polyline class="chart-line" points="`)
		for _, r := range rs {
			fmt.Fprintf(&b, "%.1f,%.1f ", x(r.At), y(r.Score))
		}
		b.WriteString(`"/>`)
	}
	for i, r := range rs {
		fmt.Fprintf(&b, `<circle class="chart-dot" cx="%.1f" cy="%.1f" r="4" data-score="%d"/>`, x(r.At), y(r.Score), r.Score)
		if len(rs) <= activityLabelsUpTo || i == 0 || i == len(rs)-1 {
			svgText(&b, x(r.At), y(r.Score)-9, "middle", "chart-label chart-point-label", fmt.Sprint(r.Score))
		}
	}
	svgText(&b, chartLeft, chartBase+20, "start", "chart-label", e.shortDate(from))
	if e.shortDate(to) != e.shortDate(from) {
		svgText(&b, chartW-chartRight, chartBase+20, "end", "chart-label", e.shortDate(to))
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// activityChangeWords says what an activity's ratings show: how many, the
// first and the latest, and whether the change between them is more than
// the scale's usual wobble (journal.ActivityChangeMDC).
func (e *Env) activityChangeWords(a journal.Activity) string {
	c, ok := a.Change()
	if !ok {
		return e.T("psfs.unrated")
	}
	if c.Count == 1 {
		return e.Text.Format("psfs.change.once", "score", num(c.First.Score), "date", e.shortDate(c.First.At))
	}
	s := e.plural("psfs.change.ratings", c.Count,
		"first", num(c.First.Score), "from", e.shortDate(c.First.At),
		"last", num(c.Latest.Score), "to", e.shortDate(c.Latest.At))
	mdc := num(journal.ActivityChangeMDC)
	d := c.Diff()
	switch {
	case d == 0:
		s += " " + e.Text.Format("psfs.change.none", "mdc", mdc)
	case c.Detectable() && d > 0:
		s += " " + e.plural("psfs.change.better", d) + " " + e.Text.Format("psfs.change.real", "mdc", mdc)
	case c.Detectable():
		s += " " + e.plural("psfs.change.worse", -d) + " " + e.Text.Format("psfs.change.real", "mdc", mdc)
	case d > 0:
		s += " " + e.plural("psfs.change.better", d) + " " + e.Text.Format("psfs.change.wobble", "mdc", mdc)
	default:
		s += " " + e.plural("psfs.change.worse", -d) + " " + e.Text.Format("psfs.change.wobble", "mdc", mdc)
	}
	return s
}
