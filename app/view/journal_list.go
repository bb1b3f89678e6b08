package view

import (
	"strconv"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/journal"
)

// listPage is how many more episodes "Show more" reveals: enough to fill a
// few screens, few enough that a journal of thousands opens at once.
const listPage = 50

// monthGroup is the episodes that started in one calendar month.
type monthGroup struct {
	Start    time.Time // midnight on the 1st, local time
	Episodes []journal.Episode
}

// groupByMonth groups episodes, already newest first, by the month they
// started in, keeping their order.
func groupByMonth(es []journal.Episode) []monthGroup {
	var groups []monthGroup
	for _, ep := range es {
		m := monthStart(ep.Started)
		if n := len(groups); n == 0 || !groups[n-1].Start.Equal(m) {
			groups = append(groups, monthGroup{Start: m})
		}
		g := &groups[len(groups)-1]
		g.Episodes = append(g.Episodes, ep)
	}
	return groups
}

// episodeList renders episodes (newest first) grouped by month, with a
// "Show more" button calling onMore while fewer than total are shown.
func (e *Env) episodeList(eps []journal.Episode, total int, onMore app.EventHandler) app.UI {
	groups := groupByMonth(eps)
	return app.Section().Class("journal-list").Attr("aria-labelledby", "journal-list-title").Body(
		e.h2("journal-list-title", "journal.list.title"),
		app.P().Class("hint").ID("journal-list-count").Text(e.Text.Format("journal.list.count",
			"shown", strconv.Itoa(len(eps)), "total", strconv.Itoa(total))),
		app.Range(groups).Slice(func(i int) app.UI {
			g := groups[i]
			id := "month-" + g.Start.Format("2006-01")
			return app.Section().Class("journal-month").Attr("aria-labelledby", id).Body(
				app.H3().ID(id).Class("journal-month-title").Text(e.monthTitle(g.Start)),
				app.Ul().Class("episode-rows").Body(app.Range(g.Episodes).Slice(func(j int) app.UI {
					return e.episodeRow(g.Episodes[j])
				})),
			)
		}),
		app.If(len(eps) < total, func() app.UI {
			return app.Button().Type("button").Class("btn btn-quiet journal-more").Attr("data-action", "show-more").
				Attr("aria-describedby", "journal-list-count").OnClick(onMore).
				Text(e.Text.Format("journal.list.more", "n", strconv.Itoa(min(listPage, total-len(eps)))))
		}),
	)
}

// episodeRow is one episode as a link to its page.
func (e *Env) episodeRow(ep journal.Episode) app.UI {
	return app.Li().Body(
		app.A().Class("episode-row").Href(e.Href("/journal/"+ep.ID)).Attr("data-episode", ep.ID).Body(
			app.Span().Class("episode-row-date").Text(e.dayTime(ep.Started)),
			app.Span().Class("episode-row-facts").Text(e.joinList(e.episodeFacts(ep))),
		),
	)
}
