package deploy

import "strings"

// shellToken is a word or a control operator (";", "&", "&&", "|", "||",
// "\n") of a shell command line.
type shellToken struct {
	text string
	op   bool
	line int // 1-based line of the token's start in the command line
}

// shellTokens splits s into words and control operators as sh does before
// expansion: quotes are removed, backslash escapes applied, comments
// dropped; $ and backquotes are kept as written. ok is false for an
// unterminated quote.
func shellTokens(s string) (toks []shellToken, ok bool) {
	var word strings.Builder
	inWord := false
	line, wordLine := 1, 1
	flush := func() {
		if inWord {
			toks = append(toks, shellToken{text: word.String(), line: wordLine})
			word.Reset()
			inWord = false
		}
	}
	start := func() {
		if !inWord {
			inWord, wordLine = true, line
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case ' ', '\t', '\r':
			flush()
		case '\n', ';':
			flush()
			toks = append(toks, shellToken{text: string(c), op: true, line: line})
			if c == '\n' {
				line++
			}
		case '&', '|':
			prev := byte(0)
			if i > 0 {
				prev = s[i-1]
			}
			if c == '&' && inWord && (prev == '>' || prev == '<') || c == '&' && i+1 < len(s) && s[i+1] == '>' {
				// A redirection (2>&1, <&3, &>log) is part of a word.
				start()
				word.WriteByte(c)
				continue
			}
			flush()
			if i+1 < len(s) && s[i+1] == c {
				toks = append(toks, shellToken{text: string([]byte{c, c}), op: true, line: line})
				i++
			} else {
				toks = append(toks, shellToken{text: string(c), op: true, line: line})
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
					start()
					word.WriteByte(s[i])
				} else {
					line++
				}
			}
		case '\'':
			end := strings.IndexByte(s[i+1:], '\'')
			if end < 0 {
				return nil, false
			}
			start()
			word.WriteString(s[i+1 : i+1+end])
			line += strings.Count(s[i+1:i+1+end], "\n")
			i += end + 1
		case '"':
			start()
			i++
			for ; i < len(s) && s[i] != '"'; i++ {
				if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("\"\\$`\n", s[i+1]) >= 0 {
					i++
					if s[i] == '\n' {
						line++
						continue
					}
				}
				if s[i] == '\n' {
					line++
				}
				word.WriteByte(s[i])
			}
			if i >= len(s) {
				return nil, false
			}
		default:
			start()
			word.WriteByte(c)
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
