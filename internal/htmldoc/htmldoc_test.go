package htmldoc

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
)

func TestIs(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]bool{
		"a.html": true, "docs/B.HTM": true, "c.htm": true, "d.md": false, "e.xhtml": false, "html": false,
	} {
		if got := Is(name); got != want {
			t.Errorf("Is(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestRedirect: a page whose <meta> refresh sends its reader on at once,
// with a few words besides, is a redirect; a page that reloads itself or
// has text of its own is not. The pages are written for this test.
func TestRedirect(t *testing.T) {
	t.Parallel()
	long := "<p>" + strings.Repeat("A berth is a place at a quay where a ship moors. ", 5) + "</p>"
	for _, tc := range []struct {
		name, page string
		want       bool
	}{
		{"texinfo node", `<html><head><meta http-equiv="Refresh" content="0; url=Grammar.html#Aliasing"></head><body><p>The node you are looking for is at <a href="Grammar.html#Aliasing">Aliasing</a>.</p></body></html>`, true},
		{"moved, upper case", `<META HTTP-EQUIV="REFRESH" CONTENT="5;URL=/new/">This page has moved. You will be sent there in five seconds.`, true},
		{"no body text", `<meta http-equiv="refresh" content="0; url=a.html">`, true},
		{"reloads itself", `<meta http-equiv="refresh" content="30"><p>Berth status.</p>`, false},
		{"waits long", `<meta http-equiv="refresh" content="600; url=a.html"><p>Berth status.</p>`, false},
		{"has text", `<meta http-equiv="refresh" content="0; url=a.html">` + long, false},
		{"other meta", `<meta http-equiv="Content-Type" content="text/html; charset=utf-8"><p>Refresh the berth list.</p>`, false},
		{"no meta", `<p>Press F5 to refresh.</p>`, false},
	} {
		if got := Redirect(tc.page); got != tc.want {
			t.Errorf("%s: Redirect = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestGeneratedPage: a Sphinx build's general index, module index and
// search page are made from the other pages (their entries link to them)
// and hold no text of their own; a page about an index or a search is
// text. The pages are written for this test.
func TestGeneratedPage(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, page string
		want       bool
	}{
		{"general index", `<h1 id="index">Index</h1><table class="indextable genindextable"><tr><td><ul><li><a href="api.html#quay.Berth">Berth (class in quay)</a></li></ul></td></tr></table>`, true},
		{"module index", `<h1>Python Module Index</h1><table class="indextable modindextable"><tr><td><a href="api.html#module-quay"><code>quay</code></a></td></tr></table>`, true},
		{"search page", `<script src="_static/searchtools.js"></script><h1 id="search-documentation">Search</h1><p>Please activate JavaScript to enable the search functionality.</p><div id="search-results"></div>`, true},
		{"about indexes", `<h1>Berth indexes</h1><p>An index table lists the berths of a quay.</p>`, false},
		{"about search", `<h1>Search</h1><p>The search page finds berths by name.</p><div id="results"></div>`, false},
	} {
		if got := Generated(tc.page); got != tc.want {
			t.Errorf("%s: Generated = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// The pages are written for this test.
func TestToMarkdown(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, want string
	}{
		{"headings and paragraphs",
			"<h1>Mooring</h1><p>A <strong>bollard</strong> is a short post.</p><h2>Lines</h2><p>Crews tie <em>hawsers</em>.</p>",
			"# Mooring\n\nA **bollard** is a short post.\n\n## Lines\n\nCrews tie *hawsers*.\n"},
		{"one line of blocks stays apart",
			"<body><h2>Tides</h2><p>High water.</p><p>Low water.</p></body>",
			"## Tides\n\nHigh water.\n\nLow water.\n"},
		{"a term that is a sentence goes on into its definition",
			"<h1>T</h1><dl><dt>number - the depth is read as a number.</dt><dd><p>An empty depth is 0.</p></dd><dt>Bollard</dt><dd>A post.</dd></dl>",
			"# T\n\n- number - the depth is read as a number. An empty depth is 0.\n- Bollard: A post.\n"},
		{"emphasis inside a word is the word; Japanese keeps its marks",
			"<h1>T</h1><p>Tidewatch is a <b>t</b>ide-<b>w</b>atching tool with <em>fast</em> rules.</p><p>これは<strong>潮位表</strong>です。</p>",
			"# T\n\nTidewatch is a tide-watching tool with *fast* rules.\n\nこれは**潮位表**です。\n"},
		{"whitespace collapses, br breaks the line, entities decode",
			"<h1>T</h1><p>The   harbor\n   office&nbsp;opens&amp;closes.<br>Next line.</p>",
			"# T\n\nThe harbor office opens&closes.\nNext line.\n"},
		{"inline code and links",
			"<h1>T</h1><p>Run <code>harbor moor</code> as <a href=\"/x\">the moor guide</a> says.</p>",
			"# T\n\nRun `harbor moor` as the moor guide says.\n"},
		{"nested and ordered lists",
			"<h1>T</h1><ul><li>Berths<ul><li>Deep berths</li></ul></li><li><p>Quays</p><p>of stone</p></li></ul><ol><li>Arrive</li><li>Moor</li></ol>",
			"# T\n\n- Berths\n  - Deep berths\n- Quays of stone\n\n1. Arrive\n2. Moor\n"},
		{"definition list",
			"<h1>T</h1><dl><dt>Capstan</dt><dd><p>A rotating drum that hauls lines.</p></dd><dt>Fender</dt><dt>Bumper</dt><dd>A cushion between hull and quay.</dd><dt>Orphan</dt></dl>",
			"# T\n\n- Capstan: A rotating drum that hauls lines.\n- Fender: A cushion between hull and quay.\n- Bumper: A cushion between hull and quay.\n- Orphan\n"},
		{"a definition list nested in a definition keeps its terms as keys, and a list in a definition stays",
			"<h1>T</h1><dl><dt>Vessels</dt><dd><p>Things that float.</p><dl><dt>Tugs</dt><dd><p>Small boats that push ships.</p>" +
				"<dl><dt>Harbor tugs</dt><dd>Tugs that stay in port.</dd></dl></dd><dt>Barges</dt><dd>Flat boats.</dd></dl></dd>" +
				"<dt>Quays</dt><dd>Stone walls:<ul><li>north</li><li>south</li></ul></dd></dl>",
			"# T\n\n- Vessels: Things that float.\n  - Tugs: Small boats that push ships.\n    - Harbor tugs: Tugs that stay in port.\n  - Barges: Flat boats.\n" +
				"- Quays: Stone walls:\n  - north\n  - south\n"},
		{"a definition's labelled fields that open it go after its text",
			"<h1>T</h1><dl><dt>berth</dt><dd><p><strong>Grammar: </strong><code>berth &lt;name&gt;;</code></p><p><strong>Tags: </strong>quay</p>" +
				"<p><p>Sets the place where a ship lies.</p></p><p>Each berth has a number.</p></dd>" +
				"<dt>tug</dt><dd><p><strong>Note:</strong> tugs push.</p></dd></dl>",
			"# T\n\n- berth: Sets the place where a ship lies. Each berth has a number. **Grammar:** `berth <name>;` **Tags:** quay\n" +
				"- tug: **Note:** tugs push.\n"},
		{"table",
			"<h1>T</h1><table><thead><tr><th>Key</th><th>Meaning</th></tr></thead><tbody><tr><td><code>draught</code></td><td>Depth of the keel | in meters.</td></tr></tbody></table>",
			"# T\n\n| Key | Meaning |\n| --- | --- |\n| `draught` | Depth of the keel \\| in meters. |\n"},
		{"pre is fenced, longer than its backticks",
			"<h1>T</h1><pre><code>moor(ship)\n  tie(```)</code></pre>",
			"# T\n\n````\nmoor(ship)\n  tie(```)\n````\n"},
		{"prose in a pre is text, code and a table in it stay fenced, its menus go",
			"<h1>T</h1><pre class=\"text\">A berth is the place at a quay where a ship lies. It is given to a ship\n" +
				"by the harbour master when the ship <span class=\"dropdown\"><a>arrives<ul class=\"dropdown-menu\"><li>This keyword is available in sections :</li></ul></a></span>.\n\n" +
				"  - a deep berth takes a ship with a draught of more than ten metres;\n" +
				"  - a short berth is one for the small boats of the port.\n\n" +
				"berth north\n    length 200\n    depth 12\n\n" +
				"Name     Length   Depth\nnorth    200      12\nsouth    120      8\n</pre>",
			"# T\n\nA berth is the place at a quay where a ship lies. It is given to a ship\nby the harbour master when the ship arrives.\n\n" +
				"- a deep berth takes a ship with a draught of more than ten metres;\n- a short berth is one for the small boats of the port.\n\n" +
				"```\nberth north\n    length 200\n    depth 12\n\nName     Length   Depth\nnorth    200      12\nsouth    120      8\n```\n"},
		{"a word the formatter broke at a line's end in a pre's prose is one word",
			"<h1>T</h1><pre>       The  harbour  master  keeps  the  list  of  berths.  Each ship is moored by the mas-\n" +
				"       ter of the tug, and each berth is given on a first-come, first-\n" +
				"       served basis (the tug  is  client-\n" +
				"       side).\n</pre>",
			"# T\n\nThe  harbour  master  keeps  the  list  of  berths.  Each ship is moored by the master\n" +
				"of the tug, and each berth is given on a first-come, first-served\nbasis (the tug  is  client-side).\n"},
		{"a pre the page marks as code, a shell session and Japanese prose",
			"<h1>T</h1><div class=\"highlight\"><pre>The berth is the place where the ship lies and it is given by the master.</pre></div>" +
				"<pre>$ moor --berth north\n\nThe ship is now moored at the north berth and the lines are tied to it.</pre>" +
				"<pre>岸壁は、船を横付けするための壁です。港長が船に割り当てます。</pre>",
			"# T\n\n```\nThe berth is the place where the ship lies and it is given by the master.\n```\n\n" +
				"```\n$ moor --berth north\n\nThe ship is now moored at the north berth and the lines are tied to it.\n```\n\n" +
				"岸壁は、船を横付けするための壁です。港長が船に割り当てます。\n"},
		{"a placeholder in the text is not a tag",
			"<h1>T</h1><p>Moor with <code>moor &lt;berth&gt;</code>: the ship lies at &lt;berth&gt; until 3 &lt; 4.</p>",
			"# T\n\nMoor with `moor <berth>`: the ship lies at \\<berth> until 3 < 4.\n"},
		{"blockquote",
			"<h1>T</h1><blockquote><p>Quoted.</p><p>Again.</p></blockquote>",
			"# T\n\n> Quoted.\n>\n> Again.\n"},
		{"scripts, styles, navigation, forms, hidden and comments go",
			"<h1>T</h1><script>var p = '<p>no</p>';</script><style>p{}</style><nav>Home</nav><!-- note --><form><input value=x><button>Go</button></form>" +
				"<p hidden>secret</p><p aria-hidden=\"true\">icon</p><div role=\"navigation\">Menu</div><p>Kept.</p>",
			"# T\n\nKept.\n"},
		{"the main content, not the site around it",
			"<html><body><header><h1>Site</h1></header><div class=\"sidebar\"><p>Links</p></div><main><h1>Page</h1><p>Body.</p></main><footer>© Site</footer></body></html>",
			"# Page\n\nBody.\n"},
		{"role=main (Sphinx)",
			"<body><div class=\"sphinxsidebar\">Search</div><div role=\"main\"><section><h1>Berths<a class=\"headerlink\" href=\"#b\">¶</a></h1>" +
				"<div class=\"admonition note\"><p class=\"admonition-title\">Note</p><p>Berths are numbered.</p></div></section></div></body>",
			"# Berths\n\nBerths are numbered.\n"},
		{"a footnote's number is not part of the word before it (mdBook, Sphinx, pandoc)",
			"<h1>T</h1><p>Tuple types are a family of structural types<sup class=\"footnote-reference\"><a href=\"#n\">1</a></sup> for lists.</p>" +
				"<p>Berths<a class=\"footnote-ref\" href=\"#fn1\"><sup>2</sup></a> are numbered (Well Known Berths <a class=\"footnote-reference brackets\" href=\"#id2\">3</a>), " +
				"and quays <a class=\"footnote-reference\" href=\"#id3\">4</a>, too. Call <code>f( )</code> . Listen on \"127.0.0.1 ; ::1\".</p>",
			"# T\n\nTuple types are a family of structural types for lists.\n\nBerths are numbered (Well Known Berths), and quays, too. Call `f( )` . Listen on \"127.0.0.1 ; ::1\".\n"},
		{"a Sphinx see-also box points elsewhere: not the page's text",
			"<div role=\"main\"><h1>Berths</h1><div class=\"admonition seealso\"><p class=\"admonition-title\">See also</p>" +
				"<p>The <a href=\"x.html\">Tide tables</a> section for an in-depth review.</p></div><div class=\"seealso\"><p class=\"first admonition-title\">See also</p><p class=\"last\">Module quay.</p></div>" +
				"<p>Berths are numbered.</p></div>",
			"# Berths\n\nBerths are numbered.\n"},
		{"Sphinx's version notes are labels, not the text they head",
			"<h1>T</h1><dl><dt>moor_ship</dt><dd><div class=\"versionadded\"><p><span class=\"versionmodified added\">New in version 3.14.</span></p></div>" +
				"<p>Moors a ship.</p><p><span class=\"versionmodified changed\">Changed in version 3.2: </span>The lines stay tight.</p></dd></dl>",
			"# T\n\n- moor_ship: Moors a ship. The lines stay tight.\n"},
		{"a changelog folded under an object's description is its history, not its text",
			"<h1>T</h1><dl><dt>moor_ship</dt><dd><p>Moors a ship.</p><details class=\"changelog\"><summary>Changelog</summary><div class=\"versionchanged\">" +
				"<p><span class=\"versionmodified changed\">Changed in version 2.0: </span>Added the <code>tide</code> parameter.</p></div></details></dd></dl>",
			"# T\n\n- moor_ship: Moors a ship.\n"},
		{"a version note in its own block is a change, not the object's text",
			"<h1>T</h1><dl><dt>moor_ship</dt><dd><p>Moors a ship.</p><div class=\"versionchanged\">" +
				"<p><span class=\"versionmodified changed\">Changed in version 2.0: </span><code>tide</code> replaces the <code>water</code> parameter.</p></div>" +
				"<div class=\"versionadded\"><p><span class=\"versionmodified added\">New in version 1.1: </span>The <code>quay</code> parameter.</p></div></dd></dl>",
			"# T\n\n- moor_ship: Moors a ship.\n"},
		{"a Sphinx signature is its name in code, without its keyword or source link",
			"<h1>T</h1><dl><dt class=\"sig sig-object py\"><em class=\"property\"><span class=\"pre\">exception</span><span class=\"w\"> </span></em>" +
				"<span class=\"sig-prename descclassname\"><span class=\"pre\">harbor.errors.</span></span><span class=\"sig-name descname\"><span class=\"pre\">BerthError</span></span>" +
				"<a class=\"reference internal\" href=\"#\"><span class=\"viewcode-link\"><span class=\"pre\">[source]</span></span></a></dt>" +
				"<dd><p>Base class for berth errors.</p></dd></dl><p>An <em class=\"property\">important</em> rule.</p>",
			"# T\n\n- `harbor.errors.BerthError`: Base class for berth errors.\n\nAn *important* rule.\n"},
		{"the title when the content has no h1, without the site's name",
			"<html><head><title>Pilotage — Harbor Guide 2.0 documentation</title></head><body><article><p>Pilots board ships.</p></article></body></html>",
			"# Pilotage\n\nPilots board ships.\n"},
		{"Japanese",
			"<html lang=\"ja\"><head><title>係留 | 港湾ガイド</title></head><body><main><p>係船柱は岸壁にある短い柱です。</p><dl><dt>キャプスタン</dt><dd>索を巻き取る回転胴。</dd></dl></main></body></html>",
			"# 係留\n\n係船柱は岸壁にある短い柱です。\n\n- キャプスタン: 索を巻き取る回転胴。\n"},
		{"broken HTML is read as browsers read it",
			"<h1>T</h1><p>Open <b>bold <i>both</b> text</i><li>stray item<p>Last",
			"# T\n\nOpen **bold *both*** *text*\n\n- stray item Last\n"},
		{"touching elements keep their words apart",
			"<h1>T</h1><ul><li><a href=\"m.html\">moor_ship</a><span class=\"badge\">Experimental</span>: Moors a ship.</li></ul><p>Half<span>way</span> there.</p>",
			"# T\n\n- moor_ship Experimental: Moors a ship.\n\nHalfway there.\n"},
		{"no space before the punctuation after emphasis",
			"<h1>T</h1><p>It returns a <em>pointer</em>, which is an <strong> address </strong>.</p>",
			"# T\n\nIt returns a *pointer*, which is an **address** .\n"},
		{"a details summary heads what it opens",
			"<h1>FAQ</h1><details><summary>What is a <em>hawsepipe</em>?</summary><p>A pipe through the bow for the anchor chain.</p></details>",
			"# FAQ\n\n#### What is a *hawsepipe*?\n\nA pipe through the bow for the anchor chain.\n"},
		{"a summary that names its control is not a heading",
			"<h1>T</h1><details open><summary><span>Expand description</span></summary><p>Feature detection at run time.</p></details>",
			"# T\n\nFeature detection at run time.\n"},
		{"an XHTML anchor the parser leaves open around blocks (DocBook)",
			"<h1>T</h1><div class=\"table\"><a id=\"berths\"/><p class=\"title\"><strong>Table 1. Berths</strong></p>" +
				"<table><thead><tr><th>berth</th><th>depth</th></tr></thead><tbody><tr><td>B1</td><td>12 m</td></tr></tbody></table></div><p>After.</p>",
			"# T\n\n**Table 1. Berths**\n\n| berth | depth |\n| --- | --- |\n| B1 | 12 m |\n\nAfter.\n"},
		{"a link around a card",
			"<h1>T</h1><a href=\"/cranes\"><div><h3>Cranes</h3><p>Cranes lift cargo.</p></div></a>",
			"# T\n\n### Cranes\n\nCranes lift cargo.\n"},
		{"a table that lays out a box is read as its text (a DocBook admonition)",
			"<h1>T</h1><div class=\"tip\"><table summary=\"Tip\"><tr><td rowspan=\"2\"><img alt=\"[Tip]\" src=\"tip.png\"></td><th>Tip</th></tr>" +
				"<tr><td><p>Moor at high water.</p><p>Check the lines.</p></td></tr></table></div>",
			"# T\n\nMoor at high water.\n\nCheck the lines.\n"},
		{"tables of contents and the links between pages go",
			"<body><div class=\"navheader\"><table><tr><td><a href=\"a.html\">Prev</a></td><td><a href=\"c.html\">Next</a></td></tr></table></div>" +
				"<h1>T</h1><div class=\"toc\"><p><b>Table of Contents</b></p><dl><dt>1. Berths</dt><dd><dl><dt>1.1. Depth</dt></dl></dd></dl></div>" +
				"<p>Kept.</p><div class=\"navfooter\"><p>Chapter 3</p></div></body>",
			"# T\n\nKept.\n"},
		{"a generator's line at a page's end goes",
			"<h1>T</h1><p>Kept.</p><p><font size=\"-1\">This document was generated on <i>February 5, 2023</i> using <a href=\"https://www.gnu.org/software/texinfo/\"><i>texi2any</i></a>.</font></p>" +
				"<p>Generated by Doxygen 1.9.4</p><p>This page was generated by a careful review of every berth log in the harbour office over many years.</p>",
			"# T\n\nKept.\n\nThis page was generated by a careful review of every berth log in the harbour office over many years.\n"},
		{"a Sphinx rubric is a heading",
			"<h1>T</h1><p class=\"rubric\">Quaylinux &lt;= 10.8</p><p>On old releases the winch is slow.</p>",
			"# T\n\n###### Quaylinux <= 10.8\n\nOn old releases the winch is slow.\n"},
		{"Publican's links to the previous and next pages go",
			"<body><ul class=\"docnav top\"><li class=\"previous\"><a accesskey=\"p\" href=\"a.html\"><strong>Prev</strong></a></li></ul><h1>T</h1><p>Kept.</p>" +
				"<ul class=\"docnav\"><li class=\"previous\"><a accesskey=\"p\" href=\"a.html\"><strong>Prev</strong>4.15. Berths</a></li>" +
				"<li class=\"next\"><a accesskey=\"n\" href=\"c.html\"><strong>Next</strong>4.17. Tide limits and control</a></li></ul></body>",
			"# T\n\nKept.\n"},
		{"Texinfo's node header (links to the next, previous and up nodes) goes; a page header stays",
			"<body><div class=\"chapter\"><div class=\"header\"><p>Next: <a href=\"#Tides\" accesskey=\"n\" rel=\"next\">Tides</a>, Up: <a href=\"#Top\" accesskey=\"u\" rel=\"up\">Harbor</a> &nbsp; " +
				"[<a href=\"#SEC_Contents\" title=\"Table of contents\" rel=\"contents\">Contents</a>]</p></div><h1>T</h1>" +
				"<div class=\"node\"><a name=\"Tides\"></a><p>Previous:&nbsp;<a rel=\"previous\" accesskey=\"p\" href=\"#T\">T</a></p></div>" +
				"<p>Kept.</p><div class=\"header\"><p>Berths and <a href=\"tides.html\">tides</a>.</p></div></div></body>",
			"# T\n\nKept.\n\nBerths and tides.\n"},
		{"a list of links to other pages keeps its links",
			"<h1>T</h1><ul><li><p><a href=\"https://example.org/talk.pdf\">Harbor: ten years of pilots</a> (slides, English)</p></li>" +
				"<li><a href=\"help.html\">How to help [us]</a></li><li><a href=\"b.html\">Bollard</a>: a short post.</li></ul>",
			"# T\n\n- [Harbor: ten years of pilots](https://example.org/talk.pdf) (slides, English)\n- [How to help \\[us\\]](help.html)\n- Bollard: a short post.\n"},
		{"the header, contents and footer of an Asciidoctor page go; a section with such an id stays",
			"<body><div id=\"header\"><h1>Tugs</h1><div class=\"details\"><span id=\"author\" class=\"author\">The Harbor Team</span><br>" +
				"<span id=\"revdate\">2031-05-02</span></div><div id=\"toc\" class=\"toc2\"><div id=\"toctitle\">Table of Contents</div>" +
				"<ul><li><a href=\"#_mooring\">1. Mooring</a></li></ul></div></div><div id=\"content\"><div class=\"sect1\" id=\"email\"><h2>Email</h2>" +
				"<p>Tugs report by email.</p></div></div><div id=\"footer\"><div id=\"footer-text\">Last updated 2031-05-02</div></div></body>",
			"# Tugs\n\n## Email\n\nTugs report by email.\n"},
		{"a Texinfo page without its navigation, footer and empty quotes",
			"<body><table class=\"nav_table\"><tr><td>[<a href=\"a.html\">&lt; Moorings</a>]</td><td>[<a href=\"i.html\">Up: Tugs</a>]</td></tr></table>" +
				"<div id=\"main\"><h3>4.1 Tugs</h3><blockquote><img src=\"tug.png\"></blockquote><p>Tugs push ships.</p></div>" +
				"<div id=\"footer\"><p id=\"languages\">Other languages: <a href=\"t.de.html\">Deutsch</a>, <a href=\"t.fr.html\">Français</a></p></div></body>",
			"### 4.1 Tugs\n\nTugs push ships.\n"},
		{"a page without main or article: its banner and side panels go, a banner with the h1 stays",
			"<body><header id=\"TopLeftHeader\"><a href=\"h.html\"><p>Harbor 7.4 Help</p></a><button>Module</button></header>" +
				"<aside class=\"rightside\"><label>Contents</label></aside><aside class=\"leftside\"><div>Index</div></aside>" +
				"<div id=\"DisplayArea\"><h1>Tugs</h1><p>Tugs push ships.</p><aside><p>Aside in the text.</p></aside></div></body>",
			"# Tugs\n\nTugs push ships.\n\nAside in the text.\n"},
		{"the default branch of a switch reads (LibreOffice's help), the others stay hidden",
			"<h1>T</h1><p>Select it, and then, <span class=\"switchinline\"><span hidden=\"true\" id=\"MACx_2\" class=\"MAC\">hold the Command key</span>" +
				"<span hidden=\"true\" id=\"defaultx_2\"> click the right mouse button</span></span>. <span hidden>Never.</span></p>",
			"# T\n\nSelect it, and then, click the right mouse button.\n"},
		{"a banner that holds the page's h1 is its title",
			"<body><header><h1>Tugs</h1></header><p>Tugs push ships.</p></body>",
			"# Tugs\n\nTugs push ships.\n"},
		{"a figure in a definition is not its text",
			"<h1>T</h1><dl><dt>Normal</dt><dd><div class=\"figure\"><p class=\"title\"><b>Figure 8.9. Normal mode</b></p>" +
				"<div class=\"figure-contents\"><img src=\"n.png\" alt=\"x\"></div></div><p>The top layer covers the ones below.</p></dd>" +
				"<dt>Fade</dt><dd><figure><img src=\"f.png\"><figcaption>Fade mode</figcaption></figure><p>Blends the layers.</p></dd></dl>",
			"# T\n\n- Normal: The top layer covers the ones below.\n- Fade: Blends the layers.\n"},
		{"a picture's caption is not the section's prose (DocBook's mediaobject); the figure's title stays",
			"<h1>T</h1><h4>Border</h4><div class=\"figure\"><p class=\"title\"><b>Figure 16.12. Example of a border</b></p><div class=\"figure-contents\">" +
				"<div class=\"mediaobject\"><img src=\"b.png\" alt=\"x\"><div class=\"caption\"><p>An image with a selection</p></div></div>" +
				"<span class=\"phrase\">[Border diagram]</span></div></div>" +
				"<p>The border command makes a frame around the selection.</p>",
			"# T\n\n#### Border\n\n**Figure 16.12. Example of a border**\n\nThe border command makes a frame around the selection.\n"},
		{"an article's footer goes (Docusaurus)",
			"<main><article><header><h1>Tugs</h1></header><p>Tugs push ships.</p><footer class=\"theme-doc-footer\"><a href=\"e\">Edit this page</a>" +
				"<span>Last updated on May 2, 2031</span></footer></article></main>",
			"# Tugs\n\nTugs push ships.\n"},
		{"a list that lays out sections (Javadoc)",
			"<h1>Class Tug</h1><ul class=\"blockList\"><li class=\"blockList\"><h3>Method Summary</h3><table><tr><th>Method</th><th>Description</th></tr>" +
				"<tr><td><code>moor()</code></td><td>Moors the tug.</td></tr></table></li><li class=\"blockList\"><h4>moor</h4><pre>public void moor()</pre>" +
				"<div class=\"block\">Moors the tug at its quay.</div></li></ul><ol><li>Call <code>moor()</code>.</li><li>Check the lines:<table><tr><td>bow</td><td>tight</td></tr></table></li></ol>",
			"# Class Tug\n\n### Method Summary\n\n| Method | Description |\n| --- | --- |\n| `moor()` | Moors the tug. |\n\n#### moor\n\n```\npublic void moor()\n```\n\n" +
				"Moors the tug at its quay.\n\n1. Call `moor()`.\n2. Check the lines: bow tight\n"},
		{"a page's menu, breadcrumb, language links and quick view go (Apache httpd's manual)",
			"<body><div id=\"page-header\"><p class=\"menu\"><a href=\"m.html\">Modules</a> | <a href=\"d.html\">Directives</a> | <a href=\"f.html\">FAQ</a></p>" +
				"<p class=\"apache\">Harbor Server Version 2.4</p></div><div id=\"path\"><a href=\"/\">Harbor</a> &gt; <a href=\"/docs/\">Documentation</a> &gt; " +
				"<a href=\"m.html\">Modules</a></div><div id=\"page-content\"><div id=\"preamble\"><h1>Module mod_tug</h1><div class=\"toplang\">" +
				"<p><span>Available Languages: </span><a href=\"en\">&nbsp;en&nbsp;</a> |\n<a href=\"ja\">&nbsp;ja&nbsp;</a></p></div>" +
				"<div id=\"quickview\"><h3>Topics</h3><ul id=\"topics\"><li><img alt=\"\" src=\"down.gif\"> <a href=\"#order\">Order of Towing</a></li></ul>" +
				"<h3 class=\"directives\">Directives</h3><ul id=\"toc\"><li><a href=\"#tugpower\">TugPower</a></li></ul><h3>See also</h3>" +
				"<ul class=\"seealso\"><li><code class=\"module\"><a href=\"mod_moor.html\">mod_moor</a></code></li></ul></div>" +
				"<p>Tugs push ships. See <a href=\"a.html\">Berths</a> | <a href=\"b.html\">Quays</a> for more.</p><p>Pick: <a href=\"a.html\">Berths</a>, <a href=\"b.html\">Quays</a></p>" +
				"<div class=\"seealso\"><h3>Mooring</h3><ul><li><a href=\"m.html\">Lines</a>: rope that holds a ship.</li></ul></div></div></div></body>",
			"# Module mod_tug\n\nTugs push ships. See Berths | Quays for more.\n\nPick: Berths, Quays\n\n### Mooring\n\n- Lines: rope that holds a ship.\n"},
		{"an example broken into lines by br is code",
			"<h1>T</h1><p>For example:</p><div class=\"example\"><p><code>\nListen 80<br>\nListen   8000\n</code></p></div><p>Inline <code>a<br>b</code> stays.</p>" +
				"<dl><dt>Time</dt><dd>When the ship docked. Its format:<p><code>[day/month]<br>day = 2*digit</code></p>Local time.</dd></dl>",
			"# T\n\nFor example:\n\n```\nListen 80\nListen 8000\n```\n\nInline `a b` stays.\n\n- Time: When the ship docked. Its format: `[day/month] day = 2*digit` Local time.\n"},
		{"a backtick in the text is escaped, not a code span, but a TeX-era quote is one",
			"<h1>T</h1><p>Wildcards never match the `/' character: <code>/*/quay</code> fails.</p><p>Its sign: <code>zone = (`+' | `-')</code>.</p>" +
				"<p>Type `make' and then `make install'; a lone ` stays, and so does `this` ` .</p>",
			"# T\n\nWildcards never match the `/` character: `/*/quay` fails.\n\nIts sign: `` zone = (`+' | `-') ``.\n\n" +
				"Type `make` and then `make install`; a lone \\` stays, and so does \\`this\\` \\` .\n"},
		{"a source line break inside Japanese text is no space",
			"<h1>係船</h1><p>係船柱は岸壁に立つ\n   鉄の柱です。曳船は、\n大きな船を押します。<code>moor</code>\nを使い、\nTug\nを呼びます。</p>",
			"# 係船\n\n係船柱は岸壁に立つ鉄の柱です。曳船は、大きな船を押します。`moor` を使い、 Tug を呼びます。\n"},
		{"emphasis inside the same emphasis is marked once",
			"<h1>T</h1><p>Purge: Tug → Scrap (<strong><span class=\"keycap\"><strong>_</strong></span></strong>) and <em><em>moor</em></em>.</p>",
			"# T\n\nPurge: Tug → Scrap (**_**) and *moor*.\n"},
		{"code in an item, and between items, is nested under the item",
			"<h1>T</h1><ul><li>Moor the ship:<pre>moor --berth north\n\nmoor --check</pre>then check the lines.<ul><li>Tie a hawser.</li></ul></li>" +
				"<li>Call the tug as follows:</li><pre>tug call</pre><li>Leave.</li></ul>" +
				"<dl><dt>berth</dt><dd>The place where a ship lies:<pre>berth list</pre></dd></dl>",
			"# T\n\n- Moor the ship: then check the lines.\n  ```\n  moor --berth north\n\n  moor --check\n  ```\n  - Tie a hawser.\n" +
				"- Call the tug as follows:\n  ```\n  tug call\n  ```\n- Leave.\n\n- berth: The place where a ship lies:\n  ```\n  berth list\n  ```\n"},
		{"a quotation is in quotation marks",
			"<h1>T</h1><p>Set it in the panel (the <q>Berth of the ship</q> field) or <q>岸壁</q>; <q> </q>.</p>",
			"# T\n\nSet it in the panel (the \"Berth of the ship\" field) or 「岸壁」; .\n"},
		{"a link alone in a parenthesis is a cross-reference and stays a link",
			"<h1>T</h1><p>資源にはサーバ (<a class=\"reference internal\" href=\"resources.html#machines\"><span class=\"std std-ref\">港のマシン群</span></a>) があります。" +
				"See the roster ( <a href=\"crews.html\">Tug crews</a> ), the ledger (<a href=\"/x\">a</a> or <a href=\"/y\">b</a>) and (<a href=\"#z\"></a>).</p>",
			"# T\n\n資源にはサーバ ([港のマシン群](resources.html#machines)) があります。See the roster ( [Tug crews](crews.html) ), the ledger (a or b) and ().\n"},
		{"an anchor left open holds no list",
			"<a name=\"general\"><h2>General</h2><dl><dt>What is a berth?<dd>A place at a quay.<p><dt>Where is it?<dd><a href=\"quay.html\">The quay</a> lists it.</dl>",
			"## General\n\n- What is a berth?: A place at a quay.\n- Where is it?: The quay lists it.\n"},
		{"an XHTML anchor closed by its own tag",
			"<h1>T</h1><h3><a id=\"moor\"/>Mooring</h3><div class=\"itemizedlist\"><ul><li><p>Moor the ship:</p><div class=\"itemizedlist\"><ul><li><p>Tie a hawser.</p></li><li><p>Call the tug.</p></li></ul></div></li></ul></div>" +
				"<p><a name=\"fore\">Fore deck</a> | <a name=\"aft\">Aft deck</a></p>",
			"# T\n\n### Mooring\n\n- Moor the ship:\n  - Tie a hawser.\n  - Call the tug.\n\nFore deck | Aft deck\n"},
		{"nothing to read", "<script>x()</script>", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := ToMarkdown(tc.in); got != tc.want {
				t.Errorf("ToMarkdown:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

func TestToMarkdownDeepNesting(t *testing.T) {
	t.Parallel()
	in := "<h1>T</h1>" + strings.Repeat("<div>", 5000) + "<p>deep</p>" + strings.Repeat("</div>", 5000) + "<p>after</p>"
	if got, want := ToMarkdown(in), "T\n\ndeep\n\nafter\n"; got != want {
		t.Errorf("ToMarkdown of a page nested beyond the parser = %q, want its text %q", got, want)
	}
}

func FuzzToMarkdown(f *testing.F) {
	for _, s := range []string{
		"<h1>T</h1><p>A <b>b</b> <code>c</code></p>",
		"<dl><dt>a</dt><dd><ul><li>x<ol><li>y</li></ol></li></ul></dd></dl>",
		"<table><tr><td><table><tr><th>n</th></tr></table></td></tr></table>",
		"<pre>```</pre><blockquote><blockquote>q</blockquote></blockquote>",
		"<title>a — b</title><a>¶</a><a class=headerlink>#</a>",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := ToMarkdown(in)
		if utf8.ValidString(in) && !utf8.ValidString(out) {
			t.Errorf("invalid UTF-8 out of valid input %q", in)
		}
		if out != "" && !strings.HasSuffix(out, "\n") {
			t.Errorf("output does not end its last line: %q", out)
		}
	})
}

// benchPage returns a generated page of about 1 MB: sections of headings,
// paragraphs with inline markup, lists, a definition list, a table and
// code, inside site chrome.
func benchPage() string {
	var page strings.Builder
	page.WriteString(`<!DOCTYPE html><html><head><title>Harbor | Guide</title><script>var x = 1;</script></head><body><nav><ul><li><a href="/">Home</a></li></ul></nav><main>`)
	for i := 0; page.Len() < 1<<20; i++ {
		fmt.Fprintf(&page, `<section id="s%d"><h2>Berth %d<a class="headerlink" href="#s%d">¶</a></h2>`, i, i, i)
		fmt.Fprintf(&page, `<p>A <strong>berth %d</strong> is a place at a <a href="q.html">quay</a> where a ship moors; run <code>harbor moor --berth %d</code> to reserve it.</p>`, i, i)
		page.WriteString(`<ul><li>Deep berths<ul><li>for tankers</li></ul></li><li>Shallow berths</li></ul>`)
		page.WriteString(`<dl><dt>Capstan</dt><dd><p>A rotating drum that hauls mooring lines.</p></dd></dl>`)
		page.WriteString(`<table><tr><th>Key</th><th>Meaning</th></tr><tr><td><code>draught</code></td><td>Depth of the keel.</td></tr></table>`)
		page.WriteString("<pre><code>moor(ship)\n  tie()</code></pre></section>\n")
	}
	page.WriteString(`</main><footer>© Harbor</footer></body></html>`)
	return page.String()
}

// BenchmarkToMarkdown converts benchPage, reporting MB/s of HTML; its raw
// baseline is BenchmarkParseBaseline, the parse alone.
func BenchmarkToMarkdown(b *testing.B) {
	src := benchPage()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if ToMarkdown(src) == "" {
			b.Fatal("empty conversion")
		}
	}
}

// BenchmarkParseBaseline is golang.org/x/net/html's parse of benchPage
// alone: what ToMarkdown cannot go below.
func BenchmarkParseBaseline(b *testing.B) {
	src := benchPage()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := html.Parse(strings.NewReader(src)); err != nil {
			b.Fatal(err)
		}
	}
}
