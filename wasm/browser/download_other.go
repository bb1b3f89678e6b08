//go:build !(js && wasm)

package browser

import "sync"

// File is a file saved, shared or picked, in the in-memory twin.
type File struct {
	Name, Type string
	Data       []byte
}

// Files is the in-memory twin of the page's file services.
type Files struct {
	mu sync.Mutex
	// Saved lists the downloads, oldest first.
	Saved []File
	// Shared lists the files handed to the share sheet.
	Shared []File
	// CanShareFiles is what CanShare reports.
	CanShareFiles bool
	// Picked holds the file chosen in each file input, by element id.
	Picked map[string]File
	// Fail makes every call fail, as a browser that refuses would.
	Fail error
}

// NewFiles returns empty file services.
func NewFiles() *Files { return &Files{Picked: map[string]File{}} }

func (f *Files) Download(name, mime string, data []byte) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.Fail != nil {
		return f.Fail
	}
	f.Saved = append(f.Saved, File{name, mime, append([]byte(nil), data...)})
	return nil
}
