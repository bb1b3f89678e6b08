package view

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// aboutSources are the text keys of the sources Unknot's facts come from,
// listed on the about page (CLINICAL.md, "Sources").
var aboutSources = []string{
	"about.source.nice_ng59",
	"about.source.nhs_back_pain",
	"about.source.cks_red_flags",
	"about.source.nice_mscc",
	"about.source.nice_ng65",
	"about.source.nhs_111",
	"about.source.cochrane_heat",
	"about.source.acp_2017",
	"about.source.csp_nhs_inform",
	"about.source.semigran",
}

// aboutPage says what Unknot is and is not, where its facts come from, and
// the privacy promise.
type aboutPage struct {
	app.Compo
	Env *Env
}

func (p *aboutPage) OnPreRender(ctx app.Context) { p.Env.setTitle(ctx, "about.title") }
func (p *aboutPage) OnNav(ctx app.Context)       { p.Env.onNavTitle(ctx, "about.title") }

func (p *aboutPage) Render() app.UI {
	e := p.Env
	// About is reached from Settings, whose tab shows where the person is.
	return e.layout("settings",
		e.h1("about.title"),
		e.section("about-what", "about.what.title", e.para("", "about.what.text"), e.para("callout", "about.not.text")),
		e.section("about-privacy", "about.privacy.title", e.para("", "about.privacy.text"), e.para("", "about.privacy.storage")),
		e.section("about-sources", "about.sources.title", e.para("", "about.sources.text"), e.list("sources", aboutSources)),
		e.section("about-disclaimer", "about.disclaimer.title", e.para("", "about.disclaimer.text")),
		app.P().Class("muted").Text(e.Text.Format("about.version", "version", app.Getenv("GOAPP_VERSION"))),
		e.para("muted", "about.licence"),
	)
}
