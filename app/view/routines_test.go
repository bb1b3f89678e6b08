//go:build !(js && wasm)

package view

import (
	"strings"
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/routine"
	"unknot/wasm/browser"
)

// routineIDs lists the routines the page links to, in order.
func routineIDs(html string) []string {
	var ids []string
	for _, part := range strings.Split(html, `data-routine="`)[1:] {
		id, _, _ := strings.Cut(part, `"`)
		ids = append(ids, id)
	}
	return ids
}

func TestRoutinesFilters(t *testing.T) {
	for _, tc := range []struct {
		name   string
		filter routine.FilterOptions
		want   []string
		note   string
	}{
		{"none", routine.FilterOptions{}, []string{"quick_relief", "early_days", "morning", "prevention_core"}, ""},
		{"no floor", routine.FilterOptions{NoFloor: true}, []string{"quick_relief"}, routine.NoteNoFloor},
		{"pregnant", routine.FilterOptions{Pregnant: true}, nil, routine.NotePregnancy},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := browser.New()
			if err := saveFilter(b, tc.filter); err != nil {
				t.Fatal(err)
			}
			env := testEnv(t, b)
			html := render(t, &routinesPage{Env: env})
			got := routineIDs(html)
			want := tc.want
			if want == nil { // pregnant: whatever the domain keeps
				for _, r := range env.Catalog.Routines().Filter(tc.filter) {
					want = append(want, string(r.ID))
				}
			}
			if strings.Join(got, ",") != strings.Join(want, ",") {
				t.Errorf("routines = %v; want %v", got, want)
			}
			if tc.note != "" && !strings.Contains(html, env.T(tc.note)) {
				t.Errorf("the note %q is not shown", tc.note)
			}
			if m := missingKey.FindString(html); m != "" {
				t.Errorf("missing key %s", m)
			}
		})
	}
}

func TestRoutinesFilterIsRemembered(t *testing.T) {
	b := browser.New()
	p := &routinesPage{Env: testEnv(t, b)}
	render(t, p)
	p.filter.NoFloor = true
	if err := saveFilter(b, p.filter); err != nil {
		t.Fatal(err)
	}
	again := &routinesPage{Env: testEnv(t, b)}
	html := render(t, again)
	if !again.filter.NoFloor {
		t.Error("the filter was forgotten")
	}
	if got := routineIDs(html); len(got) != 1 {
		t.Errorf("after a reload: routines %v; want only the one without floor work", got)
	}
}

func TestRoutinesSavedListIsCheckedAndKept(t *testing.T) {
	b := browser.New()
	env := testEnv(t, b)
	good := routine.EncodeLink(routine.Custom{Name: "Desk break", Steps: []routine.CustomStep{{Exercise: routine.Walking, Hold: 60 * time.Second, Reps: 1}}})
	b.Set(savedKey, `["`+good+`"]`)
	html := render(t, &routinesPage{Env: env})
	if !strings.Contains(html, "Desk break") || !strings.Contains(html, `href="`+good+`"`) {
		t.Error("the saved routine is not listed with its link")
	}

	for name, raw := range map[string]string{
		"not json":          `["`,
		"tampered routine":  `["` + good[:len(good)-3] + `"]`,
		"unknown exercise":  `["` + linkOf(`{"v":1,"name":"x","steps":[{"ex":"handstand","hold":5,"reps":1,"sides":false,"rest":0}]}`) + `"]`,
		"not a list of str": `[1,2]`,
	} {
		t.Run(name, func(t *testing.T) {
			b.Set(savedKey, raw)
			p := &routinesPage{Env: testEnv(t, b)}
			html := render(t, p)
			if !strings.Contains(html, p.Env.T("routines.custom.corrupt")) {
				t.Error("the unreadable list is not explained")
			}
			p.delete(0)
			if got, _, _ := b.Get(savedKey); got != raw {
				t.Errorf("the unreadable list was overwritten with %q", got)
			}
			// Saving from the builder is refused too.
			bp := &builderPage{Env: p.Env, name: "New"}
			bp.add(mustExercise(t, p.Env, routine.Walking))
			bp.onSave(app.Context{}, app.Event{})
			if got, _, _ := b.Get(savedKey); got != raw {
				t.Errorf("the builder overwrote the unreadable list with %q", got)
			}
			if !bp.statusErr || bp.status != p.Env.T("routines.builder.save_blocked") {
				t.Errorf("builder status = %q; want the blocked message", bp.status)
			}
			// Only the person's own choice replaces it.
			p.onReset(app.Context{}, app.Event{})
			if got, _, _ := b.Get(savedKey); got != "null" && got != "[]" {
				t.Errorf("after reset the list is %q; want empty", got)
			}
		})
	}
}

func mustExercise(t *testing.T, env *Env, id routine.ExerciseID) routine.Exercise {
	t.Helper()
	x, ok := env.Catalog.Routines().Exercise(id)
	if !ok {
		t.Fatalf("no exercise %s", id)
	}
	return x
}
