package routine

import (
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestPlanTimeline(t *testing.T) {
	p := tinyPlan(t, "ab")
	var got []string
	for _, s := range p.Segments {
		got = append(got, fmtSeg(s))
	}
	want := []string{
		"0s-5s getready step0 a 0/2 none",
		"5s-10s hold step0 a 1/2 none",
		"10s-12s release step0 a 1/2 none",
		"12s-17s hold step0 a 2/2 none",
		"17s-19s release step0 a 2/2 none",
		"19s-22s rest step1 b 0/1 left",
		"22s-32s hold step1 b 1/1 left",
		"32s-34s release step1 b 1/1 left",
		"34s-44s hold step1 b 1/1 right",
		"44s-46s release step1 b 1/1 right",
	}
	if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w {
		t.Errorf("segments:\n%s\nwant:\n%s", g, w)
	}
	if p.Total != 46*time.Second {
		t.Errorf("Total = %v; want 46s", p.Total)
	}
	if p.stepStart[1] != 19*time.Second || p.stepEnd[0] != 19*time.Second || p.stepEnd[1] != 46*time.Second {
		t.Errorf("step bounds = %v..%v, %v..%v", p.stepStart[0], p.stepEnd[0], p.stepStart[1], p.stepEnd[1])
	}
}

func fmtSeg(s Segment) string {
	return s.Start.String() + "-" + s.End().String() + " " + string(s.Phase) + " step" + itoa(s.Step) + " " +
		string(s.Exercise) + " " + itoa(s.Rep) + "/" + itoa(s.Reps) + " " + string(s.Side)
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestPlanCues(t *testing.T) {
	got := formatCues(playBySeconds(tinyPlan(t, "ab")), t0)
	want := `  0:00.000 get_ready a (routine.cue.get_ready)
  0:00.000 announce  a (exercise.a.name)
  0:02.000 count     a 3 (routine.cue.count.3)
  0:03.000 count     a 2 (routine.cue.count.2)
  0:04.000 count     a 1 (routine.cue.count.1)
  0:05.000 hold      a (routine.cue.hold)
  0:10.000 release   a (routine.cue.release)
  0:12.000 hold      a (routine.cue.hold)
  0:17.000 release   a (routine.cue.release)
  0:19.000 rest      b (routine.cue.rest)
  0:19.000 announce  b left (exercise.b.name)
  0:19.000 side      b left (routine.cue.left)
  0:20.000 count     b left 2 (routine.cue.count.2)
  0:21.000 count     b left 1 (routine.cue.count.1)
  0:22.000 hold      b left (routine.cue.stretch)
  0:29.000 count     b left 3 (routine.cue.count.3)
  0:30.000 count     b left 2 (routine.cue.count.2)
  0:31.000 count     b left 1 (routine.cue.count.1)
  0:32.000 release   b left (routine.cue.release)
  0:32.000 side      b right (routine.cue.right)
  0:33.000 count     b right 1 (routine.cue.count.1)
  0:34.000 hold      b right (routine.cue.stretch)
  0:41.000 count     b right 3 (routine.cue.count.3)
  0:42.000 count     b right 2 (routine.cue.count.2)
  0:43.000 count     b right 1 (routine.cue.count.1)
  0:44.000 release   b right (routine.cue.release)
  0:46.000 done      b (routine.cue.done)
`
	if got != want {
		t.Errorf("cues:\n%s\nwant:\n%s", got, want)
	}
}

func TestPlanNoRestNoLeadIn(t *testing.T) {
	// "seated" has one step of b; "ba" rests 4 s after b, then a. With rest 0
	// a step begins at its first hold and announces itself there.
	p := tinyPlan(t, "ba")
	if got, want := p.stepStart[1], p.stepEnd[0]; got != want {
		t.Errorf("stepStart[1] = %v; want the end of step 0, %v", got, want)
	}
	if seg := p.Segments[p.SegmentAt(p.stepStart[1])]; seg.Phase != PhaseRest || seg.Length != 4*time.Second {
		t.Errorf("lead-in of step 1 = %+v; want a 4s rest", seg)
	}
}

func TestNewPlanErrors(t *testing.T) {
	lib := tinyLibrary(t)
	ab, _ := lib.Routine("ab")
	tests := []struct {
		name string
		r    Routine
		opts PlanOptions
		want string
	}{
		{"unknown exercise", Routine{ID: "x", Steps: []Step{{Exercise: "zz", Dose: ab.Steps[0].Dose}}}, PlanOptions{}, `unknown exercise "zz"`},
		{"bad dose", Routine{ID: "x", Steps: []Step{{Exercise: "a", Dose: Dose{Hold: time.Hour, Reps: 1, Tempo: time.Second}}}}, PlanOptions{}, "hold"},
		{"negative get-ready", ab, PlanOptions{GetReady: -time.Second}, "get-ready"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewPlan(tt.r, lib, tt.opts)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v; want it to mention %q", err, tt.want)
			}
		})
	}
}

func TestNewPlanFilter(t *testing.T) {
	lib := tinyLibrary(t)
	ab, _ := lib.Routine("ab")
	// a is supine, b is seated.
	p, err := NewPlan(ab, lib, PlanOptions{Filter: FilterOptions{NoFloor: true}})
	if err != nil || len(p.Routine.Steps) != 1 || p.Routine.Steps[0].Exercise != "b" || len(p.Routine.Omitted) != 1 {
		t.Fatalf("NoFloor plan of ab = %+v, %v; want b alone, a omitted", p, err)
	}
	if _, err := NewPlan(Routine{ID: "only_a", Steps: ab.Steps[:1]}, lib, PlanOptions{Filter: FilterOptions{Pregnant: true}}); err == nil {
		t.Errorf("NewPlan with every step filtered out succeeded")
	}
}

func TestPlanCuesSortedAndInside(t *testing.T) {
	lib := realLibrary(t)
	for _, r := range lib.Routines() {
		p, err := NewPlan(r, lib, PlanOptions{})
		if err != nil {
			t.Fatal(err)
		}
		for i, c := range p.Cues {
			if c.Offset < 0 || c.Offset > p.Total || (i > 0 && c.Offset < p.Cues[i-1].Offset) {
				t.Errorf("%s: cue %d %+v out of order or outside 0..%v", r.ID, i, c, p.Total)
			}
		}
		if p.Total != r.Duration {
			t.Errorf("%s: plan total %v, Routine.Duration %v", r.ID, p.Total, r.Duration)
		}
	}
}
