package journal

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"
)

var exportedAt = at(4 * 24 * time.Hour)

func goldenBackup(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	err := EncodeBackup(&buf, []Episode{fullEpisode(), minimalEpisode()}, []Session{fullSession(), minimalSession()}, exportedAt,
		fullActivity(), minimalActivity())
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestBackupGolden(t *testing.T) {
	got := goldenBackup(t)
	const file = "testdata/backup.golden.json"
	if *update {
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("EncodeBackup differs from %s (run go test -update to accept):\n%s", file, got)
	}
	b, err := DecodeBackup(bytes.NewReader(want))
	if err != nil {
		t.Fatalf("DecodeBackup(%s): %v", file, err)
	}
	wantB := &Backup{
		Format: BackupFormat, Version: BackupVersion, Exported: exportedAt,
		Episodes:   []Episode{fullEpisode(), minimalEpisode()},
		Sessions:   []Session{fullSession(), minimalSession()},
		Activities: []Activity{fullActivity(), minimalActivity()},
	}
	if !reflect.DeepEqual(b, wantB) {
		t.Errorf("DecodeBackup(golden):\ngot  %+v\nwant %+v", b, wantB)
	}
}

func TestEncodeBackupRefusesWhatImportRejects(t *testing.T) {
	bad := fullEpisode()
	bad.Pain[0].Score = 12
	var buf bytes.Buffer
	if err := EncodeBackup(&buf, []Episode{bad}, nil, exportedAt); err == nil || buf.Len() > 0 {
		t.Errorf("EncodeBackup(invalid episode) = %v, wrote %d bytes; want an error and nothing written", err, buf.Len())
	}
	if err := EncodeBackup(&buf, []Episode{fullEpisode(), fullEpisode()}, nil, exportedAt); err == nil {
		t.Errorf("EncodeBackup(repeated id) = nil; want an error")
	}
	// A clock put back by a week: the file is still importable.
	buf.Reset()
	if err := EncodeBackup(&buf, []Episode{fullEpisode()}, nil, t0.Add(-7*24*time.Hour)); err != nil {
		t.Fatal(err)
	}
	b, err := DecodeBackup(&buf)
	if err != nil {
		t.Fatalf("backup made with a clock put back does not import: %v", err)
	}
	if !b.Exported.Equal(fullEpisode().Updated) {
		t.Errorf("exported = %v; want the latest date in the file, %v", b.Exported, fullEpisode().Updated)
	}
}

func TestDecodeBackupErrors(t *testing.T) {
	golden := string(goldenBackup(t))
	one := `{"format":"unknot-journal","version":1,"exported":"2025-03-14T08:30:00Z","episodes":[EP],"sessions":[SE]}`
	ep := `{"id":"` + id1 + `","started":"2025-03-10T08:30:00Z","pain":[{"at":"2025-03-10T08:30:00Z","score":8}],"created":"2025-03-10T08:30:00Z","updated":"2025-03-10T08:30:00Z"}`
	se := `{"id":"` + id3 + `","routine_id":"relief","routine_name":"","started":"2025-03-11T08:30:00Z","ended":"2025-03-11T08:40:00Z","steps_done":1,"steps_total":2,"finished":false,"created":"2025-03-11T08:40:00Z","updated":"2025-03-11T08:40:00Z"}`
	file := func(eps, ses string) string {
		return strings.NewReplacer("EP", eps, "SE", ses).Replace(one)
	}
	epWith := func(old, new string) string { return file(strings.Replace(ep, old, new, 1), se) }
	seWith := func(old, new string) string { return file(ep, strings.Replace(se, old, new, 1)) }

	tests := []struct {
		name, file, path, problem string
	}{
		{"valid", file(ep, se), "", ""},
		{"golden", golden, "", ""},
		{"byte order mark", "\xef\xbb\xbf" + file(ep, se), "", ""},
		{"no sessions, no episodes", file("", ""), "", ""},
		{"ended null", epWith(`"pain"`, `"ended":null,"pain"`), "", ""},
		{"empty file", "", "", "not valid JSON at line 1, column 1: expected an object, found the end of the file"},
		{"not JSON", "id,started\n", "", "not valid JSON at line 1, column 1"},
		{"a list", "[]", "", "expected an object, found a list"},
		{"truncated", golden[:len(golden)-40], "activities[1].created", "not valid JSON at line 12, column 108: expected a closing '\"', found the end of the file"},
		{"trailing data", file(ep, se) + " x", "", "expected the end of the file"},
		{"format missing", `{"version":1}`, "format", "is missing: this is not an Unknot journal backup"},
		{"format wrong", `{"format":"other","version":1}`, "format", `"other" is not "unknot-journal"`},
		{"newer version, with fields this app does not know", `{"format":"unknot-journal","version":3,"exported":"2030-01-01T00:00:00Z","episodes":[{"mood":1}],"sessions":[],"settings":{}}`,
			"version", "this backup was made by a newer version of Unknot (file version 3; this app reads up to version 2): update the app"},
		{"version 0", strings.Replace(file(ep, se), `"version":1`, `"version":0`, 1), "version", "0 is not a valid version"},
		{"version 1.5", strings.Replace(file(ep, se), `"version":1`, `"version":1.5`, 1), "version", "1.5 is not a whole number"},
		{"version a string", strings.Replace(file(ep, se), `"version":1`, `"version":"1"`, 1), "version", "expected a whole number, found a string"},
		{"unknown top-level field", strings.Replace(file(ep, se), `"version":1`, `"version":1,"extra":[]`, 1), "extra", "is not a known field"},
		{"repeated top-level field", strings.Replace(file(ep, se), `"version":1`, `"version":1,"version":1`, 1), "version", "appears twice"},
		{"episodes missing", `{"format":"unknot-journal","version":1,"exported":"2025-03-14T08:30:00Z","sessions":[]}`, "episodes", "is missing"},
		{"episodes null", file("", "") + "", "", ""},
		{"episodes not a list", strings.Replace(file(ep, se), `"episodes":[`+ep+`]`, `"episodes":null`, 1), "episodes", "expected a list, found null"},
		{"exported missing", strings.Replace(file(ep, se), `"exported":"2025-03-14T08:30:00Z",`, ``, 1), "exported", "is missing"},
		{"exported not a date", strings.Replace(file(ep, se), `"exported":"2025-03-14T08:30:00Z"`, `"exported":"today"`, 1), "exported", `"today" is not a date`},
		{"exported in 1980", strings.Replace(file(ep, se), `"exported":"2025-03-14T08:30:00Z"`, `"exported":"1980-01-01T00:00:00Z"`, 1), "exported", "is before 1990"},
		{"started not a date", file(ep+","+strings.Replace(ep, `"started":"2025-03-10T08:30:00Z"`, `"started":"yesterday"`, 1), se), "episodes[1].started", `"yesterday" is not a date`},
		{"date without zone", epWith(`"started":"2025-03-10T08:30:00Z"`, `"started":"2025-03-10T08:30:00"`), "episodes[0].started", "is not a date"},
		{"date a number", epWith(`"started":"2025-03-10T08:30:00Z"`, `"started":1741595400`), "episodes[0].started", "expected a date (RFC 3339, like 2024-05-01T08:30:00Z), found a number"},
		{"unknown episode field", epWith(`"pain"`, `"mood":"low","pain"`), "episodes[0].mood", "is not a known field"},
		{"unknown field in a rating", epWith(`"score":8`, `"score":8,"note":"x"`), "episodes[0].pain[0].note", "is not a known field"},
		{"repeated field", epWith(`"pain"`, `"id":"`+id2+`","pain"`), "episodes[0].id", "appears twice"},
		{"score missing", epWith(`,"score":8`, ``), "episodes[0].pain[0].score", "is missing"},
		{"score null", epWith(`"score":8`, `"score":null`), "episodes[0].pain[0].score", "expected a whole number, found null"},
		{"score a string", epWith(`"score":8`, `"score":"high"`), "episodes[0].pain[0].score", "expected a whole number, found a string"},
		{"score fractional", epWith(`"score":8`, `"score":7.5`), "episodes[0].pain[0].score", "7.5 is not a whole number"},
		{"score huge", epWith(`"score":8`, `"score":99999999999999999999`), "episodes[0].pain[0].score", "is out of range"},
		{"score out of range", epWith(`"score":8`, `"score":11`), "episodes[0].pain[0].score", "11 is out of range 0 to 10"},
		{"where null", epWith(`"pain"`, `"where":null,"pain"`), "episodes[0].where", "expected a string, found null"},
		{"triggers not a list", epWith(`"pain"`, `"triggers":"lifting","pain"`), "episodes[0].triggers", "expected a list, found a string"},
		{"trigger unknown", epWith(`"pain"`, `"triggers":["lifting","stress"],"pain"`), "episodes[0].triggers[1]", `"stress" is not one of`},
		{"repeated answer", epWith(`"pain"`, `"triage":{"at":"2025-03-10T08:30:00Z","rule_set_version":"1","disposition":"soon","answers":{"fever":"no","fever":"yes"}},"pain"`), `episodes[0].triage.answers["fever"]`, "appears twice"},
		{"answer not a string", epWith(`"pain"`, `"triage":{"at":"2025-03-10T08:30:00Z","rule_set_version":"1","disposition":"soon","answers":{"pain_now":7}},"pain"`), `episodes[0].triage.answers["pain_now"]`, "expected a string, found a number"},
		{"triage disposition missing", epWith(`"pain"`, `"triage":{"at":"2025-03-10T08:30:00Z","rule_set_version":"1"},"pain"`), "episodes[0].triage.disposition", "is missing"},
		{"invalid UTF-8", epWith(`"pain"`, "\"notes\":\"a\xffb\",\"pain\""), "episodes[0].notes", "is not valid text (UTF-8)"},
		{"invalid UTF-8 with escapes", epWith(`"pain"`, "\"notes\":\"a\\nb\xff\",\"pain\""), "episodes[0].notes", "is not valid text (UTF-8)"},
		{"invalid UTF-8 escaped", epWith(`"pain"`, "\"notes\":\"a\\\xffb\",\"pain\""), "episodes[0].notes", "is not valid text (UTF-8)"},
		{"invalid UTF-8 in a field name", epWith(`"pain"`, "\"no\xfftes\":\"a\",\"pain\""), "episodes[0]", "is not valid text (UTF-8)"},
		{"text in other scripts is fine", epWith(`"pain"`, `"notes":"Rücken, dos, espalda 背中","pain"`), "", ""},
		{"control character", epWith(`"pain"`, "\"notes\":\"a\tb\",\"pain\""), "episodes[0].notes", "not valid JSON at line 1, column 174: expected a closing '\"' (control characters must be escaped), found '\\t'"},
		{"bad escape", epWith(`"pain"`, `"notes":"a\qb","pain"`), "episodes[0].notes", "is not a valid string"},
		{"escapes are fine", epWith(`"pain"`, `"notes":"tab\there \u00e9 \"q\" \ud83d\ude00","pain"`), "", ""},
		{"id not a uuid", epWith(`"id":"`+id1+`"`, `"id":"1"`), "episodes[0].id", `"1" is not a valid id`},
		{"repeated id", file(ep+","+ep, se), "episodes[1].id", `is also the id of episodes[0]`},
		{"date more than a day after exported", epWith(`"updated":"2025-03-10T08:30:00Z"`, `"updated":"2025-03-15T08:31:00Z"`), "episodes[0].updated", "more than a day after the file was exported"},
		{"date a day after exported", epWith(`"updated":"2025-03-10T08:30:00Z"`, `"updated":"2025-03-15T08:30:00Z"`), "", ""},
		{"date before 1990", epWith(`"created":"2025-03-10T08:30:00Z"`, `"created":"1989-03-10T08:30:00Z"`), "episodes[0].created", "is before 1990"},
		{"updated before created", epWith(`"updated":"2025-03-10T08:30:00Z"`, `"updated":"2025-03-10T08:29:59Z"`), "episodes[0].updated", "is before created"},
		{"session finished missing", seWith(`"finished":false,`, ``), "sessions[0].finished", "is missing"},
		{"session finished a string", seWith(`"finished":false`, `"finished":"no"`), "sessions[0].finished", "expected true or false, found a string"},
		{"session pain null", seWith(`"finished":false`, `"finished":false,"pain_before":null`), "", ""},
		{"session steps", seWith(`"steps_done":1`, `"steps_done":3`), "sessions[0].steps_done", "3 is out of range 0 to steps_total (2)"},
		{"session repeated id", file(ep, se+","+se), "sessions[1].id", "is also the id of sessions[0]"},
		{"nested too deeply", strings.Replace(file(ep, se), `"version":1`, `"version":1,"x":`+strings.Repeat("[", 100)+strings.Repeat("]", 100), 1), "x" + strings.Repeat("[0]", 65), "is nested too deeply"},
		{"too large", strings.Repeat(" ", MaxBackupBytes+1), "", "the file is larger than 20 MB"},
		{"too many episodes", file(strings.TrimSuffix(strings.Repeat("{},", MaxBackupEpisodes+1), ","), ""), "episodes", "has 50001 episodes; at most 50000 are allowed"},
	}
	for _, tt := range tests {
		b, err := DecodeBackup(strings.NewReader(tt.file))
		if tt.problem == "" {
			if err != nil || b == nil {
				t.Errorf("%s: got %v; want no error", tt.name, err)
			}
			continue
		}
		var be *BackupError
		if !errors.As(err, &be) {
			t.Errorf("%s: got %v; want a *BackupError", tt.name, err)
			continue
		}
		if b != nil {
			t.Errorf("%s: got a backup along with the error", tt.name)
		}
		if be.Path != tt.path || !strings.Contains(be.Problem, tt.problem) {
			t.Errorf("%s: got %q (path %q); want %s: …%s…", tt.name, err, be.Path, tt.path, tt.problem)
		}
	}
}

func TestBackupErrorMessage(t *testing.T) {
	_, err := DecodeBackup(strings.NewReader(`{"format":"unknot-journal","version":1,"exported":"2025-03-14T08:30:00Z","episodes":[` +
		strings.Repeat(`{"id":"`+id1+`","started":"2025-03-10T08:30:00Z","created":"2025-03-10T08:30:00Z","updated":"2025-03-10T08:30:00Z"},`, 0) +
		`{"id":"` + id1 + `","started":"yesterday","created":"2025-03-10T08:30:00Z","updated":"2025-03-10T08:30:00Z"}],"sessions":[]}`))
	want := `episodes[0].started: "yesterday" is not a date (RFC 3339, like 2024-05-01T08:30:00Z)`
	if err == nil || err.Error() != want {
		t.Errorf("got %v; want %s", err, want)
	}
}

// sameJSON reports whether a and b encode to the same JSON (times in
// different *time.Location values but the same offset compare equal).
func sameJSON(t *testing.T, a, b any) bool {
	t.Helper()
	ja, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	jb, err := json.Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Equal(ja, jb)
}
