package view

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"github.com/google/uuid"
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/journal"
	"unknot/app/routine"
)

// positionKey is where the routine under way is kept, so that a reload (or
// the browser dropping a background tab) does not lose the person's place.
const positionKey = "unknot.player.position.v1"

// savePeriod is how often the position is saved while playing, besides
// every change of segment.
const savePeriod = 3 * time.Second

// savedPosition is a session under way.
type savedPosition struct {
	Key        string           `json:"key"`
	Snapshot   routine.Snapshot `json:"snapshot"`
	SavedAt    time.Time        `json:"saved_at"`
	Started    time.Time        `json:"started"`
	PainBefore *int             `json:"pain_before,omitempty"`
}

// restore picks up a session of this routine saved before a reload. A
// session that was playing is paused at the moment it was last saved: the
// person was not listening while the page was gone, so time must not have
// run on.
func (p *playerPage) restore() {
	raw, ok, err := p.Env.Platform.Get(positionKey)
	if err != nil || !ok {
		return
	}
	var sp savedPosition
	if json.Unmarshal([]byte(raw), &sp) != nil || sp.Key != p.key {
		return
	}
	pl, err := routine.Restore(p.plan, sp.Snapshot)
	if err != nil || pl.Summary().Outcome != routine.InProgress {
		return
	}
	if sp.Snapshot.Mode == "playing" {
		pl.Pause(sp.SavedAt)
		pl.Advance(sp.SavedAt) // cues up to that instant were said before the reload
	}
	p.player, p.resumed = pl, true
	p.started, p.painBefore = sp.Started, sp.PainBefore
}

// savePosition keeps the player's place. A failure is not shown: the
// routine carries on, it just cannot survive a reload.
func (p *playerPage) savePosition(now time.Time) {
	p.savedAt = now
	b, err := json.Marshal(savedPosition{
		Key: p.key, Snapshot: p.player.Snapshot(), SavedAt: now,
		Started: p.started, PainBefore: p.painBefore,
	})
	if err == nil {
		_ = p.Env.Platform.Set(positionKey, string(b))
	}
}

// clearPosition forgets the saved place once the session is over. Another
// routine's place is left alone.
func (p *playerPage) clearPosition() {
	raw, ok, err := p.Env.Platform.Get(positionKey)
	if err != nil || !ok {
		return
	}
	var sp savedPosition
	if json.Unmarshal([]byte(raw), &sp) == nil && sp.Key != p.key {
		return
	}
	_ = p.Env.Platform.Set(positionKey, "")
}

// finish ends the session (played to the end, or stopped) and writes it to
// the journal. The summary on screen does not depend on the write.
func (p *playerPage) finish(ctx app.Context, now time.Time) {
	p.halt()
	p.Env.keepAwake(false)
	p.status = p.player.Status(now)
	p.clearPosition()
	sum := p.player.Summary()
	if p.session != nil || p.started.IsZero() || journal.OutcomeOf(sum.StepsDone, sum.Steps) == journal.NotStarted {
		return
	}
	s := journal.Session{
		ID:          uuid.NewString(),
		RoutineID:   string(p.plan.Routine.ID),
		RoutineName: p.name,
		Started:     p.started,
		Ended:       maxTime(now, p.started),
		StepsDone:   sum.StepsDone,
		StepsTotal:  sum.Steps,
		Finished:    sum.Outcome == routine.Finished,
		PainBefore:  p.painBefore,
		Created:     now,
		Updated:     now,
	}
	p.session = &s
	p.putSession(ctx, s, time.Time{})
}

// putSession writes s in the background and reports the outcome.
func (p *playerPage) putSession(ctx app.Context, s journal.Session, base time.Time) {
	store := p.Env.Journal
	if store == nil {
		return
	}
	ctx = p.own(ctx)
	ctx.Async(func() {
		err := store.PutSession(context.Background(), s.Clone(), base)
		ctx.Dispatch(func(ctx app.Context) {
			p.saveErr = ""
			if err != nil {
				p.saveErr = sessionErrorKey(err)
				return
			}
			if p.session != nil && p.session.ID == s.ID {
				saved := s.Clone()
				p.session = &saved
				p.session.Updated = s.Updated
			}
		})
	})
}

// onPainAfter records the pain score after the session, updating the
// journal entry already written.
func (p *playerPage) onPainAfter(ctx app.Context, score int) {
	p.painAfter = &score
	if p.session == nil {
		return
	}
	s := p.session.Clone()
	base := s.Updated
	s.PainAfter = &score
	s.Updated = maxTime(p.now(), base.Add(time.Millisecond))
	p.session.PainAfter = &score
	p.putSession(ctx, s, base)
}

func sessionErrorKey(err error) string {
	if se, ok := errors.AsType[*journal.StorageError](err); ok {
		switch se.Kind {
		case journal.StorageFull:
			return "player.save_error.full"
		case journal.StorageUnavailable:
			return "player.save_error.unavailable"
		}
	}
	return "player.save_error.other"
}

func maxTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return b
	}
	return a
}
