package glossary

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestIndex(t *testing.T) {
	t.Parallel()
	tests := []struct {
		line, term string
		want       []int
	}{
		{"the broker stores messages", "broker", []int{4}},
		{"brokers are many", "broker", []int{0}},
		{"brokerage", "broker", nil},
		{"boxes", "box", []int{0}},
		{"a Broker and a broker", "broker", []int{2, 15}},
		{"use the API, not the APIs", "API", []int{8, 21}},
		{"the APIServer", "API", nil},
		{"rapid fire", "API", nil},
		{"max_payload=1", "max_payload", []int{0}},
		{"set max_payload_x", "max_payload", nil},
		{"JetStream, jetstream", "JetStream", []int{0, 11}},
		{"メッセージブローカーはキューを持つ", "キュー", []int{33}},
		{"用語集と用語", "用語", []int{0, 12}},
		{"", "x", nil},
		{"C++ is used", "C++", []int{0}},
		// A capitalised name is not the lower-case part of a hyphenated
		// name ("docker-compose" is not Docker, "x-window-manager" not
		// Manager); written as the name, or where case agrees, it is.
		{"install docker-compose or Docker-Compose; Docker", "Docker", []int{26, 42}},
		{"provides x-window-manager", "Manager", nil},
		{"an e-mail and a self-hosted mail", "mail", []int{5, 28}},
		// Japanese writes Latin terms without spaces around them.
		{"これがiPhone、これがAndroid", "iPhone", []int{9}},
		{"QuickFixか全修正", "QuickFix", []int{0}},
		{"Version PackagesのPR", "PR", []int{19}},
		{"escapeHTML関数", "escapeHTML", []int{0}},
		{"VersionPackages", "Packages", nil},
		// Underscores of Markdown emphasis are not part of the word; those
		// inside an identifier are.
		{"are called _requests_ and", "request", []int{12}},
		{"__multiplexing__.", "multiplexing", []int{2}},
		{"_requests_", "request", []int{1}},
		{"max_request_size", "request", nil},
		{"request_id and _request_id", "request", nil},
		{"set my_request_", "request", nil},
		// A final y after a consonant makes its plural in -ies.
		{"buildsystem properties and a Buildsystem Property", "buildsystem property", []int{0, 29}},
		{"libraries", "library", []int{0}},
		{"keys and a key", "key", []int{0, 11}},
		{"propertiesx", "property", nil},
		// A final -sis makes its plural in -ses.
		{"the parentheses and a parenthesis", "parenthesis", []int{4, 22}},
		{"Analyses", "analysis", []int{0}},
		{"parenthesesx", "parenthesis", nil},
		{"RUBIES", "RUBY", nil},
		// A link's target is no text: "[the guide](network.html)" does
		// not use "network", nor does a reference definition's target.
		{"see [the network](network-services.html#network) or network", "network", []int{9, 52}},
		{"[ledger]: docs/network.html", "network", nil},
		{"[network]: docs/x.html", "network", []int{1}},
		{"[1]: See the network guide", "network", []int{13}},
		{"](network", "network", nil},
	}
	for _, tt := range tests {
		if got := Index(tt.line, tt.term); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Index(%q, %q) = %v, want %v", tt.line, tt.term, got, tt.want)
		}
	}
}

