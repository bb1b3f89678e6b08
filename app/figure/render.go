package figure

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// The picture: 320 by 240, the same 4:3 as the player's image box, with
// the floor near the bottom.
const (
	width     = 320
	height    = 240
	floorY    = 222
	matHeight = 5
	scale     = 1.15 // picture units per model unit
)

// Palette is one theme's colours for a picture.
type Palette struct {
	BG    RGB // the picture's background: the theme's surface
	Fig   RGB // the figure
	Far   RGB // limbs on the far side
	Hi    RGB // the parts that move
	HiFar RGB // the parts that move, on the far side
	Prop  RGB // floor line and chair
	Mat   RGB // the mat's fill
}

// PaletteOf takes a picture's colours from a theme's tokens: the figure in
// the muted text colour, what moves in the brand colour, the far side a
// step toward the background but still 3:1 against it.
func PaletteOf(t Tokens) (Palette, error) {
	for _, name := range []string{"surface", "surface-2", "text-muted", "brand", "border"} {
		if _, ok := t[name]; !ok {
			return Palette{}, fmt.Errorf("theme has no --%s", name)
		}
	}
	bg := t["surface"]
	return Palette{
		BG: bg, Fig: t["text-muted"], Far: towards(t["text-muted"], bg),
		Hi: t["brand"], HiFar: towards(t["brand"], bg),
		Prop: t["border"], Mat: t["surface-2"],
	}, nil
}

// towards moves c toward the background bg as far as it can go, up to
// halfway, while keeping 3.2:1 against it.
func towards(c, bg RGB) RGB {
	best := c
	for w := 0.05; w <= 0.5; w += 0.05 {
		m := mix(c, bg, w)
		if Contrast(m, bg) < 3.2 {
			break
		}
		best = m
	}
	return best
}

// drawn is one shape of the figure in every frame.
type drawn struct {
	class string
	width float64  // stroke width; 0 for the head
	at    [][2]vec // per frame: the capsule's ends (the head: its centre twice)
	depth float64  // z in the first frame, for drawing order
	order int      // index in Parts, to break ties
	part  Part
}

