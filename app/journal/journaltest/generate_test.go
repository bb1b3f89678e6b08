package journaltest

import (
	"reflect"
	"testing"
	"time"
)

func TestGenerateEpisodes(t *testing.T) {
	start := time.Date(2020, 1, 1, 9, 0, 0, 0, time.UTC)
	a, b := GenerateEpisodes(300, 7, start), GenerateEpisodes(300, 7, start)
	if !reflect.DeepEqual(a, b) {
		t.Errorf("GenerateEpisodes is not deterministic for the same seed")
	}
	if c := GenerateEpisodes(300, 8, start); reflect.DeepEqual(a, c) {
		t.Errorf("GenerateEpisodes gave the same episodes for different seeds")
	}
	ids := map[string]bool{}
	for i, e := range a {
		if err := e.Validate(); err != nil {
			t.Fatalf("episode %d: %v", i, err)
		}
		if ids[e.ID] {
			t.Fatalf("episode %d: id %s repeats", i, e.ID)
		}
		ids[e.ID] = true
	}
	if !a[0].Started.Equal(start) {
		t.Errorf("first episode started %v; want %v", a[0].Started, start)
	}
}
