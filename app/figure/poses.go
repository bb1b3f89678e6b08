package figure

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"

	"unknot/app/internal/located"
)

// Poses is the decoded poses file: one entry per exercise.
type Poses struct {
	Exercises []Exercise `json:"exercises"`
}

// Exercise is how one exercise is drawn: its keyframes, the props it uses,
// the parts that move (drawn in the highlight colour) and which keyframe a
// still picture shows.
type Exercise struct {
	ID        string     `json:"id"`
	Props     []Prop     `json:"props"`
	Highlight []Part     `json:"highlight"`
	Still     int        `json:"still"`
	Anchor    string     `json:"anchor"`    // the point that keeps its place across the frames; the pelvis unless set
	Treadmill bool       `json:"treadmill"` // the floor moves under the feet (walking on the spot)
	Slides    []string   `json:"slides"`    // contacts that slide along the floor by design (hands reaching forward)
	View      float64    `json:"view"`      // degrees the viewer walks around the figure: 0 sees its near side
	Tilt      float64    `json:"tilt"`      // degrees the viewer looks down from above: 0 is level, the floor a line
	Keyframes []Keyframe `json:"keyframes"`
}

// Prop is something drawn under or behind the figure.
type Prop string

// The props.
const (
	Mat        Prop = "mat"         // an exercise mat on the floor
	Chair      Prop = "chair"       // a chair seen from the side
	ChairFront Prop = "chair_front" // a chair seen from the front
)

// Keyframe is one pose, held for Hold seconds and then moved, over Move
// seconds, toward the next keyframe (the last moves back to the first).
// Angles are in degrees; a Pair is [near, far].
type Keyframe struct {
	Hold     float64  `json:"hold"`
	Move     float64  `json:"move"`
	Contacts []string `json:"contacts"` // points that rest on the floor, or "seat:pelvis"

	Pitch float64 `json:"pitch"` // the pelvis turned in the picture's plane: 90 lies on the back, head to the left
	Yaw   float64 `json:"yaw"`   // the pelvis turned about the spine: -90 faces the viewer

	Lumbar      float64 `json:"lumbar"` // flexion (bending forward) of the lower back
	LumbarTwist float64 `json:"lumbar_twist"`
	LumbarBend  float64 `json:"lumbar_bend"`
	Thorax      float64 `json:"thorax"`
	ThoraxTwist float64 `json:"thorax_twist"`
	ThoraxBend  float64 `json:"thorax_bend"`
	Neck        float64 `json:"neck"`

	Shoulder    Pair `json:"shoulder"`     // flexion: 0 hangs down, 90 points forward, 180 overhead
	ShoulderOut Pair `json:"shoulder_out"` // abduction, out to the side
	Elbow       Pair `json:"elbow"`
	Hip         Pair `json:"hip"`     // flexion: 90 is the thigh forward, as when sitting
	HipOut      Pair `json:"hip_out"` // abduction, out to the side
	Knee        Pair `json:"knee"`
	Ankle       Pair `json:"ankle"` // dorsiflexion: toes toward the shin
}

// Pair is a joint's angle on the near and the far side.
type Pair [2]float64

// UnmarshalJSON takes exactly two numbers.
func (p *Pair) UnmarshalJSON(b []byte) error {
	var v []float64
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	if len(v) != 2 {
		return fmt.Errorf("%d numbers; want [near, far]", len(v))
	}
	*p = Pair{v[0], v[1]}
	return nil
}

// Range is a joint's range of motion, in degrees.
type Range struct{ Min, Max float64 }

// Limits are the ranges each angle must stay in: ordinary adult ranges of
// motion (AAOS), narrowed where an exercise for a sore back should never
// go near the end of the range.
var Limits = map[string]Range{
	"pitch":        {-180, 180},
	"yaw":          {-180, 180},
	"lumbar":       {-25, 50},
	"lumbar_twist": {-15, 15},
	"lumbar_bend":  {-25, 25},
	"thorax":       {-25, 45},
	"thorax_twist": {-35, 35},
	"thorax_bend":  {-20, 20},
	"neck":         {-45, 60},
	"shoulder":     {-50, 180},
	"shoulder_out": {-60, 180}, // below 0: across the chest, when the arm is forward
	"elbow":        {0, 150},
	"hip":          {-25, 140},
	"hip_out":      {-30, 45},
	"knee":         {0, 160},
	"ankle":        {-70, 30},
}

