package engine

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Entry: numbers as a person types them into a field, the way a
// spreadsheet takes them. The page's inputs and the command line's -set
// read every number through ParseEntry, so both accept and refuse exactly
// the same text with the same message. Scenario files and links keep plain
// decimals (ParseNum): they are data, written by programs.
//
// Accepted, on top of a plain decimal ("1500", "0.3", "1e3", ".5"):
//   - thousands separators in the whole part: "50,000,000", or a space, a
//     no-break space or a thin space as in "50 000 000" (SI style). Groups
//     are of three digits; one kind of separator a number. A comma is never
//     a decimal point: "1,5" is refused with a hint.
//   - a suffix k or K (thousand), M (million), B (billion), with or without
//     a space before it: "50M", "1.5k", "2 B". A lower-case m or b is
//     refused (milli? bits?) with a hint to write M or B.
//   - a percentage for a share (a field whose unit is a share, see
//     Field.Share): "30%" or "30 %" is 0.3. A bare "10" is never read as
//     10 %: the range check says "must be ≤ 1" and suggests "10%".
//   - a leading "$" for an amount in dollars (Field.Money): "$2.99",
//     "$1,200", "$2.5k".
//   - a minus sign as the page shows it ("−", U+2212) as well as "-".
//
// The value is exact: the suffix and the percentage shift the decimal
// point, nothing is rounded, and the bounds of ParseNum (10^15, 18 decimal
// places) apply to the value.

// maxEntryLen bounds the text of an entry: "−$999,999,999,999,999.999999999999999999 %"
// fits with room to spare.
const maxEntryLen = 64

// Share reports a field whose value is a share of a whole (1 is 100 %):
// its unit says so ("0–1", "share/month", "share of capex", …). Such a
// field also takes a percentage ("30%").
func (f *Field) Share() bool { return f.Unit == "0–1" || strings.HasPrefix(f.Unit, "share") }

// Money reports a field in dollars ("$", "$/M tokens", …): it also takes a
// leading "$".
func (f *Field) Money() bool { return strings.HasPrefix(f.Unit, "$") }

// entry is an entry taken apart: the number as typed (sign, digits with
// the separators removed) and its decorations.
type entry struct {
	neg     bool
	dollar  bool
	core    string // digits and point, or a plain decimal with exponent
	places  int    // decimal places typed in core (0 with an exponent)
	shift   int32  // 3, 6 or 9 for k, M, B; -2 for %
	percent bool
	grouped bool
}

var groupSeps = []string{",", " ", "\u00a0", "\u2009", "\u202f"}

// ParseEntry reads the text typed into the field f. Empty text (or only
// spaces) is unset; text that is not an acceptable number is kept as bad
// text, which Check reports with the reason EntryProblem gives.
func ParseEntry(s string, f *Field) Num {
	t := strings.TrimSpace(s)
	if t == "" {
		return Num{}
	}
	d, _, err := parseEntry(t, f)
	if err != nil {
		return Num{bad: truncate(t, maxEntryLen+1)}
	}
	return Num{v: d, ok: true}
}

// EntryProblem says why text is not a number field f takes, or "" when it
// is one.
func EntryProblem(s string, f *Field) string {
	t := strings.TrimSpace(s)
	if t == "" {
		return ""
	}
	if _, _, err := parseEntry(t, f); err != nil {
		return err.Error()
	}
	return ""
}

