// Package browser is the only Go code in Unknot that touches JavaScript.
// Each service has a *_js.go implementation for the browser and a
// *_other.go in-memory twin with the same API, used by native tests and
// tools. Every JavaScript call that can throw is wrapped so that an
// exception becomes a Go error rather than a crash.
package browser
