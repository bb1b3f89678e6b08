package triage

import (
	"reflect"
	"testing"
)

// A rule set rebuilt from its Data is the same rule set: the same questions
// found by id, the same rules, advice and results.
func TestFromDataRebuildsTheRuleSet(t *testing.T) {
	rs := realRuleSet(t)
	got := FromData(rs.Data())
	if !reflect.DeepEqual(got, rs) {
		t.Fatalf("FromData(Data()) differs from the decoded rule set:\n got %+v\nwant %+v", got, rs)
	}
	for _, q := range rs.Questions() {
		if _, ok := got.Question(q.ID); !ok {
			t.Errorf("rebuilt rule set has no question %q", q.ID)
		}
	}
}
