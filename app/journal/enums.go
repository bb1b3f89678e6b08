package journal

// Persisted enumerations. The values are a stable contract: saved records
// and backup files use them. Add values freely; never rename or remove one.

// Where the pain is.
const (
	WhereCentre = "centre"
	WhereLeft   = "left"
	WhereRight  = "right"
	WhereBoth   = "both"
)

// Wheres lists the values of Episode.Where, in display order.
var Wheres = []string{WhereCentre, WhereLeft, WhereRight, WhereBoth}

// Where the pain spreads to.
const (
	SpreadButtock   = "buttock"
	SpreadThigh     = "thigh"
	SpreadBelowKnee = "below_knee"
)

// SpreadAreas lists the values of Episode.Spreads, in display order.
var SpreadAreas = []string{SpreadButtock, SpreadThigh, SpreadBelowKnee}

// TriggerIDs lists the values of Episode.Triggers: the options of the triage
// question "trigger" in CLINICAL.md, in the same order.
var TriggerIDs = []string{
	"lifting",
	"twisting_bending",
	"sport",
	"sitting_long",
	"sleep",
	"minor_fall",
	"none_known",
}

// Treatments lists the values of Tried.What, in display order.
var Treatments = []string{
	"heat",
	"ice",
	"pressure",
	"stretching",
	"walking",
	"rest",
	"pain_relief",
	"muscle_relaxant",
	"other",
}

// How well something worked.
const (
	EffectWorse        = "worse"
	EffectNoChange     = "no_change"
	EffectHelpedLittle = "helped_little"
	EffectHelpedLot    = "helped_lot"
)

// Effects lists the values of Tried.Effect, from worst to best.
var Effects = []string{EffectWorse, EffectNoChange, EffectHelpedLittle, EffectHelpedLot}

// effectScore is the score an effect adds to its treatment in WhatHelped.
var effectScore = map[string]int{
	EffectWorse:        -1,
	EffectNoChange:     0,
	EffectHelpedLittle: 1,
	EffectHelpedLot:    2,
}

// Dispositions lists the values of TriageRecord.Disposition (CLINICAL.md),
// most urgent first.
var Dispositions = []string{"emergency", "urgent", "soon", "selfcare", "incomplete"}

// Limits on what a record may hold. Text limits count runes (characters),
// not bytes.
const (
	MaxNoteRunes        = 4000 // Episode.Notes
	MaxTriggerNoteRunes = 500  // Episode.TriggerNote
	MaxMedicineRunes    = 60   // one name in Episode.Medicines
	MaxMedicines        = 20   // names in Episode.Medicines
	MaxPainRatings      = 200  // ratings in Episode.Pain
	MaxAnswers          = 100  // entries in TriageRecord.Answers
	MaxAnswerKeyRunes   = 64   // a question id in TriageRecord.Answers
	MaxAnswerValueRunes = 64   // an answer in TriageRecord.Answers
	MaxReasons          = 50   // entries in TriageRecord.Reasons
	MaxReasonRunes      = 300  // one entry in TriageRecord.Reasons
	MaxRuleSetRunes     = 64   // TriageRecord.RuleSetVersion
	MaxRoutineIDRunes   = 64   // Session.RoutineID
	MaxRoutineNameRunes = 120  // Session.RoutineName
	MaxSteps            = 1000 // Session.StepsTotal
	MinPain, MaxPain    = 0, 10
	MaxBackupBytes      = 20 << 20 // a backup file
	MaxBackupEpisodes   = 50000    // episodes in a backup file
	MaxBackupSessions   = 200000   // sessions in a backup file
	BackupFormat        = "unknot-journal"
	BackupVersion       = 2  // the newest version this code reads and the one it writes
	maxFutureSkew       = 24 // hours a date may be after the file's "exported"
	earliestYear        = 1990
	latestYear          = 9999 // RFC 3339 cannot write later years
)
