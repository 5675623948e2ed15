package document

import (
	"bytes"
	"errors"
	"mime"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// Encodings a document may come in besides UTF-8, named in [Parse]'s
// result.
const (
	EncodingUTF8      = "UTF-8"
	EncodingUTF16     = "UTF-16"
	EncodingShiftJIS  = "Shift_JIS"
	EncodingEUCJP     = "EUC-JP"
	EncodingISO2022JP = "ISO-2022-JP"
)

// decodeText returns content as UTF-8 text and the encoding it was in:
// UTF-8 (a byte order mark dropped), UTF-16 with a byte order mark, or
// Japanese text in Shift_JIS (Windows-31J), EUC-JP or ISO-2022-JP, which
// older Japanese manuals and text files still use. A legacy Japanese
// encoding is accepted only when it decodes without error to text with
// kana in it, so Latin-1 or binary content is not read as Japanese by
// accident. ok is false when no encoding fits.
func decodeText(content []byte) (text, enc string, ok bool) {
	switch {
	case bytes.HasPrefix(content, []byte{0xff, 0xfe}), bytes.HasPrefix(content, []byte{0xfe, 0xff}):
		s, err := decodeWith(xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM), content)
		return s, EncodingUTF16, err == nil
	case utf8.Valid(content):
		content = bytes.TrimPrefix(content, []byte("\xef\xbb\xbf"))
		if bytes.Contains(content, []byte("\x1b$B")) || bytes.Contains(content, []byte("\x1b$@")) {
			if s, err := decodeWith(japanese.ISO2022JP, content); err == nil && japaneseText(s) {
				return s, EncodingISO2022JP, true
			}
		}
		return string(content), EncodingUTF8, true
	}
	for _, c := range []struct {
		name string
		enc  encoding.Encoding
	}{{EncodingShiftJIS, japanese.ShiftJIS}, {EncodingEUCJP, japanese.EUCJP}} {
		if s, err := decodeWith(c.enc, content); err == nil && japaneseText(s) {
			return s, c.name, true
		}
	}
	return "", "", false
}

// declaredHTMLCharset decodes an HTML page that is not UTF-8 with the
// character set its <meta charset> (or http-equiv Content-Type) declares,
// as a browser would: "windows-1252", "iso-8859-1", "gbk" .... ok is false
// when the page declares none, or declares one its bytes do not fit.
func declaredHTMLCharset(content []byte) (text, enc string, ok bool) {
	label := metaCharset(content)
	if label == "" {
		return "", "", false
	}
	e, name := charset.Lookup(label)
	if e == nil || name == "utf-8" {
		return "", "", false
	}
	s, err := decodeWith(e, content)
	if err != nil || !utf8.ValidString(s) {
		return "", "", false
	}
	return s, name, true
}

// metaCharset returns the character set label an HTML page's first 1024
// bytes declare in <meta charset="..."> or <meta http-equiv="Content-Type"
// content="...; charset=...">, "" if none.
func metaCharset(content []byte) string {
	z := html.NewTokenizer(bytes.NewReader(content[:min(len(content), 1024)]))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if string(name) != "meta" {
				continue
			}
			var cs, httpEquiv, ct string
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				switch strings.ToLower(string(k)) {
				case "charset":
					cs = string(v)
				case "http-equiv":
					httpEquiv = strings.ToLower(string(v))
				case "content":
					ct = string(v)
				}
			}
			if cs != "" {
				return strings.TrimSpace(cs)
			}
			if httpEquiv == "content-type" {
				if _, params, err := mime.ParseMediaType(ct); err == nil && params["charset"] != "" {
					return params["charset"]
				}
			}
		}
	}
}

// errInvalidSequence is decodeWith's error for bytes the encoding does not
// define.
var errInvalidSequence = errors.New("invalid byte sequence")

// decodeWith decodes b strictly: a byte sequence the encoding does not
// define is an error, not a replacement character.
func decodeWith(enc encoding.Encoding, b []byte) (string, error) {
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return "", err
	}
	if bytes.ContainsRune(out, utf8.RuneError) && !bytes.ContainsRune(b, utf8.RuneError) {
		return "", errInvalidSequence
	}
	return string(out), nil
}

// japaneseText reports decoded text that reads as Japanese: valid UTF-8,
// with kana making up at least a fifth of its non-ASCII letters (kanji
// alone is what a wrong decoding of other bytes mostly yields).
func japaneseText(s string) bool {
	if !utf8.ValidString(s) || strings.ContainsRune(s, utf8.RuneError) {
		return false
	}
	kana, other := 0, 0
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
		case unicode.In(r, unicode.Hiragana, unicode.Katakana) && r < 0xff00:
			kana++
		case unicode.IsLetter(r):
			other++
		}
	}
	return kana > 0 && kana*4 >= other
}
