package routine

import (
	"slices"
	"testing"
)

func ids(rs []Routine) []RoutineID {
	var out []RoutineID
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return out
}

func TestFilter(t *testing.T) {
	lib := realLibrary(t)
	tests := []struct {
		opts FilterOptions
		want []RoutineID
	}{
		{FilterOptions{}, []RoutineID{"quick_relief", "early_days", "morning", "prevention_core"}},
		{FilterOptions{NoFloor: true}, []RoutineID{"quick_relief"}},
		{FilterOptions{Pregnant: true}, []RoutineID{"quick_relief", "early_days", "morning", "prevention_core"}},
		{FilterOptions{NoFloor: true, Pregnant: true}, []RoutineID{"quick_relief"}},
	}
	for _, tt := range tests {
		got := lib.Filter(tt.opts)
		if !slices.Equal(ids(got), tt.want) {
			t.Errorf("Filter(%+v) = %v; want %v", tt.opts, ids(got), tt.want)
		}
		for _, r := range got {
			if r.PregnancyNote != tt.opts.Pregnant {
				t.Errorf("Filter(%+v): %s PregnancyNote = %v", tt.opts, r.ID, r.PregnancyNote)
			}
			for _, s := range r.Steps {
				e, _ := lib.Exercise(s.Exercise)
				if tt.opts.Pregnant && e.Has(Supine) {
					t.Errorf("pregnant: %s keeps %s, which is done lying on the back", r.ID, e.ID)
				}
				if tt.opts.NoFloor && (e.Floor || (e.Position() != Seated && e.Position() != Standing)) {
					t.Errorf("no floor: %s keeps %s", r.ID, e.ID)
				}
			}
		}
	}
}

func TestAdaptPregnant(t *testing.T) {
	lib := realLibrary(t)
	r, _ := lib.Routine("early_days")
	a, ok := lib.Adapt(r, FilterOptions{Pregnant: true})
	if !ok || !a.PregnancyNote {
		t.Fatalf("Adapt = %+v, %v", a, ok)
	}
	var kept, omitted []ExerciseID
	for _, s := range a.Steps {
		kept = append(kept, s.Exercise)
	}
	for _, s := range a.Omitted {
		omitted = append(omitted, s.Exercise)
	}
	if want := []ExerciseID{ChildPose, Walking}; !slices.Equal(kept, want) {
		t.Errorf("kept %v; want %v", kept, want)
	}
	if want := []ExerciseID{KneeToChest, PelvicTilt, LyingTwist}; !slices.Equal(omitted, want) {
		t.Errorf("omitted %v; want %v", omitted, want)
	}
	if a.Duration >= r.Duration || a.Duration == 0 {
		t.Errorf("adapted duration %v; original %v", a.Duration, r.Duration)
	}
	// The library's own routine is untouched.
	if again, _ := lib.Routine("early_days"); len(again.Steps) != len(r.Steps) || again.PregnancyNote {
		t.Errorf("Adapt changed the library's routine: %+v", again)
	}
}

func TestQuickReliefNeedsNoFloor(t *testing.T) {
	lib := realLibrary(t)
	r, _ := lib.Routine("quick_relief")
	for _, s := range r.Steps {
		if e, _ := lib.Exercise(s.Exercise); e.Floor {
			t.Errorf("quick_relief has %s, which needs the floor", e.ID)
		}
	}
	if r.Duration < 4*60e9 || r.Duration > 6*60e9 {
		t.Errorf("quick_relief lasts %v; want about 5 minutes", r.Duration)
	}
}

func TestNeedsFloor(t *testing.T) {
	lib := realLibrary(t)
	for id, want := range map[RoutineID]bool{"quick_relief": false, "morning": true, "early_days": true} {
		r, ok := lib.Routine(id)
		if !ok {
			t.Fatalf("no routine %s", id)
		}
		if got := lib.NeedsFloor(r); got != want {
			t.Errorf("NeedsFloor(%s) = %v; want %v", id, got, want)
		}
	}
}
