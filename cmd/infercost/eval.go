package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/infercost/infercost/engine"
)

func init() {
	commands["eval"] = command{"evaluate a scenario file (or link) and print the results", runEval}
}

func runEval(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("infercost eval", flag.ContinueOnError)
	format := fs.String("format", "table", "output `format`: table, json, csv (the report: summary, options, power, uncertainty, every assumption, monthly rows) or csv-monthly (the monthly rows alone)")
	interactivity := fs.Bool("interactivity", false, "also print each estimated option's cost per M tokens at each tokens/s per user (table format)")
	inputs := fs.Bool("inputs", false, "list every input with the value used and where it comes from, instead of the results")
	sizing := fs.Bool("commit-sizing", false, "also size each cloud option's first commitment tier: the size and term that cost the least (table or json format), by total cost or, with -set workload.sizing_basis=1, by net present cost at the discount rate")
	termsText := fs.String("commit-terms", "", "`terms` the sizing compares, in months, each with an optional rate after @ (\"12,24,36\", \"12@2.3,36@1.9\"; default 12,24,36)")
	samplesText := fs.String("samples", "", "draw the scenario's uncertain inputs `N` times (at most 10000; default the scenario's, else 1000) and print the spread of outcomes")
	seedText := fs.String("seed", "", "the Monte Carlo's `seed` (a whole number; default the scenario's, else 1): the same seed gives the same spread here and on the page")
	var sets setFlags
	fs.Var(&sets, "set", "set an input before evaluating, as `path=value` (repeatable): the path as -inputs lists it, the value as the page takes it (50M, 1,500, 30%, $2.99)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: infercost eval [-format table|json|csv|csv-monthly] [-interactivity | -inputs] [-commit-sizing [-commit-terms LIST]] [-samples N] [-seed S] [-set path=value]... FILE|LINK|-")
		fmt.Fprintln(stderr, "\nEvaluates a scenario: a JSON file, a scenario link, or - for standard input.")
		fmt.Fprintln(stderr, "Invalid input prints every problem on stderr and exits 2.")
		fs.PrintDefaults()
	}
	if done, code := parseFlags(fs, args, 1, stderr); done {
		return code
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	switch *format {
	case "table", "json", "csv", "csv-monthly":
	default:
		fmt.Fprintf(stderr, "infercost eval: -format %q: want table, json, csv or csv-monthly\n", *format)
		return 2
	}
	if *interactivity && *format != "table" {
		fmt.Fprintln(stderr, "infercost eval: -interactivity prints a table: use it with -format table")
		return 2
	}
	if *inputs && *interactivity {
		fmt.Fprintln(stderr, "infercost eval: -inputs lists the inputs instead of the results: drop -interactivity")
		return 2
	}
	if *inputs && *format != "table" {
		fmt.Fprintln(stderr, "infercost eval: -inputs lists the inputs as a table: drop -format")
		return 2
	}
	if *sizing && (*format == "csv" || *format == "csv-monthly" || *inputs) {
		fmt.Fprintln(stderr, "infercost eval: -commit-sizing adds to the results table or JSON: use it with -format table or json, without -inputs")
		return 2
	}
	if (*samplesText != "" || *seedText != "") && (*format == "csv-monthly" || *inputs) {
		fmt.Fprintln(stderr, "infercost eval: -samples and -seed add the uncertainty block to the results: use them with -format table, json or csv, without -inputs")
		return 2
	}
	if *termsText != "" && !*sizing {
		fmt.Fprintln(stderr, "infercost eval: -commit-terms lists the terms of -commit-sizing: add -commit-sizing")
		return 2
	}
	terms, err := engine.ParseTerms(*termsText)
	if err != nil {
		fmt.Fprintln(stderr, "infercost eval: -commit-terms:", err)
		return 2
	}
	s, err := readScenario(fs.Arg(0), stdin)
	if err != nil {
		fmt.Fprintln(stderr, "infercost eval:", err)
		return 2
	}
	for _, kv := range sets {
		path, value, _ := strings.Cut(kv, "=")
		if err := engine.SetEntry(&s, strings.TrimSpace(path), value); err != nil {
			fmt.Fprintln(stderr, "infercost eval: -set", err)
			return 2
		}
	}
	if *samplesText != "" || *seedText != "" {
		if s.Uncertainty == nil {
			s.Uncertainty = &engine.Uncertainty{}
		}
		if *samplesText != "" {
			s.Uncertainty.Samples = engine.ParseNum(*samplesText)
		}
		if *seedText != "" {
			s.Uncertainty.Seed = engine.ParseNum(*seedText)
		}
	}
	if *inputs {
		// Listed even when invalid: a missing value shows as required. As
		// the reports list them (ReportAssumptions): a value typed equal to
		// its default reads "default" here as in the CSV and on the page.
		if err := writeInputs(stdout, engine.ReportAssumptions(&s)); err != nil {
			fmt.Fprintln(stderr, "infercost eval:", err)
			return 1
		}
	}
	res, err := engine.Evaluate(&s)
	if err != nil {
		var errs engine.Errors
		if errors.As(err, &errs) {
			for _, e := range errs {
				fmt.Fprintln(stderr, flagError(e, *samplesText, *seedText))
			}
		} else {
			fmt.Fprintln(stderr, "infercost eval:", err)
		}
		return 2
	}
	var sim *engine.Simulation
	if s.Uncertainty != nil && !*inputs && *format != "csv-monthly" {
		if sim, err = engine.Simulate(&s, nil); err != nil {
			var errs engine.Errors
			if errors.As(err, &errs) {
				for _, e := range errs {
					fmt.Fprintln(stderr, flagError(e, *samplesText, *seedText))
				}
			} else {
				fmt.Fprintln(stderr, "infercost eval: uncertainty:", err)
			}
			return 2
		}
	}
	var sizings []*engine.Sizing
	if *sizing {
		for i, o := range res.Options {
			if o.Kind != engine.Cloud || o.Infeasible != "" { // one that cannot serve has nothing to size
				continue
			}
			z, err := engine.SizeCommitment(&s, res, i, terms)
			if err != nil {
				fmt.Fprintln(stderr, "infercost eval: commitment sizing:", err)
				return 1
			}
			sizings = append(sizings, z)
		}
	}
	switch {
	case *inputs:
	case *format == "json":
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		switch {
		case *sizing && sim != nil:
			err = enc.Encode(struct {
				*engine.Result
				CommitSizing []*engine.Sizing   `json:"commit_sizing"`
				Uncertainty  *engine.Simulation `json:"uncertainty"`
			}{res, sizings, sim})
		case sim != nil:
			err = enc.Encode(struct {
				*engine.Result
				Uncertainty *engine.Simulation `json:"uncertainty"`
			}{res, sim})
		case *sizing:
			err = enc.Encode(struct {
				*engine.Result
				CommitSizing []*engine.Sizing `json:"commit_sizing"`
			}{res, sizings})
		default:
			err = enc.Encode(res)
		}
	case *format == "csv":
		err = engine.WriteReport(stdout, &s, res, sim)
	case *format == "csv-monthly":
		err = engine.WriteCSV(stdout, res)
	default:
		robust, rerr := engine.RankingUnderError(&s, res)
		if rerr != nil {
			fmt.Fprintln(stderr, "infercost eval: ranking under the estimates' error:", rerr)
		}
		// The winner's sensitivity, as the app computes it for its summary.
		tor, terr := engine.Sensitivity(&s, res.Comparison.Cheapest, engine.MetricCostPerMTokens, engine.DefaultSwingPercent, nil)
		if terr != nil {
			fmt.Fprintln(stderr, "infercost eval: sensitivity:", terr)
		}
		err = writeTable(stdout, res, robust, tor)
		if err == nil && *interactivity {
			err = writeInteractivity(stdout, &s, res)
		}
		if err == nil && *sizing {
			err = writeSizing(stdout, sizings)
		}
		if err == nil && sim != nil {
			err = writeSimulation(stdout, sim)
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, "infercost eval:", err)
		return 1
	}
	return 0
}

