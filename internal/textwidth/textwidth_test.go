package textwidth

import (
	"strings"
	"testing"
)

func TestFold(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, want string
	}{
		{"ascii unchanged", "API and HTTP", "API and HTTP"},
		{"japanese unchanged", "用語集を作ります。", "用語集を作ります。"},
		{"full-width letters", "ＡＰＩとは、ｗｅｂの仕組みです。", "APIとは、webの仕組みです。"},
		{"full-width digits", "２０２６年１１月", "2026年11月"},
		{"full-width punctuation kept", "何ですか？　はい！（注：１）", "何ですか？　はい！（注：1）"},
		{"half-width katakana", "ｶﾀｶﾅとﾃﾞｰﾀﾍﾞｰｽ", "カタカナとデータベース"},
		{"half-width semi-voiced", "ﾊﾟｹｯﾄ", "パケット"},
		{"half-width brackets and stop", "｢ﾃｽﾄ｣｡", "「テスト」。"},
		{"lines kept", "ＡＢ\nｶﾅ\r\nＣ", "AB\nカナ\r\nC"},
		{"other U+FFxx kept", "￥１００＠ｘ", "￥100＠x"},
		{"invalid utf-8 kept", "Ａ\xef\xbc", "A\xef\xbc"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := Fold(tt.in); got != tt.want {
				t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFoldProse(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, want string
	}{
		{"prose", "ＡＰＩとは、ｶﾅです。\n", "APIとは、カナです。\n"},
		{"fenced code kept", "ＡＰＩ\n```js\nf('ａｂｃ')\n```\nＡＰＩ\n", "API\n```js\nf('ａｂｃ')\n```\nAPI\n"},
		{"tilde fence kept", "~~~\nｶﾅ\n~~~~\nｶﾅ", "~~~\nｶﾅ\n~~~~\nカナ"},
		{"longer fence closes only on its length", "````\nＡ\n```\nＢ\n````\nＣ", "````\nＡ\n```\nＢ\n````\nC"},
		{"indented fence", "  ```\n  ｘ\n  ```\nｘ", "  ```\n  ｘ\n  ```\nx"},
		{"fence in a block quote", "> ```\n> ｆ('ａ')\n> ```\n> ＡＰＩ", "> ```\n> ｆ('ａ')\n> ```\n> API"},
		{"a quote's end ends its fence", "> ```\n> ｆ('ａ')\n\nＡＰＩ", "> ```\n> ｆ('ａ')\n\nAPI"},
		{"inline code kept", "`ｶﾅ` はｶﾅ、``ａ`ｂ``はａ", "`ｶﾅ` はカナ、``ａ`ｂ``はa"},
		{"unmatched backtick is text", "`ＡＰＩ", "`API"},
		{"backticks in a line are not a fence", "``` ｘ ` ｙ\nＡ", "``` x ` y\nA"},
		{"crlf", "ＡＰＩ\r\n```\r\nＡ\r\n```\r\nＡ", "API\r\n```\r\nＡ\r\n```\r\nA"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := FoldProse(tt.in); got != tt.want {
				t.Errorf("FoldProse(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFoldKeepsLineCount(t *testing.T) {
	t.Parallel()
	in := strings.Repeat("ＡＰＩ ｶﾞ\n", 100)
	if got := Fold(in); strings.Count(got, "\n") != 100 {
		t.Fatalf("lines = %d", strings.Count(got, "\n"))
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"ＡＰＩ", "ｶﾞｷﾞ", "a\xef", "\xef\xbd\x9f", "？！"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Fold(s)
		if strings.Count(got, "\n") != strings.Count(s, "\n") {
			t.Fatalf("Fold changed the line count of %q: %q", s, got)
		}
		if Fold(got) != got {
			t.Fatalf("Fold is not idempotent on %q: %q then %q", s, got, Fold(got))
		}
		prose := FoldProse(s)
		if strings.Count(prose, "\n") != strings.Count(s, "\n") {
			t.Fatalf("FoldProse changed the line count of %q: %q", s, prose)
		}
		if Fold(prose) != got {
			t.Fatalf("FoldProse then Fold of %q = %q, want Fold's %q", s, Fold(prose), got)
		}
	})
}
