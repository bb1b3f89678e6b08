// Package triage screens answers for back-pain warning signs and says how
// soon to get care. It implements ../shared/CLINICAL.md (beside the
// repository); the questions and rules are data (data/triage.json, decoded
// by DecodeRuleSet), the semantics below are code. It imports only the
// standard library and app/internal/located (the located error and strict
// decoder every domain package shares).
//
// # Evaluation
//
// Evaluate(answers) is a pure function of the rule set and the answers:
//
//  1. Each answer is checked against its question. An answer that is not one
//     of the question's options counts as unanswered; answers to unknown
//     questions are ignored. (DecodeAnswers rejects both for outside input.)
//  2. Every rule is tested. A rule fires when each of its conditions holds:
//     the question is answered and the answer is one of the condition's
//     values. An unanswered question makes no condition hold: missing is never
//     "no", and never "yes" either.
//  3. The disposition follows CLINICAL.md's "Finality": any emergency rule
//     that fired gives Emergency, whatever is missing. Otherwise an
//     unanswered emergency sign gives Incomplete (it could still be an
//     emergency). Otherwise an urgent rule that fired gives Urgent: nothing
//     left unanswered could raise it. Otherwise any unanswered warning sign
//     (groups emergency and same_day) gives Incomplete, and with none the
//     most urgent of SelfCare and the soon rules that fired.
//
// An Incomplete result carries AtLeast, the most urgent tier the rules that
// fired already reach (Urgent, Soon or SelfCare), so "fever yes, bladder
// question skipped" reads "at least urgent: answer the rest, it could be an
// emergency". Result.Final reports whether the check can end now (Emergency,
// or Urgent): the screens show the result at once instead of asking more.
// RuleSet.Required says which questions a check cannot finish without.
//
// Urgency, most urgent first: Emergency > Urgent > Incomplete > Soon >
// SelfCare. Each tier is the maximum over the rules that fired, so rule
// order never changes a result, and Reasons are sorted (tier, then question
// order, then rule id). Result.Missing lists unanswered warning signs in
// question order whatever the disposition; Result.Unsure lists warning signs
// answered "unsure".
//
// The clinical meaning of each rule lives in the data as its source. The
// decoder also holds the data to the CLINICAL.md contract: every contract
// question is present with its group, kind and options, and every warning
// sign has a rule reaching its group's tier on that sign alone with "yes" and
// "unsure" (emergency group: Emergency; same_day group: Urgent). A condition
// that accepts "yes" for a warning sign must accept "unsure" too.
//
// # Ambiguities in CLINICAL.md and how they are resolved
//
//   - A same-day sign is "yes" (or "unsure") and only same-day questions are
//     unanswered: Urgent, since nothing unanswered could raise it, and
//     Missing still lists the gaps. With an emergency sign unanswered it is
//     Incomplete at least Urgent: that gap could be an emergency.
//   - A soon rule fires but a warning sign is unanswered: Incomplete. No
//     reassurance (Soon or SelfCare) is ever given with a gap.
//   - "unsure" to a warning sign counts as "yes" (CLINICAL.md). It is encoded
//     in the rules' values, and the decoder refuses a warning-sign condition
//     with "yes" but not "unsure", so replacing "yes" by "unsure" can never
//     lower the result.
//   - An answer that is not an option (a typo, a value from a future
//     version, "" from a half-filled form) is treated as unanswered, never
//     as "no": for a warning sign this gives Incomplete, the conservative
//     outcome. DecodeAnswers rejects such input outright.
//   - Context yes/no questions (first_episode, sciatica, inflammatory,
//     pregnant) take only "yes" and "no"; "unsure" is not an option there.
//   - pregnancy_warning is a same-day warning sign and must be answered by
//     everyone (not pregnant: "no"); leaving it out gives Incomplete.
//   - Reasons lists every rule that fired, of every tier (a soon rule beside
//     an urgent one), so the screen can show all the answers that matter.
//   - trigger and pain_now are recorded but no rule uses them.
//
// # Text keys
//
// Every word the triage screens show comes from the locale files (keys
// prefixed "triage."), never from code. RuleSet.TextKeys lists them all.
// By convention:
//
//	triage.q.<id>               the question
//	triage.q.<id>.help          one line: what the question means
//	triage.q.<id>.reason        a short phrase naming what it is about, used
//	                            when listing why. For yes/no questions it is
//	                            lower case and follows "You said yes to:"
//	                            (triage.result.said_yes), "You were not sure
//	                            about:" (triage.result.unsure) or "Not
//	                            answered:" (triage.result.missing); for
//	                            choice and scale questions it is a label
//	                            shown as "{reason}: {answer}"
//	                            (triage.result.answer)
//	triage.q.<id>.min / .max    the two ends of a scale question
//	triage.opt.<id>.<value>     an option of a choice question
//	triage.answer.yes|no|unsure the answers of yes/no questions
//	triage.group.<group>.title / .intro
//	triage.tier.<disposition>.title / .body / .when
//	triage.worse.<tier>.title   heading of the worsening advice of a tier
//	                            ({number}: the emergency number)
//
// and keys named in the data: each self-care plan item's and each worsening
// item's text, and a rule's optional advice (pregnancy_warning: contact the
// midwife). The fixed screen words (title, intro, actions, result headings,
// call buttons with {number}, where to go for urgent care in the UK and
// elsewhere, the clinic's phone {clinic} {phone} and booking link, the
// routine caution, the re-check reminder) are listed in screenKeys.
package triage
