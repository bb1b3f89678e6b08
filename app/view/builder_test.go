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

func TestBuilderSavesWhatPlays(t *testing.T) {
	b := browser.New()
	env := testEnv(t, b)
	p := &builderPage{Env: env}
	p.onSave(app.Context{}, app.Event{})
	if p.problem != "routines.builder.error.no_name" {
		t.Errorf("problem = %q; want no_name", p.problem)
	}
	p.name = "  Desk break "
	p.onSave(app.Context{}, app.Event{})
	if p.problem != "routines.builder.error.steps" {
		t.Errorf("problem = %q; want steps", p.problem)
	}
	p.add(mustExercise(t, env, routine.SeatedTwist))
	p.add(mustExercise(t, env, routine.Walking))
	p.move(1, -1)
	if p.steps[0].Exercise != routine.Walking {
		t.Fatalf("after moving up, first = %s; want walking", p.steps[0].Exercise)
	}
	p.move(0, -1) // nowhere to go: nothing happens
	p.steps[1].Hold = 500 * time.Second
	p.onSave(app.Context{}, app.Event{})
	if p.problem != "routines.builder.error.hold" {
		t.Errorf("problem = %q; want hold", p.problem)
	}
	p.steps[1].Hold = 20 * time.Second
	p.onSave(app.Context{}, app.Event{})
	if p.problem != "" || p.statusErr {
		t.Fatalf("save failed: %q %q", p.problem, p.status)
	}
	saved := loadSaved(b, env.Catalog.Routines())
	if saved.Err != nil || len(saved.List) != 1 {
		t.Fatalf("saved = %+v", saved)
	}
	c := saved.List[0].Custom
	if c.Name != "Desk break" || len(c.Steps) != 2 || c.Steps[0].Exercise != routine.Walking || c.Steps[1].Hold != 20*time.Second || !c.Steps[1].Sides {
		t.Errorf("saved routine = %+v", c)
	}
	if html := render(t, &routinesPage{Env: env}); !strings.Contains(html, "Desk break") {
		t.Error("the saved routine is not on the stretches page")
	}
	// A full storage says so and keeps the list.
	b.Full = true
	p.onSave(app.Context{}, app.Event{})
	if !p.statusErr || p.status != env.T("routines.builder.save_error") {
		t.Errorf("status = %q; want the save error", p.status)
	}
}

func TestBuilderOffersOnlyWhatSuits(t *testing.T) {
	b := browser.New()
	saveFilter(b, routine.FilterOptions{NoFloor: true})
	env := testEnv(t, b)
	html := render(t, &builderPage{Env: env})
	for _, x := range env.Catalog.Routines().Exercises() {
		listed := strings.Contains(html, `data-exercise="`+string(x.ID)+`"`)
		if want := x.Position() == routine.Seated || x.Position() == routine.Standing; listed != want {
			t.Errorf("%s listed = %v; want %v", x.ID, listed, want)
		}
	}
	if m := missingKey.FindString(html); m != "" {
		t.Errorf("missing key %s", m)
	}
}

func TestBuilderShareLinkPlays(t *testing.T) {
	env := testEnv(t, browser.New())
	p := &builderPage{Env: env, name: "Shared"}
	p.add(mustExercise(t, env, routine.CatCow))
	e := app.NewTestEngine()
	if err := e.Load(p); err != nil {
		t.Fatal(err)
	}
	c, problem := p.custom()
	if problem != "" {
		t.Fatal(problem)
	}
	p.link = routine.EncodeLink(c)
	e.ConsumeAll()
	if _, err := routine.DecodeLink(p.link, env.Catalog.Routines()); err != nil {
		t.Fatalf("the share link does not decode: %v", err)
	}
	r := newPlayerRig(t, p.link)
	r.wantState(routine.StateReady)
}
