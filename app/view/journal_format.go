package view

import (
	"strconv"
	"strings"
	"time"

	"unknot/app/journal"
)

// Dates and words for journal records. Month and weekday names come from
// the locale (journal.month.<1-12>, journal.weekday.<0-6>), so a language
// is added without code; times are 24-hour.

// day is "Mon 3 March".
func (e *Env) day(t time.Time) string {
	t = t.In(time.Local)
	return e.Text.Format("journal.date.day",
		"weekday", e.T("journal.weekday."+strconv.Itoa(int(t.Weekday()))),
		"day", strconv.Itoa(t.Day()),
		"month", e.T("journal.month."+strconv.Itoa(int(t.Month()))))
}

// date is "3 March 2025".
func (e *Env) date(t time.Time) string {
	t = t.In(time.Local)
	return e.Text.Format("journal.date.full",
		"day", strconv.Itoa(t.Day()),
		"month", e.T("journal.month."+strconv.Itoa(int(t.Month()))),
		"year", strconv.Itoa(t.Year()))
}

// shortDate is "3 Mar".
func (e *Env) shortDate(t time.Time) string {
	t = t.In(time.Local)
	return e.Text.Format("journal.date.short",
		"day", strconv.Itoa(t.Day()),
		"month", e.T("journal.month_short."+strconv.Itoa(int(t.Month()))))
}

// monthTitle is "March 2025".
func (e *Env) monthTitle(t time.Time) string {
	t = t.In(time.Local)
	return e.Text.Format("journal.date.month",
		"month", e.T("journal.month."+strconv.Itoa(int(t.Month()))),
		"year", strconv.Itoa(t.Year()))
}

// dayTime is "Mon 3 March, 14:05".
func (e *Env) dayTime(t time.Time) string {
	return e.Text.Format("journal.date.day_time", "day", e.day(t), "time", t.In(time.Local).Format("15:04"))
}

// duration is "2 days", "5 hours" or "under an hour".
func (e *Env) duration(d time.Duration) string {
	switch {
	case d >= 48*time.Hour:
		return e.Text.Format("journal.duration.days", "n", strconv.Itoa(int(d/(24*time.Hour))))
	case d >= 24*time.Hour:
		return e.T("journal.duration.day")
	case d >= 2*time.Hour:
		return e.Text.Format("journal.duration.hours", "n", strconv.Itoa(int(d/time.Hour)))
	case d >= time.Hour:
		return e.T("journal.duration.hour")
	}
	return e.T("journal.duration.short")
}

// episodeFacts is what a row says about an episode besides its date:
// "worst pain 7 · left · lifting · ongoing".
func (e *Env) episodeFacts(ep journal.Episode) []string {
	var facts []string
	if _, _, worst, ok := ep.PainSummary(); ok {
		facts = append(facts, e.Text.Format("journal.row.pain", "score", strconv.Itoa(worst)))
	}
	if ep.Where != "" {
		facts = append(facts, e.T("journal.where."+ep.Where))
	}
	for _, t := range ep.Triggers {
		facts = append(facts, e.T("journal.trigger."+t))
	}
	if ep.Ongoing() {
		facts = append(facts, e.T("journal.row.ongoing"))
	} else {
		facts = append(facts, e.duration(ep.Ended.Sub(ep.Started)))
	}
	return facts
}

// joinList joins words with the locale's separator.
func (e *Env) joinList(items []string) string {
	out := ""
	for i, s := range items {
		if i > 0 {
			out += e.T("journal.list_sep")
		}
		out += s
	}
	return out
}

// monthStart is midnight on the first of t's month, local time.
func monthStart(t time.Time) time.Time {
	t = t.In(time.Local)
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.Local)
}

// num writes n in digits.
func num(n int) string { return strconv.Itoa(n) }

// decimal writes x with one decimal, without a trailing ".0", and the
// language's decimal sign ("6.5", "6,5").
func (e *Env) decimal(x float64) string {
	s := strconv.FormatFloat(x, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	return strings.Replace(s, ".", e.T("journal.decimal_sign"), 1)
}
