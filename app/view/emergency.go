package view

import "unknot/app/emergency"

// emergencyCall is the emergency number to show and why, chosen in the
// domain's order (emergency.Directory.Choose) from what this device knows.
func (e *Env) emergencyCall() emergency.Call {
	w := emergency.Where{Setting: e.Settings.Current.Country, TimeZone: e.Platform.TimeZone(), Language: e.Platform.Region()}
	if c := e.Clinic.Config; c != nil {
		w.Clinic = c.Country
	}
	return e.Catalog.Emergency().Choose(w)
}

// callLabel is the call button's words in two parts: "Call 999" and the
// country it is for, "(United Kingdom)", or, where the country has no
// listed number, "or your local emergency number".
func (e *Env) callLabel(c emergency.Call) (call, where string) {
	call = e.Text.Format("triage.call", "number", c.Number)
	if !c.Known {
		return call, e.T("triage.call.local")
	}
	return call, e.Text.Format("triage.call.country", "country", e.countryName(c.Country))
}

// countryName is a country's name in the person's language, or its code
// where the words have none.
func (e *Env) countryName(code string) string {
	if e.Text.Has("country." + code) {
		return e.T("country." + code)
	}
	return code
}
