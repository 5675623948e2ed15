// Package htmldoc reads HTML pages (a saved web page, a built Sphinx or
// Javadoc page, an exported wiki page) as the Markdown text a reader of the
// rendered page sees, so that the engines, which read Markdown, read them
// too.
//
// Unlike packages rst and asciidoc, the conversion cannot keep the source's
// lines: HTML puts several blocks on one line (or a whole page on one), and
// a heading run into the paragraph after it would read as one sentence. So
// a document is converted once, when it is added to a project or read by
// generate; the Markdown is what the project keeps, shows and cites by
// line.
//
// What is converted: the page's main content (the first <main>, else the
// element with role="main", else the first <article>, else <body>);
// headings, paragraphs, lists (nested), definition lists (as "- term:
// definition" items, which the engines read as glosses), the <summary> of
// a <details> (as a heading over what it opens) and a Sphinx rubric (as a
// heading), tables (as
// Markdown rows; a table that only lays out a box, as DocBook's notes do,
// as its text; a list whose items hold headings, as Javadoc's, as
// sections), block quotes, preformatted text (as fenced code, but its
// paragraphs of prose as text unless the page marks it as code: manuals
// kept as plain text put all their prose in <pre>), inline
// code, strong and emphasis (links as their text, but a list item that
// is a link to another page keeps it). Scripts, styles, navigation,
// forms, embedded media and elements marked hidden go; so do the
// permalink marks of headings ("¶"), tables of contents, footers, the
// links between a book's pages, Bootstrap's drop-down menus,
// Asciidoctor's author and revision
// lines, the banner and side panels of a page without <main> or
// <article> (a body-level <header> or banner <div> without the <h1>,
// <aside>), bars of links (menus, breadcrumbs, language switchers) and
// boxes of headings over link lists. A <code> broken into lines by <br>
// is a code block; a backtick and a "<" before a letter (a placeholder,
// "<name>") in the text are escaped. The page's <title>
// becomes the level-1 heading when the content has none, without a
// site-name suffix (" — Project documentation", " | Site").
package htmldoc

import (
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/genglossary/genglossary/internal/glossary"
)

// Is reports whether name is an HTML document (.html, .htm), in any case.
func Is(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".htm":
		return true
	}
	return false
}

// maxDepth bounds the element nesting followed, so that a hostile page
// cannot exhaust the stack (the parser itself caps nesting at 512).
const maxDepth = 256

// ToMarkdown returns the Markdown text of an HTML page (see the package
// documentation). It never fails: what the parser cannot read is read as
// text, as browsers do.
func ToMarkdown(src string) string {
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		// Nested deeper than the parser follows (512 elements): the
		// page's text, a paragraph per block.
		return flatText(src)
	}
	unwrapAnchors(doc, 0)
	root := contentRoot(doc)
	w := &writer{}
	if !hasH1(root) {
		if t := pageTitle(doc); t != "" {
			w.block("# " + t)
		}
	}
	w.children(root, 0)
	return w.String()
}

// unwrapAnchors replaces each named anchor that holds blocks with its
// children. Old pages open one and never close it (w3m's FAQ: <a
// name="general"> over a heading and a <dl>); the parser then moves the
// rest of the list inside a copy of it, and a list whose items sit in an
// <a> would read as one link.
func unwrapAnchors(n *html.Node, d int) {
	if d > maxDepth {
		return
	}
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && c.DataAtom == atom.A && attr(c, "href") == "" && find(c, isBlock) != nil {
			first := c.FirstChild
			for g := c.FirstChild; g != nil; {
				gn := g.NextSibling
				c.RemoveChild(g)
				n.InsertBefore(g, c)
				g = gn
			}
			n.RemoveChild(c)
			if first != nil {
				next = first // read the moved children in turn
			}
			c = next
			continue
		}
		unwrapAnchors(c, d+1)
		c = next
	}
}

// Generated reports a page that a documentation build makes from the
// other pages and that holds no text of its own: Sphinx's general index
// (genindex.html) and module index (py-modindex.html), whose entries name
// and link the other pages' objects, and its search page. Read as a
// document, every name would count once more and be "used" in an index.
func Generated(src string) bool {
	return strings.Contains(src, `class="indextable genindextable"`) || strings.Contains(src, `class="indextable modindextable"`) ||
		strings.Contains(src, "searchtools.js") && strings.Contains(src, `id="search-results"`)
}

// Redirect reports a page that only sends its reader to another one: a
// <meta http-equiv="refresh"> with a URL and a delay of a few seconds at
// most, and a few words besides ("The node you are looking for is at
// Aliasing."; texi2any writes one such page per node and index entry, 144
// of the 186 pages of zsh's manual). Its text is no document.
func Redirect(src string) bool {
	if !strings.Contains(src, "efresh") && !strings.Contains(src, "EFRESH") {
		return false // most pages: no parse
	}
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return false
	}
	meta := find(doc, func(n *html.Node) bool {
		return n.DataAtom == atom.Meta && strings.EqualFold(strings.TrimSpace(attr(n, "http-equiv")), "refresh")
	})
	if meta == nil {
		return false
	}
	content := strings.TrimSpace(attr(meta, "content"))
	delay, rest, _ := strings.Cut(content, ";")
	if n, err := strconv.ParseFloat(strings.TrimSpace(delay), 64); err != nil || n > 10 || !strings.Contains(strings.ToLower(rest), "url") {
		return false // a page that reloads itself, or waits to be read
	}
	body := find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Body })
	return body == nil || len(strings.Fields(textOf(body))) <= 30
}

// writer collects the output's blocks; each block is one or more lines,
// and blocks are separated by a blank line.
type writer struct {
	blocks []string
}

func (w *writer) block(s string) {
	s = strings.TrimRight(s, " \n")
	if strings.TrimSpace(s) != "" {
		w.blocks = append(w.blocks, s)
	}
}

func (w *writer) String() string {
	if len(w.blocks) == 0 {
		return ""
	}
	return strings.Join(w.blocks, "\n\n") + "\n"
}

// children converts the block content of n.
func (w *writer) children(n *html.Node, depth int) {
	var inline []*html.Node
	flush := func() {
		if len(inline) > 0 {
			w.block(inlineText(inline))
			inline = inline[:0]
		}
	}
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case isBlock(c):
				flush()
				w.element(c, depth+1)
			case wrapsBlocks(c, depth):
				walk(c, depth+1)
			default:
				inline = append(inline, c)
			}
		}
	}
	walk(n, depth)
	flush()
}

// wrapsBlocks reports an inline element with blocks inside: a link around
// a card, or the XHTML anchor "<a id=x/>" that an HTML parser leaves open
// around the rest of the section (DocBook pages). Its content is read as
// if it were its parent's, blocks as blocks.
func wrapsBlocks(n *html.Node, depth int) bool {
	if n.Type != html.ElementNode || skipped(n) || depth > maxDepth {
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if isBlock(c) || wrapsBlocks(c, depth+1) {
			return true
		}
	}
	return false
}

