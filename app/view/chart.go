package view

import (
	"fmt"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/journal"
)

// Charts are SVG drawn here from the journal's statistics. They use
// currentColor and CSS classes (web/journal.css) rather than colours, so
// they follow the theme, dark mode and print. The drawing is hidden from
// assistive technology; each figure's caption says the same in words.

// chart sizes, in SVG user units; the SVG scales to the page's width.
const (
	chartW     = 360
	chartH     = 180
	chartLeft  = 28 // room for the y axis labels
	chartRight = 8
	chartTop   = 12
	chartBase  = 150 // y of the x axis
)

// figure wraps a chart with its title and its text summary.
func (e *Env) figure(id, titleKey, svg, summary string) app.UI {
	return app.Figure().Class("chart").ID(id).Attr("aria-labelledby", id+"-title").Body(
		app.H3().ID(id+"-title").Class("chart-title").Text(e.T(titleKey)),
		app.If(svg != "", func() app.UI { return app.Raw(svg) }),
		app.FigCaption().Class("chart-summary").Text(summary),
	)
}

// svgOpen starts an SVG of the given height, hidden from screen readers.
func svgOpen(b *strings.Builder, h int) {
	fmt.Fprintf(b, `<svg class="chart-svg" viewBox="0 0 %d %d" width="100%%" preserveAspectRatio="xMidYMid meet" aria-hidden="true" focusable="false">`, chartW, h)
}

func svgText(b *strings.Builder, x, y float64, anchor, class, s string) {
	fmt.Fprintf(b, `<text x="%.1f" y="%.1f" text-anchor="%s" class="%s">%s</text>`, x, y, anchor, class, escapeHTML(s))
}

// painChart plots every pain rating from from to to on a 0–10 scale.
func (e *Env) painChart(points []journal.PainPoint, from, to time.Time) string {
	var b strings.Builder
	svgOpen(&b, chartH)
	plotW := float64(chartW - chartLeft - chartRight)
	y := func(score int) float64 {
		return chartBase - float64(score)*float64(chartBase-chartTop)/10
	}
	for _, s := range []int{0, 5, 10} {
		fmt.Fprintf(&b, `<line class="chart-rule" x1="%d" x2="%d" y1="%.1f" y2="%.1f"/>`, chartLeft, chartW-chartRight, y(s), y(s))
		svgText(&b, chartLeft-6, y(s)+4, "end", "chart-label", fmt.Sprint(s))
	}
	span := to.Sub(from)
	if span <= 0 {
		span = time.Hour
	}
	x := func(t time.Time) float64 {
		return chartLeft + plotW*float64(t.Sub(from))/float64(span)
	}
	if len(points) > 0 {
		b.WriteString(`<polyline class="chart-line" points="`)
		for _, p := range points {
			fmt.Fprintf(&b, "%.1f,%.1f ", x(p.At), y(p.Score))
		}
		b.WriteString(`"/>`)
		for _, p := range points {
			fmt.Fprintf(&b, `<circle class="chart-dot" cx="%.1f" cy="%.1f" r="3"/>`, x(p.At), y(p.Score))
		}
	}
	svgText(&b, chartLeft, chartBase+20, "start", "chart-label", e.shortDate(from))
	svgText(&b, chartW-chartRight, chartBase+20, "end", "chart-label", e.shortDate(to))
	b.WriteString(`</svg>`)
	return b.String()
}

// weekChart draws one bar per week, oldest first.
func (e *Env) weekChart(weeks []journal.Count) string {
	var b strings.Builder
	svgOpen(&b, chartH)
	top := 1
	for _, w := range weeks {
		top = max(top, w.Count)
	}
	plotW := float64(chartW - chartLeft - chartRight)
	slot := plotW / float64(max(1, len(weeks)))
	fmt.Fprintf(&b, `<line class="chart-axis" x1="%d" x2="%d" y1="%d" y2="%d"/>`, chartLeft, chartW-chartRight, chartBase, chartBase)
	svgText(&b, chartLeft-6, chartTop+4, "end", "chart-label", fmt.Sprint(top))
	svgText(&b, chartLeft-6, chartBase+4, "end", "chart-label", "0")
	for i, w := range weeks {
		h := float64(w.Count) * float64(chartBase-chartTop) / float64(top)
		x := chartLeft + slot*float64(i) + slot*0.15
		fmt.Fprintf(&b, `<rect class="chart-bar" x="%.1f" y="%.1f" width="%.1f" height="%.1f"/>`, x, chartBase-h, slot*0.7, h)
		if i%4 == 0 {
			svgText(&b, x, chartBase+20, "start", "chart-label", e.shortDate(w.Start))
		}
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// bar is one row of a horizontal bar chart: a label and a value from lo to
// hi (lo may be negative: the bar then grows left of zero).
type bar struct {
	Label string
	Value float64
}

// barChart draws labelled horizontal bars on a scale from lo to hi; no bars
// draw nothing, so that the figure's caption, which says there is nothing
// yet, sits under its title without an empty chart between them.
func barChart(bars []bar, lo, hi float64) string {
	if len(bars) == 0 {
		return ""
	}
	const row = 40
	var b strings.Builder
	h := row*len(bars) + 4
	svgOpen(&b, h)
	left, right := 4.0, float64(chartW-chartRight)
	scale := (right - left) / (hi - lo)
	zero := left + (0-lo)*scale
	for i, br := range bars {
		y := float64(i*row) + 2
		svgText(&b, left, y+14, "start", "chart-label", br.Label)
		if lo < 0 {
			// The zero line runs beside the bar only, never through the
			// label above it.
			fmt.Fprintf(&b, `<line class="chart-axis" x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f"/>`, zero, zero, y+17, y+37)
		}
		x0, x1 := zero, zero+br.Value*scale
		class := "chart-bar"
		if x1 < x0 {
			x0, x1 = x1, x0
			class = "chart-bar chart-bar-negative"
		}
		fmt.Fprintf(&b, `<rect class="%s" x="%.1f" y="%.1f" width="%.1f" height="14" rx="3"/>`, class, x0, y+20, max(x1-x0, 2))
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// triggerChart draws how many episodes named each trigger.
func (e *Env) triggerChart(tc []journal.TriggerCount) string {
	bars := make([]bar, len(tc))
	top := 1
	for i, t := range tc {
		bars[i] = bar{Label: fmt.Sprintf("%s (%d)", e.T("journal.trigger."+t.Trigger), t.Count), Value: float64(t.Count)}
		top = max(top, t.Count)
	}
	return barChart(bars, 0, float64(top))
}

// helpedChart draws each treatment's average effect, from "made it worse"
// (−1) to "helped a lot" (2).
func (e *Env) helpedChart(hs []journal.Helped) string {
	bars := make([]bar, len(hs))
	for i, h := range hs {
		bars[i] = bar{Label: e.Text.Format("journal.chart.helped.bar", "what", e.T("journal.tried."+h.What), "band", e.T(effectBand(h.Mean()))), Value: h.Mean()}
	}
	return barChart(bars, -1, 2)
}

// effectBand names an average effect in words.
func effectBand(mean float64) string {
	switch {
	case mean >= 1.5:
		return "journal.effect." + journal.EffectHelpedLot
	case mean >= 0.5:
		return "journal.effect." + journal.EffectHelpedLittle
	case mean > -0.5:
		return "journal.effect." + journal.EffectNoChange
	}
	return "journal.effect." + journal.EffectWorse
}
