package app

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/infercost/infercost/engine"
	"github.com/shopspring/decimal"
)

// signature joins everything a part shows into one string: go-app re-renders
// a part only when its signature changes. Every part's signature is built on
// every keystroke, so it is written by hand: fmt printed the form's maps
// through reflection and sorted their keys with it, which cost 50 ms of the
// first render under wasm and showed on each keystroke.
func signature(parts ...any) string {
	var b strings.Builder
	writeSig(&b, parts...)
	return b.String()
}

// writeSig appends parts to b, each followed by "|"; a map is written as its
// key=value pairs in key order. It panics on a type it does not know, so a
// new kind of part cannot silently leave the signature unchanged.
func writeSig(b *strings.Builder, parts ...any) {
	for _, p := range parts {
		switch v := p.(type) {
		case string:
			b.WriteString(strconv.Quote(v)) // quoted: "a|b" and "a","b" differ
		case int:
			b.WriteString(strconv.Itoa(v))
		case bool:
			b.WriteString(strconv.FormatBool(v))
		case engine.Kind:
			b.WriteString(string(v))
		case engine.Metric:
			b.WriteString(string(v))
		case decimal.Decimal:
			b.WriteString(v.String())
		case map[string]string:
			for _, k := range slices.Sorted(maps.Keys(v)) {
				b.WriteString(k + "=" + strconv.Quote(v[k]) + ";")
			}
		case []map[string]string:
			b.WriteString(strconv.Itoa(len(v)) + "[")
			for _, m := range v {
				writeSig(b, m)
			}
			b.WriteString("]")
		case map[string]bool:
			for _, k := range slices.Sorted(maps.Keys(v)) {
				b.WriteString(k + "=" + strconv.FormatBool(v[k]) + ";")
			}
		default:
			panic("signature: unsupported part type")
		}
		b.WriteByte('|')
	}
}
