package routine

import (
	"encoding/base64"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

func payload(json string) string {
	return "r=" + base64.RawURLEncoding.EncodeToString([]byte(json))
}

func TestLinkRoundTrip(t *testing.T) {
	lib := realLibrary(t)
	c := Custom{Name: "Dr Ásta’s plan ✓", Steps: []CustomStep{
		{Exercise: ChildPose, Hold: 30 * time.Second, Reps: 1, Rest: 10 * time.Second},
		{Exercise: KneeToChest, Hold: 20 * time.Second, Reps: 3, Sides: true, Rest: 0},
	}}
	link := EncodeLink(c)
	if !strings.HasPrefix(link, "/routines/custom#r=") || strings.Count(link, "=") != 1 {
		t.Errorf("EncodeLink = %q; want /routines/custom#r=<unpadded base64url>", link)
	}
	for _, s := range []string{link, "https://unknot.example/sub" + link, link[strings.Index(link, "#"):], link[strings.Index(link, "#")+1:]} {
		got, err := DecodeLink(s, lib)
		if err != nil {
			t.Fatalf("DecodeLink(%q): %v", s, err)
		}
		if !reflect.DeepEqual(got, c) {
			t.Errorf("DecodeLink = %+v; want %+v", got, c)
		}
	}
	r, err := c.Routine(lib)
	if err != nil || r.ID != CustomID || r.Name != c.Name || len(r.Steps) != 2 || r.Steps[1].Dose.Tempo != 5*time.Second || r.Duration == 0 {
		t.Errorf("Routine() = %+v, %v", r, err)
	}
	if _, err := NewPlan(r, lib, PlanOptions{}); err != nil {
		t.Errorf("NewPlan(custom): %v", err)
	}
	built, _ := lib.Routine("morning")
	if back, err := DecodeLink(EncodeLink(CustomOf(built, "Morning")), lib); err != nil || len(back.Steps) != len(built.Steps) {
		t.Errorf("CustomOf(morning) round trip = %+v, %v", back, err)
	}
}

func TestDecodeLinkSpecExample(t *testing.T) {
	lib := realLibrary(t)
	js := `{"v":1,"name":"Back care","steps":[{"ex":"child_pose","hold":30,"reps":1,"sides":false,"rest":10}]}`
	padded := "r=" + base64.URLEncoding.EncodeToString([]byte(js))
	for _, s := range []string{payload(js), padded, "#" + padded} {
		c, err := DecodeLink(s, lib)
		if err != nil {
			t.Fatalf("DecodeLink(%q): %v", s, err)
		}
		want := Custom{Name: "Back care", Steps: []CustomStep{{Exercise: ChildPose, Hold: 30 * time.Second, Reps: 1, Rest: 10 * time.Second}}}
		if !reflect.DeepEqual(c, want) {
			t.Errorf("DecodeLink(%q) = %+v; want %+v", s, c, want)
		}
	}
}

func TestDecodeLinkErrors(t *testing.T) {
	lib := realLibrary(t)
	step := `{"ex":"child_pose","hold":30,"reps":1,"sides":false,"rest":10}`
	many := strings.Repeat(step+",", 40) + step
	long := `{"ex":"double_knee_to_chest","hold":120,"reps":30,"sides":false,"rest":300}`
	tests := []struct {
		name string
		link string
		code LinkErrorCode
		path string
	}{
		{"no fragment", "/routines/custom", LinkFormat, ""},
		{"not base64", "r=abc$def", LinkFormat, ""},
		{"standard base64", "r=" + base64.StdEncoding.EncodeToString([]byte(`{"v":1,"name":"??>>","steps":[]}`)), LinkFormat, ""},
		{"bad base64 length", "r=a", LinkFormat, ""},
		{"not JSON", payload(`hello`), LinkFormat, ""},
		{"trailing data", payload(`{"v":1,"name":"","steps":[` + step + `]} {}`), LinkFormat, ""},
		{"unknown field", payload(`{"v":1,"name":"","steps":[` + step + `],"clinic":"x"}`), LinkFormat, ""},
		{"unknown step field", payload(`{"v":1,"name":"","steps":[{"ex":"child_pose","hold":30,"reps":1,"sides":false,"rest":10,"tempo":3}]}`), LinkFormat, ""},
		{"missing field", payload(`{"v":1,"name":"","steps":[{"ex":"child_pose","hold":30,"reps":1,"rest":10}]}`), LinkFormat, "steps[0]"},
		{"version 2", payload(`{"v":2,"name":"","steps":[` + step + `]}`), LinkVersionCode, "v"},
		{"no version", payload(`{"name":"","steps":[` + step + `]}`), LinkVersionCode, "v"},
		{"unknown exercise", payload(`{"v":1,"name":"","steps":[{"ex":"cat_cwo","hold":30,"reps":1,"sides":false,"rest":10}]}`), LinkExercise, "steps[0].ex"},
		{"hold 0", payload(`{"v":1,"name":"","steps":[{"ex":"child_pose","hold":0,"reps":1,"sides":false,"rest":10}]}`), LinkHold, "steps[0].hold"},
		{"hold 121", payload(`{"v":1,"name":"","steps":[{"ex":"child_pose","hold":121,"reps":1,"sides":false,"rest":10}]}`), LinkHold, "steps[0].hold"},
		{"hold fraction", payload(`{"v":1,"name":"","steps":[{"ex":"child_pose","hold":1.5,"reps":1,"sides":false,"rest":10}]}`), LinkFormat, ""},
		{"reps 31", payload(`{"v":1,"name":"","steps":[{"ex":"child_pose","hold":30,"reps":31,"sides":false,"rest":10}]}`), LinkReps, "steps[0].reps"},
		{"reps 0", payload(`{"v":1,"name":"","steps":[{"ex":"child_pose","hold":30,"reps":0,"sides":false,"rest":10}]}`), LinkReps, "steps[0].reps"},
		{"rest 301", payload(`{"v":1,"name":"","steps":[` + step + `,{"ex":"walking","hold":60,"reps":1,"sides":false,"rest":301}]}`), LinkRest, "steps[1].rest"},
		{"rest negative", payload(`{"v":1,"name":"","steps":[{"ex":"child_pose","hold":30,"reps":1,"sides":false,"rest":-1}]}`), LinkRest, "steps[0].rest"},
		{"sides on child pose", payload(`{"v":1,"name":"","steps":[{"ex":"child_pose","hold":30,"reps":1,"sides":true,"rest":10}]}`), LinkSides, "steps[0].sides"},
		{"no steps", payload(`{"v":1,"name":"","steps":[]}`), LinkSteps, "steps"},
		{"41 steps", payload(`{"v":1,"name":"","steps":[` + many + `]}`), LinkSteps, "steps"},
		{"name too long", payload(`{"v":1,"name":"` + strings.Repeat("é", 81) + `","steps":[` + step + `]}`), LinkName, "name"},
		{"name with newline", payload(`{"v":1,"name":"a\nb","steps":[` + step + `]}`), LinkName, "name"},
		{"too long", "r=" + strings.Repeat("A", MaxLinkBytes+4), LinkTooLong, ""},
		{"much too long", strings.Repeat("x", 10000), LinkTooLong, ""},
		{"not UTF-8", payload("{\"v\":1,\"name\":\"\xff\",\"steps\":[" + step + "]}"), LinkFormat, ""},
		{"line separator in name", payload(`{"v":1,"name":"a\u2028b","steps":[` + step + `]}`), LinkName, "name"},
		{"40 steps of the longest", payload(`{"v":1,"name":"` + strings.Repeat("n", 80) + `","steps":[` + strings.Repeat(long+",", 39) + long + `]}`), LinkTooLong, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeLink(tt.link, lib)
			var le *LinkError
			if !errors.As(err, &le) {
				t.Fatalf("err = %v; want a *LinkError", err)
			}
			if le.Code != tt.code || le.Path != tt.path || le.Msg == "" {
				t.Errorf("err = %s %q %q; want code %s at %q", le.Code, le.Path, le.Msg, tt.code, tt.path)
			}
		})
	}
	// 80 characters is fine.
	ok := payload(`{"v":1,"name":"` + strings.Repeat("é", 80) + `","steps":[` + step + `]}`)
	if _, err := DecodeLink(ok, lib); err != nil {
		t.Errorf("80-rune name: %v", err)
	}
}

