package journal

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

// The browser store keeps each record as json.Marshal writes it and reads
// it back with DecodeEpisode/DecodeSession: every record must survive.
func TestDecodeRecordRoundTrip(t *testing.T) {
	zone := time.FixedZone("", 9*3600+30*60)
	eps := append(GenerateEpisodes(300, 7, time.Date(2018, 2, 3, 4, 5, 6, 789, zone)), fullEpisode(), minimalEpisode())
	for i, want := range eps {
		raw, err := json.Marshal(want)
		if err != nil {
			t.Fatal(err)
		}
		got, err := DecodeEpisode(raw)
		if err != nil {
			t.Fatalf("episode %d: %v\n%s", i, err, raw)
		}
		if !sameJSON(t, got, want) || !got.Started.Equal(want.Started) {
			t.Errorf("episode %d changed:\ngot  %+v\nwant %+v", i, got, want)
		}
	}
	for _, want := range []Session{fullSession(), minimalSession()} {
		raw, err := json.Marshal(want)
		if err != nil {
			t.Fatal(err)
		}
		got, err := DecodeSession(raw)
		if err != nil {
			t.Fatalf("session %s: %v", want.ID, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("session changed:\ngot  %+v\nwant %+v", got, want)
		}
	}
}

func TestDecodeRecordErrors(t *testing.T) {
	good, err := json.Marshal(minimalEpisode())
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, data, path string
	}{
		{"trailing data", string(good) + ` {}`, ""},
		{"not an object", `[]`, ""},
		{"unknown field", `{"id":"` + id1 + `","started":"2025-03-10T08:30:00Z","created":"2025-03-10T08:30:00Z","updated":"2025-03-10T08:30:00Z","colour":"red"}`, "colour"},
		{"missing id", `{"started":"2025-03-10T08:30:00Z","created":"2025-03-10T08:30:00Z","updated":"2025-03-10T08:30:00Z"}`, "id"},
		{"wrong type", `{"id":7,"started":"2025-03-10T08:30:00Z","created":"2025-03-10T08:30:00Z","updated":"2025-03-10T08:30:00Z"}`, "id"},
		{"cut short", string(good[:len(good)-3]), "updated"},
	} {
		_, err := DecodeEpisode([]byte(tc.data))
		checkBackupError(t, tc.name, err, tc.path)
	}
	if _, err := DecodeSession([]byte(`{}`)); err == nil {
		t.Error("an empty session was accepted")
	}
}

// The browser store keeps a month's episodes as one JSON list of the texts
// json.Marshal writes; AppendEpisodes must give every episode back, in
// order, after those already in dst.
func TestAppendEpisodesRoundTrip(t *testing.T) {
	before := []Episode{fullEpisode()}
	zone := time.FixedZone("", -3*3600)
	for _, want := range [][]Episode{
		nil,
		{minimalEpisode()},
		append(GenerateEpisodes(120, 3, time.Date(2024, 1, 30, 23, 0, 0, 0, zone)), fullEpisode(), minimalEpisode()),
	} {
		texts := make([]string, len(want))
		for i, e := range want {
			raw, err := json.Marshal(e)
			if err != nil {
				t.Fatal(err)
			}
			texts[i] = string(raw)
		}
		list := "[" + strings.Join(texts, ",") + "]"
		data := []byte(list)
		got, err := AppendEpisodes(before, data)
		if err != nil {
			t.Fatalf("%d episodes: %v", len(want), err)
		}
		clear(data) // the caller may reuse it
		if len(got) != len(before)+len(want) || got[0].ID != before[0].ID {
			t.Fatalf("got %d episodes; want the one before and %d", len(got), len(want))
		}
		got = got[len(before):]
		for i := range want {
			if !sameJSON(t, got[i], want[i]) || !got[i].Started.Equal(want[i].Started) {
				t.Errorf("episode %d changed:\ngot  %+v\nwant %+v", i, got[i], want[i])
			}
		}
	}
}

func TestAppendEpisodesErrors(t *testing.T) {
	before := make([]Episode, 1, 10)
	good, err := json.Marshal(minimalEpisode())
	if err != nil {
		t.Fatal(err)
	}
	g := string(good)
	for _, tc := range []struct {
		name, data, path string
	}{
		{"not a list", g, ""},
		{"empty text", ``, ""},
		{"trailing data", `[` + g + `] []`, ""},
		{"missing comma", `[` + g + g + `]`, ""},
		{"trailing comma", `[` + g + `,]`, "[1]"},
		{"null element", `[` + g + `,null]`, "[1]"},
		{"unknown field in the second", `[` + g + `,` + strings.Replace(g, `{`, `{"colour":"red",`, 1) + `]`, "[1].colour"},
		{"missing updated in the third", `[` + g + `,` + g + `,{"id":"` + id2 + `","started":"2025-03-10T08:30:00Z","created":"2025-03-10T08:30:00Z"}]`, "[2].updated"},
		{"bad date", `[{"id":"` + id2 + `","started":"yesterday","created":"2025-03-10T08:30:00Z","updated":"2025-03-10T08:30:00Z"}]`, "[0].started"},
		{"cut short", `[` + g, ""},
	} {
		got, err := AppendEpisodes(before, []byte(tc.data))
		checkBackupError(t, tc.name, err, tc.path)
		if len(got) != len(before) {
			t.Errorf("%s: %d episodes returned with the error; want dst as it was", tc.name, len(got))
		}
	}
}

// checkBackupError reports unless err is a *BackupError naming path.
func checkBackupError(t *testing.T, name string, err error, path string) {
	t.Helper()
	be, ok := errors.AsType[*BackupError](err)
	switch {
	case !ok:
		t.Errorf("%s: error %v; want a *BackupError", name, err)
	case be.Path != path:
		t.Errorf("%s: path %q; want %q (%v)", name, be.Path, path, err)
	}
}
