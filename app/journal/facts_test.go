package journal

import (
	"reflect"
	"testing"
	"time"
)

func TestOpenEpisode(t *testing.T) {
	now := utc(2026, 12, 7, 12, 0)
	ended := utc(2026, 12, 5, 0, 0)
	ep := func(id string, start time.Time, end *time.Time) Episode {
		return Episode{ID: id, Started: start, Ended: end}
	}
	tests := []struct {
		name     string
		episodes []Episode
		want     string // id, "" for none
	}{
		{"none", nil, ""},
		{"started an hour ago", []Episode{ep("a", now.Add(-time.Hour), nil)}, "a"},
		{"14 days ago to the minute still open", []Episode{ep("a", now.AddDate(0, 0, -14), nil)}, "a"},
		{"a minute over 14 days", []Episode{ep("a", now.AddDate(0, 0, -14).Add(-time.Minute), nil)}, ""},
		{"marked as over", []Episode{ep("a", now.AddDate(0, 0, -2), &ended)}, ""},
		{"dated after now", []Episode{ep("a", now.Add(time.Hour), nil)}, ""},
		{"the newest of two open", []Episode{ep("old", now.AddDate(0, 0, -9), nil), ep("new", now.AddDate(0, 0, -1), nil)}, "new"},
		{"an open one behind an ended newer one", []Episode{ep("open", now.AddDate(0, 0, -5), nil), ep("over", now.AddDate(0, 0, -1), &ended)}, "open"},
	}
	for _, tt := range tests {
		got, ok := OpenEpisode(tt.episodes, now)
		if ok != (tt.want != "") || got.ID != tt.want {
			t.Errorf("%s: OpenEpisode = %q, %v; want %q", tt.name, got.ID, ok, tt.want)
		}
	}
}

func TestAttachCheckAddsToTheSpasm(t *testing.T) {
	start := utc(2026, 12, 1, 8, 0)
	ep := NewEpisode(start)
	ep.Triggers = []string{"lifting"}
	ep.Pain = []PainRating{{At: start, Score: 7}}
	first := TriageRecord{At: start, Disposition: "selfcare", Answers: map[string]string{"trigger": "lifting", "pain_now": "7"}}
	ep.Triage = &first

	at := utc(2026, 12, 4, 9, 0)
	rec := TriageRecord{At: at, Disposition: "soon", Answers: map[string]string{"trigger": "sitting_long", "pain_now": "5"}}
	got := ep.AttachCheck(rec)
	if got.ID != ep.ID || !got.Started.Equal(start) {
		t.Fatalf("AttachCheck made another spasm: id %s started %v", got.ID, got.Started)
	}
	if got.Triage == nil || !got.Triage.At.Equal(at) || got.Triage.Disposition != "soon" {
		t.Errorf("the latest check is %+v; want the one at %v", got.Triage, at)
	}
	if want := []PainRating{{start, 7}, {at, 5}}; !reflect.DeepEqual(got.Pain, want) {
		t.Errorf("pain = %v; want %v", got.Pain, want)
	}
	if want := []string{"lifting", "sitting_long"}; !reflect.DeepEqual(got.Triggers, want) {
		t.Errorf("triggers = %v; want %v", got.Triggers, want)
	}
	// The same trigger twice is named once; the original is untouched.
	again := got.AttachCheck(TriageRecord{At: at.Add(time.Hour), Answers: map[string]string{"trigger": "lifting"}})
	if len(again.Triggers) != 2 || len(again.Pain) != 2 {
		t.Errorf("a check with a known trigger and no pain: triggers %v, pain %v", again.Triggers, again.Pain)
	}
	if len(ep.Pain) != 1 || ep.Triage.At != start {
		t.Errorf("AttachCheck changed the episode it was given: %+v", ep)
	}
}

func TestPainBelongsToTheMomentItWasFelt(t *testing.T) {
	typed := utc(2026, 12, 7, 20, 0)
	ep := NewEpisode(typed)
	ep.Pain = []PainRating{{At: typed, Score: 6}} // the quick log's rating

	october := utc(2026, 10, 3, 9, 30)
	moved := ep.WithStart(october)
	if !moved.Started.Equal(october) || len(moved.Pain) != 1 || !moved.Pain[0].At.Equal(october) {
		t.Fatalf("dated back to %v: started %v, pain %v; want the rating at the new start", october, moved.Started, moved.Pain)
	}
	if !ep.Pain[0].At.Equal(typed) {
		t.Errorf("WithStart changed the episode it was given")
	}

	// An older quick log placed its rating seconds before the start.
	old := Episode{ID: id1, Started: typed, Pain: []PainRating{{At: typed.Add(-20 * time.Second), Score: 5}}}
	if got := old.WithStart(october).Pain; !got[0].At.Equal(october) {
		t.Errorf("a rating from just before the old start stayed at %v; want %v", got[0].At, october)
	}

	// A rating taken later in the spasm stays where it is, unless the new
	// start is after it.
	later := utc(2026, 10, 5, 9, 0)
	ep2 := moved.AddPain(4, &later)
	if got := ep2.WithStart(utc(2026, 10, 2, 0, 0)).Pain; !got[1].At.Equal(later) || !got[0].At.Equal(utc(2026, 10, 2, 0, 0)) {
		t.Errorf("moved a day earlier: pain %v", got)
	}
	if got := ep2.WithStart(utc(2026, 10, 6, 0, 0)).Pain; !got[1].At.Equal(utc(2026, 10, 6, 0, 0)) {
		t.Errorf("moved after the later rating: pain %v; no rating may be before the start", got)
	}

	// Added without "now": at the start; with "now": now.
	if got := moved.AddPain(3, nil).Pain; !got[1].At.Equal(october) || got[1].Score != 3 {
		t.Errorf("AddPain without now: %v; want 3 at %v", got, october)
	}
	if got := moved.AddPain(2, &typed).Pain; !got[1].At.Equal(typed) {
		t.Errorf("AddPain now: %v; want it at %v", got, typed)
	}
}

