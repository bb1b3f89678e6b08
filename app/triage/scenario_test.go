package triage

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"
)

// scenarioFile is one file of testdata/: scenarios with their expected
// result. all_no starts from every warning sign "no"; answers are then set
// and omit removes answers. rules, missing and unsure, when present, must
// match exactly (rules as a set). at_least is stated for every incomplete
// scenario and for no other.
type scenarioFile struct {
	About     string     `json:"about"`
	Scenarios []scenario `json:"scenarios"`
}

type scenario struct {
	Name    string       `json:"name"`
	AllNo   bool         `json:"all_no"`
	Answers Answers      `json:"answers"`
	Omit    []QuestionID `json:"omit"`
	Want    Disposition  `json:"want"`
	AtLeast Disposition  `json:"at_least"`
	Rules   *[]string    `json:"rules"`
	Missing []QuestionID `json:"missing"`
	Unsure  []QuestionID `json:"unsure"`
}

func (s scenario) answers(rs *RuleSet) Answers {
	a := make(Answers)
	if s.AllNo {
		a = allNo(rs)
	}
	for k, v := range s.Answers {
		a[k] = v
	}
	for _, k := range s.Omit {
		delete(a, k)
	}
	return a
}

func loadScenarios(t testing.TB) map[string][]scenario {
	t.Helper()
	files, err := filepath.Glob("testdata/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no scenario files in testdata: %v", err)
	}
	all := make(map[string][]scenario)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var sf scenarioFile
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&sf); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, s := range sf.Scenarios {
			if !s.Want.Valid() {
				t.Fatalf("%s: %q: want %q is not a disposition", f, s.Name, s.Want)
			}
			if (s.Want == Incomplete) != (s.AtLeast != "") {
				t.Fatalf("%s: %q: at_least %q with want %s: an incomplete scenario states at_least, no other does", f, s.Name, s.AtLeast, s.Want)
			}
		}
		all[filepath.Base(f)] = sf.Scenarios
	}
	return all
}

func TestScenarios(t *testing.T) {
	rs := realRuleSet(t)
	total := 0
	for file, scenarios := range loadScenarios(t) {
		for _, s := range scenarios {
			total++
			t.Run(file+"/"+s.Name, func(t *testing.T) {
				got := rs.Evaluate(s.answers(rs))
				if got.Disposition != s.Want {
					t.Errorf("disposition = %s; want %s (reasons %v, missing %v)", got.Disposition, s.Want, got.Reasons, got.Missing)
				}
				if got.AtLeast != s.AtLeast {
					t.Errorf("at_least = %q; want %q", got.AtLeast, s.AtLeast)
				}
				if s.Rules != nil {
					if gotRules, want := firedRules(got), sorted(*s.Rules); !reflect.DeepEqual(gotRules, want) {
						t.Errorf("rules = %v; want %v", gotRules, want)
					}
				}
				if s.Missing != nil && !reflect.DeepEqual(got.Missing, s.Missing) {
					t.Errorf("missing = %v; want %v", got.Missing, s.Missing)
				}
				if s.Unsure != nil && !reflect.DeepEqual(got.Unsure, s.Unsure) {
					t.Errorf("unsure = %v; want %v", got.Unsure, s.Unsure)
				}
			})
		}
	}
	if total < 150 {
		t.Errorf("%d scenarios; want at least 150", total)
	}
}

// TestEveryRuleFiresInAScenario keeps the scenarios honest: a rule no
// scenario fires is a rule no test checks.
func TestEveryRuleFiresInAScenario(t *testing.T) {
	rs := realRuleSet(t)
	fired := make(map[string]bool)
	for _, scenarios := range loadScenarios(t) {
		for _, s := range scenarios {
			for _, r := range rs.Evaluate(s.answers(rs)).Reasons {
				fired[r.Rule] = true
			}
		}
	}
	for _, r := range rs.Rules() {
		if !fired[r.ID] {
			t.Errorf("rule %s fires in no scenario", r.ID)
		}
	}
}

// TestEveryDispositionInScenarios checks that the scenarios reach every tier.
func TestEveryDispositionInScenarios(t *testing.T) {
	seen := make(map[Disposition]int)
	for _, scenarios := range loadScenarios(t) {
		for _, s := range scenarios {
			seen[s.Want]++
		}
	}
	for _, d := range Dispositions() {
		if seen[d] == 0 {
			t.Errorf("no scenario expects %s", d)
		}
	}
}

func firedRules(r Result) []string {
	ids := []string{}
	for _, reason := range r.Reasons {
		ids = append(ids, reason.Rule)
	}
	return sorted(ids)
}

func sorted(s []string) []string {
	out := append([]string{}, s...)
	sort.Strings(out)
	return out
}
