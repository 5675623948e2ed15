package extract

import "strings"

// The word lists below are read-only after package initialisation.

func wordSet(lists ...string) map[string]struct{} {
	m := make(map[string]struct{}, 512)
	for _, l := range lists {
		for _, w := range strings.Fields(l) {
			m[w] = struct{}{}
		}
	}
	return m
}

// enStop holds English words that never belong to a candidate term: they
// bound noun phrases. It covers function words, auxiliaries, pronouns, the
// commonest verbs in all forms, adverbs, vague adjectives and documentation
// filler.
var enStop = wordSet(
	// determiners, pronouns, quantifiers
	`a an the this that these those there here such some any all each every either neither
	no none both few many much more most less least several other others another own same
	what which who whom whose whoever whatever whichever when where why how whether
	i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his
	himself she her hers herself it its itself they them their theirs themselves one ones
	someone something somewhere anyone anything anywhere everyone everything everywhere
	nobody nothing nowhere somebody anybody everybody`,
	// prepositions, conjunctions, particles
	`about above across after against along alongside amid among amongst around as at before
	behind below beneath beside besides between beyond but by despite down during except for
	from in inside into like near of off on onto out outside over past per since than through
	throughout till to toward towards under underneath unlike until up upon via with within
	without and or nor so yet if unless because although though while whereas once then thus
	hence therefore however moreover furthermore otherwise instead also too either else
	not only just even still already again ever never always often sometimes usually
	sideways outwards inwards nowadays indoors outdoors overseas abroad apart aside away together
	rather quite very really almost nearly approximately about around etc vs versus cf eg ie
	e.g i.e e.g. i.e. a.k.a aka et al`,
	// auxiliaries and modals
	`be is are was were been being am do does did done doing have has had having
	can cannot could may might must shall should will would ought need needs needed
	isn't aren't wasn't weren't don't doesn't didn't haven't hasn't hadn't can't couldn't
	won't wouldn't shouldn't mustn't it's that's there's here's let's you're we're they're
	i'm i've you've we've they've i'd you'd he'd she'd we'd they'd i'll you'll he'll she'll
	we'll they'll it'll that'll there'll what's who's isnt dont doesnt cant wont`,
	// common verbs and their forms
	enStopVerbList,
	// adverbs
	`now today currently recently later soon first firstly second secondly finally lastly
	next previously already simply easily quickly slowly directly automatically manually
	typically generally usually normally actually basically essentially especially
	particularly specifically respectively approximately exactly only mainly mostly partly
	fully completely entirely highly well better best much further far away back forward
	together apart alone indeed perhaps maybe probably possibly certainly clearly obviously
	explicitly implicitly additionally alternatively similarly likewise accordingly
	nevertheless nonetheless meanwhile afterwards anyway anyhow somehow whenever wherever
	yes no ok okay please thanks`,
	// vague adjectives and numerals
	`new old good bad great best better big small large little long short high low
	different same various several many few certain other important main simple easy hard
	difficult possible impossible available unavailable able unable specific general common
	particular special similar whole entire full empty real true false right wrong
	current previous next last first second third fourth fifth final initial additional
	extra further necessary useful usual typical actual recent latest early late own
	sure clear whole single multiple numerous enough appropriate relevant respective
	corresponding following above below such certain open free ready likely unlikely
	known unknown given various correct incorrect proper properly basic advanced related detailed
	one two three four five six seven eight nine ten eleven twelve hundred thousand million
	billion dozen half once twice zero cheap expensive thousands hundreds millions`,
	// irregular past tenses and participles, which are never part of a term
	`caught sold bought brought taught fought sought spent sent lent bent dealt felt kept left meant
	met paid said told held led ran won lost began broke chose drew drove fell flew forgot froze
	gave grew hid hung knew rode rang rose sang sank shook slept slid spoke spun stole struck
	swam swore swept swung threw understood woke wore wove wrote undertook overtook withdrew
	listed carried hurt`,
	// comparatives
	`earlier later larger smaller higher lower faster slower older newer greater fewer longer shorter
	bigger easier harder wider deeper stronger weaker cheaper safer simpler heavier lighter
	largest smallest highest lowest fastest slowest oldest newest greatest longest shortest`,
	// documentation filler
	`returns sets gets experimental deprecated stable stability legacy
	e.g eg etc see note notes tip tips warning caution important todo fixme tbd faq
	above below following foregoing hereafter herein thereof whereby
	dr mr mrs ms mx prof sir dame`,
)

