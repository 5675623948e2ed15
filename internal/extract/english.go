package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/genglossary/genglossary/internal/glossary"
)

// etok is one token of an English line: a word (shape != 0) or a run of
// punctuation (shape == 0).
type etok struct {
	s      string // the word, normalised (possessive and acronym plural removed)
	shape  uint8  // kLower, kCap, kAcronym, kIdent; 0 for punctuation and non-words
	posCap bool   // capitalised because it starts a sentence or is in a heading
	poss   uint8  // the possessive that followed the word: 0 none, possStraight "'s", possCurly "’s"
	punct  byte   // for punctuation: '.' when it ends a sentence, '\n' at line end, '"' for an opening quote
	head   bool   // the token is in a heading or a table row
	tbl    bool   // the token is in a table row
	at     bool   // the word follows an "@": a handle or an address's domain
	comma  bool   // for punctuation: it holds a comma
}

// The possessives an etok records, as written.
const (
	possStraight uint8 = iota + 1 // "'s"
	possCurly                     // "’s"
)

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_'
	}
	return (unicode.IsLetter(r) || unicode.IsDigit(r)) && !glossary.IsCJK(r)
}

func decodeAt(s string, i int) (rune, int) {
	if b := s[i]; b < utf8.RuneSelf {
		return rune(b), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// addressAfter reports an e-mail address or a handle right after the
// tokens before end: "<name@example.com>", "(@handle)", "@handle", with
// nothing but the address's own words and marks between.
func (d *docState) addressAfter(end int) bool {
	for k := end; k < len(d.toks) && k < end+4; k++ {
		t := d.toks[k]
		switch {
		case t.at:
			return true
		case t.shape == 0 && (t.punct == '.' || t.punct == '\n' || t.punct == ':'):
			return false
		}
	}
	return false
}

// enTokenize appends the tokens of one cleaned line to d.toks.
func (d *docState) enTokenize(text string, heading, table bool) {
	heading = heading || table
	sentStart := true
	lastWord := ""
	// flag is true after an option flag and its arguments in capitals
	// ("--berth NAME"): a manual page joins an option's line to its
	// description, whose first word is capitalised as a sentence's.
	flag := false
	for i := 0; i < len(text); {
		b := text[i]
		if b == ' ' || b == '\t' {
			i++
			continue
		}
		r, size := decodeAt(text, i)
		if isWordRune(r) {
			j := i + size
			for j < len(text) {
				rr, sz := decodeAt(text, j)
				if isWordRune(rr) {
					j += sz
					continue
				}
				if (rr == '.' || rr == '-' || rr == '\'' || rr == '’' || rr == '/') && j+sz < len(text) {
					if nr, _ := decodeAt(text, j+sz); isWordRune(nr) {
						j += sz
						continue
					}
				}
				break
			}
			if n := langSuffix(text[i:j], text[j:]); n > 0 {
				j += n // "C++", "C#", "B+ tree"
			}
			w := text[i:j]
			if i > 0 && text[i-1] == '.' && (i == 1 || !isWordRune(rune(text[i-2])) && text[i-2] != '.') &&
				dotfile(text[i-1:j]) && (j == len(text) || text[j] != '(') {
				// ".htaccess", ".gitignore": a dotfile's dot is part of
				// its name (wordShape keeps it).
				w = text[i-1 : j]
			}
			if i > 0 && text[i-1] == '@' {
				// A handle, a decorator or the domain of an address
				// ("@ChrisHines", "@pretty", "ops@example.com") names an
				// account or an identifier, not a term of the prose.
				d.toks = append(d.toks, etok{s: strings.ToLower(w), head: heading, tbl: table, at: true})
				sentStart = false
				lastWord = w
				i = j
				continue
			}
			if i > 1 && (text[i-1] == '+' || text[i-1] == '~') && text[i-2] >= '0' && text[i-2] <= '9' ||
				i > 0 && text[i-1] == '/' || j < len(text) && text[j] == '/' || strings.IndexByte(w, '/') >= 0 && !slashName(w) ||
				j+1 < len(text) && text[j] == ':' && text[j+1] >= '0' && text[j+1] <= '9' && strings.IndexByte(w, '.') > 0 {
				// A path or a package ("net/http", "github.com/go-chi/chi",
				// "docs/MIGRATION.md") or a file cited with a line
				// ("client.go:19") is not prose; "read/write" is lost too.
				// So is a packaging version's suffix after a plus or a
				// tilde ("12+edu0", "2.4+dfsg", "1.0~rc2").
				d.toks = append(d.toks, etok{s: strings.ToLower(w), head: heading, tbl: table})
				sentStart = false
				lastWord = w
				i = j
				continue
			}
			t := etok{head: heading, tbl: table}
			if (w == "Let's" || w == "Let’s") && j+1 < len(text) && text[j] == ' ' && text[j+1] >= 'A' && text[j+1] <= 'Z' &&
				!has(enLetUs, strings.ToLower(firstField(text[j+1:]))) {
				// "Let's Encrypt" is a name; "Let's Start With a Router"
				// (a title) is "let us" before a verb.
				t.s, t.shape = w, kCap // the text's own apostrophe, for its occurrences
				d.toks = append(d.toks, t)
				sentStart = false
				lastWord = w
				i = j
				continue
			}
			if strings.HasSuffix(w, "'s") {
				w, t.poss = w[:len(w)-2], possStraight
			} else if strings.HasSuffix(w, "’s") {
				w, t.poss = w[:len(w)-len("’s")], possCurly
			}
			isFlag := i > 0 && text[i-1] == '-' && (i == 1 || text[i-2] == ' ' || text[i-2] == '-' || text[i-2] == boundary)
			if flag && !isFlag && strings.ToUpper(w) != w {
				sentStart = true // "--berth NAME Specify the berth ..."
			}
			t.s, t.shape = wordShape(w)
			if t.shape == 0 {
				t.s = strings.ToLower(w) // kept for the determiner check of enFlush
			}
			if t.shape == kCap && (sentStart || heading) {
				t.posCap = true
			}
			d.toks = append(d.toks, t)
			sentStart = false
			flag = isFlag || flag && strings.ToUpper(w) == w
			lastWord = w
			i = j
			continue
		}
		p := byte(',')
		if r == '“' || r == '‘' || r == '"' && (i == 0 || text[i-1] == ' ') {
			p = '"' // an opening quote (see quoted)
		}
		switch r {
		case '.', '!', '?', '。', '！', '？':
			next := byte(' ')
			if i+size < len(text) {
				next = text[i+size]
			}
			if next == ' ' || next == '\t' || next == boundary || next == '"' || next == ')' || next == '*' {
				if r != '.' || !has(enAbbrev, strings.ToLower(lastWord)) {
					p = '.'
					sentStart = true
				}
			}
		case ':':
			p = ':'
			sentStart = true
		case '|', '•', '・', '—', '–':
			sentStart = true
		case '-':
			if i > 0 && text[i-1] == ' ' && i+1 < len(text) && text[i+1] == ' ' {
				// "- Default: `100` - Maximum number of ...": a spaced
				// dash separates fields like a colon.
				sentStart = true
			}
		}
		lastWord = ""
		if n := len(d.toks); n > 0 && d.toks[n-1].shape == 0 && d.toks[n-1].punct != '\n' {
			if p == '.' || p == ':' && d.toks[n-1].punct != '.' || p == '"' && (d.toks[n-1].punct == ',' || d.toks[n-1].punct == 0) {
				d.toks[n-1].punct = p
			}
			d.toks[n-1].comma = d.toks[n-1].comma || r == ','
		} else {
			d.toks = append(d.toks, etok{punct: p, comma: r == ','})
		}
		i += size
	}
	d.toks = append(d.toks, etok{punct: '\n'})
}

// slashName reports a name written with a slash, "TCP/IP", "I/O",
// "GNU/Linux", "HTTP/2", "CI/CD": two or three parts, each opening with a
// capital or a digit, one of them in capitals. Paths ("net/http",
// "docs/README.md") and pairs of words ("read/write", "Yes/No") are not.
func slashName(w string) bool {
	parts := strings.Split(w, "/")
	if len(parts) > 3 || strings.ContainsAny(w, ".:'’") || strings.EqualFold(w, "n/a") {
		// "N/A": not applicable, a table's empty cell.
		return false
	}
	caps := false
	for k, p := range parts {
		if p == "" || len(p) > 12 || !(p[0] >= 'A' && p[0] <= 'Z' || k > 0 && p[0] >= '0' && p[0] <= '9') {
			return false
		}
		if strings.ToUpper(p) == p && strings.IndexFunc(p, unicode.IsLetter) >= 0 {
			caps = true
		}
	}
	return caps
}

var tlds = wordSet(`com org net io dev jp co uk gov edu info html htm php aspx`)

// dotfile reports a dotfile's name: ".htaccess", ".gitignore", ".npmrc",
// ".env". A file extension (".deb", ".changes") or a method (".addCommand",
// ".parse()") is not one.
func dotfile(w string) bool {
	if len(w) < 4 || w[0] != '.' {
		return false
	}
	name := w[1:]
	if i := strings.IndexByte(name, '.'); i >= 0 {
		name = name[:i]
	}
	for i := 0; i < len(name); i++ {
		if c := name[i]; !(c >= 'a' && c <= 'z' || c == '_' || c == '-') {
			return false
		}
	}
	if has(extensionWords, name) {
		return false
	}
	return len(name) >= 5 || strings.HasSuffix(name, "rc") || name == "env"
}

// extensionWords are file extensions written with their dot as nouns (".deb
// package", ".changes file"), not dotfiles.
var extensionWords = wordSet(`changes patch patches diff orig debian source tar gzip bzip2 xz zip deb udeb dsc rpm
	pyc pyo whl egg so la js mjs cjs ts tsx jsx css scss html htm json yaml yml toml xml ini conf cfg config txt md
	markdown rst adoc svg png jpg jpeg gif webp pdf log class jar war java golang python rust
	install docs dirs links manpages postinst preinst postrm prerm triggers symbols examples
	service socket timer mount target path slice scope device swap automount`)

// fileExts end the names of documents and images ("README.md",
// "arch.png"), which are not terms; configuration files ("kawasemi.toml",
// "go.mod") and projects named like a source file ("nats.go") are. A source
// file cited with a line ("client.go:19") is not.
var fileExts = wordSet(`md markdown rst txt adoc svg png jpg jpeg gif webp pdf log`)

// commitHash reports a word that reads as an abbreviated commit or object
// hash ("a24dc91", "c203e39"): 7 to 40 lower-case hex digits where letters
// and digits alternate at least twice, unlike a name and its number
// ("ed25519", "utf8mb4").
func commitHash(w string) bool {
	if len(w) < 7 || len(w) > 40 {
		return false
	}
	switches := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		digit := c >= '0' && c <= '9'
		if !digit && (c < 'a' || c > 'f') {
			return false
		}
		if i > 0 {
			prev := w[i-1] >= '0' && w[i-1] <= '9'
			if prev != digit {
				switches++
			}
		}
	}
	return switches >= 2
}

// wordShape classifies a word and returns its normalised form: acronym
// plurals lose their "s", long all-capital words are lower-cased. A zero
// shape means the word is not a term part (number, version, single letter,
// abbreviation such as "e.g", domain name).
func wordShape(w string) (string, uint8) {
	if dotfile(w) {
		// A dotfile (".htaccess", ".gitignore") keeps its dot: it is the
		// name's first letter. ".textlintrc.json" is a file like any other.
		if rest, shape := wordShape(w[1:]); shape == kLower || shape == kIdent {
			return "." + rest, kIdent
		}
		return "", 0
	}
	if strings.HasPrefix(w, "__") && strings.Index(w[2:], "__") > 0 || strings.HasSuffix(w, "__") && strings.Contains(w, ".__") {
		// "__init__.py", "__main__", "object.__setattr__": a dunder name
		// keeps its underscores.
		w = strings.Trim(w, "-.'’")
	} else {
		w = strings.Trim(w, "_-.'’")
	}
	if base := strings.TrimRight(w, "+#"); len(base) < len(w) {
		// "C++", "C#", "B+" (see langSuffix): the name keeps its signs.
		if langSuffix(base, w[len(base):]) != len(w)-len(base) {
			return "", 0
		}
		if strings.ToUpper(base) == base {
			return w, kAcronym
		}
		return w, kCap
	}
	if strings.Contains(w, "’") {
		// "don’t", "it’ll": typographic apostrophes (HTML pages, many
		// Markdown sites) spell the contractions of the stop lists.
		w = strings.ReplaceAll(w, "’", "'")
	}
	if w == "" {
		return "", 0
	}
	var letters, upper, lower, digits, under, dots, apos int
	camel, prevLower, firstUpper := false, false, false
	for i, r := range w {
		switch {
		case r == '_':
			under++
			prevLower = false
		case r == '.':
			dots++
			prevLower = false
		case r == '-':
			prevLower = false
		case r == '\'' || r == '’':
			apos++
		case r >= '0' && r <= '9':
			digits++
			prevLower = false
		case unicode.IsUpper(r):
			letters++
			upper++
			if i == 0 {
				firstUpper = true
			} else if prevLower {
				camel = true
			}
			prevLower = false
		case unicode.IsLower(r):
			letters++
			lower++
			prevLower = true
		case unicode.IsLetter(r):
			letters++
		case unicode.IsDigit(r):
			digits++
		}
	}
	if letters == 0 || w[0] >= '0' && w[0] <= '9' {
		return "", 0
	}
	if apos > 0 {
		return strings.ToLower(w), kLower
	}
	if dots > 0 {
		segs := strings.Split(w, ".")
		short := true
		for _, s := range segs {
			if len(s) == 0 {
				return "", 0
			}
			if len(s) > 1 {
				short = false
			}
		}
		if short || isVersion(w) || segs[0] == "www" || hasTLD(segs) || has(fileExts, strings.ToLower(segs[len(segs)-1])) {
			return "", 0
		}
		return w, kIdent
	}
	if under > 0 {
		return w, kIdent
	}
	if digits > 0 && strings.Count(w, "-") >= 2 {
		// an advisory or ticket number: "GHSA-3fxj-6jh8-hvhx"
		return "", 0
	}
	if letters == 1 {
		if digits == 0 || isVersion(w) || len(w) <= 2 {
			return "", 0
		}
		return w, kIdent
	}
	if upper == 0 {
		if digits > 0 {
			if isVersion(w) || commitHash(w) {
				return "", 0
			}
			return w, kIdent
		}
		return w, kLower
	}
	if lower == 0 {
		if strings.IndexByte(w, '-') >= 0 {
			return w, kIdent
		}
		if upper <= 6 || strings.ContainsAny(w, "/+") {
			// "BIOS/UEFI", "TIDE+BERTH": acronyms joined by a slash
			// (slashName keeps each part short) or a plus, not a shouted
			// word.
			return w, kAcronym
		}
		return strings.ToLower(w), kLower
	}
	if lower == 1 && upper >= 2 && w[len(w)-1] == 's' && digits == 0 && strings.IndexByte(w, '-') < 0 {
		return w[:len(w)-1], kAcronym
	}
	if firstUpper && !camel && digits == 0 {
		return w, kCap
	}
	if isVersion(w) {
		return "", 0
	}
	return w, kIdent
}

// langSuffix returns the length of the plus or sharp signs that end the
// name starting with word in rest ("C++", "C#", "F#", "Notepad++", "B+" of
// "B+ tree"), 0 if there are none: a capitalised word of letters followed
// by "+", "++" or "#" and then no word ("A+B", "C++17" and "page#anchor"
// are not such names). Without it "B+ tree database" was "tree database",
// and C++ was no word at all.
func langSuffix(word, rest string) int {
	if rest == "" || rest[0] != '+' && rest[0] != '#' || word == "" || len(word) > 12 || word[0] < 'A' || word[0] > 'Z' {
		return 0
	}
	for i := 1; i < len(word); i++ {
		if c := word[i] | 0x20; c < 'a' || c > 'z' {
			return 0
		}
	}
	n := 0
	switch {
	case strings.HasPrefix(rest, "++"):
		n = 2
	case rest[0] == '+' || rest[0] == '#':
		n = 1
	default:
		return 0
	}
	if n < len(rest) {
		if r, _ := decodeAt(rest, n); isWordRune(r) || r == '+' || r == '#' {
			return 0
		}
	}
	return n
}

func hasTLD(segs []string) bool {
	_, ok := tlds[strings.ToLower(segs[len(segs)-1])]
	return ok && len(segs) >= 2 && !strings.ContainsAny(segs[0], "_")
}

// isVersion reports version-like words: "v2", "v1.2.3", "1.0".
func isVersion(w string) bool {
	if w == "" {
		return false
	}
	if w[0] == 'v' || w[0] == 'V' {
		w = w[1:]
	}
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if !(w[i] >= '0' && w[i] <= '9' || w[i] == '.' || w[i] == '-' || w[i] == 'x') {
			return false
		}
	}
	return w[0] >= '0' && w[0] <= '9'
}

