//go:build !(js && wasm)

package browser

import "errors"

// ReadPicked returns the file set in Picked for inputID, cut at limit, and
// forgets it, as the browser's input is cleared.
func (f *Files) ReadPicked(inputID string, limit int64) (string, []byte, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.Fail != nil {
		return "", nil, f.Fail
	}
	file, ok := f.Picked[inputID]
	if !ok {
		return "", nil, ErrNoFile
	}
	delete(f.Picked, inputID)
	data := file.Data
	if int64(len(data)) > limit {
		data = data[:limit]
	}
	return file.Name, append([]byte(nil), data...), nil
}

// ErrNoFile means no file was chosen in the input.
var ErrNoFile = errors.New("no file was chosen")
