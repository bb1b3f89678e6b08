//go:build !(js && wasm)

package view

import (
	"strings"
	"testing"
	"time"

	"unknot/app/clinic"
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
			wantText: []string{env.T("triage.tier.emergency.title"), "Call 999"}},
		{name: "urgent in the UK", answers: triage.Answers{"fever": "unsure"}, want: "urgent", call: `href="tel:999"`, noRoutine: true,
			wantText: []string{env.T("triage.urgent.where_uk")}},
		{name: "pregnancy warning", answers: triage.Answers{"pregnancy_warning": "yes"}, want: "urgent", noRoutine: true,
			wantText: []string{env.T("triage.advice.midwife")}},
		{name: "soon", answers: triage.Answers{"duration": "over_6_weeks", "course": "better"}, want: "soon", hasTimer: true,
			wantText: []string{env.T("triage.plan.heat")}},
		{name: "selfcare", answers: triage.Answers{"duration": "under_2_days"}, want: "selfcare", hasTimer: true,
			wantText: []string{env.T("triage.recheck")}},
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

func TestUnknownRegionGetsLocalNumberWording(t *testing.T) {
	b := browser.New()
	b.Lang = "ja-JP"
	env := testEnv(t, b)
	html := resultHTML(t, env, triage.Answers{"saddle_numbness": "yes"})
	if want := htmlEscape(env.Text.Format("triage.call.local", "number", "112")); !strings.Contains(html, want) {
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

func TestEveryCountryInSettingsHasAnEmergencyNumber(t *testing.T) {
	env := testEnv(t, browser.New())
	codes := countryCodes(env)
	if len(codes) < 30 {
		t.Fatalf("only %d countries offered", len(codes))
	}
	for _, c := range codes {
		if _, known := env.Catalog.Triage().EmergencyNumber(c); !known {
			t.Errorf("country %s is offered in settings but has no emergency number", c)
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
		c := &installControl{Env: env, installable: tc.installable, apple: tc.apple, showHelp: true}
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
			timer := &heatTimer{Env: env, minutes: 15, now: start, endsAt: start.Add(15 * time.Minute)}
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
			if html := render(t, timer); !strings.Contains(html, htmlEscape(env.T("timer.done"))) {
				t.Error("the end is not shown")
			}
		})
	}
}
