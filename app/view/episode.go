package view

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/journal"
)

// episodePage shows one episode to view and edit: add a pain rating, mark
// it over, edit the details, delete it (with undo). Every write names the
// version it was loaded from, so an edit made meanwhile in another tab is
// never overwritten: the page says so and offers to reload.
type episodePage struct {
	app.Compo
	Env *Env
	// ID is the episode to show; empty means the one in the URL.
	ID string

	id        string
	stored    journal.Episode // the version last loaded or saved: the base of the next write
	draft     journal.Episode // the form
	meds      string          // the medicines field: one name per line
	loaded    bool
	missing   bool
	loadErr   string // text key
	elsewhere bool   // changed or deleted in another tab since loaded
	deleted   *journal.Episode
	painNow   bool   // a rating added now is for now, not the spasm's start
	status    string // words, already formatted
	statusErr bool
	stopFeed  func()
	volatile  bool
	ctx       app.Context // the page's own: loads and focus report through it
}

func (p *episodePage) OnPreRender(ctx app.Context) {
	p.ctx = ctx
	p.Env.setTitle(ctx, "journal.episode.title_plain")
}

func (p *episodePage) OnMount(ctx app.Context) {
	p.ctx = ctx
	p.stopFeed = p.Env.watchJournal(ctx, p.onElsewhere)
	if p.ID != "" {
		p.load(p.ID)
	}
}

func (p *episodePage) OnNav(ctx app.Context) {
	p.ctx = ctx
	p.Env.setTitle(ctx, "journal.episode.title_plain")
	id := p.ID
	if id == "" {
		id = strings.TrimSuffix(ctx.Page().URL().Path, "/")
		id = id[strings.LastIndex(id, "/")+1:]
	}
	if id != p.id || !p.loaded {
		p.load(id)
	}
}

func (p *episodePage) OnDismount() {
	if p.stopFeed != nil {
		p.stopFeed()
	}
}

// load reads the episode and resets the form to it.
func (p *episodePage) load(id string) {
	p.id = id
	ctx := p.ctx
	ctx.Async(func() {
		ep, volatile, err := p.fetch(id)
		ctx.Dispatch(func(app.Context) { p.show(ep, volatile, err) })
	})
}

// fetch reads the episode; it only reads p.Env.
func (p *episodePage) fetch(id string) (journal.Episode, bool, error) {
	volatile := p.Env.journalVolatile()
	ep, err := p.Env.Journal.Episode(context.Background(), id)
	return ep, volatile, err
}

func (p *episodePage) show(ep journal.Episode, volatile bool, err error) {
	p.loaded, p.elsewhere, p.deleted, p.volatile = true, false, nil, volatile
	p.missing = errors.Is(err, journal.ErrNotFound)
	p.loadErr = ""
	if err != nil && !p.missing {
		p.loadErr = journalErrorKey(err)
	}
	if err == nil {
		p.setStored(ep)
	}
}

func (p *episodePage) setStored(ep journal.Episode) {
	p.stored, p.draft = ep, ep.Clone()
	p.meds = strings.Join(ep.Medicines, "\n")
}

// onElsewhere checks, when another tab changed records, whether this one
// is among them and no longer the version being edited.
func (p *episodePage) onElsewhere(ctx app.Context, ids []string) {
	if !p.loaded || p.missing || (ids != nil && !slices.Contains(ids, p.id)) {
		return
	}
	id, base := p.id, p.stored.Updated
	ctx.Async(func() {
		changed := p.changedSince(id, base)
		ctx.Dispatch(func(app.Context) {
			if changed && p.deleted == nil && id == p.id {
				p.elsewhere = true
			}
		})
	})
}

// changedSince reports whether the stored episode is no longer the
// version base (changed or deleted).
func (p *episodePage) changedSince(id string, base time.Time) bool {
	cur, err := p.Env.Journal.Episode(context.Background(), id)
	return errors.Is(err, journal.ErrNotFound) || (err == nil && !cur.Updated.Equal(base))
}

