package triage

import (
	"math/rand"
	"reflect"
	"slices"
	"testing"
)

// oracle is CLINICAL.md written out by hand, independently of the data: the
// shipped rule set must agree with it on every answer set. It returns the
// disposition and, for incomplete, the tier the answers already reach.
func oracle(a Answers) (Disposition, Disposition) {
	sign := func(id QuestionID) bool { return a[id] == Yes || a[id] == Unsure }
	answered := func(id QuestionID) bool { return a[id] == Yes || a[id] == No || a[id] == Unsure }
	emergency := []QuestionID{"saddle_numbness", "bladder_change", "bowel_control", "sexual_numbness", "both_legs",
		"leg_weakness_worsening", "chest_pain", "faint_abdominal", "serious_accident"}
	sameDay := []QuestionID{"fever", "infection_risk", "cancer_history", "weight_loss", "night_pain", "back_lump",
		"upper_back_pain", "fracture_risk", "leg_weakness_one", "pain_uncontrolled", "pregnancy_warning"}
	for _, id := range emergency {
		if sign(id) {
			return Emergency, ""
		}
	}
	reached := SelfCare
	d, c := a["duration"], a["course"]
	switch {
	case d == "over_6_weeks",
		d == "1_to_6_weeks" && (c == "same" || c == "worse"),
		d == "2_to_7_days" && c == "worse",
		a["first_episode"] == Yes && (a["age_band"] == "under_20" || a["age_band"] == "50_plus"),
		a["daily_activities"] == "unable",
		a["inflammatory"] == Yes,
		a["sciatica"] == Yes && (d == "1_to_6_weeks" || d == "over_6_weeks"):
		reached = Soon
	}
	for _, id := range sameDay {
		if sign(id) {
			reached = Urgent
		}
	}
	for _, id := range emergency {
		if !answered(id) {
			return Incomplete, reached // it could still be an emergency
		}
	}
	if reached == Urgent {
		return Urgent, "" // nothing unanswered could raise it
	}
	for _, id := range sameDay {
		if !answered(id) {
			return Incomplete, reached
		}
	}
	return reached, ""
}

func TestMatchesOracleRandom(t *testing.T) {
	rs := realRuleSet(t)
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 10000; i++ {
		a := randomAnswers(rs, r)
		got := rs.Evaluate(a)
		if want, atLeast := oracle(a); got.Disposition != want || got.AtLeast != atLeast {
			t.Fatalf("Evaluate(%v) = %s (at least %q); CLINICAL.md says %s (at least %q)", a, got.Disposition, got.AtLeast, want, atLeast)
		}
	}
}

// TestMatchesOracleContextExhaustive tries every combination of the context
// answers the soon rules use (each unanswered or any option), with every
// warning sign "no".
func TestMatchesOracleContextExhaustive(t *testing.T) {
	rs := realRuleSet(t)
	ids := []QuestionID{"age_band", "first_episode", "duration", "course", "daily_activities", "sciatica", "inflammatory"}
	n := 0
	var walk func(i int, a Answers)
	walk = func(i int, a Answers) {
		if i == len(ids) {
			n++
			if got, want := rs.Evaluate(a).Disposition, first(oracle(a)); got != want {
				t.Fatalf("Evaluate(%v) = %s; CLINICAL.md says %s", a, got, want)
			}
			return
		}
		q, _ := rs.Question(ids[i])
		walk(i+1, a)
		for _, o := range q.Options {
			b := a.clone()
			b[q.ID] = o
			walk(i+1, b)
		}
	}
	walk(0, allNo(rs))
	if n != 4*3*5*4*4*3*3 {
		t.Errorf("tried %d combinations; want %d", n, 4*3*5*4*4*3*3)
	}
}

func TestAllNoIsSelfCare(t *testing.T) {
	rs := realRuleSet(t)
	got := rs.Evaluate(allNo(rs))
	want := Result{Disposition: SelfCare, Reasons: []Reason{}, Missing: []QuestionID{}, Unsure: []QuestionID{}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Evaluate(all no) = %+v; want %+v", got, want)
	}
}

