package app

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/infercost/infercost/engine"
	ga "github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
)

const svgNS = "http://www.w3.org/2000/svg"

// svg makes an SVG element; each needs its namespace (it is not inherited).
func svg(tag string) ga.HTMLElem { return ga.Elem(tag).XMLNS(svgNS) }

// Chart frame in viewBox units; the SVG scales to its container.
const (
	seriesClasses = 8
	// labelSpace is the room an axis label needs along the x axis.
	labelSpace = 50.0
)

// geom is a chart's frame in viewBox units. The frame is as wide as the
// chart's box, in CSS pixels, or a little less (frameFor), and the
// drawing's text is sized to render at 12 px whatever the scale
// (web/charts.js): a text is then at most 12 units, and the margins, sized
// for that, hold it at every width.
type geom struct {
	W, H       float64 // the frame
	L, R, T, B float64 // the plot's margins
	narrow     bool    // under narrowFrame: shorter labels, names above bars
}

// The frames' widths: from minFrame to maxFrame in steps of frameStep. A
// chart is drawn again only when its box crosses a step, not on every
// pixel of a resize.
const (
	minFrame    = 240
	maxFrame    = 720
	frameStep   = 40
	narrowFrame = 560 // below it, a frame is narrow
)

var wideGeom = geom{W: 720, H: 300, L: 84, R: 16, T: 16, B: 40}

// frameFor is the frame for a box w CSS pixels wide: the widest step
// that fits in it (the widest frame when w is 0, not measured yet).
func frameFor(w int) geom {
	if w <= 0 {
		return wideGeom
	}
	fw := min(max(w/frameStep*frameStep, minFrame), maxFrame)
	if fw >= narrowFrame {
		g := wideGeom
		g.W = float64(fw)
		return g
	}
	return geom{W: float64(fw), H: 260, L: 64, R: 12, T: 16, B: 40, narrow: true}
}

// tickRunes is the most characters a plain figure on an axis takes before
// it is written with k, M, B or T (fitTicksTo).
func (g geom) tickRunes() int {
	if g.narrow {
		return 5
	}
	return 7
}

// textRunes is about how many characters of 12 px text fit across the
// frame from x: a character of the page's sans-serif is about 7
// px wide, and a frame unit is at most a CSS pixel.
func (g geom) textRunes(x float64) int { return int((g.W - x - 4) / 7) }

// labelEvery is the step between the labels drawn of n evenly spaced
// along the plot: every one when they are labelSpace apart or more, else
// every other, every third, …
func (g geom) labelEvery(n int) int {
	fit := max(int(g.pw()/labelSpace), 1)
	return (n + fit - 1) / fit
}

func (g geom) pw() float64 { return g.W - g.L - g.R } // plot width
func (g geom) ph() float64 { return g.H - g.T - g.B } // plot height

// monthX is the x of month m (from 1) of h across the plot; one month
// sits in the middle.
func (g geom) monthX(h int) func(m int) float64 {
	return func(m int) float64 {
		if h == 1 {
			return g.L + g.pw()/2
		}
		return g.L + g.pw()*float64(m-1)/float64(h-1)
	}
}

// monthSeries gathers one monthly figure of every option: all the values
// (for the axis), each option's series and its label.
func monthSeries(r *engine.Result, get func(*engine.Month) *decimal.Decimal) (values []decimal.Decimal, series [][]*decimal.Decimal, labels []string) {
	series = make([][]*decimal.Decimal, len(r.Options))
	labels = make([]string, len(r.Options))
	for i := range r.Options {
		o := &r.Options[i]
		labels[i] = o.Label
		for k := range o.Months {
			v := get(&o.Months[k])
			values = append(values, *v)
			series[i] = append(series[i], v)
		}
	}
	return values, series, labels
}

// geom is the frame the charts are drawn in: as wide as their box (see
// watchChartWidth).
func (c *Calculator) geom() geom { return frameFor(c.chartWidth) }

// watchChartWidth follows the width of the charts' box: web/charts.js sets
// infercostChartWidth to the frame width that fits it (a step of
// frameStep) and fires "infercost-chart-width" when that changes, and the
// charts are drawn again in the new frame.
func (c *Calculator) watchChartWidth(ctx ga.Context) {
	read := func() int {
		v := ga.Window().Get("infercostChartWidth")
		if v.Type() != ga.TypeNumber {
			return 0
		}
		return v.Int()
	}
	c.chartWidth = read()
	ga.Window().Call("addEventListener", "infercost-chart-width", ga.FuncOf(func(ga.Value, []ga.Value) any {
		w := read()
		c.dispatch(ctx, func(ga.Context) { c.chartWidth = w })
		return nil
	}))
}

func seriesClass(i int) string { return "s" + strconv.Itoa(i%seriesClasses+1) }

// chartSVG is a chart's drawing: one Tab stop, whose marks (months, bars,
// points) take the focus from the arrow keys (web/charts.js) and name
// their figures. Marks are tabindex -1, so Tab passes over them.
func chartSVG(g geom, height float64, label string) ga.HTMLElem {
	return svg("svg").Attr("viewBox", fmt.Sprintf("0 0 %v %v", g.W, height)).Attr("role", "group").Attr("tabindex", "0").
		Aria("label", label+". Arrow keys read each figure.")
}

