package content

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"unknot/app/internal/located"
	"unknot/app/routine"
	"unknot/data"
)

// dataCopy returns a writable copy of the embedded content tree, with
// English as its only language.
func dataCopy(t *testing.T) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(data.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if strings.HasPrefix(p, "locale/") && !strings.HasPrefix(p, "locale/en/") {
			return nil // English alone: an edit to its words is not first reported as a difference between languages
		}
		b, err := fs.ReadFile(data.FS, p)
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestLoadRoutinesRealData(t *testing.T) {
	fsys := dataCopy(t)
	c := &Catalog{fsys: fsys}
	if err := c.loadLocales(); err != nil {
		t.Fatal(err)
	}
	if err := loadRoutines(fsys, c); err != nil {
		t.Fatal(err)
	}
	lib := c.routines
	for _, id := range []routine.RoutineID{"quick_relief", "early_days", "morning", "prevention_core"} {
		if _, ok := lib.Routine(id); !ok {
			t.Errorf("routine %q missing", id)
		}
	}
}

// TestExerciseIllustrations checks each exercise's drawing in web/: present,
// small, well-formed, themed with currentColor, animated, self-contained,
// and still for people who ask for reduced motion.
func TestExerciseIllustrations(t *testing.T) {
	fsys := dataCopy(t)
	c := &Catalog{fsys: fsys}
	if err := c.loadLocales(); err != nil {
		t.Fatal(err)
	}
	if err := loadRoutines(fsys, c); err != nil {
		t.Fatal(err)
	}
	for _, e := range c.routines.Exercises() {
		b, err := os.ReadFile("../../web/" + e.Illustration)
		if err != nil {
			t.Errorf("%s: %v", e.ID, err)
			continue
		}
		svg := string(b)
		if len(b) > 12<<10 {
			t.Errorf("%s: %d bytes; keep it under 12 KB", e.Illustration, len(b))
		}
		dec := xml.NewDecoder(bytes.NewReader(b))
		for {
			if _, err := dec.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Errorf("%s: not well-formed: %v", e.Illustration, err)
				break
			}
		}
		// The words are the <img>'s alt, in the person's language; the
		// picture is drawn by app/figure, which tests it in detail.
		for _, want := range []string{"<svg", "currentColor", "<animate", "prefers-reduced-motion"} {
			if !strings.Contains(svg, want) {
				t.Errorf("%s: no %s", e.Illustration, want)
			}
		}
		for _, bad := range []string{"<script", "href", "url(", "@import", "on" + "load"} {
			if strings.Contains(svg, bad) {
				t.Errorf("%s: contains %s", e.Illustration, bad)
			}
		}
	}
}

// TestDosingFollowsClinical checks the physiotherapy dosing of CLINICAL.md:
// holds of 5–30 s and at most 10 repetitions (walking is timed, not held).
func TestDosingFollowsClinical(t *testing.T) {
	fsys := dataCopy(t)
	c := &Catalog{fsys: fsys}
	if err := c.loadLocales(); err != nil {
		t.Fatal(err)
	}
	if err := loadRoutines(fsys, c); err != nil {
		t.Fatal(err)
	}
	check := func(where string, id routine.ExerciseID, d routine.Dose) {
		if id == routine.Walking {
			return
		}
		if d.Hold.Seconds() < 5 || d.Hold.Seconds() > 30 || d.Reps > 10 {
			t.Errorf("%s: %s holds %v × %d; want 5–30 s, at most 10", where, id, d.Hold, d.Reps)
		}
	}
	for _, e := range c.routines.Exercises() {
		check("defaults", e.ID, e.Defaults)
	}
	for _, r := range c.routines.Routines() {
		for _, s := range r.Steps {
			check(string(r.ID), s.Exercise, s.Dose)
		}
	}
}

// TestRoutineTextKeysUsed keeps locale/en/routines.json free of stale words:
// every key in it is used by the library, the player or a screen.
func TestRoutineTextKeysUsed(t *testing.T) {
	fsys := dataCopy(t)
	c := &Catalog{fsys: fsys}
	if err := c.loadLocales(); err != nil {
		t.Fatal(err)
	}
	if err := loadRoutines(fsys, c); err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	for _, k := range c.routines.TextKeys() {
		used[k] = true
	}
	b, _ := fs.ReadFile(fsys, "locale/en/routines.json")
	var m map[string]string
	if err := located.Decode("locale/en/routines.json", b, &m); err != nil {
		t.Fatal(err)
	}
	for k := range m {
		if !used[k] && !strings.HasPrefix(k, "routine.safety.") {
			t.Errorf("key %q is not used", k)
		}
	}
}

