package journal

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

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