// chartMark makes el a mark of its chart: reachable from the arrow keys
// (web/charts.js looks for tabindex -1 inside a chart), named for screen
// readers, and titled for hover, with the figures in title.
func chartMark(el ga.HTMLElem, title string) ga.UI {
	return el.Attr("tabindex", "-1").Aria("label", strings.ReplaceAll(title, "\n", "; ")).Body(svg("title").Text(title))
}

// points is the "points" of an SVG polyline or polygon, built a point at a
// time.
type points struct{ strings.Builder }

func (p *points) add(x, y float64) {
	p.WriteString(px(x))
	p.WriteByte(',')
	p.WriteString(px(y))
	p.WriteByte(' ')
}

// band is a hover and focus band over the plot's height, from x and w
// wide, whose title holds the figures at that point.
func (g geom) band(x, w float64, title string) ga.UI {
	return chartMark(svg("rect").Class("band").Attr("x", px(x)).Attr("y", px(g.T)).Attr("width", px(w)).Attr("height", px(g.ph())), title)
}

// hline is a line across the plot at height y; vline one down the plot at x.
func (g geom) hline(class string, y float64) ga.HTMLElem {
	yy := px(y)
	return svg("line").Class(class).Attr("x1", px(g.L)).Attr("x2", px(g.W-g.R)).Attr("y1", yy).Attr("y2", yy)
}

func (g geom) vline(class string, x float64) ga.HTMLElem {
	return svg("line").Class(class).Attr("x1", px(x)).Attr("x2", px(x)).Attr("y1", px(g.T)).Attr("y2", px(g.T+g.ph()))
}

// svgText is a text at (x, y), anchored "start", "middle" or "end".
func svgText(x, y float64, anchor, text string) ga.HTMLElem {
	return svg("text").Attr("x", px(x)).Attr("y", px(y)).Attr("text-anchor", anchor).Text(text)
}

// xLabel is a label under the plot at x; xTitle names the horizontal axis.
// A label at the plot's right end ends there, inside the drawing (centred,
// its second half was cut off at the edge).
func (g geom) xLabel(x float64, text string) ga.HTMLElem {
	return svgText(x, g.H-g.B+16, g.xAnchor(x), text)
}

func (g geom) xAnchor(x float64) string {
	if x > g.W-g.R-24 {
		return "end"
	}
	return "middle"
}

func (g geom) xTitle(text string) ga.UI { return svgText(g.L+g.pw()/2, g.H-4, "middle", text) }

// figure wraps a chart with its title, legend, caption, optional controls
// and the buttons that save it as SVG or PNG. The buttons come before the
// drawing, so that Tab from the drawing goes on to the next chart.
func (c *Calculator) figure(id, title, caption string, legend []legendItem, controls ga.UI, body ga.UI) ga.UI {
	save := func(format string) ga.UI {
		return ga.Button().Type("button").ID(id+"-save-"+format).Class("save-chart").Text(strings.ToUpper(format)).
			Title("Save this chart as "+strings.ToUpper(format)).Aria("label", "Save the chart “"+title+"” as "+strings.ToUpper(format)).
			OnClick(c.on(func(ctx ga.Context, e ga.Event) { c.saveChart(ctx, id, title, format) }))
	}
	if controls == nil {
		controls = ga.Text("")
	}
	return ga.Figure().Class("chart").ID(id).Body(
		ga.Div().Class("chart-head").Body(
			ga.H3().Body(figureText(title)...),
			ga.Div().Class("chart-tools no-print").Body(controls, ga.Span().Class("save-label").Text("Save"), save("svg"), save("png")),
		),
		ga.If(len(legend) > 0, func() ga.UI {
			return ga.Ul().Class("legend").Body(ga.Range(legend).Slice(func(i int) ga.UI {
				return ga.Li().Body(
					ga.Span().Class("swatch "+legend[i].class+" "+legend[i].style).Aria("hidden", "true"),
					ga.Span().Body(figureText(legend[i].label)...),
					ga.If(legend[i].same != "", func() ga.UI {
						return ga.Span().Class("same").Title(legend[i].sameWhy).Text(" " + legend[i].same)
					}),
				)
			}))
		}),
		body,
		ga.FigCaption().Body(append(figureText(caption), methodLinks(id))...),
	)
}

// saveChart hands the chart to web/charts.js, which writes it as a
// standalone SVG (styles inlined, title and legend drawn in) or paints
// that on a canvas for a PNG, and downloads it.
func (c *Calculator) saveChart(ctx ga.Context, id, title, format string) {
	save := ga.Window().Get("infercostSaveChart")
	if !save.Truthy() {
		c.notice = "Saving charts needs the page's chart script, which has not loaded."
		return
	}
	name := "scenario"
	if c.result != nil {
		name = c.result.Name
	}
	file := strings.TrimSuffix(fileName(name, format), "."+format) + "-" + strings.TrimPrefix(id, "chart-") + "." + format
	ga.Window().Call("infercostSaveChart", id, format, file).Then(func(v ga.Value) {
		msg := v.String()
		c.dispatch(ctx, func(ga.Context) {
			if msg != "" {
				c.notice = "The chart “" + title + "” could not be saved: " + msg + "."
			} else {
				c.notice = "Saved the chart “" + title + "” as " + file + "."
			}
		})
	})
}

// legendItem is one entry of a legend; same marks a series drawn on top of
// another that it equals (or nearly), which would otherwise hide it.
type legendItem struct{ label, class, style, same, sameWhy string }

