package journal

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Store keeps episodes, sessions and activities. The browser implements it with
// IndexedDB; Memory is the in-memory twin and the test fake. Every method is
// all-or-nothing: on error nothing was changed.
type Store interface {
	// Episodes returns every episode, newest Started first.
	Episodes(ctx context.Context) ([]Episode, error)
	// Episode returns one episode, or ErrNotFound.
	Episode(ctx context.Context, id string) (Episode, error)
	// PutEpisode validates e and saves it. base is the Updated of the version
	// the editor loaded, or zero for a new episode; when the stored record's
	// Updated is not base (another tab saved or deleted it meanwhile) it
	// returns ErrConflict. e.Updated must be later than base.
	PutEpisode(ctx context.Context, e Episode, base time.Time) error
	// DeleteEpisode removes an episode and returns it, so that the caller can
	// offer undo (PutEpisode with a zero base puts it back).
	DeleteEpisode(ctx context.Context, id string) (Episode, error)
	// Sessions returns every session, newest Started first.
	Sessions(ctx context.Context) ([]Session, error)
	// PutSession is PutEpisode for sessions.
	PutSession(ctx context.Context, s Session, base time.Time) error
	// Activities returns every activity of the Patient-Specific Functional
	// Scale, oldest Created first (SortActivities).
	Activities(ctx context.Context) ([]Activity, error)
	// PutActivity is PutEpisode for activities. A new activity while
	// MaxActivities are kept returns ErrTooManyActivities.
	PutActivity(ctx context.Context, a Activity, base time.Time) error
	// DeleteActivity is DeleteEpisode for activities.
	DeleteActivity(ctx context.Context, id string) (Activity, error)
	// Apply writes an import plan in one transaction. It returns ErrConflict,
	// and writes nothing, when the stored records no longer match the plan:
	// an added id now exists, or an updated record is now as new as the
	// incoming one.
	Apply(ctx context.Context, p Plan) error
	// DeleteAll removes every episode, session and activity.
	DeleteAll(ctx context.Context) error
}

var (
	// ErrNotFound: no record has that id.
	ErrNotFound = errors.New("journal: not found")
	// ErrConflict: the record changed since it was loaded (usually in
	// another tab); reload it and try again.
	ErrConflict = errors.New("journal: changed elsewhere since it was loaded")
	// ErrTooManyActivities: MaxActivities are named already.
	ErrTooManyActivities = fmt.Errorf("journal: at most %d activities can be named", MaxActivities)
)

// CheckActivityLimit is the rule of Store.PutActivity on top of CheckBase,
// for every Store: a new activity (one that does not exist) is refused
// when stored activities are kept already.
func CheckActivityLimit(exists bool, stored int) error {
	if !exists && stored >= MaxActivities {
		return ErrTooManyActivities
	}
	return nil
}

// CheckBase is the optimistic concurrency rule of Store.PutEpisode and
// PutSession, for every Store: a write of record kind/id whose new version
// is updated may replace the stored version (present when exists, last
// updated at stored) only if that is still base, the version it was made
// from; base is zero for a new record.
func CheckBase(kind, id string, exists bool, stored, base, updated time.Time) error {
	switch {
	case !exists && !base.IsZero():
		return fmt.Errorf("journal: %s %s was deleted elsewhere: %w", kind, id, ErrConflict)
	case exists && (base.IsZero() || !stored.Equal(base)):
		return fmt.Errorf("journal: %s %s was changed elsewhere: %w", kind, id, ErrConflict)
	case exists && !updated.After(base):
		return &FieldError{Path: "updated", Problem: "must be later than the version it replaces"}
	}
	return nil
}

// CheckImport is the rule of Store.Apply for one record kind/id of an
// import plan, for every Store: a record to add must not exist yet, and one
// to update must still exist with an older version than its new one,
// updated (stored is when the stored version, present when exists, was
// last updated).
func CheckImport(kind, id string, add, exists bool, stored, updated time.Time) error {
	switch {
	case add && exists:
		return fmt.Errorf("journal: import: %s %s was added meanwhile: %w", kind, id, ErrConflict)
	case !add && (!exists || !stored.Before(updated)):
		return fmt.Errorf("journal: import: %s %s changed meanwhile: %w", kind, id, ErrConflict)
	}
	return nil
}

// Kinds of StorageError.
const (
	StorageFull        = "full"        // quota exceeded
	StorageUnavailable = "unavailable" // storage blocked, disabled or private mode
	StorageOther       = "other"
)

// StorageError is a failure of the storage underneath a Store, of a Kind the
// UI can explain ("storage is full: nothing already saved was touched").
type StorageError struct {
	Kind string // StorageFull, StorageUnavailable or StorageOther
	Op   string // what was being done, e.g. "put episode"
	Err  error  // the underlying error, may be nil
}

func (e *StorageError) Error() string {
	msg := "journal: " + e.Op + ": storage "
	switch e.Kind {
	case StorageFull:
		msg += "is full"
	case StorageUnavailable:
		msg += "is unavailable"
	default:
		msg += "failed"
	}
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

func (e *StorageError) Unwrap() error { return e.Err }
