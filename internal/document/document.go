package document

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/genglossary/genglossary/internal/glossary"
	"github.com/genglossary/genglossary/internal/htmldoc"
)

// Errors returned by ValidateName and Parse. Callers branch on them with
// errors.Is to choose a status code or a message.
var (
	// ErrInvalidName means the file name is unsafe or malformed.
	ErrInvalidName = errors.New("invalid file name")
	// ErrUnsupportedType means the file is not of a type in [Extensions].
	ErrUnsupportedType = errors.New("unsupported file type (only .md, .markdown, .mdx, .rst, .rest, .adoc, .asciidoc, .html, .htm and .txt, and README, INSTALL, NEWS and the like without an extension or with a suffix such as README.Debian)")
	// ErrSecretName means the name looks like a secret (.env, *.pem, ...).
	ErrSecretName = errors.New("file name looks like a secret")
	// ErrTooLarge means the content exceeds the size limit.
	ErrTooLarge = errors.New("file too large")
	// ErrNotUTF8 means the content is not text in an encoding Parse reads:
	// UTF-8, UTF-16 with a byte order mark, or Japanese in Shift_JIS,
	// EUC-JP or ISO-2022-JP.
	ErrNotUTF8 = errors.New("content is not UTF-8 text (nor UTF-16 with a byte order mark, nor Japanese in Shift_JIS, EUC-JP or ISO-2022-JP)")
	// ErrEmpty means the content is empty or only whitespace.
	ErrEmpty = errors.New("content is empty")
	// ErrRedirect means an HTML page only sends its reader to another
	// page (see [htmldoc.Redirect]): it has no text of its own.
	ErrRedirect = errors.New("the page only redirects to another page")
	// ErrGenerated means LoadDir found a page that a documentation build
	// makes from the other pages, an index or a search page (see
	// [htmldoc.Generated]): it has no text of its own.
	ErrGenerated = errors.New("a generated index or search page")
	// ErrTooMany means LoadDir found more documents than its limit.
	ErrTooMany = errors.New("too many documents")
)

// Limits bounds what is accepted. The zero value means the defaults.
type Limits struct {
	// MaxFileSize is the largest accepted file in bytes; default 5 MiB.
	MaxFileSize int64
	// MaxFiles is the most documents LoadDir accepts; default 10000.
	MaxFiles int
}

// Default limits.
const (
	DefaultMaxFileSize = 5 << 20
	DefaultMaxFiles    = 10000
	// MaxNameBytes bounds a whole relative path; MaxComponentBytes one
	// element of it.
	MaxNameBytes      = 1024
	MaxComponentBytes = 255
)

func (l Limits) withDefaults() Limits {
	if l.MaxFileSize <= 0 {
		l.MaxFileSize = DefaultMaxFileSize
	}
	if l.MaxFiles <= 0 {
		l.MaxFiles = DefaultMaxFiles
	}
	return l
}

// Problem is a file that was not loaded, and why.
type Problem struct {
	Path string
	Err  error
}

func (p Problem) String() string { return p.Path + ": " + p.Err.Error() }

// IsBidiOrControl reports whether r is a control character or a Unicode
// bidirectional formatting character, which can disguise a name.
func IsBidiOrControl(r rune) bool {
	if unicode.IsControl(r) {
		return true
	}
	switch {
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069, r == 0x200E, r == 0x200F, r == 0x061C:
		return true
	}
	return false
}

// IsSecretName reports whether a path element looks like it holds secrets:
// .env*, *.key, *.pem, credentials*, secrets*, .git*.
func IsSecretName(name string) bool {
	b := strings.ToLower(path.Base(name))
	switch {
	case strings.HasPrefix(b, ".env"), strings.HasPrefix(b, ".git"),
		strings.HasPrefix(b, "credentials"), strings.HasPrefix(b, "secrets"),
		strings.HasSuffix(b, ".key"), strings.HasSuffix(b, ".pem"):
		return true
	}
	return false
}

