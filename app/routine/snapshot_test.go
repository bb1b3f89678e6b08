package routine

import (
	"encoding/json"
	"errors"
	"testing"
	"time"
)

// roundTrip saves the player's snapshot as JSON and restores it.
func roundTrip(t *testing.T, p *Plan, pl *Player) *Player {
	t.Helper()
	b, err := json.Marshal(pl.Snapshot())
	if err != nil {
		t.Fatal(err)
	}
	var snap Snapshot
	if err := json.Unmarshal(b, &snap); err != nil {
		t.Fatal(err)
	}
	restored, err := Restore(p, snap)
	if err != nil {
		t.Fatalf("Restore(%s): %v", b, err)
	}
	return restored
}

func TestSnapshotRestoreEveryState(t *testing.T) {
	p := tinyPlan(t, "ab")
	tests := []struct {
		name  string
		setup func(pl *Player)
		now   float64 // when the snapshot is taken and compared
		state State
	}{
		{"ready", func(pl *Player) {}, 3, StateReady},
		{"running", func(pl *Player) { pl.Start(at(0)); pl.Advance(at(7.25)) }, 7.25, StateRunning},
		{"running, cues pending", func(pl *Player) { pl.Start(at(0)); pl.Advance(at(4)) }, 13.5, StateRunning},
		{"paused", func(pl *Player) { pl.Start(at(0)); pl.Advance(at(9)); pl.Pause(at(11.5)) }, 500, StatePaused},
		{"paused after back", func(pl *Player) { pl.Start(at(0)); pl.Advance(at(30)); pl.Pause(at(30)); pl.Back(at(31)) }, 40, StatePaused},
		{"rest", func(pl *Player) { pl.Start(at(0)); pl.Advance(at(20)) }, 20, StateRest},
		{"done", func(pl *Player) { pl.Start(at(0)); pl.Advance(at(50)) }, 60, StateDone},
		{"done, stopped", func(pl *Player) { pl.Start(at(0)); pl.Advance(at(20)); pl.Stop(at(21.123456789)) }, 60, StateDone},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			orig := NewPlayer(p)
			tt.setup(orig)
			restored := roundTrip(t, p, orig)
			now := at(tt.now)
			if got, want := restored.Status(now), orig.Status(now); got != want || got.State != tt.state {
				t.Fatalf("restored status %+v; want %+v in state %s", got, want, tt.state)
			}
			if !equalSummary(restored.Summary(), orig.Summary()) {
				t.Errorf("restored summary %+v; want %+v", restored.Summary(), orig.Summary())
			}
			// Both continue identically: resume, play to the end.
			for _, pl := range []*Player{orig, restored} {
				pl.Start(now)
				pl.Resume(now.Add(5e9))
			}
			for _, s := range []float64{1, 2, 30, 600} {
				later := now.Add(sec(s))
				if g, w := formatCues(restored.Advance(later), t0), formatCues(orig.Advance(later), t0); g != w {
					t.Fatalf("after +%vs restored cues\n%s\nwant\n%s", s, g, w)
				}
			}
			if !equalSummary(restored.Summary(), orig.Summary()) {
				t.Errorf("final summary %+v; want %+v", restored.Summary(), orig.Summary())
			}
		})
	}
}

func TestRestoreRejects(t *testing.T) {
	p := tinyPlan(t, "ab")
	other := tinyPlan(t, "ba")
	pl := NewPlayer(p)
	pl.Start(at(0))
	pl.Advance(at(10))
	pl.Pause(at(10))
	good := pl.Snapshot()
	tests := []struct {
		name   string
		plan   *Plan
		mutate func(s *Snapshot)
	}{
		{"other routine", other, func(s *Snapshot) {}},
		{"other plan, same id", p, func(s *Snapshot) { s.Plan = "0000000000000000" }},
		{"version", p, func(s *Snapshot) { s.Version = 2 }},
		{"steps", p, func(s *Snapshot) { s.Done = s.Done[:1] }},
		{"cue cursor", p, func(s *Snapshot) { s.NextCue = len(p.Cues) + 1 }},
		{"negative cue cursor", p, func(s *Snapshot) { s.NextCue = -1 }},
		{"step cursor", p, func(s *Snapshot) { s.NextStep = 3 }},
		{"mode", p, func(s *Snapshot) { s.Mode = "flying" }},
		{"paused without pause time", p, func(s *Snapshot) { s.PausedAt = zeroTime }},
		{"paused beyond the end", p, func(s *Snapshot) { s.PausedAt = s.Origin.Add(p.Total + 1) }},
		{"playing while paused", p, func(s *Snapshot) { s.Mode = "playing" }},
		{"ready with a position", p, func(s *Snapshot) { s.Mode = "ready" }},
		{"ended too early", p, func(s *Snapshot) { s.Mode, s.PausedAt, s.EndedNS = "ended", zeroTime, 1 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			snap := good
			snap.Done = append([]bool(nil), good.Done...)
			tt.mutate(&snap)
			if _, err := Restore(tt.plan, snap); !errors.Is(err, ErrSnapshot) {
				t.Errorf("Restore = %v; want ErrSnapshot", err)
			}
		})
	}
	if _, err := Restore(p, good); err != nil {
		t.Errorf("Restore(good) = %v", err)
	}
}

var zeroTime time.Time
