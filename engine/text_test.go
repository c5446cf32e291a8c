package engine

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// hostileTexts are names and labels that must be refused wherever they come
// from: each would reach a terminal, a page or a spreadsheet as something
// other than plain text.
var hostileTexts = []struct{ name, text string }{
	{"NUL", "a\x00b"},
	{"escape", "a\x1b[31mred"},
	{"tab", "a\tb"},
	{"newline", "a\nb"},
	{"carriage return", "a\rb"},
	{"DEL", "a\x7fb"},
	{"C1 NEL", "a\u0085b"},
	{"C1 CSI", "a\u009b31mred"},
	{"C1 first", "\u0080"},
	{"C1 last", "a\u009f"},
	{"LRE", "a\u202ab"},
	{"RLE", "a\u202bb"},
	{"PDF", "a\u202cb"},
	{"LRO", "a\u202db"},
	{"RLO", "evil\u202egnp.exe"},
	{"LRI", "a\u2066b"},
	{"RLI", "a\u2067b"},
	{"FSI", "a\u2068b"},
	{"PDI", "a\u2069b"},
	{"LRM", "a\u200eb"},
	{"RLM", "a\u200fb"},
	{"ALM", "a\u061cb"},
	{"line separator", "a\u2028b"},
	{"paragraph separator", "a\u2029b"},
}

// plainTexts are accepted everywhere: any script, right-to-left letters
// without controls, emoji sequences joined by U+200D, markup and formulas
// (which are text; the CSV export neutralises the latter).
var plainTexts = []struct{ name, text string }{
	{"accents", "Coût ≈ 2.49 €"},
	{"arabic", "مرحبا بالعالم"},
	{"hebrew", "שלום"},
	{"emoji ZWJ", "👩\u200d💻 team"},
	{"markup", `<script>alert("x")</script>`},
	{"formula", `=HYPERLINK("http://x","y")`},
	{"link escapes", "a%~=+b c"},
	{"no-break space", "a\u00a0b"},
}

func TestTextRefusesControlAndBidiCharacters(t *testing.T) {
	for _, tc := range hostileTexts {
		t.Run(tc.name, func(t *testing.T) {
			s := handScenario(measuredCloud())
			s.Name = tc.text
			s.Options[0].Label = tc.text
			_, err := Evaluate(s)
			var errs Errors
			if !errors.As(err, &errs) {
				t.Fatalf("accepted %q", tc.text)
			}
			r, _ := utf8.DecodeRuneInString(strings.TrimPrefix(strings.TrimPrefix(tc.text, "a"), "evil"))
			code := fmt.Sprintf("(U+%04X)", r)
			for _, path := range []string{"name", "options[0].label"} {
				if got := errs.For(path); !strings.Contains(got, "contains") || !strings.Contains(got, code) {
					t.Errorf("%s: %q, want it to name %s", path, got, code)
				}
			}
		})
	}
	for _, tc := range plainTexts {
		s := handScenario(measuredCloud())
		s.Name = tc.text
		s.Options[0].Label = tc.text
		if _, err := Evaluate(s); err != nil {
			t.Errorf("%s: %v", tc.name, err)
		}
	}
}

// textOutcome is what becomes of a text set as the name (or as the first
// option's label) of a valid scenario: "" when it is accepted, else
// "refused".
type textOutcome func(t *testing.T, field, text string) string

func withText(field, text string) *Scenario {
	s := typicalScenario()
	if field == "name" {
		s.Name = text
	} else {
		s.Options[0].Label = text
	}
	return s
}

func refused(err error) string {
	if err != nil {
		return "refused"
	}
	return ""
}

// checked is the outcome of a decoded scenario: refused by the decoder or
// by validation (Evaluate's other refusals do not depend on text).
func checked(s *Scenario, err error) string {
	if err == nil {
		if _, errs := Check(s); len(errs) > 0 {
			err = errs
		}
	}
	return refused(err)
}

