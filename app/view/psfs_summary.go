package view

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/journal"
)

// summaryActivities is the Patient-Specific Functional Scale on the doctor
// summary, beside pain: each activity with its first and latest score and
// their dates, and the change between them against the minimal detectable
// change. Every activity is shown, whatever the period: the scale follows
// the person's own activities from the day they named them.
func (e *Env) summaryActivities(as []journal.Activity) app.UI {
	col := func(key string) app.UI { return app.Th().Scope("col").Attr("role", "columnheader").Text(e.T(key)) }
	return app.Section().Class("summary-activities").Attr("aria-labelledby", "summary-activities-title").Body(
		e.h2("summary-activities-title", "psfs.summary.title"),
		app.P().Class("hint").Text(e.Text.Format("psfs.summary.scale", "mdc", num(journal.ActivityChangeMDC))),
		app.Table().Class("timeline").Attr("role", "table").Body(
			app.THead().Attr("role", "rowgroup").Body(app.Tr().Attr("role", "row").Body(
				col("psfs.summary.col.activity"), col("psfs.summary.col.first"),
				col("psfs.summary.col.latest"), col("psfs.summary.col.change"),
			)),
			app.TBody().Attr("role", "rowgroup").Body(app.Range(as).Slice(func(i int) app.UI { return e.summaryActivityRow(as[i]) })),
		),
	)
}

func (e *Env) summaryActivityRow(a journal.Activity) app.UI {
	c, ok := a.Change()
	if !ok {
		return app.Tr().Attr("role", "row").Attr("data-activity", a.ID).Body(
			app.Th().Scope("row").Attr("role", "rowheader").Text(a.Name),
			app.Td().Attr("role", "cell").ColSpan(3).Text(e.T("psfs.unrated")),
		)
	}
	score := func(r journal.ActivityRating) string {
		return e.Text.Format("psfs.summary.score", "score", num(r.Score), "date", e.date(r.At))
	}
	change := ""
	switch d := c.Diff(); {
	case c.Count == 1:
		change = e.T("psfs.summary.once")
	case d == 0:
		change = e.T("psfs.summary.same")
	case d > 0:
		change = e.plural("psfs.summary.better", d)
	default:
		change = e.plural("psfs.summary.worse", -d)
	}
	if c.Detectable() {
		change += " " + e.T("psfs.summary.real")
	}
	return app.Tr().Attr("role", "row").Attr("data-activity", a.ID).Body(
		app.Th().Scope("row").Attr("role", "rowheader").Text(a.Name),
		labelledCell(e.T("psfs.summary.col.first"), score(c.First)).Attr("data-first", c.First.Score),
		labelledCell(e.T("psfs.summary.col.latest"), score(c.Latest)).Attr("data-latest", c.Latest.Score),
		labelledCell(e.T("psfs.summary.col.change"), change),
	)
}
