//go:build !(js && wasm)

package view

import (
	"context"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/triage"
	"unknot/wasm/browser"
)

// TestTriageResultPromisesRemindersOnlyOnceSaved: a self-care result says
// that saving lets the journal remind; once saved, it promises the
// re-checks and offers the calendar file of the saved episode.
func TestTriageResultPromisesRemindersOnlyOnceSaved(t *testing.T) {
	env := testEnv(t, browser.New())
	env.Files = browser.NewFiles()
	p := &triagePage{Env: env}
	p.progress = triageProgress{Step: len(triageSteps), Answers: triage.Answers{"duration": "under_2_days"}}
	for _, q := range env.Catalog.Triage().Questions() {
		if q.WarningSign() {
			p.progress.Answers[q.ID] = triage.No
		}
	}
	eng := app.NewTestEngine()
	if err := eng.Load(p); err != nil {
		t.Fatal(err)
	}
	eng.ConsumeAll()
	unsaved := env.Text.Format("reminders.result.unsaved", "days", "3, 7, 14, 28, 42")
	saved := env.Text.Format("reminders.result.saved", "days", "3, 7, 14, 28, 42")
	html := app.HTMLString(p)
	if !strings.Contains(html, `data-disposition="selfcare"`) || !strings.Contains(html, htmlEscape(unsaved)) {
		t.Fatalf("before saving, the result does not say that saving lets the journal remind:\n%s", html)
	}
	if strings.Contains(html, htmlEscape(saved)) || strings.Contains(html, "add-reminders") {
		t.Error("before saving, the result promises reminders")
	}

	p.onSave(p.ctx, app.Event{})
	p.ctx.Update()
	eng.ConsumeAll()
	html = app.HTMLString(p)
	if !strings.Contains(html, htmlEscape(saved)) || !strings.Contains(html, `data-action="add-reminders"`) || strings.Contains(html, htmlEscape(unsaved)) {
		t.Errorf("once saved, the result does not promise the re-checks with the calendar button:\n%s", html)
	}
	eps, err := env.Journal.Episodes(context.Background())
	if err != nil || len(eps) != 1 {
		t.Fatalf("journal: %d episodes, %v; want the one saved", len(eps), err)
	}
	if got := p.progress.SavedTo; got.ID != eps[0].ID || !got.Started.Equal(eps[0].Started) {
		t.Errorf("the reminders are for %+v; want the saved episode %s from %s", got, eps[0].ID, eps[0].Started)
	}
}
