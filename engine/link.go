package engine

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// Scenario links: the whole scenario in the URL fragment, which never
// reaches a server. The format is documented in docs/links.md; it is a
// public file format, so a change adds a version (and a migration) and never
// edits an old one: the golden corpus in testdata/links enforces that.
//
//	#<version><form>.<payload>
//	  version: decimal, LinkVersion today (older links are read as they were meant)
//	  form "r": payload is the token list itself (readable)
//	  form "z": payload is base64url (no padding) of the deflated token list
//	token list: tokens joined by "~", each "key" or "key=value"

// LinkVersion is the link format version this engine writes. Version 2
// added the model's expert fields (Field.Since); a version-1 link cannot
// hold them and is otherwise read exactly as before. Version 3 carries
// scenario format 2: a time-per-output-token target by default, and a
// time-to-first-token target; a link of version 1 or 2 without a target
// meant none and opens with 0, "no target" (upgrade). Version 4 added deal
// terms, financing, power budgets and ranges; version 5 hybrid fleets,
// the sizing basis and range shapes; version 6 disaggregated serving;
// version 7 the request overhead; version 8 the MLA decode time; version
// 9 the model's sliding-window layers (docs/links.md, Versions).
const LinkVersion = 9

// Bounds on what a link decoder accepts, whatever the input.
const (
	MaxLinkLen     = 8192  // characters of a fragment
	maxInflated    = 32768 // bytes of an inflated token list
	maxLinkTokens  = 600
	maxTextEncoded = 1024 // characters of one escaped text value
	maxKeyLen      = 8
)

// readableSafe are the characters a readable link may use: they pass
// through browsers, chat tools and email unescaped.
func readableSafe(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-._~+=!*,:@", r)
}

// EncodeLink returns the fragment (without "#") of the canonical form of s:
// the readable form when it is safe and not longer, else the compressed one.
func EncodeLink(s *Scenario) string {
	n := Normalize(s)
	tokens := linkTokens(&n)
	payload := strings.Join(tokens, "~")
	v := strconv.Itoa(LinkVersion)
	z := v + "z." + compress(payload)
	if strings.IndexFunc(payload, func(r rune) bool { return !readableSafe(r) }) < 0 {
		if r := v + "r." + payload; len(r) <= len(z) {
			return r
		}
	}
	return z
}

// deflater is reused: a new flate.Writer allocates about 800 KB, and the
// app encodes the link on every keystroke.
var deflater struct {
	sync.Mutex
	w   *flate.Writer
	buf bytes.Buffer
}

func compress(payload string) string {
	deflater.Lock()
	defer deflater.Unlock()
	deflater.buf.Reset()
	if deflater.w == nil {
		deflater.w, _ = flate.NewWriter(&deflater.buf, flate.BestCompression)
	} else {
		deflater.w.Reset(&deflater.buf)
	}
	deflater.w.Write([]byte(payload))
	deflater.w.Close()
	return base64.RawURLEncoding.EncodeToString(deflater.buf.Bytes())
}

