package journal

import (
	"slices"
	"sort"
	"time"
)

// Statistics for the journal's charts. All are pure functions of the
// records, the present (now) and a time zone (loc) for calendar questions:
// which week or month, which day.

// Count is a number of records in a calendar period that starts at Start
// (midnight in the caller's time zone).
type Count struct {
	Start time.Time
	Count int
}

// WeekStart returns midnight at the start of the ISO week (Monday) holding t
// in loc.
func WeekStart(t time.Time, loc *time.Location) time.Time {
	t = t.In(loc)
	back := (int(t.Weekday()) + 6) % 7 // days since Monday
	return time.Date(t.Year(), t.Month(), t.Day()-back, 0, 0, 0, 0, loc)
}

// perWeek counts instants into the n ISO weeks ending with the week of now,
// oldest first, including weeks with none.
func perWeek(times []time.Time, now time.Time, n int, loc *time.Location) []Count {
	if n <= 0 {
		return nil
	}
	last := WeekStart(now, loc)
	out := make([]Count, n)
	for i := range out {
		out[i].Start = last.AddDate(0, 0, -7*(n-1-i))
	}
	first := out[0].Start
	for _, t := range times {
		if t.Before(first) || !t.Before(last.AddDate(0, 0, 7)) {
			continue
		}
		w := WeekStart(t, loc)
		if i, ok := slices.BinarySearchFunc(out, w, func(c Count, w time.Time) int { return c.Start.Compare(w) }); ok {
			out[i].Count++
		}
	}
	return out
}

// EpisodesPerWeek counts episodes by the ISO week they started in, for the
// n weeks ending with the week of now, oldest first. Year and week number
// come from Count.Start.ISOWeek().
func EpisodesPerWeek(episodes []Episode, now time.Time, n int, loc *time.Location) []Count {
	return perWeek(episodeStarts(episodes), now, n, loc)
}

// SessionsPerWeek counts sessions that did at least one step by the ISO week
// they started in, like EpisodesPerWeek.
func SessionsPerWeek(sessions []Session, now time.Time, n int, loc *time.Location) []Count {
	var times []time.Time
	for _, s := range sessions {
		if s.counts() {
			times = append(times, s.Started)
		}
	}
	return perWeek(times, now, n, loc)
}

func episodeStarts(episodes []Episode) []time.Time {
	out := make([]time.Time, len(episodes))
	for i, e := range episodes {
		out[i] = e.Started
	}
	return out
}

// PainPoint is one pain rating on the time axis.
type PainPoint struct {
	At    time.Time
	Score int
}

// PainSeries returns every pain rating of every episode, oldest first.
func PainSeries(episodes []Episode) []PainPoint {
	var out []PainPoint
	for _, e := range episodes {
		for _, p := range e.Pain {
			out = append(out, PainPoint{p.At, p.Score})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].At.Before(out[j].At) })
	return out
}

// DaysSinceLastEpisode returns the number of calendar days in loc from the
// day the most recent episode started to the day of now (0 when it started
// today or later). ok is false when there is no episode.
func DaysSinceLastEpisode(episodes []Episode, now time.Time, loc *time.Location) (days int, ok bool) {
	if len(episodes) == 0 {
		return 0, false
	}
	latest := episodes[0].Started
	for _, e := range episodes[1:] {
		if e.Started.After(latest) {
			latest = e.Started
		}
	}
	return max(0, daysBetween(latest, now, loc)), true
}

// daysBetween counts calendar days in loc from a's date to b's date,
// immune to days of 23 or 25 hours.
func daysBetween(a, b time.Time, loc *time.Location) int {
	a, b = a.In(loc), b.In(loc)
	da := time.Date(a.Year(), a.Month(), a.Day(), 0, 0, 0, 0, time.UTC)
	db := time.Date(b.Year(), b.Month(), b.Day(), 0, 0, 0, 0, time.UTC)
	return int(db.Sub(da).Hours() / 24)
}

// TriggerCount is how many episodes named a trigger.
type TriggerCount struct {
	Trigger string // one of TriggerIDs
	Count   int
}

