//go:build !wasm

package main

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"unknot/app/figure"
)

// The layout checks: on a 320 px phone at the largest text size, and at
// 390 px at the normal size, in light and dark, no element reaches past
// the screen's right edge, no navigation label is cut short, and every
// picture's foreground stands out from its background at 3:1 or more.

// layoutRoutes are the pages checked, with the picture-bearing player.
var layoutRoutes = []string{"/", "/triage", "/routines", "/routines/quick_relief", "/journal", "/journal/new", "/journal/summary", "/settings", "/about", "/clinic", "/no-such-page"}

// lookSpec is one way of looking at the app.
type lookSpec struct {
	width, height int
	textSize      string // the Settings value: normal, large, larger
	scheme        string // light or dark
}

func (v lookSpec) String() string {
	return fmt.Sprintf("%dx%d %s %s text", v.width, v.height, v.scheme, v.textSize)
}

// lookAt loads path in v: the window's size, the colour scheme the browser
// reports and the text size Settings would set.
func lookAt(t *testing.T, ctx context.Context, url, path string, v lookSpec) {
	t.Helper()
	runIn(t, ctx, "opening "+path+" at "+v.String(),
		chromedp.EmulateViewport(int64(v.width), int64(v.height)),
		emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: v.scheme}}),
		chromedp.Navigate(url+path), appReady(),
		chromedp.Evaluate(fmt.Sprintf(`document.documentElement.dataset.textSize = %q`, v.textSize), nil),
	)
	// Let the page lay out at the new size before it is measured.
	eventually(t, ctx, "the text size applied", fmt.Sprintf(
		`document.documentElement.dataset.textSize === %q && document.fonts.status === "loaded"`, v.textSize))
}

// overflowJS lists the elements whose right edge is past the window's,
// and the boxes whose own text spills out of them (a long word in a
// heading), outside any element that scrolls sideways on purpose.
const overflowJS = `(() => {
	const w = document.documentElement.clientWidth, out = [];
	for (const el of document.querySelectorAll("body *")) {
		const r = el.getBoundingClientRect();
		const spills = el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === "visible" &&
			[...el.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim() !== "");
		if (r.width === 0 || (r.right <= w + 1 && !spills)) continue;
		if (el.closest(".visually-hidden, .skip-link, [hidden]")) continue;
		let scroller = false;
		for (let p = el.parentElement; p; p = p.parentElement) {
			const o = getComputedStyle(p).overflowX;
			if (o === "auto" || o === "scroll" || o === "hidden") { scroller = true; break; }
		}
		if (scroller) continue;
		out.push(el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className && el.className.baseVal === undefined ? "." + String(el.className).trim().split(/\s+/).join(".") : "") +
			(spills ? " text " + el.scrollWidth + " wide in " + el.clientWidth : " right=" + Math.round(r.right) + " > " + w));
	}
	return out.slice(0, 8);
})()`

// clippedNavJS lists the navigation labels whose words do not fit: wider
// than their box, past their tab, or ending in an ellipsis.
const clippedNavJS = `(() => {
	const out = [];
	for (const label of document.querySelectorAll(".tabbar .tab-label")) {
		const tab = label.closest(".tab").getBoundingClientRect(), r = label.getBoundingClientRect();
		const cs = getComputedStyle(label);
		if (label.scrollWidth > label.clientWidth + 1 || r.left < tab.left - 1 || r.right > tab.right + 1 ||
			(cs.textOverflow === "ellipsis" && cs.overflow !== "visible")) {
			out.push(label.textContent + " (" + label.scrollWidth + " px of words in " + Math.round(tab.width) + " px)");
		}
	}
	return out;
})()`

// smallNavJS lists the navigation's tabs that are too small on a 320 px
// phone at the largest text size: a label under 11.5 px (six tabs made
// them 8.7 px there; five are 11.9 px here and 12.5 px on a phone, whose
// scrollbar takes no room), or a tab narrower than a thumb's 48 px.
// Labels as large as the body's text (21 px there) would need tabs of
// 125 px for French.
const smallNavJS = `(() => {
	const out = [];
	for (const tab of document.querySelectorAll(".tabbar .tab")) {
		const label = tab.querySelector(".tab-label"), size = parseFloat(getComputedStyle(label).fontSize), w = tab.getBoundingClientRect().width;
		if (size < 11.5 || w < 48) {
			out.push(label.textContent + " (" + size.toFixed(1) + " px words in a " + Math.round(w) + " px tab)");
		}
	}
	return out;
})()`

