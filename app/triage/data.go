package triage

// RuleSetData is a rule set's content in exported fields, so that a rule set
// DecodeRuleSet accepted can be compiled into Go (data/gen_content.go) and
// rebuilt by FromData without decoding JSON: the browser starts that way.
type RuleSetData struct {
	Version   string
	Questions []Question
	Rules     []Rule
	SelfCare  []PlanItem
	Worsening []WorseningItem
}

// Data returns the rule set's content; FromData(rs.Data()) is rs again.
func (rs *RuleSet) Data() RuleSetData {
	return RuleSetData{
		Version:   rs.Version,
		Questions: rs.Questions(),
		Rules:     rs.Rules(),
		SelfCare:  rs.SelfCarePlan(),
		Worsening: rs.Worsening(),
	}
}

// FromData rebuilds a rule set from the Data of one that DecodeRuleSet
// returned. It does not repeat DecodeRuleSet's checks, so d must come from
// there (the compiled table is compared with triage.json by a test); it
// keeps d's slices, which must not change afterwards.
func FromData(d RuleSetData) *RuleSet {
	rs := &RuleSet{
		Version:   d.Version,
		questions: d.Questions,
		index:     make(map[QuestionID]int, len(d.Questions)),
		rules:     d.Rules,
		plan:      d.SelfCare,
		worsening: d.Worsening,
	}
	for i, q := range d.Questions {
		rs.index[q.ID] = i
	}
	return rs
}
