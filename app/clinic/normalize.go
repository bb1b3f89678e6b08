package clinic

import (
	"fmt"
	"strings"
)

// Notice tells the clinic about a change Normalize made that it would want to know of.
type Notice struct {
	Field string // the JSON key, as in FieldError
	Code  string // stable, for looking up words in data/: "accent-darkened"
	From  string // the value as given
	To    string // the value now
}

// NoticeAccentDarkened is the Code of a Notice that the accent was darkened for contrast.
const NoticeAccentDarkened = "accent-darkened"

func (n Notice) String() string {
	return fmt.Sprintf("%s: changed from %s to %s so that white text on it can be read", n.Field, n.From, n.To)
}

// Normalize returns c in canonical form: text and addresses trimmed of surrounding spaces,
// the accent in lower case, the country in upper case, empty lists as nil, and an accent
// that white text cannot be read on darkened until it can (reported as a Notice). It does
// not validate: a value it cannot make sense of is left for Validate to report.
func (c Config) Normalize() (Config, []Notice) {
	var notices []Notice
	c.Name = strings.TrimSpace(c.Name)
	c.Logo = strings.TrimSpace(c.Logo)
	c.Phone = strings.TrimSpace(c.Phone)
	c.BookingURL = strings.TrimSpace(c.BookingURL)
	c.Country = strings.ToUpper(strings.TrimSpace(c.Country))
	c.Lang = strings.ToLower(strings.TrimSpace(c.Lang))
	c.Accent = strings.ToLower(strings.TrimSpace(c.Accent))
	if rgb, err := ParseHex(c.Accent); err == nil {
		if dark, changed := darkenForWhite(rgb); changed {
			notices = append(notices, Notice{Field: "accent", Code: NoticeAccentDarkened, From: c.Accent, To: dark.Hex()})
			c.Accent = dark.Hex()
		}
	}
	// Copy the lists rather than trim in place: c shares them with the caller.
	var featured []string
	for _, id := range c.Featured {
		featured = append(featured, strings.TrimSpace(id))
	}
	c.Featured = featured
	var prescribed []Prescription
	for _, p := range c.Prescribed {
		prescribed = append(prescribed, Prescription{Name: strings.TrimSpace(p.Name), Link: strings.TrimSpace(p.Link)})
	}
	c.Prescribed = prescribed
	return c, notices
}

// checkAccent accepts no accent or a #rrggbb colour that white text reaches MinContrast on.
func checkAccent(s string) *FieldError {
	if s == "" {
		return nil
	}
	rgb, err := ParseHex(s)
	if err != nil {
		return problem("accent", "must be a colour written #rrggbb, such as #0f766e")
	}
	if r := ContrastRatio(White, rgb); r < MinContrast {
		return problem("accent", "white text on %s has contrast %.2f:1, less than the %.1f:1 needed", s, r, MinContrast)
	}
	return nil
}
