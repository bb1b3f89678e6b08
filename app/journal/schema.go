package journal

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"time"
)

// The backup file's schema, read by decoder. Required fields are those
// without omitempty in the JSON tags of the types.

// maxList bounds lists inside a record while reading; Validate then applies
// the real limits with plainer messages.
const maxList = 10000

var utf8BOM = []byte("\xef\xbb\xbf")

func (d *decoder) backup() (*Backup, error) {
	d.pos = 0
	if bytes.HasPrefix(d.data, utf8BOM) {
		d.pos = len(utf8BOM)
	}
	b := &Backup{}
	have := map[string]int{} // key → position of its value
	count := map[string]int{}
	var unknown []string
	headErr := map[string]error{} // a "format" that is not a string, a "version" not a whole number
	if d.peek() != '{' && d.kind() != "" {
		// JSON, but not an object, is someone else's file; anything else
		// is not JSON.
		kind, start := d.kind(), d.pos
		if err := d.skip(0); err != nil {
			return nil, err
		}
		if d.ws(); d.pos < len(d.data) {
			return nil, d.syntax("the end of the file")
		}
		d.pos = start
		return nil, d.refuse(why{reason: ReasonNotUnknot}, "expected an object, found %s", kind)
	}
	err := d.object(segField, nil, func(key []byte) error {
		k := string(key)
		have[k] = d.pos
		defer func() { count[k] = d.skipped }()
		switch string(key) {
		case "format", "version":
			var err error
			if k == "format" {
				b.Format, err = d.str()
			} else {
				b.Version, err = d.int()
			}
			if be, ok := err.(*BackupError); ok && (be.Reason == ReasonDamaged || be.Reason == ReasonBadValue) {
				// Not a string or not a whole number: read on, and say
				// which after "format" says whose file this is.
				be.Reason = map[string]Reason{"format": ReasonNotUnknot, "version": ReasonBadVersion}[k]
				headErr[k] = be
				d.pos = have[k]
				return d.skip(0)
			}
			return err
		case "exported":
			var err error
			b.Exported, err = d.time()
			return err
		case "episodes", "sessions", "activities":
		default:
			// Reported after the version, which may explain it.
			unknown = append(unknown, k)
		}
		return d.skip(0)
	})
	if err != nil {
		return nil, err
	}
	if d.ws(); d.pos < len(d.data) {
		return nil, d.syntax("the end of the file")
	}
	const notOurs = "this is not an Unknot journal backup"
	at := func(key string) jsonPath { return jsonPath{fieldSeg(key)} }
	switch _, ok := have["format"]; {
	case headErr["format"] != nil:
		return nil, headErr["format"]
	case !ok:
		return nil, refusal(why{reason: ReasonNotUnknot}, at("format"), "is missing: "+notOurs)
	case b.Format != BackupFormat:
		return nil, refusal(why{reason: ReasonNotUnknot}, at("format"), fmt.Sprintf("%q is not %q: %s", b.Format, BackupFormat, notOurs))
	}
	switch _, ok := have["version"]; {
	case headErr["version"] != nil:
		return nil, headErr["version"]
	case !ok:
		return nil, refusal(why{reason: ReasonBadVersion}, at("version"), "is missing")
	case b.Version > BackupVersion:
		return nil, refusal(why{reason: ReasonNewerVersion, value: strconv.Itoa(b.Version), max: BackupVersion}, at("version"), fmt.Sprintf(
			"this backup was made by a newer version of Unknot (file version %d; this app reads up to version %d): update the app, then import it again",
			b.Version, BackupVersion))
	case b.Version < 1:
		return nil, refusal(why{reason: ReasonBadVersion}, at("version"), fmt.Sprintf("%d is not a valid version", b.Version))
	}
	if len(unknown) > 0 {
		return nil, refusal(why{reason: ReasonUnknownField, value: unknown[0]}, at(unknown[0]), "is not a known field")
	}
	_, hasActivities := have["activities"]
	if hasActivities && b.Version < activitiesVersion {
		return nil, refusal(why{reason: ReasonUnknownField, value: "activities"}, at("activities"), fmt.Sprintf("is not a known field in a version %d file", b.Version))
	}
	for _, key := range []string{"exported", "episodes", "sessions"} {
		if _, ok := have[key]; !ok {
			return nil, refusal(why{reason: ReasonMissing}, at(key), "is missing")
		}
	}
	if !hasActivities && b.Version >= activitiesVersion {
		return nil, refusal(why{reason: ReasonMissing}, at("activities"), "is missing")
	}
	c := &checker{}
	if c.time("exported", b.Exported); c.err != nil {
		return nil, c.refusal()
	}

	if n := count["episodes"]; n > MaxBackupEpisodes {
		return nil, tooManyRecords("episodes", n, MaxBackupEpisodes)
	}
	if n := count["sessions"]; n > MaxBackupSessions {
		return nil, tooManyRecords("sessions", n, MaxBackupSessions)
	}
	b.Episodes = make([]Episode, 0, min(count["episodes"], MaxBackupEpisodes))
	b.Sessions = make([]Session, 0, min(count["sessions"], MaxBackupSessions))
	d.pos = have["episodes"]
	d.path = append(d.path[:0], segment{kind: segField, key: "episodes"})
	err = d.array(MaxBackupEpisodes, func(i int) error {
		b.Episodes = append(b.Episodes, Episode{})
		return d.episode(&b.Episodes[i])
	})
	if err != nil {
		return nil, err
	}
	d.pos = have["sessions"]
	d.path = append(d.path[:0], segment{kind: segField, key: "sessions"})
	err = d.array(MaxBackupSessions, func(i int) error {
		b.Sessions = append(b.Sessions, Session{})
		return d.session(&b.Sessions[i])
	})
	if err != nil {
		return nil, err
	}
	b.Activities = []Activity{} // a version 1 file has none
	if hasActivities {
		if err := d.activities(b, have["activities"], count["activities"]); err != nil {
			return nil, err
		}
	}
	return b, nil
}

