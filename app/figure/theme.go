package figure

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// RGB is a colour.
type RGB struct{ R, G, B uint8 }

// ParseHex reads "#rrggbb".
func ParseHex(s string) (RGB, error) {
	if len(s) != 7 || s[0] != '#' {
		return RGB{}, fmt.Errorf("colour %q is not #rrggbb", s)
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return RGB{}, fmt.Errorf("colour %q is not #rrggbb", s)
	}
	return RGB{uint8(v >> 16), uint8(v >> 8), uint8(v)}, nil
}

func (c RGB) String() string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// Luminance is WCAG's relative luminance.
func (c RGB) Luminance() float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// Contrast is WCAG's contrast ratio of two colours, 1 to 21.
func Contrast(a, b RGB) float64 {
	la, lb := a.Luminance(), b.Luminance()
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// mix is a fraction w of the way from c to d.
func mix(c, d RGB, w float64) RGB {
	m := func(x, y uint8) uint8 { return uint8(math.Round(float64(x) + (float64(y)-float64(x))*w)) }
	return RGB{m(c.R, d.R), m(c.G, d.G), m(c.B, d.B)}
}

// Tokens are a theme's colour custom properties, by name without "--".
type Tokens map[string]RGB

// ThemeTokens reads the light theme (the first ":root {" block) and the
// dark theme (the ':root[data-theme="dark"] {' block) from the app's
// stylesheet.
func ThemeTokens(css string) (light, dark Tokens, err error) {
	if light, err = block(css, ":root {"); err != nil {
		return nil, nil, err
	}
	if dark, err = block(css, `:root[data-theme="dark"] {`); err != nil {
		return nil, nil, err
	}
	return light, dark, nil
}

func block(css, opener string) (Tokens, error) {
	i := strings.Index(css, opener)
	if i < 0 {
		return nil, fmt.Errorf("stylesheet has no %q block", opener)
	}
	body := css[i+len(opener):]
	body = body[:strings.IndexByte(body, '}')]
	t := Tokens{}
	for _, decl := range strings.Split(body, ";") {
		name, value, ok := strings.Cut(strings.TrimSpace(decl), ":")
		value = strings.TrimSpace(value)
		if !ok || !strings.HasPrefix(name, "--") || !strings.HasPrefix(value, "#") {
			continue
		}
		c, err := ParseHex(value)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		t[name[2:]] = c
	}
	return t, nil
}