func (p *episodePage) onReload(app.Context, app.Event) {
	p.say("", false)
	p.load(p.id)
}

func (p *episodePage) say(words string, isErr bool) { p.status, p.statusErr = words, isErr }

// write saves next over the stored version, reporting the outcome; on
// success p.stored is what was written.
func (p *episodePage) write(next journal.Episode, okKey string) bool {
	e := p.Env
	next.Updated = later(e.now(), p.stored.Updated)
	err := e.Journal.PutEpisode(context.Background(), next, p.stored.Updated)
	fe, invalid := errors.AsType[*journal.FieldError](err)
	switch {
	case errors.Is(err, journal.ErrConflict):
		p.elsewhere = true
		p.say(e.T("journal.conflict"), true)
		return false
	case invalid:
		p.say(e.Text.Format("journal.episode.invalid", "problem", fe.Error()), true)
		return false
	case err != nil:
		p.say(e.T(journalErrorKey(err)), true)
		return false
	}
	p.stored = next
	p.say(e.T(okKey), false)
	return true
}

// later returns now, or just after base when the clock says otherwise, so
// that a write is always newer than the version it replaces.
func later(now, base time.Time) time.Time {
	if !now.After(base) {
		return base.Add(time.Millisecond)
	}
	return now
}

func (p *episodePage) onSave(ctx app.Context, ev app.Event) {
	// A new start moves the ratings placed at the old one with it.
	next := p.draft.Clone()
	next.Started = p.stored.Started
	next = next.WithStart(p.draft.Started)
	next.Medicines = medicineNames(p.meds)
	if p.write(next, "journal.episode.saved") {
		p.setStored(p.stored)
	}
}

// medicineNames splits the field into names, one per line (commas too).
func medicineNames(s string) []string {
	var names []string
	for _, line := range strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == ',' }) {
		if name := strings.TrimSpace(line); name != "" {
			names = append(names, name)
		}
	}
	return names
}

// onAddPain adds a rating to the stored version, keeping any unsaved edits
// in the form: felt at the start of the spasm unless the person said "now".
func (p *episodePage) onAddPain(score int) {
	var now *time.Time
	if p.painNow {
		t := p.Env.now()
		now = &t
	}
	next := p.stored.AddPain(score, now)
	if p.write(next, "journal.episode.pain_added") {
		p.draft.Pain, p.draft.Updated = p.stored.Pain, p.stored.Updated
	}
}

// onOver marks the episode as over now, or as still going.
func (p *episodePage) onOver(ctx app.Context, ev app.Event) {
	next := p.stored.Clone()
	key := "journal.episode.reopened"
	if next.Ongoing() {
		end := later(p.Env.now(), next.Started)
		next.Ended, key = &end, "journal.episode.ended"
	} else {
		next.Ended = nil
	}
	if p.write(next, key) {
		p.draft.Ended, p.draft.Updated = p.stored.Ended, p.stored.Updated
	}
}

func (p *episodePage) onDelete(app.Context, app.Event) {
	e := p.Env
	ep, err := e.Journal.DeleteEpisode(context.Background(), p.id)
	if err != nil {
		p.say(e.T(journalErrorKey(err)), true)
		return
	}
	p.deleted = &ep
	p.say(e.T("journal.episode.deleted"), false)
	focusID(p.ctx, "episode-undo")
}

// onUndo puts the deleted episode back as it was.
func (p *episodePage) onUndo(ctx app.Context, ev app.Event) {
	e := p.Env
	if p.deleted == nil {
		return
	}
	if err := e.Journal.PutEpisode(context.Background(), *p.deleted, time.Time{}); err != nil {
		p.say(e.T(journalErrorKey(err)), true)
		return
	}
	p.setStored(*p.deleted)
	p.deleted = nil
	p.say(e.T("journal.episode.restored"), false)
}
