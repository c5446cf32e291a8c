package engine

import "fmt"

// contextWarning is Result.ContextWarning: input + output tokens against
// the catalog model's MaxContextTokens.
func (p *plan) contextWarning() string {
	mp, ok := FindModel(p.model.preset)
	if !ok || mp.MaxContextTokens <= 0 {
		return ""
	}
	w := p.workload
	seq := w.in.Add(w.out)
	limit := dec(mp.MaxContextTokens)
	if seq.Cmp(limit) <= 0 {
		return ""
	}
	return fmt.Sprintf("A request of %s tokens (%s prompt and %s output) is longer than %s's context window of %s tokens (max_position_embeddings in its config.json, %s, as of %s): no provider can serve it as one request, and every figure here costs it as if one could. Shorten the prompt or the output, or choose a model with a longer context.",
		Count(seq, 2), Count(w.in, 2), Count(w.out, 2), mp.Name, Count(limit, 0), mp.Source, mp.AsOf)
}
