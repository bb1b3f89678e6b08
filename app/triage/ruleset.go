package triage

// RuleSet is the triage content: questions, rules, self-care plan, worsening
// advice, decoded from data/triage.json by
// DecodeRuleSet. A RuleSet is valid by construction and read-only.
type RuleSet struct {
	// Version names this rule set; saved results record it.
	Version string

	questions []Question // data order, which lists the groups in order
	index     map[QuestionID]int
	rules     []Rule
	plan      []PlanItem
	worsening []WorseningItem
}

// Rule raises the disposition to Tier when every condition holds.
type Rule struct {
	ID     string
	Tier   Disposition // Emergency, Urgent or Soon
	When   []Condition // all must hold
	Source string      // the guideline behind the rule
	Advice string      // optional text key of advice specific to this rule
}

// Condition holds when the question is answered with one of In.
type Condition struct {
	Question QuestionID
	In       []string
}

// PlanItem is one piece of self-care advice.
type PlanItem struct {
	ID   string
	Text string // text key
}

// WorseningItem is one "if this appears, get care" line of the safety net.
// Tier says how soon: Emergency items go under "call the emergency number".
type WorseningItem struct {
	ID   string
	Tier Disposition
	Text string // text key
}

// Questions returns every question: the emergency warning signs, then the
// same-day warning signs, then the context questions.
func (rs *RuleSet) Questions() []Question {
	if rs == nil {
		return nil
	}
	qs := make([]Question, len(rs.questions))
	for i, q := range rs.questions {
		qs[i] = q.clone()
	}
	return qs
}

// QuestionsIn returns the questions of one group, in order.
func (rs *RuleSet) QuestionsIn(g Group) []Question {
	if rs == nil {
		return nil
	}
	var qs []Question
	for _, q := range rs.questions {
		if q.Group == g {
			qs = append(qs, q.clone())
		}
	}
	return qs
}

// Question returns the question with the given id.
func (rs *RuleSet) Question(id QuestionID) (Question, bool) {
	if rs == nil {
		return Question{}, false
	}
	i, ok := rs.index[id]
	if !ok {
		return Question{}, false
	}
	return rs.questions[i].clone(), true
}

// Rules returns the rules in data order (which never changes a result).
func (rs *RuleSet) Rules() []Rule {
	if rs == nil {
		return nil
	}
	out := make([]Rule, len(rs.rules))
	for i, r := range rs.rules {
		out[i] = r.clone()
	}
	return out
}

// Rule returns the rule with the given id.
func (rs *RuleSet) Rule(id string) (Rule, bool) {
	if rs == nil {
		return Rule{}, false
	}
	for _, r := range rs.rules {
		if r.ID == id {
			return r.clone(), true
		}
	}
	return Rule{}, false
}

// SelfCarePlan returns the self-care advice, in the order shown.
func (rs *RuleSet) SelfCarePlan() []PlanItem {
	if rs == nil {
		return nil
	}
	return append([]PlanItem(nil), rs.plan...)
}

// Worsening returns the worsening advice, in the order shown.
func (rs *RuleSet) Worsening() []WorseningItem {
	if rs == nil {
		return nil
	}
	return append([]WorseningItem(nil), rs.worsening...)
}

func (r Rule) clone() Rule {
	when := make([]Condition, len(r.When))
	for i, c := range r.When {
		when[i] = Condition{Question: c.Question, In: append([]string(nil), c.In...)}
	}
	r.When = when
	return r
}

func (c Condition) holds(value string) bool {
	for _, v := range c.In {
		if v == value {
			return true
		}
	}
	return false
}