// element converts one block element.
func (w *writer) element(n *html.Node, depth int) {
	if skipped(n) || depth > maxDepth {
		return
	}
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		level := int(n.Data[1] - '0')
		if t := inlineText(childList(n)); t != "" {
			w.block(strings.Repeat("#", level) + " " + t)
		}
	case atom.Summary:
		// "What is a hawsepipe?" over its answer: a heading, as package
		// sitemarkup reads a <summary> line of a Markdown page.
		if t := inlineText(childList(n)); t != "" && !uiLabel(t) {
			w.block("#### " + strings.ReplaceAll(t, "\n", " "))
		}
	case atom.Pre:
		if codePre(n) {
			w.block(fence(textOf(n)))
		} else {
			w.pre(textOf(n))
		}
	case atom.Ul, atom.Ol, atom.Menu:
		if layoutList(n, depth) {
			// Javadoc nests its whole page in <ul class="blockList">:
			// items that hold headings are sections, not items.
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode && c.DataAtom == atom.Li && !skipped(c) {
					w.children(c, depth+1)
				} else {
					w.element(c, depth+1)
				}
			}
			return
		}
		w.block(strings.Join(listLines(n, 0, depth), "\n"))
	case atom.Dl:
		w.block(strings.Join(defLines(n, 0, depth), "\n"))
	case atom.Table:
		rows := tableRows(n)
		if len(rows) == 0 {
			w.layoutCells(n, depth)
			return
		}
		w.block(strings.Join(rows, "\n"))
	case atom.Blockquote:
		inner := &writer{}
		inner.children(n, depth)
		if len(inner.blocks) == 0 {
			return
		}
		var b strings.Builder
		for i, line := range strings.Split(strings.TrimRight(inner.String(), "\n"), "\n") {
			if i > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(strings.TrimRight("> "+line, " "))
		}
		w.block(b.String())
	case atom.Li:
		// An item outside a list (bad HTML) is still shown as one.
		if text, nested := itemParts(n, 1, depth); text != "" || len(nested) > 0 {
			w.block(strings.Join(append([]string{"- " + text}, nested...), "\n"))
		}
	case atom.Hr:
	case atom.P, atom.Div:
		if code := brokenCode(n); code != "" {
			w.block(fence(code))
			return
		}
		if n.DataAtom == atom.P && mayBeGenerated(n) && generatedLine.MatchString(textOf(n)) {
			// "This document was generated on February 5, 2023 using
			// texi2any.": every page of a manual ends so.
			return
		}
		if n.DataAtom == atom.P && slices.Contains(strings.Fields(attr(n, "class")), "rubric") {
			// A Sphinx rubric ("macOS <= 10.8" over what holds there)
			// is a heading without a section, not a sentence.
			if t := inlineText(childList(n)); t != "" {
				w.block("###### " + strings.ReplaceAll(t, "\n", " "))
			}
			return
		}
		w.children(n, depth)
	default:
		w.children(n, depth)
	}
}

// generatedLine matches the line a documentation generator ends every page
// with: "This document was generated on February 5, 2023 using texi2any.",
// "Generated by Doxygen 1.9.4", "Created using Sphinx 7.2.6.".
var generatedLine = regexp.MustCompile(`^\s*(?:This (?:document|page|manual|file) was (?:generated|created|produced)\b.{0,80}\b(?:using|by|with)\b|(?:Generated|Created|Built) (?:by|using|with) )\s*\S+(?:\s+\S+){0,3}\s*$`)

// mayBeGenerated is a cheap test before generatedLine: the paragraph's
// first text opens as a generator's line does, so most paragraphs are not
// walked twice.
func mayBeGenerated(n *html.Node) bool {
	var first func(n *html.Node, d int) string
	first = func(n *html.Node, d int) string {
		for c := n.FirstChild; c != nil && d < maxDepth; c = c.NextSibling {
			if c.Type == html.TextNode {
				if t := strings.TrimSpace(c.Data); t != "" {
					return t
				}
			} else if t := first(c, d+1); t != "" {
				return t
			}
		}
		return ""
	}
	t := first(n, 0)
	return strings.HasPrefix(t, "This ") || strings.HasPrefix(t, "Generated ") || strings.HasPrefix(t, "Created ") || strings.HasPrefix(t, "Built ")
}

// brokenCode returns the lines of a block that holds only a <code> (or
// <kbd>, <samp>, <tt>) broken into lines by <br>: an example written
// without <pre> ("<p><code>Listen 80<br>Listen 8000</code></p>", Apache
// httpd's older manual pages). Read inline, the example would run into one
// line, and a configuration into one sentence. "" for any other block.
func brokenCode(n *html.Node) string {
	var code *html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.CommentNode, c.Type == html.TextNode && strings.TrimSpace(c.Data) == "":
		case code == nil && c.Type == html.ElementNode && (c.DataAtom == atom.Code || c.DataAtom == atom.Kbd || c.DataAtom == atom.Samp || c.DataAtom == atom.Tt):
			code = c
		default:
			return ""
		}
	}
	if code == nil || find(code, func(c *html.Node) bool { return c.DataAtom == atom.Br }) == nil {
		return ""
	}
	var b strings.Builder
	var walk func(n *html.Node, d int)
	walk = func(n *html.Node, d int) {
		if d > maxDepth {
			return
		}
		switch {
		case n.Type == html.TextNode:
			b.WriteString(strings.ReplaceAll(n.Data, "\n", " "))
		case n.Type != html.ElementNode || skipped(n):
		case n.DataAtom == atom.Br:
			b.WriteByte('\n')
		default:
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c, d+1)
			}
		}
	}
	walk(code, 0)
	var lines []string
	for l := range strings.SplitSeq(b.String(), "\n") {
		lines = append(lines, strings.Join(strings.Fields(l), " "))
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n")
}

// layoutList reports a list used for layout: one of its items holds a
// heading (a step that holds a table is still a step).
func layoutList(n *html.Node, depth int) bool {
	for li := n.FirstChild; li != nil; li = li.NextSibling {
		if li.Type == html.ElementNode && li.DataAtom == atom.Li && holdsSections(li, depth) {
			return true
		}
	}
	return false
}

// holdsSections reports an element with a heading inside.
func holdsSections(n *html.Node, depth int) bool {
	if depth > maxDepth {
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || skipped(c) {
			continue
		}
		switch c.DataAtom {
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			return true
		}
		if holdsSections(c, depth+1) {
			return true
		}
	}
	return false
}

// listLines returns the items of a list as "- text" lines, nested lists
// indented under their item.
func listLines(n *html.Node, indent, depth int) []string {
	var out []string
	pad := strings.Repeat("  ", indent)
	num := 0
	for li := n.FirstChild; li != nil; li = li.NextSibling {
		if li.Type != html.ElementNode || skipped(li) {
			continue
		}
		if li.DataAtom != atom.Li {
			switch {
			case li.DataAtom == atom.Pre:
				// "<li>... as follows:</li><pre>w3m -o ...</pre>" (bad
				// HTML, w3m's manual): the example of the item above.
				out = append(out, nestedFence(textOf(li), indent+1)...)
			case !isBlock(li):
				// Stray content between items (bad HTML): read as an item.
				if t := inlineText([]*html.Node{li}); t != "" {
					out = append(out, pad+"- "+t)
				}
			}
			continue
		}
		num++
		marker := "- "
		if n.DataAtom == atom.Ol {
			marker = itoa(num) + ". "
		}
		text, nested := itemParts(li, indent+1, depth+1)
		if text == "" && len(nested) == 0 {
			continue
		}
		out = append(out, pad+marker+leadingLink(li, text))
		out = append(out, nested...)
	}
	return out
}

