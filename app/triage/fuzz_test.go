package triage

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// seedAnswers adds every scenario's answers, as JSON, to a fuzz corpus.
func seedAnswers(f *testing.F, rs *RuleSet) {
	files, _ := filepath.Glob("testdata/*.json")
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		var sf scenarioFile
		if err := json.Unmarshal(b, &sf); err != nil {
			f.Fatal(err)
		}
		for _, s := range sf.Scenarios {
			js, _ := json.Marshal(s.answers(rs))
			f.Add(js)
		}
	}
}

// FuzzEvaluate feeds arbitrary answer maps (any keys, any values) to
// Evaluate: it must not panic, must keep its promises, and must agree with
// the hand-written CLINICAL.md oracle.
func FuzzEvaluate(f *testing.F) {
	rs := realRuleSet(f)
	seedAnswers(f, rs)
	for _, s := range []string{`{}`, `{"fever":"maybe"}`, `{"saddle_numbness":""}`, `{"pain_now":"11"}`,
		`{"duration":"over_6_weeks","":"yes"}`, `{"chest_pain":"YES","bogus":"yes"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var a Answers
		if err := json.Unmarshal(b, &a); err != nil {
			return
		}
		res := rs.Evaluate(a)
		checkInvariants(t, rs, a, res)
		if want, atLeast := oracle(a); res.Disposition != want || res.AtLeast != atLeast {
			t.Fatalf("Evaluate(%v) = %s (at least %q); CLINICAL.md says %s (at least %q)", a, res.Disposition, res.AtLeast, want, atLeast)
		}
	})
}

// FuzzDecodeAnswers feeds arbitrary bytes to DecodeAnswers: an error must be
// one line naming a key only when it is about one; accepted answers must be
// valid and survive a round trip.
func FuzzDecodeAnswers(f *testing.F) {
	rs := realRuleSet(f)
	seedAnswers(f, rs)
	for _, s := range []string{``, `{`, `}`, `[]`, `null`, `{"fever":"yes"} {}`, `{"pain_now":7}`, `{"pain_now":11}`,
		`{"pain_now":-1}`, `{"pain_now":7.5}`, `{"pain_now":"7"}`, `{"pain_now":1e1}`, `{"fever":null}`,
		`{"fever":1}`, `{"fevr":"yes"}`, `{"fever":"maybe"}`, `{"fever":"yes","fever":"no"}`, `{"":""}`,
		"{\"fe\\u2028ver\":\"yes\"}", `{"fever":"y\u0065s"}`, "\xff", `{"pain_now":-0}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := DecodeAnswers(bytes.NewReader(b), rs)
		if err != nil {
			var ae *AnswerError
			if !errors.As(err, &ae) {
				t.Fatalf("error %T %v; want *AnswerError", err, err)
			}
			if a != nil {
				t.Fatalf("answers %v returned with error %v", a, err)
			}
			if msg := ae.Error(); msg == "" || strings.ContainsAny(msg, "\n\r\u2028\u2029") {
				t.Fatalf("error %q is not one line", msg)
			}
			return
		}
		enc := make(map[string]any)
		for id, v := range a {
			q, ok := rs.Question(id)
			if !ok || !q.Allows(v) {
				t.Fatalf("accepted %s=%q", id, v)
			}
			if q.Kind == KindScale {
				n, _ := strconv.Atoi(v)
				enc[string(id)] = n
			} else {
				enc[string(id)] = v
			}
		}
		again, _ := json.Marshal(enc)
		b2, err := DecodeAnswers(bytes.NewReader(again), rs)
		if err != nil || !reflect.DeepEqual(a, b2) {
			t.Fatalf("round trip of %v: %v, %v", a, b2, err)
		}
		checkInvariants(t, rs, a, rs.Evaluate(a))
	})
}