// TestTextSameInLinkAndFile: a link and a file accept and refuse the same
// names and labels, whichever way the text is written (raw or escaped).
func TestTextSameInLinkAndFile(t *testing.T) {
	ways := map[string]textOutcome{
		"link": func(t *testing.T, field, text string) string {
			s, err := DecodeLink(EncodeLink(withText(field, text)))
			return checked(&s, err)
		},
		"link, %-escaped bytes": func(t *testing.T, field, text string) string {
			n := Normalize(withText(field, "PLACEHOLDER"))
			link := strings.Replace(strings.Join(linkTokens(&n), "~"), "PLACEHOLDER", percentEscape(text), 1)
			s, err := DecodeLink("#1r." + link)
			return checked(&s, err)
		},
		"file": func(t *testing.T, field, text string) string {
			var b bytes.Buffer
			if err := EncodeScenario(&b, withText(field, text)); err != nil {
				t.Fatal(err)
			}
			s, err := DecodeScenario(&b)
			return checked(&s, err)
		},
		"file, raw text": func(t *testing.T, field, text string) string {
			return fileWithText(t, field, rawJSONString(text))
		},
		"file, escaped text": func(t *testing.T, field, text string) string {
			return fileWithText(t, field, escapedJSONString(text))
		},
	}
	var texts []struct{ name, text, want string }
	for _, tc := range hostileTexts {
		texts = append(texts, struct{ name, text, want string }{tc.name, tc.text, "refused"})
	}
	for _, tc := range plainTexts {
		texts = append(texts, struct{ name, text, want string }{tc.name, tc.text, ""})
	}
	// Bytes that are not UTF-8: the encoders write U+FFFD for them, so only
	// the byte-exact ways can carry them.
	texts = append(texts,
		struct{ name, text, want string }{"invalid UTF-8", "a\xffb", "refused bytes"},
		struct{ name, text, want string }{"surrogate half", "a\xed\xa0\x80b", "refused bytes"},
	)
	for _, field := range []string{"name", "label"} {
		max := MaxNameLen
		if field == "label" {
			max = MaxLabelLen
		}
		all := append(texts,
			struct{ name, text, want string }{"longest", strings.Repeat("é", max), ""},
			struct{ name, text, want string }{"one too long", strings.Repeat("é", max+1), "refused"},
			struct{ name, text, want string }{"200 KB", strings.Repeat("x", 200<<10), "refused"},
		)
		for _, tc := range all {
			for way, outcome := range ways {
				if tc.name == "200 KB" && strings.Contains(way, "link") {
					continue // longer than any link; refused by its length
				}
				want, bytesOnly := strings.CutSuffix(tc.want, " bytes")
				if bytesOnly && (way == "link" || way == "file") {
					continue
				}
				if got := outcome(t, field, tc.text); got != want {
					t.Errorf("%s %s via %s: %q, want %q", field, tc.name, way, got, want)
				}
			}
		}
	}
}

// fileWithText is the outcome of a scenario file whose name or first label
// is the JSON string literal lit, spliced in as written.
func fileWithText(t *testing.T, field, lit string) string {
	var b bytes.Buffer
	if err := EncodeScenario(&b, withText(field, "PLACEHOLDER")); err != nil {
		t.Fatal(err)
	}
	file := strings.Replace(b.String(), `"PLACEHOLDER"`, lit, 1)
	s, err := DecodeScenario(strings.NewReader(file))
	return checked(&s, err)
}

// percentEscape writes every byte of text as %XX, as a link may.
func percentEscape(text string) string {
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		fmt.Fprintf(&b, "%%%02X", text[i])
	}
	return b.String()
}

