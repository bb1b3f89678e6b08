package journal

import (
	"bytes"
	"errors"
	"os"
	"testing"
	"time"
)

// FuzzDecodeBackup: DecodeBackup never panics, rejects with a *BackupError,
// and what it accepts is valid and survives encode → decode unchanged.
func FuzzDecodeBackup(f *testing.F) {
	golden, err := os.ReadFile("testdata/backup.golden.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(golden)
	f.Add([]byte(`{"format":"unknot-journal","version":1,"exported":"2025-03-14T08:30:00Z","episodes":[],"sessions":[]}`))
	f.Add([]byte(`{"format":"unknot-journal","version":2,"exported":"2025-03-14T08:30:00Z","episodes":[{"x":1}],"sessions":[]}`))
	f.Add([]byte(`{"format":"unknot-journal","version":1,"exported":"2025-03-14T08:30:00+05:45","episodes":[{"id":"` + id1 +
		`","started":"2025-03-10T08:30:00.123456789-03:00","ended":null,"notes":"\u00e9\n\"","created":"2025-03-10T08:30:00Z","updated":"2025-03-10T08:30:00Z"}],"sessions":[]}`))
	f.Add([]byte(`[1, 2.5e10, -0, true, false, null, "x", {"a": {}}]`))
	f.Add([]byte("\xef\xbb\xbf{}"))
	f.Add([]byte(`{"format":"unknot-journal","version":1,"version":1}`))
	f.Add([]byte(``))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := DecodeBackup(bytes.NewReader(data))
		if err != nil {
			var be *BackupError
			if !errors.As(err, &be) {
				t.Fatalf("error is not a *BackupError: %v", err)
			}
			if b != nil {
				t.Fatalf("got a backup along with the error %v", err)
			}
			return
		}
		for i, e := range b.Episodes {
			if err := e.Validate(); err != nil {
				t.Fatalf("accepted episodes[%d] does not validate: %v", i, err)
			}
		}
		for i, s := range b.Sessions {
			if err := s.Validate(); err != nil {
				t.Fatalf("accepted sessions[%d] does not validate: %v", i, err)
			}
		}
		var first bytes.Buffer
		if err := EncodeBackup(&first, b.Episodes, b.Sessions, b.Exported); err != nil {
			t.Fatalf("accepted backup does not re-encode: %v", err)
		}
		b2, err := DecodeBackup(bytes.NewReader(first.Bytes()))
		if err != nil {
			t.Fatalf("re-encoded backup does not decode: %v\n%s", err, first.Bytes())
		}
		if !b2.Exported.Equal(b.Exported) || !sameJSON(t, b2.Episodes, b.Episodes) || !sameJSON(t, b2.Sessions, b.Sessions) {
			t.Fatalf("round trip changed the backup:\n%s", first.Bytes())
		}
		var second bytes.Buffer
		if err := EncodeBackup(&second, b2.Episodes, b2.Sessions, b2.Exported); err != nil || !bytes.Equal(first.Bytes(), second.Bytes()) {
			t.Fatalf("second encoding differs (%v)", err)
		}
	})
}

var benchStart = time.Date(2000, 1, 1, 8, 0, 0, 0, time.UTC)

func benchBackup(b *testing.B, n int) ([]Episode, []byte) {
	b.Helper()
	eps := GenerateEpisodes(n, 1, benchStart)
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
	eps := GenerateEpisodes(5000, 1, benchStart)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := WriteCSV(&buf, eps, time.UTC); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMemoryApply5000(b *testing.B) {
	eps := GenerateEpisodes(5000, 1, benchStart)
	p := PlanImport(nil, nil, &Backup{Episodes: eps})
	for b.Loop() {
		var m Memory
		if err := m.Apply(b.Context(), p); err != nil {
			b.Fatal(err)
		}
	}
}
