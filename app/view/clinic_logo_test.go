//go:build !(js && wasm)

package view

import (
	"bytes"
	"strings"
	"testing"

	"unknot/app/clinic"
	"unknot/wasm/browser"
)

// TestClinicLogoChosenAsAFile: a picture chosen in the file input becomes
// the configuration's data: logo, shown with a way to remove it; a file too
// large or not a picture is refused in words, and the logo stays as it was.
func TestClinicLogoChosenAsAFile(t *testing.T) {
	env := testEnv(t, browser.New())
	files := browser.NewFiles()
	env.Files = files
	p := &clinicPage{Env: env, form: clinicForm{Name: "Riverside"}}
	p.changed()

	png := append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{1}, 300)...)
	pick := func(data []byte) {
		files.Picked[logoInputID] = browser.File{Name: "logo", Data: data}
		_, got, err := files.ReadPicked(logoInputID, int64(maxLogoFileBytes+1))
		p.takeLogo(got, err)
	}
	pick(png)
	if !strings.HasPrefix(p.form.Logo, "data:image/png;base64,iVBORw0KGgo") || p.logoErr != "" {
		t.Fatalf("logo = %.40q, problem %q; want a PNG data: address", p.form.Logo, p.logoErr)
	}
	if !p.checked.Valid() {
		t.Errorf("the configuration with the chosen logo is refused: %v", p.checked.Problem("logo"))
	}
	if cfg := p.checked.Config; cfg.Logo != p.form.Logo {
		t.Errorf("the configuration's logo is %.40q; want the chosen one", cfg.Logo)
	}
	html := render(t, p)
	if !strings.Contains(html, `class="clinic-logo-preview"`) || !strings.Contains(html, `data-action="remove-logo"`) {
		t.Error("no preview of the chosen logo, or no way to remove it")
	}
	kept := p.form.Logo

	for name, data := range map[string][]byte{
		"too large":   append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{1}, maxLogoFileBytes)...),
		"not a image": []byte("GIF89a not a kind the app shows"),
	} {
		pick(data)
		if p.form.Logo != kept || p.logoErr == "" {
			t.Errorf("%s: logo changed (%v) or no words said why (%q)", name, p.form.Logo != kept, p.logoErr)
		}
	}
	if maxLogoFileBytes*4/3+len("data:image/jpeg;base64,") > clinic.MaxLogoDataBytes {
		t.Errorf("a %d-byte picture makes a data: address longer than clinic.MaxLogoDataBytes", maxLogoFileBytes)
	}
}
