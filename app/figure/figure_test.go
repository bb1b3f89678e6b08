package figure

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"unknot/app/internal/located"
)

const (
	posesFile = "../../data/figure/poses.json"
	cssFile   = "../../web/app.css"
	svgDir    = "../../web/exercises"
	maxSVG    = 12 << 10 // bytes
)

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func loadPoses(t *testing.T) Poses {
	t.Helper()
	p, err := Decode(readFile(t, posesFile))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestPosesCoverEveryExercise: the poses file draws exactly the exercises
// of data/exercises.json.
func TestPosesCoverEveryExercise(t *testing.T) {
	var catalog struct {
		Exercises []struct {
			ID string `json:"id"`
		} `json:"exercises"`
	}
	if err := json.Unmarshal(readFile(t, "../../data/exercises.json"), &catalog); err != nil {
		t.Fatal(err)
	}
	var want, got []string
	for _, x := range catalog.Exercises {
		want = append(want, x.ID)
	}
	for _, x := range loadPoses(t).Exercises {
		got = append(got, x.ID)
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("poses for %v; want %v", got, want)
	}
}

func TestEveryPoseWithinJointLimits(t *testing.T) {
	for _, ex := range loadPoses(t).Exercises {
		if len(ex.Keyframes) < 2 {
			t.Errorf("%s: %d keyframes; want at least 2", ex.ID, len(ex.Keyframes))
		}
		for j, k := range ex.Keyframes {
			for _, a := range k.angles() {
				r, ok := Limits[a.joint()]
				if !ok {
					t.Fatalf("%s keyframe %d: %s has no limits", ex.ID, j, a.path)
				}
				if a.value < r.Min || a.value > r.Max {
					t.Errorf("%s keyframe %d: %s = %g°, outside %g° to %g°", ex.ID, j, a.path, a.value, r.Min, r.Max)
				}
			}
		}
	}
}

// TestPosesRejected: Decode refuses what the model cannot draw believably,
// naming where.
func TestPosesRejected(t *testing.T) {
	good := `{"id": "x", "props": ["mat"], "highlight": ["near_leg"], "still": 1, "keyframes": [
		{"hold": 1, "move": 1, "contacts": ["shoulders", "pelvis", "heel_near"], "pitch": 90, "neck": -8, "hip": [45, 45], "knee": [117.5, 117.5], "ankle": [-16, -16]},
		{"hold": 1, "move": 1, "contacts": ["shoulders", "pelvis"], "pitch": 90, "neck": -8, "hip": [140, 45], "knee": [130, 117.5], "ankle": [-30, -16]}]}`
	if _, err := Decode([]byte(`{"exercises": [` + good + `]}`)); err != nil {
		t.Fatalf("the good exercise: %v", err)
	}
	for _, c := range []struct{ name, from, to, path string }{
		{"knee bent past its range", `"knee": [130, 117.5]`, `"knee": [170, 117.5]`, "keyframes[1].knee[0]"},
		{"one keyframe", `,
		{"hold": 1, "move": 1, "contacts": ["shoulders", "pelvis"], "pitch": 90, "neck": -8, "hip": [140, 45], "knee": [130, 117.5], "ankle": [-30, -16]}`, ``, "keyframes"},
		{"unknown field", `"still": 1`, `"still": 1, "colour": "red"`, ""},
		{"three numbers for a pair", `"hip": [140, 45]`, `"hip": [140, 45, 3]`, ""},
		{"highlight that does not move", `"highlight": ["near_leg"]`, `"highlight": ["far_leg"]`, "highlight[0]"},
		{"unknown part", `"highlight": ["near_leg"]`, `"highlight": ["tail"]`, "highlight[0]"},
		{"floating contact", `"contacts": ["shoulders", "pelvis"]`, `"contacts": ["shoulders", "pelvis", "hand_near"]`, "keyframes[1].contacts"},
		{"unknown prop", `"props": ["mat"]`, `"props": ["sofa"]`, "props[0]"},
		{"still keyframe missing", `"still": 1`, `"still": 2`, "still"},
		{"viewer under the floor", `"still": 1`, `"still": 1, "tilt": -10`, "tilt"},
		{"viewer overhead", `"still": 1`, `"still": 1, "tilt": 75`, "tilt"},
	} {
		t.Run(c.name, func(t *testing.T) {
			bad := strings.Replace(good, c.from, c.to, 1)
			if bad == good {
				t.Fatalf("the case changes nothing")
			}
			_, err := Decode([]byte(`{"exercises": [` + bad + `]}`))
			pe, ok := errors.AsType[*located.Error](err)
			if !ok {
				t.Fatalf("got %v; want a *located.Error", err)
			}
			if !strings.HasSuffix(pe.Path, c.path) {
				t.Errorf("error at %q; want it at …%s (%v)", pe.Path, c.path, err)
			}
		})
	}
}

// TestTiltShowsTheFloorFromAbove: seen from above, of two points at one
// height the nearer shows lower and in front; seen level, they show alike,
// and the mat is as deep as the figure's reach.
func TestTiltShowsTheFloorFromAbove(t *testing.T) {
	near, far := vec{0, 10, 20}, vec{0, 10, -20}
	level, above := Exercise{}, Exercise{Tilt: 30}
	if level.up(near) != level.up(far) || level.depth(near) <= level.depth(far) {
		t.Errorf("level: near shows at %g, far at %g; want alike, near in front", level.up(near), level.up(far))
	}
	if above.up(near) >= above.up(far) || above.depth(near) <= above.depth(far) {
		t.Errorf("from above: near shows at %g, far at %g; want near lower and in front", above.up(near), above.up(far))
	}
	mat := regexp.MustCompile(`<rect class="mat" [^>]*height="([0-9.]+)"`)
	var heights []string
	for _, tilt := range []float64{0, 30} {
		p := loadPoses(t).Exercises
		i := slices.IndexFunc(p, func(x Exercise) bool { return x.ID == "lying_twist" })
		ex := p[i]
		ex.Tilt = tilt
		m := mat.FindSubmatch(Render(ex, Palette{}, Palette{}))
		if m == nil {
			t.Fatalf("tilt %g: no mat drawn", tilt)
		}
		heights = append(heights, string(m[1]))
	}
	if heights[0] != "5" || heights[1] == "5" {
		t.Errorf("the mat is %s units deep level and %s from above; want 5 (its edge) and deeper", heights[0], heights[1])
	}
}

// TestSVGsAreGenerated: web/exercises/ holds exactly what go generate
// writes from the poses and the stylesheet.
func TestSVGsAreGenerated(t *testing.T) {
	files, err := Generate(readFile(t, posesFile), readFile(t, cssFile))
	if err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(svgDir)
	if err != nil {
		t.Fatal(err)
	}
	var onDisk []string
	for _, e := range entries {
		onDisk = append(onDisk, e.Name())
	}
	for name, want := range files {
		if got := readFile(t, filepath.Join(svgDir, name)); !bytes.Equal(got, want) {
			t.Errorf("web/exercises/%s differs from the generator's output: run go generate ./app/figure", name)
		}
	}
	if len(onDisk) != len(files) {
		t.Errorf("web/exercises/ holds %v; the generator writes %d files", onDisk, len(files))
	}
}

// TestSVGsValidAndSmall: each picture is well-formed XML, an <svg> that
// animates and stands still under reduced motion, draws in currentColor and
// never in a colour of its own, within maxSVG bytes.
func TestSVGsValidAndSmall(t *testing.T) {
	for _, ex := range loadPoses(t).Exercises {
		name := ex.ID + ".svg"
		b := readFile(t, filepath.Join(svgDir, name))
		if len(b) > maxSVG {
			t.Errorf("%s: %d bytes; want at most %d", name, len(b), maxSVG)
		}
		d := xml.NewDecoder(bytes.NewReader(b))
		var root string
		var animates int
		for {
			tok, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: not well-formed XML: %v", name, err)
			}
			if se, ok := tok.(xml.StartElement); ok {
				if root == "" {
					root = se.Name.Space + " " + se.Name.Local
				}
				if se.Name.Local == "animate" {
					animates++
				}
			}
		}
		if root != "http://www.w3.org/2000/svg svg" {
			t.Errorf("%s: root element %q; want an SVG <svg>", name, root)
		}
		if animates == 0 {
			t.Errorf("%s: nothing is animated", name)
		}
		s := string(b)
		for _, want := range []string{"currentColor", "prefers-reduced-motion:reduce", "prefers-color-scheme:dark"} {
			if !strings.Contains(s, want) {
				t.Errorf("%s: no %q", name, want)
			}
		}
		if m := regexp.MustCompile(`(fill|stroke|color)[:=]"?(#[0-9a-fA-F]{3,6}|black|white)`).FindString(s); m != "" {
			t.Errorf("%s: a colour set outside the theme's tokens: %s", name, m)
		}
	}
}

