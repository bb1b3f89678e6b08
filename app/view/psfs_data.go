package view

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/journal"
)

// The activities in "Your data" (journal_data.go): what an import of a
// backup will do, and did, with them.

// activitiesImportPreview says what an import will do with the file's n
// activities.
func (e *Env) activitiesImportPreview(n int, p *journal.Plan) app.UI {
	return app.P().Attr("data-import-activities", n).Text(e.plural("psfs.import.preview", n,
		"add", num(len(p.AddActivities)), "update", num(len(p.UpdateActivities))))
}

// activitiesImported is what an import did with activities, as a sentence
// after the import's own ("" when it did nothing with them).
func (e *Env) activitiesImported(p journal.Plan) string {
	if len(p.AddActivities)+len(p.UpdateActivities) == 0 {
		return ""
	}
	return " " + e.Text.Format("psfs.import.done", "add", num(len(p.AddActivities)), "update", num(len(p.UpdateActivities)))
}