// isEdWord reports lower-case past participles ("stored", "replicated",
// "died").
func isEdWord(w string) bool {
	if len(w) == 4 && strings.HasSuffix(w, "ied") {
		return true // died, tied, lied
	}
	if has(enIrregularParticiples, w) {
		return true // "can be overridden by", "rewritten by"
	}
	if len(w) < 5 || !strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "eed") {
		return false
	}
	switch w {
	case "embed", "shred", "hundred", "kindred", "sacred", "naked", "wicked", "rugged", "jagged", "ragged":
		return false
	}
	return true
}

// quoted reports whether the word token k follows an opening quote.
func (d *docState) quoted(k int) bool {
	return k > 0 && d.toks[k-1].shape == 0 && d.toks[k-1].punct == '"'
}

// enIrregularParticiples are past participles not in -ed, read as
// isEdWord reads those.
// Those that modify nouns as adjectives do ("broken lattice", "hidden
// file", "frozen release") are left out.
var enIrregularParticiples = wordSet(`overridden rewritten overwritten driven drawn thrown forgotten undone begun
	bitten eaten flown grown ridden risen shaken beaten gotten withdrawn overtaken undertaken forgiven`)

// isAdverb reports "-ly" adverbs, sparing nouns such as "reply".
func isAdverb(w string) bool {
	if len(w) < 5 || !strings.HasSuffix(w, "ly") {
		return false
	}
	switch w {
	case "reply", "supply", "assembly", "family", "anomaly", "rally", "ally", "italy", "jelly", "belly",
		"monopoly", "butterfly", "poly", "firefly", "bully", "folly", "holly", "lily", "only":
		return w == "only"
	}
	return true
}

