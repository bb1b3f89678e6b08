package content

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"unknot/app/triage"
	"unknot/data"
)

// triageFS copies the embedded data tree into a MapFS with one file changed
// by edit (given the file's bytes, it returns the new bytes).
func triageFS(t *testing.T, name string, edit func(b []byte) []byte) fstest.MapFS {
	t.Helper()
	m := dataCopy(t)
	f, ok := m[name]
	if !ok {
		t.Fatalf("no %s in data.FS", name)
	}
	f.Data = edit(f.Data)
	return m
}

// triageJSONEdit returns an edit that changes a JSON file in its generic form.
func triageJSONEdit(t *testing.T, change func(f map[string]any)) func([]byte) []byte {
	return func(b []byte) []byte {
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
}

func TestLoadTriageRealData(t *testing.T) {
	c, err := Load(data.FS)
	if err != nil {
		t.Fatalf("Load(data.FS): %v", err)
	}
	if c.Triage() == nil || c.Triage().Version == "" {
		t.Fatal("no triage rule set")
	}
	en := c.Strings("en")
	for _, tk := range c.Triage().TextKeys() {
		if strings.TrimSpace(en.T(tk.Key)) == "" || en.T(tk.Key) == "["+tk.Key+"]" {
			t.Errorf("%s: no text for %s", tk.Path, tk.Key)
		}
	}
	if got := c.Triage().Evaluate(triage.Answers{"saddle_numbness": "yes"}); got.Disposition != triage.Emergency {
		t.Errorf("saddle_numbness=yes: %s; want emergency", got.Disposition)
	}
}

// TestTriageWordsGiveNoDoses: CLINICAL.md forbids medicine doses.
func TestTriageWordsGiveNoDoses(t *testing.T) {
	c, err := Load(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	en := c.Strings("en")
	for _, k := range en.KeysWithPrefix("triage.") {
		v := en.T(k)
		low := strings.ToLower(v)
		for _, unit := range []string{" mg", "mg ", "milligram", " ml", "tablets a day", "times a day", "every 4 hours", "every 6 hours", "every 8 hours"} {
			if strings.Contains(low, unit) {
				t.Errorf("%s mentions a dose (%q): %s", k, unit, v)
			}
		}
	}
}

func TestLoadTriageRejects(t *testing.T) {
	rules := func(f map[string]any) []any { return f["rules"].([]any) }
	questions := func(f map[string]any) []any { return f["questions"].([]any) }
	obj := func(v any) map[string]any { return v.(map[string]any) }
	tests := []struct {
		name string
		file string
		edit func(t *testing.T) func([]byte) []byte
		want string // the whole error message
	}{
		{"unknown field", "triage.json", func(t *testing.T) func([]byte) []byte {
			return triageJSONEdit(t, func(f map[string]any) { obj(questions(f)[4])["colour"] = "red" })
		}, `data/triage.json: questions[4]: unknown field "colour"`},
		{"dangling question", "triage.json", func(t *testing.T) func([]byte) []byte {
			return triageJSONEdit(t, func(f map[string]any) {
				obj(obj(rules(f)[9])["when"].([]any)[0])["question"] = "fevr"
			})
		}, `data/triage.json: rules[9].when[0].question: unknown question "fevr"`},
		{"bad option value", "triage.json", func(t *testing.T) func([]byte) []byte {
			return triageJSONEdit(t, func(f map[string]any) {
				obj(obj(rules(f)[21])["when"].([]any)[1])["in"] = []string{"same", "worst"}
			})
		}, `data/triage.json: rules[21].when[1].in[1]: "worst" is not an option of course (better, same, worse): the rule could never fire`},
		{"duplicate question id", "triage.json", func(t *testing.T) func([]byte) []byte {
			return triageJSONEdit(t, func(f map[string]any) { obj(questions(f)[10])["id"] = "fever" })
		}, `data/triage.json: questions[10].id: duplicate question "fever"`},
		{"duplicate rule id", "triage.json", func(t *testing.T) func([]byte) []byte {
			return triageJSONEdit(t, func(f map[string]any) { obj(rules(f)[26])["id"] = "soon_unable" })
		}, `data/triage.json: rules[26].id: duplicate rule "soon_unable"`},
		{"missing CLINICAL id", "triage.json", func(t *testing.T) func([]byte) []byte {
			return triageJSONEdit(t, func(f map[string]any) {
				f["questions"] = append(questions(f)[:4:4], questions(f)[5:]...) // drop both_legs
				f["rules"] = append(rules(f)[:4:4], rules(f)[5:]...)
			})
		}, `data/triage.json: questions: missing question "both_legs" required by CLINICAL.md`},
		{"trailing data", "triage.json", func(t *testing.T) func([]byte) []byte {
			return func(b []byte) []byte { return append(b, `{"version":"2"}`...) }
		}, `data/triage.json: unexpected data after the value`},
		{"not JSON", "triage.json", func(t *testing.T) func([]byte) []byte {
			return func(b []byte) []byte { return b[:len(b)/2] }
		}, `data/triage.json: unexpected end of JSON`},
		{"missing text key", "locale/en/triage.json", func(t *testing.T) func([]byte) []byte {
			return triageJSONEdit(t, func(f map[string]any) { delete(f, "triage.q.fever.help") })
		}, `data/triage.json: questions[9]: no text for key "triage.q.fever.help" in locale/en`},
		{"missing option text", "locale/en/triage.json", func(t *testing.T) func([]byte) []byte {
			return triageJSONEdit(t, func(f map[string]any) { delete(f, "triage.opt.duration.over_6_weeks") })
		}, `data/triage.json: questions[22].options[3]: no text for key "triage.opt.duration.over_6_weeks" in locale/en`},
		{"missing plan text", "locale/en/triage.json", func(t *testing.T) func([]byte) []byte {
			return triageJSONEdit(t, func(f map[string]any) { delete(f, "triage.plan.heat") })
		}, `data/triage.json: self_care[1].text: no text for key "triage.plan.heat" in locale/en`},
		{"plan item names a key with no text", "triage.json", func(t *testing.T) func([]byte) []byte {
			return triageJSONEdit(t, func(f map[string]any) { obj(f["self_care"].([]any)[0])["text"] = "triage.plan.nap" })
		}, `data/triage.json: self_care[0].text: no text for key "triage.plan.nap" in locale/en`},
		{"missing screen text", "locale/en/triage.json", func(t *testing.T) func([]byte) []byte {
			return triageJSONEdit(t, func(f map[string]any) { delete(f, "triage.tier.incomplete.body") })
		}, `data/triage.json: screen: no text for key "triage.tier.incomplete.body" in locale/en`},
		{"unused triage key", "locale/en/triage.json", func(t *testing.T) func([]byte) []byte {
			return triageJSONEdit(t, func(f map[string]any) { f["triage.q.fevr.help"] = "typo" })
		}, `data/locale/en: key "triage.q.fevr.help" is not used by triage.json or the triage screens`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(triageFS(t, tt.file, tt.edit(t)))
			if err == nil {
				t.Fatalf("Load succeeded; want %s", tt.want)
			}
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("error %T %v; want *content.Error", err, err)
			}
			if err.Error() != tt.want {
				t.Errorf("error = %s\n          want %s", err, tt.want)
			}
		})
	}
}

func TestLoadTriageMissingFile(t *testing.T) {
	m := triageFS(t, "triage.json", func(b []byte) []byte { return b })
	delete(m, "triage.json")
	_, err := Load(m)
	if err == nil || !strings.HasPrefix(err.Error(), "data/triage.json: ") {
		t.Errorf("error = %v; want data/triage.json: …", err)
	}
}
