package view

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/journal"
	"unknot/app/triage"
)

// renderFacts: how many episodes, how bad, how long, how recent
// (journal.DescribeEpisodes).
func (p *summaryPage) renderFacts() app.UI {
	e := p.Env
	f := journal.DescribeEpisodes(p.episodes, p.now, time.Local)
	facts := []string{e.plural("journal.summary.fact.episodes", f.Count, "ongoing", num(f.Ongoing))}
	if f.Rated > 0 {
		facts = append(facts, e.Text.Format("journal.summary.fact.worst", "avg", e.decimal(f.WorstMean)))
	}
	if f.Ended > 0 {
		facts = append(facts, e.Text.Format("journal.summary.fact.length", "duration", e.duration(f.TypicalLength)))
	}
	if f.HasDaysSince {
		facts = append(facts, e.Text.Format("journal.summary.fact.since", "n", num(f.DaysSince)))
	}
	return app.Section().Class("summary-facts").Attr("aria-labelledby", "summary-facts-title").Body(
		e.h2("summary-facts-title", "journal.summary.facts"),
		app.Ul().Body(app.Range(facts).Slice(func(i int) app.UI { return app.Li().Text(facts[i]) })),
	)
}

// renderTimeline is a table of the latest episodes of the period.
func (p *summaryPage) renderTimeline() app.UI {
	e := p.Env
	rows := p.episodes[:min(summaryTimelineRows, len(p.episodes))]
	col := func(key string) app.UI { return app.Th().Scope("col").Attr("role", "columnheader").Text(e.T(key)) }
	return app.Section().Class("summary-timeline").Attr("aria-labelledby", "summary-timeline-title").Body(
		e.h2("summary-timeline-title", "journal.summary.timeline"),
		app.Table().Class("timeline").Attr("role", "table").Body(
			app.THead().Attr("role", "rowgroup").Body(app.Tr().Attr("role", "row").Body(
				col("journal.summary.col.date"), col("journal.summary.col.length"), col("journal.summary.col.pain"),
				col("journal.summary.col.where"), col("journal.summary.col.triggers"), col("journal.summary.col.helped"),
			)),
			app.TBody().Attr("role", "rowgroup").Body(app.Range(rows).Slice(func(i int) app.UI { return e.timelineRow(rows[i]) })),
		),
		app.If(len(p.episodes) > len(rows), func() app.UI {
			return app.P().Class("hint").Text(e.plural("journal.summary.more", len(p.episodes)-len(rows)))
		}),
	)
}

func (e *Env) timelineRow(ep journal.Episode) app.UI {
	length := e.T("journal.row.ongoing")
	if ep.Ended != nil {
		length = e.duration(ep.Ended.Sub(ep.Started))
	}
	pain := ""
	if first, last, worst, ok := ep.PainSummary(); ok {
		pain = e.Text.Format("journal.summary.pain_cell", "worst", num(worst), "first", num(first), "last", num(last))
	}
	where := ""
	if ep.Where != "" {
		where = e.T("journal.where." + ep.Where)
	}
	var triggers, helped []string
	for _, t := range ep.Triggers {
		triggers = append(triggers, e.T("journal.trigger."+t))
	}
	for _, t := range ep.Tried {
		if t.Effect == journal.EffectHelpedLittle || t.Effect == journal.EffectHelpedLot {
			helped = append(helped, e.T("journal.tried."+t.What))
		}
	}
	cell := func(key, text string) app.UI { return labelledCell(e.T(key), text) }
	return app.Tr().Attr("role", "row").Attr("data-episode", ep.ID).Body(
		cell("journal.summary.col.date", e.shortDate(ep.Started)+" "+fmt.Sprint(ep.Started.In(time.Local).Year())),
		cell("journal.summary.col.length", length),
		cell("journal.summary.col.pain", pain),
		cell("journal.summary.col.where", where),
		cell("journal.summary.col.triggers", e.joinList(triggers)),
		cell("journal.summary.col.helped", e.joinList(helped)),
	)
}

// labelledCell is a cell of a summary table that carries its column's
// name: on a phone each row is a card of "name: text" lines (journal.css),
// as six columns do not fit, and a cell with nothing in it is left out of
// the card.
func labelledCell(column, text string) app.HTMLTd {
	td := app.Td().Attr("role", "cell").Attr("data-label", column).Text(text)
	if text == "" {
		td = td.Class("blank")
	}
	return td
}