// isAdjective reports lower-case words that end like adjectives, which
// neither end a noun phrase nor stand alone as a term.
func isAdjective(w string) bool {
	for _, s := range [...]string{"ous", "ful", "less", "ible", "ical"} {
		if len(w) > len(s)+2 && strings.HasSuffix(w, s) {
			return true
		}
	}
	if len(w) > 6 && strings.HasSuffix(w, "able") {
		switch w {
		case "variable", "executable", "deliverable", "observable", "callable", "timetable", "runnable", "disable", "enable":
			return false
		}
		return true
	}
	return false
}

// enIENouns are nouns whose plural ends in "-ies" but whose singular ends
// in "-ie", not "-y": "cookies" is not "cooky".
var enIENouns = map[string]bool{
	"cookie": true, "movie": true, "zombie": true, "rookie": true, "selfie": true, "newbie": true,
	"hippie": true, "goalie": true, "calorie": true, "prairie": true, "genie": true, "hoodie": true,
	"smoothie": true, "brownie": true, "pixie": true, "freebie": true, "techie": true, "birdie": true,
	"bookie": true, "collie": true, "cutie": true, "sweetie": true, "boogie": true, "aussie": true,
	"foodie": true, "yuppie": true, "walkie": true, "talkie": true, "indie": true, "magpie": true,
}

// singularS are singular nouns in -s; their plurals add -es.
var singularS = map[string]bool{"alias": true, "canvas": true, "atlas": true, "bias": true, "gas": true,
	"chaos": true, "ethos": true, "lens": true, "plus": true, "bus": true}

// Singular is [singular] for other packages: the singular of a lower-case
// English noun where the rule is safe, else w.
func Singular(w string) string { return singular(w) }

// singular returns the singular of a lower-case English noun where the rule
// is safe, else w.
func singular(w string) string {
	n := len(w)
	if n < 4 || w[n-1] != 's' {
		return w
	}
	switch {
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"),
		strings.HasSuffix(w, "ics"), strings.HasSuffix(w, "ous"), strings.HasSuffix(w, "'s"):
		return w
	}
	if singularS[w] {
		return w
	}
	switch w {
	case "series", "species", "news", "means", "kudos", "always", "perhaps", "whereas", "kubernetes", "windows", "https",
		"sometimes", "besides", "afterwards", "towards", "unless", "yes", "dos", "has", "was",
		"does", "goes", "is", "its", "this", "thus", "gps", "dns", "aws", "ios", "macos",
		"dues", "odds", "thanks", "earnings", "savings":
		return w
	}
	switch {
	case strings.HasSuffix(w, "theses"), strings.HasSuffix(w, "lyses"), strings.HasSuffix(w, "nopses"), w == "crises", strings.HasSuffix(w, "gnoses"):
		// "parentheses", "hypotheses", "analyses", "synopses",
		// "diagnoses": Greek nouns in -sis.
		return w[:n-2] + "is"
	case strings.HasSuffix(w, "ses") && (singularS[w[:n-2]] || n > 6 && strings.Contains("tnrp", w[n-5:n-4]) && w[n-4:] == "uses"):
		// "aliases", "biases"; "statuses", "bonuses", "viruses",
		// "campuses" (but "causes", "clauses", "houses", "abuses").
		return w[:n-2]
	case strings.HasSuffix(w, "ies") && n > 4:
		if enIENouns[w[:n-1]] {
			return w[:n-1] // "cookies", "movies": the singular ends in -ie
		}
		return w[:n-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "shes"),
		strings.HasSuffix(w, "zzes"), strings.HasSuffix(w, "tches"), strings.HasSuffix(w, "nches"),
		strings.HasSuffix(w, "rches"):
		return w[:n-2]
	}
	return w[:n-1]
}

// enUnit turns a word token into a run unit. ok is false when the word ends
// the run (stop word, adverb, rejected shape).
func (d *docState) enUnit(k int) (unit, bool) {
	t := d.toks[k]
	switch t.shape {
	case kAcronym:
		if _, stop := enAcronymStop[t.s]; stop || has(enUnits, t.s) {
			return unit{}, false
		}
		if k > 0 && d.toks[k-1].shape == 0 && d.toks[k-1].s != "" && d.toks[k-1].s[0] >= '0' && d.toks[k-1].s[0] <= '9' {
			// After a number an acronym is a unit: "1000 LOC", "50 RPS".
			return unit{}, false
		}
		return unit{text: t.s, key: strings.ToLower(t.s), sing: t.s, singKey: strings.ToLower(t.s), kind: kAcronym}, true
	case kIdent:
		if has(enUnits, t.s) {
			return unit{}, false
		}
		k := strings.ToLower(t.s)
		return unit{text: t.s, key: k, sing: t.s, singKey: k, kind: kIdent}, true
	case kCap:
		l := strings.ToLower(t.s)
		if t.s == "Let's" || t.s == "Let’s" {
			return unit{text: t.s, key: "let's", sing: t.s, singKey: "let's", kind: kCap}, true
		}
		if _, stop := enStop[l]; stop {
			// "Long" of "Long Term Support" is part of a name.
			if _, ok := enCapOK[l]; !ok && !has(enSoftAdj, l) && !d.stopName(l) || t.posCap {
				return unit{}, false
			}
		}
		if !t.posCap || d.resolveCap(k, l) {
			return unit{text: t.s, key: l, sing: t.s, singKey: l, kind: kCap}, true
		}
		return lowerUnit(l)
	case kLower:
		return lowerUnit(t.s)
	}
	return unit{}, false
}

func lowerUnit(w string) (unit, bool) {
	if len(w) < 2 {
		return unit{}, false
	}
	if has(enSoftAdj, w) {
		return unit{text: w, key: w, sing: w, singKey: w, kind: kLower}, true
	}
	if _, stop := enStop[w]; stop || isAdverb(w) {
		return unit{}, false
	}
	s := singular(w)
	return unit{text: w, key: w, sing: s, singKey: s, kind: kLower}, true
}

// stopName reports a common verb that the page writes as a name:
// capitalised in the middle of sentences more often than in lower case
// ("With Click you ...", "Click supports ...": the Click library, where
// "click" is a verb elsewhere). Function words stay out ("None", "Any" in
// Python's prose are constants and types).
func (d *docState) stopName(l string) bool {
	n := d.capMid[l]
	return n >= 2 && n > 2*d.lowerSeen[l] && has(enStopVerbs, l)
}

// resolveCap decides whether a capitalised word at a sentence start or in a
// heading is a name (true) or an ordinary word written with a capital.
func (d *docState) resolveCap(k int, l string) bool {
	capMid, lowerSeen := d.capMid[l], d.lowerSeen[l]
	if capMid > 0 && capMid >= lowerSeen {
		return true
	}
	if lowerSeen > 0 {
		return false
	}
	if _, ok := enFirstNames[l]; ok {
		return true
	}
	if _, ok := enKnownPlaces[l]; ok {
		return true
	}
	if k+1 < len(d.toks) {
		n := d.toks[k+1]
		if n.shape == kCap && !n.posCap {
			return true
		}
	}
	return false
}