// TestFigureContrast: in both themes the figure, its far side and its
// highlighted parts stand out from the picture's background at 3:1 or more,
// and that background is the theme's surface, as the page around it.
func TestFigureContrast(t *testing.T) {
	light, dark, err := ThemeTokens(string(readFile(t, cssFile)))
	if err != nil {
		t.Fatal(err)
	}
	for _, ex := range loadPoses(t).Exercises {
		name := ex.ID + ".svg"
		themes := svgThemes(t, name, string(readFile(t, filepath.Join(svgDir, name))))
		for i, theme := range themes {
			label, tokens := "light", light
			if i == 1 {
				label, tokens = "dark", dark
			}
			if theme["bg"] != tokens["surface"] {
				t.Errorf("%s %s: background %s; want the theme's --surface %s", name, label, theme["bg"], tokens["surface"])
			}
			for _, fg := range []string{"fig", "far", "hi", "hif"} {
				if c := Contrast(theme[fg], theme["bg"]); c < 3 {
					t.Errorf("%s %s: --%s %s on %s is %.2f:1; want at least 3:1", name, label, fg, theme[fg], theme["bg"], c)
				}
			}
		}
	}
}

// svgThemes reads the custom properties a picture sets for its light and
// its dark theme.
func svgThemes(t *testing.T, name, s string) [2]map[string]RGB {
	t.Helper()
	blocks := regexp.MustCompile(`svg\{(--[^}]*)\}`).FindAllStringSubmatch(s, -1)
	if len(blocks) < 2 {
		t.Fatalf("%s: want a light and a dark set of colours, found %d", name, len(blocks))
	}
	var out [2]map[string]RGB
	for i := range out {
		out[i] = map[string]RGB{}
		for _, decl := range strings.Split(blocks[i][1], ";") {
			k, v, ok := strings.Cut(decl, ":")
			if !ok || !strings.HasPrefix(k, "--") {
				continue
			}
			c, err := ParseHex(v)
			if err != nil {
				t.Fatalf("%s: %s: %v", name, k, err)
			}
			out[i][k[2:]] = c
		}
	}
	return out
}
