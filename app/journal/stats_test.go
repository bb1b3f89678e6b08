package journal

import (
	"reflect"
	"testing"
	"time"
)

func mustZone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	return loc
}

func utc(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, time.UTC)
}

func started(ts ...time.Time) []Episode {
	out := make([]Episode, len(ts))
	for i, t := range ts {
		out[i] = Episode{ID: id1, Started: t}
	}
	return out
}

func TestWeekStart(t *testing.T) {
	ny := mustZone(t, "America/New_York")
	tests := []struct {
		t    time.Time
		loc  *time.Location
		want time.Time
	}{
		{utc(2025, 3, 12, 12, 0), time.UTC, utc(2025, 3, 10, 0, 0)},          // Wednesday
		{utc(2025, 3, 10, 0, 0), time.UTC, utc(2025, 3, 10, 0, 0)},           // Monday midnight
		{utc(2025, 3, 16, 23, 59), time.UTC, utc(2025, 3, 10, 0, 0)},         // Sunday
		{utc(2025, 3, 10, 3, 0), ny, time.Date(2025, 3, 3, 0, 0, 0, 0, ny)},  // Sunday evening in New York
		{utc(2025, 3, 11, 3, 0), ny, time.Date(2025, 3, 10, 0, 0, 0, 0, ny)}, // after the DST change
		{utc(2025, 1, 1, 12, 0), time.UTC, utc(2024, 12, 30, 0, 0)},          // ISO week 1 of 2025
	}
	for _, tt := range tests {
		if got := WeekStart(tt.t, tt.loc); !got.Equal(tt.want) {
			t.Errorf("WeekStart(%v, %v) = %v; want %v", tt.t, tt.loc, got, tt.want)
		}
	}
}

func TestEpisodesPerWeek(t *testing.T) {
	ny := mustZone(t, "America/New_York")
	now := utc(2025, 3, 12, 12, 0) // Wednesday, week 11
	eps := started(
		utc(2025, 3, 10, 3, 0), // Monday UTC, Sunday evening in New York
		utc(2025, 3, 11, 9, 0), // this week
		utc(2025, 3, 4, 9, 0),  // last week
		utc(2025, 2, 20, 9, 0), // three weeks ago: outside a 3-week window
		utc(2025, 3, 17, 9, 0), // next week: left out
	)
	counts := func(cs []Count) []int {
		var out []int
		for _, c := range cs {
			out = append(out, c.Count)
		}
		return out
	}
	if got, want := counts(EpisodesPerWeek(eps, now, 3, time.UTC)), []int{0, 1, 2}; !reflect.DeepEqual(got, want) {
		t.Errorf("UTC: got %v; want %v", got, want)
	}
	if got, want := counts(EpisodesPerWeek(eps, now, 3, ny)), []int{0, 2, 1}; !reflect.DeepEqual(got, want) {
		t.Errorf("New York: got %v; want %v", got, want)
	}
	weeks := EpisodesPerWeek(nil, now, 3, ny)
	if y, w := weeks[2].Start.ISOWeek(); y != 2025 || w != 11 || !weeks[0].Start.Equal(time.Date(2025, 2, 24, 0, 0, 0, 0, ny)) {
		t.Errorf("weeks = %v; want the last in 2025-W11 and the first starting 24 February", weeks)
	}
	if got := EpisodesPerWeek(eps, now, 0, ny); got != nil {
		t.Errorf("0 weeks: got %v; want nil", got)
	}
}