// enDoc extracts the candidates of an English document from d.toks.
func (d *docState) enDoc() {
	for _, t := range d.toks {
		switch t.shape {
		case kCap:
			l := strings.ToLower(t.s)
			if !t.posCap {
				d.capMid[l]++
			}
			if n, ok := d.codeCap[l]; ok && !t.head && n < codeCapAttested {
				d.codeCap[l] = codeCapAttested
			}
		case kLower:
			d.lowerSeen[t.s]++
		}
	}
	// A capitalised word of inline code is attested when the prose writes
	// it capitalised too, even at a sentence start, or when code spans of
	// two prose paragraphs hold it.
	for k, n := range d.codeCap {
		e := d.entries[k]
		if n < 2 || e == nil {
			continue
		}
		for i := range e.variants {
			if v := &e.variants[i]; v.alone == 0 && v.units[0].kind == kCap {
				v.alone++
				e.standalone++
				break
			}
		}
	}
	run := d.run[:0]
	start := 0
	var verbs map[string]int // verb bases read as verbs, by word
	flush := func(end int) {
		d.enSplit(run, start, end)
		run = run[:0]
	}
	for k := 0; k < len(d.toks); k++ {
		t := d.toks[k]
		if t.shape == 0 {
			flush(k)
			continue
		}
		if d.verbAt(k) {
			flush(k)
			if t.shape == kLower && has(enVerbs, t.s) {
				if verbs == nil {
					verbs = make(map[string]int)
				}
				verbs[t.s]++
			}
			continue
		}
		u, ok := d.enUnit(k)
		if !ok {
			if t.shape == kLower && t.s == "of" && connectable(run) &&
				k+1 < len(d.toks) && d.toks[k+1].shape == kCap && !d.toks[k+1].posCap {
				run = append(run, unit{text: "of", key: "of", sing: "of", singKey: "of", kind: kConnector})
				continue
			}
			if t.shape == kLower && t.s == "of" && len(run) > 0 && run[len(run)-1].kind == kCap &&
				k+1 < len(d.toks) && d.toks[k+1].shape == kCap && !d.toks[k+1].posCap {
				// "Microsoft Open Source Code of Conduct": a name too long
				// to go on past "of" (see connectable) still does; the
				// words after it ("Conduct") are its tail, no name alone.
				flush(k)
				for k+1 < len(d.toks) && d.toks[k+1].shape == kCap && !d.toks[k+1].posCap {
					k++
				}
				continue
			}
			flush(k)
			continue
		}
		if u.kind == kLower && isEdWord(u.key) && len(run) > 0 {
			if p := run[len(run)-1]; !(p.kind == kLower && (isEdWord(p.key) || isAdjective(p.key))) {
				flush(k)
			}
		}
		if len(run) > 0 && u.kind == kLower && has(enSoftAdj, u.key) {
			// A vague adjective starts a noun phrase of its own.
			flush(k)
		}
		if len(run) == 0 {
			start = k
		}
		run = append(run, u)
		if t.poss != 0 {
			if d.titlePossessive(run, k) {
				// "the Lintian User's Manual", "Debian Developer's
				// Reference": the possessive is inside a title.
				last := &run[len(run)-1]
				written := "'s"
				if t.poss == possCurly {
					written = "’s"
				}
				last.text += written
				last.sing += written
				last.key += "'s"
				last.singKey += "'s"
				continue
			}
			flush(k + 1)
		}
	}
	flush(len(d.toks))
	d.run = run
	for w, n := range verbs {
		if e := d.entries[w]; e != nil {
			e.verbs += n
		}
	}
}

// titlePossessive reports a possessive inside the title of a document: a
// run of capitalised words whose last (token k) is possessive, before a
// capitalised word that names a kind of document ("User's Manual",
// "Developer's Reference", "Administrator's Guide").
func (d *docState) titlePossessive(run []unit, k int) bool {
	if d.toks[k].shape != kCap || k+1 >= len(d.toks) {
		return false
	}
	n := d.toks[k+1]
	if n.shape != kCap || n.poss != 0 || !has(enDocKinds, strings.ToLower(n.s)) {
		return false
	}
	for _, u := range run {
		if u.kind != kCap && u.kind != kAcronym && u.kind != kConnector {
			return false
		}
	}
	return true
}

// verbAt reports whether the word token k is a verb by its context: a verb
// base after "to", a modal or a subject pronoun ("to store", "they fetch"),
// a third-person form after a relative or subject pronoun ("that stores"),
// or an imperative at the start of a sentence followed by a function word
// ("Store big payloads ...").
func (d *docState) verbAt(k int) bool {
	t := d.toks[k]
	if t.shape != kLower && !(t.shape == kCap && (t.posCap || d.quoted(k))) {
		return false
	}
	l := t.s
	if t.shape == kCap {
		l = strings.ToLower(l)
	}
	p, pk, hasPrev := d.wordBefore(k)
	modal := hasPrev && d.subjectBefore(p, pk)
	if hasPrev && !modal && has(enAfterModal, p) {
		// "must not declare", "should also declare", "must now
		// declare": the modal comes before the adverb; "you did not
		// force the update": "do" and its negation take a verb as a
		// modal does.
		q, qk, ok := d.wordBefore(pk)
		modal = ok && (d.subjectBefore(q, qk) || p == "not" && (q == "do" || q == "does" || q == "did"))
	}
	if modal && t.shape == kLower && !has(enStop, l) {
		// "We declare a variable", "they evaluate to": a word right
		// after a subject pronoun is its verb, listed or not.
		return true
	}
	if hasPrev && p == "to" && t.shape == kLower && !has(enStop, l) && k+1 < len(d.toks) {
		// "to abort it", "To examine the solution, ...": a word between
		// "to" and its object is a verb, listed or not.
		if n := d.toks[k+1]; (n.shape == kLower || n.shape == 0) && (has(enToObjects, n.s) ||
			(n.s == "the" || n.s == "a" || n.s == "an") && (d.toks[pk].posCap || pk > 0 && has(enBeforeInfinitive, strings.ToLower(d.toks[pk-1].s)))) {
			return true
		}
	}
	if hasPrev && t.shape == kLower && (p == "this" || p == "it" || p == "which" || p == "that" || p == "who") && len(l) > 4 &&
		strings.HasSuffix(l, "s") && !strings.HasSuffix(l, "ss") && !strings.HasSuffix(l, "us") && !strings.HasSuffix(l, "is") &&
		k+1 < len(d.toks) && has(enDeterminers, d.toks[k+1].s) {
		// "This activates the Brush Editor", "a button which
		// reanchors the chart": a third-person verb, listed or not,
		// before its object.
		return true
	}
	base := has(enVerbs, l)
	if !base && k+1 < len(d.toks) && len(l) > 3 && !has(enStop, l) && !strings.HasSuffix(l, "s") &&
		(t.posCap && !t.head && !isAdverb(l) ||
			hasPrev && t.shape == kLower && (p == "then" || p == "now" || p == "and" || p == "please") ||
			t.shape == kLower && d.instructionAfterClause(k)) {
		// "Activate the Color Picker tool", "Activate this by clicking
		// its icon" (a sentence that opens with a word and an article or
		// "this" opens with its verb), "Now activate the Clone tool",
		// "... invisible and activate the image layer", "To crop an image,
		// activate the Crop tool": an instruction, listed or not.
		if n := d.toks[k+1]; (n.shape == kLower || n.shape == 0) && has(enImperativeObjects, n.s) {
			return true
		}
	}
	if !base && !isVerbS(l) {
		return false
	}
	if base && t.shape == kLower && k > 0 && k+1 < len(d.toks) && d.toks[k-1].shape == 0 && d.toks[k-1].punct == ':' &&
		d.toks[k+1].shape == kLower && has(objectWords, d.toks[k+1].s) {
		// "Place package on hold: cancel any active installation": an
		// instruction after a label's colon, before its object.
		return true
	}
	if base && t.shape == kLower && hasPrev && p == "please" {
		// "Please contact them", "please upload the log": a request.
		return true
	}
	if base && t.shape == kLower && d.instructionAfterClause(k) {
		return true
	}
	if base && t.shape == kLower && (hasPrev && p == "then" || d.beforeObject(k)) {
		// "Then execute: ...", "`foo` execute the command", "recognize
		// and execute it".
		return true
	}
	if base && t.shape == kLower && hasPrev && (p == "which" || p == "who") && k+1 < len(d.toks) &&
		d.toks[k+1].shape == kLower && has(enRelVerbPreps, d.toks[k+1].s) {
		// "Packages which execute on Intel machines".
		return true
	}
	if hasPrev {
		if base && (p == "or" || p == "and") && pk >= 2 && d.toks[pk-1].shape != 0 && d.toks[pk-2].shape != 0 {
			// "to create or retrieve a bucket"
			if v := strings.ToLower(d.toks[pk-1].s); (has(enVerbs, v) || has(enStop, v)) && has(enVerbCue, strings.ToLower(d.toks[pk-2].s)) {
				return true
			}
		}
		if base && has(enVerbCue, p) || !base && has(enRelPronoun, p) {
			return true
		}
	}
	if base && t.shape == kLower && hasPrev && d.questionSubject(pk) {
		// "How does Debian support non-English languages?", "Can Traefik
		// route TCP?": the word after the question's named subject is
		// its verb.
		return true
	}
	if !base && t.posCap && !t.head && k+1 < len(d.toks) {
		// A summary that opens with its verb before a name, an article or
		// code: "Converts Japanese Kanji numeral to number.", "Checks the
		// ...", "Throws `TypeError` when ...". "Builds are cached" has a
		// plural noun before its own verb.
		n := d.toks[k+1]
		if n.shape == kCap && !n.posCap || n.shape == kAcronym ||
			n.shape == kLower && (n.s == "the" || n.s == "a" || n.s == "an") ||
			n.shape == 0 && strings.ContainsRune(n.s, boundary) {
			return true
		}
	}
	if base && !t.posCap && t.shape == kCap && k+1 < len(d.toks) {
		// A quoted title that opens with a verb and its object: "see
		// Section 4.2, “Execute a security update”".
		n := d.toks[k+1] // "a" is no word token: its shape is 0
		return (n.shape == kLower || n.shape == 0) && (n.s == "the" || n.s == "a" || n.s == "an" || n.s == "your")
	}
	if base && t.posCap && !t.head && k+1 < len(d.toks) {
		// An imperative: "Store big payloads ...", "Press Ctrl-C". A
		// lower-case noun after it makes a compound instead ("Build logs
		// are ...").
		n := d.toks[k+1]
		if n.shape != kLower || has(enStop, n.s) && !has(enSoftAdj, n.s) {
			return true
		}
		return d.objectThenNoVerb(k + 1)
	}
	return false
}