// yAxis draws the gridlines and labels of a money or count axis; a
// logarithmic axis says so above its labels.
func yAxis(g geom, y axis, format func(decimal.Decimal) string) ga.UI {
	ticks := y.ticks
	format = fitTicksTo(ticks, format, g.tickRunes()) // "$2.5B": long figures were cut off at the chart's edge
	return svg("g").Class("axis").Body(
		ga.Range(ticks).Slice(func(i int) ga.UI {
			yy := y.at(ticks[i])
			return svg("g").Body(
				g.hline("grid", yy),
				svgText(g.L-6, yy, "end", format(ticks[i])).Attr("dy", "0.32em"),
			)
		}),
		ga.If(y.log, func() ga.UI {
			return svgText(g.L, g.T-5, "start", "log scale").Class("scale-note")
		}),
	)
}

// scaleName is the data-scale of a chart's drawing.
func scaleName(y axis) string {
	if y.log {
		return "log"
	}
	return "linear"
}

// scaleCaption is what a chart's caption says about a logarithmic axis.
func scaleCaption(y axis) string {
	if y.log {
		return " The vertical axis is logarithmic (marked “log scale”): the values span more than " + logThreshold.String() + "×, and each gridline is a multiple of the one below."
	}
	return ""
}

// coinciding marks each series drawn on top of an earlier one: "= label"
// when every value is equal, "≈ label" when every point lands within a
// pixel of it. Series are compared point by point; nil is a missing point.
// An empty series (an option that cannot serve draws nothing) coincides
// with none, nor do series of different lengths.
func coinciding(series [][]*decimal.Decimal, labels []string, y axis) (same, why []string) {
	same, why = make([]string, len(series)), make([]string, len(series))
	for i := range series {
		for j := 0; j < i && same[i] == ""; j++ {
			if len(series[i]) == 0 || len(series[i]) != len(series[j]) {
				continue
			}
			equal, near := true, true
			for k := range series[i] {
				a, b := series[i][k], series[j][k]
				switch {
				case a == nil && b == nil:
				case a == nil || b == nil:
					equal, near = false, false
				case !a.Equal(*b):
					equal = false
					if d := y.at(*a) - y.at(*b); d > 1 || d < -1 {
						near = false
					}
				}
			}
			if equal {
				same[i], why[i] = "= "+labels[j], "Equal to "+labels[j]+" at every point: drawn on top of it."
			} else if near {
				same[i], why[i] = "≈ "+labels[j], "Within a pixel of "+labels[j]+" at every point: drawn on top of it."
			}
		}
	}
	return same, why
}

// monthAxis labels months along the bottom, thinning labels on long horizons.
func monthAxis(g geom, h int, x func(int) float64) ga.UI {
	maxLabels := int(g.pw() / labelSpace)
	every := (h + maxLabels - 1) / maxLabels
	var marks []int
	for m := 1; m <= h; m++ {
		if m == 1 || m%every == 0 {
			marks = append(marks, m)
		}
	}
	return svg("g").Class("axis").Body(
		ga.Range(marks).Slice(func(i int) ga.UI {
			return g.xLabel(x(marks[i]), strconv.Itoa(marks[i]))
		}),
		g.xTitle("month"),
	)
}

// monthlyCostChart: each option's monthly cost over the horizon. Revenue
// is drawn only when asked for (c.showRevenue): it is usually far above the
// costs and, on the same scale, flattened every cost line.
func (c *Calculator) monthlyCostChart(r *engine.Result) ga.UI {
	g := c.geom()
	h := r.Horizon
	ref := servingOption(r) // its months carry the revenue and set the bands
	hasRevenue := r.Options[ref].TotalRevenue != nil
	showRevenue := hasRevenue && c.showRevenue
	values, series, labels := monthSeries(r, func(m *engine.Month) *decimal.Decimal { return &m.Cost })
	if showRevenue {
		for _, m := range r.Options[ref].Months {
			values = append(values, m.Revenue)
		}
	}
	y := newAxis(values, g.T+g.ph(), g.T)
	x := g.monthX(h)
	line := func(get func(engine.Month) decimal.Decimal, months []engine.Month) string {
		var p points
		for i, m := range months {
			p.add(x(i+1), y.at(get(m)))
		}
		return p.String()
	}
	same, why := coinciding(series, labels, y)
	var legend []legendItem
	for i, o := range r.Options {
		legend = append(legend, legendItem{seriesLabel(&o), c.optionClass(i), "line", same[i], why[i]})
	}
	if showRevenue {
		legend = append(legend, legendItem{label: "Revenue", class: "revenue", style: "line dashed"})
	}
	caption := "Cost of each option month by month."
	switch {
	case showRevenue:
		caption += " Revenue is dashed, on the same scale as the costs."
	case hasRevenue:
		caption += " Revenue is hidden so that it does not set the scale; “Show revenue” draws it."
	}
	caption += scaleCaption(y) + " Hover or focus a month for its figures."
	var controls ga.UI
	if hasRevenue {
		controls = ga.Label().Class("chart-toggle").Body(
			ga.Input().Type("checkbox").ID("show-revenue").Checked(c.showRevenue).OnChange(c.on(func(ctx ga.Context, e ga.Event) {
				c.showRevenue = ctx.JSSrc().Get("checked").Bool()
			})),
			ga.Text(" Show revenue"),
		)
	}
	bandW := g.pw() / float64(h)
	return c.figure("chart-monthly", "Monthly cost over the horizon", caption, legend, controls,
		chartSVG(g, g.H, "Monthly cost by option").Attr("data-scale", scaleName(y)).Body(
			yAxis(g, y, moneyTicks(y.ticks)),
			monthAxis(g, h, x),
			ga.If(showRevenue, func() ga.UI {
				return svg("polyline").Class("series revenue dashed").Attr("points", line(func(m engine.Month) decimal.Decimal { return m.Revenue }, r.Options[ref].Months))
			}),
			ga.Range(r.Options).Slice(func(i int) ga.UI {
				return svg("polyline").Class(seriesLineClass(c.optionClass(i), same[i])).Attr("points", line(func(m engine.Month) decimal.Decimal { return m.Cost }, r.Options[i].Months))
			}),
			// Hover and focus bands, one per month.
			ga.Range(r.Options[ref].Months).Slice(func(i int) ga.UI {
				t := "Month " + strconv.Itoa(i+1)
				for _, o := range r.Options {
					if o.Infeasible != "" {
						continue // it cannot serve: no cost
					}
					t += "\n" + o.Label + ": " + engine.Money(o.Months[i].Cost)
				}
				if hasRevenue {
					t += "\nRevenue: " + engine.Money(r.Options[ref].Months[i].Revenue)
				}
				return g.band(x(i+1)-bandW/2, bandW, t)
			}),
		),
	)
}

