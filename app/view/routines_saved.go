package view

import (
	"encoding/json"
	"fmt"

	"unknot/app/routine"
)

// savedKey is where the person's own routines live: a JSON list of routine
// links (routine.EncodeLink), each checked with routine.DecodeLink on load.
const savedKey = "unknot.routines.custom.v1"

// savedRoutine is one routine of the person's own.
type savedRoutine struct {
	Link   string // routine.EncodeLink of Custom
	Custom routine.Custom
}

// savedRoutines is the list as read from storage. When Err is set the list
// could not be read (or one routine in it is damaged) and it must not be
// overwritten without the person asking.
type savedRoutines struct {
	List []savedRoutine
	Err  error
}

func loadSaved(p Platform, lib *routine.Library) savedRoutines {
	raw, ok, err := p.Get(savedKey)
	if err != nil {
		return savedRoutines{Err: err}
	}
	if !ok {
		return savedRoutines{}
	}
	var links []string
	if err := json.Unmarshal([]byte(raw), &links); err != nil {
		return savedRoutines{Err: fmt.Errorf("saved routines: %w", err)}
	}
	var s savedRoutines
	for i, l := range links {
		c, err := routine.DecodeLink(l, lib)
		if err != nil {
			return savedRoutines{Err: fmt.Errorf("saved routine %d: %w", i+1, err)}
		}
		s.List = append(s.List, savedRoutine{Link: l, Custom: c})
	}
	return s
}

// store writes list in place of what was saved.
func storeSaved(p Platform, list []savedRoutine) error {
	links := make([]string, len(list))
	for i, r := range list {
		links[i] = r.Link
	}
	b, err := json.Marshal(links)
	if err != nil {
		return err
	}
	return p.Set(savedKey, string(b))
}

// customName is the name to show for a custom routine.
func (e *Env) customName(c routine.Custom) string {
	if c.Name == "" {
		return e.T("routines.custom.unnamed")
	}
	return c.Name
}
