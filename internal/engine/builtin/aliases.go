package builtin

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/pipeline"
)

// Aliases pairs abbreviations with their expansions as written in the
// corpus ("Write-Ahead Log (WAL)", "ISR (In-Sync Replicas)",
// 「有向非巡回グラフ（DAG）」), and phrases with the other names the text
// gives them ("X, also known as Y, ...", "X (also called Y)"), when both
// are entries. The primary term is the
// one with more occurrences, the expansion on ties; the other becomes its
// alias. A term is never both a primary and an alias. The result is
// deterministic. It returns ctx's error, wrapped, when ctx ends.
func (e *Engine) Aliases(ctx context.Context, c *pipeline.Corpus, entries []glossary.Entry) (map[string][]string, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("builtin aliases: %w", err)
	}
	ix := index(c)
	exact := map[string]int{}
	folded := map[string]int{}
	for i, en := range entries {
		exact[en.Term] = i
		if _, dup := folded[strings.ToLower(en.Term)]; !dup {
			folded[strings.ToLower(en.Term)] = i
		}
	}
	lookup := func(s string) (int, bool) {
		if i, ok := exact[s]; ok {
			return i, true
		}
		i, ok := folded[strings.ToLower(s)]
		return i, ok
	}
	counts := map[int]int{}
	count := func(i int) int {
		if n, ok := counts[i]; ok {
			return n
		}
		n := len(entries[i].Occurrences)
		if n == 0 {
			n = len(c.Occurrences(entries[i].Term))
		}
		counts[i] = n
		return n
	}

	primaryOf := map[int]int{} // alias entry -> primary entry
	isPrimary := map[int]bool{}
	// The documents' glossary sends the reader from one entry to another
	// ("Row: See Tuple.", "head ref: A synonym for head."): the entry sent
	// to is the primary, whatever the counts, and a name that is not an
	// entry (an everyday word the review left out, one never extracted)
	// is given to it as a name. An entry sent to a shorter one it ends
	// with is a kind of it ("keyword argument: See argument."), not
	// another name.
	byKey := map[string]int{}
	for i, en := range entries {
		if _, dup := byKey[normKey(en.Term)]; !dup {
			byKey[normKey(en.Term)] = i
		}
	}
	find := func(s string) (int, bool) {
		if i, ok := lookup(s); ok {
			return i, true
		}
		i, ok := byKey[normKey(s)]
		return i, ok
	}
	names := map[int][]string{}
	for _, r := range ix.crossRefs {
		from := withoutQualifier(r.from)
		ti, ok := find(r.to)
		if !ok || kindOf(from, r.to) {
			continue
		}
		fi, ok := find(from)
		switch {
		case !ok:
			names[ti] = append(names[ti], aliasName(from, c.Occurrences(from)))
		case fi == ti || isPrimary[fi]:
		default:
			if _, done := primaryOf[fi]; done {
				continue
			}
			if _, taken := primaryOf[ti]; taken {
				continue
			}
			primaryOf[fi] = ti
			isPrimary[ti] = true
		}
	}
	for n, p := range ix.abbrevs {
		if n%ctxCheckEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("builtin aliases: %w", err)
			}
		}
		li, ok1 := lookup(p.long)
		si, ok2 := lookup(p.short)
		if !ok1 || !ok2 || li == si {
			continue
		}
		primary, alias := li, si
		if count(si) > count(li) {
			primary, alias = si, li
		}
		if _, done := primaryOf[alias]; done {
			continue // already merged (possibly into the same primary)
		}
		if _, taken := primaryOf[primary]; taken || isPrimary[alias] {
			continue // would chain aliases
		}
		primaryOf[alias] = primary
		isPrimary[primary] = true
	}
	// Other names: the longest phrase before the mark that is an entry. A
	// name given to two phrases ("The KV Store, also known as a bucket",
	// "The Object Store, also known as a bucket") names neither for sure.
	type named struct{ phrase, name int }
	var pairs []named
	phrasesOf := map[int]map[int]bool{}
	writtenBefore := map[string]map[string]bool{} // alias -> the two words before it, as written
	for _, p := range ix.aliases {
		a := strings.ToLower(p.alias)
		if writtenBefore[a] == nil {
			writtenBefore[a] = map[string]bool{}
		}
		writtenBefore[a][strings.ToLower(strings.Join(p.before[max(0, len(p.before)-2):], " "))] = true
	}
	for _, p := range ix.aliases {
		if len(writtenBefore[strings.ToLower(p.alias)]) > 1 {
			continue
		}
		ai, ok := lookup(p.alias)
		if !ok {
			continue
		}
		pi := -1
		for k := range p.before {
			if i, ok := lookup(strings.Join(p.before[k:], " ")); ok {
				if k == 0 || enGlossedHere(strings.Join(p.before[:k], " "), strings.Join(p.before[k:], " ")) {
					// "the 64-bit PC (“amd64”)": the name is the whole
					// phrase's, not the entry PC's.
					pi = i
				}
				break
			}
		}
		if pi < 0 || pi == ai {
			continue
		}
		pairs = append(pairs, named{pi, ai})
		for _, ends := range [][2]int{{ai, pi}, {pi, ai}} {
			if phrasesOf[ends[0]] == nil {
				phrasesOf[ends[0]] = map[int]bool{}
			}
			phrasesOf[ends[0]][ends[1]] = true
		}
	}
	for _, p := range pairs {
		pi, ai := p.phrase, p.name
		if len(phrasesOf[ai]) > 1 || len(phrasesOf[pi]) > 1 {
			continue
		}
		primary, alias := pi, ai
		if count(ai) > count(pi) {
			primary, alias = ai, pi
		}
		if _, done := primaryOf[alias]; done {
			continue
		}
		if _, taken := primaryOf[primary]; taken || isPrimary[alias] {
			continue
		}
		primaryOf[alias] = primary
		isPrimary[primary] = true
	}
	// Spellings with and without a word-final long-vowel mark
	// (ノードコントローラ, ノードコントローラー; サーバ, サーバー): one term,
	// written both ways in one corpus.
	byChoon := map[string][]int{}
	for i, en := range entries {
		if k := choonKey(en.Term); k != en.Term {
			byChoon[k] = append(byChoon[k], i)
		}
	}
	for i, en := range entries {
		if k := choonKey(en.Term); k == en.Term && len(byChoon[k]) > 0 {
			byChoon[k] = append(byChoon[k], i)
		}
	}
	keys := make([]string, 0, len(byChoon))
	for k := range byChoon {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		group := byChoon[k]
		if len(group) < 2 {
			continue
		}
		primary := group[0]
		for _, i := range group[1:] {
			if n, m := count(i), count(primary); n > m || n == m && len(entries[i].Term) > len(entries[primary].Term) {
				primary = i
			}
		}
		if _, taken := primaryOf[primary]; taken {
			continue
		}
		for _, alias := range group {
			if alias == primary || isPrimary[alias] {
				continue
			}
			if _, done := primaryOf[alias]; done {
				continue
			}
			primaryOf[alias] = primary
			isPrimary[primary] = true
		}
	}
	out := map[string][]string{}
	for alias, primary := range primaryOf {
		out[entries[primary].Term] = append(out[entries[primary].Term], entries[alias].Term)
	}
	for primary, ns := range names {
		if p, merged := primaryOf[primary]; merged {
			primary = p // the entry sent to is itself another's alias
		}
		for _, n := range ns {
			if t := entries[primary].Term; n != t && !slices.Contains(out[t], n) {
				out[t] = append(out[t], n)
			}
		}
	}
	for k := range out {
		sort.Strings(out[k])
	}
	return out, nil
}

