package routine

import (
	"errors"
	"fmt"
	"hash/fnv"
	"slices"
	"time"
)

// SnapshotVersion is the version of the Snapshot format.
const SnapshotVersion = 1

// Snapshot is a player's exact position, to be saved and restored after a
// reload. Times are absolute, so a running session restored later has kept
// running meanwhile (pause before saving to keep the position).
type Snapshot struct {
	Version  int       `json:"v"`
	Routine  RoutineID `json:"routine"`
	Plan     string    `json:"plan"` // fingerprint of the plan's timeline
	Mode     string    `json:"mode"` // ready, playing, paused or ended
	Origin   time.Time `json:"origin,omitzero"`
	PausedAt time.Time `json:"paused_at,omitzero"`
	EndedNS  int64     `json:"ended_ns,omitempty"` // where it ended, in nanoseconds
	Stopped  bool      `json:"stopped,omitempty"`
	NextCue  int       `json:"next_cue"`
	NextStep int       `json:"next_step"`
	Done     []bool    `json:"done"`
}

// Snapshot captures the player's position.
func (pl *Player) Snapshot() Snapshot {
	return Snapshot{
		Version:  SnapshotVersion,
		Routine:  pl.plan.Routine.ID,
		Plan:     pl.plan.Fingerprint(),
		Mode:     string(pl.mode),
		Origin:   pl.origin,
		PausedAt: pl.pausedAt,
		EndedNS:  int64(pl.ended),
		Stopped:  pl.stopped,
		NextCue:  pl.nextCue,
		NextStep: pl.nextStep,
		Done:     append([]bool(nil), pl.done...),
	}
}

// Fingerprint identifies the plan's timeline: a snapshot only restores onto
// the plan it was taken from.
func (p *Plan) Fingerprint() string {
	h := fnv.New64a()
	fmt.Fprintf(h, "%s|%d|", p.Routine.ID, p.Total)
	for _, s := range p.Segments {
		fmt.Fprintf(h, "%s,%d,%s,%d,%d,%s,%d,%d;", s.Phase, s.Step, s.Exercise, s.Rep, s.Reps, s.Side, s.Start, s.Length)
	}
	fmt.Fprintf(h, "|%d", len(p.Cues))
	return fmt.Sprintf("%016x", h.Sum64())
}

// ErrSnapshot is wrapped by every error of Restore.
var ErrSnapshot = errors.New("routine: saved session does not fit this routine")

// Restore returns a player at the position snap describes, after checking
// that snap belongs to plan and is consistent.
func Restore(plan *Plan, snap Snapshot) (*Player, error) {
	bad := func(format string, args ...any) (*Player, error) {
		return nil, fmt.Errorf("%w: %s", ErrSnapshot, fmt.Sprintf(format, args...))
	}
	n := len(plan.Routine.Steps)
	switch {
	case snap.Version != SnapshotVersion:
		return bad("version %d, want %d", snap.Version, SnapshotVersion)
	case snap.Routine != plan.Routine.ID || snap.Plan != plan.Fingerprint():
		return bad("it was saved for another routine or dose")
	case len(snap.Done) != n:
		return bad("%d steps recorded, the routine has %d", len(snap.Done), n)
	case snap.NextCue < 0 || snap.NextCue > len(plan.Cues):
		return bad("cue position %d out of range", snap.NextCue)
	case snap.NextStep < 0 || snap.NextStep > n:
		return bad("step position %d out of range", snap.NextStep)
	}
	pl := &Player{
		plan: plan, mode: mode(snap.Mode), origin: snap.Origin, pausedAt: snap.PausedAt,
		ended: time.Duration(snap.EndedNS), stopped: snap.Stopped,
		nextCue: snap.NextCue, nextStep: snap.NextStep, done: append([]bool(nil), snap.Done...),
	}
	if err := pl.check(); err != nil {
		return bad("%v", err)
	}
	return pl, nil
}

// check reports whether the fields of a restored player agree.
func (pl *Player) check() error {
	timesSet := !pl.origin.IsZero()
	paused := !pl.pausedAt.IsZero()
	switch pl.mode {
	case modeReady:
		if timesSet || paused || pl.nextCue != 0 || pl.nextStep != 0 || pl.stopped || pl.ended != 0 || slices.Contains(pl.done, true) {
			return errors.New("not started, yet has a position")
		}
	case modePlaying:
		if !timesSet || paused || pl.stopped || pl.ended != 0 {
			return errors.New("playing needs a start time and nothing else")
		}
	case modePaused:
		if !timesSet || !paused || pl.stopped || pl.ended != 0 {
			return errors.New("paused needs a start and a pause time")
		}
		if e := pl.pausedAt.Sub(pl.origin); e < 0 || e > pl.plan.Total {
			return errors.New("paused outside the routine")
		}
	case modeEnded:
		if pl.ended < 0 || pl.ended > pl.plan.Total || (!pl.stopped && pl.ended != pl.plan.Total) || paused {
			return errors.New("ended at an impossible time")
		}
	default:
		return fmt.Errorf("unknown mode %q", pl.mode)
	}
	return nil
}
