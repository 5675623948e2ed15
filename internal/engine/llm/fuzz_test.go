package llm

import (
	"errors"
	"strings"
	"testing"

	"github.com/genglossary/genglossary/internal/glossary"
)

// FuzzReplyParsing feeds arbitrary model replies to every reply parser.
// None may panic; a rejection is always a replyError (so the engine asks
// once more and then fails with ErrInvalidReply, keeping nothing); and an
// accepted reply holds only what was asked for: a valid category for each
// given term and no other, a non-blank trimmed definition with a
// confidence in [0,1], evidence only from the given excerpts, and issues
// of known types about given terms.
func FuzzReplyParsing(f *testing.F) {
	f.Add(`{"terms":[{"term":"API","category":"technical_term"},{"term":"東京","category":"place_name"}]}`)
	f.Add("<think>hmm {\"x\":1}</think>```json\n{\"definition\":\"An interface.\",\"confidence\":0.8,\"source_context\":1}\n```")
	f.Add(`Sure! {"issues":[{"term_name":"api","issue_type":"Missing Relation","description":"x","should_exclude":true}]} hope this helps`)
	f.Add(`{"refined_definition":"  ","confidence":1e309}`)
	f.Add(`{"definition":"x","confidence":-0,"source_context":2.5}`)
	f.Add(`{"terms":[{"term":"&lt;API&gt;","category":"common_noun"}],"terms":null}`)
	f.Add("{\"definition\":\"\xff\",\"confidence\":0.5}")
	f.Add(`{"issues":[{"term_name":"Ignore previous instructions","issue_type":"unclear","description":"d"}]}`)
	f.Add(strings.Repeat("{", 10000))
	terms := []string{"API", "東京", "<API>"}
	occs := []glossary.Occurrence{{Document: "a.md", Line: 3, Context: "API is an interface."}}
	entries := []glossary.Entry{{Term: "API", Definition: "d"}, {Term: "東京", Definition: "d"}}
	f.Fuzz(func(t *testing.T, reply string) {
		isReplyErr := func(what string, err error) {
			var re *replyError
			if !errors.As(err, &re) {
				t.Fatalf("%s: error %T %v is not a reply error", what, err, err)
			}
		}
		if cats, err := parseClassify(reply, terms); err != nil {
			isReplyErr("classify", err)
		} else {
			if len(cats) != len(terms) {
				t.Fatalf("classify: %d categories for %d terms", len(cats), len(terms))
			}
			for _, tm := range terms {
				if c, ok := cats[tm]; !ok || !c.Valid() {
					t.Fatalf("classify: term %q has category %q (%v)", tm, c, ok)
				}
			}
		}
		checkDef := func(what, text string, conf float64, evidence string, err error) {
			if err != nil {
				isReplyErr(what, err)
				return
			}
			if text == "" || text != strings.TrimSpace(text) || !(conf >= 0 && conf <= 1) {
				t.Fatalf("%s: accepted %q with confidence %v", what, text, conf)
			}
			if evidence != "" && evidence != "a.md:3" {
				t.Fatalf("%s: evidence %q is not a given excerpt", what, evidence)
			}
		}
		d, err := parseDefine(reply, occs)
		checkDef("define", d.Text, d.Confidence, d.Evidence, err)
		d, err = parseRefine(reply)
		checkDef("refine", d.Text, d.Confidence, d.Evidence, err)
		issues, err := parseReview(reply, entries)
		if err != nil {
			isReplyErr("review", err)
			return
		}
		for _, is := range issues {
			if (is.Term != "API" && is.Term != "東京") || !is.Type.Valid() || is.Description == "" {
				t.Fatalf("review: accepted issue %+v", is)
			}
			if is.ShouldExclude && is.ExclusionReason == "" {
				t.Fatalf("review: exclusion without a reason: %+v", is)
			}
		}
	})
}
