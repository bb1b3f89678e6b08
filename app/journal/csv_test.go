package journal

import (
	"bytes"
	"encoding/csv"
	"os"
	"strings"
	"testing"
	"time"
)

func TestWriteCSVGolden(t *testing.T) {
	newYork, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	tricky := minimalEpisode()
	tricky.ID = id3
	tricky.Notes = "=HYPERLINK(\"http://example.com\")"
	tricky.TriggerNote = "-2 degrees outside"
	tricky.Medicines = []string{"+plus", "@at"}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, []Episode{fullEpisode(), minimalEpisode(), tricky}, newYork); err != nil {
		t.Fatal(err)
	}
	const file = "testdata/episodes.golden.csv"
	if *update {
		if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("WriteCSV differs from %s (run go test -update to accept):\n%s", file, buf.Bytes())
	}
	rows, err := csv.NewReader(bytes.NewReader(want)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0], ","); got != strings.Join(CSVColumns, ",") {
		t.Errorf("header = %s; want %s", got, strings.Join(CSVColumns, ","))
	}
	if len(rows) != 4 {
		t.Errorf("got %d rows; want a header and 3 episodes", len(rows))
	}
}

func TestCSVColumnsAreStable(t *testing.T) {
	want := "id,started,ended,first_pain,last_pain,max_pain,where,spreads,triggers,trigger_note,tried,medicines,triage_disposition,notes,created,updated"
	if got := strings.Join(CSVColumns, ","); got != want {
		t.Errorf("CSVColumns = %s; want %s (columns may only be added at the end)", got, want)
	}
}

func TestDefuse(t *testing.T) {
	tests := []struct{ cell, want string }{
		{"", ""},
		{"plain", "plain"},
		{"=1+1", "'=1+1"},
		{"+1", "'+1"},
		{"-1", "'-1"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"a=1", "a=1"},
		{"2025-03-10T08:30:00-05:00", "2025-03-10T08:30:00-05:00"},
	}
	for _, tt := range tests {
		if got := defuse(tt.cell); got != tt.want {
			t.Errorf("defuse(%q) = %q; want %q", tt.cell, got, tt.want)
		}
	}
}
