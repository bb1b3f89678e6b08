//go:build !(js && wasm)

package view

import (
	"strings"
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/clinic"
	"unknot/app/emergency"
	"unknot/app/triage"
	"unknot/wasm/browser"
)

// resultHTML renders the result screen for answers (warning signs not given
// are "no").
func resultHTML(t *testing.T, env *Env, answers triage.Answers) string {
	t.Helper()
	p := &triagePage{Env: env}
	p.progress = triageProgress{Step: len(triageSteps), Answers: triage.Answers{}}
	for _, q := range env.Catalog.Triage().Questions() {
		if q.WarningSign() {
			p.progress.Answers[q.ID] = triage.No
		}
	}
	for k, v := range answers {
		if v == "" {
			delete(p.progress.Answers, k)
			continue
		}
		p.progress.Answers[k] = v
	}
	return render(t, p)
}

func TestTriageResultShowsWhatEachTierNeeds(t *testing.T) {
	b := browser.New()
	b.Lang = "en-GB"
	env := testEnv(t, b)
	for _, tc := range []struct {
		name       string
		answers    triage.Answers
		want       string
		call       string // a tel: link that must be present
		wantText   []string
		noRoutine  bool
		hasTimer   bool
		hasMissing bool
	}{
		{name: "emergency", answers: triage.Answers{"chest_pain": "yes"}, want: "emergency", call: `href="tel:999"`, noRoutine: true,
			wantText: []string{env.T("triage.tier.emergency.title"), "Call 999", "(United Kingdom)", env.T("triage.tell.title"), env.T("triage.q.chest_pain.reason")}},
		{name: "emergency with gaps lists none", answers: triage.Answers{"bowel_control": "unsure", "night_pain": "", "fever": ""}, want: "emergency", call: `href="tel:999"`, noRoutine: true,
			wantText: []string{env.Text.Format("triage.tell.unsure", "reason", env.T("triage.q.bowel_control.reason"))}},
		{name: "urgent in the UK", answers: triage.Answers{"fever": "unsure"}, want: "urgent", call: `href="tel:999"`, noRoutine: true,
			wantText: []string{env.T("triage.urgent.where_uk")}},
		{name: "urgent with a same-day gap lists none", answers: triage.Answers{"fever": "yes", "night_pain": ""}, want: "urgent", noRoutine: true,
			wantText: []string{env.T("triage.tier.urgent.title")}},
		{name: "incomplete, at least urgent", answers: triage.Answers{"fever": "yes", "saddle_numbness": "", "night_pain": ""}, want: "incomplete", noRoutine: true, hasMissing: true,
			wantText: []string{env.T("triage.at_least.urgent"), env.T("triage.action.answer_missing")}},
		{name: "pregnancy warning", answers: triage.Answers{"pregnancy_warning": "yes"}, want: "urgent", noRoutine: true,
			wantText: []string{env.T("triage.advice.midwife")}},
		{name: "soon", answers: triage.Answers{"duration": "over_6_weeks", "course": "better"}, want: "soon", hasTimer: true,
			wantText: []string{env.T("triage.plan.heat")}},
		{name: "selfcare", answers: triage.Answers{"duration": "under_2_days"}, want: "selfcare", hasTimer: true,
			wantText: []string{env.Text.Format("reminders.result.unsaved", "days", "3, 7, 14, 28, 42")}},
		{name: "incomplete", answers: triage.Answers{"night_pain": ""}, want: "incomplete", noRoutine: true, hasMissing: true,
			wantText: []string{env.T("triage.action.answer_missing")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			html := resultHTML(t, env, tc.answers)
			if !strings.Contains(html, `data-disposition="`+tc.want+`"`) {
				t.Fatalf("no data-disposition=%q", tc.want)
			}
			if tc.call != "" && !strings.Contains(html, tc.call) {
				t.Errorf("no call link %s", tc.call)
			}
			for _, w := range tc.wantText {
				if !strings.Contains(html, htmlEscape(w)) {
					t.Errorf("missing %q", w)
				}
			}
			if tc.noRoutine && strings.Contains(html, "data-routine-offer") {
				t.Error("a routine is offered")
			}
			if got := strings.Contains(html, "heat-timer"); got != tc.hasTimer {
				t.Errorf("heat timer shown = %v; want %v", got, tc.hasTimer)
			}
			if got := strings.Contains(html, htmlEscape(env.Text.Format("triage.result.missing", "reason", env.T("triage.q.night_pain.reason")))); got != tc.hasMissing {
				t.Errorf("missing night_pain listed = %v; want %v", got, tc.hasMissing)
			}
			if m := missingKey.FindString(html); m != "" {
				t.Errorf("shows the missing key %s", m)
			}
		})
	}
}