// seriesLineClass is a series' line: one drawn on top of another it
// coincides with is thinner, so that both colours show.
func seriesLineClass(class, same string) string {
	if same != "" {
		return "series overlap " + class
	}
	return "series " + class
}

// breakdownChart: each option's total cost split by category, stacked:
// costs to the right of 0, credits (a category whose sum is negative, such
// as a resale's gain) to its left, so the bar's net is the total cost and
// nothing is left out.
func (c *Calculator) breakdownChart(r *engine.Result) ga.UI {
	g := c.geom()
	type seg struct {
		cat   int
		value decimal.Decimal
	}
	totals := make([][]seg, len(r.Options))
	used := map[int]bool{}
	var ends []decimal.Decimal // each bar's two ends
	for i, o := range r.Options {
		sum := map[string]decimal.Decimal{}
		for _, m := range o.Months {
			for _, c := range engine.Categories {
				sum[c] = sum[c].Add(m.Breakdown.Get(c))
			}
		}
		var pos, neg decimal.Decimal
		for ci, c := range engine.Categories {
			if sum[c].Sign() != 0 {
				totals[i] = append(totals[i], seg{ci, sum[c]})
				used[ci] = true
				if sum[c].Sign() > 0 {
					pos = pos.Add(sum[c])
				} else {
					neg = neg.Add(sum[c])
				}
			}
		}
		ends = append(ends, pos, neg)
	}
	const barH = 26.0
	// Wide, each option's name is left of its bar; narrow, above it, across
	// the drawing, and the bars start near the left edge.
	rowH, nameH, barLeft := barH+14, 0.0, g.L+80
	if g.narrow {
		nameH, barLeft = 16, 24
		rowH += nameH
	}
	height := g.T + float64(len(r.Options))*rowH + g.B
	x := signedAxis(ends, barLeft, g.W-g.R)
	ticks := x.ticks
	money := fitTicksTo(ticks, moneyTicks(ticks), g.tickRunes())
	var legend []legendItem
	for ci, c := range engine.Categories {
		if used[ci] {
			legend = append(legend, legendItem{label: categoryLabel(c), class: categoryClass(ci), style: "block"})
		}
	}
	return c.figure("chart-breakdown", "Where the money goes", "Total cost over the horizon by category; a credit (such as a resale) is drawn left of $0. Hover or focus a segment for its amount.", legend, nil,
		chartSVG(g, height, "Cost breakdown by option").Body(
			svg("g").Class("axis").Body(ga.Range(ticks).Slice(func(i int) ga.UI {
				xx := px(x.at(ticks[i]))
				// Narrow, every other amount is left out: they would touch.
				label := ga.UI(svgText(x.at(ticks[i]), height-g.B+16, g.xAnchor(x.at(ticks[i])), money(ticks[i])))
				if g.narrow && i%2 == 1 {
					label = svg("g")
				}
				return svg("g").Body(
					svg("line").Class("grid").Attr("x1", xx).Attr("x2", xx).Attr("y1", px(g.T)).Attr("y2", px(height-g.B)),
					label,
				)
			})),
			ga.Range(r.Options).Slice(func(i int) ga.UI {
				top := g.T + float64(i)*rowH + nameH
				right, left := decimal.Zero, decimal.Zero // the stacks' ends so far
				name := svgText(g.L+74, top+barH/2, "end", truncateRunes(r.Options[i].Label, 20))
				if g.narrow {
					name = svgText(4, top-nameH/2, "start", truncateRunes(r.Options[i].Label, g.textRunes(4)))
				}
				return svg("g").Body(
					name.Class("bar-label").Attr("dy", "0.32em"),
					// No bar: it cannot serve, marked as the legends mark it.
					ga.If(r.Options[i].Infeasible != "", func() ga.UI {
						return svgText(x.at(decimal.Zero)+6, top+barH/2, "start", "(cannot serve)").Class("bar-label cannot-serve-note").Attr("dy", "0.32em")
					}),
					ga.Range(totals[i]).Slice(func(j int) ga.UI {
						s := totals[i][j]
						var x0, x1 float64
						label := fmt.Sprintf("%s, %s: %s", r.Options[i].Label, categoryLabel(engine.Categories[s.cat]), engine.Money(s.value))
						if s.value.Sign() > 0 {
							x0 = x.at(right)
							right = right.Add(s.value)
							x1 = x.at(right)
						} else {
							x1 = x.at(left)
							left = left.Add(s.value)
							x0 = x.at(left)
							label += " (a credit)"
						}
						return chartMark(svg("rect").Class(categoryClass(s.cat)).Attr("x", px(x0)).Attr("y", px(top)).
							Attr("width", px(x1-x0)).Attr("height", px(barH)), label)
					}),
				)
			}),
		),
	)
}