// beforeObject reports whether the verb base at token k opens its object:
// an article or an object pronoun follows it and no determiner or
// possessive precedes it ("the process the kernel starts" has a noun).
func (d *docState) beforeObject(k int) bool {
	if k+1 >= len(d.toks) {
		return false
	}
	if n := d.toks[k+1]; n.shape != kLower && n.shape != 0 || !has(enObjectOpeners, n.s) {
		return false // "a" is no word token: its shape is 0
	}
	if k == 0 {
		return true
	}
	b := d.toks[k-1]
	return b.shape == 0 || b.poss == 0 && !has(enNounOpeners, strings.ToLower(b.s))
}

// enObjectOpeners open the object of a verb: "execute the command",
// "execute it".
var enObjectOpeners = wordSet(`the a an it them your its their`)

// enNounOpeners open a noun phrase: the word after one is not a verb
// ("the update", "each process").
var enNounOpeners = wordSet(`the a an this these those each every any some no its their our your my his her
	whose one another either neither`)

// enRelVerbPreps follow a verb in a relative clause ("which execute on ...");
// "to" and "of" are left out ("which package to install").
var enRelVerbPreps = wordSet(`on in at with from into onto over under through for by across against`)

// enToObjects are the pronouns, possessives and quantifiers that open
// the object of a verb after "to" ("to abort it", "to close your
// session", "required to declare any dependencies").
var enToObjects = wordSet(`it them this these those your its their our my his her him us me any all every each`)

// enImperativeObjects open the object of an imperative that opens a
// sentence: "Activate the tool", "Activate this by clicking ...".
var enImperativeObjects = wordSet(`the a an this these your its their`)

// enDeterminers open the object of a verb: "activates the editor",
// "reanchors a chart".
var enDeterminers = wordSet(`the a an your its their all any each every this these those`)

// enAfterModal are the short adverbs written between a modal and its verb
// ("must not declare", "should also list", "must now depend").
var enAfterModal = wordSet(`not also now still never always only just first then again either`)

// enBeforeInfinitive take "to" and a verb: "want to abort the download",
// "how to read the log", "allows you to select the layer", "click this
// button to open the dialog".
var enBeforeInfinitive = wordSet(`want wants wanted need needs needed how able order try tries tried trying
	going wish like have has had used allows allow
	you it is way ways method methods possible possibility possibilities useful intend intends tend tends
	button key icon slider enables enable easy easier hard difficult necessary required designed meant supposed
	choose decide`)

// enIntroWords open a clause or a phrase that a comma closes before an
// instruction: "To expand a group, press Enter", "When ready, press g".
var enIntroWords = wordSet(`to when if once until unless while whenever after before since then finally next
	otherwise alternatively instead`)

// instructionAfterClause reports whether the verb base at token k is an
// instruction after an opening clause and its comma ("To expand a group,
// press **Enter**", "If the list is long, press q"): a key, a name or an
// object follows it. A lower-case noun after it makes a phrase instead
// ("When the cache is full, cache entries are evicted").
func (d *docState) instructionAfterClause(k int) bool {
	if k == 0 || k+1 >= len(d.toks) {
		return false
	}
	c := d.toks[k-1]
	if c.shape != 0 || !c.comma || c.punct != ',' {
		return false
	}
	if n := d.toks[k+1]; n.shape == kLower && len(n.s) > 1 && !has(objectWords, n.s) {
		return false
	}
	// The clause opens the sentence or follows an earlier comma: "For
	// instance, to see the page, execute ...".
	first := -1
	for j := k - 2; j >= 0 && k-j < 40; j-- {
		t := d.toks[j]
		if t.shape == 0 && (t.punct == '.' || t.punct == ':' || t.punct == '\n') {
			break
		}
		if t.shape == 0 && t.comma && first >= 0 && has(enIntroWords, strings.ToLower(d.toks[first].s)) {
			return true
		}
		if t.shape != 0 {
			first = j
		}
	}
	return first >= 0 && has(enIntroWords, strings.ToLower(d.toks[first].s))
}

// questionSubject reports whether token pk ends a name of at most three
// capitalised words or acronyms that follows an auxiliary opening a
// question ("does Debian", "Can Traefik").
func (d *docState) questionSubject(pk int) bool {
	k := pk
	for k >= 0 && pk-k < 3 && (d.toks[k].shape == kCap && !d.toks[k].posCap || d.toks[k].shape == kAcronym) {
		k--
	}
	return k < pk && k >= 0 && d.toks[k].shape != 0 && has(enQuestionAux, strings.ToLower(d.toks[k].s))
}

// enQuestionAux open a question before its subject.
var enQuestionAux = wordSet(`does do did can could will would should may might must shall doesn't don't didn't
	can't won't cannot`)

// objectThenNoVerb reports whether the lower-case words from token j are
// an object followed by a preposition or a determiner, with no finite verb
// after them in the sentence: "Run test code in `test` folder." is an
// instruction, while "Stream data in the sandbox is compressed." opens with
// a compound subject.
func (d *docState) objectThenNoVerb(j int) bool {
	for j < len(d.toks) && d.toks[j].shape == kLower && !has(enStop, d.toks[j].s) {
		j++
	}
	if j >= len(d.toks) || d.toks[j].shape == 0 || !has(enObjectFollow, d.toks[j].s) {
		return false
	}
	for ; j < len(d.toks); j++ {
		t := d.toks[j]
		if t.shape == 0 {
			if t.punct == '.' {
				break
			}
			continue
		}
		if t.shape == kLower && (has(enFinite, t.s) || isVerbS(t.s)) {
			return false
		}
	}
	return true
}

// enObjectFollow open what follows a verb's object: a preposition or a
// determiner.
var enObjectFollow = wordSet(`in on at by with from to into for using via through under over the a an this
	that these those your each all every`)

// enFinite are auxiliaries and forms of "be": a sentence with one has a
// finite verb.
var enFinite = wordSet(`is are was were be been being has have had does do did can could will would should
	must may might shall isn't aren't wasn't weren't hasn't haven't doesn't don't didn't can't won't`)

// enLetUs are the verbs that follow "Let's" in titles ("Let's See How It
// Works").
var enLetUs = wordSet(`see start go take look get begin try build create make write add run move dive explore
	review walk check learn recap talk put use set say assume imagine consider summarize wrap turn do`)

// firstField returns the letters that open s.
func firstField(s string) string {
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		return s
	}
	return s[:end]
}

// wordBefore returns the word before token k, lower-cased, and its index,
// skipping one adverb ("I highly recommend", "it quickly fetches"); ok is
// false when a non-word comes first.
func (d *docState) wordBefore(k int) (p string, pk int, ok bool) {
	pk = k - 1
	if pk < 0 || d.toks[pk].shape == 0 {
		return "", 0, false
	}
	p = strings.ToLower(d.toks[pk].s)
	if isAdverb(p) && pk > 0 && d.toks[pk-1].shape != 0 {
		pk--
		p = strings.ToLower(d.toks[pk].s)
	}
	return p, pk, true
}

// subjectBefore reports whether the word p (at pk, see wordBefore) is
// "we", "they", "I" or a modal (negated too: "don't", "won't"), or a
// "you" that opens a clause ("You
// declare ...", "if you declare ..."; "gives you access" is an object): the
// word after it is a verb.
func (d *docState) subjectBefore(p string, pk int) bool {
	switch p {
	case "we", "they", "i", "can", "cannot", "could", "should", "must", "may", "might", "shall", "will", "would",
		"don't", "doesn't", "didn't", "won't", "can't", "couldn't", "shouldn't", "wouldn't", "mustn't":
		// A subject pronoun, or a modal ("you can edit a Secret").
		return true
	case "you":
		if pk == 0 || d.toks[pk-1].shape == 0 {
			return true // the clause's first word
		}
		return has(enYouSubject, strings.ToLower(d.toks[pk-1].s))
	}
	return false
}

// enYouSubject are the words after which "you" is a subject: subordinators,
// conjunctions and modals ("if you", "and you", "can you").
var enYouSubject = wordSet(`if when whenever once so then and but or that as until unless before after because
	where while can could should will would must may might do did does don't didn't doesn't now here`)

