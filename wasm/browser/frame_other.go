//go:build !(js && wasm)

package browser

import "sync"

// Frame is the in-memory twin of the JavaScript Frame, for native tests.
type Frame struct {
	mu sync.Mutex

	// Address parts reported by Query, Fragment and Origin.
	QueryString, FragmentString, OriginString string
	// Accent is what SetAccent last set; Reporting is set by ReportHeight.
	Accent    string
	Reporting bool
	// Remembered is what RememberFragment kept (the tab's sessionStorage).
	Remembered string
}

// NewFrame returns a Frame for a top-level page at http://localhost.
func NewFrame() *Frame { return &Frame{OriginString: "http://localhost"} }

func (f *Frame) Query() string    { return f.QueryString }
func (f *Frame) Fragment() string { return f.FragmentString }
func (f *Frame) Origin() string   { return f.OriginString }

func (f *Frame) SetAccent(hex string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.Accent = hex
}

func (f *Frame) ReportHeight() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.Reporting = true
}

func (f *Frame) RememberFragment(fragment string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.Remembered = fragment
}

func (f *Frame) RememberedFragment() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.Remembered
}
