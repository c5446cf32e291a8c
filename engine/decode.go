package engine

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxScenarioBytes bounds a scenario file: the largest valid scenario is
// a few kilobytes.
const MaxScenarioBytes = 256 << 10

// maxPresetLen bounds a preset ID, in a file as in a link.
const maxPresetLen = 64

// DecodeScenario reads a scenario file as strictly as DecodeLink reads a
// link. It refuses, naming the field by its path in the file
// ("options[1].hourly_rate"):
//   - a key that is not one of the file format's, spelled exactly (no other
//     case), or that appears twice in an object;
//   - a field that does not apply to its option's kind (in any key order),
//     and an option without a valid kind;
//   - a value of the wrong JSON type;
//   - a name, label or preset longer than the link format allows, and more
//     than MaxOptions options;
//   - text that is not UTF-8, trailing data and oversized input.
//
// A leading UTF-8 byte-order mark is skipped. Numbers may be JSON numbers or
// strings; an unreadable number is kept for validation to report (Check
// validates values, naming every field). Whatever the input, it returns in
// time and memory bounded by MaxScenarioBytes: the walk follows the format's
// own shape, so no nesting deeper than an option's accelerator is ever read.
func DecodeScenario(r io.Reader) (Scenario, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxScenarioBytes+1))
	if err != nil {
		return Scenario{}, err
	}
	if len(b) > MaxScenarioBytes {
		return Scenario{}, fmt.Errorf("scenario file is larger than %d KiB", MaxScenarioBytes>>10)
	}
	b = bytes.TrimPrefix(b, []byte("\uFEFF")) // as browsers' File.text() does
	if !utf8.Valid(b) {
		return Scenario{}, fmt.Errorf("scenario file is not UTF-8 text (%s)", position(b, invalidUTF8At(b)))
	}
	d := &fileDecoder{src: b, dec: json.NewDecoder(bytes.NewReader(b))}
	d.dec.UseNumber()
	s, err := d.scenario()
	if err != nil {
		return Scenario{}, err
	}
	upgrade(&s)
	return s, nil
}

// The keys of each object of the file format: the field registry's, and the
// few that are not numbers. The registry is the one list of numeric keys;
// its keys match the struct's JSON names (TestDecodeScenarioReadsWhatItWrites).
func scenarioKey(k string) bool {
	switch k {
	case "version", "name", "workload", "model", "revenue", "options", "uncertainty":
		return true
	}
	return false
}

func workloadKey(k string) bool { return k == "daily_profile" || workloadField(k) != nil }
func modelKey(k string) bool    { return k == "preset" || modelField(k) != nil }
func revenueKey(k string) bool  { return revenueField(k) != nil }
func accelKey(k string) bool    { return k == "preset" || accelField(k) != nil }
func optionKey(k string) bool {
	return k == "label" || k == "kind" || k == "accelerator" || k == "throughput_preset" || k == "commitments" || optionField(k) != nil
}
func commitmentKey(k string) bool { return commitmentField(k) != nil }

func commitmentField(key string) *CommitmentField {
	for i := range CommitmentFields {
		if CommitmentFields[i].Key == key {
			return &CommitmentFields[i]
		}
	}
	return nil
}

func workloadField(key string) *WorkloadField {
	for i := range WorkloadFields {
		if WorkloadFields[i].Key == key {
			return &WorkloadFields[i]
		}
	}
	return nil
}

func modelField(key string) *ModelField {
	for i := range ModelFields {
		if ModelFields[i].Key == key {
			return &ModelFields[i]
		}
	}
	return nil
}

func revenueField(key string) *RevenueField {
	for i := range RevenueFields {
		if RevenueFields[i].Key == key {
			return &RevenueFields[i]
		}
	}
	return nil
}

func accelField(key string) *AcceleratorField {
	for i := range AcceleratorFields {
		if AcceleratorFields[i].Key == key {
			return &AcceleratorFields[i]
		}
	}
	return nil
}

func optionField(key string) *OptionField {
	for i := range OptionFields {
		if OptionFields[i].Key == key {
			return &OptionFields[i]
		}
	}
	return nil
}

// fileDecoder walks a scenario file token by token.
type fileDecoder struct {
	src  []byte
	dec  *json.Decoder
	prev int64 // input offset before the last token
}

// next reads one token; a syntax error or an early end becomes a message
// that gives the line and column.
func (d *fileDecoder) next() (json.Token, error) {
	d.prev = d.dec.InputOffset()
	t, err := d.dec.Token()
	if err == nil {
		return t, nil
	}
	return nil, d.tokenError(err)
}