// isFigure reports a figure: <figure>, or DocBook's div.figure,
// div.informalfigure or div.mediaobject.
func isFigure(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	if n.DataAtom == atom.Figure {
		return true
	}
	if n.DataAtom != atom.Div {
		return false
	}
	for _, c := range strings.Fields(attr(n, "class")) {
		switch c {
		case "figure", "informalfigure", "mediaobject":
			return true
		}
	}
	return false
}

// leadingLink returns the text of a list item that opens with a link with
// that link in Markdown: an item that names another page ("Debian: 17
// years of do-ocracy (slides)") is a reference, which the engines tell
// from a gloss by its link, as they do in Markdown.
func leadingLink(li *html.Node, text string) string {
	n := li
	for n != nil && n.Type == html.ElementNode && n.DataAtom != atom.A {
		c := n.FirstChild
		for c != nil && (c.Type == html.TextNode && strings.TrimSpace(c.Data) == "" || c.Type == html.CommentNode) {
			c = c.NextSibling
		}
		if c == nil || c.Type != html.ElementNode || c.DataAtom != atom.A && c.DataAtom != atom.P && c.DataAtom != atom.Div && c.DataAtom != atom.Span {
			return text
		}
		n = c
	}
	href := strings.TrimSpace(attr(n, "href"))
	if n == nil || href == "" || strings.HasPrefix(strings.ToLower(href), "javascript:") {
		return text
	}
	t := inlineText(childList(n))
	if t == "" || strings.Contains(t, "\n") || !strings.HasPrefix(text, t) || !onlyRemarks(text[len(t):]) {
		// "moor_ship Experimental: Moors a ship." glosses what the link
		// names.
		return text
	}
	return markdownLink(t, href) + text[len(t):]
}

// markdownLink writes a link to href with text as its label.
func markdownLink(text, href string) string {
	if strings.ContainsAny(href, " ()<>") {
		href = "<" + strings.NewReplacer("<", "%3C", ">", "%3E").Replace(href) + ">"
	}
	label := strings.NewReplacer("[", `\[`, "]", `\]`).Replace(text)
	return "[" + label + "](" + href + ")"
}

// crossRefHref returns the target of a link that a parenthesis holds
// alone: 「サーバ (<a href="resources.html#machines">港のマシン群</a>)」, as
// Sphinx writes a :ref: to a section. It points to where the thing is
// told of, and is kept a link so the engines do not read the section's
// title as a gloss of the word before it. "" for any other link, which is
// read as its text.
func crossRefHref(a *html.Node) string {
	href := strings.TrimSpace(attr(a, "href"))
	if href == "" || strings.HasPrefix(strings.ToLower(href), "javascript:") {
		return ""
	}
	prev, next := a.PrevSibling, a.NextSibling
	if prev == nil || next == nil || prev.Type != html.TextNode || next.Type != html.TextNode {
		return ""
	}
	before := strings.TrimRight(prev.Data, " \t\n\u00a0")
	after := strings.TrimLeft(next.Data, " \t\n\u00a0")
	if !(strings.HasSuffix(before, "(") || strings.HasSuffix(before, "（")) || !(strings.HasPrefix(after, ")") || strings.HasPrefix(after, "）")) {
		return ""
	}
	return href
}

// onlyRemarks reports text that is empty or parenthetical remarks only:
// " (slides, English)", "（正規）".
func onlyRemarks(s string) bool {
	s = strings.TrimSpace(s)
	for s != "" {
		closer := ""
		switch {
		case strings.HasPrefix(s, "("):
			closer = ")"
		case strings.HasPrefix(s, "（"):
			closer = "）"
		default:
			return false
		}
		i := strings.Index(s, closer)
		if i < 0 {
			return false
		}
		s = strings.TrimSpace(s[i+len(closer):])
	}
	return true
}

// itemParts splits a list item into its text (its paragraphs run
// together on the item's line) and the lines of the lists nested in it.
func itemParts(li *html.Node, indent, depth int) (string, []string) {
	parts, nested := itemParagraphs(li, indent, depth)
	return strings.Join(parts, " "), nested
}

// itemParagraphs returns a list item's paragraphs and the lines of the
// lists nested in it.
func itemParagraphs(li *html.Node, indent, depth int) ([]string, []string) {
	var parts []string
	var nested []string
	var inline []*html.Node
	flush := func() {
		if t := inlineText(inline); t != "" {
			parts = append(parts, t)
		}
		inline = inline[:0]
	}
	var walk func(n *html.Node, d int)
	walk = func(n *html.Node, d int) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case skipped(c) || d > maxDepth:
			case c.Type == html.ElementNode && (c.DataAtom == atom.Ul || c.DataAtom == atom.Ol || c.DataAtom == atom.Menu):
				flush()
				nested = append(nested, listLines(c, indent, d+1)...)
			case c.Type == html.ElementNode && c.DataAtom == atom.Dl:
				// Sphinx nests description lists ("Sequences" over
				// "Immutable sequences" over "Strings"): each term
				// stays the key of its own item.
				flush()
				nested = append(nested, defLines(c, indent, d+1)...)
			case c.Type == html.ElementNode && c.DataAtom == atom.Pre:
				// Code in an item is not its text, but it is the item's:
				// a fenced block nested under it, after the item's line.
				flush()
				nested = append(nested, nestedFence(textOf(c), indent)...)
			case isFigure(c):
				// "Figure 8.9. Normal mode" heading the picture in a
				// definition: a caption, not what the term is.
				flush()
			case isBlock(c):
				flush()
				walk(c, d+1)
				flush()
			case wrapsBlocks(c, d):
				walk(c, d+1)
			default:
				inline = append(inline, c)
			}
		}
	}
	walk(li, depth)
	flush()
	return parts, nested
}

// fieldParagraph matches a paragraph that is one labelled field of a
// definition: "**Grammar:** `directory <quoted_string>;`", "**Tags:** server".
var fieldParagraph = regexp.MustCompile(`^\*\*[A-Z][\w -]{0,30}:\s*\*\*`)

// fieldsLast moves the labelled fields that open a definition (BIND's
// reference puts "Grammar:", "Blocks:" and "Tags:" before the text) after
// its text: the definition's line starts with what the term is instead of
// running the fields into it ("Tags: server Sets the server's working
// directory"). They stay in the item, not lines or items of their own: a
// label repeated under every definition would read as a field label
// wherever the page uses the word ("Block: Blocks are containers ...").
func fieldsLast(parts []string) []string {
	n := 0
	for n < len(parts) && fieldParagraph.MatchString(parts[n]) {
		n++
	}
	if n == 0 || n == len(parts) {
		return parts
	}
	return append(slices.Clone(parts[n:]), parts[:n]...)
}

