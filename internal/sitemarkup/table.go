package sitemarkup

import (
	"strings"

	"golang.org/x/net/html"
)

// maxTableLines bounds the search for the end of an HTML table: a "<table>"
// never closed is left as it is.
const maxTableLines = 5000

// htmlTable turns the HTML table that opens at lines[i] (READMEs write
// their option and glossary tables so, to put code or line breaks in a
// cell) into Markdown table rows, and returns the index of its last line.
// Read as Markdown, the whole table was one paragraph of its cells' words
// ("Name Meaning capstan A rotating drum ... fairlead ..."), and a table
// on one line was skipped as an HTML block.
//
// Each row goes on the line where its text starts, so positions stay
// those of the document; a header row (cells of <th>, or the row of a
// <thead>) is followed by the Markdown rule, and the lines between rows
// become "|", an empty row, so that the table reads as one. It reports
// false, leaving the lines as they are, when no table opens at lines[i],
// when it is not closed, when it holds another table or a cell of Markdown
// (an empty line in it), when text follows it on its last line, or when
// its rows need more lines than it has.
func htmlTable(lines []string, i int) (int, bool) {
	open := strings.ToLower(strings.TrimSpace(lines[i]))
	if rest, ok := strings.CutPrefix(open, "<table"); !ok || rest != "" && rest[0] != '>' && rest[0] != ' ' && rest[0] != '\t' {
		return 0, false
	}
	end := -1
	for j := i; j < len(lines) && j-i < maxTableLines; j++ {
		l := strings.ToLower(lines[j])
		if j > i && strings.Contains(l, "<table") || j == i && strings.Count(l, "<table") > 1 {
			return 0, false // a table in a table: a layout, read as it is
		}
		if k := strings.LastIndex(l, "</table>"); k >= 0 {
			if strings.TrimSpace(l[k+len("</table>"):]) != "" {
				return 0, false
			}
			end = j
			break
		}
	}
	if end < 0 {
		return 0, false
	}
	rows, layout, markdown := tableRowsOf(strings.Join(lines[i:end+1], "\n"))
	if markdown {
		// A cell with an empty line in it holds Markdown (a fenced example
		// per package manager), which the readers read as it is.
		return 0, false
	}
	table := !layout || len(rows) > 0 && rows[0].header
	for spare := 0; spare <= 1; spare++ {
		if spare == 1 && (i == 0 || strings.TrimSpace(lines[i-1]) != "") {
			break
		}
		var (
			out []string
			ok  bool
		)
		if table {
			// A header row and its rule need two lines: a table of two
			// lines takes the blank line before it.
			out, ok = placeRows(rows, end-i+1, spare)
		} else {
			out, ok = placeCells(rows, end-i+1)
		}
		if ok {
			copy(lines[i-spare:end+1], out)
			return end, true
		}
		if !table {
			break
		}
	}
	return 0, false
}

// tableRow is one row of an HTML table: its cells' text, the line (from
// the table's first) where that text starts, and whether it heads the
// table.
type tableRow struct {
	cells     []string
	cellLines []int // where each cell's text starts, -1 when it has none
	line      int
	header    bool
}

