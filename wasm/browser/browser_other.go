//go:build !(js && wasm)

package browser

import (
	"errors"
	"sync"
)

// Browser is the in-memory twin of the JavaScript Browser, for native tests.
type Browser struct {
	mu    sync.Mutex
	store map[string]string
	attrs map[string]string

	// Lang is the language tag reported by Language.
	Lang string
	// Zone is the IANA time zone reported by TimeZone.
	Zone string
	// Early are the answers TakeEarlyAnswers returns, once.
	Early map[string]string
	// Framed is reported by InFrame.
	Framed bool
	// Full makes every Set fail, as a full storage does.
	Full bool
	// Printed counts Print calls.
	Printed int
	// Remembered is what RememberLanguage last kept.
	Remembered string
}

// ErrStorageUnavailable means the browser refuses local storage.
var ErrStorageUnavailable = errors.New("storage is not available in this browser window")

// ErrStorageFull is what Set returns when Full is set.
var ErrStorageFull = errors.New("storage is full")

// New returns an empty in-memory Browser with language "en".
func New() *Browser {
	return &Browser{store: map[string]string{}, attrs: map[string]string{}, Lang: "en"}
}

func (b *Browser) Get(key string) (string, bool, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	v, ok := b.store[key]
	return v, ok, nil
}

func (b *Browser) Set(key, value string) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.Full {
		return ErrStorageFull
	}
	b.store[key] = value
	return nil
}

func (b *Browser) SetRootAttribute(name, value string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.attrs[name] = value
}

// RootAttribute returns what SetRootAttribute last set for name.
func (b *Browser) RootAttribute(name string) string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.attrs[name]
}

func (b *Browser) Language() string { return b.Lang }

// Languages is Lang alone.
func (b *Browser) Languages() []string { return []string{b.Lang} }
func (b *Browser) Region() string      { return regionOf(b.Lang) }

// RememberLanguage keeps lang in Remembered.
func (b *Browser) RememberLanguage(lang string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.Remembered = lang
}

func (b *Browser) InFrame() bool    { return b.Framed }
func (b *Browser) TimeZone() string { return b.Zone }

// TakeEarlyAnswers returns Early and forgets it.
func (b *Browser) TakeEarlyAnswers() map[string]string {
	b.mu.Lock()
	defer b.mu.Unlock()
	early := b.Early
	b.Early = nil
	return early
}

// Print counts calls, for tests.
func (b *Browser) Print() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.Printed++
}

// WatchAddresses calls route with the twin's one address, the root.
func (b *Browser) WatchAddresses(route func(path string)) { route("/") }

// WhenIdle calls f at once: the twin is never busy.
func (b *Browser) WhenIdle(f func()) { f() }

// OnVisible does nothing: the twin's page never becomes hidden.
func (b *Browser) OnVisible(func()) {}

// InPage reports whether the program runs in a page: outside a browser, as
// in one.
func InPage() bool { return true }

// WarmUpPath is the page that started the worker compiling app.wasm: none
// outside a browser.
func WarmUpPath() string { return "" }

// KeepAddressReadable does nothing outside a browser.
func (b *Browser) KeepAddressReadable() {}

// Path is the page's address's path: "/" outside a browser.
func (b *Browser) Path() string { return "/" }

// Yield returns at once: outside a browser nothing waits.
func (b *Browser) Yield() {}
