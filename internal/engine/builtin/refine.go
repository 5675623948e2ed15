package builtin

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/pipeline"
)

// "See also" wording appended for a missing relation.
const (
	seeAlsoEN = "See also: "
	seeAlsoJA = "関連用語: "
)

// maxMergedRunes bounds a definition that merges conflicting definitions.
const maxMergedRunes = 2 * maxDefinitionRunes

// Refine rewrites the definition of an entry that has issues:
//
//   - contradiction: the conflicting definitions are merged, each with the
//     document it comes from ("In a.md: ...; in b.md: ...", "In a.md: ...;
//     also: ..." when both come from one);
//   - unclear: the best other evidence in the corpus is used when there is
//     any, otherwise the definition is kept with a lower confidence;
//   - missing_relation: a "See also" reference to the related term is added;
//   - unnecessary: nothing changes (the pipeline drops excluded entries).
//
// It returns ctx's error, wrapped, when ctx ends.
func (e *Engine) Refine(ctx context.Context, c *pipeline.Corpus, entry glossary.Entry, issues []glossary.Issue) (pipeline.Definition, error) {
	a, err := assessTerm(ctx, c, entry.Term, entry.Aliases, entry.Occurrences)
	if err != nil {
		return pipeline.Definition{}, fmt.Errorf("builtin refine %q: %w", entry.Term, err)
	}
	ja := entryIsJapanese(index(c), entry)
	out := pipeline.Definition{Text: entry.Definition, Confidence: entry.Confidence, Evidence: entry.Evidence}
	has := func(t glossary.IssueType) []glossary.Issue {
		var found []glossary.Issue
		for _, is := range issues {
			if is.Type == t {
				found = append(found, is)
			}
		}
		return found
	}

	if len(has(glossary.Contradiction)) > 0 {
		if len(a.clusters) > 1 {
			out.Text = mergeDefinitions(a.clusters, ja || allJapanese(a.clusters))
			out.Confidence = confConflicting
			var where []string
			for _, cl := range a.clusters {
				where = append(where, representative(cl).where())
			}
			out.Evidence = strings.Join(where, ", ")
		} else {
			out.Confidence = min(out.Confidence, confConflicting)
		}
	}

	if len(has(glossary.Unclear)) > 0 && len(has(glossary.Contradiction)) == 0 {
		text := a.definitionText()
		better := a.ok && text != "" && text != out.Text && !isCircular(text, entry.Term, entry.Aliases) &&
			(a.hasDefinition() || out.Text == "" || isCircular(out.Text, entry.Term, entry.Aliases))
		if better {
			out.Text, out.Confidence, out.Evidence = text, a.confidence, a.evidenceString()
		} else {
			out.Confidence = max(min(out.Confidence, confUsageMax)-0.1, 0)
		}
	}

	for _, is := range has(glossary.MissingRelation) {
		rel := relatedTerm(is.Description, entry.Term)
		if rel == "" || glossary.Contains(out.Text, seeAlsoEN+rel) || strings.Contains(out.Text, seeAlsoJA+rel) {
			continue
		}
		if ja {
			out.Text = strings.TrimSpace(out.Text) + " " + seeAlsoJA + rel + "。"
		} else {
			out.Text = strings.TrimSpace(out.Text) + " " + seeAlsoEN + rel + "."
		}
	}
	out.Confidence = math.Round(out.Confidence*100) / 100
	return out, nil
}

// mergeDefinitions joins one definition per cluster, each named by its
// document: "In a.md: ...; in b.md: ..." or 「a.md では「…」、b.md では「…」と説明されている。」.
// Only the maxMergedShown clusters with the most documents are quoted, in
// their order, and the others counted: Python's library reference says
// "The return value is ..." of forty functions, which cut to forty
// "The return…" said nothing.
func mergeDefinitions(clusters [][]evidence, ja bool) string {
	more := 0
	if len(clusters) > maxMergedShown {
		idx := make([]int, len(clusters))
		for i := range idx {
			idx[i] = i
		}
		sort.SliceStable(idx, func(a, b int) bool { return clusterWeight(clusters[idx[a]]) > clusterWeight(clusters[idx[b]]) })
		keep := idx[:maxMergedShown]
		sort.Ints(keep)
		kept := make([][]evidence, 0, maxMergedShown)
		for _, i := range keep {
			kept = append(kept, clusters[i])
		}
		more = len(clusters) - maxMergedShown
		clusters = kept
	}
	per := maxMergedRunes / len(clusters)
	var parts []string
	prevDoc := ""
	for i, cl := range clusters {
		e := representative(cl)
		body := capTextTo(e.text, per)
		// Two definitions from one document name it once: "In a.md: ...;
		// also: ...".
		same := i > 0 && e.doc == prevDoc
		prevDoc = e.doc
		if ja {
			body = strings.TrimRight(body, "。．")
			if same {
				parts = append(parts, fmt.Sprintf("また「%s」", body))
			} else {
				parts = append(parts, fmt.Sprintf("%s では「%s」", e.doc, body))
			}
			continue
		}
		body = strings.TrimRight(body, ".")
		switch {
		case same:
			parts = append(parts, "also: "+body)
		case i > 0:
			parts = append(parts, fmt.Sprintf("in %s: %s", e.doc, body))
		default:
			parts = append(parts, fmt.Sprintf("In %s: %s", e.doc, body))
		}
	}
	if ja {
		if more > 0 {
			return strings.Join(parts, "、") + fmt.Sprintf("と説明されている（ほかに %d 件の説明がある）。", more)
		}
		return strings.Join(parts, "、") + "と説明されている。"
	}
	if more > 0 {
		return strings.Join(parts, "; ") + fmt.Sprintf("; and %d more elsewhere.", more)
	}
	return strings.Join(parts, "; ") + "."
}

// allJapanese reports clusters whose every quoted definition is Japanese:
// they are merged in Japanese whatever the term is written in
// (「aptitude は…です」 of two pages).
func allJapanese(clusters [][]evidence) bool {
	for _, cl := range clusters {
		if !representative(cl).ja {
			return false
		}
	}
	return len(clusters) > 0
}

// maxMergedShown bounds the conflicting definitions quoted in one.
const maxMergedShown = 3

// relatedTerm reads the related term out of a missing_relation description
// written by Review: the second quoted term.
func relatedTerm(desc, term string) string {
	var quoted []string
	for _, pair := range [][2]string{{"\"", "\""}, {"「", "」"}} {
		rest := desc
		for {
			i := strings.Index(rest, pair[0])
			if i < 0 {
				break
			}
			rest = rest[i+len(pair[0]):]
			j := strings.Index(rest, pair[1])
			if j < 0 {
				break
			}
			quoted = append(quoted, rest[:j])
			rest = rest[j+len(pair[1]):]
		}
	}
	for _, q := range quoted {
		if q != "" && q != term {
			return q
		}
	}
	return ""
}