func TestShufflingRulesChangesNothing(t *testing.T) {
	rs := realRuleSet(t)
	r := rand.New(rand.NewSource(2))
	var answerSets []Answers
	for _, scenarios := range loadScenarios(t) {
		for _, s := range scenarios {
			answerSets = append(answerSets, s.answers(rs))
		}
	}
	for i := 0; i < 300; i++ {
		answerSets = append(answerSets, randomAnswers(rs, r))
	}
	for p := 0; p < 30; p++ {
		rules := rs.Rules()
		r.Shuffle(len(rules), func(i, j int) { rules[i], rules[j] = rules[j], rules[i] })
		for _, rule := range rules {
			r.Shuffle(len(rule.When), func(i, j int) { rule.When[i], rule.When[j] = rule.When[j], rule.When[i] })
		}
		shuffled := rs.withRules(rules)
		for _, a := range answerSets {
			if got, want := shuffled.Evaluate(a), rs.Evaluate(a); !reflect.DeepEqual(got, want) {
				t.Fatalf("permutation %d, answers %v:\n got %+v\nwant %+v", p, a, got, want)
			}
		}
	}
}

func TestUnsureNeverLessUrgentThanYes(t *testing.T) {
	rs := realRuleSet(t)
	r := rand.New(rand.NewSource(3))
	check := func(a Answers) {
		for id, v := range a {
			q, ok := rs.Question(id)
			if !ok || v != Yes || !q.Allows(Unsure) {
				continue
			}
			b := a.clone()
			b[id] = Unsure
			if got, yes := rs.Evaluate(b).Disposition, rs.Evaluate(a).Disposition; yes.MoreUrgentThan(got) {
				t.Fatalf("%s: yes gives %s but unsure gives %s (answers %v)", id, yes, got, a)
			}
		}
	}
	for i := 0; i < 1000; i++ {
		a := randomAnswers(rs, r)
		for _, q := range warningSigns(rs) { // make sure there is a yes to swap
			if r.Intn(8) == 0 {
				a[q.ID] = Yes
			}
		}
		check(a)
	}
}

func TestNoToYesNeverLessUrgent(t *testing.T) {
	rs := realRuleSet(t)
	r := rand.New(rand.NewSource(4))
	for i := 0; i < 500; i++ {
		a := randomAnswers(rs, r)
		for _, q := range warningSigns(rs) {
			if a[q.ID] != No {
				continue
			}
			b := a.clone()
			b[q.ID] = Yes
			before, after := rs.Evaluate(a), rs.Evaluate(b)
			if before.Disposition.MoreUrgentThan(after.Disposition) || reached(before).MoreUrgentThan(reached(after)) {
				t.Fatalf("%s no -> yes lowered %s to %s (answers %v)", q.ID, before.Disposition, after.Disposition, a)
			}
			if want := q.Group.tier(); want.MoreUrgentThan(reached(after)) {
				t.Fatalf("%s yes gives %s (at least %q); want at least %s", q.ID, after.Disposition, after.AtLeast, want)
			}
		}
	}
}

func TestRemovingAWarningSignNeverReassures(t *testing.T) {
	rs := realRuleSet(t)
	r := rand.New(rand.NewSource(5))
	check := func(a Answers) {
		for _, q := range warningSigns(rs) {
			if _, ok := a[q.ID]; !ok {
				continue
			}
			b := a.clone()
			delete(b, q.ID)
			got := rs.Evaluate(b)
			if got.Disposition == Soon || got.Disposition == SelfCare {
				t.Fatalf("without %s: %s (answers %v)", q.ID, got.Disposition, b)
			}
			if !slices.Contains(got.Missing, q.ID) {
				t.Fatalf("without %s: missing = %v", q.ID, got.Missing)
			}
		}
	}
	// Exhaustively over the scenarios' answer sets, then at random.
	for _, scenarios := range loadScenarios(t) {
		for _, s := range scenarios {
			check(s.answers(rs))
		}
	}
	for i := 0; i < 1000; i++ {
		check(randomAnswers(rs, r))
	}
}

func TestEmergencySignBeatsAnyMissing(t *testing.T) {
	rs := realRuleSet(t)
	r := rand.New(rand.NewSource(6))
	for _, q := range rs.QuestionsIn(GroupEmergency) {
		for _, v := range []string{Yes, Unsure} {
			for i := 0; i < 300; i++ {
				a := randomAnswers(rs, r)
				for id := range a { // drop a random subset of the other answers
					if id != q.ID && r.Intn(2) == 0 {
						delete(a, id)
					}
				}
				a[q.ID] = v
				if got := rs.Evaluate(a); got.Disposition != Emergency {
					t.Fatalf("%s=%s with %v: %s; want emergency", q.ID, v, a, got.Disposition)
				}
			}
			if got := rs.Evaluate(Answers{q.ID: v}); got.Disposition != Emergency {
				t.Errorf("%s=%s alone: %s; want emergency", q.ID, v, got.Disposition)
			}
		}
	}
}

