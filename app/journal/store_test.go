package journal

import (
	"errors"
	"testing"
	"time"
)

func TestCheckBase(t *testing.T) {
	t0 := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	t1, t2 := t0.Add(time.Minute), t0.Add(2*time.Minute)
	var none time.Time
	for _, tt := range []struct {
		name                  string
		exists                bool
		stored, base, updated time.Time
		conflict, invalid     bool
	}{
		{"new record", false, none, none, t1, false, false},
		{"new record, but another tab made it", true, t0, none, t1, true, false},
		{"edit of the stored version", true, t0, t0, t1, false, false},
		{"edit of a version changed since", true, t1, t0, t2, true, false},
		{"edit of a record deleted since", false, none, t0, t1, true, false},
		{"edit not later than its base", true, t1, t1, t0, false, true},
	} {
		err := CheckBase("episode", "e1", tt.exists, tt.stored, tt.base, tt.updated)
		var fe *FieldError
		switch {
		case tt.conflict && !errors.Is(err, ErrConflict):
			t.Errorf("%s: got %v; want ErrConflict", tt.name, err)
		case tt.invalid && !errors.As(err, &fe):
			t.Errorf("%s: got %v; want a problem with updated", tt.name, err)
		case !tt.conflict && !tt.invalid && err != nil:
			t.Errorf("%s: got %v; want nil", tt.name, err)
		}
	}
}

func TestCheckImport(t *testing.T) {
	t0 := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	t1 := t0.Add(time.Minute)
	var none time.Time
	for _, tt := range []struct {
		name            string
		add, exists     bool
		stored, updated time.Time
		conflict        bool
	}{
		{"add a new record", true, false, none, t1, false},
		{"add a record added meanwhile", true, true, t0, t1, true},
		{"update an older record", false, true, t0, t1, false},
		{"update a record as new as the import's", false, true, t1, t1, true},
		{"update a record newer than the import's", false, true, t1, t0, true},
		{"update a record deleted meanwhile", false, false, none, t1, true},
	} {
		err := CheckImport("session", "s1", tt.add, tt.exists, tt.stored, tt.updated)
		if got := errors.Is(err, ErrConflict); got != tt.conflict || (!tt.conflict && err != nil) {
			t.Errorf("%s: got %v; want conflict %v", tt.name, err, tt.conflict)
		}
	}
}
