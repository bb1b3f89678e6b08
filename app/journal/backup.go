package journal

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"time"
)

// Backup is the journal backup file (DESIGN.md, "Journal backup"):
//
//	{"format":"unknot-journal","version":2,"exported":"<RFC 3339>","episodes":[…],"sessions":[…],"activities":[…]}
//
// Version 2 added "activities" (the Patient-Specific Functional Scale);
// a version 1 file has none and still imports.
type Backup struct {
	Format     string     `json:"format"`
	Version    int        `json:"version"`
	Exported   time.Time  `json:"exported"`
	Episodes   []Episode  `json:"episodes"`
	Sessions   []Session  `json:"sessions"`
	Activities []Activity `json:"activities"`
}

// EncodeBackup writes episodes, sessions and activities as a backup file,
// one record per line. The activities come last so that the calls made
// before version 2 added them still read as they did. It refuses, writing
// nothing, to produce a file that DecodeBackup
// would reject: every record must validate, ids must be unique, and the file
// must stay within MaxBackupBytes and MaxBackupEpisodes.
//
// "exported" is now, unless a record is dated more than a day after now (a
// clock that was put back); then it is that record's latest date, so the
// file still imports.
func EncodeBackup(w io.Writer, episodes []Episode, sessions []Session, now time.Time, activities ...Activity) error {
	exported := now
	eachDate(episodes, sessions, activities, func(_ jsonPath, t time.Time) bool {
		if t.After(exported) {
			exported = t
		}
		return true
	})
	if exported.Sub(now) <= maxFutureSkew*time.Hour {
		exported = now
	}
	c := &checker{}
	if c.time("exported", exported); c.err != nil {
		return fmt.Errorf("journal: backup: the clock says %s: %w", now.Format(time.RFC3339), c.err)
	}
	if err := checkRecords(episodes, sessions, exported); err != nil {
		return fmt.Errorf("journal: backup: %w", err)
	}
	if err := checkActivities(activities, exported); err != nil {
		return fmt.Errorf("journal: backup: %w", err)
	}

	var buf bytes.Buffer
	head, err := json.Marshal(struct {
		Format   string    `json:"format"`
		Version  int       `json:"version"`
		Exported time.Time `json:"exported"`
	}{BackupFormat, BackupVersion, exported})
	if err != nil {
		return fmt.Errorf("journal: backup: %w", err)
	}
	buf.Write(head[:len(head)-1]) // without the closing brace
	enc := json.NewEncoder(&buf)  // one record per line
	enc.SetEscapeHTML(false)
	buf.WriteString(",\n\"episodes\":[")
	for i, e := range episodes {
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteByte('\n')
		if err := enc.Encode(e); err != nil {
			return fmt.Errorf("journal: backup: episode %s: %w", e.ID, err)
		}
		buf.Truncate(buf.Len() - 1) // Encode's newline
	}
	buf.WriteString("\n],\n\"sessions\":[")
	for i, s := range sessions {
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteByte('\n')
		if err := enc.Encode(s); err != nil {
			return fmt.Errorf("journal: backup: session %s: %w", s.ID, err)
		}
		buf.Truncate(buf.Len() - 1)
	}
	buf.WriteString("\n],\n\"activities\":[")
	for i, a := range activities {
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteByte('\n')
		if err := enc.Encode(a); err != nil {
			return fmt.Errorf("journal: backup: activity %s: %w", a.ID, err)
		}
		buf.Truncate(buf.Len() - 1)
	}
	buf.WriteString("\n]}\n")
	if buf.Len() > MaxBackupBytes {
		return fmt.Errorf("journal: backup: the file would be %.1f MB, more than the %d MB an import accepts",
			float64(buf.Len())/(1<<20), MaxBackupBytes>>20)
	}
	_, err = buf.WriteTo(w)
	return err
}

// DecodeBackup reads and checks a whole backup file before returning
// anything: format and version, the JSON itself (unknown, repeated and
// missing fields, nulls and wrong types are errors), every record's
// validity, unique ids, dates from 1990 to a day after "exported", and the
// limits MaxBackupBytes and MaxBackupEpisodes. A problem with the file is
// returned as a *BackupError saying why and where; the first one found
// wins. It cannot know this device's clock: the import also calls
// CheckDates.
func DecodeBackup(r io.Reader) (*Backup, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxBackupBytes+1))
	if err != nil {
		return nil, fmt.Errorf("journal: read backup: %w", err)
	}
	if len(data) > MaxBackupBytes {
		return nil, &BackupError{Reason: ReasonTooLarge, Max: MaxBackupBytes >> 20,
			Problem: fmt.Sprintf("the file is larger than %d MB, too large for a journal backup", MaxBackupBytes>>20)}
	}
	d := &decoder{data: data}
	b, err := d.backup()
	if err != nil {
		return nil, err
	}
	if err := checkRecords(b.Episodes, b.Sessions, b.Exported); err != nil {
		return nil, err
	}
	if err := checkActivities(b.Activities, b.Exported); err != nil {
		return nil, err
	}
	return b, nil
}

