package view

import (
	"bytes"
	"context"
	"errors"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/journal"
)

// importInputID is the file input of the import; the browser reads the
// picked file by this id.
const importInputID = "journal-import-file"

// journalData is "Your data": save a backup or a spreadsheet (download or
// share sheet), import a backup after a preview, and delete everything
// after a second, explicit tap. An import's outcome is said beside its
// picker, every other in the status line. Its background work reports
// through its own context: the button tapped is often gone by then
// (STYLE.md, habit 11).
type journalData struct {
	app.Compo
	Env *Env
	// OnChange is called after an import or a delete changed the journal.
	OnChange func()

	ctx            app.Context
	status         string // words, already formatted
	statusErr      bool
	importMsg      string // words beside the picker
	importErr      bool
	importDetail   string // the technical problem, for support, with importErr
	busy           bool
	plan           *journal.Plan
	fileName       string
	fileEpisodes   int
	fileSessions   int
	fileActivities int
	confirmDelete  bool
}

// export kinds
const (
	exportBackup = "json"
	exportCSV    = "csv"
)

// OnPreRender keeps the context for a render outside the browser (native
// tests, where OnMount does not run).
func (d *journalData) OnPreRender(ctx app.Context) { d.ctx = ctx }
func (d *journalData) OnMount(ctx app.Context)     { d.ctx = ctx }

func (d *journalData) Render() app.UI {
	e := d.Env
	canShare := e.Files != nil && e.Files.CanShare("unknot-journal.json", "application/json")
	return app.Section().Class("journal-data no-print").Attr("aria-labelledby", "journal-data-title").Body(
		e.h2("journal-data-title", "journal.data.title"),
		e.para("", "journal.data.text"),
		app.If(e.Files != nil, func() app.UI {
			return app.Div().Class("actions").Body(
				app.Button().Type("button").Class("btn").Attr("data-action", "export-json").Disabled(d.busy).
					OnClick(func(app.Context, app.Event) { d.export(exportBackup, false) }).Text(e.T("journal.export.backup")),
				app.Button().Type("button").Class("btn btn-quiet").Attr("data-action", "export-csv").Disabled(d.busy).
					OnClick(func(app.Context, app.Event) { d.export(exportCSV, false) }).Text(e.T("journal.export.csv")),
				app.If(canShare, func() app.UI {
					return app.Button().Type("button").Class("btn btn-quiet").Attr("data-action", "share-json").Disabled(d.busy).
						OnClick(func(app.Context, app.Event) { d.export(exportBackup, true) }).Text(e.T("journal.export.share"))
				}),
			)
		}),
		app.If(e.Files != nil, func() app.UI { return d.renderImport() }),
		d.renderDelete(),
		app.P().ID("journal-data-status").Class(statusClass(d.statusErr)).Attr("role", "status").Attr("aria-live", "polite").Text(d.status),
	)
}

func (d *journalData) renderImport() app.UI {
	e := d.Env
	return app.Div().Class("field journal-import").Body(
		e.h3("journal.import.label"),
		e.paraID("hint", "journal-import-hint", "journal.import.hint"),
		// A button-like label around the file input, which stays in the
		// tab order and names itself by the label's words.
		app.Label().Class("btn btn-quiet file-pick").Body(
			app.Input().Type("file").ID(importInputID).Accept(".json,application/json").
				Attr("aria-describedby", "journal-import-hint journal-import-message").Disabled(d.busy).OnChange(d.onPick),
			app.Span().Text(e.T("import.choose")),
		),
		d.renderImportMessage(),
		app.If(d.plan != nil, func() app.UI { return d.renderPreview() }),
	)
}

// renderImportMessage is the import's outcome beside the picker; a refusal
// has its technical detail in a disclosure, for support. The live region is
// there before its words, so that they are announced.
func (d *journalData) renderImportMessage() app.UI {
	e := d.Env
	kind, class, words := "info", "import-message", "save-status"
	if d.importErr {
		kind, class, words = "error", "import-message notice notice-error", ""
	}
	return app.Div().ID("journal-import-message").Class(class).Attr("role", "status").Attr("aria-live", "polite").
		Attr("data-import-message", kind).Body(
		app.If(d.importMsg != "", func() app.UI { return app.P().Class(words).Text(d.importMsg) }),
		app.If(d.importDetail != "", func() app.UI {
			return app.Details().Class("import-details").Body(
				app.Summary().Text(e.T("import.details")),
				app.Code().Text(d.importDetail),
			)
		}),
	)
}

