package view

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"rsc.io/qr"

	"unknot/app/routine"
)

// TestQRSVGDrawsTheCode reads the SVG back into modules: exactly the dark
// modules of the code, each once, inside a blank quiet zone of four.
func TestQRSVGDrawsTheCode(t *testing.T) {
	text := "https://back.example.org/back-care/routines/custom#r=eyJ2IjoxLCJuYW1lIjoiV2VlayAxIn0"
	svg, err := qrSVG(text)
	if err != nil {
		t.Fatal(err)
	}
	code, err := qr.Encode(text, qr.M)
	if err != nil {
		t.Fatal(err)
	}
	side := code.Size + 2*qrQuietZone
	if want := `viewBox="0 0 ` + strconv.Itoa(side) + " " + strconv.Itoa(side) + `"`; !strings.Contains(svg, want) {
		t.Errorf("svg lacks %s", want)
	}
	drawn := map[[2]int]int{}
	for _, m := range regexp.MustCompile(`M(\d+) (\d+)h1v1h-1z`).FindAllStringSubmatch(svg, -1) {
		x, _ := strconv.Atoi(m[1])
		y, _ := strconv.Atoi(m[2])
		drawn[[2]int{x, y}]++
		if x < qrQuietZone || y < qrQuietZone || x >= side-qrQuietZone || y >= side-qrQuietZone {
			t.Fatalf("module at %d,%d is in the quiet zone", x, y)
		}
	}
	dark := 0
	for y := 0; y < code.Size; y++ {
		for x := 0; x < code.Size; x++ {
			n := drawn[[2]int{x + qrQuietZone, y + qrQuietZone}]
			if code.Black(x, y) {
				dark++
				if n != 1 {
					t.Fatalf("dark module %d,%d drawn %d times", x, y, n)
				}
			} else if n != 0 {
				t.Fatalf("light module %d,%d drawn", x, y)
			}
		}
	}
	if len(drawn) != dark || dark == 0 {
		t.Errorf("drew %d modules; the code has %d dark", len(drawn), dark)
	}
	// Nothing in the SVG but numbers and fixed words: no text from outside.
	if strings.Contains(svg, "example") || strings.Contains(svg, "<text") || strings.Contains(svg, "script") {
		t.Error("the SVG carries text")
	}
}

func TestQRSVGTooLong(t *testing.T) {
	if _, err := qrSVG(strings.Repeat("x", 4000)); err == nil {
		t.Error("a 4000-byte text made a QR code; want an error")
	}
}

// TestPrescriptionQRIsCoarse: a five-exercise prescription, named, on a
// clinic's sub-path, makes a QR code of version 10 or lower (57 modules a
// side or fewer), which a phone camera reads off paper; the JSON links of
// version 1 needed version 17 or so.
func TestPrescriptionQRIsCoarse(t *testing.T) {
	c := routine.Custom{Name: "Back care for Anna"}
	for _, id := range []routine.ExerciseID{routine.CatCow, routine.KneeToChest, routine.GluteBridge, routine.LyingTwist, routine.Walking} {
		c.Steps = append(c.Steps, routine.CustomStep{Exercise: id, Hold: 20 * time.Second, Reps: 5, Sides: id == routine.KneeToChest, Rest: 15 * time.Second})
	}
	link := "https://physio.example.org/back-care" + routine.EncodeLink(c)
	code, err := qr.Encode(link, qr.M)
	if err != nil {
		t.Fatal(err)
	}
	if version := (code.Size - 17) / 4; version > 10 {
		t.Errorf("the QR code of %s (%d characters) is version %d; want 10 or lower", link, len(link), version)
	}
}
