package routine

import (
	"errors"
	"fmt"
	"sort"
	"time"
)

// Phase is what a segment of the timeline asks the person to do.
type Phase string

// Phases.
const (
	PhaseGetReady Phase = "getready" // countdown before the first exercise
	PhaseHold     Phase = "hold"
	PhaseRelease  Phase = "release" // release and relax between holds
	PhaseRest     Phase = "rest"    // rest between exercises
)

// TextKey is the key of the phase's label.
func (p Phase) TextKey() string { return "routine.phase." + string(p) }

var errNoSteps = errors.New("no steps left for this person")

// DefaultGetReady is the get-ready countdown before the first exercise.
const DefaultGetReady = 5 * time.Second

// holdCountdownMin is the shortest hold whose end is counted down: counting
// "3, 2, 1" through every five-second repetition would never stop talking.
const holdCountdownMin = 10 * time.Second

const countdownFrom = 3

// PlanOptions adjusts a plan.
type PlanOptions struct {
	GetReady time.Duration // zero means DefaultGetReady
	Filter   FilterOptions // steps to leave out (see Library.Adapt)
}

// Segment is one stretch of the timeline.
type Segment struct {
	Phase    Phase
	Step     int // index into Plan.Routine.Steps
	Exercise ExerciseID
	Rep      int // 1-based; 0 for get-ready and rest
	Reps     int
	Side     Side
	Start    time.Duration // offset from the start of the plan
	Length   time.Duration
}

// End is the offset at which the segment ends.
func (s Segment) End() time.Duration { return s.Start + s.Length }

// PlannedCue is a cue at its offset from the start of the plan.
type PlannedCue struct {
	Offset time.Duration
	Cue    Cue // At is zero
}

// Plan is a routine flattened into a timeline.
type Plan struct {
	Routine   Routine // as played: after Adapt
	Segments  []Segment
	Cues      []PlannedCue // sorted by Offset
	Total     time.Duration
	stepStart []time.Duration
	stepEnd   []time.Duration
}

// NewPlan builds the timeline of r. Steps opts.Filter rules out are left out
// (listed in Plan.Routine.Omitted); it is an error if none is left, or if a
// step names an exercise lib does not have or has a dose out of range.
func NewPlan(r Routine, lib *Library, opts PlanOptions) (*Plan, error) {
	getReady := opts.GetReady
	if getReady == 0 {
		getReady = DefaultGetReady
	}
	if getReady < 0 || getReady > time.Minute {
		return nil, fmt.Errorf("routine: get-ready time %v is outside 0s to 1m", getReady)
	}
	for i, s := range r.Steps {
		if _, ok := lib.exercises[s.Exercise]; !ok {
			return nil, fmt.Errorf("routine: step %d: unknown exercise %q", i+1, s.Exercise)
		}
		if field, err := s.Dose.check(); err != nil {
			return nil, fmt.Errorf("routine: step %d: %s: %w", i+1, field, err)
		}
	}
	adapted, ok := lib.Adapt(r, opts.Filter)
	if !ok {
		return nil, fmt.Errorf("routine: %s: %w", r.ID, errNoSteps)
	}
	return buildPlan(adapted, lib, getReady), nil
}

// SegmentAt returns the index of the segment playing at offset t; at or
// after Total it is the last segment.
func (p *Plan) SegmentAt(t time.Duration) int {
	i := sort.Search(len(p.Segments), func(i int) bool { return p.Segments[i].Start > t })
	return max(i-1, 0)
}

// StepAt returns the step playing at offset t.
func (p *Plan) StepAt(t time.Duration) int { return p.Segments[p.SegmentAt(t)].Step }

// builder accumulates segments and cues in time order.
type builder struct {
	p *Plan
	t time.Duration
}

func (b *builder) cue(at time.Duration, c Cue) {
	if c.Key == "" {
		c.Key = cueKey(c.Kind, c.Side, c.Count)
	}
	b.p.Cues = append(b.p.Cues, PlannedCue{Offset: at, Cue: c})
}

// segment appends a segment starting now and returns its start.
func (b *builder) segment(s Segment) time.Duration {
	s.Start = b.t
	b.p.Segments = append(b.p.Segments, s)
	b.t += s.Length
	return s.Start
}

// countdown says 3, 2, 1 before offset end, keeping inside (start, end).
func (b *builder) countdown(start, end time.Duration, ex ExerciseID, side Side) {
	for n := countdownFrom; n >= 1; n-- {
		if at := end - time.Duration(n)*time.Second; at > start {
			b.cue(at, Cue{Kind: CueCount, ExerciseID: ex, Side: side, Count: n})
		}
	}
}

func buildPlan(r Routine, lib *Library, getReady time.Duration) *Plan {
	p := &Plan{Routine: r}
	b := &builder{p: p}
	for i, s := range r.Steps {
		e := lib.exercises[s.Exercise]
		d := s.Dose
		sides := []Side{NoSide}
		if d.Sides {
			sides = []Side{Left, Right}
		}
		p.stepStart = append(p.stepStart, b.t)
		lead := Segment{Phase: PhaseGetReady, Step: i, Exercise: e.ID, Reps: d.Reps, Side: sides[0], Length: getReady}
		if i > 0 {
			lead.Phase, lead.Length = PhaseRest, r.Steps[i-1].Dose.Rest
		}
		if lead.Length > 0 {
			start := b.segment(lead)
			kind := CueGetReady
			if lead.Phase == PhaseRest {
				kind = CueRest
			}
			b.cue(start, Cue{Kind: kind, ExerciseID: e.ID, Side: NoSide})
		}
		b.cue(b.p.stepStart[i], Cue{Kind: CueAnnounce, ExerciseID: e.ID, Side: sides[0], Key: e.NameKey})
		if sides[0] != NoSide {
			b.cue(b.p.stepStart[i], Cue{Kind: CueSide, ExerciseID: e.ID, Side: sides[0]})
		}
		if lead.Length > 0 {
			b.countdown(b.p.stepStart[i], b.t, e.ID, sides[0])
		}
		for si, side := range sides {
			for rep := 1; rep <= d.Reps; rep++ {
				hold := b.segment(Segment{Phase: PhaseHold, Step: i, Exercise: e.ID, Rep: rep, Reps: d.Reps, Side: side, Length: d.Hold})
				b.cue(hold, Cue{Kind: CueHold, ExerciseID: e.ID, Side: side, Key: e.HoldCueKey})
				if d.Hold >= holdCountdownMin {
					b.countdown(hold, b.t, e.ID, side)
				}
				rel := b.segment(Segment{Phase: PhaseRelease, Step: i, Exercise: e.ID, Rep: rep, Reps: d.Reps, Side: side, Length: d.Tempo})
				b.cue(rel, Cue{Kind: CueRelease, ExerciseID: e.ID, Side: side})
				if rep == d.Reps && si+1 < len(sides) {
					next := sides[si+1]
					b.cue(rel, Cue{Kind: CueSide, ExerciseID: e.ID, Side: next})
					b.countdown(rel, b.t, e.ID, next)
				}
			}
		}
		p.stepEnd = append(p.stepEnd, b.t)
	}
	p.Total = b.t
	last := r.Steps[len(r.Steps)-1].Exercise
	b.cue(p.Total, Cue{Kind: CueDone, ExerciseID: last, Side: NoSide})
	sort.SliceStable(p.Cues, func(i, j int) bool { return p.Cues[i].Offset < p.Cues[j].Offset })
	return p
}