// defLines returns a definition list as "- term: definition" items, the
// form the engines read as a gloss; a term without a definition is an
// item of its own.
func defLines(dl *html.Node, indent, depth int) []string {
	var out []string
	var terms []string
	pad := strings.Repeat("  ", indent)
	emit := func(def string) {
		if len(terms) == 0 {
			if def != "" {
				out = append(out, pad+"- "+def)
			}
			return
		}
		for _, t := range terms {
			switch {
			case def == "":
				out = append(out, pad+"- "+t)
			case strings.HasSuffix(t, ".") || strings.HasSuffix(t, "。"):
				// "<dt>number - value is treated as a JSON number.</dt>"
				// (reStructuredText indented by mistake): a sentence,
				// not a term, and the text under it goes on from it.
				out = append(out, pad+"- "+t+" "+def)
			default:
				out = append(out, pad+"- "+t+": "+def)
			}
		}
	}
	var walk func(n *html.Node, d int)
	walk = func(n *html.Node, d int) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || skipped(c) || d > maxDepth {
				continue
			}
			switch c.DataAtom {
			case atom.Dt:
				if t := inlineText(childList(c)); t != "" {
					t = strings.TrimSuffix(t, ":")
					if strings.Contains(" "+attr(c, "class")+" ", " sig-object ") {
						// Sphinx's object description ("end" of
						// UnicodeError, "open(file, mode='r')"): a name
						// in code, as the reStructuredText source spells
						// it, not the everyday word; its parameters' emphasis
						// and escapes are markup of the page, not code.
						if code := strings.TrimSpace(strings.NewReplacer("\\*", "*", "\\_", "_", "*", "", "`", "").Replace(t)); code != "" {
							t = "`" + code + "`"
						}
					}
					terms = append(terms, t)
				}
			case atom.Dd:
				parts, nested := itemParagraphs(c, indent+1, d+1)
				emit(strings.Join(fieldsLast(parts), " "))
				out = append(out, nested...)
				terms = nil
			case atom.Div:
				walk(c, d+1) // <div> grouping, as HTML allows
			}
		}
	}
	walk(dl, depth)
	if len(terms) > 0 {
		emit("")
	}
	return out
}

// layoutCells reads a table used for layout (see tableRows) as the
// blocks of its data cells; its header cells label the box ("Tip", "Note"
// beside the icon of a DocBook admonition) and go.
func (w *writer) layoutCells(t *html.Node, depth int) {
	var walk func(n *html.Node, d int)
	walk = func(n *html.Node, d int) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || skipped(c) || d > maxDepth {
				continue
			}
			switch c.DataAtom {
			case atom.Td:
				w.children(c, d)
			case atom.Tr, atom.Thead, atom.Tbody, atom.Tfoot:
				walk(c, d+1)
			}
		}
	}
	walk(t, depth)
}

// tableRows returns a table as Markdown rows, a header rule after the
// first row. A table none of whose rows has two cells with text relates
// nothing to anything: it lays out a box (a DocBook admonition: an icon
// cell, a "Tip" header cell, the tip below), and tableRows returns nil.
func tableRows(t *html.Node) []string {
	var rows [][]string
	var walk func(n *html.Node, d int)
	walk = func(n *html.Node, d int) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || skipped(c) || d > maxDepth {
				continue
			}
			switch c.DataAtom {
			case atom.Tr:
				var cells []string
				for td := c.FirstChild; td != nil; td = td.NextSibling {
					if td.Type == html.ElementNode && (td.DataAtom == atom.Td || td.DataAtom == atom.Th) {
						cell, _ := itemParts(td, 0, d+1)
						cells = append(cells, strings.ReplaceAll(cell, "|", `\|`))
					}
				}
				if len(cells) > 0 {
					rows = append(rows, cells)
				}
			case atom.Thead, atom.Tbody, atom.Tfoot:
				walk(c, d+1)
			}
		}
	}
	walk(t, 0)
	tabular := false
	for _, r := range rows {
		filled := 0
		for _, c := range r {
			if c != "" {
				filled++
			}
		}
		tabular = tabular || filled >= 2
	}
	if !tabular {
		return nil
	}
	var out []string
	for i, r := range rows {
		out = append(out, "| "+strings.Join(r, " | ")+" |")
		if i == 0 {
			out = append(out, "|"+strings.Repeat(" --- |", len(r)))
		}
	}
	return out
}

// inlineText renders inline nodes as one line of Markdown: whitespace
// collapsed, code in backticks, strong and emphasis marked, links as their
// text; <br> ends a line.
func inlineText(nodes []*html.Node) string {
	var b strings.Builder
	for i, n := range nodes {
		var prev *html.Node
		if i > 0 {
			prev = nodes[i-1]
		}
		writeSibling(&b, prev, n, 0)
	}
	var lines []string
	for _, l := range strings.Split(b.String(), "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			lines = append(lines, closeUp(l))
		}
	}
	return strings.Join(lines, "\n")
}

// spaceBeforeClose is a space between a word and a closing mark, which a
// footnote's number dropped from "(Well Known Text <sup>1</sup>)" leaves.
var spaceBeforeClose = regexp.MustCompile(`([\p{L}\p{N}]) ([),])`)

// closeUp removes spaces before a closing parenthesis or a comma in prose,
// outside code spans (a value quoted as typed, "127.0.0.1 ; ::1", keeps
// its semicolon's).
func closeUp(l string) string {
	if !strings.Contains(l, " )") && !strings.Contains(l, " ,") {
		return l
	}
	parts := strings.Split(l, "`")
	for i := 0; i < len(parts); i += 2 {
		parts[i] = spaceBeforeClose.ReplaceAllString(parts[i], "$1$2")
	}
	return strings.Join(parts, "`")
}

