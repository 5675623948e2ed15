package rst

import (
	"reflect"
	"strings"
	"testing"
)

// harbor is a Sphinx page written for these tests (¤ stands for a
// backtick, which a Go raw string cannot hold).
var harbor = strings.ReplaceAll(`.. _harbor-guide:

=============
Harbor guide
=============

:Author: Wren Talmadge
:Date: 2026-03-01
:description: Where ships moor and how.

Overview
========

A **berth** is a place at a quay where a ship moors. See :term:¤bollard¤
and :ref:¤the tide tables <tides>¤, or read ¤the port rules <https://example.org/rules>¤_.
Call ¤¤moor()¤¤ or :py:func:¤~harbor.ops.undock¤ to leave. The FAQ_ answers more [#]_.

.. note::

   Berths are booked a day ahead.

.. code-block:: python

   berth = Berth("north")
   berth.book()

Booking is done with the CLI::

    harbor book --berth north

.. glossary::
   :sorted:

   bollard
      A short post on a quay that mooring lines are tied to.

   capstan
      A rotating drum that hauls lines.

.. option:: -t, --tide <level>

   The tide level below which no ship may leave.

.. py:function:: undock(ship, force=False)

   Release a ship from its berth.

   :param ship: The ship to release.
   :type ship: Optional[Ship]
   :param bool force: Leave without clearance.
   :rtype: bool

.. el:defun:: harbor-moor SHIP &optional FORCE

   Moor SHIP at the nearest free berth.

.. rst:directive:: .. berthinclude:: filename

   Longer berth plans may be kept in a file of their own.

.. |project| replace:: Harbor
.. This is a comment
   that spans two lines.

.. [#] Footnotes are prose too.

Tides
-----

+--------+--------+
| Tide   | Height |
+========+========+
| spring | high   |
+--------+--------+

=======  =========  ======================
Term     Unit       Description
=======  =========  ======================
ebb      hours      The tide going out.
-------  ---------  ----------------------
flood    hours      The tide coming in.
=======  =========  ======================

.. image:: tide.png
   :alt: A tide chart

#. First, check the |project| tide tables.
`, "¤", "`")

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
	tests := []struct {
		at, want string
	}{
		{"Harbor guide", "# Harbor guide"},
		{"Overview", "## Overview"},
		{"Tides", "### Tides"},
		{"A **berth** is", "A **berth** is a place at a quay where a ship moors. See bollard"},
		{"tide tables <tides>", "and the tide tables, or read the port rules."},
		{"Call ``moor()``", "Call `moor()` or `undock` to leave. The FAQ answers more."},
		{"Berths are booked", "Berths are booked a day ahead."},
		{"Booking is done", "Booking is done with the CLI:"},
		{"   bollard", "bollard"},
		{"A short post", "   A short post on a quay that mooring lines are tied to."},
		{"The tide level", "- `--tide`: The tide level below which no ship may leave."},
		{"Release a ship", "- `undock`: Release a ship from its berth."},
		{":param ship:", "- `ship`: The ship to release."},
		{":param bool force:", "- `force`: Leave without clearance."},
		{":type ship:", ""},
		{":rtype:", ""},
		{"Moor SHIP", "- `harbor-moor`: Moor SHIP at the nearest free berth."},
		{"Longer berth plans", "- `berthinclude`: Longer berth plans may be kept in a file of their own."},
		{"Footnotes are prose", "Footnotes are prose too."},
		{"| spring | high", "| spring | high |"},
		{"+--------+--------+", "| |"}, // a border keeps the table going
		{"+========+========+", "| --- | --- |"},
		{":description:", "Where ships moor and how."},
		{"Term     Unit", "| Term | Unit | Description |"},
		{"ebb      hours", "| ebb | hours | The tide going out. |"},
		{"flood    hours", "| flood | hours | The tide coming in. |"},
		{"#. First", "1. First, check the project tide tables."},
	}
	for _, tt := range tests {
		if i := line(tt.at); out[i] != tt.want {
			t.Errorf("line %d (%q) = %q, want %q", i+1, in[i], out[i], tt.want)
		}
	}
	// Not prose: targets, adornments, docinfo, directive lines and options,
	// code, literal blocks, substitution definitions, comments, table
	// borders, images.
	for _, s := range []string{".. _harbor-guide:", "=============", ":Author:", ":Date:", ".. note::", ".. code-block::",
		`berth = Berth("north")`, "berth.book()", "harbor book --berth", ".. glossary::", ":sorted:", ".. option::",
		".. py:function::", ".. |project|", ".. This is a comment", "that spans two lines",
		"-------  ---------",
		".. image::", ":alt: A tide chart", "========", "-----"} {
		if i := line(s); strings.TrimSpace(out[i]) != "" {
			t.Errorf("line %d (%q) = %q, want blank", i+1, in[i], out[i])
		}
	}
}