func (d *journalData) renderPreview() app.UI {
	e, p := d.Env, d.plan
	if p.Empty() {
		return app.Div().Class("notice import-preview").Attr("data-import-preview", "empty").Body(
			app.P().Text(e.Text.Format("journal.import.nothing", "file", d.fileName)),
			app.Button().Type("button").Class("btn btn-quiet").Attr("data-action", "import-cancel").OnClick(d.onCancelImport).Text(e.T("journal.import.close")),
		)
	}
	return app.Div().Class("notice import-preview").Attr("data-import-preview", "ready").Body(
		app.P().ID("import-preview-text").Text(e.importPreview(d.fileName, d.fileEpisodes, d.fileSessions, *p)),
		app.If(d.fileActivities > 0, func() app.UI { return e.activitiesImportPreview(d.fileActivities, p) }),
		e.para("hint", "journal.import.never_deletes"),
		app.Div().Class("actions").Body(
			app.Button().Type("button").Class("btn").Attr("data-action", "import-confirm").Disabled(d.busy).
				Attr("aria-describedby", "import-preview-text").OnClick(d.onConfirmImport).Text(e.T("journal.import.confirm")),
			app.Button().Type("button").Class("btn btn-quiet").Attr("data-action", "import-cancel").OnClick(d.onCancelImport).Text(e.T("journal.import.cancel")),
		),
	)
}

func (d *journalData) renderDelete() app.UI {
	e := d.Env
	if !d.confirmDelete {
		return app.Div().Class("actions journal-delete-all").Body(
			app.Button().Type("button").Class("btn btn-quiet").Attr("data-action", "delete-all").OnClick(d.onDeleteAll).Text(e.T("journal.delete_all.button")),
		)
	}
	return app.Div().Class("notice notice-error journal-delete-all").Attr("role", "alertdialog").Attr("aria-labelledby", "delete-all-warning").Body(
		app.P().ID("delete-all-warning").Text(e.T("journal.delete_all.warning")),
		app.Div().Class("actions").Body(
			app.Button().Type("button").Class("btn btn-danger").ID("delete-all-confirm").Attr("data-action", "delete-all-confirm").Disabled(d.busy).
				OnClick(d.onConfirmDeleteAll).Text(e.T("journal.delete_all.confirm")),
			app.Button().Type("button").Class("btn btn-quiet").Attr("data-action", "delete-all-cancel").OnClick(d.onCancelDelete).Text(e.T("journal.delete_all.cancel")),
		),
	)
}

func (d *journalData) say(words string, isErr bool) { d.status, d.statusErr = words, isErr }

// tell says an import's outcome beside the picker, with the technical
// detail of a refusal.
func (d *journalData) tell(words string, isErr bool, detail string) {
	d.importMsg, d.importErr, d.importDetail = words, isErr, detail
}

// export builds the backup or the CSV from every record and saves or
// shares it, without blocking the UI.
func (d *journalData) export(kind string, share bool) {
	d.busy = true
	d.say(d.Env.T("journal.export.working"), false)
	ctx := d.ctx
	ctx.Async(func() {
		words, err := d.makeExport(kind, share)
		ctx.Dispatch(func(app.Context) {
			d.busy = false
			d.say(words, err != nil)
		})
	})
}

// makeExport does the export and returns the words that report it. It
// only reads d.Env, so it may run on any goroutine.
func (d *journalData) makeExport(kind string, share bool) (string, error) {
	e, bg := d.Env, context.Background()
	now := e.now()
	eps, err := e.Journal.Episodes(bg)
	var sessions []journal.Session
	if err == nil && kind == exportBackup { // the CSV has episodes only
		sessions, err = e.Journal.Sessions(bg)
	}
	var activities []journal.Activity
	if err == nil {
		activities, err = e.Journal.Activities(bg)
	}
	var buf bytes.Buffer
	name, mime := "unknot-journal-"+now.In(time.Local).Format("2006-01-02"), "application/json"
	if err == nil {
		if kind == exportBackup {
			name += ".json"
			err = journal.EncodeBackup(&buf, eps, sessions, now, activities...)
		} else {
			name, mime = name+".csv", "text/csv"
			err = journal.WriteCSV(&buf, eps, time.Local)
			if err == nil && len(activities) > 0 {
				// The activities follow as a table of their own, after an
				// empty line (journal.ActivityCSVColumns).
				buf.WriteByte('\n')
				err = journal.WriteActivitiesCSV(&buf, activities, time.Local)
			}
		}
	}
	if err == nil {
		if share {
			err = e.Files.Share(name, mime, buf.Bytes(), e.T("journal.export.share_title"))
		} else {
			err = e.Files.Download(name, mime, buf.Bytes())
		}
	}
	if err != nil {
		return e.Text.Format("journal.export.failed", "problem", err.Error()), err
	}
	return e.plural("journal.export.done", len(eps), "file", name), nil
}

// importCheck is a picked file, read and checked, with its plan.
type importCheck struct {
	name               string
	episodes, sessions int
	activities         int
	plan               journal.Plan
	refused            string // words; empty when the file can be imported
	detail             string // the technical problem, for support
}

// onPick reads and checks the whole file, then plans the import; nothing
// is written until the person confirms.
func (d *journalData) onPick(app.Context, app.Event) {
	d.plan, d.busy = nil, true
	d.tell(d.Env.T("journal.import.reading"), false, "")
	ctx := d.ctx
	ctx.Async(func() {
		c := d.checkImport()
		ctx.Dispatch(func(app.Context) { d.showCheck(c) })
	})
}

