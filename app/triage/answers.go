package triage

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
)

// MaxAnswersSize is the largest answers document DecodeAnswers reads.
const MaxAnswersSize = 64 << 10

// AnswerError is a problem with an answers document. Key names the question
// concerned, or is empty when the problem is not about one key.
type AnswerError struct {
	Path    string // the question's key, as in every located error
	Problem string
}

// Error returns one line: the key, then the problem.
func (e *AnswerError) Error() string {
	if e.Path == "" {
		return e.Problem
	}
	return quoteKey(e.Path) + ": " + e.Problem
}

// DecodeAnswers reads answers from outside (a file, stdin, an import) as one
// JSON object of question id to value. Values are strings, except a scale
// question (pain_now) whose value is a JSON whole number in its range. It
// rejects anything it would otherwise have to guess about: invalid JSON,
// trailing data, an unknown id, a repeated id, a wrong type, null, a value
// that is not an option, a number out of range, input over MaxAnswersSize.
// Errors are *AnswerError.
func DecodeAnswers(r io.Reader, rs *RuleSet) (Answers, error) {
	if rs == nil {
		return nil, &AnswerError{Problem: "no rule set to check the answers against"}
	}
	b, err := io.ReadAll(io.LimitReader(r, MaxAnswersSize+1))
	if err != nil {
		return nil, &AnswerError{Problem: "cannot read the answers: " + oneLine(err.Error())}
	}
	if len(b) > MaxAnswersSize {
		return nil, &AnswerError{Problem: fmt.Sprintf("the answers are larger than %d KiB", MaxAnswersSize>>10)}
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, &AnswerError{Problem: "no answers: want a JSON object"}
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	tok, err := dec.Token()
	if err != nil {
		return nil, syntaxProblem(err)
	}
	if tok != json.Delim('{') {
		return nil, &AnswerError{Problem: "the answers must be a JSON object, not " + describeToken(tok)}
	}
	a := make(Answers)
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, syntaxProblem(err)
		}
		key, _ := tok.(string) // inside an object the decoder only yields string keys here
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, &AnswerError{Path: key, Problem: "not valid JSON: " + jsonProblem(err)}
		}
		id := QuestionID(key)
		if _, dup := a[id]; dup {
			return nil, &AnswerError{Path: key, Problem: "answered more than once"}
		}
		q, ok := rs.Question(id)
		if !ok && key == "" {
			return nil, &AnswerError{Problem: `"": unknown question`}
		}
		if !ok {
			return nil, &AnswerError{Path: key, Problem: "unknown question"}
		}
		v, err := answerValue(q, raw)
		if err != nil {
			return nil, err
		}
		a[id] = v
	}
	if _, err := dec.Token(); err != nil { // the closing brace
		return nil, syntaxProblem(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, &AnswerError{Problem: "unexpected data after the answers object"}
	}
	return a, nil
}

// answerValue checks one raw JSON value against q and returns it as stored
// in Answers.
func answerValue(q Question, raw json.RawMessage) (string, error) {
	key := string(q.ID)
	s := string(bytes.TrimSpace(raw))
	if s == "null" {
		return "", &AnswerError{Path: key, Problem: "null is not an answer; want " + want(q)}
	}
	if q.Kind == KindScale {
		if s == "" || !(s[0] == '-' || (s[0] >= '0' && s[0] <= '9')) {
			return "", &AnswerError{Path: key, Problem: fmt.Sprintf("%s is not a number; want %s", describeRaw(s), want(q))}
		}
		if strings.ContainsAny(s, ".eE") {
			return "", &AnswerError{Path: key, Problem: fmt.Sprintf("%s is not a whole number; want %s", clip(s), want(q))}
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < q.Min || n > q.Max {
			return "", &AnswerError{Path: key, Problem: fmt.Sprintf("%s is out of range %d to %d", clip(s), q.Min, q.Max)}
		}
		return strconv.Itoa(n), nil
	}
	var v string
	if err := json.Unmarshal(raw, &v); err != nil {
		return "", &AnswerError{Path: key, Problem: fmt.Sprintf("%s is not a string; want %s", describeRaw(s), want(q))}
	}
	if !q.Allows(v) {
		return "", &AnswerError{Path: key, Problem: fmt.Sprintf("%s is not one of %s", clip(strconv.Quote(v)), strings.Join(q.Options, ", "))}
	}
	return v, nil
}

func want(q Question) string {
	if q.Kind == KindScale {
		return fmt.Sprintf("a whole number from %d to %d", q.Min, q.Max)
	}
	return "one of " + strings.Join(q.Options, ", ")
}

func describeRaw(s string) string {
	switch {
	case s == "true" || s == "false":
		return s
	case strings.HasPrefix(s, "{"):
		return "an object"
	case strings.HasPrefix(s, "["):
		return "an array"
	}
	return clip(s)
}

func describeToken(tok json.Token) string {
	switch t := tok.(type) {
	case json.Delim:
		return "an array"
	case string:
		return "a string"
	case nil:
		return "null"
	case bool:
		return strconv.FormatBool(t)
	}
	return "a number"
}

func syntaxProblem(err error) error {
	return &AnswerError{Problem: "not valid JSON: " + jsonProblem(err)}
}

func jsonProblem(err error) string {
	syn, isSyntax := errors.AsType[*json.SyntaxError](err)
	switch {
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "unexpected end of input"
	case isSyntax:
		return fmt.Sprintf("%s (at byte %d)", oneLine(strings.TrimPrefix(syn.Error(), "json: ")), syn.Offset)
	}
	return oneLine(strings.TrimPrefix(err.Error(), "json: "))
}

// quoteKey shows a key as is when it is a plain name, else quoted, so that
// the error stays on one line whatever the input held.
func quoteKey(k string) string {
	if isValue(k) {
		return k
	}
	return clip(strconv.Quote(k))
}

// clip shortens s for an error message.
func clip(s string) string {
	const limit = 60
	if len(s) <= limit {
		return oneLine(s)
	}
	return oneLine(strings.ToValidUTF8(s[:limit], "")) + "…"
}

// oneLine replaces line breaks and other control characters with spaces.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s)
}
