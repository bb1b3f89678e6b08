package emergency

import (
	"maps"
	"slices"
)

// DirectoryData is a directory's content in exported fields, so that a
// directory Decode and DecodeZones accepted can be compiled into Go
// (data/gen_content.go) and rebuilt by FromData without decoding JSON: the
// browser starts that way.
type DirectoryData struct {
	Fallback string
	Numbers  map[string]string // country code -> number
	Unlisted []string          // countries without a number of their own, sorted
	Zones    map[string]string // IANA time zone -> country code
}

// Data returns the directory's content; FromData(d.Data()) is d again.
func (d *Directory) Data() DirectoryData {
	return DirectoryData{
		Fallback: d.fallback,
		Numbers:  maps.Clone(d.numbers),
		Unlisted: slices.Sorted(maps.Keys(d.unlisted)),
		Zones:    maps.Clone(d.zones),
	}
}

// FromData rebuilds a directory from the Data of one that Decode and
// DecodeZones returned. It does not repeat their checks, so d must come from
// there (the compiled table is compared with the JSON by a test); it keeps
// d's maps, which must not change afterwards.
func FromData(d DirectoryData) *Directory {
	dir := &Directory{fallback: d.Fallback, numbers: d.Numbers, unlisted: make(map[string]bool, len(d.Unlisted)), zones: d.Zones}
	for _, cc := range d.Unlisted {
		dir.unlisted[cc] = true
	}
	return dir
}
