package document

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/genglossary/genglossary/internal/glossary"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	xunicode "golang.org/x/text/encoding/unicode"
)

func TestValidateName(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, want string
		err            error
	}{
		{"plain", "guide.md", "guide.md", nil},
		{"nested", "docs/intro.txt", "docs/intro.txt", nil},
		{"upper ext", "README.MD", "README.MD", nil},
		{"markdown", "guide/intro.markdown", "guide/intro.markdown", nil},
		{"mdx", "docs/install.mdx", "docs/install.mdx", nil},
		{"upper mdx", "Install.MDX", "Install.MDX", nil},
		{"rst", "index.rst", "index.rst", nil},
		{"rest", "api/Index.REST", "api/Index.REST", nil},
		{"asciidoc", "index.adoc", "index.adoc", nil},
		{"asciidoc long", "Guide.AsciiDoc", "Guide.AsciiDoc", nil},
		{"html", "site/Index.html", "site/Index.html", nil},
		{"htm", "page.HTM", "page.HTM", nil},
		{"org", "index.org", "", ErrUnsupportedType},
		{"md inside", "a.md.bak", "", ErrUnsupportedType},
		{"nfc", "cafe\u0301.md", "caf\u00e9.md", nil},
		{"japanese", "用語/概要.md", "用語/概要.md", nil},
		{"trim", "  a.md ", "a.md", nil},
		{"empty", "", "", ErrInvalidName},
		{"dotdot", "../etc/passwd.md", "", ErrInvalidName},
		{"inner dotdot", "a/../b.md", "", ErrInvalidName},
		{"dot", "./a.md", "", ErrInvalidName},
		{"absolute", "/etc/a.md", "", ErrInvalidName},
		{"windows drive", "C:/a.md", "", ErrInvalidName},
		{"backslash", `a\b.md`, "", ErrInvalidName},
		{"double slash", "a//b.md", "", ErrInvalidName},
		{"control", "a\x01.md", "", ErrInvalidName},
		{"newline", "a\nb.md", "", ErrInvalidName},
		{"bidi", "evil\u202Edm.txt", "", ErrInvalidName},
		{"isolate", "a\u2066.md", "", ErrInvalidName},
		{"bad utf8", "a\xff.md", "", ErrInvalidName},
		{"long", strings.Repeat("a", 300) + ".md", "", ErrInvalidName},
		{"very long", strings.Repeat("abcdefgh/", 130) + "a.md", "", ErrInvalidName},
		{"exe", "a.exe", "", ErrUnsupportedType},
		{"no ext", "Makefile", "", ErrUnsupportedType},
		{"readme without ext", "docs/README", "docs/README", nil},
		{"news without ext", "News", "News", nil},
		{"dotted readme", ".readme", "", ErrUnsupportedType},
		{"env", ".env.md", "", ErrSecretName},
		{"pem dir", "keys.pem/a.md", "", ErrSecretName},
		{"credentials", "credentials.txt", "", ErrSecretName},
		{"secrets", "Secrets.md", "", ErrSecretName},
		{"git", ".github/a.md", "", ErrSecretName},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := ValidateName(tt.in)
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("ValidateName(%q) error = %v, want %v", tt.in, err, tt.err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("ValidateName(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestParse(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		content string
		lim     Limits
		want    string
		err     error
	}{
		{"crlf", "a\r\nb\rc", Limits{}, "a\nb\nc", nil},
		{"bom", "\xef\xbb\xbfhello", Limits{}, "hello", nil},
		{"bom repeated", "\xef\xbb\xbf\xef\xbb\xbf\xef\xbb\xbfhello", Limits{}, "hello", nil},
		{"utf-16 bom repeated", "\xff\xfe\xff\xfe\xff\xfeh\x00i\x00", Limits{}, "hi", nil},
		{"invalid utf8", "ok\xffno", Limits{}, "", ErrNotUTF8},
		{"latin-1 is not read as japanese", "caf\xe9 au lait, d\xe9j\xe0 vu\n", Limits{}, "", ErrNotUTF8},
		{"shift_jis", sjis("用語\r\nキャッシュとは、一時的な保存場所です。"), Limits{}, "用語\nキャッシュとは、一時的な保存場所です。", nil},
		{"euc-jp", eucjp("バッファは領域です。ﾃｽﾄ"), Limits{}, "バッファは領域です。ﾃｽﾄ", nil},
		{"iso-2022-jp", iso2022jp("キューとは、順番待ちの列です。\n"), Limits{}, "キューとは、順番待ちの列です。\n", nil},
		{"utf-16le with bom", "\xff\xfe" + utf16le("スプール\r\n"), Limits{}, "スプール\n", nil},
		{"utf-16be with bom", "\xfe\xff" + utf16be("term\n"), Limits{}, "term\n", nil},
		{"kanji only from other bytes", sjis("漢字漢字漢字漢字漢字"), Limits{}, "", ErrNotUTF8},
		{"utf-16 bom alone", "\xff\xfe", Limits{}, "", ErrEmpty},
		{"too large", "123456", Limits{MaxFileSize: 5}, "", ErrTooLarge},
		{"empty", " \n\t", Limits{}, "", ErrEmpty},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			d, err := Parse("x.md", []byte(tt.content), tt.lim)
			if !errors.Is(err, tt.err) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			if err == nil && d.Content != tt.want {
				t.Fatalf("content = %q, want %q", d.Content, tt.want)
			}
		})
	}
}