// angles lists a keyframe's angles by name, pairs as name[0] and name[1].
func (k Keyframe) angles() []namedAngle {
	a := []namedAngle{
		{"pitch", k.Pitch}, {"yaw", k.Yaw},
		{"lumbar", k.Lumbar}, {"lumbar_twist", k.LumbarTwist}, {"lumbar_bend", k.LumbarBend},
		{"thorax", k.Thorax}, {"thorax_twist", k.ThoraxTwist}, {"thorax_bend", k.ThoraxBend},
		{"neck", k.Neck},
	}
	for _, p := range []struct {
		name string
		v    Pair
	}{
		{"shoulder", k.Shoulder}, {"shoulder_out", k.ShoulderOut}, {"elbow", k.Elbow},
		{"hip", k.Hip}, {"hip_out", k.HipOut}, {"knee", k.Knee}, {"ankle", k.Ankle},
	} {
		a = append(a, namedAngle{p.name + "[0]", p.v[0]}, namedAngle{p.name + "[1]", p.v[1]})
	}
	return a
}

type namedAngle struct {
	path  string // "knee[0]"
	value float64
}

// joint is the Limits name of an angle's path: "knee[0]" is "knee".
func (a namedAngle) joint() string {
	if i := len(a.path) - 3; i > 0 && a.path[i] == '[' {
		return a.path[:i]
	}
	return a.path
}

func fail(path, format string, args ...any) error { return located.Errorf(path, format, args...) }

// Decode reads a poses file strictly (no unknown field, nothing after the
// object) and checks it with Check. Every error is a *located.Error.
func Decode(b []byte) (Poses, error) {
	var p Poses
	if err := located.Decode("", b, &p); err != nil {
		return Poses{}, err
	}
	return p, p.Check()
}

// Check validates every exercise: a known id once, two keyframes or more,
// every angle within its Limits, known props and parts, a still keyframe
// that exists, highlighted parts that really move, and contacts that touch
// what they rest on.
func (p Poses) Check() error {
	seen := map[string]bool{}
	for i, ex := range p.Exercises {
		at := "exercises[" + strconv.Itoa(i) + "]"
		if ex.ID == "" || seen[ex.ID] {
			return fail(at+".id", "%q is empty or given twice", ex.ID)
		}
		seen[ex.ID] = true
		if err := ex.check(at); err != nil {
			return err
		}
	}
	return nil
}

func (ex Exercise) check(at string) error {
	if len(ex.Keyframes) < 2 {
		return fail(at+".keyframes", "%d keyframes; want at least 2", len(ex.Keyframes))
	}
	if ex.Still < 0 || ex.Still >= len(ex.Keyframes) {
		return fail(at+".still", "%d is not a keyframe", ex.Still)
	}
	for j, pr := range ex.Props {
		if !slices.Contains([]Prop{Mat, Chair, ChairFront}, pr) {
			return fail(at+".props["+strconv.Itoa(j)+"]", "unknown prop %q", pr)
		}
	}
	var cycle float64
	for j, k := range ex.Keyframes {
		kat := at + ".keyframes[" + strconv.Itoa(j) + "]"
		if k.Hold < 0 || k.Move <= 0 {
			return fail(kat, "hold %g s and move %g s; want hold ≥ 0 and move > 0", k.Hold, k.Move)
		}
		cycle += k.Hold + k.Move
		for _, a := range k.angles() {
			r := Limits[a.joint()]
			if a.value < r.Min || a.value > r.Max {
				return fail(kat+"."+a.path, "%g° is outside the joint's range %g° to %g°", a.value, r.Min, r.Max)
			}
		}
	}
	if ex.View < -90 || ex.View > 90 {
		return fail(at+".view", "%g°; want -90° to 90°", ex.View)
	}
	if ex.Tilt < 0 || ex.Tilt > 60 {
		return fail(at+".tilt", "%g°; want 0° to 60°", ex.Tilt)
	}
	if cycle < 1 || cycle > 20 {
		return fail(at+".keyframes", "one cycle takes %g s; want 1 to 20", cycle)
	}
	for j, part := range ex.Highlight {
		hat := at + ".highlight[" + strconv.Itoa(j) + "]"
		if !slices.Contains(Parts, part) {
			return fail(hat, "unknown part %q", part)
		}
		if moves(ex, part) < 3 {
			return fail(hat, "%s is highlighted but moves %.1f units; want 3 or more", part, moves(ex, part))
		}
	}
	return checkContacts(ex, at)
}
