// Package gridtable reads grid tables, the tables reStructuredText and
// plain-text renderings (w3m's, DocBook's) draw with "+", "-" and "|", as
// Markdown rows. A grid table's cell may span several lines; read a line
// at a time, a row's key sat beside the middle of its description ("| text
// | that are asked at the same time. Unlike a note, it isn't |"). Each row
// is read whole instead, on its first line.
package gridtable

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Rule reports a line (trimmed) that draws a border or a row separator:
// "+----+----+", "+====+====+", "|-----+-----|", and "|     +-----+" (a
// cell that spans rows, left open).
func Rule(t string) bool {
	if len(t) < 3 || t[0] != '+' && t[0] != '|' || !strings.Contains(t, "+") {
		return false
	}
	dash := false
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '-', '=':
			dash = true
		case '+', '|', ' ', ':':
		default:
			return false
		}
	}
	return dash
}

// Extent returns the end (exclusive) of the grid table whose first line is
// lines[i], a [Rule]: the lines after it that draw rules or rows ("| ...
// |"). It returns i when lines[i] opens no table.
func Extent(lines []string, i int) int {
	if i >= len(lines) || !Rule(strings.TrimSpace(lines[i])) {
		return i
	}
	j := i + 1
	for j < len(lines) {
		t := strings.TrimSpace(lines[j])
		if !Rule(t) && !(len(t) >= 2 && t[0] == '|' && t[len(t)-1] == '|') {
			break
		}
		j++
	}
	return j
}

// ToMarkdown converts one grid table, lines as [Extent] found them, into
// as many lines: each row, its cells' lines joined, as a Markdown row on
// its first line; "| --- |" under the header (the rows above a "="
// rule, or, in a table without one, a first row of one line, as w3m draws
// a header); and "| |", an empty row, for every other line, so the table
// goes on and line numbers stay; each line keeps its indentation. Rows whose lines do not split into the
// same number of cells are left a line at a time.
func ToMarkdown(lines []string) []string {
	out := make([]string, len(lines))
	headerRule := -1 // index of the line that ends the header
	for i, l := range lines {
		if t := strings.TrimSpace(l); Rule(t) && strings.Contains(t, "=") {
			headerRule = i
			break
		}
	}
	first := true // the next row is the table's first
	for i := 0; i < len(lines); {
		t := strings.TrimSpace(lines[i])
		if Rule(t) {
			out[i] = "| |"
			if i == headerRule && !first {
				out[i] = rule(cellsOf(lastRow(out[:i])))
			}
			i++
			continue
		}
		j := i
		for j < len(lines) && !Rule(strings.TrimSpace(lines[j])) {
			j++
		}
		if merged, ok := merge(lines[i:j]); ok {
			out[i] = merged
			for k := i + 1; k < j; k++ {
				out[k] = "| |"
			}
		} else {
			for k := i; k < j; k++ {
				out[k] = strings.TrimSpace(lines[k])
			}
		}
		if first && headerRule < 0 && j == i+1 && j < len(lines) {
			// w3m's header: one line, then the first separator.
			out[j] = rule(cellsOf(out[i]))
			i = j + 1
			first = false
			continue
		}
		first = false
		i = j
	}
	for i, l := range lines {
		if lead := l[:len(l)-len(strings.TrimLeft(l, " \t"))]; !strings.HasPrefix(out[i], lead) {
			out[i] = lead + out[i]
		}
	}
	return out
}

// lastRow returns the last row written in out that has cells.
func lastRow(out []string) string {
	for i := len(out) - 1; i >= 0; i-- {
		if len(cellsOf(out[i])) > 0 {
			return out[i]
		}
	}
	return ""
}

func rule(cells []string) string {
	return strings.Repeat("| --- ", max(len(cells), 1)) + "|"
}

// cellsOf splits a row ("| a | b |") into its cells, trimmed; nil when all
// are empty.
func cellsOf(row string) []string {
	t := strings.TrimSpace(row)
	if len(t) < 2 || t[0] != '|' || t[len(t)-1] != '|' {
		return nil
	}
	cells := strings.Split(t[1:len(t)-1], "|")
	empty := true
	for i, c := range cells {
		cells[i] = strings.TrimSpace(c)
		empty = empty && cells[i] == ""
	}
	if empty {
		return nil
	}
	return cells
}

// merge joins the lines of one row cell by cell: "| Era | One |" over "|
// | to three |" is "| Era | One to three |".
func merge(lines []string) (string, bool) {
	var cols []strings.Builder
	for n, l := range lines {
		t := strings.TrimSpace(l)
		if len(t) < 2 || t[0] != '|' || t[len(t)-1] != '|' {
			return "", false
		}
		cells := strings.Split(t[1:len(t)-1], "|")
		if n == 0 {
			cols = make([]strings.Builder, len(cells))
		} else if len(cells) != len(cols) {
			return "", false
		}
		for i, c := range cells {
			c = strings.TrimSpace(c)
			if c == "" {
				continue
			}
			if cols[i].Len() > 0 {
				prev, _ := utf8.DecodeLastRuneInString(cols[i].String())
				next, _ := utf8.DecodeRuneInString(c)
				if !(wide(prev) && wide(next)) {
					cols[i].WriteByte(' ')
				}
			}
			cols[i].WriteString(c)
		}
	}
	var b strings.Builder
	b.WriteString("|")
	for i := range cols {
		b.WriteString(" ")
		b.WriteString(cols[i].String())
		b.WriteString(" |")
	}
	return b.String(), true
}

// wide reports a Japanese or Chinese character, between which a line
// break is no space.
func wide(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) || r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xffef
}
