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
zero rest half pair couple dozen
license licence installation features troubleshooting overview introduction contributing changelog
requirements prerequisites usage acknowledgements acknowledgments credits roadmap
`)

// generalIT are words of everyday technical prose, verbs and nouns, that
// every software document uses. Like generalEnglish they are not glossary
// terms unless the documents define them.
var generalIT = toSet(`
read write store build fetch upgrade downgrade restart run start stop send receive call return
create delete update insert remove deploy install uninstall configure handle process commit push
pull merge load save open close connect disconnect check verify validate retry duplicate copy move
throughput storage disk index metric latency memory performance bandwidth traffic speed usage
request response client server machine host network connection message payload format output input
setting config configuration option flag parameter command tool script library package module
version release backup failure error bug fix crash log entry folder directory path link url
website web internet computer laptop device cpu processor hardware software program application app
code source test tests testing debug debugging feature function method class object variable field
timeout delay interval limit quota size count total sum average default status result report alert
notification login logout password account profile permission role group member owner admin
administrator operator developer engineer maintainer contributor community team company customer
editor dependency terminal shell browser argument description
indicate manage match mutate toggle detach render bind schedule
creation mechanism production capacity combination completion implementation representation execution
removal activation review helper logic control scope
`)

// generalJapanese are everyday Japanese words of the same kind.
var generalJapanese = toSet(`
情報 方法 場合 時間 作業 問題 結果 内容 部分 全体 利用 使用 対象 状態 確認 説明 以下 以上
今回 最初 最後 目的 理由 意味 関係 一覧 手順 種類 名前 会社 日時 毎回 他人 自分 仕組み
大部分 必要 可能 最新 直後 途中 前提 影響 原因 注意 方針 規模 目安 場所 時刻 意見 事例
人 人々 今日 明日 昨日 毎日 一日 一年 今年 去年 仕事 言葉 数字 番号 回数 程度 様子 全部
ほか もの こと とき ところ ため よう 最大 最小 上限 下限 半分 多く 少し 一部 其の他 その他
データ ファイル システム ユーザー ページ
開発者 利用者 管理者 作業者 担当者 開発 運用 ディレクトリ フォルダ フォルダー ファイル名 コマンド ライブラリ
リポジトリ ソース ローカル リモート サーバー サーバ クライアント ネットワーク マシン パソコン コンピューター
ツール バージョン エラー ログ メモリ ディスク ストレージ 設定 設定ファイル 手順 ドキュメント 資料 画面
アクセス サポート デフォルト セクション インストール アンインストール アップグレード アップデート コメント
リリース カウント マーク ペア テクニック コスト バグ ロジック プログラミング インポート エクスポート
ダウンロード アップロード クリック ボタン リンク メリット デメリット ポイント ケース ステップ サンプル
チェック テスト デバッグ リクエスト レスポンス パフォーマンス メッセージ コード プログラム アプリケーション
アプリ オプション パラメータ パラメーター 変数 関数 メソッド クラス オブジェクト フィールド
柔軟性 信頼性 整合性 互換性 利便性 安全性 重要性 必要性 可能性 一貫性 汎用性 解決策 候補者 貢献者 参加者 関係者
提供者 所有者 有効化 無効化 コピー オリジナル クローズ 日本語訳 入門書
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
	return generalEnglish[l] || generalEnglish[singular(l)] || generalIT[l] || generalIT[singular(l)]
}

// templateTitles are the everyday words that title a page of almost any
// project ("Installation", "License", 「インストール」): a page's kind, not
// one of its terms.
var templateTitles = toSet(`license licence installation install features troubleshooting overview introduction
contributing changelog requirements prerequisites usage acknowledgements acknowledgments credits roadmap
インストール 概要 はじめに 導入 使い方 ライセンス`)

// pageTopic reports an everyday word that titles a page of its own ("#
// Options" atop Click's options page, "# Operators" in Prometheus's) and
// that a sentence describes at least ("Options in click are distinct from
// positional arguments."): the documents give it a page, so it is one of
// their terms though nothing defines it strongly. A template title
// ("Installation") is not.
func pageTopic(ix *corpusIndex, term string, a assessment) bool {
	if !a.ok || a.confidence < confDescribe || templateTitles[strings.ToLower(strings.TrimSpace(term))] {
		return false
	}
	for _, h := range ix.headings[normKey(term)] {
		if h.top {
			return true
		}
	}
	return false
}
