package journal_test

// Tests and benchmarks over generated journals (journaltest), which cannot
// be in package journal: journaltest imports it.

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	. "unknot/app/journal"
	"unknot/app/journal/journaltest"
)

func TestBackupRoundTrip(t *testing.T) {
	zone := time.FixedZone("", -5*3600-30*60)
	eps := journaltest.GenerateEpisodes(200, 3, time.Date(2019, 6, 1, 7, 15, 0, 123456789, zone))
	eps = append(eps, FullEpisode(), MinimalEpisode())
	sessions := []Session{FullSession(), MinimalSession()}
	now := ExportedAt
	var buf bytes.Buffer
	if err := EncodeBackup(&buf, eps, sessions, now); err != nil {
		t.Fatal(err)
	}
	b, err := DecodeBackup(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !b.Exported.Equal(now) || len(b.Episodes) != len(eps) || len(b.Sessions) != 2 {
		t.Fatalf("got exported %v, %d episodes, %d sessions", b.Exported, len(b.Episodes), len(b.Sessions))
	}
	for i := range eps {
		if !SameJSON(t, b.Episodes[i], eps[i]) {
			t.Errorf("episode %d changed in the round trip:\ngot  %+v\nwant %+v", i, b.Episodes[i], eps[i])
		}
		if !b.Episodes[i].Started.Equal(eps[i].Started) {
			t.Errorf("episode %d: started %v; want %v", i, b.Episodes[i].Started, eps[i].Started)
		}
	}
	if !reflect.DeepEqual(b.Sessions, sessions) {
		t.Errorf("sessions changed in the round trip")
	}
}

// The browser store keeps each record as json.Marshal writes it and reads
// it back with DecodeEpisode/DecodeSession: every record must survive.
func TestDecodeRecordRoundTrip(t *testing.T) {
	zone := time.FixedZone("", 9*3600+30*60)
	eps := append(journaltest.GenerateEpisodes(300, 7, time.Date(2018, 2, 3, 4, 5, 6, 789, zone)), FullEpisode(), MinimalEpisode())
	for i, want := range eps {
		raw, err := json.Marshal(want)
		if err != nil {
			t.Fatal(err)
		}
		got, err := DecodeEpisode(raw)
		if err != nil {
			t.Fatalf("episode %d: %v\n%s", i, err, raw)
		}
		if !SameJSON(t, got, want) || !got.Started.Equal(want.Started) {
			t.Errorf("episode %d changed:\ngot  %+v\nwant %+v", i, got, want)
		}
	}
	for _, want := range []Session{FullSession(), MinimalSession()} {
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

// The browser store keeps a month's episodes as one JSON list of the texts
// json.Marshal writes; AppendEpisodes must give every episode back, in
// order, after those already in dst.
func TestAppendEpisodesRoundTrip(t *testing.T) {
	before := []Episode{FullEpisode()}
	zone := time.FixedZone("", -3*3600)
	for _, want := range [][]Episode{
		nil,
		{MinimalEpisode()},
		append(journaltest.GenerateEpisodes(120, 3, time.Date(2024, 1, 30, 23, 0, 0, 0, zone)), FullEpisode(), MinimalEpisode()),
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
			if !SameJSON(t, got[i], want[i]) || !got[i].Started.Equal(want[i].Started) {
				t.Errorf("episode %d changed:\ngot  %+v\nwant %+v", i, got[i], want[i])
			}
		}
	}
}

var benchStart = time.Date(2000, 1, 1, 8, 0, 0, 0, time.UTC)

func benchBackup(b *testing.B, n int) ([]Episode, []byte) {
	b.Helper()
	eps := journaltest.GenerateEpisodes(n, 1, benchStart)
	var buf bytes.Buffer
	if err := EncodeBackup(&buf, eps, nil, eps[n-1].Updated); err != nil {
		b.Fatal(err)
	}
	return eps, buf.Bytes()
}

func BenchmarkDecodeBackup5000(b *testing.B) {
	_, data := benchBackup(b, 5000)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := DecodeBackup(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncodeBackup5000(b *testing.B) {
	eps, _ := benchBackup(b, 5000)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := EncodeBackup(&buf, eps, nil, eps[len(eps)-1].Updated); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPlanImport5000(b *testing.B) {
	eps, data := benchBackup(b, 5000)
	backup, err := DecodeBackup(bytes.NewReader(data))
	if err != nil {
		b.Fatal(err)
	}
	existing := eps[:2500] // half already here
	for b.Loop() {
		PlanImport(existing, nil, backup)
	}
}

func BenchmarkWriteCSV5000(b *testing.B) {
	eps := journaltest.GenerateEpisodes(5000, 1, benchStart)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := WriteCSV(&buf, eps, time.UTC); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMemoryApply5000(b *testing.B) {
	eps := journaltest.GenerateEpisodes(5000, 1, benchStart)
	p := PlanImport(nil, nil, &Backup{Episodes: eps})
	for b.Loop() {
		var m Memory
		if err := m.Apply(b.Context(), p); err != nil {
			b.Fatal(err)
		}
	}
}
