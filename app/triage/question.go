package triage

import "strconv"

// QuestionID names a question. The ids of CLINICAL.md are a public, stable
// contract: answers files, the CLI, the UI's data-question attributes and
// journal entries use them.
type QuestionID string

// Group is where a question sits in the triage and what leaving it
// unanswered means.
type Group string

// The groups, in the order they are asked.
const (
	GroupEmergency Group = "emergency" // emergency warning signs: must be answered
	GroupSameDay   Group = "same_day"  // same-day warning signs: must be answered
	GroupContext   Group = "context"   // context: may be left unanswered
)

// Groups lists the groups in the order they are asked.
func Groups() []Group { return []Group{GroupEmergency, GroupSameDay, GroupContext} }

func (g Group) rank() int {
	switch g {
	case GroupEmergency:
		return 0
	case GroupSameDay:
		return 1
	case GroupContext:
		return 2
	}
	return -1
}

// WarningSigns reports whether the group's questions are warning signs: they
// must be answered, and "unsure" counts as "yes".
func (g Group) WarningSigns() bool { return g == GroupEmergency || g == GroupSameDay }

// tier is the disposition a warning sign of the group gives on its own.
func (g Group) tier() Disposition {
	switch g {
	case GroupEmergency:
		return Emergency
	case GroupSameDay:
		return Urgent
	}
	return SelfCare
}

// Kind is the shape of a question's answer.
type Kind string

// The kinds of question.
const (
	KindYesNoUnsure Kind = "yes_no_unsure" // "yes", "no" or "unsure"
	KindYesNo       Kind = "yes_no"        // "yes" or "no"
	KindChoice      Kind = "choice"        // one of the question's own options
	KindScale       Kind = "scale"         // a whole number from Min to Max, as a decimal string
)

// The answers shared by yes/no questions.
const (
	Yes    = "yes"
	No     = "no"
	Unsure = "unsure"
)

// Question is one triage question.
type Question struct {
	ID    QuestionID
	Group Group
	Kind  Kind
	// Options are the values an answer may take, in the order shown. For a
	// scale they are the decimal numbers Min to Max.
	Options  []string
	Min, Max int // scale only
}

// WarningSign reports whether q must be answered and "unsure" counts as "yes".
func (q Question) WarningSign() bool { return q.Group.WarningSigns() }

// Allows reports whether value is one of q's options.
func (q Question) Allows(value string) bool {
	for _, o := range q.Options {
		if o == value {
			return true
		}
	}
	return false
}

// TextKey is the key of the question's wording.
func (q Question) TextKey() string { return "triage.q." + string(q.ID) }

// HelpKey is the key of a one-line "what this means".
func (q Question) HelpKey() string { return q.TextKey() + ".help" }

// ReasonKey is the key of a short phrase naming what the question is about,
// used when listing why a result was given.
func (q Question) ReasonKey() string { return q.TextKey() + ".reason" }

// OptionKey is the key of the words shown for one of q's options; "" for a
// scale, whose options are shown as numbers.
func (q Question) OptionKey(value string) string {
	switch q.Kind {
	case KindYesNo, KindYesNoUnsure:
		return "triage.answer." + value
	case KindChoice:
		return "triage.opt." + string(q.ID) + "." + value
	}
	return ""
}

// ScaleKeys are the keys naming the two ends of a scale question.
func (q Question) ScaleKeys() (low, high string) {
	return q.TextKey() + ".min", q.TextKey() + ".max"
}

func scaleOptions(low, high int) []string {
	opts := make([]string, 0, high-low+1)
	for v := low; v <= high; v++ {
		opts = append(opts, strconv.Itoa(v))
	}
	return opts
}

func (q Question) clone() Question {
	q.Options = append([]string(nil), q.Options...)
	return q
}
