package view

import (
	"errors"
	"net/url"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/journal"
	"unknot/app/routine"
)

// tickEvery is how often the player looks at the clock while playing. The
// position comes from the clock, not from counting ticks, so this sets only
// how soon a second or a cue shows after it is due; ticks that change
// nothing on screen skip the render.
const tickEvery = 100 * time.Millisecond

// playerPage plays one routine: a built-in one at /routines/<id>, or one
// from a link at /routines/custom#r=…. It renders the routine.Player's
// Status and forwards taps to it; the Player does the timing.
type playerPage struct {
	app.Compo
	Env *Env

	key     string // what is playing: "id:<id>" or "link:<fragment>"
	problem string // text key of the title when nothing can be played
	detail  string // text key of the explanation that goes with problem
	name    string
	plan    *routine.Plan
	player  *routine.Player
	status  routine.Status
	resumed bool // restored after a reload
	// floorNote: "no floor" is chosen on the stretches page, and this
	// routine, opened anyway, has exercises on the floor.
	floorNote bool

	started    time.Time
	painBefore *int
	painAfter  *int

	cueSettings Settings // sound, voice and vibration in force
	cueSaveErr  bool
	cues        int           // cues fired since the routine was opened
	cueLag      time.Duration // how late the latest cue fired
	said        string        // the words of the latest cue

	mounted    app.Context // the page's own context: handlers' contexts die with their buttons
	isMounted  bool
	stopTicker func()
	stopExit   func()    // stops saving the place when the page goes away
	savedAt    time.Time // when the position was last saved
	session    *journal.Session
	saveErr    string // text key: the session could not go to the journal
}

// OnPreRender renders on the server (and in native tests, where the page
// may already be open).
func (p *playerPage) OnPreRender(ctx app.Context) {
	p.mounted, p.isMounted = ctx, true
	if p.player == nil && p.problem == "" {
		p.open(ctx.Page().URL())
	}
	p.setTitle(ctx)
}

func (p *playerPage) OnMount(ctx app.Context) { p.mounted, p.isMounted = ctx, true }

func (p *playerPage) OnNav(ctx app.Context) {
	p.open(ctx.Page().URL())
	p.setTitle(ctx)
}

// OnDismount is the person leaving the player mid-routine (the tab bar, a
// link): the routine pauses where it is, to be picked up on return.
func (p *playerPage) OnDismount() {
	p.isMounted = false
	p.leave()
}

// leave stops playing, pausing a routine under way and saving its place.
func (p *playerPage) leave() {
	p.halt()
	p.Env.keepAwake(false)
	if p.player != nil && (p.status.State == routine.StateRunning || p.status.State == routine.StateRest) {
		now := p.now()
		p.player.Pause(now)
		p.savePosition(now)
	}
}

func (p *playerPage) setTitle(ctx app.Context) {
	switch {
	case p.problem != "":
		p.Env.setTitle(ctx, p.problem)
	default:
		ctx.Page().SetTitle(p.name + " · " + p.Env.T("app.name"))
	}
}

func (p *playerPage) now() time.Time { return p.Env.clock().Now() }

// open loads the routine u names and, when a session of it was under way
// before a reload, restores its place (paused at the last saved instant).
func (p *playerPage) open(u *url.URL) {
	p.leave()
	e := p.Env
	lib := e.Catalog.Routines()
	*p = playerPage{Compo: p.Compo, Env: e, mounted: p.mounted, isMounted: p.isMounted, cueSettings: e.Settings.Current}

	path := strings.TrimSuffix(strings.TrimPrefix(u.Path, e.Base), "/")
	var r routine.Routine
	if path == routine.LinkPath {
		c, err := routine.DecodeLink(u.Fragment, lib)
		if err != nil {
			p.problem, p.detail = "player.link_error.title", routine.LinkFormat.TextKey()
			if le, ok := errors.AsType[*routine.LinkError](err); ok {
				p.detail = le.Code.TextKey()
			}
			return
		}
		r, _ = c.Routine(lib) // DecodeLink checked every exercise
		p.key, p.name = "link:"+u.Fragment, e.customName(c)
	} else {
		id, _ := strings.CutPrefix(path, "/routines/")
		found, ok := lib.Routine(routine.RoutineID(id))
		if !ok {
			p.problem, p.detail = "player.not_found.title", "player.not_found.text"
			return
		}
		r, p.key, p.name = found, "id:"+id, e.T(found.NameKey)
	}
	// Pregnancy leaves out lying flat on the back whatever the routine;
	// "no floor" only hides routines in the list, so a person who opens
	// one anyway (a link, a clinic's prescription) gets all of it, with a
	// note saying which choice it goes against.
	chosen := loadFilter(e.Platform)
	filter := routine.FilterOptions{Pregnant: chosen.Pregnant}
	plan, err := routine.NewPlan(r, lib, routine.PlanOptions{Filter: filter})
	if err != nil {
		p.problem, p.detail = "player.link_error.title", "player.no_steps"
		if path != routine.LinkPath {
			p.problem = "player.not_found.title"
		}
		return
	}
	p.plan, p.player = plan, routine.NewPlayer(plan)
	p.floorNote = chosen.NoFloor && lib.NeedsFloor(plan.Routine)
	p.restore()
	p.status = p.player.Status(p.now())
}

