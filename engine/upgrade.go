package engine

// upgrade brings a scenario of an older file format to the current one,
// stating what it meant, so that it evaluates as it always did:
//
//   - Format 1 (links of format 1 and 2) had no default time-per-output-
//     token target: a scenario without one meant none. Format 2 defaults
//     to DefaultTPOTTargetMs, so the upgrade writes 0, "no target".
//
// Decoders (files and links), Resolve and Normalize apply it, so a
// scenario built in code with Version 1 means what format 1 meant.
func upgrade(s *Scenario) {
	if s.Version != 1 {
		return
	}
	if w := &s.Workload; !w.TPOTSLOms.Set() && w.TPOTSLOms.Bad() == "" {
		w.TPOTSLOms = NumOf(zero)
	}
	s.Version = 2
}
