package app

import (
	"maps"
	"strings"

	"github.com/infercost/infercost/engine"
	ga "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The page's pieces are small go-app components whose exported fields are
// the data they show: go-app v10 updates a child component only when one of
// its exported fields differs from the last render's (nodeManager.
// updateComponent: == for strings, numbers and booleans, reflect.DeepEqual
// otherwise, which for a pointer, slice or map first compares addresses).
// A redraw of the calculator therefore skips every piece whose data did not
// change: typing in one field re-renders its card and the headline, not the
// charts or the hundred other inputs.
//
// Fields are values the calculator holds (a result as last drawn, a curve,
// a tornado) or copies of what the form holds: the form's maps are changed
// in place, so a piece given the map itself would never see a difference.
// C is for the piece's handlers and the recovery from a panic (recover.go).

// pendingBlock is what a chart shows until it is first drawn.
func pendingBlock(id, text string) ga.UI {
	return ga.Div().Class("chart-block pending").ID(id).Text(text)
}

// drawnResult is a result as a piece last drew it, with its scenario and
// the number of the evaluation that made it (resultSeq). The number comes
// first so that go-app's comparison is one integer: reflect.DeepEqual on
// two results would walk every month of every option until it found a
// difference.
type drawnResult struct {
	seq int
	r   *engine.Result
	s   *engine.Scenario
}

// monthlyCostBlock is the monthly cost chart of the result as last
// drawn (refreshSecondary draws the monthly charts one a frame once typing
// pauses; nil until the first paint).
type monthlyCostBlock struct {
	ga.Compo
	C       *Calculator
	Drawn   drawnResult
	Revenue bool // revenue drawn (showRevenue)
	Width   int  // the charts' frame width (chartWidth)
}

func (b *monthlyCostBlock) Render() ga.UI {
	return b.C.guardedRender(func() ga.UI {
		if b.Drawn.r == nil {
			return pendingBlock("chart-monthly-pending", "Drawing the chart…")
		}
		return b.C.monthlyCostChart(b.Drawn.r)
	})
}

// breakdownBlock is the cost breakdown chart of the result as last drawn.
type breakdownBlock struct {
	ga.Compo
	C     *Calculator
	Drawn drawnResult
	Width int
}

func (b *breakdownBlock) Render() ga.UI {
	return b.C.guardedRender(func() ga.UI {
		if b.Drawn.r == nil {
			return pendingBlock("chart-breakdown-pending", "Drawing the chart…")
		}
		return b.C.breakdownChart(b.Drawn.r)
	})
}

// capacityBlock is the capacity chart of option Option of the result as
// last drawn, with its commitment tiers' table.
type capacityBlock struct {
	ga.Compo
	C      *Calculator
	Drawn  drawnResult
	Option int // -1: no self-hosted option
	Width  int
}

func (b *capacityBlock) Render() ga.UI {
	return b.C.guardedRender(func() ga.UI {
		if b.Drawn.r == nil {
			return pendingBlock("chart-capacity-pending", "Drawing the chart…")
		}
		return b.C.renderCapacity(b.Drawn.r, b.Option)
	})
}

// discountedBlock is the cumulative discounted cash chart of the result
// as last drawn.
type discountedBlock struct {
	ga.Compo
	C     *Calculator
	Drawn drawnResult
	Width int
}

func (b *discountedBlock) Render() ga.UI {
	return b.C.guardedRender(func() ga.UI {
		if b.Drawn.r == nil {
			return pendingBlock("chart-discounted-pending", "Drawing the chart…")
		}
		return b.C.discountedCashChart(b.Drawn.r)
	})
}

// sizingBlock is the commitment sizing of option Option (sizingTarget):
// its chart, sentence and terms.
type sizingBlock struct {
	ga.Compo
	C      *Calculator
	Sizing *engine.Sizing
	Err    string
	Terms  string // as typed beside the chart
	Option int
	Width  int
	// Basis is the sizing basis chosen beside the chart (as typed) and
	// DiscountRate the rate its net present cost is at.
	Basis        string
	DiscountRate string
}

func (b *sizingBlock) Render() ga.UI { return b.C.guardedRender(b.C.renderSizing) }

// volumeBlock is the cost against volume.
type volumeBlock struct {
	ga.Compo
	C     *Calculator
	Curve []engine.CurvePoint
	Width int
}

func (b *volumeBlock) Render() ga.UI { return b.C.guardedRender(b.C.renderVolume) }

// interactivityBlock is the cost against interactivity, and the fastest
// each option serves within the cost typed beside it.
type interactivityBlock struct {
	ga.Compo
	C       *Calculator
	Curve   []engine.InteractivityPoint
	Ceiling string
	Width   int
}

func (b *interactivityBlock) Render() ga.UI { return b.C.guardedRender(b.C.renderInteractivity) }

// tornadoBlock is the sensitivity of Metric of option Option.
type tornadoBlock struct {
	ga.Compo
	C       *Calculator
	Tornado *engine.Tornado
	Err     string
	Option  int
	Metric  engine.Metric
	Width   int
}

func (b *tornadoBlock) Render() ga.UI { return b.C.guardedRender(b.C.renderTornado) }

// powerBlock is the power card of the result whose power figures were
// last worked out (refreshSecondary's "power" job).
type powerBlock struct {
	ga.Compo
	C     *Calculator
	Drawn drawnResult
	Width int
}

func (b *powerBlock) Render() ga.UI {
	return b.C.guardedRender(func() ga.UI { return b.C.renderPower(b.Drawn.r) })
}

// uncertaintyBlock is the Monte Carlo's results: its table, or why there
// is none (the progress line is uncertaintyProgress, the fan chart
// uncertaintyFan).
type uncertaintyBlock struct {
	ga.Compo
	C   *Calculator
	On  bool
	Sim *engine.Simulation
	Err string
	// Not whether a run is under way, nor the charts' width: a change of
	// either redrew the table and the fan chart (20 ms and more under
	// wasm), on the keystroke that started a run and at its end.
}

func (b *uncertaintyBlock) Render() ga.UI { return b.C.guardedRender(b.C.renderUncertainty) }

// uncertaintyFan is the Monte Carlo's fan chart, a component of its own
// below the card's table, drawn a frame after it (Calculator.fanSim).
type uncertaintyFan struct {
	ga.Compo
	C     *Calculator
	On    bool
	Sim   *engine.Simulation
	Err   string
	Width int // the charts' frame width (frameFor): a change draws it again
}

func (b *uncertaintyFan) Render() ga.UI { return b.C.guardedRender(b.render) }

// uncertaintyProgress is the Monte Carlo's progress line, a component of
// its own beside the card: its count changes every 200 ms while the draws
// run, and redrawing the card's table and fan chart for each took over
// 100 ms under wasm.
type uncertaintyProgress struct {
	ga.Compo
	C              *Calculator
	Running, First bool // First: no spread is shown yet
	Done, Total    int
}

func (b *uncertaintyProgress) Render() ga.UI { return b.C.guardedRender(b.render) }

// headlineCard is the answer first: the summary, each option's headline
// figures and why the winner wins.
type headlineCard struct {
	ga.Compo
	C          *Calculator
	Result     drawnResult // the current result
	Stale      bool
	InputOrder bool
	// Drivers is the winner's sensitivity the summary names its drivers
	// from (nil until computed); DriversFailed says it could not be.
	Drivers       *engine.Tornado
	DriversFailed bool
	Robust        *engine.Robustness
}

func (b *headlineCard) Render() ga.UI { return b.C.guardedRender(b.C.renderHeadline) }

// The input cards. Gen is the form's (a new form redraws them all); Errs
// the messages of the card's fields (errsIn); Focus the path of the
// numeric input being edited in the card, if any (it shows the text as
// typed, the others with separators).

// nameCard is the scenario's name.
type nameCard struct {
	ga.Compo
	C    *Calculator
	Gen  int
	Name string
	Errs string
}

func (b *nameCard) Render() ga.UI {
	return b.C.guardedRender(func() ga.UI {
		c := b.C
		return ga.Section().Class("card").Body(
			ga.H2().Text("Scenario"),
			c.textField("scenario-name", "name", "Name", c.f.Name, engine.MaxNameLen, func(ctx ga.Context, v string) { c.f.Name = v; c.changed(ctx) }),
		)
	})
}

// workloadCard is the workload's fields.
type workloadCard struct {
	ga.Compo
	C      *Calculator
	Gen    int
	Values map[string]string // a copy of the form's texts
	Errs   string
	Focus  string
}

func (b *workloadCard) Render() ga.UI {
	return b.C.guardedRender(func() ga.UI {
		c := b.C
		f := c.f
		return ga.Section().Class("card").Body(
			ga.H2().Text("Workload"),
			ga.Div().Class("grid").Body(ga.Range(engine.WorkloadFields).Slice(func(i int) ga.UI {
				fd := engine.WorkloadFields[i]
				if fd.Key == sizingBasisKey && c.fieldErr("workload."+fd.Key) == "" {
					return ga.Text("") // chosen beside the sizing chart (sizingBasis); here only to mend a bad value
				}
				return c.num(numInput{id: "w-" + fd.Key, field: &c.resolved.Workload[i], text: f.Workload[fd.Key],
					set: func(ctx ga.Context, v string) { f.Workload[fd.Key] = v; c.changed(ctx) }})
			})),
			c.renderProfile(),
		)
	})
}

// modelCard is the model's preset and shape.
type modelCard struct {
	ga.Compo
	C      *Calculator
	Gen    int
	Preset string
	Values map[string]string
	Open   map[string]bool // the folded groups' states (a copy)
	Errs   string
	Focus  string
}

func (b *modelCard) Render() ga.UI { return b.C.guardedRender(b.C.renderModel) }

// revenueCard is the prices charged, when on.
type revenueCard struct {
	ga.Compo
	C      *Calculator
	Gen    int
	On     bool
	Values map[string]string
	Errs   string
	Focus  string
}

func (b *revenueCard) Render() ga.UI { return b.C.guardedRender(b.C.renderRevenue) }

// optionCard is option Index of Count: Option is a copy of its form.
// Rank (1 for the cheapest, 0 while results are stale), the model's
// weight bits and preset change the defaults and measurements it offers.
type optionCard struct {
	ga.Compo
	C           *Calculator
	Gen         int
	Index       int
	Count       int
	Option      optionForm
	Rank        int
	Bits        string
	ModelPreset string
	Open        map[string]bool
	Errs        string
	Focus       string
	// Layers is what a hybrid's card shows of the other options (layerSig).
	Layers string
}

func (b *optionCard) Render() ga.UI {
	return b.C.guardedRender(func() ga.UI {
		if b.Index >= len(b.C.f.Options) {
			return ga.Div()
		}
		return b.C.renderOption(b.Index)
	})
}

// uncertaintyInputsCard is the ranges, seed and sample count.
type uncertaintyInputsCard struct {
	ga.Compo
	C    *Calculator
	Gen  int
	Unc  uncForm
	Rows []uncRow   // the inputs offered a range, with their placeholders
	Opts []rangeMap // each option's ranges (a copy)
	Errs string
}

type rangeMap = map[string]rangeText

func (b *uncertaintyInputsCard) Render() ga.UI { return b.C.guardedRender(b.C.renderUncertaintyInputs) }

// errsIn is the messages of the fields under prefix, as they are shown.
func (c *Calculator) errsIn(prefix string) string {
	var b strings.Builder
	for _, e := range c.errs {
		if strings.HasPrefix(e.Path, prefix) {
			b.WriteString(e.Path + "=" + e.Msg + "\n")
		}
	}
	return b.String()
}

// snapshot is a copy of the option's form that later edits leave alone.
func (o *optionForm) snapshot() optionForm {
	s := *o
	s.Accel, s.Fields, s.Ranges = maps.Clone(o.Accel), maps.Clone(o.Fields), maps.Clone(o.Ranges)
	s.Tiers = make([]map[string]string, len(o.Tiers))
	for i, t := range o.Tiers {
		s.Tiers[i] = maps.Clone(t)
	}
	return s
}

// snapshot is a copy of the uncertainty's form.
func (u *uncForm) snapshot() uncForm {
	s := *u
	s.Ranges = maps.Clone(u.Ranges)
	return s
}
