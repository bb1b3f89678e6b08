package journal

import (
	"context"
	"errors"
	"time"
)

// Store keeps episodes and sessions. The browser implements it with
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
	// Apply writes an import plan in one transaction. It returns ErrConflict,
	// and writes nothing, when the stored records no longer match the plan:
	// an added id now exists, or an updated record is now as new as the
	// incoming one.
	Apply(ctx context.Context, p Plan) error
	// DeleteAll removes every episode and session.
	DeleteAll(ctx context.Context) error
}

var (
	// ErrNotFound: no record has that id.
	ErrNotFound = errors.New("journal: not found")
	// ErrConflict: the record changed since it was loaded (usually in
	// another tab); reload it and try again.
	ErrConflict = errors.New("journal: changed elsewhere since it was loaded")
)

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
