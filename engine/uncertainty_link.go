package engine

import (
	"strconv"
	"strings"
)

// Link keys of the uncertainty (since format 4, docs/links.md): "sd" the
// seed, "ns" the sample count, and one "u" token a range, at most
// MaxRanges, before the options: u=<input>,<low>,<mode>,<high>. The input
// is a workload, model or revenue field's link key ("g", "rpd") or an
// option's index, a dot and its field's link key ("1.hr", "0.bw"; "0.thr"
// for the throughput multiplier). Since format 5 a fifth value may give the
// shape: "ln" log-normal (triangular when absent); a link of version 4 with
// a fifth value other than "triangular" is refused.
const (
	rangeLinkKey      = "u"
	seedLinkKey       = "sd"
	samplesLinkKey    = "ns"
	throughputLinkKey = "thr"
)

// uncertaintyTokens lists a scenario's uncertainty tokens.
func uncertaintyTokens(s *Scenario) []string {
	u := s.Uncertainty
	if u == nil {
		return nil
	}
	var t []string
	if u.Seed.Set() {
		t = append(t, seedLinkKey+"="+u.Seed.String())
	}
	if u.Samples.Set() {
		t = append(t, samplesLinkKey+"="+u.Samples.String())
	}
	for _, r := range u.Ranges {
		v := []string{rangeInputKey(r.Path), linkNum(r.Low), linkNum(r.Mode), linkNum(r.High)}
		switch r.Shape {
		case "", Triangular:
		case Lognormal:
			v = append(v, lognormalLinkShape)
		default: // written as given; validation refuses it
			v = append(v, strings.ReplaceAll(escapeText(string(r.Shape)), ",", "%2C"))
		}
		t = append(t, rangeLinkKey+"="+strings.Join(v, ","))
	}
	return t
}

// linkNum is a seed's, a sample count's or a range value's link form: a
// number as it stands, anything else (text the page holds that is not a
// number, which the Monte Carlo refuses) as empty. The decoder refuses
// such text, and a link the page writes must open: it opens with the value
// empty, which the Monte Carlo refuses as it refused the text.
func linkNum(n Num) string {
	if !n.Set() {
		return ""
	}
	return n.String()
}

// rangeInputKey is a range path's link form; a path that names no field is
// written as escaped text (commas too), which the decoder refuses.
func rangeInputKey(path string) string {
	head, key, _ := strings.Cut(path, ".")
	switch head {
	case "workload":
		for _, f := range WorkloadFields {
			if f.Key == key {
				return f.Link
			}
		}
	case "model":
		for _, f := range ModelFields {
			if f.Key == key {
				return f.Link
			}
		}
	case "revenue":
		for _, f := range RevenueFields {
			if f.Key == key {
				return f.Link
			}
		}
	default:
		idx, ok := strings.CutPrefix(head, "options[")
		idx, ok2 := strings.CutSuffix(idx, "]")
		if i, err := strconv.Atoi(idx); ok && ok2 && err == nil && i >= 0 && i < MaxOptions && strconv.Itoa(i) == idx {
			prefix := idx + "."
			if key == ThroughputKey {
				return prefix + throughputLinkKey
			}
			if akey, ok := strings.CutPrefix(key, "accelerator."); ok {
				for _, f := range AcceleratorFields {
					if f.Key == akey {
						return prefix + f.Link
					}
				}
			}
			for _, f := range OptionFields {
				if f.Key == key {
					return prefix + f.Link
				}
			}
		}
	}
	return strings.ReplaceAll(escapeText(path), ",", "%2C")
}

// rangePath is the path of a range's link input key, or "".
func rangePath(k string) string {
	idx, key, ok := strings.Cut(k, ".")
	if !ok {
		for _, f := range WorkloadFields {
			if f.Link == k {
				return "workload." + f.Key
			}
		}
		for _, f := range ModelFields {
			if f.Link == k {
				return "model." + f.Key
			}
		}
		for _, f := range RevenueFields {
			if f.Link == k {
				return "revenue." + f.Key
			}
		}
		return ""
	}
	i, err := strconv.Atoi(idx)
	if err != nil || i < 0 || i >= MaxOptions || strconv.Itoa(i) != idx {
		return ""
	}
	if key == throughputLinkKey {
		return OptionPath(i, ThroughputKey)
	}
	for _, f := range AcceleratorFields {
		if f.Link == key {
			return OptionPath(i, "accelerator."+f.Key)
		}
	}
	for _, f := range OptionFields {
		if f.Link == key {
			return OptionPath(i, f.Key)
		}
	}
	return ""
}

// setUncertainty reads an uncertainty token of a link of the given version;
// ok is false when key is not one.
func setUncertainty(s *Scenario, version int, key, val string) (ok bool, err error) {
	if key != rangeLinkKey && key != seedLinkKey && key != samplesLinkKey {
		return false, nil
	}
	if version < 4 {
		return true, linkErr("unknown part %q", key)
	}
	if s.Uncertainty == nil {
		s.Uncertainty = &Uncertainty{}
	}
	u := s.Uncertainty
	switch key {
	case seedLinkKey:
		return true, setNum(&u.Seed, "the seed", val)
	case samplesLinkKey:
		return true, setNum(&u.Samples, "the sample count", val)
	}
	if len(u.Ranges) == MaxRanges {
		return true, linkErr("it has more than %d ranges", MaxRanges)
	}
	parts := strings.Split(val, ",")
	if len(parts) < 4 || len(parts) > 5 {
		return true, linkErr("a range has %d values, not 4 or 5", len(parts))
	}
	r := Range{Path: rangePath(parts[0])}
	if r.Path == "" {
		return true, linkErr("a range names an unknown input %q", truncate(parts[0], 12))
	}
	for j, n := range []*Num{&r.Low, &r.Mode, &r.High} {
		if parts[j+1] == "" {
			continue // unset: validation says the range needs it
		}
		if err := setNum(n, "a range's value", parts[j+1]); err != nil {
			return true, err
		}
	}
	if len(parts) == 5 {
		var sh string
		if err := setText(&sh, "a range's shape", parts[4], 20); err != nil {
			return true, err
		}
		switch {
		case sh == "" || sh == string(Triangular):
		case version < 5:
			return true, linkErr("a range's shape %q needs link format 5", truncate(sh, 12))
		case sh == lognormalLinkShape:
			r.Shape = Lognormal
		default:
			r.Shape = Shape(sh)
		}
	}
	u.Ranges = append(u.Ranges, r)
	return true, nil
}