// enSoftAdj are vague adjectives (stop words elsewhere) that may start a
// term when the phrase recurs: "high watermark", "open source", "long
// polling". They always start a new run and never end one.
var enSoftAdj = wordSet(`high low hot cold dead live long short open single full`)

// enPrimitiveTypes are the primitive types that Java, JSDoc and API
// tables write capitalised ("month: Integer", "{String}").
var enPrimitiveTypes = wordSet(`string integer int boolean bool number float double long short byte char void null undefined`)

// enDocKinds name kinds of document, as the last word of a title ("User's
// Manual", "Developer's Reference").
var enDocKinds = wordSet(`manual guide reference handbook cookbook companion tutorial primer bible notes faq`)

// enVerbs are the base forms of common verbs of technical prose that are not
// stop words because they are nouns too ("store", "build", "return"). They
// are read as verbs only where the syntax says so: after "to", a modal or a
// subject pronoun, as a third-person "-s" form inside a noun run, or before
// a preposition at the end of a run.
var enVerbs = wordSet(`accept access acknowledge add advance answer append apply archive assign attach
	stay amend remain seem appear occur exist arrive vanish
	imply specify ensure provide allow require enable disable
	balance batch block boot break build buffer cache call cancel cap check clean clear clone close
	collect commit compact compare compile complete compress compute configure confirm connect consume
	contain control convert copy count crash create cut decode decrypt delete deliver deny deploy
	detect disconnect discard display divide download drop dump duplicate elect emit encode encrypt end
	evict exceed execute exit expire export expose extend extract fail fetch fill filter finish fix
	flag flush fork format forward free generate grant guarantee handle hash hit host ignore import
	index inject insert inspect install invoke issue join keep kill lag launch limit link list listen
	load lock log look loop manage map mark match measure merge migrate mirror monitor mount move
	name notice notify open order own pack parse pass patch pause persist pick ping place plan play point poll
	post print process produce promote protect prune publish pull purge push query queue rank reach
	read rebalance rebuild receive record recover redirect reduce refresh register release reload remove
	rename render repair repeat replace replay replicate reply report request reset resolve respond
	restart restore resume retain retry return reuse revert revoke roll rotate route run save scale scan
	schedule seal search secure select send serve set share shift ship shrink sign skip sleep sort spawn
	split start stop store stream submit subscribe support suspend switch sync tag throttle track
	transfer transform trigger trim truncate trust tune turn unlock unpack update upgrade upload validate
	verify view wait wake walk watch wrap write yield change survive talk authenticate authorize
	rest rely belong depend differ happen matter succeed behave cover lose win grow press
	signal parse flatten reverse acknowledge achieve decide act supply refuse carry help welcome
	fulfill reject settle throw vary
	draw edit highlight zoom plot drag toggle hover scroll paste undo redo resize browse navigate
	preview pan align adjust tap swipe expand collapse hide flip contact`)

// enNeverSingle are words that are never a term on their own, though they
// may be part of one ("doc comment", "Japanese tokenizer"): language names
// are how documents say which edition or text they mean, "foo" or "hoge"
// stands for any name in an example (and Alice and Bob for anyone in a
// tutorial's story), "care" is taken ("take care to
// ..."), and "example" names the text's own
// device ("An example is a package that ...", as "default" names the value
// a setting has: "Default is the global evaluation interval."); "the latter"
// and "the former" point back.
var enNeverSingle = wordSet(`doc docs readme net todo misc etc stuff default defaults latter former care
	foo baz qux quux foobar xyzzy hoge fuga piyo example examples alice bob carol dave mallory
	english japanese chinese korean french german spanish italian portuguese russian
	jan feb mar apr jun jul aug sep sept oct nov dec january february march april june july august
	september october november december may let's new old`)

// enCompoundParticiples end a compound modifier written without its hyphen
// ("comma separated list", "tab delimited file"): a phrase never starts
// with one.
var enCompoundParticiples = wordSet(`separated delimited terminated`)

// enLabelWords are words that label sidebars and admonitions in
// capitals ("CULTURE Uses of partitioning", "BEWARE Do not improvise") and
// are neither stop words nor common nouns.
var enLabelWords = wordSet(`culture beware vocabulary community perspective hint quick sidebar aside trivia`)