// isVerbS reports whether w is the third-person singular of a verb of
// enVerbs ("stores", "discards", "processes", "replies").
func isVerbS(w string) bool {
	n := len(w)
	if n < 4 || w[n-1] != 's' || strings.HasSuffix(w, "ss") {
		return false
	}
	if has(enVerbs, w[:n-1]) {
		return true
	}
	if strings.HasSuffix(w, "es") && has(enVerbs, w[:n-2]) {
		return true
	}
	return strings.HasSuffix(w, "ies") && has(enVerbs, w[:n-3]+"y")
}

// enSplit cuts a run at the verbs inside it before handing the pieces to
// enFlush. A lower-case "-s" word followed by another lower-case word is a
// verb when its stem is a verb of enVerbs ("the broker discards
// duplicates", "answers client requests"): it is dropped. Otherwise, when
// the next word is a verb base, the "-s" word ends the subject and the verb
// is dropped ("network file systems return ..."). Plural modifiers such as
// "operations guide" stay whole.
func (d *docState) enSplit(run []unit, start, end int) {
	from := 0
	for i := 0; i+1 < len(run); i++ {
		u, next := run[i], run[i+1]
		if u.kind == kLower && (next.kind == kAcronym || next.kind == kCap || next.kind == kIdent) && i > 0 && isVerbS(u.key) {
			// "Traefik supports PROXY protocol", "The office runs Tidal",
			// "the clang build supports OpenMP": a verb before a name.
			d.enFlush(run[from:i], start+from, start+i)
			from = i + 1
			continue
		}
		if u.kind != kLower || next.kind != kLower || !pluralish(u.key) || singular(u.key) == u.key {
			continue
		}
		switch {
		case isVerbS(u.key):
			d.enFlush(run[from:i], start+from, start+i)
			from = i + 1
		case has(enVerbs, next.key):
			d.enFlush(run[from:i+1], start+from, start+i+1)
			from = i + 2
			i++
		}
	}
	if from < len(run) {
		d.enFlush(run[from:], start+from, end)
	}
}

// connectable reports whether "of" may continue a capitalised name ending
// the run: "University of ...", "Director of ...", but not after a complete
// title ("Chief Technology Officer of ...") or a long name.
func connectable(run []unit) bool {
	n := len(run)
	if n == 0 || run[n-1].kind != kCap {
		return false
	}
	if has(enTitleLast, run[n-1].key) && n > 1 || has(enOrgSuffix, run[n-1].key) && n > 1 {
		return false
	}
	caps := 0
	for i := n - 1; i >= 0 && (run[i].kind == kCap || run[i].kind == kConnector); i-- {
		caps++
	}
	return caps <= 2
}

// determiners start a noun phrase; a noun phrase directly followed by one
// ends in a verb ("the scheduler merges the segments").
var determiners = wordSet(`the a an its their his her our your my this these those them it some any no every each`)

// participleClause reports a word in -ing before "that" or "whether":
// the participle of a clause ("Flag indicating that the file is visible",
// "a value specifying whether ..."), not a noun ending a name.
func participleClause(w, next string) bool {
	return len(w) > 5 && strings.HasSuffix(w, "ing") && (next == "that" || next == "whether")
}

// objectWords follow a verb, not a noun phrase: a run ending in a verb-like
// word right before one of them loses that word ("the scheduler merges old
// segments").
var objectWords = wordSet(`the a an its their his her our your my this these those them it all each every
	any some no one two three old new only both more many several how whether what which up out down back
	off away into onto`)

// enSubjectPreps follow a verb more often than a noun: "the promise rests
// on", "the call blocks in".
var enSubjectPreps = wordSet(`on in at for by when if while before after`)

var subordinators = wordSet(`when if once until unless while because whenever after before since though although whether`)

// afterSubordinator reports whether the run starting at token start follows
// a subordinating conjunction (and at most one determiner).
func (d *docState) afterSubordinator(start int) bool {
	p := start - 1
	if p >= 0 && has(determiners, d.toks[p].s) {
		p--
	}
	return p >= 0 && has(subordinators, strings.ToLower(d.toks[p].s))
}

// isVerbLike reports a lower-case word in -s that may be a verb in the
// third person ("digs", "stores"), not "class" or "status".
func isVerbLike(w string) bool {
	return pluralish(w) && !strings.HasSuffix(w, "'s")
}

func pluralish(w string) bool {
	return len(w) > 3 && w[len(w)-1] == 's' && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is")
}

// enFlush trims one maximal run of content words (tokens start..end-1 of
// d.toks, end being the token that stopped it) and records it with its
// sub-spans.
func (d *docState) enFlush(run []unit, start, end int) {
	if len(run) == 0 {
		return
	}
	if n := len(run); n >= 2 && has(romanNumerals, run[n-1].text) && has(enPartNouns, run[n-2].key) {
		// "Shard Tools Part II": the numeral joined the run as an
		// acronym would.
		if run = run[:n-2]; len(run) == 0 {
			return
		}
		end -= 2
	}
	if n := len(run); end < len(d.toks) && (d.toks[end].shape == 0 && partNumber(d.toks[end].s) || d.toks[end].shape != 0 && partWord(d.toks[end].s)) &&
		has(enPartNouns, run[n-1].key) {
		// "Listing 3-1", "Figure 4", "Appendix B", "Financial Functions
		// Part Two": a numbered part of the document cited, not a term.
		if run = run[:n-1]; len(run) == 0 {
			return
		}
		end--
	}
	var cues cueSet
	if p := start - 1; p >= 0 {
		pt := d.toks[p]
		if pt.shape == 0 && pt.s == "" && pt.punct != '\n' && p > 0 && d.toks[p-1].shape != 0 {
			if _, ok := enHonorific[strings.ToLower(d.toks[p-1].s)]; ok {
				cues |= 1 << cuePerson
			}
		} else if pt.shape != 0 {
			switch l := strings.ToLower(pt.s); l {
			case "by":
				cues |= 1 << cuePerson
			case "in", "at", "near":
				cues |= 1 << cuePlace
			case "the":
				cues |= 1 << cueThe
			default:
				if _, ok := enHonorific[l]; ok {
					cues |= 1 << cuePerson
				}
			}
		}
	}
	var endCues cueSet
	if end < len(d.toks) && d.toks[end].shape != 0 {
		switch strings.ToLower(d.toks[end].s) {
		case "said", "says", "explained", "wrote", "argued", "noted":
			endCues |= 1 << cuePerson
		}
	}
	if len(run) >= 2 && d.addressAfter(end) {
		// "Nate Prewitt <nate.prewitt@gmail.com> (@nateprewitt)" (an
		// AUTHORS list): a contact, who wrote the documents, not a
		// term they use.
		return
	}
	if d.statesSubject(start, end) {
		endCues |= 1 << cueDefined
	}
	if d.asksWhat(start, end) {
		endCues |= 1 << cueAsked
	}
	if l := run[len(run)-1]; strings.HasSuffix(l.key, "s") {
		switch {
		case len(run) == 1 && d.singularSubject(start, end):
			endCues |= 1 << cueSingular
		case d.pluralUse(start, end, len(run) == 1):
			endCues |= 1 << cuePlural
		}
	}
	if len(run) > 1 && run[0].kind == kLower && isVerbLike(run[0].text) && start > 0 && d.toks[start-1].shape != 0 {
		// "a vessel that digs sediment": after a relative pronoun a
		// word in -s is the clause's verb, not part of a noun phrase.
		switch strings.ToLower(d.toks[start-1].s) {
		case "that", "which", "who":
			run = run[1:]
			start++
			cues = 0
		}
	}
	for len(run) > 0 {
		f := run[0]
		if f.kind == kConnector || len(run) > 1 && f.kind == kLower && strings.HasSuffix(f.key, "ing") &&
			(run[1].kind == kCap || run[1].kind == kAcronym || run[1].kind == kIdent) {
			run = run[1:]
			cues = 0
			continue
		}
		break
	}
	if n := len(run); n >= 2 && end < len(d.toks) && d.toks[end].s != "" {
		l, p := run[n-1], run[n-2]
		next := strings.ToLower(d.toks[end].s)
		if l.kind == kLower && (has(determiners, next) || participleClause(l.key, next) ||
			has(objectWords, next) && (pluralish(l.text) && !pluralish(p.text) || !pluralish(l.text) && p.kind == kLower && pluralish(p.text))) {
			run = run[:n-1]
			endCues = 0
		}
	}
	if n := len(run); n >= 2 && end < len(d.toks) && d.toks[end].shape != 0 {
		// "Can a consumer group read from ...": a verb ends the subject.
		next := strings.ToLower(d.toks[end].s)
		if l := run[n-1]; l.kind == kLower && !d.nounRunBefore(start, has(enVerbs, l.key)) && (has(enVerbs, l.key) && has(enRunPreps, next) ||
			isVerbS(l.key) && (has(enRunPreps, next) || has(enSubjectPreps, next))) {
			run = run[:n-1]
			endCues = 0
		}
	}
	if n := len(run); n >= 2 && end < len(d.toks) && d.toks[end].shape == kLower && isVerbS(run[n-1].key) && run[n-1].kind == kLower {
		// "Mutt supports connecting to ...": a verb in -s before a verb in
		// -ing ends the subject.
		if next := d.toks[end].s; len(next) > 5 && strings.HasSuffix(next, "ing") {
			run = run[:n-1]
			endCues = 0
		}
	}
	if n := len(run); n >= 2 && cues&(1<<cuePerson) == 0 && d.afterSubordinator(start) {
		// "When the partition leader fails, ...": the subject of a clause
		// ends before its verb.
		if l, p := run[n-1], run[n-2]; l.kind == kLower && pluralish(l.text) && !pluralish(p.text) {
			run = run[:n-1]
			endCues = 0
		}
	}
	for len(run) > 1 && run[0].kind == kLower && (run[1].kind == kCap || run[1].kind == kAcronym || run[1].kind == kIdent) {
		run = run[1:]
		cues = 0
	}
	if n := len(run); n > 0 && run[n-1].kind == kLower && end < len(d.toks) && d.toks[end].shape != 0 {
		next := strings.ToLower(d.toks[end].s)
		switch {
		case next == "to" && has(enToAdj, run[n-1].key):
			// "resources with key equal to tier": an adjective that
			// takes "to" ends the noun phrase before it.
			run = run[:n-1]
			endCues = 0
		case n == 1 && has(enPredPreps, next) && d.afterCopula(start):
			// "is equivalent to", "are different from": a bare word
			// between a copula and a preposition is a predicate
			// adjective, not a name.
			return
		}
	}
	if len(run) == 1 && run[0].kind == kLower && !pluralish(run[0].text) && (end >= len(d.toks) || d.toks[end].shape == 0) &&
		d.afterCopula(start) && !d.articleBefore(start) && endCues&(1<<cueAsked) == 0 {
		// "the destination path to be absolute.", "if recursive is
		// true": a bare word between a copula and the clause's end is
		// a predicate adjective, not a name.
		return
	}
	for len(run) > 0 {
		l := run[len(run)-1]
		if l.kind == kConnector || l.kind == kLower && (isEdWord(l.key) || isAdjective(l.key) || has(enSoftAdj, l.key)) {
			run = run[:len(run)-1]
			endCues = 0
			continue
		}
		break
	}
	if len(run) == 0 {
		return
	}
	allCap := true
	for _, u := range run {
		if u.kind != kCap && u.kind != kConnector {
			allCap = false
		}
	}
	maxLen := 4
	if allCap {
		maxLen = 5
	}
	n := len(run)
	head := d.toks[start].head
	// A heading is a section title: its words are terms only if the text
	// uses them too ("## License", "## Retention Policy"), or if it asks
	// what they are ("## What is ballast?").
	attestFull := n <= maxLen && (!head || endCues&(1<<cueAsked) != 0)
	for i := 0; i < n; i++ {
		if run[i].kind == kConnector {
			continue
		}
		for j := i + 1; j <= n && j-i <= maxLen; j++ {
			if run[j-1].kind == kConnector {
				continue
			}
			span := run[i:j]
			if len(span) == 1 {
				u := span[0]
				if u.kind == kLower && (len(u.key) < 3 || isAdjective(u.key) || isEdWord(u.key) || has(enAdjSingle, u.key) || has(enSoftAdj, u.key)) {
					continue
				}
			}
			attested := i == 0 && j == n && attestFull
			if len(span) == 1 && (span[0].kind == kAcronym || span[0].kind == kIdent) && (!head || d.toks[start].tbl) {
				attested = true
			}
			var c cueSet
			if i == 0 {
				c |= cues
			}
			if j == n {
				c |= endCues
			}
			if isNamePart(run[i]) && (i == 0 || !isNamePart(run[i-1]) && run[i-1].kind != kConnector) {
				// A maximal stretch of capitalised words (and acronyms)
				// inside the run is a name in its own right.
				k, caps := i, 0
				for k < n && (isNamePart(run[k]) || run[k].kind == kConnector) {
					if run[k].kind == kCap {
						caps++
					}
					k++
				}
				for k > i && run[k-1].kind == kConnector {
					k--
				}
				// A quoted label in sentence case (“Standard system”)
				// capitalises its first word as a sentence does: no name.
				if j == k && caps > 0 && !head && !(i == 0 && j == 1 && j < n && d.quoted(start) && run[1].kind == kLower) {
					attested = true
					if j < n {
						c |= 1 << cueModifier
					}
				}
			}
			d.record(span, false, attested, c)
		}
	}
}