func writeInline(b *strings.Builder, n *html.Node, depth int) {
	if depth > maxDepth {
		return
	}
	switch n.Type {
	case html.TextNode:
		t := strings.Map(func(r rune) rune {
			if r == '\u00a0' || unicode.IsSpace(r) {
				return ' '
			}
			return r
		}, dropWideBreaks(n.Data))
		b.WriteString(escapeText(t))
		return
	case html.ElementNode:
	default:
		return
	}
	if skipped(n) {
		return
	}
	switch n.DataAtom {
	case atom.Br:
		b.WriteByte('\n')
		return
	case atom.Img:
		return
	case atom.Code, atom.Kbd, atom.Samp, atom.Tt, atom.Var:
		t := strings.Join(strings.Fields(textOf(n)), " ")
		if t == "" {
			return
		}
		// Code that holds backticks ("zone = (`+' | `-')") is fenced by a
		// longer run of them, as Markdown writes it.
		longest := longestBacktickRun(t)
		f := strings.Repeat("`", longest+1)
		if longest > 0 {
			b.WriteString(f + " " + t + " " + f)
		} else {
			b.WriteString(f + t + f)
		}
		return
	case atom.Q:
		// A browser shows <q> in quotation marks; without them "(the <q>Directory
		// corresponds to /cgi-bin</q> field)" reads as a clause.
		var inner strings.Builder
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			writeInline(&inner, c, depth+1)
		}
		if t := strings.TrimSpace(inner.String()); t != "" {
			if glossary.HasCJK(t) {
				b.WriteString("「" + t + "」")
			} else {
				b.WriteString(`"` + t + `"`)
			}
		}
		return
	case atom.A:
		if href := crossRefHref(n); href != "" {
			var inner strings.Builder
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				writeInline(&inner, c, depth+1)
			}
			if t := strings.Join(strings.Fields(inner.String()), " "); t != "" && !strings.Contains(inner.String(), "\n") {
				b.WriteString(markdownLink(t, href))
				return
			}
		}
	case atom.Strong, atom.B, atom.Em, atom.I:
		var inner strings.Builder
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			writeInline(&inner, c, depth+1)
		}
		raw := inner.String()
		t := strings.Join(strings.Fields(raw), " ")
		if t == "" {
			b.WriteString(raw) // spaces only
			return
		}
		mark := "**"
		if n.DataAtom == atom.Em || n.DataAtom == atom.I {
			mark = "*"
		}
		if strings.Contains(raw, "\n") {
			b.WriteString(raw)
			return
		}
		if intraword(b.String(), raw, n.NextSibling) {
			// "<strong>r</strong>ocket-fast": letters of a word set off,
			// which Markdown cannot mark inside a word; the word is read.
			b.WriteString(t)
			return
		}
		// The spaces inside the element go outside the marks ("a<b> x
		// </b>b" is "a **x** b"), and none is added: "<em>pointer</em>,"
		// is "*pointer*,".
		if r, _ := utf8.DecodeRuneInString(raw); unicode.IsSpace(r) {
			b.WriteByte(' ')
		}
		if len(t) > 2*len(mark) && strings.HasPrefix(t, mark) && strings.HasSuffix(t, mark) && !strings.HasPrefix(t, mark+"*") {
			// "<strong><span><strong>_</strong></span></strong>" is
			// "**_**", not "****_****".
			b.WriteString(t)
		} else {
			b.WriteString(mark + t + mark)
		}
		if r, _ := utf8.DecodeLastRuneInString(raw); unicode.IsSpace(r) {
			b.WriteByte(' ')
		}
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if isBlock(c) {
			// A block inside inline content (bad HTML, or a <div> in a
			// table cell): a space keeps its words apart.
			b.WriteByte(' ')
			writeInline(b, c, depth+1)
			b.WriteByte(' ')
			continue
		}
		writeSibling(b, c.PrevSibling, c, depth+1)
	}
}

// writeSibling writes n after its sibling prev. Two elements that touch
// ("<a>detect</a><span class=badge>Experimental</span>") are set apart
// by the page's style, not by a space: a space keeps their words apart.
func writeSibling(b *strings.Builder, prev, n *html.Node, depth int) {
	if prev == nil || prev.Type != html.ElementNode || n.Type != html.ElementNode || b.Len() == 0 {
		writeInline(b, n, depth)
		return
	}
	var part strings.Builder
	writeInline(&part, n, depth)
	s := part.String()
	last, _ := utf8.DecodeLastRuneInString(b.String())
	first, _ := utf8.DecodeRuneInString(s)
	if isWordRune(last) && isWordRune(first) {
		b.WriteByte(' ')
	}
	b.WriteString(s)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// textOf returns the text of n as it is (for <pre> and <code>).
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node, d int)
	walk = func(n *html.Node, d int) {
		if d > maxDepth {
			return
		}
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			if n.DataAtom == atom.Br {
				b.WriteByte('\n')
				return
			}
			if skipped(n) {
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, d+1)
		}
	}
	walk(n, 0)
	return b.String()
}

// pre writes preformatted text: as fenced code, but for its paragraphs
// of prose, written as text. Manuals kept as plain text and published as
// HTML (HAProxy's, RFCs, man pages) put every paragraph in a <pre>: a
// reader sees prose, and the engines would not read it as code.
func (w *writer) pre(text string) {
	for l := range strings.SplitSeq(text, "\n") {
		if t := strings.TrimSpace(l); strings.HasPrefix(t, "$ ") || strings.HasPrefix(t, "# ") || strings.HasPrefix(t, "% ") {
			// A shell session, or code with comments: its output and
			// comments are not the page's prose.
			w.block(fence(text))
			return
		}
	}
	var code []string
	flush := func() {
		w.block(fence(strings.Join(code, "\n\n")))
		code = code[:0]
	}
	for _, para := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		if strings.TrimSpace(para) == "" {
			continue
		}
		if lines := strings.Split(strings.Trim(para, "\n"), "\n"); proseLines(lines) {
			flush()
			w.block(escapeText(strings.Join(joinHyphenated(dedent(lines), text), "\n")))
			continue
		}
		code = append(code, strings.Trim(para, "\n"))
	}
	flush()
}

// escapeText escapes what Markdown would read as markup in a text: a
// backtick is a character ("`/' character", TeX quotes), not the start of
// a code span that would run to the next one; "<name>" is a placeholder
// ("defined by <fmt>"), not an HTML tag.
func escapeText(t string) string {
	t = escapeBackquotes(t)
	if !strings.Contains(t, "<") {
		return t
	}
	var b strings.Builder
	for i := 0; i < len(t); i++ {
		if t[i] == '<' && i+1 < len(t) && (isASCIILetter(t[i+1]) || t[i+1] == '/') {
			b.WriteByte('\\')
		}
		b.WriteByte(t[i])
	}
	return b.String()
}