// halt stops the ticker, if any.
func (p *playerPage) halt() {
	if p.stopTicker != nil {
		p.stopTicker()
		p.stopTicker = nil
	}
	if p.stopExit != nil {
		p.stopExit()
		p.stopExit = nil
	}
}

// own returns the page's own context, which lives as long as the page; ctx
// (a button's) is the fallback before the page is mounted.
func (p *playerPage) own(ctx app.Context) app.Context {
	if p.isMounted {
		return p.mounted
	}
	return ctx
}

func (p *playerPage) startTicker(ctx app.Context) {
	if p.stopTicker != nil {
		return
	}
	ctx = p.own(ctx)
	p.stopTicker = p.Env.clock().Every(tickEvery, func() {
		ctx.Dispatch(func(ctx app.Context) { p.tick(ctx) })
	})
	if p.Env.Exit != nil {
		// A reload or a closed tab gives no time for a dispatch: the place
		// is saved inside the event, so a reload resumes where it was, not
		// up to savePeriod earlier.
		p.stopExit = p.Env.Exit.OnExit(func() {
			if p.player != nil && p.stopTicker != nil {
				p.savePosition(p.now())
			}
		})
	}
}

// tick moves the player to now: fires the cues that fell due, updates the
// display, saves the position when it moved on, and ends the session when
// the routine is over.
func (p *playerPage) tick(ctx app.Context) {
	if p.player == nil {
		return
	}
	now := p.now()
	before := p.status
	cues := p.player.Advance(now)
	p.fire(cues, now)
	p.status = p.player.Status(now)
	st := p.status
	moved := st.State != before.State || st.Phase != before.Phase ||
		st.Step != before.Step || st.Rep != before.Rep || st.Side != before.Side
	switch {
	case st.State == routine.StateDone:
		p.finish(ctx, now)
	case moved || now.Sub(p.savedAt) >= savePeriod:
		p.savePosition(now)
	}
	if !moved && len(cues) == 0 && wholeSeconds(st.Remaining) == wholeSeconds(before.Remaining) {
		ctx.PreventUpdate() // nothing on screen changed: skip the render
	}
}

func (p *playerPage) Render() app.UI {
	e := p.Env
	if p.problem != "" {
		return e.layout("routines", app.Div().Class("player player-problem").Body(
			app.H1().Text(e.T(p.problem)),
			app.P().Class("notice notice-error").Attr("role", "alert").Text(e.T(p.detail)),
			e.link("btn", "/routines", "player.all_routines"),
		))
	}
	if p.player == nil {
		return e.layout("routines", app.Div().Class("player").Body(
			e.h1("player.loading"),
		))
	}
	st := p.status
	return e.layout("routines", app.Div().
		Class("player player-"+string(st.State)).
		Attr("data-player-state", string(st.State)).
		Attr("data-step", st.Step).
		Attr("data-phase", string(st.Phase)).
		Attr("data-cues", p.cues).
		Attr("data-cue-lag-ms", p.cueLag.Milliseconds()).
		Attr("data-elapsed-ms", st.Elapsed.Milliseconds()).
		Body(
			app.H1().Class("player-title").Text(p.name),
			p.notes(),
			app.P().Class("visually-hidden").Attr("role", "status").Attr("aria-live", "polite").ID("player-said").Text(p.said),
			p.painWorse(),
			app.If(st.State == routine.StateDone, p.summary).Else(p.stage),
			p.cueToggles(),
		))
}

// notes are the messages above the player: a restored place, steps left out.
func (p *playerPage) notes() app.UI {
	e := p.Env
	r := p.plan.Routine
	return app.Div().Class("player-notes").Body(
		app.If(p.resumed && p.status.State == routine.StatePaused, func() app.UI {
			return e.para("notice", "player.resumed")
		}),
		app.If(r.PregnancyNote, func() app.UI {
			return e.para("notice", routine.NotePregnancy)
		}),
		app.If(len(r.Omitted) > 0, func() app.UI {
			return app.P().Class("notice").Text(e.Text.Format("player.omitted", "count", itoa(len(r.Omitted))))
		}),
		app.If(p.floorNote, func() app.UI {
			return e.para("notice notice-warn", "player.floor_note")
		}),
	)
}
