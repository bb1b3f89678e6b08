package journal

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

const (
	idA1 = "4f2d5e60-8192-4d4e-9f50-6b7c8d9eafb5"
	idA2 = "50e3f671-92a3-4e5f-8061-7c8d9eafb0c6"
)

// fullActivity has ratings, given out of order.
func fullActivity() Activity {
	return Activity{
		ID:   idA1,
		Name: "Putting on socks, \"both\" feet",
		Ratings: []ActivityRating{
			{At: at(48 * time.Hour), Score: 6},
			{At: t0, Score: 3},
		},
		Created: t0,
		Updated: at(48 * time.Hour),
	}
}

// minimalActivity is named and never rated.
func minimalActivity() Activity {
	return Activity{ID: idA2, Name: "Sitting through a film", Created: at(time.Hour), Updated: at(time.Hour)}
}

func TestActivityChange(t *testing.T) {
	rated := func(scores ...int) Activity {
		a := minimalActivity()
		for i, s := range scores {
			a = a.Rate(s, at(time.Duration(i+2)*time.Hour))
		}
		return a
	}
	for _, tt := range []struct {
		name                 string
		a                    Activity
		ok                   bool
		first, latest, count int
		diff                 int
		detectable           bool
	}{
		{"never rated", rated(), false, 0, 0, 0, 0, false},
		{"rated once: no change to speak of", rated(3), true, 3, 3, 1, 0, false},
		{"3 then 6: the MDC exactly", rated(3, 6), true, 3, 6, 2, 3, true},
		{"3 then 5: within the wobble", rated(3, 5), true, 3, 5, 2, 2, false},
		{"8 then 5: worse by the MDC", rated(8, 5), true, 8, 5, 2, -3, true},
		{"first and latest by time, not by order", fullActivity(), true, 3, 6, 2, 3, true},
		{"a dip in between does not count", rated(2, 0, 4), true, 2, 4, 3, 2, false},
		{"0 to 10", rated(0, 10), true, 0, 10, 2, 10, true},
	} {
		c, ok := tt.a.Change()
		if ok != tt.ok || c.First.Score != tt.first || c.Latest.Score != tt.latest || c.Count != tt.count ||
			c.Diff() != tt.diff || c.Detectable() != tt.detectable {
			t.Errorf("%s: got ok %v, %d → %d of %d, diff %d, detectable %v; want %v, %d → %d of %d, diff %d, %v",
				tt.name, ok, c.First.Score, c.Latest.Score, c.Count, c.Diff(), c.Detectable(),
				tt.ok, tt.first, tt.latest, tt.count, tt.diff, tt.detectable)
		}
	}
}

func TestActivityRate(t *testing.T) {
	a := NewActivity("  bending to the dishwasher ", t0)
	if a.Name != "bending to the dishwasher" || !ValidID(a.ID) || len(a.Ratings) != 0 {
		t.Fatalf("NewActivity = %+v; want the name trimmed, an id, no rating", a)
	}
	b := a.Rate(4, at(time.Hour))
	if len(a.Ratings) != 0 {
		t.Errorf("Rate changed the original: %+v", a)
	}
	if len(b.Ratings) != 1 || b.Ratings[0].Score != 4 || !b.Updated.Equal(at(time.Hour)) {
		t.Errorf("Rate = %+v; want one rating of 4 and updated at its time", b)
	}
	// A rating dated before the last change still makes a later version.
	c := b.Rate(5, t0)
	if want := at(time.Hour).Add(time.Millisecond); !c.Updated.Equal(want) {
		t.Errorf("updated = %v; want %v", c.Updated, want)
	}
}

func TestActivityValidate(t *testing.T) {
	with := func(f func(*Activity)) Activity {
		a := fullActivity()
		f(&a)
		return a
	}
	for _, tt := range []struct {
		name          string
		a             Activity
		path, problem string
	}{
		{"full", fullActivity(), "", ""},
		{"minimal", minimalActivity(), "", ""},
		{"bad id", with(func(a *Activity) { a.ID = "x" }), "id", "is not a valid id"},
		{"empty name", with(func(a *Activity) { a.Name = "  " }), "name", "is empty"},
		{"long name", with(func(a *Activity) { a.Name = strings.Repeat("é", MaxActivityNameRunes+1) }), "name", "is 81 characters long; at most 80"},
		{"line break in the name", with(func(a *Activity) { a.Name = "a\nb" }), "name", "contains a control character"},
		{"score 11", with(func(a *Activity) { a.Ratings[1].Score = 11 }), "ratings[1].score", "11 is out of range 0 to 10"},
		{"score -1", with(func(a *Activity) { a.Ratings[0].Score = -1 }), "ratings[0].score", "-1 is out of range 0 to 10"},
		{"rating without a date", with(func(a *Activity) { a.Ratings[0].At = time.Time{} }), "ratings[0].at", "is missing"},
		{"updated before created", with(func(a *Activity) { a.Updated = a.Created.Add(-time.Second) }), "updated", "is before created"},
	} {
		err := tt.a.Validate()
		if tt.problem == "" {
			if err != nil {
				t.Errorf("%s: %v; want nil", tt.name, err)
			}
			continue
		}
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Path != tt.path || !strings.Contains(fe.Problem, tt.problem) {
			t.Errorf("%s: got %v; want %s: …%s…", tt.name, err, tt.path, tt.problem)
		}
	}
}

