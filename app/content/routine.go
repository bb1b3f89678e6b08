package content

import (
	"errors"
	"fmt"
	"io/fs"

	"unknot/app/routine"
)

// loadRoutines decodes exercises.json and routines.json, checks that every
// exercise CLINICAL.md names is present and that every text key the
// exercises, routines and player use has words.
func loadRoutines(fsys fs.FS, c *Catalog) error {
	exercises, err := readFile(fsys, routine.ExercisesFile)
	if err != nil {
		return &Error{File: routine.ExercisesFile, Err: err}
	}
	routines, err := readFile(fsys, routine.RoutinesFile)
	if err != nil {
		return &Error{File: routine.RoutinesFile, Err: err}
	}
	lib, err := routine.DecodeLibrary(exercises, routines)
	if err != nil {
		if de, ok := errors.AsType[*routine.DataError](err); ok {
			return &Error{File: de.File, Err: de}
		}
		return &Error{File: routine.ExercisesFile, Err: err}
	}
	c.routines = lib
	return nil
}

// checkRoutineText checks that the exercises CLINICAL.md names are there
// and that every text key of the exercises and routines has words.
func (c *Catalog) checkRoutineText() error {
	lib := c.routines
	for _, id := range routine.ClinicalExercises {
		if _, ok := lib.Exercise(id); !ok {
			return &Error{File: routine.ExercisesFile, Err: fmt.Errorf("exercises: missing exercise %q named in CLINICAL.md", id)}
		}
	}
	for _, e := range lib.Exercises() {
		if err := c.requireText(routine.ExercisesFile, e.TextKeys()...); err != nil {
			return err
		}
	}
	for _, r := range lib.Routines() {
		if err := c.requireText(routine.RoutinesFile, r.TextKeys()...); err != nil {
			return err
		}
	}
	if err := c.requireText(routine.RoutinesFile, lib.TextKeys()...); err != nil {
		return err
	}
	return nil
}
