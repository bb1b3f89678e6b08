package view

import (
	"fmt"
	"strings"

	"rsc.io/qr"
)

// qrQuietZone is the blank border around a QR code, in modules, that the
// standard asks for so that cameras find the code.
const qrQuietZone = 4

// qrSVG draws text as a QR code (error correction M): an SVG of black unit
// squares on white with a quiet zone, one path, crisp edges. The SVG holds
// numbers only, never text from outside, so it is safe to insert as markup;
// give it a text alternative around it (it is aria-hidden).
func qrSVG(text string) (string, error) {
	code, err := qr.Encode(text, qr.M)
	if err != nil {
		return "", fmt.Errorf("qr: %w", err)
	}
	side := code.Size + 2*qrQuietZone
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="qr-code" viewBox="0 0 %d %d" width="%d" height="%d" shape-rendering="crispEdges" aria-hidden="true" focusable="false">`,
		side, side, side*6, side*6)
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="#ffffff"/><path fill="#000000" d="`, side, side)
	for y := 0; y < code.Size; y++ {
		for x := 0; x < code.Size; x++ {
			if code.Black(x, y) {
				fmt.Fprintf(&b, "M%d %dh1v1h-1z", x+qrQuietZone, y+qrQuietZone)
			}
		}
	}
	b.WriteString(`"/></svg>`)
	return b.String(), nil
}
