package glossary

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// IsCJK reports whether r is a Han, Hiragana, Katakana or Hangul character, or
// a CJK symbol such as the prolonged sound mark. Such text has no spaces
// between words, so terms in it are matched as substrings.
func IsCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		r == 'ー' || r == '々' || r == '〆' || r == 'ヶ'
}

// HasCJK reports whether s contains a CJK character.
func HasCJK(s string) bool {
	for _, r := range s {
		if IsCJK(r) {
			return true
		}
	}
	return false
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_'
}

// ContinuesLatinWord reports whether r, next to a Latin term, continues
// its word: a letter, digit or underscore, but not a CJK character
// (Japanese writes "これがiPhone、" and "Secretは、" without spaces).
func ContinuesLatinWord(r rune) bool { return isWordRune(r) && !IsCJK(r) }

// Index returns the byte offsets in line where term occurs as a whole term:
// as a substring when the term contains CJK characters, otherwise only where
// neither side continues a word (Latin letters, digits, underscore; a CJK
// character next to a Latin term is a boundary, and so are the underscores
// of Markdown emphasis, "_term_"), an English plural ending allowed (-s, -es,
// and -ies for a final y after a consonant). Matching is
// case-sensitive for all-caps terms and acronyms, case-insensitive otherwise.
func Index(line, term string) []int { return compile(term).index(line, "", false) }

// pattern is a term prepared for matching by the rules of [Index].
type pattern struct {
	term   string
	folded string // term lower-cased, when fold
	cjk    bool
	fold   bool // case-insensitive
	// ies is the folded term's plural in -ies when it ends in a consonant
	// and y ("buildsystem property" -> "buildsystem properties"), or in
	// -ses when it ends in -sis ("parenthesis" -> "parentheses"), which
	// the -s and -es endings do not reach.
	ies string
}

func compile(term string) pattern {
	p := pattern{term: term, cjk: HasCJK(term)}
	if !p.cjk && strings.ToUpper(term) != term {
		p.fold, p.folded = true, strings.ToLower(term)
		if n := len(p.folded); n >= 3 && p.folded[n-1] == 'y' && !strings.ContainsRune("aeiouy", rune(p.folded[n-2])) &&
			p.folded[n-2] >= 'a' && p.folded[n-2] <= 'z' {
			p.ies = p.folded[:n-1] + "ies"
		}
		if n := len(p.folded); n >= 5 && strings.HasSuffix(p.folded, "sis") {
			p.ies = p.folded[:n-2] + "es"
		}
	}
	return p
}

// index is [Index] of p in line; lower is line lower-cased when haveLower
// (a caller matching many terms lower-cases each line once).
func (p pattern) index(line, lower string, haveLower bool) []int {
	if p.term == "" || len(line) < len(p.term) {
		return nil
	}
	hay, needle := line, p.term
	folded := false
	if p.fold {
		if !haveLower {
			lower = strings.ToLower(line)
		}
		hay, needle = lower, p.folded
		if len(hay) != len(line) { // lower-casing changed byte lengths: fall back to exact
			hay, needle = line, p.term
		} else {
			folded = true
		}
	}
	out := p.scan(hay, needle)
	if folded && p.ies != "" && strings.Contains(hay, p.ies) {
		out = append(out, p.scan(hay, p.ies)...)
		slices.Sort(out)
	}
	if len(out) > 0 && (strings.Contains(line, "](") || strings.HasPrefix(strings.TrimLeft(line, " "), "[")) {
		out = slices.DeleteFunc(out, func(at int) bool { return inLinkTarget(line, at) })
		if len(out) == 0 {
			out = nil
		}
	}
	if folded && len(out) > 0 && p.folded != p.term && strings.IndexByte(line, '-') >= 0 {
		// "docker-compose" is not Docker, "x-window-manager" not Manager:
		// a capitalised name matched in lower case beside a hyphen is a
		// part of another name.
		out = slices.DeleteFunc(out, func(at int) bool {
			end := min(at+len(needle), len(line))
			return (at > 0 && line[at-1] == '-' || end < len(line) && line[end] == '-') && line[at:end] == strings.ToLower(line[at:end])
		})
		if len(out) == 0 {
			out = nil
		}
	}
	return out
}