// linkTokens lists the tokens of a normalized scenario in canonical order.
func linkTokens(s *Scenario) []string {
	var t []string
	if s.Name != "" {
		t = append(t, "n="+escapeText(s.Name))
	}
	for _, f := range WorkloadFields {
		if n := f.Get(&s.Workload); !n.IsZero() {
			t = append(t, f.Link+"="+n.String())
		}
	}
	if s.Workload.DailyProfile != "" {
		t = append(t, profileKey+"="+escapeText(s.Workload.DailyProfile))
	}
	if s.Model.Preset != "" {
		t = append(t, "m="+escapeText(s.Model.Preset))
	}
	for _, f := range ModelFields {
		if n := f.Get(&s.Model); !n.IsZero() {
			t = append(t, f.Link+"="+n.String())
		}
	}
	if s.Revenue != nil {
		t = append(t, "rev")
		for _, f := range RevenueFields {
			if n := f.Get(s.Revenue); !n.IsZero() {
				t = append(t, f.Link+"="+n.String())
			}
		}
	}
	t = append(t, uncertaintyTokens(s)...)
	for i := range s.Options {
		o := &s.Options[i]
		t = append(t, "o="+escapeText(string(o.Kind)))
		if o.Label != "" {
			t = append(t, "l="+escapeText(o.Label))
		}
		if o.ThroughputPreset != "" {
			t = append(t, "tpp="+escapeText(o.ThroughputPreset))
		}
		if o.Accelerator != nil {
			t = append(t, "a="+escapeText(o.Accelerator.Preset))
			for _, f := range AcceleratorFields {
				if n := f.Get(o.Accelerator); !n.IsZero() {
					t = append(t, f.Link+"="+n.String())
				}
			}
		}
		for _, f := range OptionFields {
			if n := f.Get(o); !n.IsZero() {
				t = append(t, f.Link+"="+n.String())
			}
		}
		for k := range o.Commitments {
			t = append(t, tierKey+"="+tierValue(&o.Commitments[k]))
		}
	}
	return t
}

// tierKey is the key of a commitment tier's token: one token a tier, in
// the option's order, each "ct=" and the tier's CommitmentFields in their
// order, separated by commas, an unset field empty and trailing empty
// fields left out ("ct=64,2.1,13,24,0.5", "ct=32,,7,12"). Since format 4.
const tierKey = "ct"

func tierValue(c *Commitment) string {
	vals := make([]string, len(CommitmentFields))
	last := 0
	for k, f := range CommitmentFields {
		// Only a number: text that is not one (Num.Bad) is never written,
		// for a link holds the value's exact digits and nothing else.
		if n := f.Get(c); n.Set() {
			vals[k] = n.String()
			last = k + 1
		}
	}
	return strings.Join(vals[:last], ",")
}

// profileKey is the key of the daily profile's token: its text, a
// preset's name or 24 shares separated by commas ("dp=business_hours",
// "dp=0.02,0.02,…"). Since format 5.
const profileKey = "dp"

// setTier reads a commitment tier's token value into a new tier of o.
func setTier(o *Option, version int, val string) error {
	if o.Kind != Cloud || version < 4 {
		return linkErr("unknown part %q for an option of kind %s", tierKey, o.Kind)
	}
	if len(o.Commitments) >= MaxCommitments {
		return linkErr("an option has more than %d commitment tiers", MaxCommitments)
	}
	vals := strings.Split(val, ",")
	if len(vals) > len(CommitmentFields) {
		return linkErr("a commitment tier has %d values, at most %d", len(vals), len(CommitmentFields))
	}
	var c Commitment
	for k, v := range vals {
		if v == "" {
			continue
		}
		f := CommitmentFields[k]
		if err := setNum(f.Get(&c), "commitment tier "+strconv.Itoa(len(o.Commitments)+2)+": "+f.Label, v); err != nil {
			return err
		}
	}
	o.Commitments = append(o.Commitments, c)
	return nil
}

// escapeText makes text safe inside a token: "%", "~", "=" and "+" and
// control characters become %XX, a space becomes "+". Other characters,
// any Unicode, stay as they are.
func escapeText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == ' ':
			b.WriteByte('+')
		case r == '%' || r == '~' || r == '=' || r == '+' || r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "%%%02X", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func unescapeText(s string) (string, error) {
	if len(s) > maxTextEncoded {
		return "", errors.New("text too long")
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '+':
			b.WriteByte(' ')
		case '%':
			if i+2 >= len(s) {
				return "", errors.New("bad %-escape")
			}
			v, err := strconv.ParseUint(s[i+1:i+3], 16, 8)
			if err != nil {
				return "", errors.New("bad %-escape")
			}
			b.WriteByte(byte(v))
			i += 2
		default:
			b.WriteByte(c)
		}
	}
	if !utf8.ValidString(b.String()) {
		return "", errors.New("text is not valid UTF-8")
	}
	return b.String(), nil
}

