package journal

import (
	"bytes"
	"errors"
	"os"
	"testing"
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
		for i, a := range b.Activities {
			if err := a.Validate(); err != nil {
				t.Fatalf("accepted activities[%d] does not validate: %v", i, err)
			}
		}
		var first bytes.Buffer
		if err := EncodeBackup(&first, b.Episodes, b.Sessions, b.Exported, b.Activities...); err != nil {
			t.Fatalf("accepted backup does not re-encode: %v", err)
		}
		b2, err := DecodeBackup(bytes.NewReader(first.Bytes()))
		if err != nil {
			t.Fatalf("re-encoded backup does not decode: %v\n%s", err, first.Bytes())
		}
		if !b2.Exported.Equal(b.Exported) || !sameJSON(t, b2.Episodes, b.Episodes) || !sameJSON(t, b2.Sessions, b.Sessions) || !sameJSON(t, b2.Activities, b.Activities) {
			t.Fatalf("round trip changed the backup:\n%s", first.Bytes())
		}
		var second bytes.Buffer
		if err := EncodeBackup(&second, b2.Episodes, b2.Sessions, b2.Exported, b2.Activities...); err != nil || !bytes.Equal(first.Bytes(), second.Bytes()) {
			t.Fatalf("second encoding differs (%v)", err)
		}
	})
}
