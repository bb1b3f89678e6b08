package journal

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"time"
)

// Memory is a Store kept in memory: the twin of the browser's IndexedDB
// store and the fake for tests. The zero value is an empty store ready to
// use; it is safe for concurrent use. It stores deep copies, so callers may
// keep modifying what they pass in or get back.
type Memory struct {
	mu         sync.Mutex
	episodes   map[string]Episode
	sessions   map[string]Session
	activities map[string]Activity
	err        error
}

var _ Store = (*Memory)(nil)

// SetError makes every later call return err (wrap it in a *StorageError to
// simulate a full or unavailable storage) and change nothing, until
// SetError(nil).
func (m *Memory) SetError(err error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.err = err
}

// ready, called with m.mu held, initializes the maps and returns the error
// the call should fail with, if any.
func (m *Memory) ready(ctx context.Context) error {
	if m.episodes == nil {
		m.episodes = make(map[string]Episode)
		m.sessions = make(map[string]Session)
		m.activities = make(map[string]Activity)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return m.err
}

func (m *Memory) Episodes(ctx context.Context) ([]Episode, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.ready(ctx); err != nil {
		return nil, err
	}
	out := make([]Episode, 0, len(m.episodes))
	for _, e := range m.episodes {
		out = append(out, e.Clone())
	}
	SortEpisodes(out)
	return out, nil
}

func (m *Memory) Episode(ctx context.Context, id string) (Episode, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.ready(ctx); err != nil {
		return Episode{}, err
	}
	e, ok := m.episodes[id]
	if !ok {
		return Episode{}, fmt.Errorf("journal: episode %s: %w", id, ErrNotFound)
	}
	return e.Clone(), nil
}

func (m *Memory) PutEpisode(ctx context.Context, e Episode, base time.Time) error {
	if err := e.Validate(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.ready(ctx); err != nil {
		return err
	}
	old, ok := m.episodes[e.ID]
	if err := CheckBase("episode", e.ID, ok, old.Updated, base, e.Updated); err != nil {
		return err
	}
	m.episodes[e.ID] = e.Clone()
	return nil
}

func (m *Memory) DeleteEpisode(ctx context.Context, id string) (Episode, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.ready(ctx); err != nil {
		return Episode{}, err
	}
	e, ok := m.episodes[id]
	if !ok {
		return Episode{}, fmt.Errorf("journal: episode %s: %w", id, ErrNotFound)
	}
	delete(m.episodes, id)
	return e, nil
}

func (m *Memory) Sessions(ctx context.Context) ([]Session, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.ready(ctx); err != nil {
		return nil, err
	}
	out := make([]Session, 0, len(m.sessions))
	for _, s := range m.sessions {
		out = append(out, s.Clone())
	}
	SortSessions(out)
	return out, nil
}

func (m *Memory) PutSession(ctx context.Context, s Session, base time.Time) error {
	if err := s.Validate(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.ready(ctx); err != nil {
		return err
	}
	old, ok := m.sessions[s.ID]
	if err := CheckBase("session", s.ID, ok, old.Updated, base, s.Updated); err != nil {
		return err
	}
	m.sessions[s.ID] = s.Clone()
	return nil
}

func (m *Memory) Activities(ctx context.Context) ([]Activity, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.ready(ctx); err != nil {
		return nil, err
	}
	out := make([]Activity, 0, len(m.activities))
	for _, a := range m.activities {
		out = append(out, a.Clone())
	}
	SortActivities(out)
	return out, nil
}

func (m *Memory) PutActivity(ctx context.Context, a Activity, base time.Time) error {
	if err := a.Validate(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.ready(ctx); err != nil {
		return err
	}
	old, ok := m.activities[a.ID]
	if err := CheckBase("activity", a.ID, ok, old.Updated, base, a.Updated); err != nil {
		return err
	}
	if err := CheckActivityLimit(ok, len(m.activities)); err != nil {
		return err
	}
	m.activities[a.ID] = a.Clone()
	return nil
}

func (m *Memory) DeleteActivity(ctx context.Context, id string) (Activity, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.ready(ctx); err != nil {
		return Activity{}, err
	}
	a, ok := m.activities[id]
	if !ok {
		return Activity{}, fmt.Errorf("journal: activity %s: %w", id, ErrNotFound)
	}
	delete(m.activities, id)
	return a, nil
}

func (m *Memory) Apply(ctx context.Context, p Plan) error {
	if err := p.Validate(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.ready(ctx); err != nil {
		return err
	}
	// Check everything first, then write: all or nothing.
	for _, list := range []struct {
		add bool
		es  []Episode
	}{{true, p.AddEpisodes}, {false, p.UpdateEpisodes}} {
		for _, e := range list.es {
			old, ok := m.episodes[e.ID]
			if err := CheckImport("episode", e.ID, list.add, ok, old.Updated, e.Updated); err != nil {
				return err
			}
		}
	}
	for _, list := range []struct {
		add bool
		ss  []Session
	}{{true, p.AddSessions}, {false, p.UpdateSessions}} {
		for _, s := range list.ss {
			old, ok := m.sessions[s.ID]
			if err := CheckImport("session", s.ID, list.add, ok, old.Updated, s.Updated); err != nil {
				return err
			}
		}
	}
	for _, list := range []struct {
		add bool
		as  []Activity
	}{{true, p.AddActivities}, {false, p.UpdateActivities}} {
		for _, a := range list.as {
			old, ok := m.activities[a.ID]
			if err := CheckImport("activity", a.ID, list.add, ok, old.Updated, a.Updated); err != nil {
				return err
			}
		}
	}
	for _, list := range [][]Episode{p.AddEpisodes, p.UpdateEpisodes} {
		for _, e := range list {
			m.episodes[e.ID] = e.Clone()
		}
	}
	for _, list := range [][]Activity{p.AddActivities, p.UpdateActivities} {
		for _, a := range list {
			m.activities[a.ID] = a.Clone()
		}
	}
	for _, list := range [][]Session{p.AddSessions, p.UpdateSessions} {
		for _, s := range list {
			m.sessions[s.ID] = s.Clone()
		}
	}
	return nil
}

func (m *Memory) DeleteAll(ctx context.Context) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.ready(ctx); err != nil {
		return err
	}
	clear(m.episodes)
	clear(m.sessions)
	clear(m.activities)
	return nil
}

// Validate checks every record of a plan and that no id appears twice.
func (p Plan) Validate() error {
	seen := make(map[string]bool)
	for _, list := range [][]Episode{p.AddEpisodes, p.UpdateEpisodes} {
		for _, e := range list {
			if err := e.Validate(); err != nil {
				return fmt.Errorf("journal: import: episode %s: %w", e.ID, err)
			}
			if seen[e.ID] {
				return fmt.Errorf("journal: import: episode %s appears twice", e.ID)
			}
			seen[e.ID] = true
		}
	}
	clear(seen)
	for _, list := range [][]Session{p.AddSessions, p.UpdateSessions} {
		for _, s := range list {
			if err := s.Validate(); err != nil {
				return fmt.Errorf("journal: import: session %s: %w", s.ID, err)
			}
			if seen[s.ID] {
				return fmt.Errorf("journal: import: session %s appears twice", s.ID)
			}
			seen[s.ID] = true
		}
	}
	clear(seen)
	for _, list := range [][]Activity{p.AddActivities, p.UpdateActivities} {
		for _, a := range list {
			if err := a.Validate(); err != nil {
				return fmt.Errorf("journal: import: activity %s: %w", a.ID, err)
			}
			if seen[a.ID] {
				return fmt.Errorf("journal: import: activity %s appears twice", a.ID)
			}
			seen[a.ID] = true
		}
	}
	return nil
}

// SortEpisodes orders episodes newest Started first (then by id, so that the
// order is the same everywhere).
func SortEpisodes(es []Episode) {
	// sort.Slice, not slices.SortFunc: one shared sort in app.wasm rather
	// than a generic copy per element type.
	sort.Slice(es, func(i, j int) bool {
		if c := es[j].Started.Compare(es[i].Started); c != 0 {
			return c < 0
		}
		return es[i].ID < es[j].ID
	})
}

// SortSessions orders sessions newest Started first, then by id.
func SortSessions(ss []Session) {
	sort.Slice(ss, func(i, j int) bool {
		if c := ss[j].Started.Compare(ss[i].Started); c != 0 {
			return c < 0
		}
		return ss[i].ID < ss[j].ID
	})
}
