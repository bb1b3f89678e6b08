package view

import (
	"net/url"

	"unknot/app/clinic"
)

// ClinicMode says which clinic, if any, the app is shown for, and whether it
// runs in the compact embed mode inside a clinic's own page.
//
// Where the configuration comes from, in order:
//
//  1. baked into the site with `unknot static -clinic FILE` (the page's
//     UNKNOT_CLINIC environment): it always wins, and a clinic=… in the
//     address is ignored, so nobody can rebrand a clinic's own Unknot with a
//     crafted link;
//  2. otherwise the address's fragment (#clinic=…), and only inside a frame
//     (the embed, or the configurator's preview): a top-level page ignores it,
//     so a link cannot dress the public app up as a clinic it is not.
type ClinicMode struct {
	Config *clinic.Config // nil: no clinic
	Baked  bool           // the configuration came with the site, not from the address
	Embed  bool           // the compact embed mode: ?embed=1, or inside a frame
	// Lang is the language the embed asks for (?lang=fr, from the script's
	// data-lang): the clinic's language where its configuration names none.
	Lang string
	// Problem is why a clinic configuration in the address was not used; it
	// is shown in the embed in plain words (text key) and logged.
	Problem string
	Err     error
	// Frame reaches the browser for the embed (nil on the server and in tests).
	Frame Frame
}

// Frame is what the embed and the configurator need from the browser.
// wasm/browser implements it; a nil Frame means "not in a browser".
type Frame interface {
	// SetAccent sets the --clinic-accent CSS custom property on the root
	// element (through the CSS object model, which the Content-Security-Policy
	// allows, unlike style attributes).
	SetAccent(hex string)
	// ReportHeight tells the parent page the document's height now and on
	// every resize, with postMessage({type: "unknot:height", height}), and
	// nothing else.
	ReportHeight()
	// Origin is the page's origin, such as "https://back.example.org".
	Origin() string
}

// FragmentMemory keeps a frame's clinic fragment for the rest of the tab's
// session (the browser's sessionStorage), so that a reload finds it.
type FragmentMemory interface {
	RememberFragment(fragment string)
	RememberedFragment() string
}

// ClinicFragment is the fragment ResolveClinic should read. The embed is
// opened at /?embed=1#clinic=…, and moving to another page inside the frame
// leaves that address behind: a reload there would lose the clinic. So inside
// a frame, a fragment with a clinic configuration (valid or not: a broken one
// must stay reported) is remembered, and an address without one uses what was
// remembered. A top-level page reads only its own address, as ResolveClinic
// ignores a fragment there anyway.
func ClinicFragment(fragment string, framed bool, m FragmentMemory) string {
	if !framed {
		return fragment
	}
	if _, found, _ := clinic.FromFragment(fragment); found {
		m.RememberFragment(fragment)
		return fragment
	}
	if saved := m.RememberedFragment(); saved != "" {
		return saved
	}
	return fragment
}

// ResolveClinic decides the clinic mode at start-up. baked is the encoded
// configuration the site was built with ("" for none), query and fragment are
// the address's (without ? and #), framed whether the page is inside another.
func ResolveClinic(baked, query, fragment string, framed bool) ClinicMode {
	m := ClinicMode{Embed: framed || embedQuery(query), Lang: langQuery(query)}
	if baked != "" {
		c, err := clinic.DecodeFragment(baked)
		if err != nil {
			// The build validated it: reaching this is a broken build.
			m.Problem, m.Err = "clinic.embed.bad_config", err
			return m
		}
		m.Config, m.Baked = &c, true
		return m
	}
	if !framed {
		return m
	}
	c, found, err := clinic.FromFragment(fragment)
	switch {
	case err != nil:
		m.Problem, m.Err = "clinic.embed.bad_config", err
	case found:
		m.Config = &c
	}
	return m
}

// langQuery is the ?lang= of the address when it is a two-letter code.
func langQuery(query string) string {
	v, err := url.ParseQuery(query)
	if l := v.Get("lang"); err == nil && isLanguageCode(l) {
		return l
	}
	return ""
}

func embedQuery(query string) bool {
	v, err := url.ParseQuery(query)
	return err == nil && v.Get("embed") == "1"
}

// ApplyClinic puts the clinic mode into effect on the page: root attributes
// for the embed's compact layout, the accent colour, and the height reports.
func (e *Env) ApplyClinic() {
	m := e.Clinic
	if m.Embed {
		e.Platform.SetRootAttribute("data-embed", "true")
	}
	if m.Frame == nil {
		return
	}
	if m.Config != nil && m.Config.Accent != "" && !m.Baked {
		// A baked accent comes with the site's own stylesheet.
		m.Frame.SetAccent(m.Config.Accent)
	}
	if m.Embed && e.Platform.InFrame() {
		m.Frame.ReportHeight()
	}
}

// fullAppURL is the app's own address, for "open the full app": absolute when
// the origin is known, so that it leaves the clinic's page.
func (e *Env) fullAppURL() string {
	if e.Clinic.Frame != nil {
		return e.Clinic.Frame.Origin() + e.Href("/")
	}
	return e.Href("/")
}