// activitiesVersion is the backup version that added "activities".
const activitiesVersion = 2

// activities reads the list of activities at pos, of n elements.
func (d *decoder) activities(b *Backup, pos, n int) error {
	if n > MaxBackupActivities {
		return tooManyRecords("activities", n, MaxBackupActivities)
	}
	b.Activities = make([]Activity, 0, n)
	d.pos = pos
	d.path = append(d.path[:0], segment{kind: segField, key: "activities"})
	return d.array(MaxBackupActivities, func(i int) error {
		b.Activities = append(b.Activities, Activity{})
		return d.activity(&b.Activities[i])
	})
}

var activityRequired = []string{"id", "name", "created", "updated"}

// activity reads one PSFS activity; never inlined, like episode.
//
//go:noinline
func (d *decoder) activity(a *Activity) error {
	return d.object(segField, activityRequired, func(key []byte) error {
		var err error
		switch string(key) {
		case "id":
			a.ID, err = d.str()
		case "name":
			a.Name, err = d.str()
		case "ratings":
			err = d.array(maxList, func(int) error {
				a.Ratings = append(a.Ratings, ActivityRating{})
				return d.activityRating(&a.Ratings[len(a.Ratings)-1])
			})
		case "created":
			a.Created, err = d.time()
		case "updated":
			a.Updated, err = d.time()
		default:
			return d.unknown()
		}
		return err
	})
}

var activityRatingRequired = []string{"at", "score"}

func (d *decoder) activityRating(r *ActivityRating) error {
	return d.object(segField, activityRatingRequired, func(key []byte) error {
		var err error
		switch string(key) {
		case "at":
			r.At, err = d.time()
		case "score":
			r.Score, err = d.int()
		default:
			return d.unknown()
		}
		return err
	})
}

// DecodeActivity is DecodeEpisode for a PSFS activity.
func DecodeActivity(data []byte) (Activity, error) {
	var a Activity
	err := decodeRecord(data, func(d *decoder) error { return d.activity(&a) })
	return a, err
}

var episodeRequired = []string{"id", "started", "created", "updated"}

// episode reads one episode. It is never inlined: each inlined copy would
// carry its own copy of the field closure, and app.wasm would grow by each.
//
//go:noinline
func (d *decoder) episode(e *Episode) error {
	return d.object(segField, episodeRequired, func(key []byte) error {
		var err error
		switch string(key) {
		case "id":
			e.ID, err = d.str()
		case "started":
			e.Started, err = d.time()
		case "ended":
			e.Ended, err = d.optionalTime()
		case "pain":
			list := d.pains.scratch[:0]
			err = d.array(maxList, func(int) error {
				list = append(list, PainRating{})
				return d.painRating(&list[len(list)-1])
			})
			d.pains.scratch, e.Pain = list, d.pains.keep(list)
		case "where":
			e.Where, err = d.str()
		case "spreads":
			e.Spreads, err = d.strings(maxList)
		case "triggers":
			e.Triggers, err = d.strings(maxList)
		case "trigger_note":
			e.TriggerNote, err = d.str()
		case "tried":
			list := d.trieds.scratch[:0]
			err = d.array(maxList, func(int) error {
				list = append(list, Tried{})
				return d.tried(&list[len(list)-1])
			})
			d.trieds.scratch, e.Tried = list, d.trieds.keep(list)
		case "medicines":
			e.Medicines, err = d.strings(maxList)
		case "triage":
			if !d.null() {
				e.Triage = &TriageRecord{}
				err = d.triage(e.Triage)
			}
		case "notes":
			e.Notes, err = d.str()
		case "created":
			e.Created, err = d.time()
		case "updated":
			e.Updated, err = d.time()
		default:
			return d.unknown()
		}
		return err
	})
}