// tableRowsOf reads the rows of one HTML table. Cells keep their text, with
// inline code as code spans; images and markup go. layout reports cells
// that hold blocks (paragraphs, images, lists, headings) or run over more
// than three lines: a table that lays out boxes, as READMEs' sponsor grids
// do, not one of data.
func tableRowsOf(src string) (rows []tableRow, layout, markdown bool) {
	var (
		row      *tableRow
		cell     strings.Builder
		cellLine int
		opened   int // the line where the cell opened
		inCell   bool
		allTH    bool
		inHead   bool
		line     int
	)
	closeCell := func() {
		if !inCell {
			return
		}
		row.cells = append(row.cells, strings.ReplaceAll(strings.Join(strings.Fields(cell.String()), " "), "|", `\|`))
		row.cellLines = append(row.cellLines, cellLine)
		layout = layout || line-opened > 3
		cell.Reset()
		inCell = false
	}
	closeRow := func() {
		closeCell()
		if row != nil {
			row.header = len(rows) == 0 && len(row.cells) > 0 && (allTH || inHead)
			rows = append(rows, *row)
			row = nil
		}
	}
	z := html.NewTokenizer(strings.NewReader(src))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		switch tt {
		case html.TextToken:
			if inCell {
				// As written: an entity stays one ("&lt;berth&gt;" is no
				// tag), as in the rest of the page.
				text := string(raw)
				markdown = markdown || blankLine(text)
				if cellLine < 0 && strings.TrimSpace(text) != "" {
					cellLine = textLine(line, text)
					if row.line < 0 {
						row.line = cellLine
					}
				}
				cell.WriteString(text)
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			start := tt != html.EndTagToken
			switch string(name) {
			case "thead":
				inHead = start
			case "tbody", "tfoot":
				inHead = false
			case "tr":
				closeRow()
				if start {
					row, allTH = &tableRow{line: -1}, true
				}
			case "td", "th":
				closeCell()
				if start {
					if row == nil {
						row, allTH = &tableRow{line: -1}, true
					}
					inCell, cellLine, opened = true, -1, line
					allTH = allTH && string(name) == "th"
				}
			case "code", "kbd", "samp", "tt":
				if inCell {
					cell.WriteByte('`')
				}
			case "br", "dd", "dt", "hr":
				if inCell {
					cell.WriteByte(' ')
				}
			case "p", "div", "li", "ul", "ol", "img", "picture", "h1", "h2", "h3", "h4", "h5", "h6":
				if inCell {
					cell.WriteByte(' ')
					layout = true
				}
			}
		}
		line += strings.Count(string(raw), "\n")
	}
	closeRow()
	return rows, layout, markdown
}

// blankLine reports text with an empty line in it.
func blankLine(text string) bool {
	for {
		k := strings.IndexByte(text, '\n')
		if k < 0 {
			return false
		}
		text = text[k+1:]
		if rest := strings.TrimLeft(text, " \t\r"); rest != "" && rest[0] == '\n' {
			return true
		}
	}
}

// placeRows lays rows out on n lines as Markdown: each row on its own line
// or the first free one after it, the header's rule after the header, "|"
// between rows. With spare lines before the table (blank ones), the header
// may go up into them. It reports false when the rows do not fit.
func placeRows(rows []tableRow, n, spare int) ([]string, bool) {
	n += spare
	out := make([]string, n)
	next, first, last := 0, -1, -1
	put := func(at int, s string) bool {
		at = max(at, next)
		if at >= n {
			return false
		}
		out[at] = s
		if first < 0 {
			first = at
		}
		last, next = at, at+1
		return true
	}
	for k, r := range rows {
		empty := true
		for _, c := range r.cells {
			if c != "" {
				empty = false
				break
			}
		}
		if empty {
			continue // a row of images or spacing
		}
		text := "| " + strings.Join(r.cells, " | ") + " |"
		at := r.line + spare
		if k == 0 && r.header {
			at = r.line
		}
		if !put(at, text) {
			return nil, false
		}
		if k == 0 && r.header && !put(next, "|"+strings.Repeat(" --- |", len(r.cells))) {
			return nil, false
		}
	}
	for k := first + 1; k < last && first >= 0; k++ {
		if out[k] == "" {
			out[k] = "|"
		}
	}
	return out, true
}

// placeCells lays the cells of a layout table out on n lines as
// paragraphs, each on the line where its text starts, or the first free one
// after it. It reports false when they do not fit.
func placeCells(rows []tableRow, n int) ([]string, bool) {
	out := make([]string, n)
	next := -1
	for _, r := range rows {
		for k, c := range r.cells {
			if c == "" {
				continue
			}
			at := max(r.cellLines[k], next+1) // a blank line between boxes
			if at >= n {
				at = max(r.cellLines[k], next) // or none, at the table's end
			}
			if at >= n {
				return nil, false
			}
			out[at] = strings.ReplaceAll(c, `\|`, "|")
			next = at + 1
		}
	}
	return out, true
}

// textLine returns the line where the text of s starts, s starting on line.
func textLine(line int, s string) int {
	lead := len(s) - len(strings.TrimLeft(s, " \t\r\n"))
	return line + strings.Count(s[:lead], "\n")
}