func categoryLabel(c string) string {
	switch c {
	case "on_demand":
		return "On demand"
	case "committed":
		return "Committed or leased"
	case "depreciation":
		return "Depreciation"
	case "capital":
		return "Cost of capital and interest"
	case "energy":
		return "Energy"
	case "facility":
		return "Facility"
	case "operations":
		return "Operations"
	case "tokens":
		return "API tokens"
	}
	return c
}

// capacityChart: provisioned (held) against busy accelerators for one
// self-hosted option: the gap is idle capacity, stranded under a commitment.
// committed, when not nil, holds the accelerators committed each month.
func (c *Calculator) capacityChart(r *engine.Result, i int, committed []decimal.Decimal) ga.UI {
	g := c.geom()
	o := r.Options[i]
	h := r.Horizon
	max := decimal.Zero
	for k, m := range o.Months {
		max = decimal.Max(max, m.Fleet)
		if committed != nil {
			max = decimal.Max(max, committed[k])
		}
	}
	y := axis{ticks: niceTicks(max), from: g.T + g.ph(), to: g.T}
	step := g.pw() / float64(h)
	x := func(m int) float64 { return g.L + step*(float64(m)-0.5) }
	var held, busy, commit points
	for k, m := range o.Months {
		x0, x1 := g.L+step*float64(k), g.L+step*float64(k+1)
		held.add(x0, y.at(m.Fleet))
		held.add(x1, y.at(m.Fleet))
		busy.add(x(k+1), y.at(m.BusyAccelerators))
		if committed != nil {
			commit.add(x0, y.at(committed[k]))
			commit.add(x1, y.at(committed[k]))
		}
	}
	legend := []legendItem{{label: "Held", class: "held", style: "line"}, {label: "Busy (average)", class: "busy", style: "line"}}
	if committed != nil {
		legend = append(legend, legendItem{label: "Committed (all tiers)", class: "commit", style: "line dashed"})
	}
	return c.figure("chart-capacity", "Accelerators: held against busy — "+o.Label,
		"Accelerators held each month (whole replicas, sized for the peak) and busy on average. The gap is headroom; under a commitment, committed units above what is held are stranded.",
		legend, nil,
		chartSVG(g, g.H, "Held and busy accelerators").Body(
			yAxis(g, y, func(d decimal.Decimal) string { return engine.Count(d, 2) }),
			monthAxis(g, h, x),
			svg("polyline").Class("series held").Attr("points", held.String()),
			svg("polyline").Class("series busy").Attr("points", busy.String()),
			ga.If(committed != nil, func() ga.UI {
				return svg("polyline").Class("series commit dashed").Attr("points", commit.String())
			}),
			ga.Range(o.Months).Slice(func(k int) ga.UI {
				m := o.Months[k]
				t := "Month " + strconv.Itoa(k+1) + ": " + engine.Count(m.Fleet, 0) + " held, " + engine.Count(m.BusyAccelerators, 2) + " busy"
				if committed != nil {
					t += ", " + engine.Count(committed[k], 0) + " committed"
				}
				if u := m.Utilization(); u != nil {
					t += ", utilization " + engine.Percent(*u)
				}
				if m.StrandedCost.Sign() > 0 {
					t += ", stranded " + engine.Money(m.StrandedCost)
				}
				return g.band(g.L+step*float64(k), step, t)
			}),
		),
	)
}