// TopTriggers counts episodes by trigger, most common first (ties in the
// order of TriggerIDs). Triggers no episode named are left out; "none_known"
// is counted like the others.
func TopTriggers(episodes []Episode) []TriggerCount {
	counts := map[string]int{}
	for _, e := range episodes {
		for _, t := range e.Triggers {
			counts[t]++
		}
	}
	var out []TriggerCount
	for _, t := range TriggerIDs {
		if counts[t] > 0 {
			out = append(out, TriggerCount{t, counts[t]})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Count > out[j].Count })
	return out
}

// Helped is how well one treatment worked, over every episode that tried it.
// Score adds worse −1, no change 0, helped a little +1, helped a lot +2.
type Helped struct {
	What  string // one of Treatments
	Score int    // sum of the effects' scores
	Count int    // episodes that reported it
	// Effects counts reports by effect, indexed like Effects.
	Effects [4]int
}

// Mean returns the average score, from −1 to 2.
func (h Helped) Mean() float64 {
	if h.Count == 0 {
		return 0
	}
	return float64(h.Score) / float64(h.Count)
}

// WhatHelped scores every treatment that was tried, best first: by average
// score, then by how often it was tried (more reports, more trust), then in
// the order of Treatments.
func WhatHelped(episodes []Episode) []Helped {
	by := map[string]*Helped{}
	for _, e := range episodes {
		for _, t := range e.Tried {
			score, ok := effectScore[t.Effect]
			if !ok {
				continue
			}
			h := by[t.What]
			if h == nil {
				h = &Helped{What: t.What}
				by[t.What] = h
			}
			h.Score += score
			h.Count++
			h.Effects[slices.Index(Effects, t.Effect)]++
		}
	}
	var out []Helped
	for _, w := range Treatments {
		if h := by[w]; h != nil {
			out = append(out, *h)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		// a.Score/a.Count vs b.Score/b.Count without rounding
		if x, y := a.Score*b.Count, b.Score*a.Count; x != y {
			return x > y
		}
		return a.Count > b.Count
	})
	return out
}

// SessionStreak returns the number of consecutive days in loc, ending today
// or yesterday, with at least one session that did a step. A streak that
// ended yesterday still counts, since today is not over.
func SessionStreak(sessions []Session, now time.Time, loc *time.Location) int {
	days := map[int]bool{} // days before today's date
	for _, s := range sessions {
		if s.counts() {
			days[daysBetween(s.Started, now, loc)] = true
		}
	}
	start := 0
	if !days[0] {
		start = 1
	}
	n := 0
	for d := start; days[d]; d++ {
		n++
	}
	return n
}

// SafetyNetDays are the days after an episode began on which the journal
// prompts a re-check (CLINICAL.md, "selfcare").
var SafetyNetDays = []int{3, 7, 14, 28, 42}

// safetyNetGrace is how long past the last safety-net day its prompt still
// shows: an episode still marked ongoing after that was most likely never
// marked as over.
const safetyNetGrace = 7 * 24 * time.Hour

// SafetyNetWindow is how long after an episode began its re-check prompts
// show: a week past the last of SafetyNetDays.
func SafetyNetWindow() time.Duration { return safetyNetWindow(SafetyNetDays) }

func safetyNetWindow(days []int) time.Duration {
	if len(days) == 0 {
		return 0
	}
	return time.Duration(slices.Max(days))*24*time.Hour + safetyNetGrace
}

// SafetyNet returns the latest safety-net day reached by now (0 before day
// 3), counting whole days of 24 hours from e.Started. due is true while the
// episode is ongoing, a day has been reached, and no triage was recorded
// on the episode since that day began.
func SafetyNet(e Episode, now time.Time) (day int, due bool) {
	for _, d := range SafetyNetDays {
		if !now.Before(e.Started.Add(time.Duration(d) * 24 * time.Hour)) {
			day = d
		}
	}
	if day == 0 || e.Ended != nil {
		return day, false
	}
	checkDay := e.Started.Add(time.Duration(day) * 24 * time.Hour)
	rechecked := e.Triage != nil && !e.Triage.At.Before(checkDay)
	return day, !rechecked
}