func parseEntry(t string, f *Field) (decimal.Decimal, entry, error) {
	var e entry
	if len(t) > maxEntryLen {
		return zero, e, fmt.Errorf("is too long to be a number (%d characters, at most %d)", len(t), maxEntryLen)
	}
	notNumber := func(why string) error {
		if why == "" {
			return fmt.Errorf("%q is not a number", t)
		}
		return fmt.Errorf("%q is not a number: %s", t, why)
	}
	rest := t
	sign := func() bool {
		for _, m := range []string{"-", "−", "+"} {
			if r, ok := strings.CutPrefix(rest, m); ok {
				rest, e.neg = r, m != "+"
				return true
			}
		}
		return false
	}
	signed := sign()
	if r, ok := strings.CutPrefix(rest, "$"); ok {
		rest, e.dollar = r, true
		if !signed {
			sign()
		}
	}
	// The end: a percentage or a suffix, perhaps after a space.
	switch {
	case strings.HasSuffix(rest, "%"):
		rest, e.percent, e.shift = strings.TrimRight(strings.TrimSuffix(rest, "%"), " \u00a0\u2009\u202f"), true, -2
	default:
		body := strings.TrimRight(rest, "kKMBmbnT")
		suffix := rest[len(body):]
		body = strings.TrimRight(body, " \u00a0\u2009\u202f")
		switch suffix {
		case "":
		case "k", "K":
			e.shift = 3
		case "M":
			e.shift = 6
		case "B":
			e.shift = 9
		case "m", "mm", "mn":
			return zero, e, notNumber(`write M for a million ("50M")`)
		case "b", "bn":
			return zero, e, notNumber(`write B for a billion ("2B")`)
		default:
			return zero, e, notNumber("the suffixes are k (thousand), M (million) and B (billion)")
		}
		if e.shift != 0 {
			rest = body
		}
	}
	if e.dollar && !f.Money() {
		return zero, e, notNumber(fmt.Sprintf("$ goes with amounts in dollars; this field is in %s", unitWords(f)))
	}
	if e.percent && !f.Share() {
		return zero, e, notNumber(fmt.Sprintf("a percentage goes with a share; this field is in %s", unitWords(f)))
	}
	if rest == "" || strings.ContainsAny(rest[:1], "+-$") || strings.HasPrefix(rest, "−") {
		return zero, e, notNumber("")
	}
	// Thousands separators in the whole part.
	whole, frac, hasPoint := strings.Cut(rest, ".")
	for _, sep := range groupSeps {
		if !strings.Contains(rest, sep) {
			continue
		}
		if after := whole[strings.Index(whole, ",")+1:]; sep == "," && !hasPoint && strings.Count(whole, ",") == 1 &&
			len(after) != 3 && after != "" && strings.Trim(after, "0123456789") == "" {
			return zero, e, notNumber(`write the decimal point as "." (a comma separates thousands, as in 1,500)`)
		}
		groups := strings.Split(whole, sep)
		ok := !strings.Contains(frac, sep) && len(groups[0]) >= 1 && len(groups[0]) <= 3
		for _, g := range groups[1:] {
			ok = ok && len(g) == 3
		}
		digits := strings.Join(groups, "")
		if !ok || strings.Trim(digits, "0123456789") != "" {
			return zero, e, notNumber("thousands are separated in groups of three digits, as in 1,500,000")
		}
		whole, e.grouped = digits, true
		break
	}
	e.core = whole
	if hasPoint {
		e.core += "." + frac
		e.places = len(frac)
	}
	if e.grouped || e.shift != 0 || e.dollar {
		// Decorated numbers are plain digits: no exponent, no stray signs.
		if strings.Trim(e.core, "0123456789.") != "" || e.core == "." {
			return zero, e, notNumber("")
		}
	}
	if strings.ContainsAny(e.core, "eE") {
		e.places = 0
	}
	d, err := parseDecimal(e.core)
	if err != nil {
		// parseDecimal names the digits; the message names the text.
		switch msg := err.Error(); {
		case strings.Contains(msg, "exponent"):
			return zero, e, fmt.Errorf("%s is too large or too small (exponent beyond ±30)", truncate(t, 20))
		case strings.Contains(msg, "too long"):
			return zero, e, fmt.Errorf("is too long to be a number (%d digits, at most %d)", len(e.core), maxNumLen)
		case strings.Contains(msg, "too large"):
			return zero, e, fmt.Errorf("%s is too large (at most 10^15)", t)
		case strings.Contains(msg, "decimal places"):
			return zero, e, fmt.Errorf("%s has more than %d decimal places", t, maxNumPlaces)
		}
		return zero, e, notNumber("")
	}
	if e.shift != 0 {
		d = d.Shift(e.shift)
	}
	if e.neg {
		d = d.Neg()
	}
	if d.Abs().Cmp(maxNumAbs) >= 0 {
		return zero, e, fmt.Errorf("%s is too large (at most 10^15)", t)
	}
	if !d.IsZero() && -d.Exponent() > maxNumPlaces && d.Truncate(maxNumPlaces).Cmp(d) != 0 {
		return zero, e, fmt.Errorf("%s has more than %d decimal places", t, maxNumPlaces)
	}
	return d, e, nil
}

// unitWords names a field's unit for a message.
func unitWords(f *Field) string {
	if f.Unit == "" || f.Unit == "×" {
		return "plain numbers"
	}
	return f.Unit
}

