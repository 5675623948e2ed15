package builtin

import (
	"strings"
	"testing"

	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/pipeline"
)

// TestDefineDescribingSentences checks that a sentence with the term as its
// subject and a verb that says what it does becomes the definition, as it
// is, with confidence confDescribe, and that sentences that only mention
// the term stay usages (the texts are written for this test).
func TestDefineDescribingSentences(t *testing.T) {
	t.Parallel()
	en := "# Tern\n\n" +
		"Tern keeps a mailbox per tenant. Old mailboxes are archived.\n\n" +
		"## Options\n\n" +
		"SkipEmpty will have the sweeper ignore mailboxes without letters.\n" +
		"Similarly, `KeepDrafts()` can be used to hold drafts across restarts.\n" +
		"The sweeper removes archived letters once a day.\n" +
		"Sweepers run on every node of the cluster.\n\n" +
		"Mailbox quotas are listed in the admin page. The roadmap can be found here.\n" +
		"The roadmap lists the planned releases of Tern.\n" +
		"A relay is described in the handbook. Every relay forwards letters to other tenants.\n"
	ja := "# ツバメ\n\n" +
		"配送器は、キューから手紙を取り出して宛先へ届けます。\n" +
		"また、仕分け器は届いた手紙を宛先ごとに分類する。\n" +
		"保管庫は手紙を削除しません。\n" +
		"控え帳は昨年に廃止された。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "en.md", Content: en}, {Path: "ja.md", Content: ja}})
	e := newEngine(t)
	describes := []struct{ term, want string }{
		{"SkipEmpty", "SkipEmpty will have the sweeper ignore mailboxes without letters."},
		{"KeepDrafts", "KeepDrafts() can be used to hold drafts across restarts."},
		{"sweeper", "The sweeper removes archived letters once a day."},
		{"relay", "Every relay forwards letters to other tenants."},
		{"配送器", "配送器は、キューから手紙を取り出して宛先へ届けます。"},
		{"仕分け器", "仕分け器は届いた手紙を宛先ごとに分類する。"},
	}
	for _, tc := range describes {
		t.Run(tc.term, func(t *testing.T) {
			t.Parallel()
			d := define(t, e, c, tc.term)
			if d.Text != tc.want || d.Confidence != confDescribe {
				t.Errorf("definition = %q (%.2f), want %q (%.2f)", d.Text, d.Confidence, tc.want, confDescribe)
			}
		})
	}
	// Not describing: the term qualifies the subject ("Mailbox quotas"),
	// where to find it, a negation, a past event.
	for _, term := range []string{"mailbox", "保管庫", "控え帳"} {
		t.Run(term, func(t *testing.T) {
			t.Parallel()
			if d := define(t, e, c, term); d.Confidence >= confDescribe && !strings.HasPrefix(d.Text, usedInPrefixEN) {
				t.Errorf("definition = %q (%.2f), want a usage", d.Text, d.Confidence)
			}
		})
	}
	if d := define(t, e, c, "roadmap"); strings.Contains(d.Text, "can be found") {
		t.Errorf("roadmap: definition %q says where it is, not what it does", d.Text)
	}
}
