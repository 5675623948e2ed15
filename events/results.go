package events

import "github.com/genglossary/genglossary/internal/glossary"

// StepOutput is the JSON payload of a run.result event (inline or in the
// artifacts object store): the whole output of one step, which replaces the
// previous output of that step when it is applied.
//
//   - extract: Terms and AutoExcluded
//   - provisional, refined: Entries (Partial when the step was cancelled
//     and kept what it finished)
//   - issues: Issues
type StepOutput struct {
	Terms        []glossary.Term  `json:"terms,omitempty"`
	AutoExcluded []string         `json:"auto_excluded,omitempty"`
	Entries      []glossary.Entry `json:"entries,omitempty"`
	Issues       []glossary.Issue `json:"issues,omitempty"`
	Partial      bool             `json:"partial,omitempty"`
}