// enTitleDocNouns end the titles of publications ("Amazon VPC User Guide",
// "Harbor Operator Handbook"): a reference to a book, not a term.
var enTitleDocNouns = map[string]bool{"guide": true, "guides": true, "handbook": true, "handbooks": true, "manual": true,
	"manuals": true, "documentation": true, "tutorial": true, "tutorials": true, "cookbook": true}

// enDocNouns name parts of documentation; a lower-case phrase ending in one
// refers to a document ("operations guide", "concepts page").
// enQuantityNouns and enSizeWords make phrases that only measure: "total
// number", "maximum amount".
var enQuantityNouns = wordSet(`number amount count quantity total sum`)
var enSizeWords = wordSet(`total maximum minimum maximal minimal max min large small huge certain given same whole exact average overall
	limited fixed greater smaller larger higher lower`)

var enDocNouns = wordSet(`page pages guide guides section sections chapter chapters document documents doc docs
	tutorial tutorials manual manuals readme handbook walkthrough appendix paragraph paragraphs`)

// enVerbCue words are followed by a verb: the infinitive marker, modals
// and subject pronouns.
var enVerbCue = wordSet(`to can cannot could may might must shall should will would does do did don't
	doesn't didn't won't can't i we you they it he she`)

// enRelPronoun words may be followed by a third-person verb ("that stores").
var enRelPronoun = wordSet(`that which who it he she`)

// enRunPreps end a run whose last word is then read as a verb ("a consumer
// group read from ...").
var enRunPreps = wordSet(`from to into onto with without through across over under up down out off back
	until unless because`)

// enUnits are measurement units, which look like acronyms but are not
// terms.
var enUnits = wordSet(`KB MB GB TB PB EB KiB MiB GiB TiB PiB kB Kb Mb Gb Tb kbps Mbps Gbps ms ns µs us
	Hz kHz MHz GHz fps dpi ppi px pt em rem vh vw rpm rps qps tps ops RPS QPS TPS IOPS`)

// enKnownTech are names of languages, platforms and products that follow
// "in" without being places ("written in Go", "runs in Kubernetes").
var enKnownTech = wordSet(`go golang python java rust ruby javascript typescript kotlin swift scala haskell
	perl php erlang elixir clojure dart lua julia fortran cobol bash zsh powershell linux windows macos
	unix android ios kubernetes docker podman nomad terraform ansible git github gitlab bitbucket aws
	azure gcp postgres postgresql mysql sqlite redis kafka rabbitmq nats etcd consul prometheus grafana
	elasticsearch opensearch nginx apache node deno bun react vue angular svelte django flask rails
	spring excel word slack jira confluence markdown json yaml toml xml html css sql wasm`)

// enAdjSingle are modifiers that are never a term on their own.
var enAdjSingle = wordSet(`optional internal external underlying public private global local static dynamic
	explicit implicit synchronous asynchronous async sync remote native custom raw binary empty valid invalid
	unique secure insecure active inactive idle pending original initial final maximum minimum maximal minimal max min total
	complete partial manual automatic persistent temporary durable immutable mutable readable writable
	thrown operating listening incoming outgoing underlying existing corresponding following
	nested parallel sequential concurrent distributed shared separate standard normal abstract generic
	primary secondary due ready non multi sub pre post dirty clean stale fresh busy quiet slow fast healthy
	unhealthy verbose silent modern interactive regular virtual official complex hidden visible alternate graphic
	graphical major minor individual numeric recursive absolute relative positional arbitrary negative positive
	upper lower inner outer leftmost rightmost topmost bottommost uppermost lowermost
	mandatory obligatory ordinary traditional conventional`)