// FormatEntry is how a field shows text typed into it while it is not being
// edited: the same number, exactly, with thousands separators, a suffix
// written out ("50M" shows as "50,000,000"), and the "$" or "%" the user
// typed kept. Nothing is rounded: the decimal places typed are kept, and
// ParseEntry(FormatEntry(s, f), f) is ParseEntry(s, f). Text that is not a
// number the field takes is shown as typed, so its error is about what the
// user sees.
func FormatEntry(s string, f *Field) string {
	t := strings.TrimSpace(s)
	d, e, err := parseEntry(t, f)
	if t == "" || err != nil {
		return s
	}
	shown, places, suffix := d.Abs(), int32(e.places), ""
	if e.percent {
		shown, suffix = shown.Shift(2), "%"
	} else {
		places -= e.shift
	}
	places = max(places, -shown.Exponent(), 0)
	// The places typed are kept, trailing zeros included, but never so
	// many that the number shown (a "0" before the point where none was
	// typed) is longer than a number may be: only trailing zeros go, since
	// a number keeps at most maxNumPlaces significant places.
	if whole := int32(len(shown.Truncate(0).String())); whole+1+places > maxNumLen {
		significant := int32(0) // places of the value without its trailing zeros
		if str := shown.String(); strings.Contains(str, ".") {
			significant = int32(len(str) - strings.Index(str, ".") - 1)
		}
		places = max(int32(maxNumLen)-whole-1, significant, 0)
	}
	out := group(shown.StringFixed(places))
	if e.dollar {
		out = "$" + out
	}
	if d.Sign() < 0 {
		out = "−" + out
	}
	return out + suffix
}

// Exact is a value with thousands separators and every decimal place it
// has: what an input shows for a default, never rounded.
func Exact(d decimal.Decimal) string {
	s := group(d.Abs().String())
	if d.Sign() < 0 {
		s = "−" + s
	}
	return s
}

// entryCheck explains bad text held by a field. Text the page would take
// but a file or a link holds ("50M" in a JSON file) gets the plain decimal
// to write instead.
func entryCheck(f *Field, bad string) string {
	d, _, err := parseEntry(bad, f)
	if err != nil {
		return err.Error()
	}
	return fmt.Sprintf("%q is not a plain decimal number: files and links hold plain decimals (%s)", bad, d.String())
}

// shareHint is the end of a range error of a share given as a percentage
// by mistake ("10" for 10 %): the text that means it.
func shareHint(f *Field, v decimal.Decimal) string {
	if !f.Share() || v.Cmp(f.Max) <= 0 || v.Cmp(hundred) > 0 || f.Max.Cmp(one) > 0 {
		return ""
	}
	return fmt.Sprintf(": a share, where 1 is 100 %% (for %s %% type %s%% or %s)", v, v, v.Shift(-2))
}

// FieldAt is the registry entry of a field path as errors and the page
// name it ("workload.requests_per_day", "options[1].hourly_rate",
// "options[1].accelerator.memory_gb"), or nil.
func FieldAt(path string) *Field {
	if _, key, ok := SplitOptionPath(path); ok {
		if _, k, tier := splitTierKey(key); tier {
			for i := range CommitmentFields {
				if CommitmentFields[i].Key == k {
					return &CommitmentFields[i].Field
				}
			}
			return nil
		}
		if k, accel := strings.CutPrefix(key, "accelerator."); accel {
			for i := range AcceleratorFields {
				if AcceleratorFields[i].Key == k {
					return &AcceleratorFields[i].Field
				}
			}
			return nil
		}
		for i := range OptionFields {
			if OptionFields[i].Key == key {
				return &OptionFields[i].Field
			}
		}
		return nil
	}
	group, key, _ := strings.Cut(path, ".")
	switch group {
	case "workload":
		for i := range WorkloadFields {
			if WorkloadFields[i].Key == key {
				return &WorkloadFields[i].Field
			}
		}
	case "model":
		for i := range ModelFields {
			if ModelFields[i].Key == key {
				return &ModelFields[i].Field
			}
		}
	case "revenue":
		for i := range RevenueFields {
			if RevenueFields[i].Key == key {
				return &RevenueFields[i].Field
			}
		}
	}
	return nil
}

