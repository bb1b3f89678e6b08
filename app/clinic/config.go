package clinic

import (
	"encoding/json"
	"fmt"
	"strings"

	"unknot/app/internal/located"
)

// Limits on a configuration. MaxConfigBytes bounds the JSON document; the per-field
// limits below it are upper bounds that the document limit can make tighter in sum.
const (
	MaxConfigBytes   = 16 << 10 // the JSON document, as given to Parse or as Encode writes it
	MaxNameRunes     = 80       // the clinic name and each prescription name
	MaxURLBytes      = 2 << 10  // an https logo or booking address
	MaxLogoDataBytes = 12 << 10 // a data: logo, whole address; must fit in MaxConfigBytes
	MaxFeatured      = 8
	MaxRoutineIDLen  = 40
	MaxPrescribed    = 10
	MaxLinkBytes     = 4 << 10 // one prescribed routine link
	MinPhoneDigits   = 3
	MaxPhoneDigits   = 20
)

// Config is a clinic's configuration. The zero value of a field means "not given".
type Config struct {
	Name       string         `json:"name,omitempty"`
	Logo       string         `json:"logo,omitempty"`    // https address or PNG/JPEG/WebP data: address
	Accent     string         `json:"accent,omitempty"`  // #rrggbb
	Phone      string         `json:"phone,omitempty"`   // as the clinic writes it; see TelURI
	BookingURL string         `json:"booking,omitempty"` // https address
	Country    string         `json:"country,omitempty"` // ISO 3166-1 alpha-2, upper case
	Lang       string         `json:"lang,omitempty"`    // the language for its patients: "fr", "de"
	Featured   []string       `json:"featured,omitempty"`
	Prescribed []Prescription `json:"prescribed,omitempty"`
}

// Prescription is a routine a clinic prescribes, as a link inside the app.
type Prescription struct {
	Name string `json:"name,omitempty"`
	Link string `json:"link,omitempty"` // /routines/custom#r=<base64url>
}

// FieldError is a problem with one field of a configuration: Path is the
// JSON key, with an index for list items ("featured[2]",
// "prescribed[0].link"), empty when the problem is with the document as a
// whole.
type FieldError = located.Error

func problem(field, format string, args ...any) *FieldError {
	return located.Errorf(field, format, args...)
}

// Parse reads a configuration from JSON, strictly (see the package documentation), and
// returns it normalized and valid. Every error is a *FieldError.
func Parse(b []byte) (Config, error) {
	if len(b) > MaxConfigBytes {
		return Config{}, problem("", "the configuration is %d bytes, more than the %d allowed", len(b), MaxConfigBytes)
	}
	c, err := decode(b)
	if err != nil {
		return Config{}, err
	}
	c, _ = c.Normalize()
	if err := c.Validate(); err != nil {
		return Config{}, err
	}
	return c, nil
}

// Validate reports the first problem with c, in field order, as a *FieldError.
// It expects a normalized Config: surrounding spaces, a lower-case country or an accent
// that fails contrast are problems here, which Normalize would have repaired.
func (c Config) Validate() error {
	if ps := c.Problems(); len(ps) > 0 {
		return ps[0]
	}
	return nil
}

// Problems reports every problem with c, in field order, so a form can mark each field.
func (c Config) Problems() []*FieldError {
	var ps []*FieldError
	add := func(p *FieldError) {
		if p != nil {
			ps = append(ps, p)
		}
	}
	add(checkText("name", c.Name))
	add(checkLogo(c.Logo))
	add(checkAccent(c.Accent))
	add(checkPhone(c.Phone))
	if c.BookingURL != "" {
		add(checkHTTPS("booking", c.BookingURL))
	}
	add(checkCountry(c.Country))
	add(checkLang(c.Lang))
	ps = append(ps, checkFeatured(c.Featured)...)
	ps = append(ps, checkPrescribed(c.Prescribed)...)
	if len(ps) == 0 {
		// Each field can be within its limit and the whole still too large to load.
		if b, _ := json.Marshal(c); len(b) > MaxConfigBytes {
			add(problem("", "the configuration is %d bytes, more than the %d allowed; use an https:// logo or fewer prescribed routines", len(b), MaxConfigBytes))
		}
	}
	return ps
}

// ValidateRoutines reports the first featured routine id that known does not recognise.
// The catalogue lives elsewhere, so the caller passes it in.
func (c Config) ValidateRoutines(known func(id string) bool) error {
	for i, id := range c.Featured {
		if !known(id) {
			return problem(fmt.Sprintf("featured[%d]", i), "there is no routine %q", id)
		}
	}
	return nil
}

// TelURI is the tel: link for the clinic's phone, built from its digits and a leading +
// (tel:+442079460958), or "" when there is no phone. Call it on a valid Config.
func (c Config) TelURI() string {
	if c.Phone == "" {
		return ""
	}
	var b strings.Builder
	b.WriteString("tel:")
	for i, r := range c.Phone {
		if (r == '+' && i == 0) || ('0' <= r && r <= '9') {
			b.WriteRune(r)
		}
	}
	return b.String()
}