// enStopVerbList holds the commonest verbs in all their forms, stop words
// that a page may also use as a name ("Click", a Python library).
const enStopVerbList = `use uses used using make makes made making get gets got gotten getting give gives gave
	given giving take takes took taken taking put puts putting go goes went gone going come
	comes came coming see sees saw seen seeing know knows knew known knowing think thinks
	thought want wants wanted wanting look looks looked looking find finds found finding
	tell tells told ask asks asked seem seems seemed feel feels felt try tries tried trying
	leave leaves left leaving called calling keep keeps kept keeping let lets
	begin begins began begun beginning show shows showed shown showing hear hears heard
	play plays played ran running move moves moved moving live lives lived
	believe believes believed hold holds held holding bring brings brought happen happens
	happened writes wrote written writing provide provides provided providing
	sit sits stand stands lose loses lost pay pays paid meet meets met include includes included including
	continue continues continued learn learns learned changed
	lead leads led understand understands understood watch follow follows followed following
	stop stops stopped create creates created creating speak speaks spoke reads reading
	allow allows allowed allowing add adds added adding spend spends spent grow grows grew
	open opens opened opening walk win offer offers offered remember love consider considers
	considered appear appears appeared buy wait waits waited serve serves served die send
	sends sent sending expect expects expected built building stay fall falls
	cut reach reaches reached kill remain remains remained suggest suggests suggested raise raises raised raising
	pass passes passed passing sell require requires required requiring decide
	pull pulls pulled describe describes described describing explain explains explained
	contain contains contained containing supported supporting enable enables
	enabled enabling disable disables disabled ensure ensures ensured returned
	returning receive receives received receiving apply applies applied applying specify
	specifies specified specifying define defines defined defining represent represents
	represented determine determines determined perform performs performed performing
	configure configures configured configuring install installs installed installing
started starting stop stops stopped checked checking
	refer refers referred referring mean means meant belong belongs belonged depend depends
	depended handled stored storing connect connects
	connected connecting choose chooses chose chosen select selects selected selecting
	avoid avoids avoided prevent prevents prevented improve improves improved reduce reduces
	reduced increase increases increased become becomes became becoming achieve achieves
	achieved introduce introduces introduced note notes noted noticed replace replaces
	replaced remove removes removed removing delete deletes deleted deleting
	updated updating modify modifies modified accessed accessing
	generate generates generated generating processed
	implement implements implemented implementing produce produces produced
	accept accepts accepted accepting reject rejects rejected consist consists consisted
	involve involves involved exist exists existed existing occur occurs occurred occurring
	maintain maintains maintaining encourage encourages encouraged encouraging
	let lets try tries relate relates related relies rely relied allow
	according based depending regarding concerning given assuming assume assumes assumed
	want wants like likes liked mention mentions mentioned discuss discusses discussed
	say says said tell tells see also click clicks clicked enter enters entered typed
	works worked working do does done
	recommend recommends recommended recommending retrieve retrieves retrieved retrieving
	interact interacts interacted interacting obtain obtains obtained obtaining present presents presented
	presenting aim aims aimed aiming simplify simplifies simplified simplifying
	correspond corresponds corresponded corresponding affect affects affected affecting
	calculate calculates identify identifies`

// enStopVerbs are the words of enStopVerbList.
var enStopVerbs = wordSet(enStopVerbList)

// enCapOK lists stop words that are kept when written capitalised in the
// middle of a sentence (names that collide with function words).
var enCapOK = wordSet(`go may open free new`)

// enHonorific words before a capitalised name mark a person.
var enHonorific = wordSet(`dr mr mrs ms mx prof professor sir dame`)

// enAbbrev are abbreviations whose trailing period does not end a sentence.
var enAbbrev = wordSet(`dr mr mrs ms mx prof sir st mt e.g i.e eg ie etc vs cf al inc ltd corp co jr sr no fig`)