func encodeWith(t encoding.Encoding, s string) string {
	b, err := t.NewEncoder().String(s)
	if err != nil {
		panic(err)
	}
	return b
}

func sjis(s string) string      { return encodeWith(japanese.ShiftJIS, s) }
func eucjp(s string) string     { return encodeWith(japanese.EUCJP, s) }
func iso2022jp(s string) string { return encodeWith(japanese.ISO2022JP, s) }
func utf16le(s string) string {
	return encodeWith(xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM), s)
}
func utf16be(s string) string {
	return encodeWith(xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM), s)
}

func TestParseReportsTheEncoding(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"plain":                   EncodingUTF8,
		sjis("キャッシュです。"):          EncodingShiftJIS,
		eucjp("キャッシュです。"):         EncodingEUCJP,
		iso2022jp("キャッシュです。"):     EncodingISO2022JP,
		"\xff\xfe" + utf16le("x"): EncodingUTF16,
	} {
		if _, got, err := ParseEncoded("a.txt", []byte(in), Limits{}); err != nil || got != want {
			t.Errorf("ParseEncoded(%q) encoding = %q, %v; want %q", in, got, err, want)
		}
	}
}

// writeFile writes content at p, making the folders above it.
func writeFile(t *testing.T, p, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestLoadDir(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, content string) {
		t.Helper()
		writeFile(t, filepath.Join(dir, filepath.FromSlash(name)), content)
	}
	write("b.md", "# B\n")
	write("a/z.txt", "z\n")
	write("a/a.md", "a\n")
	write("c.mdx", "c\n")
	write("d.markdown", "d\n")
	write("image.png", "\x89PNG")
	write("notes.rst", "rst\n")
	write("notes.adoc", "adoc\n")
	write("page.html", "<title>P</title><p>Para.</p>")
	write("scripts.htm", "<script>run()</script>")
	write("notes.org", "org\n")
	write("INSTALL", "Run make.\n")              // GNU-style, without an extension
	write("README.Debian", "Debian notes.\n")    // Debian's, with a suffix
	write("README.func", "MOOR\tTie the ship\n") // and w3m's: not the same page as README.Debian
	write("README.Debian.gz", "\x1f\x8b")
	write("Makefile", "all:\n")
	write(".git/config.md", "hidden\n")
	write("node_modules/pkg/README.md", "a package\n")
	write("vendor/mod/README.md", "a module\n")
	write("html/_static/fonts/serif/README.md", "a font\n")                                                // a Sphinx site's theme files
	write("html/_modules/quay/api.html", "<h1>Source code for quay.api</h1><pre>def moor(): pass</pre>\n") // and its source listings
	write("credentials.md", "secret\n")
	write("bad.txt", "caf\xe9 au lait\n")
	write("big.md", strings.Repeat("x", 100))
	write("empty.md", "")

	docs, problems, err := LoadDir(dir, Limits{MaxFileSize: 50})
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, d := range docs {
		paths = append(paths, d.Path)
	}
	if got, want := strings.Join(paths, ","), "INSTALL,README.Debian,README.func,a/a.md,a/z.txt,b.md,c.mdx,d.markdown,notes.adoc,notes.rst,page.html"; got != want {
		t.Errorf("docs = %s, want %s", got, want)
	}
	for _, d := range docs {
		if d.Path == "page.html" && d.Content != "# P\n\nPara.\n" {
			t.Errorf("page.html read as %q, want its Markdown text", d.Content)
		}
	}
	wantProblems := map[string]error{"bad.txt": ErrNotUTF8, "big.md": ErrTooLarge, "credentials.md": ErrSecretName, "empty.md": ErrEmpty,
		"scripts.htm": ErrEmpty, "image.png": ErrUnsupportedType, "notes.org": ErrUnsupportedType, "Makefile": ErrUnsupportedType,
		"README.Debian.gz": ErrUnsupportedType}
	if len(problems) != len(wantProblems) {
		t.Fatalf("problems = %v, want %d", problems, len(wantProblems))
	}
	for _, p := range problems {
		if !errors.Is(p.Err, wantProblems[p.Path]) {
			t.Errorf("problem %s = %v, want %v", p.Path, p.Err, wantProblems[p.Path])
		}
		if strings.Contains(p.String(), dir) {
			t.Errorf("problem leaks the absolute path: %s", p)
		}
	}
	if _, _, err := LoadDir(filepath.Join(dir, "missing"), Limits{}); err == nil {
		t.Error("LoadDir of a missing dir: want error")
	}
}