// inLinkTarget reports whether offset at of a Markdown line falls in a
// link's target, "[text](target)", or a reference definition's,
// "[label]: target": a file name or an address there is not the text's
// use of a word.
func inLinkTarget(line string, at int) bool {
	if t := strings.TrimLeft(line, " "); strings.HasPrefix(t, "[") {
		if i := strings.Index(line, "]: "); i > 0 && !strings.Contains(line[:i], "](") && at > i {
			// The target is one word; "[1]: See the network guide" is a
			// note's text.
			start := i + len("]: ")
			end := strings.IndexByte(line[start:], ' ')
			return end < 0 || at < start+end
		}
	}
	for from := 0; ; {
		i := strings.Index(line[from:], "](")
		if i < 0 || from+i >= at {
			return false
		}
		start := from + i + 2
		end := strings.IndexByte(line[start:], ')')
		if end < 0 {
			return true // the target runs to the end of the line
		}
		if at < start+end {
			return true
		}
		from = start + end
	}
}

// scan returns the offsets of needle in hay where it is a whole term.
func (p pattern) scan(hay, needle string) []int {
	var out []int
	for from := 0; from <= len(hay)-len(needle); {
		i := strings.Index(hay[from:], needle)
		if i < 0 {
			break
		}
		at := from + i
		end := at + len(needle)
		ok := true
		if !p.cjk {
			// A CJK neighbour does not continue a Latin word: Japanese
			// writes "これがiPhone、" and "QuickFixか" without spaces.
			if at > 0 {
				r, _ := utf8.DecodeLastRuneInString(hay[:at])
				first, _ := utf8.DecodeRuneInString(needle)
				if ContinuesLatinWord(r) && isWordRune(first) && !emphasisBefore(hay[:at]) {
					ok = false
				}
			}
			if end < len(hay) {
				end = pluralEnd(hay, end)
				r, _ := utf8.DecodeRuneInString(hay[end:])
				last, _ := utf8.DecodeLastRuneInString(needle)
				if end < len(hay) && ContinuesLatinWord(r) && isWordRune(last) && !emphasisAfter(hay[end:]) {
					ok = false
				}
			}
		}
		if ok {
			out = append(out, at)
		}
		_, size := utf8.DecodeRuneInString(hay[at:])
		from = at + size
	}
	return out
}

