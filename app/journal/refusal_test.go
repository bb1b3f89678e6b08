package journal_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	. "unknot/app/journal"
	"unknot/app/journal/journaltest"
)

// importNow is this device's clock in the refusal table.
var importNow = time.Date(2025, 3, 20, 9, 0, 0, 0, time.UTC)

// readBackup is what the import does with a file: decode it, then check its
// dates against the device's clock.
func readBackup(data []byte, now time.Time) (*Backup, error) {
	b, err := DecodeBackup(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	if err := b.CheckDates(now); err != nil {
		return nil, err
	}
	return b, nil
}

// malformed is one refused backup and the refusal a person is told.
type malformed struct {
	name string
	file []byte
	want BackupError // Reason and the facts the sentence uses; Path and Problem are not compared
}

// malformedBackups are files a person might pick by mistake, or that were
// damaged or edited, each with the reason it is refused.
func malformedBackups(t *testing.T) []malformed {
	t.Helper()
	base := func() Backup {
		eps := journaltest.GenerateEpisodes(6, 17, time.Date(2025, 2, 1, 8, 0, 0, 0, time.UTC))
		s := MinimalSession()
		rated := time.Date(2025, 2, 3, 8, 0, 0, 0, time.UTC)
		a := NewActivity("Putting on socks", rated).Rate(3, rated)
		return Backup{Format: BackupFormat, Version: BackupVersion, Exported: importNow.Add(-time.Hour),
			Episodes: eps, Sessions: []Session{s}, Activities: []Activity{a}}
	}
	file := func(change func(b *Backup)) []byte {
		b := base()
		if change != nil {
			change(&b)
		}
		data, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	valid := file(nil)
	if _, err := readBackup(valid, importNow); err != nil {
		t.Fatalf("the valid base file is refused: %v", err)
	}
	// edit replaces the first old in the valid file.
	edit := func(old, new string) []byte {
		if !bytes.Contains(valid, []byte(old)) {
			t.Fatalf("the base file has no %s", old)
		}
		return bytes.Replace(valid, []byte(old), []byte(new), 1)
	}
	ep := func(i int) string { // the start of episode i's JSON
		return `{"id":"` + base().Episodes[i].ID + `"`
	}
	future := importNow.Add(7 * 24 * time.Hour)
	year3000 := time.Date(3000, 1, 2, 3, 4, 5, 0, time.UTC)
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01")
	var tooMany bytes.Buffer
	tooMany.WriteString(`{"format":"unknot-journal","version":1,"exported":"2025-03-14T08:30:00Z","episodes":[`)
	tooMany.WriteString(strings.TrimSuffix(strings.Repeat("{},", MaxBackupEpisodes+1), ","))
	tooMany.WriteString(`],"sessions":[]}`)

	return []malformed{
		{"empty file", nil, BackupError{Reason: ReasonEmpty}},
		{"only blank lines", []byte(" \n\n "), BackupError{Reason: ReasonEmpty}},
		{"a PNG picture", png, BackupError{Reason: ReasonNotJSON}},
		{"a spreadsheet (CSV)", []byte("id,started\n1,2025-03-10\n"), BackupError{Reason: ReasonNotJSON}},
		{"words that start like JSON", []byte("this is not a backup"), BackupError{Reason: ReasonNotJSON}},
		{"a web page", []byte("<!doctype html><title>x</title>"), BackupError{Reason: ReasonNotJSON}},
		{"a JSON list", []byte(`[1,2,3]`), BackupError{Reason: ReasonNotUnknot}},
		{"a JSON string", []byte(`"unknot-journal"`), BackupError{Reason: ReasonNotUnknot}},
		{"another app's JSON", []byte(`{"name":"my-app","version":"1.0.0"}`), BackupError{Reason: ReasonNotUnknot}},
		{"another format", edit(`"format":"unknot-journal"`, `"format":"unknot-settings"`), BackupError{Reason: ReasonNotUnknot}},
		{"format a number", edit(`"format":"unknot-journal"`, `"format":1`), BackupError{Reason: ReasonNotUnknot}},
		{"version missing", edit(`"version":2,`, ``), BackupError{Reason: ReasonBadVersion}},
		{"version 0", edit(`"version":2`, `"version":0`), BackupError{Reason: ReasonBadVersion}},
		{"version a string", edit(`"version":2`, `"version":"1"`), BackupError{Reason: ReasonBadVersion}},
		{"version 1.5", edit(`"version":2`, `"version":1.5`), BackupError{Reason: ReasonBadVersion, Value: "1.5"}},
		{"a newer version", edit(`"version":2`, `"version":7`), BackupError{Reason: ReasonNewerVersion, Value: "7", Max: BackupVersion}},
		{"cut in half", valid[:len(valid)/2], BackupError{Reason: ReasonTruncated, Record: "episodes", Entry: 4}},
		{"last byte missing", valid[:len(valid)-1], BackupError{Reason: ReasonTruncated}},
		{"cut inside a string", valid[:bytes.Index(valid, []byte(ep(2)))+12], BackupError{Reason: ReasonTruncated, Record: "episodes", Entry: 3}},
		{"something after the end", append(slices.Clip(valid), " {}"...), BackupError{Reason: ReasonDamaged}},
		{"a comma lost", edit(`,"started"`, ` "started"`), BackupError{Reason: ReasonDamaged, Record: "episodes", Entry: 1}},
		{"nested too deeply", edit(`"version":2`, `"version":2,"x":`+strings.Repeat("[", 100)+strings.Repeat("]", 100)), BackupError{Reason: ReasonDamaged}},
		{"a field twice", edit(`"version":2`, `"version":2,"version":2`), BackupError{Reason: ReasonDamaged}},
		{"a pain score in words", edit(`"score":`, `"score":"high","s":`), BackupError{Reason: ReasonDamaged, Record: "episodes", Entry: 1}},
		{"text that is not UTF-8", edit(ep(1), ep(1)+",\"notes\":\"a\xffb\""), BackupError{Reason: ReasonDamaged, Record: "episodes", Entry: 2}},
		{"an unknown part of the file", edit(`"version":2`, `"version":2,"settings":{}`), BackupError{Reason: ReasonUnknownField, Value: "settings"}},
		{"an unknown field in an entry", edit(ep(3), ep(3)+`,"mood":"low"`), BackupError{Reason: ReasonUnknownField, Record: "episodes", Entry: 4, Value: "mood"}},
		{"exported missing", file(func(b *Backup) { b.Exported = time.Time{} }), BackupError{Reason: ReasonMissing}},
		{"sessions missing", bytes.Replace(valid, valid[bytes.Index(valid, []byte(`,"sessions"`)):len(valid)-1], nil, 1), BackupError{Reason: ReasonMissing}},
		{"a start date missing", file(func(b *Backup) { b.Episodes[1].Started = time.Time{} }), BackupError{Reason: ReasonMissing, Record: "episodes", Entry: 2}},
		{"exported not a date", edit(`"exported":"`, `"exported":"yesterday","x":"`), BackupError{Reason: ReasonBadValue, Value: "yesterday"}},
		{"larger than 20 MB", bytes.Repeat([]byte(" "), MaxBackupBytes+1), BackupError{Reason: ReasonTooLarge, Max: MaxBackupBytes >> 20}},
		{"too many entries", tooMany.Bytes(), BackupError{Reason: ReasonTooMany, Value: "50001", Max: MaxBackupEpisodes}},
		{"too many pain ratings in one entry", file(func(b *Backup) {
			for range MaxPainRatings {
				b.Episodes[2].Pain = append(b.Episodes[2].Pain, b.Episodes[2].Pain[0])
			}
		}), BackupError{Reason: ReasonTooMany, Record: "episodes", Entry: 3, Value: strconv.Itoa(len(base().Episodes[2].Pain) + MaxPainRatings), Max: MaxPainRatings}},
		{"a note too long", file(func(b *Backup) { b.Episodes[0].Notes = strings.Repeat("a", MaxNoteRunes+1) }),
			BackupError{Reason: ReasonTooLong, Record: "episodes", Entry: 1, Value: "4001", Max: MaxNoteRunes}},
		{"pain 11 in entry 4", file(func(b *Backup) { b.Episodes[3].Pain[0].Score = 11 }),
			BackupError{Reason: ReasonPainScore, Record: "episodes", Entry: 4, Value: "11", Min: MinPain, Max: MaxPain}},
		{"pain before a session below 0", file(func(b *Backup) { b.Sessions[0].PainBefore = new(-1) }),
			BackupError{Reason: ReasonPainScore, Record: "sessions", Entry: 1, Value: "-1", Min: MinPain, Max: MaxPain}},
		{"more steps done than a session has", file(func(b *Backup) { b.Sessions[0].StepsDone = 40 }),
			BackupError{Reason: ReasonOutOfRange, Record: "sessions", Entry: 1, Value: "40", Min: 0, Max: MinimalSession().StepsTotal}},
		{"a place that is not a choice", file(func(b *Backup) { b.Episodes[4].Where = "upper" }),
			BackupError{Reason: ReasonBadValue, Record: "episodes", Entry: 5, Value: "upper"}},
		{"an id that is not an id", file(func(b *Backup) { b.Episodes[5].ID = "42" }),
			BackupError{Reason: ReasonBadValue, Record: "episodes", Entry: 6, Value: "42"}},
		{"a trigger listed twice", file(func(b *Backup) { b.Episodes[0].Triggers = []string{"lifting", "lifting"} }),
			BackupError{Reason: ReasonRepeated, Record: "episodes", Entry: 1, Value: "lifting"}},
		{"two entries with one id", file(func(b *Backup) { b.Episodes[4].ID = b.Episodes[1].ID }),
			BackupError{Reason: ReasonDuplicateID, Record: "episodes", Entry: 5, Other: 2}},
		{"a date before 1990", file(func(b *Backup) { b.Episodes[2].Created = time.Date(1989, 5, 1, 0, 0, 0, 0, time.UTC) }),
			BackupError{Reason: ReasonTooOld, Record: "episodes", Entry: 3, At: time.Date(1989, 5, 1, 0, 0, 0, 0, time.UTC)}},
		{"changed before it was made", file(func(b *Backup) { b.Episodes[0].Updated = b.Episodes[0].Created.Add(-time.Minute) }),
			BackupError{Reason: ReasonDateOrder, Record: "episodes", Entry: 1, At: base().Episodes[0].Created.Add(-time.Minute)}},
		{"a date after the file was saved", file(func(b *Backup) { b.Sessions[0].Updated = b.Exported.Add(25 * time.Hour) }),
			BackupError{Reason: ReasonAfterExport, Record: "sessions", Entry: 1, At: importNow.Add(24 * time.Hour)}},
		{"everything in the year 3000", file(func(b *Backup) {
			d := year3000.Sub(b.Episodes[0].Started)
			b.Exported = b.Exported.Add(d)
			for i := range b.Episodes {
				e := &b.Episodes[i]
				e.Started, e.Created, e.Updated = e.Started.Add(d), e.Created.Add(d), e.Updated.Add(d)
				if e.Ended != nil {
					e.Ended = new(e.Ended.Add(d))
				}
				for j := range e.Pain {
					e.Pain[j].At = e.Pain[j].At.Add(d)
				}
				if e.Triage != nil {
					e.Triage.At = e.Triage.At.Add(d)
				}
			}
			s := &b.Sessions[0]
			s.Started, s.Ended, s.Created, s.Updated = s.Started.Add(d), s.Ended.Add(d), s.Created.Add(d), s.Updated.Add(d)
		}), BackupError{Reason: ReasonFutureDate, At: importNow.Add(-time.Hour).Add(year3000.Sub(base().Episodes[0].Started))}},
		{"an entry next week", file(func(b *Backup) {
			b.Exported = future
			b.Episodes[5].Started, b.Episodes[5].Created, b.Episodes[5].Updated = future, future, future
			b.Episodes[5].Ended, b.Episodes[5].Pain, b.Episodes[5].Triage = nil, nil, nil
		}), BackupError{Reason: ReasonFutureDate, At: future}},
		{"an activity rated 11", file(func(b *Backup) { b.Activities[0].Ratings[0].Score = 11 }),
			BackupError{Reason: ReasonOutOfRange, Record: "activities", Entry: 1, Value: "11", Min: MinFunction, Max: MaxFunction}},
		{"activities in a version 1 file", file(func(b *Backup) { b.Version = 1 }),
			BackupError{Reason: ReasonUnknownField, Value: "activities"}},
		{"a version 2 file without activities", bytes.Replace(file(nil), []byte(`,"activities":[`), []byte(`,"other":[`), 1),
			BackupError{Reason: ReasonUnknownField, Value: "other"}},
	}
}

func TestMalformedBackupsAreRefusedWithTheirReason(t *testing.T) {
	seen := map[Reason]bool{}
	for _, tt := range malformedBackups(t) {
		seen[tt.want.Reason] = true
		before := slices.Clone(tt.file)
		b, err := readBackup(tt.file, importNow)
		be, ok := errors.AsType[*BackupError](err)
		if !ok {
			t.Errorf("%s: got %v, backup %v; want a *BackupError", tt.name, err, b != nil)
			continue
		}
		if b != nil {
			t.Errorf("%s: a backup came with the refusal", tt.name)
		}
		got := *be
		got.Path, got.Problem = "", ""
		if !got.At.Equal(tt.want.At) {
			t.Errorf("%s: At %v; want %v", tt.name, got.At, tt.want.At)
		}
		got.At = tt.want.At
		if got != tt.want {
			t.Errorf("%s: got %+v; want %+v (%v)", tt.name, got, tt.want, err)
		}
		if be.Problem == "" {
			t.Errorf("%s: no technical detail for support", tt.name)
		}
		if !bytes.Equal(before, tt.file) {
			t.Errorf("%s: reading changed the file", tt.name)
		}
	}
	for _, r := range Reasons {
		if !seen[r] {
			t.Errorf("no malformed file is refused for %s: a reason nothing gives, or a missing row", r)
		}
	}
}

func TestCheckDatesAllowsADayAfterTheClock(t *testing.T) {
	b := &Backup{Format: BackupFormat, Version: BackupVersion, Exported: importNow.Add(24 * time.Hour),
		Episodes: []Episode{MinimalEpisode()}, Sessions: []Session{MinimalSession()}}
	b.Episodes[0].Updated = importNow.Add(24 * time.Hour)
	if err := b.CheckDates(importNow); err != nil {
		t.Errorf("a day after the clock: %v; want no error", err)
	}
	b.Episodes[0].Updated = importNow.Add(24*time.Hour + time.Second)
	be, ok := errors.AsType[*BackupError](b.CheckDates(importNow))
	if !ok || be.Reason != ReasonFutureDate || be.Path != "episodes[0].updated" || be.Entry != 1 {
		t.Errorf("a day and a second after the clock: %+v; want future_date at episodes[0].updated", be)
	}
}
