//go:build ignore

// gen_icons draws the Unknot app icon: a white ribbon that loops once,
// crosses itself and then opens out (a knot coming loose) on a teal square.
//
// Run from the repository root:
//
//	go run web/gen_icons.go
//
// It writes web/icon.svg, web/icon-192.png, web/icon-512.png and
// web/icon-maskable-512.png. The outputs are committed; rerun this only when
// the design changes. Output is deterministic (same bytes on every run).
//
// The mark is defined once, as a list of cubic Bézier segments in a 512×512
// design space, painted as three stroke layers (the ribbon, a background
// coloured band that cuts a gap where it passes under itself, and the over
// strand again). The SVG gets that geometry as path data; the PNGs are
// rasterised here by flattening the curves to polylines and testing
// distance-to-polyline ≤ width/2 on a 4×4 supersampling grid, with segments
// binned into 16 px tiles by bounding box.
package main

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Design space is 512×512.
const size = 512.0

// Colours.
var (
	bgColor   = [3]float64{0x0f, 0x76, 0x6e} // teal-700; white on it is ~5.5:1
	markColor = [3]float64{0xff, 0xff, 0xff}
)

const (
	bgHex   = "#0f766e"
	markHex = "#ffffff"
)

// cornerRadius of the rounded-square background for the regular icons.
const cornerRadius = 112.0

// strokeWidth of the ribbon in design units.
const strokeWidth = 48.0

// regularSpan is the size (larger side of the stroked bounding box) of the
// mark on the regular icons.
const regularSpan = 376.0

// safeRadius bounds the mark on the maskable icon. The maskable safe zone is
// the central circle with 80% of the canvas diameter (radius 204.8); 176
// leaves a comfortable margin inside it.
const safeRadius = 176.0

type pt struct{ x, y float64 }

func (a pt) add(b pt) pt         { return pt{a.x + b.x, a.y + b.y} }
func (a pt) sub(b pt) pt         { return pt{a.x - b.x, a.y - b.y} }
func (a pt) mul(s float64) pt    { return pt{a.x * s, a.y * s} }
func (a pt) dot(b pt) float64    { return a.x*b.x + a.y*b.y }
func lerp(a, b pt, t float64) pt { return a.add(b.sub(a).mul(t)) }

// cubic is one Bézier segment; consecutive segments share end points.
type cubic struct{ p0, p1, p2, p3 pt }

func (c cubic) at(t float64) pt {
	u := 1 - t
	a := c.p0.mul(u * u * u)
	b := c.p1.mul(3 * u * u * t)
	d := c.p2.mul(3 * u * t * t)
	e := c.p3.mul(t * t * t)
	return a.add(b).add(d).add(e)
}

// hermite is a cubic from a (heading da) to b (heading db); the handles
// are tension × chord / 3 long.
func hermite(a, da, b, db pt, tension float64) cubic {
	unit := func(v pt) pt { return v.mul(1 / math.Sqrt(v.dot(v))) }
	d := b.sub(a)
	m := tension * math.Sqrt(d.dot(d)) / 3
	return cubic{a, a.add(unit(da).mul(m)), b.sub(unit(db).mul(m)), b}
}

// line is a straight cubic.
func line(a, b pt) cubic { return cubic{a, lerp(a, b, 1.0/3), lerp(a, b, 2.0/3), b} }

// arc approximates a circular arc (angles in degrees, screen coordinates
// with y down) by cubics of at most 90° each.
func arc(c pt, r, from, to float64) []cubic {
	n := int(math.Ceil(math.Abs(to-from)/90 - 1e-9))
	step := (to - from) / float64(n) * math.Pi / 180
	k := 4.0 / 3 * math.Tan(step/4) * r
	var out []cubic
	for i := 0; i < n; i++ {
		a0 := from*math.Pi/180 + float64(i)*step
		a1 := a0 + step
		p0 := pt{c.x + r*math.Cos(a0), c.y + r*math.Sin(a0)}
		p3 := pt{c.x + r*math.Cos(a1), c.y + r*math.Sin(a1)}
		t0 := pt{-math.Sin(a0), math.Cos(a0)}
		t1 := pt{-math.Sin(a1), math.Cos(a1)}
		out = append(out, cubic{p0, p0.add(t0.mul(k)), p3.sub(t1.mul(k)), p3})
	}
	return out
}

