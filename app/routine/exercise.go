package routine

import (
	"strconv"
	"time"
)

// ExerciseID is the stable id of an exercise, e.g. "cat_cow".
type ExerciseID string

// The exercises named in CLINICAL.md. Their ids are a public contract: saved
// sessions, routine links and tests use them.
const (
	ChildPose         ExerciseID = "child_pose"
	CatCow            ExerciseID = "cat_cow"
	GluteBridge       ExerciseID = "glute_bridge"
	KneeToChest       ExerciseID = "knee_to_chest"
	DoubleKneeToChest ExerciseID = "double_knee_to_chest"
	PelvicTilt        ExerciseID = "pelvic_tilt"
	SeatedForwardFold ExerciseID = "seated_forward_fold"
	SeatedTwist       ExerciseID = "seated_twist"
	LyingTwist        ExerciseID = "lying_twist"
	SideLyingStretch  ExerciseID = "side_lying_stretch"
	BirdDog           ExerciseID = "bird_dog"
	Walking           ExerciseID = "walking"
)

// ClinicalExercises lists every exercise the content must provide.
var ClinicalExercises = []ExerciseID{
	ChildPose, CatCow, GluteBridge, KneeToChest, DoubleKneeToChest, PelvicTilt,
	SeatedForwardFold, SeatedTwist, LyingTwist, SideLyingStretch, BirdDog, Walking,
}

// Tag describes the position an exercise is done in, or how it moves the
// spine. Every exercise has exactly one position tag.
type Tag string

// Position tags.
const (
	Supine    Tag = "supine"     // lying flat on the back
	Prone     Tag = "prone"      // lying on the front
	Kneeling  Tag = "kneeling"   // on hands and knees, or kneeling
	Seated    Tag = "seated"     // sitting on a chair
	Standing  Tag = "standing"   // standing or walking
	SideLying Tag = "side_lying" // lying on one side
)

// Movement tags.
const (
	Flexion   Tag = "flexion"
	Extension Tag = "extension"
	Rotation  Tag = "rotation"
)

// positionTags maps each position tag to whether it needs the floor.
var positionTags = map[Tag]bool{
	Supine: true, Prone: true, Kneeling: true, SideLying: true,
	Seated: false, Standing: false,
}

var movementTags = map[Tag]bool{Flexion: true, Extension: true, Rotation: true}

// Tags lists every known tag, positions first.
var Tags = []Tag{Supine, Prone, Kneeling, SideLying, Seated, Standing, Flexion, Extension, Rotation}

// TextKey is the key of the tag's label.
func (t Tag) TextKey() string { return "routine.tag." + string(t) }

// Dose is how an exercise is done: Reps holds of Hold each, each followed by
// Tempo to release and relax, on each side when Sides, then Rest before the
// next exercise.
type Dose struct {
	Hold  time.Duration
	Reps  int
	Sides bool
	Rest  time.Duration
	Tempo time.Duration
}

// Exercise is one exercise with its default dose and the keys of its words.
type Exercise struct {
	ID           ExerciseID
	Tags         []Tag
	Floor        bool // needs getting down on (and up from) the floor
	Defaults     Dose
	Illustration string // path under web/, e.g. "exercises/cat_cow.svg"

	NameKey     string
	PurposeKey  string
	StepKeys    []string // numbered instructions, in order
	FeelKey     string   // what you should feel
	AvoidKey    string   // what to avoid
	CautionKeys []string
	HoldCueKey  string // what to say when a hold begins; "routine.cue.hold" unless set
}

// Has reports whether the exercise carries tag t.
func (e Exercise) Has(t Tag) bool {
	for _, x := range e.Tags {
		if x == t {
			return true
		}
	}
	return false
}

// Position is the exercise's position tag.
func (e Exercise) Position() Tag {
	for _, t := range e.Tags {
		if _, ok := positionTags[t]; ok {
			return t
		}
	}
	return ""
}

// TextKeys lists every text key the exercise uses.
func (e Exercise) TextKeys() []string {
	keys := []string{e.NameKey, e.PurposeKey, e.FeelKey, e.AvoidKey, e.HoldCueKey}
	keys = append(keys, e.StepKeys...)
	return append(keys, e.CautionKeys...)
}

func exerciseKeys(id ExerciseID, steps, cautions int, holdCue string) Exercise {
	p := "exercise." + string(id) + "."
	e := Exercise{
		ID:         id,
		NameKey:    p + "name",
		PurposeKey: p + "purpose",
		FeelKey:    p + "feel",
		AvoidKey:   p + "avoid",
		HoldCueKey: "routine.cue." + holdCue,
	}
	for i := 1; i <= steps; i++ {
		e.StepKeys = append(e.StepKeys, p+"step."+strconv.Itoa(i))
	}
	for i := 1; i <= cautions; i++ {
		e.CautionKeys = append(e.CautionKeys, p+"caution."+strconv.Itoa(i))
	}
	return e
}
