package builtin

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// confDescribe is the confidence of a describing sentence: the documents'
// own words about the term, but about what it does rather than what it is.
// It is the lowest confidence that is not "unclear" (see unclearBelow).
const confDescribe = 0.5

// describeEvidence matches a sentence that has the term as its subject and
// says what the term does: "Watcher will receive a notification when a key
// changes.", "The ledger keeps FsyncEvery writes in memory.", "Fetch() is
// used to ...", 「ワーカーはキューからジョブを取り出して実行する。」. Such a
// sentence is shown as it is, instead of a quoted usage. Sentences where the
// term only qualifies the subject ("KV buckets support ...") or is not the
// subject at all do not match.
func describeEvidence(s *sentence, sp string) (evidence, bool) {
	if codeSubject(s, sp) || !s.ja && nameSubject(s.text, sp) {
		return evidence{}, false
	}
	if !s.ja && strings.Contains(s.code, "(") && strings.HasPrefix(s.text, s.code) && nounUse(s.text[len(s.code):], sp) {
		// "vector(s scalar) returns the scalar s as a vector with no
		// labels.": what the function does, and the word is another thing.
		return evidence{}, false
	}
	if s.block == blockHeading || !s.ja && capsPlaceholder(s.text, sp) {
		// "INTEGER may also be -l STRING": an argument in capitals, not
		// the word.
		return evidence{}, false
	}
	if !s.ja && pointsBelow(s.text) {
		// "Removable storage devices may be any one of the following.":
		// the list after says it.
		return evidence{}, false
	}
	text := stripConnective(s.text, s.ja)
	stripped := len(text) < len(s.text)
	n, ok := matchSubject(text, sp, s.ja)
	if !ok {
		return evidence{}, false
	}
	rest := text[n:]
	if !s.ja && !sameCaseSubject(text, sp) {
		return evidence{}, false
	}
	if s.ja {
		// 「tidectl は潮位を読む。」: Japanese text sets a Latin subject
		// apart from its particle (not a parenthesis after it: 「船名
		// (…で言えば登録名) は…」 goes on about the name).
		if !strings.HasSuffix(text[:n], ")") && !strings.HasSuffix(text[:n], "）") {
			rest = strings.TrimLeft(rest, " ")
		}
		if !jaDescribes(rest) || jaIntroducesList(s.text) {
			// 「Xは以下のようなコードで用います。」: the code after shows
			// how, the sentence says nothing of X.
			return evidence{}, false
		}
	} else {
		if !enDescribes(text, text[:n], rest, sp) {
			return evidence{}, false
		}
		if stripped {
			text = upperFirst(text)
		}
	}
	score := usageEvidence(s, 0).score
	return evidence{
		kind: evDescribe, text: capText(text, s.ja), doc: s.doc, line: s.line,
		ja: s.ja, mentions: true, score: score,
	}, true
}

// stripConnective removes a connective that opens a sentence and only links
// it to the one before: "Similarly, FetchNoWait() can be used ..." or
// 「また、ワーカーは…」.
func stripConnective(text string, ja bool) string {
	if ja {
		for _, c := range jaConnectives {
			if rest, ok := strings.CutPrefix(text, c+"、"); ok && rest != "" {
				return rest
			}
		}
		return text
	}
	// The longest connective ("alternatively") is 13 bytes.
	i := strings.Index(text[:min(len(text), 16)], ", ")
	if i > 0 && i+2 < len(text) && enConnectives[strings.ToLower(text[:i])] {
		return text[i+2:]
	}
	return text
}

