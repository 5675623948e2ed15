package document

import (
	"errors"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// FuzzValidateName holds ValidateName to its promise on any input: it never
// panics, it fails only with its sentinels, and a name it accepts is safe
// to use as a relative path anywhere: valid UTF-8 in NFC, no "." or ".."
// element, no leading "/", no backslash or drive letter, no control or
// bidi character, a .md or .txt extension, within the length limits, not
// secret-looking, already clean, and accepted unchanged a second time.
func FuzzValidateName(f *testing.F) {
	for _, s := range []string{
		"guide.md", "docs/intro.txt", "cafe\u0301.md", "用語/概要.md", "../etc/passwd.md",
		"a/./b.md", "/abs.md", "C:/x.md", `a\b.md`, "a//b.md", "evil\u202Edm.txt", "a\x00.md",
		".env.md", "  spaced.md  ", "x.MD", "docs/reAdme", "Makefile", strings.Repeat("a/", 600) + "b.md", "\xff.md",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		got, err := ValidateName(name)
		if err != nil {
			if !errors.Is(err, ErrInvalidName) && !errors.Is(err, ErrUnsupportedType) && !errors.Is(err, ErrSecretName) {
				t.Fatalf("ValidateName(%q): error %v wraps no sentinel", name, err)
			}
			return
		}
		checkSafeName(t, name, got)
		again, err := ValidateName(got)
		if err != nil || again != got {
			t.Fatalf("ValidateName is not idempotent: %q -> %q -> %q, %v", name, got, again, err)
		}
	})
}

// checkSafeName fails t unless got, accepted from in, is a safe name.
func checkSafeName(t *testing.T, in, got string) {
	t.Helper()
	fail := func(why string) { t.Fatalf("ValidateName(%q) = %q: %s", in, got, why) }
	switch {
	case !utf8.ValidString(got):
		fail("not valid UTF-8")
	case !norm.NFC.IsNormalString(got):
		fail("not NFC")
	case got == "" || len(got) > MaxNameBytes:
		fail("bad length")
	case strings.HasPrefix(got, "/") || strings.ContainsRune(got, '\\') || (len(got) >= 2 && got[1] == ':'):
		fail("absolute or not slash-separated")
	case path.Clean(got) != got || !filepath.IsLocal(got):
		fail("not a clean local path")
	case IsSecretName(got):
		fail("secret-looking")
	}
	for _, el := range strings.Split(got, "/") {
		if el == "" || el == "." || el == ".." || len(el) > MaxComponentBytes || IsSecretName(el) {
			fail("bad element " + el)
		}
	}
	for _, r := range got {
		if IsBidiOrControl(r) {
			fail("control or bidi character")
		}
	}
	if ext := strings.ToLower(path.Ext(got)); !slices.Contains(Extensions(), ext) && !IsPlainText(got) {
		fail("extension " + ext)
	}
}

// FuzzParse feeds arbitrary names and bytes (invalid UTF-8, byte order
// marks, CR line ends, NULs, huge lines) to Parse: it never panics, fails
// only with its sentinels, and a document it accepts has a safe name, valid
// UTF-8 content within the limit with LF line ends only, and is not blank.
func FuzzParse(f *testing.F) {
	f.Add("a.md", []byte("# Title\n\nA *glossary* term is defined here.\r\n"))
	f.Add("b.txt", []byte("\xef\xbb\xbfBOM first\rold mac\r\nwindows\n"))
	f.Add("c.md", []byte("bad \xff\xfe utf-8"))
	f.Add("d.md", []byte(strings.Repeat("very long line without breaks ", 2000)))
	f.Add("e.md", []byte(" \n\t\r\n"))
	f.Add("日本語.md", []byte("用語集は、文書で使われる用語の一覧である。"))
	f.Add("sjis.txt", []byte(sjis("用語集は、文書で使われる用語の一覧である。\r\n")))
	f.Add("utf16.txt", []byte("\xff\xfe"+utf16le("用語\r\n")))
	f.Add("page.html", []byte("<title>T</title><main><h1>Café\r\n</h1><dl><dt>a</dt><dd>b</dd></dl></main>"))
	f.Add("latin.htm", []byte("<meta charset=\"iso-8859-1\"><p>caf\xe9</p>"))
	f.Add("moved.html", []byte("<meta http-equiv=\"Refresh\" content=\"0; url=new.html\"><p>Moved to <a href=new.html>new</a>.</p>"))
	const limit = 1 << 16
	f.Fuzz(func(t *testing.T, name string, content []byte) {
		doc, err := Parse(name, content, Limits{MaxFileSize: limit})
		if err != nil {
			for _, s := range []error{ErrInvalidName, ErrUnsupportedType, ErrSecretName, ErrTooLarge, ErrNotUTF8, ErrEmpty, ErrRedirect} {
				if errors.Is(err, s) {
					return
				}
			}
			t.Fatalf("Parse: error %v wraps no sentinel", err)
		}
		checkSafeName(t, name, doc.Path)
		switch {
		case len(content) > limit:
			t.Fatalf("accepted %d bytes over the limit %d", len(content), limit)
		case !utf8.ValidString(doc.Content):
			t.Fatal("content is not valid UTF-8")
		case strings.ContainsRune(doc.Content, '\r'):
			t.Fatal("content keeps a CR")
		case strings.TrimSpace(doc.Content) == "":
			t.Fatal("blank content accepted")
		case strings.HasPrefix(doc.Content, "\ufeff"):
			t.Fatal("byte order mark kept")
		}
	})
}
