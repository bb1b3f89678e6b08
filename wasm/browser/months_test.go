package browser

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"unknot/app/journal"
	"unknot/app/journal/journaltest"
)

func TestMonthKey(t *testing.T) {
	tokyo := time.FixedZone("JST", 9*3600)
	for _, tt := range []struct {
		at   time.Time
		want string
	}{
		{time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), "2025-01"},
		{time.Date(2025, 12, 31, 23, 59, 59, 0, time.UTC), "2025-12"},
		// The month of the start in UTC, not in the person's zone.
		{time.Date(2025, 3, 1, 5, 0, 0, 0, tokyo), "2025-02"},
		{time.Date(2024, 2, 29, 12, 0, 0, 0, time.UTC), "2024-02"},
	} {
		if got := monthName(monthKey(tt.at)); got != tt.want {
			t.Errorf("monthName(monthKey(%v)) = %s; want %s", tt.at, got, tt.want)
		}
	}
	// Keys sort as the months do.
	jan, dec := monthKey(time.Date(2025, 1, 15, 0, 0, 0, 0, time.UTC)), monthKey(time.Date(2024, 12, 15, 0, 0, 0, 0, time.UTC))
	if jan != dec+1 {
		t.Errorf("January 2025 is %d, December 2024 %d; want consecutive keys", jan, dec)
	}
	if unreadableMonth >= monthKey(time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Error("the unreadable month does not sort before every real month")
	}
}

// A month record keeps each episode's text byte for byte: what is read is
// written back unchanged, and an episode moves in and out whole.
func TestMonthRecord(t *testing.T) {
	eps := journaltest.GenerateEpisodes(3, 5, time.Date(2025, 5, 2, 8, 0, 0, 0, time.UTC))
	texts := make([]string, len(eps))
	for i, e := range eps {
		b, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		texts[i] = string(b)
	}
	stored := "[" + strings.Join(texts[:2], ",") + "]"
	m, err := decodeMonth(7, stored)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.episodes) != 2 || m.episodes[1].ID != eps[1].ID {
		t.Fatalf("decoded %d episodes; want the two stored", len(m.episodes))
	}
	if got := m.text(); got != stored {
		t.Errorf("the record changed in a round trip:\ngot  %s\nwant %s", got, stored)
	}
	m.add(eps[2], []byte(texts[2]))
	if e, ok := m.remove(eps[0].ID); !ok || e.ID != eps[0].ID {
		t.Errorf("remove(%s) = %v, %v", eps[0].ID, e.ID, ok)
	}
	if _, ok := m.remove(eps[0].ID); ok {
		t.Error("an episode was removed twice")
	}
	if got, want := m.text(), "["+texts[1]+","+texts[2]+"]"; got != want {
		t.Errorf("after moving episodes: %s; want %s", got, want)
	}
	empty, err := decodeMonth(8, "")
	if err != nil || len(empty.episodes) != 0 || empty.text() != "[]" {
		t.Errorf("a month with no record: %+v, %v", empty, err)
	}
}

// A damaged record is a storage error naming the month and the episode.
func TestMonthRecordDamaged(t *testing.T) {
	key := monthKey(time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC))
	for _, text := range []string{`not json`, `[{"id":"x"}]`} {
		_, err := decodeMonth(key, text)
		var se *journal.StorageError
		if !errors.As(err, &se) || !strings.Contains(err.Error(), "2025-04") {
			t.Errorf("decodeMonth(%q) = %v; want a storage error naming 2025-04", text, err)
		}
	}
	if _, err := decodeMonth(key, `[{"id":"x"}]`); !strings.Contains(err.Error(), "[0]") {
		t.Errorf("the error does not say which episode: %v", err)
	}
}
