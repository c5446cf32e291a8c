package engine

import "testing"

// TestKimiK2PresetArithmetic: the kimi-k2 preset's figures follow from its
// config.json (huggingface.co/moonshotai/Kimi-K2-Instruct: 61 layers, the
// first dense, hidden 7,168, 384 routed experts of intermediate size 2,048,
// 8 a token, MLA with kv_lora_rank 512 and a 64-dim rope key), worked by
// hand:
//   - routed experts: 60 MoE layers × 384 × 3 × 7,168 × 2,048 =
//     1,014,686,023,680 parameters, 1,014.69 B to two places;
//   - KV: (512 + 64) × 61 layers × 2 bytes = 70,272 bytes a token;
//   - active: the always-read 1,026.41 − 1,014.69 = 11.72 B plus 8/384 of
//     the routed, 21.139 B: 32.859, 32.86 B to two places.
func TestKimiK2PresetArithmetic(t *testing.T) {
	m, ok := FindModel("kimi-k2")
	if !ok {
		t.Fatal("no kimi-k2 preset")
	}
	routed := d("60").Mul(d("384")).Mul(d("3")).Mul(d("7168")).Mul(d("2048"))
	if !routed.Equal(d("1014686023680")) || !m.Shape.RoutedParamsB.Dec().Equal(routed.Shift(-9).Round(2)) {
		t.Errorf("routed %s, preset %s", routed, m.Shape.RoutedParamsB)
	}
	if kv := d("576").Mul(d("61")).Mul(two); !kv.Equal(d("70272")) || !m.Shape.KVBytesPerToken.Dec().Equal(kv) {
		t.Errorf("KV bytes %s, preset %s", kv, m.Shape.KVBytesPerToken)
	}
	always := m.Shape.TotalParamsB.Dec().Sub(m.Shape.RoutedParamsB.Dec())
	active := always.Add(m.Shape.RoutedParamsB.Dec().Mul(d("8")).Div(d("384")))
	if !always.Equal(d("11.72")) || !m.Shape.ActiveParamsB.Dec().Equal(active.Round(2)) {
		t.Errorf("always-read %s, active %s, preset %s", always, active, m.Shape.ActiveParamsB)
	}
	if !m.Shape.Experts.Dec().Equal(d("384")) || !m.Shape.ExpertsPerToken.Dec().Equal(d("8")) || !m.Shape.Layers.Dec().Equal(d("61")) ||
		!m.Shape.HiddenSize.Dec().Equal(d("7168")) || !m.Shape.WeightBits.Dec().Equal(d("8")) || !m.Shape.AttentionHeads.Dec().Equal(d("64")) {
		t.Errorf("kimi-k2 shape %+v", m.Shape)
	}
}