// escapeBackquotes escapes the backquotes of a text, but for TeX-era
// quotes ("`kbuf' specifies ...", Tokyo Cabinet's and GNU manuals), which
// become code spans (see glossary.TeXQuotes): they quote a literal name.
func escapeBackquotes(t string) string {
	if strings.IndexByte(t, '`') < 0 {
		return t
	}
	qs := glossary.TeXQuotes(t)
	var b strings.Builder
	b.Grow(len(t) + 8)
	for i := 0; i < len(t); i++ {
		switch {
		case len(qs) > 0 && i == qs[0][0]:
			b.WriteString(t[qs[0][0] : qs[0][1]-1])
			b.WriteByte('`')
			i = qs[0][1] - 1
			qs = qs[1:]
		case t[i] == '`':
			b.WriteString("\\`")
		default:
			b.WriteByte(t[i])
		}
	}
	return b.String()
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// codePre reports a <pre> that its page marks as code, output or a
// synopsis (DocBook's "programlisting" and "screen", Sphinx's
// "highlight" around it, "language-go"): never prose.
func codePre(n *html.Node) bool {
	for i := 0; n != nil && i < 3; i, n = i+1, n.Parent {
		if codeClass.MatchString(attr(n, "class")) {
			return true
		}
	}
	return false
}

var codeClass = regexp.MustCompile(`(?i)program|screen|code|highlight|source|lang|syntax|console|shell|example|synopsis|terminal|literal`)

// proseLines reports a paragraph of preformatted text that is prose:
// sentences of words, many of them function words ("the", "is", "of"),
// or Japanese sentences; not code, a comment block, a shell session, a
// table or a diagram.
func proseLines(lines []string) bool {
	var words, function, letters, symbols, hiragana, columns int
	stops := false
	for _, l := range lines {
		t := strings.TrimSpace(l)
		for _, lead := range []string{"#", "//", "/*", ";", "--", "$ ", "%", ">", "|", "+-"} {
			if strings.HasPrefix(t, lead) {
				return false
			}
		}
		if strings.Contains(t, "   ") {
			columns++ // "ACL name    Equivalent to    Usage": a table's row
		}
		for _, f := range strings.Fields(t) {
			words++
			if proseFunctionWords[strings.ToLower(strings.Trim(f, ".,;:()\"'"))] {
				function++
			}
		}
		for _, r := range t {
			switch {
			case unicode.Is(unicode.Hiragana, r):
				hiragana++
				letters++
			case unicode.IsLetter(r):
				letters++
			case strings.ContainsRune("{}[]=;$\\`@^~*&_", r):
				symbols++
			}
		}
		stops = stops || strings.HasSuffix(t, ".") || strings.Contains(t, ". ") || strings.Contains(t, "。")
	}
	if !stops || letters == 0 || symbols*50 > letters || columns*2 > len(lines) {
		return false
	}
	if hiragana*5 >= letters {
		return true
	}
	return words >= 8 && function*100 >= words*15
}

// proseFunctionWords are the English words that fill prose and seldom
// code.
var proseFunctionWords = map[string]bool{
	"the": true, "a": true, "an": true, "is": true, "are": true, "to": true, "of": true, "and": true, "or": true,
	"in": true, "for": true, "this": true, "that": true, "it": true, "be": true, "with": true, "on": true,
	"by": true, "as": true, "not": true, "can": true, "will": true, "which": true, "when": true, "if": true,
}

// joinHyphenated mends the words that a man page's formatter broke at a
// line's end ("the Postfix mas-" / "ter.cf file"): the word goes back on
// one line, so that it is one word to a reader joining the lines. The
// hyphen goes when the whole word is written elsewhere in text (master);
// a compound broken at its own hyphen (client-side) keeps it.
func joinHyphenated(lines []string, text string) []string {
	var lower string
	for i := 0; i+1 < len(lines); i++ {
		l, next := lines[i], strings.TrimLeft(lines[i+1], " \t")
		if len(l) < 3 || l[len(l)-1] != '-' || !isASCIILetter(l[len(l)-2]) || next == "" || next[0] < 'a' || next[0] > 'z' {
			continue
		}
		start := len(l) - 1
		for start > 0 && isASCIILetter(l[start-1]) {
			start--
		}
		end := 0
		for end < len(next) && isASCIILetter(next[end]) {
			end++
		}
		if lower == "" {
			lower = strings.ToLower(text)
		}
		head := l[:len(l)-1]
		if !strings.Contains(lower, strings.ToLower(l[start:len(l)-1]+next[:end])) {
			head = l // no such word: a compound's own hyphen
		}
		rest, _, _ := strings.Cut(next, " ")
		lines[i] = head + rest
		lines[i+1] = strings.TrimLeft(strings.TrimPrefix(next, rest), " ")
	}
	return lines
}

// dedent removes the indentation the lines share.
func dedent(lines []string) []string {
	common := -1
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		if n := len(l) - len(strings.TrimLeft(l, " \t")); common < 0 || n < common {
			common = n
		}
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = strings.TrimRight(l[min(common, len(l)):], " \t")
	}
	return out
}

// fence returns code as a fenced code block, with a fence longer than any
// backtick run inside it.
// nestedFence returns code as a fenced block's lines indented under a
// list item at indent: Markdown nests a block in an item so.
func nestedFence(code string, indent int) []string {
	f := fence(code)
	if f == "" {
		return nil
	}
	pad := strings.Repeat("  ", indent)
	lines := strings.Split(f, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = pad + l
		}
	}
	return lines
}

func fence(code string) string {
	code = strings.Trim(code, "\n")
	if strings.TrimSpace(code) == "" {
		return ""
	}
	f := strings.Repeat("`", max(3, longestBacktickRun(code)+1))
	return f + "\n" + code + "\n" + f
}

// intraword reports an emphasis element inside a word: a letter or a digit
// right before it (at the end of before) or right after it (at the start of
// the next text node), with no space inside it on that side.
func intraword(before, raw string, next *html.Node) bool {
	first, _ := utf8.DecodeRuneInString(raw)
	last, _ := utf8.DecodeLastRuneInString(raw)
	if r, _ := utf8.DecodeLastRuneInString(before); wordRune(r) && wordRune(first) {
		return true
	}
	if next != nil && next.Type == html.TextNode {
		if r, _ := utf8.DecodeRuneInString(next.Data); wordRune(r) && wordRune(last) {
			return true
		}
	}
	return false
}

// wordRune is a letter of a word written with spaces between words:
// Japanese sets emphasis inside a line without them.
func wordRune(r rune) bool { return unicode.Is(unicode.Latin, r) || unicode.IsDigit(r) }

// longestBacktickRun returns the length of the longest run of backticks in
// s: a code span or block around s needs a longer one.
func longestBacktickRun(s string) int {
	longest, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return longest
}

// uiLabel reports a summary that names the control, not the content it
// opens: "Expand description", "Show more", "Details".
func uiLabel(t string) bool {
	f := strings.Fields(strings.ToLower(t))
	if len(f) == 0 || len(f) > 3 {
		return false
	}
	switch strings.Trim(f[0], "▶▼›»") {
	case "expand", "collapse", "show", "hide", "toggle", "click", "more", "details", "open", "close":
		return true
	}
	return false
}

// blockAtoms are the elements that start a block of their own.
var blockAtoms = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true, atom.Body: true,
	atom.Center: true, atom.Details: true, atom.Dialog: true, atom.Dd: true, atom.Div: true, atom.Dl: true,
	atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true, atom.Footer: true,
	atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Header: true, atom.Hgroup: true, atom.Hr: true, atom.Html: true, atom.Li: true, atom.Main: true,
	atom.Menu: true, atom.Nav: true, atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true,
	atom.Summary: true, atom.Table: true, atom.Ul: true, atom.Caption: true, atom.Tr: true, atom.Td: true,
	atom.Th: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true,
}

func isBlock(n *html.Node) bool {
	return n.Type == html.ElementNode && blockAtoms[n.DataAtom]
}

// skippedAtoms are never read: code that runs, site chrome, forms, media.
var skippedAtoms = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Svg: true,
	atom.Math: true, atom.Canvas: true, atom.Iframe: true, atom.Object: true, atom.Embed: true,
	atom.Video: true, atom.Audio: true, atom.Nav: true, atom.Button: true, atom.Select: true,
	atom.Input: true, atom.Textarea: true, atom.Head: true, atom.Title: true, atom.Link: true,
	atom.Meta: true,
	// A footer says who wrote the page, when and where to edit it
	// (Docusaurus puts "Edit this page" in the article's own footer).
	atom.Footer: true,
}

