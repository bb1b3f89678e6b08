package journal

import (
	"strconv"
	"time"

	"github.com/google/uuid"
)

// Episode is one spasm episode: when it started and ended, how much it hurt,
// where, what may have set it off, and what the person tried.
//
// Fields without omitempty in their JSON tag are required in a backup file.
type Episode struct {
	ID      string     `json:"id"`
	Started time.Time  `json:"started"`
	Ended   *time.Time `json:"ended,omitempty"`

	Pain    []PainRating `json:"pain,omitempty"`
	Where   string       `json:"where,omitempty"`   // one of Wheres, or "" when not recorded
	Spreads []string     `json:"spreads,omitempty"` // a subset of SpreadAreas

	Triggers    []string `json:"triggers,omitempty"` // a subset of TriggerIDs
	TriggerNote string   `json:"trigger_note,omitempty"`

	Tried     []Tried  `json:"tried,omitempty"`
	Medicines []string `json:"medicines,omitempty"` // names only

	Triage *TriageRecord `json:"triage,omitempty"`
	Notes  string        `json:"notes,omitempty"`

	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
}

// PainRating is a 0–10 numeric pain rating taken at a moment.
type PainRating struct {
	At    time.Time `json:"at"`
	Score int       `json:"score"`
}

// Tried records one thing the person tried and how it worked.
type Tried struct {
	What   string `json:"what"`   // one of Treatments
	Effect string `json:"effect"` // one of Effects
}

// TriageRecord is a triage result saved to an episode. Answers and Reasons
// are kept as recorded by the triage engine; the journal does not interpret
// them.
type TriageRecord struct {
	At             time.Time         `json:"at"`
	RuleSetVersion string            `json:"rule_set_version"`
	Disposition    string            `json:"disposition"` // one of Dispositions
	Answers        map[string]string `json:"answers,omitempty"`
	Reasons        []string          `json:"reasons,omitempty"`
}

// EpisodeFromCheck turns a finished warning-sign check into a new episode
// that started at rec.At: the check itself, the trigger the person named
// (answer "trigger") and the pain score they gave (answer "pain_now") at the
// time of the check.
func EpisodeFromCheck(rec TriageRecord) Episode {
	ep := NewEpisode(rec.At)
	ep.Triage = &rec
	if t, ok := rec.Answers["trigger"]; ok {
		ep.Triggers = []string{t}
	}
	if s, ok := rec.Answers["pain_now"]; ok {
		if n, err := strconv.Atoi(s); err == nil {
			ep.Pain = []PainRating{{At: rec.At, Score: n}}
		}
	}
	return ep
}

// NewEpisode returns an empty episode that started at now, with a fresh id.
func NewEpisode(now time.Time) Episode {
	return Episode{ID: uuid.NewString(), Started: now, Created: now, Updated: now}
}

// Ongoing reports whether the episode has not been marked as ended.
func (e Episode) Ongoing() bool { return e.Ended == nil }

// PainSummary returns the first and last rating by time, and the highest.
// ok is false when the episode has no rating.
func (e Episode) PainSummary() (first, last, max int, ok bool) {
	if len(e.Pain) == 0 {
		return 0, 0, 0, false
	}
	f, l := e.Pain[0], e.Pain[0]
	max = e.Pain[0].Score
	for _, p := range e.Pain[1:] {
		if p.At.Before(f.At) {
			f = p
		}
		if !p.At.Before(l.At) {
			l = p
		}
		if p.Score > max {
			max = p.Score
		}
	}
	return f.Score, l.Score, max, true
}

// Clone returns a deep copy, so that a Store never shares slices or maps
// with its callers.
func (e Episode) Clone() Episode {
	c := e
	if e.Ended != nil {
		t := *e.Ended
		c.Ended = &t
	}
	c.Pain = cloneSlice(e.Pain)
	c.Spreads = cloneSlice(e.Spreads)
	c.Triggers = cloneSlice(e.Triggers)
	c.Tried = cloneSlice(e.Tried)
	c.Medicines = cloneSlice(e.Medicines)
	if e.Triage != nil {
		t := *e.Triage
		if e.Triage.Answers != nil {
			t.Answers = make(map[string]string, len(e.Triage.Answers))
			for k, v := range e.Triage.Answers {
				t.Answers[k] = v
			}
		}
		t.Reasons = cloneSlice(e.Triage.Reasons)
		c.Triage = &t
	}
	return c
}

func cloneSlice[T any](s []T) []T {
	if s == nil {
		return nil
	}
	return append(make([]T, 0, len(s)), s...)
}