// splitTierKey splits an option key "commitments[2].start_month" into the
// tier's index and its field's key.
func splitTierKey(key string) (int, string, bool) {
	rest, ok := strings.CutPrefix(key, "commitments[")
	if !ok {
		return 0, "", false
	}
	idx, field, ok := strings.Cut(rest, "].")
	if !ok || idx == "" || len(idx) > 2 || strings.Trim(idx, "0123456789") != "" {
		return 0, "", false
	}
	t, _ := strconv.Atoi(idx)
	return t, field, true
}

// SetEntry sets the field at path in s to text typed as on the page
// (ParseEntry): the command line's -set. A path that names no field of s
// is an error; text that is not a number is kept for Check to report
// against the field, as the page does. Setting a revenue price turns
// revenue on; setting an accelerator spec of a self-hosted option without
// one gives it a custom accelerator.
func SetEntry(s *Scenario, path, text string) error {
	if path == "workload.daily_profile" { // text: a preset or 24 shares
		s.Workload.DailyProfile = strings.TrimSpace(text)
		return nil
	}
	if path == "model.preset" { // text: a preset's name, as a file gives it
		s.Model.Preset = strings.TrimSpace(text)
		return nil
	}
	if i, key, ok := SplitOptionPath(path); ok && key == "accelerator.preset" {
		if i >= len(s.Options) {
			return fmt.Errorf("%s: the scenario has %d option(s), numbered from 0", path, len(s.Options))
		}
		o := &s.Options[i]
		if !o.Kind.SelfHosted() {
			return fmt.Errorf("%s: options[%d] is %s, which has no accelerator", path, i, o.Kind)
		}
		if o.Accelerator == nil {
			o.Accelerator = &Accelerator{}
		}
		o.Accelerator.Preset = strings.TrimSpace(text)
		return nil
	}
	f := FieldAt(path)
	if f == nil {
		return fmt.Errorf("%s: no such input (see infercost eval -inputs for the paths)", path)
	}
	n := ParseEntry(text, f)
	if i, key, ok := SplitOptionPath(path); ok {
		if i >= len(s.Options) {
			return fmt.Errorf("%s: the scenario has %d option(s), numbered from 0", path, len(s.Options))
		}
		o := &s.Options[i]
		if t, k, tier := splitTierKey(key); tier {
			if o.Kind != Cloud {
				return fmt.Errorf("%s: options[%d] is %s; only a cloud option has commitment tiers", path, i, o.Kind)
			}
			if t > len(o.Commitments) || t >= MaxCommitments {
				return fmt.Errorf("%s: options[%d] has %d tier(s) beyond the first, numbered from 0; the next is %d (at most %d)", path, i, len(o.Commitments), len(o.Commitments), MaxCommitments)
			}
			if t == len(o.Commitments) {
				o.Commitments = append(o.Commitments, Commitment{})
			}
			for _, cf := range CommitmentFields {
				if cf.Key == k {
					*cf.Get(&o.Commitments[t]) = n
				}
			}
			return nil
		}
		if k, accel := strings.CutPrefix(key, "accelerator."); accel {
			if !o.Kind.SelfHosted() {
				return fmt.Errorf("%s: options[%d] is %s, which has no accelerator", path, i, o.Kind)
			}
			if o.Accelerator == nil {
				o.Accelerator = &Accelerator{}
			}
			for _, af := range AcceleratorFields {
				if af.Key == k {
					*af.Get(o.Accelerator) = n
				}
			}
			return nil
		}
		for _, of := range OptionFields {
			if of.Key == key {
				if !of.AppliesTo(o.Kind) {
					return fmt.Errorf("%s: does not apply to options[%d], which is %s", path, i, o.Kind)
				}
				*of.Get(o) = n
			}
		}
		return nil
	}
	_, key, _ := strings.Cut(path, ".")
	switch {
	case strings.HasPrefix(path, "workload."):
		for _, wf := range WorkloadFields {
			if wf.Key == key {
				*wf.Get(&s.Workload) = n
			}
		}
	case strings.HasPrefix(path, "model."):
		for _, mf := range ModelFields {
			if mf.Key == key {
				*mf.Get(&s.Model) = n
			}
		}
	case strings.HasPrefix(path, "revenue."):
		if s.Revenue == nil {
			s.Revenue = &Revenue{}
		}
		for _, rf := range RevenueFields {
			if rf.Key == key {
				*rf.Get(s.Revenue) = n
			}
		}
	}
	return nil
}
