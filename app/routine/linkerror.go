package routine

import "fmt"

// LinkErrorCode says what is wrong with a link; the UI shows the words of
// its TextKey.
type LinkErrorCode string

// Link error codes.
const (
	LinkTooLong     LinkErrorCode = "too_long"
	LinkFormat      LinkErrorCode = "format" // not base64url, not JSON, missing field, trailing data
	LinkVersionCode LinkErrorCode = "version"
	LinkName        LinkErrorCode = "name"
	LinkSteps       LinkErrorCode = "steps"
	LinkExercise    LinkErrorCode = "exercise"
	LinkHold        LinkErrorCode = "hold"
	LinkReps        LinkErrorCode = "reps"
	LinkRest        LinkErrorCode = "rest"
	LinkSides       LinkErrorCode = "sides"
)

var linkErrorCodes = []LinkErrorCode{
	LinkTooLong, LinkFormat, LinkVersionCode, LinkName, LinkSteps,
	LinkExercise, LinkHold, LinkReps, LinkRest, LinkSides,
}

// TextKey is the key of the words shown for the error.
func (c LinkErrorCode) TextKey() string { return "routine.link.error." + string(c) }

// LinkError reports why a routine link cannot be played.
type LinkError struct {
	Code LinkErrorCode
	Path string // JSON path inside the link, e.g. "steps[2].hold"; may be empty
	Msg  string // plain English, for logs and tests
}

func (e *LinkError) Error() string {
	if e.Path == "" {
		return "routine link: " + e.Msg
	}
	return "routine link: " + e.Path + ": " + e.Msg
}

func linkErr(code LinkErrorCode, path, format string, args ...any) error {
	return &LinkError{Code: code, Path: path, Msg: fmt.Sprintf(format, args...)}
}
