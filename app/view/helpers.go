package view

import (
	"errors"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/content"
	"unknot/app/journal"
)

// Helpers shared by more than one page.

// storageErrorKey names the words for a failed journal write.
func storageErrorKey(err error) string {
	if se, ok := errors.AsType[*journal.StorageError](err); ok {
		switch se.Kind {
		case journal.StorageFull:
			return "storage.error.full"
		case journal.StorageUnavailable:
			return "storage.error.unavailable"
		}
	}
	return "storage.error.other"
}

// focusID moves keyboard and screen-reader focus to the element with id,
// after the next render.
func focusID(ctx app.Context, id string) {
	if !app.IsClient {
		return
	}
	ctx.Defer(func(app.Context) {
		if el := app.Window().GetElementByID(id); el.Truthy() {
			el.Call("focus")
		}
	})
}

// statusClass is the class of a save's status line.
func statusClass(isErr bool) string {
	if isErr {
		return "save-status save-status-error"
	}
	return "save-status"
}

// plural is the words of a counting key in the person's language: the key's
// CLDR plural category for n (<key>.one, <key>.other), with {n} and args
// filled in.
func (e *Env) plural(key string, n int, args ...string) string {
	return e.Text.Format(key+"."+content.PluralCategory(e.Lang, n), append([]string{"n", strconv.Itoa(n)}, args...)...)
}
