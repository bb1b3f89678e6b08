package triage

import (
	"encoding/json"
	"fmt"
	"strings"

	"unknot/app/internal/located"
)

// DataError reports a problem in the rule set data at a JSON path such as
// "rules[3].when[0].question".
type DataError = located.Error

func dataErr(path, format string, args ...any) error {
	return located.Errorf(path, format, args...)
}

// The JSON shapes of data/triage.json. Lists are decoded one element at a
// time so that an error names the element's index.
type (
	fileJSON struct {
		Version   string            `json:"version"`
		Questions []json.RawMessage `json:"questions"`
		Rules     []json.RawMessage `json:"rules"`
		SelfCare  []json.RawMessage `json:"self_care"`
		Worsening []json.RawMessage `json:"worsening"`
	}
	questionJSON struct {
		ID      QuestionID `json:"id"`
		Group   Group      `json:"group"`
		Kind    Kind       `json:"kind"`
		Options []string   `json:"options"`
		Min     *int       `json:"min"`
		Max     *int       `json:"max"`
	}
	ruleJSON struct {
		ID     string            `json:"id"`
		Tier   Disposition       `json:"tier"`
		When   []json.RawMessage `json:"when"`
		Source string            `json:"source"`
		Advice *string           `json:"advice"`
	}
	conditionJSON struct {
		Question QuestionID `json:"question"`
		In       []string   `json:"in"`
	}
	planJSON struct {
		ID   string `json:"id"`
		Text string `json:"text"`
	}
	worseningJSON struct {
		ID   string      `json:"id"`
		Tier Disposition `json:"tier"`
		Text string      `json:"text"`
	}
)

// DecodeRuleSet decodes and validates data/triage.json. It rejects unknown
// fields, trailing data, duplicate ids, dangling references, rules that can
// never fire, and data that drops or reshapes a CLINICAL.md question or the
// rule that makes a warning sign count on its own. Errors are *DataError.
func DecodeRuleSet(b []byte) (*RuleSet, error) {
	var f fileJSON
	if err := decodeStrict("", b, &f); err != nil {
		return nil, err
	}
	rs := &RuleSet{Version: strings.TrimSpace(f.Version)}
	if rs.Version == "" {
		return nil, dataErr("version", "missing")
	}
	if err := rs.decodeQuestions(f.Questions); err != nil {
		return nil, err
	}
	if err := rs.decodeRules(f.Rules); err != nil {
		return nil, err
	}
	if err := rs.decodeAdvice(f.SelfCare, f.Worsening); err != nil {
		return nil, err
	}
	if err := rs.checkContract(); err != nil {
		return nil, err
	}
	return rs, nil
}

func (rs *RuleSet) decodeQuestions(raws []json.RawMessage) error {
	if len(raws) == 0 {
		return dataErr("questions", "missing")
	}
	rs.index = make(map[QuestionID]int)
	for i, raw := range raws {
		path := fmt.Sprintf("questions[%d]", i)
		var qj questionJSON
		if err := decodeStrict(path, raw, &qj); err != nil {
			return err
		}
		q, err := qj.question(path)
		if err != nil {
			return err
		}
		if _, dup := rs.index[q.ID]; dup {
			return dataErr(path+".id", "duplicate question %q", q.ID)
		}
		if i > 0 && q.Group.rank() < rs.questions[i-1].Group.rank() {
			return dataErr(path+".group", "%s question after %s questions: list the groups in the order emergency, same_day, context", q.Group, rs.questions[i-1].Group)
		}
		rs.index[q.ID] = i
		rs.questions = append(rs.questions, q)
	}
	return nil
}

func (qj questionJSON) question(path string) (Question, error) {
	q := Question{ID: qj.ID, Group: qj.Group, Kind: qj.Kind}
	if !isName(string(q.ID)) {
		return q, dataErr(path+".id", "%q is not a lower-case name", q.ID)
	}
	if q.Group.rank() < 0 {
		return q, dataErr(path+".group", "unknown group %q (want emergency, same_day or context)", q.Group)
	}
	if q.Kind != KindScale && (qj.Min != nil || qj.Max != nil) {
		return q, dataErr(path, "min and max are only for kind scale")
	}
	if q.Kind != KindChoice && qj.Options != nil {
		return q, dataErr(path+".options", "only kind choice lists options")
	}
	switch q.Kind {
	case KindYesNoUnsure:
		q.Options = []string{Yes, No, Unsure}
	case KindYesNo:
		q.Options = []string{Yes, No}
	case KindChoice:
		if len(qj.Options) < 2 {
			return q, dataErr(path+".options", "a choice needs at least two options")
		}
		seen := make(map[string]bool)
		for j, o := range qj.Options {
			if !isValue(o) {
				return q, dataErr(fmt.Sprintf("%s.options[%d]", path, j), "%q is not a lower-case name", o)
			}
			if seen[o] {
				return q, dataErr(fmt.Sprintf("%s.options[%d]", path, j), "duplicate option %q", o)
			}
			seen[o] = true
		}
		q.Options = append([]string(nil), qj.Options...)
	case KindScale:
		if qj.Min == nil || qj.Max == nil {
			return q, dataErr(path, "kind scale needs min and max")
		}
		if *qj.Min < 0 || *qj.Max <= *qj.Min || *qj.Max-*qj.Min > 100 {
			return q, dataErr(path, "scale %d to %d: want 0 <= min < max <= min+100", *qj.Min, *qj.Max)
		}
		q.Min, q.Max = *qj.Min, *qj.Max
		q.Options = scaleOptions(q.Min, q.Max)
	default:
		return q, dataErr(path+".kind", "unknown kind %q (want yes_no_unsure, yes_no, choice or scale)", q.Kind)
	}
	if q.WarningSign() && q.Kind != KindYesNoUnsure {
		return q, dataErr(path+".kind", "a warning sign (group %s) must be yes_no_unsure, not %s", q.Group, q.Kind)
	}
	return q, nil
}