func TestEmergencyResultShowsNothingElseFirst(t *testing.T) {
	b := browser.New()
	b.Lang = "en-GB"
	env := testEnv(t, b)
	html := resultHTML(t, env, triage.Answers{"saddle_numbness": "yes", "fever": "", "night_pain": ""})
	call := strings.Index(html, `class="btn btn-call"`)
	tell := strings.Index(html, `class="result-tell"`)
	if call < 0 || tell < call {
		t.Fatalf("call button at %d, what to tell at %d; want the call first", call, tell)
	}
	for _, later := range []string{"result-worsening", "triage-save", "data-action=\"quick-log\"", "install-slot", "install-button", "update-slot"} {
		if i := strings.Index(html, later); i >= 0 && i < tell {
			t.Errorf("%s comes before what to tell the call handler", later)
		}
	}
	if strings.Contains(html, htmlEscape(env.Text.Format("triage.result.missing", "reason", env.T("triage.q.fever.reason")))) {
		t.Error("an emergency lists unanswered questions")
	}
}

func TestEmergencyNumberFollowsTheTimeZoneBeforeTheLanguage(t *testing.T) {
	for _, tc := range []struct {
		lang, zone, number, country string
	}{
		{"en-US", "Europe/London", "999", "United Kingdom"},
		{"fr-CA", "America/Toronto", "911", "Canada"},
		{"en-GB", "America/New_York", "911", "United States"},
		{"en-US", "Etc/UTC", "911", "United States"}, // no country: the language decides
	} {
		b := browser.New()
		b.Lang, b.Zone = tc.lang, tc.zone
		env := testEnv(t, b)
		html := resultHTML(t, env, triage.Answers{"chest_pain": "yes"})
		want := htmlEscape(env.Text.Format("triage.call.country", "country", tc.country))
		if !strings.Contains(html, `href="tel:`+tc.number+`"`) || !strings.Contains(html, want) {
			t.Errorf("%s in %s: no %q", tc.lang, tc.zone, want)
		}
	}
}

func TestUnknownRegionGetsLocalNumberWording(t *testing.T) {
	b := browser.New()
	b.Lang = "ja" // no region, no time zone: nothing says where the person is
	env := testEnv(t, b)
	html := resultHTML(t, env, triage.Answers{"saddle_numbness": "yes"})
	if want := htmlEscape(env.T("triage.call.local")); !strings.Contains(html, want) || !strings.Contains(html, `href="tel:112"`) {
		t.Errorf("no %q", want)
	}
	// A clinic's country comes before the browser's region...
	env.Clinic.Config = &clinic.Config{Name: "Back Care", Country: "NZ"}
	if html := resultHTML(t, env, triage.Answers{"saddle_numbness": "yes"}); !strings.Contains(html, `href="tel:111"`) {
		t.Error("a clinic in NZ does not give 111")
	}
	// ...and a country chosen in settings wins over both.
	if err := env.Settings.Save(Settings{Theme: "system", TextSize: "normal", Country: "AU"}); err != nil {
		t.Fatal(err)
	}
	if html := resultHTML(t, env, triage.Answers{"saddle_numbness": "yes"}); !strings.Contains(html, `href="tel:000"`) {
		t.Error("settings country AU does not give 000")
	}
}

func TestEveryCountryInSettingsIsInTheDirectory(t *testing.T) {
	env := testEnv(t, browser.New())
	codes := countryCodes(env)
	if len(codes) < 200 {
		t.Fatalf("only %d countries offered", len(codes))
	}
	for _, c := range codes {
		if got := env.Catalog.Emergency().Choose(emergency.Where{Setting: c}); got.From != emergency.FromSettings || got.Country != c {
			t.Errorf("country %s is offered in settings but the emergency directory passes over it: %+v", c, got)
		}
	}
}