func TestDaysSinceLastEpisode(t *testing.T) {
	ny := mustZone(t, "America/New_York")
	tests := []struct {
		name string
		eps  []Episode
		now  time.Time
		loc  *time.Location
		days int
		ok   bool
	}{
		{"none", nil, utc(2025, 3, 12, 12, 0), time.UTC, 0, false},
		{"today", started(utc(2025, 3, 12, 1, 0)), utc(2025, 3, 12, 23, 0), time.UTC, 0, true},
		{"yesterday, 2 hours ago", started(utc(2025, 3, 11, 23, 0)), utc(2025, 3, 12, 1, 0), time.UTC, 1, true},
		{"the latest counts", started(utc(2025, 1, 1, 0, 0), utc(2025, 3, 2, 12, 0), utc(2025, 2, 1, 0, 0)), utc(2025, 3, 12, 12, 0), time.UTC, 10, true},
		{"same instants in New York", started(utc(2025, 3, 11, 23, 0)), utc(2025, 3, 12, 1, 0), ny, 0, true},
		{"across the DST change", started(time.Date(2025, 3, 8, 23, 30, 0, 0, ny)), time.Date(2025, 3, 10, 0, 30, 0, 0, ny), ny, 2, true},
		{"in the future", started(utc(2025, 3, 20, 0, 0)), utc(2025, 3, 12, 0, 0), time.UTC, 0, true},
	}
	for _, tt := range tests {
		days, ok := DaysSinceLastEpisode(tt.eps, tt.now, tt.loc)
		if days != tt.days || ok != tt.ok {
			t.Errorf("%s: got %d, %v; want %d, %v", tt.name, days, ok, tt.days, tt.ok)
		}
	}
}

func TestPainSeries(t *testing.T) {
	a := fullEpisode() // 8 → 2, worst 8
	b := minimalEpisode()
	b.Pain = []PainRating{{at(-47 * time.Hour), 6}, {at(-48 * time.Hour), 9}} // out of order: 9 → 6
	series := PainSeries([]Episode{a, b})
	var scores []int
	for _, p := range series {
		scores = append(scores, p.Score)
	}
	if want := []int{9, 6, 8, 5, 2}; !reflect.DeepEqual(scores, want) {
		t.Errorf("PainSeries scores: got %v; want %v (oldest first)", scores, want)
	}
}

func TestTopTriggers(t *testing.T) {
	eps := []Episode{
		{Triggers: []string{"sleep", "lifting"}},
		{Triggers: []string{"sleep"}},
		{Triggers: []string{"sport", "lifting"}},
		{Triggers: []string{"none_known"}},
		{},
	}
	got := TopTriggers(eps)
	want := []TriggerCount{{"lifting", 2}, {"sleep", 2}, {"sport", 1}, {"none_known", 1}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v; want %v (most first, ties in TriggerIDs order)", got, want)
	}
	if got := TopTriggers(nil); got != nil {
		t.Errorf("TopTriggers(nil) = %v; want nil", got)
	}
}

