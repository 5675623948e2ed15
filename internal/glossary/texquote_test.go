package glossary

import (
	"slices"
	"strings"
	"testing"
)

func TestTeXQuotes(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		in   string
		want []string
	}{
		{"Type `make' and then `make install' as root.", []string{"`make'", "`make install'"}},
		{"A `proper` span and ``a'b`` and `kbuf' here.", []string{"`kbuf'"}},
		{"`don't' stop", []string{"`don't'"}},
		{"a lone ` backquote and it's fine", nil},
		{"`quay.h'、`tcutil.h' を読む", []string{"`quay.h'", "`tcutil.h'"}},
		{"no quotes at all", nil},
		{"` spaced' no", nil},
		// Code spans that hold quotes: Python's "`'f'` or `'F'`".
		{"prefixed with `'f'` or `'F'`, and `'O&'` units", nil},
		{"call `f('x')` then `g'", []string{"`g'"}},
		// A string literal opened after a bracket, "=" or ",": code
		// around a string in any script.
		{"`filter('絞り込みたい文字種')` と `moor(a, '北岸')` と `x='岸'` と `g'", []string{"`g'"}},
	} {
		var got []string
		for _, q := range TeXQuotes(tt.in) {
			got = append(got, tt.in[q[0]:q[1]])
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("TeXQuotes(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzTeXQuotes: the quotes found open with a backquote and close with an
// apostrophe, in order, without overlapping, on one line.
func FuzzTeXQuotes(f *testing.F) {
	for _, s := range []string{"Type `make' and `make install'.", "`f('x')` then `g'", "``a'b`` `c'", "`don't'", "`\n'", "``", "`'"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		last := 0
		for _, q := range TeXQuotes(s) {
			if q[0] < last || q[1] <= q[0]+2 || q[1] > len(s) || s[q[0]] != '`' || s[q[1]-1] != '\'' ||
				strings.ContainsAny(s[q[0]+1:q[1]-1], "`\n") {
				t.Fatalf("TeXQuotes(%q): bad quote %v", s, q)
			}
			last = q[1]
		}
	})
}
