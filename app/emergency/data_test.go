package emergency

import (
	"reflect"
	"testing"
)

// A directory rebuilt from its Data is the same directory: the same numbers,
// unlisted countries and time zones.
func TestFromDataRebuildsTheDirectory(t *testing.T) {
	d := testDirectory(t)
	got := FromData(d.Data())
	if !reflect.DeepEqual(got, d) {
		t.Fatalf("FromData(Data()) differs from the decoded directory:\n got %+v\nwant %+v", got, d)
	}
	if n, known := got.Number("GB"); n != "999" || !known {
		t.Errorf("rebuilt Number(GB) = %q, %v; want 999, true", n, known)
	}
}
