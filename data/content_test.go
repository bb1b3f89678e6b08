package data_test

import (
	"reflect"
	"testing"

	"unknot/app/content"
	"unknot/data"
)

// The compiled rules, routines and emergency numbers the browser starts from
// are exactly what content.Load decodes from the JSON; after an edit of a
// JSON file, this fails until `go generate ./data` (or make build) compiles
// them again.
func TestContentIsTheCompiledJSON(t *testing.T) {
	c, err := content.Load(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	const stale = "data/content_gen.go is stale: run `go generate ./data`"
	for _, tc := range []struct {
		name           string
		compiled, json any
	}{
		{"triage rules", data.Triage, c.Triage().Data()},
		{"routines", data.Routines, c.Routines().Data()},
		{"emergency numbers", data.Emergency, c.Emergency().Data()},
	} {
		if !reflect.DeepEqual(tc.compiled, tc.json) {
			t.Errorf("%s: the compiled %s differ from the JSON", stale, tc.name)
		}
	}
}
