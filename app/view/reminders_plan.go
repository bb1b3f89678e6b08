package view

import (
	"errors"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/journal"
	"unknot/app/routine"
)

// sessionPlanner is the calendar file's optional stretch sessions: which
// routine, on which days of the week, at what time, for how many weeks.
// No routine chosen means none.
type sessionPlanner struct {
	routine string // a routine id, or ""
	days    [7]bool
	at      string // "18:00", as the time field gives it
	weeks   string // as typed
}

// plannerWeekdays are the days of the week in the order the planner lists
// them, Monday first.
var plannerWeekdays = []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}

func newSessionPlanner() sessionPlanner { return sessionPlanner{at: "18:00", weeks: "4"} }

func (x *sessionPlanner) render(e *Env) app.UI {
	routines := e.Catalog.Routines().Routines()
	return app.Details().Class("reminders-plan").Body(
		app.Summary().Text(e.T("reminders.plan.title")),
		app.Div().Class("field").Body(
			e.label("plan-routine", "reminders.plan.routine"),
			app.Select().ID("plan-routine").OnChange(func(ctx app.Context, ev app.Event) {
				x.routine = ctx.JSSrc().Get("value").String()
			}).Body(
				e.option("", x.routine == "", "reminders.plan.routine.none"),
				app.Range(routines).Slice(func(i int) app.UI {
					id := string(routines[i].ID)
					return e.option(id, id == x.routine, routines[i].NameKey)
				}),
			),
		),
		app.FieldSet().Class("field").Body(
			e.legend("reminders.plan.days"),
			app.Div().Class("checks").Body(app.Range(plannerWeekdays).Slice(func(i int) app.UI {
				d := plannerWeekdays[i]
				id := "plan-day-" + strconv.Itoa(int(d))
				return app.Label().Class("switch").For(id).Body(
					app.Input().Type("checkbox").ID(id).Attr("data-plan-day", strconv.Itoa(int(d))).Checked(x.days[d]).
						OnChange(func(ctx app.Context, ev app.Event) { x.days[d] = ctx.JSSrc().Get("checked").Bool() }, app.EventScope(id)),
					app.Span().Text(e.T("journal.weekday."+strconv.Itoa(int(d)))),
				)
			})),
		),
		app.Div().Class("field").Body(
			e.label("plan-time", "reminders.plan.time"),
			app.Input().Type("time").ID("plan-time").Value(x.at).
				OnChange(func(ctx app.Context, ev app.Event) { x.at = ctx.JSSrc().Get("value").String() }),
		),
		app.Div().Class("field").Body(
			e.label("plan-weeks", "reminders.plan.weeks"),
			app.Input().Type("number").ID("plan-weeks").Attr("min", 1).Attr("max", journal.MaxPlanWeeks).Attr("inputmode", "numeric").Value(x.weeks).
				OnChange(func(ctx app.Context, ev app.Event) { x.weeks = ctx.JSSrc().Get("value").String() }),
		),
	)
}

// plan is the planned sessions for the calendar file, or nil when no
// routine is chosen. page is the app's address, for the routine's link.
func (x *sessionPlanner) plan(e *Env, page *url.URL, now time.Time) *journal.SessionPlan {
	r, ok := e.Catalog.Routines().Routine(routine.RoutineID(x.routine))
	if x.routine == "" || !ok {
		return nil
	}
	p := &journal.SessionPlan{
		Routine: x.routine,
		Summary: e.T("reminders.ics.routine"),
		Link:    (&url.URL{Scheme: page.Scheme, Host: page.Host, Path: e.Href("/routines/" + x.routine)}).String(),
		Length:  r.Duration,
		From:    journal.DateOf(now, time.Local),
		Hour:    -1, // no time until one is read
	}
	for _, d := range plannerWeekdays {
		if x.days[d] {
			p.Weekdays = append(p.Weekdays, d)
		}
	}
	if h, m, ok := strings.Cut(x.at, ":"); ok {
		hour, err1 := strconv.Atoi(h)
		minute, err2 := strconv.Atoi(m)
		if err1 == nil && err2 == nil {
			p.Hour, p.Minute = hour, minute
		}
	}
	p.Weeks, _ = strconv.Atoi(strings.TrimSpace(x.weeks)) // not a number: 0, refused
	return p
}

// planProblem is the words for what is wrong with the planned sessions,
// or "" when err is about something else.
func planProblem(e *Env, err error) string {
	pe, ok := errors.AsType[*journal.PlanError](err)
	if !ok {
		return ""
	}
	switch pe.Field {
	case "weekdays":
		return e.T("reminders.plan.no_day")
	case "time":
		return e.T("reminders.plan.bad_time")
	case "weeks":
		return e.Text.Format("reminders.plan.bad_weeks", "max", strconv.Itoa(journal.MaxPlanWeeks))
	}
	return ""
}
