package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/infercost/infercost/engine"
	"github.com/shopspring/decimal"
)

// writeSimulation writes the Monte Carlo's ranges, each option's spread,
// win share and regret (table format), as the page shows them.
func writeSimulation(w io.Writer, sim *engine.Simulation) error {
	fmt.Fprintf(w, "\nUncertainty: %s draws, seed %d\n", engine.Count(decimal.NewFromInt(int64(sim.Samples)), 0), sim.Seed)
	for _, r := range sim.Ranges {
		note := ""
		if r.Default {
			note = " (the estimate's validation band)"
		}
		if w := engine.DrawnWithText(sim, r); w != "" {
			note += "; " + w
		}
		if r.Shape == engine.Lognormal {
			fmt.Fprintf(w, "  %s (%s): P10 %s, median %s, P90 %s, lognormal%s\n", r.Label, r.Path, engine.Exact(r.Low), engine.Exact(r.Mode), engine.Exact(r.High), note)
			continue
		}
		fmt.Fprintf(w, "  %s (%s): %s, most likely %s, %s, %s%s\n", r.Label, r.Path, engine.Exact(r.Low), engine.Exact(r.Mode), engine.Exact(r.High), r.Shape, note)
	}
	if line := engine.RedrawnText(sim); line != "" {
		fmt.Fprintf(w, "  %s\n", line)
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	// The present value: the NPV with revenue prices, the net present
	// cost without.
	pv, pvName := func(o *engine.OptionSpread) *engine.Spread { return o.NPV }, "NPV"
	if len(sim.Options) > 0 && sim.Options[0].NPV == nil {
		pv, pvName = func(o *engine.OptionSpread) *engine.Spread { return o.NetPresentCost }, "present cost"
	}
	fmt.Fprintf(tw, "option\ttotal P10\ttotal P50\ttotal P90\t$/M P10\t$/M P50\t$/M P90\tstranded P50\tstranded P90\tmargin P10\tmargin P50\tmargin P90\t%[1]s P10\t%[1]s P50\t%[1]s P90\tP(cheapest)\tregret P50\tregret P90\t\n", pvName)
	three := func(s *engine.Spread) (string, string, string) {
		if s == nil {
			return "–", "–", "–"
		}
		return engine.Money(s.P10), engine.Money(s.P50), engine.Money(s.P90)
	}
	var unable []string
	for _, o := range sim.Options {
		if o.CannotServe > 0 && o.CannotServe < sim.Samples {
			unable = append(unable, fmt.Sprintf("  %s cannot serve in %s of the %s draws: it wins none of them and its spreads are of the others.", o.Label,
				engine.Count(decimal.NewFromInt(int64(o.CannotServe)), 0), engine.Count(decimal.NewFromInt(int64(sim.Samples)), 0)))
		}
		if o.CannotServe == sim.Samples {
			fmt.Fprintf(tw, "%s\tcannot serve in any draw\t%s\n", o.Label, strings.Repeat("–\t", 16))
			continue
		}
		m10, m50, m90 := three(o.Margin)
		v10, v50, v90 := three(pv(&o))
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", o.Label,
			engine.Money(o.TotalCost.P10), engine.Money(o.TotalCost.P50), engine.Money(o.TotalCost.P90),
			engine.Money(o.CostPerMTokens.P10), engine.Money(o.CostPerMTokens.P50), engine.Money(o.CostPerMTokens.P90),
			engine.Money(o.Stranded.P50), engine.Money(o.Stranded.P90), m10, m50, m90, v10, v50, v90,
			engine.Percent(o.WinShare), engine.Money(o.Regret.P50), engine.Money(o.Regret.P90))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, line := range unable {
		fmt.Fprintln(w, line)
	}
	return nil
}
