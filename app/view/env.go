package view

import (
	"errors"
	"strings"

	"unknot/app/content"
	"unknot/app/journal"
)

// Platform is what the views need from the browser. wasm/browser implements
// it in JavaScript and, for tests and the server-side render, in memory.
type Platform interface {
	// Get and Set read and write small values that must survive a reload.
	Get(key string) (value string, ok bool, err error)
	Set(key, value string) error
	// SetRootAttribute sets an attribute on the <html> element (theme, text size).
	SetRootAttribute(name, value string)
	// Languages are the browser's preferred language tags, most preferred
	// first ("de-DE", "en").
	Languages() []string
	// RememberLanguage keeps the language chosen in Settings ("" for none)
	// where the service worker reads it, so the pages it answers with
	// before the program has started are in that language.
	RememberLanguage(lang string)
	// Region is the browser's region (ISO 3166-1 alpha-2, upper case) or "".
	Region() string
	// TimeZone is the device's IANA time zone ("Europe/London") or "".
	TimeZone() string
	// TakeEarlyAnswers returns, once, the answers given to the check's
	// pre-rendered form before the program started (web/triage-early.js).
	TakeEarlyAnswers() map[string]string
	// InFrame reports whether the app runs inside another page's frame.
	InFrame() bool
	// Print opens the browser's print dialog.
	Print()
}

// Env is what every page is built with: the content, the words in the
// person's language, where the app is served from, and the browser.
type Env struct {
	Catalog *content.Catalog
	// Lang is the language of Text ("en", "de"): see ApplyLanguage.
	Lang     string
	Text     content.Strings
	Base     string // URL path prefix without a trailing slash: "" at the root, "/back-care" under a sub-path
	Platform Platform
	Settings *SettingsState
	// Journal keeps episodes and sessions on the device.
	Journal journal.Store
	// JournalVolatile is set when the journal's storage could not be
	// opened and Journal keeps records in memory, for this page's life only.
	JournalVolatile bool
	// JournalFeed brings news of journal changes made in other tabs, and
	// Files saves exports and reads picked files (journal_services.go).
	JournalFeed JournalFeed
	Files       JournalFiles
	// The routine player's browser services (player_services.go); nil
	// services are done without.
	Cues      CueOutput
	WakeLock  WakeLock
	Clock     Clock
	Clipboard Clipboard
	Exit      PageExit
	// Clinic is the clinic the app is branded for, if any, and whether it
	// runs embedded in a clinic's page (clinic_mode.go).
	Clinic ClinicMode

	// install is what the last install control found (install.go): the
	// next page's control starts from it.
	install installState
}

// NewEnv builds an Env for the language tag lang. base is the URL prefix the
// app is served under ("" or "/" for the root).
func NewEnv(c *content.Catalog, lang, base string, p Platform, j journal.Store) *Env {
	e := &Env{Catalog: c, Lang: c.ChooseLanguage("", "", []string{lang}), Base: NewEnvBase(base), Platform: p, Journal: j}
	e.Text = c.Strings(e.Lang)
	e.Settings = loadSettings(p)
	return e
}

// ApplyLanguage chooses the language the app speaks (content's
// ChooseLanguage: Settings, then the clinic's, then the browser's) and marks
// the page with it, which the spoken cues follow too.
func (e *Env) ApplyLanguage() {
	clinicLang := e.Clinic.Lang
	if c := e.Clinic.Config; c != nil && c.Lang != "" {
		clinicLang = c.Lang
	}
	e.Lang = e.Catalog.ChooseLanguage(e.Settings.Current.Language, clinicLang, e.Platform.Languages())
	e.Text = e.Catalog.Strings(e.Lang)
	e.Platform.SetRootAttribute("lang", e.Lang)
	e.Platform.RememberLanguage(e.Settings.Current.Language)
}

// NewEnvBase normalises a base path: "" or "/" is the root (""), anything
// else gains a leading slash and loses its trailing one.
func NewEnvBase(base string) string {
	base = strings.TrimRight(base, "/")
	if base != "" && !strings.HasPrefix(base, "/") {
		base = "/" + base
	}
	return base
}

// T returns the words for key.
func (e *Env) T(key string) string { return e.Text.T(key) }

// Href turns an app path such as "/about" into a link under the base path.
func (e *Env) Href(path string) string {
	if path == "/" && e.Base != "" {
		return e.Base + "/"
	}
	return e.Base + path
}

// PrerenderPlatform is the Platform for rendering pages on the server: it
// stores nothing and reports a plain top-level page with no region.
type PrerenderPlatform struct{}

func (PrerenderPlatform) Get(string) (string, bool, error) { return "", false, nil }
func (PrerenderPlatform) Set(string, string) error         { return errNotInBrowser }
func (PrerenderPlatform) SetRootAttribute(string, string)  {}
func (PrerenderPlatform) Region() string                   { return "" }
func (PrerenderPlatform) Languages() []string              { return nil }
func (PrerenderPlatform) RememberLanguage(string)          {}
func (PrerenderPlatform) TimeZone() string                 { return "" }
func (PrerenderPlatform) TakeEarlyAnswers() map[string]string {
	return nil
}
func (PrerenderPlatform) InFrame() bool { return false }
func (PrerenderPlatform) Print()        {}

var errNotInBrowser = errors.New("view: saving needs a browser")
