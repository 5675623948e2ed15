package asciidoc

import (
	"strings"
	"testing"
)

// harbor is an Asciidoctor page written for these tests.
const harbor = `= Harbor Guide
Wren Talmadge <wren@example.org>
:product: Harbor
:toc: left
:description: Where ships moor and how.

// A comment that names a Phantomberth.

== Overview

A *berth* is a place at a quay where a ship moors in {product}.
See <<tides,the tide tables>>, link:https://example.org/rules[the port rules] or https://example.org[the site].
Press kbd:[Ctrl+C] to stop.footnote:[Only on the console.] Use ` + "`moor()`" + ` first.

NOTE: Berths are booked a day ahead.

[source,python]
.Booking a berth
----
berth = GhostHull("north")
----

[glossary]
== Glossary

bollard:: A short post on a quay that mooring lines are tied to.
capstan::
A rotating drum that hauls lines.

====
An example block is prose.
====

* First item
** Nested item
. Step one

[cols="1,2"]
|===
|Term |Meaning

|ebb |The tide going out.
|===

////
A comment block with GhostHull.
////

include::other.adoc[]
image::tide.png[Tide chart]
`

func TestToMarkdownKeepsLinesAndReadsProse(t *testing.T) {
	t.Parallel()
	got := ToMarkdown(harbor)
	in, out := strings.Split(harbor, "\n"), strings.Split(got, "\n")
	if len(in) != len(out) {
		t.Fatalf("%d lines in, %d out", len(in), len(out))
	}
	line := func(s string) int {
		t.Helper()
		for i, l := range in {
			if strings.Contains(l, s) {
				return i
			}
		}
		t.Fatalf("no input line has %q", s)
		return -1
	}
	tests := []struct{ at, want string }{
		{"= Harbor Guide", "# Harbor Guide"},
		{":description:", "Where ships moor and how."},
		{"== Overview", "## Overview"},
		{"A *berth*", "A **berth** is a place at a quay where a ship moors in Harbor."},
		{"See <<tides", "See the tide tables, the port rules or the site."},
		{"Press kbd", "Press Ctrl+C to stop. Use `moor()` first."},
		{"NOTE: Berths", "Berths are booked a day ahead."},
		{"bollard::", "- bollard: A short post on a quay that mooring lines are tied to."},
		{"capstan::", "- capstan:"},
		{"A rotating drum", "  A rotating drum that hauls lines."},
		{"An example block", "An example block is prose."},
		{"* First item", "- First item"},
		{"** Nested item", "- Nested item"},
		{". Step one", "1. Step one"},
		{"|Term |Meaning", "| Term | Meaning |"},
		{"|ebb |The tide", "| ebb | The tide going out. |"},
	}
	for _, tt := range tests {
		if i := line(tt.at); out[i] != tt.want {
			t.Errorf("line %d (%q) = %q, want %q", i+1, in[i], out[i], tt.want)
		}
	}
	if i := line("|Term |Meaning") + 1; out[i] != "| --- | --- |" {
		t.Errorf("line after the header row = %q, want the header rule", out[i])
	}
	for _, s := range []string{":product:", ":toc:", "// A comment", "[source,python]", ".Booking a berth", "----",
		"GhostHull(\"north\")", "[glossary]", "====", "[cols=", "|===", "////", "A comment block", "include::", "image::"} {
		if i := line(s); strings.TrimSpace(out[i]) != "" {
			t.Errorf("line %d (%q) = %q, want blank", i+1, in[i], out[i])
		}
	}
}

