package routine

import (
	"encoding/base64"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// LinkPath is the route that plays a routine from a link.
const LinkPath = "/routines/custom"

// LinkVersion is the version of the link format EncodeLink writes: 2,
// the compact form (link_compact.go). Links of version 1, JSON in
// base64url, were issued before it and still open.
const LinkVersion = 2

// linkVersionJSON is the first format's version.
const linkVersionJSON = 1

// Limits on a link.
const (
	MaxLinkBytes = 4096 // the base64url payload after "#r="
	MaxNameRunes = 80
	maxURLBytes  = MaxLinkBytes + 1024 // room for the origin and path before "#"
)

// Custom is a routine written by a clinic and shared as a link.
type Custom struct {
	Name  string
	Steps []CustomStep
}

// CustomStep is one exercise of a custom routine. Hold and Rest are whole
// seconds in a link.
type CustomStep struct {
	Exercise ExerciseID
	Hold     time.Duration
	Reps     int
	Sides    bool
	Rest     time.Duration
}

type linkJSON struct {
	V     int            `json:"v"`
	Name  string         `json:"name"`
	Steps []linkStepJSON `json:"steps"`
}

type linkStepJSON struct {
	Ex    ExerciseID `json:"ex"`
	Hold  *int       `json:"hold"`
	Reps  *int       `json:"reps"`
	Sides *bool      `json:"sides"`
	Rest  *int       `json:"rest"`
}

// EncodeLink returns the link that plays c: LinkPath + "#r=" + payload. Hold
// and Rest are rounded down to whole seconds. Use Check before sharing: a
// routine with too many steps, a bad dose or a long name gives a link that
// DecodeLink rejects.
func EncodeLink(c Custom) string {
	return LinkPath + "#r=" + encodeCompact(c)
}

// Check reports whether c makes a link DecodeLink accepts, with the error
// DecodeLink would give.
func (c Custom) Check(lib *Library) error {
	_, err := DecodeLink(EncodeLink(c), lib)
	return err
}

// DecodeLink decodes a routine link: the whole link or URL, its fragment
// ("#r=…") or the fragment without "#" ("r=…"). The payload may be padded.
// Errors are *LinkError.
func DecodeLink(s string, lib *Library) (Custom, error) {
	if len(s) > maxURLBytes {
		return Custom{}, linkErr(LinkTooLong, "", "the link is longer than %d bytes", maxURLBytes)
	}
	if _, frag, ok := strings.Cut(s, "#"); ok {
		s = frag
	}
	payload, ok := strings.CutPrefix(s, "r=")
	if !ok {
		return Custom{}, linkErr(LinkFormat, "", "the link has no routine in it (no #r=)")
	}
	payload = strings.TrimRight(payload, "=")
	if len(payload) > MaxLinkBytes {
		return Custom{}, linkErr(LinkTooLong, "", "the routine in the link is longer than %d bytes", MaxLinkBytes)
	}
	if isCompact(payload) {
		return decodeCompactLink(payload, lib)
	}
	for _, r := range payload {
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return Custom{}, linkErr(LinkFormat, "", "the link is damaged (unexpected character %q)", r)
		}
	}
	b, err := base64.RawURLEncoding.DecodeString(payload)
	if err != nil {
		return Custom{}, linkErr(LinkFormat, "", "the link is damaged (%v)", err)
	}
	if !utf8.Valid(b) {
		return Custom{}, linkErr(LinkFormat, "", "the link is damaged (not UTF-8)")
	}
	var lj linkJSON
	if err := decodeStrict(b, &lj); err != nil {
		return Custom{}, linkErr(LinkFormat, "", "the link is damaged (%v)", err)
	}
	if lj.V != linkVersionJSON {
		return Custom{}, linkErr(LinkVersionCode, "v", "this link is version %d; this Unknot reads versions %d and %d", lj.V, linkVersionJSON, LinkVersion)
	}
	return lj.sharable(lib)
}

// decodeCompactLink decodes a version 2 payload, accepting only the one
// way EncodeLink writes it.
func decodeCompactLink(payload string, lib *Library) (Custom, error) {
	lj, err := decodeCompact(payload)
	if err != nil {
		return Custom{}, err
	}
	c, err := lj.sharable(lib)
	if err != nil {
		return Custom{}, err
	}
	if encodeCompact(c) != payload {
		return Custom{}, linkErr(LinkFormat, "", "the link is damaged (not written the way Unknot writes it)")
	}
	return c, nil
}

