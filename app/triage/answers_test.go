package triage

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
)

func TestDecodeAnswers(t *testing.T) {
	rs := realRuleSet(t)
	tests := []struct {
		in   string
		want Answers
	}{
		{`{}`, Answers{}},
		{` {"fever":"yes"} `, Answers{"fever": "yes"}},
		{"{\"fever\":\"unsure\",\n\"pain_now\":7}\n", Answers{"fever": "unsure", "pain_now": "7"}},
		{`{"pain_now":0}`, Answers{"pain_now": "0"}},
		{`{"pain_now":10}`, Answers{"pain_now": "10"}},
		{`{"pain_now":-0}`, Answers{"pain_now": "0"}},
		{`{"duration":"over_6_weeks","course":"better","age_band":"50_plus"}`, Answers{"duration": "over_6_weeks", "course": "better", "age_band": "50_plus"}},
		{`{"first_episode":"no","trigger":"none_known"}`, Answers{"first_episode": "no", "trigger": "none_known"}},
		{`{"fever":"y\u0065s"}`, Answers{"fever": "yes"}},
	}
	for _, tt := range tests {
		got, err := DecodeAnswers(strings.NewReader(tt.in), rs)
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("DecodeAnswers(%s) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestDecodeAnswersRejects(t *testing.T) {
	rs := realRuleSet(t)
	tests := []struct {
		in  string
		key string
		msg string // the whole Error() line
	}{
		{``, "", "no answers: want a JSON object"},
		{"  \n", "", "no answers: want a JSON object"},
		{`{`, "", "not valid JSON: unexpected end of input"},
		{`{"fever":"yes"`, "", "not valid JSON: unexpected end of input"},
		{`{"fever":"yes",}`, "", "not valid JSON: invalid character '}' looking for beginning of object key string (at byte 15)"},
		{`{"fever" "yes"}`, "fever", "fever: not valid JSON: expected colon after object key (at byte 9)"},
		{`nope`, "", "not valid JSON: invalid character 'o' in literal null (expecting 'u') (at byte 2)"},
		{`[]`, "", "the answers must be a JSON object, not an array"},
		{`"fever"`, "", "the answers must be a JSON object, not a string"},
		{`null`, "", "the answers must be a JSON object, not null"},
		{`7`, "", "the answers must be a JSON object, not a number"},
		{`{"fever":"yes"} {}`, "", "unexpected data after the answers object"},
		{`{"fever":"yes"} x`, "", "unexpected data after the answers object"},
		{`{"fevr":"yes"}`, "fevr", "fevr: unknown question"},
		{`{"":"yes"}`, "", `"": unknown question`},
		{`{"fe\nver":"yes"}`, "fe\nver", `"fe\nver": unknown question`},
		{`{"fever":"maybe"}`, "fever", `fever: "maybe" is not one of yes, no, unsure`},
		{`{"fever":"YES"}`, "fever", `fever: "YES" is not one of yes, no, unsure`},
		{`{"fever":""}`, "fever", `fever: "" is not one of yes, no, unsure`},
		{`{"first_episode":"unsure"}`, "first_episode", `first_episode: "unsure" is not one of yes, no`},
		{`{"duration":"3_weeks"}`, "duration", `duration: "3_weeks" is not one of under_2_days, 2_to_7_days, 1_to_6_weeks, over_6_weeks`},
		{`{"fever":null}`, "fever", "fever: null is not an answer; want one of yes, no, unsure"},
		{`{"fever":true}`, "fever", "fever: true is not a string; want one of yes, no, unsure"},
		{`{"fever":1}`, "fever", "fever: 1 is not a string; want one of yes, no, unsure"},
		{`{"fever":["yes"]}`, "fever", "fever: an array is not a string; want one of yes, no, unsure"},
		{`{"fever":{"v":"yes"}}`, "fever", "fever: an object is not a string; want one of yes, no, unsure"},
		{`{"fever":"yes","fever":"no"}`, "fever", "fever: answered more than once"},
		{`{"pain_now":11}`, "pain_now", "pain_now: 11 is out of range 0 to 10"},
		{`{"pain_now":-1}`, "pain_now", "pain_now: -1 is out of range 0 to 10"},
		{`{"pain_now":99999999999999999999999}`, "pain_now", "pain_now: 99999999999999999999999 is out of range 0 to 10"},
		{`{"pain_now":7.5}`, "pain_now", "pain_now: 7.5 is not a whole number; want a whole number from 0 to 10"},
		{`{"pain_now":7.0}`, "pain_now", "pain_now: 7.0 is not a whole number; want a whole number from 0 to 10"},
		{`{"pain_now":1e1}`, "pain_now", "pain_now: 1e1 is not a whole number; want a whole number from 0 to 10"},
		{`{"pain_now":"7"}`, "pain_now", `pain_now: "7" is not a number; want a whole number from 0 to 10`},
		{`{"pain_now":null}`, "pain_now", "pain_now: null is not an answer; want a whole number from 0 to 10"},
		{`{"pain_now":true}`, "pain_now", "pain_now: true is not a number; want a whole number from 0 to 10"},
		{`{"pain_now":[7]}`, "pain_now", "pain_now: an array is not a number; want a whole number from 0 to 10"},
		{`{"fever":"yes"` + strings.Repeat(" ", MaxAnswersSize) + `}`, "", "the answers are larger than 64 KiB"},
	}
	for _, tt := range tests {
		got, err := DecodeAnswers(strings.NewReader(tt.in), rs)
		var ae *AnswerError
		if !errors.As(err, &ae) {
			t.Errorf("DecodeAnswers(%.40q) = %v, %v; want an *AnswerError", tt.in, got, err)
			continue
		}
		if got != nil {
			t.Errorf("DecodeAnswers(%.40q) returned answers %v with its error", tt.in, got)
		}
		if ae.Path != tt.key || ae.Error() != tt.msg {
			t.Errorf("DecodeAnswers(%.40q) error = key %q, %q; want key %q, %q", tt.in, ae.Path, ae.Error(), tt.key, tt.msg)
		}
		if strings.ContainsAny(ae.Error(), "\n\r") {
			t.Errorf("DecodeAnswers(%.40q) error %q is more than one line", tt.in, ae.Error())
		}
	}
}

func TestDecodeAnswersSizeLimit(t *testing.T) {
	rs := realRuleSet(t)
	pad := func(n int) string { // a valid document of exactly n bytes
		doc := `{"fever":"yes"}`
		return doc + strings.Repeat(" ", n-len(doc))
	}
	if _, err := DecodeAnswers(strings.NewReader(pad(MaxAnswersSize)), rs); err != nil {
		t.Errorf("document of exactly %d bytes: %v", MaxAnswersSize, err)
	}
	if _, err := DecodeAnswers(strings.NewReader(pad(MaxAnswersSize+1)), rs); err == nil {
		t.Errorf("document of %d bytes accepted", MaxAnswersSize+1)
	}
}

func TestDecodeAnswersReadError(t *testing.T) {
	rs := realRuleSet(t)
	_, err := DecodeAnswers(iotest.ErrReader(errors.New("disk on fire")), rs)
	if err == nil || err.Error() != "cannot read the answers: disk on fire" {
		t.Errorf("error = %v; want cannot read the answers: disk on fire", err)
	}
	if _, err := DecodeAnswers(strings.NewReader(`{}`), nil); err == nil {
		t.Error("nil rule set accepted")
	}
}

func TestAnswerErrorLongKeyStaysShortAndOneLine(t *testing.T) {
	rs := realRuleSet(t)
	key := strings.Repeat("k\u2028", 500)
	_, err := DecodeAnswers(strings.NewReader(`{"`+key+`":"yes"}`), rs)
	if err == nil || len(err.Error()) > 120 || strings.ContainsAny(err.Error(), "\n\r\u2028") {
		t.Errorf("error = %q; want one short line", err)
	}
}
