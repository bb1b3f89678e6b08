package journal

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestEpisodeValidate(t *testing.T) {
	long := func(n int) string { return strings.Repeat("é", n) }
	tests := []struct {
		name    string
		change  func(e *Episode)
		path    string // "" means valid
		problem string // a part of the problem
	}{
		{"full episode", func(e *Episode) {}, "", ""},
		{"minimal episode", func(e *Episode) { *e = minimalEpisode() }, "", ""},
		{"id missing", func(e *Episode) { e.ID = "" }, "id", "is not a valid id"},
		{"id not a uuid", func(e *Episode) { e.ID = "abc" }, "id", `"abc" is not a valid id`},
		{"id in capitals", func(e *Episode) { e.ID = strings.ToUpper(id1) }, "id", "not a valid id"},
		{"id in braces", func(e *Episode) { e.ID = "{" + id1 + "}" }, "id", "not a valid id"},
		{"started missing", func(e *Episode) { e.Started = time.Time{} }, "started", "is missing"},
		{"started before 1990", func(e *Episode) { e.Started = time.Date(1989, 12, 31, 0, 0, 0, 0, time.UTC) }, "started", "1989-12-31T00:00:00Z is before 1990"},
		{"started after 9999", func(e *Episode) { e.Started = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC) }, "started", "too far in the future"},
		{"ended before started", func(e *Episode) { e.Ended = ptr(at(-time.Minute)) }, "ended", "is before started"},
		{"ended equal started", func(e *Episode) { e.Ended = ptr(t0) }, "", ""},
		{"score above 10", func(e *Episode) { e.Pain[0].Score = 11 }, "pain[0].score", "11 is out of range 0 to 10"},
		{"score below 0", func(e *Episode) { e.Pain[2].Score = -1 }, "pain[2].score", "-1 is out of range 0 to 10"},
		{"score 0 and 10", func(e *Episode) { e.Pain[0].Score, e.Pain[1].Score = 0, 10 }, "", ""},
		{"rating time missing", func(e *Episode) { e.Pain[1].At = time.Time{} }, "pain[1].at", "is missing"},
		{"200 ratings", func(e *Episode) { e.Pain = ratings(MaxPainRatings) }, "", ""},
		{"201 ratings", func(e *Episode) { e.Pain = ratings(MaxPainRatings + 1) }, "pain", "has 201 ratings; at most 200"},
		{"where unknown", func(e *Episode) { e.Where = "middle" }, "where", `"middle" is not one of centre, left, right, both`},
		{"where empty", func(e *Episode) { e.Where = "" }, "", ""},
		{"spread unknown", func(e *Episode) { e.Spreads = []string{"thigh", "foot"} }, "spreads[1]", `"foot" is not one of buttock, thigh, below_knee`},
		{"spread twice", func(e *Episode) { e.Spreads = []string{"thigh", "thigh"} }, "spreads[1]", `"thigh" is listed twice`},
		{"trigger unknown", func(e *Episode) { e.Triggers = []string{"stress"} }, "triggers[0]", `"stress" is not one of lifting`},
		{"trigger twice", func(e *Episode) { e.Triggers = []string{"sport", "sleep", "sport"} }, "triggers[2]", "listed twice"},
		{"every trigger", func(e *Episode) { e.Triggers = TriggerIDs }, "", ""},
		{"trigger note at limit", func(e *Episode) { e.TriggerNote = long(MaxTriggerNoteRunes) }, "", ""},
		{"trigger note too long", func(e *Episode) { e.TriggerNote = long(MaxTriggerNoteRunes + 1) }, "trigger_note", "is 501 characters long; at most 500"},
		{"tried unknown", func(e *Episode) { e.Tried[1].What = "yoga" }, "tried[1].what", `"yoga" is not one of heat`},
		{"tried effect unknown", func(e *Episode) { e.Tried[0].Effect = "great" }, "tried[0].effect", `"great" is not one of worse`},
		{"tried effect missing", func(e *Episode) { e.Tried[0].Effect = "" }, "tried[0].effect", "is missing (one of worse"},
		{"tried twice", func(e *Episode) { e.Tried[2].What = "heat" }, "tried[2].what", `"heat" is listed twice`},
		{"20 medicines", func(e *Episode) { e.Medicines = medicines(MaxMedicines) }, "", ""},
		{"21 medicines", func(e *Episode) { e.Medicines = medicines(MaxMedicines + 1) }, "medicines", "has 21 names; at most 20"},
		{"medicine at limit", func(e *Episode) { e.Medicines = []string{long(MaxMedicineRunes)} }, "", ""},
		{"medicine too long", func(e *Episode) { e.Medicines = []string{"a", long(MaxMedicineRunes + 1)} }, "medicines[1]", "is 61 characters long; at most 60"},
		{"medicine blank", func(e *Episode) { e.Medicines = []string{" "} }, "medicines[0]", "is empty"},
		{"medicine with a line break", func(e *Episode) { e.Medicines = []string{"a\nb"} }, "medicines[0]", "control character"},
		{"notes at limit", func(e *Episode) { e.Notes = long(MaxNoteRunes) }, "", ""},
		{"notes too long", func(e *Episode) { e.Notes = long(MaxNoteRunes + 1) }, "notes", "is 4001 characters long; at most 4000"},
		{"notes with NUL", func(e *Episode) { e.Notes = "a\x00b" }, "notes", "control character"},
		{"notes not UTF-8", func(e *Episode) { e.Notes = "a\xffb" }, "notes", "not valid text"},
		{"triage time missing", func(e *Episode) { e.Triage.At = time.Time{} }, "triage.at", "is missing"},
		{"triage rule set missing", func(e *Episode) { e.Triage.RuleSetVersion = "" }, "triage.rule_set_version", "is missing"},
		{"triage rule set too long", func(e *Episode) { e.Triage.RuleSetVersion = long(MaxRuleSetRunes + 1) }, "triage.rule_set_version", "at most 64"},
		{"triage disposition unknown", func(e *Episode) { e.Triage.Disposition = "fine" }, "triage.disposition", `"fine" is not one of emergency, urgent, soon, selfcare, incomplete`},
		{"triage answer key", func(e *Episode) { e.Triage.Answers["Bad Key"] = "no" }, `triage.answers["Bad Key"]`, "is not a question id"},
		{"triage answer too long", func(e *Episode) { e.Triage.Answers["fever"] = long(MaxAnswerValueRunes + 1) }, `triage.answers["fever"]`, "at most 64"},
		{"triage too many answers", func(e *Episode) { e.Triage.Answers = answers(MaxAnswers + 1) }, "triage.answers", "has 101 answers; at most 100"},
		{"triage 100 answers", func(e *Episode) { e.Triage.Answers = answers(MaxAnswers) }, "", ""},
		{"triage too many reasons", func(e *Episode) { e.Triage.Reasons = make([]string, MaxReasons+1) }, "triage.reasons", "has 51 reasons; at most 50"},
		{"triage reason too long", func(e *Episode) { e.Triage.Reasons = []string{long(MaxReasonRunes + 1)} }, "triage.reasons[0]", "at most 300"},
		{"created missing", func(e *Episode) { e.Created = time.Time{} }, "created", "is missing"},
		{"updated before created", func(e *Episode) { e.Updated = e.Created.Add(-time.Second) }, "updated", "is before created"},
	}
	for _, tt := range tests {
		e := fullEpisode()
		tt.change(&e)
		checkFieldError(t, tt.name, e.Validate(), tt.path, tt.problem)
	}
}

