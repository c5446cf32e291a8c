package app

import (
	"testing"

	"github.com/infercost/infercost/engine"
)

// Errors and changed values are named in words, never by their path: a
// commitment tier as its card titles it (the form's tier k is "Commitment
// tier k+2", the option's own commitment fields being the first).
func TestFieldNameInWords(t *testing.T) {
	s := engine.DefaultScenario()
	c := &Calculator{f: formFrom(&s)}
	label := s.Options[1].Label // the default's second option
	c.f.Options[2].Label = ""
	for path, want := range map[string]string{
		"options[1].commitments[0].months":      "Option “" + label + "”, commitment tier 2: Length",
		"options[1].commitments[1].start_month": "Option “" + label + "”, commitment tier 3: Start month",
		"options[1].commitments":                "Option “" + label + "”: Commitment tiers",
		"options[1].hourly_rate":                "Option “" + label + "”: Hourly rate",
		"options[2].hourly_rate":                "Option 3: Hourly rate",               // no label typed
		"options[7].commitments[0].months":      "Option 8, commitment tier 2: Length", // no longer in the form
		"workload.requests_per_day":             "Requests a day",
	} {
		if got := c.fieldName(path); got != want {
			t.Errorf("fieldName(%q) = %q, want %q", path, got, want)
		}
	}
}