// Six spasms entered on one evening and dated back from October: the chart
// spans October to December, not "from 7 Dec to 7 Dec".
func TestBackdatedEpisodesSpreadThePainChart(t *testing.T) {
	typed := utc(2026, 12, 7, 20, 0)
	var eps []Episode
	for i := range 6 {
		ep := NewEpisode(typed.Add(time.Duration(i) * time.Minute))
		ep.Pain = []PainRating{{At: ep.Started, Score: 4 + i}}
		eps = append(eps, ep.WithStart(utc(2026, 10, 1+10*i, 9, 0)))
	}
	f := DescribePain(PainSeries(eps))
	if f.Count != 6 || !f.First.At.Equal(utc(2026, 10, 1, 9, 0)) || !f.Latest.At.Equal(utc(2026, 11, 20, 9, 0)) {
		t.Errorf("DescribePain = %+v; want 6 ratings from 1 Oct to 20 Nov", f)
	}
}

func TestDescribePain(t *testing.T) {
	at := func(d int) time.Time { return utc(2026, 11, d, 9, 0) }
	pts := func(scores ...int) []PainPoint {
		out := make([]PainPoint, len(scores))
		for i, s := range scores {
			out[i] = PainPoint{at(i + 1), s}
		}
		return out
	}
	tests := []struct {
		name   string
		points []PainPoint
		want   PainFacts
	}{
		{"none", nil, PainFacts{}},
		{"one", pts(6), PainFacts{Count: 1, First: PainPoint{at(1), 6}, Latest: PainPoint{at(1), 6}, Highest: 6}},
		{"three: too few for a trend", pts(8, 2, 1), PainFacts{Count: 3, First: PainPoint{at(1), 8}, Latest: PainPoint{at(3), 1}, Highest: 8}},
		{"lower", pts(8, 7, 4, 3), PainFacts{4, PainPoint{at(1), 8}, PainPoint{at(4), 3}, 8, TrendLower}},
		{"higher", pts(2, 3, 5, 6), PainFacts{4, PainPoint{at(1), 2}, PainPoint{at(4), 6}, 6, TrendHigher}},
		{"same within a point", pts(5, 6, 6, 5, 5), PainFacts{5, PainPoint{at(1), 5}, PainPoint{at(5), 5}, 6, TrendSame}},
		{"zero pain is a rating", pts(0, 0, 0, 0), PainFacts{4, PainPoint{at(1), 0}, PainPoint{at(4), 0}, 0, TrendSame}},
	}
	for _, tt := range tests {
		if got := DescribePain(tt.points); got != tt.want {
			t.Errorf("%s: DescribePain = %+v; want %+v", tt.name, got, tt.want)
		}
	}
}

func TestDescribeWeeks(t *testing.T) {
	w := func(d, n int) Count { return Count{utc(2026, 11, d, 0, 0), n} }
	tests := []struct {
		weeks []Count
		want  WeekFacts
	}{
		{nil, WeekFacts{}},
		{[]Count{w(2, 0), w(9, 0)}, WeekFacts{}},
		{[]Count{w(2, 1), w(9, 3), w(16, 3)}, WeekFacts{7, w(9, 3)}},
	}
	for _, tt := range tests {
		if got := DescribeWeeks(tt.weeks); got != tt.want {
			t.Errorf("DescribeWeeks(%v) = %+v; want %+v", tt.weeks, got, tt.want)
		}
	}
}

