//go:build !wasm

package main

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"unknot/app/content"
	"unknot/app/triage"
	"unknot/app/view"
	"unknot/data"
)

// triageJourney drives the real /triage screens like a person: it answers
// each step's questions (warning signs not listed get "no"), presses Next,
// and reads the result's data-disposition.
type triageJourney struct {
	t   *testing.T
	ctx context.Context
	rs  *triage.RuleSet
}

func newTriageJourney(t *testing.T) *triageJourney {
	srv := startServer(t, "web", "")
	b := newBrowser(t)
	ctx := b.Tab()
	c, err := content.Load(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	runIn(t, ctx, "opening the check", chromedp.Navigate(srv.URL+"/triage"), appReady())
	return &triageJourney{t: t, ctx: ctx, rs: c.Triage()}
}

// click clicks the element in-page (scrolling a long form with chromedp's
// pointer clicks is slow and flaky under load; the DOM click fires the same
// handlers).
func (j *triageJourney) click(sel string) {
	j.t.Helper()
	clickJS(j.t, j.ctx, sel)
}

func (j *triageJourney) choose(id triage.QuestionID, value string) {
	j.t.Helper()
	sel := fmt.Sprintf(`[data-question=%q] [data-answer=%q]`, id, value)
	eventually(j.t, j.ctx, "question "+string(id), fmt.Sprintf(`document.querySelector(%q) !== null`, sel))
	j.click(sel)
}

func (j *triageJourney) disposition() string {
	j.t.Helper()
	eventually(j.t, j.ctx, "a result", `document.querySelector("[data-disposition]") !== null`)
	var d string
	runIn(j.t, j.ctx, "reading the result", chromedp.AttributeValue("[data-disposition]", "data-disposition", &d, nil))
	return d
}

// answerAll walks every step. Warning signs default to "no"; context
// questions are answered only when given.
func (j *triageJourney) answerAll(answers triage.Answers) {
	j.t.Helper()
	groups := []triage.Group{triage.GroupEmergency, triage.GroupSameDay, triage.GroupContext}
	for i, g := range groups {
		for _, q := range j.rs.QuestionsIn(g) {
			v, ok := answers[q.ID]
			if !ok && q.WarningSign() {
				v, ok = triage.No, true
			}
			if ok {
				j.choose(q.ID, v)
			}
		}
		if j.has("[data-disposition]") {
			return
		}
		j.click(`[data-action="next"]`)
		if i+1 < len(groups) {
			first := j.rs.QuestionsIn(groups[i+1])[0].ID
			eventually(j.t, j.ctx, "the next step", fmt.Sprintf(`document.querySelector('[data-question=%q]') !== null`, first))
		}
	}
}

func (j *triageJourney) has(sel string) bool {
	j.t.Helper()
	var ok bool
	runIn(j.t, j.ctx, "looking for "+sel, chromedp.Evaluate(fmt.Sprintf(`document.querySelector(%q) !== null`, sel), &ok))
	return ok
}

func TestBrowserTriageEmergencyJumpsStraightToCall(t *testing.T) {
	t.Parallel()
	j := newTriageJourney(t)
	j.choose("saddle_numbness", triage.No)
	j.choose("bladder_change", triage.Unsure)
	if got := j.disposition(); got != "emergency" {
		t.Fatalf("disposition = %q; want emergency", got)
	}
	var href string
	runIn(t, j.ctx, "call link", chromedp.AttributeValue(".btn-call", "href", &href, nil))
	if href != "tel:911" { // headless Chromium reports en-US
		t.Errorf("call link = %q; want tel:911", href)
	}
	if j.has("[data-routine-offer]") || j.has(`main a[href^="/routines"]`) {
		t.Error("an exercise is offered with an emergency result")
	}
	if !strings.Contains(text(t, j.ctx, ".result-reasons"), "not sure") {
		t.Error("the result does not say the person was not sure")
	}
	checkAxe(t, j.ctx, axeSource(t), "emergency result")
}

func TestBrowserTriageUrgent(t *testing.T) {
	t.Parallel()
	j := newTriageJourney(t)
	j.answerAll(triage.Answers{"fever": triage.Yes, "age_band": "20_to_49", "first_episode": "no", "duration": "under_2_days", "course": "same", "daily_activities": "normal", "sciatica": "no", "inflammatory": "no"})
	if got := j.disposition(); got != "urgent" {
		t.Fatalf("disposition = %q; want urgent", got)
	}
	if !j.has(`a[href="tel:911"]`) {
		t.Error("no call link in the worsening advice")
	}
	if j.has("[data-routine-offer]") || j.has(`main a[href^="/routines"]`) {
		t.Error("an exercise is offered with an urgent result")
	}
}

func TestBrowserTriageSoonAndBackKeepsAnswers(t *testing.T) {
	t.Parallel()
	j := newTriageJourney(t)
	// Next with nothing answered stays put and says what is missing.
	j.click(`[data-action="next"]`)
	eventually(t, j.ctx, "the missing list", `document.querySelector("#triage-required li") !== null`)
	checkAxe(t, j.ctx, axeSource(t), "triage with missing answers")
	j.answerAll(triage.Answers{"age_band": "50_plus", "first_episode": "yes", "duration": "under_2_days", "course": "better", "daily_activities": "normal", "sciatica": "no", "inflammatory": "no", "pain_now": "6"})
	if got := j.disposition(); got != "soon" {
		t.Fatalf("disposition = %q; want soon", got)
	}
	if containsPath(view.Paths(), "/routines") && !j.has("[data-routine-offer]") {
		t.Error("no gentle routine offered for soon")
	}
	// Back returns to the questions with the answers kept, also after a reload.
	j.click(`[data-action="result-back"]`)
	runIn(t, j.ctx, "reload", chromedp.Reload(), appReady())
	eventually(t, j.ctx, "kept answers", `document.querySelector('[data-question="age_band"] [data-answer="50_plus"]').checked`)
}

func TestBrowserTriageSelfCareWithTimerAndSave(t *testing.T) {
	t.Parallel()
	j := newTriageJourney(t)
	j.answerAll(triage.Answers{"age_band": "20_to_49", "first_episode": "no", "duration": "under_2_days", "course": "same", "daily_activities": "limited", "sciatica": "no", "inflammatory": "no", "trigger": "lifting"})
	if got := j.disposition(); got != "selfcare" {
		t.Fatalf("disposition = %q; want selfcare", got)
	}
	j.click(`[data-timer="15"]`)
	eventually(t, j.ctx, "the timer", `/^1[45]:\d\d/.test(document.querySelector(".timer-remaining").textContent)`)
	j.click("#triage-save")
	eventually(t, j.ctx, "saved", `document.querySelector("#triage-save").disabled`)
	checkAxe(t, j.ctx, axeSource(t), "selfcare result")
}

func containsPath(paths []string, p string) bool {
	for _, x := range paths {
		if x == p {
			return true
		}
	}
	return false
}