func (d *fileDecoder) tokenError(err error) error {
	if se, ok := err.(*json.SyntaxError); ok { // not errors.As: its reflection adds to app.wasm
		return fmt.Errorf("scenario file is not valid JSON (%s): %s", position(d.src, int(se.Offset)), strings.TrimPrefix(se.Error(), "json: "))
	}
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		return errors.New("scenario file ends early")
	}
	return fmt.Errorf("scenario file: %v", err)
}

func (d *fileDecoder) scenario() (Scenario, error) {
	var s Scenario
	t, err := d.dec.Token()
	switch {
	case err == io.EOF:
		return s, errors.New("scenario file is empty")
	case err != nil:
		return s, d.tokenError(err)
	case t != json.Delim('{'):
		return s, fmt.Errorf("scenario file: expected a scenario (a JSON object), got %s", jsonType(t))
	}
	_, err = d.fields("", scenarioKey, func(key, path string) error {
		var err error
		switch key {
		case "version":
			s.Version, err = d.version(path)
		case "name":
			s.Name, err = d.text(path, MaxNameLen)
		case "workload":
			_, err = d.object(path, workloadKey, func(key, path string) error {
				if key == "daily_profile" {
					return d.textTo(&s.Workload.DailyProfile, path, MaxProfileLen)
				}
				return d.num(path, workloadField(key).Get(&s.Workload))
			})
		case "model":
			_, err = d.object(path, modelKey, func(key, path string) error {
				if key == "preset" {
					return d.textTo(&s.Model.Preset, path, maxPresetLen)
				}
				return d.num(path, modelField(key).Get(&s.Model))
			})
		case "revenue":
			r := &Revenue{}
			var null bool
			null, err = d.object(path, revenueKey, func(key, path string) error {
				return d.num(path, revenueField(key).Get(r))
			})
			if !null {
				s.Revenue = r
			}
		case "options":
			s.Options, err = d.options(path)
		case "uncertainty":
			s.Uncertainty, err = d.uncertainty(path)
		}
		return err
	})
	if err != nil {
		return Scenario{}, err
	}
	end := int(d.dec.InputOffset())
	if _, err := d.dec.Token(); err != io.EOF {
		for end < len(d.src) && strings.IndexByte(" \t\r\n", d.src[end]) >= 0 {
			end++
		}
		return Scenario{}, fmt.Errorf("scenario file: unexpected data after the scenario (%s)", position(d.src, end))
	}
	return s, nil
}

func (d *fileDecoder) options(path string) ([]Option, error) {
	t, err := d.next()
	if err != nil || t == nil {
		return nil, err
	}
	if t != json.Delim('[') {
		return nil, FieldError{path, "expected a list of options (a JSON array), got " + jsonType(t)}
	}
	opts := []Option{}
	for d.dec.More() {
		if len(opts) == MaxOptions {
			return nil, FieldError{path, fmt.Sprintf("more than %d options", MaxOptions)}
		}
		o, err := d.option(len(opts))
		if err != nil {
			return nil, err
		}
		opts = append(opts, o)
	}
	_, err = d.next() // ]
	return opts, err
}

func (d *fileDecoder) option(i int) (Option, error) {
	var o Option
	path := "options[" + strconv.Itoa(i) + "]"
	t, err := d.next()
	if err != nil {
		return o, err
	}
	if t != json.Delim('{') {
		return o, FieldError{path, "expected an option (a JSON object), got " + jsonType(t)}
	}
	seen, err := d.fields(path, optionKey, func(key, path string) error {
		switch key {
		case "label":
			return d.textTo(&o.Label, path, MaxLabelLen)
		case "throughput_preset":
			return d.textTo(&o.ThroughputPreset, path, maxPresetLen)
		case "kind":
			var k string
			err := d.textTo(&k, path, maxPresetLen)
			o.Kind = Kind(k)
			return err
		case "accelerator":
			a := &Accelerator{}
			null, err := d.object(path, accelKey, func(key, path string) error {
				if key == "preset" {
					return d.textTo(&a.Preset, path, maxPresetLen)
				}
				return d.num(path, accelField(key).Get(a))
			})
			if !null {
				o.Accelerator = a
			}
			return err
		case "commitments":
			var err error
			o.Commitments, err = d.commitments(path)
			return err
		}
		return d.num(path, optionField(key).Get(&o))
	})
	if err != nil {
		return o, err
	}
	// The kind decides which fields apply; it may come after them.
	switch {
	case !contains(seen, "kind"):
		return o, FieldError{OptionPath(i, "kind"), "required: cloud, owned, api or hybrid"}
	case !o.Kind.Valid():
		return o, FieldError{OptionPath(i, "kind"), fmt.Sprintf("must be cloud, owned, api or hybrid (got %q)", truncate(string(o.Kind), 20))}
	}
	for _, key := range seen {
		only := ""
		if f := optionField(key); f != nil && !f.AppliesTo(o.Kind) {
			for j, k := range f.Kinds {
				if j > 0 {
					only += " and "
				}
				only += string(k)
			}
		} else if (key == "accelerator" || key == "throughput_preset") && !o.Kind.SelfHosted() {
			only = "cloud and owned"
		} else if key == "commitments" && o.Kind != Cloud {
			only = "cloud"
		}
		if only != "" {
			return o, FieldError{OptionPath(i, key), "does not apply to an option of kind " + string(o.Kind) + " (only to " + only + ")"}
		}
	}
	return o, nil
}

