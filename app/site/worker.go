//go:build !wasm

package site

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"strings"
)

// workerTemplate is Unknot's service worker (worker.js), given to go-app as
// its ServiceWorkerTemplate: go-app fills in {{.Version}} (the content hash)
// and {{.ResourcesToCache}} (the shell and every file under web/, generated,
// never kept by hand); workerWithShell fills in the shell.
//
// Unlike go-app's stock worker it waits for the precache with
// event.waitUntil, fails the install (keeping the previous version) when any
// file cannot be fetched, answers every navigation from the cache whatever
// its query or fragment, and works under a sub-path (also where the host
// redirects the shell's address, as hosts with "pretty URLs" drop .html).
//
// A navigation gets the pre-rendered page of its route (workerPage), ignoring
// the query and fragment, so the page reads and the check can be answered
// before app.wasm has started, offline too; a route without one (a player,
// an episode) gets the bare shell.
//
//go:embed worker.js
var workerTemplate string

// workerWithShell fills in the template's placeholders: the URL paths of
// the shell and of the home page, the site's language, each route's page (route -> cached page)
// and the same in each other language (language -> route -> cached page),
// all including the base prefix.
func workerWithShell(shell, root, lang string, pages map[string]string, langPages map[string]map[string]string) string {
	s, _ := json.Marshal(shell)
	r, _ := json.Marshal(root)
	p, _ := json.Marshal(pages)
	l, _ := json.Marshal(langPages)
	sl, _ := json.Marshal(lang)
	return strings.NewReplacer("{{UNKNOT_SHELL}}", string(s), "{{UNKNOT_ROOT}}", string(r),
		"{{UNKNOT_PAGES}}", string(p), "{{UNKNOT_LANG_PAGES}}", string(l), "{{UNKNOT_LANG}}", string(sl)).Replace(workerTemplate)
}

// Registering the service worker once the app is up. go-app's app.js
// registers it first thing, and installing it then downloads and stores
// every file of the app while the page is still receiving and compiling
// app.wasm: registerWorkerLater moves it to when the browser is next idle
// after the program has drawn its first screen. A page whose program does
// not start registers none: without it the app cannot run anyway.
//
// go-app tells an update from a first install by whether a worker controls
// the page when the new one is activated; the new worker claims the page as
// it activates, so that raced, and with the later registration a first
// visit was told "Update ready". An update is now what it is in the
// registration: a new worker found while another was already active.

// goappRegisterNow is go-app's (v10.1.11) first-thing call in app.js.
const goappRegisterNow = "\ngoappInitServiceWorker();\n"

// goappNewWorker and goappUpdateCheck are where go-app's app.js finds a new
// worker and tells an update from a first install; unknotNewWorker and
// unknotUpdateCheck are Unknot's.
const (
	goappNewWorker    = "    const newSW = registration.installing;\n"
	unknotNewWorker   = goappNewWorker + "    const isUpdate = !!registration.active; // Unknot (app/site/worker.go): another worker was already active\n"
	goappUpdateCheck  = "      if (!navigator.serviceWorker.controller) {\n"
	unknotUpdateCheck = "      if (!isUpdate) {\n"
)

// registerLaterJS defines unknotRegisterWorkerLater; it is appended to app.js.
//
//go:embed appjs-register.js
var registerLaterJS string

// registerWorkerLater patches go-app's app.js so that it no longer
// registers the service worker first thing, and tells an update from a first
// install by the registration. unknotRegisterWorkerLater is called once the
// program has built its first screen (shell.go's unknotRun).
func registerWorkerLater(js []byte) ([]byte, error) {
	for _, s := range []string{goappRegisterNow, goappNewWorker, goappUpdateCheck} {
		if bytes.Count(js, []byte(s)) != 1 {
			return nil, errors.New("go-app's app.js does not register its service worker as app/site/worker.go expects: update goappRegisterNow, goappNewWorker and goappUpdateCheck for this go-app version")
		}
	}
	js = bytes.Replace(js, []byte(goappRegisterNow), []byte("\n"), 1)
	js = bytes.Replace(js, []byte(goappNewWorker), []byte(unknotNewWorker), 1)
	js = bytes.Replace(js, []byte(goappUpdateCheck), []byte(unknotUpdateCheck), 1)
	return append(append(js, '\n'), registerLaterJS...), nil
}