func TestWhatHelped(t *testing.T) {
	tried := func(ts ...Tried) Episode { return Episode{Tried: ts} }
	eps := []Episode{
		tried(Tried{"heat", EffectHelpedLot}, Tried{"rest", EffectWorse}, Tried{"ice", EffectHelpedLittle}),
		tried(Tried{"heat", EffectHelpedLittle}, Tried{"rest", EffectNoChange}, Tried{"walking", EffectHelpedLot}),
		tried(Tried{"heat", EffectHelpedLot}, Tried{"ice", EffectHelpedLittle}),
	}
	got := WhatHelped(eps)
	want := []Helped{
		{What: "walking", Score: 2, Count: 1, Effects: [4]int{0, 0, 0, 1}},
		{What: "heat", Score: 5, Count: 3, Effects: [4]int{0, 0, 1, 2}},
		{What: "ice", Score: 2, Count: 2, Effects: [4]int{0, 0, 2, 0}},
		{What: "rest", Score: -1, Count: 2, Effects: [4]int{1, 1, 0, 0}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v;\nwant %+v", got, want)
	}
	if m := got[1].Mean(); m < 1.66 || m > 1.67 {
		t.Errorf("heat Mean() = %v; want 5/3", m)
	}
}

func TestSessionsPerWeekAndStreak(t *testing.T) {
	ny := mustZone(t, "America/New_York")
	sess := func(t time.Time, steps int) Session { return Session{Started: t, StepsDone: steps, StepsTotal: 10} }
	now := utc(2025, 3, 12, 15, 0) // Wednesday
	ss := []Session{
		sess(utc(2025, 3, 12, 8, 0), 5),
		sess(utc(2025, 3, 11, 8, 0), 10),
		sess(utc(2025, 3, 11, 20, 0), 10), // two on one day
		sess(utc(2025, 3, 10, 8, 0), 1),
		sess(utc(2025, 3, 8, 8, 0), 3), // gap on the 9th
		sess(utc(2025, 3, 9, 8, 0), 0), // no step done: does not count
	}
	if got := SessionStreak(ss, now, time.UTC); got != 3 {
		t.Errorf("streak: got %d; want 3", got)
	}
	if got := SessionStreak(ss[1:], now, time.UTC); got != 2 {
		t.Errorf("streak without today: got %d; want 2 (today is not over)", got)
	}
	if got := SessionStreak(ss[3:], now, time.UTC); got != 0 {
		t.Errorf("streak that ended two days ago: got %d; want 0", got)
	}
	if got := SessionStreak(nil, now, time.UTC); got != 0 {
		t.Errorf("streak of nothing: got %d; want 0", got)
	}
	// In New York, 2025-03-12T03:00Z is the evening of the 11th.
	late := []Session{sess(utc(2025, 3, 12, 3, 0), 1), sess(utc(2025, 3, 11, 3, 0), 1)}
	if got := SessionStreak(late, utc(2025, 3, 12, 15, 0), ny); got != 2 {
		t.Errorf("New York streak: got %d; want 2 (the 10th and 11th)", got)
	}
	if got := SessionStreak(late, utc(2025, 3, 12, 15, 0), time.UTC); got != 2 {
		t.Errorf("UTC streak: got %d; want 2 (the 11th and 12th)", got)
	}
	weeks := SessionsPerWeek(ss, now, 2, time.UTC)
	if weeks[0].Count != 1 || weeks[1].Count != 4 {
		t.Errorf("SessionsPerWeek: got %v; want 1 last week, 4 this week", weeks)
	}
}

func TestSafetyNet(t *testing.T) {
	day := func(d float64) time.Time { return t0.Add(time.Duration(d * 24 * float64(time.Hour))) }
	triageAt := func(when time.Time) *TriageRecord {
		return &TriageRecord{At: when, RuleSetVersion: "1", Disposition: "selfcare"}
	}
	tests := []struct {
		name   string
		ended  *time.Time
		triage *TriageRecord
		now    time.Time
		day    int
		due    bool
	}{
		{"day 0", nil, nil, day(0), 0, false},
		{"just before day 3", nil, nil, day(3).Add(-time.Second), 0, false},
		{"day 3", nil, nil, day(3), 3, true},
		{"day 6", nil, nil, day(6.9), 3, true},
		{"day 7", nil, nil, day(7), 7, true},
		{"day 14", nil, nil, day(14), 14, true},
		{"day 28", nil, nil, day(30), 28, true},
		{"day 42", nil, nil, day(42), 42, true},
		{"long after day 42", nil, nil, day(100), 42, true},
		{"ended", ptr(day(5)), nil, day(7), 7, false},
		{"re-checked since day 7", nil, triageAt(day(8)), day(9), 7, false},
		{"re-checked on day 3, now day 7", nil, triageAt(day(3.5)), day(7), 7, true},
		{"triage at the start only", nil, triageAt(day(0)), day(3), 3, true},
	}
	for _, tt := range tests {
		e := Episode{Started: t0, Ended: tt.ended, Triage: tt.triage}
		d, due := SafetyNet(e, tt.now)
		if d != tt.day || due != tt.due {
			t.Errorf("%s: got %d, %v; want %d, %v", tt.name, d, due, tt.day, tt.due)
		}
	}
}

func TestSafetyNetWindow(t *testing.T) {
	day := 24 * time.Hour
	for _, tt := range []struct {
		days []int
		want time.Duration
	}{
		{[]int{3, 7, 14, 28, 42}, 49 * day},
		{[]int{42, 3}, 49 * day},
		{[]int{5}, 12 * day},
		{nil, 0},
	} {
		if got := safetyNetWindow(tt.days); got != tt.want {
			t.Errorf("safetyNetWindow(%v) = %v; want %v", tt.days, got, tt.want)
		}
	}
	if got, want := SafetyNetWindow(), safetyNetWindow(SafetyNetDays); got != want {
		t.Errorf("SafetyNetWindow() = %v; want %v, a week past the last of SafetyNetDays", got, want)
	}
}
