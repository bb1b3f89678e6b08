package clinic

import (
	"math"
	"testing"
)

func TestParseHex(t *testing.T) {
	tests := []struct {
		in      string
		want    RGB
		wantErr bool
	}{
		{"#0f766e", RGB{0x0f, 0x76, 0x6e}, false},
		{"#0F766E", RGB{0x0f, 0x76, 0x6e}, false},
		{"#000000", RGB{}, false},
		{"#ffffff", White, false},
		{"0f766e", RGB{}, true},
		{"#fff", RGB{}, true},
		{"#0f766e0", RGB{}, true},
		{"#0g766e", RGB{}, true},
		{"#0f766", RGB{}, true},
		{"", RGB{}, true},
		{"teal", RGB{}, true},
		{"rgb(1,2,3)", RGB{}, true},
	}
	for _, tt := range tests {
		got, err := ParseHex(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseHex(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestHexRoundTrip(t *testing.T) {
	for _, c := range []RGB{{}, White, {0x0f, 0x76, 0x6e}, {1, 2, 254}} {
		got, err := ParseHex(c.Hex())
		if err != nil || got != c {
			t.Errorf("ParseHex(%q) = %v, %v; want %v", c.Hex(), got, err, c)
		}
	}
	if got, want := (RGB{0x0f, 0x76, 0x6e}).Hex(), "#0f766e"; got != want {
		t.Errorf("Hex() = %q; want %q", got, want)
	}
}

func TestContrastRatio(t *testing.T) {
	tests := []struct {
		a, b string
		want float64 // to two decimals, as contrast checkers print it
	}{
		{"#ffffff", "#000000", 21},
		{"#000000", "#ffffff", 21},
		{"#ffffff", "#ffffff", 1},
		{"#ffffff", "#767676", 4.54}, // the lightest grey that passes AA on white
		{"#ffffff", "#777777", 4.48},
		{"#ffffff", "#0f766e", 5.47},
		{"#ffffff", "#ffff00", 1.07},
		{"#ffffff", "#0000ff", 8.59},
		{"#ffffff", "#ff0000", 4.00},
	}
	for _, tt := range tests {
		a, _ := ParseHex(tt.a)
		b, _ := ParseHex(tt.b)
		got := ContrastRatio(a, b)
		if math.Abs(got-tt.want) > 0.005 {
			t.Errorf("ContrastRatio(%s, %s) = %.3f; want %.2f", tt.a, tt.b, got, tt.want)
		}
		if rev := ContrastRatio(b, a); rev != got {
			t.Errorf("ContrastRatio(%s, %s) = %v; want %v, the same both ways", tt.b, tt.a, rev, got)
		}
	}
}

func TestDarkenForWhite(t *testing.T) {
	tests := []struct {
		in, want string
		changed  bool
	}{
		{"#0f766e", "#0f766e", false},
		{"#767676", "#767676", false},
		{"#000000", "#000000", false},
		{"#0000ff", "#0000ff", false},
		{"#ffff00", "#7a7a00", true},
		{"#777777", "#767676", true},
		{"#808080", "#767676", true},
		{"#ff0000", "#ed0000", true},
		{"#00ff00", "#008a00", true},
		{"#3b82f6", "#3472d8", true},
		{"#ffffff", "#757575", true},
	}
	for _, tt := range tests {
		c, _ := ParseHex(tt.in)
		got, changed := darkenForWhite(c)
		if got.Hex() != tt.want || changed != tt.changed {
			t.Errorf("darkenForWhite(%s) = %s, %v; want %s, %v", tt.in, got.Hex(), changed, tt.want, tt.changed)
		}
		if r := ContrastRatio(White, got); r < MinContrast {
			t.Errorf("darkenForWhite(%s) = %s with contrast %.2f; want at least %.1f", tt.in, got.Hex(), r, MinContrast)
		}
	}
}

// Every colour that needs darkening comes out passing, with its hue kept: the channels
// keep their order, and a grey stays grey.
func TestDarkenForWhiteKeepsHue(t *testing.T) {
	for r := 0; r < 256; r += 15 {
		for g := 0; g < 256; g += 15 {
			for b := 0; b < 256; b += 15 {
				c := RGB{uint8(r), uint8(g), uint8(b)}
				d, _ := darkenForWhite(c)
				if ContrastRatio(White, d) < MinContrast {
					t.Fatalf("darkenForWhite(%s) = %s, which fails contrast", c.Hex(), d.Hex())
				}
				if !sameOrder(c.R, c.G, d.R, d.G) || !sameOrder(c.G, c.B, d.G, d.B) || !sameOrder(c.R, c.B, d.R, d.B) {
					t.Fatalf("darkenForWhite(%s) = %s; the channels changed order", c.Hex(), d.Hex())
				}
			}
		}
	}
}

// sameOrder reports whether x2, y2 are ordered no differently from x1, y1 (rounding may
// make unequal channels equal, never swap them).
func sameOrder(x1, y1, x2, y2 uint8) bool {
	switch {
	case x1 < y1:
		return x2 <= y2
	case x1 > y1:
		return x2 >= y2
	}
	return x2 == y2
}
