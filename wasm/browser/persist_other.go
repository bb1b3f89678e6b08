//go:build !(js && wasm)

package browser

// RequestPersistentStorage is the twin of the browser's storage.persist():
// memory is as persistent as it gets.
func RequestPersistentStorage() (bool, error) { return true, nil }
