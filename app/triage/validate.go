package triage

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

func (rs *RuleSet) decodeRules(raws []json.RawMessage) error {
	if len(raws) == 0 {
		return dataErr("rules", "missing")
	}
	ids := make(map[string]bool)
	for i, raw := range raws {
		path := fmt.Sprintf("rules[%d]", i)
		var rj ruleJSON
		if err := decodeStrict(path, raw, &rj); err != nil {
			return err
		}
		r := Rule{ID: rj.ID, Tier: rj.Tier, Source: strings.TrimSpace(rj.Source)}
		if !isName(r.ID) {
			return dataErr(path+".id", "%q is not a lower-case name", r.ID)
		}
		if ids[r.ID] {
			return dataErr(path+".id", "duplicate rule %q", r.ID)
		}
		ids[r.ID] = true
		if !r.Tier.ruleTier() {
			return dataErr(path+".tier", "%q is not a rule tier (want emergency, urgent or soon)", r.Tier)
		}
		if r.Source == "" {
			return dataErr(path+".source", "missing: every rule names the guideline behind it")
		}
		if rj.Advice != nil {
			if !isTextKey(*rj.Advice) {
				return dataErr(path+".advice", "%q is not a triage text key", *rj.Advice)
			}
			r.Advice = *rj.Advice
		}
		if len(rj.When) == 0 {
			return dataErr(path+".when", "missing: a rule without conditions would always fire")
		}
		tested := make(map[QuestionID]int)
		for j, raw := range rj.When {
			cpath := fmt.Sprintf("%s.when[%d]", path, j)
			c, err := rs.condition(cpath, raw)
			if err != nil {
				return err
			}
			if k, dup := tested[c.Question]; dup {
				return dataErr(cpath+".question", "%s is already tested by when[%d]", c.Question, k)
			}
			tested[c.Question] = j
			r.When = append(r.When, c)
		}
		rs.rules = append(rs.rules, r)
	}
	return nil
}

// condition decodes one condition and checks that it can hold: the question
// exists and every value is one of its options.
func (rs *RuleSet) condition(path string, raw json.RawMessage) (Condition, error) {
	var cj conditionJSON
	if err := decodeStrict(path, raw, &cj); err != nil {
		return Condition{}, err
	}
	i, ok := rs.index[cj.Question]
	if !ok {
		return Condition{}, dataErr(path+".question", "unknown question %q", cj.Question)
	}
	q := rs.questions[i]
	if len(cj.In) == 0 {
		return Condition{}, dataErr(path+".in", "empty: the rule could never fire")
	}
	seen := make(map[string]bool)
	for k, v := range cj.In {
		if !q.Allows(v) {
			return Condition{}, dataErr(fmt.Sprintf("%s.in[%d]", path, k),
				"%q is not an option of %s (%s): the rule could never fire", v, q.ID, strings.Join(q.Options, ", "))
		}
		if seen[v] {
			return Condition{}, dataErr(fmt.Sprintf("%s.in[%d]", path, k), "duplicate value %q", v)
		}
		seen[v] = true
	}
	if q.WarningSign() && seen[Yes] && !seen[Unsure] {
		return Condition{}, dataErr(path+".in", "has %q but not %q: for a warning sign, unsure counts as yes", Yes, Unsure)
	}
	return Condition{Question: cj.Question, In: append([]string(nil), cj.In...)}, nil
}

func (rs *RuleSet) decodeAdvice(selfCare, worsening []json.RawMessage) error {
	if len(selfCare) == 0 {
		return dataErr("self_care", "missing")
	}
	ids := make(map[string]bool)
	for i, raw := range selfCare {
		path := fmt.Sprintf("self_care[%d]", i)
		var pj planJSON
		if err := decodeStrict(path, raw, &pj); err != nil {
			return err
		}
		if err := checkItem(path, pj.ID, pj.Text, ids); err != nil {
			return err
		}
		rs.plan = append(rs.plan, PlanItem(pj))
	}
	if len(worsening) == 0 {
		return dataErr("worsening", "missing")
	}
	ids = make(map[string]bool)
	for i, raw := range worsening {
		path := fmt.Sprintf("worsening[%d]", i)
		var wj worseningJSON
		if err := decodeStrict(path, raw, &wj); err != nil {
			return err
		}
		if err := checkItem(path, wj.ID, wj.Text, ids); err != nil {
			return err
		}
		if !wj.Tier.ruleTier() {
			return dataErr(path+".tier", "%q is not a tier of worsening advice (want emergency, urgent or soon)", wj.Tier)
		}
		rs.worsening = append(rs.worsening, WorseningItem(wj))
	}
	return nil
}

func checkItem(path, id, text string, ids map[string]bool) error {
	if !isName(id) {
		return dataErr(path+".id", "%q is not a lower-case name", id)
	}
	if ids[id] {
		return dataErr(path+".id", "duplicate id %q", id)
	}
	ids[id] = true
	if !isTextKey(text) {
		return dataErr(path+".text", "%q is not a triage text key", text)
	}
	return nil
}

func isTextKey(k string) bool {
	if !strings.HasPrefix(k, "triage.") || strings.ContainsAny(k, " \t\n{}") {
		return false
	}
	return !strings.HasSuffix(k, ".") && !strings.Contains(k, "..")
}

// checkContract checks the data against CLINICAL.md: every contract question
// is present with its group, kind and options, and every warning sign
// (contract or added) has a rule that reaches its group's tier on that sign
// alone, so "yes" or "unsure" to it can never be outvoted by data.
func (rs *RuleSet) checkContract() error {
	for _, want := range contract {
		i, ok := rs.index[want.ID]
		if !ok {
			return dataErr("questions", "missing question %q required by CLINICAL.md", want.ID)
		}
		got := rs.questions[i]
		if got.Group != want.Group || got.Kind != want.Kind {
			return dataErr("questions", "question %q is %s/%s; CLINICAL.md requires %s/%s",
				want.ID, got.Group, got.Kind, want.Group, want.Kind)
		}
		if want.Kind == KindChoice && !sameSet(got.Options, want.Options) {
			return dataErr("questions", "question %q has options %s; CLINICAL.md requires %s",
				want.ID, strings.Join(got.Options, ", "), strings.Join(want.Options, ", "))
		}
		if want.Kind == KindScale && (got.Min != want.Min || got.Max != want.Max) {
			return dataErr("questions", "question %q is a scale %d to %d; CLINICAL.md requires %d to %d",
				want.ID, got.Min, got.Max, want.Min, want.Max)
		}
	}
	for _, q := range rs.questions {
		if q.WarningSign() && !rs.firesAlone(q) {
			return dataErr("rules", "no rule gives %s when %s is yes or unsure on its own", q.Group.tier(), q.ID)
		}
	}
	return nil
}

func (rs *RuleSet) firesAlone(q Question) bool {
	for _, r := range rs.rules {
		if len(r.When) == 1 && r.When[0].Question == q.ID && r.When[0].holds(Yes) && r.When[0].holds(Unsure) &&
			r.Tier.Urgency() >= q.Group.tier().Urgency() {
			return true
		}
	}
	return false
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	a, b = append([]string(nil), a...), append([]string(nil), b...)
	sort.Strings(a)
	sort.Strings(b)
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
