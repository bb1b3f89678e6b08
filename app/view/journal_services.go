package view

import (
	"context"
	"errors"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/journal"
)

// The journal pages' browser services. wasm/browser implements each in
// JavaScript and in memory; Env fields left nil are done without (no
// exports, no news from other tabs).

// JournalFiles saves the journal's exports and reads a backup the person
// picked.
type JournalFiles interface {
	// Download saves data as a file called name.
	Download(name, mime string, data []byte) error
	// CanShare reports whether a file like this can go to the share sheet.
	CanShare(name, mime string) bool
	// Share hands data to the share sheet and waits for the person.
	Share(name, mime string, data []byte, title string) error
	// ReadPicked reads at most limit bytes of the file chosen in the
	// <input type=file> with id inputID.
	ReadPicked(inputID string, limit int64) (name string, data []byte, err error)
}

// JournalFeed tells the journal pages about changes made in other tabs.
type JournalFeed interface {
	// OnChange calls f with the ids of the records another tab changed;
	// nil ids mean anything may have changed (delete all, import). f runs
	// on a browser callback: it must not block.
	OnChange(f func(ids []string)) (cancel func())
}

// recentStore is offered by stores that can read the newest episodes
// without reading them all (IndexedDB), so the list opens fast whatever the
// journal's size.
type recentStore interface {
	RecentEpisodes(ctx context.Context, limit int) ([]journal.Episode, int, error)
}

// recentEpisodes returns the newest limit episodes and how many there are.
func recentEpisodes(ctx context.Context, s journal.Store, limit int) ([]journal.Episode, int, error) {
	if r, ok := s.(recentStore); ok {
		return r.RecentEpisodes(ctx, limit)
	}
	all, err := s.Episodes(ctx)
	if err != nil {
		return nil, 0, err
	}
	return all[:min(limit, len(all))], len(all), nil
}

// sinceStore is offered by stores that can read the episodes of a period
// without reading them all.
type sinceStore interface {
	EpisodesSince(ctx context.Context, since time.Time) ([]journal.Episode, error)
}

// episodesSince returns the episodes that started at or after since,
// newest first.
func episodesSince(ctx context.Context, s journal.Store, since time.Time) ([]journal.Episode, error) {
	if r, ok := s.(sinceStore); ok {
		return r.EpisodesSince(ctx, since)
	}
	all, err := s.Episodes(ctx)
	if err != nil {
		return nil, err
	}
	n := 0
	for n < len(all) && !all[n].Started.Before(since) {
		n++
	}
	return all[:n], nil
}

// volatileStore is offered by stores that may have fallen back to memory
// because the browser's storage could not be opened.
type volatileStore interface{ Volatile() bool }

// journalVolatile reports whether nothing in the journal will be kept
// after the page closes. The store may wait for its database to open, so
// pages ask off the UI goroutine, while loading.
func (e *Env) journalVolatile() bool {
	if e.JournalVolatile {
		return true
	}
	v, ok := e.Journal.(volatileStore)
	return ok && v.Volatile()
}

// now is the time now, from the Env's clock.
func (e *Env) now() time.Time { return e.clock().Now() }

// watchJournal subscribes f to changes from other tabs, delivered on the
// UI goroutine; the returned cancel is safe to call when there is no feed.
func (e *Env) watchJournal(ctx app.Context, f func(ctx app.Context, ids []string)) (cancel func()) {
	if e.JournalFeed == nil {
		return func() {}
	}
	return e.JournalFeed.OnChange(func(ids []string) {
		ctx.Dispatch(func(ctx app.Context) { f(ctx, ids) })
	})
}

// journalErrorKey names the words for a failed journal call.
func journalErrorKey(err error) string {
	if errors.Is(err, journal.ErrConflict) {
		return "journal.conflict"
	}
	if errors.Is(err, journal.ErrNotFound) {
		return "journal.episode.gone"
	}
	return storageErrorKey(err)
}
