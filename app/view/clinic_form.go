package view

import (
	"slices"

	"unknot/app/clinic"
	"unknot/app/routine"
)

// clinicForm is what the clinic has typed on /clinic, field by field.
type clinicForm struct {
	Name, Logo, Accent, Phone, Booking, Country string
	Featured                                    []string
	Prescribed                                  []clinic.Prescription
}

// formOf fills the form from a configuration (a baked one, to start from).
func formOf(c clinic.Config) clinicForm {
	return clinicForm{
		Name: c.Name, Logo: c.Logo, Accent: c.Accent, Phone: c.Phone, Booking: c.BookingURL,
		Country: c.Country, Featured: slices.Clone(c.Featured), Prescribed: slices.Clone(c.Prescribed),
	}
}

// clinicCheck is the form checked: the configuration as it will be shared,
// what Normalize changed, and each field's first problem by JSON key.
type clinicCheck struct {
	Config   clinic.Config
	Notices  []clinic.Notice
	Problems map[string]*clinic.FieldError
}

// Valid reports whether the configuration can be shared.
func (c clinicCheck) Valid() bool { return len(c.Problems) == 0 }

// Problem is the first problem with field (a JSON key), or nil. Problems
// with a list item ("featured[2]") or the whole document ("") are reported
// on the list or on the form.
func (c clinicCheck) Problem(field string) *clinic.FieldError { return c.Problems[field] }

// check runs the domain's normalization and validation on the form; lib
// knows the routines that may be featured.
func (f clinicForm) check(lib *routine.Library) clinicCheck {
	cfg, notices := clinic.Config{
		Name: f.Name, Logo: f.Logo, Accent: f.Accent, Phone: f.Phone, BookingURL: f.Booking,
		Country: f.Country, Featured: f.Featured, Prescribed: f.Prescribed,
	}.Normalize()
	problems := map[string]*clinic.FieldError{}
	add := func(p *clinic.FieldError) {
		key := fieldGroup(p.Path)
		if _, seen := problems[key]; !seen {
			problems[key] = p
		}
	}
	for _, p := range cfg.Problems() {
		add(p)
	}
	if err := cfg.ValidateRoutines(func(id string) bool {
		_, ok := lib.Routine(routine.RoutineID(id))
		return ok
	}); err != nil {
		if fe, ok := err.(*clinic.FieldError); ok {
			add(fe)
		}
	}
	return clinicCheck{Config: cfg, Notices: notices, Problems: problems}
}

// fieldGroup is the form field a problem belongs to: "featured[2]" is the
// featured list, "prescribed[0].link" the prescribed list.
func fieldGroup(field string) string {
	for i, r := range field {
		if r == '[' || r == '.' {
			return field[:i]
		}
	}
	return field
}
