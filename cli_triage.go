//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"unknot/app/content"
	"unknot/app/triage"
	"unknot/data"
)

const triageUsage = "usage: unknot triage [-answers FILE] (answers JSON on stdin by default)"

// triageOutput is the one line `unknot triage` prints. Arrays are never null.
type triageOutput struct {
	Disposition triage.Disposition `json:"disposition"`
	// AtLeast is printed for every incomplete result: the tier the given
	// answers already reach (CLINICAL.md, "Finality").
	AtLeast triage.Disposition  `json:"at_least,omitempty"`
	Reasons []triageReason      `json:"reasons"`
	Missing []triage.QuestionID `json:"missing"`
}

// triageReason is one rule that fired and the answers that fired it.
type triageReason struct {
	Rule    string                       `json:"rule"`
	Tier    triage.Disposition           `json:"tier"`
	Answers map[triage.QuestionID]string `json:"answers"`
}

// runTriage implements `unknot triage [-answers FILE]`: it reads the answers
// of CLINICAL.md (stdin by default), evaluates them and prints the result as
// one JSON line. Any bad input exits 2 with one line on stderr naming the key
// and the problem, and nothing on stdout.
func runTriage(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fail := func(msg string) int {
		fmt.Fprintln(stderr, "unknot triage: "+triageOneLine(msg))
		return 2
	}
	flags := flag.NewFlagSet("triage", flag.ContinueOnError)
	flags.SetOutput(io.Discard)
	answersFile := flags.String("answers", "", "read the answers from `FILE` instead of stdin")
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(stdout, triageUsage)
			return 0
		}
		return fail(err.Error() + "; " + triageUsage)
	}
	if flags.NArg() > 0 {
		return fail(fmt.Sprintf("unexpected argument %q; %s", flags.Arg(0), triageUsage))
	}

	in := stdin
	if *answersFile != "" {
		b, err := readAnswersFile(*answersFile)
		if err != nil {
			return fail("-answers: " + err.Error())
		}
		in = bytes.NewReader(b)
	}

	catalog, err := content.Load(data.FS)
	if err != nil {
		return fail("loading the rules: " + err.Error())
	}
	answers, err := triage.DecodeAnswers(in, catalog.Triage())
	if err != nil {
		return fail(err.Error())
	}

	res := catalog.Triage().Evaluate(answers)
	out := triageOutput{Disposition: res.Disposition, AtLeast: res.AtLeast, Reasons: []triageReason{}, Missing: res.Missing}
	for _, r := range res.Reasons {
		tr := triageReason{Rule: r.Rule, Tier: r.Tier, Answers: make(map[triage.QuestionID]string)}
		for _, a := range r.Answers {
			tr.Answers[a.Question] = a.Value
		}
		out.Reasons = append(out.Reasons, tr)
	}
	if out.Missing == nil {
		out.Missing = []triage.QuestionID{}
	}
	line, err := json.Marshal(out)
	if err != nil {
		return fail(err.Error())
	}
	if _, err := fmt.Fprintf(stdout, "%s\n", line); err != nil {
		return fail("writing the result: " + err.Error())
	}
	return 0
}

// readAnswersFile reads at most one byte more than DecodeAnswers accepts, so
// that an oversized file is reported as such without reading it all.
func readAnswersFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, triage.MaxAnswersSize+1))
}

// triageOneLine keeps an error message on one line whatever it quotes.
func triageOneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
