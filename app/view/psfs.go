package view

import (
	"context"
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/journal"
)

// activitiesAnchor is the id of the journal's activities section, which
// the re-check prompts link to.
const activitiesAnchor = "activities"

// activitySection is the Patient-Specific Functional Scale on /journal:
// the activities the person's back makes hard, each rated 0 (cannot do
// it) to 10 (as before the problem) with the app's one 0 to 10 picker,
// re-rated whenever they choose, with a chart and a sentence on change
// each. It owns its list and keeps its own context: every save comes back
// through it, never through the button tapped, which the save's own render
// replaces (STYLE.md, habit 11). Other tabs' changes reload it, and so does
// a change of Revision (the page's import or delete-all).
type activitySection struct {
	app.Compo
	Env      *Env
	Revision int

	ctx        app.Context
	activities []journal.Activity
	loaded     bool
	name       string // the name being typed
	rating     string // the id of the activity whose picker is open
	removed    *journal.Activity
	status     string // words, already formatted
	statusErr  bool
	busy       bool
	loads      int // reads begun, so that only the latest is shown
	revision   int
	stopFeed   func()
}

// OnPreRender keeps the context for a render outside the browser (the
// server's, and native tests', where OnMount does not run).
func (s *activitySection) OnPreRender(ctx app.Context) { s.ctx = ctx }

func (s *activitySection) OnMount(ctx app.Context) {
	s.ctx, s.revision = ctx, s.Revision
	s.stopFeed = s.Env.watchJournal(ctx, func(app.Context, []string) { s.load() })
	s.load()
}

func (s *activitySection) OnDismount() {
	if s.stopFeed != nil {
		s.stopFeed()
	}
}

// OnUpdate reloads when the page's data changed under the section.
func (s *activitySection) OnUpdate(ctx app.Context) {
	if s.Revision != s.revision {
		s.revision = s.Revision
		s.load()
	}
}

// load reads the activities off the UI goroutine.
func (s *activitySection) load() {
	// Only the latest read is shown: an earlier one finishing late (a
	// read begun before a new activity was saved) must not take it away.
	s.loads++
	n := s.loads
	s.ctx.Async(func() {
		as, err := s.Env.Journal.Activities(context.Background())
		s.ctx.Dispatch(func(app.Context) {
			if n != s.loads {
				return
			}
			s.loaded = true
			if err != nil {
				s.say(s.Env.T(journalErrorKey(err)), true)
				return
			}
			s.activities = as
		})
	})
}

func (s *activitySection) say(words string, isErr bool) { s.status, s.statusErr = words, isErr }

// write runs op on the store off the UI goroutine, then, on the UI
// goroutine, done with its error, and reloads the list.
func (s *activitySection) write(op func(journal.Store) error, done func(err error)) {
	s.busy = true
	s.ctx.Async(func() {
		err := op(s.Env.Journal)
		s.ctx.Dispatch(func(app.Context) {
			s.busy = false
			done(err)
			s.load()
		})
	})
}

// failed says why a write failed; nothing saved was changed.
func (s *activitySection) failed(err error) {
	switch {
	case errors.Is(err, journal.ErrTooManyActivities):
		s.say(s.Env.Text.Format("psfs.add.full", "max", num(journal.MaxActivities)), true)
	default:
		s.say(s.Env.T(journalErrorKey(err)), true)
	}
}

// onAdd is the add form's submit: it stays on the page.
func (s *activitySection) onAdd(ctx app.Context, ev app.Event) {
	ev.PreventDefault()
	s.add()
}

// add names a new activity from the words typed, and opens its picker.
func (s *activitySection) add() {
	name := strings.TrimSpace(s.name)
	switch {
	case name == "":
		s.say(s.Env.T("psfs.add.empty"), true)
		focusID(s.ctx, "activity-name")
		return
	case utf8.RuneCountInString(name) > journal.MaxActivityNameRunes:
		s.say(s.Env.Text.Format("psfs.add.long", "max", num(journal.MaxActivityNameRunes)), true)
		return
	}
	a := journal.NewActivity(name, s.Env.now())
	if err := a.Validate(); err != nil {
		s.say(s.Env.T("psfs.add.invalid"), true)
		return
	}
	s.write(func(j journal.Store) error { return j.PutActivity(context.Background(), a, time.Time{}) }, func(err error) {
		if err != nil {
			s.failed(err)
			return
		}
		// Rated at once, before the list is read again.
		s.activities = append(s.activities, a)
		s.name, s.rating, s.removed = "", a.ID, nil
		s.say(s.Env.Text.Format("psfs.added", "name", a.Name), false)
		focusID(s.ctx, "rate-"+a.ID+"-legend")
	})
}

// onRate saves a rating of the activity id at the time now.
func (s *activitySection) onRate(id string, score int) {
	var a journal.Activity
	for _, x := range s.activities {
		if x.ID == id {
			a = x
		}
	}
	if a.ID == "" || s.busy {
		return
	}
	next := a.Rate(score, s.Env.now())
	s.write(func(j journal.Store) error { return j.PutActivity(context.Background(), next, a.Updated) }, func(err error) {
		if err != nil {
			s.failed(err)
			return
		}
		s.rating = ""
		s.say(s.Env.Text.Format("psfs.rated", "name", a.Name, "score", num(score)), false)
	})
}

// onRemove deletes the activity id and offers to undo it.
func (s *activitySection) onRemove(id string) {
	var gone journal.Activity
	s.write(func(j journal.Store) (err error) {
		gone, err = j.DeleteActivity(context.Background(), id)
		return err
	}, func(err error) {
		if err != nil {
			s.failed(err)
			return
		}
		s.rating, s.removed = "", &gone
		s.say("", false)
		focusID(s.ctx, "activity-undo")
	})
}

// onUndo puts the removed activity back, ratings and all.
func (s *activitySection) onUndo(ctx app.Context, ev app.Event) {
	a := s.removed
	if a == nil {
		return
	}
	s.write(func(j journal.Store) error { return j.PutActivity(context.Background(), *a, time.Time{}) }, func(err error) {
		if err != nil {
			s.failed(err)
			return
		}
		s.removed = nil
		s.say(s.Env.Text.Format("psfs.restored", "name", a.Name), false)
	})
}