// choonKey folds the long-vowel marks that end katakana words (コントローラー
// -> コントローラ), which writers add or drop at will; the marks inside a
// word (ノード, ビール) stay.
func choonKey(term string) string {
	if !strings.Contains(term, "ー") {
		return term
	}
	rs := []rune(term)
	out := rs[:0:0]
	for i, r := range rs {
		if r == 'ー' && i > 0 && (unicode.Is(unicode.Katakana, rs[i-1])) &&
			(i+1 == len(rs) || !unicode.Is(unicode.Katakana, rs[i+1]) && rs[i+1] != 'ー') {
			continue
		}
		out = append(out, r)
	}
	return string(out)
}

// kindOf reports a name that ends with another, longer: "keyword
// argument" is a kind of argument, 「位置引数」 of 引数.
func kindOf(name, other string) bool {
	n, o := strings.ToLower(name), strings.ToLower(other)
	return len(n) > len(o) && (strings.HasSuffix(n, " "+o) || glossary.HasCJK(o) && strings.HasSuffix(n, o))
}

// aliasName writes a glossary key as the documents write it mid-sentence
// (occs are its occurrences).
// Glossaries capitalise their keys ("Row: See Tuple."); a key the text
// also writes in lower case ("each row") is a common noun, written so.
// A first word with capitals after its first letter ("GMT", "WAL
// segment") and a name never written in lower case keep theirs.
func aliasName(key string, occs []glossary.Occurrence) string {
	k, n := utf8.DecodeRuneInString(key)
	w := firstWord(key)
	if !unicode.IsUpper(k) || strings.ToLower(w[n:]) != w[n:] {
		return key
	}
	lower := string(unicode.ToLower(k)) + key[n:]
	for _, o := range occs {
		if glossary.Contains(o.Context, lower) && strings.Contains(o.Context, lower) {
			return lower
		}
	}
	return key
}