// emphasisBefore reports underscores ending before that open Markdown
// emphasis ("called _requests_"): a run of them at the start or after a
// character that does not continue a word. In "max_request" the
// underscore joins words.
func emphasisBefore(before string) bool {
	t := strings.TrimRight(before, "_")
	if t == before {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	return t == "" || !isWordRune(r)
}

// emphasisAfter reports underscores starting after that close Markdown
// emphasis: a run of them at the end or before a character that does not
// continue a word.
func emphasisAfter(after string) bool {
	t := strings.TrimLeft(after, "_")
	if t == after {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t)
	return t == "" || !isWordRune(r)
}

// mayOccur reports whether p can occur in a document: false means no line
// of it matches. A line matches on its lower-cased text, or exactly when
// lower-casing changes its length, so the document's lower-cased text (the
// lower-cased lines joined) and its text cover both.
func (p pattern) mayOccur(content, lower string) bool {
	if p.term == "" {
		return false
	}
	if p.fold && (strings.Contains(lower, p.folded) || p.ies != "" && strings.Contains(lower, p.ies)) {
		return true
	}
	return strings.Contains(content, p.term)
}

// pluralEnd skips an English plural ending ("s" or "es") at hay[end:] so
// that "brokers" and "APIs" count as occurrences of "broker" and "API".
func pluralEnd(hay string, end int) int {
	for _, suf := range []string{"es", "s"} {
		if strings.HasPrefix(hay[end:], suf) {
			next := end + len(suf)
			if next == len(hay) {
				return next
			}
			r, _ := utf8.DecodeRuneInString(hay[next:])
			if !isWordRune(r) || emphasisAfter(hay[next:]) {
				return next
			}
		}
	}
	return end
}

// Contains reports whether term occurs in line by the rules of Index.
func Contains(line, term string) bool { return len(Index(line, term)) > 0 }

// FindOccurrences returns at most one occurrence per (document, line) of any
// of the given spellings (the term and its aliases, each also with its
// other apostrophe, ' or ’), in document then line order. Context is the matched line with the lines before and after it.
// To look up many terms in the same documents, use a [Searcher].
func FindOccurrences(docs []Document, spellings ...string) []Occurrence {
	return NewSearcher(docs).Find(spellings...)
}

// Searcher finds occurrences of terms in a fixed set of documents. It
// lower-cases and splits each document once, and skips a document with one
// substring search when a term cannot occur in it, so looking up many terms
// costs about one pass over the corpus per term instead of lower-casing every
// line for every term. It is safe for concurrent use.
type Searcher struct {
	docs      []searchDoc
	indexOnce sync.Once
	byPath    map[string]int // document path -> index in docs, built on first use
}

type searchDoc struct {
	path, content, lower string
	once                 sync.Once
	lines, lowerLines    []string
}

// NewSearcher returns a searcher over docs.
func NewSearcher(docs []Document) *Searcher {
	s := &Searcher{docs: make([]searchDoc, len(docs))}
	for i, d := range docs {
		s.docs[i].path, s.docs[i].content = d.Path, d.Content
		s.docs[i].lower = strings.ToLower(d.Content)
	}
	return s
}

// split splits the document into lines once, on first use.
func (d *searchDoc) split() {
	d.once.Do(func() {
		d.lines = strings.Split(d.content, "\n")
		d.lowerLines = strings.Split(d.lower, "\n")
		if len(d.lowerLines) != len(d.lines) { // cannot happen: \n is kept
			d.lowerLines = nil
		}
	})
}

// otherApostrophe returns sp with its typewriter apostrophes made
// typographic, or the reverse: a text may write "Let's Encrypt" and "Let’s
// Encrypt", and both are occurrences of the term.
func otherApostrophe(sp string) string {
	switch {
	case strings.Contains(sp, "'"):
		return strings.ReplaceAll(sp, "'", "’")
	case strings.Contains(sp, "’"):
		return strings.ReplaceAll(sp, "’", "'")
	}
	return sp
}

// Find is [FindOccurrences] over the searcher's documents.
func (s *Searcher) Find(spellings ...string) []Occurrence {
	return s.FindExcept(nil, spellings...)
}

// FindExcept is Find, except that a match where one of the except
// spellings also starts is not an occurrence: when "attrs" is a term of
// its own, its lines are not occurrences of "attr", which Index would
// otherwise match as attr's plural. A line that uses both still counts.
func (s *Searcher) FindExcept(except []string, spellings ...string) []Occurrence {
	var out []Occurrence
	var not []pattern
	for _, sp := range except {
		if sp != "" {
			not = append(not, compile(sp))
			if other := otherApostrophe(sp); other != sp {
				not = append(not, compile(other))
			}
		}
	}
	s.walkExcept(spellings, not, nil, func(d *searchDoc, li int) bool {
		lo, hi := max(li-1, 0), min(li+2, len(d.lines))
		out = append(out, Occurrence{
			Document: d.path,
			Line:     li + 1,
			Context:  strings.Join(d.lines[lo:hi], "\n"),
		})
		return true
	})
	return out
}

// Has reports whether any of the spellings occurs, by the rules of Find;
// it stops at the first occurrence. The documents named in first (an
// extractor's list of where it saw the term) are searched before the
// others, so that the answer usually costs one document.
func (s *Searcher) Has(first []string, spellings ...string) bool {
	found := false
	hit := func(*searchDoc, int) bool {
		found = true
		return false
	}
	if len(first) > 0 {
		s.indexOnce.Do(func() {
			s.byPath = make(map[string]int, len(s.docs))
			for i := range s.docs {
				s.byPath[s.docs[i].path] = i
			}
		})
		var idx []int
		for _, p := range first {
			if i, ok := s.byPath[p]; ok {
				idx = append(idx, i)
			}
		}
		if len(idx) > 0 {
			if s.walk(spellings, idx, hit); found {
				return true
			}
		}
	}
	s.walk(spellings, nil, hit)
	return found
}

// walk calls hit for each line, in document then line order, where one of
// the spellings occurs, until hit returns false: in the documents at the
// indexes in only when it is not nil, else in all of them.
func (s *Searcher) walk(spellings []string, only []int, hit func(d *searchDoc, line int) bool) {
	s.walkExcept(spellings, nil, only, hit)
}

// walkExcept is walk, where a match at an offset at which a pattern of not
// also matches does not count.
func (s *Searcher) walkExcept(spellings []string, not []pattern, only []int, hit func(d *searchDoc, line int) bool) {
	pats := make([]pattern, 0, len(spellings))
	for _, sp := range spellings {
		if sp != "" {
			pats = append(pats, compile(sp))
			if other := otherApostrophe(sp); other != sp {
				pats = append(pats, compile(other))
			}
		}
	}
	n := len(s.docs)
	if only != nil {
		n = len(only)
	}
	for k := 0; k < n; k++ {
		i := k
		if only != nil {
			i = only[k]
		}
		d := &s.docs[i]
		var live []pattern
		for _, p := range pats {
			if p.mayOccur(d.content, d.lower) {
				live = append(live, p)
			}
		}
		if len(live) == 0 {
			continue
		}
		d.split()
		for li, line := range d.lines {
			for _, p := range live {
				var idx []int
				if d.lowerLines != nil {
					idx = p.index(line, d.lowerLines[li], true)
				} else {
					idx = p.index(line, "", false)
				}
				if len(idx) > 0 && len(not) > 0 {
					idx = withoutMatches(idx, not, line, d.lowerLines, li)
				}
				if len(idx) > 0 {
					if !hit(d, li) {
						return
					}
					break
				}
			}
		}
	}
}

// withoutMatches returns the offsets of idx at which no pattern of not
// matches in line (line li of a document, lowerLines its lines lower-cased
// when known).
func withoutMatches(idx []int, not []pattern, line string, lowerLines []string, li int) []int {
	var taken []int
	for _, p := range not {
		if lowerLines != nil {
			taken = append(taken, p.index(line, lowerLines[li], true)...)
		} else {
			taken = append(taken, p.index(line, "", false)...)
		}
	}
	if len(taken) == 0 {
		return idx
	}
	return slices.DeleteFunc(slices.Clone(idx), func(at int) bool { return slices.Contains(taken, at) })
}

// IsPlural reports whether other is term with an English plural ending
// that [Index] would match as an occurrence of term: "attrs" of "attr",
// "classes" of "class", "properties" of "property", "parentheses" of
// "parenthesis", "APIs" of "API".
func IsPlural(other, term string) bool {
	if len(other) < len(term) || HasCJK(term) || term == "" {
		return false
	}
	p := compile(term)
	if p.fold {
		lo := strings.ToLower(other)
		if p.ies != "" && lo == p.ies {
			return true
		}
		rest, ok := strings.CutPrefix(lo, p.folded)
		return ok && (rest == "s" || rest == "es")
	}
	rest, ok := strings.CutPrefix(other, term)
	return ok && (rest == "s" || rest == "es")
}
