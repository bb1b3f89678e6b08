package emergency

import (
	"fmt"
	"strings"

	"unknot/app/internal/located"
)

// Directory is the emergency numbers of every country and the country of
// every time zone.
type Directory struct {
	fallback string
	numbers  map[string]string // country code -> number
	unlisted map[string]bool   // countries without a number of their own
	zones    map[string]string // IANA time zone -> country code
}

// Number returns the emergency number for an ISO 3166-1 alpha-2 country code
// ("GB", "us"; "UK" is taken as GB). For a country without a listed number it
// returns the fallback (112) and known false, so the screen can add "or your
// local emergency number".
func (d *Directory) Number(country string) (number string, known bool) {
	if d == nil {
		return "112", false
	}
	if n, ok := d.numbers[normalCountry(country)]; ok {
		return n, true
	}
	return d.fallback, false
}

// ZoneCountry returns the country of an IANA time zone such as
// "Europe/London", or "" for a zone that belongs to no one country (UTC).
func (d *Directory) ZoneCountry(zone string) string {
	if d == nil {
		return ""
	}
	return d.zones[zone]
}

func normalCountry(c string) string {
	c = strings.ToUpper(strings.TrimSpace(c))
	if c == "UK" {
		return "GB"
	}
	return c
}

type (
	numbersJSON struct {
		About         string       `json:"about"`
		Default       string       `json:"default"`
		DefaultSource string       `json:"default_source"`
		Numbers       []numberJSON `json:"numbers"`
		Unlisted      struct {
			Countries []string `json:"countries"`
			Why       string   `json:"why"`
		} `json:"unlisted"`
	}
	numberJSON struct {
		Number    string   `json:"number"`
		Countries []string `json:"countries"`
		Source    string   `json:"source"`
	}
	zonesJSON struct {
		About  string            `json:"about"`
		Source string            `json:"source"`
		Zones  map[string]string `json:"zones"`
	}
)

// Decode reads the numbers table (data/emergency_numbers.json): every
// country is listed once, either with a number and its source or as
// unlisted, and every number is 2 to 6 digits. Errors are located.Error,
// with the path inside the file.
func Decode(numbers []byte) (*Directory, error) {
	var nj numbersJSON
	if err := located.Decode("", numbers, &nj); err != nil {
		return nil, err
	}
	if !isPhoneNumber(nj.Default) {
		return nil, located.Errorf("default", "%q is not a phone number", nj.Default)
	}
	if strings.TrimSpace(nj.DefaultSource) == "" {
		return nil, located.Errorf("default_source", "missing")
	}
	d := &Directory{fallback: nj.Default, numbers: map[string]string{}, unlisted: map[string]bool{}, zones: map[string]string{}}
	seen := map[string]string{}
	claim := func(path, cc string) error {
		if len(cc) != 2 || cc != strings.ToUpper(cc) || strings.Trim(cc, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
			return located.Errorf(path, "%q is not a two-letter upper-case country code", cc)
		}
		if prev, dup := seen[cc]; dup {
			return located.Errorf(path, "%s is listed already at %s", cc, prev)
		}
		seen[cc] = path
		return nil
	}
	for i, n := range nj.Numbers {
		path := fmt.Sprintf("numbers[%d]", i)
		if !isPhoneNumber(n.Number) {
			return nil, located.Errorf(path+".number", "%q is not a phone number", n.Number)
		}
		if strings.TrimSpace(n.Source) == "" {
			return nil, located.Errorf(path+".source", "missing")
		}
		if len(n.Countries) == 0 {
			return nil, located.Errorf(path+".countries", "empty")
		}
		for j, cc := range n.Countries {
			if err := claim(fmt.Sprintf("%s.countries[%d]", path, j), cc); err != nil {
				return nil, err
			}
			d.numbers[cc] = n.Number
		}
	}
	for j, cc := range nj.Unlisted.Countries {
		if err := claim(fmt.Sprintf("unlisted.countries[%d]", j), cc); err != nil {
			return nil, err
		}
		d.unlisted[cc] = true
	}
	return d, nil
}

// DecodeZones reads the time zone table (data/time_zones.json) into d:
// every zone names a country of the numbers table.
func (d *Directory) DecodeZones(zones []byte) error {
	var zj zonesJSON
	if err := located.Decode("", zones, &zj); err != nil {
		return err
	}
	for zone, cc := range zj.Zones {
		if !d.listed(cc) {
			return located.Errorf("zones."+zone, "%q is not a country of the numbers table", cc)
		}
		d.zones[zone] = cc
	}
	return nil
}

func isPhoneNumber(s string) bool {
	return len(s) >= 2 && len(s) <= 6 && strings.Trim(s, "0123456789") == ""
}
