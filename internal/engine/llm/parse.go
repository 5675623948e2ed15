package llm

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"

	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/pipeline"
)

var unescaper = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&")

// jsonObject returns the JSON object in a reply, tolerating <think> blocks,
// code fences and prose around it.
func jsonObject(content string) (string, error) {
	s := strings.TrimSpace(content)
	for {
		i := strings.Index(s, "<think>")
		if i < 0 {
			break
		}
		j := strings.Index(s[i:], "</think>")
		if j < 0 {
			break
		}
		s = s[:i] + s[i+j+len("</think>"):]
	}
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "```") {
		if nl := strings.IndexByte(s, '\n'); nl >= 0 {
			s = s[nl+1:]
		} else {
			s = strings.TrimPrefix(s, "```")
		}
		if i := strings.LastIndex(s, "```"); i >= 0 {
			s = s[:i]
		}
		s = strings.TrimSpace(s)
	}
	if !strings.HasPrefix(s, "{") {
		i, j := strings.IndexByte(s, '{'), strings.LastIndexByte(s, '}')
		if i < 0 || j < i {
			if s == "" {
				return "", invalidf("the reply is empty")
			}
			return "", invalidf("the reply is not a JSON object")
		}
		s = s[i : j+1]
	}
	if !json.Valid([]byte(s)) {
		return "", invalidf("the reply is not valid JSON")
	}
	return s, nil
}

func decode(content string, v any) error {
	s, err := jsonObject(content)
	if err != nil {
		return err
	}
	if err := json.Unmarshal([]byte(s), v); err != nil {
		return invalidf("the reply does not have the expected shape: %s", jsonProblem(err))
	}
	return nil
}

// jsonProblem describes a decoding error without quoting the reply.
func jsonProblem(err error) string {
	if te, ok := err.(*json.UnmarshalTypeError); ok {
		return fmt.Sprintf("field %q should be %s, not %s", te.Field, te.Type, te.Value)
	}
	return "cannot decode it"
}

// matcher maps the spellings a model may echo back to the terms given.
type matcher map[string]string

func newMatcher(terms []string) matcher {
	m := matcher{}
	for _, t := range terms {
		m[t] = t
	}
	for _, t := range terms {
		k := norm(t)
		if _, ok := m[k]; !ok {
			m[k] = t
		}
	}
	return m
}

func norm(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(unescaper.Replace(s)), " "))
}

func (m matcher) find(s string) (string, bool) {
	if t, ok := m[s]; ok {
		return t, true
	}
	t, ok := m[norm(s)]
	return t, ok
}

func checkConfidence(c *float64) error {
	if c == nil {
		return invalidf(`the field "confidence" is missing`)
	}
	if math.IsNaN(*c) || *c < 0 || *c > 1 {
		return invalidf("confidence %v is out of range: it must be between 0 and 1", *c)
	}
	return nil
}

func parseClassify(content string, terms []string) (map[string]glossary.Category, error) {
	var r struct {
		Terms *[]struct {
			Term     *string `json:"term"`
			Category *string `json:"category"`
		} `json:"terms"`
	}
	if err := decode(content, &r); err != nil {
		return nil, err
	}
	if r.Terms == nil {
		return nil, invalidf(`the field "terms" is missing`)
	}
	m := newMatcher(terms)
	out := map[string]glossary.Category{}
	for _, it := range *r.Terms {
		if it.Term == nil || it.Category == nil {
			return nil, invalidf(`an item lacks "term" or "category"`)
		}
		t, ok := m.find(*it.Term)
		if !ok {
			return nil, invalidf("unknown term %q: it is not one of the terms given", truncate(*it.Term, 80))
		}
		c, err := glossary.ParseCategory(*it.Category)
		if err != nil {
			return nil, invalidf("invalid category %q for %q", truncate(*it.Category, 40), t)
		}
		if _, dup := out[t]; !dup {
			out[t] = c
		}
	}
	for _, t := range terms {
		if _, ok := out[t]; !ok {
			return nil, invalidf("no category for the term %q", t)
		}
	}
	return out, nil
}

