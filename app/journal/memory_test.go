package journal

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sync"
	"testing"
	"time"
)

func TestMemoryPutEpisodeConflicts(t *testing.T) {
	ctx := context.Background()
	stored := fullEpisode() // Updated: u0
	u0 := stored.Updated
	edit := func(updated time.Time) Episode {
		e := fullEpisode()
		e.Notes, e.Updated = "edited", updated
		return e
	}
	tests := []struct {
		name    string
		exists  bool
		put     Episode
		base    time.Time
		wantErr error // nil, ErrConflict, or a *FieldError (any)
		stored  string
	}{
		{"new episode, zero base", false, fullEpisode(), time.Time{}, nil, fullEpisode().Notes},
		{"new episode, base given: deleted in another tab", false, edit(u0.Add(time.Minute)), u0, ErrConflict, ""},
		{"edit of the loaded version", true, edit(u0.Add(time.Minute)), u0, nil, "edited"},
		{"another tab saved meanwhile", true, edit(u0.Add(time.Minute)), u0.Add(-time.Minute), ErrConflict, stored.Notes},
		{"zero base over an existing id", true, edit(u0.Add(time.Minute)), time.Time{}, ErrConflict, stored.Notes},
		{"same instant in another zone is the same version", true, edit(u0.Add(time.Minute)), u0.In(time.FixedZone("", 3600)), nil, "edited"},
		{"updated not later than base", true, edit(u0), u0, &FieldError{}, stored.Notes},
		{"invalid episode", true, func() Episode { e := edit(u0.Add(time.Minute)); e.Where = "x"; return e }(), u0, &FieldError{}, stored.Notes},
	}
	for _, tt := range tests {
		var m Memory
		if tt.exists {
			if err := m.PutEpisode(ctx, stored, time.Time{}); err != nil {
				t.Fatal(err)
			}
		}
		err := m.PutEpisode(ctx, tt.put, tt.base)
		switch want := tt.wantErr.(type) {
		case nil:
			if err != nil {
				t.Errorf("%s: got %v; want nil", tt.name, err)
			}
		case *FieldError:
			if !errors.As(err, &want) {
				t.Errorf("%s: got %v; want a *FieldError", tt.name, err)
			}
		default:
			if !errors.Is(err, want) {
				t.Errorf("%s: got %v; want %v", tt.name, err, want)
			}
		}
		got, err := m.Episode(ctx, id1)
		switch {
		case tt.stored == "" && !errors.Is(err, ErrNotFound):
			t.Errorf("%s: afterwards got %v, %v; want ErrNotFound", tt.name, got.Notes, err)
		case tt.stored != "" && got.Notes != tt.stored:
			t.Errorf("%s: afterwards notes = %q; want %q", tt.name, got.Notes, tt.stored)
		}
	}
}

func TestMemoryPutSessionConflicts(t *testing.T) {
	ctx := context.Background()
	var m Memory
	s := fullSession()
	if err := m.PutSession(ctx, s, time.Time{}); err != nil {
		t.Fatal(err)
	}
	s2 := s
	s2.Updated = s.Updated.Add(time.Minute)
	if err := m.PutSession(ctx, s2, time.Time{}); !errors.Is(err, ErrConflict) {
		t.Errorf("PutSession over an existing id with a zero base: got %v; want ErrConflict", err)
	}
	if err := m.PutSession(ctx, s2, s.Updated); err != nil {
		t.Errorf("PutSession with the right base: got %v; want nil", err)
	}
	if err := m.PutSession(ctx, s2, s.Updated); !errors.Is(err, ErrConflict) {
		t.Errorf("PutSession with a stale base: got %v; want ErrConflict", err)
	}
}

func TestMemoryDeleteAndUndo(t *testing.T) {
	ctx := context.Background()
	var m Memory
	e := fullEpisode()
	if err := m.PutEpisode(ctx, e, time.Time{}); err != nil {
		t.Fatal(err)
	}
	got, err := m.DeleteEpisode(ctx, e.ID)
	if err != nil || !reflect.DeepEqual(got, e) {
		t.Fatalf("DeleteEpisode = %v, %v; want the episode", got.ID, err)
	}
	if _, err := m.DeleteEpisode(ctx, e.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("second DeleteEpisode: got %v; want ErrNotFound", err)
	}
	if err := m.PutEpisode(ctx, got, time.Time{}); err != nil {
		t.Errorf("undo (PutEpisode with zero base): got %v; want nil", err)
	}
	if back, _ := m.Episode(ctx, e.ID); !reflect.DeepEqual(back, e) {
		t.Errorf("after undo got %+v; want %+v", back, e)
	}
}