func TestInstallControlStates(t *testing.T) {
	env := testEnv(t, browser.New())
	for _, tc := range []struct {
		name                  string
		installable, apple    bool
		wantButton, wantApple bool
	}{
		{"not offered", false, false, false, false},
		{"prompt", true, false, true, false},
		{"iPhone", true, true, true, true},
	} {
		c := &installControl{Env: env, installState: installState{installable: tc.installable, apple: tc.apple}, showHelp: true}
		html := render(t, c)
		if got := strings.Contains(html, htmlEscape(env.T("install.button"))); got != tc.wantButton {
			t.Errorf("%s: button shown = %v", tc.name, got)
		}
		if got := strings.Contains(html, "install-help"); got != tc.wantApple {
			t.Errorf("%s: Add to Home Screen help shown = %v", tc.name, got)
		}
	}
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}

func TestHeatTimerRingsWithTheOutputsThatAreOn(t *testing.T) {
	for _, tc := range []struct {
		name                  string
		sound, voice, vibrate bool
		beeps, spoken, buzzes int
	}{
		{"all on", true, true, true, 1, 1, 1},
		{"silent", false, false, false, 0, 0, 0},
		{"vibration only", false, false, true, 0, 0, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := testEnv(t, browser.New())
			audio, speech, vib := browser.NewAudio(), browser.NewSpeech(), browser.NewVibrator()
			env.Cues = CueOutput{Speech: speech, Sound: audio, Vibrator: vib}
			env.Settings.Current.Sound, env.Settings.Current.Voice, env.Settings.Current.Vibration = tc.sound, tc.voice, tc.vibrate

			if tc.sound {
				audio.Prepare() // what the Start tap does (onStart)
			}
			start := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
			timer := &heatTimer{Env: env, now: start, state: timerState{Kind: "heat", Minutes: 15, EndsAt: start.Add(15 * time.Minute)}}
			timer.tick(start.Add(14 * time.Minute))
			if timer.done || len(audio.Beeps())+len(speech.Spoken())+len(vib.Patterns()) != 0 {
				t.Fatal("rang before the end")
			}
			// A tab that slept through the end rings as soon as it wakes.
			timer.tick(start.Add(40 * time.Minute))
			if !timer.done {
				t.Fatal("not done after the end")
			}
			if got := len(audio.Beeps()); got != tc.beeps {
				t.Errorf("beeps = %d; want %d", got, tc.beeps)
			}
			if got := len(speech.Spoken()); got != tc.spoken {
				t.Errorf("spoken = %d; want %d", got, tc.spoken)
			}
			if got := len(vib.Patterns()); got != tc.buzzes {
				t.Errorf("vibrations = %d; want %d", got, tc.buzzes)
			}
			if html := render(t, timer); !strings.Contains(html, htmlEscape(env.T("timer.heat.done"))) {
				t.Error("the end is not shown")
			}
		})
	}
}

// timerRig mounts a heat timer in a test engine with a clock the test moves.
type timerRig struct {
	t      *testing.T
	env    *Env
	clock  *browser.Clock
	timer  *heatTimer
	engine app.TestEngine
}

func newTimerRig(t *testing.T, b *browser.Browser, clock *browser.Clock) *timerRig {
	env := testEnv(t, b)
	env.Clock = clock
	env.Cues = CueOutput{Speech: browser.NewSpeech(), Sound: browser.NewAudio(), Vibrator: browser.NewVibrator()}
	r := &timerRig{t: t, env: env, clock: clock, timer: &heatTimer{Env: env}, engine: app.NewTestEngine()}
	if err := r.engine.Load(r.timer); err != nil {
		t.Fatal(err)
	}
	r.engine.ConsumeAll()
	r.timer.ctx.Dispatch(r.timer.OnMount) // what go-app does in the browser once the timer is in the page
	r.engine.ConsumeAll()
	return r
}

func (r *timerRig) wait(d time.Duration) {
	for end := r.clock.Now().Add(d); r.clock.Now().Before(end); {
		r.clock.Add(time.Second)
		r.clock.Tick()
		r.engine.ConsumeAll()
	}
}

// click runs a handler as a tap would: go-app updates the component after it.
func (r *timerRig) click(h func()) {
	h()
	r.timer.ctx.Update()
	r.engine.ConsumeAll()
}

