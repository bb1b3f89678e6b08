package journal

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"unknot/app/internal/located"
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

// BackupError is a problem with a backup file, in plain words, with the
// JSON path of the value it is about (empty for the file as a whole), e.g.
// `episodes[12].started: "yesterday" is not a date`.
type BackupError = located.Error

// EncodeBackup writes episodes, sessions and activities as a backup file,
// one record per line. The activities come last so that the calls made
// before version 2 added them still read as they did. It refuses, writing nothing, to produce a file that DecodeBackup
// would reject: every record must validate, ids must be unique, and the file
// must stay within MaxBackupBytes and MaxBackupEpisodes.
//
// "exported" is now, unless a record is dated more than a day after now (a
// clock that was put back); then it is that record's latest date, so the
// file still imports.
func EncodeBackup(w io.Writer, episodes []Episode, sessions []Session, now time.Time, activities ...Activity) error {
	exported := now
	for _, e := range episodes {
		exported = latestOf(exported, e.Started, e.Created, e.Updated)
		if e.Ended != nil {
			exported = latestOf(exported, *e.Ended)
		}
		for _, p := range e.Pain {
			exported = latestOf(exported, p.At)
		}
		if e.Triage != nil {
			exported = latestOf(exported, e.Triage.At)
		}
	}
	for _, s := range sessions {
		exported = latestOf(exported, s.Started, s.Ended, s.Created, s.Updated)
	}
	for _, a := range activities {
		exported = latestOf(exported, a.Created, a.Updated)
		for _, r := range a.Ratings {
			exported = latestOf(exported, r.At)
		}
	}
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

func latestOf(t time.Time, ts ...time.Time) time.Time {
	for _, u := range ts {
		if u.After(t) {
			t = u
		}
	}
	return t
}

// DecodeBackup reads and checks a whole backup file before returning
// anything: format and version, the JSON itself (unknown, repeated and
// missing fields, nulls and wrong types are errors), every record's
// validity, unique ids, dates from 1990 to a day after "exported", and the
// limits MaxBackupBytes and MaxBackupEpisodes. A problem with the file is
// returned as a *BackupError naming where it is; the first one found wins.
func DecodeBackup(r io.Reader) (*Backup, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxBackupBytes+1))
	if err != nil {
		return nil, fmt.Errorf("journal: read backup: %w", err)
	}
	if len(data) > MaxBackupBytes {
		return nil, &BackupError{Problem: fmt.Sprintf("the file is larger than %d MB, too large for a journal backup", MaxBackupBytes>>20)}
	}
	d := &decoder{data: data}
	b, err := d.backup()
	if err != nil {
		return nil, err
	}
	if err := checkRecords(b.Episodes, b.Sessions, b.Exported); err != nil {
		return nil, &BackupError{Path: err.Path, Problem: err.Problem}
	}
	if err := checkActivities(b.Activities, b.Exported); err != nil {
		return nil, &BackupError{Path: err.Path, Problem: err.Problem}
	}
	return b, nil
}

// checkRecords validates records as they must be in a backup exported at
// exported.
func checkRecords(episodes []Episode, sessions []Session, exported time.Time) *FieldError {
	if len(episodes) > MaxBackupEpisodes {
		return &FieldError{Path: "episodes", Problem: fmt.Sprintf("has %d episodes; at most %d are allowed", len(episodes), MaxBackupEpisodes)}
	}
	if len(sessions) > MaxBackupSessions {
		return &FieldError{Path: "sessions", Problem: fmt.Sprintf("has %d sessions; at most %d are allowed", len(sessions), MaxBackupSessions)}
	}
	latest := exported.Add(maxFutureSkew * time.Hour)
	path := make(jsonPath, 2, 8)
	seen := make(map[string]int, len(episodes))
	for i, e := range episodes {
		path[0], path[1] = fieldSeg("episodes"), indexSeg(i)
		if err := e.validate(path, latest); err != nil {
			return err
		}
		if j, ok := seen[e.ID]; ok {
			return &FieldError{Path: path.with(fieldSeg("id")).String(), Problem: fmt.Sprintf("%q is also the id of episodes[%d]", e.ID, j)}
		}
		seen[e.ID] = i
	}
	clear(seen)
	for i, s := range sessions {
		path[0], path[1] = fieldSeg("sessions"), indexSeg(i)
		if err := s.validate(path, latest); err != nil {
			return err
		}
		if j, ok := seen[s.ID]; ok {
			return &FieldError{Path: path.with(fieldSeg("id")).String(), Problem: fmt.Sprintf("%q is also the id of sessions[%d]", s.ID, j)}
		}
		seen[s.ID] = i
	}
	return nil
}
