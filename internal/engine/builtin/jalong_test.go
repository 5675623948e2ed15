package builtin

import (
	"strings"
	"testing"

	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/pipeline"
)

// A Japanese compound before an abbreviation in parentheses is its long
// form only when its katakana can spell the letters and the corpus does not
// write the abbreviation after different things: a table of tools puts
// the toolkit each is for in parentheses. The pages are written for this
// test.
func TestJapaneseLongFormsAreCheckedAgainstTheLetters(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	docs := []glossary.Document{
		{Path: "tools.md", Content: "# 港湾ツール\n\n| コマンド | 説明 |\n| --- | --- |\n" +
			"| `berthscan` | ポートスキャナー (QTK) |\n| `tidemerge` | 潮位表のマージツール (QTK) |\n| `cargoview` | 積荷の一覧ビューアー (QTK) |\n" +
			"| `tugsim` | シミュレーター (KDX) |\n\nQTK は画面部品の集まりで、KDX はその設定を読みます。\nQTK を使うツールは QTK の版に従います。\nKDX の設定は毎朝読み直します。\n"},
		{Path: "net.md", Content: "# 通信\n\n岸壁の端末はローカルエリアネットワーク (LAN) でつながります。\nLAN の配線は年に一度点検します。\n\n" +
			"操作はセキュアーシェル (SSH) で行います。\nSSH の鍵は管制室が配ります。\n\n" +
			"検索には Perl 互換正規表現 (PCRE) を使います。\nPCRE のパターンは設定ファイルに書きます。\n\n" +
			"入港は共通 Harbor 入港管理システム (CHIS) で受け付けます。\nCHIS の画面は英語です。\n\n" +
			"暗号はセキュアソケットレイヤー (SSL) を使います。\n古い端末はセキュアーソケットレイヤー (SSL) に対応しません。\nSSL の証明書は毎年更新します。\n\n" +
			"端末は仮想マシン (VM) で動きます。\nVM は毎晩止めます。\n\n" +
			"古い端末の IDE (疑似ハードウェア) RAID コントローラは使いません。\nIDE の端末は来年廃棄します。\n\n" +
			"荷主には貨物追跡システム (CTS) を案内します。\n内航船にはコンテナ輸送サービス (CTS) を案内します。\nCTS の窓口は二つあります。\n\n" +
			// A label over a block, for one platform (Groonga's
			// 「サーバー設定ファイル(CentOS):」).
			"サーバー設定ファイル(CentOS):\n\n```\n/etc/tide/berth.conf\n```\n\nCentOS の端末を使います。\n"},
	}
	c := pipeline.NewCorpus(docs)
	tests := []struct {
		term, want string // want "" means: no expansion
	}{
		{"QTK", ""},    // after three different tools: what each is for
		{"KDX", ""},    // 「シミュレーター」 cannot spell K, D, X
		{"CHIS", ""},   // the long form starts before the English word
		{"CTS", ""},    // two different long forms: which one is meant?
		{"IDE", ""},    // 「ハードウェア」 after the kanji cannot spell I, D or E
		{"CentOS", ""}, // a label's platform
		{"VM", "仮想マシンの略。"},
		{"LAN", "ローカルエリアネットワークの略。"},
		{"SSH", "セキュアーシェルの略。"},
		{"PCRE", "Perl 互換正規表現の略。"},
		{"SSL", "セキュアソケットレイヤーの略。"}, // one long form, two spellings
	}
	for _, tc := range tests {
		t.Run(tc.term, func(t *testing.T) {
			d := define(t, e, c, tc.term)
			if tc.want == "" {
				if strings.Contains(d.Text, "の略") {
					t.Errorf("%s: %q, want no expansion", tc.term, d.Text)
				}
				return
			}
			if d.Text != tc.want || d.Confidence != confExpansion {
				t.Errorf("%s: %q (%.2f), want %q (%.2f)", tc.term, d.Text, d.Confidence, tc.want, confExpansion)
			}
		})
	}
}

