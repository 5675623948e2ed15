package builtin

import (
	"context"
	"testing"

	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/pipeline"
)

func TestLowerCamelAndDottedPath(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		s             string
		camel, dotted bool
	}{
		{"isActive", true, false}, {"rawHtml", true, false}, {"publishedBooksMessage", true, false},
		{"iPhone", false, false}, {"eBay", false, false}, {"macOS", false, false}, {"isHTML", false, false},
		{"Active", false, false}, {"active", false, false}, {"is_active", false, false},
		{"author.books", false, true}, {"event.preventDefault", false, true}, {"this.count", false, true},
		{"http.Request", false, false}, {"Document.cookie", false, false}, {"index.md", false, false},
		{"config.yaml", false, false}, {"a..b", false, false}, {".b", false, false}, {"a.", false, false},
	} {
		if got := lowerCamel(tc.s); got != tc.camel {
			t.Errorf("lowerCamel(%q) = %v", tc.s, got)
		}
		if got := dottedPath(tc.s); got != tc.dotted {
			t.Errorf("dottedPath(%q) = %v", tc.s, got)
		}
	}
}

// TestExampleNamesAreExcluded: names that the code examples make up
// ("isActive", "this.count", "foo") are excluded by the review unless the
// prose defines them; a field that only a configuration block uses
// ("retryLimit" in YAML) is not an example's name. The text is written for
// this test.
func TestExampleNamesAreExcluded(t *testing.T) {
	t.Parallel()
	doc := "# Toggles\n\n```js\nconst isActive = ref(true)\nthis.count = 0\nfoo(isActive)\nconst buildPlan = makePlan()\n```\n\n" +
		"```yaml\nretryLimit: 3\n```\n\n" +
		"When `isActive` changes, the class list follows. Set `isActive` to false to hide it.\n" +
		"Each toggle reads `isActive` once. The handler bumps `this.count` on every click; `this.count` starts at zero.\n" +
		"Pass `foo` to the handler. The handler logs `foo`. A `foo` is any value.\n" +
		"A buildPlan is the ordered list of steps that a release runs. Every release has a `buildPlan`.\n" +
		"Set `retryLimit` in the config. The `retryLimit` caps retries. Keep `retryLimit` small.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "a.md", Content: doc}})
	e := newEngine(t)
	terms := []string{"isActive", "this.count", "foo", "buildPlan", "retryLimit"}
	issues, err := e.Review(context.Background(), c, provisional(t, e, c, glossary.TechnicalTerm, terms...))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		term    string
		example bool
	}{{"isActive", true}, {"this.count", true}, {"foo", true}, {"buildPlan", false}, {"retryLimit", false}} {
		is, ok := findIssue(issues, tc.term, glossary.Unnecessary)
		got := ok && is.ExclusionReason == messagesEN.exampleNameReason
		if got != tc.example {
			t.Errorf("%s: excluded as an example's name = %v, want %v (%+v)", tc.term, got, tc.example, is)
		}
	}
}