// commitments reads an option's list of commitment tiers (null is none),
// at most MaxCommitments, each an object of CommitmentFields.
func (d *fileDecoder) commitments(path string) ([]Commitment, error) {
	t, err := d.next()
	if err != nil || t == nil {
		return nil, err
	}
	if t != json.Delim('[') {
		return nil, FieldError{path, "expected a list of commitment tiers (a JSON array), got " + jsonType(t)}
	}
	list := []Commitment{}
	for d.dec.More() {
		if len(list) == MaxCommitments {
			return nil, FieldError{path, fmt.Sprintf("more than %d commitment tiers", MaxCommitments)}
		}
		var c Commitment
		p := path + "[" + strconv.Itoa(len(list)) + "]"
		t, err := d.next()
		if err != nil {
			return nil, err
		}
		if t != json.Delim('{') {
			return nil, FieldError{p, "expected a commitment tier (a JSON object), got " + jsonType(t)}
		}
		if _, err := d.fields(p, commitmentKey, func(key, path string) error {
			return d.num(path, commitmentField(key).Get(&c))
		}); err != nil {
			return nil, err
		}
		list = append(list, c)
	}
	_, err = d.next() // ]
	return list, err
}

// object reads an object (or null, reported as such) whose keys are among
// known, calling field for each.
func (d *fileDecoder) object(path string, known func(string) bool, field func(key, path string) error) (null bool, err error) {
	t, err := d.next()
	if err != nil || t == nil {
		return t == nil && err == nil, err
	}
	if t != json.Delim('{') {
		return false, FieldError{path, "expected a JSON object, got " + jsonType(t)}
	}
	_, err = d.fields(path, known, field)
	return false, err
}

// fields reads the members of an object whose opening brace has been read:
// each key must be one of known, spelled exactly, and appear once. It
// returns the keys in file order.
func (d *fileDecoder) fields(path string, known func(string) bool, field func(key, path string) error) ([]string, error) {
	var seen []string
	for d.dec.More() {
		t, err := d.next()
		if err != nil {
			return nil, err
		}
		key, _ := t.(string) // Token returns keys as strings
		if !known(key) {
			return nil, unknownKey(path, key, known)
		}
		p := key
		if path != "" {
			p = path + "." + key
		}
		if contains(seen, key) {
			return nil, FieldError{p, "appears twice"}
		}
		seen = append(seen, key)
		if err := field(key, p); err != nil {
			return nil, err
		}
	}
	_, err := d.next() // }
	return seen, err
}

// unknownKey names a key that is not the format's, quoted (it may hold
// anything), after the path of its object, and suggests the key it differs
// from only in case.
func unknownKey(path, key string, known func(string) bool) error {
	hint := ""
	if lower := strings.ToLower(key); known(lower) {
		hint = " (field names are lower case: " + lower + ")"
	}
	if path == "" {
		path = "scenario"
	}
	return FieldError{path, fmt.Sprintf("unknown field %q%s", truncate(key, 40), hint)}
}

// version reads the format version: a JSON whole number. A newer version
// is refused at once, before any field it may have added is.
func (d *fileDecoder) version(path string) (int, error) {
	t, err := d.next()
	if err != nil || t == nil {
		return 0, err
	}
	n, ok := t.(json.Number)
	v, err := strconv.Atoi(string(n))
	if !ok || err != nil {
		return 0, FieldError{path, "expected a whole number such as 1, got " + jsonType(t)}
	}
	if v > FormatVersion {
		return v, FieldError{path, fmt.Sprintf("version %d is newer than this infercost understands (%d): open it with a newer release", v, FormatVersion)}
	}
	return v, nil
}

func (d *fileDecoder) textTo(dst *string, path string, max int) (err error) {
	*dst, err = d.text(path, max)
	return err
}

