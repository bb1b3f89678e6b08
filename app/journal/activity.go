package journal

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
)

// Activity is one line of the Patient-Specific Functional Scale (PSFS): an
// activity the person's back makes hard, named in their own words
// ("putting on socks"), and their ratings of how well they can do it, from
// 0 (cannot do it) to 10 (as well as before the problem). The scale and its
// sources are described in data/sources/psfs.md.
type Activity struct {
	ID      string           `json:"id"`
	Name    string           `json:"name"`
	Ratings []ActivityRating `json:"ratings,omitempty"`
	Created time.Time        `json:"created"`
	Updated time.Time        `json:"updated"`
}

// ActivityRating is how well the person could do an activity at a moment,
// from MinFunction (cannot do it) to MaxFunction (as before the problem).
type ActivityRating struct {
	At    time.Time `json:"at"`
	Score int       `json:"score"`
}

// Limits of the scale.
const (
	// MaxActivities is how many activities a person names: the PSFS asks
	// for up to five. A person cannot add a sixth (ErrTooManyActivities);
	// an import that merges two devices' lists may leave more, so that
	// nothing of theirs is dropped.
	MaxActivities        = 5
	MaxActivityNameRunes = 80   // Activity.Name
	MaxActivityRatings   = 1000 // ratings in Activity.Ratings
	MinFunction          = 0    // cannot do it
	MaxFunction          = 10   // as well as before the problem
	MaxBackupActivities  = 1000 // activities in a backup file
)

// ActivityChangeMDC is the smallest change in one activity's score that is
// more than the scale's usual wobble between two ratings of an unchanged
// person: the minimal detectable change for a single activity at 90%
// confidence reported by Stratford et al., Physiotherapy Canada 1995
// (data/sources/psfs.md, which also gives the 2 points for the average of
// several activities and why the chart, being per activity, uses 3).
const ActivityChangeMDC = 3

// NewActivity returns an activity named name, created at now, with a fresh
// id and no rating. The name is trimmed of surrounding spaces.
func NewActivity(name string, now time.Time) Activity {
	return Activity{ID: uuid.NewString(), Name: strings.TrimSpace(name), Created: now, Updated: now}
}

// Rate returns a copy of a with the rating score at at added, as a new
// version: Updated becomes at, or a millisecond after the version it
// replaces when that is not earlier (a clock put back, or two ratings in
// the same instant), since a Store takes only later versions.
func (a Activity) Rate(score int, at time.Time) Activity {
	c := a.Clone()
	c.Ratings = append(c.Ratings, ActivityRating{At: at, Score: score})
	c.Updated = at
	if next := a.Updated.Add(time.Millisecond); next.After(at) {
		c.Updated = next
	}
	return c
}

// Clone returns a deep copy.
func (a Activity) Clone() Activity {
	c := a
	c.Ratings = cloneSlice(a.Ratings)
	return c
}

// ActivityChange is what the chart and the summary say about one activity:
// its first and latest rating by time, how many there are, and whether the
// change between them is at least ActivityChangeMDC.
type ActivityChange struct {
	First, Latest ActivityRating
	Count         int
}

// Change summarises a's ratings; ok is false when it has none.
func (a Activity) Change() (c ActivityChange, ok bool) {
	rs := a.SortedRatings()
	if len(rs) == 0 {
		return ActivityChange{}, false
	}
	return ActivityChange{First: rs[0], Latest: rs[len(rs)-1], Count: len(rs)}, true
}

// Diff is Latest.Score − First.Score: positive when the activity got
// easier.
func (c ActivityChange) Diff() int { return c.Latest.Score - c.First.Score }

// Detectable reports whether the change is at least the minimal detectable
// change, up or down.
func (c ActivityChange) Detectable() bool {
	d := c.Diff()
	return c.Count > 1 && (d >= ActivityChangeMDC || -d >= ActivityChangeMDC)
}

// SortedRatings returns a copy of the ratings, oldest first (ratings at
// the same instant keep their order).
func (a Activity) SortedRatings() []ActivityRating {
	rs := cloneSlice(a.Ratings)
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].At.Before(rs[j].At) })
	return rs
}

// SortActivities orders activities by when they were named, oldest first
// (then by id), so that each keeps its place on the page.
func SortActivities(as []Activity) {
	sort.Slice(as, func(i, j int) bool {
		if c := as[i].Created.Compare(as[j].Created); c != 0 {
			return c < 0
		}
		return as[i].ID < as[j].ID
	})
}

func (a Activity) key() recordKey { return recordKey{a.ID, a.Updated} }

// Validate reports the first problem with a, as a *FieldError, or nil.
func (a Activity) Validate() error {
	if c := a.check(nil, time.Time{}); c.err != nil {
		return c.err
	}
	return nil
}

// check checks a at prefix in a file, with dates up to latest (none when
// zero).
func (a Activity) check(prefix jsonPath, latest time.Time) *checker {
	c := &checker{path: prefix, latest: latest}
	c.id("id", a.ID)
	if strings.TrimSpace(a.Name) == "" {
		c.refuse(why{reason: ReasonMissing}, "name", "is empty")
	}
	c.text("name", a.Name, MaxActivityNameRunes, false)
	if len(a.Ratings) > MaxActivityRatings {
		c.refuse(tooMany(len(a.Ratings), MaxActivityRatings), "ratings", "has %d ratings; at most %d are allowed", len(a.Ratings), MaxActivityRatings)
	}
	c.in(fieldSeg("ratings"))
	for i, r := range a.Ratings {
		c.in(indexSeg(i))
		c.time("at", r.At)
		if r.Score < MinFunction || r.Score > MaxFunction {
			c.refuse(why{reason: ReasonOutOfRange, value: strconv.Itoa(r.Score), min: MinFunction, max: MaxFunction},
				"score", "%d is out of range %d to %d", r.Score, MinFunction, MaxFunction)
		}
		c.out()
	}
	c.out()
	c.time("created", a.Created)
	c.time("updated", a.Updated)
	c.notBefore("updated", a.Updated, "created", a.Created)
	return c
}

// checkActivities validates the activities of a backup exported at
// exported: each record, unique ids, and their number.
func checkActivities(as []Activity, exported time.Time) *BackupError {
	if len(as) > MaxBackupActivities {
		return tooManyRecords("activities", len(as), MaxBackupActivities)
	}
	latest := exported.Add(maxFutureSkew * time.Hour)
	path := make(jsonPath, 2, 8)
	seen := make(map[string]int, len(as))
	for i, a := range as {
		path[0], path[1] = fieldSeg("activities"), indexSeg(i)
		if c := a.check(path, latest); c.err != nil {
			return c.refusal()
		}
		if j, ok := seen[a.ID]; ok {
			return refusal(why{reason: ReasonDuplicateID, other: j + 1}, path.with(fieldSeg("id")), fmt.Sprintf("%q is also the id of activities[%d]", a.ID, j))
		}
		seen[a.ID] = i
	}
	return nil
}
