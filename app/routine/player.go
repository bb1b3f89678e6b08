package routine

import (
	"sort"
	"time"
)

// BackGrace is how soon after the start of an exercise Back goes to the
// previous exercise instead of restarting the current one, as a music player
// does: a tap right after an exercise began means "the one before".
const BackGrace = 2 * time.Second

type mode string

const (
	modeReady   mode = "ready"
	modePlaying mode = "playing"
	modePaused  mode = "paused"
	modeEnded   mode = "ended"
)

// Player plays a Plan over explicit time. It is not safe for concurrent use.
type Player struct {
	plan     *Plan
	mode     mode
	origin   time.Time // the instant plan offset 0 was (or would have been) played
	pausedAt time.Time // set while paused
	ended    time.Duration
	stopped  bool
	nextCue  int    // first planned cue not yet emitted
	nextStep int    // first step whose end has not been reached by playing
	done     []bool // steps completed by playing
}

// NewPlayer returns a player ready to start p.
func NewPlayer(p *Plan) *Player {
	return &Player{plan: p, mode: modeReady, done: make([]bool, len(p.Routine.Steps))}
}

// Plan returns the plan being played.
func (pl *Player) Plan() *Plan { return pl.plan }

// elapsed is the plan offset at now, derived from the origin instant.
func (pl *Player) elapsed(now time.Time) time.Duration {
	switch pl.mode {
	case modeReady:
		return 0
	case modeEnded:
		return pl.ended
	case modePaused:
		now = pl.pausedAt
	}
	return min(max(now.Sub(pl.origin), 0), pl.plan.Total)
}

// Start begins playing at now.
func (pl *Player) Start(now time.Time) {
	if pl.mode == modeReady {
		pl.mode, pl.origin = modePlaying, now
	}
}

// Advance moves the player to now and returns, in order, every cue due since
// the previous call, each once. It also returns the cues at the position a
// control moved to, so call it after Start, Skip and Back.
func (pl *Player) Advance(now time.Time) []Cue {
	if pl.mode == modeReady || pl.stopped {
		return nil
	}
	e := pl.elapsed(now)
	var cues []Cue
	for ; pl.nextCue < len(pl.plan.Cues) && pl.plan.Cues[pl.nextCue].Offset <= e; pl.nextCue++ {
		pc := pl.plan.Cues[pl.nextCue]
		c := pc.Cue
		c.At = pl.origin.Add(pc.Offset)
		cues = append(cues, c)
	}
	pl.settle(e)
	return cues
}

// settle counts the steps completed by playing up to offset e and ends the
// routine when e reaches the end.
func (pl *Player) settle(e time.Duration) {
	for pl.nextStep < len(pl.done) && pl.plan.stepEnd[pl.nextStep] <= e {
		pl.done[pl.nextStep] = true
		pl.nextStep++
	}
	if pl.mode != modeEnded && e >= pl.plan.Total {
		pl.mode, pl.ended = modeEnded, pl.plan.Total
	}
}

// Pause freezes time at now.
func (pl *Player) Pause(now time.Time) {
	if pl.mode != modePlaying {
		return
	}
	if pl.settle(pl.elapsed(now)); pl.mode == modePlaying {
		pl.mode, pl.pausedAt = modePaused, now
	}
}

// Resume continues from where Pause froze time.
func (pl *Player) Resume(now time.Time) {
	if pl.mode != modePaused {
		return
	}
	if now.After(pl.pausedAt) {
		pl.origin = pl.origin.Add(now.Sub(pl.pausedAt))
	}
	pl.mode, pl.pausedAt = modePlaying, time.Time{}
}

// Stop ends the routine early at now. Cues not yet emitted are dropped.
func (pl *Player) Stop(now time.Time) {
	if pl.mode == modeEnded {
		return
	}
	e := pl.elapsed(now)
	if pl.mode != modeReady {
		pl.settle(e)
		if pl.mode == modeEnded {
			return
		}
	}
	pl.mode, pl.ended, pl.stopped = modeEnded, e, true
}

// Skip jumps to the start of the next exercise; from the last exercise, to
// the end of the routine. The exercise jumped over is not counted done.
func (pl *Player) Skip(now time.Time) {
	e, ok := pl.control(now)
	if !ok {
		return
	}
	next := pl.plan.StepAt(e) + 1
	target := pl.plan.Total
	if next < len(pl.done) {
		target = pl.plan.stepStart[next]
	}
	pl.jump(now, target)
}

// Back restarts the current exercise, or goes to the start of the previous
// one when the current one began less than BackGrace ago.
func (pl *Player) Back(now time.Time) {
	e, ok := pl.control(now)
	if !ok {
		return
	}
	cur := pl.plan.StepAt(e)
	if e-pl.plan.stepStart[cur] < BackGrace && cur > 0 {
		cur--
	}
	pl.jump(now, pl.plan.stepStart[cur])
}

// control settles the player before a jump; ok is false when no jump applies.
func (pl *Player) control(now time.Time) (time.Duration, bool) {
	if pl.mode != modePlaying && pl.mode != modePaused {
		return 0, false
	}
	e := pl.elapsed(now)
	pl.settle(e)
	return e, pl.mode != modeEnded
}

// jump moves the position to plan offset target, keeping paused if paused.
// Cues at target are emitted by the next Advance; cues before it are not.
func (pl *Player) jump(now time.Time, target time.Duration) {
	ref := now
	if pl.mode == modePaused {
		ref = pl.pausedAt
	}
	pl.origin = ref.Add(-target)
	cues := pl.plan.Cues
	pl.nextCue = sort.Search(len(cues), func(i int) bool { return cues[i].Offset >= target })
	pl.nextStep = sort.Search(len(pl.done), func(i int) bool { return pl.plan.stepEnd[i] > target })
	if target >= pl.plan.Total {
		pl.mode, pl.ended, pl.pausedAt = modeEnded, pl.plan.Total, time.Time{}
	}
}
