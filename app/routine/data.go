package routine

// LibraryData is a library's content in exported fields, so that a library
// DecodeLibrary accepted can be compiled into Go (data/gen_content.go) and
// rebuilt by FromData without decoding JSON: the browser starts that way.
type LibraryData struct {
	Exercises []Exercise // in file order
	Routines  []Routine
}

// Data returns the library's content; FromData(l.Data()) is l again.
func (l *Library) Data() LibraryData {
	return LibraryData{Exercises: l.Exercises(), Routines: l.Routines()}
}

// FromData rebuilds a library from the Data of one that DecodeLibrary
// returned. It does not repeat DecodeLibrary's checks, so d must come from
// there (the compiled table is compared with the JSON by a test); it keeps
// d's slices, which must not change afterwards.
func FromData(d LibraryData) *Library {
	l := &Library{
		exercises: make(map[ExerciseID]Exercise, len(d.Exercises)),
		order:     make([]ExerciseID, len(d.Exercises)),
		routines:  d.Routines,
	}
	for i, e := range d.Exercises {
		l.exercises[e.ID] = e
		l.order[i] = e.ID
	}
	return l
}