func TestMemoryOrderAndCopies(t *testing.T) {
	ctx := context.Background()
	var m Memory
	a, b, c := fullEpisode(), minimalEpisode(), minimalEpisode()
	c.ID, c.Started = id3, b.Started // same start as b: ordered by id
	for _, e := range []Episode{b, a, c} {
		if err := m.PutEpisode(ctx, e, time.Time{}); err != nil {
			t.Fatal(err)
		}
	}
	got, _ := m.Episodes(ctx)
	var ids []string
	for _, e := range got {
		ids = append(ids, e.ID)
	}
	if want := []string{id1, id2, id3}; !reflect.DeepEqual(ids, want) {
		t.Errorf("Episodes order: got %v; want %v (newest first, then by id)", ids, want)
	}
	got[0].Pain[0].Score = 0
	again, _ := m.Episode(ctx, id1)
	if again.Pain[0].Score != 8 {
		t.Errorf("changing a returned episode changed the store")
	}
	s1, s2 := fullSession(), minimalSession()
	m.PutSession(ctx, s2, time.Time{})
	m.PutSession(ctx, s1, time.Time{})
	ss, _ := m.Sessions(ctx)
	if len(ss) != 2 || ss[0].ID != s1.ID {
		t.Errorf("Sessions: got %d, first %s; want 2, newest (%s) first", len(ss), ss[0].ID, s1.ID)
	}
	if err := m.DeleteAll(ctx); err != nil {
		t.Fatal(err)
	}
	es, _ := m.Episodes(ctx)
	ss, _ = m.Sessions(ctx)
	if len(es)+len(ss) != 0 {
		t.Errorf("after DeleteAll: %d episodes, %d sessions; want none", len(es), len(ss))
	}
}

func TestMemoryStorageErrorChangesNothing(t *testing.T) {
	ctx := context.Background()
	var m Memory
	m.PutEpisode(ctx, fullEpisode(), time.Time{})
	full := &StorageError{Kind: StorageFull, Op: "put episode", Err: errors.New("QuotaExceededError")}
	m.SetError(full)
	e := minimalEpisode()
	var se *StorageError
	if err := m.PutEpisode(ctx, e, time.Time{}); !errors.As(err, &se) || se.Kind != StorageFull {
		t.Errorf("PutEpisode with a full storage: got %v; want a StorageError of kind full", err)
	}
	if err := m.DeleteAll(ctx); !errors.As(err, &se) {
		t.Errorf("DeleteAll with a full storage: got %v; want a StorageError", err)
	}
	if got := full.Error(); got != "journal: put episode: storage is full: QuotaExceededError" {
		t.Errorf("StorageError.Error() = %q", got)
	}
	m.SetError(nil)
	es, _ := m.Episodes(ctx)
	if len(es) != 1 || es[0].ID != id1 {
		t.Errorf("after the failures: %d episodes; want only the one saved before", len(es))
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := m.Episodes(cctx); !errors.Is(err, context.Canceled) {
		t.Errorf("Episodes with a cancelled context: got %v; want context.Canceled", err)
	}
}

// Two tabs load the same version and save at once: exactly one wins.
func TestMemoryConcurrentEditors(t *testing.T) {
	ctx := context.Background()
	var m Memory
	base := fullEpisode()
	m.PutEpisode(ctx, base, time.Time{})
	const tabs = 8
	var wg sync.WaitGroup
	errs := make([]error, tabs)
	for i := range tabs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			e := base.Clone()
			e.Notes = fmt.Sprint("tab ", i)
			e.Updated = base.Updated.Add(time.Duration(i+1) * time.Second)
			errs[i] = m.PutEpisode(ctx, e, base.Updated)
			m.Episodes(ctx)
		}()
	}
	wg.Wait()
	wins := 0
	for _, err := range errs {
		switch {
		case err == nil:
			wins++
		case !errors.Is(err, ErrConflict):
			t.Errorf("got %v; want nil or ErrConflict", err)
		}
	}
	if wins != 1 {
		t.Errorf("%d tabs saved over the same version; want exactly 1", wins)
	}
}

func TestMemoryApply(t *testing.T) {
	ctx := context.Background()
	older := fullEpisode()
	newer := fullEpisode()
	newer.Notes, newer.Updated = "from the file", older.Updated.Add(time.Hour)
	add := minimalEpisode()

	tests := []struct {
		name    string
		plan    Plan
		wantErr bool
		notes   string // notes of id1 afterwards
		count   int    // episodes afterwards
	}{
		{"add and update", Plan{AddEpisodes: []Episode{add}, UpdateEpisodes: []Episode{newer}, AddSessions: []Session{fullSession()}}, false, "from the file", 2},
		{"empty plan", Plan{}, false, older.Notes, 1},
		{"add of an id that exists: nothing written", Plan{AddEpisodes: []Episode{add, older}}, true, older.Notes, 1},
		{"update that is not newer: nothing written", Plan{AddEpisodes: []Episode{add}, UpdateEpisodes: []Episode{older}}, true, older.Notes, 1},
		{"invalid record: nothing written", Plan{AddEpisodes: []Episode{{ID: "x"}}}, true, older.Notes, 1},
		{"same id twice", Plan{AddEpisodes: []Episode{add, add}}, true, older.Notes, 1},
	}
	for _, tt := range tests {
		var m Memory
		m.PutEpisode(ctx, older, time.Time{})
		err := m.Apply(ctx, tt.plan)
		if (err != nil) != tt.wantErr {
			t.Errorf("%s: got %v; want error %v", tt.name, err, tt.wantErr)
		}
		es, _ := m.Episodes(ctx)
		got, _ := m.Episode(ctx, id1)
		if len(es) != tt.count || got.Notes != tt.notes {
			t.Errorf("%s: afterwards %d episodes, notes %q; want %d, %q", tt.name, len(es), got.Notes, tt.count, tt.notes)
		}
	}
}
