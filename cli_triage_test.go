//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// triageAllNo is every warning sign answered "no", as JSON object members.
const triageAllNo = `"saddle_numbness":"no","bladder_change":"no","bowel_control":"no","sexual_numbness":"no",` +
	`"both_legs":"no","leg_weakness_worsening":"no","chest_pain":"no","faint_abdominal":"no","serious_accident":"no",` +
	`"fever":"no","infection_risk":"no","cancer_history":"no","weight_loss":"no","night_pain":"no","back_lump":"no",` +
	`"upper_back_pain":"no","fracture_risk":"no","leg_weakness_one":"no","pain_uncontrolled":"no","pregnancy_warning":"no"`

type triageCLIOutput struct {
	Disposition string `json:"disposition"`
	Reasons     []struct {
		Rule    string            `json:"rule"`
		Tier    string            `json:"tier"`
		Answers map[string]string `json:"answers"`
	} `json:"reasons"`
	Missing []string `json:"missing"`
	AtLeast string   `json:"at_least"`
}

func runTriageCLI(args []string, stdin string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = runTriage(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestTriageCLI(t *testing.T) {
	tests := []struct {
		name        string
		stdin       string
		disposition string
		rules       []string
		missing     []string
		atLeast     string // for incomplete; every other result prints none
	}{
		{"clinical: saddle numbness", `{` + strings.Replace(triageAllNo, `"saddle_numbness":"no"`, `"saddle_numbness":"yes"`, 1) + `}`, "emergency", []string{"emergency_saddle_numbness"}, []string{}, ""},
		{"clinical: fever", `{` + strings.Replace(triageAllNo, `"fever":"no"`, `"fever":"yes"`, 1) + `}`, "urgent", []string{"urgent_fever"}, []string{}, ""},
		{"clinical: over 6 weeks", `{` + triageAllNo + `,"duration":"over_6_weeks","course":"better"}`, "soon", []string{"soon_over_6_weeks"}, []string{}, ""},
		{"clinical: lifting strain", `{` + triageAllNo + `,"age_band":"20_to_49","duration":"under_2_days","course":"same","trigger":"lifting","pain_now":6}`, "selfcare", []string{}, []string{}, ""},
		{"emergency with everything else missing", `{"both_legs":"unsure"}`, "emergency", []string{"emergency_both_legs"}, nil, ""},
		{"nothing answered", `{}`, "incomplete", []string{}, nil, "selfcare"},
		{"clinical: night pain unanswered", `{` + strings.Replace(triageAllNo, `"night_pain":"no",`, "", 1) + `}`, "incomplete", []string{}, []string{"night_pain"}, "selfcare"},
		{"clinical: fever yes, bladder question missing", `{` + strings.Replace(strings.Replace(triageAllNo, `"fever":"no"`, `"fever":"yes"`, 1), `"bladder_change":"no",`, "", 1) + `}`, "incomplete", []string{"urgent_fever"}, []string{"bladder_change"}, "urgent"},
		{"fever yes alone", `{"fever":"yes"}`, "incomplete", []string{"urgent_fever"}, nil, "urgent"},
		{"soon rule, same-day sign missing", `{` + strings.Replace(triageAllNo, `"night_pain":"no",`, "", 1) + `,"duration":"over_6_weeks"}`, "incomplete", []string{"soon_over_6_weeks"}, []string{"night_pain"}, "soon"},
		{"clinical: weight loss unsure, other same-day signs missing", `{"saddle_numbness":"no","bladder_change":"no","bowel_control":"no","sexual_numbness":"no","both_legs":"no","leg_weakness_worsening":"no","chest_pain":"no","faint_abdominal":"no","serious_accident":"no","weight_loss":"unsure"}`, "urgent", []string{"urgent_weight_loss"}, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runTriageCLI(nil, tt.stdin)
			if code != 0 || stderr != "" {
				t.Fatalf("exit %d, stderr %q; want 0 and nothing", code, stderr)
			}
			if strings.Count(stdout, "\n") != 1 || !strings.HasSuffix(stdout, "}\n") {
				t.Fatalf("stdout %q; want one JSON line", stdout)
			}
			var raw map[string]json.RawMessage
			if err := json.Unmarshal([]byte(stdout), &raw); err != nil {
				t.Fatal(err)
			}
			fields := 3
			if tt.atLeast != "" {
				fields = 4
			}
			if len(raw) != fields || string(raw["reasons"]) == "null" || string(raw["missing"]) == "null" {
				t.Fatalf("stdout %s; want exactly disposition, reasons, missing (and at_least for incomplete), arrays never null", stdout)
			}
			var got triageCLIOutput
			if err := json.Unmarshal([]byte(stdout), &got); err != nil {
				t.Fatal(err)
			}
			if got.Disposition != tt.disposition || got.AtLeast != tt.atLeast {
				t.Errorf("disposition %s at least %q; want %s at least %q", got.Disposition, got.AtLeast, tt.disposition, tt.atLeast)
			}
			rules := []string{}
			for _, r := range got.Reasons {
				rules = append(rules, r.Rule)
				if r.Tier == "" || len(r.Answers) == 0 {
					t.Errorf("reason %+v lacks its tier or answers", r)
				}
			}
			if !reflect.DeepEqual(rules, tt.rules) {
				t.Errorf("rules %v; want %v", rules, tt.rules)
			}
			if tt.missing != nil && !reflect.DeepEqual(got.Missing, tt.missing) {
				t.Errorf("missing %v; want %v", got.Missing, tt.missing)
			}
		})
	}
}

func TestTriageCLIReasonAnswers(t *testing.T) {
	_, stdout, _ := runTriageCLI(nil, `{`+triageAllNo+`,"first_episode":"yes","age_band":"50_plus"}`)
	want := `{"disposition":"soon","reasons":[{"rule":"soon_first_episode_age","tier":"soon","answers":{"age_band":"50_plus","first_episode":"yes"}}],"missing":[]}` + "\n"
	if stdout != want {
		t.Errorf("stdout\n %s\nwant\n %s", stdout, want)
	}
}

func TestTriageCLIAnswersFile(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "answers.json")
	if err := os.WriteFile(file, []byte(`{"chest_pain":"yes"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runTriageCLI([]string{"-answers", file}, `{"this stdin":"is ignored"}`)
	if code != 0 || stderr != "" || !strings.HasPrefix(stdout, `{"disposition":"emergency",`) {
		t.Errorf("exit %d, stdout %q, stderr %q; want 0 and emergency", code, stdout, stderr)
	}
	code, stdout, stderr = runTriageCLI([]string{"-answers=" + file}, "")
	if code != 0 || !strings.HasPrefix(stdout, `{"disposition":"emergency",`) {
		t.Errorf("-answers=FILE: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

func TestTriageCLIBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"pain_now":11}`), 0o600); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.json")
	if err := os.WriteFile(big, []byte(`{"fever":"no"`+strings.Repeat(" ", 1<<20)+`}`), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		args  []string
		stdin string
		want  []string // all must appear in the one stderr line
	}{
		{"not JSON", nil, `yes please`, []string{"not valid JSON"}},
		{"empty input", nil, ``, []string{"no answers"}},
		{"truncated", nil, `{"fever":"yes"`, []string{"not valid JSON", "end of input"}},
		{"trailing data", nil, `{"fever":"yes"} {"fever":"no"}`, []string{"unexpected data after the answers object"}},
		{"not an object", nil, `["fever"]`, []string{"must be a JSON object"}},
		{"unknown id", nil, `{"fevr":"yes"}`, []string{"fevr: unknown question"}},
		{"wrong type", nil, `{"fever":true}`, []string{"fever:", "not a string"}},
		{"null", nil, `{"fever":null}`, []string{"fever:", "null"}},
		{"not an option", nil, `{"fever":"maybe"}`, []string{`fever: "maybe" is not one of yes, no, unsure`}},
		{"out of range", nil, `{"pain_now":11}`, []string{"pain_now: 11 is out of range 0 to 10"}},
		{"negative", nil, `{"pain_now":-3}`, []string{"pain_now: -3 is out of range 0 to 10"}},
		{"not whole", nil, `{"pain_now":2.5}`, []string{"pain_now:", "not a whole number"}},
		{"pain as string", nil, `{"pain_now":"7"}`, []string{"pain_now:", "not a number"}},
		{"duplicate", nil, `{"fever":"no","fever":"yes"}`, []string{"fever: answered more than once"}},
		{"oversized", nil, `{"fever":"yes"` + strings.Repeat(" ", 64<<10) + `}`, []string{"larger than 64 KiB"}},
		{"bad value in file", []string{"-answers", bad}, ``, []string{"pain_now: 11 is out of range 0 to 10"}},
		{"oversized file", []string{"-answers", big}, ``, []string{"larger than 64 KiB"}},
		{"unreadable file", []string{"-answers", filepath.Join(dir, "nope.json")}, `{}`, []string{"-answers:", "nope.json", "no such file"}},
		{"directory as file", []string{"-answers", dir}, `{}`, []string{"-answers:", "is a directory"}},
		{"unknown flag", []string{"-answer", "x"}, `{}`, []string{"flag provided but not defined: -answer"}},
		{"flag without value", []string{"-answers"}, `{}`, []string{"flag needs an argument: -answers"}},
		{"extra argument", []string{"answers.json"}, `{}`, []string{`unexpected argument "answers.json"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runTriageCLI(tt.args, tt.stdin)
			if code != 2 {
				t.Errorf("exit %d; want 2", code)
			}
			if stdout != "" {
				t.Errorf("stdout %q; want nothing", stdout)
			}
			if strings.Count(stderr, "\n") != 1 || !strings.HasSuffix(stderr, "\n") {
				t.Errorf("stderr %q; want exactly one line", stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr %q; want it to contain %q", stderr, w)
				}
			}
		})
	}
}

func TestTriageCLIHelp(t *testing.T) {
	code, stdout, stderr := runTriageCLI([]string{"-h"}, "")
	if code != 0 || !strings.Contains(stdout, "unknot triage") || stderr != "" {
		t.Errorf("-h: exit %d, stdout %q, stderr %q; want 0 and the usage", code, stdout, stderr)
	}
}
