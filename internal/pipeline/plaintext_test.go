package pipeline

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestDedentText: the margin of a plain-text rendering's body is taken
// off, so its paragraphs are prose, not code blocks, and the titles at the
// margin are headings; an example set in
// further stays code, a definition's body set in further stays text, and
// text whose indented lines are few (Markdown-like notes with code) is
// left as it is. Lines keep their numbers. The texts are written for this
// test.
func TestDedentText(t *testing.T) {
	t.Parallel()
	nbsp := "\u00a0\u00a0\u00a0 "
	for _, tc := range []struct {
		name, in, want string
	}{
		{
			name: "docbook text",
			in: "Chapter 1. Quays\n\n    A quay is a platform where ships\n" + nbsp + "are moored. Tie every line.\n\n" +
				"     Quay\n     {\n       Berth \"4\";\n     };\n\n    moor\n\n        Moor ties the ship to its berth.\n",
			want: "## Chapter 1. Quays\n\nA quay is a platform where ships\nare moored. Tie every line.\n\n" +
				"     Quay\n     {\n       Berth \"4\";\n     };\n\nmoor\n\n   Moor ties the ship to its berth.\n",
		},
		{
			name: "manual page without its header line",
			in: "NAME\n       quay - moor ships\n\nDESCRIPTION\n       Quay moors ships at the berth given.\n\n" +
				"       -b, --berth\n              the berth to use; berths are numbered\n              from the harbour's mouth.\n",
			want: "## NAME\nquay - moor ships\n\n## DESCRIPTION\nQuay moors ships at the berth given.\n\n" +
				"-b, --berth\n   the berth to use; berths are numbered\n   from the harbour's mouth.\n",
		},
		{
			name: "tabs and japanese",
			in:   "第1章 岸壁\n\n\t岸壁は船を係留する場所です。\n\t係留索で船を固定します。\n",
			want: "## 第1章 岸壁\n\n岸壁は船を係留する場所です。\n係留索で船を固定します。\n",
		},
		{
			name: "few indented lines",
			in:   "Quays\n\nA quay is a platform. Set the berth:\n\n    quay moor --berth 4\n\nThen tie the lines.\nEvery line is checked.\n",
			want: "Quays\n\nA quay is a platform. Set the berth:\n\n    quay moor --berth 4\n\nThen tie the lines.\nEvery line is checked.\n",
		},
		{
			name: "markdown kept as text",
			in:   "# Glossary\n\n:::{glossary}\nquay\n    A platform where ships are moored.\n    Every quay has berths.\n:::\n",
			want: "# Glossary\n\n:::{glossary}\nquay\n    A platform where ships are moored.\n    Every quay has berths.\n:::\n",
		},
		{
			name: "table of contents",
			in:   "目次\n\n1. 定義と概要\n    1.1. この FAQ は何?\n    1.2. 岸壁とは何?\n\n    岸壁は船を係留する場所です。\n    係留索で固定します。\n",
			want: "## 目次\n\n## 1. 定義と概要\n- 1.1. この FAQ は何?\n- 1.2. 岸壁とは何?\n\n岸壁は船を係留する場所です。\n係留索で固定します。\n",
		},
		{name: "empty", in: "", want: ""},
		{name: "blank lines only", in: "\n   \n\t\n", want: "\n   \n\t\n"},
	} {
		got := dedentText(tc.in)
		if got != tc.want {
			t.Errorf("%s: dedentText =\n%q\nwant\n%q", tc.name, got, tc.want)
		}
		if strings.Count(got, "\n") != strings.Count(tc.in, "\n") {
			t.Errorf("%s: line count changed", tc.name)
		}
	}
}

// TestGridTables: a plain-text rendering's grid table (debconf's
// specification, drawn by w3m) is read a row at a time, its cells whole;
// text without one is left as it is. The table is written for this test.
func TestGridTables(t *testing.T) {
	t.Parallel()
	in := "Table 1. Berth types\n\n   +----------------------------------+\n   | Type    | Description            |\n" +
		"   |---------+------------------------|\n   |         | A berth that holds one |\n   | single  | ship at a time.        |\n" +
		"   +----------------------------------+\n\nBerths are numbered.\n"
	want := "Table 1. Berth types\n\n   | |\n   | Type | Description |\n   | --- | --- |\n" +
		"   | single | A berth that holds one ship at a time. |\n   | |\n   | |\n\nBerths are numbered.\n"
	if got := gridTables(in); got != want {
		t.Errorf("gridTables =\n%q\nwant\n%q", got, want)
	}
	for _, s := range []string{"a +--- b\n", "x-+-y\nno table\n", ""} {
		if got := gridTables(s); got != s {
			t.Errorf("gridTables(%q) = %q", s, got)
		}
	}
}

// FuzzPlainText: reading any plain text (its grid tables, its margin)
// never panics, keeps the line count, and keeps valid UTF-8 valid.
func FuzzPlainText(f *testing.F) {
	for _, s := range []string{"    a\n    b\n", "Title\n    body\n\n     {\n     x;\n", "+--+\n| a |\n|  | b |\n+--+\n", "\u00a0\u00a0\u00a0 x\n    y\n",
		"    1.1. 岸壁\n    1.2. 係留\n", "\t\tx\n\ty\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := dedentText(gridTables(s))
		if strings.Count(got, "\n") != strings.Count(s, "\n") {
			t.Fatalf("line count %d, want %d", strings.Count(got, "\n"), strings.Count(s, "\n"))
		}
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("invalid UTF-8 from valid input: %q", got)
		}
	})
}
