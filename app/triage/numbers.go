package triage

import (
	"encoding/json"
	"fmt"
	"strings"
)

// EmergencyNumber returns the emergency phone number for an ISO 3166 country
// code such as "GB" or "us" ("UK" is accepted for GB). For a country the data
// does not know it returns the fallback (112) and known false, so the screen
// can add "or your local emergency number".
func (rs *RuleSet) EmergencyNumber(country string) (number string, known bool) {
	if rs == nil || rs.fallback == "" {
		return "112", false
	}
	if n, ok := rs.numbers[strings.ToUpper(strings.TrimSpace(country))]; ok {
		return n, true
	}
	return rs.fallback, false
}

func (rs *RuleSet) decodeNumbers(raw json.RawMessage) error {
	const path = "emergency_numbers"
	if len(raw) == 0 {
		return dataErr(path, "missing")
	}
	var nj numbersJSON
	if err := decodeStrict(path, raw, &nj); err != nil {
		return err
	}
	if !isPhoneNumber(nj.Default) {
		return dataErr(path+".default", "%q is not a phone number", nj.Default)
	}
	rs.fallback = nj.Default
	rs.numbers = make(map[string]string)
	for i, e := range nj.Countries {
		epath := fmt.Sprintf("%s.countries[%d]", path, i)
		if !isPhoneNumber(e.Number) {
			return dataErr(epath+".number", "%q is not a phone number", e.Number)
		}
		if len(e.Countries) == 0 {
			return dataErr(epath+".countries", "empty")
		}
		for j, cc := range e.Countries {
			cpath := fmt.Sprintf("%s.countries[%d]", epath, j)
			if len(cc) != 2 || cc != strings.ToUpper(cc) || strings.Trim(cc, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
				return dataErr(cpath, "%q is not a two-letter upper-case country code", cc)
			}
			if n, dup := rs.numbers[cc]; dup {
				return dataErr(cpath, "country %s already has number %s", cc, n)
			}
			rs.numbers[cc] = e.Number
		}
	}
	return nil
}

func isPhoneNumber(s string) bool {
	return len(s) >= 2 && len(s) <= 6 && strings.Trim(s, "0123456789") == ""
}