// Extensions returns the document types read, lower case: Markdown under
// its usual names (.mdx pages, as Docusaurus writes them, are Markdown with
// import lines and JSX tags, which the readers skip), reStructuredText
// (Sphinx and docutils pages, read through package rst), AsciiDoc (read
// through package asciidoc), HTML pages (converted to Markdown when read,
// see [Parse]) and plain text, which the readers take as Markdown without
// markup.
func Extensions() []string {
	return []string{".md", ".markdown", ".mdx", ".rst", ".rest", ".adoc", ".asciidoc", ".html", ".htm", ".txt"}
}

// IsHTML reports an HTML document (.html, .htm): [Parse] converts its
// content to Markdown, which is what a project keeps of it.
func IsHTML(name string) bool { return htmldoc.Is(name) }

// Supported reports whether name has an extension in [Extensions], in any
// case, or is one of [TextNames], without an extension or with a suffix
// of its own (see [IsPlainText]).
func Supported(name string) bool {
	if b := path.Base(name); path.Ext(b) == "" {
		return textName(b)
	}
	return slices.Contains(Extensions(), strings.ToLower(path.Ext(name))) || textNameSuffix(path.Base(name))
}

// textName reports one of [TextNames], in any case, alone or with a
// language or a variant after a hyphen or an underscore, as Japanese and
// other projects name their translations: "README", "readme", "README-ja",
// "INSTALL_jp".
func textName(s string) bool {
	u := strings.ToUpper(s)
	if slices.Contains(TextNames(), u) {
		return true
	}
	i := strings.IndexAny(u, "-_")
	if i < 0 || !slices.Contains(TextNames(), u[:i]) || len(u)-i-1 < 2 || len(u)-i-1 > 8 || notTextSuffixes[strings.ToLower(u[i+1:])] {
		// "install-sh" (autotools' script) is no translation of INSTALL.
		return false
	}
	for _, r := range u[i+1:] {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// IsPlainText reports a document read as plain text: a .txt file, one of
// [TextNames] without an extension (README), or one of them with a suffix
// that names no other format, as Debian and older projects write them:
// README.Debian, README.source, INSTALL.unix, w3m's README.func. The
// readers take it as Markdown without markup, unless it is written in
// reStructuredText or AsciiDoc.
func IsPlainText(name string) bool {
	b := path.Base(name)
	switch ext := path.Ext(b); {
	case ext == "":
		return textName(b)
	case strings.EqualFold(ext, ".txt"):
		return true
	default:
		return textNameSuffix(b)
	}
}

// textNameSuffix reports a base name that is a text name (see textName)
// and suffixes that name no other format: "README.Debian",
// "README-ja.utf8", "README.lib.utf8" (kakasi's), not "README.pdf",
// "README.Debian.gz", "README.html.en" or "README.md" (Markdown, by its
// extension).
func textNameSuffix(b string) bool {
	name, suffixes, ok := strings.Cut(b, ".")
	if !ok || !textName(name) || suffixes == "" || len(suffixes) > 24 {
		return false
	}
	for _, suffix := range strings.Split(suffixes, ".") {
		if suffix == "" {
			return false
		}
		for _, r := range suffix {
			if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '-' || r == '_') {
				return false
			}
		}
		if l := strings.ToLower(suffix); slices.Contains(Extensions(), "."+l) || notTextSuffixes[l] {
			return false
		}
	}
	return true
}

// notTextSuffixes are suffixes of files that are no plain-text document:
// compressed or binary formats, signatures and checksums, copies
// (README.bak, README.in: the README again) and scripts (install-sh).
var notTextSuffixes = map[string]bool{
	"gz": true, "bz2": true, "xz": true, "zst": true, "z": true, "lz": true, "lzma": true, "zip": true, "7z": true, "rar": true, "tar": true, "tgz": true,
	"pdf": true, "ps": true, "eps": true, "dvi": true, "doc": true, "docx": true, "odt": true, "rtf": true, "xls": true, "xlsx": true, "ppt": true, "pptx": true,
	"png": true, "jpg": true, "jpeg": true, "gif": true, "bmp": true, "svg": true, "ico": true, "webp": true, "tif": true, "tiff": true,
	"mp3": true, "mp4": true, "wav": true, "ogg": true, "exe": true, "dll": true, "so": true, "o": true, "a": true, "class": true, "jar": true, "bin": true,
	"db": true, "sqlite": true, "json": true, "yaml": true, "yml": true, "xml": true, "xhtml": true,
	"asc": true, "sig": true, "sign": true, "gpg": true, "md5": true, "sha1": true, "sha256": true, "sha512": true,
	"bak": true, "orig": true, "rej": true, "swp": true, "tmp": true, "in": true,
	"sh": true, "bash": true, "zsh": true, "csh": true, "ksh": true, "py": true, "pl": true, "rb": true, "js": true, "bat": true, "cmd": true,
}

// TextNames are the names, in upper case, of files a project writes
// without an extension and keeps in plain text: GNU and older projects
// ship README, INSTALL and NEWS so. They are read as .txt files are;
// "readme" and "Readme" are the same name.
func TextNames() []string {
	return []string{"README", "INSTALL", "NEWS", "FAQ", "USAGE", "HACKING", "CONTRIBUTING", "TODO", "BUGS"}
}

// ValidateName checks a document name supplied by a user and returns it in
// canonical form: NFC, forward slashes, relative, no "." or ".." elements,
// no control or bidi characters, an extension in [Extensions], within length
// limits, and not secret-looking. Errors wrap ErrInvalidName,
// ErrUnsupportedType or ErrSecretName.
func ValidateName(name string) (string, error) {
	if !utf8.ValidString(name) {
		return "", fmt.Errorf("%w: not valid UTF-8", ErrInvalidName)
	}
	name = norm.NFC.String(strings.TrimSpace(name))
	switch {
	case name == "":
		return "", fmt.Errorf("%w: empty", ErrInvalidName)
	case len(name) > MaxNameBytes:
		return "", fmt.Errorf("%w: longer than %d bytes", ErrInvalidName, MaxNameBytes)
	case strings.ContainsRune(name, '\\'):
		return "", fmt.Errorf("%w: backslashes are not allowed, use /", ErrInvalidName)
	case strings.HasPrefix(name, "/") || (len(name) >= 2 && name[1] == ':'):
		return "", fmt.Errorf("%w: absolute paths are not allowed", ErrInvalidName)
	}
	for _, r := range name {
		if IsBidiOrControl(r) {
			return "", fmt.Errorf("%w: control or bidirectional characters are not allowed", ErrInvalidName)
		}
	}
	for _, el := range strings.Split(name, "/") {
		switch {
		case el == "":
			return "", fmt.Errorf("%w: empty path element", ErrInvalidName)
		case el == "." || el == "..":
			return "", fmt.Errorf("%w: %q elements are not allowed", ErrInvalidName, el)
		case len(el) > MaxComponentBytes:
			return "", fmt.Errorf("%w: a path element is longer than %d bytes", ErrInvalidName, MaxComponentBytes)
		case IsSecretName(el):
			return "", fmt.Errorf("%w: %q", ErrSecretName, el)
		}
	}
	if !Supported(name) {
		return "", ErrUnsupportedType
	}
	return name, nil
}

// Parse validates a named document's bytes and returns it: the name checked
// by ValidateName, the size within limits, the content text and not empty.
// Content in UTF-16 with a byte order mark or in a legacy Japanese encoding
// (Shift_JIS, EUC-JP, ISO-2022-JP) is converted to UTF-8; a UTF-8 byte order
// mark is dropped and CRLF/CR line endings become LF, so line numbers are
// the same on every platform. An HTML page becomes its Markdown text
// (package htmldoc): line numbers then refer to that text, which is why a
// caller that keeps a document keeps the converted text (see
// [ParseEncoded]) and reads it back with [ParseStored].
func Parse(name string, content []byte, lim Limits) (glossary.Document, error) {
	doc, _, err := ParseEncoded(name, content, lim)
	return doc, err
}

// ParseStored is [Parse] for a document a project keeps: the same checks,
// but an HTML document is not converted again (what is kept is already its
// Markdown text).
func ParseStored(name string, content []byte, lim Limits) (glossary.Document, error) {
	doc, _, err := parse(name, content, lim, false)
	return doc, err
}

// ParseEncoded is [Parse], also returning the encoding the content was in
// (EncodingUTF8, EncodingUTF16, EncodingShiftJIS ...), so that a caller
// that keeps the bytes can keep converted text instead (as it must for an
// HTML document, see [IsHTML]).
func ParseEncoded(name string, content []byte, lim Limits) (glossary.Document, string, error) {
	return parse(name, content, lim, true)
}

func parse(name string, content []byte, lim Limits, convertHTML bool) (glossary.Document, string, error) {
	lim = lim.withDefaults()
	n, err := ValidateName(name)
	if err != nil {
		return glossary.Document{}, "", err
	}
	if int64(len(content)) > lim.MaxFileSize {
		return glossary.Document{}, "", fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(content), lim.MaxFileSize)
	}
	s, enc, ok := decodeText(content)
	if !ok && htmldoc.Is(n) {
		s, enc, ok = declaredHTMLCharset(content)
	}
	if !ok {
		return glossary.Document{}, "", ErrNotUTF8
	}
	// Every byte order mark at the start goes: a UTF-16 file may repeat
	// its own after the one the decoder consumed.
	s = strings.TrimLeft(s, "\ufeff")
	if strings.ContainsRune(s, '\r') {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	if convertHTML && htmldoc.Is(n) && htmldoc.Redirect(s) {
		return glossary.Document{}, "", ErrRedirect
	}
	if convertHTML && htmldoc.Is(n) && strings.TrimSpace(s) != "" {
		if s = strings.TrimLeft(htmldoc.ToMarkdown(s), "\ufeff"); s == "" {
			return glossary.Document{}, "", fmt.Errorf("%w: the page has no text to read outside scripts, styles, navigation and forms", ErrEmpty)
		}
	}
	if strings.TrimSpace(s) == "" {
		return glossary.Document{}, "", ErrEmpty
	}
	return glossary.Document{Path: n, Content: s}, enc, nil
}

// LoadDir loads every document of a type in [Extensions] under dir,
// recursively, sorted by relative path. Hidden directories (.git, ...),
// node_modules, vendor, and a Sphinx site's _static (theme files) and
// _modules (its highlighted source code) are not entered, and its index
// and search pages not read ([ErrGenerated]). dir itself may be a symbolic
// link, and a link to a file is read as the file (a tree of links, as
// stow or a docs build leaves, is documents); a link to a directory is not
// entered (it may loop) and is reported. Files that are refused
// (secret-looking, too large, not UTF-8, empty) are returned as problems,
// and so are files of other types ([ErrUnsupportedType]: images, but also
// a README without an extension, which a caller may want to name; hidden
// files are not). A page the directory holds in two forms (git-add.txt and
// git-add.html) is read once, the other form returned as a problem
// ([ErrSamePage]). The error is non-nil only when
// dir itself cannot be read or holds more than MaxFiles documents.
func LoadDir(dir string, lim Limits) ([]glossary.Document, []Problem, error) {
	lim = lim.withDefaults()
	info, err := os.Stat(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("read input directory: %w", err)
	}
	if !info.IsDir() {
		return nil, nil, fmt.Errorf("input %s is not a directory", filepath.Base(dir))
	}
	// WalkDir does not follow a link given as its root: it would visit
	// the link alone and find nothing.
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	var docs []glossary.Document
	var problems []Problem
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		rel, rerr := filepath.Rel(dir, p)
		if rerr != nil {
			return rerr
		}
		rel = filepath.ToSlash(rel)
		if err != nil {
			problems = append(problems, Problem{Path: rel, Err: err})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if rel != "." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules" || d.Name() == "vendor" || d.Name() == "_static" || d.Name() == "_modules") {
				// Hidden, or other projects' files: a site's packages,
				// vendored modules, a Sphinx site's theme files (its fonts'
				// READMEs and licences).
				return fs.SkipDir
			}
			return nil
		}
		if !Supported(d.Name()) {
			if d.Type()&fs.ModeSymlink != 0 {
				if fi, err := os.Stat(p); err == nil && fi.IsDir() {
					problems = append(problems, Problem{Path: rel, Err: errLinkedDir})
					return nil
				}
			}
			if !strings.HasPrefix(d.Name(), ".") { // .DS_Store, .gitignore: not documents of any kind
				problems = append(problems, Problem{Path: rel, Err: ErrUnsupportedType})
			}
			return nil
		}
		if IsSecretName(d.Name()) {
			problems = append(problems, Problem{Path: rel, Err: ErrSecretName})
			return nil
		}
		fi, err := d.Info()
		if err == nil && d.Type()&fs.ModeSymlink != 0 {
			fi, err = linkedFile(p)
		}
		if err != nil {
			problems = append(problems, Problem{Path: rel, Err: err})
			return nil
		}
		if !fi.Mode().IsRegular() {
			problems = append(problems, Problem{Path: rel, Err: errors.New("not a regular file")})
			return nil
		}
		if fi.Size() > lim.MaxFileSize {
			problems = append(problems, Problem{Path: rel, Err: fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, fi.Size(), lim.MaxFileSize)})
			return nil
		}
		if len(docs) >= lim.MaxFiles {
			return fmt.Errorf("%w: more than %d", ErrTooMany, lim.MaxFiles)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			problems = append(problems, Problem{Path: rel, Err: pathless(err)})
			return nil
		}
		if htmldoc.Is(d.Name()) && htmldoc.Generated(string(b)) {
			// A Sphinx site's genindex.html, py-modindex.html and
			// search.html: made from the other pages.
			problems = append(problems, Problem{Path: rel, Err: ErrGenerated})
			return nil
		}
		doc, err := Parse(rel, b, lim)
		if err != nil {
			problems = append(problems, Problem{Path: rel, Err: err})
			return nil
		}
		docs = append(docs, doc)
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("load documents: %w", err)
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i].Path < docs[j].Path })
	docs, same := DropOtherForms(docs)
	problems = append(problems, same...)
	sort.Slice(problems, func(i, j int) bool { return problems[i].Path < problems[j].Path })
	return docs, problems, nil
}

// errLinkedDir reports a link to a directory, which LoadDir does not enter.
var errLinkedDir = errors.New("a link to a directory, not followed")

// linkedFile stats what the link at p points to. A link whose target
// has a secret-looking name is refused like the file itself would be
// ("notes.md -> ~/.aws/credentials"), and a dangling link is reported
// without the target's path.
func linkedFile(p string) (fs.FileInfo, error) {
	target, err := filepath.EvalSymlinks(p)
	if err != nil {
		return nil, fmt.Errorf("a link that cannot be followed: %w", pathless(err))
	}
	if IsSecretName(filepath.Base(target)) {
		return nil, ErrSecretName
	}
	fi, err := os.Stat(target)
	if err != nil {
		return nil, pathless(err)
	}
	if fi.IsDir() {
		return nil, errLinkedDir
	}
	return fi, nil
}

// pathless drops the path an *fs.PathError carries: a problem names the
// file by its path relative to the input, never an absolute one.
func pathless(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
