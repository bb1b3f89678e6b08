package view

import (
	"bytes"
	"net/url"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/journal"
)

// remindersFile is the name of the calendar file the reminders come in.
const remindersFile = "unknot-reminders.ics"

// remindersButton is "Add reminders to my calendar": it saves an iCalendar
// file of an episode's re-check days still to come (journal.WriteReminders),
// with the stretch sessions the person plans if they do (sessionPlanner),
// for the phone's own calendar, and says how that went. The file holds the
// words "Unknot: back re-check" (and "Unknot: stretch routine") and links
// to the app, nothing else.
type remindersButton struct {
	app.Compo
	Env       *Env
	EpisodeID string
	Started   time.Time // when the episode began

	planner   sessionPlanner
	status    string // words, already formatted
	statusErr bool
}

func (b *remindersButton) OnInit() { b.planner = newSessionPlanner() }

// reminders is the calendar button for an ongoing episode, or nothing when
// the browser cannot save files or no re-check day is left.
func (e *Env) reminders(ep journal.Episode) app.UI {
	if e.Files == nil || !ep.Ongoing() || len(journal.Rechecks(ep.Started, e.now(), time.Local)) == 0 {
		return nil
	}
	return &remindersButton{Env: e, EpisodeID: ep.ID, Started: ep.Started}
}

func (b *remindersButton) Render() app.UI {
	e := b.Env
	return app.Div().Class("reminders").Body(
		app.If(hasPage("/routines"), func() app.UI { return b.planner.render(e) }),
		app.Button().Type("button").Class("btn btn-small btn-quiet").Attr("data-action", "add-reminders").
			Attr("aria-describedby", "reminders-hint").OnClick(b.onClick).Text(e.T("reminders.add")),
		e.paraID("hint", "reminders-hint", "reminders.hint"),
		app.P().Class(statusClass(b.statusErr)).Attr("role", "status").Attr("aria-live", "polite").Text(b.status),
	)
}

// onClick writes and saves the file at once, while the tap still counts as
// the person's: some browsers refuse a download started later.
func (b *remindersButton) onClick(ctx app.Context, ev app.Event) {
	e := b.Env
	now := e.now()
	page := ctx.Page().URL()
	rechecks := journal.Rechecks(b.Started, now, time.Local)
	sessions := b.planner.plan(e, page, now)
	var buf bytes.Buffer
	err := journal.WriteReminders(&buf, journal.Reminders{
		EpisodeID: b.EpisodeID,
		Rechecks:  rechecks,
		Summary:   e.T("reminders.ics.recheck"),
		Link:      (&url.URL{Scheme: page.Scheme, Host: page.Host, Path: e.Href("/triage")}).String(),
		Sessions:  sessions,
	}, now)
	if problem := planProblem(e, err); problem != "" {
		b.status, b.statusErr = problem, true // nothing saved: the plan is to be put right
		return
	}
	if err == nil {
		err = e.Files.Download(remindersFile, "text/calendar", buf.Bytes())
	}
	if err != nil {
		app.Log("unknot: calendar reminders:", err)
		b.status, b.statusErr = e.T("reminders.failed"), true
		return
	}
	key := "reminders.saved"
	if sessions != nil {
		key = "reminders.saved_with_plan"
	}
	b.status, b.statusErr = e.plural(key, len(rechecks), "file", remindersFile), false
}