// nounRunBefore reports a run starting at token start that cannot end in
// its own verb: it follows a preposition ("with symbolic links to them")
// or, when the verb would be a base form, a lone "a" or "an" that no
// question's auxiliary comes before ("may be a symbolic link to ...";
// "Can a consumer group read from ..." has its verb).
func (d *docState) nounRunBefore(start int, base bool) bool {
	p := start - 1
	if p < 0 || d.toks[p].s == "" {
		return false
	}
	w := strings.ToLower(d.toks[p].s)
	if has(enNounPreps, w) {
		return true
	}
	if !base || w != "a" && w != "an" {
		return false
	}
	return p == 0 || !has(enQuestionAux, strings.ToLower(d.toks[p-1].s))
}

// enNounPreps are prepositions whose object is a noun phrase, never a
// clause with its verb.
var enNounPreps = wordSet(`with of via from into onto within without through under over between among per`)

// enPartNouns name the numbered parts of a document: "Listing 3-1".
var enPartNouns = wordSet(`chapter figure fig table listing section appendix example exercise equation step part
	page volume`)

// partNumber reports a token that numbers a part: "3", "3-1", "4.2", "B".
func partNumber(s string) bool {
	switch {
	case s == "":
		return false
	case s[0] >= '0' && s[0] <= '9':
		return true
	}
	return len(s) == 1 && s[0] >= 'a' && s[0] <= 'z'
}

// partWord reports a word that numbers a part: "Two", "three", "II".
func partWord(s string) bool {
	return has(enNumberWords, strings.ToLower(s)) || has(romanNumerals, s)
}

// enNumberWords number a part in words: "Part Two".
var enNumberWords = wordSet(`one two three four five six seven eight nine ten eleven twelve`)

// romanNumerals number a part in capitals: "Part II".
var romanNumerals = wordSet(`I II III IV V VI VII VIII IX X XI XII`)

// afterCopula reports whether the token before start is a form of "be"
// (adverbs such as "not" or "often" between them are skipped).
func (d *docState) afterCopula(start int) bool {
	for k := start - 1; k >= 0 && k >= start-3; k-- {
		t := d.toks[k]
		if t.shape == 0 {
			return false
		}
		l := strings.ToLower(t.s)
		if has(enCopulas, l) {
			return true
		}
		if !has(enCopulaAdverbs, l) {
			return false
		}
	}
	return false
}

// articleBefore reports an article right before token start: "is a
// daemon." names a kind, "is absolute." does not.
func (d *docState) articleBefore(start int) bool {
	if start == 0 || d.toks[start-1].shape == 0 {
		return false
	}
	switch strings.ToLower(d.toks[start-1].s) {
	case "a", "an", "the":
		return true
	}
	return false
}

// enCopulas are the forms of "be" before a predicate.
var enCopulas = wordSet(`is are was were be been being isn't aren't wasn't weren't`)

// enCopulaAdverbs may stand between a copula and its predicate.
var enCopulaAdverbs = wordSet(`not also always usually often generally only then still now very more less
	most quite fully largely roughly exactly mostly typically normally otherwise thus therefore never`)

// enPredPreps follow a predicate adjective ("equivalent to", "different
// from", "aware of").
var enPredPreps = wordSet(`to with for of than from in on about across between within without into`)

// enToAdj are adjectives that take "to": before "to" they end a noun
// phrase ("key equal to tier").
var enToAdj = wordSet(`equal equivalent similar identical relative prior due specific adjacent
	proportional related comparable opposite analogous applicable available visible accessible unique
	native common internal external exclusive orthogonal akin superior inferior`)

// statesSubject reports a run that opens its line or sentence and is what
// the line is about: a whole heading ("## Sharding"), a list key ("Batching:
// grouping ...") or the subject of "is", "are", "means" or "refers".
func (d *docState) statesSubject(start, end int) bool {
	if !d.opensSentence(start) || end >= len(d.toks) {
		return false
	}
	next := d.toks[end]
	if next.shape == 0 {
		return next.punct == ':' || next.punct == '\n' && d.toks[start].head && !d.toks[start].tbl
	}
	switch strings.ToLower(next.s) {
	case "is", "are", "means", "refers":
		return true
	}
	return false
}

// opensSentence reports a token at a line's start or after a sentence's
// end. Markup before it ("**Batching**") leaves punctuation tokens: it
// looks past them.
func (d *docState) opensSentence(start int) bool {
	for p := start - 1; p >= 0; p-- {
		t := d.toks[p]
		if t.shape != 0 {
			return false
		}
		if t.punct == '\n' || t.punct == '.' {
			break
		}
	}
	return true
}

