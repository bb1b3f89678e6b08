// Package emergency chooses the emergency number to show a person, following
// CLINICAL.md ("What each tier shows"): the country chosen in Settings, then
// the clinic's configured country, then the device's time zone, then the
// region of the browser's language, else 112 with "or your local emergency
// number". A phone's language says little about where it is (an en-US phone
// in London must get 999), so the time zone comes before it.
//
// The numbers and the time zones are data (data/emergency_numbers.json and
// data/time_zones.json, decoded by Decode); the order is code, in Choose. It
// imports only the standard library.
package emergency
