package engine

// The page's keystroke path: what the headline shows, first, and the rest
// once typing pauses. Evaluate gives everything at once; these split it.

// EvaluateHeadline is Evaluate without the power figures (Result.Power is
// nil): the page shows them in their own card, after the headline has
// painted, from PowerOf. Every other figure is Evaluate's.
func EvaluateHeadline(s *Scenario) (*Result, error) {
	p, errs := Check(s)
	if errs != nil {
		return nil, errs
	}
	p.noPower = true
	return p.evaluate()
}

// EvaluateHeadlineResolved is EvaluateHeadline with Resolve(s), which
// the evaluation resolved anyway: the page shows each input's default and
// where it comes from, and resolving again took a second pass over the
// registry on every keystroke. The resolution is nil when s has errors
// (call Resolve then); the caller must not change it.
func EvaluateHeadlineResolved(s *Scenario) (*Result, *Resolution, error) {
	p, res, errs := checkResolved(s)
	if errs != nil {
		return nil, nil, errs
	}
	p.noPower = true
	r, err := p.evaluate()
	if err != nil {
		return nil, nil, err
	}
	return r, res, nil
}

// PowerOf is the power figures of r, the result of EvaluateHeadline (or
// Evaluate) for s: the same as Evaluate's Result.Power.
func PowerOf(s *Scenario, r *Result) (*Power, error) {
	p, errs := Check(s)
	if errs != nil {
		return nil, errs
	}
	return p.power(r), nil
}