// rawJSONString writes text as a JSON string with only `"`, `\` and C0
// controls escaped: every other byte, even an invalid one, as it is.
func rawJSONString(text string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c < 0x20:
			fmt.Fprintf(&b, `\u%04x`, c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// escapedJSONString writes text as a JSON string with every non-ASCII
// character as a \u escape (a surrogate pair above U+FFFF). A byte that is
// not UTF-8 becomes the escape of the surrogate half it would encode (for
// ED A0 80) or of itself, so that the decoder sees a lone surrogate or a
// Latin-1 character: the closest a JSON escape gets to a broken byte.
func escapedJSONString(text string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == utf8.RuneError && n == 1 && strings.HasPrefix(text[i:], "\xed\xa0\x80"):
			b.WriteString(`\ud800`)
			n = 3
		case r == utf8.RuneError && n == 1:
			b.WriteString(`\ud800`) // an unpaired surrogate: not text either
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r >= 0x7f && r < 0x10000:
			fmt.Fprintf(&b, `\u%04x`, r)
		case r >= 0x10000:
			r -= 0x10000
			fmt.Fprintf(&b, `\u%04x\u%04x`, 0xd800+(r>>10), 0xdc00+(r&0x3ff))
		default:
			b.WriteRune(r)
		}
		i += n
	}
	b.WriteByte('"')
	return b.String()
}

// FuzzTextSameInLinkAndFile: any text, as a name or a label, is accepted
// by both a link and a file or refused by both.
func FuzzTextSameInLinkAndFile(f *testing.F) {
	for _, tc := range hostileTexts {
		f.Add(tc.text, false)
	}
	for _, tc := range plainTexts {
		f.Add(tc.text, true)
	}
	f.Add("a\xffb", false)
	f.Add("a\xed\xa0\x80b", true)
	f.Add(strings.Repeat("é", MaxLabelLen+1), true)
	// The link and the file around the text, made once.
	linkAround, fileAround := map[bool]string{}, map[bool]string{}
	for _, label := range []bool{false, true} {
		field := map[bool]string{false: "name", true: "label"}[label]
		n := Normalize(withText(field, "PLACEHOLDER"))
		linkAround[label] = "#1r." + strings.Join(linkTokens(&n), "~")
		var b bytes.Buffer
		if err := EncodeScenario(&b, withText(field, "PLACEHOLDER")); err != nil {
			f.Fatal(err)
		}
		fileAround[label] = b.String()
	}
	f.Fuzz(func(t *testing.T, text string, label bool) {
		link := strings.Replace(linkAround[label], "PLACEHOLDER", percentEscape(text), 1)
		if len(link) > MaxLinkLen {
			return // too long for a link, whatever it holds
		}
		s, err := DecodeLink(link)
		viaLink := checked(&s, err)
		for _, lit := range []string{rawJSONString(text), escapedJSONString(text)} {
			s, err := DecodeScenario(strings.NewReader(strings.Replace(fileAround[label], `"PLACEHOLDER"`, lit, 1)))
			if viaFile := checked(&s, err); viaFile != viaLink {
				t.Fatalf("label %v, text %q: link %q, file %s %q", label, text, viaLink, lit, viaFile)
			}
		}
	})
}

// TestEncodeScenarioEscapesUnsafeText: a written file holds no character
// that would act on a terminal, and reads back to the same text.
func TestEncodeScenarioEscapesUnsafeText(t *testing.T) {
	for _, tc := range append(hostileTexts, plainTexts...) {
		s := withText("name", tc.text)
		s.Options[0].Label = tc.text
		var b bytes.Buffer
		if err := EncodeScenario(&b, s); err != nil {
			t.Fatal(err)
		}
		if strings.ContainsFunc(b.String(), func(r rune) bool { return unsafeRune(r) && r != '\n' }) {
			t.Errorf("%s: raw in the file:\n%q", tc.name, b.String())
		}
		got, err := DecodeScenario(&b)
		if err != nil || got.Name != tc.text || got.Options[0].Label != tc.text {
			t.Errorf("%s: read back %q, %v", tc.name, got.Name, err)
		}
	}
}
