package journal

import (
	"time"
)

// Reason is why a backup file was refused, in a word a view turns into a
// sentence for people (the words "import.reason.<reason>"). The set is
// closed: every refusal of DecodeBackup and Backup.CheckDates has one of
// these.
type Reason string

const (
	ReasonEmpty        Reason = "empty"         // nothing in the file
	ReasonNotJSON      Reason = "not_json"      // not JSON at all (a picture, a spreadsheet)
	ReasonNotUnknot    Reason = "not_unknot"    // JSON, but not a journal backup ("format")
	ReasonNewerVersion Reason = "newer_version" // made by a newer Unknot; Value is its version, Max this app's
	ReasonBadVersion   Reason = "bad_version"   // "version" missing or not a version
	ReasonTruncated    Reason = "truncated"     // the file stops in the middle
	ReasonDamaged      Reason = "damaged"       // broken JSON, wrong types, repeated keys
	ReasonTooLarge     Reason = "too_large"     // more than Max MB
	ReasonTooMany      Reason = "too_many"      // a list with Value entries; Max are allowed
	ReasonTooLong      Reason = "too_long"      // a text of Value characters; Max are allowed
	ReasonMissing      Reason = "missing"       // a required value is missing
	ReasonUnknownField Reason = "unknown_field" // information this version does not know; Value is its name
	ReasonBadValue     Reason = "bad_value"     // a value that is not allowed; Value is it
	ReasonPainScore    Reason = "pain_score"    // a pain score of Value, outside Min to Max
	ReasonOutOfRange   Reason = "out_of_range"  // a number Value, outside Min to Max
	ReasonRepeated     Reason = "repeated"      // Value is listed twice in one list
	ReasonDuplicateID  Reason = "duplicate_id"  // the same id as record number Other
	ReasonTooOld       Reason = "too_old"       // a date (At) before 1990
	ReasonFutureDate   Reason = "future_date"   // a date (At) more than a day after this device's clock
	ReasonAfterExport  Reason = "after_export"  // a date (At) more than a day after the file was saved
	ReasonDateOrder    Reason = "date_order"    // a date (At) before the one it must follow
)

// Reasons is every Reason, for the test that each has words.
var Reasons = []Reason{
	ReasonEmpty, ReasonNotJSON, ReasonNotUnknot, ReasonNewerVersion, ReasonBadVersion,
	ReasonTruncated, ReasonDamaged, ReasonTooLarge, ReasonTooMany, ReasonTooLong,
	ReasonMissing, ReasonUnknownField, ReasonBadValue, ReasonPainScore, ReasonOutOfRange,
	ReasonRepeated, ReasonDuplicateID, ReasonTooOld, ReasonFutureDate, ReasonAfterExport,
	ReasonDateOrder,
}

// BackupError is why a backup file was refused. Reason and the facts after
// it are for people ("Spasm 4 has a pain score of 11; scores go from 0 to
// 10"); Path and Problem say it for support, as a *located.Error does
// (`episodes[3].pain[0].score: 11 is out of range 0 to 10`).
type BackupError struct {
	Reason Reason
	// Record is "episodes", "sessions" or "activities" when the problem is inside one
	// record, and Entry that record's number counting from 1; Record is ""
	// for the file as a whole.
	Record string
	Entry  int
	Value  string    // the value refused, when the sentence names it
	Min    int       // the allowed range, for ReasonPainScore and ReasonOutOfRange
	Max    int       // the largest allowed (a count, a length, a version, megabytes)
	At     time.Time // the date refused, for the date reasons
	Other  int       // for ReasonDuplicateID, the earlier record's number, from 1

	Path    string
	Problem string
}

// Error returns one line: the path, then the problem.
func (e *BackupError) Error() string {
	if e.Path == "" {
		return e.Problem
	}
	return e.Path + ": " + e.Problem
}

// why is a Reason with its facts, as a check finds them; where fills in the
// rest.
type why struct {
	reason   Reason
	value    string
	min, max int
	at       time.Time
	other    int
}

// refusal is the BackupError for a problem at path.
func refusal(w why, path jsonPath, problem string) *BackupError {
	e := &BackupError{
		Reason: w.reason, Value: shorten(w.value), Min: w.min, Max: w.max, At: w.at, Other: w.other,
		Path: path.String(), Problem: problem,
	}
	if len(path) >= 2 && path[1].kind == segIndex {
		if r := path[0].name(); r == "episodes" || r == "sessions" || r == "activities" {
			e.Record, e.Entry = r, path[1].idx+1
		}
	}
	return e
}

// maxValueRunes bounds a value quoted back to a person.
const maxValueRunes = 40

func shorten(s string) string {
	n := 0
	for i := range s {
		if n == maxValueRunes {
			return s[:i] + "…"
		}
		n++
	}
	return s
}