// Render draws the exercise as an SVG document: the figure animated through
// its keyframes (SMIL), or, for a person who prefers reduced motion, still
// in its still keyframe with the first keyframe's moving parts faintly
// behind.
func Render(ex Exercise, light, dark Palette) []byte {
	frames := ex.frames()
	shapes := shapesOf(ex, frames)
	// Seen from above, the floor is a band as deep as the figure reaches
	// toward and away from the viewer; the figure lies in its middle.
	var reach float64
	if ex.Tilt > 0 {
		for _, s := range shapes {
			for _, ab := range s.at {
				reach = max(reach, math.Abs(ab[0].z), math.Abs(ab[1].z))
			}
		}
		reach += 2 * headRadius
	}
	band := reach * math.Sin(rad(ex.Tilt)) * scale
	ground := float64(floorY) - band
	if slices.Contains(ex.Props, Mat) {
		ground -= matHeight
	}

	// Centre what is drawn: every frame of the figure, and the chair.
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, s := range shapes {
		r := s.width / 2
		if s.width == 0 {
			r = headRadius
		}
		for _, ab := range s.at {
			lo = min(lo, (ab[0].x-r)*scale, (ab[1].x-r)*scale)
			hi = max(hi, (ab[0].x+r)*scale, (ab[1].x+r)*scale)
		}
	}
	chairX := ex.placed(ex.Keyframes[0], "pelvis", 0).points["pelvis"].x * scale
	if slices.Contains(ex.Props, Chair) {
		lo = min(lo, chairX-22)
	}
	ox := width/2 - (lo+hi)/2
	sx := func(v vec) float64 { return ox + v.x*scale }
	sy := func(v vec) float64 { return ground - ex.up(v)*scale }

	var b strings.Builder
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 240" width="320" height="240">`)
	writeStyle(&b, light, dark)
	b.WriteString(`<rect class="bg" width="320" height="240"/>`)
	if slices.Contains(ex.Props, Mat) {
		fmt.Fprintf(&b, `<rect class="mat" x="%s" y="%s" width="%s" height="%s" rx="2"/>`,
			num(ox+lo-12), num(ground-band), num(hi-lo+24), num(2*band+matHeight))
	}
	fmt.Fprintf(&b, `<path class="pr" d="M6 %dH314"/>`, floorY)
	seat := ground - ex.seatHeight()*scale
	if slices.Contains(ex.Props, Chair) {
		x := ox + chairX
		fmt.Fprintf(&b, `<path class="ch" d="M%s %sH%sM%s %sV%dM%s %sV%dM%s %sV%s"/>`,
			num(x-20), num(seat+3), num(x+26), num(x-18), num(seat+3), floorY, num(x+24), num(seat+3), floorY,
			num(x-20), num(seat+3), num(seat-48))
	}
	if slices.Contains(ex.Props, ChairFront) {
		x := ox + chairX
		fmt.Fprintf(&b, `<path class="ch" d="M%s %sH%sM%s %sV%dM%s %sV%d"/>`,
			num(x-30), num(seat+3), num(x+30), num(x-27), num(seat+3), floorY, num(x+27), num(seat+3), floorY)
	}

	keyTimes := make([]string, len(frames))
	for i, f := range frames {
		keyTimes[i] = strconv.FormatFloat(f.t, 'f', 3, 64)
	}
	anim := fmt.Sprintf(` dur="%ss" repeatCount="indefinite" keyTimes="%s"`, num(ex.cycle()), strings.Join(keyTimes, ";"))

	b.WriteString(`<g class="m">`)
	for _, s := range shapes {
		if s.width == 0 {
			xs, ys := make([]string, len(frames)), make([]string, len(frames))
			for i, ab := range s.at {
				xs[i], ys[i] = whole(sx(ab[0])), whole(sy(ab[0]))
			}
			fmt.Fprintf(&b, `<circle%s cx="%s" cy="%s" r="%s"><animate attributeName="cx"%s values="%s"/><animate attributeName="cy"%s values="%s"/></circle>`,
				classAttr(s.class), xs[0], ys[0], num(headRadius*scale), anim, strings.Join(xs, ";"), anim, strings.Join(ys, ";"))
			continue
		}
		ds := make([]string, len(frames))
		for i, ab := range s.at {
			ds[i] = "M" + whole(sx(ab[0])) + " " + whole(sy(ab[0])) + "L" + whole(sx(ab[1])) + " " + whole(sy(ab[1]))
		}
		fmt.Fprintf(&b, `<path%s stroke-width="%s" d="%s"><animate attributeName="d"%s values="%s"/></path>`,
			classAttr(s.class), num(s.width*scale), ds[0], anim, strings.Join(ds, ";"))
	}
	b.WriteString(`</g><g class="s">`)
	still := ex.keyBodies()
	writeStill(&b, "g", inDrawingOrder(shapesAt(ex, still[0])), sx, sy, ex.Highlight)
	writeStill(&b, "", inDrawingOrder(shapesAt(ex, still[ex.Still])), sx, sy, nil)
	b.WriteString(`</g></svg>`)
	return []byte(b.String())
}

// writeStill draws one pose without animation; with only set, just those
// parts, each in class ghost.
func writeStill(b *strings.Builder, ghost string, shapes []drawn, sx, sy func(vec) float64, only []Part) {
	if ghost != "" && len(only) == 0 {
		return
	}
	for _, s := range shapes {
		if ghost != "" && !slices.Contains(only, s.part) {
			continue
		}
		class := s.class
		if ghost != "" {
			class = strings.TrimSpace(ghost + " " + s.class)
		}
		ab := s.at[0]
		if s.width == 0 {
			fmt.Fprintf(b, `<circle%s cx="%s" cy="%s" r="%s"/>`, classAttr(class), num(sx(ab[0])), num(sy(ab[0])), num(headRadius*scale))
			continue
		}
		fmt.Fprintf(b, `<path%s stroke-width="%s" d="M%s %sL%s %s"/>`, classAttr(class), num(s.width*scale),
			num(sx(ab[0])), num(sy(ab[0])), num(sx(ab[1])), num(sy(ab[1])))
	}
}

