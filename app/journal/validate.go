package journal

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"

	"unknot/app/internal/located"
)

// FieldError says which field of a record is wrong and why, in plain words.
// Path is relative to the record ("pain[0].score").
type FieldError = located.Error

// Validate reports the first problem with e, as a *FieldError, or nil.
func (e Episode) Validate() error {
	if c := e.check(nil, time.Time{}); c.err != nil {
		return c.err
	}
	return nil
}

// Validate reports the first problem with s, as a *FieldError, or nil.
func (s Session) Validate() error {
	if c := s.check(nil, time.Time{}); c.err != nil {
		return c.err
	}
	return nil
}

// checker collects the first problem found. path is the stack of where it
// is looking; latest, when not zero, is the latest instant a date may have
// (DecodeBackup sets it).
type checker struct {
	path   jsonPath
	err    *FieldError
	latest time.Time

	// why and where are the first problem's reason and facts, and its
	// path, for a backup's refusal.
	why   why
	where jsonPath
}

func (c *checker) in(s segment) { c.path = append(c.path, s) }
func (c *checker) out()         { c.path = c.path[:len(c.path)-1] }

// refuse records a problem with the field name, with its reason and facts.
func (c *checker) refuse(w why, name, format string, args ...any) {
	if c.err != nil {
		return
	}
	p := c.path
	if name != "" {
		p = p.with(fieldSeg(name))
	}
	c.err = &FieldError{Path: p.String(), Problem: fmt.Sprintf(format, args...)}
	c.why, c.where = w, slices.Clone(p)
}

// refusal is the first problem as a backup's refusal.
func (c *checker) refusal() *BackupError {
	if c.err == nil {
		return nil
	}
	return refusal(c.why, c.where, c.err.Problem)
}

// check checks e at prefix in a file, with dates up to latest (none when
// zero).
func (e Episode) check(prefix jsonPath, latest time.Time) *checker {
	c := &checker{path: prefix, latest: latest}
	c.id("id", e.ID)
	c.time("started", e.Started)
	if e.Ended != nil {
		c.time("ended", *e.Ended)
		c.notBefore("ended", *e.Ended, "started", e.Started)
	}
	if len(e.Pain) > MaxPainRatings {
		c.refuse(tooMany(len(e.Pain), MaxPainRatings), "pain", "has %d ratings; at most %d are allowed", len(e.Pain), MaxPainRatings)
	}
	c.in(fieldSeg("pain"))
	for i, r := range e.Pain {
		c.in(indexSeg(i))
		c.time("at", r.At)
		c.score("score", r.Score)
		c.out()
	}
	c.out()
	if e.Where != "" {
		c.enum("where", e.Where, Wheres)
	}
	c.set("spreads", e.Spreads, SpreadAreas)
	c.set("triggers", e.Triggers, TriggerIDs)
	c.text("trigger_note", e.TriggerNote, MaxTriggerNoteRunes, true)
	c.in(fieldSeg("tried"))
	for i, t := range e.Tried {
		c.in(indexSeg(i))
		c.enum("what", t.What, Treatments)
		c.enum("effect", t.Effect, Effects)
		for _, u := range e.Tried[:i] {
			if u.What == t.What {
				c.refuse(why{reason: ReasonRepeated, value: t.What}, "what", "%q is listed twice", t.What)
			}
		}
		c.out()
	}
	c.out()
	if len(e.Medicines) > MaxMedicines {
		c.refuse(tooMany(len(e.Medicines), MaxMedicines), "medicines", "has %d names; at most %d are allowed", len(e.Medicines), MaxMedicines)
	}
	c.in(fieldSeg("medicines"))
	for i, m := range e.Medicines {
		c.in(indexSeg(i))
		if strings.TrimSpace(m) == "" {
			c.refuse(why{reason: ReasonMissing}, "", "is empty")
		}
		c.text("", m, MaxMedicineRunes, false)
		c.out()
	}
	c.out()
	if e.Triage != nil {
		c.in(fieldSeg("triage"))
		e.Triage.validate(c)
		c.out()
	}
	c.text("notes", e.Notes, MaxNoteRunes, true)
	c.time("created", e.Created)
	c.time("updated", e.Updated)
	c.notBefore("updated", e.Updated, "created", e.Created)
	return c
}

func (t *TriageRecord) validate(c *checker) {
	c.time("at", t.At)
	if t.RuleSetVersion == "" {
		c.refuse(why{reason: ReasonMissing}, "rule_set_version", "is missing")
	}
	c.text("rule_set_version", t.RuleSetVersion, MaxRuleSetRunes, false)
	c.enum("disposition", t.Disposition, Dispositions)
	if len(t.Answers) > MaxAnswers {
		c.refuse(tooMany(len(t.Answers), MaxAnswers), "answers", "has %d answers; at most %d are allowed", len(t.Answers), MaxAnswers)
	}
	c.in(fieldSeg("answers"))
	for _, k := range slices.Sorted(maps.Keys(t.Answers)) {
		c.in(mapKeySeg(k))
		if !isIdent(k) {
			c.refuse(why{reason: ReasonBadValue, value: k}, "", "%q is not a question id (lowercase letters, digits and _)", k)
		}
		c.text("", k, MaxAnswerKeyRunes, false)
		c.text("", t.Answers[k], MaxAnswerValueRunes, false)
		c.out()
	}
	c.out()
	if len(t.Reasons) > MaxReasons {
		c.refuse(tooMany(len(t.Reasons), MaxReasons), "reasons", "has %d reasons; at most %d are allowed", len(t.Reasons), MaxReasons)
	}
	c.in(fieldSeg("reasons"))
	for i, r := range t.Reasons {
		c.in(indexSeg(i))
		c.text("", r, MaxReasonRunes, false)
		c.out()
	}
	c.out()
}