// enCommonNouns are everyday English nouns. On their own they are
// common_noun, never technical terms.
var enCommonNouns = wordSet(
	`system systems data time times example examples user users file files way ways part parts
	number numbers thing things people person world life hand day days week weeks year years
	month months hour hours minute minutes second seconds moment case cases point points
	group groups company problem problems fact facts place places home work job jobs word
	words name names line lines end ends side sides kind kinds type types form forms level
	levels area areas result results reason reasons idea ideas information info content
	contents value values list lists set item items change question questions answer answers
	step steps section sections chapter chapters page pages document documents text texts
	topic topics detail details note issue issues option options feature features function
	functions method methods tool tools service services process use usage support access
	order orders state states status field fields table tables object objects element
	elements member members group team version versions release releases update updates
	source sources target targets input inputs output outputs request requests response
	responses error errors message messages event events action actions task tasks
	resource resources setting settings configuration default defaults environment
	application applications app apps program programs code software hardware computer
	computers machine machines device devices network networks server servers client clients
	service project projects product products model models design structure structures
	component components module modules package packages library libraries framework
	platform platforms interface interfaces connection connections address addresses
	key keys path paths directory directories folder folders link links reference
	references command commands parameter parameters argument arguments variable variables
	field record records entry entries row rows column columns size length width height
	rate speed amount total count limit limits range ranges minimum maximum average
	start beginning middle top bottom front back left right center inside outside
	way method approach solution solutions feature purpose goal goals need needs
	requirement requirements rule rules policy policies plan plans test tests testing
	check checks report reports log logs history record story stories article articles
	guide guides tutorial tutorials documentation docs manual overview introduction summary
	conclusion description descriptions definition definitions explanation instructions
	instruction step procedure procedures operation operations behavior behaviour
	performance quality security safety cost costs price money business market customer
	customers team member owner owners author authors reader readers developer developers
	admin administrator administrators operator operators everyone anyone someone
	man men woman women child children family friend friends group country countries
	city cities state government school student students teacher class classes lesson
	room building house office door window car road street water food air light power
	body head face eye eyes voice sound music picture image images photo photos video
	videos screen button buttons menu menus window windows box boxes tab tabs view views
	mode modes feature tool family game games book books paper letter letters language
	languages term terms meaning sense matter matters area space spaces size shape color
	colour material materials region regions location locations position positions
	direction directions distance speed weight age date dates period periods stage stages
	phase phases round rounds series sequence pattern patterns style styles format formats
	copy copies pair pairs piece pieces unit units base basis core center centre edge
	edges border layer layers block blocks chunk chunks batch batches bit bits byte bytes
	character characters string strings symbol symbols sign signs flag flags mark marks
	label labels tag tags title titles header headers footer body content instance
	alternative alternatives convenience convention conventions consideration considerations
	scenario scenarios situation situations circumstance circumstances practice practices
	benefit benefits advantage advantages disadvantage disadvantages drawback drawbacks
	concern concerns effect effects consequence consequences attempt attempts effort efforts
	choice choices decision decisions possibility possibilities difference differences
	concept concepts aspect aspects management maintenance administration handling display displays
	utility utilities
	instances occurrence copy true false yes set sets collection collections group
	member level progress success failure failures attempt attempts effort work worker
	workers job task thread threads call calls return returns run runs loop loops
	condition conditions situation situations context contexts scenario scenarios
	environment environments experience knowledge skill skills ability abilities
	capability capabilities help support answer choice choices decision decisions
	difference differences relation relations relationship relationships connection
	link share stuff lot lots bunch kind sort variety`,
)

// enProperSkip are capitalised words that never start a name when sentence
// initial (headings and sentence starts).
var enOrgSuffix = wordSet(`inc inc. corp corp. corporation ltd ltd. llc gmbh plc co co. company companies
	foundation university institute institution team group committee labs lab laboratory laboratories
	association consortium society agency ministry council department bureau commission
	college school academy bank partners holdings systems technologies alliance federation
	union organization organisation club collective cooperative guild`)

var enPlaceSuffix = wordSet(`street st station city river mountain mountains avenue ave road rd boulevard
	lane bay lake island islands airport prefecture county province valley square harbor harbour
	port bridge park plaza district village town state beach coast sea ocean peninsula desert
	hill hills heights falls canyon`)

var enPlacePrefix = wordSet(`mount mt lake port fort cape saint new san los las santa north south east west`)

// enKnownOrgs are companies and standards bodies that software
// documentation names without saying what they are ("hosted on GitHub",
// "the OpenAI API"): a model-free engine cannot tell them from products.
// Keys are lower-case.
var enKnownOrgs = wordSet(`github gitlab bitbucket google microsoft amazon openai anthropic apple meta facebook
	mozilla ibm oracle intel nvidia redhat canonical synadia cloudflare netflix atlassian hashicorp
	datadog stripe shopify salesforce adobe cisco samsung alibaba tencent baidu huawei jetbrains
	cncf w3c ietf iso ecma ieee nist owasp ansi whatwg`)

var enKnownPlaces = wordSet(`tokyo osaka kyoto yokohama nagoya sapporo fukuoka kobe sendai hiroshima okinawa
	hokkaido kyushu shinjuku shibuya japan china korea taiwan india singapore australia canada
	mexico brazil germany france italy spain portugal netherlands belgium sweden norway finland
	denmark poland switzerland austria ireland england scotland britain london paris berlin
	madrid rome amsterdam brussels vienna zurich geneva stockholm oslo helsinki dublin prague
	warsaw moscow beijing shanghai seoul taipei bangkok jakarta manila sydney melbourne toronto
	vancouver montreal chicago boston seattle denver austin dallas houston atlanta miami
	portland phoenix california texas oregon washington europe asia africa america
	new-york york francisco angeles`)

