package view

import (
	"encoding/json"
	"fmt"
	"slices"
)

// settingsKey is where the settings live in the Platform's key-value store.
const settingsKey = "unknot.settings.v1"

// Settings are the person's preferences. Persisted enums are strings.
type Settings struct {
	Theme     string `json:"theme"`     // "system", "light" or "dark"
	TextSize  string `json:"text_size"` // "normal", "large" or "larger"
	Sound     bool   `json:"sound"`
	Voice     bool   `json:"voice"`
	Vibration bool   `json:"vibration"`
	Country   string `json:"country"` // ISO 3166-1 alpha-2, or "" to follow the browser's region
	// Language is a language tag ("de"), or "" to follow the clinic and
	// the browser (content.Catalog.ChooseLanguage).
	Language string `json:"language,omitempty"`
}

var (
	themes    = []string{"system", "light", "dark"}
	textSizes = []string{"normal", "large", "larger"}
)

// DefaultSettings are used until the person changes something.
func DefaultSettings() Settings {
	return Settings{Theme: "system", TextSize: "normal", Sound: true, Voice: true, Vibration: true}
}

// validate reports the first value that Unknot does not know.
func (s Settings) validate() error {
	if !slices.Contains(themes, s.Theme) {
		return fmt.Errorf("theme %q is not one of %v", s.Theme, themes)
	}
	if !slices.Contains(textSizes, s.TextSize) {
		return fmt.Errorf("text size %q is not one of %v", s.TextSize, textSizes)
	}
	if s.Language != "" && !isLanguageCode(s.Language) {
		return fmt.Errorf("language %q is not a two-letter code", s.Language)
	}
	if s.Country != "" && !isCountryCode(s.Country) {
		return fmt.Errorf("country %q is not a two-letter code", s.Country)
	}
	return nil
}

// SettingsState is the settings shared by every page, with what went wrong
// loading or saving them.
type SettingsState struct {
	Current  Settings
	LoadErr  error // the saved settings could not be read; defaults are in use
	platform Platform
}

func loadSettings(p Platform) *SettingsState {
	st := &SettingsState{Current: DefaultSettings(), platform: p}
	raw, ok, err := p.Get(settingsKey)
	switch {
	case err != nil:
		st.LoadErr = err
	case ok:
		var s Settings
		if err := json.Unmarshal([]byte(raw), &s); err != nil {
			st.LoadErr = err
		} else if err := s.validate(); err != nil {
			st.LoadErr = err
		} else {
			st.Current = s
		}
	}
	st.apply()
	return st
}

// Save stores s and applies its appearance. On error nothing is applied and
// the previous settings stay in force.
func (st *SettingsState) Save(s Settings) error {
	if err := s.validate(); err != nil {
		return err
	}
	b, err := json.Marshal(s)
	if err != nil {
		return err
	}
	if err := st.platform.Set(settingsKey, string(b)); err != nil {
		return err
	}
	st.Current = s
	st.LoadErr = nil
	st.apply()
	return nil
}

func (st *SettingsState) apply() {
	st.platform.SetRootAttribute("data-theme", st.Current.Theme)
	st.platform.SetRootAttribute("data-text-size", st.Current.TextSize)
}

func isCountryCode(s string) bool {
	return len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'
}

func isLanguageCode(s string) bool {
	return len(s) == 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] >= 'a' && s[1] <= 'z'
}