func TestInline(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"plain text, nothing to do", "plain text, nothing to do"},
		{"use ``ctx.Done()`` here", "use `ctx.Done()` here"},
		{":abbr:`LIFO (last-in, first-out)` order", "LIFO (last-in, first-out) order"},
		{"see :doc:`/guide/install` and :envvar:`HARBOR_HOME`", "see /guide/install and `HARBOR_HOME`"},
		{":py:meth:`Quay.moor` and :class:`!Quay`", "`Quay.moor` and `Quay`"},
		{"`Go <https://go.dev>`__ and `<https://go.dev>`_", "Go and https://go.dev"},
		{"the `interpreted text` stays", "the interpreted text stays"},
		{"call __init__ and my_func_ and FAQ_.", "call __init__ and my_func and FAQ."},
		{"snake_case_name stays", "snake_case_name stays"},
		{"a |sub| and |link|_ here", "a sub and link here"},
		{"a | b | c", "a | b | c"},
		{"cited [CIT2002]_, noted [1]_.", "cited, noted."},
		{`an escaped \*star\* and a\ join`, "an escaped *star* and ajoin"},
		{"`text`:emphasis: after", "text after"},
		{"港の :term:`係船柱` を見る", "港の 係船柱 を見る"},
		{"as defined in :pep:`420`, :rfc:`2616#section-3` and :pep:`the quay PEP <8>`", "as defined in PEP 420, RFC 2616 and the quay PEP"},
		// A project's own roles show a command, a page or a number.
		{"see :hg:`help config` and :manpage:`quay(5)`, fixed in :issue:`42`", "see `help config` and `quay(5)`, fixed in `42`"},
		{":math:`x^2` and :sub:`2`", "x^2 and 2"},
		// A placeholder is text; Markdown would read it as a tag.
		{"push to <remote>, where <remote> is a name; 2<3 and ``<b>``", "push to \\<remote>, where \\<remote> is a name; 2<3 and `<b>`"},
	}
	for _, tt := range tests {
		if got := Inline(tt.in); got != tt.want {
			t.Errorf("Inline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestRolesBrokenOverLines: a role that a line break interrupts loses its
// markup on both lines, its target too, and a code role keeps backquotes;
// the lines keep their count.
func TestRolesBrokenOverLines(t *testing.T) {
	t.Parallel()
	src := "quay entry\n   A place on the :term:`berth path` which the :term:`path\n   based finder` consults.\n\n" +
		"tide type\n   A type that can be parameterized; typically a :ref:`container class\n   <sequence-types>` such as :class:`list` or\n" +
		"   :class:`dict`. Use :func:`open\n   <io.open>` to read, or a :term:`keyword argument\n   <argument>`. Then a :term:`port\n   <harbor>`.\n   It is kept.\n\n" +
		"BDFL\n   Benevolent Dictator For Life, a.k.a. `Ann Lee\n   <https://quay.example/>`_, the founder. The `interpreted\n   text` stays.\n"
	got := ToMarkdown(src)
	want := "quay entry\n   A place on the berth path which the path\n   based finder consults.\n\n" +
		"tide type\n   A type that can be parameterized; typically a container class\n   such as `list` or\n" +
		"   `dict`. Use `open\n   ` to read, or a keyword argument.\n   Then a port\n   .\n   It is kept.\n\n" +
		"BDFL\n   Benevolent Dictator For Life, a.k.a. Ann Lee,\n   the founder. The `interpreted\n   text` stays.\n"
	if got != want {
		t.Errorf("ToMarkdown =\n%s\nwant\n%s", got, want)
	}
	if strings.Count(got, "\n") != strings.Count(src, "\n") {
		t.Errorf("line count changed")
	}
}

func TestIs(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]bool{"a.rst": true, "docs/B.RST": true, "c.rest": true, "d.md": false, "rst": false,
		"_build/html/_sources/index.rst.txt": true, "notes.txt": false, "rst.txt": false} {
		if Is(name) != want {
			t.Errorf("Is(%q) = %v", name, !want)
		}
	}
}

// TestLooks: plain text written in reStructuredText (Mercurial's help, a
// Python project's README.txt) is told from plain text and from Markdown
// kept in .txt files. The texts are written for this test.
func TestLooks(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name, src string
		want      bool
	}{
		{"directive and role", "Quays\n=====\n\nSee :hg:`help quay`.\n\n.. note::\n\n   Tides vary.\n", true},
		{"literal block and double backquotes", "Set ``berth`` like this::\n\n  [quay]\n  berth = 4\n\nDone.\n", true},
		{"one kind only", "Use ``berth`` and ``tide`` here.\nNothing else.\n", false},
		{"plain text", "QUAY NOTES\n\nThe quay opens at six. Call the office: 555-0100.\n", false},
		{"markdown in txt", "# Quay\n\n```\nberth = 4\n```\n\nSee ``berth`` and :hg:`help`.\n", false},
		{"markdown link", "Read [the guide](https://example.org/guide) and :ref:`quay` with ``berth``.\n", false},
	} {
		if got := Looks(tt.src); got != tt.want {
			t.Errorf("%s: Looks = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func FuzzToMarkdown(f *testing.F) {
	f.Add(harbor)
	f.Add("Title\n=====\n\n.. note::\n\n   body\n")
	f.Add("::\n\n    code\n")
	f.Add(".. py:function:: f(\n\n   x\n")
	f.Fuzz(func(t *testing.T, s string) {
		out := ToMarkdown(s)
		if a, b := strings.Count(s, "\n"), strings.Count(out, "\n"); a != b {
			t.Fatalf("%d lines in, %d out", a, b)
		}
	})
}

func TestSimpleTable(t *testing.T) {
	t.Parallel()
	in := "Intro.\n\n=====  ==========\nName   Meaning\n=====  ==========\nebb    Going out.\n-----  ----------\n潮汐    満ち引き。\n=====  ==========\n\nAfter.\n"
	want := "Intro.\n\n\n| Name | Meaning |\n| --- | --- |\n| ebb | Going out. |\n\n| 潮汐 | 満ち引き。 |\n\n\nAfter.\n"
	if got := ToMarkdown(in); got != want {
		t.Errorf("ToMarkdown =\n%q\nwant\n%q", got, want)
	}
}

// TestGridTableRowsSpanLines: a grid table's cell that spans lines is read
// whole, its row on one line (Babel's date fields: "| Era | “G“ |
// Replaced with the era string ... One |" over "| | | to three letters
// ..."). The table is written for this test.
func TestGridTableRowsSpanLines(t *testing.T) {
	t.Parallel()
	in := "Fields\n======\n\n+-------+--------+---------------------------+\n| Field | Symbol | Description               |\n" +
		"+=======+========+===========================+\n| Tide  | ``T``  | Replaced with the height  |\n|       |        | of the tide at the berth. |\n" +
		"+-------+--------+---------------------------+\n\nAfter the table.\n"
	out := strings.Split(ToMarkdown(in), "\n")
	want := []string{"# Fields", "", "", "| |", "| Field | Symbol | Description |", "| --- | --- | --- |",
		"| Tide | `T` | Replaced with the height of the tide at the berth. |", "| |", "| |", "", "After the table.", ""}
	if !reflect.DeepEqual(out, want) {
		t.Errorf("ToMarkdown =\n%q\nwant\n%q", out, want)
	}
}