var enTitleFirst = wordSet(`chief vice deputy executive senior head director professor president dean chair
	chairman chairperson associate assistant general managing principal lead`)

var enTitleLast = wordSet(`officer president director professor manager chairman chairperson chair dean
	secretary treasurer engineer architect lead head minister governor mayor ceo cto cfo coo cio`)

var enTitleAcronyms = wordSet(`CEO CTO CFO COO CIO CISO CPO VP SVP EVP`)

// enAcronymStop are all-capital words that are emphasis, boilerplate or SQL
// keywords, not acronyms.
var enAcronymStop = wordSet(`OK NG NOTE TODO TIP TIPS INFO WARN FIXME XXX AND OR NOT THE IF YES NO
	MUST SHALL SHOULD MAY NEVER ALWAYS IS IT TO BE AS AT BY IN OF ON AN A I ALL NEW
	PASS FAIL FAILED ERROR WARNING IMPORTANT CAUTION DANGER DEPRECATED BREAKING BUGFIX FIX FIXED
	FEATURE FEATURES DONE SKIP WIP TBD NB PS VIEW EDIT READ WRITE README LICENSE CHANGELOG
	SELECT INSERT UPDATE DELETE CREATE DROP ALTER TABLE TABLES INDEX FROM WHERE JOIN INTO VALUES
	USING GROUP ORDER LIMIT OFFSET HAVING UNION PRIMARY KEY FOREIGN REFERENCES UNIQUE BEGIN COMMIT
	ROLLBACK VIRTUAL TRIGGER EXISTS DISTINCT INNER OUTER LEFT RIGHT`)

// enCodeStop are keywords and literals seen in inline code that are not terms.
var enCodeStop = wordSet(`true false null nil none undefined nan inf string int int32 int64 uint
	float float32 float64 bool boolean byte bytes void char var let const func function def return
	if else for while self this new class import from package main default yes no on off`)

// enFirstNames is a small list of given names that mark a capitalised pair
// as a person's name.
var enFirstNames = wordSet(`james john robert michael william david richard joseph thomas charles
	christopher daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian
	george edward ronald timothy jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry
	justin scott brandon benjamin samuel frank gregory raymond alexander patrick jack dennis jerry
	tyler aaron henry adam peter nathan zachary douglas kyle noah ethan jeremy walter christian
	keith roger terry sean gerald carl harold arthur lawrence jesse dylan bryan joe jordan billy
	bruce albert willie gabriel logan alan juan wayne roy ralph randy eugene vincent russell
	louis philip bobby johnny bradley mary patricia jennifer linda elizabeth barbara susan
	jessica sarah karen nancy lisa betty margaret sandra ashley kimberly emily donna michelle
	dorothy carol amanda melissa deborah stephanie rebecca sharon laura cynthia kathleen amy
	shirley angela helen anna brenda pamela nicole emma samantha katherine christine debra
	rachel catherine carolyn janet ruth maria heather diane virginia julie joyce victoria
	olivia kelly christina lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline
	frances gloria ann teresa kathryn sara janice jean alice madison doris abigail julia judy
	grace denise amber marilyn beverly danielle theresa sophia marie diana brittany natalie
	isabella charlotte rose alexis kayla ada linus grace ken dennis barbara margaret tim
	guido bjarne niklaus donald edsger leslie claude alan ivan igor sergey dmitri olga anya
	hans klaus jurgen pierre jean marie luca marco giulia sofia carlos pablo diego lucia
	ming wei li yan chen hiroshi takeshi kenji taro hanako yuki yuko akira haruto sakura
	satoshi naoko kazuo keiko hiro yusuke daisuke emi aiko mei ravi priya arjun anil sunita
	ahmed mohammed fatima omar ali`)