// A Japanese parenthesis after a word glosses it only when it says what
// the word is: a cross-reference, a remark on use, a list of names, a
// value, the gloss of a longer compound, the sentence going on or a label
// that three words share does not.
func TestJapaneseParenthesesThatAreNotGlosses(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	docs := []glossary.Document{
		{Path: "berth.md", Content: "# 係留\n\n" +
			"毎朝 潮位表 (「潮位の読み方」参照下さい) を確認します。\n潮位表は管制室に貼ります。\n\n" +
			"船名は 半角文字 (7 ビットで表現可能) で書きます。\n半角文字以外は使えません。\n\n" +
			"荷役には ツール (curses と QTK) を使います。\nツールは港湾局が配ります。\n\n" +
			"端末には NSS モジュール (港湾局が保守する新しい実装) を入れます。\nモジュールは毎月更新します。\n\n" +
			"記録には 当番表 (Debian 版ではデフォルト) を使います。\n当番表は週ごとに替わります。\n\n" +
			"錨泊の前に泊地（厳密には錨を下ろして停泊できる水域）を選びます。\n泊地は港長が決めます。\n\n" +
			"点検では、係留索 (以下に示す予備の索も) を見ます。\n係留索は甲板に置きます。\n\n" +
			"嵐のときに、その岸壁 (少なくともこの区画) は閉鎖されます。\n岸壁は港長が管理します。\n\n" +
			"- 潮位記録 (読み込み専用)\n- 入港届 (提出は省略可)\n\n潮位記録を見ます。入港届を出します。\n\n" +
			"準拠\n\nHarbour.1 (注記した内容以外)。\n\nHarbour.1 に従います。\n\n" +
			"上部の欄に保存名 (何もしなければ 港湾記録.png) を書きます。\n保存名を決めます。\n\n" +
			"曳船には、ブラシ (「ほうき」みたいなもの) を積みます。\nブラシで甲板を掃きます。\n\n" +
			"港内の標識は、灯浮標 (昼標と同じく 4 種類) で示します。\n灯浮標は夜に光ります。\n\n" +
			"- **岸壁予約** = **berthctl** + **tidectl** (潮位を見ながらの予約)\n\ntidectl を使います。\n\n" +
			"- 対応端末: Harbor OS 5.20、TugLinux 3.38、QuayBSD 4.16\n- 認証方式: Password [v], Token [v], Card [_]\n- 三要素: 機密性、完全性、可用性\n\n" +
			"対応端末は毎年見直します。認証方式は管理者が選びます。三要素を守ります。\n\n" +
			"- 設定ファイル: \"/etc/harbor/船名.conf\"\n- 記録ファイル: \"/var/log/harbor/berth.log\"\n\n設定ファイルは管理者が編集します。\n\n" +
			"船員は待合所 (2.3.57 以降に存在) で待ちます。\n待合所を掃除します。\n\n" +
			"各岸壁の \"north\" 区画 (型は berth_kind_t) が先頭に来ます。\n区画を塗ります。\n" +
			"この版からは入港手続（書類あり、書類なし、検疫、通関）が可能となりました。\n入港手続は港長が定めます。\n" +
			"EQUAY (moor() において) 岸壁が満杯である。\nEQUAY を返す。\n" +
			"係留索 (最大で 8 本) を使う。\n" +
			"潮位表の読み込みを修正 (港田 太郎さんのパッチ)。潮位表の修正は続く。\n" +
			"岸壁の表示を整理 (tide_fmt を使用)。整理は毎年行う。\n" +
			"- HARBOUR_SKIP: moor() が呼び出された岸壁が船渠 (kind がBERTH_D) の場合に、この値を返すと処理が行われなくなる。\n\n船渠を数える。\n" +
			"- c: 大きな錨鎖長(`c=1000` がデフォルト値です).\n\n錨鎖長を測る。\n" +
			"- mn: 2つの係船環(前の環, 後の環)を有する整数ベクトル\n\n係船環を数える。\n" +
			"作業は、この表をパース (して岸壁を割り当て) するのに使う道具に関係がある。パースは速い。\n" +
			"以下を水先ログ（ないし港湾局の設定行）に加える。水先ログは毎日読む。\n\n" +
			"対応する形式:\n\n艀台帳（成熟した読み取り器）\n\n艀台帳を読みます。\n\nQuayDoc（成熟した読み取り器）\n\nQuayDoc を読みます。\n\n" +
			"潮汐表（成熟した読み取り器）\n\n潮汐表を読みます。\n\n" +
			"この読み取り器は Quay Record (QR) 様式（港で記録を書くのに使われる言語）の台帳を読む。様式を選ぶ。\n" +
			"QR書式（記録の見出しに使われる書き方）を使う。書式は一つ。\n\n" +
			"- 泊地検索 （錨地、水深、水深の記録）\n\n泊地検索を使う。\n" +
			"詳細は 港湾ML (QuayTool の錨泊手順と潮位表示)\n港湾ML で質問する。\n" +
			"見出し語を補完（▽モードで TAB）したとき、前の候補へ戻る。補完は速い。\n" +
			"- 見出しは自動的に照合(混在のみのチェック)\n\n照合を行う。照合は速い。\n\n" +
			"- local -> 手元の PC (origin から複製したもの)\n\nPC を使う。\n" +
			"quay.el でインストールするパッケージ (手元の ~/.quay に溜るファイル) には索引が含まれる。パッケージを入れる。\n" +
			"大きい積荷（だいたい256トン以上）は別の岸壁で降ろします。積荷を数える。\n" +
			"quayd の台帳 (入港したすべての船に関する情報) は 40MB を消費します。台帳を読む。\n" +
			"岸壁に入港票 (ファイル名が `.qr` で終わっているか要確認) を置いてください。入港票を出す。\n" +
			"- 浮桟橋は少しトリッキーです。まず数を入力します。\n\n浮桟橋を使う。\n" +
			"港名 (「手元の港」、「沖の港」) を記録する。港名を読む。\n" +
			"| `tug1 \\| tug2` | `tug1` の曳航索を `tug2` に **引継** (**同時並行**で実行) |\n\n引継を行う。\n" +
			"`ZT`: 全角潮位符(半角潮位符との変換用)\n\n全角潮位符を使う。\n" +
			"港内のある泊位 (たいてい最も深いもの) が足りなくなる。泊位を数える。\n" +
			"| 台帳を印刷（控えへも書き出し） | 作成者、日付 |\n\n印刷は速い。\n" +
			"- 船籍 (それに、船名と船主): 大文字で始まる単語、あるいはそれらをつなげます – 例: Capitalized, CamelCase\n\n船籍を確かめる。\n" +
			"入力しているとき、校正するのはたいてい終わり近くの潮位票 (そこに潮位を追記している票) だけです。潮位票を見る。\n" +
			"- 係留名: 大文字で始まる単語に、小文字で始まる単語をアンダスコアでつなげます – 例: Quay_name_with_underscores\n\n係留名を書く。\n" +
			"この規則には例外があります: `{…}` 構文 (順に並んだ潮位) の中では別です。構文を覚える。\n" +
			"この例では、曳航索 (訳者: 第 1 岸壁と第 2 岸壁の間) を張ります。曳航索を巻く。\n" +
			"係留灯は、霧が出ている場合は、点滅です。係留灯を点ける。\n"},
	}
	c := pipeline.NewCorpus(docs)
	for _, tc := range []struct{ term, not string }{
		{"潮位表", "参照"},
		{"照合", "混在のみ"},   // 「自動的に照合(…)」: the verb, how it is done
		{"船籍", "それに"},    // another thing, listed
		{"潮位票", "そこに"},   // which one, pointed at
		{"係留名", "つなげます"}, // how to write one, an example after it
		{"構文", "順に並んだ"},  // the phrase with its code, not the word alone
		{"曳航索", "岸壁の間"},  // a translator's note on where
		{"係留灯", "点滅"},    // what it is in one case
		{"半角文字", "表現可能"},
		{"ツール", "curses"},
		{"モジュール", "新しい実装"},
		{"当番表", "デフォルト"},
		{"設定ファイル", "/etc/harbor"},
		{"tidectl", "潮位"},
		{"係留索", "予備の索"},
		{"ブラシ", "ほうき"},
		{"対応端末", "TugLinux"},
		{"認証方式", "Token"},
		{"灯浮標", "4 種類"},
		{"岸壁", "この区画"},
		{"潮位記録", "読み込み専用"},
		{"入港届", "省略可"},
		{"Harbour.1", "注記した内容以外"}, // an exception, not what it is
		{"保存名", "港湾記録"},
		{"待合所", "以降に存在"},       // since which version
		{"全角潮位符", "変換用"},       // what it is for
		{"区画", "berth_kind_t"}, // a clause about the named one
		{"入港手続", "書類あり"},       // its kinds, listed
		{"EQUAY", "において"},      // where, not what
		{"係留索", "最大で"},         // how many
		{"印刷", "控えへも"},         // 「台帳を印刷（…）」: the verb, with what else it does
		{"修正", "さんのパッチ"},       // who did it
		{"整理", "tide_fmt"},     // how it was done
		{"船渠", "BERTH_D"},      // a condition on a value
		{"錨鎖長", "デフォルト値"},      // its default
		{"パース", "岸壁を割り当て"},     // the sentence going on
		{"水先ログ", "港湾局の設定行"},    // or another one
		{"艀台帳", "成熟した"},        // a label three words share
		{"QuayDoc", "成熟した"},
		{"潮汐表", "成熟した"},
		{"様式", "港で記録を書く"}, // the format with its name
		{"書式", "記録の見出し"},
		{"泊地検索", "水深の記録"},   // its kinds, listed
		{"係船環", "前の環"},      // the ones counted
		{"港湾ML", "錨泊手順"},    // where to read: a thread's subject
		{"補完", "TAB"},       // how it was done: the word is a verb here
		{"PC", "複製したもの"},    // the phrase with its modifier
		{"パッケージ", "溜るファイル"}, // the word narrowed by a clause
		{"積荷", "256トン"},     // how much, not what
		{"台帳", "入港したすべての船"}, // the word narrowed by a name
		{"入港票", "要確認"},      // what to check, a remark
		{"浮桟橋", "トリッキー"},    // a verdict
		{"港名", "手元の港"},      // examples, quoted
		{"引継", "同時並行"},      // how it runs
		{"泊位", "最も深い"},      // 「ある泊位」: one of them
	} {
		if d := define(t, e, c, tc.term); strings.Contains(d.Text, tc.not) && !strings.HasPrefix(d.Text, "文中の用例") {
			t.Errorf("%s: %q, want no gloss from %q", tc.term, d.Text, tc.not)
		}
	}
	if d := define(t, e, c, "三要素"); d.Text != "機密性、完全性、可用性。" {
		t.Errorf("三要素: %q, want what it is made of", d.Text)
	}
	if d := define(t, e, c, "泊地"); d.Text != "厳密には錨を下ろして停泊できる水域。" {
		t.Errorf("泊地: %q, want the gloss in its parenthesis", d.Text)
	}
}

