package routine

import (
	"errors"
	"regexp"
	"strings"
	"testing"
)

func TestDecodeLibraryErrors(t *testing.T) {
	tests := []struct {
		name           string
		ex, rt         string // replace old with new in tinyExercises or tinyRoutines
		file, wantPath string
		wantMsg        string
	}{
		{"unknown exercise", "", `{"exercise": "b", "reps": 2}|{"exercise": "bb", "reps": 2}`, RoutinesFile, "routines[1].steps[0].exercise", `unknown exercise "bb"`},
		{"unknown field in step", "", `{"exercise": "a"}|{"exercise": "a", "hodl": 3}`, RoutinesFile, "routines[0].steps[0]", `unknown field "hodl"`},
		{"hold out of range", "", `{"exercise": "b", "reps": 2}|{"exercise": "b", "hold": 121}`, RoutinesFile, "routines[1].steps[0].hold", "outside"},
		{"reps zero", "", `{"exercise": "b", "reps": 2}|{"exercise": "b", "reps": 0}`, RoutinesFile, "routines[1].steps[0].reps", "outside"},
		{"sides on a two-sided exercise", "", `{"exercise": "a"}|{"exercise": "a", "sides": true}`, RoutinesFile, "routines[0].steps[0].sides", "not done on each side"},
		{"duplicate routine", "", `"id": "seated"|"id": "ab"`, RoutinesFile, "routines[1].id", "duplicate"},
		{"no source", "", `"id": "ab", "source": "test"|"id": "ab", "source": ""`, RoutinesFile, "routines[0].source", "missing"},
		{"no steps", "", `"steps": [{"exercise": "a"}, {"exercise": "b"}]|"steps": []`, RoutinesFile, "routines[0].steps", "0 steps"},
		{"trailing data", "", "\n]}|\n]} []", RoutinesFile, "", "after the value"},
		{"unknown tag", `["supine", "flexion"]|["supine", "bending"]`, "", ExercisesFile, "exercises[0].tags", `unknown tag "bending"`},
		{"two positions", `["supine", "flexion"]|["supine", "seated"]`, "", ExercisesFile, "exercises[0].tags", "exactly one position"},
		{"floor disagrees", `"floor": false|"floor": true`, "", ExercisesFile, "exercises[1].floor", "means false"},
		{"tempo zero", `"rest": 0, "tempo": 2|"rest": 0, "tempo": 0`, "", ExercisesFile, "exercises[1].defaults.tempo", "outside"},
		{"missing default", `"reps": 2, "sides": false, |"sides": false, `, "", ExercisesFile, "exercises[0].defaults", "required"},
		{"illustration", `exercises/b.svg|exercises/c.svg`, "", ExercisesFile, "exercises[1].illustration", "want"},
		{"bad id", `"id": "a"|"id": "A b"`, "", ExercisesFile, "exercises[0].id", "lower case"},
		{"not JSON", `{"exercises"|{exercises`, "", ExercisesFile, "", "invalid character"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex, rt := replace(t, tinyExercises, tt.ex), replace(t, tinyRoutines, tt.rt)
			_, err := DecodeLibrary([]byte(ex), []byte(rt))
			var de *DataError
			if !errors.As(err, &de) {
				t.Fatalf("err = %v; want a *DataError", err)
			}
			if de.File != tt.file || de.Path != tt.wantPath || !strings.Contains(de.Err.Error(), tt.wantMsg) {
				t.Errorf("err = %s / %q: %v; want %s / %q: …%s…", de.File, de.Path, de.Err, tt.file, tt.wantPath, tt.wantMsg)
			}
		})
	}
}

func replace(t *testing.T, s, oldNew string) string {
	t.Helper()
	if oldNew == "" {
		return s
	}
	old, repl, _ := strings.Cut(oldNew, "|")
	if !strings.Contains(s, old) {
		t.Fatalf("%q not found", old)
	}
	return strings.Replace(s, old, repl, 1)
}

func TestLibraryLookups(t *testing.T) {
	lib := realLibrary(t)
	if len(lib.Exercises()) != len(ClinicalExercises) {
		t.Errorf("%d exercises; want %d", len(lib.Exercises()), len(ClinicalExercises))
	}
	for _, id := range ClinicalExercises {
		e, ok := lib.Exercise(id)
		if !ok || e.ID != id || e.NameKey != "exercise."+string(id)+".name" || len(e.StepKeys) == 0 {
			t.Errorf("Exercise(%q) = %+v, %v", id, e, ok)
		}
	}
	if _, ok := lib.Exercise("cat_cwo"); ok {
		t.Errorf("Exercise(cat_cwo) found")
	}
	if _, ok := lib.Routine("nope"); ok {
		t.Errorf("Routine(nope) found")
	}
	rs := lib.Routines()
	rs[0].Steps[0].Dose.Reps = 99
	if again, _ := lib.Routine(rs[0].ID); again.Steps[0].Dose.Reps == 99 {
		t.Errorf("changing a returned routine changed the library")
	}
}

// ValidID accepts exactly what the regular expression ^[a-z][a-z0-9_]{0,39}$
// accepts.
func TestValidIDMatchesItsPattern(t *testing.T) {
	pattern := regexp.MustCompile(`^[a-z][a-z0-9_]{0,39}$`)
	cases := []string{"", "a", "z9", "cat_cow", "Cat", "9a", "_a", "a-b", "a b", "é", "aé",
		strings.Repeat("a", 40), strings.Repeat("a", 41), "a" + strings.Repeat("_", 39), "a\n"}
	for c := byte(0); c < 128; c++ {
		cases = append(cases, "a"+string(c), string(c))
	}
	for _, id := range cases {
		if got, want := ValidID(id), pattern.MatchString(id); got != want {
			t.Errorf("ValidID(%q) = %v; want %v", id, got, want)
		}
	}
}
