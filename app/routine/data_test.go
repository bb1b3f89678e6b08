package routine

import (
	"reflect"
	"testing"
)

// A library rebuilt from its Data is the same library: every exercise found
// by id, in file order, and every routine.
func TestFromDataRebuildsTheLibrary(t *testing.T) {
	l := realLibrary(t)
	got := FromData(l.Data())
	if !reflect.DeepEqual(got, l) {
		t.Fatalf("FromData(Data()) differs from the decoded library:\n got %+v\nwant %+v", got, l)
	}
	for _, e := range l.Exercises() {
		if _, ok := got.Exercise(e.ID); !ok {
			t.Errorf("rebuilt library has no exercise %q", e.ID)
		}
	}
}