// readScenario reads a scenario from a file, standard input ("-"), or a
// scenario link.
func readScenario(arg string, stdin io.Reader) (engine.Scenario, error) {
	if looksLikeLink(arg) {
		return engine.DecodeLink(arg)
	}
	var r io.Reader = stdin
	if arg != "-" {
		f, err := os.Open(arg)
		if err != nil {
			return engine.Scenario{}, err
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, engine.MaxScenarioBytes+1))
	if err != nil {
		return engine.Scenario{}, err
	}
	b = bytes.TrimPrefix(b, []byte("\uFEFF")) // a byte-order mark, as the page's import drops it
	if t := strings.TrimSpace(string(b)); looksLikeLink(t) {
		return engine.DecodeLink(t)
	}
	return engine.DecodeScenario(strings.NewReader(string(b)))
}

// looksLikeLink tells a link (a URL with a fragment, or a bare fragment)
// from a file name.
func looksLikeLink(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "#")
}

// writeTable writes the summary first (the app's, word for word: the
// winner's sensitivity tor and robust, nil when nothing rests on an
// estimate), then the results.
func writeTable(w io.Writer, r *engine.Result, robust *engine.Robustness, tor *engine.Tornado) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	if r.Name != "" {
		fmt.Fprintf(w, "%s\n", r.Name)
	}
	fmt.Fprintf(w, "Horizon: %d months\n\n", r.Horizon)
	for _, line := range engine.Summarize(r, tor).Sentences() {
		fmt.Fprintf(w, "%s\n", line)
	}
	if robust != nil {
		fmt.Fprintf(w, "%s\n", robust.Sentence(r))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(tw, "rank\toption\tkind\taccel/replica\tpeak accel\tavg util\t$/M tokens\t$/M in\t$/M out\t$/1k req\tmonth 1\tlast month\ttotal\tstranded\tmargin\tbreak-even\t")
	for i, o := range r.Options {
		v := r.Comparison.Options[i]
		if o.Infeasible != "" { // no rank and no figures: it cannot serve
			fmt.Fprintf(tw, "–\t%s\t%s\tcannot serve\t%s", o.Label, o.Kind, strings.Repeat("–\t", 12)+"\n")
			continue
		}
		perReplica, peak, util := "–", "–", "–"
		if o.Throughput != nil {
			perReplica = fmt.Sprint(o.AcceleratorsPerReplica)
			peak = engine.Count(o.PeakAccelerators, 0)
		}
		if o.Hybrid != nil && o.AverageUtilization != nil { // its accelerators, base and burst (as on the page)
			peak = engine.Count(o.PeakAccelerators, 0)
		}
		if o.AverageUtilization != nil {
			util = engine.Percent(*o.AverageUtilization)
		}
		in, margin, be := "–", "–", "–"
		if o.CostPerMInputTokens != nil {
			in = engine.Money(*o.CostPerMInputTokens)
		}
		if o.TotalMargin != nil {
			margin = engine.Money(*o.TotalMargin)
		}
		if o.BreakEvenMonth != nil {
			be = fmt.Sprintf("month %d", *o.BreakEvenMonth)
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n",
			v.Rank, o.Label, o.Kind, perReplica, peak, util,
			engine.Money(o.CostPerMTokens), in, engine.Money(o.CostPerMOutputTokens), engine.Money(o.CostPer1kRequests),
			engine.Money(o.FirstMonthCost), engine.Money(o.LastMonthCost), engine.Money(o.TotalCost),
			engine.Money(o.StrandedTotal), margin, be)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if err := writeFinance(w, r); err != nil {
		return err
	}
	c := r.Comparison
	fmt.Fprintln(w)
	for i, o := range r.Options {
		v := c.Options[i]
		if o.Infeasible != "" {
			fmt.Fprintf(w, "  %s: cannot serve this workload: %s\n", o.Label, o.Infeasible)
			continue
		}
		var notes []string
		if m := engine.CheapestMonths(r, i); m != "" {
			notes = append(notes, "cheapest "+m)
		}
		if s := v.AgainstAPI(); s != "" {
			notes = append(notes, s)
		}
		if s := engine.BreakEvenText(r, i); s != "" {
			notes = append(notes, s)
		}
		if o.Throughput != nil && o.BatchSize != nil {
			tpot := "a token with the step's share of prefill"
			if o.Pools != nil {
				tpot = "a token (the step alone: prompts are prefilled on their own replicas)"
			}
			notes = append(notes, fmt.Sprintf("batch %d, decode step %s ms (%s), %s ms %s, %s tokens/s per user, first token in %s ms", *o.BatchSize, o.DecodeStepMs.StringFixed(2), o.Binds(), o.TPOTMs.StringFixed(2), tpot, o.TokensPerSecondPerUser.StringFixed(1), engine.Count(*o.TimeToFirstTokenMs, 0)))
		}
		if len(notes) > 0 {
			fmt.Fprintf(w, "  %s: %s\n", o.Label, strings.Join(notes, "; "))
		}
		if o.Financing != "" {
			fmt.Fprintf(w, "    hardware: %s\n", o.Financing)
			if o.LoanBalance.Sign() != 0 || o.ResaleTotal.Sign() != 0 || o.InterestTotal.Sign() != 0 {
				fmt.Fprintf(w, "    loan interest %s, resale %s, owed at the horizon %s, book value at the horizon %s\n",
					engine.Money(o.InterestTotal), engine.Money(o.ResaleTotal), engine.Money(o.LoanBalance), engine.Money(o.BookValue))
			}
		}
		if o.Throughput != nil && o.Calibration != nil {
			c := o.Calibration
			fmt.Fprintf(w, "    %s\n", c.Sentence())
			for _, d := range c.Differences {
				fmt.Fprintf(w, "    unlike the measurement: %s\n", d)
			}
		}
		if o.Throughput != nil && o.Why != "" {
			fmt.Fprintf(w, "    replica: %s\n", o.Why)
		}
		if o.Throughput != nil && o.Pools != nil {
			fmt.Fprintf(w, "    pools: %s\n", o.Pools.Detail())
		}
		for k, t := range o.Commitments {
			if k == 0 && t.Tier != 1 {
				fmt.Fprintf(w, "    commitment tier 1 (%s): none\n", t1Path(i))
			}
			fmt.Fprintf(w, "    %s\n", tierLine(t))
		}
		if o.Hybrid != nil {
			for _, line := range o.Hybrid.Lines() {
				fmt.Fprintf(w, "    %s\n", line)
			}
		}
		if o.Throughput != nil && o.Accuracy != nil {
			fmt.Fprintf(w, "    throughput estimate: %s\n", o.Accuracy.Band())
			if o.Accuracy.TPOT != nil {
				fmt.Fprintf(w, "    time per output token: %s\n", o.Accuracy.TPOT.Sentence())
			}
			if o.Accuracy.TTFT != nil {
				fmt.Fprintf(w, "    time to first token: %s\n", o.Accuracy.TTFT.Sentence())
			}
			for _, why := range o.Accuracy.Outside {
				fmt.Fprintf(w, "    outside validation: %s\n", why)
			}
		}
	}
	return writePower(w, r.Power)
}

// writePower prints each self-hosted option's power (engine.OptionPower.Lines).
func writePower(w io.Writer, p *engine.Power) error {
	if p == nil || len(p.Options) == 0 {
		return nil
	}
	if p.SiteMW != nil {
		fmt.Fprintf(w, "\nPower, with a site of %s:\n", engine.PowerText(*p.SiteMW))
	} else {
		fmt.Fprintln(w, "\nPower:")
	}
	for i := range p.Options {
		op := &p.Options[i]
		for k, line := range op.Lines(p.SiteMW) {
			if k == 0 {
				fmt.Fprintf(w, "  %s: %s\n", op.Label, line)
			} else {
				fmt.Fprintf(w, "    %s\n", line)
			}
		}
	}
	return nil
}

// writeFinance prints the finance view: each option's net present cost
// and, with revenue, its net present value, discounted payback month and
// internal rate of return, ranked by net present value.
func writeFinance(w io.Writer, r *engine.Result) error {
	fmt.Fprintf(w, "\nDiscounted at %s a year, each month's cash at the month's end:\n", engine.Percent(r.Workload.DiscountRate))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "NPV rank\toption\tnet present cost\tNPV\tdiscounted payback\tIRR\t")
	for _, i := range r.Comparison.NPVRanking {
		o := r.Options[i]
		npv, payback, irr := "–", "–", "–"
		if o.NPV != nil {
			npv = engine.Money(*o.NPV)
			payback = "never"
			irr = o.IRRNote
		}
		if o.DiscountedPaybackMonth != nil {
			payback = fmt.Sprintf("month %d", *o.DiscountedPaybackMonth)
		}
		if o.IRR != nil {
			irr = engine.Percent(*o.IRR) + " a year"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t\n", r.Comparison.Options[i].NPVRank, o.Label, engine.Money(o.NetPresentCost), npv, payback, irr)
	}
	return tw.Flush()
}

// t1Path is where option i's first commitment tier is given: its own
// commit_* fields (the tiers after it are commitments[0], [1], …, tiers 2,
// 3, …).
func t1Path(i int) string {
	return fmt.Sprintf("options[%d].commit_accelerators, commit_hourly_rate, commit_months", i)
}

// tierLine describes one commitment tier and what of it was used.
func tierLine(t engine.TierResult) string {
	upfront := "nothing upfront"
	if t.UpfrontShare.Sign() > 0 {
		upfront = fmt.Sprintf("%s upfront (%s in month %d)", engine.Percent(t.UpfrontShare), engine.Money(t.Upfront), t.StartMonth)
	}
	stranded := "none stranded"
	if t.StrandedAcceleratorMonths.Sign() > 0 {
		stranded = fmt.Sprintf("%s stranded (%s)", engine.Count(t.StrandedAcceleratorMonths, 0), engine.Money(t.StrandedCost))
	}
	path := t.Path
	if i, _, ok := engine.SplitOptionPath(path + ".x"); ok && t.Tier == 1 {
		path = t1Path(i)
	}
	return fmt.Sprintf("commitment tier %d (%s): %s accelerators at %s an hour, months %d–%d, %s; costs %s within the horizon; accelerator-months: %s used, %s",
		t.Tier, path, engine.Count(t.Accelerators, 0), engine.MoneyFixed(t.HourlyRate, 2), t.StartMonth, t.EndMonth, upfront,
		engine.Money(t.Cost), engine.Count(t.UsedAcceleratorMonths, 0), stranded)
}

// writeSizing prints each cloud option's commitment sizing: the sentence,
// each term's best size, and the cost curve of the best term (exact: the
// cost is a straight line between its points).
func writeSizing(w io.Writer, sizings []*engine.Sizing) error {
	fmt.Fprintf(w, "\nCommitment sizing (each cloud option's first tier as entered: its commit_* fields, else its first commitments[] entry; other tiers as given):\n")
	if len(sizings) == 0 {
		fmt.Fprintln(w, "  no cloud option that can serve")
		return nil
	}
	for _, z := range sizings {
		fmt.Fprintf(w, "  %s\n", z.Sentence())
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintf(tw, "    term\trate\tbest size\t%s\t\n", z.Basis.Words())
		for _, t := range z.Terms {
			fmt.Fprintf(tw, "    %d months\t%s\t%s\t%s\t\n", t.Months, engine.MoneyFixed(t.HourlyRate, 2), engine.Count(t.Optimum.Accelerators, 0), engine.Money(t.Optimum.Cost))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		words := z.Basis.Words()
		fmt.Fprintf(w, "    %s%s %s against the accelerators committed for %d months (a straight line between rows):\n", strings.ToUpper(words[:1]), words[1:], z.Where(), z.Months)
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintf(tw, "    committed\t%s\t\t\n", words)
		for _, p := range z.Curve {
			mark := ""
			switch {
			case p.Accelerators.Equal(z.Optimum.Accelerators):
				mark = "optimum"
			case p.Accelerators.Equal(z.Peak.Accelerators):
				mark = "peak"
			}
			fmt.Fprintf(tw, "    %s\t%s\t%s\t\n", engine.Count(p.Accelerators, 0), engine.Money(p.Cost), mark)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	return nil
}

// writeInteractivity prints the cost of each estimated self-hosted option
// at each tokens/s per user of engine.InteractivityTargets ("–" where the
// option cannot serve it, engine.InteractivityGap saying why).
func writeInteractivity(w io.Writer, s *engine.Scenario, r *engine.Result) error {
	curve, err := engine.InteractivityCurve(s, nil)
	if err != nil {
		return err
	}
	cols := engine.InteractivityOptions(r, curve)
	fmt.Fprintf(w, "\nCost per M tokens against tokens/s per user (TPOT target = 1,000 / tokens/s ms):\n")
	if len(cols) == 0 {
		fmt.Fprintln(w, "  no option with estimated throughput")
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "tokens/s per user\t")
	for _, i := range cols {
		fmt.Fprintf(tw, "%s\t", engine.InteractivityLabel(r, curve, i))
	}
	fmt.Fprintln(tw)
	for _, pt := range curve {
		fmt.Fprintf(tw, "%s\t", engine.Count(pt.TokensPerSecondPerUser, 0))
		for _, i := range cols {
			cell := "–"
			if c := pt.Options[i]; c != nil {
				cell = fmt.Sprintf("%s (batch %d on %d)", engine.Money(c.CostPerMTokens), c.BatchSize, c.AcceleratorsPerReplica)
			}
			fmt.Fprintf(tw, "%s\t", cell)
		}
		fmt.Fprintln(tw)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if why := engine.InteractivityGap(r, curve, cols); why != "" {
		fmt.Fprintln(w, "  "+why)
	}
	return nil
}

// writeInputs lists every input that applies: its path, the value the
// engine uses, its unit, and where the value comes from.
func writeInputs(w io.Writer, as []engine.Assumption) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "input\tvalue\tunit\tfrom")
	for _, a := range as {
		value, from := a.Value, a.From
		if value == "" {
			value = "–"
		}
		if !a.Used {
			from += ", unused here"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", a.Path, value, a.Unit, from)
	}
	return tw.Flush()
}

// flagError is an input error as printed, naming the flag when the value
// came from -samples or -seed rather than from the file.
func flagError(e engine.FieldError, samples, seed string) string {
	switch {
	case e.Path == "uncertainty.samples" && samples != "":
		return "infercost eval: -samples " + samples + ": " + e.Msg
	case e.Path == "uncertainty.seed" && seed != "":
		return "infercost eval: -seed " + seed + ": " + e.Msg
	}
	return e.Error()
}

// setFlags collects -set path=value.
type setFlags []string

func (f *setFlags) String() string { return strings.Join(*f, " ") }

func (f *setFlags) Set(v string) error {
	if !strings.Contains(v, "=") {
		return fmt.Errorf("want path=value, e.g. workload.requests_per_day=50M")
	}
	*f = append(*f, v)
	return nil
}
