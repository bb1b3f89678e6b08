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

func TestCSVFieldDefusesFormulas(t *testing.T) {
	tests := []struct{ cell, want string }{
		{"", ""},
		{"plain", "plain"},
		{"=1+1", "'=1+1"},
		{"+1", "'+1"},
		{"-1", "'-1"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "\"'\r=1\""},
		{"=1,2", "\"'=1,2\""},
		{"a=1", "a=1"},
		{"2025-03-10T08:30:00-05:00", "2025-03-10T08:30:00-05:00"},
	}
	for _, tt := range tests {
		if got := string(appendCSVField(nil, tt.cell)); got != tt.want {
			t.Errorf("appendCSVField(%q) = %q; want %q", tt.cell, got, tt.want)
		}
	}
}

// csvFieldSeeds are fields at the edges of encoding/csv's quoting rules.
var csvFieldSeeds = []string{
	"", "plain", `\.`, `'\.`, "a,b", `say "hi"`, "two\nlines", "cr\rhere", "\r\n",
	" lead", "\tlead", "\u00a0nbsp", "\u2003em space", "trail ", "=1", "=\"x\"", "-\n",
	"@", "+,", "é", "\xff\xfe", "\x85next line", ",", `"`,
}

// The fast writer must write every field exactly as encoding/csv writes it
// after the formula guard (the CSV WriteCSV wrote before it was replaced).
func TestCSVFieldMatchesEncodingCSV(t *testing.T) {
	for _, f := range csvFieldSeeds {
		checkCSVField(t, f)
	}
}

func FuzzCSVField(f *testing.F) {
	for _, s := range csvFieldSeeds {
		f.Add(s)
	}
	f.Fuzz(checkCSVField)
}

func checkCSVField(t *testing.T, field string) {
	guarded := field
	if field != "" && strings.IndexByte("=+-@\t\r", field[0]) >= 0 {
		guarded = "'" + field
	}
	var want bytes.Buffer
	w := csv.NewWriter(&want)
	if err := w.Write([]string{guarded}); err != nil {
		t.Fatal(err)
	}
	w.Flush()
	if got := string(appendCSVField(nil, field)) + "\n"; got != want.String() {
		t.Errorf("appendCSVField(%q) = %q; encoding/csv writes %q", field, got, want.String())
	}
	if got := string(appendCSVField(nil, []byte(field))) + "\n"; got != want.String() {
		t.Errorf("appendCSVField([]byte(%q)) = %q; encoding/csv writes %q", field, got, want.String())
	}
}