func TestDescribeSessions(t *testing.T) {
	now := utc(2026, 12, 9, 12, 0) // Wednesday
	pain := func(n int) *int { return &n }
	s := func(id string, start time.Time, done int, before, after *int) Session {
		return Session{ID: id, Started: start, StepsDone: done, StepsTotal: 4, PainBefore: before, PainAfter: after}
	}
	sessions := []Session{
		s("mon", utc(2026, 12, 7, 8, 0), 4, pain(6), pain(3)),
		s("tue", utc(2026, 12, 8, 8, 0), 2, pain(6), pain(4)),
		s("tue-none", utc(2026, 12, 8, 9, 0), 0, pain(7), nil), // stopped before the first step
		s("wed", utc(2026, 12, 9, 8, 0), 4, pain(5), nil),      // no pain after
		s("last-week", utc(2026, 12, 3, 8, 0), 4, pain(7), pain(2)),
		s("long-ago", utc(2026, 6, 1, 8, 0), 4, nil, nil), // before the 12 weeks
	}
	f := DescribeSessions(sessions, now, 12, 3, time.UTC)
	if f.ThisWeek != 3 || f.Done != 4 || f.Streak != 3 {
		t.Errorf("this week %d, in the period %d, streak %d; want 3, 4, 3", f.ThisWeek, f.Done, f.Streak)
	}
	if f.PainPairs != 3 || f.PainBefore != 19.0/3 || f.PainAfter != 3 {
		t.Errorf("pain: %d pairs, %.2f → %.2f; want 3 pairs, 6.33 → 3", f.PainPairs, f.PainBefore, f.PainAfter)
	}
	var ids []string
	for _, l := range f.Listed {
		ids = append(ids, l.ID)
	}
	if want := []string{"wed", "tue", "mon"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("listed %v; want %v (counted ones only, newest first)", ids, want)
	}

	// Every listed session is counted: no "0 sessions" above a row.
	for _, tt := range []struct {
		sessions []Session
		weeks    int
	}{{sessions, 1}, {sessions[5:], 12}, {sessions[2:3], 12}, {nil, 12}} {
		f := DescribeSessions(tt.sessions, now, tt.weeks, 5, time.UTC)
		if len(f.Listed) > f.Done || (f.Done > 0 && len(f.Listed) == 0) {
			t.Errorf("%d weeks of %d sessions: %d counted but %d listed", tt.weeks, len(tt.sessions), f.Done, len(f.Listed))
		}
	}
}

func TestSummariseSessions(t *testing.T) {
	pain := func(n int) *int { return &n }
	sessions := []Session{
		{RoutineName: "Quick relief", StepsDone: 4, StepsTotal: 4, Finished: true, PainBefore: pain(6), PainAfter: pain(3)},
		{RoutineName: "Gentle start", StepsDone: 1, StepsTotal: 5, PainBefore: pain(5)},
		{RoutineName: "Quick relief", StepsDone: 0, StepsTotal: 4, Finished: false}, // does not count
		{RoutineName: "Quick relief", StepsDone: 4, StepsTotal: 4, Finished: true, PainBefore: pain(4), PainAfter: pain(4)},
	}
	got := SummariseSessions(sessions)
	want := SessionTotals{Done: 3, Finished: 2, ByRoutine: []RoutineCount{{"Quick relief", 2}, {"Gentle start", 1}},
		PainPairs: 2, PainBefore: 5, PainAfter: 3.5}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("SummariseSessions = %+v; want %+v", got, want)
	}
	if got := SummariseSessions(nil); !reflect.DeepEqual(got, SessionTotals{}) {
		t.Errorf("SummariseSessions(nil) = %+v", got)
	}
}

func TestOutcomeOf(t *testing.T) {
	tests := []struct {
		done, total int
		want        SessionOutcome
	}{
		{0, 4, NotStarted},
		{1, 4, Partial},
		{3, 4, Partial},
		{4, 4, Completed},
		{1, 1, Completed},
		{0, 0, NotStarted},
	}
	for _, tt := range tests {
		if got := OutcomeOf(tt.done, tt.total); got != tt.want {
			t.Errorf("OutcomeOf(%d, %d) = %v; want %v", tt.done, tt.total, got, tt.want)
		}
	}
}

func TestDescribeEpisodes(t *testing.T) {
	now := utc(2026, 12, 7, 12, 0)
	end := func(t time.Time) *time.Time { return &t }
	eps := []Episode{
		{ID: "a", Started: utc(2026, 12, 5, 8, 0), Pain: []PainRating{{utc(2026, 12, 5, 8, 0), 7}, {utc(2026, 12, 6, 8, 0), 4}}},
		{ID: "b", Started: utc(2026, 11, 20, 8, 0), Ended: end(utc(2026, 11, 22, 8, 0)), Pain: []PainRating{{utc(2026, 11, 20, 8, 0), 5}}},
		{ID: "c", Started: utc(2026, 11, 1, 8, 0), Ended: end(utc(2026, 11, 1, 20, 0))},
		{ID: "d", Started: utc(2026, 10, 1, 8, 0), Ended: end(utc(2026, 10, 5, 8, 0))},
	}
	got := DescribeEpisodes(eps, now, time.UTC)
	want := EpisodeFacts{Count: 4, Ongoing: 1, Rated: 2, WorstMean: 6, Ended: 3, TypicalLength: 48 * time.Hour, DaysSince: 2, HasDaysSince: true}
	if got != want {
		t.Errorf("DescribeEpisodes = %+v; want %+v", got, want)
	}
	if got := DescribeEpisodes(nil, now, time.UTC); got != (EpisodeFacts{}) {
		t.Errorf("DescribeEpisodes(nil) = %+v; want nothing", got)
	}
}
