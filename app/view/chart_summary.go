package view

import (
	"strconv"
	"time"

	"unknot/app/journal"
)

// The words that say what each chart shows, for screen readers, print and
// anyone who prefers reading to looking.

// painSummary: how many ratings, over which days, first and latest,
// highest, and whether pain has been lower or higher lately
// (journal.DescribePain).
func (e *Env) painSummary(points []journal.PainPoint) string {
	f := journal.DescribePain(points)
	if f.Count == 0 {
		return e.T("journal.chart.pain.none")
	}
	key := "journal.chart.pain.summary"
	if from, to := f.First.At.In(time.Local), f.Latest.At.In(time.Local); f.Count > 1 && from.YearDay() == to.YearDay() && from.Year() == to.Year() {
		key = "journal.chart.pain.summary_day"
	}
	s := e.plural(key, f.Count,
		"from", e.shortDate(f.First.At), "to", e.shortDate(f.Latest.At),
		"first", strconv.Itoa(f.First.Score), "last", strconv.Itoa(f.Latest.Score),
		"high", strconv.Itoa(f.Highest))
	switch f.Trend {
	case journal.TrendLower:
		s += " " + e.T("journal.chart.pain.lower")
	case journal.TrendHigher:
		s += " " + e.T("journal.chart.pain.higher")
	case journal.TrendSame:
		s += " " + e.T("journal.chart.pain.same")
	}
	return s
}

// weekSummary: records in the period and the busiest week
// (journal.DescribeWeeks); key names what is counted (spasms, sessions).
func (e *Env) weekSummary(key string, weeks []journal.Count) string {
	f := journal.DescribeWeeks(weeks)
	s := e.plural(key, f.Total, "weeks", strconv.Itoa(len(weeks)))
	if f.Total > 0 {
		s += " " + e.Text.Format("journal.chart.weeks.busiest",
			"n", strconv.Itoa(f.Busiest.Count), "date", e.shortDate(f.Busiest.Start))
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