// LinkError explains why a link cannot be opened.
type LinkError struct{ Msg string }

func (e *LinkError) Error() string { return "this link cannot be opened: " + e.Msg }

func linkErr(format string, a ...any) error { return &LinkError{fmt.Sprintf(format, a...)} }

// DecodeLink reads a link: a full URL, a fragment with or without "#".
// Whatever the input, it returns within bounded time and memory, either a
// scenario (which Evaluate then validates) or a LinkError saying why not.
func DecodeLink(link string) (Scenario, error) {
	link = strings.TrimSpace(link)
	if i := strings.IndexByte(link, '#'); i >= 0 {
		link = link[i+1:]
	} else if strings.Contains(link, "://") {
		return Scenario{}, linkErr("it has no scenario (nothing after #)")
	}
	if len(link) > MaxLinkLen {
		return Scenario{}, linkErr("it is %d characters long, more than any scenario needs (%d)", len(link), MaxLinkLen)
	}
	if link == "" {
		return Scenario{}, linkErr("it is empty")
	}
	head, payload, ok := strings.Cut(link, ".")
	if !ok || len(head) < 2 || len(head) > 6 {
		return Scenario{}, linkErr("it does not start with a format version")
	}
	form := head[len(head)-1]
	version, err := strconv.Atoi(head[:len(head)-1])
	if err != nil || version < 1 {
		return Scenario{}, linkErr("it does not start with a format version")
	}
	if version > LinkVersion {
		return Scenario{}, linkErr("it was made by a newer version of infercost (link format %d; this one reads up to %d): reload to update the app", version, LinkVersion)
	}
	var tokens string
	switch form {
	case 'r':
		tokens = payload
	case 'z':
		raw, err := base64.RawURLEncoding.DecodeString(payload)
		if err != nil {
			return Scenario{}, linkErr("its compressed part is damaged (was it cut short?)")
		}
		out, err := io.ReadAll(io.LimitReader(flate.NewReader(bytes.NewReader(raw)), maxInflated+1))
		if err != nil {
			return Scenario{}, linkErr("its compressed part is damaged (was it cut short?)")
		}
		if len(out) > maxInflated {
			return Scenario{}, linkErr("it expands to more than %d bytes, more than any scenario needs", maxInflated)
		}
		tokens = string(out)
	default:
		return Scenario{}, linkErr("unknown link form %q", form)
	}
	s, err := parseTokens(version, tokens)
	if err == nil {
		upgrade(&s)
	}
	return s, err
}

// parseTokens reads a token list of the given version: a field that came
// with a later version is an unknown part.
func parseTokens(version int, list string) (Scenario, error) {
	s := Scenario{Version: FormatVersion}
	if version < 3 {
		s.Version = 1 // the scenario format links of version 1 and 2 carry
	}
	if list == "" {
		return s, nil // an empty scenario: validation lists what it needs
	}
	parts := strings.Split(list, "~")
	if len(parts) > maxLinkTokens {
		return s, linkErr("it has %d parts, more than any scenario needs", len(parts))
	}
	var opt *Option
	seen := map[string]bool{}
	for _, p := range parts {
		key, val, hasVal := strings.Cut(p, "=")
		if len(key) > maxKeyLen || key == "" {
			return s, linkErr("unreadable part %q", truncate(p, 20))
		}
		scope := "top"
		if opt != nil {
			scope = fmt.Sprintf("o%d", len(s.Options))
		}
		if opt != nil && key == tierKey {
			if !hasVal {
				return s, linkErr("part %q has no value", key)
			}
			if err := setTier(opt, version, val); err != nil {
				return s, err
			}
			continue
		}
		if opt == nil && key == rangeLinkKey {
			if _, err := setUncertainty(&s, version, key, val); err != nil {
				return s, err
			}
			continue
		}
		if seen[scope+key] {
			return s, linkErr("%q appears twice", key)
		}
		seen[scope+key] = true
		if key == "o" {
			if len(s.Options) >= MaxOptions {
				return s, linkErr("it has more than %d options", MaxOptions)
			}
			kind, err := unescapeText(val)
			if err != nil || !Kind(kind).Valid() || Kind(kind) == Hybrid && version < 5 {
				return s, linkErr("unknown option kind %q", truncate(val, 20))
			}
			s.Options = append(s.Options, Option{Kind: Kind(kind)})
			opt = &s.Options[len(s.Options)-1]
			continue
		}
		if !hasVal && key != "rev" {
			return s, linkErr("part %q has no value", truncate(key, 8))
		}
		var err error
		if opt == nil {
			err = setTop(&s, version, key, val)
		} else {
			err = setOption(opt, version, key, val)
		}
		if err != nil {
			return s, err
		}
	}
	return s, nil
}

