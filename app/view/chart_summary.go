package view

import (
	"strconv"

	"unknot/app/journal"
)

// The words that say what each chart shows, for screen readers, print and
// anyone who prefers reading to looking.

// painSummary: how many ratings, first and latest, highest, and whether
// pain has been lower or higher lately.
func (e *Env) painSummary(points []journal.PainPoint) string {
	if len(points) == 0 {
		return e.T("journal.chart.pain.none")
	}
	first, last := points[0], points[len(points)-1]
	high := first.Score
	for _, p := range points {
		high = max(high, p.Score)
	}
	s := e.plural("journal.chart.pain.summary", len(points),
		"from", e.shortDate(first.At), "to", e.shortDate(last.At),
		"first", strconv.Itoa(first.Score), "last", strconv.Itoa(last.Score),
		"high", strconv.Itoa(high))
	if len(points) >= 4 {
		half := len(points) / 2
		diff := meanScore(points[half:]) - meanScore(points[:half])
		switch {
		case diff <= -1:
			s += " " + e.T("journal.chart.pain.lower")
		case diff >= 1:
			s += " " + e.T("journal.chart.pain.higher")
		default:
			s += " " + e.T("journal.chart.pain.same")
		}
	}
	return s
}

func meanScore(points []journal.PainPoint) float64 {
	sum := 0
	for _, p := range points {
		sum += p.Score
	}
	return float64(sum) / float64(len(points))
}

// weekSummary: episodes in the period and the busiest week.
func (e *Env) weekSummary(weeks []journal.Count) string {
	total, busiest := 0, 0
	for i, w := range weeks {
		total += w.Count
		if w.Count > weeks[busiest].Count {
			busiest = i
		}
	}
	s := e.plural("journal.chart.weeks.summary", total, "weeks", strconv.Itoa(len(weeks)))
	if total > 0 {
		s += " " + e.Text.Format("journal.chart.weeks.busiest",
			"n", strconv.Itoa(weeks[busiest].Count), "date", e.shortDate(weeks[busiest].Start))
	}
	return s
}

// triggerSummary: the most common triggers with their counts.
func (e *Env) triggerSummary(tc []journal.TriggerCount) string {
	if len(tc) == 0 {
		return e.T("journal.chart.triggers.none")
	}
	var items []string
	for _, t := range tc {
		items = append(items, e.Text.Format("journal.chart.triggers.item", "trigger", e.T("journal.trigger."+t.Trigger), "n", strconv.Itoa(t.Count)))
	}
	return e.Text.Format("journal.chart.triggers.summary", "list", e.joinList(items))
}

// helpedSummary: each thing tried, how often, and how well on average.
func (e *Env) helpedSummary(hs []journal.Helped) string {
	if len(hs) == 0 {
		return e.T("journal.chart.helped.none")
	}
	var items []string
	for _, h := range hs {
		items = append(items, e.plural("journal.chart.helped.item", h.Count,
			"what", e.T("journal.tried."+h.What), "band", e.T(effectBand(h.Mean()))))
	}
	return e.Text.Format("journal.chart.helped.summary", "list", e.joinList(items))
}
