package routine

// FilterOptions describes what a person cannot or should not do.
type FilterOptions struct {
	NoFloor  bool // cannot get down on the floor: seated and standing exercises only
	Pregnant bool // leave out exercises lying flat on the back, show the pregnancy note
}

// Allows reports whether an exercise suits a person with these options.
func (o FilterOptions) Allows(e Exercise) bool {
	if o.NoFloor && e.Position() != Seated && e.Position() != Standing {
		return false
	}
	if o.Pregnant && e.Has(Supine) {
		return false
	}
	return true
}

// Adapt is the per-step filter: it returns r without the steps opts rules
// out, listing them in Omitted and setting PregnancyNote when Pregnant. ok is
// false when no step is left. A step whose exercise is unknown is left out.
func (l *Library) Adapt(r Routine, opts FilterOptions) (adapted Routine, ok bool) {
	adapted = r.clone()
	adapted.Steps = adapted.Steps[:0:0]
	for _, s := range r.Steps {
		e, known := l.exercises[s.Exercise]
		if known && opts.Allows(e) {
			adapted.Steps = append(adapted.Steps, s)
		} else {
			adapted.Omitted = append(adapted.Omitted, s)
		}
	}
	adapted.PregnancyNote = r.PregnancyNote || opts.Pregnant
	adapted.Duration = l.duration(adapted.Steps)
	return adapted, len(adapted.Steps) > 0
}

// Filter returns the routines that suit a person, in file order. With
// NoFloor, only routines whose every step is seated or standing are kept
// whole; other routines are left out rather than cut down, because a
// "floor" routine without its floor work is not the routine any more. With
// Pregnant, routines lose their steps lying flat on the back (see Adapt) and
// carry the pregnancy note; a routine left with no step is left out.
func (l *Library) Filter(opts FilterOptions) []Routine {
	var out []Routine
	for _, r := range l.routines {
		if opts.NoFloor && l.NeedsFloor(r) {
			continue
		}
		adapted, ok := l.Adapt(r, FilterOptions{Pregnant: opts.Pregnant})
		if !ok {
			continue
		}
		out = append(out, adapted)
	}
	return out
}

// NeedsFloor reports whether any step of r is done on the floor (or is an
// unknown exercise): what "no floor" rules out.
func (l *Library) NeedsFloor(r Routine) bool {
	a, _ := l.Adapt(r, FilterOptions{NoFloor: true})
	return len(a.Omitted) > 0
}
