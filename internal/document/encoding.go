package document

import (
	"bytes"
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

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
