package engine

import (
	"strings"

	"github.com/shopspring/decimal"
)

// Display rounding. Arithmetic keeps Prec places; only these functions
// round, half away from zero (decimal.StringFixed), when a figure is shown.
// The app, the CLI table and the CSV use them, so they all agree.

var (
	hundred = decimal.NewFromInt(100)
)

// Money formats dollars with separators: whole dollars from $1,000,
// cents from $1, and four places below (unit prices such as $0.2541).
func Money(d decimal.Decimal) string {
	a := d.Abs()
	if a.Round(4).IsZero() {
		return "$0"
	}
	places := int32(4)
	switch {
	case a.Cmp(thousand) >= 0:
		places = 0
	case a.Cmp(one) >= 0:
		places = 2
	}
	return sign(d, places) + "$" + group(a.StringFixed(places))
}

// MoneyFixed formats dollars with a fixed number of places.
func MoneyFixed(d decimal.Decimal, places int32) string {
	return sign(d, places) + "$" + group(d.Abs().StringFixed(places))
}

// Count formats a quantity with separators and at most the given places,
// trailing zeros removed.
func Count(d decimal.Decimal, places int32) string {
	s := d.Abs().StringFixed(places)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "0" {
		return "0"
	}
	neg := ""
	if d.Sign() < 0 {
		neg = "−"
	}
	return neg + group(s)
}

// Percent formats a share (0.474) as "47.4 %".
func Percent(d decimal.Decimal) string {
	return sign(d, 3) + group(d.Abs().Mul(hundred).StringFixed(1)) + " %"
}

// PercentExact is a share as a percentage with every digit it has: an
// input repeated back to the user (a 7.25 % loan rate), never rounded.
func PercentExact(d decimal.Decimal) string { return Exact(d.Mul(hundred)) + " %" }

// sign is a real minus sign for a negative value that does not round to 0.
func sign(d decimal.Decimal, places int32) string {
	if d.Sign() < 0 && !d.Abs().Round(places).IsZero() {
		return "−"
	}
	return ""
}

// group inserts thousands separators into a plain decimal string.
func group(s string) string {
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if hasFrac {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}
