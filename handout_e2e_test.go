//go:build !wasm

package main

import (
	"context"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"unknot/app/routine"
)

// TestBrowserHandoutPrintsOnOnePage: the patient's handout from /clinic,
// printed, is one sheet of A4 and one of Letter, for a five-step
// prescription and for the longest a link can hold.
func TestBrowserHandoutPrintsOnOnePage(t *testing.T) {
	s := startServer(t, "web", "")
	ctx := newBrowser(t).Tab()
	ids := []routine.ExerciseID{routine.CatCow, routine.KneeToChest, routine.GluteBridge, routine.LyingTwist, routine.Walking}
	for _, steps := range []int{5, routine.MaxSteps} {
		c := routine.Custom{Name: "Back care for Anna, weeks 1 and 2"}
		for i := range steps {
			id := ids[i%len(ids)]
			c.Steps = append(c.Steps, routine.CustomStep{Exercise: id, Hold: 20 * time.Second, Reps: 5, Sides: id == routine.KneeToChest, Rest: 15 * time.Second})
		}
		runIn(t, ctx, "opening /clinic", chromedp.Navigate(s.URL+"/clinic"), appReady())
		setClinicField(t, ctx, "#rx-link", s.URL+routine.EncodeLink(c))
		clickJS(t, ctx, "#rx-make")
		eventually(t, ctx, "the handout", `document.querySelectorAll(".handout-steps li").length === `+strconv.Itoa(steps))
		for _, paper := range []struct {
			name          string
			width, height float64 // inches
		}{{"A4", 8.27, 11.69}, {"Letter", 8.5, 11}} {
			var pdf []byte
			runIn(t, ctx, "printing on "+paper.name, chromedp.ActionFunc(func(ctx context.Context) error {
				var err error
				pdf, _, err = page.PrintToPDF().WithPaperWidth(paper.width).WithPaperHeight(paper.height).Do(ctx)
				return err
			}))
			if n := len(pdfPage.FindAll(pdf, -1)); n != 1 {
				t.Errorf("a %d-step handout prints on %d sheets of %s; want 1", steps, n, paper.name)
			}
		}
	}
}

// pdfPage matches a page object of a PDF (not the /Pages tree).
var pdfPage = regexp.MustCompile(`/Type\s*/Page[^s]`)