func parseDefine(content string, occs []glossary.Occurrence) (pipeline.Definition, error) {
	var r struct {
		Definition    *string  `json:"definition"`
		Confidence    *float64 `json:"confidence"`
		SourceContext *float64 `json:"source_context"`
	}
	if err := decode(content, &r); err != nil {
		return pipeline.Definition{}, err
	}
	if r.Definition == nil || strings.TrimSpace(*r.Definition) == "" {
		return pipeline.Definition{}, invalidf(`the field "definition" is missing or empty`)
	}
	if err := checkConfidence(r.Confidence); err != nil {
		return pipeline.Definition{}, err
	}
	d := pipeline.Definition{Text: strings.TrimSpace(*r.Definition), Confidence: *r.Confidence}
	if sc := r.SourceContext; sc != nil && *sc >= 1 && *sc <= float64(len(occs)) && *sc == math.Trunc(*sc) {
		o := occs[int(*sc)-1]
		d.Evidence = fmt.Sprintf("%s:%d", o.Document, o.Line)
	}
	return d, nil
}

func parseReview(content string, entries []glossary.Entry) ([]glossary.Issue, error) {
	var r struct {
		Issues *[]struct {
			TermName        *string `json:"term_name"`
			IssueType       *string `json:"issue_type"`
			Description     *string `json:"description"`
			ShouldExclude   *bool   `json:"should_exclude"`
			ExclusionReason *string `json:"exclusion_reason"`
		} `json:"issues"`
	}
	if err := decode(content, &r); err != nil {
		return nil, err
	}
	if r.Issues == nil {
		return nil, invalidf(`the field "issues" is missing`)
	}
	names := make([]string, len(entries))
	for i, e := range entries {
		names[i] = e.Term
	}
	m := newMatcher(names)
	out := []glossary.Issue{}
	for _, it := range *r.Issues {
		if it.TermName == nil || it.IssueType == nil || it.Description == nil {
			return nil, invalidf(`an issue lacks "term_name", "issue_type" or "description"`)
		}
		t, ok := m.find(*it.TermName)
		if !ok {
			return nil, invalidf("unknown term %q: it is not one of the entries given", truncate(*it.TermName, 80))
		}
		typ := glossary.IssueType(strings.NewReplacer(" ", "_", "-", "_").Replace(strings.ToLower(strings.TrimSpace(*it.IssueType))))
		if !typ.Valid() {
			return nil, invalidf("invalid issue_type %q for %q", truncate(*it.IssueType, 40), t)
		}
		desc := strings.TrimSpace(*it.Description)
		if desc == "" {
			return nil, invalidf("the issue for %q has an empty description", t)
		}
		is := glossary.Issue{Term: t, Type: typ, Description: desc}
		if it.ShouldExclude != nil && *it.ShouldExclude {
			is.ShouldExclude = true
			if it.ExclusionReason != nil {
				is.ExclusionReason = strings.TrimSpace(*it.ExclusionReason)
			}
			if is.ExclusionReason == "" {
				is.ExclusionReason = desc
			}
		}
		out = append(out, is)
	}
	return out, nil
}

func parseRefine(content string) (pipeline.Definition, error) {
	var r struct {
		Refined    *string  `json:"refined_definition"`
		Confidence *float64 `json:"confidence"`
	}
	if err := decode(content, &r); err != nil {
		return pipeline.Definition{}, err
	}
	if r.Refined == nil || strings.TrimSpace(*r.Refined) == "" {
		return pipeline.Definition{}, invalidf(`the field "refined_definition" is missing or empty`)
	}
	if err := checkConfidence(r.Confidence); err != nil {
		return pipeline.Definition{}, err
	}
	return pipeline.Definition{Text: strings.TrimSpace(*r.Refined), Confidence: *r.Confidence}, nil
}
