package routine

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestCompactLinkWritten(t *testing.T) {
	lib := realLibrary(t)
	c := Custom{Name: "Back care", Steps: []CustomStep{
		{Exercise: ChildPose, Hold: 30 * time.Second, Reps: 1, Rest: 10 * time.Second},
		{Exercise: KneeToChest, Hold: 20 * time.Second, Reps: 3, Sides: true, Rest: 0},
		{Exercise: Walking, Hold: 2 * time.Minute, Reps: 1, Rest: 15 * time.Second},
	}}
	const want = "/routines/custom#r=2.cp30r10.kc20x3sr0.wk120~QmFjayBjYXJl"
	if got := EncodeLink(c); got != want {
		t.Errorf("EncodeLink = %q; want %q", got, want)
	}
	got, err := DecodeLink("https://unknot.example"+want, lib)
	if err != nil || !reflect.DeepEqual(got, c) {
		t.Errorf("DecodeLink = %+v, %v; want %+v", got, err, c)
	}
}

// TestEveryExerciseHasALinkCode: a new exercise cannot be prescribed
// until it has a code, and no two share one.
func TestEveryExerciseHasALinkCode(t *testing.T) {
	seen := map[string]ExerciseID{}
	for _, e := range realLibrary(t).Exercises() {
		code, ok := linkCodes[e.ID]
		if !ok {
			t.Errorf("%s has no link code", e.ID)
		}
		if other, dup := seen[code]; dup {
			t.Errorf("%s and %s share the code %q", e.ID, other, code)
		}
		seen[code] = e.ID
	}
}

// TestFiveExerciseLinkIsShort: a clinic's five-exercise prescription, with
// a name, on a typical clinic address, stays under 120 characters (the
// JSON links were about 550).
func TestFiveExerciseLinkIsShort(t *testing.T) {
	lib := realLibrary(t)
	c := Custom{Name: "Back care for Anna"}
	for _, id := range []ExerciseID{CatCow, KneeToChest, GluteBridge, LyingTwist, Walking} {
		e, _ := lib.Exercise(id)
		d := e.Defaults
		c.Steps = append(c.Steps, CustomStep{Exercise: id, Hold: d.Hold, Reps: d.Reps, Sides: d.Sides, Rest: d.Rest})
	}
	link := "https://physio.example.org/back-care" + EncodeLink(c)
	if len(link) >= 120 {
		t.Errorf("a five-exercise link is %d characters: %s", len(link), link)
	}
	if _, err := DecodeLink(link, lib); err != nil {
		t.Errorf("DecodeLink(%s): %v", link, err)
	}
}

func TestCompactLinkErrors(t *testing.T) {
	lib := realLibrary(t)
	for _, tt := range []struct {
		name, payload string
		code          LinkErrorCode
		path          string
	}{
		{"no steps", "2", LinkSteps, "steps"},
		{"no steps, named", "2~YQ", LinkSteps, "steps"},
		{"an empty step", "2.", LinkFormat, "steps[0]"},
		{"unknown code", "2.zz30", LinkExercise, "steps[0].ex"},
		{"no hold", "2.cpx3", LinkFormat, "steps[0].hold"},
		{"leading zero", "2.cp030", LinkFormat, ""},
		{"reps of one written", "2.cp30x1", LinkFormat, ""},
		{"default rest written", "2.cp30r15", LinkFormat, ""},
		{"fields out of order", "2.kc20sx3", LinkFormat, "steps[0]"},
		{"left over", "2.cp30q", LinkFormat, "steps[0]"},
		{"hold out of range", "2.cp200", LinkHold, "steps[0].hold"},
		{"sides on child pose", "2.cp30s", LinkSides, "steps[0].sides"},
		{"name not base64url", "2.cp30~a!b", LinkFormat, "name"},
		{"empty name", "2.cp30~", LinkFormat, "name"},
		{"name with newline", "2.cp30~YQpi", LinkName, "name"},
		{"huge number", "2.cp99999", LinkFormat, "steps[0].hold"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeLink("r="+tt.payload, lib)
			var le *LinkError
			if !errors.As(err, &le) {
				t.Fatalf("err = %v; want a *LinkError", err)
			}
			if le.Code != tt.code || le.Path != tt.path {
				t.Errorf("err = %s at %q (%s); want %s at %q", le.Code, le.Path, le.Msg, tt.code, tt.path)
			}
		})
	}
}

// TestLinksIssuedBeforeStillOpen: a version 1 link, as EncodeLink wrote
// it before the compact form, opens as the same routine.
func TestLinksIssuedBeforeStillOpen(t *testing.T) {
	lib := realLibrary(t)
	old := "/routines/custom#r=eyJ2IjoxLCJuYW1lIjoiQmFjayBjYXJlIiwic3RlcHMiOlt7ImV4IjoiY2hpbGRfcG9zZSIsImhvbGQiOjMwLCJyZXBzIjoxLCJzaWRlcyI6ZmFsc2UsInJlc3QiOjEwfV19"
	c, err := DecodeLink(old, lib)
	want := Custom{Name: "Back care", Steps: []CustomStep{{Exercise: ChildPose, Hold: 30 * time.Second, Reps: 1, Rest: 10 * time.Second}}}
	if err != nil || !reflect.DeepEqual(c, want) {
		t.Fatalf("DecodeLink(version 1) = %+v, %v; want %+v", c, err, want)
	}
	if again := EncodeLink(c); !strings.HasPrefix(again, LinkPath+"#r=2.") {
		t.Errorf("shared again, it is %q; want the compact form", again)
	}
}
