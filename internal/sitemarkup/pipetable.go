package sitemarkup

import "strings"

// pipeTable gives the rows of a GitHub table written without its outer
// pipes ("Validator | Description" over "--- | ---", as validator.js's
// README writes it), which opens at lines[i], their leading and trailing
// pipes, and returns the index of its last row. The readers know a table
// row by its leading "|"; without it the whole table was one paragraph,
// and a heading's gloss. It reports false when lines[i] opens no such
// table: a line with a "|" over a delimiter row of as many cells.
func pipeTable(lines []string, i int) (int, bool) {
	head := strings.TrimSpace(lines[i])
	if i+1 >= len(lines) || strings.HasPrefix(head, "|") || !strings.Contains(head, "|") || indentedCode(lines[i]) {
		return 0, false
	}
	rule := strings.TrimSpace(lines[i+1])
	n, ok := delimiterCells(rule)
	if !ok || n != len(strings.Split(strings.Trim(head, "|"), "|")) {
		return 0, false
	}
	end := i + 1
	for j := i; j < len(lines); j++ {
		t := strings.TrimSpace(lines[j])
		if j > i+1 && (t == "" || !strings.Contains(t, "|") || indentedCode(lines[j])) {
			break
		}
		if !strings.HasPrefix(t, "|") {
			t = "| " + t
		}
		if !strings.HasSuffix(t, "|") || strings.HasSuffix(t, `\|`) {
			t += " |"
		}
		lines[j], end = t, j
	}
	return end, true
}

// delimiterCells reports a table's delimiter row ("--- | :---:", "|-|-|")
// and the number of its cells, at least two.
func delimiterCells(s string) (int, bool) {
	if !strings.Contains(s, "|") || !strings.Contains(s, "-") {
		return 0, false
	}
	cells := strings.Split(strings.Trim(s, "|"), "|")
	if len(cells) < 2 {
		return 0, false
	}
	for _, c := range cells {
		c = strings.Trim(strings.TrimSpace(c), ":")
		if c == "" || strings.Trim(c, "-") != "" {
			return 0, false
		}
	}
	return len(cells), true
}

// indentedCode reports a line indented as Markdown's code is.
func indentedCode(line string) bool {
	return strings.HasPrefix(line, "\t") || strings.HasPrefix(line, "    ")
}

// mayHavePipeTable is pipeTable's cheap test: a delimiter row ("--- |
// ---") that does not start with "|". Tables with their outer pipes, the
// usual kind, need nothing.
func mayHavePipeTable(s string) bool {
	for i := 0; i < len(s); {
		k := strings.Index(s[i:], "-|")
		if k2 := strings.Index(s[i:], "- |"); k2 >= 0 && (k < 0 || k2 < k) {
			k = k2
		}
		if k < 0 {
			return false
		}
		at := i + k
		start := strings.LastIndexByte(s[:at], '\n') + 1
		if line := strings.TrimLeft(s[start:], " \t"); line[0] != '|' {
			return true
		}
		end := strings.IndexByte(s[at:], '\n')
		if end < 0 {
			return false
		}
		i = at + end + 1
	}
	return false
}
