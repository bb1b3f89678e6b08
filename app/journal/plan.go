package journal

import "time"

// Plan is what an import will do, for the preview ("will add 3 episodes and
// update 1") and for Store.Apply. Import never deletes, so a plan only adds
// and updates.
type Plan struct {
	AddEpisodes    []Episode // ids not on this device
	UpdateEpisodes []Episode // the file's copy is newer than this device's
	AddSessions    []Session
	UpdateSessions []Session
	// Activities of the Patient-Specific Functional Scale (backup version 2).
	AddActivities    []Activity
	UpdateActivities []Activity

	UnchangedEpisodes int // same id and same Updated: left alone
	OlderEpisodes     int // this device's copy is newer: left alone
	UnchangedSessions int
	OlderSessions     int

	UnchangedActivities int
	OlderActivities     int
}

// Empty reports whether applying p would change nothing.
func (p Plan) Empty() bool {
	return len(p.AddEpisodes)+len(p.UpdateEpisodes)+len(p.AddSessions)+len(p.UpdateSessions)+
		len(p.AddActivities)+len(p.UpdateActivities) == 0
}

// PlanImport merges a backup into the existing records by id: a record the
// device lacks is added, a record whose Updated in the file is later
// replaces the device's, and anything else is left alone. Nothing is ever
// deleted. Records keep the order of the file. b must come from
// DecodeBackup (valid, unique ids); if an id repeats anyway, the newest copy
// counts. The device's activities come last, as the backup's did in
// version 2.
func PlanImport(existingEpisodes []Episode, existingSessions []Session, b *Backup, existingActivities ...Activity) Plan {
	var p Plan
	if b == nil {
		return p
	}
	p.AddEpisodes, p.UpdateEpisodes, p.UnchangedEpisodes, p.OlderEpisodes =
		merge(existingEpisodes, b.Episodes, Episode.key)
	p.AddSessions, p.UpdateSessions, p.UnchangedSessions, p.OlderSessions =
		merge(existingSessions, b.Sessions, Session.key)
	p.AddActivities, p.UpdateActivities, p.UnchangedActivities, p.OlderActivities =
		merge(existingActivities, b.Activities, Activity.key)
	return p
}

// recordKey is what merging needs to know about a record.
type recordKey struct {
	id      string
	updated time.Time
}

func (e Episode) key() recordKey { return recordKey{e.ID, e.Updated} }
func (s Session) key() recordKey { return recordKey{s.ID, s.Updated} }

func merge[T any](existing, incoming []T, key func(T) recordKey) (add, update []T, unchanged, older int) {
	have := make(map[string]time.Time, len(existing))
	for _, r := range existing {
		k := key(r)
		have[k.id] = k.updated
	}
	// Keep the newest copy of each incoming id, at its first position.
	at := make(map[string]int, len(incoming))
	newest := make([]T, 0, len(incoming))
	for _, r := range incoming {
		k := key(r)
		if i, ok := at[k.id]; ok {
			if key(newest[i]).updated.Before(k.updated) {
				newest[i] = r
			}
			continue
		}
		at[k.id] = len(newest)
		newest = append(newest, r)
	}
	for _, r := range newest {
		k := key(r)
		old, ok := have[k.id]
		switch {
		case !ok:
			add = append(add, r)
		case old.Before(k.updated):
			update = append(update, r)
		case old.Equal(k.updated):
			unchanged++
		default:
			older++
		}
	}
	return add, update, unchanged, older
}