func TestFindOccurrences(t *testing.T) {
	t.Parallel()
	docs := []Document{
		{Path: "a.md", Content: "intro\nthe WAL is a log\nWAL and WAL again\nend"},
		{Path: "b.md", Content: "Write-Ahead Log first"},
	}
	got := FindOccurrences(docs, "WAL", "Write-Ahead Log")
	want := []Occurrence{
		{"a.md", 2, "intro\nthe WAL is a log\nWAL and WAL again"},
		{"a.md", 3, "the WAL is a log\nWAL and WAL again\nend"},
		{"b.md", 1, "Write-Ahead Log first"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v\nwant %+v", got, want)
	}
}

// TestSearcherHas: Has answers as Find does, for any of the spellings,
// whichever documents it is told to search first.
func TestSearcherHas(t *testing.T) {
	t.Parallel()
	s := NewSearcher([]Document{{Path: "a.md", Content: "intro\nthe WAL is a log"}, {Path: "b.md", Content: "two buildsystem properties"}})
	for _, tt := range []struct {
		spellings []string
		want      bool
	}{
		{[]string{"WAL"}, true},
		{[]string{"LOG"}, false}, // an all-caps term matches as written
		{[]string{"broker", "Write-Ahead Log"}, false},
		{[]string{"broker", "log"}, true},
		{[]string{"buildsystem property"}, true},
		{[]string{"intro the"}, false}, // not across lines
		{nil, false},
	} {
		for _, first := range [][]string{nil, {"b.md"}, {"a.md", "gone.md"}} {
			if got := s.Has(first, tt.spellings...); got != tt.want {
				t.Errorf("Has(%q, %q) = %v, want %v", first, tt.spellings, got, tt.want)
			}
		}
	}
}

// TestFindOccurrencesApostrophes: "Let's Moor" and "Let’s Moor" (a
// typographic apostrophe, as HTML pages and many sites write it) are one
// term, whichever spelling the term has.
func TestFindOccurrencesApostrophes(t *testing.T) {
	t.Parallel()
	docs := []Document{{Path: "a.md", Content: "Let's Moor signs berths.\nUse Let’s Moor daily.\nLets moor."}}
	for _, term := range []string{"Let's Moor", "Let’s Moor"} {
		got := FindOccurrences(docs, term)
		if len(got) != 2 || got[0].Line != 1 || got[1].Line != 2 {
			t.Errorf("FindOccurrences(%q) = %+v, want lines 1 and 2", term, got)
		}
	}
}

func TestExportGolden(t *testing.T) {
	t.Parallel()
	g := Glossary{
		Terms: []Entry{
			{Term: "write-ahead log", Category: TechnicalTerm, Definition: "A log written before data\nfiles.", Confidence: 0.8,
				Aliases: []string{"WAL"}, Occurrences: []Occurrence{{"a.md", 2, "x"}, {"b.md", 7, "y"}}},
			{Term: "Broker", Category: TechnicalTerm, Definition: "The server.", Confidence: 0.9},
		},
		Issues: []Issue{{Term: "queue", Type: Unnecessary, Description: "general word", ShouldExclude: true, ExclusionReason: "common noun"}},
	}
	ja := Glossary{Terms: []Entry{
		{Term: "用語集", Category: TechnicalTerm, Definition: "用語の一覧。", Confidence: 0.75, Aliases: []string{"グロッサリー", "辞書"},
			Occurrences: []Occurrence{{"概要.md", 1, "用語集"}}},
	}}
	for _, tc := range []struct {
		file string
		g    Glossary
	}{{"en.md", g}, {"en.json", g}, {"ja.md", ja}} {
		f, err := FormatFromPath(tc.file)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := Write(&buf, tc.g, f); err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join("testdata", "export_"+tc.file)
		if *update {
			if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(buf.Bytes(), want) {
			t.Errorf("%s:\n%s\nwant:\n%s", tc.file, buf.Bytes(), want)
		}
	}
	var decoded map[string][]map[string]any
	var buf bytes.Buffer
	if err := WriteJSON(&buf, Glossary{Terms: []Entry{{Term: "x"}}}); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(buf.Bytes(), &decoded); err != nil {
		t.Fatal(err)
	}
	term := decoded["terms"][0]
	for _, k := range []string{"term", "category", "definition", "confidence", "aliases", "occurrences"} {
		if _, ok := term[k]; !ok {
			t.Errorf("JSON term lacks %q: %v", k, term)
		}
	}
	if decoded["issues"] == nil {
		t.Error("issues should be [] not null")
	}
	if _, err := FormatFromPath("out.html"); err == nil {
		t.Error("FormatFromPath(out.html): want error")
	}
}

// TestFindExcept: when a plural is a term of its own ("attrs", a package,
// beside "attr", its namespace), its lines are not the singular's, unless
// the line also uses the singular itself; without exceptions FindExcept is
// Find.
func TestFindExcept(t *testing.T) {
	t.Parallel()
	s := NewSearcher([]Document{{Path: "a.md", Content: "attrs is a package.\nimport attr\nattrs and attr.s\nAttrs again\nClasses and a class\nthe classes"}})
	lines := func(occs []Occurrence) []int {
		var out []int
		for _, o := range occs {
			out = append(out, o.Line)
		}
		return out
	}
	for _, tt := range []struct {
		except, spellings []string
		want              []int
	}{
		{nil, []string{"attr"}, []int{1, 2, 3, 4}},
		{[]string{"attrs"}, []string{"attr"}, []int{2, 3}},
		{[]string{"Attrs"}, []string{"attr"}, []int{2, 3}}, // matched as the terms match, case folded
		{[]string{"attrs"}, []string{"attrs"}, nil},
		{[]string{"classes"}, []string{"class"}, []int{5}},
		{[]string{"attrs"}, []string{"class"}, []int{5, 6}},
	} {
		if got := lines(s.FindExcept(tt.except, tt.spellings...)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("FindExcept(%q, %q) = lines %v, want %v", tt.except, tt.spellings, got, tt.want)
		}
	}
}

func TestIsPlural(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		other, term string
		want        bool
	}{
		{"attrs", "attr", true},
		{"Attrs", "attr", true},
		{"classes", "class", true},
		{"properties", "property", true},
		{"parentheses", "parenthesis", true},
		{"APIs", "API", true},
		{"apis", "API", false}, // an all-caps term matches as written
		{"attr", "attr", false},
		{"attrsx", "attr", false},
		{"attr value", "attr", false},
		{"days", "day", true},
		{"データs", "データ", false},
		{"s", "", false},
	} {
		if got := IsPlural(tt.other, tt.term); got != tt.want {
			t.Errorf("IsPlural(%q, %q) = %v, want %v", tt.other, tt.term, got, tt.want)
		}
	}
}

// TestJapaneseLabelsByDefinition: a Japanese manual's glossary names many
// things in Latin letters ("APT", "dpkg") and says what they are in
// Japanese: its labels are Japanese; an English glossary with a Japanese
// term or two keeps English labels.
func TestJapaneseLabelsByDefinition(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		entries []Entry
		want    string
	}{
		{"latin terms, Japanese definitions", []Entry{
			{Term: "APT", Definition: "Advanced Packaging Toolの略。"},
			{Term: "dpkg", Definition: "dpkg は最も低レベルのパッケージ管理ツールです。"},
			{Term: "係留", Definition: "船を岸壁につなぐこと。"},
		}, "# 用語集\n"},
		{"English glossary", []Entry{
			{Term: "APT", Definition: "Short for Advanced Packaging Tool."},
			{Term: "dpkg", Definition: "The lowest-level package tool."},
			{Term: "係留", Definition: "Mooring."},
		}, "# Glossary\n"},
	} {
		var buf bytes.Buffer
		if err := WriteMarkdown(&buf, Glossary{Terms: tc.entries}); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(buf.String(), tc.want) {
			t.Errorf("%s: starts %q, want %q", tc.name, buf.String()[:min(buf.Len(), 20)], tc.want)
		}
	}
}
