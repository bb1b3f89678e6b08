//go:build !wasm

package main

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
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
	t    *testing.T
	ctx  context.Context
	rs   *triage.RuleSet
	base string // the server's address
}

func newTriageJourney(t *testing.T) *triageJourney { return newTriageJourneyOn(t) }

// newTriageJourneyOn opens the check in a new browser after running setup
// (a viewport, a time zone) in its tab.
func newTriageJourneyOn(t *testing.T, setup ...chromedp.Action) *triageJourney {
	srv := startServer(t, "web", "")
	b := newBrowser(t)
	ctx := b.Tab()
	c, err := content.Load(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	runIn(t, ctx, "setting up the tab", setup...)
	runIn(t, ctx, "opening the check", chromedp.Navigate(srv.URL+"/triage"), appReady())
	return &triageJourney{t: t, ctx: ctx, rs: c.Triage(), base: srv.URL}
}

// click clicks the element in-page (scrolling a long form with chromedp's
// pointer clicks is slow and flaky under load; the DOM click fires the same
// handlers).
func (j *triageJourney) click(sel string) {
	j.t.Helper()
	clickJS(j.t, j.ctx, sel)
}

// choose answers a question and waits until the program has taken the
// answer (it keeps the check's progress as it takes one). It reports whether
// the answer ended the check: the result is then on its way to the screen.
func (j *triageJourney) choose(id triage.QuestionID, value string) (ended bool) {
	j.t.Helper()
	sel := fmt.Sprintf(`[data-question=%q] [data-answer=%q]`, id, value)
	eventually(j.t, j.ctx, "question "+string(id), fmt.Sprintf(`document.querySelector(%q) !== null`, sel))
	j.click(sel)
	progress := `JSON.parse(localStorage.getItem("unknot.triage.progress.v2") || "{}").current || {}`
	eventually(j.t, j.ctx, "the answer to "+string(id)+" taken", fmt.Sprintf(`((%s).answers || {})[%q] === %q`, progress, id, value))
	var step int
	runIn(j.t, j.ctx, "reading the step", chromedp.Evaluate(`(`+progress+`).step || 0`, &step))
	return step >= len(triage.Groups())
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
			if ok && j.choose(q.ID, v) {
				return // the result is final: the check ended here
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

// onPhone makes the tab a 390×844 phone screen in the time zone zone.
func onPhone(zone string) chromedp.Action {
	return chromedp.Tasks{
		chromedp.EmulateViewport(390, 844),
		emulation.SetTimezoneOverride(zone),
	}
}

// firstScreenful reports what a person sees before scrolling: whether the
// call button lies wholly inside the viewport, whether any "Not answered"
// line is on the page, and whether the result's heading has focus and is in
// view.
type firstScreenful struct {
	CallInView, NotAnswered, HeadingFocused, HeadingInView bool
	// OthersBelow: the worsening advice and the save button start below
	// what the bottom navigation leaves visible.
	OthersBelow bool
	CallText    string
}

func readFirstScreenful(t *testing.T, ctx context.Context) firstScreenful {
	t.Helper()
	var f firstScreenful
	runIn(t, ctx, "reading the first screenful", chromedp.Evaluate(`(() => {
		const call = document.querySelector(".btn-call"), h = document.getElementById("result-title");
		const r = call ? call.getBoundingClientRect() : null, hr = h ? h.getBoundingClientRect() : null;
		return {
			CallInView: !!r && r.top >= 0 && r.bottom <= innerHeight,
			CallText: call ? call.textContent : "",
			NotAnswered: document.querySelector("main").textContent.includes("Not answered"),
			HeadingFocused: document.activeElement === h,
			HeadingInView: !!hr && hr.top >= 0 && hr.bottom <= innerHeight,
			OthersBelow: [".result-worsening", "#triage-save"].every(sel => {
				const el = document.querySelector(sel);
				return el && el.getBoundingClientRect().top >= document.querySelector("nav.tabbar").getBoundingClientRect().top;
			}),
		};
	})()`, &f))
	return f
}

func TestBrowserTriageEmergencyJumpsStraightToCall(t *testing.T) {
	t.Parallel()
	j := newTriageJourneyOn(t, onPhone("America/New_York"))
	j.choose("saddle_numbness", triage.No)
	// Scroll down as a person would, to the question they answer.
	runIn(t, j.ctx, "scrolling", chromedp.Evaluate(`window.scrollTo(0, document.body.scrollHeight)`, nil))
	j.choose("bladder_change", triage.Unsure)
	if got := j.disposition(); got != "emergency" {
		t.Fatalf("disposition = %q; want emergency", got)
	}
	eventually(t, j.ctx, "the heading focused", `document.activeElement && document.activeElement.id === "result-title"`)
	f := readFirstScreenful(t, j.ctx)
	if !f.CallInView || !f.HeadingInView || !f.HeadingFocused {
		t.Errorf("first screenful at 390×844: call button in view %v, heading in view %v, focused %v; want all", f.CallInView, f.HeadingInView, f.HeadingFocused)
	}
	if f.NotAnswered {
		t.Error("the emergency result lists unanswered questions")
	}
	if !f.OthersBelow {
		t.Error("the worsening advice or the save button shows in the first screenful")
	}
	if f.CallText != "Call 911 (United States)" {
		t.Errorf("call button %q; want Call 911 (United States)", f.CallText)
	}
	var href string
	runIn(t, j.ctx, "call link", chromedp.AttributeValue(".btn-call", "href", &href, nil))
	if href != "tel:911" {
		t.Errorf("call link = %q; want tel:911", href)
	}
	if j.has("[data-routine-offer]") || j.has(`main a[href^="/routines"]`) {
		t.Error("an exercise is offered with an emergency result")
	}
	if tell := text(t, j.ctx, ".result-tell"); !strings.Contains(tell, "leaking pee") || !strings.Contains(tell, "not sure") {
		t.Errorf("what to tell the call handler: %q; want the bladder sign, marked not sure", tell)
	}
	checkAxe(t, j.ctx, axeSource(t), "emergency result")
}

// TestBrowserTriageNumberFollowsTheTimeZone is a phone set to American
// English in London: it must call 999, and Settings must say so and why.
func TestBrowserTriageNumberFollowsTheTimeZone(t *testing.T) {
	t.Parallel()
	j := newTriageJourneyOn(t, onPhone("Europe/London"))
	j.choose("chest_pain", triage.Yes)
	if got := j.disposition(); got != "emergency" {
		t.Fatalf("disposition = %q; want emergency", got)
	}
	if f := readFirstScreenful(t, j.ctx); f.CallText != "Call 999 (United Kingdom)" || !f.CallInView {
		t.Errorf("call button %q (in view %v); want Call 999 (United Kingdom) in view", f.CallText, f.CallInView)
	}
	clickJS(t, j.ctx, `[data-action="change-country"]`)
	eventually(t, j.ctx, "settings", `location.pathname === "/settings" && document.querySelector("#emergency-now") !== null`)
	if got := text(t, j.ctx, "#emergency-now"); !strings.Contains(got, "999 (United Kingdom)") || !strings.Contains(got, "time zone") {
		t.Errorf("settings shows %q; want 999 (United Kingdom) from the time zone", got)
	}
	// Choosing a country in Settings wins over the time zone.
	runIn(t, j.ctx, "choosing Australia", chromedp.SetValue("#set-country", "AU", chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelector("#set-country").dispatchEvent(new Event("change", {bubbles: true}))`, nil))
	eventually(t, j.ctx, "000 in force", `document.querySelector("#emergency-now").textContent.includes("000 (Australia)")`)
}

func TestBrowserTriageUrgentStraightAfterTheSameDayAnswer(t *testing.T) {
	t.Parallel()
	j := newTriageJourneyOn(t, onPhone("Europe/London"))
	for _, q := range j.rs.QuestionsIn(triage.GroupEmergency) {
		j.choose(q.ID, triage.No)
	}
	j.click(`[data-action="next"]`)
	j.choose("fever", triage.Unsure)
	if got := j.disposition(); got != "urgent" {
		t.Fatalf("disposition = %q straight after fever Not sure; want urgent", got)
	}
	if j.has("[data-question]") {
		t.Error("questions are still shown beside the urgent result")
	}
	if strings.Contains(text(t, j.ctx, "main"), "Not answered") {
		t.Error("the urgent result lists unanswered questions")
	}
	eventually(t, j.ctx, "the heading focused", `document.activeElement && document.activeElement.id === "result-title"`)
}

// TestBrowserEveryCheckIsFresh: after a self-care result, "pain is worse" in
// the player, the Check tab and Home's first action all open a new check at
// the first warning sign; the last result stays one tap away.
func TestBrowserEveryCheckIsFresh(t *testing.T) {
	t.Parallel()
	j := newTriageJourneyOn(t, onPhone("Europe/London"))
	j.answerAll(selfCareAnswers)
	if got := j.disposition(); got != "selfcare" {
		t.Fatalf("disposition = %q; want selfcare", got)
	}
	fresh := func(how string) {
		t.Helper()
		eventually(t, j.ctx, how+": the first warning sign", `location.pathname === "/triage" && document.querySelector('[data-question="saddle_numbness"]') !== null`)
		if j.has("[data-disposition]") || j.has(`[data-question="saddle_numbness"] input:checked`) {
			t.Fatalf("%s: a result or an old answer is shown instead of a new check", how)
		}
		if got := text(t, j.ctx, `[data-action="last-check"]`); !strings.Contains(got, "Your last check") || !strings.Contains(got, "Look after yourself at home") {
			t.Errorf("%s: last check link %q", how, got)
		}
	}
	if slices.Contains(view.Paths(), "/routines") {
		runIn(t, j.ctx, "opening a routine", chromedp.Navigate(j.base+"/routines/quick_relief"), appReady())
		eventually(t, j.ctx, "the player", `document.querySelector("#pain-worse") !== null`)
		clickJS(t, j.ctx, "#pain-worse")
		fresh("pain is worse")
	}
	// A reload keeps the new check's answers; another entry does not.
	j.choose("saddle_numbness", triage.No)
	runIn(t, j.ctx, "reload", chromedp.Reload(), appReady())
	eventually(t, j.ctx, "the answer kept over a reload", `document.querySelector('[data-question="saddle_numbness"] [data-answer="no"]').checked`)
	clickJS(t, j.ctx, `nav a[href="/triage"]`)
	fresh("the Check tab")
	runIn(t, j.ctx, "home", chromedp.Navigate(j.base+"/"), appReady())
	clickJS(t, j.ctx, `main a[href="/triage"]`)
	fresh("Home's first action")
	// The last result is one tap away.
	clickJS(t, j.ctx, `[data-action="last-check"]`)
	if got := j.disposition(); got != "selfcare" {
		t.Errorf("the last check shows %q; want selfcare", got)
	}
}

var selfCareAnswers = triage.Answers{"age_band": "20_to_49", "first_episode": "no", "duration": "under_2_days", "course": "same", "daily_activities": "limited", "sciatica": "no", "inflammatory": "no", "trigger": "lifting"}

func TestBrowserTriageUrgent(t *testing.T) {
	t.Parallel()
	j := newTriageJourneyOn(t, onPhone("America/New_York"))
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
	if slices.Contains(view.Paths(), "/routines") && !j.has("[data-routine-offer]") {
		t.Error("no gentle routine offered for soon")
	}
	// Back returns to the questions with the answers kept, also after a reload.
	j.click(`[data-action="result-back"]`)
	runIn(t, j.ctx, "reload", chromedp.Reload(), appReady())
	eventually(t, j.ctx, "kept answers", `document.querySelector('[data-question="age_band"] [data-answer="50_plus"]').checked`)
}

// recordRings makes the page record what would buzz or speak, so a test can
// hear the timer ring.
const recordRings = `
	window.__rings = {vibrations: 0, spoken: []};
	navigator.vibrate = () => { window.__rings.vibrations++; return true; };
	if (window.speechSynthesis) {
		speechSynthesis.speak = u => { window.__rings.spoken.push(u.text); };
	}
`

func TestBrowserTriageSelfCareWithTimerAndSave(t *testing.T) {
	t.Parallel()
	j := newTriageJourneyOn(t, onPhone("Europe/London"), chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(recordRings).Do(ctx)
		return err
	}))
	j.answerAll(selfCareAnswers)
	if got := j.disposition(); got != "selfcare" {
		t.Fatalf("disposition = %q; want selfcare", got)
	}
	j.click(`[data-timer="heat-15"]`)
	eventually(t, j.ctx, "the timer at 15:00", `document.querySelector(".timer-remaining").textContent === "Heat: 15:00 left"`)
	// 3 s later it shows less time: it counts from its start instant.
	eventually(t, j.ctx, "the timer counting down", `(() => {
		const m = /(\d+):(\d\d) left/.exec(document.querySelector(".timer-remaining").textContent);
		return m && (+m[1]) * 60 + (+m[2]) <= 15 * 60 - 3;
	})()`)
	// A reload resumes it; with 15 s left (the saved end moved, as if the
	// minutes had passed) it rings, buzzes and speaks at the end.
	runIn(t, j.ctx, "moving the end near", chromedp.Evaluate(`(() => {
		const s = JSON.parse(localStorage.getItem("unknot.timer.v1"));
		s.ends_at = new Date(Date.now() + 15000).toISOString();
		localStorage.setItem("unknot.timer.v1", JSON.stringify(s));
	})()`, nil), chromedp.Reload(), appReady())
	eventually(t, j.ctx, "the resumed timer", `/Heat: 0:(1[0-5]|0\d) left/.test((document.querySelector(".timer-remaining") || {}).textContent)`)
	eventually(t, j.ctx, "the ring", `document.querySelector(".timer-done") !== null && window.__rings.vibrations === 1 && window.__rings.spoken.some(s => s.startsWith("Time is up"))`)
	if got := text(t, j.ctx, ".timer-done"); !strings.Contains(got, "Take the heat pack off") {
		t.Errorf("the end says %q", got)
	}
	j.click("#triage-save")
	eventually(t, j.ctx, "saved", `document.querySelector("#triage-save").disabled`)
	checkAxe(t, j.ctx, axeSource(t), "selfcare result")
}