// checkImport reads the picked file and plans its import; it only reads
// d.Env.
func (d *journalData) checkImport() importCheck {
	e, bg := d.Env, context.Background()
	name, data, err := e.Files.ReadPicked(importInputID, journal.MaxBackupBytes+1)
	if err != nil {
		return importCheck{refused: e.T("journal.import.unreadable"), detail: err.Error()}
	}
	b, err := journal.DecodeBackup(bytes.NewReader(data))
	if err == nil {
		err = b.CheckDates(e.now())
	}
	if be, ok := errors.AsType[*journal.BackupError](err); ok {
		return importCheck{refused: e.refusal(be) + " " + e.T("import.nothing_changed"), detail: be.Error()}
	}
	if err != nil {
		return importCheck{refused: e.T("journal.import.unreadable"), detail: err.Error()}
	}
	eps, err := e.Journal.Episodes(bg)
	var sessions []journal.Session
	if err == nil {
		sessions, err = e.Journal.Sessions(bg)
	}
	var activities []journal.Activity
	if err == nil {
		activities, err = e.Journal.Activities(bg)
	}
	if err != nil {
		return importCheck{refused: e.T(journalErrorKey(err)) + " " + e.T("journal.import.not_done"), detail: err.Error()}
	}
	return importCheck{name: name, episodes: len(b.Episodes), sessions: len(b.Sessions), activities: len(b.Activities),
		plan: journal.PlanImport(eps, sessions, b, activities...)}
}

func (d *journalData) showCheck(c importCheck) {
	d.busy = false
	if c.refused != "" {
		d.tell(c.refused, true, c.detail)
		return
	}
	d.tell("", false, "")
	d.plan, d.fileName = &c.plan, c.name
	d.fileEpisodes, d.fileSessions, d.fileActivities = c.episodes, c.sessions, c.activities
}

func (d *journalData) onConfirmImport(app.Context, app.Event) {
	plan := d.plan
	if plan == nil {
		return
	}
	d.busy = true
	ctx := d.ctx
	ctx.Async(func() {
		err := d.Env.Journal.Apply(context.Background(), *plan)
		ctx.Dispatch(func(app.Context) { d.showApplied(*plan, err) })
	})
}

func (d *journalData) showApplied(plan journal.Plan, err error) {
	e := d.Env
	d.busy, d.plan = false, nil
	switch {
	case errors.Is(err, journal.ErrConflict):
		d.tell(e.T("journal.import.conflict"), true, err.Error())
	case err != nil:
		d.tell(e.T(journalErrorKey(err))+" "+e.T("journal.import.not_done"), true, err.Error())
	default:
		d.tell(e.Text.Format("journal.import.done",
			"add", e.spasms(len(plan.AddEpisodes)), "update", e.spasms(len(plan.UpdateEpisodes)),
			"sadd", e.sessions(len(plan.AddSessions)), "supdate", e.sessions(len(plan.UpdateSessions)))+e.activitiesImported(plan), false, "")
		if d.OnChange != nil {
			d.OnChange()
		}
	}
}

func (d *journalData) onCancelImport(app.Context, app.Event) {
	d.plan = nil
	d.tell(d.Env.T("journal.import.cancelled"), false, "")
}

func (d *journalData) onDeleteAll(app.Context, app.Event) {
	d.confirmDelete = true
	focusID(d.ctx, "delete-all-confirm")
}

func (d *journalData) onCancelDelete(ctx app.Context, ev app.Event) {
	d.confirmDelete = false
	d.say(d.Env.T("journal.delete_all.kept"), false)
}

func (d *journalData) onConfirmDeleteAll(app.Context, app.Event) {
	d.busy = true
	ctx := d.ctx
	ctx.Async(func() {
		err := d.Env.Journal.DeleteAll(context.Background())
		ctx.Dispatch(func(app.Context) { d.showDeleted(err) })
	})
}

func (d *journalData) showDeleted(err error) {
	e := d.Env
	d.busy, d.confirmDelete = false, false
	if err != nil {
		d.say(e.T(journalErrorKey(err)), true)
		return
	}
	d.say(e.T("journal.delete_all.done"), false)
	if d.OnChange != nil {
		d.OnChange()
	}
}

// importPreview is what a file holds and what importing it changes, each
// count with its noun in the right plural ("1 spasm", "2 stretch sessions").
func (e *Env) importPreview(file string, episodes, sessions int, p journal.Plan) string {
	s := e.Text.Format("journal.import.preview", "file", file,
		"episodes", e.spasms(episodes), "sessions", e.sessions(sessions),
		"add", e.spasms(len(p.AddEpisodes)), "update", e.spasms(len(p.UpdateEpisodes)),
		"sadd", e.sessions(len(p.AddSessions)), "supdate", e.sessions(len(p.UpdateSessions)))
	if same := p.UnchangedEpisodes + p.OlderEpisodes + p.UnchangedSessions + p.OlderSessions; same > 0 {
		s += " " + e.plural("journal.import.same", same)
	}
	return s
}

// spasms is "1 spasm", "3 spasms".
func (e *Env) spasms(n int) string { return e.plural("journal.count.spasms", n) }

// sessions is "1 stretch session", "3 stretch sessions".
func (e *Env) sessions(n int) string { return e.plural("journal.count.sessions", n) }
