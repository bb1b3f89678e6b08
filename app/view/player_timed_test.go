//go:build !(js && wasm)

package view

import (
	"strings"
	"testing"
	"time"

	"unknot/app/routine"
)

// TestPlayerTimedStepInMinutes: before the start no count stands above
// the pain question; a timed step (a two-minute walk) says "Keep going",
// its minutes and the time left as m:ss, never "Hold" or "Rep 1 of 1".
func TestPlayerTimedStepInMinutes(t *testing.T) {
	link := routine.EncodeLink(routine.Custom{Name: "Walk", Steps: []routine.CustomStep{
		{Exercise: routine.Walking, Hold: 2 * time.Minute, Reps: 1},
	}})
	r := newPlayerRig(t, link)
	if html := r.html(); strings.Contains(html, "player-countdown") {
		t.Error("a count shows before the start, above the pain question")
	}
	r.click(r.page.onStart)
	r.wait(5*time.Second + 500*time.Millisecond) // the get-ready count
	html := r.html()
	for _, want := range []string{">Keep going<", ">2 min<", ">2:00<"} {
		if !strings.Contains(html, want) {
			t.Errorf("the walk does not show %s", want)
		}
	}
	for _, bad := range []string{"Rep 1 of 1", ">Hold<"} {
		if strings.Contains(html, bad) {
			t.Errorf("the walk shows %s", bad)
		}
	}
	r.wait(61 * time.Second)
	if html := r.html(); !strings.Contains(html, ">0:59<") {
		t.Error("a minute later the walk does not show 0:59 left")
	}
}
