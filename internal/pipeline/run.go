package pipeline

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/genglossary/genglossary/internal/glossary"
)

// Scope says which steps a run executes. The strings are stable.
type Scope string

// Scopes of a run.
const (
	ScopeFull            Scope = "full"             // extract, provisional, issues, refined
	ScopeFromTerms       Scope = "from_terms"       // provisional, issues, refined
	ScopeFromProvisional Scope = "from_provisional" // issues, refined
	ScopeExtract         Scope = "extract"
	ScopeProvisional     Scope = "provisional"
	ScopeIssues          Scope = "issues"
	ScopeRefined         Scope = "refined"
)

// Scopes lists the valid scopes in a stable order.
var Scopes = []Scope{ScopeFull, ScopeFromTerms, ScopeFromProvisional, ScopeExtract, ScopeProvisional, ScopeIssues, ScopeRefined}

// ErrUnknownScope is returned by ParseScope for a name that is not a scope.
var ErrUnknownScope = errors.New("unknown scope")

// ErrMissingPrerequisite is returned when a step's input is missing:
// provisional without terms, issues or refined without a provisional
// glossary. It is checked before anything is replaced.
var ErrMissingPrerequisite = errors.New("missing prerequisite")

// ParseScope returns the scope named s. The original tool's names are
// accepted as aliases: generate (provisional), review (issues) and refine
// (refined).
func ParseScope(s string) (Scope, error) {
	switch v := Scope(strings.ToLower(strings.TrimSpace(s))); v {
	case "generate":
		return ScopeProvisional, nil
	case "review":
		return ScopeIssues, nil
	case "refine":
		return ScopeRefined, nil
	default:
		for _, sc := range Scopes {
			if v == sc {
				return v, nil
			}
		}
	}
	return "", fmt.Errorf("%w %q (want one of %s)", ErrUnknownScope, s, scopeList())
}

func scopeList() string {
	var b strings.Builder
	for i, s := range Scopes {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(string(s))
	}
	return b.String()
}

// Steps returns the steps the scope runs, in order.
func (s Scope) Steps() []Step {
	switch s {
	case ScopeFull:
		return []Step{StepExtract, StepProvisional, StepIssues, StepRefined}
	case ScopeFromTerms:
		return []Step{StepProvisional, StepIssues, StepRefined}
	case ScopeFromProvisional:
		return []Step{StepIssues, StepRefined}
	case ScopeExtract, ScopeProvisional, ScopeIssues, ScopeRefined:
		return []Step{Step(s)}
	}
	return nil
}

// State is what the steps read and write. A run starts from the project's
// current state and each step replaces its own part.
type State struct {
	Rules        TermRules
	Synonyms     Synonyms
	Terms        []glossary.Term
	AutoExcluded []string
	Provisional  []glossary.Entry
	Issues       []glossary.Issue
	Refined      []glossary.Entry
}

// Glossary returns the refined glossary with its issues, the export's input.
func (s *State) Glossary() glossary.Glossary {
	return glossary.Glossary{Terms: s.Refined, Issues: s.Issues}
}

// CheckPrerequisite reports whether step can run on st, with an error
// wrapping ErrMissingPrerequisite that says what is missing.
func CheckPrerequisite(step Step, st *State) error {
	switch step {
	case StepProvisional:
		if len(st.Terms) == 0 {
			return fmt.Errorf("%w: provisional needs extracted terms; run extract first", ErrMissingPrerequisite)
		}
	case StepIssues, StepRefined:
		if len(st.Provisional) == 0 {
			return fmt.Errorf("%w: %s needs a provisional glossary; run provisional first", ErrMissingPrerequisite, step)
		}
	}
	return nil
}

// StepDone is called after each step with its result in st. A step that was
// cancelled with a partial result worth keeping (provisional, refined) is
// reported with partial true before Run returns the cancellation error.
type StepDone func(step Step, st *State, partial bool) error

// Run executes steps in order on c, updating st. Each step's prerequisite is
// checked before it starts; on failure st is left as it was for that step.
// onDone (may be nil) sees each finished step; its error stops the run.
//
// A panic in a step (an engine bug met on some document) is recovered and
// returned as an error wrapping ErrPanic that names the step; its stack
// goes to the logger at info level.
func (p *Pipeline) Run(ctx context.Context, c *Corpus, st *State, steps []Step, onDone StepDone) (err error) {
	if onDone == nil {
		onDone = func(Step, *State, bool) error { return nil }
	}
	var current Step
	defer func() {
		if v := recover(); v != nil {
			p.opts.Logger.Info("panic in a step", "step", string(current), "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
			err = fmt.Errorf("%s: %w: panic: %v", current, ErrPanic, v)
		}
	}()
	extracted := false
	for _, step := range steps {
		current = step
		if step == StepProvisional && extracted && len(st.Terms) == 0 {
			return fmt.Errorf("%w: extract found no terms in the documents; add documents or required terms", ErrMissingPrerequisite)
		}
		if err := CheckPrerequisite(step, st); err != nil {
			return err
		}
		var err error
		partial := false // a cancelled step whose partial output replaced st
		switch step {
		case StepExtract:
			var res ExtractResult
			res, err = p.Extract(ctx, c, st.Rules)
			if err == nil {
				st.Terms, st.AutoExcluded = res.Terms, res.AutoExcluded
				extracted = true
			}
		case StepProvisional:
			var out []glossary.Entry
			out, err = p.Provisional(ctx, c, st.Terms, st.Synonyms)
			if err == nil || (errors.Is(err, ErrCancelled) && len(out) > 0) {
				st.Provisional, partial = out, err != nil
			}
		case StepIssues:
			var out []glossary.Issue
			out, err = p.Issues(ctx, c, st.Provisional)
			if err == nil {
				st.Issues = out
			}
		case StepRefined:
			var out []glossary.Entry
			out, err = p.Refined(ctx, c, st.Provisional, st.Issues)
			if err == nil || (errors.Is(err, ErrCancelled) && len(out) > 0) {
				st.Refined, partial = out, err != nil
			}
		default:
			return fmt.Errorf("unknown step %q", step)
		}
		if err != nil {
			if partial {
				if herr := onDone(step, st, true); herr != nil {
					return errors.Join(err, herr)
				}
			}
			return err
		}
		if err := onDone(step, st, false); err != nil {
			return err
		}
	}
	return nil
}