// The mark is a ribbon with one loop: it comes in low from the left, rises
// through the crossing, goes once round a circle (up the right side, over
// the top, down the left), crosses itself at right angles and then swings
// out and up to the right, like a knot working itself loose.
var (
	loopCentre = pt{256, 206}
	loopRadius = 80.0
	// The two strands leave the circle at ±45° and meet below it.
	tangentL = pt{loopCentre.x - loopRadius*math.Sqrt2/2, loopCentre.y + loopRadius*math.Sqrt2/2}
	tangentR = pt{loopCentre.x + loopRadius*math.Sqrt2/2, loopCentre.y + loopRadius*math.Sqrt2/2}
	crossing = pt{loopCentre.x, loopCentre.y + loopRadius*math.Sqrt2}
)

var mark = func() []cubic {
	var m []cubic
	m = append(m, hermite(pt{72, 384}, pt{1, 0}, crossing, pt{1, -1}, 1.1))
	m = append(m, line(crossing, tangentR))
	m = append(m, arc(loopCentre, loopRadius, 45, -225)...)
	m = append(m, line(tangentL, crossing))
	m = append(m, hermite(crossing, pt{1, 1}, pt{340, 372}, pt{1, 0}, 1.1))
	m = append(m, hermite(pt{340, 372}, pt{1, 0}, pt{440, 300}, pt{0.7, -1}, 1.1))
	return m
}()

// The second pass over the crossing goes over the first; a band of
// background colour around it opens a small gap in the strand beneath.
// Parameters are path positions: segment i spans [i, i+1].
const (
	haloLo = 5.2 // halo spans [haloLo, haloHi]; segment 5 is tangentL→crossing
	haloHi = 6.3
	overLo = 4.6 // the over strand is redrawn over [overLo, overHi]
	overHi = 6.7
	gap    = 16.0 // gap width either side of the over strand
)

// stroke is one painted layer.
type stroke struct {
	segs  []cubic
	width float64
	color [3]float64
	hex   string
}

// layers are painted in order; later ones cover earlier ones.
func layers() []stroke {
	return []stroke{
		{mark, strokeWidth, markColor, markHex},
		{subPath(mark, haloLo, haloHi), strokeWidth + 2*gap, bgColor, bgHex},
		{subPath(mark, overLo, overHi), strokeWidth, markColor, markHex},
	}
}

// split divides c at t (de Casteljau).
func (c cubic) split(t float64) (cubic, cubic) {
	a, b, d := lerp(c.p0, c.p1, t), lerp(c.p1, c.p2, t), lerp(c.p2, c.p3, t)
	e, f := lerp(a, b, t), lerp(b, d, t)
	g := lerp(e, f, t)
	return cubic{c.p0, a, e, g}, cubic{g, f, d, c.p3}
}

// section returns the part of c between t0 and t1.
func (c cubic) section(t0, t1 float64) cubic {
	_, right := c.split(t0)
	left, _ := right.split((t1 - t0) / (1 - t0))
	return left
}

// subPath returns the part of the path between parameters u0 and u1, where
// segment i spans [i, i+1].
func subPath(segs []cubic, u0, u1 float64) []cubic {
	var out []cubic
	for i, s := range segs {
		lo, hi := math.Max(u0, float64(i)), math.Min(u1, float64(i+1))
		if hi <= lo {
			continue
		}
		out = append(out, s.section(lo-float64(i), hi-float64(i)))
	}
	return out
}

// transform maps design space to output space: the point from goes to
// the canvas centre and distances are multiplied by scale.
type transform struct {
	from  pt
	scale float64
}

func (t transform) apply(p pt) pt {
	return pt{size / 2, size / 2}.add(p.sub(t.from).mul(t.scale))
}

// markPoints samples the centre line of the mark in design space.
func markPoints() []pt {
	var ps []pt
	for _, s := range flatten(mark, transform{pt{size / 2, size / 2}, 1}, size) {
		ps = append(ps, s.a, s.b)
	}
	return ps
}

