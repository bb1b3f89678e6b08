package clinic

import (
	"fmt"
	"math"
)

// MinContrast is the WCAG 2.x level AA contrast ratio for normal text.
const MinContrast = 4.5

// RGB is an sRGB colour with 8 bits a channel.
type RGB struct{ R, G, B uint8 }

// White is the colour of text on the accent.
var White = RGB{255, 255, 255}

// ParseHex reads a colour written #rrggbb, in either case.
func ParseHex(s string) (RGB, error) {
	if len(s) != 7 || s[0] != '#' {
		return RGB{}, fmt.Errorf("clinic: colour %q is not written #rrggbb", s)
	}
	var ch [3]uint8
	for i := range ch {
		hi, ok1 := hexDigit(s[1+2*i])
		lo, ok2 := hexDigit(s[2+2*i])
		if !ok1 || !ok2 {
			return RGB{}, fmt.Errorf("clinic: colour %q is not written #rrggbb", s)
		}
		ch[i] = hi<<4 | lo
	}
	return RGB{ch[0], ch[1], ch[2]}, nil
}

func hexDigit(c byte) (uint8, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// Hex writes c as #rrggbb in lower case.
func (c RGB) Hex() string {
	return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B)
}

// Luminance is the WCAG 2.x relative luminance of c, from 0 (black) to 1 (white).
func (c RGB) Luminance() float64 {
	return 0.2126*linear(c.R) + 0.7152*linear(c.G) + 0.0722*linear(c.B)
}

// linear undoes the sRGB transfer curve. WCAG 2.x prints the threshold as 0.03928, the
// sRGB standard as 0.04045; no 8-bit value falls between them, so the two agree here.
func linear(v uint8) float64 {
	c := float64(v) / 255
	if c <= 0.04045 {
		return c / 12.92
	}
	return math.Pow((c+0.055)/1.055, 2.4)
}

// ContrastRatio is the WCAG 2.x contrast ratio of a and b, from 1 to 21. It is symmetric:
// white text on a colour and that colour on white have the same ratio.
func ContrastRatio(a, b RGB) float64 {
	la, lb := a.Luminance(), b.Luminance()
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// darkenForWhite returns c unchanged if white text on it reaches MinContrast; otherwise
// the lightest shade of c, scaling every channel by the same factor in 1% steps (which
// keeps the hue and saturation), that does. Black always reaches it, so this ends.
func darkenForWhite(c RGB) (RGB, bool) {
	if ContrastRatio(White, c) >= MinContrast {
		return c, false
	}
	for step := 99; step > 0; step-- {
		f := float64(step) / 100
		d := RGB{scale(c.R, f), scale(c.G, f), scale(c.B, f)}
		if ContrastRatio(White, d) >= MinContrast {
			return d, true
		}
	}
	return RGB{}, true
}

func scale(v uint8, f float64) uint8 {
	return uint8(math.Round(float64(v) * f))
}
