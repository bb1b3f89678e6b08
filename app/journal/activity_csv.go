package journal

import (
	"io"
	"strconv"
	"time"
)

// ActivityCSVColumns are the columns WriteActivitiesCSV writes, in order: a
// stable contract, as CSVColumns is.
//
//	activity_id   the activity's UUID
//	activity      its name, as the person wrote it
//	rated_at      RFC 3339 in the chosen time zone; empty for an activity never rated
//	score         0 (cannot do it) to 10 (as before the problem); empty when never rated
var ActivityCSVColumns = []string{"activity_id", "activity", "rated_at", "score"}

// WriteActivitiesCSV writes the activities of the Patient-Specific
// Functional Scale as their own CSV file: one row per rating, oldest first
// within each activity, and one row with empty rated_at and score for an
// activity never rated, under a header of ActivityCSVColumns. Cells are
// defused and quoted as WriteCSV's are.
func WriteActivitiesCSV(w io.Writer, activities []Activity, loc *time.Location) error {
	var c csvWriter
	for i, name := range ActivityCSVColumns {
		addCell(&c, i, name)
	}
	c.buf = append(c.buf, '\n')
	for _, a := range activities {
		rs := a.SortedRatings()
		if len(rs) == 0 {
			rs = []ActivityRating{{}}
		}
		for _, r := range rs {
			addCell(&c, 0, a.ID)
			addCell(&c, 1, a.Name)
			c.scratch = c.scratch[:0]
			if !r.At.IsZero() {
				c.scratch = r.At.In(loc).AppendFormat(c.scratch, time.RFC3339)
			}
			addCell(&c, 2, c.scratch)
			c.scratch = c.scratch[:0]
			if !r.At.IsZero() {
				c.scratch = strconv.AppendInt(c.scratch, int64(r.Score), 10)
			}
			addCell(&c, 3, c.scratch)
			c.buf = append(c.buf, '\n')
		}
	}
	_, err := w.Write(c.buf)
	return err
}