// tornadoChart: the swings of one metric when each input moves ±N %. Each
// input has two bars, lowered above raised, each ending in its value.
func (c *Calculator) tornadoChart(t *engine.Tornado, label string, format func(decimal.Decimal) string) ga.UI {
	g := c.geom()
	swings := t.Swings
	if len(swings) > 12 {
		swings = swings[:12]
	}
	lo, hi := t.Base, t.Base
	for _, s := range swings {
		for _, v := range []*decimal.Decimal{s.Low, s.High} {
			if v != nil {
				lo, hi = decimal.Min(lo, *v), decimal.Max(hi, *v)
			}
		}
	}
	span := hi.Sub(lo)
	if span.Sign() == 0 {
		span = decimal.NewFromInt(1)
	}
	const barH = 13.0
	// Wide, each input's name is left of its bars; narrow, or when a name
	// is too long for the 230 units left of them (a hybrid's "Committed
	// rate (base: H100, 40 committed for 2 years)" was cut off), above them.
	above := g.narrow
	for _, s := range swings {
		above = above || utf8.RuneCountInString(s.Label) > 30
	}
	// valueRoom: for the values printed past the bars' ends, as long as
	// the longest of them.
	valueRoom := 4.0
	for _, s := range swings {
		for _, v := range []*decimal.Decimal{s.Low, s.High} {
			if v != nil {
				valueRoom = max(valueRoom, 8+7*float64(utf8.RuneCountInString(format(*v))))
			}
		}
	}
	left, labelH := 230.0, 0.0
	// Above its bars, a name longer than the frame is wide takes more
	// lines (wrapped at spaces).
	names := make([][]string, len(swings))
	tops := make([]float64, len(swings)+1) // each input's row, and the end
	tops[0] = g.T
	for i, s := range swings {
		names[i] = []string{s.Label}
		if above {
			left, labelH = 4, 17
			names[i] = wrapWords(s.Label, g.textRunes(left))
		}
		tops[i+1] = tops[i] + labelH*float64(len(names[i])) + 2*barH + 6
	}
	height := tops[len(swings)] + 30
	xAt := func(v decimal.Decimal) float64 {
		f, _ := v.Sub(lo).Div(span).Float64()
		return left + valueRoom + (g.W-g.R-left-2*valueRoom)*f
	}
	baseX := px(xAt(t.Base))
	baseAnchor := "middle" // near an edge, the base's label runs inwards
	if xb := xAt(t.Base); xb < g.W/4 {
		baseAnchor = "start"
	} else if xb > g.W*3/4 {
		baseAnchor = "end"
	}
	return c.figure("chart-tornado", "What moves "+label+" — "+fmt.Sprintf("±%s %%", t.Percent),
		"Each input moved down and up by the same share, the others held; the widest bars matter most. Dark, above: the input lowered; light, below: raised. Each bar ends in the metric's value.",
		[]legendItem{{label: "Input lowered", class: "low", style: "block"}, {label: "Input raised", class: "high", style: "block"}}, nil,
		chartSVG(g, height, "Sensitivity tornado").Body(
			svg("line").Class("base").Attr("x1", baseX).Attr("x2", baseX).Attr("y1", px(g.T-4)).Attr("y2", px(height-24)),
			svgText(xAt(t.Base), height-8, baseAnchor, "base "+format(t.Base)).Class("axis-text"),
			ga.Range(swings).Slice(func(i int) ga.UI {
				s := swings[i]
				top := tops[i]
				labelH := labelH * float64(len(names[i])) // the name's lines
				bar := func(v *decimal.Decimal, class, what string, in decimal.Decimal, y0 float64) ga.UI {
					if v == nil {
						return svg("g")
					}
					x0, x1 := xAt(t.Base), xAt(*v)
					// The value sits past the bar's far end, outward.
					tx, anchor := x1+4, "start"
					if v.Cmp(t.Base) < 0 {
						tx, anchor = x1-4, "end"
					}
					if x1 < x0 {
						x0, x1 = x1, x0
					}
					label := fmt.Sprintf("%s %s to %s: %s", s.Label, what, engine.Count(in, 6), format(*v))
					return svg("g").Body(
						chartMark(svg("rect").Class(class).Attr("x", px(x0)).Attr("y", px(y0)).Attr("width", px(x1-x0+0.5)).Attr("height", px(barH)), label),
						svgText(tx, y0+barH/2, anchor, format(*v)).Class("value").Attr("data-path", s.Path).Attr("data-end", class).Attr("dy", "0.35em"),
					)
				}
				name := ga.UI(svgText(left-8, top+barH+1, "end", s.Label).Class("bar-label").Attr("dy", "0.35em"))
				if above {
					name = svg("g").Body(ga.Range(names[i]).Slice(func(k int) ga.UI {
						return svgText(left, top+17*float64(k)+17.0/2, "start", names[i][k]).Class("bar-label").Attr("dy", "0.35em")
					}))
				}
				return svg("g").Body(
					name,
					bar(s.Low, "low", "lowered", s.LowInput, top+labelH+1),
					bar(s.High, "high", "raised", s.HighInput, top+labelH+barH+2),
				)
			}),
		),
	)
}

