package deploy

import "strings"

// shellToken is a word or a control operator (";", "&", "&&", "|", "||",
// "\n") of a shell command line.
type shellToken struct {
	text string
	op   bool
}

// shellTokens splits s into words and control operators as sh does before
// expansion: quotes are removed, backslash escapes applied, comments
// dropped; $ and backquotes are kept as written. ok is false for an
// unterminated quote.
func shellTokens(s string) (toks []shellToken, ok bool) {
	var word strings.Builder
	inWord := false
	flush := func() {
		if inWord {
			toks = append(toks, shellToken{text: word.String()})
			word.Reset()
			inWord = false
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case ' ', '\t', '\r':
			flush()
		case '\n', ';':
			flush()
			toks = append(toks, shellToken{text: string(c), op: true})
		case '&', '|':
			flush()
			if i+1 < len(s) && s[i+1] == c {
				toks = append(toks, shellToken{text: string([]byte{c, c}), op: true})
				i++
			} else {
				toks = append(toks, shellToken{text: string(c), op: true})
			}
		case '#':
			if inWord {
				word.WriteByte(c)
				continue
			}
			for i < len(s) && s[i] != '\n' {
				i++
			}
			i-- // the newline is an operator
		case '\\':
			if i+1 < len(s) {
				i++
				if s[i] != '\n' { // backslash-newline joins lines
					word.WriteByte(s[i])
					inWord = true
				}
			}
		case '\'':
			end := strings.IndexByte(s[i+1:], '\'')
			if end < 0 {
				return nil, false
			}
			word.WriteString(s[i+1 : i+1+end])
			inWord = true
			i += end + 1
		case '"':
			inWord = true
			i++
			for ; i < len(s) && s[i] != '"'; i++ {
				if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("\"\\$`\n", s[i+1]) >= 0 {
					i++
					if s[i] == '\n' {
						continue
					}
				}
				word.WriteByte(s[i])
			}
			if i >= len(s) {
				return nil, false
			}
		default:
			word.WriteByte(c)
			inWord = true
		}
	}
	flush()
	return toks, true
}

// splitWords splits a command line into words as a shell would, without
// expansion; operators are kept as words. When quotes do not close, the
// line is split at blanks.
func splitWords(s string) []string {
	toks, ok := shellTokens(s)
	if !ok {
		return strings.Fields(s)
	}
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		if t.text == "\n" {
			continue
		}
		out = append(out, t.text)
	}
	return out
}
