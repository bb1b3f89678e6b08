//go:build !(js && wasm)

package browser

import "errors"

// ErrShareCancelled means the person closed the share sheet.
var ErrShareCancelled = errors.New("sharing was cancelled")

func (f *Files) CanShare(name, mime string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.CanShareFiles
}

func (f *Files) Share(name, mime string, data []byte, title string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.Fail != nil {
		return f.Fail
	}
	if !f.CanShareFiles {
		return errors.New("this browser cannot share files")
	}
	f.Shared = append(f.Shared, File{name, mime, append([]byte(nil), data...)})
	return nil
}