// TestResultInvariants checks what every result promises, at random.
func TestResultInvariants(t *testing.T) {
	rs := realRuleSet(t)
	r := rand.New(rand.NewSource(7))
	for i := 0; i < 2000; i++ {
		a := randomAnswers(rs, r)
		checkInvariants(t, rs, a, rs.Evaluate(a))
	}
}

func checkInvariants(t *testing.T, rs *RuleSet, a Answers, res Result) {
	t.Helper()
	if !res.Disposition.Valid() {
		t.Fatalf("disposition %q is not valid", res.Disposition)
	}
	if res.Reasons == nil || res.Missing == nil || res.Unsure == nil {
		t.Fatalf("nil slice in %+v", res)
	}
	top := SelfCare
	for _, reason := range res.Reasons {
		rule, ok := rs.Rule(reason.Rule)
		if !ok || rule.Tier != reason.Tier || len(reason.Answers) != len(rule.When) {
			t.Fatalf("reason %+v does not match its rule %+v", reason, rule)
		}
		for _, ans := range reason.Answers {
			if a[ans.Question] != ans.Value {
				t.Fatalf("reason %+v: %s was answered %q", reason, ans.Question, a[ans.Question])
			}
		}
		top = mostUrgent(top, reason.Tier)
	}
	switch {
	case res.Disposition == Incomplete:
		if res.AtLeast != top || top == Emergency || len(res.Missing) == 0 {
			t.Fatalf("incomplete at least %s with reasons reaching %s and missing %v", res.AtLeast, top, res.Missing)
		}
		if top == Urgent && !emergencySignMissing(rs, res.Missing) {
			t.Fatalf("incomplete although every emergency sign is answered and an urgent rule fired")
		}
	case res.Disposition != top || res.AtLeast != "":
		t.Fatalf("disposition %s (at least %q); reasons give %s", res.Disposition, res.AtLeast, top)
	case len(res.Missing) > 0 && (top != Emergency && top != Urgent || top == Urgent && emergencySignMissing(rs, res.Missing)):
		t.Fatalf("%s with missing %v: the result is not final", res.Disposition, res.Missing)
	}
	if res.Final() != (res.Disposition == Emergency || res.Disposition == Urgent) {
		t.Fatalf("%s: Final() = %v", res.Disposition, res.Final())
	}
	for _, id := range res.Missing {
		if q, ok := rs.Question(id); !ok || !q.WarningSign() || q.Allows(a[id]) {
			t.Fatalf("missing %s: not an unanswered warning sign (answer %q)", id, a[id])
		}
	}
	for _, q := range warningSigns(rs) {
		if !q.Allows(a[q.ID]) && !slices.Contains(res.Missing, q.ID) {
			t.Fatalf("%s unanswered but not in missing %v", q.ID, res.Missing)
		}
		if a[q.ID] == Unsure && !slices.Contains(res.Unsure, q.ID) {
			t.Fatalf("%s unsure but not in unsure %v", q.ID, res.Unsure)
		}
	}
}

// reached is the tier a result already stands at: for incomplete, its
// at_least.
func reached(r Result) Disposition {
	if r.Disposition == Incomplete {
		return r.AtLeast
	}
	return r.Disposition
}

func first(d, _ Disposition) Disposition { return d }

func emergencySignMissing(rs *RuleSet, missing []QuestionID) bool {
	for _, id := range missing {
		if q, _ := rs.Question(id); q.Group == GroupEmergency {
			return true
		}
	}
	return false
}

func TestEvaluateNilAndEmpty(t *testing.T) {
	var nilRS *RuleSet
	if got := nilRS.Evaluate(Answers{"fever": "yes"}); got.Disposition != Incomplete {
		t.Errorf("nil rule set: %s; want incomplete", got.Disposition)
	}
	if got := new(RuleSet).Evaluate(Answers{}); got.Disposition != Incomplete {
		t.Errorf("zero rule set: %s; want incomplete", got.Disposition)
	}
	rs := realRuleSet(t)
	for _, a := range []Answers{nil, {}} {
		got := rs.Evaluate(a)
		if got.Disposition != Incomplete || len(got.Missing) != len(warningSigns(rs)) {
			t.Errorf("Evaluate(%v) = %s with %d missing; want incomplete with %d", a, got.Disposition, len(got.Missing), len(warningSigns(rs)))
		}
	}
}

func TestEvaluateDoesNotModifyAnswers(t *testing.T) {
	rs := realRuleSet(t)
	a := Answers{"fever": "yes", "bogus": "x", "pain_now": "7"}
	b := a.clone()
	rs.Evaluate(a)
	if !reflect.DeepEqual(a, b) {
		t.Errorf("answers changed: %v; want %v", a, b)
	}
}
