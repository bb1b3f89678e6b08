package journal

import (
	"slices"
	"strconv"
	"time"
)

// Facts: what the journal, the doctor summary and the player's end screen
// say in words. Each sentence on those screens is built from one of these
// pure functions, so that a count, a range and the list beside it can never
// disagree.

// OpenEpisodeDays is how long after it began an episode that has not been
// marked as over still counts as the spasm under way: a check saved in that
// time belongs to it.
const OpenEpisodeDays = 14

// OpenEpisode returns the newest episode that began in the last
// OpenEpisodeDays days (and not after now) and has not been marked as over.
func OpenEpisode(episodes []Episode, now time.Time) (Episode, bool) {
	var open Episode
	found := false
	for _, e := range episodes {
		if !e.Ongoing() || e.Started.After(now) || now.Sub(e.Started) > OpenEpisodeDays*24*time.Hour {
			continue
		}
		if !found || e.Started.After(open.Started) {
			open, found = e, true
		}
	}
	return open, found
}

// AttachCheck adds a finished warning-sign check to the spasm under way,
// rather than starting another: the check becomes the episode's latest, its
// pain score ("pain_now") a rating at the time of the check, and its
// trigger is added unless already named.
func (e Episode) AttachCheck(rec TriageRecord) Episode {
	next := e.Clone()
	next.Triage = &rec
	if t, ok := rec.Answers["trigger"]; ok && !slices.Contains(next.Triggers, t) {
		next.Triggers = append(next.Triggers, t)
	}
	if s, ok := rec.Answers["pain_now"]; ok {
		if n, err := strconv.Atoi(s); err == nil {
			next.Pain = append(next.Pain, PainRating{At: rec.At, Score: n})
		}
	}
	return next
}

// AddPain records a pain score felt at a moment: at the start of the
// episode unless now is given, because a rating belongs to the moment the
// person felt it, not to the moment they typed it.
func (e Episode) AddPain(score int, now *time.Time) Episode {
	next := e.Clone()
	at := e.Started
	if now != nil {
		at = *now
	}
	next.Pain = append(next.Pain, PainRating{At: at, Score: score})
	return next
}

// WithStart moves the episode's start to t. Pain ratings placed at the old
// start (the quick log places its rating there; one dated before it, as an
// older quick log wrote, was too) move with it, and none is left before the
// new start: a spasm entered late and dated back keeps its pain at its own
// date.
func (e Episode) WithStart(t time.Time) Episode {
	next := e.Clone()
	for i, p := range next.Pain {
		if !p.At.After(e.Started) || p.At.Before(t) {
			next.Pain[i].At = t
		}
	}
	next.Started = t
	return next
}

// Trend is how pain moved over a period.
type Trend int

const (
	TrendUnknown Trend = iota // too few ratings to say
	TrendLower
	TrendSame
	TrendHigher
)

// minTrendRatings is the fewest ratings from which a trend is told: the mean
// of the later half against the earlier half.
const minTrendRatings = 4

// PainFacts is what a pain chart says: how many ratings, the first and the
// latest by the time they were felt, the highest, and the trend.
type PainFacts struct {
	Count         int
	First, Latest PainPoint
	Highest       int
	Trend         Trend
}

// DescribePain summarises points (oldest first, as PainSeries returns them).
func DescribePain(points []PainPoint) PainFacts {
	if len(points) == 0 {
		return PainFacts{}
	}
	f := PainFacts{Count: len(points), First: points[0], Latest: points[len(points)-1]}
	for _, p := range points {
		f.Highest = max(f.Highest, p.Score)
	}
	if len(points) >= minTrendRatings {
		half := len(points) / 2
		switch diff := meanPain(points[half:]) - meanPain(points[:half]); {
		case diff <= -1:
			f.Trend = TrendLower
		case diff >= 1:
			f.Trend = TrendHigher
		default:
			f.Trend = TrendSame
		}
	}
	return f
}

func meanPain(points []PainPoint) float64 {
	sum := 0
	for _, p := range points {
		sum += p.Score
	}
	return float64(sum) / float64(len(points))
}

// WeekFacts is what a chart of counts per week says: the total, and the
// busiest week (the earliest of equals), zero when there is none.
type WeekFacts struct {
	Total   int
	Busiest Count
}

// DescribeWeeks summarises counts per week.
func DescribeWeeks(weeks []Count) WeekFacts {
	var f WeekFacts
	for _, w := range weeks {
		f.Total += w.Count
		if w.Count > f.Busiest.Count {
			f.Busiest = w
		}
	}
	return f
}

// SessionTotals is what a summary says of a set of routine sessions: how
// many did at least one step (the only ones that count), how many were
// played to the end, how many of each routine, and the average pain before
// and after over the sessions that have both.
type SessionTotals struct {
	Done, Finished int
	ByRoutine      []RoutineCount // in the order the routines first appear
	// PainPairs is how many counted sessions have a pain score before and
	// after; PainBefore and PainAfter are their averages.
	PainPairs             int
	PainBefore, PainAfter float64
}