// TestLoadDirLinks checks that an input given as a link to a directory is
// read, that a link to a document is read as the document, and that links
// to directories, to secret-looking files and to nothing are reported
// without the targets' paths.
func TestLoadDirLinks(t *testing.T) {
	t.Parallel()
	real, elsewhere, links := t.TempDir(), t.TempDir(), t.TempDir()
	for name, content := range map[string]string{
		filepath.Join(real, "guide.md"):            "# Guide\n",
		filepath.Join(elsewhere, "notes.md"):       "notes\n",
		filepath.Join(elsewhere, "credentials.md"): "secret\n",
		filepath.Join(elsewhere, "sub", "x.md"):    "x\n",
	} {
		writeFile(t, name, content)
	}
	for link, target := range map[string]string{
		filepath.Join(real, "notes.md"):  filepath.Join(elsewhere, "notes.md"),
		filepath.Join(real, "public.md"): filepath.Join(elsewhere, "credentials.md"),
		filepath.Join(real, "gone.md"):   filepath.Join(elsewhere, "missing.md"),
		filepath.Join(real, "sub"):       filepath.Join(elsewhere, "sub"),
		filepath.Join(links, "docs"):     real,
	} {
		if err := os.Symlink(target, link); err != nil {
			t.Skipf("symbolic links: %v", err)
		}
	}

	docs, problems, err := LoadDir(filepath.Join(links, "docs"), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, d := range docs {
		paths = append(paths, d.Path+"="+strings.TrimSpace(d.Content))
	}
	if got, want := strings.Join(paths, ","), "guide.md=# Guide,notes.md=notes"; got != want {
		t.Errorf("docs = %s, want %s", got, want)
	}
	want := map[string]error{"public.md": ErrSecretName, "sub": errLinkedDir, "gone.md": fs.ErrNotExist}
	if len(problems) != len(want) {
		t.Fatalf("problems = %v, want %d", problems, len(want))
	}
	for _, p := range problems {
		if !errors.Is(p.Err, want[p.Path]) {
			t.Errorf("problem %s = %v, want %v", p.Path, p.Err, want[p.Path])
		}
		for _, dir := range []string{real, elsewhere, links} {
			if strings.Contains(p.String(), dir) {
				t.Errorf("problem leaks a path: %s", p)
			}
		}
	}
}

// TestLoadDirReadsAPageOnce checks that a page a directory holds in two
// forms (an AsciiDoc source saved as .txt beside its HTML, a Sphinx
// source beside its HTML, even when the HTML is a translation) is read
// once, as the HTML its readers see, and
// that pages that only share a name, or a name and a form (two
// versions), stay.
func TestLoadDirReadsAPageOnce(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	prose := "A berth is the place at a quay where a ship lies while it loads, unloads or waits for the tide. " +
		"The harbour master gives each arriving ship a berth by its length, its draught and its cargo, " +
		"and a pilot brings the ship alongside with the help of one or two tugs."
	versioned := "The berth command of the quay program lists every mooring place, its owner, its depth at low water, " +
		"its fenders, bollards and cleats, the cranes that reach it and the roads and rails that serve it, for planners and crews."
	files := map[string]string{
		"berth.txt":             "berth(7)\n========\n\nNAME\n----\nberth - " + prose + "\n",
		"berth.html":            "<h1>berth(7)</h1><h2>NAME</h2><p>berth - " + prose + "</p>",
		"_sources/tide.rst.txt": "Tides\n=====\n\n" + strings.ReplaceAll(prose, "berth", "tide") + "\n",
		"tide.html":             "<h1>Tides</h1><p>" + strings.ReplaceAll(prose, "berth", "tide") + "</p>",
		"guide/index.md":        "# Guide\n\nThe guide explains moorings, anchors, buoys, fenders, bollards, cleats, hawsers, capstans and winches of every quay in the port.\n",
		"reference/index.md":    "# Reference\n\n" + prose + "\n",
		"v1/berth.md":           "# Berth\n\n" + versioned + "\n",
		"v2/berth.md":           "# Berth\n\n" + versioned + " Since version 2, a berth also has a number.\n",
		// A translated Sphinx build: the source stays in English.
		"ja/_sources/quay.rst.txt": "Quays\n=====\n\n" + strings.ReplaceAll(prose, "berth", "quay") + "\n",
		// Debian's notes beside the package's README, much alike: two
		// pages, not two forms of one.
		"README.Debian": prose + "\n",
		"README.source": prose + " Build it with make.\n",
		"ja/quay.html":  "<h1>岸壁</h1><p>岸壁は船が荷を積み降ろしする場所です。港長は到着した船に長さと喫水と積荷に応じて岸壁を割り当て、水先人が一隻か二隻のタグボートの助けを借りて船を横付けします。</p>",
	}
	for name, content := range files {
		writeFile(t, filepath.Join(dir, filepath.FromSlash(name)), content)
	}
	docs, problems, err := LoadDir(dir, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, d := range docs {
		paths = append(paths, d.Path)
	}
	if got, want := strings.Join(paths, ","), "README.Debian,README.source,berth.html,guide/index.md,ja/quay.html,reference/index.md,tide.html,v1/berth.md,v2/berth.md"; got != want {
		t.Errorf("docs = %s, want %s", got, want)
	}
	want := map[string]string{"berth.txt": "berth.html", "_sources/tide.rst.txt": "tide.html", "ja/_sources/quay.rst.txt": "ja/quay.html"}
	if len(problems) != len(want) {
		t.Fatalf("problems = %v, want %v", problems, want)
	}
	for _, p := range problems {
		if !errors.Is(p.Err, ErrSamePage) || !strings.Contains(p.Err.Error(), want[p.Path]) {
			t.Errorf("problem %s, want the same page as %s", p, want[p.Path])
		}
	}
}

// TestParseConvertsHTMLOnce checks that an HTML page is read as its
// Markdown text when it is added (Parse, ParseEncoded) and that the kept
// text is not converted again when it is read back (ParseStored).
func TestParseConvertsHTMLOnce(t *testing.T) {
	t.Parallel()
	page := []byte("<html><head><title>Berths</title></head><body><p>A berth is a <code>&lt;slot&gt;</code> at a quay.</p></body></html>")
	doc, enc, err := ParseEncoded("docs/berths.html", page, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	want := "# Berths\n\nA berth is a `<slot>` at a quay.\n"
	if doc.Content != want || enc != EncodingUTF8 || !IsHTML(doc.Path) {
		t.Fatalf("ParseEncoded = %q (%s), want %q", doc.Content, enc, want)
	}
	stored, err := ParseStored(doc.Path, []byte(doc.Content), Limits{})
	if err != nil || stored.Content != want {
		t.Errorf("ParseStored of the kept text = %q, %v; want it unchanged", stored.Content, err)
	}
	if _, err := Parse("empty.html", []byte("<script>x()</script><!-- c -->"), Limits{}); !errors.Is(err, ErrEmpty) {
		t.Errorf("a page without text: err = %v, want ErrEmpty", err)
	}
	if _, err := Parse("moved.html", []byte(`<head><meta http-equiv="refresh" content="0;URL='berths.html'"></head><p>Moved to <a href="berths.html">Berths</a>.</p>`), Limits{}); !errors.Is(err, ErrRedirect) {
		t.Errorf("a page that only redirects: err = %v, want ErrRedirect", err)
	}
	if IsHTML("a.md") {
		t.Error("IsHTML(a.md) = true")
	}
}

// TestParseHTMLDeclaredCharset checks that an HTML page in a legacy
// character set is read with the one its <meta> declares, as browsers read
// it, while the same bytes without a declaration, or in a text file, are
// refused as not UTF-8.
func TestParseHTMLDeclaredCharset(t *testing.T) {
	t.Parallel()
	body := "<title>Caf\xe9</title><p>The caf\xe9 serves cr\xe8me br\xfbl\xe9e.</p>"
	for _, tc := range []struct {
		name, head string
		want       string
		err        error
	}{
		{"menu.html", `<meta charset="iso-8859-15">`, "# Café\n\nThe café serves crème brûlée.\n", nil},
		{"menu.htm", `<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">`, "# Café\n\nThe café serves crème brûlée.\n", nil},
		{"menu.html", "", "", ErrNotUTF8},
		{"menu.txt", `<meta charset="iso-8859-15">`, "", ErrNotUTF8},
	} {
		doc, enc, err := ParseEncoded(tc.name, []byte("<html><head>"+tc.head+"</head>"+body+"</html>"), Limits{})
		if !errors.Is(err, tc.err) || err == nil && (doc.Content != tc.want || enc == EncodingUTF8) {
			t.Errorf("%s with %q: %q (%s), %v; want %q, %v", tc.name, tc.head, doc.Content, enc, err, tc.want, tc.err)
		}
	}
}

// TestSupportedMatchesExtensions keeps the list that documentation and the
// GUI show equal to the switch that decides.
func TestSupportedMatchesExtensions(t *testing.T) {
	t.Parallel()
	for _, ext := range Extensions() {
		if !Supported("a"+ext) || !Supported("A"+strings.ToUpper(ext)) {
			t.Errorf("Supported(a%s) = false", ext)
		}
	}
	for _, name := range []string{"a", "a.", "a.xhtml", "a.org", "a.asc", "a.mdown", "a.md.txt.pdf", "a.rst.bak",
		"README.", "README.gz", "README.pdf", "README.in", "README.bak", "README.Debian.gz", "README.asc", "READ.Debian", "README.a b", "docs.Debian",
		"install-sh", "README-j", "README-ja1", "README.html.en", "README..txt2", "README.txt.gz", "README-ja.gz"} {
		if Supported(name) || IsPlainText(name) {
			t.Errorf("Supported(%q) or IsPlainText = true", name)
		}
	}
	// A text name with a suffix of its own is plain text, as is a .txt
	// file and a text name alone; other extensions are other formats.
	for name, plain := range map[string]bool{"README.Debian": true, "doc/readme.func": true, "INSTALL.unix": true, "NEWS.m17n": true,
		"README-ja": true, "INSTALL_jp": true, "README-ja.utf8": true, "README.lib.utf8": true, "README_ja.md": false,
		"README": true, "a.TXT": true, "README.md": false, "README.html": false, "a.rst": false} {
		if !Supported(name) || IsPlainText(name) != plain {
			t.Errorf("%s: Supported = %v, IsPlainText = %v, want true, %v", name, Supported(name), IsPlainText(name), plain)
		}
	}
}

// TestLoadDirSkipsAnMdBookPrintPage checks that an mdBook's print.html,
// every chapter on one page, is not read beside the chapters (each term
// would count twice), and that a print.html that holds no chapters (a
// page about printing) is read.
func TestLoadDirSkipsAnMdBookPrintPage(t *testing.T) {
	t.Parallel()
	chapters := []string{
		"A berth is the place at a quay where a ship lies while it loads, unloads or waits for the tide, given by the harbour master.",
		"A bollard is a short thick post on a quay around which the crew makes a hawser fast when the ship comes alongside at slack water.",
		"A fender is a cushion of rubber or rope hung over the side of a quay or a ship so that the hull does not scrape the stones when mooring.",
		"A tug is a small powerful boat that pushes or pulls larger ships through narrow channels and into their berths under a pilot's orders.",
	}
	common := "Read the harbour rules before you sail."
	for _, tc := range []struct {
		name  string
		print string
		read  bool
	}{
		{"the book on one page", "<h1>Harbour book</h1><p>" + strings.Join(chapters, " "+common+"</p><p>") + " " + common + "</p>", false},
		{"a page about printing", "<h1>Printing</h1><p>The harbour office prints the tide tables every morning on the big plotter near the pilots' room, in colour, for each of the crews on duty.</p>", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			for i, c := range chapters {
				writeFile(t, filepath.Join(dir, "book", fmt.Sprintf("ch%d.html", i)), "<h1>Chapter</h1><p>"+c+" "+common+"</p>")
			}
			writeFile(t, filepath.Join(dir, "book", "print.html"), tc.print)
			docs, problems, err := LoadDir(dir, Limits{})
			if err != nil {
				t.Fatal(err)
			}
			read := slices.ContainsFunc(docs, func(d glossary.Document) bool { return d.Path == "book/print.html" })
			if read != tc.read || len(docs) != len(chapters)+map[bool]int{true: 1}[tc.read] {
				t.Errorf("print.html read = %v (%d documents), want %v", read, len(docs), tc.read)
			}
			if !tc.read && (len(problems) != 1 || !errors.Is(problems[0].Err, ErrSamePage) || problems[0].Path != "book/print.html") {
				t.Errorf("problems = %v, want print.html as the same pages as the chapters", problems)
			}
		})
	}
}

// TestLoadDirSkipsGeneratedPages checks that a Sphinx site's index and
// search pages, made from its other pages, are reported with ErrGenerated
// and not read, while its pages are.
func TestLoadDirSkipsGeneratedPages(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "html", "berths.html"), "<h1>Berths</h1><p>A berth is a place at a quay where a ship moors.</p>")
	writeFile(t, filepath.Join(dir, "html", "genindex.html"), `<h1 id="index">Index</h1><table class="indextable genindextable"><tr><td><a href="berths.html">berth</a></td></tr></table>`)
	writeFile(t, filepath.Join(dir, "html", "search.html"), `<script src="_static/searchtools.js"></script><h1>Search</h1><p>Please activate JavaScript.</p><div id="search-results"></div>`)
	docs, problems, err := LoadDir(dir, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].Path != "html/berths.html" {
		t.Errorf("docs = %v, want html/berths.html only", docs)
	}
	var generated []string
	for _, p := range problems {
		if errors.Is(p.Err, ErrGenerated) {
			generated = append(generated, p.Path)
		}
	}
	if strings.Join(generated, ",") != "html/genindex.html,html/search.html" {
		t.Errorf("generated = %v (problems %v), want the index and the search page", generated, problems)
	}
}
