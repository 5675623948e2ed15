package builtin

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/genglossary/genglossary/internal/document"
	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/pipeline"
)

// TestDumpGlossary runs the whole pipeline over the directory named by
// GG_DUMP_DIR and prints the refined glossary and the issues. It is a tool
// for looking at the engine's output on real documents; it is skipped unless
// the variable is set.
func TestDumpGlossary(t *testing.T) {
	dir := os.Getenv("GG_DUMP_DIR")
	if dir == "" {
		t.Skip("GG_DUMP_DIR not set")
	}
	docs, _, err := document.LoadDir(dir, document.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	st := &pipeline.State{}
	if err := pipeline.New(newEngine(t), pipeline.Options{}).Run(context.Background(), pipeline.NewCorpus(docs), st, pipeline.ScopeFull.Steps(), nil); err != nil {
		t.Fatal(err)
	}
	byTerm := map[string][]glossary.Issue{}
	for _, is := range st.Issues {
		byTerm[is.Term] = append(byTerm[is.Term], is)
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "terms extracted %d, auto-excluded %d, provisional %d, issues %d, refined %d\n",
		len(st.Terms), len(st.AutoExcluded), len(st.Provisional), len(st.Issues), len(st.Refined))
	fmt.Fprintf(&sb, "auto-excluded: %v\n", st.AutoExcluded)
	excl := []string{}
	for _, is := range st.Issues {
		if is.ShouldExclude {
			excl = append(excl, is.Term)
		}
	}
	sort.Strings(excl)
	fmt.Fprintf(&sb, "review-excluded: %v\n", excl)
	for _, en := range st.Refined {
		var types []string
		for _, is := range byTerm[en.Term] {
			types = append(types, string(is.Type))
		}
		fmt.Fprintf(&sb, "%-32s %-14s %.2f %v %v | %s\n", en.Term, en.Category, en.Confidence, en.Aliases, types, capTextTo(en.Definition, 110))
	}
	if out := os.Getenv("GG_DUMP_OUT"); out != "" {
		if err := os.WriteFile(out, []byte(sb.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Log("\n" + sb.String())
}
