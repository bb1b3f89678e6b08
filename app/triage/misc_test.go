package triage

import (
	"reflect"
	"strings"
	"testing"
)

func TestDispositionUrgency(t *testing.T) {
	order := Dispositions()
	want := []Disposition{Emergency, Urgent, Incomplete, Soon, SelfCare}
	if !reflect.DeepEqual(order, want) {
		t.Fatalf("Dispositions() = %v; want %v", order, want)
	}
	for i := 0; i+1 < len(order); i++ {
		if !order[i].MoreUrgentThan(order[i+1]) {
			t.Errorf("%s is not more urgent than %s", order[i], order[i+1])
		}
	}
	if SelfCare != "selfcare" {
		t.Errorf("SelfCare = %q; want selfcare (a persisted value)", SelfCare)
	}
	if Disposition("maybe").Valid() || Disposition("").Valid() {
		t.Error("an unknown disposition is valid")
	}
}

func TestTextKeys(t *testing.T) {
	rs := realRuleSet(t)
	keys := make(map[string]string)
	for _, tk := range rs.TextKeys() {
		if !strings.HasPrefix(tk.Key, "triage.") || tk.Path == "" {
			t.Errorf("text key %+v", tk)
		}
		keys[tk.Key] = tk.Path
	}
	for _, want := range []string{
		"triage.q.saddle_numbness", "triage.q.saddle_numbness.help", "triage.q.saddle_numbness.reason",
		"triage.opt.duration.over_6_weeks", "triage.q.pain_now.min", "triage.q.pain_now.max",
		"triage.answer.unsure", "triage.tier.selfcare.title", "triage.tier.incomplete.when",
		"triage.group.same_day.intro", "triage.plan.heat", "triage.worse.numbness",
		"triage.worse.emergency.title", "triage.advice.midwife", "triage.call",
	} {
		if _, ok := keys[want]; !ok {
			t.Errorf("TextKeys lacks %s", want)
		}
	}
	if p := keys["triage.opt.course.worse"]; p != "questions[23].options[2]" {
		t.Errorf("path of triage.opt.course.worse = %q; want questions[23].options[2]", p)
	}
	if _, ok := keys["triage.opt.fever.yes"]; ok {
		t.Error("yes/no questions use the shared triage.answer keys")
	}
}

func TestQuestionOptionKey(t *testing.T) {
	rs := realRuleSet(t)
	fever, _ := rs.Question("fever")
	course, _ := rs.Question("course")
	pain, _ := rs.Question("pain_now")
	for _, tt := range []struct{ got, want string }{
		{fever.OptionKey(Unsure), "triage.answer.unsure"},
		{course.OptionKey("worse"), "triage.opt.course.worse"},
		{pain.OptionKey("7"), ""},
		{fever.ReasonKey(), "triage.q.fever.reason"},
	} {
		if tt.got != tt.want {
			t.Errorf("got %q; want %q", tt.got, tt.want)
		}
	}
}

func TestContract(t *testing.T) {
	if len(contract) != 30 || contract[0].ID != "saddle_numbness" || contract[len(contract)-1].ID != "pain_now" {
		t.Errorf("the contract has %d questions from %s to %s; want CLINICAL.md's 30, from saddle_numbness to pain_now",
			len(contract), contract[0].ID, contract[len(contract)-1].ID)
	}
}

func TestRequired(t *testing.T) {
	rs := realRuleSet(t)
	for _, tt := range []struct {
		id   QuestionID
		want bool
	}{
		{"saddle_numbness", true}, // every warning sign
		{"pregnancy_warning", true},
		{"duration", true}, // read by a soon rule
		{"inflammatory", true},
		{"trigger", false}, // recorded, no rule reads it
		{"pain_now", false},
		{"pregnant", false},
		{"no_such_question", false},
	} {
		if got := rs.Required(tt.id); got != tt.want {
			t.Errorf("Required(%s) = %v; want %v", tt.id, got, tt.want)
		}
	}
}
