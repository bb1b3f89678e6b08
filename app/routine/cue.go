package routine

import (
	"strconv"
	"time"
)

// CueKind is what a cue says. The values are persisted in golden files and
// may be used by the UI to pick a sound, so they never change.
type CueKind string

// Cue kinds, in the order they can occur at one instant.
const (
	CueGetReady CueKind = "get_ready" // the routine is about to begin
	CueRest     CueKind = "rest"      // rest between exercises begins
	CueAnnounce CueKind = "announce"  // the name of the exercise about to begin
	CueSide     CueKind = "side"      // which side is next: Side is left or right
	CueHold     CueKind = "hold"      // a hold begins (or "walk" for walking)
	CueRelease  CueKind = "release"   // the hold ends: release and relax
	CueCount    CueKind = "count"     // Count seconds (3, 2, 1) before a hold begins or ends
	CueDone     CueKind = "done"      // well done: the routine is finished
)

// Side says which side of the body a hold is for.
type Side string

// Sides.
const (
	NoSide Side = "none"
	Left   Side = "left"
	Right  Side = "right"
)

// TextKey is the key of the side's label.
func (s Side) TextKey() string { return "routine.side." + string(s) }

// Cue is something to say, or sound, at an instant of the routine.
type Cue struct {
	Kind       CueKind
	ExerciseID ExerciseID
	Side       Side
	Count      int       // for CueCount: 3, 2 or 1
	At         time.Time // when the cue was due (earlier than now after a jump)
	Key        string    // text key of the words to say
}

// TextKey returns the key of the words to say for the cue.
func (c Cue) TextKey() string { return c.Key }

// cueKey is the text key of a cue that does not depend on the exercise.
func cueKey(k CueKind, side Side, count int) string {
	switch k {
	case CueSide:
		return "routine.cue." + string(side)
	case CueCount:
		return "routine.cue.count." + strconv.Itoa(count)
	}
	return "routine.cue." + string(k)
}

// playerTextKeys lists the keys the player and its screens need.
func playerTextKeys() []string {
	keys := []string{
		cueKey(CueGetReady, "", 0), cueKey(CueRest, "", 0), cueKey(CueHold, "", 0),
		cueKey(CueRelease, "", 0), cueKey(CueDone, "", 0),
		cueKey(CueSide, Left, 0), cueKey(CueSide, Right, 0),
		Left.TextKey(), Right.TextKey(), NoSide.TextKey(),
		NotePregnancy, NoteNoFloor,
	}
	for n := 1; n <= countdownFrom; n++ {
		keys = append(keys, cueKey(CueCount, "", n))
	}
	for _, p := range []Phase{PhaseGetReady, PhaseHold, PhaseRelease, PhaseRest} {
		keys = append(keys, p.TextKey())
	}
	for _, s := range []State{StateReady, StateRunning, StatePaused, StateRest, StateDone} {
		keys = append(keys, s.TextKey())
	}
	for _, c := range linkErrorCodes {
		keys = append(keys, c.TextKey())
	}
	return keys
}

// Keys of notes shown beside an adapted routine.
const (
	NotePregnancy = "routine.note.pregnancy"
	NoteNoFloor   = "routine.note.no_floor"
)
