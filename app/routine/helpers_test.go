package routine

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// t0 is the instant every test starts its routine at.
var t0 = time.Date(2025, 3, 1, 8, 0, 0, 0, time.UTC)

func at(seconds float64) time.Time {
	return t0.Add(time.Duration(seconds * float64(time.Second)))
}

func sec(n float64) time.Duration { return time.Duration(n * float64(time.Second)) }

// realLibrary decodes the shipped content.
func realLibrary(t testing.TB) *Library {
	t.Helper()
	ex, err := os.ReadFile("../../data/exercises.json")
	if err != nil {
		t.Fatal(err)
	}
	rt, err := os.ReadFile("../../data/routines.json")
	if err != nil {
		t.Fatal(err)
	}
	lib, err := DecodeLibrary(ex, rt)
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

const tinyExercises = `{"exercises": [
  {"id": "a", "tags": ["supine", "flexion"], "floor": true,
   "defaults": {"hold": 5, "reps": 2, "sides": false, "rest": 3, "tempo": 2},
   "illustration": "exercises/a.svg", "steps": 2, "cautions": 0},
  {"id": "b", "tags": ["seated", "rotation"], "floor": false,
   "defaults": {"hold": 10, "reps": 1, "sides": true, "rest": 0, "tempo": 2},
   "illustration": "exercises/b.svg", "steps": 1, "cautions": 1, "hold_cue": "stretch"}
]}`

const tinyRoutines = `{"routines": [
  {"id": "ab", "source": "test", "steps": [{"exercise": "a"}, {"exercise": "b"}]},
  {"id": "seated", "source": "test", "steps": [{"exercise": "b", "reps": 2}]},
  {"id": "ba", "source": "test", "steps": [{"exercise": "b", "rest": 4}, {"exercise": "a", "reps": 1}]}
]}`

// tinyLibrary is a two-exercise library whose timeline is easy to check by
// hand: routine "ab" is
//
//	 0- 5 getready      19-22 rest (b, left)
//	 5-10 hold a 1/2    22-32 hold b left
//	10-12 release       32-34 release (say "right")
//	12-17 hold a 2/2    34-44 hold b right
//	17-19 release       44-46 release; done at 46
func tinyLibrary(t testing.TB) *Library {
	t.Helper()
	lib, err := DecodeLibrary([]byte(tinyExercises), []byte(tinyRoutines))
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

func tinyPlan(t testing.TB, id RoutineID) *Plan {
	t.Helper()
	lib := tinyLibrary(t)
	r, ok := lib.Routine(id)
	if !ok {
		t.Fatalf("no routine %q", id)
	}
	p, err := NewPlan(r, lib, PlanOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// formatCue renders a cue on one line relative to base, for comparisons and
// golden files.
func formatCue(c Cue, base time.Time) string {
	d := c.At.Sub(base)
	s := fmt.Sprintf("%3d:%02d.%03d %-9s %s", int(d/time.Minute), int(d%time.Minute/time.Second), int(d%time.Second/time.Millisecond), c.Kind, c.ExerciseID)
	if c.Side != NoSide && c.Side != "" {
		s += " " + string(c.Side)
	}
	if c.Count != 0 {
		s += fmt.Sprintf(" %d", c.Count)
	}
	return s + " (" + c.TextKey() + ")"
}

func formatCues(cues []Cue, base time.Time) string {
	var b strings.Builder
	for _, c := range cues {
		b.WriteString(formatCue(c, base))
		b.WriteByte('\n')
	}
	return b.String()
}

// playBySeconds plays p from t0 with one Advance per second and returns
// every cue.
func playBySeconds(p *Plan) []Cue {
	pl := NewPlayer(p)
	pl.Start(t0)
	var cues []Cue
	for s := 0; s <= int(p.Total/time.Second)+1; s++ {
		cues = append(cues, pl.Advance(at(float64(s)))...)
	}
	return cues
}
