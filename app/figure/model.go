package figure

import "math"

// vec is a point or direction in the figure's world: x forward (to the
// right of the picture), y up, z toward the viewer.
type vec struct{ x, y, z float64 }

func (a vec) add(b vec) vec       { return vec{a.x + b.x, a.y + b.y, a.z + b.z} }
func (a vec) scale(k float64) vec { return vec{a.x * k, a.y * k, a.z * k} }

// mat is a rotation, row-major.
type mat [3][3]float64

var identity = mat{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}

func (m mat) mul(n mat) mat {
	var r mat
	for i := range 3 {
		for j := range 3 {
			for k := range 3 {
				r[i][j] += m[i][k] * n[k][j]
			}
		}
	}
	return r
}

func (m mat) apply(v vec) vec {
	return vec{
		m[0][0]*v.x + m[0][1]*v.y + m[0][2]*v.z,
		m[1][0]*v.x + m[1][1]*v.y + m[1][2]*v.z,
		m[2][0]*v.x + m[2][1]*v.y + m[2][2]*v.z,
	}
}

func rad(deg float64) float64 { return deg * math.Pi / 180 }

// rotX, rotY and rotZ turn counterclockwise, in degrees, looking down the
// axis toward the origin.
func rotX(deg float64) mat {
	s, c := math.Sincos(rad(deg))
	return mat{{1, 0, 0}, {0, c, -s}, {0, s, c}}
}

func rotY(deg float64) mat {
	s, c := math.Sincos(rad(deg))
	return mat{{c, 0, s}, {0, 1, 0}, {-s, 0, c}}
}

func rotZ(deg float64) mat {
	s, c := math.Sincos(rad(deg))
	return mat{{c, -s, 0}, {s, c, 0}, {0, 0, 1}}
}

// Segment lengths and thicknesses, in picture units (the picture is 320
// by 240). A standing figure is about 176 units tall, with the head a
// little under an eighth of that, as drawing manuals have it.
const (
	lumbarLen    = 24
	thoraxLen    = 30
	neckLen      = 8
	headRadius   = 12
	shoulderHalf = 12 // from the spine to each shoulder joint, sideways
	hipHalf      = 8
	upperArmLen  = 27
	forearmLen   = 24
	handLen      = 6
	thighLen     = 42
	shinLen      = 40
	footLen      = 15

	pelvisWidth   = 28
	lumbarWidth   = 27
	thoraxWidth   = 30
	neckWidth     = 10
	upperArmWidth = 11
	forearmWidth  = 9
	thighWidth    = 16
	shinWidth     = 12
	footWidth     = 7
)

// Part names a drawn part of the figure. Near parts are on the side
// facing the viewer (the figure's right side), far parts on the other.
type Part string

// The figure's parts, in the order a side view draws them (far limbs
// first, near limbs last).
const (
	FarArm  Part = "far_arm"
	FarLeg  Part = "far_leg"
	Pelvis  Part = "pelvis"
	Lumbar  Part = "lumbar"
	Thorax  Part = "thorax"
	Head    Part = "head"
	NearLeg Part = "near_leg"
	NearArm Part = "near_arm"
)

// Parts lists every part.
var Parts = []Part{FarArm, FarLeg, Pelvis, Lumbar, Thorax, Head, NearLeg, NearArm}

// capsule is one drawn segment: a line with round ends and a thickness.
type capsule struct {
	part  Part
	a, b  vec
	width float64
}

// body is a posed figure before it is placed: its capsules and the head.
type body struct {
	caps   []capsule
	head   vec
	points map[string]vec // named points for contact checks
}

