package sitemarkup

import (
	"strings"
	"testing"
)

func TestStrip(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, want string
	}{
		{
			name: "plain Markdown is unchanged",
			in:   "# Title\n\nA queue holds messages.\n\n---\n\nMore text.\n",
			want: "# Title\n\nA queue holds messages.\n\n---\n\nMore text.\n",
		},
		{
			name: "Japanese label lines are headings",
			in:   "■概要\n本書は手順を説明します。\n【用語】\n◆スケジューラー\n■これは文です。\n●項目\n【重要】この操作は戻せません。\n```\n■コード\n```\n> ```\n> 【引用コード】\n> ```\n> ```\n> コード\n【用語】\n",
			want: "#### 概要\n本書は手順を説明します。\n#### 用語\n#### スケジューラー\n■これは文です。\n●項目\n【重要】この操作は戻せません。\n```\n■コード\n```\n> ```\n> 【引用コード】\n> ```\n> ```\n> コード\n#### 用語\n",
		},
		{
			name: "a star before a Japanese label after a blank line is a heading",
			in:   "*係留\n  下記の手順で係留して下さい。\n\n*設定について\n  各種の設定を行います。\n*次の行\n\n*強調* です\n\n* 項目\n\n*これは文です。\n\n*mooring\n",
			want: "#### 係留\n  下記の手順で係留して下さい。\n\n#### 設定について\n  各種の設定を行います。\n*次の行\n\n*強調* です\n\n* 項目\n\n*これは文です。\n\n*mooring\n",
		},
		{
			name: "a star label with nothing else to strip",
			in:   "*係留\n下記の手順で係留して下さい。\n",
			want: "#### 係留\n下記の手順で係留して下さい。\n",
		},
		{
			name: "a bold line between blank lines is a heading",
			in:   "**Quay**\n\nA long platform.\n\n**Example:**\n\ntext\n\nSome **bold** text.\n**Not alone**\nnext\n\n**Q: What is it?**\n\nA: This.\n",
			want: "#### Quay\n\nA long platform.\n\n**Example:**\n\ntext\n\nSome **bold** text.\n**Not alone**\nnext\n\n**Q: What is it?**\n\nA: This.\n",
		},
		{
			name: "a bold figure or table caption is no heading",
			in:   "#### 8.6.3. Options\n\n**Figure 17.171. Tide filter options**\n\n- Horizontal: Renders edges.\n\n**Table 3. Berths**\n\n**図 17.171 潮位フィルターのオプション**\n\n**Figures and Tables**\n\nText.\n",
			want: "#### 8.6.3. Options\n\n**Figure 17.171. Tide filter options**\n\n- Horizontal: Renders edges.\n\n**Table 3. Berths**\n\n**図 17.171 潮位フィルターのオプション**\n\n#### Figures and Tables\n\nText.\n",
		},
		{
			name: "TeX-era quotes are code spans, outside code",
			in:   "Type `make' and then `make install' as root; `proper` spans stay.\n\n```\necho `date' `x'\n```\n",
			want: "Type `make` and then `make install` as root; `proper` spans stay.\n\n```\necho `date' `x'\n```\n",
		},
		{
			name: "a plain-text definition list reads as a definition list",
			in:   "TERMS\n\nbollard\n    A short post on a quay.\n    It holds ropes.\n\n  fender\n      A cushion.\n\n- item\n    continued\n\nA sentence.\n    not a term\n\n1. step\n    detail\n\n`.quayrc`\n    The defaults of the quay tool.\n\n`a`, `b`\n    Two names.\n\n__berth__\n   A special name.\n\n    quays/\n      quay.js -- the quay\n",
			want: "TERMS\n\nbollard\n: A short post on a quay.\n    It holds ropes.\n\nfender\n: A cushion.\n\n- item\n    continued\n\nA sentence.\n    not a term\n\n1. step\n    detail\n\n`.quayrc`\n: The defaults of the quay tool.\n\n`a`, `b`\n    Two names.\n\n`__berth__`\n: A special name.\n\n    quays/\n      quay.js -- the quay\n",
		},
		{
			name: "a manual page saved as text: its section titles are headings, its options a definition list, its tables and drawings code",
			in: "TIDESTAT(8)        System Manager's Manual        TIDESTAT(8)\n\n名前\n       tidestat - 潮位の統計を報告する\n\n" +
				"オプション\n       interface\n              インタフェースの名前である。\n\n" +
				"SYNOPSIS\n       #include <tide.h>\n\n       int tidestat(const char *gauge);\n\n" +
				"DESCRIPTION\n       tidestat reads the gauges with O_NDE\u2010\n       LAY.\n\n       The  gauges  con\u2010\n       tain  readings;  a  well\u2010\n       Known one\u2010\n\n" +
				"           tidestat -i eth0\n\n   Gauges of the port\n       A gauge reads the tide.\n\n       •   a float gauge\n\n           •   a radar gauge that reads the tide with its an\u2010\n               tenna\n\n" +
				"       Oct   Dec   Hex   Name\n       240   160   A0    NO-BREAK SPACE\n       241   161   A1    INVERTED MARK\n\n" +
				"       潮位表 ---\\               /---> 岸壁\n                 +-> read() --+\n       gauge ----/               \\---> 港 PO\n                                       (抽出済)\n\n" +
				"Linux          2008-10-01          TIDESTAT(8)\n",
			want: "\n\n## 名前\ntidestat - 潮位の統計を報告する\n\n" +
				"## オプション\ninterface\n: インタフェースの名前である。\n\n" +
				"## SYNOPSIS\n       #include <tide.h>\n\n       int tidestat(const char *gauge);\n\n" +
				"## DESCRIPTION\ntidestat reads the gauges with\nO_NDELAY.\n\nThe  gauges\ncontain  readings;  a  well\u2010\nKnown one\u2010\n\n" +
				"    tidestat -i eth0\n\n### Gauges of the port\nA gauge reads the tide.\n\n- a float gauge\n\n    - a radar gauge that reads the tide with its\n        antenna\n\n" +
				"       Oct   Dec   Hex   Name\n       240   160   A0    NO-BREAK SPACE\n       241   161   A1    INVERTED MARK\n\n" +
				"       潮位表 ---\\               /---> 岸壁\n                 +-> read() --+\n       gauge ----/               \\---> 港 PO\n                                       (抽出済)\n\n" +
				"\n",
		},
		{
			name: "a page that only mentions a manual page is no manual page",
			in:   "See TIDESTAT(8) and TIDESTAT(8)\nOptions\n       interface\n",
			want: "See TIDESTAT(8) and TIDESTAT(8)\nOptions\n       interface\n",
		},
		{
			name: "a plain-text definition list after several blank lines",
			in:   "# Terms\n\n\n\n\nbollard\n   A short post on a quay.\n",
			want: "# Terms\n\n\n\n\nbollard\n: A short post on a quay.\n",
		},
		{
			name: "YAML front matter keeps its title and description",
			in:   "---\ntitle: \"Pods\"\ncontent_type: concept\ndescription: A pod is a group of containers.\nweight: 10\n---\n\nBody.\n",
			want: "\n# Pods\nA pod is a group of containers.\n\n\n\n\nBody.\n",
		},
		{
			name: "a folded description is joined",
			in:   "---\ntitle: Pod\nshort_description: >\n  The smallest and simplest object.\n  It represents containers.\n\naka:\ntags:\n- core\n---\nBody.\n",
			want: "\n# Pod\nThe smallest and simplest object. It represents containers.\n\n\n\n\n\n\n\nBody.\n",
		},
		{
			name: "Japanese folded lines join without a space",
			in:   "---\ntitle: ポッド\nshort_description: >\n  コンテナの集まりで、\n  最小の単位です。\n---\n本文。\n",
			want: "\n# ポッド\nコンテナの集まりで、最小の単位です。\n\n\n\n本文。\n",
		},
		{
			name: "front matter values with shortcodes",
			in:   "---\ntitle: Control Plane\nshort_description: >\n  The services that manage a {{< glossary_tooltip text=\"cluster\" term_id=\"cluster\" >}}.\n---\nBody.\n",
			want: "\n# Control Plane\nThe services that manage a cluster.\n\n\nBody.\n",
		},
		{
			name: "TOML front matter",
			in:   "+++\ntitle = 'Streams'\ndraft = false\n+++\nBody.\n",
			want: "\n# Streams\n\n\nBody.\n",
		},
		{
			// The title stays on its line; with no room under it for the
			// description, both move to the top.
			name: "a title on the last line",
			in:   "---\ndescription: A pier.\ntitle: Quay\n---\nBody.\n",
			want: "# Quay\nA pier.\n\n\nBody.\n",
		},
		{
			name: "a description alone stays on its line",
			in:   "---\nweight: 1\ndescription: A pier.\n---\nBody.\n",
			want: "\n\nA pier.\n\nBody.\n",
		},
		{
			name: "front matter without a title is blank",
			in:   "---\nlayout: page\n---\nBody.\n",
			want: "\n\n\nBody.\n",
		},
		{
			name: "a leading rule that never closes is not front matter",
			in:   "---\nSome text {#x}\n",
			want: "---\nSome text {#x}\n",
		},
		{
			name: "glossary tooltips become their text, other shortcodes go",
			in:   `A {{< glossary_tooltip text="Pod" term_id="pod" >}} runs {{< glossary_tooltip term_id="init-container" >}}s {{< feature-state state="stable" >}}here.`,
			want: "A Pod runs init containers here.",
		},
		{
			name: "a line of shortcodes alone becomes blank",
			in:   "Text.\n{{< note >}}\nNoted.\n{{< /note >}}\n  {{% capture whatsnext %}}  \n",
			want: "Text.\n\nNoted.\n\n\n",
		},
		{
			name: "MDN macros",
			in:   "{{HTTPSidebar}}\nThe {{Glossary(\"HTTP\")}} {{HTTPHeader('Cache-Control')}} header and {{jsxref(\"Promise\", \"promises\")}}; see {{RFC(9110)}} and {{HTTPStatus(\"404\", \"not found\")}}.\n{{Specifications}}\n",
			want: "\nThe HTTP Cache-Control header and promises; see RFC 9110 and 404.\n\n",
		},
		{
			name: "a link whose text is its page's slug",
			in:   "See [Cross-origin_resource_sharing](https://en.wikipedia.org/wiki/Cross-origin_resource_sharing) and [max_pods](https://example.org/config#max_pods), or [snake_case](https://en.wikipedia.org/wiki/snake_case/).\n",
			want: "See [Cross-origin resource sharing](https://en.wikipedia.org/wiki/Cross-origin_resource_sharing) and [max_pods](https://example.org/config#max_pods), or [snake case](https://en.wikipedia.org/wiki/snake_case/).\n",
		},
		{
			name: "MDN interwiki links",
			in:   "See {{Interwiki(\"wikipedia\", \"Application_programming_interface\", \"API\")}} and {{Interwiki(\"wikipedia\", \"Domain_Name_System\")}}.\n",
			want: "See API and Domain Name System.\n",
		},
		{
			// Found on a Go module's README: a space before the name
			// made the argument slice run backwards (a panic).
			name: "a template call is not a macro",
			in:   "Use {{ printf(\"%d\", 1) }} or {{ x() }} or {{y( ) }} here.",
			want: "Use {{ printf(\"%d\", 1) }} or {{ x() }} or {{y( ) }} here.",
		},
		{
			name: "templates are not macros",
			in:   "Write {{ .Values.name }} or {{ msg }} in a template {{.",
			want: "Write {{ .Values.name }} or {{ msg }} in a template {{.",
		},
		{
			name: "Liquid tags",
			in:   "{% include note.html %}\nSee {% link a.md %} now.\n",
			want: "\nSee  now.\n",
		},
		{
			name: "MyST directives with prose bodies",
			in: "```{note}\nA quay is a platform.\n```\n\n````{admonition} Dues\n:class: tip\n:name: dues\n\nDues are fees.\n````\n" +
				":::{warning}\n:open:\nA dredger digs.\n:::\n```{glossary}\nberth\n  A place to moor.\n```\n```python\nquay = 1\n```\n```{code-cell} python\nx = 1\n```\n",
			want: "\nA quay is a platform.\n\n\n\n\n\n\nDues are fees.\n\n" +
				"\n\nA dredger digs.\n\n\nberth\n: A place to moor.\n\n```python\nquay = 1\n```\n```{code-cell} python\nx = 1\n```\n",
		},
		{
			name: "MyST roles",
			in:   "A {term}`berth` is a place. See {ref}`the mooring section <moorings>` and {py:class}`~harbor.Quay`.\nKeep `{not a role}` and `code`.\n",
			want: "A berth is a place. See the mooring section and `harbor.Quay`.\nKeep `{not a role}` and `code`.\n",
		},
		{
			name: "MyST roles in an indented definition",
			in:   "dict berths\n  A berth whose ropes are stored in the {attr}`quay.__ropes__` attribute.\n",
			want: "dict berths\n: A berth whose ropes are stored in the `quay.__ropes__` attribute.\n",
		},
		{
			name: "HTML definition lists and details",
			in: "<dl>\n  <dt>Capstan</dt>\n  <dd>A rotating drum.</dd>\n  <dt class=\"x\">Fairlead</dt>\n  <dd>A fitting.</dd>\n</dl>\n\n" +
				"<details>\n<summary>What is a hawsepipe?</summary>\n\nA pipe in the bow.\n</details>\n<dt>Alone</dt>\n<dt></dt>\n<dd></dd>\n",
			want: "\n- Capstan: A rotating drum.\n\n- Fairlead: A fitting.\n\n\n\n\n#### What is a hawsepipe?\n\nA pipe in the bow.\n\n<dt>Alone</dt>\n<dt></dt>\n<dd></dd>\n",
		},
		{
			name: "raw HTML blocks are code",
			in: "Convert it:\n\n<pre>\n// furigana\nconvert(\"感じ取れたら手を繋ごう\")\n```\n</pre>\n\n<PRE class=\"x\">ruby(\"a\")\nb</PRE> after\n" +
				"<script>var a = 1;</script>\n<style>\np { color: red }\n</style>\n<pre>never closed\nA berth is a place.\n<prelude>\n",
			want: "Convert it:\n\n````\n// furigana\nconvert(\"感じ取れたら手を繋ごう\")\n```\n````\n\n```\n```\n" +
				"\n```\np { color: red }\n```\n<pre>never closed\nA berth is a place.\n<prelude>\n",
		},
		{
			name: "HTML tables are Markdown rows on their own lines",
			in: "<table>\n  <tr>\n    <th>Name</th>\n    <th>Meaning</th>\n  </tr>\n  <tr>\n    <td><code>capstan</code></td>\n" +
				"    <td>A rotating drum<br>on a deck | or quay.</td>\n  </tr>\n  <tr><td>fairlead</td><td>A fitting &amp; guide.</td></tr>\n</table>\n\n" +
				"<table><tr><td>bollard</td><td>A short post.</td></tr>\n<tr><td>cleat</td>\n<td>A horn.</td></tr></table>\n" +
				"<TABLE class=\"logos\"><tr><td><a href=\"x\"><img src=\"a.png\"></a></td></tr>\n</TABLE>\n" +
				"<table><thead><tr><td>Term</td><td>Note</td></tr></thead>\n<tbody>\n<tr><td>quay</td><td>A platform.</td></tr></tbody></table>\n",
			want: "\n\n| Name | Meaning |\n| --- | --- |\n|\n|\n| `capstan` | A rotating drum on a deck \\| or quay. |\n|\n|\n| fairlead | A fitting &amp; guide. |\n\n\n" +
				"| bollard | A short post. |\n| cleat | A horn. |\n\n" +
				"\n\n" +
				"| Term | Note |\n| --- | --- |\n| quay | A platform. |\n",
		},
		{
			name: "an HTML table that lays out boxes is read box by box",
			in: "<table align=\"center\">\n  <tr>\n    <td>\n      <a href=\"https://x.example/?utm_source=quay\"><img alt=\"Quay Co\" src=\"q.png\"></a>\n" +
				"      <p>\n        Quay Co builds moorings.\n      </p>\n    </td>\n    <td><p>Dock Ltd rents berths.</p></td>\n  </tr>\n</table>\n",
			want: "\n\n\n\n\nQuay Co builds moorings.\n\n\nDock Ltd rents berths.\n\n\n",
		},
		{
			name: "HTML headings are Markdown headings",
			in: "<h1 align=\"center\">quayctl</h1>\n<h1 align=\"center\">\n  <img src=\"logo.png\" alt=\"logo\"><br>\n  Quay <code>ctl</code>\n</h1>\n" +
				"<H3>Gold <a href=\"/s\">sponsors</a> <br /></H3>\n<h2><img src=\"x.png\"></h2>\n<h2>open\n<h4>x</h4> tail\n<h6>never closed\n<hr>\n",
			want: "# quayctl\n\n\n# Quay `ctl`\n\n" +
				"### Gold sponsors\n\n<h2>open\n<h4>x</h4> tail\n<h6>never closed\n<hr>\n",
		},
		{
			name: "a table without its outer pipes gets them",
			in: "Validator | Description\n--------- | :---------:\n**isBerth(str)** | check if the string names a berth.\nisQuay(str) | check a quay \\|\nafter the table\n\n" +
				"a | b\n--- | --- | ---\n\n| c | d |\n|---|---|\n\n    x | y\n    --- | ---\n",
			want: "| Validator | Description |\n| --------- | :---------: |\n| **isBerth(str)** | check if the string names a berth. |\n| isQuay(str) | check a quay \\| |\nafter the table\n\n" +
				"a | b\n--- | --- | ---\n\n| c | d |\n|---|---|\n\n    x | y\n    --- | ---\n",
		},
		{
			name: "HTML tables that cannot be rows stay as they are",
			in: "<table><tr><td>a</td></tr><tr><td>b</td></tr></table>\n" +
				"<table>\n<tr><td><table><tr><td>x</td></tr></table></td></tr>\n</table>\n" +
				"<table><tr><td>c</td></tr></table> and text\n<table>\n<tr><td>\n\n```sh\nnpm i quay\n```\n\n</td></tr>\n</table>\n" +
				"<table>\n<tr><td>never closed</td></tr>\n",
			want: "<table><tr><td>a</td></tr><tr><td>b</td></tr></table>\n" +
				"<table>\n<tr><td><table><tr><td>x</td></tr></table></td></tr>\n</table>\n" +
				"<table><tr><td>c</td></tr></table> and text\n<table>\n<tr><td>\n\n```sh\nnpm i quay\n```\n\n</td></tr>\n</table>\n" +
				"<table>\n<tr><td>never closed</td></tr>\n",
		},
		{
			name: "mdBook directives",
			in:   "{{#title Moorings}}\n\nA mooring holds a boat.\n\n{{#include ../listings/ch01/main.rs:here}}\nSee {{#rustdoc_include ../a.rs}} and {{ #not }} {{#}}.\n```rust\n{{#include x.rs}}\n```\n",
			want: "\n\nA mooring holds a boat.\n\n\nSee  and {{ #not }} {{#}}.\n```rust\n{{#include x.rs}}\n```\n",
		},
		{
			name: "code keeps its markup",
			in:   "Use `{{< note >}}` here.\n```\n{{< note >}}\n:::note\n```\n~~~\n!!! note\n~~~\n",
			want: "Use `{{< note >}}` here.\n```\n{{< note >}}\n:::note\n```\n~~~\n!!! note\n~~~\n",
		},
		{
			name: "Docusaurus admonitions",
			in:   ":::tip[Hint]\nA hint.\n:::\n\n::: warning Careful\nBe careful.\n:::",
			want: "\nA hint.\n\n\n\nBe careful.\n",
		},
		{
			name: "MkDocs admonitions are read as prose",
			in:   "!!! note \"Why\"\n    A stream stores messages.\n\n    It is durable.\n\n        code stays indented\nAfter.\n    indented code again",
			want: "\nA stream stores messages.\n\nIt is durable.\n\n    code stays indented\nAfter.\n    indented code again",
		},
		{
			name: "MkDocs tabs",
			in:   "=== \"Go\"\n\n\tA client.\n",
			want: "\n\nA client.\n",
		},
		{
			name: "MDX imports and exports, Zenn embeds",
			in:   "import Tabs from '@theme/Tabs';\nimport './styles.css';\nexport const meta = {a: 1};\n\nText to import from disk.\n  import x from 'y' is code.\n@[card](https://example.com)\n",
			want: "\n\n\n\nText to import from disk.\n  import x from 'y' is code.\n\n",
		},
		{
			name: "GitHub alerts",
			in:   "> [!NOTE]\n> Useful information.\n\n> [!warning]\n> Careful.",
			want: ">\n> Useful information.\n\n>\n> Careful.",
		},
		{
			name: "heading anchors and kramdown attributes",
			in:   "## What is a Pod? {#what-is-a-pod}\n## Streams {: #streams .big}\n{: .note}\nText {#not-a-heading}\n## Set {a, b}\n",
			want: "## What is a Pod?\n## Streams\n\nText {#not-a-heading}\n## Set {a, b}\n",
		},
		{
			name: "an unclosed shortcode is left alone",
			in:   "Broken {{< note\nand more.",
			want: "Broken {{< note\nand more.",
		},
		{
			name: "CRLF line ends",
			in:   "---\r\ntitle: Pods\r\n---\r\nBody {{< note >}}text.\r\n",
			want: "\n# Pods\n\nBody text.\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := Strip(tt.in)
			if got != tt.want {
				t.Errorf("Strip(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
			if n, m := strings.Count(got, "\n"), strings.Count(tt.in, "\n"); n != m {
				t.Errorf("Strip changed the number of lines: %d -> %d", m, n)
			}
		})
	}
}

