package triage

// contract is the list of questions CLINICAL.md makes a public, stable
// contract. The data may add questions; it may not drop, regroup or reshape
// these. Each warning sign must also have a rule that fires on it alone (see
// checkContract).
var contract = []Question{
	// Emergency warning signs.
	{ID: "saddle_numbness", Group: GroupEmergency, Kind: KindYesNoUnsure},
	{ID: "bladder_change", Group: GroupEmergency, Kind: KindYesNoUnsure},
	{ID: "bowel_control", Group: GroupEmergency, Kind: KindYesNoUnsure},
	{ID: "sexual_numbness", Group: GroupEmergency, Kind: KindYesNoUnsure},
	{ID: "both_legs", Group: GroupEmergency, Kind: KindYesNoUnsure},
	{ID: "leg_weakness_worsening", Group: GroupEmergency, Kind: KindYesNoUnsure},
	{ID: "chest_pain", Group: GroupEmergency, Kind: KindYesNoUnsure},
	{ID: "faint_abdominal", Group: GroupEmergency, Kind: KindYesNoUnsure},
	{ID: "serious_accident", Group: GroupEmergency, Kind: KindYesNoUnsure},

	// Same-day warning signs.
	{ID: "fever", Group: GroupSameDay, Kind: KindYesNoUnsure},
	{ID: "infection_risk", Group: GroupSameDay, Kind: KindYesNoUnsure},
	{ID: "cancer_history", Group: GroupSameDay, Kind: KindYesNoUnsure},
	{ID: "weight_loss", Group: GroupSameDay, Kind: KindYesNoUnsure},
	{ID: "night_pain", Group: GroupSameDay, Kind: KindYesNoUnsure},
	{ID: "back_lump", Group: GroupSameDay, Kind: KindYesNoUnsure},
	{ID: "upper_back_pain", Group: GroupSameDay, Kind: KindYesNoUnsure},
	{ID: "fracture_risk", Group: GroupSameDay, Kind: KindYesNoUnsure},
	{ID: "leg_weakness_one", Group: GroupSameDay, Kind: KindYesNoUnsure},
	{ID: "pain_uncontrolled", Group: GroupSameDay, Kind: KindYesNoUnsure},
	{ID: "pregnancy_warning", Group: GroupSameDay, Kind: KindYesNoUnsure},

	// Context.
	{ID: "age_band", Group: GroupContext, Kind: KindChoice, Options: []string{"under_20", "20_to_49", "50_plus"}},
	{ID: "first_episode", Group: GroupContext, Kind: KindYesNo},
	{ID: "duration", Group: GroupContext, Kind: KindChoice, Options: []string{"under_2_days", "2_to_7_days", "1_to_6_weeks", "over_6_weeks"}},
	{ID: "course", Group: GroupContext, Kind: KindChoice, Options: []string{"better", "same", "worse"}},
	{ID: "daily_activities", Group: GroupContext, Kind: KindChoice, Options: []string{"normal", "limited", "unable"}},
	{ID: "sciatica", Group: GroupContext, Kind: KindYesNo},
	{ID: "inflammatory", Group: GroupContext, Kind: KindYesNo},
	{ID: "pregnant", Group: GroupContext, Kind: KindYesNo},
	{ID: "trigger", Group: GroupContext, Kind: KindChoice, Options: []string{"lifting", "twisting_bending", "sport", "sitting_long", "sleep", "minor_fall", "none_known"}},
	{ID: "pain_now", Group: GroupContext, Kind: KindScale, Min: 0, Max: 10},
}
