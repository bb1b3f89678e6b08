package figure

import (
	"math"
	"slices"
	"strconv"
)

// substeps is how many poses a move between two keyframes is drawn
// through: the angles are interpolated, not the points, so limbs keep
// their lengths while they move.
const substeps = 4

// contactSlack is how far, in picture units, a contact may be from what it
// rests on, or slide along it between two keyframes.
const contactSlack = 2.5

// frame is the figure at one moment of the cycle, t from 0 to 1.
type frame struct {
	t    float64
	body body
}

// placed poses k and sets it down: its lowest edge on the floor (y = 0),
// and the exercise's anchor point at x = anchorX.
func (ex Exercise) placed(k Keyframe, anchor string, anchorX float64) body {
	b := pose(k, ex.View)
	p, ok := b.points[anchor]
	if !ok {
		p = b.points["pelvis"]
	}
	return b.moved(vec{anchorX - p.x, -b.lowest(), 0})
}

func (ex Exercise) anchor() string {
	if ex.Anchor == "" {
		return "pelvis"
	}
	return ex.Anchor
}

// keyBodies are the keyframes placed: the first with its pelvis at x = 0,
// the others with the anchor where the first had it.
func (ex Exercise) keyBodies() []body {
	first := ex.placed(ex.Keyframes[0], "pelvis", 0)
	ax := first.points[ex.anchor()].x
	out := []body{first}
	for _, k := range ex.Keyframes[1:] {
		out = append(out, ex.placed(k, ex.anchor(), ax))
	}
	return out
}

// cycle is the length of one cycle in seconds.
func (ex Exercise) cycle() float64 {
	var c float64
	for _, k := range ex.Keyframes {
		c += k.Hold + k.Move
	}
	return c
}

// frames samples one cycle: each keyframe at the start and end of its
// hold, and substeps poses on each move, eased in and out. The last frame
// is the first again.
func (ex Exercise) frames() []frame {
	ax := ex.placed(ex.Keyframes[0], "pelvis", 0).points[ex.anchor()].x
	total := ex.cycle()
	var out []frame
	var t float64
	n := len(ex.Keyframes)
	for i, k := range ex.Keyframes {
		b := ex.placed(k, ex.anchor(), ax)
		out = append(out, frame{t / total, b})
		if k.Hold > 0 {
			t += k.Hold
			out = append(out, frame{t / total, b})
		}
		next := ex.Keyframes[(i+1)%n]
		for s := 1; s < substeps; s++ {
			u := float64(s) / substeps
			out = append(out, frame{(t + u*k.Move) / total, ex.placed(blend(k, next, ease(u)), ex.anchor(), ax)})
		}
		t += k.Move
	}
	out = append(out, frame{1, out[0].body})
	return out
}

// ease is smoothstep: slow out of one pose and into the next.
func ease(u float64) float64 { return u * u * (3 - 2*u) }

// blend is the pose a fraction u of the way from a to b.
func blend(a, b Keyframe, u float64) Keyframe {
	l := func(x, y float64) float64 { return x + (y-x)*u }
	lp := func(x, y Pair) Pair { return Pair{l(x[0], y[0]), l(x[1], y[1])} }
	return Keyframe{
		Pitch: l(a.Pitch, b.Pitch), Yaw: l(a.Yaw, b.Yaw),
		Lumbar: l(a.Lumbar, b.Lumbar), LumbarTwist: l(a.LumbarTwist, b.LumbarTwist), LumbarBend: l(a.LumbarBend, b.LumbarBend),
		Thorax: l(a.Thorax, b.Thorax), ThoraxTwist: l(a.ThoraxTwist, b.ThoraxTwist), ThoraxBend: l(a.ThoraxBend, b.ThoraxBend),
		Neck:     l(a.Neck, b.Neck),
		Shoulder: lp(a.Shoulder, b.Shoulder), ShoulderOut: lp(a.ShoulderOut, b.ShoulderOut), Elbow: lp(a.Elbow, b.Elbow),
		Hip: lp(a.Hip, b.Hip), HipOut: lp(a.HipOut, b.HipOut), Knee: lp(a.Knee, b.Knee), Ankle: lp(a.Ankle, b.Ankle),
	}
}

// moves is how far, in picture units, the part's farthest point travels
// from the first keyframe over the others.
func moves(ex Exercise, part Part) float64 {
	bodies := ex.keyBodies()
	var most float64
	for _, b := range bodies[1:] {
		for i, c := range b.caps {
			c0 := bodies[0].caps[i]
			if c.part != part {
				continue
			}
			most = max(most, dist(c.a, c0.a), dist(c.b, c0.b))
		}
		if part == Head {
			most = max(most, dist(b.head, bodies[0].head))
		}
	}
	return most
}

func dist(a, b vec) float64 { return math.Hypot(math.Hypot(a.x-b.x, a.y-b.y), a.z-b.z) }

// seatHeight is the top of the chair: the underside of the pelvis in the
// first keyframe.
func (ex Exercise) seatHeight() float64 {
	low, _ := ex.placed(ex.Keyframes[0], "pelvis", 0).low("pelvis")
	return low
}

// checkContacts checks that each keyframe's contacts rest on the floor (or
// the seat), and that a contact held from one keyframe to the next does
// not slide.
func checkContacts(ex Exercise, at string) error {
	bodies := ex.keyBodies()
	seat := ex.seatHeight()
	for j, k := range ex.Keyframes {
		kat := at + ".keyframes[" + strconv.Itoa(j) + "].contacts"
		if len(k.Contacts) == 0 {
			return fail(kat, "no contact: a pose must rest on something")
		}
		for _, c := range k.Contacts {
			name, ground := c, 0.0
			if len(c) > 5 && c[:5] == "seat:" {
				name, ground = c[5:], seat
			}
			low, ok := bodies[j].low(name)
			if !ok {
				return fail(kat, "unknown point %q", c)
			}
			p := bodies[j].points[name]
			if gap := low - ground; math.Abs(gap) > contactSlack {
				return fail(kat, "%s is %.1f units off what it rests on", c, gap)
			}
			next := (j + 1) % len(ex.Keyframes)
			if ex.Treadmill || slices.Contains(ex.Slides, c) || !slices.Contains(ex.Keyframes[next].Contacts, c) {
				continue
			}
			if slide := bodies[next].points[name].x - p.x; math.Abs(slide) > contactSlack {
				return fail(kat, "%s slides %.1f units on its way to keyframe %d", c, slide, next)
			}
		}
	}
	return nil
}