// checkRecords validates records as they must be in a backup exported at
// exported.
func checkRecords(episodes []Episode, sessions []Session, exported time.Time) *BackupError {
	if len(episodes) > MaxBackupEpisodes {
		return tooManyRecords("episodes", len(episodes), MaxBackupEpisodes)
	}
	if len(sessions) > MaxBackupSessions {
		return tooManyRecords("sessions", len(sessions), MaxBackupSessions)
	}
	latest := exported.Add(maxFutureSkew * time.Hour)
	path := make(jsonPath, 2, 8)
	seen := make(map[string]int, len(episodes))
	for i, e := range episodes {
		path[0], path[1] = fieldSeg("episodes"), indexSeg(i)
		if c := e.check(path, latest); c.err != nil {
			return c.refusal()
		}
		if j, ok := seen[e.ID]; ok {
			return refusal(why{reason: ReasonDuplicateID, other: j + 1}, path.with(fieldSeg("id")), fmt.Sprintf("%q is also the id of episodes[%d]", e.ID, j))
		}
		seen[e.ID] = i
	}
	clear(seen)
	for i, s := range sessions {
		path[0], path[1] = fieldSeg("sessions"), indexSeg(i)
		if c := s.check(path, latest); c.err != nil {
			return c.refusal()
		}
		if j, ok := seen[s.ID]; ok {
			return refusal(why{reason: ReasonDuplicateID, other: j + 1}, path.with(fieldSeg("id")), fmt.Sprintf("%q is also the id of sessions[%d]", s.ID, j))
		}
		seen[s.ID] = i
	}
	return nil
}

// tooManyRecords refuses a file with more than max episodes or sessions.
func tooManyRecords(list string, n, max int) *BackupError {
	return refusal(tooMany(n, max), jsonPath{fieldSeg(list)}, fmt.Sprintf("has %d %s; at most %d are allowed", n, list, max))
}

// CheckDates refuses a backup with a date more than a day after now, this
// device's clock: a backup cannot come from the future, whatever its
// "exported" says. DecodeBackup, which cannot know the clock, allows dates
// up to a day after "exported".
func (b *Backup) CheckDates(now time.Time) error {
	latest := now.Add(maxFutureSkew * time.Hour)
	var found *BackupError
	check := func(path jsonPath, t time.Time) bool {
		if t.After(latest) {
			found = refusal(why{reason: ReasonFutureDate, at: t}, path, fmt.Sprintf(
				"%s is more than a day after this device's clock (%s)", t.Format(time.RFC3339), now.Format(time.RFC3339)))
		}
		return found == nil
	}
	if check(jsonPath{fieldSeg("exported")}, b.Exported) {
		eachDate(b.Episodes, b.Sessions, b.Activities, check)
	}
	if found != nil {
		return found
	}
	return nil
}

// eachDate calls f with every date of the records and where it is, until f
// returns false. path is reused between calls.
func eachDate(episodes []Episode, sessions []Session, activities []Activity, f func(path jsonPath, t time.Time) bool) {
	path := make(jsonPath, 2, 5)
	at := func(t time.Time, names ...string) bool {
		p := path
		for _, n := range names {
			p = append(p, fieldSeg(n))
		}
		return f(p, t)
	}
	for i, e := range episodes {
		path[0], path[1] = fieldSeg("episodes"), indexSeg(i)
		if !at(e.Started, "started") || e.Ended != nil && !at(*e.Ended, "ended") {
			return
		}
		for j, p := range e.Pain {
			if !f(append(path, fieldSeg("pain"), indexSeg(j), fieldSeg("at")), p.At) {
				return
			}
		}
		if e.Triage != nil && !at(e.Triage.At, "triage", "at") || !at(e.Created, "created") || !at(e.Updated, "updated") {
			return
		}
	}
	for i, s := range sessions {
		path[0], path[1] = fieldSeg("sessions"), indexSeg(i)
		if !at(s.Started, "started") || !at(s.Ended, "ended") || !at(s.Created, "created") || !at(s.Updated, "updated") {
			return
		}
	}
	for i, a := range activities {
		path[0], path[1] = fieldSeg("activities"), indexSeg(i)
		if !at(a.Created, "created") || !at(a.Updated, "updated") {
			return
		}
		for j, r := range a.Ratings {
			if !f(append(path, fieldSeg("ratings"), indexSeg(j), fieldSeg("at")), r.At) {
				return
			}
		}
	}
}
