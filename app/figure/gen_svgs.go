//go:build ignore

// gen_svgs draws the exercise illustrations: it reads the poses
// (data/figure/poses.json) and the colour tokens (web/app.css) and writes
// web/exercises/<id>.svg. go generate runs it in this directory:
//
//	go generate ./app/figure
package main

import (
	"log"
	"os"
	"path/filepath"
	"sort"

	"unknot/app/figure"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("gen_svgs: ")
	poses, err := os.ReadFile("../../data/figure/poses.json")
	if err != nil {
		log.Fatal(err)
	}
	css, err := os.ReadFile("../../web/app.css")
	if err != nil {
		log.Fatal(err)
	}
	files, err := figure.Generate(poses, css)
	if err != nil {
		log.Fatal(err)
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if err := os.WriteFile(filepath.Join("../../web/exercises", name), files[name], 0o644); err != nil {
			log.Fatal(err)
		}
		log.Printf("%s: %d bytes", name, len(files[name]))
	}
}