// jaStopNouns are Japanese nouns that carry no term meaning on their own;
// they end a noun run and are never candidates.
var jaStopNouns = wordSet(`こと もの ため よう これ それ あれ どれ ここ そこ あそこ どこ など 等 とき 時 ところ
	場合 際 以上 以下 以外 以降 以前 以内 前 後 中 間 上 下 内 外 他 ほか 方 ほう 次 各 うち まま
	とおり 通り 点 例 全て すべて 一部 全部 全体 同様 必要 不要 可能 不可能 今回 今後 現在 最初 最後 最新
	今 当 本 該当 上記 下記 前述 後述 次回 前回 各種 一方 他方 一般 特定 任意 複数 個別 場所 自分
	我々 私 あなた 彼 彼女 皆 みんな 何 なに どちら こちら そちら あちら 誰 いつ 目的 結果 理由 方法 内容
	状態 部分 程度 範囲 対象 関係 問題 意味 説明 使用 利用 参照 確認 注意 記載 記述 実施 実行 対応 存在 追加
	変更 設定 場面 具体 詳細 概要 以下 本書 本章 本節 次章 前章 本稿 当社 弊社 手順
	毎年 毎週 毎日 毎月 毎朝 毎晩 毎回 毎時 春 夏 秋 冬 今年 昨年 去年 来年 今週 先週 来週 今日 明日 昨日
	今月 先月 来月 夜間 昼間 週末 年末 年始 当日 翌日 前日 午前 午後 朝 昼 夜 晩 夕方 最近 将来 過去 未来 当初
	従来 現状 規模 大規模 小規模 中規模 一つ 二つ 三つ 同士 自体 大半 多く 一種 一環 一例 おかげ せい`)

// jaDropPrefix are prefixes that are dropped from the front of a run.
var jaDropPrefix = wordSet(`各 約 同 本 当 該 毎 計 ご お 御 諸 両 第 全 前 翌 今 来 昨 現 元 某 此`)

// jaHonorific are person suffixes that are stripped: the name before them is
// a person_name.
var jaHonorific = wordSet(`さん くん 君 ちゃん 氏 殿 たち 達 ら`)

// jaTitleWords end a title (役職・敬称). リーダー and マネージャー are not
// among them: alone, they are more often a leader node or a package
// manager than a person's title.
var jaTitleWords = wordSet(`部長 社長 副社長 課長 係長 会長 専務 常務 取締役 代表 代表取締役 博士 教授 准教授
	助教 講師 先生 様 主任 所長 局長 室長 理事 理事長 院長 署長 大臣 議員 委員長 監督 店長 支店長 工場長
	本部長 部門長 事業部長 学長 総長 校長 次長 参事 顧問 執行役員 役員 CEO CTO CFO COO 議長 知事 市長 町長
	村長 首相 大統領 総裁 頭取 医師 弁護士 技師 主査 グループ長 チームリーダー ディレクター エンジニア アーキテクト`)

// jaOrgSuffix end (or begin) an organisation name.
var jaOrgSuffix = wordSet(`株式会社 有限会社 合同会社 会社 社 大学 大学院 研究所 研究室 財団 協会 機構 委員会 省 庁
	銀行 学会 法人 組合 連合 連盟 団体 公社 グループ 研究会 センター 事務所 工業 商事 製作所 学校 高校 病院
	部 課 室 局 チーム`)

// jaPlaceNouns end a place name after a place proper noun.
var jaPlaceNouns = wordSet(`駅 空港 港 通り 公園 川 山 湾 湖 島 県 都 府 道 市 区 町 村 橋 ホール タワー 城 寺 神社`)

// jaCommonKatakana are everyday loanwords: on their own they are
// common_noun.
var jaCommonKatakana = wordSet(`データ ファイル サーバー サーバ メッセージ ユーザー ユーザ システム サービス プログラム
	ソフトウェア ハードウェア ネットワーク アプリケーション アプリ ページ リスト テキスト エラー コード ボタン
	メニュー ウィンドウ ツール モード タイプ バージョン ドキュメント フォルダ フォルダー コマンド オプション
	パラメータ パラメーター ケース ポイント レベル グループ チーム プロジェクト プロセス タスク ジョブ イベント
	ログ テスト チェック セット リソース コンピュータ コンピューター マシン デバイス ユニット サイズ タイム
	スピード ルール パターン スタイル フォーマット イメージ ビデオ メモ ノート ライン ステップ フロー ケース
	クライアント ホスト ポート アドレス キー パス ラベル タグ リンク フィールド レコード テーブル オブジェクト
	メソッド クラス インスタンス ステータス コンテンツ ユースケース サンプル ヘルプ ガイド マニュアル ニュース
	ゲーム ホーム スタート エンド トップ メイン サブ ベース コア エリア スペース ゾーン ルート ノード`)

func has(set map[string]struct{}, w string) bool {
	_, ok := set[w]
	return ok
}
