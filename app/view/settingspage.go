package view

import (
	"html"
	"sort"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// settingsPage lets a person choose the theme, text size, cue defaults and
// the country that decides the emergency number. Each change is saved at
// once and confirmed; a failed save says so and keeps what was there.
type settingsPage struct {
	app.Compo
	Env *Env

	ctx       app.Context // the page's own, for the title after a change of language
	status    string      // text key of the last save's outcome
	statusErr bool
	countries countryList
}

// countryList is the country field's list, written as HTML once for a
// language and the country it shows: go-app built its 250 options one
// element at a time at every visit to Settings, 60 to 70 ms a tap on this
// machine, the slowest tap of the app. The list keeps the choice a person
// makes in it; it is written again for another language, or when the
// country was changed elsewhere (another tab).
type countryList struct {
	lang, shown, html string
}

func (p *settingsPage) OnPreRender(ctx app.Context) {
	p.ctx = ctx
	p.Env.setTitle(ctx, "settings.title")
}
func (p *settingsPage) OnNav(ctx app.Context) { p.ctx = ctx; p.Env.onNavTitle(ctx, "settings.title") }

func (p *settingsPage) Render() app.UI {
	e := p.Env
	s := e.Settings.Current
	return e.layout("settings",
		e.h1("settings.title"),
		app.If(e.Settings.LoadErr != nil, func() app.UI {
			return app.P().Class("notice notice-warn").Attr("role", "alert").Text(e.T("settings.load_error"))
		}),
		app.Form().Class("settings").OnSubmit(preventDefault).Body(
			p.languageField(s.Language),
			p.choice("theme", themes, s.Theme, func(s *Settings, v string) { s.Theme = v }),
			p.choice("text_size", textSizes, s.TextSize, func(s *Settings, v string) { s.TextSize = v }),
			app.FieldSet().Class("field").Body(
				e.legend("settings.cues.legend"),
				e.paraID("hint", "cues-hint", "settings.cues.hint"),
				p.toggle("sound", s.Sound, func(s *Settings, on bool) { s.Sound = on }),
				p.toggle("voice", s.Voice, func(s *Settings, on bool) { s.Voice = on }),
				p.toggle("vibration", s.Vibration, func(s *Settings, on bool) { s.Vibration = on }),
			),
			p.emergencyInForce(),
			p.countryField(s.Country),
		),
		app.P().
			Class(statusClass(p.statusErr)).
			Attr("role", "status").
			Attr("aria-live", "polite").
			Text(p.statusText()),
		// About left the bottom navigation so that its labels keep
		// their size on a small phone; it is found here instead.
		app.Div().Class("cards settings-more").Body(e.card("/about", "about.title", "about.summary")),
	)
}

func (p *settingsPage) statusText() string {
	if p.status == "" {
		return ""
	}
	return p.Env.T(p.status)
}

// choice renders a radio group for one setting: legend settings.<name>,
// labels settings.<name>.<value>.
func (p *settingsPage) choice(name string, values []string, current string, set func(*Settings, string)) app.UI {
	e := p.Env
	return app.FieldSet().Class("field").Body(
		e.legend("settings."+name),
		app.Div().Class("segmented").Body(
			app.Range(values).Slice(func(i int) app.UI {
				v := values[i]
				id := "set-" + name + "-" + v
				return app.Label().Class("segment").For(id).Body(
					app.Input().
						Type("radio").
						ID(id).
						Name(name).
						Value(v).
						Checked(v == current).
						OnChange(func(ctx app.Context, ev app.Event) {
							p.save(func(s *Settings) { set(s, v) })
						}, app.EventScope(name, v)),
					app.Span().Text(e.T("settings."+name+"."+v)),
				)
			}),
		),
	)
}

func (p *settingsPage) toggle(name string, on bool, set func(*Settings, bool)) app.UI {
	id := "set-" + name
	return app.Label().Class("switch").For(id).Body(
		app.Input().
			Type("checkbox").
			ID(id).
			Checked(on).
			Attr("aria-describedby", "cues-hint").
			OnChange(func(ctx app.Context, ev app.Event) {
				checked := ctx.JSSrc().Get("checked").Bool()
				p.save(func(s *Settings) { set(s, checked) })
			}, app.EventScope(name)),
		app.Span().Text(p.Env.T("settings."+name)),
	)
}

// languageField offers every language Unknot has, each in its own words
// ("Deutsch", "Español"), and "as my device" (the clinic's, then the
// browser's). A change redraws the app in the new language at once.
func (p *settingsPage) languageField(current string) app.UI {
	e := p.Env
	langs := append([]string{""}, e.Catalog.Languages()...)
	return app.FieldSet().Class("field").Body(
		e.legend("settings.language"),
		app.Div().Class("segmented segmented-wrap").Body(
			app.Range(langs).Slice(func(i int) app.UI {
				l := langs[i]
				id := "set-language-" + l
				label, lang := e.T("settings.language.auto"), e.Lang
				if l == "" {
					id = "set-language-auto"
				} else {
					label, lang = e.Catalog.Strings(l).T("language.name"), l
				}
				input := app.Input().Type("radio").ID(id).Name("language").Value(l).Attr("data-language", l).
					OnChange(func(ctx app.Context, ev app.Event) { p.saveLanguage(l) }, app.EventScope("language", l))
				if l == current {
					input = input.Checked(true)
				}
				return app.Label().Class("segment").For(id).Lang(lang).Body(input, app.Span().Text(label))
			}),
		),
	)
}

// saveLanguage keeps the choice and speaks it from now on.
func (p *settingsPage) saveLanguage(l string) {
	p.save(func(s *Settings) { s.Language = l })
	p.Env.ApplyLanguage()
	p.Env.setTitle(p.ctx, "settings.title")
}

// emergencyInForce shows the emergency number the check will show, and what
// it was chosen from (CLINICAL.md: Settings shows the number in force and why).
func (p *settingsPage) emergencyInForce() app.UI {
	e := p.Env
	call := e.emergencyCall()
	now := e.Text.Format("settings.emergency.now", "number", call.Number, "country", e.countryName(call.Country))
	if !call.Known {
		now = e.Text.Format("settings.emergency.now_local", "number", call.Number)
	}
	return app.Section().Class("field emergency-now").ID("emergency-now").Attr("data-call", call.Number).
		Attr("data-from", string(call.From)).Attr("aria-labelledby", "emergency-now-title").Body(
		e.h2("emergency-now-title", "settings.emergency.title"),
		app.P().Class("emergency-now-number").Text(now),
		e.para("hint", "settings.emergency.from."+string(call.From)),
	)
}

func (p *settingsPage) countryField(current string) app.UI {
	e := p.Env
	if p.countries.lang != e.Lang || p.countries.shown != current || p.countries.html == "" {
		p.countries = countryList{lang: e.Lang, shown: current, html: p.countrySelect(current)}
	}
	return app.Div().Class("field").Body(
		e.label("set-country", "settings.country"),
		e.paraID("hint", "country-hint", "settings.country.hint"),
		app.Div().OnChange(p.onCountry).Body(app.Raw(p.countries.html)),
	)
}

// countrySelect is the country field's <select>, current chosen.
func (p *settingsPage) countrySelect(current string) string {
	e := p.Env
	var b strings.Builder
	option := func(value, key string) {
		b.WriteString(`<option value="` + value + `"`)
		if value == current {
			b.WriteString(" selected")
		}
		b.WriteString(">" + html.EscapeString(e.T(key)) + "</option>")
	}
	b.WriteString(`<select id="set-country" aria-describedby="country-hint">`)
	option("", "settings.country.auto")
	for _, c := range countryCodes(e) {
		option(c, "country."+c)
	}
	b.WriteString("</select>")
	return b.String()
}

// onCountry saves the country chosen in the list, which shows it already.
func (p *settingsPage) onCountry(ctx app.Context, ev app.Event) {
	target := ev.Get("target")
	if !target.Truthy() || target.Get("id").String() != "set-country" {
		return
	}
	v := target.Get("value").String()
	if v != "" && !isCountryCode(v) {
		return
	}
	p.countries.shown = v
	p.save(func(s *Settings) { s.Country = v })
}

func (p *settingsPage) save(change func(*Settings)) {
	next := p.Env.Settings.Current
	change(&next)
	if err := p.Env.Settings.Save(next); err != nil {
		p.status, p.statusErr = "settings.save_error", true
		return
	}
	p.status, p.statusErr = "settings.saved", false
}

// countryCodes lists the countries that have a name in the person's
// language, sorted by that name.
func countryCodes(e *Env) []string {
	var codes []string
	for _, k := range e.Text.KeysWithPrefix("country.") {
		if c := strings.TrimPrefix(k, "country."); isCountryCode(c) {
			codes = append(codes, c)
		}
	}
	sort.Slice(codes, func(i, j int) bool { return e.T("country."+codes[i]) < e.T("country."+codes[j]) })
	return codes
}

func preventDefault(ctx app.Context, e app.Event) { e.PreventDefault() }
