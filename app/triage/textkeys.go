package triage

import "fmt"

// TextKey is a text key the rule set needs, with the place that needs it: a
// JSON path in triage.json, or "screen" for the fixed words of the triage
// screens.
type TextKey struct {
	Path string
	Key  string
}

// screenKeys are the fixed words of the triage screens and results (see the
// package documentation for what each shows).
var screenKeys = []string{
	"triage.title",
	"triage.intro",
	"triage.disclaimer",
	"triage.required",
	"triage.progress",
	"triage.answer.yes",
	"triage.answer.no",
	"triage.answer.unsure",
	"triage.action.next",
	"triage.action.back",
	"triage.action.finish",
	"triage.action.restart",
	"triage.action.save",
	"triage.action.saved",
	"triage.save.open",
	"triage.save.attach",
	"triage.save.new",
	"triage.result.title",
	"triage.result.why",
	"triage.result.said_yes",
	"triage.result.unsure",
	"triage.result.answer",
	"triage.result.missing",
	"triage.result.none",
	"triage.call",
	"triage.call.local",
	"triage.call.country",
	"triage.call.change",
	"triage.early.text",
	"triage.tell.title",
	"triage.tell.unsure",
	"triage.at_least.urgent",
	"triage.at_least.soon",
	"triage.last",
	"triage.urgent.where_uk",
	"triage.urgent.where_other",
	"triage.clinic.call",
	"triage.clinic.book",
	"triage.routine.offer",
	"triage.routine.caution",
	"triage.plan.title",
	"triage.optional",
	"triage.action.answer_missing",
	"triage.action.print",
	"triage.worse.title",
}

// TextKeys lists every text key the triage screens need for this rule set:
// the fixed screen words, each group's title and intro, each disposition's
// title, body and when, and the keys derived from the data (questions,
// options, scale ends, rule advice, self-care plan, worsening advice). A
// content loader checks that each has text.
func (rs *RuleSet) TextKeys() []TextKey {
	var keys []TextKey
	add := func(path, key string) { keys = append(keys, TextKey{Path: path, Key: key}) }
	for _, k := range screenKeys {
		add("screen", k)
	}
	for _, g := range Groups() {
		add("screen", "triage.group."+string(g)+".title")
		add("screen", "triage.group."+string(g)+".intro")
	}
	for _, d := range Dispositions() {
		for _, part := range []string{"title", "body", "when"} {
			add("screen", "triage.tier."+string(d)+"."+part)
		}
	}
	if rs == nil {
		return keys
	}
	for i, q := range rs.questions {
		path := fmt.Sprintf("questions[%d]", i)
		add(path, q.TextKey())
		add(path, q.HelpKey())
		add(path, q.ReasonKey())
		switch q.Kind {
		case KindChoice:
			for j, o := range q.Options {
				add(fmt.Sprintf("%s.options[%d]", path, j), q.OptionKey(o))
			}
		case KindScale:
			lo, hi := q.ScaleKeys()
			add(path+".min", lo)
			add(path+".max", hi)
		}
	}
	for i, r := range rs.rules {
		if r.Advice != "" {
			add(fmt.Sprintf("rules[%d].advice", i), r.Advice)
		}
	}
	for i, p := range rs.plan {
		add(fmt.Sprintf("self_care[%d].text", i), p.Text)
	}
	seen := make(map[Disposition]bool)
	for i, w := range rs.worsening {
		add(fmt.Sprintf("worsening[%d].text", i), w.Text)
		if !seen[w.Tier] {
			seen[w.Tier] = true
			add(fmt.Sprintf("worsening[%d].tier", i), "triage.worse."+string(w.Tier)+".title")
		}
	}
	return keys
}