func TestCustomCheck(t *testing.T) {
	lib := realLibrary(t)
	step := CustomStep{Exercise: Walking, Hold: time.Minute, Reps: 1, Rest: 10 * time.Second}
	ok := Custom{Name: "Family 👨‍👩‍👧 walk", Steps: []CustomStep{step}}
	if err := ok.Check(lib); err != nil {
		t.Errorf("Check(%q) = %v", ok.Name, err)
	}
	tooMany := Custom{Steps: make([]CustomStep, MaxSteps+1)}
	for i := range tooMany.Steps {
		tooMany.Steps[i] = step
	}
	var le *LinkError
	if err := tooMany.Check(lib); !errors.As(err, &le) || le.Code != LinkSteps {
		t.Errorf("Check(41 steps) = %v; want a steps error", err)
	}
}

func FuzzDecodeRoutineLink(f *testing.F) {
	lib := realLibrary(f)
	f.Add(EncodeLink(Custom{Name: "Back care", Steps: []CustomStep{{Exercise: ChildPose, Hold: 30 * time.Second, Reps: 1, Rest: 10 * time.Second}}}))
	f.Add(EncodeLink(CustomOf(lib.Routines()[2], "Morning ☀")))
	f.Add(payload(`{"v":1,"name":"","steps":[{"ex":"knee_to_chest","hold":20,"reps":3,"sides":true,"rest":0}]}`))
	f.Add("r=" + base64.URLEncoding.EncodeToString([]byte(`{"v":1,"name":"x","steps":[{"ex":"walking","hold":120,"reps":1,"sides":false,"rest":300}]}`)))
	f.Add(payload(`{"v":2}`))
	f.Add("r=2.cp30r10.kc20x3sr0.wk120~QmFjayBjYXJl")
	f.Add("r=2.cc5x8.gb5x8~")
	f.Add("r=2.")
	f.Add("#r=")
	f.Add("r=====")
	f.Fuzz(func(t *testing.T, s string) {
		c, err := DecodeLink(s, lib)
		if err != nil {
			var le *LinkError
			if !errors.As(err, &le) {
				t.Fatalf("error %v is not a *LinkError", err)
			}
			return
		}
		again, err := DecodeLink(EncodeLink(c), lib)
		if err != nil {
			t.Fatalf("re-encoded link fails: %v", err)
		}
		if !reflect.DeepEqual(again, c) {
			t.Fatalf("round trip = %+v; want %+v", again, c)
		}
		if _, err := c.Routine(lib); err != nil {
			t.Fatalf("accepted link cannot be played: %v", err)
		}
	})
}
