//go:build !wasm

package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestBrowserJournalActivityRatedTwice: a person names an activity their
// back makes hard, rates it 3, later re-rates it 6; the chart shows both
// points, the summary for the doctor (printed) lists both scores, and after
// a reload it is all still there.
func TestBrowserJournalActivityRatedTwice(t *testing.T) {
	t.Parallel()
	srv := startServer(t, "web", "")
	ctx := newBrowser(t).Tab()
	words := texts(t)

	runIn(t, ctx, "opening the journal", chromedp.Navigate(srv.URL+"/journal"), appReady())
	eventually(t, ctx, "the activities' empty state", `document.querySelector("[data-activities-empty]") !== null`)
	runIn(t, ctx, "naming an activity", setField("#activity-name", "Putting on socks"),
		chromedp.Click(`[data-action="add-activity"]`, chromedp.ByQuery))
	eventually(t, ctx, "the 0 to 10 picker, open for it", `document.querySelector('[data-activity] [data-function="3"]') !== null`)
	if got := text(t, ctx, "[data-activity] .activity-name"); got != "Putting on socks" {
		t.Errorf("the activity is called %q; want the words typed", got)
	}
	runIn(t, ctx, "rating it 3", chromedp.Click(`[data-activity] [data-function="3"]`, chromedp.ByQuery))
	eventually(t, ctx, "one point on its chart", `document.querySelectorAll("[data-activity] circle[data-score]").length === 1`)
	if got, want := text(t, ctx, "#activities-status"), words.Format("psfs.rated", "name", "Putting on socks", "score", "3"); got != want {
		t.Errorf("status after rating = %q; want %q", got, want)
	}

	// Later: re-rated 6.
	runIn(t, ctx, "rating it again", chromedp.Click(`[data-action="rate-activity"]`, chromedp.ByQuery))
	eventually(t, ctx, "the picker", `document.querySelector('[data-activity] [data-function="6"]') !== null`)
	runIn(t, ctx, "rating it 6", chromedp.Click(`[data-activity] [data-function="6"]`, chromedp.ByQuery))
	eventually(t, ctx, "two points on its chart", `document.querySelectorAll("[data-activity] circle[data-score]").length === 2`)
	checkActivityChart := func(when string) {
		t.Helper()
		var chart struct {
			Scores []string  `json:"scores"`
			Labels []string  `json:"labels"`
			X      []float64 `json:"x"`
			Words  string    `json:"words"`
		}
		runIn(t, ctx, "reading the chart "+when, chromedp.Evaluate(`(() => {
			const a = document.querySelector("[data-activity]");
			const dots = [...a.querySelectorAll("circle[data-score]")];
			return {scores: dots.map(c => c.dataset.score), x: dots.map(c => +c.getAttribute("cx")),
				labels: [...a.querySelectorAll(".chart-point-label")].map(l => l.textContent),
				words: a.querySelector("[data-activity-change]").textContent};
		})()`, &chart))
		if strings.Join(chart.Scores, ",") != "3,6" || strings.Join(chart.Labels, ",") != "3,6" || len(chart.X) != 2 || chart.X[1] <= chart.X[0] {
			t.Errorf("%s: the chart's points %v labelled %v at x %v; want 3 then 6, left to right", when, chart.Scores, chart.Labels, chart.X)
		}
		for _, want := range []string{"The first was 3 out of 10", "the latest 6 out of 10", "That is 3 points better.", words.Format("psfs.change.real", "mdc", "3")} {
			if !strings.Contains(chart.Words, want) {
				t.Errorf("%s: the chart says %q; want …%s…", when, chart.Words, want)
			}
		}
	}
	checkActivityChart("after re-rating")
	// What the section shows is readable by everyone: axe finds nothing, with
	// the chart and with the picker open.
	axe, haveAxe := readAxe(t)
	if haveAxe {
		checkAxe(t, ctx, axe, "/journal with a rated activity")
		runIn(t, ctx, "opening the picker", chromedp.Click(`[data-action="rate-activity"]`, chromedp.ByQuery))
		eventually(t, ctx, "the picker", `document.querySelector('[data-activity] [data-function="6"]') !== null`)
		checkAxe(t, ctx, axe, "/journal rating an activity")
		runIn(t, ctx, "closing the picker", chromedp.Click(`[data-action="rate-cancel"]`, chromedp.ByQuery))
	}

	checkSummary := func(when string) {
		t.Helper()
		runIn(t, ctx, "opening the summary "+when, chromedp.Navigate(srv.URL+"/journal/summary"), appReady())
		eventually(t, ctx, "the activity in the summary", `document.querySelector(".summary-activities [data-activity]") !== null`)
		// As printed: the activities are on the page, not hidden by the print styles.
		var row struct {
			Name    string `json:"name"`
			First   string `json:"first"`
			Latest  string `json:"latest"`
			Printed bool   `json:"printed"`
		}
		runIn(t, ctx, "reading the summary as printed "+when,
			emulation.SetEmulatedMedia().WithMedia("print"),
			chromedp.Evaluate(`(() => {
				const tr = document.querySelector(".summary-activities [data-activity]");
				const cells = tr.querySelectorAll("td");
				return {name: tr.querySelector("th").textContent, first: cells[0].textContent, latest: cells[1].textContent,
					printed: tr.getClientRects().length > 0 && getComputedStyle(tr.closest("section")).display !== "none"};
			})()`, &row),
			emulation.SetEmulatedMedia().WithMedia(""))
		if row.Name != "Putting on socks" || !row.Printed ||
			!strings.HasPrefix(row.First, "3 out of 10 on ") || !strings.HasPrefix(row.Latest, "6 out of 10 on ") {
			t.Errorf("%s: the summary's row %+v; want Putting on socks, first 3, latest 6, printed", when, row)
		}
	}
	checkSummary("after rating")
	if haveAxe {
		checkAxe(t, ctx, axe, "/journal/summary with an activity")
	}

	runIn(t, ctx, "reloading", chromedp.Reload(), appReady())
	checkSummary("after a reload")
	runIn(t, ctx, "back to the journal", chromedp.Navigate(srv.URL+"/journal"), appReady())
	eventually(t, ctx, "both points after a reload", fmt.Sprintf(`document.querySelectorAll("[data-activity] circle[data-score]").length === %d`, 2))
	checkActivityChart("after a reload")
}
