package journal

import (
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
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
// prefixed with a single quote. The cells are written exactly as
// encoding/csv's Writer writes them (comma, "\n" line ends), but appended
// to one buffer rather than built as strings, which is faster in the
// browser (the export has a budget in DESIGN.md).
func WriteCSV(w io.Writer, episodes []Episode, loc *time.Location) error {
	var c csvWriter
	c.buf = make([]byte, 0, csvFlushAt+4096)
	for i, name := range CSVColumns {
		addCell(&c, i, name)
	}
	c.buf = append(c.buf, '\n')
	for i := range episodes {
		c.episode(&episodes[i], loc)
		if len(c.buf) >= csvFlushAt {
			if _, err := w.Write(c.buf); err != nil {
				return err
			}
			c.buf = c.buf[:0]
		}
	}
	_, err := w.Write(c.buf)
	return err
}

// csvFlushAt is how full the buffer gets before WriteCSV hands it on.
const csvFlushAt = 64 << 10

// csvWriter appends CSV rows to buf; scratch holds a cell while it is
// assembled (a joined list, a formatted time).
type csvWriter struct {
	buf, scratch []byte
}

// episode appends e's row, in the order of CSVColumns.
func (c *csvWriter) episode(e *Episode, loc *time.Location) {
	addCell(c, 0, e.ID)
	c.time(1, &e.Started, loc)
	c.time(2, e.Ended, loc)
	first, last, worst, ok := e.PainSummary()
	for i, v := range [3]int{first, last, worst} {
		c.scratch = c.scratch[:0]
		if ok {
			c.scratch = strconv.AppendInt(c.scratch, int64(v), 10)
		}
		addCell(c, 3+i, c.scratch)
	}
	addCell(c, 6, e.Where)
	c.list(7, e.Spreads)
	c.list(8, e.Triggers)
	addCell(c, 9, e.TriggerNote)
	c.scratch = c.scratch[:0]
	for i, t := range e.Tried {
		if i > 0 {
			c.scratch = append(c.scratch, ';')
		}
		c.scratch = append(append(append(c.scratch, t.What...), '='), t.Effect...)
	}
	addCell(c, 10, c.scratch)
	c.list(11, e.Medicines)
	disposition := ""
	if e.Triage != nil {
		disposition = e.Triage.Disposition
	}
	addCell(c, 12, disposition)
	addCell(c, 13, e.Notes)
	c.time(14, &e.Created, loc)
	c.time(15, &e.Updated, loc)
	c.buf = append(c.buf, '\n')
}

// time appends t in loc as RFC 3339, or an empty cell for nil.
func (c *csvWriter) time(col int, t *time.Time, loc *time.Location) {
	c.scratch = c.scratch[:0]
	if t != nil {
		c.scratch = t.In(loc).AppendFormat(c.scratch, time.RFC3339)
	}
	addCell(c, col, c.scratch)
}

// list appends items joined by ";" as one cell.
func (c *csvWriter) list(col int, items []string) {
	c.scratch = c.scratch[:0]
	for i, s := range items {
		if i > 0 {
			c.scratch = append(c.scratch, ';')
		}
		c.scratch = append(c.scratch, s...)
	}
	addCell(c, col, c.scratch)
}

// addCell appends one cell of column col (0 starts a row), defused and
// quoted as encoding/csv would quote it.
func addCell[T cellText](c *csvWriter, col int, text T) {
	if col > 0 {
		c.buf = append(c.buf, ',')
	}
	c.buf = appendCSVField(c.buf, text)
}

// cellText is a cell's text, as a string or as bytes being assembled.
type cellText interface{ ~string | ~[]byte }

// appendCSVField appends field as encoding/csv's Writer writes a field: in
// double quotes, with quotes doubled, when it holds a comma, a quote or a
// line break, starts with white space, or is `\.`; as it is otherwise.
// First, a field a spreadsheet would run as a formula (starting with =, +,
// -, @, tab or carriage return) gets a single quote in front (OWASP, "CSV
// injection").
func appendCSVField[T cellText](b []byte, field T) []byte {
	formula := len(field) > 0 && strings.IndexByte("=+-@\t\r", field[0]) >= 0
	if !csvNeedsQuotes(field, formula) {
		if formula {
			b = append(b, '\'')
		}
		return append(b, field...)
	}
	b = append(b, '"')
	if formula {
		b = append(b, '\'')
	}
	for i := 0; i < len(field); i++ {
		if field[i] == '"' {
			b = append(b, '"')
		}
		b = append(b, field[i])
	}
	return append(b, '"')
}

// csvNeedsQuotes is encoding/csv's rule for a comma-separated field, for the
// field as it is written (formula: behind a single quote).
func csvNeedsQuotes[T cellText](field T, formula bool) bool {
	if len(field) == 0 {
		return false
	}
	if !formula && string(field) == `\.` {
		return true
	}
	// A table lookup a byte: WebAssembly has no vector search.
	for i := 0; i < len(field); i++ {
		if csvSpecial[field[i]] {
			return true
		}
	}
	if formula {
		return false // it starts with the quote, which is not white space
	}
	if c := field[0]; c < utf8.RuneSelf {
		return c == ' ' || '\t' <= c && c <= '\r'
	}
	r, _ := utf8.DecodeRuneInString(string(field[:min(len(field), utf8.UTFMax)]))
	return unicode.IsSpace(r)
}

// csvSpecial marks the bytes that make encoding/csv quote a field.
var csvSpecial = [256]bool{',': true, '"': true, '\r': true, '\n': true}
