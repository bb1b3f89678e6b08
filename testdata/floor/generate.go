//go:build !wasm

package main

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// generate writes the floor's static site into -out, which must already
// hold web/app.wasm and the icons (web/icon-192.png, web/icon-512.png,
// web/icon-maskable-512.png, web/icon.svg), so that nothing is fetched from
// another origin. The service worker is go-app's default one.
func generate() {
	out := flag.String("out", "", "directory to write the static site into (required)")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "floor: -out DIR is required")
		os.Exit(2)
	}
	wasm, err := os.ReadFile(filepath.Join(*out, "web", "app.wasm"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
	sum := sha256.Sum256(wasm)
	h := &app.Handler{
		Name:        "Floor",
		Title:       "Floor",
		Description: "The smallest go-app app, for comparison.",
		Icon: app.Icon{
			Default:  "/web/icon-192.png",
			Large:    "/web/icon-512.png",
			Maskable: "/web/icon-maskable-512.png",
			SVG:      "/web/icon.svg",
		},
		Version: hex.EncodeToString(sum[:8]),
	}
	if err := app.GenerateStaticWebsite(*out, h); err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
}
