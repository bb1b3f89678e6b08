//go:build !wasm

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"unknot/app/journal"
	"unknot/app/journal/journaltest"
)

// Browser journeys for importing a backup through the real file picker.

// pickBackup writes data to a file named name and chooses it in the
// import's file input, as a person does with the system's file dialog.
func pickBackup(t *testing.T, ctx context.Context, name string, data []byte) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	runIn(t, ctx, "choosing "+name, chromedp.SetUploadFiles("#journal-import-file", []string{path}, chromedp.ByQuery))
}

// TestBrowserJournalImportIsListedAtOnce: a backup with one new spasm and a
// newer version of one already here is imported on /journal, and both rows
// show within a second of tapping Import, without leaving the page.
func TestBrowserJournalImportIsListedAtOnce(t *testing.T) {
	t.Parallel()
	srv := startServer(t, "web", "")
	ctx := newBrowser(t).Tab()
	id := quickLog(t, ctx, srv.URL, "8", "left", "lifting")
	rows := journalRows(t, ctx, srv.URL)
	if len(rows) != 1 || !strings.Contains(rows[0], "worst pain 8") {
		t.Fatalf("rows before the import = %q; want one with worst pain 8", rows)
	}
	b, err := journal.DecodeBackup(bytes.NewReader(download(t, ctx, `[data-action="export-json"]`)))
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	updated := b.Episodes[0]
	updated.Pain = []journal.PainRating{{At: updated.Started, Score: 2}}
	updated.Updated = now
	added := journaltest.GenerateEpisodes(1, 11, now.AddDate(0, 0, -20))[0]
	var file bytes.Buffer
	if err := journal.EncodeBackup(&file, []journal.Episode{added, updated}, nil, now); err != nil {
		t.Fatal(err)
	}

	pickBackup(t, ctx, "unknot-journal.json", file.Bytes())
	eventually(t, ctx, "the preview", `document.querySelector('[data-import-preview="ready"]') !== null`)
	if p := text(t, ctx, "#import-preview-text"); !strings.Contains(p, "add 1 spasm and 0 stretch sessions, and update 1 spasm") {
		t.Errorf("preview = %q", p)
	}
	// Tap Import, then look for both rows every 50 ms for a second, in the
	// page itself.
	var listed bool
	runIn(t, ctx, "importing", chromedp.Evaluate(fmt.Sprintf(`new Promise(resolve => {
		document.querySelector('[data-action="import-confirm"]').click();
		const start = performance.now();
		const look = () => {
			const added = document.querySelector('[data-episode=%q]');
			const updated = document.querySelector('[data-episode=%q]');
			if (added && updated && updated.textContent.includes("worst pain 2")) return resolve(true);
			if (performance.now() - start > 1000) return resolve(false);
			setTimeout(look, 50);
		};
		look();
	})`, added.ID, id), &listed, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
	if !listed {
		t.Fatalf("a second after Import the list is %q; want the new row %s and %s with worst pain 2 (message %q)",
			text(t, ctx, ".journal-list"), added.ID, id, text(t, ctx, "#journal-import-message"))
	}
	if msg := text(t, ctx, "#journal-import-message"); msg != "Imported. Added: 1 spasm and 0 stretch sessions. Updated: 1 spasm and 0 stretch sessions." {
		t.Errorf("message beside the picker = %q", msg)
	}
}

// TestBrowserJournalBadBackupsAreExplained: for files a person might pick
// by mistake, or that were damaged, the message beside the picker is a
// plain sentence ending "Nothing was changed.", the technical detail is
// under "Details for support", and the journal is as it was.
func TestBrowserJournalBadBackupsAreExplained(t *testing.T) {
	t.Parallel()
	srv := startServer(t, "web", "")
	ctx := newBrowser(t).Tab()
	quickLog(t, ctx, srv.URL, "6", "centre", "lifting")
	before := journalRows(t, ctx, srv.URL)

	// The picker is a visible "Choose a backup file" that names the file
	// input, which keyboards still reach.
	var picker struct {
		Name      string `json:"name"`
		Focused   bool   `json:"focused"`
		LabelSeen bool   `json:"labelSeen"`
	}
	runIn(t, ctx, "looking at the picker", chromedp.Evaluate(`(() => {
		const input = document.getElementById("journal-import-file");
		const label = input.labels[0];
		input.focus();
		const r = label.getBoundingClientRect();
		return {name: label.innerText.trim(), focused: document.activeElement === input, labelSeen: r.width > 40 && r.height >= 40};
	})()`, &picker))
	if picker.Name != "Choose a backup file" || !picker.Focused || !picker.LabelSeen {
		t.Errorf("the picker: %+v; want a visible label Choose a backup file naming a focusable input", picker)
	}

	now := time.Now()
	eps := journaltest.GenerateEpisodes(5, 7, now.AddDate(0, -2, 0))
	var valid bytes.Buffer
	if err := journal.EncodeBackup(&valid, eps, nil, now); err != nil {
		t.Fatal(err)
	}
	head := func(version int, exported time.Time, episodes []journal.Episode) []byte {
		raw, err := json.Marshal(journal.Backup{Format: journal.BackupFormat, Version: version, Exported: exported,
			Episodes: episodes, Sessions: []journal.Session{}, Activities: []journal.Activity{}})
		if err != nil {
			t.Fatal(err)
		}
		return raw
	}
	pain11 := append([]journal.Episode(nil), eps...)
	pain11[3].Pain = []journal.PainRating{{At: eps[3].Started, Score: 11}}
	year3000 := bytes.ReplaceAll(valid.Bytes(), []byte(`"`+now.UTC().Format("2006")+`-`), []byte(`"3000-`))
	year3000 = bytes.ReplaceAll(year3000, []byte(`"`+now.AddDate(0, -2, 0).UTC().Format("2006")+`-`), []byte(`"3000-`))

	last := "" // the previous file's details, which the next one's replace
	notOurs := "This file is not an Unknot backup, and not a kind of file Unknot can read. Choose a file that Unknot saved (its name starts with “unknot-journal”). Nothing was changed."
	for _, tt := range []struct {
		name   string
		file   []byte
		says   string // the whole message, or its start when it ends in …
		detail string
	}{
		{"notes.txt", []byte("this is not a backup"), notOurs, "not valid JSON at line 1, column 1"},
		{"cut-short.json", valid.Bytes()[:valid.Len()/2],
			"This file is damaged: it stops in the middle. Save a new backup on the phone or computer it came from. Nothing was changed.", "found the end of the file"},
		{"photo.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), notOurs, "not valid JSON at line 1, column 1"},
		{"pain-11.json", head(journal.BackupVersion, now, pain11), "Spasm 4 has a pain score of 11; scores go from 0 to 10. Nothing was changed.", "episodes[3].pain[0].score: 11 is out of range 0 to 10"},
		{"year-3000.json", year3000, "This file has a date in the future (…", "exported: 3000-"},
		{"newer.json", head(journal.BackupVersion+1, now, eps),
			"This backup was made by a newer version of Unknot. Update the app (close it and open it again), then import the file again. Nothing was changed.",
			"this backup was made by a newer version of Unknot (file version"},
	} {
		pickBackup(t, ctx, tt.name, tt.file)
		eventually(t, ctx, tt.name+" refused", fmt.Sprintf(`(() => {
			const code = document.querySelector('[data-import-message="error"] details code');
			return code !== null && code.textContent !== %q;
		})()`, last))
		msg := text(t, ctx, `#journal-import-message > p`)
		if start, ok := strings.CutSuffix(tt.says, "…"); ok {
			if !strings.HasPrefix(msg, start) || !strings.HasSuffix(msg, "Nothing was changed.") {
				t.Errorf("%s: the message is %q; want %q… Nothing was changed.", tt.name, msg, start)
			}
		} else if msg != tt.says {
			t.Errorf("%s: the message is\n%q; want\n%q", tt.name, msg, tt.says)
		}
		if strings.ContainsAny(msg, "[{") || strings.Contains(msg, "JSON") {
			t.Errorf("%s: the message %q is written for programmers", tt.name, msg)
		}
		if s := text(t, ctx, "#journal-import-message details summary"); s != "Details for support" {
			t.Errorf("%s: the disclosure says %q; want Details for support", tt.name, s)
		}
		if d := text(t, ctx, "#journal-import-message details code"); !strings.Contains(d, tt.detail) {
			t.Errorf("%s: details for support %q; want …%s…", tt.name, d, tt.detail)
		}
		last = text(t, ctx, "#journal-import-message details code")
	}
	if after := journalRows(t, ctx, srv.URL); strings.Join(after, "\n") != strings.Join(before, "\n") {
		t.Errorf("after the refused files, rows =\n%s\nwant\n%s", strings.Join(after, "\n"), strings.Join(before, "\n"))
	}
}