func TestInline(t *testing.T) {
	t.Parallel()
	attrs := map[string]string{"product": "Harbor"}
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"a *strong* word and **x**", "a **strong** word and **x**"},
		{"2 * 3 * 4", "2 * 3 * 4"},
		{"see xref:install.adoc#setup[Setup] now", "see Setup now"},
		{"<<a_section>> and <<b,Bee>>", "a section and Bee"},
		{"menu:File[Save > As]", "File > Save  >  As"},
		{"the {product} and {unset} values", "the Harbor and {unset} values"},
		{"a +{literal}+ and #marked# text", "a {literal} and marked text"},
		{"code `+{x}+` stays", "code `{x}` stays"},
		{"array[0] and std::vector[1]", "array[0] and std::vector[1]"},
		{"港の*係船柱*を見る", "港の**係船柱**を見る"},
		// Git's own macro and inline anchors.
		{"similar to linkgit:quay-show[1] output", "similar to `quay-show(1)` output"},
		{"works like quay moor <berth>, where <berth> is a name; 2<3", "works like quay moor \\<berth>, where \\<berth> is a name; 2<3"},
		{"[[def_berth]]berth and [[[bib]]] stay", "berth and [[[bib]]] stay"},
	}
	for _, tt := range tests {
		if got := inline(tt.in, attrs); got != tt.want {
			t.Errorf("inline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestIs(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]bool{"a.adoc": true, "b/C.ADOC": true, "c.asciidoc": true, "d.asc": false, "e.md": false} {
		if Is(name) != want {
			t.Errorf("Is(%q) = %v", name, !want)
		}
	}
}

// TestTwoLineTitles: AsciiDoc.py's titles over a line of = - ~ ^ + as
// long as the text (Git's manual pages) are headings, not a listing
// block's opening that blanked the rest of the page; a listing block after
// a paragraph stays code, and so does a verse paragraph (Git's synopses).
// The text is written for this test.
func TestTwoLineTitles(t *testing.T) {
	t.Parallel()
	src := "quay-moor(1)\n============\n\nNAME\n----\nquay-moor - Moor a ship\n\nDESCRIPTION\n-----------\nThe command moors a ship.\n\n" +
		"Run it like this to moor one:\n\n----\nquay moor --berth 4\n----\n\nOptions\n~~~~~~~\n[[def_berth]]--berth::\n\tThe berth to use.\n\n" +
		"[verse]\n'quay moor' [--berth <n>]\n\t  [--tide]\n\nDone.\n"
	want := "# quay-moor(1)\n\n\n## NAME\n\nquay-moor - Moor a ship\n\n## DESCRIPTION\n\nThe command moors a ship.\n\n" +
		"Run it like this to moor one:\n\n\n\n\n\n### Options\n\n- --berth:\n  The berth to use.\n\n\n\n\n\nDone.\n"
	if got := ToMarkdown(src); got != want {
		t.Errorf("ToMarkdown:\n%s\nwant:\n%s", got, want)
	}
}

// TestLooks: a .txt file written in AsciiDoc (Git's documentation) is told
// from plain text, from Markdown and from reStructuredText. The texts are
// written for this test.
func TestLooks(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name, src string
		want      bool
	}{
		{"git style", "quay-moor(1)\n============\n\nSee linkgit:quay-berth[1].\n\n--berth::\n\tThe berth to use.\n", true},
		{"anchors and attribute lines", "[[def_berth]]berth::\n\tA place.\n\n[verse]\nquay moor\n", true},
		{"plain text", "QUAY NOTES\n\nThe quay opens at six: call the office.\n", false},
		{"reStructuredText", ".. index::\n   single: berth\n\nShift with ``<<`` and ``>>``::\n\n   x << 2\n", false},
		{"python lists", "Example::\n\n    >>> list('ABC')\n    ['A', 'B', 'C']\n", false},
		{"markdown link", "See [the guide](https://example.org) and <<berth>> with linkgit:x[1].\n", false},
	} {
		if got := Looks(tt.src); got != tt.want {
			t.Errorf("%s: Looks = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func FuzzToMarkdown(f *testing.F) {
	f.Add(harbor)
	f.Add("quay(1)\n=======\n\nNAME\n----\n[[a]]x::\n\tY linkgit:z[1]\n\n[verse]\n'q' [-a]\n")
	f.Add("term::\n\n|===\n|a\n\n|===\n")
	f.Add("====\n----\nx\n====\n")
	f.Fuzz(func(t *testing.T, s string) {
		out := ToMarkdown(s)
		if a, b := strings.Count(s, "\n"), strings.Count(out, "\n"); a != b {
			t.Fatalf("%d lines in, %d out", a, b)
		}
	})
}

func TestTables(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, in, want string }{
		{
			name: "one cell per line, columns from cols",
			in:   "[cols=\"1,3\"]\n|===\n|Term |Meaning\n\n|荷口\n|一度に吊り上げる\n貨物のまとまり。\n\n|本船\n|荷役の対象となる船。\n|===\n",
			want: "\n\n| Term | Meaning |\n| --- | --- |\n| 荷口 | 一度に吊り上げる貨物のまとまり。 |\n\n\n\n| 本船 | 荷役の対象となる船。 |\n\n\n",
		},
		{
			name: "columns from the first row, numbers and specifiers",
			in:   "|===\n|Tide |Metres |Note\n|ebb |3 a|Going *out*.\n2+|spring |high\n|===\n",
			want: "\n| Tide | Metres | Note |\n| ebb | 3 | Going **out**. |\n| spring | high |\n\n",
		},
	}
	for _, tt := range tests {
		if got := ToMarkdown(tt.in); got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

// A cross reference whose text runs onto the next line (Git's glossary:
// "<<def_tree_object,tree" over "object>> together with ...") reads as its
// text, line for line.
func TestCrossReferenceOverTwoLines(t *testing.T) {
	t.Parallel()
	src := "[[def_quay]]quay::\n\tEither a <<def_berth,berth>>, or a <<def_pier_object,pier\n\tobject>> together with its <<def_bollard,bollards>>.\n"
	got := strings.Split(ToMarkdown(src), "\n")
	if len(got) != 4 {
		t.Fatalf("%d lines out, want 4: %q", len(got), got)
	}
	joined := strings.Join(got, " ")
	if strings.Contains(joined, "<<") || strings.Contains(joined, ">>") || !strings.Contains(joined, "pier") || !strings.Contains(joined, "object together") {
		t.Errorf("ToMarkdown = %q, want the references as their text", got)
	}
}
