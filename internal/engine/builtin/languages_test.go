package builtin

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/pipeline"
)

// A folder of English pages with a translation among them: the translation
// gives no terms and no definitions.
func TestPagesInOtherLanguagesAreNotRead(t *testing.T) {
	t.Parallel()
	en := glossary.Document{Path: "berth.md", Content: "# Berth\n\nA berth is a stretch of quay where one ship moors while it is loaded.\n\n" +
		"Run BerthCtl before the ship arrives at the harbour.\n"}
	pt := glossary.Document{Path: "berth.pt-br.md", Content: "# Ferramentas do porto\n\n" +
		"- **BerthCtl**: Atribui um berço a cada navio que chega ao porto e o libera quando o navio sai.\n" +
		"- **Marégrafo**: Mede a altura da maré no cais, e o agendador lê os valores na inicialização.\n\n" +
		"O agendador do porto atribui cada navio que chega a um berço. Quando todos os berços estão ocupados, o navio espera no fundeadouro até que o agendador libere um deles. " +
		"Se a tábua de marés não existir, o agendador não inicia e diz qual arquivo procurou.\n"}
	c := pipeline.NewCorpus([]glossary.Document{en, pt})
	e := newEngine(t)

	skipped := e.Skipped(c)
	if len(skipped) != 1 || skipped[0].Document != pt.Path || !strings.Contains(skipped[0].Reason, "Portuguese") {
		t.Errorf("Skipped = %+v, want %s in Portuguese", skipped, pt.Path)
	}
	var last [2]int
	cands, err := e.Extract(context.Background(), c, func(done, total int, _ string) { last = [2]int{done, total} })
	if err != nil {
		t.Fatal(err)
	}
	if last != [2]int{2, 2} {
		t.Errorf("last progress = %d/%d, want 2/2 (the page not read counts as done)", last[0], last[1])
	}
	var texts []string
	for _, cand := range cands {
		texts = append(texts, cand.Text)
		if slices.Contains(cand.Documents, pt.Path) {
			t.Errorf("candidate %q was read from %s", cand.Text, pt.Path)
		}
	}
	if !slices.Contains(texts, "berth") {
		t.Errorf("candidates = %v, want berth from the English page", texts)
	}
	d, err := e.Define(context.Background(), c, request(c, "BerthCtl"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(d.Text, "Atribui") {
		t.Errorf("BerthCtl is defined by the Portuguese page: %q", d.Text)
	}

	only := pipeline.NewCorpus([]glossary.Document{pt})
	if _, err := e.Extract(context.Background(), only, func(int, int, string) {}); !errors.Is(err, ErrNoReadableDocument) {
		t.Errorf("Extract over a Portuguese page only: err = %v, want ErrNoReadableDocument", err)
	}
	if got := e.Skipped(pipeline.NewCorpus([]glossary.Document{en})); !reflect.DeepEqual(got, []pipeline.Skipped(nil)) {
		t.Errorf("Skipped over an English page = %+v, want none", got)
	}
}