// chromeClasses mark elements that are not the page's text: a heading's
// permalink, the "Note" over the body of a Sphinx admonition, tables of
// contents (which repeat the headings) and the links between a book's
// pages (DocBook, Publican, Texinfo, MediaWiki).
var chromeClasses = map[string]bool{
	"headerlink": true, "anchorjs-link": true, "admonition-title": true,
	"toc": true, "toc2": true, "list-of-tables": true, "list-of-figures": true, "list-of-examples": true,
	"navheader": true, "navfooter": true, "nav_table": true, "nav-panel": true, "navbar": true, "docnav": true,
	"breadcrumb": true, "breadcrumbs": true, "mw-editsection": true,
	// Sphinx's "New in version 3.14." and "Changed in version 3.2:" over an
	// object's description: when, not what (the text after the label stays).
	"versionmodified": true,
	// Pallets' theme folds those notes into <details class="changelog">
	// under each object: its history ("Added the err parameter."), whose
	// summary would run into the description. Newer Sphinx puts each note
	// in a <div class="versionchanged"> ("etag replaces the add_etags
	// parameter.", Flask's API): what changed, dropped as the
	// reStructuredText reader drops the directive's body.
	"changelog": true, "versionchanged": true, "versionadded": true,
	// The "[source]" link after a signature (Sphinx's viewcode).
	"viewcode-link": true,
	// A footnote's number after a word (mdBook, Sphinx, pandoc): "types1".
	"footnote-reference": true, "footnote-ref": true,
	// Bootstrap's menus open on a click: "This keyword is available in
	// sections: ..." after each keyword of HAProxy's manual.
	"dropdown-menu": true,
}

// chromeIDs mark the parts of a page around its text, with the element
// that has the id (a section may well be id="email"): the table of
// contents, Asciidoctor's author and revision lines under the title, the
// footer ("Last updated", "Other languages: English, Deutsch, ...").
var chromeIDs = map[string]atom.Atom{
	"toc": atom.Div, "author": atom.Span, "email": atom.Span, "revnumber": atom.Span, "revdate": atom.Span,
	"revremark": atom.Span, "footer-text": atom.Div, "footer": atom.Div,
}

// sphinxAdmonition reports a Sphinx admonition: class "admonition", or
// (older Sphinx) a first paragraph of class "admonition-title".
func sphinxAdmonition(n *html.Node) bool {
	if slices.Contains(strings.Fields(attr(n, "class")), "admonition") {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			return slices.Contains(strings.Fields(attr(c, "class")), "admonition-title")
		}
	}
	return false
}

// nodeLinks reports an element holding a link to the next, previous or
// up node of a manual: its rel names the relation.
func nodeLinks(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom == atom.A {
			switch attr(c, "rel") {
			case "next", "prev", "previous", "up":
				return true
			}
		}
		if nodeLinks(c) {
			return true
		}
	}
	return false
}

// skipped reports an element that is not read: see skippedAtoms and
// chromeClasses, elements hidden from readers, and a heading's permalink
// mark.
func skipped(n *html.Node) bool {
	if n.Type == html.CommentNode {
		return true
	}
	if n.Type != html.ElementNode {
		return false
	}
	if skippedAtoms[n.DataAtom] {
		return true
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return !defaultCase(n)
		case "aria-hidden":
			if a.Val == "true" {
				return true
			}
		case "role":
			if a.Val == "navigation" {
				return true
			}
		case "id":
			if el, ok := chromeIDs[a.Val]; ok && el == n.DataAtom {
				return true
			}
		case "class":
			for _, c := range strings.Fields(a.Val) {
				if chromeClasses[c] {
					return true
				}
				if (c == "header" || c == "node") && n.DataAtom == atom.Div && nodeLinks(n) {
					// Texinfo's "Next: Tides, Previous: Berths, Up: Harbor
					// [Contents][Index]" over every node of a manual made
					// by texi2any (class "header") or makeinfo 4 ("node").
					return true
				}
				if c == "phrase" && n.DataAtom == atom.Span && n.Parent != nil && slices.ContainsFunc(strings.Fields(attr(n.Parent, "class")), func(pc string) bool {
					return pc == "figure-contents" || pc == "mediaobject"
				}) {
					// "[Safety cost levels diagram]" beside the picture
					// (DocBook's text alternative, aptitude's manual): what
					// the picture shows.
					return true
				}
				if c == "caption" && n.DataAtom == atom.Div && n.Parent != nil && slices.Contains(strings.Fields(attr(n.Parent, "class")), "mediaobject") {
					// "An image with a selection", "After Select Border"
					// under a picture (DocBook's mediaobject, GIMP's
					// help): what the picture shows, not the section's
					// prose; the figure's own title stays.
					return true
				}
				if c == "seealso" && sphinxAdmonition(n) {
					// Sphinx's "See also" box points to other pages ("The
					// Cryptography in Borg section for an in-depth
					// review."), its title dropped with the other
					// admonitions' titles. (Apache's manual has a
					// "seealso" class of its own.)
					return true
				}
				if c == "property" && n.DataAtom == atom.Em && n.Parent != nil && n.Parent.DataAtom == atom.Dt {
					// "exception sphinx.errors.SphinxError": the keyword
					// before the name in a Sphinx signature, not its name.
					return true
				}
			}
		}
	}
	if n.DataAtom == atom.A && n.FirstChild != nil && n.FirstChild == n.LastChild && n.FirstChild.Type == html.TextNode {
		if t := strings.TrimSpace(n.FirstChild.Data); t == "¶" || t == "#" || t == "§" {
			return true
		}
	}
	if n.Parent != nil && n.Parent.DataAtom == atom.Body {
		// A page without <main> or <article>: its banner and side panels
		// ("LibreOffice 7.4 Help", "Contents", "Index") are beside the
		// text. A banner that holds the page's <h1> is its title.
		switch {
		case n.DataAtom == atom.Aside:
			return true
		case n.DataAtom == atom.Header, n.DataAtom == atom.Div && bannerDiv(n):
			return find(n, func(c *html.Node) bool { return c.DataAtom == atom.H1 }) == nil
		}
	}
	return (n.DataAtom == atom.P || n.DataAtom == atom.Div) && linkBar(n) || n.DataAtom == atom.Div && navBox(n)
}

// bannerNames are the ids and classes of a banner written as a <div>
// (Apache httpd's manual: div#page-header, "Apache HTTP Server Version 2.4").
var bannerNames = map[string]bool{"page-header": true, "site-header": true, "masthead": true, "banner": true, "header": true}

func bannerDiv(n *html.Node) bool {
	if bannerNames[attr(n, "id")] {
		return true
	}
	for _, c := range strings.Fields(attr(n, "class")) {
		if bannerNames[c] {
			return true
		}
	}
	return false
}

// linkBar reports a block made only of links set apart by separators, with
// an optional label first: a site menu ("Modules | Directives | FAQ"), a
// breadcrumb ("Apache > HTTP Server > Documentation") or a language
// switcher ("Available Languages: de | en | fr"). Such a block names other
// pages; read as text, its names become terms ("de", "Sitemap").
func linkBar(n *html.Node) bool {
	links, seps := 0, 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.CommentNode:
			continue
		case html.TextNode:
			t := strings.TrimFunc(c.Data, func(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' })
			switch {
			case t == "":
			case strings.Trim(t, "|>»›·•/") == "":
				seps++
			case links == 0 && seps == 0 && label(t):
			default:
				return false
			}
			continue
		case html.ElementNode:
		default:
			return false
		}
		switch c.DataAtom {
		case atom.A:
			if strings.TrimSpace(inlineText([]*html.Node{c})) == "" {
				continue // an icon
			}
			if attr(c, "href") == "" {
				return false // a target (see linkList), not a link
			}
			links++
		case atom.Img, atom.Br:
		case atom.Span, atom.Strong, atom.B:
			if links > 0 || seps > 0 || !label(strings.TrimSpace(inlineText([]*html.Node{c}))) {
				return false
			}
		default:
			return false
		}
	}
	return links >= 2 && seps >= links-1
}

