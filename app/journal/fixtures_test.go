package journal

import (
	"flag"
	"time"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

// t0 is a fixed instant the fixtures hang from.
var t0 = time.Date(2025, 3, 10, 8, 30, 0, 0, time.UTC)

func at(d time.Duration) time.Time { return t0.Add(d) }
func ptr[T any](v T) *T            { return &v }

const (
	id1 = "0b8f1b8e-4f0a-4c1e-9d7a-2f1e3c4b5a61"
	id2 = "1c9a2b3d-5e6f-4a1b-8c2d-3e4f5a6b7c82"
	id3 = "2d0b3c4e-6f70-4b2c-9d3e-4f5a6b7c8d93"
	id4 = "3e1c4d5f-7081-4c3d-8e4f-5a6b7c8d9ea4"
)

// fullEpisode uses every field.
func fullEpisode() Episode {
	return Episode{
		ID:      id1,
		Started: t0,
		Ended:   ptr(at(3 * 24 * time.Hour)),
		Pain: []PainRating{
			{At: t0, Score: 8},
			{At: at(30 * time.Hour), Score: 5},
			{At: at(70 * time.Hour), Score: 2},
		},
		Where:       WhereLeft,
		Spreads:     []string{SpreadButtock, SpreadThigh},
		Triggers:    []string{"lifting", "twisting_bending"},
		TriggerNote: "Lifted a box of books, twisted to put it down.",
		Tried: []Tried{
			{What: "heat", Effect: EffectHelpedLot},
			{What: "walking", Effect: EffectHelpedLittle},
			{What: "rest", Effect: EffectWorse},
		},
		Medicines: []string{"ibuprofen"},
		Triage: &TriageRecord{
			At:             at(10 * time.Minute),
			RuleSetVersion: "2025-03",
			Disposition:    "selfcare",
			Answers:        map[string]string{"saddle_numbness": "no", "fever": "no", "duration": "under_2_days", "trigger": "lifting"},
			Reasons:        []string{"duration"},
		},
		Notes:   "Line one.\nLine two, with \"quotes\", a comma and ünïcödé.",
		Created: at(5 * time.Minute),
		Updated: at(3*24*time.Hour + time.Minute),
	}
}

// minimalEpisode has only the required fields.
func minimalEpisode() Episode {
	return Episode{ID: id2, Started: at(-48 * time.Hour), Created: at(-48 * time.Hour), Updated: at(-48 * time.Hour)}
}

func fullSession() Session {
	return Session{
		ID: id3, RoutineID: "relief", RoutineName: "Relief routine",
		Started: at(24 * time.Hour), Ended: at(24*time.Hour + 12*time.Minute),
		StepsDone: 9, StepsTotal: 9, Finished: true,
		PainBefore: ptr(6), PainAfter: ptr(4),
		Created: at(24*time.Hour + 12*time.Minute), Updated: at(24*time.Hour + 12*time.Minute),
	}
}

func minimalSession() Session {
	return Session{
		ID: id4, RoutineID: "gentle", Started: at(-time.Hour), Ended: at(-time.Hour + 2*time.Minute),
		StepsDone: 1, StepsTotal: 12, Created: at(-time.Hour), Updated: at(-time.Hour),
	}
}
