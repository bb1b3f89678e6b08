package triage

import (
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
)

// mutated returns data/triage.json after change has edited its generic form.
func mutated(t *testing.T, change func(f map[string]any)) []byte {
	t.Helper()
	b, err := os.ReadFile("../../data/triage.json")
	if err != nil {
		t.Fatal(err)
	}
	var f map[string]any
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	change(f)
	out, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func list(f map[string]any, key string) []any { return f[key].([]any) }
func obj(v any) map[string]any                { return v.(map[string]any) }

// find returns the element of f[key] with the given id.
func find(f map[string]any, key, id string) map[string]any {
	for _, e := range list(f, key) {
		if obj(e)["id"] == id {
			return obj(e)
		}
	}
	panic("no " + key + " " + id)
}

func removeID(f map[string]any, key, id string) {
	var kept []any
	for _, e := range list(f, key) {
		if obj(e)["id"] != id {
			kept = append(kept, e)
		}
	}
	f[key] = kept
}

func TestDecodeRuleSetRealData(t *testing.T) {
	rs := realRuleSet(t)
	if rs.Version == "" {
		t.Error("no version")
	}
	if got, want := len(rs.Questions()), len(contract); got < want {
		t.Errorf("%d questions; want at least %d", got, want)
	}
	var groups []Group
	for _, q := range rs.Questions() {
		if len(groups) == 0 || groups[len(groups)-1] != q.Group {
			groups = append(groups, q.Group)
		}
	}
	if !reflect.DeepEqual(groups, Groups()) {
		t.Errorf("question groups in order %v; want %v", groups, Groups())
	}
	for _, r := range rs.Rules() {
		if r.Source == "" {
			t.Errorf("rule %s has no source", r.ID)
		}
	}
	q, ok := rs.Question("pain_now")
	if !ok || q.Kind != KindScale || len(q.Options) != 11 || q.Options[0] != "0" || q.Options[10] != "10" {
		t.Errorf("pain_now = %+v, %v; want a scale 0 to 10", q, ok)
	}
	if _, ok := rs.Question("fevr"); ok {
		t.Error(`Question("fevr") found`)
	}
	if got := len(rs.QuestionsIn(GroupEmergency)); got != 9 {
		t.Errorf("%d emergency questions; want 9", got)
	}
	if got := len(rs.QuestionsIn(GroupSameDay)); got != 11 {
		t.Errorf("%d same-day questions; want 11", got)
	}
	if len(rs.SelfCarePlan()) == 0 || len(rs.Worsening()) == 0 {
		t.Error("no self-care plan or worsening advice")
	}
	if r, ok := rs.Rule("urgent_pregnancy_warning"); !ok || r.Advice == "" {
		t.Errorf("pregnancy rule %+v has no advice", r)
	}
}

func TestAccessorsReturnCopies(t *testing.T) {
	rs := realRuleSet(t)
	qs := rs.Questions()
	qs[0].Options[0] = "changed"
	rules := rs.Rules()
	rules[0].When[0].In[0] = "changed"
	if q, _ := rs.Question(qs[0].ID); q.Options[0] == "changed" {
		t.Error("Questions shares its options with the rule set")
	}
	if r, _ := rs.Rule(rules[0].ID); r.When[0].In[0] == "changed" {
		t.Error("Rules shares its conditions with the rule set")
	}
}

func TestDecodeRuleSetRejects(t *testing.T) {
	cond := func(f map[string]any, rule string, i int) map[string]any {
		return obj(find(f, "rules", rule)["when"].([]any)[i])
	}
	tests := []struct {
		name   string
		data   func(t *testing.T) []byte
		path   string // the error's path
		phrase string // part of its problem
	}{
		{"not JSON", func(*testing.T) []byte { return []byte("{") }, "", "unexpected end of JSON"},
		{"empty", func(*testing.T) []byte { return nil }, "", "no JSON value"},
		{"syntax error", func(*testing.T) []byte { return []byte(`{"version" 1}`) }, "", "after object key (at byte"},
		{"trailing data", func(t *testing.T) []byte { return append(mutated(t, func(map[string]any) {}), "{}"...) }, "", "after the value"},
		{"top-level array", func(*testing.T) []byte { return []byte("[]") }, "", "want an object"},
		{"unknown top-level field", func(t *testing.T) []byte { return mutated(t, func(f map[string]any) { f["extra"] = 1 }) }, "", `unknown field "extra"`},
		{"no version", func(t *testing.T) []byte { return mutated(t, func(f map[string]any) { delete(f, "version") }) }, "version", "missing"},
		{"no questions", func(t *testing.T) []byte { return mutated(t, func(f map[string]any) { delete(f, "questions") }) }, "questions", "missing"},
		{"unknown question field", func(t *testing.T) []byte {
			return mutated(t, func(f map[string]any) { obj(list(f, "questions")[3])["colour"] = "red" })
		}, "questions[3]", `unknown field "colour"`},
		{"question id a number", func(t *testing.T) []byte {
			return mutated(t, func(f map[string]any) { obj(list(f, "questions")[2])["id"] = 7 })
		}, "questions[2].id", "got a JSON number, want a string"},
		{"duplicate question", func(t *testing.T) []byte {
			return mutated(t, func(f map[string]any) { obj(list(f, "questions")[1])["id"] = "saddle_numbness" })
		}, "questions[1].id", `duplicate question "saddle_numbness"`},
		{"bad question id", func(t *testing.T) []byte {
			return mutated(t, func(f map[string]any) { obj(list(f, "questions")[1])["id"] = "Bladder Change" })
		}, "questions[1].id", "not a lower-case name"},
		{"unknown group", func(t *testing.T) []byte {
			return mutated(t, func(f map[string]any) { obj(list(f, "questions")[0])["group"] = "later" })
		}, "questions[0].group", `unknown group "later"`},
		{"groups out of order", func(t *testing.T) []byte {
			return mutated(t, func(f map[string]any) { obj(list(f, "questions")[0])["group"] = "same_day" })
		}, "questions[1].group", "emergency question after same_day"},
		{"unknown kind", func(t *testing.T) []byte {
			return mutated(t, func(f map[string]any) { obj(list(f, "questions")[0])["kind"] = "maybe" })
		}, "questions[0].kind", `unknown kind "maybe"`},
		{"warning sign without unsure", func(t *testing.T) []byte {
			return mutated(t, func(f map[string]any) { obj(list(f, "questions")[0])["kind"] = "yes_no" })
		}, "questions[0].kind", "must be yes_no_unsure"},
		{"options on a yes/no question", func(t *testing.T) []byte {
			return mutated(t, func(f map[string]any) { obj(list(f, "questions")[0])["options"] = []string{"yes", "no"} })
		}, "questions[0].options", "only kind choice"},
		{"duplicate option", func(t *testing.T) []byte {
			return mutated(t, func(f map[string]any) {
				find(f, "questions", "course")["options"] = []string{"better", "same", "better"}
			})
		}, "questions[23].options[2]", `duplicate option "better"`},
		{"scale without max", func(t *testing.T) []byte {
			return mutated(t, func(f map[string]any) { delete(find(f, "questions", "pain_now"), "max") })
		}, "questions[29]", "needs min and max"},
		{"min on a choice", func(t *testing.T) []byte {
			return mutated(t, func(f map[string]any) { find(f, "questions", "course")["min"] = 0 })
		}, "questions[23]", "only for kind scale"},
		{"missing CLINICAL question", func(t *testing.T) []byte {
			return mutated(t, func(f map[string]any) {
				removeID(f, "questions", "night_pain")
				removeID(f, "rules", "urgent_night_pain")
			})
		}, "questions", `missing question "night_pain" required by CLINICAL.md`},
		{"CLINICAL question regrouped", func(t *testing.T) []byte {
			return mutated(t, func(f map[string]any) {
				qs := list(f, "questions")
				obj(qs[9])["group"] = "emergency" // fever, the first same-day question
			})
		}, "questions", `question "fever" is emergency/yes_no_unsure; CLINICAL.md requires same_day/yes_no_unsure`},
		{"CLINICAL options changed", func(t *testing.T) []byte {
			return mutated(t, func(f map[string]any) {
				find(f, "questions", "course")["options"] = []string{"better", "same", "worse", "gone"}
			})
		}, "questions", `question "course" has options better, same, worse, gone`},
		{"CLINICAL scale changed", func(t *testing.T) []byte {
			return mutated(t, func(f map[string]any) { find(f, "questions", "pain_now")["max"] = 5 })
		}, "questions", "scale 0 to 5"},
		{"unknown rule field", func(t *testing.T) []byte {
			return mutated(t, func(f map[string]any) { obj(list(f, "rules")[4])["why"] = "x" })
		}, "rules[4]", `unknown field "why"`},
		{"unknown condition field", func(t *testing.T) []byte {
			return mutated(t, func(f map[string]any) { cond(f, "urgent_fever", 0)["not"] = true })
		}, "rules[9].when[0]", `unknown field "not"`},
		{"dangling question", func(t *testing.T) []byte {
			return mutated(t, func(f map[string]any) { cond(f, "urgent_fever", 0)["question"] = "fevr" })
		}, "rules[9].when[0].question", `unknown question "fevr"`},
		{"value no option allows", func(t *testing.T) []byte {
			return mutated(t, func(f map[string]any) { cond(f, "soon_over_6_weeks", 0)["in"] = []string{"over_6_weeks", "forever"} })
		}, "rules[20].when[0].in[1]", `"forever" is not an option of duration`},
		{"empty values", func(t *testing.T) []byte {
			return mutated(t, func(f map[string]any) { cond(f, "soon_unable", 0)["in"] = []string{} })
		}, "rules[24].when[0].in", "could never fire"},
		{"same question twice", func(t *testing.T) []byte {
			return mutated(t, func(f map[string]any) {
				r := find(f, "rules", "soon_days_worse")
				r["when"] = append(r["when"].([]any), map[string]any{"question": "duration", "in": []string{"under_2_days"}})
			})
		}, "rules[22].when[2].question", "already tested by when[0]"},
		{"no conditions", func(t *testing.T) []byte {
			return mutated(t, func(f map[string]any) { find(f, "rules", "soon_unable")["when"] = []any{} })
		}, "rules[24].when", "would always fire"},
		{"yes without unsure", func(t *testing.T) []byte {
			return mutated(t, func(f map[string]any) { cond(f, "urgent_fever", 0)["in"] = []string{"yes"} })
		}, "rules[9].when[0].in", "unsure counts as yes"},
		{"duplicate rule id", func(t *testing.T) []byte {
			return mutated(t, func(f map[string]any) { obj(list(f, "rules")[1])["id"] = "emergency_saddle_numbness" })
		}, "rules[1].id", `duplicate rule "emergency_saddle_numbness"`},
		{"rule tier selfcare", func(t *testing.T) []byte {
			return mutated(t, func(f map[string]any) { find(f, "rules", "soon_unable")["tier"] = "selfcare" })
		}, "rules[24].tier", "not a rule tier"},
		{"rule without source", func(t *testing.T) []byte {
			return mutated(t, func(f map[string]any) { delete(find(f, "rules", "soon_unable"), "source") })
		}, "rules[24].source", "missing"},
		{"advice not a text key", func(t *testing.T) []byte {
			return mutated(t, func(f map[string]any) { find(f, "rules", "urgent_pregnancy_warning")["advice"] = "Call the midwife" })
		}, "rules[19].advice", "not a triage text key"},
		{"warning sign rule removed", func(t *testing.T) []byte {
			return mutated(t, func(f map[string]any) { removeID(f, "rules", "emergency_chest_pain") })
		}, "rules", "no rule gives emergency when chest_pain is yes or unsure on its own"},
		{"warning sign rule downgraded", func(t *testing.T) []byte {
			return mutated(t, func(f map[string]any) { find(f, "rules", "emergency_serious_accident")["tier"] = "urgent" })
		}, "rules", "no rule gives emergency when serious_accident"},
		{"warning sign rule needs a second answer", func(t *testing.T) []byte {
			return mutated(t, func(f map[string]any) {
				r := find(f, "rules", "urgent_cancer_history")
				r["when"] = append(r["when"].([]any), map[string]any{"question": "age_band", "in": []string{"50_plus"}})
			})
		}, "rules", "no rule gives urgent when cancer_history"},
		{"self-care item without text key", func(t *testing.T) []byte {
			return mutated(t, func(f map[string]any) { obj(list(f, "self_care")[0])["text"] = "" })
		}, "self_care[0].text", "not a triage text key"},
		{"duplicate self-care id", func(t *testing.T) []byte {
			return mutated(t, func(f map[string]any) { obj(list(f, "self_care")[1])["id"] = "keep_moving" })
		}, "self_care[1].id", `duplicate id "keep_moving"`},
		{"no worsening advice", func(t *testing.T) []byte { return mutated(t, func(f map[string]any) { f["worsening"] = []any{} }) }, "worsening", "missing"},
		{"worsening tier", func(t *testing.T) []byte {
			return mutated(t, func(f map[string]any) { obj(list(f, "worsening")[0])["tier"] = "incomplete" })
		}, "worsening[0].tier", "not a tier"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs, err := DecodeRuleSet(tt.data(t))
			if err == nil {
				t.Fatalf("DecodeRuleSet succeeded (%d rules); want an error at %q", len(rs.rules), tt.path)
			}
			var de *DataError
			if !errors.As(err, &de) {
				t.Fatalf("error %T %v; want *DataError", err, err)
			}
			if de.Path != tt.path || !strings.Contains(de.Problem, tt.phrase) {
				t.Errorf("error = %q; want path %q and a problem containing %q", err, tt.path, tt.phrase)
			}
		})
	}
}

// TestDecodeRuleSetAcceptsAnAddedQuestion: the contract allows new questions.
func TestDecodeRuleSetAcceptsAnAddedQuestion(t *testing.T) {
	b := mutated(t, func(f map[string]any) {
		qs := list(f, "questions")
		added := map[string]any{"id": "new_sign", "group": "same_day", "kind": "yes_no_unsure"}
		f["questions"] = append(qs[:20:20], append([]any{added}, qs[20:]...)...)
		f["rules"] = append(list(f, "rules"), map[string]any{"id": "urgent_new_sign", "tier": "urgent",
			"when": []any{map[string]any{"question": "new_sign", "in": []string{"yes", "unsure"}}}, "source": "test"})
	})
	rs, err := DecodeRuleSet(b)
	if err != nil {
		t.Fatal(err)
	}
	a := allNo(rs)
	delete(a, "new_sign")
	if got := rs.Evaluate(a); got.Disposition != Incomplete || !reflect.DeepEqual(got.Missing, []QuestionID{"new_sign"}) {
		t.Errorf("new sign unanswered: %s, missing %v; want incomplete, [new_sign]", got.Disposition, got.Missing)
	}
}
