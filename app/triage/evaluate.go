package triage

import "sort"

// Answers maps a question to its answer: an option value such as "yes" or
// "over_6_weeks"; a scale as its decimal string ("7"). A question with no
// entry is unanswered.
type Answers map[QuestionID]string

// Result is the outcome of a triage and why.
type Result struct {
	Disposition Disposition
	// AtLeast is, for an Incomplete result, the most urgent tier the given
	// answers already reach (Urgent, Soon or SelfCare): "fever yes, bladder
	// question skipped" is incomplete at least urgent. It is "" for every
	// other disposition.
	AtLeast Disposition
	// Reasons are the rules that fired: most urgent tier first, then in
	// question order. Never nil.
	Reasons []Reason
	// Missing are the warning-sign questions without a valid answer, in
	// question order. Never nil.
	Missing []QuestionID
	// Unsure are the warning-sign questions answered "unsure", in question
	// order: shown as "you were not sure about …, so get it checked". Never nil.
	Unsure []QuestionID
}

// Reason records one rule that fired and the answers that made it fire.
type Reason struct {
	Rule    string
	Tier    Disposition
	Answers []Answer // one per condition, in question order
}

// Answer is one question's answer.
type Answer struct {
	Question QuestionID
	Value    string
}

// Evaluate applies the rules to a. It is a pure function of the rule set and
// the answers: it never reads the clock and never panics. Answers to unknown
// questions are ignored; an answer that is not one of its question's options
// counts as unanswered. See the package documentation for the semantics.
func (rs *RuleSet) Evaluate(a Answers) Result {
	res := Result{Disposition: SelfCare, Reasons: []Reason{}, Missing: []QuestionID{}, Unsure: []QuestionID{}}
	if rs == nil || len(rs.questions) == 0 { // not a decoded rule set: never reassure
		res.Disposition = Incomplete
		return res
	}
	for _, q := range rs.questions {
		v, ok := rs.answer(a, q.ID)
		switch {
		case !ok && q.WarningSign():
			res.Missing = append(res.Missing, q.ID)
		case ok && q.WarningSign() && v == Unsure:
			res.Unsure = append(res.Unsure, q.ID)
		}
	}
	reached := SelfCare
	for _, r := range rs.rules {
		reason, fired := rs.fire(r, a)
		if !fired {
			continue
		}
		res.Reasons = append(res.Reasons, reason)
		reached = mostUrgent(reached, r.Tier)
	}
	rs.sortReasons(res.Reasons)
	res.Disposition = reached
	switch {
	case reached == Emergency:
	case rs.anyMissingIn(res.Missing, GroupEmergency), reached != Urgent && len(res.Missing) > 0:
		// An unanswered emergency sign could still make it an emergency;
		// below Urgent, any unanswered warning sign could raise it.
		res.Disposition, res.AtLeast = Incomplete, reached
	}
	return res
}

// Final reports whether no unanswered question could make the result more
// urgent, so the check can end now: an emergency, or a same-day sign with
// every emergency sign answered "no". Soon and SelfCare are not final while
// context questions remain: the screens ask them in one step, and the ones
// no rule reads (pregnancy) still shape the routine offered.
func (r Result) Final() bool {
	return r.Disposition == Emergency || r.Disposition == Urgent
}

// Required reports whether a check cannot finish without an answer to id:
// every warning sign, and every context question a rule reads. Only answers
// no rule uses (the trigger, the pain score, pregnancy) may be skipped.
func (rs *RuleSet) Required(id QuestionID) bool {
	q, ok := rs.Question(id)
	if !ok {
		return false
	}
	if q.WarningSign() {
		return true
	}
	for _, r := range rs.rules {
		for _, c := range r.When {
			if c.Question == id {
				return true
			}
		}
	}
	return false
}

func (rs *RuleSet) anyMissingIn(missing []QuestionID, g Group) bool {
	for _, id := range missing {
		if rs.questions[rs.index[id]].Group == g {
			return true
		}
	}
	return false
}

// answer returns q's answer in a if it is one of q's options.
func (rs *RuleSet) answer(a Answers, id QuestionID) (string, bool) {
	v, ok := a[id]
	if !ok {
		return "", false
	}
	q := rs.questions[rs.index[id]]
	if !q.Allows(v) {
		return "", false
	}
	return v, true
}

func (rs *RuleSet) fire(r Rule, a Answers) (Reason, bool) {
	for _, c := range r.When {
		v, ok := rs.answer(a, c.Question)
		if !ok || !c.holds(v) {
			return Reason{}, false
		}
	}
	reason := Reason{Rule: r.ID, Tier: r.Tier, Answers: make([]Answer, len(r.When))}
	for i, c := range r.When {
		reason.Answers[i] = Answer{Question: c.Question, Value: a[c.Question]}
	}
	sort.Slice(reason.Answers, func(i, j int) bool {
		return rs.index[reason.Answers[i].Question] < rs.index[reason.Answers[j].Question]
	})
	return reason, true
}

// sortReasons orders reasons by tier, then by the questions they test, then
// by rule id, so that rule order in the data never shows in a result.
func (rs *RuleSet) sortReasons(reasons []Reason) {
	sort.Slice(reasons, func(i, j int) bool {
		a, b := reasons[i], reasons[j]
		if a.Tier != b.Tier {
			return a.Tier.MoreUrgentThan(b.Tier)
		}
		for k := 0; k < len(a.Answers) && k < len(b.Answers); k++ {
			qa, qb := rs.index[a.Answers[k].Question], rs.index[b.Answers[k].Question]
			if qa != qb {
				return qa < qb
			}
		}
		if len(a.Answers) != len(b.Answers) {
			return len(a.Answers) < len(b.Answers)
		}
		return a.Rule < b.Rule
	})
}

func mostUrgent(a, b Disposition) Disposition {
	if b.MoreUrgentThan(a) {
		return b
	}
	return a
}