// volumeChart: steady cost per M tokens against daily volume for every
// option. The costs at a hundredth of the scenario's volume can be a
// hundred times those at its own: the axis is then logarithmic (and says
// so); no value is ever clipped.
func (c *Calculator) volumeChart(r *engine.Result, pts []engine.CurvePoint, current decimal.Decimal) ga.UI {
	g := c.geom()
	var values []decimal.Decimal
	series := make([][]*decimal.Decimal, len(r.Options))
	labels := make([]string, len(r.Options))
	for oi, o := range r.Options {
		labels[oi] = o.Label
		for _, p := range pts {
			series[oi] = append(series[oi], p.CostPerMTokens[oi])
			if v := p.CostPerMTokens[oi]; v != nil {
				values = append(values, *v)
			}
		}
	}
	y := newAxis(values, g.T+g.ph(), g.T)
	n := len(pts)
	x := func(i int) float64 {
		if n <= 1 {
			return g.L + g.pw()/2
		}
		return g.L + g.pw()*float64(i)/float64(n-1)
	}
	same, why := coinciding(series, labels, y)
	var legend []legendItem
	for i, o := range r.Options {
		legend = append(legend, legendItem{seriesLabel(&o), c.optionClass(i), "line", same[i], why[i]})
	}
	// Where the scenario's own volume sits between two points.
	cur := -1.0
	for i := 0; i+1 < n; i++ {
		a, b := pts[i].RequestsPerDay, pts[i+1].RequestsPerDay
		if current.Cmp(a) >= 0 && current.Cmp(b) <= 0 {
			f, _ := current.Sub(a).Div(b.Sub(a)).Float64()
			cur = x(i) + (x(i+1)-x(i))*f
		}
	}
	return c.figure("chart-volume", "Cost per M tokens against daily volume",
		"Steady month-1 cost per million tokens at each daily volume (volumes in 1-2-5 steps, no growth or commitment). Whole accelerators make self-hosted costs saw-toothed; the vertical line is this scenario's volume."+scaleCaption(y),
		legend, nil,
		chartSVG(g, g.H, "Cost per million tokens by daily volume").Attr("data-scale", scaleName(y)).Body(
			yAxis(g, y, moneyTicks(y.ticks)),
			svg("g").Class("axis").Body(ga.Range(pts).Slice(func(i int) ga.UI {
				// Fewer labels when they would crowd.
				if i%g.labelEvery(n) != 0 {
					return svg("g")
				}
				return g.xLabel(x(i), shortCount(pts[i].RequestsPerDay))
			}),
				g.xTitle("requests a day")),
			ga.If(cur >= 0, func() ga.UI { return g.vline("base", cur) }),
			ga.Range(r.Options).Slice(func(oi int) ga.UI {
				var line points
				for i, p := range pts {
					if v := p.CostPerMTokens[oi]; v != nil {
						line.add(x(i), y.at(*v))
					}
				}
				return svg("polyline").Class(seriesLineClass(c.optionClass(oi), same[oi])).Attr("points", line.String())
			}),
			ga.Range(pts).Slice(func(i int) ga.UI {
				t := engine.Count(pts[i].RequestsPerDay, 0) + " requests a day"
				for oi, o := range r.Options {
					if v := pts[i].CostPerMTokens[oi]; v != nil {
						t += "\n" + o.Label + ": " + engine.Money(*v) + " per M tokens"
					}
				}
				w := g.pw() / float64(n)
				return g.band(x(i)-w/2, w, t)
			}),
		),
	)
}

// wrapWords splits text at spaces into lines of at most n characters (a
// word longer than n is a line of its own).
func wrapWords(text string, n int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		if line != "" && utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) > n {
			lines = append(lines, line)
			line = w
		} else if line != "" {
			line += " " + w
		} else {
			line = w
		}
	}
	if line != "" || len(lines) == 0 {
		lines = append(lines, line)
	}
	return lines
}

// shortCount writes 2500000 as "2.5M" for axis labels.
func shortCount(d decimal.Decimal) string {
	for _, u := range []struct {
		div  int64
		unit string
	}{{1_000_000_000, "B"}, {1_000_000, "M"}, {1_000, "k"}} {
		if d.Cmp(decimal.NewFromInt(u.div)) >= 0 {
			return d.Div(decimal.NewFromInt(u.div)).Round(1).String() + u.unit
		}
	}
	return d.Round(1).String()
}

// interactivityChart: each estimated option's cost per million tokens at
// each tokens/s per user of engine.InteractivityTargets (the options in
// estimated); a gap where an option cannot serve a target.
func (c *Calculator) interactivityChart(r *engine.Result, pts []engine.InteractivityPoint, estimated []int) ga.UI {
	g := c.geom()
	var values []decimal.Decimal
	series := make([][]*decimal.Decimal, len(estimated))
	labels := make([]string, len(estimated))
	for k, oi := range estimated {
		labels[k] = engine.InteractivityLabel(r, pts, oi)
		for _, p := range pts {
			var v *decimal.Decimal
			if p.Options[oi] != nil {
				v = &p.Options[oi].CostPerMTokens
				values = append(values, *v)
			}
			series[k] = append(series[k], v)
		}
	}
	if len(values) == 0 {
		return ga.P().Class("muted").ID("chart-interactivity-none").Text("Cost against interactivity: no option serves even 5 tokens/s per user.")
	}
	y := newAxis(values, g.T+g.ph(), g.T)
	n := len(pts)
	x := func(i int) float64 { return g.L + g.pw()*float64(i)/float64(max(n-1, 1)) }
	same, why := coinciding(series, labels, y)
	var legend []legendItem
	for k, oi := range estimated {
		legend = append(legend, legendItem{labels[k], c.optionClass(oi), "line", same[k], why[k]})
	}
	return c.figure("chart-interactivity", "Cost per M tokens against tokens/s per user",
		"Each estimated option's cost per million tokens over the horizon when every user must get at least the tokens per second below it (a time-per-token target of 1,000 / that many ms), the rest of the scenario unchanged."+scaleCaption(y),
		legend, nil,
		chartSVG(g, g.H, "Cost per million tokens by tokens per second per user").Attr("data-scale", scaleName(y)).Body(
			yAxis(g, y, moneyTicks(y.ticks)),
			svg("g").Class("axis").Body(ga.Range(pts).Slice(func(i int) ga.UI {
				if i%g.labelEvery(n) != 0 {
					return svg("g")
				}
				return g.xLabel(x(i), engine.Count(pts[i].TokensPerSecondPerUser, 0))
			}),
				g.xTitle("tokens/s per user")),
			ga.Range(estimated).Slice(func(k int) ga.UI {
				var line points
				for i, v := range series[k] {
					if v != nil {
						line.add(x(i), y.at(*v))
					}
				}
				return svg("polyline").Class(seriesLineClass(c.optionClass(estimated[k]), same[k])).Attr("points", line.String())
			}),
			ga.Range(pts).Slice(func(i int) ga.UI {
				t := engine.Count(pts[i].TokensPerSecondPerUser, 0) + " tokens/s per user"
				for _, oi := range estimated {
					if v := pts[i].Options[oi]; v != nil {
						t += fmt.Sprintf("\n%s: %s per M tokens (batch %d on %d)", r.Options[oi].Label, engine.Money(v.CostPerMTokens), v.BatchSize, v.AcceleratorsPerReplica)
					} else {
						t += "\n" + r.Options[oi].Label + ": cannot serve it"
					}
				}
				w := g.pw() / float64(n)
				return g.band(x(i)-w/2, w, t)
			}),
		),
	)
}

