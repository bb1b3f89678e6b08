//go:build !wasm

package site

import (
	"encoding/json"

	"unknot/app/content"
	"unknot/app/view"
)

// themeColor is the app's brand colour, used for the browser chrome and the
// splash screen. It matches --brand in web/app.css.
const themeColor = "#0f766e"

type manifestIcon struct {
	Src     string `json:"src"`
	Sizes   string `json:"sizes"`
	Type    string `json:"type"`
	Purpose string `json:"purpose,omitempty"`
}

type manifestShortcut struct {
	Name      string         `json:"name"`
	ShortName string         `json:"short_name"`
	URL       string         `json:"url"`
	Icons     []manifestIcon `json:"icons"`
}

// makeManifest writes the web app manifest. go-app's own lacks an id and
// shortcuts and points its default icons at GitHub, so Unknot writes its own.
func makeManifest(lang string, text content.Strings, base string) ([]byte, error) {
	root := base + "/"
	icons := []manifestIcon{
		{Src: base + "/web/icon-192.png", Sizes: "192x192", Type: "image/png", Purpose: "any"},
		{Src: base + "/web/icon-512.png", Sizes: "512x512", Type: "image/png", Purpose: "any"},
		{Src: base + "/web/icon-maskable-512.png", Sizes: "512x512", Type: "image/png", Purpose: "maskable"},
		{Src: base + "/web/icon.svg", Sizes: "any", Type: "image/svg+xml", Purpose: "any"},
	}
	shortcuts := []manifestShortcut{}
	for _, p := range view.Shortcuts() {
		shortcuts = append(shortcuts, manifestShortcut{
			Name:      text.T("shortcut." + p.ID),
			ShortName: text.T("nav." + p.ID),
			URL:       base + p.Path,
			Icons:     icons[:1],
		})
	}
	m := struct {
		ID              string             `json:"id"`
		Name            string             `json:"name"`
		ShortName       string             `json:"short_name"`
		Description     string             `json:"description"`
		Lang            string             `json:"lang"`
		StartURL        string             `json:"start_url"`
		Scope           string             `json:"scope"`
		Display         string             `json:"display"`
		Orientation     string             `json:"orientation"`
		BackgroundColor string             `json:"background_color"`
		ThemeColor      string             `json:"theme_color"`
		Categories      []string           `json:"categories"`
		Icons           []manifestIcon     `json:"icons"`
		Shortcuts       []manifestShortcut `json:"shortcuts"`
	}{
		ID:              root,
		Name:            text.T("app.full_name"),
		ShortName:       text.T("app.name"),
		Description:     text.T("app.description"),
		Lang:            lang,
		StartURL:        root,
		Scope:           root,
		Display:         "standalone",
		Orientation:     "any",
		BackgroundColor: themeColor,
		ThemeColor:      themeColor,
		Categories:      []string{"health", "medical"},
		Icons:           icons,
		Shortcuts:       shortcuts,
	}
	return json.MarshalIndent(m, "", "  ")
}
