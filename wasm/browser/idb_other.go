//go:build !(js && wasm)

package browser

import (
	"context"
	"time"

	"unknot/app/journal"
)

// Journal is the in-memory twin of the IndexedDB journal: a journal.Memory
// that announces its changes, like the browser's, to the other journals
// opened on the same Hub.
type Journal struct {
	journal.Memory
	changes *changeChannel
}

var _ journal.Store = (*Journal)(nil)

// OpenJournal returns an empty in-memory journal on a hub of its own.
func OpenJournal() *Journal { return (&Hub{}).OpenJournal() }

// Volatile reports whether nothing will be kept after the page closes: the
// twin is memory, but it stands for a journal that opened.
func (j *Journal) Volatile() bool { return false }

// OpenJournal returns an in-memory journal that hears, and is heard by,
// the hub's other journals (each with records of its own).
func (h *Hub) OpenJournal() *Journal { return &Journal{changes: h.join()} }

func (j *Journal) OnChange(f func(ids []string)) (cancel func()) { return j.changes.subscribe(f) }

// RecentEpisodes returns the newest limit episodes and the total count.
func (j *Journal) RecentEpisodes(ctx context.Context, limit int) ([]journal.Episode, int, error) {
	all, err := j.Memory.Episodes(ctx)
	if err != nil {
		return nil, 0, err
	}
	return all[:min(limit, len(all))], len(all), nil
}

// EpisodesSince returns the episodes that started at or after since.
func (j *Journal) EpisodesSince(ctx context.Context, since time.Time) ([]journal.Episode, error) {
	all, err := j.Memory.Episodes(ctx)
	if err != nil {
		return nil, err
	}
	n := 0
	for n < len(all) && !all[n].Started.Before(since) {
		n++
	}
	return all[:n], nil
}

func (j *Journal) PutEpisode(ctx context.Context, e journal.Episode, base time.Time) error {
	err := j.Memory.PutEpisode(ctx, e, base)
	if err == nil {
		j.changes.post([]string{e.ID})
	}
	return err
}

func (j *Journal) PutSession(ctx context.Context, s journal.Session, base time.Time) error {
	err := j.Memory.PutSession(ctx, s, base)
	if err == nil {
		j.changes.post([]string{s.ID})
	}
	return err
}

func (j *Journal) DeleteEpisode(ctx context.Context, id string) (journal.Episode, error) {
	e, err := j.Memory.DeleteEpisode(ctx, id)
	if err == nil {
		j.changes.post([]string{id})
	}
	return e, err
}

func (j *Journal) Apply(ctx context.Context, p journal.Plan) error {
	err := j.Memory.Apply(ctx, p)
	if err == nil {
		j.changes.post(nil)
	}
	return err
}

func (j *Journal) DeleteAll(ctx context.Context) error {
	err := j.Memory.DeleteAll(ctx)
	if err == nil {
		j.changes.post(nil)
	}
	return err
}

func (j *Journal) PutActivity(ctx context.Context, a journal.Activity, base time.Time) error {
	err := j.Memory.PutActivity(ctx, a, base)
	if err == nil {
		j.changes.post([]string{a.ID})
	}
	return err
}

func (j *Journal) DeleteActivity(ctx context.Context, id string) (journal.Activity, error) {
	a, err := j.Memory.DeleteActivity(ctx, id)
	if err == nil {
		j.changes.post([]string{id})
	}
	return a, err
}
