package routine

import (
	"fmt"
	"testing"
	"time"
)

// boundaries returns, in seconds, every segment start of p and moments just
// after each, around BackGrace, before the end.
func boundaries(p *Plan) []float64 {
	var out []float64
	for _, s := range p.Segments {
		for _, d := range []float64{0, 0.5, 1.999, 2} {
			if b := s.Start.Seconds() + d; b < p.Total.Seconds() {
				out = append(out, b)
			}
		}
	}
	return append(out, p.Total.Seconds()-0.001)
}

// wantStep is the step playing at t, worked out from the step bounds.
func wantStep(p *Plan, t time.Duration) int {
	step := 0
	for i := range p.Routine.Steps {
		if p.stepStart[i] <= t {
			step = i
		}
	}
	return step
}

func TestSkipAtEveryBoundary(t *testing.T) {
	for _, id := range []RoutineID{"ab", "ba", "seated"} {
		p := tinyPlan(t, id)
		for _, paused := range []bool{false, true} {
			for _, b := range boundaries(p) {
				t.Run(fmt.Sprintf("%s/paused=%v/%vs", id, paused, b), func(t *testing.T) {
					pl := NewPlayer(p)
					pl.Start(at(0))
					pl.Advance(at(b))
					if paused {
						pl.Pause(at(b))
					}
					cur := wantStep(p, sec(b))
					pl.Skip(at(b))
					s := pl.Status(at(b))
					if cur+1 == len(p.Routine.Steps) {
						if s.State != StateDone {
							t.Fatalf("skip from the last step: state %s; want done", s.State)
						}
						cues := pl.Advance(at(b + 1))
						if len(cues) != 1 || cues[0].Kind != CueDone {
							t.Errorf("cues after skipping to the end = %s; want done", formatCues(cues, t0))
						}
						if sum := pl.Summary(); sum.Outcome != Finished || sum.StepsDone != len(p.Routine.Steps)-1 {
							t.Errorf("summary %+v; want finished without the skipped step", sum)
						}
						return
					}
					if s.Elapsed != p.stepStart[cur+1] || s.Step != cur+1 {
						t.Errorf("skip from %vs (step %d) landed at %v step %d; want %v step %d", b, cur, s.Elapsed, s.Step, p.stepStart[cur+1], cur+1)
					}
					if paused != (s.State == StatePaused) {
						t.Errorf("state after skip = %s; paused %v", s.State, paused)
					}
					cues := pl.Advance(at(b))
					if !hasKind(cues, CueAnnounce) {
						t.Errorf("no announce after skip: %s", formatCues(cues, t0))
					}
					if pl.Summary().StepsDone != cur {
						t.Errorf("steps done after skipping step %d = %d; want %d", cur, pl.Summary().StepsDone, cur)
					}
				})
			}
		}
	}
}

func TestBackAtEveryBoundary(t *testing.T) {
	for _, id := range []RoutineID{"ab", "ba", "seated"} {
		p := tinyPlan(t, id)
		for _, b := range boundaries(p) {
			t.Run(fmt.Sprintf("%s/%vs", id, b), func(t *testing.T) {
				pl := NewPlayer(p)
				pl.Start(at(0))
				pl.Advance(at(b))
				cur := wantStep(p, sec(b))
				target := cur
				if sec(b)-p.stepStart[cur] < BackGrace && cur > 0 {
					target = cur - 1
				}
				doneBefore := pl.Summary().StepsDone
				pl.Back(at(b))
				s := pl.Status(at(b))
				if s.Elapsed != p.stepStart[target] || s.Step != target {
					t.Errorf("back from %vs landed at %v step %d; want %v step %d", b, s.Elapsed, s.Step, p.stepStart[target], target)
				}
				if !hasKind(pl.Advance(at(b)), CueAnnounce) {
					t.Errorf("no announce after back")
				}
				// Playing a completed step again does not count it twice.
				pl.Advance(at(b + 3600))
				if sum := pl.Summary(); sum.StepsDone != len(p.Routine.Steps) || doneBefore > sum.StepsDone {
					t.Errorf("summary after replay = %+v", sum)
				}
			})
		}
	}
}

func TestControlsAtTheEnd(t *testing.T) {
	p := tinyPlan(t, "ab")
	pl := NewPlayer(p)
	pl.Start(at(0))
	pl.Advance(at(46))
	pl.Back(at(47))
	pl.Skip(at(47))
	pl.Pause(at(47))
	if s := pl.Status(at(48)); s.State != StateDone || s.Elapsed != p.Total {
		t.Errorf("controls at the end changed the player: %+v", s)
	}
	// Reaching the end without an Advance also ends the routine: Back does
	// not restart the last step, and the next Advance says the last cues.
	pl = NewPlayer(p)
	pl.Start(at(0))
	pl.Advance(at(45))
	pl.Back(at(50))
	if cues := pl.Advance(at(50)); len(cues) != 1 || cues[0].Kind != CueDone {
		t.Errorf("cues after the end = %s; want done", formatCues(cues, t0))
	}
}

func hasKind(cues []Cue, k CueKind) bool {
	for _, c := range cues {
		if c.Kind == k {
			return true
		}
	}
	return false
}

func TestBackThenReplayCuesOnce(t *testing.T) {
	p := tinyPlan(t, "ab")
	pl := NewPlayer(p)
	pl.Start(at(0))
	first := pl.Advance(at(25)) // in b's left hold
	pl.Back(at(25))             // 6 s into b: restart b at its rest
	again := pl.Advance(at(25))
	if got := formatCues(again, t0); got != "  0:25.000 rest      b (routine.cue.rest)\n  0:25.000 announce  b left (exercise.b.name)\n  0:25.000 side      b left (routine.cue.left)\n" {
		t.Errorf("cues after back:\n%s", got)
	}
	if len(first) == 0 {
		t.Fatal("no cues before back")
	}
	rest := pl.Advance(at(1000))
	if last := rest[len(rest)-1]; last.Kind != CueDone || !last.At.Equal(at(25+27)) {
		t.Errorf("done cue %s; want at 52s", formatCue(last, t0))
	}
}

func TestSidesAndRepsCounting(t *testing.T) {
	lib := realLibrary(t)
	r := Routine{ID: "x", Steps: []Step{{Exercise: KneeToChest, Dose: Dose{Hold: 3 * time.Second, Reps: 3, Sides: true, Tempo: 2 * time.Second}}}}
	p, err := NewPlan(r, lib, PlanOptions{GetReady: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	pl := NewPlayer(p)
	pl.Start(at(0))
	var got []string
	for _, seg := range p.Segments {
		if seg.Phase != PhaseHold {
			continue
		}
		mid := seg.Start + seg.Length/2
		s := pl.Status(at(mid.Seconds()))
		got = append(got, fmt.Sprintf("%s %d/%d", s.Side, s.Rep, s.Reps))
	}
	want := "[left 1/3 left 2/3 left 3/3 right 1/3 right 2/3 right 3/3]"
	if fmt.Sprint(got) != want {
		t.Errorf("holds = %v; want %s", got, want)
	}
	cues := pl.Advance(at(1000))
	var holds, sides int
	for _, c := range cues {
		switch c.Kind {
		case CueHold:
			holds++
		case CueSide:
			sides++
		}
	}
	if holds != 6 || sides != 2 {
		t.Errorf("%d hold cues and %d side cues; want 6 and 2", holds, sides)
	}
	if p.Total != time.Second+6*5*time.Second {
		t.Errorf("Total = %v; want 31s", p.Total)
	}
}