// A Japanese section that opens with a condition or a purpose says when
// and what to do, not what its heading names; nor does one that says what
// the page will do, lists, opens with a label alone or does something with
// the word. The pages are written for this test.
func TestJapaneseHeadingOverCondition(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	doc := "# 港湾\n\n## 岸壁予約\n\n入港日が決まったら、岸壁予約を港湾局に申し込みましょう。\n\n" +
		"## 係留索\n\n係留索は船を岸壁につなぐ太い綱です。\n\n## 防舷材\n\n船体を守るには、防舷材を使用します。\n\n" +
		"## 入港手続\n\n入港手続は以下のようなコードで用います。\n\n```\nquay.enter()\n```\n\n" +
		"## 旧桟橋\n\n版 17.1 以降は 旧桟橋 はサポート対象外です。\n\n旧桟橋を閉じる。\n\n" +
		"- 北桟橋: 版 17.1 以降は北桟橋はサポート対象外です。\n\n北桟橋を閉じる。\n\n" +
		"## 曳航モード\n\n\"t\" で曳航モードに入ったときのキー操作です。\n\n| j | 次の船を選びます。 |\n| --- | --- |\n\n" +
		"## 離岸予約\n\n離岸予約は、出港の前日までに申し込む予約です。\n\n" +
		"## 7.3. 潮汐計算\n\n満潮時刻、干潮時刻、または潮位に関して決定することは、少し複雑です。潮汐計算には表を使います。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "harbor.md", Content: doc}})
	// 「…決定することは、少し複雑です。」: what doing it is like.
	wantNoGlossFrom(t, e, c, usedInPrefixJA, "潮汐計算", "少し複雑")
	// 「…曳航モードに入ったときのキー操作です。」: what holds then.
	wantNoGlossFrom(t, e, c, usedInPrefixJA, "曳航モード", "キー操作")
	if d := define(t, e, c, "離岸予約"); !strings.HasPrefix(d.Text, "離岸予約は") || d.Confidence < 0.7 {
		t.Errorf("離岸予約: %q (%.2f), want its definition", d.Text, d.Confidence)
	}
	// 「…は以下のようなコードで用います。」: the code after shows its use.
	wantNoGlossFrom(t, e, c, usedInPrefixJA, "入港手続", "以下のようなコード")
	// 「…はサポート対象外です。」: whether it is supported.
	wantNoGlossFrom(t, e, c, usedInPrefixJA, "旧桟橋", "サポート対象外")
	wantNoGlossFrom(t, e, c, usedInPrefixJA, "北桟橋", "サポート対象外")
	if d := define(t, e, c, "岸壁予約"); strings.Contains(d.Text, "申し込み") && !strings.HasPrefix(d.Text, "文中の用例") {
		t.Errorf("岸壁予約: %q (%.2f), want no gloss from a condition", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "係留索"); d.Text != "係留索は船を岸壁につなぐ太い綱です。" {
		t.Errorf("係留索: %q", d.Text)
	}
	if d := define(t, e, c, "防舷材"); d.Text != "船体を守るには、防舷材を使用します。" {
		t.Errorf("防舷材: %q, want what it is for", d.Text)
	}
	// A section that says what the page will do, one that lists (its
	// heading ends with a colon), one whose first line is a label alone,
	// and one whose first sentence does something with the word are no
	// glosses of their headings (a help page's sections).
	help := "# 海図\n\n## 自動縮尺\n\nここでは、海図での自動縮尺の詳細について、例をあげて説明します。\n\n" +
		"### 航路標識:\n\n灯台\n\n灯台を海図に挿入します。\n\n## 水深\n\n関連項目\n\n## 潮位\n\n基準面に対する港の潮位の表示間隔を選択します。\n\n" +
		"## 港湾台帳\n\n入港と出港の記録を組み合わせることにより、港湾台帳と呼ばれるユニークな帳簿が形成されています。\n\n" +
		"## 潮汐表とは\n\n港ごとの潮の満ち引きの時刻を潮汐表にまとめて毎年発行します。\n\n" +
		"自動縮尺を使います。航路標識を数えます。水深を測ります。潮位を見ます。\n"
	c = pipeline.NewCorpus([]glossary.Document{{Path: "kaizu.md", Content: help}})
	for term, not := range map[string]string{"自動縮尺": "説明します", "航路標識": "灯台", "水深": "関連項目"} {
		if d := define(t, e, c, term); strings.Contains(d.Text, not) && !strings.HasPrefix(d.Text, "文中の用例") {
			t.Errorf("%s: %q (%.2f), want no gloss from %q", term, d.Text, d.Confidence, not)
		}
	}
	if d := define(t, e, c, "潮位"); d.Confidence > 0.5 {
		t.Errorf("潮位: %q (%.2f), want a describing sentence at most", d.Text, d.Confidence)
	}
	for _, term := range []string{"港湾台帳", "潮汐表"} {
		if d := define(t, e, c, term); d.Confidence < 0.7 {
			t.Errorf("%s: %q (%.2f), want its section's naming sentence or answer", term, d.Text, d.Confidence)
		}
	}
}

// TestJapaneseWrittenWithFullWidthCommaAndStop: a manual written with
// 「，」 and 「．」 for 「、」 and 「。」 (academic and older manuals, w3m's)
// is read as one written with 「、」 and 「。」: 「．」 ends a sentence (not
// in 「1．5」), 「，」 follows a topic, a kind or a restatement, and what is
// quoted keeps the page's marks. The page is written for this test.
func TestJapaneseWrittenWithFullWidthCommaAndStop(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	doc := "# 港湾用語\n\n" +
		"係船柱とは，船の索を掛けるための柱のことです．港には多くの係船柱があります．\n\n" +
		"岸壁は，船を横付けするための壁で，港長が管理します．岸壁は毎朝点検します．\n\n" +
		"曳船，すなわち大きな船を押す小型の船は，港の中で働く．曳船は毎日動く．\n\n" +
		"錨地の深さは 1．5 メートルから 12．0 メートルです．港は広い．\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "ja/港湾.md", Content: doc}})
	for term, want := range map[string]string{
		"係船柱": "係船柱とは，船の索を掛けるための柱のことです．",
		"岸壁":  "岸壁は，船を横付けするための壁で，港長が管理します．",
		"曳船":  "大きな船を押す小型の船．",
	} {
		if d := define(t, e, c, term); d.Text != want || d.Confidence < 0.7 {
			t.Errorf("%s: %q (%.2f), want %q", term, d.Text, d.Confidence, want)
		}
	}
	if d := define(t, e, c, "錨地"); !strings.Contains(d.Text, "1．5 メートルから 12．0 メートル") {
		t.Errorf("錨地: %q, want the sentence whole", d.Text)
	}
}

// TestJapaneseWrittenWithASCIIStop: older manuals typed on ASCII keyboards
// (w3m's READMEs) end Japanese sentences with ". " or a "." at the end of
// the line. After kana or kanji it is 「。」; in 「sched.txt」 and 「第1.5版」
// it is not. The page is written for this test.
func TestJapaneseWrittenWithASCIIStop(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	doc := "# ミヤコ\n\n" +
		"ミヤコとは, 複数の端末で予定を共有するためのツールです. 各端末は定期的に同期します.\n\n" +
		"予定表は, 一日ごとの予定をまとめた一覧です.\n" +
		"保存先は sched.txt です. 第1.5版から予定表を印刷できます.\n\n" +
		"- 週ビュー: 七日分の予定を並べて表示する画面.\n" +
		"  C-w で開きます.\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "ja/miyako.md", Content: doc}})
	for term, want := range map[string]string{
		"ミヤコ":  "ミヤコとは, 複数の端末で予定を共有するためのツールです.",
		"予定表":  "予定表は, 一日ごとの予定をまとめた一覧です.",
		"週ビュー": "七日分の予定を並べて表示する画面.",
	} {
		if d := define(t, e, c, term); d.Text != want || d.Confidence < 0.7 {
			t.Errorf("%s: %q (%.2f), want %q", term, d.Text, d.Confidence, want)
		}
	}
	for _, tc := range []struct{ line, want string }{
		{"表示できます. この画面で選びます.", "表示できます.|この画面で選びます."},
		{"保存先は sched.txt です.第1.5版から使えます.", "保存先は sched.txt です.|第1.5版から使えます."},
		{"「設定」.次へ進みます", "「設定」.|次へ進みます"},
	} {
		if got := strings.Join(splitJapanese(tc.line), "|"); got != tc.want {
			t.Errorf("splitJapanese(%q) = %q, want %q", tc.line, got, tc.want)
		}
	}
}

// TestJapaneseLongFormsNamedTwoWays: 「バグ追跡システム (BTS)」 and
// 「バグ報告システム (BTS)」 (Debian's developer's reference) name one thing
// two ways: the more frequent glosses BTS. 「画像編集ツール (GMP)」 and
// 「描画ツール (GMP)」 only share a head: what each tool is, not what GMP
// stands for. The text is written for this test.
func TestJapaneseLongFormsNamedTwoWays(t *testing.T) {
	t.Parallel()
	doc := "# 港湾\n\n港湾追跡システム (HTS) の使い方を参照してください。\n\n港湾局の港湾追跡システム (HTS) のページを確認します。\n\n" +
		"港湾報告システム (HTS) が中心となっています。\n\n画像編集ツール (GMP) を使います。描画ツール (GMP) もあります。\n\nHTS を使います。GMP を開きます。\n"
	c := pipeline.NewCorpus([]glossary.Document{{Path: "ja.md", Content: doc}})
	e := newEngine(t)
	if d := define(t, e, c, "HTS"); d.Text != "港湾追跡システムの略。" {
		t.Errorf("HTS = %q (%.2f), want the more frequent long form", d.Text, d.Confidence)
	}
	if d := define(t, e, c, "GMP"); strings.Contains(d.Text, "の略") {
		t.Errorf("GMP = %q (%.2f), want no long form", d.Text, d.Confidence)
	}
}