// RoutineCount is how many counted sessions played one routine.
type RoutineCount struct {
	Name  string
	Count int
}

// SummariseSessions totals the sessions that count.
func SummariseSessions(sessions []Session) SessionTotals {
	var t SessionTotals
	before, after := 0, 0
	for _, s := range sessions {
		if !s.counts() {
			continue
		}
		t.Done++
		if s.Finished {
			t.Finished++
		}
		i := slices.IndexFunc(t.ByRoutine, func(r RoutineCount) bool { return r.Name == s.RoutineName })
		if i < 0 {
			i = len(t.ByRoutine)
			t.ByRoutine = append(t.ByRoutine, RoutineCount{Name: s.RoutineName})
		}
		t.ByRoutine[i].Count++
		if s.PainBefore != nil && s.PainAfter != nil {
			t.PainPairs++
			before += *s.PainBefore
			after += *s.PainAfter
		}
	}
	if t.PainPairs > 0 {
		t.PainBefore = float64(before) / float64(t.PainPairs)
		t.PainAfter = float64(after) / float64(t.PainPairs)
	}
	return t
}

// SessionFacts is what the journal says of recent routine sessions: the
// totals of the period, how many this week, the streak, and the sessions it
// lists, newest first. The list holds only sessions that were counted, so
// the sentence and the rows under it always agree.
type SessionFacts struct {
	SessionTotals
	ThisWeek int
	Streak   int
	Listed   []Session
}

// DescribeSessions summarises the sessions of the weeks ISO weeks ending
// with the week of now, listing at most listed of them.
func DescribeSessions(sessions []Session, now time.Time, weeks, listed int, loc *time.Location) SessionFacts {
	f := SessionFacts{Streak: SessionStreak(sessions, now, loc)}
	if weeks <= 0 {
		return f
	}
	thisWeek := WeekStart(now, loc)
	from, until := thisWeek.AddDate(0, 0, -7*(weeks-1)), thisWeek.AddDate(0, 0, 7)
	var in []Session
	for _, s := range sessions {
		if s.counts() && !s.Started.Before(from) && s.Started.Before(until) {
			in = append(in, s)
			if !s.Started.Before(thisWeek) {
				f.ThisWeek++
			}
		}
	}
	SortSessions(in)
	f.SessionTotals = SummariseSessions(in)
	f.Listed = in[:min(listed, len(in))]
	return f
}

// SessionOutcome is how a routine session ended, for the player's end
// screen and the journal.
type SessionOutcome int

const (
	// NotStarted: stopped before the first exercise was done. Nothing is
	// saved and nothing is praised.
	NotStarted SessionOutcome = iota
	// Partial: stopped after some exercises.
	Partial
	// Completed: every exercise done.
	Completed
)

// OutcomeOf tells how a session of total exercises ended with done of them
// done.
func OutcomeOf(done, total int) SessionOutcome {
	switch {
	case done <= 0:
		return NotStarted
	case done < total:
		return Partial
	default:
		return Completed
	}
}

// EpisodeFacts is what the doctor summary's key facts say of a period's
// episodes: how many, how many still going, the average of each rated
// episode's worst pain, the median length of those that ended, and the days
// since the latest began.
type EpisodeFacts struct {
	Count, Ongoing int
	// Rated is how many episodes have a pain rating; WorstMean is the
	// average of their worst ratings.
	Rated     int
	WorstMean float64
	// Ended is how many were marked as over; TypicalLength is the median
	// of their lengths (the later of the two middle ones).
	Ended         int
	TypicalLength time.Duration
	// DaysSince is from the latest start to now, in calendar days in loc;
	// false when there is no episode.
	DaysSince    int
	HasDaysSince bool
}

// DescribeEpisodes summarises episodes for the summary's key facts.
func DescribeEpisodes(episodes []Episode, now time.Time, loc *time.Location) EpisodeFacts {
	f := EpisodeFacts{Count: len(episodes)}
	worstSum := 0
	var lengths []time.Duration
	for _, e := range episodes {
		if e.Ongoing() {
			f.Ongoing++
		} else {
			lengths = append(lengths, e.Ended.Sub(e.Started))
		}
		if _, _, worst, ok := e.PainSummary(); ok {
			worstSum += worst
			f.Rated++
		}
	}
	if f.Rated > 0 {
		f.WorstMean = float64(worstSum) / float64(f.Rated)
	}
	if f.Ended = len(lengths); f.Ended > 0 {
		slices.Sort(lengths)
		f.TypicalLength = lengths[len(lengths)/2]
	}
	f.DaysSince, f.HasDaysSince = DaysSinceLastEpisode(episodes, now, loc)
	return f
}
