// Package view holds Unknot's go-app components: the pages and the widgets
// they share. Components render state and forward events; the work is done by
// the domain packages (triage, routine, journal, clinic), and anything that
// needs the browser goes through the Platform interface, which wasm/browser
// implements and wasm/main.go wires in. Every word shown comes from the
// content catalog (Env.Text), never from a literal in this package.
package view