// enDescribes reports whether rest, the English sentence text after its
// subject, starts with a predicate that describes the subject: a modal and
// a verb ("will receive", "can be used"), "is used to" and the like, or a
// verb of enItemVerbs in the subject's number ("returns", plural "return").
func enDescribes(text, subject, rest, sp string) bool {
	if !strings.HasPrefix(rest, " ") || strings.HasSuffix(text, "?") || introducesList(text) || danglingEnd(text) {
		return false
	}
	words := strings.Fields(rest)
	if len(words) < 3 {
		return false
	}
	w0, w1 := words[0], strings.TrimRight(words[1], ",.;:")
	if !isLowerWord(w0) || !isLowerWord(w1) {
		return false
	}
	if !enModals[w0] && w0 != "is" && w0 != "are" {
		next := w1
		if enAdverbs[next] && len(words) > 2 {
			next = strings.TrimRight(words[2], ",.;:")
		}
		if enFiniteAfterNoun[next] {
			// "Hash maps are useful ...", "Hash maps also have ...": a
			// finite verb after w0 makes it the end of the subject (hash
			// maps), not its verb.
			return false
		}
	}
	switch {
	case enModals[w0]:
		if w1 == "be" && len(words) > 2 && enWhereabouts[strings.TrimRight(words[2], ",.;:")] {
			return false // "The roadmap can be found here.": where it is, not what
		}
		if w1 == "be" && (w0 == "will" || w0 == "would" || w0 == "shall") {
			return false // "The credentials will be merged.": what happens to it, not what it does
		}
		if w1 == "be" && (w0 == "may" || w0 == "might" || w0 == "could") && len(words) > 2 {
			// "A mail may be rejected by any host": what may happen to it;
			// "The key may be any borrowed form of ..." still says what it is.
			if w2 := strings.TrimRight(words[2], ",.;:"); strings.HasSuffix(w2, "ed") || enIrregularParticiples[w2] {
				return false
			}
		}
		if w0 == "cannot" && w1 == "be" {
			return false // "Mustaches cannot be used inside attributes.": a limit of one use
		}
		if w1 == "now" || w1 == "no" && len(words) > 2 && strings.TrimRight(words[2], ",.;:") == "longer" {
			// "Wanakana will now report its version correctly", "X will
			// no longer ...": a change log's news, not what it does.
			return false
		}
		return w1 != "not" || len(words) > 3 && isLowerWord(words[2])
	case w0 == "is" || w0 == "are":
		if w1 == "called" && len(words) > 2 && !enCalledWhen[strings.TrimRight(words[2], ",.;:")] {
			// "The index file is called Sources(.gz)": its name, not what
			// it is or does ("... is called when a letter arrives").
			return false
		}
		return enItemParticiples[w1] && (w0 == "is") != pluralSubject(subject, sp)
	case pluralSubject(subject, sp):
		// "Toggles display of pads between ...", a tool-tip: a word in -s
		// before a noun and "of" is the verb, and "display" no verb.
		return enPluralVerbs[w0] && (w1 != "of" || enVerbsOf[w0])
	default:
		return enItemVerbs[w0] || enDescribeVerbs[w0]
	}
}

// enCalledWhen follow "is called" of a function or a hook: when or by
// what it runs.
var enCalledWhen = toSet(`when whenever by from once on after before for with in during at every each if
	to upon only automatically`)

// sameCaseSubject reports whether a capitalised term is written as it is
// at the start of text: "The foundation holds ..." is about a foundation,
// not about the name "Foundation". The first letter of the sentence may be
// capitalised for the sentence's sake.
func sameCaseSubject(text, sp string) bool {
	r, _ := utf8.DecodeRuneInString(sp)
	if !unicode.IsUpper(r) {
		return true
	}
	for _, d := range enDeterminers {
		if len(text) > len(d) && strings.EqualFold(text[:len(d)], d) {
			return strings.HasPrefix(text[len(d):], sp)
		}
	}
	return true
}