func (r *timerRig) shows(s string) bool {
	return strings.Contains(app.HTMLString(r.timer), htmlEscape(s))
}

// TestHeatTimerCountsDownAfterItsStartButtonIsGone drives the timer past the
// render that removes the Start button: the ticks must still arrive (they go
// through the timer's own context), and a reload resumes from the end instant.
func TestHeatTimerCountsDownAfterItsStartButtonIsGone(t *testing.T) {
	b := browser.New()
	clock := browser.NewClock()
	r := newTimerRig(t, b, clock)
	r.click(func() { r.timer.onStart(timerChoice{"heat", 15}) })
	if !r.shows("Heat: 15:00 left") || strings.Contains(app.HTMLString(r.timer), `data-timer="heat-15"`) {
		t.Fatal("after Start: no 15:00, or the Start buttons still show")
	}
	r.wait(3 * time.Second)
	if !r.shows("Heat: 14:57 left") {
		t.Fatalf("3 s later: %s", app.HTMLString(r.timer))
	}
	// A reload: a new page finds the timer and counts on from its end.
	r.clock.Add(5 * time.Minute)
	again := newTimerRig(t, b, clock)
	if !again.shows("Heat: 9:57 left") {
		t.Fatalf("after a reload 5 min later: %s", app.HTMLString(again.timer))
	}
	again.wait(10 * time.Minute)
	if !again.timer.done || !again.shows(again.env.T("timer.heat.done")) {
		t.Fatal("not rung at the end")
	}
	if len(again.env.Cues.Vibrator.(*browser.Vibrator).Patterns()) != 1 {
		t.Error("the end did not vibrate once")
	}
	// Rung and cleared: a later page shows no timer.
	if later := newTimerRig(t, b, clock); later.timer.running() || later.timer.done {
		t.Error("a finished timer came back after another reload")
	}
}

func TestTimerStopsAndIceIsOffered(t *testing.T) {
	b := browser.New()
	clock := browser.NewClock()
	r := newTimerRig(t, b, clock)
	if !r.shows(r.env.Text.Format("timer.ice.start", "minutes", "20")) {
		t.Fatal("no 20-minute ice timer offered")
	}
	r.click(func() { r.timer.onStart(timerChoice{"ice", 20}) })
	r.wait(2 * time.Second)
	if !r.shows("Ice: 19:58 left") {
		t.Fatalf("ice: %s", app.HTMLString(r.timer))
	}
	r.click(func() { r.timer.onStop(app.Context{}, app.Event{}) })
	if r.timer.running() || clock.Timers() != 0 {
		t.Errorf("after Stop: running %v, %d timers", r.timer.running(), clock.Timers())
	}
	if again := newTimerRig(t, b, clock); again.timer.running() {
		t.Error("a stopped timer came back after a reload")
	}
}

// openTriage loads the check as the browser does on arriving at /triage.
func openTriage(t *testing.T, env *Env) *triagePage {
	t.Helper()
	p := &triagePage{Env: env}
	e := app.NewTestEngine()
	if err := e.Load(p); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	p.ctx.Dispatch(p.OnNav)
	e.ConsumeAll()
	return p
}

func TestEarlyAnswersCarryOver(t *testing.T) {
	b := browser.New()
	b.Early = map[string]string{"saddle_numbness": "no", "bowel_control": "no"}
	p := openTriage(t, testEnv(t, b))
	html := app.HTMLString(p)
	if !strings.Contains(html, `data-answer="no" checked`) && !strings.Contains(html, `checked="true"`) {
		t.Errorf("the answers given before the program started are not checked")
	}
	if got := p.progress.Answers; got["saddle_numbness"] != "no" || got["bowel_control"] != "no" || len(got) != 2 {
		t.Errorf("answers %v; want the two early answers", got)
	}
	// An emergency sign given before the start shows its result at once;
	// what is not an answer to a question is left out.
	b.Early = map[string]string{"saddle_numbness": "no", "bladder_change": "unsure", "bogus": "yes", "fever": "maybe"}
	p = openTriage(t, testEnv(t, b))
	if !strings.Contains(app.HTMLString(p), `data-disposition="emergency"`) || len(p.progress.Answers) != 2 {
		t.Errorf("early emergency answer: %v; want the emergency result with two answers", p.progress.Answers)
	}
	// Taken once: the next check starts empty.
	if p := openTriage(t, testEnv(t, b)); len(p.progress.Answers) != 0 {
		t.Errorf("the early answers came back: %v", p.progress.Answers)
	}
}