// text reads a JSON string (null is empty) of at most max characters.
func (d *fileDecoder) text(path string, max int) (string, error) {
	t, err := d.next()
	if err != nil || t == nil {
		return "", err
	}
	s, ok := t.(string)
	switch {
	case !ok:
		return "", FieldError{path, "expected text (a JSON string), got " + jsonType(t)}
	case utf8.RuneCountInString(s) > max:
		return "", FieldError{path, fmt.Sprintf("too long (%d characters, at most %d)", utf8.RuneCountInString(s), max)}
	case strings.ContainsRune(s, utf8.RuneError) && loneSurrogate(d.src[d.prev:d.dec.InputOffset()]):
		// encoding/json turns "\ud800" into U+FFFD; a link refuses the same bytes.
		return "", FieldError{path, "is not valid UTF-8 text (a \\u escape of half a surrogate pair)"}
	}
	return s, nil
}

// num reads a number: a JSON number, a JSON string holding one, or null
// (unset). Unreadable text is kept for validation to report.
func (d *fileDecoder) num(path string, n *Num) error {
	t, err := d.next()
	if err != nil {
		return err
	}
	switch v := t.(type) {
	case nil:
		*n = Num{}
	case json.Number:
		*n = ParseNum(string(v))
	case string:
		*n = ParseNum(v)
	default:
		return FieldError{path, `expected a number such as "2.5" or 2.5 (a JSON string or number), got ` + jsonType(t)}
	}
	return nil
}

// jsonType names a token's JSON type, never its value (which may be long or
// hostile).
func jsonType(t json.Token) string {
	switch v := t.(type) {
	case nil:
		return "null"
	case bool:
		return strconv.FormatBool(v)
	case json.Number:
		return "a JSON number"
	case string:
		return "a JSON string"
	case json.Delim:
		if v == '[' {
			return "a JSON array"
		}
		return "a JSON object"
	}
	return "an unknown JSON value"
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// loneSurrogate reports a \u escape of half a surrogate pair in the JSON
// string literal that lit holds (lit may start with a colon or blanks).
func loneSurrogate(lit []byte) bool {
	hex := func(b []byte) rune {
		v, err := strconv.ParseUint(string(b), 16, 32)
		if err != nil {
			return -1
		}
		return rune(v)
	}
	for i := 0; i+6 <= len(lit); i++ {
		if lit[i] != '\\' {
			continue
		}
		if lit[i+1] != 'u' {
			i++ // an escaped character, perhaps a backslash
			continue
		}
		switch r := hex(lit[i+2 : i+6]); {
		case r >= 0xd800 && r < 0xdc00:
			if i+12 <= len(lit) && lit[i+6] == '\\' && lit[i+7] == 'u' {
				if lo := hex(lit[i+8 : i+12]); lo >= 0xdc00 && lo < 0xe000 {
					i += 11
					continue
				}
			}
			return true
		case r >= 0xdc00 && r < 0xe000:
			return true
		}
		i += 5
	}
	return false
}

// invalidUTF8At is the offset of the first byte of b that is not UTF-8.
func invalidUTF8At(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// position is "line L, column C" (1-based, columns in characters) of a byte
// offset.
func position(b []byte, off int) string {
	off = min(max(off, 0), len(b))
	line := 1 + bytes.Count(b[:off], []byte("\n"))
	col := 1 + utf8.RuneCount(b[bytes.LastIndexByte(b[:off], '\n')+1:off])
	return fmt.Sprintf("line %d, column %d", line, col)
}

// EncodeScenario writes the scenario file, indented, with numbers as
// strings. Characters that would act on a terminal or reorder text around
// them (control, bidi and separator characters: unsafeRune) are written as
// \u escapes, so that printing or listing a file never runs them, whatever
// the scenario holds (`infercost link decode` prints unvalidated ones).
func EncodeScenario(w io.Writer, s *Scenario) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return err
	}
	_, err := w.Write(escapeUnsafe(b.Bytes()))
	return err
}

// escapeUnsafe escapes what encoding/json leaves raw: DEL, C1 controls and
// the bidi controls. Outside its strings, JSON is ASCII without DEL, so every
// such character is in a string, where \uXXXX means the same.
func escapeUnsafe(b []byte) []byte {
	unsafe := func(r rune) bool { return r >= 0x7f && unsafeRune(r) }
	if !bytes.ContainsFunc(b, unsafe) {
		return b
	}
	out := make([]byte, 0, len(b)+64)
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if unsafe(r) {
			out = fmt.Appendf(out, `\u%04x`, r)
		} else {
			out = append(out, b[:n]...)
		}
		b = b[n:]
	}
	return out
}
