// Package journal is the private record of back spasm episodes, routine
// sessions and the activities of the Patient-Specific Functional Scale
// (activity.go): the types, their validation, a Store interface with an
// in-memory twin, statistics for the charts, the JSON backup and its
// import, and CSV export.
//
// Semantics the rest of the app relies on:
//
//   - Nothing here reads the clock. Every function that needs the present
//     takes it as a parameter (now), and every calendar computation takes a
//     *time.Location.
//   - Records are identified by a canonical lowercase UUID and carry Created
//     and Updated. Updated is the version: a Store writes a record only if the
//     caller names the version it started from (optimistic concurrency), so
//     two open tabs never overwrite each other's edits.
//   - Import never deletes. A backup is validated as a whole before anything
//     is written; records are merged by id and the newer Updated wins.
//   - Validation fails loudly with the path of the offending field
//     ("pain[0].score: 11 is out of range 0 to 10"); decoders reject rather
//     than guess: unknown fields, missing required fields and nulls are
//     errors.
//   - A refused backup says why for people as well as where for support: a
//     BackupError has a Reason from a closed set and the facts its sentence
//     needs (the record, counting from 1; the value; the allowed range)
//     beside its Path and Problem. A backup cannot come from the future:
//     Backup.CheckDates refuses dates more than a day after the device's
//     clock.
package journal
