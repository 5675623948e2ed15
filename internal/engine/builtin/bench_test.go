package builtin

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/pipeline"
)

// largeCorpus generates a corpus of about copies*55 KB from the test corpora:
// every copy renames the documents and varies the text a little so that no
// two documents are identical.
func largeCorpus(b *testing.B, copies int) []glossary.Document {
	b.Helper()
	var docs []glossary.Document
	for _, lang := range []string{"en", "ja"} {
		for _, d := range loadCorpus(b, lang).Docs {
			for i := range copies {
				content := strings.ReplaceAll(d.Content, "Rotterdam", fmt.Sprintf("Rotterdam-%d", i))
				content = strings.ReplaceAll(content, "札幌", fmt.Sprintf("札幌%d", i))
				docs = append(docs, glossary.Document{Path: fmt.Sprintf("%s/%03d/%s", lang, i, d.Path), Content: content})
			}
		}
	}
	return docs
}

// BenchmarkDefine measures the provisional step over a generated ~2 MB
// corpus: building the per-corpus index once, then defining 30 terms with all
// their occurrences. MB/s is corpus bytes per second.
func BenchmarkDefine(b *testing.B) {
	docs := largeCorpus(b, 40)
	terms := []string{
		"broker", "topic", "partition", "offset", "consumer group", "segment", "controller", "Write-Ahead Log",
		"WAL", "ISR", "Dead Letter Queue", "retention policy", "producer", "lease", "compaction", "high watermark",
		"Ingrid Solberg", "QuillClient", "ターゲット", "アクション", "ビルドグラフ", "DAG", "ワークスペース",
		"サンドボックス", "アクションキャッシュ", "ルール", "キャッシュキー", "インクリメンタルビルド", "佐藤美咲", "CAS",
	}
	occs := make([][]glossary.Occurrence, len(terms))
	size := 0
	for _, d := range docs {
		size += len(d.Content)
	}
	for i, t := range terms {
		occs[i] = glossary.FindOccurrences(docs, t)
	}
	e := newEngine(b)
	ctx := context.Background()
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		c := pipeline.NewCorpus(docs)
		for i, t := range terms {
			if _, err := e.Define(ctx, c, pipeline.DefineRequest{Term: t, Occurrences: occs[i]}); err != nil {
				b.Fatal(err)
			}
		}
	}
}
