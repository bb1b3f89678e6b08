package view

import (
	"bytes"
	"encoding/base64"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/clinic"
)

// logoInputID is the clinic page's file input for the logo; the browser
// reads the chosen file (Env.Files).
const logoInputID = "clinic-logo-file"

// maxLogoFileBytes is the largest picture whose data: address fits
// clinic.MaxLogoDataBytes.
const maxLogoFileBytes = (clinic.MaxLogoDataBytes - len("data:image/jpeg;base64,")) / 4 * 3

// logoField is the logo, chosen as a picture file: read in the browser,
// checked for its size and kind, and kept in the configuration as a data:
// address (the app loads nothing from other sites), with a preview and a
// way to remove it.
func (p *clinicPage) logoField() app.UI {
	e := p.Env
	return app.Div().Class("field clinic-logo-field").Body(
		e.label(logoInputID, "clinic.field.logo"),
		app.P().Class("hint").ID("clinic-logo-hint").Text(e.Text.Format("clinic.field.logo.hint", "max", itoa(maxLogoFileBytes/1024))),
		p.fieldError("logo"),
		app.Input().Type("file").ID(logoInputID).Accept("image/png,image/jpeg,image/webp").
			Attr("aria-describedby", p.describedBy("logo", true)).OnChange(p.onLogoPicked),
		app.P().Class(statusClass(p.logoErr != "")).ID("clinic-logo-status").Attr("role", "status").Attr("aria-live", "polite").Body(
			app.If(p.logoErr != "", func() app.UI { return app.Text(p.logoErr) }),
		),
		app.If(len(p.form.Logo) > 5 && p.form.Logo[:5] == "data:", func() app.UI {
			return app.Div().Class("clinic-logo-chosen").Body(
				app.Img().Class("clinic-logo-preview").Src(p.form.Logo).Alt(e.T("clinic.field.logo.preview")),
				app.Button().Type("button").Class("btn btn-quiet").Attr("data-action", "remove-logo").
					Text(e.T("clinic.field.logo.remove")).OnClick(func(ctx app.Context, ev app.Event) {
					p.form.Logo, p.logoErr = "", ""
					p.changed()
				}),
			)
		}),
	)
}

// onLogoPicked reads the chosen file off the event's callback (reading
// waits for the browser) and takes it as the logo.
func (p *clinicPage) onLogoPicked(app.Context, app.Event) {
	files, ctx := p.Env.Files, p.ctx
	ctx.Async(func() {
		_, data, err := files.ReadPicked(logoInputID, int64(maxLogoFileBytes+1))
		ctx.Dispatch(func(app.Context) { p.takeLogo(data, err) })
	})
}

// takeLogo keeps a picture as the logo, or says why not and keeps the
// logo there was.
func (p *clinicPage) takeLogo(data []byte, err error) {
	e := p.Env
	mime := logoType(data)
	switch {
	case err != nil:
		p.logoErr = e.T("clinic.field.logo.unreadable")
	case len(data) > maxLogoFileBytes:
		p.logoErr = e.Text.Format("clinic.field.logo.too_big", "max", itoa(maxLogoFileBytes/1024))
	case mime == "":
		p.logoErr = e.T("clinic.field.logo.not_image")
	default:
		p.form.Logo, p.logoErr = "data:"+mime+";base64,"+base64.StdEncoding.EncodeToString(data), ""
		p.changed()
	}
}

// logoType is the kind of picture data holds, by its first bytes: the
// kinds app/clinic accepts in a data: logo, or "".
func logoType(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return "image/png"
	case bytes.HasPrefix(data, []byte("\xff\xd8\xff")):
		return "image/jpeg"
	case len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		return "image/webp"
	}
	return ""
}
