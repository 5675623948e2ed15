package builtin

import "strings"

// generalEnglish are everyday English nouns that a glossary of technical
// terms does not need, unless the documents define them explicitly.
var generalEnglish = toSet(`
ability action activity addition amount answer approach area article aspect attempt background
base basis beginning behaviour behavior benefit bit body book bottom business case cause center
centre chance change choice city company condition cost couple course data day deal detail
development difference direction discussion document effect effort end example experience fact
feature file form friend future goal group growth hand help history home hour idea impact
importance information instance interest issue job kind knowledge lack level life line list
look lot manner material matter meaning means method minute moment money month name need night
note number option order page paper part people period person picture piece place plan point
position possibility power practice problem product project purpose quality question range rate
reason research result right role section sense side situation size solution someone something
space start state step story study stuff subject success support system task team term text
thing thought time today top total type use user value view way week word work world year
`)

// generalJapanese are everyday Japanese words of the same kind.
var generalJapanese = toSet(`
情報 方法 場合 時間 作業 問題 結果 内容 部分 全体 利用 使用 対象 状態 確認 説明 以下 以上
今回 最初 最後 目的 理由 意味 関係 一覧 手順 種類 名前 会社 日時 毎回 他人 自分 仕組み
大部分 必要 可能 最新 直後 途中 前提 影響 原因 注意 方針 規模 目安 場所 時刻 意見 事例
人 人々 今日 明日 昨日 毎日 一日 一年 今年 去年 仕事 言葉 数字 番号 回数 程度 様子 全部
ほか もの こと とき ところ ため よう 最大 最小 上限 下限 半分 多く 少し 一部 其の他 その他
データ ファイル システム ユーザー ページ
`)

func toSet(words string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(words) {
		out[w] = true
	}
	return out
}

// isGeneralWord reports whether term is an everyday word of English or
// Japanese (case-insensitive for English, plural folded).
func isGeneralWord(term string) bool {
	t := strings.TrimSpace(term)
	if generalJapanese[t] {
		return true
	}
	l := strings.ToLower(t)
	return generalEnglish[l] || generalEnglish[singular(l)]
}
