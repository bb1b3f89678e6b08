package triage

import (
	"math/rand"
	"os"
	"sync"
	"testing"
)

var (
	realOnce sync.Once
	realRS   *RuleSet
	realErr  error
)

// realRuleSet decodes the shipped data/triage.json.
func realRuleSet(t testing.TB) *RuleSet {
	t.Helper()
	realOnce.Do(func() {
		b, err := os.ReadFile("../../data/triage.json")
		if err != nil {
			realErr = err
			return
		}
		realRS, realErr = DecodeRuleSet(b)
	})
	if realErr != nil {
		t.Fatalf("data/triage.json: %v", realErr)
	}
	return realRS
}

func warningSigns(rs *RuleSet) []Question {
	var qs []Question
	for _, q := range rs.questions {
		if q.WarningSign() {
			qs = append(qs, q)
		}
	}
	return qs
}

// allNo answers every warning sign "no" and nothing else.
func allNo(rs *RuleSet) Answers {
	a := make(Answers)
	for _, q := range warningSigns(rs) {
		a[q.ID] = No
	}
	return a
}

// randomAnswers answers each question at random: warning signs mostly "no"
// (so that lower tiers are reached too), sometimes unanswered; context
// answers are any option or unanswered.
func randomAnswers(rs *RuleSet, r *rand.Rand) Answers {
	a := make(Answers)
	for _, q := range rs.questions {
		if q.WarningSign() {
			switch x := r.Intn(40); {
			case x == 0:
				// unanswered
			case x == 1:
				a[q.ID] = Yes
			case x == 2:
				a[q.ID] = Unsure
			default:
				a[q.ID] = No
			}
			continue
		}
		if r.Intn(4) == 0 {
			continue
		}
		a[q.ID] = q.Options[r.Intn(len(q.Options))]
	}
	return a
}

func (a Answers) clone() Answers {
	b := make(Answers, len(a))
	for k, v := range a {
		b[k] = v
	}
	return b
}

// withRules returns a copy of rs using the given rules.
func (rs *RuleSet) withRules(rules []Rule) *RuleSet {
	c := *rs
	c.rules = rules
	return &c
}