func classAttr(c string) string {
	if c == "" {
		return ""
	}
	return ` class="` + c + `"`
}

// shapesOf follows every shape of the figure through the frames, in
// drawing order: farthest first, as the first frame stands.
func shapesOf(ex Exercise, frames []frame) []drawn {
	shapes := shapesAt(ex, frames[0].body)
	for _, f := range frames[1:] {
		for i, s := range shapesAt(ex, f.body) {
			shapes[i].at = append(shapes[i].at, s.at[0])
		}
	}
	return inDrawingOrder(shapes)
}

// shapesAt is the figure's shapes in one pose, in the body's order.
func shapesAt(ex Exercise, b body) []drawn {
	var out []drawn
	for _, c := range b.caps {
		depth := (ex.depth(c.a) + ex.depth(c.b)) / 2
		out = append(out, drawn{class: classOf(ex, c.part, depth), width: c.width, at: [][2]vec{{c.a, c.b}},
			depth: depth, order: slices.Index(Parts, c.part), part: c.part})
	}
	return append(out, drawn{class: classOf(ex, Head, ex.depth(b.head)), at: [][2]vec{{b.head, b.head}},
		depth: ex.depth(b.head), order: slices.Index(Parts, Head), part: Head})
}

// up is how high a point shows in the picture, seen from the exercise's
// tilt: what is nearer the viewer shows lower, as on a floor seen from
// above.
func (ex Exercise) up(v vec) float64 {
	s, c := math.Sincos(rad(ex.Tilt))
	return v.y*c - v.z*s
}

// depth is how near a point is to the viewer, who looks down from the
// exercise's tilt: higher is nearer, as well as closer.
func (ex Exercise) depth(v vec) float64 {
	s, c := math.Sincos(rad(ex.Tilt))
	return v.y*s + v.z*c
}

// inDrawingOrder sorts shapes farthest first; shapes at about the same
// depth keep the order of Parts.
func inDrawingOrder(shapes []drawn) []drawn {
	slices.SortStableFunc(shapes, func(x, y drawn) int {
		if math.Abs(x.depth-y.depth) > 4 {
			return int(math.Copysign(1, x.depth-y.depth))
		}
		return x.order - y.order
	})
	return shapes
}

// classOf colours a shape: what moves in the highlight colour, the limbs
// of the far side a step lighter when they lie behind the body.
func classOf(ex Exercise, p Part, depth float64) string {
	far := depth < -4 && (p == FarArm || p == FarLeg)
	switch hl := slices.Contains(ex.Highlight, p); {
	case hl && far:
		return "hf"
	case hl:
		return "h"
	case far:
		return "f"
	}
	return ""
}

func writeStyle(b *strings.Builder, light, dark Palette) {
	vars := func(p Palette) string {
		return fmt.Sprintf("--bg:%s;--fig:%s;--far:%s;--hi:%s;--hif:%s;--prop:%s;--mat:%s",
			p.BG, p.Fig, p.Far, p.Hi, p.HiFar, p.Prop, p.Mat)
	}
	fmt.Fprintf(b, `<style>svg{%s;color:var(--fig)}@media (prefers-color-scheme:dark){svg{%s}}`, vars(light), vars(dark))
	b.WriteString(`.bg{fill:var(--bg)}path{fill:none;stroke:currentColor;stroke-linecap:round}circle{fill:currentColor}` +
		`.f{color:var(--far)}.h{color:var(--hi)}.hf{color:var(--hif)}.pr,.ch{stroke:var(--prop);stroke-width:3}` +
		`.ch{stroke-width:5}.mat{fill:var(--mat);stroke:var(--prop)}.g{opacity:.3}` +
		`.s{display:none}@media (prefers-reduced-motion:reduce){.m{display:none}.s{display:inline}}</style>`)
}

// whole writes a coordinate of a moving shape, to the nearest unit (a
// little over a pixel where the player shows the picture): the values are
// most of a picture's bytes, and in motion the rounding cannot be seen.
func whole(v float64) string { return strconv.Itoa(int(math.Round(v))) }

// num writes a coordinate with one decimal at most.
func num(v float64) string {
	return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
}
