package routine

import (
	"slices"
	"testing"
	"time"
)

// where is the part of a Status the tables check.
type where struct {
	State     State
	Phase     Phase
	Step      int
	Exercise  ExerciseID
	Rep, Reps int
	Side      Side
	Remaining float64 // seconds
	Elapsed   float64
}

func whereOf(s Status) where {
	return where{s.State, s.Phase, s.Step, s.Exercise, s.Rep, s.Reps, s.Side, s.Remaining.Seconds(), s.Elapsed.Seconds()}
}

func TestPlayerNormalRun(t *testing.T) {
	p := tinyPlan(t, "ab")
	pl := NewPlayer(p)
	if got, want := whereOf(pl.Status(at(0))), (where{StateReady, PhaseGetReady, 0, "a", 0, 2, NoSide, 5, 0}); got != want {
		t.Errorf("before Start: %+v; want %+v", got, want)
	}
	pl.Start(at(0))
	tests := []struct {
		t    float64
		want where
	}{
		{0, where{StateRunning, PhaseGetReady, 0, "a", 0, 2, NoSide, 5, 0}},
		{4.5, where{StateRunning, PhaseGetReady, 0, "a", 0, 2, NoSide, 0.5, 4.5}},
		{5, where{StateRunning, PhaseHold, 0, "a", 1, 2, NoSide, 5, 5}},
		{11, where{StateRunning, PhaseRelease, 0, "a", 1, 2, NoSide, 1, 11}},
		{12, where{StateRunning, PhaseHold, 0, "a", 2, 2, NoSide, 5, 12}},
		{18, where{StateRunning, PhaseRelease, 0, "a", 2, 2, NoSide, 1, 18}},
		{19, where{StateRest, PhaseRest, 1, "b", 0, 1, Left, 3, 19}},
		{25, where{StateRunning, PhaseHold, 1, "b", 1, 1, Left, 7, 25}},
		{33, where{StateRunning, PhaseRelease, 1, "b", 1, 1, Left, 1, 33}},
		{40, where{StateRunning, PhaseHold, 1, "b", 1, 1, Right, 4, 40}},
		{45.25, where{StateRunning, PhaseRelease, 1, "b", 1, 1, Right, 0.75, 45.25}},
		{46, where{StateDone, PhaseRelease, 1, "b", 1, 1, Right, 0, 46}},
		{100, where{StateDone, PhaseRelease, 1, "b", 1, 1, Right, 0, 46}},
	}
	for _, tt := range tests {
		pl.Advance(at(tt.t))
		if got := whereOf(pl.Status(at(tt.t))); got != tt.want {
			t.Errorf("at %vs: %+v; want %+v", tt.t, got, tt.want)
		}
	}
	if got, want := pl.Summary(), (Summary{Routine: "ab", StepsDone: 2, Steps: 2, Done: []ExerciseID{"a", "b"}, Outcome: Finished, Elapsed: 46 * time.Second}); !equalSummary(got, want) {
		t.Errorf("Summary = %+v; want %+v", got, want)
	}
}

func equalSummary(a, b Summary) bool {
	return a.Routine == b.Routine && a.StepsDone == b.StepsDone && a.Steps == b.Steps &&
		slices.Equal(a.Done, b.Done) && a.Outcome == b.Outcome && a.Elapsed == b.Elapsed
}

func TestPlayerJumpOfMinutes(t *testing.T) {
	p := tinyPlan(t, "ab")
	want := formatCues(playBySeconds(p), t0)
	for _, jump := range []float64{18.5, 19, 46, 300, 3600} {
		pl := NewPlayer(p)
		pl.Start(at(0))
		got := pl.Advance(at(jump))
		got = append(got, pl.Advance(at(jump+600))...)
		if formatCues(got, t0) != want {
			t.Errorf("jump %vs: cues\n%s\nwant\n%s", jump, formatCues(got, t0), want)
		}
		if s := pl.Summary(); s.StepsDone != 2 || s.Outcome != Finished {
			t.Errorf("jump %vs: summary %+v", jump, s)
		}
	}
	// A jump into the middle lands on the right segment.
	pl := NewPlayer(p)
	pl.Start(at(0))
	cues := pl.Advance(at(40))
	if got, want := whereOf(pl.Status(at(40))), (where{StateRunning, PhaseHold, 1, "b", 1, 1, Right, 4, 40}); got != want {
		t.Errorf("after jump to 40s: %+v; want %+v", got, want)
	}
	if last := cues[len(cues)-1]; last.Kind != CueHold || last.Side != Right || !last.At.Equal(at(34)) {
		t.Errorf("last cue of the jump = %s; want the right hold at 34s", formatCue(last, t0))
	}
	if s := pl.Summary(); s.StepsDone != 1 || s.Outcome != InProgress {
		t.Errorf("summary mid-way = %+v; want 1 step done, in progress", s)
	}
}