// summaryMedicines lists every medicine named, with how many episodes
// named it. Names are as typed; doses are never asked for.
func (e *Env) summaryMedicines(eps []journal.Episode) app.UI {
	counts := map[string]int{}
	names := map[string]string{} // lower case → first spelling seen
	for _, ep := range eps {
		for _, m := range ep.Medicines {
			k := strings.ToLower(strings.TrimSpace(m))
			if _, ok := names[k]; !ok {
				names[k] = strings.TrimSpace(m)
			}
			counts[k]++
		}
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if counts[keys[i]] != counts[keys[j]] {
			return counts[keys[i]] > counts[keys[j]]
		}
		return keys[i] < keys[j]
	})
	return app.Section().Class("summary-medicines").Attr("aria-labelledby", "summary-medicines-title").Body(
		e.h2("summary-medicines-title", "journal.summary.medicines"),
		app.If(len(keys) == 0, func() app.UI { return e.para("", "journal.summary.medicines.none") }).
			Else(func() app.UI {
				return app.Ul().Body(app.Range(keys).Slice(func(i int) app.UI {
					return app.Li().Text(e.plural("journal.summary.medicine", counts[keys[i]], "name", names[keys[i]]))
				}))
			}),
	)
}

// warningReport is one warning sign answered yes or unsure in a saved
// check.
type warningReport struct {
	At     time.Time
	Reason string // text key of the question's reason
	Unsure bool
}

// warningReports finds, in the triage checks saved with episodes, every
// warning-sign question answered yes or unsure, newest first.
func warningReports(rs *triage.RuleSet, eps []journal.Episode) []warningReport {
	var out []warningReport
	for _, ep := range eps {
		if ep.Triage == nil {
			continue
		}
		ids := make([]string, 0, len(ep.Triage.Answers))
		for id := range ep.Triage.Answers {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			v := ep.Triage.Answers[id]
			q, ok := rs.Question(triage.QuestionID(id))
			if !ok || !q.WarningSign() || (v != triage.Yes && v != triage.Unsure) {
				continue
			}
			out = append(out, warningReport{At: ep.Triage.At, Reason: q.ReasonKey(), Unsure: v == triage.Unsure})
		}
	}
	return out
}

func (e *Env) summaryWarnings(eps []journal.Episode) app.UI {
	reports := warningReports(e.Catalog.Triage(), eps)
	checks := 0
	for _, ep := range eps {
		if ep.Triage != nil {
			checks++
		}
	}
	return app.Section().Class("summary-warnings").Attr("aria-labelledby", "summary-warnings-title").Body(
		e.h2("summary-warnings-title", "journal.summary.warnings"),
		app.P().Text(e.Text.Format("journal.summary.checks", "n", num(checks))),
		app.If(len(reports) == 0, func() app.UI {
			return app.P().Attr("data-warnings", "none").Text(e.T("journal.summary.warnings.none"))
		}).Else(func() app.UI {
			return app.Ul().Attr("data-warnings", num(len(reports))).Body(app.Range(reports).Slice(func(i int) app.UI {
				r := reports[i]
				key := "journal.summary.warning.yes"
				if r.Unsure {
					key = "journal.summary.warning.unsure"
				}
				return app.Li().Text(e.Text.Format(key, "date", e.date(r.At), "reason", e.T(r.Reason)))
			}))
		}),
	)
}

// summarySessions: routine sessions done in the period, by routine, with
// pain before and after on average (journal.SummariseSessions).
func (e *Env) summarySessions(sessions []journal.Session) app.UI {
	t := journal.SummariseSessions(sessions)
	var items []string
	for _, r := range t.ByRoutine {
		items = append(items, e.Text.Format("journal.summary.routine", "name", r.Name, "n", num(r.Count)))
	}
	return app.Section().Class("summary-sessions").Attr("aria-labelledby", "summary-sessions-title").Body(
		e.h2("summary-sessions-title", "journal.sessions.title"),
		app.If(t.Done == 0, func() app.UI {
			return app.P().Attr("data-sessions", "0").Text(e.T("journal.summary.no_sessions"))
		}).Else(func() app.UI {
			return app.P().Attr("data-sessions", num(t.Done)).Text(e.plural("journal.summary.sessions", t.Done, "finished", num(t.Finished)))
		}),
		app.If(t.PainPairs > 0, func() app.UI { return app.P().Text(e.painAverages(t)) }),
		app.If(len(items) > 0, func() app.UI { return app.P().Text(e.joinList(items)) }),
	)
}