// TestCheapTests checks that the cheap tests before Strip's work let
// through every document that has the markup they stand for.
func TestCheapTests(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"a | b\n--- | ---\n", true},
		{"| a | b |\n|---|---|\n", false},
		{"| a | b |\n|---|---|\n\nc | d\n- | -\n", true},
		{"x | y\n:--|--:\n", true},
		{"see <http://example.org> and <hr>", false},
		{"<H2>Sponsors</H2>", true},
		{"<h", false},
	} {
		if got := mayHavePipeTable(tt.in) || mayHaveHTMLHeading(tt.in); got != tt.want {
			t.Errorf("cheap tests(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func FuzzStrip(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: x\n---\n", "{{< a >}}", "{{% b %}}", ":::note\n:::", "!!! note\n    x", "> [!NOTE]", "## H {#h}",
		"+++\ntitle = 'x'\n+++", "{% x %}", "`{{< a >}}`", "---\ndescription: >\n  a\n  b\n---",
		"{{Glossary(\"a\", 'b')}}", "{{x(}}", "{{a(\"}}", "{{ x() }}", "{{ a( ) }}", "x {{<a b=\"c\" >}} {{% d %}}",
		"import A from 'b';\nexport const c = 1", "@[card](u)", "Type `make' and `x` then `f('y')`'", "`.quayrc`\n    The defaults.\n",
		"<table>\n<tr><th>a</th><th>b</th></tr>\n<tr><td>c&#10;d</td><td><p>e</p></td></tr>\n</table>", "\n<table><tr><th>a</th></tr>\n<tr><td>b</td></tr></table>", "<h2 x>a<br>\n<code>b</code></h2>", "a | b\n-|-\nc",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Strip(s)
		if n, m := strings.Count(got, "\n"), strings.Count(s, "\n"); n != m {
			t.Fatalf("Strip(%q) changed the number of lines: %d -> %d", s, m, n)
		}
		if again := Strip(got); strings.Count(again, "\n") != strings.Count(got, "\n") {
			t.Fatalf("Strip(Strip(%q)) changed the number of lines", s)
		}
	})
}
