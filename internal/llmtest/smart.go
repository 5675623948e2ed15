package llmtest

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind is the kind of a glossary call, as recognised from a request.
type Kind string

// The kinds of call Smart answers. Each is recognised by its json_schema
// name, or, when the request has no schema (json_object mode), by the name
// appearing in the system prompt.
const (
	KindUnknown  Kind = ""
	KindClassify Kind = "classify_terms"
	KindDefine   Kind = "define_term"
	KindReview   Kind = "review_glossary"
	KindRefine   Kind = "refine_definition"
)

var kinds = [...]Kind{KindClassify, KindDefine, KindReview, KindRefine}

// KindOf returns the kind of call r is, or KindUnknown.
func KindOf(r Request) Kind {
	name := r.SchemaName()
	for _, k := range kinds {
		if name == string(k) {
			return k
		}
	}
	sys := r.System()
	for _, k := range kinds {
		if strings.Contains(sys, string(k)) {
			return k
		}
	}
	return KindUnknown
}

func tagRe(tag string) *regexp.Regexp {
	return regexp.MustCompile(`(?s)<` + regexp.QuoteMeta(tag) + `(?:\s[^>]*)?>(.*?)</` + regexp.QuoteMeta(tag) + `>`)
}

// Tags returns the contents of every <tag>...</tag> (the opening tag may
// carry attributes) in text, with the escapes &lt; &gt; &amp; undone.
func Tags(text, tag string) []string {
	var out []string
	for _, m := range tagRe(tag).FindAllStringSubmatch(text, -1) {
		out = append(out, Unescape(strings.TrimSpace(m[1])))
	}
	return out
}

// rawTags is Tags without unescaping, for nested structures.
func rawTags(text, tag string) []string {
	var out []string
	for _, m := range tagRe(tag).FindAllStringSubmatch(text, -1) {
		out = append(out, m[1])
	}
	return out
}

var unescaper = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&")

// Unescape undoes the escaping of tagged prompt data (&lt; &gt; &amp;).
func Unescape(s string) string { return unescaper.Replace(s) }

// Smart answers each kind of glossary call with valid JSON derived from the
// tagged data of the request, deterministically:
//
//   - classify_terms: every <term> gets a category by simple rules
//     (organisation and place suffixes, short lower-case words are
//     common_noun, everything else technical_term).
//   - define_term: the first sentence of a <context> that mentions the
//     <term>, confidence 0.8; without one, "<term>: not defined in the
//     documents." with confidence 0.3.
//   - review_glossary: an "unclear" issue for every <entry> whose
//     <definition> says "not defined" or is shorter than 20 characters.
//   - refine_definition: the <definition> with " (refined)" appended,
//     confidence 0.75.
//
// Unknown calls get a 400.
func Smart(r Request) Reply {
	switch KindOf(r) {
	case KindClassify:
		return JSON(SmartClassify(r))
	case KindDefine:
		return JSON(SmartDefine(r))
	case KindReview:
		return JSON(SmartReview(r))
	case KindRefine:
		return JSON(SmartRefine(r))
	}
	return Error(400, "llmtest: cannot tell what kind of call this is")
}

// SmartClassify is the reply object Smart gives to a classify call.
func SmartClassify(r Request) map[string]any {
	var items []map[string]any
	data := ""
	if ts := rawTags(firstUser(r), "terms"); len(ts) > 0 {
		data = ts[0]
	}
	for _, t := range Tags(data, "term") {
		items = append(items, map[string]any{"term": t, "category": guessCategory(t)})
	}
	if items == nil {
		items = []map[string]any{}
	}
	return map[string]any{"terms": items}
}

func guessCategory(t string) string {
	lower := strings.ToLower(t)
	for _, suf := range []string{" inc.", " inc", " corp.", " corp", " ltd.", " ltd", " gmbh", "株式会社", "協会", "財団"} {
		if strings.HasSuffix(lower, suf) || strings.HasPrefix(lower, "株式会社") {
			return "organization"
		}
	}
	for _, suf := range []string{" city", "市", "県", "都", "町", "村"} {
		if strings.HasSuffix(lower, suf) {
			return "place_name"
		}
	}
	if utf8.RuneCountInString(t) <= 5 && !strings.ContainsFunc(t, func(r rune) bool {
		return !unicode.IsLower(r) || r > unicode.MaxASCII
	}) {
		return "common_noun"
	}
	return "technical_term"
}

// SmartDefine is the reply object Smart gives to a define call.
func SmartDefine(r Request) map[string]any {
	term := first(r.Tags("term"))
	for i, c := range r.Tags("context") {
		if s := sentenceWith(c, term); s != "" {
			return map[string]any{"definition": s, "confidence": 0.8, "source_context": i + 1}
		}
	}
	return map[string]any{"definition": term + ": not defined in the documents.", "confidence": 0.3, "source_context": 0}
}

// SmartReview is the reply object Smart gives to a review call.
func SmartReview(r Request) map[string]any {
	issues := []map[string]any{}
	data := ""
	if gs := rawTags(firstUser(r), "glossary"); len(gs) > 0 {
		data = gs[0]
	}
	for _, e := range rawTags(data, "entry") {
		term := first(Tags(e, "term"))
		def := first(Tags(e, "definition"))
		if strings.Contains(def, "not defined") || utf8.RuneCountInString(def) < 20 {
			issues = append(issues, map[string]any{
				"term_name":        term,
				"issue_type":       "unclear",
				"description":      fmt.Sprintf("The definition of %s is too vague.", term),
				"should_exclude":   false,
				"exclusion_reason": "",
			})
		}
	}
	return map[string]any{"issues": issues}
}

// SmartRefine is the reply object Smart gives to a refine call.
func SmartRefine(r Request) map[string]any {
	def := strings.TrimSpace(first(r.Tags("definition")))
	if def == "" {
		def = first(r.Tags("term"))
	}
	return map[string]any{"refined_definition": def + " (refined)", "confidence": 0.75}
}

func firstUser(r Request) string {
	for _, m := range r.Messages {
		if m.Role == "user" {
			return m.Content
		}
	}
	return ""
}

func first(ss []string) string {
	if len(ss) == 0 {
		return ""
	}
	return ss[0]
}

// sentenceWith returns the first sentence of text that mentions term
// (case-insensitively), whitespace-collapsed and capped at 240 runes.
// Sentences do not span lines.
func sentenceWith(text, term string) string {
	if term == "" {
		return ""
	}
	for _, line := range strings.Split(text, "\n") {
		if s := sentenceInLine(line, term); s != "" {
			return s
		}
	}
	return ""
}

func sentenceInLine(text, term string) string {
	text = strings.Join(strings.Fields(text), " ")
	lt, lterm := strings.ToLower(text), strings.ToLower(term)
	if len(lt) != len(text) {
		lt, lterm = text, term
	}
	at := strings.Index(lt, lterm)
	if at < 0 {
		return ""
	}
	start := 0
	if i := strings.LastIndexAny(text[:at], ".!?"); i >= 0 {
		start = i + 1
	}
	if i := strings.LastIndex(text[:at], "。"); i >= 0 && i+len("。") > start {
		start = i + len("。")
	}
	end := len(text)
	if i := strings.IndexAny(text[at:], ".!?"); i >= 0 {
		end = at + i + 1
	}
	if i := strings.Index(text[at:], "。"); i >= 0 && at+i+len("。") < end {
		end = at + i + len("。")
	}
	s := strings.TrimSpace(text[start:end])
	if utf8.RuneCountInString(s) > 240 {
		s = string([]rune(s)[:240])
	}
	return s
}