func TestLanguageFollowsSettingsThenClinicThenBrowser(t *testing.T) {
	b := browser.New()
	b.Lang = "de-DE"
	env := testEnv(t, b)
	env.ApplyLanguage()
	if env.Lang != "de" || b.RootAttribute("lang") != "de" || env.T("settings.title") == "Settings" {
		t.Fatalf("a German browser: lang %q, <html lang=%q>, %q", env.Lang, b.RootAttribute("lang"), env.T("settings.title"))
	}
	env.Clinic.Config = &clinic.Config{Name: "Clinique", Lang: "fr"}
	env.ApplyLanguage()
	if env.Lang != "fr" {
		t.Errorf("a French clinic in a German browser: %q; want fr", env.Lang)
	}
	if b.Remembered != "" {
		t.Errorf("nothing chosen in Settings, yet %q is kept for the service worker", b.Remembered)
	}
	p := &settingsPage{Env: env}
	render(t, p)
	p.saveLanguage("es")
	if env.Lang != "es" || b.RootAttribute("lang") != "es" || env.Settings.Current.Language != "es" {
		t.Fatalf("Spanish chosen in Settings: lang %q, <html lang=%q>, saved %q", env.Lang, b.RootAttribute("lang"), env.Settings.Current.Language)
	}
	if b.Remembered != "es" {
		t.Errorf("Spanish chosen in Settings, but %q is kept for the service worker", b.Remembered)
	}
	html := render(t, &triagePage{Env: env})
	if !strings.Contains(html, htmlEscape(env.Catalog.Strings("es").T("triage.title"))) {
		t.Error("the check is not in Spanish after choosing Spanish")
	}
	// Every language is offered in its own words.
	html = render(t, &settingsPage{Env: env})
	for _, name := range []string{"English", "Español", "Deutsch", "Français"} {
		if !strings.Contains(html, htmlEscape(name)) {
			t.Errorf("Settings does not offer %s", name)
		}
	}
	// The choice survives a reload.
	again := testEnv(t, b)
	again.ApplyLanguage()
	if again.Lang != "es" {
		t.Errorf("after a reload: %q; want es", again.Lang)
	}
}

// A page that reads the journal says it is busy until it has read it.
func TestJournalPagesSayWhileTheyAreLoading(t *testing.T) {
	env := testEnv(t, browser.New())
	if html := render(t, &summaryPage{Env: env}); !strings.Contains(html, `aria-busy`) {
		t.Error("the summary, not yet read, does not say it is busy")
	}
	if html := render(t, &summaryPage{Env: env, loaded: true}); strings.Contains(html, "aria-busy") {
		t.Error("the summary, read, still says it is busy")
	}
	if html := render(t, &journalPage{Env: env}); !strings.Contains(html, `aria-busy`) {
		t.Error("the journal, not yet read, does not say it is busy")
	}
}

// Counting words follow the language's plural rule: one spasm, two spasms;
// in French, 0 and 1 are both singular.
func TestCountsUseThePluralOfTheLanguage(t *testing.T) {
	env := testEnv(t, browser.New())
	for _, tt := range []struct {
		lang string
		n    int
		want string
	}{
		{"en", 1, "1 spasm in the last 12 weeks."},
		{"en", 3, "3 spasms in the last 12 weeks."},
		{"de", 1, "1 Rückenkrampf in den letzten 12 Wochen."},
		{"de", 0, "0 Rückenkrämpfe in den letzten 12 Wochen."},
		{"es", 1, "1 espasmo en las últimas 12 semanas."},
		{"fr", 0, "Crise sur les 12 dernières semaines\u00a0: 0."},
		{"fr", 2, "Crises sur les 12 dernières semaines\u00a0: 2."},
	} {
		env.Lang, env.Text = tt.lang, env.Catalog.Strings(tt.lang)
		if got := env.plural("journal.chart.weeks.summary", tt.n, "weeks", "12"); got != tt.want {
			t.Errorf("%s, %d: %q; want %q", tt.lang, tt.n, got, tt.want)
		}
	}
}