// isLowerWord reports a word of lower-case letters only: a verb, not a
// name, a number or code.
func isLowerWord(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// jaDescribes reports whether rest, the Japanese sentence text after its
// subject, is a topic particle and a predicate ending in a verb in the
// present tense: 「は、キューからジョブを取り出して実行する。」. Negations, past
// tenses, requests and questions do not describe the term.
func jaDescribes(rest string) bool {
	body, ok := strings.CutPrefix(rest, "は")
	if !ok || strings.HasPrefix(body, ":") || strings.HasPrefix(body, "：") {
		return false // 「書式は: `…`」: a label over a value
	}
	body = strings.TrimPrefix(body, "、")
	if utf8.RuneCountInString(body) < 6 {
		return false
	}
	end := strings.TrimRight(body, "。．.！!")
	if jaAsksWhetherItIs(body) {
		// 「入力文字はひらがなかどうかを判断します。」 (under a function's
		// heading): the function judges whether the word is something;
		// the word opens the question, it is not the subject
		// (「Priority 属性は、手紙を先に届けるかどうかを指定します。」 is).
		return false
	}
	for _, e := range []string{"ない", "ません", "ず", "た", "だ", "か", "ください", "しましょう", "ましょう", "でしょう",
		// 「Falcot は…できるようにしたいと思っています。」: what it wants;
		// 「Git は…を設定したいなら次のようにします。」: what to do.
		"と思っています", "と思います", "と考えています", "と考えます", "のようにします",
		// 「環境変数は、…タイプライターフォントで書き、"$TERM" のように表現
		// されます。」: how the text writes it.
		"のように表現されます", "のように表現される", "と表記されます", "と表記される", "のように表記されます", "のように表記される",
		// 「二重否定は文章を読みにくくするため、使用しないようにします。」:
		// a rule of the style guide, not what it is.
		"ないようにします", "ないようにしましょう", "ないようにしてください"} {
		if strings.HasSuffix(end, e) {
			return false
		}
	}
	return jaPredicateVerb(end)
}

// jaAsksWhetherItIs reports a body after 「Xは」 that asks whether X is a
// thing, then says who judges: 「ひらがなかどうかを判断します。」. The words
// before 「かどうか」 (「か否か」) are a short noun, not a clause ending in a
// verb or an adjective (「手紙を先に届けるかどうか」).
func jaAsksWhetherItIs(body string) bool {
	i := strings.Index(body, "かどうか")
	if i < 0 {
		i = strings.Index(body, "か否か")
	}
	if i <= 0 {
		return false
	}
	q := body[:i]
	if strings.HasPrefix(q, "、") || strings.Contains(q, "を") || utf8.RuneCountInString(q) > 12 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(q)
	return !strings.ContainsRune("うくぐすつぬぶむるただい", last)
}

var (
	// enConnectives open a sentence, before a comma, to link it to the
	// one before.
	enConnectives = toSet(`similarly also additionally however alternatively optionally finally furthermore
		moreover likewise instead otherwise internally then now here`)
	// jaConnectives do the same in Japanese, before "、".
	jaConnectives = []string{"また", "なお", "さらに", "一方", "同様に", "ただし", "つまり", "そして", "次に"}
	// enWhereabouts follow "can be" in sentences that say where to find
	// something.
	enWhereabouts = toSet(`found seen read viewed downloaded obtained accessed installed reached located`)
	// enFiniteAfterNoun are finite verbs that follow a subject: after a
	// word they make it a noun.
	enFiniteAfterNoun = toSet(`is are was were has have had does do did can could will would should must may might`)
	// enAdverbs may stand between a subject and its verb.
	enAdverbs = toSet(`also often usually always never still only just generally typically normally sometimes
		now then already`)
	// enModals open a describing predicate: "X will receive ...".
	// "must" and "should" state rules ("Each dictionary should have one of
	// ..."), not what the subject does.
	enModals = toSet(`will can may cannot`)
	// enDescribeVerbs add to enItemVerbs verbs that describe a subject in
	// running prose.
	enDescribeVerbs = toSet(`offers supports gives helps performs produces exposes identifies prevents
		caches keeps lives belongs consists depends works acts points triggers notifies invokes calls
		replaces retries expires persists guarantees reflects requires needs includes
		guides pushes pulls estimates carries detects lifts steers directs transfers monitors coordinates
		assigns allocates distributes balances replicates collects aggregates exports imports displays renders
		shows transforms combines groups separates translates authenticates authorizes encrypts decrypts
		hashes compiles executes launches deploys provisions orchestrates queues buffers reduces increases
		protects isolates proxies`)
	// enPluralVerbs are the verbs of enItemVerbs and enDescribeVerbs
	// without their third-person "s": "Watchers receive ...".
	enPluralVerbs = pluralVerbs(enItemVerbs, enDescribeVerbs)
	// enVerbsOf take "of" after them: "Routes consist of ...".
	enVerbsOf = toSet(`consist dispose approve think speak hear conceive`)
)

// pluralVerbs returns the base forms of third-person verbs: "returns" ->
// "return", "matches" -> "match", "applies" -> "apply".
func pluralVerbs(sets ...map[string]bool) map[string]bool {
	out := map[string]bool{}
	for _, set := range sets {
		for v := range set {
			switch {
			case strings.HasSuffix(v, "ies"):
				out[strings.TrimSuffix(v, "ies")+"y"] = true
			case strings.HasSuffix(v, "ches"), strings.HasSuffix(v, "shes"), strings.HasSuffix(v, "sses"),
				strings.HasSuffix(v, "xes"), strings.HasSuffix(v, "zes"):
				out[strings.TrimSuffix(v, "es")] = true
			case strings.HasSuffix(v, "s"):
				out[strings.TrimSuffix(v, "s")] = true
			}
		}
	}
	return out
}
