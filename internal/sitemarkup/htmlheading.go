package sitemarkup

import (
	"strings"

	"golang.org/x/net/html"
)

// maxHeadingLines bounds an HTML heading: one that opens and does not close
// within this many lines is left as it is.
const maxHeadingLines = 12

// htmlHeading turns the HTML heading that opens at lines[i] (READMEs centre
// their title and section headings so: `<h1 align="center">cheerio</h1>`,
// `<h3 align="center">Gold sponsors</h3>`) into a Markdown heading of the
// same level on the line where its text starts, the heading's other lines
// blank, and returns the index of its last line. Read as a paragraph, a
// title was no title and a "Sponsors" heading opened no section to leave
// out. A heading of images only becomes blank lines. It reports false when
// no heading opens at lines[i], when it does not close, or when text
// follows it on its last line.
func htmlHeading(lines []string, i int) (int, bool) {
	t := strings.TrimSpace(lines[i])
	if len(t) < 4 || t[1]|0x20 != 'h' || t[2] < '1' || t[2] > '6' || t[3] != '>' && t[3] != ' ' && t[3] != '\t' {
		return 0, false
	}
	level := int(t[2] - '0')
	closing := "</h" + string(t[2]) + ">"
	end := -1
	for j := i; j < len(lines) && j-i < maxHeadingLines; j++ {
		l := strings.ToLower(lines[j])
		if k := strings.Index(l, closing); k >= 0 {
			if strings.TrimSpace(l[k+len(closing):]) != "" {
				return 0, false
			}
			end = j
			break
		}
	}
	if end < 0 {
		return 0, false
	}
	var (
		text  strings.Builder
		at    = -1
		line  int
		depth int // inside the heading's element
	)
	z := html.NewTokenizer(strings.NewReader(strings.Join(lines[i:end+1], "\n")))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		switch tt {
		case html.TextToken:
			s := string(raw)
			if depth > 0 && at < 0 && strings.TrimSpace(s) != "" {
				at = textLine(line, s)
			}
			if depth > 0 {
				text.WriteString(s)
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			switch n := string(name); {
			case len(n) == 2 && n[0] == 'h' && n[1] == t[2]:
				if tt == html.StartTagToken {
					depth++
				} else if tt == html.EndTagToken {
					depth--
				}
			case depth > 0 && (n == "code" || n == "kbd" || n == "samp" || n == "tt"):
				text.WriteByte('`')
			case depth > 0:
				text.WriteByte(' ') // "<br>", "<img>", a link's edges
			}
		}
		line += strings.Count(string(raw), "\n")
	}
	title := strings.Join(strings.Fields(text.String()), " ")
	for j := i; j <= end; j++ {
		lines[j] = ""
	}
	if title != "" {
		if at < 0 {
			at = 0
		}
		lines[i+at] = strings.Repeat("#", level) + " " + title
	}
	return end, true
}

// mayHaveHTMLHeading is htmlHeading's cheap test: "<h1" to "<h6", in any
// case ("<http://...>", an autolink, is none).
func mayHaveHTMLHeading(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		k := strings.IndexByte(s[i:], '<')
		if k < 0 || i+k+2 >= len(s) {
			return false
		}
		i += k
		if s[i+1]|0x20 == 'h' && s[i+2] >= '1' && s[i+2] <= '6' {
			return true
		}
	}
	return false
}
