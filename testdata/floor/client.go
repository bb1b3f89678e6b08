//go:build wasm

package main

// generate is never reached in the browser: app.RunWhenOnBrowser does not
// return there.
func generate() {}
