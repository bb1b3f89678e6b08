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
func (p *aboutPage) OnNav(ctx app.Context)       { p.Env.setTitle(ctx, "about.title") }

func (p *aboutPage) Render() app.UI {
	e := p.Env
	return e.layout("about",
		app.H1().Text(e.T("about.title")),
		app.Section().Aria("labelledby", "about-what").Body(
			app.H2().ID("about-what").Text(e.T("about.what.title")),
			app.P().Text(e.T("about.what.text")),
			app.P().Class("callout").Text(e.T("about.not.text")),
		),
		app.Section().Aria("labelledby", "about-privacy").Body(
			app.H2().ID("about-privacy").Text(e.T("about.privacy.title")),
			app.P().Text(e.T("about.privacy.text")),
			app.P().Text(e.T("about.privacy.storage")),
		),
		app.Section().Aria("labelledby", "about-sources").Body(
			app.H2().ID("about-sources").Text(e.T("about.sources.title")),
			app.P().Text(e.T("about.sources.text")),
			app.Ul().Class("sources").Body(
				app.Range(aboutSources).Slice(func(i int) app.UI {
					return app.Li().Text(e.T(aboutSources[i]))
				}),
			),
		),
		app.Section().Aria("labelledby", "about-disclaimer").Body(
			app.H2().ID("about-disclaimer").Text(e.T("about.disclaimer.title")),
			app.P().Text(e.T("about.disclaimer.text")),
		),
		app.P().Class("muted").Text(e.Text.Format("about.version", "version", app.Getenv("GOAPP_VERSION"))),
	)
}