// regularTransform centres the mark's stroked bounding box and scales it
// so that its larger side is regularSpan.
func regularTransform() transform {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range markPoints() {
		minX, maxX = math.Min(minX, p.x), math.Max(maxX, p.x)
		minY, maxY = math.Min(minY, p.y), math.Max(maxY, p.y)
	}
	h := strokeWidth / 2
	span := math.Max(maxX-minX, maxY-minY) + 2*h
	return transform{pt{(minX + maxX) / 2, (minY + maxY) / 2}, regularSpan / span}
}

// maskableTransform keeps the same centre but scales the mark so every
// stroked point lies within safeRadius of the canvas centre.
func maskableTransform() transform {
	c := regularTransform().from
	m := 0.0
	for _, p := range markPoints() {
		d := p.sub(c)
		m = math.Max(m, math.Sqrt(d.dot(d)))
	}
	return transform{c, safeRadius / (m + strokeWidth/2)}
}

// fmtNum prints a number compactly for SVG path data.
func fmtNum(v float64) string {
	v = math.Round(v*100) / 100
	if v == 0 {
		v = 0 // avoid "-0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

func svgPath(segs []cubic, tr transform) string {
	var b strings.Builder
	p := tr.apply(segs[0].p0)
	fmt.Fprintf(&b, "M%s %s", fmtNum(p.x), fmtNum(p.y))
	for _, s := range segs {
		p1, p2, p3 := tr.apply(s.p1), tr.apply(s.p2), tr.apply(s.p3)
		fmt.Fprintf(&b, "C%s %s %s %s %s %s",
			fmtNum(p1.x), fmtNum(p1.y), fmtNum(p2.x), fmtNum(p2.y), fmtNum(p3.x), fmtNum(p3.y))
	}
	return b.String()
}

func buildSVG() []byte {
	var b bytes.Buffer
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">` + "\n")
	b.WriteString("<title>Unknot</title>\n")
	fmt.Fprintf(&b, `<rect width="512" height="512" rx="%s" fill="%s"/>`+"\n", fmtNum(cornerRadius), bgHex)
	tr := regularTransform()
	b.WriteString(`<g fill="none" stroke-linecap="round" stroke-linejoin="round">` + "\n")
	for _, l := range layers() {
		fmt.Fprintf(&b, `<path d="%s" stroke="%s" stroke-width="%s"/>`+"\n",
			svgPath(l.segs, tr), l.hex, fmtNum(l.width*tr.scale))
	}
	b.WriteString("</g>\n</svg>\n")
	return b.Bytes()
}

// segment of the flattened polyline, with its bounding box.
type segment struct {
	a, b                   pt
	minX, minY, maxX, maxY float64
}

// flatten turns the curves into a polyline (fixed subdivision, so it is
// deterministic) in output pixel space.
func flatten(segs []cubic, tr transform, px float64) []segment {
	const steps = 64
	k := px / size
	var pts []pt
	for i, s := range segs {
		start := 1
		if i == 0 {
			start = 0
		}
		for j := start; j <= steps; j++ {
			pts = append(pts, tr.apply(s.at(float64(j)/steps)).mul(k))
		}
	}
	out := make([]segment, 0, len(pts)-1)
	for i := 0; i+1 < len(pts); i++ {
		a, b := pts[i], pts[i+1]
		out = append(out, segment{a, b,
			math.Min(a.x, b.x), math.Min(a.y, b.y), math.Max(a.x, b.x), math.Max(a.y, b.y)})
	}
	return out
}

func distSq(p pt, s segment) float64 {
	ab := s.b.sub(s.a)
	ap := p.sub(s.a)
	l := ab.dot(ab)
	t := 0.0
	if l > 0 {
		t = math.Max(0, math.Min(1, ap.dot(ab)/l))
	}
	d := ap.sub(ab.mul(t))
	return d.dot(d)
}

// roundedBoxSDF is the signed distance from p to a square [0,side]² with
// rounded corners of radius r (negative inside).
func roundedBoxSDF(p pt, side, r float64) float64 {
	h := side / 2
	qx := math.Abs(p.x-h) - (h - r)
	qy := math.Abs(p.y-h) - (h - r)
	ox, oy := math.Max(qx, 0), math.Max(qy, 0)
	return math.Hypot(ox, oy) + math.Min(math.Max(qx, qy), 0) - r
}

// raster is one layer prepared for rasterising: its flattened polyline
// binned into tiles.
type raster struct {
	segs  []segment
	half  float64 // half stroke width in pixels
	color [3]float64
	bins  [][]int
}

const tile = 16 // bin size in pixels

func prepare(l stroke, tr transform, px int) raster {
	fpx := float64(px)
	r := raster{
		segs:  flatten(l.segs, tr, fpx),
		half:  l.width * tr.scale * fpx / size / 2,
		color: l.color,
	}
	nt := (px + tile - 1) / tile
	r.bins = make([][]int, nt*nt)
	clampTile := func(v float64) int {
		return max(0, min(nt-1, int(math.Floor(v/tile))))
	}
	for i, s := range r.segs {
		x0, x1 := clampTile(s.minX-r.half), clampTile(s.maxX+r.half)
		y0, y1 := clampTile(s.minY-r.half), clampTile(s.maxY+r.half)
		for ty := y0; ty <= y1; ty++ {
			for tx := x0; tx <= x1; tx++ {
				r.bins[ty*nt+tx] = append(r.bins[ty*nt+tx], i)
			}
		}
	}
	return r
}

// hit reports whether p (in tile bin) lies within the stroke.
func (r *raster) hit(p pt, bin int) bool {
	h2 := r.half * r.half
	for _, i := range r.bins[bin] {
		s := &r.segs[i]
		if p.x < s.minX-r.half || p.x > s.maxX+r.half || p.y < s.minY-r.half || p.y > s.maxY+r.half {
			continue
		}
		if distSq(p, *s) <= h2 {
			return true
		}
	}
	return false
}

// render rasterises the icon at px×px. If fullBleed, the background is a
// full opaque square; otherwise a rounded square with transparent corners.
func render(px int, tr transform, fullBleed bool) *image.NRGBA {
	const ss = 4 // 4×4 supersampling
	fpx := float64(px)
	radius := cornerRadius * fpx / size
	nt := (px + tile - 1) / tile
	var rs []raster
	for _, l := range layers() {
		rs = append(rs, prepare(l, tr, px))
	}

	img := image.NewNRGBA(image.Rect(0, 0, px, px))
	for y := 0; y < px; y++ {
		for x := 0; x < px; x++ {
			bin := (y/tile)*nt + x/tile
			var r, g, b, a float64
			for sy := 0; sy < ss; sy++ {
				for sx := 0; sx < ss; sx++ {
					p := pt{float64(x) + (float64(sx)+0.5)/ss, float64(y) + (float64(sy)+0.5)/ss}
					if !fullBleed && roundedBoxSDF(p, fpx, radius) > 0 {
						continue
					}
					col := bgColor
					for i := len(rs) - 1; i >= 0; i-- {
						if rs[i].hit(p, bin) {
							col = rs[i].color
							break
						}
					}
					r += col[0]
					g += col[1]
					b += col[2]
					a++
				}
			}
			if a == 0 {
				continue
			}
			img.SetNRGBA(x, y, color.NRGBA{
				R: uint8(math.Round(r / a)),
				G: uint8(math.Round(g / a)),
				B: uint8(math.Round(b / a)),
				A: uint8(math.Round(a / (ss * ss) * 255)),
			})
		}
	}
	return img
}

func writePNG(path string, img image.Image) {
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		log.Fatal(err)
	}
	writeFile(path, buf.Bytes())
}

func writeFile(path string, data []byte) {
	if err := os.WriteFile(path, data, 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("wrote %s (%d bytes)\n", path, len(data))
}

func main() {
	dir := "web"
	if _, err := os.Stat(filepath.Join(dir, "gen_icons.go")); err != nil {
		log.Fatal("run from the repository root: go run web/gen_icons.go")
	}
	writeFile(filepath.Join(dir, "icon.svg"), buildSVG())
	writePNG(filepath.Join(dir, "icon-192.png"), render(192, regularTransform(), false))
	writePNG(filepath.Join(dir, "icon-512.png"), render(512, regularTransform(), false))
	writePNG(filepath.Join(dir, "icon-maskable-512.png"), render(512, maskableTransform(), true))
}
