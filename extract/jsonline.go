package extract

import (
	"encoding/json"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// decodeArticleLine decodes s, a line that is a JSON object of valid
// UTF-8, into in exactly as json.Unmarshal would, for the lines JSON Lines
// corpora are made of: an object whose values are all strings and whose
// keys are plain (ASCII, no escapes) and either one of jsonArticle's names
// or no name of it in another case. The values are substrings of s, and
// the work a fifth of json.Unmarshal's, which validates the line in one
// pass and decodes it in another, through reflection: on an unchanged
// corpus loaded again, reading is most of the load.
//
// It reports false for anything else (a number, null, an array or an
// object as a value, a key that json.Unmarshal would match to a field
// case-insensitively, invalid JSON), and then in may be half filled:
// the caller decodes the line again with json.Unmarshal, which also words
// the error.
func decodeArticleLine(s string, in *jsonArticle) bool {
	i := skipSpace(s, 0)
	if i == len(s) || s[i] != '{' {
		return false
	}
	i = skipSpace(s, i+1)
	if i < len(s) && s[i] == '}' {
		return skipSpace(s, i+1) == len(s)
	}
	for {
		key, j, ok := plainKey(s, i)
		if !ok {
			return false
		}
		i = skipSpace(s, j)
		if i == len(s) || s[i] != ':' {
			return false
		}
		i = skipSpace(s, i+1)
		start := i
		value, j, ok := jsonString(s, i)
		if !ok {
			return false
		}
		switch key {
		case "id":
			in.ID = json.RawMessage(s[start:j])
		case "title":
			in.Title = value
		case "text":
			in.Text = &value
		case "published":
			in.Published = value
		case "source":
			in.Source = value
		case "url":
			in.URL = value
		default:
			if foldsToField(key) {
				return false
			}
		}
		i = skipSpace(s, j)
		if i == len(s) {
			return false
		}
		switch s[i] {
		case ',':
			i = skipSpace(s, i+1)
		case '}':
			return skipSpace(s, i+1) == len(s)
		default:
			return false
		}
	}
}

// foldsToField reports whether json.Unmarshal could match key, which is
// none of jsonArticle's names as they are, to one of them in another case.
func foldsToField(key string) bool {
	for _, name := range []string{"id", "title", "text", "published", "source", "url"} {
		if strings.EqualFold(key, name) {
			return true
		}
	}
	return false
}

// skipSpace returns the index of the first byte of s from i on that is not
// JSON white space.
func skipSpace(s string, i int) int {
	for i < len(s) {
		switch s[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// plainKey reads the object key that starts at s[i]: a JSON string of
// printable ASCII without escapes. It returns the key and the index after
// it, or false for any other key (which may still be valid JSON).
func plainKey(s string, i int) (string, int, bool) {
	if i == len(s) || s[i] != '"' {
		return "", 0, false
	}
	for j := i + 1; j < len(s); j++ {
		switch c := s[j]; {
		case c == '"':
			return s[i+1 : j], j + 1, true
		case c == '\\' || c < ' ' || c >= utf8.RuneSelf:
			return "", 0, false
		}
	}
	return "", 0, false
}

// jsonString decodes the JSON string that starts at s[i] as json.Unmarshal
// does, and returns it and the index after its closing quote, or false if
// there is no valid JSON string at i. s must be valid UTF-8.
func jsonString(s string, i int) (string, int, bool) {
	if i == len(s) || s[i] != '"' {
		return "", 0, false
	}
	i++
	// Most strings have no escape: they are a substring of the line.
	for j := i; j < len(s); j++ {
		switch c := s[j]; {
		case c == '"':
			return s[i:j], j + 1, true
		case c == '\\':
			return unescape(s, i, j)
		case c < ' ':
			return "", 0, false
		}
	}
	return "", 0, false
}

// unescape decodes the JSON string whose text starts at s[start] and whose
// first escape is at s[esc], as json.Unmarshal does: a \u escape of half a
// surrogate pair that is not followed by the other half is U+FFFD.
func unescape(s string, start, esc int) (string, int, bool) {
	var b strings.Builder
	b.Grow(len(s) - start)
	b.WriteString(s[start:esc])
	j := esc
	for j < len(s) {
		switch c := s[j]; {
		case c == '"':
			return b.String(), j + 1, true
		case c < ' ':
			return "", 0, false
		case c != '\\':
			k := j + 1
			for k < len(s) && s[k] != '"' && s[k] != '\\' && s[k] >= ' ' {
				k++
			}
			b.WriteString(s[j:k])
			j = k
			continue
		}
		if j+1 == len(s) {
			return "", 0, false
		}
		switch s[j+1] {
		case '"', '\\', '/':
			b.WriteByte(s[j+1])
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			r := hex4(s, j)
			if r < 0 {
				return "", 0, false
			}
			if utf16.IsSurrogate(r) {
				if pair := utf16.DecodeRune(r, hex4(s, j+6)); pair != unicode.ReplacementChar {
					r = pair
					j += 6
				} else {
					r = unicode.ReplacementChar
				}
			}
			b.WriteRune(r)
			j += 6
			continue
		default:
			return "", 0, false
		}
		j += 2
	}
	return "", 0, false
}

// hex4 returns the rune of the \uXXXX escape at s[i], or -1 if there is
// none.
func hex4(s string, i int) rune {
	if i+6 > len(s) || s[i] != '\\' || s[i+1] != 'u' {
		return -1
	}
	var r rune
	for _, c := range []byte(s[i+2 : i+6]) {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r<<4 | rune(c)
	}
	return r
}
