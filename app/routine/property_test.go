package routine

import (
	"math/rand/v2"
	"testing"
	"time"
)

// TestJumpsEqualSeconds checks the player's central property: however
// Advance calls are spaced (a throttled tab, a phone asleep for minutes), the
// cues come out exactly as with one call per second, none skipped and none
// twice, and the same steps count as done.
func TestJumpsEqualSeconds(t *testing.T) {
	lib := realLibrary(t)
	plans := []*Plan{tinyPlan(t, "ab"), tinyPlan(t, "ba")}
	for _, r := range lib.Routines() {
		p, err := NewPlan(r, lib, PlanOptions{})
		if err != nil {
			t.Fatal(err)
		}
		plans = append(plans, p)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, p := range plans {
		want := formatCues(playBySeconds(p), t0)
		for trial := 0; trial < 200; trial++ {
			pl := NewPlayer(p)
			pl.Start(t0)
			var got []Cue
			now := t0
			for now.Sub(t0) <= p.Total {
				var jump time.Duration
				switch rng.IntN(4) {
				case 0: // a frame
					jump = time.Duration(rng.IntN(50)) * time.Millisecond
				case 1: // a normal tick
					jump = time.Duration(rng.IntN(1500)) * time.Millisecond
				case 2: // a throttled tab
					jump = time.Duration(rng.IntN(60_000)) * time.Millisecond
				default: // asleep for minutes
					jump = time.Duration(rng.IntN(10*60_000)) * time.Millisecond
				}
				now = now.Add(jump)
				got = append(got, pl.Advance(now)...)
			}
			got = append(got, pl.Advance(now.Add(time.Second))...)
			if g := formatCues(got, t0); g != want {
				t.Fatalf("%s trial %d: cues\n%s\nwant\n%s", p.Routine.ID, trial, g, want)
			}
			if s := pl.Summary(); s.StepsDone != len(p.Routine.Steps) || s.Outcome != Finished {
				t.Fatalf("%s trial %d: summary %+v", p.Routine.ID, trial, s)
			}
		}
	}
}

// TestJumpsWithPauses adds random pauses: the stream is the one-second
// stream with every cue after a pause moved later by the pause.
func TestJumpsWithPauses(t *testing.T) {
	p := tinyPlan(t, "ab")
	ref := playBySeconds(p)
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := 0; trial < 300; trial++ {
		pl := NewPlayer(p)
		pl.Start(t0)
		var got []Cue
		var paused time.Duration // total paused so far
		type pause struct{ at, length time.Duration }
		var pauses []pause
		now := t0
		for i := 0; i < 60 && pl.Status(now).State != StateDone; i++ {
			now = now.Add(time.Duration(rng.IntN(8000)) * time.Millisecond)
			got = append(got, pl.Advance(now)...)
			if rng.IntN(3) == 0 && pl.Status(now).State != StateDone {
				pl.Pause(now)
				length := time.Duration(rng.IntN(600_000)) * time.Millisecond
				// Advancing while paused emits what was due before the pause only.
				got = append(got, pl.Advance(now.Add(length/2))...)
				pauses = append(pauses, pause{now.Sub(t0) - paused, length})
				paused += length
				now = now.Add(length)
				pl.Resume(now)
			}
		}
		got = append(got, pl.Advance(now.Add(time.Hour))...)
		var want []Cue
		for _, c := range ref {
			offset := c.At.Sub(t0)
			for _, ps := range pauses {
				if offset > ps.at {
					c.At = c.At.Add(ps.length)
				}
			}
			want = append(want, c)
		}
		if g, w := formatCues(got, t0), formatCues(want, t0); g != w {
			t.Fatalf("trial %d, pauses %v: cues\n%s\nwant\n%s", trial, pauses, g, w)
		}
	}
}