// sizingChart: the cost on the sizing's basis (the total cost over the
// horizon, or the net present cost) against the accelerators committed in
// the first tier, for the best term: the engine's points are exact and
// straight lines join them (engine.SizeCommitment). The optimum and the
// peak are marked, and the sizes 25 % either side of the optimum.
func (c *Calculator) sizingChart(z *engine.Sizing) ga.UI {
	g := c.geom()
	var costs []decimal.Decimal
	for _, p := range z.Curve {
		costs = append(costs, p.Cost)
	}
	y := axis{ticks: niceTicks(slices.MaxFunc(costs, decimal.Decimal.Cmp)), from: g.T + g.ph(), to: g.T}
	xa := axis{ticks: niceTicks(decimal.Max(z.Peak.Accelerators, decimal.NewFromInt(1))), from: g.L, to: g.W - g.R}
	var line points
	for _, p := range z.Curve {
		line.add(xa.at(p.Accelerators), y.at(p.Cost))
	}
	type marker struct {
		id, label, class string
		p                engine.SizingPoint
	}
	markers := []marker{
		{"sizing-optimum", "optimum " + engine.Count(z.Optimum.Accelerators, 0), "optimum", z.Optimum},
		{"sizing-peak", "peak " + engine.Count(z.Peak.Accelerators, 0), "peak", z.Peak},
	}
	if z.Given != nil && z.GivenMonths == z.Months && !z.Given.Accelerators.Equal(z.Optimum.Accelerators) {
		markers = append(markers, marker{"sizing-given", "given " + engine.Count(z.Given.Accelerators, 0), "given", *z.Given})
	}
	if z.Optimum.Accelerators.Sign() > 0 {
		markers = append(markers, marker{"sizing-under", "−25 %", "wrong", z.Under}, marker{"sizing-over", "+25 %", "wrong", z.Over})
	}
	cls := c.optionClass(z.Option) // the option's colour, as in every chart
	// The basis, in words: "total cost" or "net present cost".
	words := z.Basis.Words()
	Words := strings.ToUpper(words[:1]) + words[1:]
	title := Words + " against commitment size — " + z.Label
	basis := ""
	if z.Basis == engine.BasisNetPresentCost {
		basis = " (each month's cash discounted to today from the month's end)"
	}
	caption := fmt.Sprintf("%s %s%s when the first tier commits each number of accelerators for %d months at %s an hour, the other tiers as given; demand above what is committed is rented on demand. Exact: the cost is a straight line between the points drawn. The optimum is the cheapest size, the peak the largest fleet of the horizon; the two dots beside the optimum commit 25 %% fewer and 25 %% more.",
		Words, z.Where(), basis, z.Months, engine.MoneyFixed(z.HourlyRate, 2))
	return c.figure("chart-sizing", title, caption,
		[]legendItem{{label: fmt.Sprintf("%s, %d-month term", z.Label, z.Months), class: cls, style: "line"}}, nil,
		chartSVG(g, g.H, Words+" by accelerators committed").Body(
			yAxis(g, y, moneyTicks(y.ticks)),
			svg("g").Class("axis").Body(
				ga.Range(xa.ticks).Slice(func(k int) ga.UI {
					return g.xLabel(xa.at(xa.ticks[k]), fitTicksTo(xa.ticks, func(d decimal.Decimal) string { return engine.Count(d, 0) }, g.tickRunes())(xa.ticks[k]))
				}),
				g.xTitle("accelerators committed"),
			),
			svg("polyline").Class("series "+cls).Attr("points", line.String()),
			ga.Range(markers).Slice(func(k int) ga.UI {
				m := markers[k]
				x := xa.at(m.p.Accelerators)
				anchor := "middle" // near an edge, the label runs inwards
				if x > g.W-g.R-40 {
					anchor = "end"
				} else if x < g.L+40 {
					anchor = "start"
				}
				label := svgText(x, g.T+12+float64(k%2)*14, anchor, m.label).Class("axis-text")
				if m.class == "wrong" {
					label = svg("g")
				}
				return svg("g").ID(m.id).Class("marker "+m.class).Body(
					g.vline("base", x),
					label,
					chartMark(svg("circle").Class("dot "+cls).Attr("cx", px(x)).Attr("cy", px(y.at(m.p.Cost))).Attr("r", "5"),
						fmt.Sprintf("%s: %s accelerators, %s %s %s", m.label, engine.Count(m.p.Accelerators, 0), words, engine.Money(m.p.Cost), z.Where())),
				)
			}),
			ga.Range(z.Curve).Slice(func(k int) ga.UI {
				p := z.Curve[k]
				return chartMark(svg("circle").Class("point "+cls).Attr("cx", px(xa.at(p.Accelerators))).Attr("cy", px(y.at(p.Cost))).Attr("r", "3"),
					fmt.Sprintf("%s accelerators committed: %s %s %s", engine.Count(p.Accelerators, 0), words, engine.Money(p.Cost), z.Where()))
			}),
		),
	)
}
