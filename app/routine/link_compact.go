package routine

import (
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// The compact link (version 2), the one EncodeLink writes: short enough
// that its QR code stays coarse (version 10 or lower) for a phone camera
// reading it off paper. After "#r=":
//
//	payload := "2" "." step { "." step } [ "~" name ]
//	step    := code hold [ "x" reps ] [ "s" ] [ "r" rest ]
//	code    := the exercise's two letters (linkCodes)
//	hold, reps, rest := decimal whole numbers, no leading zero
//	name    := the name's UTF-8 in unpadded base64url
//
// reps is 1, sides is off and rest is 15 seconds where they are left out:
// defaults of the format itself, so a link means the same whatever the
// catalogue's defaults become. There is one way to write each routine;
// any other spelling is refused.
const compactPrefix = "2."

// isCompact reports whether a payload is in the compact form: "2", then
// steps or a name (or neither, which the checks refuse as no steps).
func isCompact(payload string) bool {
	return payload == "2" || strings.HasPrefix(payload, compactPrefix) || strings.HasPrefix(payload, "2~")
}

// compactRest is the rest a compact step has when it names none.
const compactRest = 15 * time.Second

// linkCodes are the exercises' codes in a compact link: part of the link
// format, so a code is never changed or given to another exercise. A new
// exercise needs a new code (a test checks that every exercise has one).
var linkCodes = map[ExerciseID]string{
	ChildPose: "cp", CatCow: "cc", GluteBridge: "gb", KneeToChest: "kc",
	DoubleKneeToChest: "dk", PelvicTilt: "pt", SeatedForwardFold: "sf", SeatedTwist: "st",
	LyingTwist: "lt", SideLyingStretch: "sl", BirdDog: "bd", Walking: "wk",
}

// HasLinkCode reports whether an exercise can be written in a link.
func HasLinkCode(id ExerciseID) bool { _, ok := linkCodes[id]; return ok }

func encodeCompact(c Custom) string {
	var b strings.Builder
	b.WriteString("2")
	for _, s := range c.Steps {
		code, ok := linkCodes[s.Exercise]
		if !ok {
			code = "??" // DecodeLink refuses it, as Check reports
		}
		b.WriteString("." + code + strconv.Itoa(int(s.Hold/time.Second)))
		if s.Reps != 1 {
			b.WriteString("x" + strconv.Itoa(s.Reps))
		}
		if s.Sides {
			b.WriteString("s")
		}
		if rest := int(s.Rest / time.Second); rest != int(compactRest/time.Second) {
			b.WriteString("r" + strconv.Itoa(rest))
		}
	}
	if c.Name != "" {
		b.WriteString("~" + base64.RawURLEncoding.EncodeToString([]byte(c.Name)))
	}
	return b.String()
}

// decodeCompact reads a version 2 payload into the form version 1 has, to
// be checked the same way.
func decodeCompact(payload string) (linkJSON, error) {
	body, name, hasName := strings.Cut(payload, "~")
	lj := linkJSON{V: LinkVersion}
	if hasName {
		b, err := base64.RawURLEncoding.DecodeString(name)
		if err != nil || name == "" {
			return lj, linkErr(LinkFormat, "name", "the link is damaged (the name is not base64url)")
		}
		lj.Name = string(b)
	}
	byCode := map[string]ExerciseID{}
	for id, code := range linkCodes {
		byCode[code] = id
	}
	body = strings.TrimPrefix(body, "2")
	if body == "" {
		return lj, nil // no steps, which the checks refuse in their words
	}
	for i, step := range strings.Split(strings.TrimPrefix(body, "."), ".") {
		p := fmt.Sprintf("steps[%d]", i)
		if len(step) < 3 {
			return lj, linkErr(LinkFormat, p, "the link is damaged (step %q is too short)", step)
		}
		id, ok := byCode[step[:2]]
		if !ok {
			return lj, linkErr(LinkExercise, p+".ex", "unknown exercise code %q", step[:2])
		}
		s := linkStepJSON{Ex: id}
		hold, rest, reps, sides := 0, int(compactRest/time.Second), 1, false
		rest2, err := readNumber(step[2:], &hold)
		if err != nil {
			return lj, linkErr(LinkFormat, p+".hold", "the link is damaged (%v)", err)
		}
		if r, ok := strings.CutPrefix(rest2, "x"); ok {
			if rest2, err = readNumber(r, &reps); err != nil {
				return lj, linkErr(LinkFormat, p+".reps", "the link is damaged (%v)", err)
			}
		}
		if r, ok := strings.CutPrefix(rest2, "s"); ok {
			rest2, sides = r, true
		}
		if r, ok := strings.CutPrefix(rest2, "r"); ok {
			if rest2, err = readNumber(r, &rest); err != nil {
				return lj, linkErr(LinkFormat, p+".rest", "the link is damaged (%v)", err)
			}
		}
		if rest2 != "" {
			return lj, linkErr(LinkFormat, p, "the link is damaged (%q left over in step %q)", rest2, step)
		}
		s.Hold, s.Reps, s.Sides, s.Rest = &hold, &reps, &sides, &rest
		lj.Steps = append(lj.Steps, s)
	}
	return lj, nil
}

// readNumber reads the decimal number at the start of s into n and
// returns what follows it.
func readNumber(s string, n *int) (string, error) {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i > 4 {
		return s, fmt.Errorf("no number at %q", s)
	}
	*n, _ = strconv.Atoi(s[:i])
	return s[i:], nil
}