func TestMemoryActivities(t *testing.T) {
	ctx := context.Background()
	m := &Memory{}
	a := fullActivity()
	if err := m.PutActivity(ctx, a, time.Time{}); err != nil {
		t.Fatal(err)
	}
	// Another tab's editor, loaded before the first re-rating, is refused.
	b := a.Rate(7, at(72*time.Hour))
	if err := m.PutActivity(ctx, b, a.Updated); err != nil {
		t.Fatalf("re-rating the stored version: %v", err)
	}
	if err := m.PutActivity(ctx, a.Rate(2, at(80*time.Hour)), a.Updated); !errors.Is(err, ErrConflict) {
		t.Errorf("re-rating a stale version = %v; want ErrConflict", err)
	}
	// At most MaxActivities, counting the one there.
	for i := 1; i < MaxActivities; i++ {
		if err := m.PutActivity(ctx, NewActivity("activity", at(time.Duration(i)*time.Minute)), time.Time{}); err != nil {
			t.Fatalf("activity %d: %v", i+1, err)
		}
	}
	if err := m.PutActivity(ctx, NewActivity("one too many", at(time.Hour)), time.Time{}); !errors.Is(err, ErrTooManyActivities) {
		t.Errorf("a sixth activity = %v; want ErrTooManyActivities", err)
	}
	all, err := m.Activities(ctx)
	if err != nil || len(all) != MaxActivities || all[0].ID != a.ID || len(all[0].Ratings) != 3 {
		t.Fatalf("Activities = %d activities, first %+v, %v; want %d, the first named first, with its 3 ratings", len(all), all[0], err, MaxActivities)
	}
	// Delete and undo.
	gone, err := m.DeleteActivity(ctx, a.ID)
	if err != nil || gone.ID != a.ID {
		t.Fatalf("DeleteActivity = %+v, %v", gone, err)
	}
	if _, err := m.DeleteActivity(ctx, a.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleting it again = %v; want ErrNotFound", err)
	}
	if err := m.PutActivity(ctx, gone, time.Time{}); err != nil {
		t.Errorf("undo: %v", err)
	}
	if err := m.PutActivity(ctx, Activity{ID: idA2}, time.Time{}); err == nil {
		t.Errorf("an invalid activity was saved")
	}
	if err := m.DeleteAll(ctx); err != nil {
		t.Fatal(err)
	}
	if all, _ := m.Activities(ctx); len(all) != 0 {
		t.Errorf("after DeleteAll: %d activities", len(all))
	}
}

// TestBackupActivitiesRoundTrip: a version 2 file keeps every activity and
// rating; importing it into a device merges them by id, newer updated
// wins, and nothing is deleted.
func TestBackupActivitiesRoundTrip(t *testing.T) {
	ctx := context.Background()
	var buf bytes.Buffer
	if err := EncodeBackup(&buf, nil, nil, exportedAt, fullActivity(), minimalActivity()); err != nil {
		t.Fatal(err)
	}
	b, err := DecodeBackup(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("DecodeBackup: %v\n%s", err, buf.Bytes())
	}
	if b.Version != 2 || !reflect.DeepEqual(b.Activities, []Activity{fullActivity(), minimalActivity()}) {
		t.Fatalf("decoded version %d, activities %+v; want version 2 and both activities as written", b.Version, b.Activities)
	}

	device := &Memory{}
	older := fullActivity()
	older.Ratings, older.Updated = older.Ratings[1:], t0    // rated once, before the backup's second rating
	kept := NewActivity("Walking the dog", at(2*time.Hour)) // only on this device
	for _, a := range []Activity{older, kept} {
		if err := device.PutActivity(ctx, a, time.Time{}); err != nil {
			t.Fatal(err)
		}
	}
	have, _ := device.Activities(ctx)
	p := PlanImport(nil, nil, b, have...)
	if len(p.AddActivities) != 1 || p.AddActivities[0].ID != idA2 || len(p.UpdateActivities) != 1 || p.UpdateActivities[0].ID != idA1 || p.Empty() {
		t.Fatalf("plan adds %d, updates %d activities; want minimal added, full updated", len(p.AddActivities), len(p.UpdateActivities))
	}
	if err := device.Apply(ctx, p); err != nil {
		t.Fatal(err)
	}
	got, _ := device.Activities(ctx)
	if len(got) != 3 || got[0].ID != idA1 || len(got[0].Ratings) != 2 || got[2].ID != kept.ID {
		t.Errorf("after import: %+v; want the full activity with both ratings, the minimal one, and the device's own kept", got)
	}
	// The same file again changes nothing.
	have, _ = device.Activities(ctx)
	if p := PlanImport(nil, nil, b, have...); !p.Empty() || p.UnchangedActivities != 2 {
		t.Errorf("second import plan: %+v; want empty, 2 unchanged", p)
	}
}

