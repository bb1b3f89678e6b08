package triage

// Disposition is how soon to get care: the result of a triage. Its values are
// persisted (journal entries, exported files, the CLI) and never change.
type Disposition string

// The dispositions of CLINICAL.md.
const (
	Emergency  Disposition = "emergency"  // call the emergency number now
	Urgent     Disposition = "urgent"     // get medical advice today
	Soon       Disposition = "soon"       // book an appointment in the next few days
	SelfCare   Disposition = "selfcare"   // look after yourself at home
	Incomplete Disposition = "incomplete" // a warning-sign question is unanswered
)

// Dispositions lists every disposition, most urgent first.
func Dispositions() []Disposition {
	return []Disposition{Emergency, Urgent, Incomplete, Soon, SelfCare}
}

// Urgency orders dispositions: a larger number is more urgent. Incomplete
// ranks above Soon and SelfCare (an unanswered warning sign never gives
// reassurance) and below Urgent and Emergency (a sign that is present already
// says how soon to get care). An unknown disposition ranks -1.
func (d Disposition) Urgency() int {
	switch d {
	case Emergency:
		return 4
	case Urgent:
		return 3
	case Incomplete:
		return 2
	case Soon:
		return 1
	case SelfCare:
		return 0
	}
	return -1
}

// MoreUrgentThan reports whether d is more urgent than other.
func (d Disposition) MoreUrgentThan(other Disposition) bool {
	return d.Urgency() > other.Urgency()
}

// Valid reports whether d is one of the dispositions.
func (d Disposition) Valid() bool { return d.Urgency() >= 0 }

// ruleTier reports whether a rule may reach d: SelfCare is what remains when
// no rule fires and Incomplete comes from missing answers, never from a rule.
func (d Disposition) ruleTier() bool {
	return d == Emergency || d == Urgent || d == Soon
}