// label reports the label before a bar of links: "Available Languages:".
func label(s string) bool {
	return (strings.HasSuffix(s, ":") || strings.HasSuffix(s, "：")) && utf8.RuneCountInString(s) <= 40
}

// navBox reports a styled box (a <div> with an id or class) that holds
// only headings over lists of links, and no <h1>: Apache httpd's
// "quickview" (Topics, Directives, See also). Its lists repeat the page's
// headings or name other pages; read as text, a heading over one item
// glosses it ("Topics: Order of Processing").
func navBox(n *html.Node) bool {
	if attr(n, "id") == "" && attr(n, "class") == "" {
		return false
	}
	lists := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.CommentNode, c.Type == html.TextNode && strings.TrimSpace(c.Data) == "":
		case c.Type != html.ElementNode:
			return false
		case c.DataAtom == atom.H2, c.DataAtom == atom.H3, c.DataAtom == atom.H4, c.DataAtom == atom.H5, c.DataAtom == atom.H6:
		case (c.DataAtom == atom.Ul || c.DataAtom == atom.Ol) && linkList(c):
			lists++
		default:
			return false
		}
	}
	return lists > 0
}

// linkList reports a list whose items are each one link and nothing else.
func linkList(list *html.Node) bool {
	items := 0
	for li := list.FirstChild; li != nil; li = li.NextSibling {
		if li.Type == html.TextNode && strings.TrimSpace(li.Data) == "" || li.Type == html.CommentNode {
			continue
		}
		if li.DataAtom != atom.Li {
			return false
		}
		// An <a> with no href is a target, not a link: DocBook's XHTML
		// writes <a id="x"/>, which HTML reads as left open, and the
		// parser then wraps the text of every later item in a copy.
		a := find(li, func(c *html.Node) bool { return c.DataAtom == atom.A && attr(c, "href") != "" })
		if a == nil {
			return false
		}
		if t := strings.TrimSpace(inlineText([]*html.Node{li})); t == "" || t != strings.TrimSpace(inlineText([]*html.Node{a})) && t != "`"+strings.TrimSpace(inlineText([]*html.Node{a}))+"`" {
			return false
		}
		items++
	}
	return items > 0
}

// defaultCase reports the hidden branch that a page's script would show
// when it does not know the reader's system: LibreOffice's help writes
// "<span class="switchinline"><span hidden class="MAC">…</span><span
// hidden id="default…">click the right mouse button</span></span>".
func defaultCase(n *html.Node) bool {
	if n.Parent == nil || !strings.HasPrefix(attr(n, "id"), "default") {
		return false
	}
	for _, c := range strings.Fields(attr(n.Parent, "class")) {
		if c == "switchinline" || c == "switch" {
			return true
		}
	}
	return false
}

// contentRoot returns the element that holds the page's content.
func contentRoot(doc *html.Node) *html.Node {
	if n := find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Main }); n != nil {
		return n
	}
	if n := find(doc, func(n *html.Node) bool { return attr(n, "role") == "main" }); n != nil {
		return n
	}
	if n := find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Article }); n != nil {
		return n
	}
	if n := find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Body }); n != nil {
		return n
	}
	return doc
}

func hasH1(n *html.Node) bool {
	return find(n, func(n *html.Node) bool { return n.DataAtom == atom.H1 }) != nil
}

// pageTitle returns the text of <title> without a site-name suffix.
func pageTitle(doc *html.Node) string {
	t := find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Title })
	if t == nil {
		return ""
	}
	var b strings.Builder
	for c := t.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	s := strings.Join(strings.Fields(b.String()), " ")
	for _, sep := range []string{" — ", " | ", " · ", " – ", " :: "} {
		if i := strings.Index(s, sep); i > 0 {
			s = s[:i]
		}
	}
	return s
}

// find returns the first element in document order that matches, not
// looking inside skipped elements other than <head> (where <title> is).
func find(n *html.Node, match func(*html.Node) bool) *html.Node {
	var walk func(n *html.Node, d int) *html.Node
	walk = func(n *html.Node, d int) *html.Node {
		if d > maxDepth {
			return nil
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if match(c) {
				return c
			}
			if skipped(c) && c.DataAtom != atom.Head {
				continue
			}
			if r := walk(c, d+1); r != nil {
				return r
			}
		}
		return nil
	}
	return walk(n, 0)
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func childList(n *html.Node) []*html.Node {
	var out []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		out = append(out, c)
	}
	return out
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// flatText returns the text of a page the parser refused: the text between
// tags, a paragraph break at each block element's tags, nothing of
// scripts and styles.
func flatText(src string) string {
	z := html.NewTokenizer(strings.NewReader(src))
	var paras []string
	var cur strings.Builder
	skip := 0
	end := func() {
		if t := strings.Join(strings.Fields(cur.String()), " "); t != "" {
			paras = append(paras, t)
		}
		cur.Reset()
	}
	for {
		switch tt := z.Next(); tt {
		case html.ErrorToken:
			end()
			if len(paras) == 0 {
				return ""
			}
			return strings.Join(paras, "\n\n") + "\n"
		case html.TextToken:
			if skip == 0 {
				cur.Write(z.Text())
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch {
			case a == atom.Script || a == atom.Style:
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
			case blockAtoms[a] || a == atom.Br:
				end()
			}
		}
	}
}

// dropWideBreaks removes the line breaks (and the spaces around them) of
// source text between two Japanese or Chinese characters: Japanese is
// written without spaces, so a break in the HTML source is no space
// (「船を指揮する\n船長です」 reads 「船を指揮する船長です」), as CSS Text's
// segment break rules say.
func dropWideBreaks(s string) string {
	if !wideBreak(s) {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		before := strings.TrimRight(s[:i], " \t\r")
		after := strings.TrimLeft(s[i+1:], " \t\r")
		r1, _ := utf8.DecodeLastRuneInString(before)
		r2, _ := utf8.DecodeRuneInString(after)
		b.WriteString(before)
		if !wideRune(r1) || !wideRune(r2) {
			b.WriteString(s[len(before) : len(s)-len(after)])
		}
		s = after
	}
}

// wideBreak reports whether s has a line break between two wide
// characters (most text nodes have none: no string is built for them).
func wideBreak(s string) bool {
	for i := strings.IndexByte(s, '\n'); i >= 0; {
		r1, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s[:i], " \t\r"))
		r2, _ := utf8.DecodeRuneInString(strings.TrimLeft(s[i+1:], " \t\r"))
		if wideRune(r1) && wideRune(r2) {
			return true
		}
		next := strings.IndexByte(s[i+1:], '\n')
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return false
}

// wideRune reports a character of Japanese or Chinese text: kanji, kana,
// and the full-width punctuation written with them.
func wideRune(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) || r == 'ー' ||
		r >= 0x3000 && r <= 0x303f || r >= 0xff01 && r <= 0xff60
}