func TestPauseAcrossJump(t *testing.T) {
	p := tinyPlan(t, "ab")
	pl := NewPlayer(p)
	pl.Start(at(0))
	pl.Advance(at(6))
	pl.Pause(at(7))
	before := pl.Status(at(7))
	if before.State != StatePaused {
		t.Fatalf("state = %s; want paused", before.State)
	}
	// Ten minutes in the background: time stands still, and the cues due
	// between the last Advance and the pause (none here) come out once.
	if cues := pl.Advance(at(607)); len(cues) != 0 {
		t.Errorf("paused Advance emitted %s", formatCues(cues, t0))
	}
	if got := pl.Status(at(607)); got != before {
		t.Errorf("status after paused jump = %+v; want %+v", got, before)
	}
	pl.Resume(at(607))
	if got := whereOf(pl.Status(at(609))); got != (where{StateRunning, PhaseHold, 0, "a", 1, 2, NoSide, 1, 9}) {
		t.Errorf("2 s after resume: %+v; want elapsed 9s in the first hold", got)
	}
	// The whole stream is the one-second stream shifted by the pause.
	var cues []Cue
	pl2 := NewPlayer(p)
	pl2.Start(at(0))
	for s := 0; s <= 7; s++ {
		cues = append(cues, pl2.Advance(at(float64(s)))...)
	}
	pl2.Pause(at(7.5))
	pl2.Advance(at(300))
	pl2.Resume(at(607.5))
	cues = append(cues, pl2.Advance(at(1000))...)
	var shifted []Cue
	for _, c := range playBySeconds(p) {
		if c.At.After(at(7.5)) {
			c.At = c.At.Add(600 * time.Second)
		}
		shifted = append(shifted, c)
	}
	if formatCues(cues, t0) != formatCues(shifted, t0) {
		t.Errorf("paused stream:\n%s\nwant:\n%s", formatCues(cues, t0), formatCues(shifted, t0))
	}
}

func TestControlsIgnoredOutOfState(t *testing.T) {
	p := tinyPlan(t, "ab")
	pl := NewPlayer(p)
	pl.Pause(at(1))
	pl.Resume(at(1))
	pl.Skip(at(1))
	pl.Back(at(1))
	if s := pl.Status(at(5)); s.State != StateReady || s.Elapsed != 0 {
		t.Errorf("controls before Start changed the player: %+v", s)
	}
	if cues := pl.Advance(at(5)); cues != nil {
		t.Errorf("Advance before Start = %v", cues)
	}
	pl.Start(at(10))
	pl.Start(at(20)) // ignored
	if s := pl.Status(at(12)); s.Elapsed != 2*time.Second {
		t.Errorf("second Start moved the clock: elapsed %v", s.Elapsed)
	}
	pl.Stop(at(30))
	pl.Resume(at(31))
	pl.Skip(at(31))
	pl.Back(at(31))
	pl.Start(at(31))
	if s := pl.Status(at(99)); s.State != StateDone || s.Elapsed != 20*time.Second {
		t.Errorf("after Stop: %+v; want done at 20s", s)
	}
	if cues := pl.Advance(at(99)); cues != nil {
		t.Errorf("Advance after Stop = %s", formatCues(cues, t0))
	}
	if s := pl.Summary(); s.Outcome != Stopped || s.StepsDone != 1 {
		t.Errorf("Summary after Stop at 20s = %+v; want stopped, 1 step done", s)
	}
}

func TestStopBeforeStart(t *testing.T) {
	pl := NewPlayer(tinyPlan(t, "ab"))
	pl.Stop(at(3))
	if s := pl.Summary(); s.Outcome != Stopped || s.StepsDone != 0 {
		t.Errorf("Summary = %+v; want stopped with nothing done", s)
	}
}

func TestPauseResumeTwice(t *testing.T) {
	pl := NewPlayer(tinyPlan(t, "ab"))
	pl.Start(at(0))
	pl.Pause(at(3))
	pl.Pause(at(4)) // ignored: already paused
	pl.Resume(at(10))
	pl.Resume(at(11)) // ignored
	pl.Pause(at(12))
	pl.Resume(at(20))
	if got := pl.Status(at(21)).Elapsed; got != 6*time.Second {
		t.Errorf("elapsed = %v; want 6s (3 + 2 + 1)", got)
	}
}
