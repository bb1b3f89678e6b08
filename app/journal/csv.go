package journal

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"time"
)

// CSVColumns are the columns WriteCSV writes, in order. They are a stable
// contract: add columns at the end; never rename, remove or reorder one.
//
//	id                  the episode's UUID
//	started, ended      RFC 3339 in the chosen time zone; ended empty if ongoing
//	first_pain          the first rating by time, 0–10; empty without ratings
//	last_pain           the last rating by time
//	max_pain            the highest rating
//	where               centre, left, right or both; empty if not recorded
//	spreads             buttock, thigh, below_knee, joined by ";"
//	triggers            trigger ids (CLINICAL.md), joined by ";"
//	trigger_note        free text
//	tried               what=effect pairs, e.g. heat=helped_lot;walking=no_change
//	medicines           names joined by ";"
//	triage_disposition  emergency, urgent, soon, selfcare or incomplete; empty if none
//	notes               free text
//	created, updated    RFC 3339 in the chosen time zone
var CSVColumns = []string{
	"id", "started", "ended", "first_pain", "last_pain", "max_pain",
	"where", "spreads", "triggers", "trigger_note", "tried", "medicines",
	"triage_disposition", "notes", "created", "updated",
}

// WriteCSV writes one row per episode, in the order given, under a header of
// CSVColumns. Times are written in loc. A cell that a spreadsheet would
// run as a formula (starting with =, +, -, @, tab or carriage return) is
// prefixed with a single quote.
func WriteCSV(w io.Writer, episodes []Episode, loc *time.Location) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVColumns); err != nil {
		return err
	}
	date := func(t time.Time) string { return t.In(loc).Format(time.RFC3339) }
	row := make([]string, len(CSVColumns))
	for _, e := range episodes {
		first, last, worst, ok := e.PainSummary()
		pain := func(v int) string {
			if !ok {
				return ""
			}
			return strconv.Itoa(v)
		}
		ended := ""
		if e.Ended != nil {
			ended = date(*e.Ended)
		}
		tried := make([]string, len(e.Tried))
		for i, t := range e.Tried {
			tried[i] = t.What + "=" + t.Effect
		}
		disposition := ""
		if e.Triage != nil {
			disposition = e.Triage.Disposition
		}
		row = append(row[:0],
			e.ID, date(e.Started), ended, pain(first), pain(last), pain(worst),
			e.Where, strings.Join(e.Spreads, ";"), strings.Join(e.Triggers, ";"), e.TriggerNote,
			strings.Join(tried, ";"), strings.Join(e.Medicines, ";"),
			disposition, e.Notes, date(e.Created), date(e.Updated),
		)
		for i, cell := range row {
			row[i] = defuse(cell)
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// defuse keeps a spreadsheet from running a cell as a formula (OWASP, "CSV
// injection").
func defuse(cell string) string {
	if cell != "" && strings.IndexByte("=+-@\t\r", cell[0]) >= 0 {
		return "'" + cell
	}
	return cell
}