func TestLoadRoutinesCorrupt(t *testing.T) {
	tests := []struct {
		name string
		file string // file to change
		old  string
		new  string
		want string // in the error, after "data/"
	}{
		{"unknown exercise in a routine", "routines.json", `{"exercise": "cat_cow"}`, `{"exercise": "cat_cwo"}`,
			`routines.json: routines[2].steps[0].exercise: unknown exercise "cat_cwo"`},
		{"unknown field", "exercises.json", `"floor": true,`, `"floor": true, "flor": 1,`,
			`exercises.json: exercises[0]: unknown field "flor"`},
		{"hold too long", "routines.json", `{"exercise": "walking", "hold": 60, "rest": 10}`, `{"exercise": "walking", "hold": 600, "rest": 10}`,
			`routines.json: routines[0].steps[0].hold: hold of 10m0s is outside`},
		{"sides on child pose", "routines.json", `{"exercise": "child_pose"}`, `{"exercise": "child_pose", "sides": true}`,
			`routines.json: routines[1].steps[3].sides: child_pose is not done on each side`},
		{"unknown tag", "exercises.json", `["side_lying"]`, `["lateral"]`,
			`exercises.json: exercises[9].tags: unknown tag "lateral"`},
		{"floor on walking", "exercises.json", `"tags": ["standing"],
      "floor": false`, `"tags": ["standing"],
      "floor": true`, `exercises.json: exercises[11].floor: is true but position "standing" means false`},
		{"trailing data", "routines.json", "\n  ]\n}\n", "\n  ]\n}\n{}", `routines.json: unexpected data after the value`},
		{"not JSON", "exercises.json", `{`, `[`, `exercises.json: invalid character`},
		{"clinical exercise missing", "exercises.json", `child_pose`, `childs_pose`,
			`exercises.json: exercises: missing exercise "child_pose" named in CLINICAL.md`},
		{"exercise text missing", "locale/en/routines.json", `"exercise.bird_dog.caution.1"`, `"unused.bird_dog.caution.1"`,
			`exercises.json: no text for key "exercise.bird_dog.caution.1" in locale/en`},
		{"routine text missing", "locale/en/routines.json", `"routine.morning.name"`, `"unused.morning.name"`,
			`routines.json: no text for key "routine.morning.name" in locale/en`},
		{"cue text missing", "locale/en/routines.json", `"routine.cue.count.2"`, `"unused.count.2"`,
			`routines.json: no text for key "routine.cue.count.2" in locale/en`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := dataCopy(t)
			text := string(fsys[tt.file].Data)
			if !strings.Contains(text, tt.old) {
				t.Fatalf("%q not in %s", tt.old, tt.file)
			}
			if tt.name == "clinical exercise missing" {
				text = strings.ReplaceAll(text, tt.old, tt.new)
				fsys["routines.json"] = &fstest.MapFile{Data: []byte(`{"routines": [{"id": "r", "source": "test", "steps": [{"exercise": "walking"}]}]}`)}
			} else {
				text = strings.Replace(text, tt.old, tt.new, 1)
			}
			fsys[tt.file] = &fstest.MapFile{Data: []byte(text)}
			c, err := Load(fsys)
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("err = %v; want a *content.Error", err)
			}
			if !strings.Contains(err.Error(), "data/"+tt.want) {
				t.Errorf("err = %v\nwant it to contain data/%s", err, tt.want)
			}
			if c != nil {
				t.Errorf("Load returned a catalog despite the error")
			}
		})
	}
}

func TestLoadRoutinesMissingFile(t *testing.T) {
	for _, f := range []string{"exercises.json", "routines.json"} {
		fsys := dataCopy(t)
		delete(fsys, f)
		c := &Catalog{fsys: fsys}
		if err := c.loadLocales(); err != nil {
			t.Fatal(err)
		}
		if err := loadRoutines(fsys, c); err == nil || !strings.Contains(err.Error(), "data/"+f) {
			t.Errorf("without %s: err = %v", f, err)
		}
	}
}