func TestSessionValidate(t *testing.T) {
	tests := []struct {
		name    string
		change  func(s *Session)
		path    string
		problem string
	}{
		{"full session", func(s *Session) {}, "", ""},
		{"minimal session", func(s *Session) { *s = minimalSession() }, "", ""},
		{"id", func(s *Session) { s.ID = "x" }, "id", "not a valid id"},
		{"routine id missing", func(s *Session) { s.RoutineID = "" }, "routine_id", "is missing"},
		{"routine id too long", func(s *Session) { s.RoutineID = strings.Repeat("a", MaxRoutineIDRunes+1) }, "routine_id", "at most 64"},
		{"routine name too long", func(s *Session) { s.RoutineName = strings.Repeat("a", MaxRoutineNameRunes+1) }, "routine_name", "at most 120"},
		{"started missing", func(s *Session) { s.Started = time.Time{} }, "started", "is missing"},
		{"ended missing", func(s *Session) { s.Ended = time.Time{} }, "ended", "is missing"},
		{"ended before started", func(s *Session) { s.Ended = s.Started.Add(-time.Second) }, "ended", "is before started"},
		{"no steps", func(s *Session) { s.StepsTotal, s.StepsDone = 0, 0 }, "steps_total", "0 is out of range 1 to 1000"},
		{"too many steps", func(s *Session) { s.StepsTotal = MaxSteps + 1 }, "steps_total", "out of range"},
		{"more done than total", func(s *Session) { s.StepsDone = 10 }, "steps_done", "10 is out of range 0 to steps_total (9)"},
		{"negative done", func(s *Session) { s.StepsDone = -1 }, "steps_done", "out of range"},
		{"pain before", func(s *Session) { s.PainBefore = ptr(11) }, "pain_before", "11 is out of range 0 to 10"},
		{"pain after", func(s *Session) { s.PainAfter = ptr(-1) }, "pain_after", "-1 is out of range 0 to 10"},
		{"updated before created", func(s *Session) { s.Updated = s.Created.Add(-time.Nanosecond) }, "updated", "is before created"},
	}
	for _, tt := range tests {
		s := fullSession()
		tt.change(&s)
		checkFieldError(t, tt.name, s.Validate(), tt.path, tt.problem)
	}
}

func checkFieldError(t *testing.T, name string, err error, path, problem string) {
	t.Helper()
	if path == "" {
		if err != nil {
			t.Errorf("%s: got %v; want no error", name, err)
		}
		return
	}
	var fe *FieldError
	if !errors.As(err, &fe) {
		t.Errorf("%s: got %v; want a *FieldError at %s", name, err, path)
		return
	}
	if fe.Path != path || !strings.Contains(fe.Problem, problem) {
		t.Errorf("%s: got %q; want %s: …%s…", name, err, path, problem)
	}
}

func ratings(n int) []PainRating {
	out := make([]PainRating, n)
	for i := range out {
		out[i] = PainRating{At: at(time.Duration(i) * time.Minute), Score: i % 11}
	}
	return out
}

func medicines(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = "medicine " + string(rune('a'+i))
	}
	return out
}

func answers(n int) map[string]string {
	out := make(map[string]string, n)
	for i := range n {
		out[fmt.Sprintf("q%d", i)] = "no"
	}
	return out
}
