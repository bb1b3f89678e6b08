package view

import (
	"encoding/json"

	"unknot/app/routine"
)

// filterKey is where the routine filters live in the Platform's storage.
const filterKey = "unknot.routines.filter.v1"

type filterJSON struct {
	NoFloor  bool `json:"no_floor"`
	Pregnant bool `json:"pregnant"`
}

// loadFilter reads the person's routine filters. Anything unreadable means
// no filter: the player still shows the pregnancy note only when asked.
func loadFilter(p Platform) routine.FilterOptions {
	raw, ok, err := p.Get(filterKey)
	if err != nil || !ok {
		return routine.FilterOptions{}
	}
	var f filterJSON
	if json.Unmarshal([]byte(raw), &f) != nil {
		return routine.FilterOptions{}
	}
	return routine.FilterOptions{NoFloor: f.NoFloor, Pregnant: f.Pregnant}
}

func saveFilter(p Platform, o routine.FilterOptions) error {
	b, err := json.Marshal(filterJSON{NoFloor: o.NoFloor, Pregnant: o.Pregnant})
	if err != nil {
		return err
	}
	return p.Set(filterKey, string(b))
}

// routinePositions lists the positions a routine needs, as text keys:
// routines.position.floor, .seated and .standing, in that order.
func routinePositions(lib *routine.Library, r routine.Routine) []string {
	var floor, seated, standing bool
	for _, s := range r.Steps {
		e, ok := lib.Exercise(s.Exercise)
		if !ok {
			continue
		}
		switch e.Position() {
		case routine.Seated:
			seated = true
		case routine.Standing:
			standing = true
		default:
			floor = true
		}
	}
	var keys []string
	for _, p := range []struct {
		on  bool
		key string
	}{{floor, "routines.position.floor"}, {seated, "routines.position.seated"}, {standing, "routines.position.standing"}} {
		if p.on {
			keys = append(keys, p.key)
		}
	}
	return keys
}
