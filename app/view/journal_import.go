package view

import "unknot/app/journal"

// refusal says in plain words why a backup file was refused: its reason,
// about the record it names ("Spasm 4 has a pain score of 11; scores go
// from 0 to 10").
func (e *Env) refusal(be *journal.BackupError) string {
	entry := e.T("import.entry.file")
	if be.Record != "" {
		entry = e.Text.Format("import.entry."+be.Record, "n", num(be.Entry))
	}
	date := ""
	if !be.At.IsZero() {
		date = e.date(be.At)
	}
	return e.Text.Format("import.reason."+string(be.Reason),
		"entry", entry, "value", be.Value, "min", num(be.Min), "max", num(be.Max),
		"other", num(be.Other), "date", date)
}
