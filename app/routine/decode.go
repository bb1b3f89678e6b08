package routine

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"unknot/app/internal/located"
)

// File names DecodeLibrary reports in a DataError.
const (
	ExercisesFile = "exercises.json"
	RoutinesFile  = "routines.json"
)

// Limits on a dose, shared by the content files and routine links.
const (
	MinHold  = 1 * time.Second
	MaxHold  = 120 * time.Second
	MinReps  = 1
	MaxReps  = 30
	MaxRest  = 300 * time.Second
	MinTempo = 1 * time.Second
	MaxTempo = 30 * time.Second
	MaxSteps = 40
)

// DataError reports a problem at a JSON path of a content file.
type DataError struct {
	File string // ExercisesFile or RoutinesFile
	Path string // e.g. "routines[2].steps[1].exercise"; empty for the whole file
	Err  error
}

func (e *DataError) Error() string {
	if e.Path == "" {
		return e.Err.Error()
	}
	return e.Path + ": " + e.Err.Error()
}

func (e *DataError) Unwrap() error { return e.Err }

// ValidID reports whether id is a lower case letter followed by at most 39
// lower case letters, digits and underscores. (A regular expression would
// be compiled at every start of the app, before its first screen.)
func ValidID(id string) bool {
	if len(id) == 0 || len(id) > 40 || id[0] < 'a' || id[0] > 'z' {
		return false
	}
	for i := 1; i < len(id); i++ {
		if c := id[i]; (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '_' {
			return false
		}
	}
	return true
}

type exercisesJSON struct {
	Exercises []json.RawMessage `json:"exercises"`
}

type exerciseJSON struct {
	ID           ExerciseID `json:"id"`
	Tags         []Tag      `json:"tags"`
	Floor        *bool      `json:"floor"`
	Defaults     *doseJSON  `json:"defaults"`
	Illustration string     `json:"illustration"`
	Steps        int        `json:"steps"`    // how many numbered instructions
	Cautions     int        `json:"cautions"` // how many cautions
	HoldCue      string     `json:"hold_cue,omitempty"`
}

// doseJSON is a dose in whole seconds; in a routine step every field is an
// optional override of the exercise's default.
type doseJSON struct {
	Hold  *int  `json:"hold"`
	Reps  *int  `json:"reps"`
	Sides *bool `json:"sides"`
	Rest  *int  `json:"rest"`
	Tempo *int  `json:"tempo"`
}

type routinesJSON struct {
	Routines []json.RawMessage `json:"routines"`
}

type routineJSON struct {
	ID     RoutineID         `json:"id"`
	Source string            `json:"source"`
	Steps  []json.RawMessage `json:"steps"`
}

type stepJSON struct {
	Exercise ExerciseID `json:"exercise"`
	Hold     *int       `json:"hold"`
	Reps     *int       `json:"reps"`
	Sides    *bool      `json:"sides"`
	Rest     *int       `json:"rest"`
}

// DecodeLibrary decodes and validates exercises.json and routines.json.
// Errors are *DataError.
func DecodeLibrary(exercises, routines []byte) (*Library, error) {
	l := &Library{exercises: make(map[ExerciseID]Exercise)}
	if err := l.decodeExercises(exercises); err != nil {
		return nil, err
	}
	if err := l.decodeRoutines(routines); err != nil {
		return nil, err
	}
	return l, nil
}

func (l *Library) decodeExercises(b []byte) error {
	fail := func(path string, format string, args ...any) error {
		return &DataError{File: ExercisesFile, Path: path, Err: fmt.Errorf(format, args...)}
	}
	var file exercisesJSON
	if err := decodeStrict(b, &file); err != nil {
		return &DataError{File: ExercisesFile, Err: err}
	}
	if len(file.Exercises) == 0 {
		return fail("exercises", "no exercises")
	}
	for i, raw := range file.Exercises {
		p := fmt.Sprintf("exercises[%d]", i)
		var x exerciseJSON
		if err := decodeStrict(raw, &x); err != nil {
			return &DataError{File: ExercisesFile, Path: p, Err: err}
		}
		if !ValidID(string(x.ID)) {
			return fail(p+".id", "id %q must be lower case letters, digits and _", x.ID)
		}
		if _, dup := l.exercises[x.ID]; dup {
			return fail(p+".id", "duplicate exercise %q", x.ID)
		}
		if err := checkTags(x.Tags); err != nil {
			return fail(p+".tags", "%v", err)
		}
		if x.Floor == nil {
			return fail(p+".floor", "missing")
		}
		if want := positionTags[positionOf(x.Tags)]; *x.Floor != want {
			return fail(p+".floor", "is %v but position %q means %v", *x.Floor, positionOf(x.Tags), want)
		}
		if x.Defaults == nil {
			return fail(p+".defaults", "missing")
		}
		d, field, err := x.Defaults.dose()
		if err != nil {
			return fail(strings.TrimSuffix(p+".defaults."+field, "."), "%v", err)
		}
		if want := "exercises/" + string(x.ID) + ".svg"; x.Illustration != want {
			return fail(p+".illustration", "is %q, want %q", x.Illustration, want)
		}
		if x.Steps < 1 || x.Steps > 12 {
			return fail(p+".steps", "%d instructions; want 1 to 12", x.Steps)
		}
		if x.Cautions < 0 || x.Cautions > 8 {
			return fail(p+".cautions", "%d cautions; want 0 to 8", x.Cautions)
		}
		cue := "hold"
		if x.HoldCue != "" {
			if !ValidID(x.HoldCue) {
				return fail(p+".hold_cue", "%q is not a cue name", x.HoldCue)
			}
			cue = x.HoldCue
		}
		e := exerciseKeys(x.ID, x.Steps, x.Cautions, cue)
		e.Tags, e.Floor, e.Defaults, e.Illustration = x.Tags, *x.Floor, d, x.Illustration
		l.exercises[e.ID] = e
		l.order = append(l.order, e.ID)
	}
	return nil
}

func (d doseJSON) dose() (Dose, string, error) {
	if d.Hold == nil || d.Reps == nil || d.Sides == nil || d.Rest == nil || d.Tempo == nil {
		return Dose{}, "", errors.New("hold, reps, sides, rest and tempo are all required")
	}
	dose := Dose{Hold: seconds(*d.Hold), Reps: *d.Reps, Sides: *d.Sides, Rest: seconds(*d.Rest), Tempo: seconds(*d.Tempo)}
	if path, err := dose.check(); err != nil {
		return Dose{}, path, err
	}
	return dose, "", nil
}

// check validates a dose against the limits, naming the field at fault.
func (d Dose) check() (field string, err error) {
	switch {
	case d.Hold < MinHold || d.Hold > MaxHold:
		return "hold", fmt.Errorf("hold of %v is outside %v to %v", d.Hold, MinHold, MaxHold)
	case d.Reps < MinReps || d.Reps > MaxReps:
		return "reps", fmt.Errorf("%d repetitions is outside %d to %d", d.Reps, MinReps, MaxReps)
	case d.Rest < 0 || d.Rest > MaxRest:
		return "rest", fmt.Errorf("rest of %v is outside 0s to %v", d.Rest, MaxRest)
	case d.Tempo < MinTempo || d.Tempo > MaxTempo:
		return "tempo", fmt.Errorf("release time of %v is outside %v to %v", d.Tempo, MinTempo, MaxTempo)
	}
	return "", nil
}

func seconds(n int) time.Duration {
	if n < -1e6 || n > 1e6 { // keep absurd values out of range without overflow
		n = -1
	}
	return time.Duration(n) * time.Second
}

func checkTags(tags []Tag) error {
	seen := make(map[Tag]bool)
	positions := 0
	for _, t := range tags {
		_, pos := positionTags[t]
		if !pos && !movementTags[t] {
			return fmt.Errorf("unknown tag %q", t)
		}
		if seen[t] {
			return fmt.Errorf("duplicate tag %q", t)
		}
		seen[t] = true
		if pos {
			positions++
		}
	}
	if positions != 1 {
		return fmt.Errorf("want exactly one position tag (supine, prone, kneeling, side_lying, seated, standing), have %d", positions)
	}
	return nil
}

func positionOf(tags []Tag) Tag {
	return Exercise{Tags: tags}.Position()
}

// decodeStrict decodes one JSON value into v with the one strict decoder
// (unknown fields and trailing data are errors); the caller locates it.
func decodeStrict(b []byte, v any) error { return located.Decode("", b, v) }
