package journal

import (
	"reflect"
	"slices"
	"testing"
	"time"
)

func TestTriggerIDsMatchClinicalSpec(t *testing.T) {
	// CLINICAL.md, "trigger" under Context; the order is the spec's.
	want := []string{"lifting", "twisting_bending", "sport", "sitting_long", "sleep", "minor_fall", "none_known"}
	if !slices.Equal(TriggerIDs, want) {
		t.Errorf("TriggerIDs = %v; want %v", TriggerIDs, want)
	}
}

func TestNewEpisode(t *testing.T) {
	a, b := NewEpisode(t0), NewEpisode(t0)
	if err := a.Validate(); err != nil {
		t.Fatalf("NewEpisode(t0).Validate() = %v; want nil", err)
	}
	if a.ID == b.ID {
		t.Errorf("two NewEpisode calls gave the same id %s", a.ID)
	}
	if !a.Started.Equal(t0) || !a.Created.Equal(t0) || !a.Updated.Equal(t0) || !a.Ongoing() {
		t.Errorf("NewEpisode(t0) = %+v; want started, created and updated at t0, ongoing", a)
	}
}

func TestPainSummary(t *testing.T) {
	tests := []struct {
		name               string
		pain               []PainRating
		first, last, worst int
		ok                 bool
	}{
		{"none", nil, 0, 0, 0, false},
		{"one", []PainRating{{t0, 7}}, 7, 7, 7, true},
		{"in order", []PainRating{{at(0), 8}, {at(time.Hour), 9}, {at(2 * time.Hour), 3}}, 8, 3, 9, true},
		{"out of order", []PainRating{{at(2 * time.Hour), 3}, {at(0), 8}, {at(time.Hour), 9}}, 8, 3, 9, true},
		{"same instant: the later entry is last", []PainRating{{t0, 4}, {t0, 6}}, 4, 6, 6, true},
	}
	for _, tt := range tests {
		e := Episode{Pain: tt.pain}
		first, last, worst, ok := e.PainSummary()
		if first != tt.first || last != tt.last || worst != tt.worst || ok != tt.ok {
			t.Errorf("%s: got %d, %d, %d, %v; want %d, %d, %d, %v", tt.name, first, last, worst, ok, tt.first, tt.last, tt.worst, tt.ok)
		}
	}
}

func TestCloneIsDeep(t *testing.T) {
	e := fullEpisode()
	c := e.Clone()
	if !reflect.DeepEqual(e, c) {
		t.Fatalf("Clone() differs from the original")
	}
	c.Pain[0].Score = 0
	c.Triggers[0] = "sport"
	c.Tried[0].Effect = EffectWorse
	c.Medicines[0] = "x"
	c.Spreads[0] = "x"
	*c.Ended = time.Time{}
	c.Triage.Answers["fever"] = "yes"
	c.Triage.Reasons[0] = "x"
	if !reflect.DeepEqual(e, fullEpisode()) {
		t.Errorf("changing a clone changed the original: %+v", e)
	}
	s := fullSession()
	cs := s.Clone()
	*cs.PainBefore = 0
	if *s.PainBefore != 6 {
		t.Errorf("changing a session clone changed the original")
	}
}

func TestEpisodeFromCheck(t *testing.T) {
	at := time.Date(2026, 12, 3, 8, 30, 0, 0, time.UTC)
	rec := TriageRecord{At: at, RuleSetVersion: "v1", Disposition: "selfcare",
		Answers: map[string]string{"trigger": "lifting", "pain_now": "6", "fever": "no"}}
	ep := EpisodeFromCheck(rec)
	if !ep.Started.Equal(at) || ep.Triage == nil || ep.Triage.Disposition != "selfcare" || ep.ID == "" {
		t.Fatalf("episode %+v; want started at the check, with the check and an id", ep)
	}
	if len(ep.Triggers) != 1 || ep.Triggers[0] != "lifting" {
		t.Errorf("triggers %v; want [lifting]", ep.Triggers)
	}
	if len(ep.Pain) != 1 || ep.Pain[0].Score != 6 || !ep.Pain[0].At.Equal(at) {
		t.Errorf("pain %v; want 6 at the check's time", ep.Pain)
	}
	if err := ep.Validate(); err != nil {
		t.Errorf("not a valid episode: %v", err)
	}
	bare := EpisodeFromCheck(TriageRecord{At: at, RuleSetVersion: "v1", Disposition: "urgent", Answers: map[string]string{}})
	if len(bare.Triggers) != 0 || len(bare.Pain) != 0 {
		t.Errorf("no trigger or pain answered: %v, %v", bare.Triggers, bare.Pain)
	}
}
