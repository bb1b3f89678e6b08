package routine

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGoldenCues pins the full cue sequence of real routines, so that a
// change of content or timing shows up as a readable diff. Regenerate with
// go test ./app/routine -run GoldenCues -update.
func TestGoldenCues(t *testing.T) {
	lib := realLibrary(t)
	for _, id := range []RoutineID{"quick_relief", "early_days"} {
		t.Run(string(id), func(t *testing.T) {
			r, ok := lib.Routine(id)
			if !ok {
				t.Fatalf("no routine %q", id)
			}
			p, err := NewPlan(r, lib, PlanOptions{})
			if err != nil {
				t.Fatal(err)
			}
			got := "# " + string(id) + ", total " + p.Total.String() + "\n" + formatCues(playBySeconds(p), t0)
			path := filepath.Join("testdata", string(id)+".cues.golden")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("cues differ from %s (run with -update if the change is intended):\n%s", path, got)
			}
		})
	}
}
