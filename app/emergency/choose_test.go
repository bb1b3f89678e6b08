package emergency

import (
	"errors"
	"testing"

	"unknot/app/internal/located"
)

// testNumbers and testZones are a small directory in the data's format.
const testNumbers = `{
  "about": "test", "default": "112", "default_source": "GSM",
  "numbers": [
    {"number": "999", "countries": ["GB"], "source": "UK"},
    {"number": "911", "countries": ["US", "CA"], "source": "NANP"},
    {"number": "112", "countries": ["FR", "DE", "ES"], "source": "EU"},
    {"number": "000", "countries": ["AU"], "source": "ACMA"}
  ],
  "unlisted": {"countries": ["AQ"], "why": "no single number"}
}`

const testZones = `{"about": "test", "source": "tz", "zones": {
  "Europe/London": "GB", "Europe/Belfast": "GB", "America/Toronto": "CA", "America/New_York": "US",
  "Europe/Paris": "FR", "Europe/Berlin": "DE", "Australia/Sydney": "AU", "Antarctica/Troll": "AQ"}}`

func testDirectory(t *testing.T) *Directory {
	t.Helper()
	d, err := Decode([]byte(testNumbers))
	if err != nil {
		t.Fatal(err)
	}
	if err := d.DecodeZones([]byte(testZones)); err != nil {
		t.Fatal(err)
	}
	return d
}

func TestChoose(t *testing.T) {
	d := testDirectory(t)
	tests := []struct {
		name string
		w    Where
		want Call
	}{
		{"en-US phone in London", Where{TimeZone: "Europe/London", Language: "US"}, Call{"999", "GB", true, FromTimeZone}},
		{"fr-CA phone in Toronto", Where{TimeZone: "America/Toronto", Language: "CA"}, Call{"911", "CA", true, FromTimeZone}},
		{"settings beat everything", Where{Setting: "AU", Clinic: "GB", TimeZone: "Europe/London", Language: "US"}, Call{"000", "AU", true, FromSettings}},
		{"clinic beats the time zone", Where{Clinic: "DE", TimeZone: "Europe/London", Language: "US"}, Call{"112", "DE", true, FromClinic}},
		{"UK is taken as GB", Where{Setting: "uk"}, Call{"999", "GB", true, FromSettings}},
		{"an old alias of a zone", Where{TimeZone: "Europe/Belfast"}, Call{"999", "GB", true, FromTimeZone}},
		{"UTC belongs to no country: the language decides", Where{TimeZone: "Etc/UTC", Language: "FR"}, Call{"112", "FR", true, FromLanguage}},
		{"an unknown setting is passed over", Where{Setting: "ZZ", TimeZone: "Europe/Paris"}, Call{"112", "FR", true, FromTimeZone}},
		{"a country without a number of its own", Where{TimeZone: "Antarctica/Troll", Language: "US"}, Call{"112", "AQ", false, FromTimeZone}},
		{"nothing known", Where{}, Call{"112", "", false, FromNothing}},
		{"only a language without a region", Where{Language: ""}, Call{"112", "", false, FromNothing}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := d.Choose(tt.w); got != tt.want {
				t.Errorf("Choose(%+v) = %+v; want %+v", tt.w, got, tt.want)
			}
		})
	}
}

func TestNilDirectory(t *testing.T) {
	var d *Directory
	if got := d.Choose(Where{Setting: "GB"}); got.Number != "112" || got.Known {
		t.Errorf("nil directory: %+v; want 112, not known", got)
	}
}

func TestDecodeRefuses(t *testing.T) {
	tests := []struct {
		name, numbers, zones, wantPath string
	}{
		{"a country twice", `{"default":"112","default_source":"x","numbers":[{"number":"999","countries":["GB"],"source":"a"},{"number":"112","countries":["GB"],"source":"b"}],"unlisted":{"countries":[],"why":""}}`, `{"zones":{}}`, "numbers[1].countries[0]"},
		{"listed and unlisted", `{"default":"112","default_source":"x","numbers":[{"number":"999","countries":["GB"],"source":"a"}],"unlisted":{"countries":["GB"],"why":""}}`, `{"zones":{}}`, "unlisted.countries[0]"},
		{"no source", `{"default":"112","default_source":"x","numbers":[{"number":"999","countries":["GB"],"source":""}],"unlisted":{"countries":[],"why":""}}`, `{"zones":{}}`, "numbers[0].source"},
		{"not a number", `{"default":"112","default_source":"x","numbers":[{"number":"99a","countries":["GB"],"source":"a"}],"unlisted":{"countries":[],"why":""}}`, `{"zones":{}}`, "numbers[0].number"},
		{"lower-case code", `{"default":"112","default_source":"x","numbers":[{"number":"999","countries":["gb"],"source":"a"}],"unlisted":{"countries":[],"why":""}}`, `{"zones":{}}`, "numbers[0].countries[0]"},
		{"zone of no listed country", testNumbers, `{"zones":{"Europe/Rome":"IT"}}`, "zones.Europe/Rome"},
		{"unknown field", `{"default":"112","default_source":"x","numbers":[],"unlisted":{"countries":[],"why":""},"extra":1}`, `{"zones":{}}`, ""},
		{"unknown zone field", testNumbers, `{"zones":{},"extra":1}`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Decode([]byte(tt.numbers))
			if err == nil {
				err = d.DecodeZones([]byte(tt.zones))
			}
			e, ok := errors.AsType[*located.Error](err)
			if !ok || e.Path != tt.wantPath {
				t.Errorf("Decode: %v; want an *Error at %q", err, tt.wantPath)
			}
		})
	}
}
