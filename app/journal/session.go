package journal

import "time"

// Session is one run of a routine in the player, written when the player
// stops (finished or not).
type Session struct {
	ID          string    `json:"id"`
	RoutineID   string    `json:"routine_id"`
	RoutineName string    `json:"routine_name"`
	Started     time.Time `json:"started"`
	Ended       time.Time `json:"ended"`
	StepsDone   int       `json:"steps_done"`
	StepsTotal  int       `json:"steps_total"`
	Finished    bool      `json:"finished"`
	PainBefore  *int      `json:"pain_before,omitempty"`
	PainAfter   *int      `json:"pain_after,omitempty"`
	Created     time.Time `json:"created"`
	Updated     time.Time `json:"updated"`
}

// Clone returns a deep copy.
func (s Session) Clone() Session {
	c := s
	if s.PainBefore != nil {
		v := *s.PainBefore
		c.PainBefore = &v
	}
	if s.PainAfter != nil {
		v := *s.PainAfter
		c.PainAfter = &v
	}
	return c
}

// counts reports whether the session counts towards weekly totals and
// streaks: at least one step was done (OutcomeOf, the one home of that rule).
func (s Session) counts() bool { return OutcomeOf(s.StepsDone, s.StepsTotal) != NotStarted }
