//go:build !wasm

package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"unknot/app/clinic"
	"unknot/app/content"
	"unknot/app/triage"
	"unknot/data"
)

// TestBrowserTriageInEveryLanguage runs the check's journeys in a browser
// set to each language: the page speaks it (<html lang>, its own title) and
// the same answers, clicked through the data-answer hooks, reach the same
// tiers. Every entry to /triage is a fresh check, so one tab runs them all.
func TestBrowserTriageInEveryLanguage(t *testing.T) {
	c, err := content.Load(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	journeys := []struct {
		answers triage.Answers
		want    string
	}{
		{triage.Answers{"bowel_control": triage.Unsure}, "emergency"},
		{triage.Answers{"weight_loss": triage.Yes}, "urgent"},
		{triage.Answers{"age_band": "50_plus", "first_episode": "yes", "duration": "under_2_days", "course": "better", "daily_activities": "normal", "sciatica": "no", "inflammatory": "no"}, "soon"},
		{selfCareAnswers, "selfcare"},
	}
	for _, tc := range []struct{ browserLang, lang string }{{"es-ES", "es"}, {"de-DE", "de"}, {"fr-FR", "fr"}} {
		t.Run(tc.lang, func(t *testing.T) {
			t.Parallel()
			words := c.Strings(tc.lang)
			j := newTriageJourneyOn(t, onPhone("Europe/Paris"),
				emulation.SetUserAgentOverride("Mozilla/5.0 (Linux; Android 14) Unknot test").WithAcceptLanguage(tc.browserLang))
			for i, jn := range journeys {
				if i > 0 {
					runIn(t, j.ctx, "a new check", chromedp.Navigate(j.base+"/triage"), appReady())
				}
				var lang string
				runIn(t, j.ctx, "reading <html lang>", chromedp.Evaluate(`document.documentElement.lang`, &lang))
				if lang != tc.lang {
					t.Fatalf("<html lang=%q>; want %q", lang, tc.lang)
				}
				if got, want := text(t, j.ctx, "main h1"), words.T("triage.title"); got != want {
					t.Fatalf("the check's heading %q; want %q", got, want)
				}
				j.answerAll(jn.answers)
				if got := j.disposition(); got != jn.want {
					t.Errorf("%v: %s; want %s", jn.answers, got, jn.want)
				}
				if got, want := text(t, j.ctx, "#result-title"), words.T("triage.tier."+jn.want+".title"); got != want {
					t.Errorf("%s result says %q; want %q", jn.want, got, want)
				}
				if jn.want == "emergency" && !strings.Contains(text(t, j.ctx, ".btn-call"), "112") {
					t.Errorf("the call button in France says %q; want 112", text(t, j.ctx, ".btn-call"))
				}
			}
		})
	}
}

// TestBrowserSpanishChosenInSettings: a person in an English browser picks
// Español in Settings; the next screens, and the next visit, are Spanish.
func TestBrowserSpanishChosenInSettings(t *testing.T) {
	t.Parallel()
	c, err := content.Load(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	es := c.Strings("es")
	srv := startServer(t, "web", "")
	ctx := newBrowser(t).Tab()
	runIn(t, ctx, "opening Settings", chromedp.Navigate(srv.URL+"/settings"), appReady())
	clickJS(t, ctx, `[data-language="es"]`)
	eventually(t, ctx, "Settings in Spanish", `document.documentElement.lang === "es" && document.querySelector("main h1").textContent === `+jsString(es.T("settings.title")))
	clickJS(t, ctx, `nav.tabbar a[href="/triage"]`)
	eventually(t, ctx, "the check in Spanish", `document.querySelector("main h1") && document.querySelector("main h1").textContent === `+jsString(es.T("triage.title")))
	runIn(t, ctx, "a later visit", chromedp.Navigate(srv.URL+"/journal"), appReady())
	eventually(t, ctx, "the journal in Spanish", `document.documentElement.lang === "es" && document.querySelector("nav.tabbar").textContent.includes(`+jsString(es.T("nav.journal"))+`)`)
}

// TestBrowserEmbedInTheClinicsLanguage: a clinic's page embeds Unknot with
// data-lang="fr", or with a configuration whose lang is "fr"; an English
// browser shows the embedded app in French either way.
func TestBrowserEmbedInTheClinicsLanguage(t *testing.T) {
	t.Parallel()
	c, err := content.Load(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	fr := c.Strings("fr")
	s := startServer(t, "web", "")
	page := func(attrs string) string {
		return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Cabinet</title></head><body><h1>Cabinet du Parc</h1>
<script src="` + s.URL + `/embed.js" ` + attrs + ` async></script></body></html>`
	}
	pages := map[string]string{
		"/attribute": page(`data-clinic="` + clinic.Encode(clinic.Config{Name: "Cabinet du Parc", Country: "FR"}) + `" data-lang="fr"`),
		"/config":    page(`data-clinic="` + clinic.Encode(clinic.Config{Name: "Cabinet du Parc", Country: "FR", Lang: "fr"}) + `"`),
	}
	host := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(pages[r.URL.Path]))
	}))
	t.Cleanup(host.Close)
	ctx := embedBrowser(t)
	for _, p := range []string{"/attribute", "/config"} {
		runIn(t, ctx, "the clinic's page "+p, chromedp.Navigate(host.URL+p))
		eventually(t, ctx, "the frame", `document.querySelector("iframe.unknot-embed") !== null`)
		eventuallyInFrame(t, ctx, "the app in French on "+p, `document.getElementById("app-wasm-loader") === null &&
			document.documentElement.lang === "fr" && document.querySelector("main h1") !== null &&
			document.querySelector("main h1").textContent === `+jsString(fr.T("home.title")))
	}
	// An emergency result in the frame takes no height from the frame's own
	// (the frame grows to its content: that would grow it without end).
	inFrame(t, ctx, `location.href = "/triage"`, nil)
	eventuallyInFrame(t, ctx, "the check in the frame", `document.getElementById("app-wasm-loader") === null && document.querySelector('[data-question="chest_pain"] [data-answer="yes"]') !== null`)
	inFrame(t, ctx, `document.querySelector('[data-question="chest_pain"] [data-answer="yes"]').click()`, nil)
	eventuallyInFrame(t, ctx, "the emergency result in the frame, as tall as its content", `document.querySelector('[data-disposition="emergency"]') !== null &&
		getComputedStyle(document.querySelector(".emergency-first")).minHeight === "0px"`)
}

// TestBrowserEveryLanguageAtTheLargestTextFits: German (the longest of
// Unknot's languages), Spanish and French on a 320 px phone at the largest
// text size: no screen reaches past the right edge and no navigation label
// is cut short or too small.
func TestBrowserEveryLanguageAtTheLargestTextFits(t *testing.T) {
	for _, tc := range []struct{ browserLang, lang string }{{"de-DE", "de"}, {"es-ES", "es"}, {"fr-FR", "fr"}} {
		t.Run(tc.lang, func(t *testing.T) {
			t.Parallel()
			s := startServer(t, "web", "")
			ctx := newBrowser(t).Tab()
			runIn(t, ctx, "the browser's language", emulation.SetUserAgentOverride("Mozilla/5.0 (Linux; Android 14) Unknot test").WithAcceptLanguage(tc.browserLang))
			v := lookSpec{320, 640, "larger", "light"}
			for _, path := range layoutRoutes {
				lookAt(t, ctx, s.URL, path, v)
				var lang string
				var overflow, clipped, small []string
				runIn(t, ctx, "measuring "+path, chromedp.Evaluate(`document.documentElement.lang`, &lang),
					chromedp.Evaluate(overflowJS, &overflow), chromedp.Evaluate(clippedNavJS, &clipped), chromedp.Evaluate(smallNavJS, &small))
				if lang != tc.lang {
					t.Fatalf("%s is in %q; want %s", path, lang, tc.lang)
				}
				if len(overflow) > 0 {
					t.Errorf("%s in %s at %s: elements past the right edge: %s", path, tc.lang, v, strings.Join(overflow, "; "))
				}
				if len(clipped) > 0 {
					t.Errorf("%s in %s at %s: navigation labels cut short: %s", path, tc.lang, v, strings.Join(clipped, "; "))
				}
				if len(small) > 0 {
					t.Errorf("%s in %s at %s: navigation too small to read or tap: %s", path, tc.lang, v, strings.Join(small, "; "))
				}
			}
		})
	}
}