func setText(dst *string, key, val string, max int) error {
	t, err := unescapeText(val)
	if err != nil {
		return linkErr("%s: %v", key, err)
	}
	if utf8.RuneCountInString(t) > max {
		return linkErr("%s is longer than %d characters", key, max)
	}
	*dst = t
	return nil
}

func setNum(n *Num, key, val string) error {
	v := ParseNum(val)
	if !v.Set() {
		reason := "is empty"
		if v.Bad() != "" {
			reason = numError(v.Bad()).Error()
		}
		return linkErr("%s %s", key, reason)
	}
	*n = v
	return nil
}

func setTop(s *Scenario, version int, key, val string) error {
	switch key {
	case "n":
		return setText(&s.Name, "the name", val, MaxNameLen)
	case "m":
		return setText(&s.Model.Preset, "the model", val, maxPresetLen)
	case "rev":
		s.Revenue = &Revenue{}
		return nil
	case profileKey:
		if version >= 5 {
			return setText(&s.Workload.DailyProfile, "the daily profile", val, MaxProfileLen)
		}
	}
	if ok, err := setUncertainty(s, version, key, val); ok {
		return err
	}
	for _, f := range WorkloadFields {
		if f.Link == key && f.InLink(version) {
			return setNum(f.Get(&s.Workload), f.Label, val)
		}
	}
	for _, f := range ModelFields {
		if f.Link == key && f.InLink(version) {
			return setNum(f.Get(&s.Model), f.Label, val)
		}
	}
	if s.Revenue != nil {
		for _, f := range RevenueFields {
			if f.Link == key && f.InLink(version) {
				return setNum(f.Get(s.Revenue), f.Label, val)
			}
		}
	}
	return linkErr("unknown part %q", truncate(key, 8))
}

func setOption(o *Option, version int, key, val string) error {
	switch key {
	case "l":
		return setText(&o.Label, "an option label", val, MaxLabelLen)
	case "a":
		if !o.Kind.SelfHosted() { // an API has no accelerator; a file refuses one too
			return linkErr("unknown part %q for an option of kind %s", key, o.Kind)
		}
		o.Accelerator = &Accelerator{}
		return setText(&o.Accelerator.Preset, "the accelerator", val, maxPresetLen)
	case "tpp":
		if !o.Kind.SelfHosted() || version < 3 { // since link format 3
			return linkErr("unknown part %q for an option of kind %s", key, o.Kind)
		}
		return setText(&o.ThroughputPreset, "the throughput preset", val, maxPresetLen)
	}
	if o.Accelerator != nil {
		for _, f := range AcceleratorFields {
			if f.Link == key && f.InLink(version) {
				return setNum(f.Get(o.Accelerator), f.Label, val)
			}
		}
	}
	for _, f := range OptionFields {
		if f.Link == key && f.AppliesTo(o.Kind) && f.InLink(version) {
			return setNum(f.Get(o), f.Label, val)
		}
	}
	return linkErr("unknown part %q for an option of kind %s", truncate(key, 8), o.Kind)
}