func (d *decoder) optionalTime() (*time.Time, error) {
	if d.null() {
		return nil, nil
	}
	t, err := d.time()
	return &t, err
}

var painRequired = []string{"at", "score"}

func (d *decoder) painRating(p *PainRating) error {
	return d.object(segField, painRequired, func(key []byte) error {
		var err error
		switch string(key) {
		case "at":
			p.At, err = d.time()
		case "score":
			p.Score, err = d.int()
		default:
			return d.unknown()
		}
		return err
	})
}

var triedRequired = []string{"what", "effect"}

func (d *decoder) tried(t *Tried) error {
	return d.object(segField, triedRequired, func(key []byte) error {
		var err error
		switch string(key) {
		case "what":
			t.What, err = d.str()
		case "effect":
			t.Effect, err = d.str()
		default:
			return d.unknown()
		}
		return err
	})
}

var triageRequired = []string{"at", "rule_set_version", "disposition"}

func (d *decoder) triage(t *TriageRecord) error {
	return d.object(segField, triageRequired, func(key []byte) error {
		var err error
		switch string(key) {
		case "at":
			t.At, err = d.time()
		case "rule_set_version":
			t.RuleSetVersion, err = d.str()
		case "disposition":
			t.Disposition, err = d.str()
		case "answers":
			err = d.object(segMapKey, nil, func(q []byte) error {
				if len(t.Answers) >= maxList {
					return d.refuse(why{reason: ReasonTooMany, value: strconv.Itoa(maxList + 1), max: maxList}, "one answer too many")
				}
				v, err := d.str()
				if t.Answers == nil {
					t.Answers = make(map[string]string)
				}
				t.Answers[string(q)] = v
				return err
			})
		case "reasons":
			t.Reasons, err = d.strings(maxList)
		default:
			return d.unknown()
		}
		return err
	})
}

var sessionRequired = []string{
	"id", "routine_id", "routine_name", "started", "ended",
	"steps_done", "steps_total", "finished", "created", "updated",
}

// session reads one routine session; never inlined, like episode.
//
//go:noinline
func (d *decoder) session(s *Session) error {
	return d.object(segField, sessionRequired, func(key []byte) error {
		var err error
		switch string(key) {
		case "id":
			s.ID, err = d.str()
		case "routine_id":
			s.RoutineID, err = d.str()
		case "routine_name":
			s.RoutineName, err = d.str()
		case "started":
			s.Started, err = d.time()
		case "ended":
			s.Ended, err = d.time()
		case "steps_done":
			s.StepsDone, err = d.int()
		case "steps_total":
			s.StepsTotal, err = d.int()
		case "finished":
			s.Finished, err = d.bool()
		case "pain_before":
			s.PainBefore, err = d.optionalInt()
		case "pain_after":
			s.PainAfter, err = d.optionalInt()
		case "created":
			s.Created, err = d.time()
		case "updated":
			s.Updated, err = d.time()
		default:
			return d.unknown()
		}
		return err
	})
}

func (d *decoder) optionalInt() (*int, error) {
	if d.null() {
		return nil, nil
	}
	n, err := d.int()
	return &n, err
}

// DecodeEpisode reads one episode in the form a backup holds it (the form
// json.Marshal gives), as strictly as a backup is read, and several times
// faster in WebAssembly than encoding/json. The browser store reads with it
// each episode of a month it rewrites.
func DecodeEpisode(data []byte) (Episode, error) {
	var e Episode
	err := decodeRecord(data, func(d *decoder) error { return d.episode(&e) })
	return e, err
}

// AppendEpisodes reads a JSON list of episodes, each in the form
// DecodeEpisode reads, as strictly, and appends them to dst. On error it
// returns dst as it was. It keeps no reference to data, which the caller
// may reuse.
//
// The browser store keeps a month's episodes as one such list, because
// IndexedDB reads a few large records faster than many small ones, and
// reads every month into one slice sized beforehand. The list has no length limit: it is the store's
// own data, already in memory, not a file from outside.
func AppendEpisodes(dst []Episode, data []byte) ([]Episode, error) {
	es := dst
	err := decodeRecord(data, func(d *decoder) error {
		return d.array(math.MaxInt, func(int) error {
			es = append(es, Episode{})
			return d.episode(&es[len(es)-1])
		})
	})
	if err != nil {
		return dst, err
	}
	return es, nil
}

// DecodeSession is DecodeEpisode for a routine session.
func DecodeSession(data []byte) (Session, error) {
	var s Session
	err := decodeRecord(data, func(d *decoder) error { return d.session(&s) })
	return s, err
}

func decodeRecord(data []byte, read func(*decoder) error) error {
	d := &decoder{data: data}
	if err := read(d); err != nil {
		return err
	}
	if d.ws(); d.pos < len(d.data) {
		return d.syntax("the end of the record")
	}
	return nil
}