func TestBrowserLayoutFitsAndReads(t *testing.T) {
	s := startServer(t, "web", "")
	b := newBrowser(t)
	ctx := b.Tab()
	// A journal with an episode, so that the journal and the summary show
	// their lists and tables, not only their empty states.
	quickLog(t, ctx, s.URL, "6", "centre", "sitting_long")
	views := []lookSpec{
		{320, 640, "larger", "light"},
		{320, 640, "larger", "dark"},
		{390, 844, "normal", "light"},
		{390, 844, "normal", "dark"},
	}
	for _, v := range views {
		for _, path := range layoutRoutes {
			lookAt(t, ctx, s.URL, path, v)
			if sel, ok := loadedWhen[path]; ok {
				eventually(t, ctx, path+" with its data", `document.querySelector(`+strconv.Quote(sel)+`) !== null`)
			}
			var overflow, clipped []string
			runIn(t, ctx, "measuring "+path, chromedp.Evaluate(overflowJS, &overflow), chromedp.Evaluate(clippedNavJS, &clipped))
			if len(overflow) > 0 {
				t.Errorf("%s at %s: elements past the right edge: %s", path, v, strings.Join(overflow, "; "))
			}
			if len(clipped) > 0 {
				t.Errorf("%s at %s: navigation labels cut short: %s", path, v, strings.Join(clipped, "; "))
			}
			if path == "/" {
				// The install button, which Chromium offers here, sits beside
				// the name: on a row of its own it pushed the first screen
				// down by a button's height.
				eventually(t, ctx, "the install button", `document.querySelector(".install-slot .btn") !== null`)
				var sameRow bool
				runIn(t, ctx, "measuring the top bar", chromedp.Evaluate(`(() => {
					const b = document.querySelector(".install-slot .btn").getBoundingClientRect(), n = document.querySelector(".brand").getBoundingClientRect();
					const middle = (b.top + b.bottom) / 2;
					return middle > n.top && middle < n.bottom;
				})()`, &sameRow))
				if !sameRow {
					t.Errorf("/ at %s: the install button is on a row of its own, under the name", v)
				}
			}
			if v.width == 320 {
				var small []string
				runIn(t, ctx, "measuring the navigation on "+path, chromedp.Evaluate(smallNavJS, &small))
				if len(small) > 0 {
					t.Errorf("%s at %s: navigation too small to read or tap: %s", path, v, strings.Join(small, "; "))
				}
			}
			for _, c := range pictureContrasts(t, ctx) {
				if c.ratio < 3 {
					t.Errorf("%s at %s: picture %s: its foreground %s on %s is %.2f:1; want at least 3:1", path, v, c.src, c.fg, c.bg, c.ratio)
				}
			}
		}
	}
}

type pictureContrast struct {
	src    string
	fg, bg figure.RGB
	ratio  float64
}

// pictureContrasts photographs each picture in the page's main content as
// it is shown and measures its foreground against its background: the
// background is its commonest colour, the foreground the commonest colour
// clearly different from it (antialiased edges and faint props aside).
func pictureContrasts(t *testing.T, ctx context.Context) []pictureContrast {
	t.Helper()
	var srcs []string
	runIn(t, ctx, "finding pictures", chromedp.Evaluate(`[...document.querySelectorAll("main img")].filter(i => i.complete && i.naturalWidth > 0 && i.getBoundingClientRect().width > 40).map(i => i.getAttribute("src"))`, &srcs))
	var out []pictureContrast
	for _, src := range srcs {
		var shot []byte
		sel := fmt.Sprintf(`main img[src=%q]`, src)
		runIn(t, ctx, "photographing "+src, chromedp.ScrollIntoView(sel, chromedp.ByQuery), chromedp.Screenshot(sel, &shot, chromedp.ByQuery))
		img, err := png.Decode(bytes.NewReader(shot))
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		fg, bg := dominantColours(img)
		out = append(out, pictureContrast{src: src, fg: fg, bg: bg, ratio: figure.Contrast(fg, bg)})
	}
	return out
}

// dominantColours is an image's commonest colour (its background) and the
// commonest of those far from it in RGB (its foreground).
func dominantColours(img image.Image) (fg, bg figure.RGB) {
	counts := map[figure.RGB]int{}
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			counts[figure.RGB{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8)}]++
		}
	}
	most := 0
	for c, n := range counts {
		if n > most {
			bg, most = c, n
		}
	}
	most = 0
	for c, n := range counts {
		if colourDistance(c, bg) > 60 && n > most {
			fg, most = c, n
		}
	}
	return fg, bg
}

func colourDistance(a, b figure.RGB) int {
	d := func(x, y uint8) int {
		if x > y {
			return int(x - y)
		}
		return int(y - x)
	}
	return d(a.R, b.R) + d(a.G, b.G) + d(a.B, b.B)
}