// pose computes the figure's segments from a keyframe's angles, with the
// pelvis at the origin, turned by view degrees about the vertical.
func pose(k Keyframe, view float64) body {
	b := body{points: map[string]vec{}}
	root := rotY(view).mul(rotZ(k.Pitch)).mul(rotY(k.Yaw))
	pelvis := vec{}

	rl := root.mul(rotZ(-k.Lumbar)).mul(rotY(k.LumbarTwist)).mul(rotX(k.LumbarBend))
	waist := pelvis.add(rl.apply(vec{0, lumbarLen, 0}))
	rt := rl.mul(rotZ(-k.Thorax)).mul(rotY(k.ThoraxTwist)).mul(rotX(k.ThoraxBend))
	neck := waist.add(rt.apply(vec{0, thoraxLen, 0}))
	rn := rt.mul(rotZ(-k.Neck))
	headBase := neck.add(rn.apply(vec{0, neckLen, 0}))
	b.head = headBase.add(rn.apply(vec{2, headRadius - 1, 0}))
	b.caps = append(b.caps,
		capsule{Pelvis, root.apply(vec{0, -5, 0}), root.apply(vec{0, 6, 0}), pelvisWidth},
		capsule{Lumbar, pelvis, waist, lumbarWidth},
		capsule{Thorax, waist, neck.add(rt.apply(vec{0, -5, 0})), thoraxWidth},
		capsule{Head, neck.add(rt.apply(vec{0, -4, 0})), headBase, neckWidth},
	)
	b.points["pelvis"] = pelvis
	b.points["shoulders"] = neck
	b.points["head"] = b.head

	// Across the shoulders and the hips: seen from the side they hide
	// inside the body; from the front they give it its width.
	b.caps = append(b.caps,
		capsule{Thorax, neck.add(rt.apply(vec{0, -7, shoulderHalf})), neck.add(rt.apply(vec{0, -7, -shoulderHalf})), upperArmWidth + 2},
		capsule{Pelvis, root.apply(vec{0, -2, hipHalf}), root.apply(vec{0, -2, -hipHalf}), thighWidth + 2},
	)
	for i, side := range []float64{1, -1} {
		armPart, legPart, name := NearArm, NearLeg, "near"
		if i == 1 {
			armPart, legPart, name = FarArm, FarLeg, "far"
		}
		shoulder := neck.add(rt.apply(vec{0, -6, side * shoulderHalf}))
		ru := rt.mul(rotZ(k.Shoulder[i])).mul(rotX(-side * k.ShoulderOut[i]))
		elbow := shoulder.add(ru.apply(vec{0, -upperArmLen, 0}))
		rf := ru.mul(rotZ(k.Elbow[i]))
		wrist := elbow.add(rf.apply(vec{0, -forearmLen, 0}))
		hand := wrist.add(rf.apply(vec{0, -handLen, 0}))
		b.caps = append(b.caps,
			capsule{armPart, shoulder, elbow, upperArmWidth},
			capsule{armPart, elbow, hand, forearmWidth},
		)

		hip := pelvis.add(root.apply(vec{0, -3, side * hipHalf}))
		rh := root.mul(rotZ(k.Hip[i])).mul(rotX(-side * k.HipOut[i]))
		knee := hip.add(rh.apply(vec{0, -thighLen, 0}))
		rs := rh.mul(rotZ(-k.Knee[i]))
		ankle := knee.add(rs.apply(vec{0, -shinLen, 0}))
		ra := rs.mul(rotZ(k.Ankle[i]))
		heel := ankle.add(ra.apply(vec{-2, -3, 0}))
		toe := ankle.add(ra.apply(vec{footLen - 2, -3, 0}))
		b.caps = append(b.caps,
			capsule{legPart, hip, knee, thighWidth},
			capsule{legPart, knee, ankle, shinWidth},
			capsule{legPart, heel, toe, footWidth},
		)
		b.points["elbow_"+name] = elbow
		b.points["hand_"+name] = hand
		b.points["knee_"+name] = knee
		b.points["heel_"+name] = heel
		b.points["toe_"+name] = toe
	}
	return b
}

// thickness is the radius a named point has when it rests on something.
func thickness(point string) float64 {
	switch point {
	case "head":
		return headRadius
	}
	switch point[:4] {
	case "knee":
		return shinWidth / 2
	case "hand":
		return forearmWidth / 2
	case "elbo":
		return forearmWidth / 2
	}
	return footWidth / 2
}

// low is the height of a named point's underside: for the pelvis and the
// shoulders, the lowest edge of their shapes; for a joint, its point less
// the thickness of the limb there.
func (b body) low(name string) (float64, bool) {
	if part := map[string]Part{"pelvis": Pelvis, "shoulders": Thorax}[name]; part != "" {
		low := math.Inf(1)
		for _, c := range b.caps {
			if c.part == part {
				low = min(low, c.a.y-c.width/2, c.b.y-c.width/2)
			}
		}
		return low, true
	}
	p, ok := b.points[name]
	return p.y - thickness(name), ok
}

// lowest is the height of the figure's lowest edge.
func (b body) lowest() float64 {
	low := b.head.y - headRadius
	for _, c := range b.caps {
		low = min(low, c.a.y-c.width/2, c.b.y-c.width/2)
	}
	return low
}

// moved returns the figure shifted by d.
func (b body) moved(d vec) body {
	n := body{head: b.head.add(d), points: make(map[string]vec, len(b.points))}
	for _, c := range b.caps {
		n.caps = append(n.caps, capsule{c.part, c.a.add(d), c.b.add(d), c.width})
	}
	for k, p := range b.points {
		n.points[k] = p.add(d)
	}
	return n
}