// TestDecodeBackupActivities: version 1 files import without activities;
// version 2 files must have them, read as strictly as episodes.
func TestDecodeBackupActivities(t *testing.T) {
	act := `{"id":"` + idA1 + `","name":"Socks","ratings":[{"at":"2025-03-10T08:30:00Z","score":3}],"created":"2025-03-10T08:30:00Z","updated":"2025-03-10T08:30:00Z"}`
	file := func(version, rest string) string {
		return `{"format":"unknot-journal","version":` + version + `,"exported":"2025-03-14T08:30:00Z","episodes":[],"sessions":[]` + rest + `}`
	}
	v2 := func(acts string) string { return file("2", `,"activities":[`+acts+`]`) }
	actWith := func(old, new string) string { return v2(strings.Replace(act, old, new, 1)) }
	for _, tt := range []struct {
		name, file, path, problem string
		activities                int
	}{
		{"version 1 without activities", file("1", ""), "", "", 0},
		{"version 2 with one", v2(act), "", "", 1},
		{"version 2 with none", v2(""), "", "", 0},
		{"version 1 with activities", file("1", `,"activities":[]`), "activities", "is not a known field in a version 1 file", 0},
		{"version 2 without activities", file("2", ""), "activities", "is missing", 0},
		{"activities not a list", file("2", `,"activities":{}`), "activities", "expected a list, found an object", 0},
		{"name missing", actWith(`"name":"Socks",`, ``), "activities[0].name", "is missing", 0},
		{"unknown field", actWith(`"name":"Socks"`, `"name":"Socks","goal":8`), "activities[0].goal", "is not a known field", 0},
		{"unknown field in a rating", actWith(`"score":3`, `"score":3,"note":""`), "activities[0].ratings[0].note", "is not a known field", 0},
		{"score out of range", actWith(`"score":3`, `"score":12`), "activities[0].ratings[0].score", "12 is out of range 0 to 10", 0},
		{"score a string", actWith(`"score":3`, `"score":"3"`), "activities[0].ratings[0].score", "expected a whole number, found a string", 0},
		{"empty name", actWith(`"name":"Socks"`, `"name":""`), "activities[0].name", "is empty", 0},
		{"from the future", actWith(`"at":"2025-03-10T08:30:00Z"`, `"at":"2025-03-16T08:30:00Z"`), "activities[0].ratings[0].at", "more than a day after the file was exported", 0},
		{"repeated id", v2(act + "," + act), "activities[1].id", "is also the id of activities[0]", 0},
	} {
		b, err := DecodeBackup(strings.NewReader(tt.file))
		if tt.problem == "" {
			if err != nil || len(b.Activities) != tt.activities {
				t.Errorf("%s: got %v; want no error and %d activities", tt.name, err, tt.activities)
			}
			continue
		}
		var be *BackupError
		if !errors.As(err, &be) || be.Path != tt.path || !strings.Contains(be.Problem, tt.problem) {
			t.Errorf("%s: got %v; want %s: …%s…", tt.name, err, tt.path, tt.problem)
		}
	}
}

func TestWriteActivitiesCSV(t *testing.T) {
	formula := minimalActivity()
	formula.Name = "=1+1, then sit"
	var buf bytes.Buffer
	if err := WriteActivitiesCSV(&buf, []Activity{fullActivity(), formula}, time.UTC); err != nil {
		t.Fatal(err)
	}
	want := "activity_id,activity,rated_at,score\n" +
		idA1 + `,"Putting on socks, ""both"" feet",2025-03-10T08:30:00Z,3` + "\n" +
		idA1 + `,"Putting on socks, ""both"" feet",2025-03-12T08:30:00Z,6` + "\n" +
		idA2 + `,"'=1+1, then sit",,` + "\n"
	if got := buf.String(); got != want {
		t.Errorf("WriteActivitiesCSV:\n%s\nwant\n%s", got, want)
	}
}
