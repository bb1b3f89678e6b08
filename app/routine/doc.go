// Package routine is the stretch routine domain: exercises and routines as
// data, the filters that make a routine safe for a person, the flattened
// timeline of a routine (Plan) and the Player state machine that walks it.
//
// # Content
//
// Exercises and routines are decoded from JSON (DecodeLibrary), strictly:
// unknown fields, unknown exercises and doses out of range are errors that
// name the file and the JSON path. Words are never stored here, only text
// keys, derived from the ids:
//
//	exercise.<id>.name, .purpose, .feel, .avoid
//	exercise.<id>.step.<n>     n = 1..len(StepKeys)
//	exercise.<id>.caution.<n>  n = 1..len(CautionKeys)
//	routine.<id>.name, routine.<id>.purpose
//	routine.cue.*, routine.side.*, routine.phase.*, routine.state.*,
//	routine.tag.*, routine.note.*, routine.link.error.*  (see TextKeys)
//
// # Timeline
//
// A Plan is a routine flattened into segments on one clock that starts at
// zero: a get-ready countdown, then for each step, per side (left then right
// when the dose is per side) and per repetition, a hold followed by a release
// (the relax time, Dose.Tempo). The rest after a step (Dose.Rest, ignored for
// the last step) is the lead-in of the next step: it belongs to that step, so
// "the start of an exercise" is the start of its get-ready or rest segment,
// where its name is announced. Every cue the plan will ever say is computed
// up front with its offset on that clock.
//
// # Player
//
// The Player never reads the clock: every method takes now. Elapsed plan time
// is derived as now minus an origin instant (start + paused time + jumps),
// never by counting ticks, so a tab throttled for minutes lands on the right
// segment at its next Advance. Advance returns, in plan order, every cue whose
// offset was reached since the previous Advance, each exactly once: cues are
// consumed by a cursor, so a jump of any length emits the same stream as one
// advance per second. A step counts as done when its last segment's end is
// reached by playing; a step jumped over by Skip is not done, and a step played
// twice after Back counts once.
//
// Controls that do not apply in the current state are ignored. Skip jumps to
// the start of the next exercise (from the last one, to the end). Back within
// BackGrace (2 s) of the start of an exercise goes to the start of the
// previous one; later, it restarts the current one. While paused, Skip and Back
// move the position and stay paused. Done is final: Stop ends early, reaching
// the end finishes.
//
// Status.State is one of "ready", "running", "paused", "rest" and "done";
// rest is the rest between exercises, while the get-ready countdown, holds and
// releases are "running".
//
// # Links
//
// A routine prescribed by a clinic travels as /routines/custom#r=<payload>,
// the payload being unpadded base64url of {"v":1,"name":…,"steps":[…]}. Version
// 1 rejects unknown fields: a later version that adds fields bumps "v", so an
// old app says "this link needs a newer Unknot" instead of silently dropping a
// dose it does not understand.
package routine