// sharable checks the routine and that it can be shared again: a link
// written by hand may be shorter than the one EncodeLink makes.
func (lj linkJSON) sharable(lib *Library) (Custom, error) {
	c, err := lj.custom(lib)
	if err != nil {
		return Custom{}, err
	}
	if len(encodeCompact(c)) > MaxLinkBytes {
		return Custom{}, linkErr(LinkTooLong, "", "the routine is longer than %d bytes when encoded", MaxLinkBytes)
	}
	return c, nil
}

// custom checks the name and the steps, whatever the version.
func (lj linkJSON) custom(lib *Library) (Custom, error) {
	if n := utf8.RuneCountInString(lj.Name); n > MaxNameRunes {
		return Custom{}, linkErr(LinkName, "name", "the name is %d characters long; the most is %d", n, MaxNameRunes)
	}
	if strings.ContainsFunc(lj.Name, notNameRune) {
		return Custom{}, linkErr(LinkName, "name", "the name contains control or invisible characters")
	}
	if len(lj.Steps) == 0 || len(lj.Steps) > MaxSteps {
		return Custom{}, linkErr(LinkSteps, "steps", "%d exercises; a link holds 1 to %d", len(lj.Steps), MaxSteps)
	}
	c := Custom{Name: lj.Name, Steps: make([]CustomStep, len(lj.Steps))}
	for i, s := range lj.Steps {
		p := fmt.Sprintf("steps[%d]", i)
		e, ok := lib.Exercise(s.Ex)
		if !ok {
			return Custom{}, linkErr(LinkExercise, p+".ex", "unknown exercise %q", s.Ex)
		}
		if s.Hold == nil || s.Reps == nil || s.Sides == nil || s.Rest == nil {
			return Custom{}, linkErr(LinkFormat, p, "hold, reps, sides and rest are all required")
		}
		switch {
		case *s.Hold < int(MinHold/time.Second) || *s.Hold > int(MaxHold/time.Second):
			return Custom{}, linkErr(LinkHold, p+".hold", "a hold of %d seconds is outside %d to %d", *s.Hold, int(MinHold/time.Second), int(MaxHold/time.Second))
		case *s.Reps < MinReps || *s.Reps > MaxReps:
			return Custom{}, linkErr(LinkReps, p+".reps", "%d repetitions is outside %d to %d", *s.Reps, MinReps, MaxReps)
		case *s.Rest < 0 || *s.Rest > int(MaxRest/time.Second):
			return Custom{}, linkErr(LinkRest, p+".rest", "a rest of %d seconds is outside 0 to %d", *s.Rest, int(MaxRest/time.Second))
		case *s.Sides && !e.Defaults.Sides:
			return Custom{}, linkErr(LinkSides, p+".sides", "%s is not done on each side", s.Ex)
		}
		c.Steps[i] = CustomStep{Exercise: s.Ex, Hold: seconds(*s.Hold), Reps: *s.Reps, Sides: *s.Sides, Rest: seconds(*s.Rest)}
	}
	return c, nil
}

// notNameRune reports runes a name may not contain: control characters,
// line and paragraph separators and other invisible formatting, except the
// zero-width joiner that emoji sequences need.
func notNameRune(r rune) bool {
	return !unicode.IsGraphic(r) && r != '\u200d'
}

// Routine converts c into a routine to play, with each exercise's default
// release time. It fails only if an exercise is not in lib.
func (c Custom) Routine(lib *Library) (Routine, error) {
	r := Routine{ID: CustomID, Name: c.Name}
	for i, s := range c.Steps {
		e, ok := lib.Exercise(s.Exercise)
		if !ok {
			return Routine{}, fmt.Errorf("routine: custom step %d: unknown exercise %q", i+1, s.Exercise)
		}
		r.Steps = append(r.Steps, Step{Exercise: s.Exercise, Dose: Dose{
			Hold: s.Hold, Reps: s.Reps, Sides: s.Sides, Rest: s.Rest, Tempo: e.Defaults.Tempo,
		}})
	}
	r.Duration = lib.duration(r.Steps)
	return r, nil
}

// CustomOf returns r as a custom routine named name, e.g. for a clinic to
// start from a built-in routine.
func CustomOf(r Routine, name string) Custom {
	c := Custom{Name: name}
	for _, s := range r.Steps {
		c.Steps = append(c.Steps, CustomStep{Exercise: s.Exercise, Hold: s.Dose.Hold, Reps: s.Dose.Reps, Sides: s.Dose.Sides, Rest: s.Dose.Rest})
	}
	return c
}
