package routine

import "time"

// State is the player's state as the UI shows it (and as the DOM hook
// data-player-state exposes it). The values never change.
type State string

// States.
const (
	StateReady   State = "ready"   // not started
	StateRunning State = "running" // get-ready countdown, a hold or a release
	StatePaused  State = "paused"
	StateRest    State = "rest" // rest between exercises
	StateDone    State = "done" // finished or stopped
)

// TextKey is the key of the state's label.
func (s State) TextKey() string { return "routine.state." + string(s) }

// Status is where the player is at an instant.
type Status struct {
	State     State
	Phase     Phase
	Step      int // index into Plan.Routine.Steps
	Steps     int
	Exercise  ExerciseID
	Rep       int // 1-based within the side; 0 outside holds and releases
	Reps      int
	Side      Side
	Remaining time.Duration // left in the current segment
	Length    time.Duration // of the current segment
	Elapsed   time.Duration // since the start of the plan, pauses excluded
	Total     time.Duration
}

// Status reports the position at now without changing the player.
func (pl *Player) Status(now time.Time) Status {
	e := pl.elapsed(now)
	seg := pl.plan.Segments[pl.plan.SegmentAt(e)]
	st := Status{
		Phase:     seg.Phase,
		Step:      seg.Step,
		Steps:     len(pl.done),
		Exercise:  seg.Exercise,
		Rep:       seg.Rep,
		Reps:      seg.Reps,
		Side:      seg.Side,
		Remaining: min(max(seg.End()-e, 0), seg.Length),
		Length:    seg.Length,
		Elapsed:   e,
		Total:     pl.plan.Total,
	}
	switch {
	case pl.mode == modeReady:
		st.State = StateReady
	case pl.mode == modeEnded || e >= pl.plan.Total:
		st.State = StateDone
	case pl.mode == modePaused:
		st.State = StatePaused
	case seg.Phase == PhaseRest:
		st.State = StateRest
	default:
		st.State = StateRunning
	}
	return st
}

// Outcome is how a session ended; the values are persisted in the journal.
type Outcome string

// Outcomes.
const (
	InProgress Outcome = "in_progress"
	Finished   Outcome = "finished" // played to the end (steps may have been skipped)
	Stopped    Outcome = "stopped"  // stopped early
)

// Summary is what a session achieved.
type Summary struct {
	Routine   RoutineID
	StepsDone int // steps completed by playing, each counted once
	Steps     int
	Done      []ExerciseID // the exercises of the completed steps, in order
	Outcome   Outcome
	Elapsed   time.Duration // playing time, pauses excluded
}

// Summary reports the session as of the last call that took a time.
func (pl *Player) Summary() Summary {
	s := Summary{Routine: pl.plan.Routine.ID, Steps: len(pl.done), Outcome: InProgress}
	for i, d := range pl.done {
		if d {
			s.StepsDone++
			s.Done = append(s.Done, pl.plan.Routine.Steps[i].Exercise)
		}
	}
	if pl.mode == modeEnded {
		s.Outcome, s.Elapsed = Finished, pl.ended
		if pl.stopped {
			s.Outcome = Stopped
		}
	}
	return s
}
