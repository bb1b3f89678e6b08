package view

import (
	"context"
	"encoding/json"
	"slices"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/journal"
)

// recheckHiddenKey keeps, in the Platform's key-value store, the re-check
// day each episode's Home card was put off at ("Not now"): {id: day}.
const recheckHiddenKey = "unknot.recheck.hidden.v1"

// homeRecheck is the re-check due now that Home shows first, if any.
type homeRecheck struct {
	episode journal.Episode
	day     int
}

// homeRechecks is what Home read (loaded once it has): the card to show,
// if any, and the ids of every episode whose safety net can still be due.
type homeRechecks struct {
	loaded bool
	card   *homeRecheck
	within []string
}

// fetchRecheck reads the episodes whose safety net can still be due and
// finds the newest one due now and not put off; it only reads p.Env, so it
// may run on any goroutine.
func (p *homePage) fetchRecheck() homeRechecks {
	e := p.Env
	now := e.now()
	eps, err := episodesSince(context.Background(), e.Journal, now.Add(-journal.SafetyNetWindow()))
	if err != nil {
		// Home is for a person in pain: a journal that cannot be read
		// is said on the journal's own pages, not here.
		app.Log("unknot: home: reading the journal:", err)
		return homeRechecks{loaded: true}
	}
	out := homeRechecks{loaded: true}
	for _, ep := range eps {
		out.within = append(out.within, ep.ID)
	}
	hidden := loadRecheckHidden(e.Platform)
	due, days := dueSafetyNets(eps, now)
	for i, ep := range due {
		if hidden[ep.ID] != days[i] {
			out.card = &homeRecheck{ep, days[i]}
			break
		}
	}
	return out
}

// loadRecheck reads the card through the page's own context (STYLE.md,
// habit 11): "Not now" removes the button that asked.
func (p *homePage) loadRecheck() {
	ctx := p.ctx
	ctx.Async(func() {
		r := p.fetchRecheck()
		ctx.Dispatch(func(app.Context) { p.rechecks = r })
	})
}

func loadRecheckHidden(pl Platform) map[string]int {
	hidden := map[string]int{}
	if raw, ok, err := pl.Get(recheckHiddenKey); err == nil && ok {
		if json.Unmarshal([]byte(raw), &hidden) != nil {
			return map[string]int{}
		}
	}
	return hidden
}

// onNotNow puts the card off until the episode's next re-check day. Only
// the episodes still within their safety net are kept. Should the choice
// not be kept, the card still goes, until the page is loaded again.
func (p *homePage) onNotNow(ctx app.Context, ev app.Event) {
	e, r := p.Env, p.rechecks.card
	if r == nil {
		return
	}
	p.rechecks.card = nil
	hidden := loadRecheckHidden(e.Platform)
	hidden[r.episode.ID] = r.day
	for id := range hidden {
		if !slices.Contains(p.rechecks.within, id) {
			delete(hidden, id)
		}
	}
	raw, err := json.Marshal(hidden)
	if err == nil {
		err = e.Platform.Set(recheckHiddenKey, string(raw))
	}
	if err != nil {
		app.Log("unknot: home: keeping \"not now\":", err)
		return
	}
	p.loadRecheck() // another episode's re-check may be due
}

// renderRecheck is the journal's re-check prompt as Home's first card, with
// "Not now" and the calendar reminders. Its element is there from the
// first render, empty until a re-check is due: a card inserted among the
// page's elements would make go-app redraw every element after it, and
// take a tap in progress with them. data-loaded says the journal was read.
func (p *homePage) renderRecheck() app.UI {
	e, r := p.Env, p.rechecks.card
	slot := app.Section().Class("home-recheck").Attr("data-loaded", p.rechecks.loaded)
	if r == nil {
		return slot
	}
	return slot.Attr("data-recheck", strconv.Itoa(r.day)).Attr("aria-label", e.T("journal.safety.label")).Body(
		e.safetyNetPrompt(r.episode, r.day, true,
			app.Button().Type("button").Class("btn btn-small btn-quiet").Attr("data-action", "recheck-not-now").
				OnClick(p.onNotNow).Text(e.T("reminders.not_now")),
			e.reminders(r.episode),
		),
	)
}
