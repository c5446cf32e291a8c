package app

import (
	"testing"

	"github.com/infercost/infercost/engine"
	"github.com/shopspring/decimal"
)

func TestSignature(t *testing.T) {
	m1 := map[string]string{"a": "1", "b": "2", "c": "3"}
	m2 := map[string]string{"c": "3", "a": "1", "b": "2"}
	if signature(m1) != signature(m2) {
		t.Errorf("a map's signature depends on its order: %q, %q", signature(m1), signature(m2))
	}
	if got, want := signature(1, true, "x|y", engine.Cloud, engine.MetricCostPerMTokens, decimal.RequireFromString("1.50"), m1, map[string]bool{"o1-commit": true}),
		`1|true|"x|y"|cloud|cost_per_m_tokens|1.5|a="1";b="2";c="3";|o1-commit=true;|`; got != want {
		t.Errorf("signature = %q, want %q", got, want)
	}
	// Parts whose printed forms would run together must still differ.
	differ := [][2][]any{
		{{"a|b"}, {"a", "b"}},
		{{map[string]string{"a": "1;b=2"}}, {map[string]string{"a": "1", "b": "2"}}},
		{{12, 3}, {1, 23}},
		{{map[string]string{}}, {map[string]string{"a": ""}}},
	}
	for _, d := range differ {
		if signature(d[0]...) == signature(d[1]...) {
			t.Errorf("%v and %v have the same signature %q", d[0], d[1], signature(d[0]...))
		}
	}
	defer func() {
		if recover() == nil {
			t.Error("an unknown part type did not panic")
		}
	}()
	signature(3.5)
}
