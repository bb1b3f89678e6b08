// Package journaltest makes journals for tests, benchmarks and demos, as
// net/http/httptest does servers.
package journaltest

import (
	"encoding/binary"
	"math/rand/v2"
	"time"

	"github.com/google/uuid"

	"unknot/app/journal"
)

// GenerateEpisodes returns n valid, plausible episodes for benchmarks and
// demos, the same for the same seed. The first starts at start and each
// next one 1 to 4 days later; most are ended, with a few pain ratings,
// triggers, things tried and sometimes a triage result and a note.
func GenerateEpisodes(n int, seed int64, start time.Time) []journal.Episode {
	var key [32]byte
	binary.LittleEndian.PutUint64(key[:], uint64(seed))
	src := rand.NewChaCha8(key)
	r := rand.New(src)
	pick := func(list []string) string { return list[r.IntN(len(list))] }
	some := func(list []string, max int) []string {
		var out []string
		for _, i := range r.Perm(len(list))[:r.IntN(max+1)] {
			out = append(out, list[i])
		}
		return out
	}
	minutes := func(lo, hi int) time.Duration { return time.Duration(lo+r.IntN(hi-lo+1)) * time.Minute }

	out := make([]journal.Episode, 0, n)
	t := start
	for range n {
		id, err := uuid.NewRandomFromReader(src)
		if err != nil {
			panic(err) // ChaCha8 never fails to read
		}
		e := journal.Episode{ID: id.String(), Started: t, Created: t.Add(minutes(1, 30))}
		e.Updated = e.Created
		score := 4 + r.IntN(6)
		at := e.Started
		for range 1 + r.IntN(5) {
			e.Pain = append(e.Pain, journal.PainRating{At: at, Score: score})
			at = at.Add(minutes(120, 1800))
			score = max(0, score-r.IntN(3))
		}
		if r.IntN(10) < 8 {
			end := at
			e.Ended = &end
			e.Updated = end
		}
		e.Where = pick(journal.Wheres)
		e.Spreads = some(journal.SpreadAreas, 2)
		e.Triggers = some(journal.TriggerIDs[:6], 2)
		if len(e.Triggers) == 0 {
			e.Triggers = []string{"none_known"}
		}
		for _, i := range r.Perm(len(journal.Treatments))[:1+r.IntN(4)] {
			e.Tried = append(e.Tried, journal.Tried{What: journal.Treatments[i], Effect: pick(journal.Effects)})
		}
		e.Medicines = some(sampleMedicines, 2)
		if r.IntN(10) < 3 {
			e.Triage = &journal.TriageRecord{
				At: e.Created, RuleSetVersion: "1", Disposition: pick(journal.Dispositions[2:4]),
				Answers: map[string]string{"fever": "no", "saddle_numbness": "no", "duration": "under_2_days", "course": "same"},
				Reasons: []string{"duration"},
			}
		}
		if r.IntN(2) == 0 {
			e.Notes = pick(sampleNotes)
		}
		out = append(out, e)
		t = t.Add(24*time.Hour + minutes(0, 3*24*60))
	}
	return out
}

var sampleMedicines = []string{"ibuprofen", "naproxen", "diazepam", "co-codamol 30/500"}

var sampleNotes = []string{
	"Bent down to pick up the laundry basket and it locked.",
	"Long drive to see family; stiff when I got out of the car.",
	"Woke up with it. Heat pack and a slow walk helped by the afternoon.",
	"Gardening all morning. Could not stand straight by the evening.",
}
