package routine

import "time"

// RoutineID is the stable id of a routine, e.g. "quick_relief".
type RoutineID string

// CustomID is the id of a routine decoded from a link.
const CustomID RoutineID = "custom"

// Routine is an ordered list of exercises with their doses.
type Routine struct {
	ID         RoutineID
	NameKey    string // empty for a custom routine, which has Name
	PurposeKey string
	Name       string // a custom routine's own name, as written by the clinic
	Source     string // where the exercises and doses come from (not translated)
	Steps      []Step
	Duration   time.Duration // total time with the default get-ready countdown

	// Set by Adapt and Filter when steps were left out for a person.
	Omitted       []Step
	PregnancyNote bool // show the pregnancy note beside this routine
}

// Step is one exercise of a routine with its resolved dose.
type Step struct {
	Exercise ExerciseID
	Dose     Dose
}

// TextKeys lists the text keys of the routine's own words.
func (r Routine) TextKeys() []string {
	if r.NameKey == "" {
		return nil
	}
	return []string{r.NameKey, r.PurposeKey}
}

// Library holds the exercises and routines, validated.
type Library struct {
	exercises map[ExerciseID]Exercise
	order     []ExerciseID
	routines  []Routine
}

// Exercise returns the exercise with id.
func (l *Library) Exercise(id ExerciseID) (Exercise, bool) {
	e, ok := l.exercises[id]
	return e, ok
}

// Exercises returns every exercise in file order.
func (l *Library) Exercises() []Exercise {
	out := make([]Exercise, len(l.order))
	for i, id := range l.order {
		out[i] = l.exercises[id]
	}
	return out
}

// Routine returns the routine with id.
func (l *Library) Routine(id RoutineID) (Routine, bool) {
	for _, r := range l.routines {
		if r.ID == id {
			return r.clone(), true
		}
	}
	return Routine{}, false
}

// Routines returns every routine in file order.
func (l *Library) Routines() []Routine {
	out := make([]Routine, len(l.routines))
	for i, r := range l.routines {
		out[i] = r.clone()
	}
	return out
}

// TextKeys lists every text key the library and the player use, so that the
// content loader can check each has words.
func (l *Library) TextKeys() []string {
	var keys []string
	for _, id := range l.order {
		keys = append(keys, l.exercises[id].TextKeys()...)
	}
	for _, r := range l.routines {
		keys = append(keys, r.TextKeys()...)
	}
	for _, t := range Tags {
		keys = append(keys, t.TextKey())
	}
	return append(keys, playerTextKeys()...)
}

func (r Routine) clone() Routine {
	r.Steps = append([]Step(nil), r.Steps...)
	r.Omitted = append([]Step(nil), r.Omitted...)
	return r
}

// duration is the length of the routine's plan with default options.
func (l *Library) duration(steps []Step) time.Duration {
	if len(steps) == 0 {
		return 0
	}
	return buildPlan(Routine{Steps: steps}, l, DefaultGetReady).Total
}