// singularSubject reports the words from start to end opening a sentence
// before a verb in the singular: "attrs is", "pandas has". Markup after
// them ("*attrs* is") leaves punctuation tokens: it looks past two.
func (d *docState) singularSubject(start, end int) bool {
	for k := 0; k < 2 && end < len(d.toks) && d.toks[end].shape == 0 && d.toks[end].punct == ','; k++ {
		end++
	}
	if end >= len(d.toks) || d.toks[end].shape == 0 || !d.opensSentence(start) {
		return false
	}
	switch d.toks[end].s {
	case "is", "was", "has", "does":
		return true
	}
	return false
}

// asksWhat reports the words from start to end as what a question asks
// about: "What is a lease?", "Q: What are dead letters?".
func (d *docState) asksWhat(start, end int) bool {
	if end < len(d.toks) && (d.toks[end].shape != 0 || d.toks[end].punct != '.' && d.toks[end].punct != '\n') {
		return false
	}
	p := start - 1
	if p >= 0 {
		// "a" is no word shape: one letter.
		if w := d.toks[p].s; strings.EqualFold(w, "a") || strings.EqualFold(w, "an") || strings.EqualFold(w, "the") {
			p--
		}
	}
	if p < 1 || d.toks[p].shape == 0 || d.toks[p-1].shape == 0 {
		return false
	}
	if verb := d.toks[p].s; !strings.EqualFold(d.toks[p-1].s, "what") || !strings.EqualFold(verb, "is") && !strings.EqualFold(verb, "are") {
		return false
	}
	// "Q: What is a lease?": an FAQ's mark before the question.
	q := p - 2
	return d.opensSentence(p-1) || q >= 0 && d.toks[q].s == "q" && d.opensSentence(q)
}

// pluralDets are the words before a noun that make it a plural.
var pluralDets = wordSet(`these those many several both few various multiple numerous two three four`)

// pluralUse reports the words from start to end used as a plural: before
// "are", "were", "have" or "do" ("HTTP methods are"), or, a single word,
// after "these", "many" and the like.
func (d *docState) pluralUse(start, end int, single bool) bool {
	if end < len(d.toks) && d.toks[end].shape != 0 {
		switch d.toks[end].s {
		case "are", "were", "have", "do":
			return true
		}
	}
	if p := start - 1; single && p >= 0 && d.toks[p].shape != 0 {
		return has(pluralDets, strings.ToLower(d.toks[p].s))
	}
	return false
}

func isNamePart(u unit) bool { return u.kind == kCap || u.kind == kAcronym }

// codeCapAttested marks, in docState.codeCap, a word the prose writes
// capitalised.
const codeCapAttested = 1 << 20

// enCode records the identifiers found in inline code spans of one
// paragraph (a table row when table is set).
func (d *docState) enCode(code []string, table bool) {
	var counted []string // capitalised words already counted for this paragraph
	for _, c := range code {
		fields := strings.Fields(c)
		single := len(fields) == 1
		for _, f := range fields {
			if f[0] == '-' {
				continue
			}
			call := strings.HasSuffix(strings.TrimRight(f, ";:,."), ")")
			f = strings.TrimLeft(f, "$@:(")
			f = strings.TrimRight(f, "();:,.")
			if call && f != "" && f[0] == '.' {
				// "`.action()`": a method, not a dotfile.
				f = f[1:]
			}
			if f == "" || strings.ContainsAny(f, "/\\=<>{}[]\"'()@#%&*+!?|~^`,;$") || !utf8.ValidString(f) {
				continue
			}
			if glossary.HasCJK(f) {
				continue // an example sentence (`私は彼は好きだ`), not an identifier
			}
			norm, shape := wordShape(f)
			if has(enUnits, norm) {
				continue
			}
			var u unit
			switch shape {
			case kAcronym:
				if _, stop := enAcronymStop[norm]; stop {
					continue
				}
				u = unit{text: norm, key: strings.ToLower(norm), kind: kAcronym}
			case kIdent:
				u = unit{text: norm, key: strings.ToLower(norm), kind: kIdent}
			case kCap, kLower:
				l := strings.ToLower(norm)
				if !single || len(l) < 3 {
					continue
				}
				if _, stop := enStop[l]; stop {
					continue
				}
				if _, stop := enCodeStop[l]; stop {
					continue
				}
				if has(enAdjSingle, l) {
					continue
				}
				u = unit{text: norm, key: l, kind: kLower}
				if shape == kCap {
					u.kind = kCap
				}
			default:
				continue
			}
			u.sing, u.singKey = u.text, u.key
			// A capitalised word in code ("`Deprecation`") is a name only
			// if the prose writes it so too (see enDoc).
			d.record([]unit{u}, false, u.kind != kCap, 0)
			if u.kind == kCap && d.codeCap != nil {
				n, seen := d.codeCap[u.key]
				if !table && n < codeCapAttested && !slices.Contains(counted, u.key) {
					n++
					counted = append(counted, u.key)
				}
				if !seen || !table {
					d.codeCap[u.key] = n
				}
			}
		}
	}
}

// enCategory classifies an English candidate from its units and the cue
// counts gathered over its occurrences.
func enCategory(us []unit, cues *[nCues]int, freq int) glossary.Category {
	n := len(us)
	first, last := us[0], us[n-1]
	if n == 1 {
		if first.kind != kLower && has(enKnownOrgs, strings.ToLower(first.text)) {
			return glossary.Organization // "GitHub", "OpenAI"; not "meta" or "oracle"
		}
		switch first.kind {
		case kAcronym:
			if _, ok := enTitleAcronyms[first.text]; ok {
				return glossary.Title
			}
			return glossary.TechnicalTerm
		case kIdent:
			return glossary.TechnicalTerm
		case kCap:
			if _, ok := enKnownPlaces[first.key]; ok {
				return glossary.PlaceName
			}
			switch first.key {
			case "professor", "director", "chancellor", "president", "chairman", "chairperson":
				return glossary.Title
			}
			// Occurrences that modify a following noun ("the Rotterdam
			// deployment") say nothing either way.
			if cues[cuePlace] >= 2 && cues[cuePlace]*2 > freq-cues[cueModifier] && !has(enKnownTech, first.key) {
				return glossary.PlaceName
			}
			if cues[cuePlace] == 1 && freq == 1 && !has(enKnownTech, first.key) {
				return glossary.PlaceName
			}
			return glossary.TechnicalTerm
		case kLower:
			if _, ok := enCommonNouns[first.key]; ok {
				return glossary.CommonNoun
			}
			if isGerund(first.key) {
				// "fetching", "publishing": a term only where the documents
				// define it (the engine's classification checks that).
				return glossary.CommonNoun
			}
			return glossary.TechnicalTerm
		}
		return glossary.TechnicalTerm
	}
	allCap, hasOf, simple := true, false, true
	for _, u := range us {
		switch u.kind {
		case kCap:
			for _, r := range u.text {
				if !unicode.IsLetter(r) {
					simple = false
				}
			}
		case kConnector:
			hasOf = true
			simple = false
		default:
			allCap = false
		}
	}
	_, firstTitle := enTitleFirst[first.key]
	_, lastTitle := enTitleLast[last.key]
	if allCap {
		if _, ok := enOrgSuffix[last.key]; ok {
			return glossary.Organization
		}
		if last.key == "project" && cues[cueThe] > 0 {
			return glossary.Organization
		}
		if hasOf {
			switch first.key {
			case "university", "institute", "department", "ministry", "bank", "college", "school", "museum", "society", "academy":
				return glossary.Organization
			case "director", "head", "professor", "president", "dean", "vice", "chair", "minister", "secretary":
				return glossary.Title
			}
		}
		if firstTitle && lastTitle || first.key == "chief" || lastTitle && n <= 3 && (last.key == "officer" || last.key == "president") {
			return glossary.Title
		}
		if _, ok := enPlaceSuffix[last.key]; ok {
			return glossary.PlaceName
		}
		if _, ok := enPlacePrefix[first.key]; ok && n == 2 {
			if _, known := enKnownPlaces[last.key]; known || first.key == "mount" || first.key == "mt" || first.key == "lake" {
				return glossary.PlaceName
			}
		}
		if _, ok := enKnownPlaces[first.key]; ok && n == 2 {
			if _, k2 := enKnownPlaces[last.key]; k2 {
				return glossary.PlaceName
			}
		}
		if simple && n <= 3 {
			if _, ok := enFirstNames[first.key]; ok || cues[cuePerson] > 0 {
				return glossary.PersonName
			}
			if cues[cuePlace]*2 > freq && cues[cueModifier] == 0 && freq >= 2 {
				return glossary.PlaceName
			}
		}
		return glossary.TechnicalTerm
	}
	if first.key == "chief" && lastTitle {
		return glossary.Title
	}
	return glossary.TechnicalTerm
}