// check checks s at prefix in a file, with dates up to latest (none when
// zero).
func (s Session) check(prefix jsonPath, latest time.Time) *checker {
	c := &checker{path: prefix, latest: latest}
	c.id("id", s.ID)
	if s.RoutineID == "" {
		c.refuse(why{reason: ReasonMissing}, "routine_id", "is missing")
	}
	c.text("routine_id", s.RoutineID, MaxRoutineIDRunes, false)
	c.text("routine_name", s.RoutineName, MaxRoutineNameRunes, false)
	c.time("started", s.Started)
	c.time("ended", s.Ended)
	c.notBefore("ended", s.Ended, "started", s.Started)
	if s.StepsTotal < 1 || s.StepsTotal > MaxSteps {
		c.refuse(outOfRange(s.StepsTotal, 1, MaxSteps), "steps_total", "%d is out of range 1 to %d", s.StepsTotal, MaxSteps)
	}
	if s.StepsDone < 0 || s.StepsDone > s.StepsTotal {
		c.refuse(outOfRange(s.StepsDone, 0, s.StepsTotal), "steps_done", "%d is out of range 0 to steps_total (%d)", s.StepsDone, s.StepsTotal)
	}
	if s.PainBefore != nil {
		c.score("pain_before", *s.PainBefore)
	}
	if s.PainAfter != nil {
		c.score("pain_after", *s.PainAfter)
	}
	c.time("created", s.Created)
	c.time("updated", s.Updated)
	c.notBefore("updated", s.Updated, "created", s.Created)
	return c
}

func (c *checker) id(name, id string) {
	if !ValidID(id) {
		c.refuse(why{reason: ReasonBadValue, value: id}, name, "%q is not a valid id (a lowercase UUID such as 6ba7b810-9dad-11d1-80b4-00c04fd430c8)", id)
	}
}

// ValidID reports whether id is an episode or session id: a UUID in its
// canonical lower-case form only, so that ids compare equal exactly when
// they name the same record.
func ValidID(id string) bool {
	if len(id) != 36 {
		return false
	}
	u, err := uuid.Parse(id)
	return err == nil && u.String() == id
}

func (c *checker) time(name string, t time.Time) {
	switch {
	case t.IsZero():
		c.refuse(why{reason: ReasonMissing}, name, "is missing")
	case t.Year() < earliestYear:
		c.refuse(why{reason: ReasonTooOld, at: t}, name, "%s is before %d", t.Format(time.RFC3339), earliestYear)
	case t.Year() > latestYear:
		c.refuse(why{reason: ReasonFutureDate, at: t}, name, "the year %d is too far in the future", t.Year())
	case !c.latest.IsZero() && t.After(c.latest):
		c.refuse(why{reason: ReasonAfterExport, at: t}, name, "%s is more than a day after the file was exported", t.Format(time.RFC3339))
	}
}

func (c *checker) notBefore(name string, t time.Time, otherName string, other time.Time) {
	if !t.IsZero() && !other.IsZero() && t.Before(other) {
		c.refuse(why{reason: ReasonDateOrder, at: t}, name, "%s is before %s (%s)", t.Format(time.RFC3339), otherName, other.Format(time.RFC3339))
	}
}

func (c *checker) score(name string, v int) {
	if v < MinPain || v > MaxPain {
		c.refuse(why{reason: ReasonPainScore, value: strconv.Itoa(v), min: MinPain, max: MaxPain}, name, "%d is out of range %d to %d", v, MinPain, MaxPain)
	}
}

func (c *checker) enum(name, v string, list []string) {
	if slices.Contains(list, v) {
		return
	}
	if v == "" {
		c.refuse(why{reason: ReasonMissing}, name, "is missing (one of %s)", strings.Join(list, ", "))
		return
	}
	c.refuse(why{reason: ReasonBadValue, value: v}, name, "%q is not one of %s", v, strings.Join(list, ", "))
}

// set checks that every value is in list and none is repeated.
func (c *checker) set(name string, vals, list []string) {
	c.in(fieldSeg(name))
	for i, v := range vals {
		c.in(indexSeg(i))
		c.enum("", v, list)
		if slices.Contains(vals[:i], v) {
			c.refuse(why{reason: ReasonRepeated, value: v}, "", "%q is listed twice", v)
		}
		c.out()
	}
	c.out()
}

// text checks length in runes and rejects invalid UTF-8 and control
// characters (multiline text may hold line breaks and tabs).
func (c *checker) text(name, s string, max int, multiline bool) {
	if !utf8.ValidString(s) {
		c.refuse(why{reason: ReasonDamaged}, name, "is not valid text (UTF-8)")
		return
	}
	n := 0
	for _, r := range s {
		n++
		if unicode.IsControl(r) && !(multiline && (r == '\n' || r == '\t' || r == '\r')) {
			c.refuse(why{reason: ReasonDamaged}, name, "contains a control character (%U)", r)
			return
		}
	}
	if n > max {
		c.refuse(why{reason: ReasonTooLong, value: strconv.Itoa(n), max: max}, name, "is %d characters long; at most %d are allowed", n, max)
	}
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		b := s[i]
		if !(b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '_') {
			return false
		}
	}
	return true
}

func tooMany(n, max int) why { return why{reason: ReasonTooMany, value: strconv.Itoa(n), max: max} }

func outOfRange(v, min, max int) why {
	return why{reason: ReasonOutOfRange, value: strconv.Itoa(v), min: min, max: max}
}
