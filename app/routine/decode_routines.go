package routine

import "fmt"

func (l *Library) decodeRoutines(b []byte) error {
	fail := func(path string, format string, args ...any) error {
		return &DataError{File: RoutinesFile, Path: path, Err: fmt.Errorf(format, args...)}
	}
	var file routinesJSON
	if err := decodeStrict(b, &file); err != nil {
		return &DataError{File: RoutinesFile, Err: err}
	}
	if len(file.Routines) == 0 {
		return fail("routines", "no routines")
	}
	seen := make(map[RoutineID]bool)
	for i, raw := range file.Routines {
		p := fmt.Sprintf("routines[%d]", i)
		var x routineJSON
		if err := decodeStrict(raw, &x); err != nil {
			return &DataError{File: RoutinesFile, Path: p, Err: err}
		}
		if !ValidID(string(x.ID)) || x.ID == CustomID {
			return fail(p+".id", "id %q must be lower case letters, digits and _, and not %q", x.ID, CustomID)
		}
		if seen[x.ID] {
			return fail(p+".id", "duplicate routine %q", x.ID)
		}
		seen[x.ID] = true
		if x.Source == "" {
			return fail(p+".source", "missing: say where the exercises and doses come from")
		}
		if len(x.Steps) == 0 || len(x.Steps) > MaxSteps {
			return fail(p+".steps", "%d steps; want 1 to %d", len(x.Steps), MaxSteps)
		}
		r := Routine{
			ID:         x.ID,
			NameKey:    "routine." + string(x.ID) + ".name",
			PurposeKey: "routine." + string(x.ID) + ".purpose",
			Source:     x.Source,
		}
		for j, raw := range x.Steps {
			sp := fmt.Sprintf("%s.steps[%d]", p, j)
			var s stepJSON
			if err := decodeStrict(raw, &s); err != nil {
				return &DataError{File: RoutinesFile, Path: sp, Err: err}
			}
			step, field, err := l.resolveStep(s)
			if err != nil {
				return fail(sp+"."+field, "%v", err)
			}
			r.Steps = append(r.Steps, step)
		}
		r.Duration = l.duration(r.Steps)
		l.routines = append(l.routines, r)
	}
	return nil
}

// resolveStep applies a step's overrides to its exercise's defaults.
func (l *Library) resolveStep(s stepJSON) (Step, string, error) {
	e, ok := l.exercises[s.Exercise]
	if !ok {
		return Step{}, "exercise", fmt.Errorf("unknown exercise %q", s.Exercise)
	}
	d := e.Defaults
	if s.Hold != nil {
		d.Hold = seconds(*s.Hold)
	}
	if s.Reps != nil {
		d.Reps = *s.Reps
	}
	if s.Rest != nil {
		d.Rest = seconds(*s.Rest)
	}
	if s.Sides != nil {
		if *s.Sides && !e.Defaults.Sides {
			return Step{}, "sides", fmt.Errorf("%s is not done on each side", e.ID)
		}
		d.Sides = *s.Sides
	}
	if field, err := d.check(); err != nil {
		return Step{}, field, err
	}
	return Step{Exercise: e.ID, Dose: d}, "", nil
}
