package app

import (
	"fmt"
	"strings"

	"github.com/infercost/infercost/engine"
	ga "github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
)

const svgNS = "http://www.w3.org/2000/svg"

// svg makes an SVG element; each needs its namespace (it is not inherited).
func svg(tag string) ga.HTMLElem { return ga.Elem(tag).XMLNS(svgNS) }

// Chart frame in viewBox units; the SVG scales to its container.
const (
	chartW, chartH         = 720.0, 300.0
	padL, padR, padT, padB = 84.0, 16.0, 16.0, 40.0
	plotW, plotH           = chartW - padL - padR, chartH - padT - padB
	seriesClasses          = 8
	maxMonthLabels         = 12
)

func seriesClass(i int) string { return fmt.Sprintf("s%d", i%seriesClasses+1) }

// chartSVG is a chart's drawing: one Tab stop, whose marks (months, bars,
// points) take the focus from the arrow keys (web/charts.js) and name
// their figures. Marks are tabindex -1, so Tab passes over them.
func chartSVG(height float64, label string) ga.HTMLElem {
	return svg("svg").Attr("viewBox", fmt.Sprintf("0 0 %v %v", chartW, height)).Attr("role", "group").Attr("tabindex", "0").
		Aria("label", label+". Arrow keys read each figure.")
}

// chartMark makes el a mark of its chart: reachable from the arrow keys
// (web/charts.js looks for tabindex -1 inside a chart), named for screen
// readers, and titled for hover, with the figures in title.
func chartMark(el ga.HTMLElem, title string) ga.UI {
	return el.Attr("tabindex", "-1").Aria("label", strings.ReplaceAll(title, "\n", "; ")).Body(svg("title").Text(title))
}

// figure wraps a chart with its title, legend and a caption.
func figure(id, title, caption string, legend []legendItem, body ga.UI) ga.UI {
	return ga.Figure().Class("chart").ID(id).Body(
		ga.H3().Text(title),
		ga.If(len(legend) > 0, func() ga.UI {
			return ga.Ul().Class("legend").Body(ga.Range(legend).Slice(func(i int) ga.UI {
				return ga.Li().Body(ga.Span().Class("swatch "+legend[i].class+" "+legend[i].style).Aria("hidden", "true"), ga.Text(legend[i].label))
			}))
		}),
		body,
		ga.FigCaption().Text(caption),
	)
}

type legendItem struct{ label, class, style string }

// yAxis draws the gridlines and labels of a money or count axis.
func yAxis(ticks []decimal.Decimal, y linear, format func(decimal.Decimal) string) ga.UI {
	return svg("g").Class("axis").Body(ga.Range(ticks).Slice(func(i int) ga.UI {
		yy := px(y.at(ticks[i]))
		return svg("g").Body(
			svg("line").Attr("x1", px(padL)).Attr("x2", px(chartW-padR)).Attr("y1", yy).Attr("y2", yy).Class("grid"),
			svg("text").Attr("x", px(padL-6)).Attr("y", yy).Attr("dy", "0.32em").Attr("text-anchor", "end").Text(format(ticks[i])),
		)
	}))
}

// monthAxis labels months along the bottom, thinning labels on long horizons.
func monthAxis(h int, x func(int) float64) ga.UI {
	every := (h + maxMonthLabels - 1) / maxMonthLabels
	var marks []int
	for m := 1; m <= h; m++ {
		if m == 1 || m%every == 0 {
			marks = append(marks, m)
		}
	}
	return svg("g").Class("axis").Body(
		ga.Range(marks).Slice(func(i int) ga.UI {
			return svg("text").Attr("x", px(x(marks[i]))).Attr("y", px(chartH-padB+16)).Attr("text-anchor", "middle").Text(fmt.Sprint(marks[i]))
		}),
		svg("text").Attr("x", px(padL+plotW/2)).Attr("y", px(chartH-4)).Attr("text-anchor", "middle").Text("month"),
	)
}

// monthlyCostChart: each option's monthly cost over the horizon, with
// revenue, so crossovers are visible.
func monthlyCostChart(r *engine.Result) ga.UI {
	h := r.Horizon
	max := decimal.Zero
	for _, o := range r.Options {
		for _, m := range o.Months {
			max = decimal.Max(max, m.Cost, m.Revenue)
		}
	}
	ticks := niceTicks(max)
	y := linear{ticks[len(ticks)-1], padT + plotH, padT}
	x := func(m int) float64 {
		if h == 1 {
			return padL + plotW/2
		}
		return padL + plotW*float64(m-1)/float64(h-1)
	}
	line := func(get func(engine.Month) decimal.Decimal, months []engine.Month) string {
		var b strings.Builder
		for i, m := range months {
			fmt.Fprintf(&b, "%s,%s ", px(x(i+1)), px(y.at(get(m))))
		}
		return b.String()
	}
	var legend []legendItem
	for i, o := range r.Options {
		legend = append(legend, legendItem{o.Label, seriesClass(i), "line"})
	}
	hasRevenue := len(r.Options) > 0 && r.Options[0].TotalRevenue != nil
	if hasRevenue {
		legend = append(legend, legendItem{"Revenue", "revenue", "line dashed"})
	}
	bandW := plotW / float64(h)
	return figure("chart-monthly", "Monthly cost over the horizon",
		"Cost of each option month by month"+map[bool]string{true: ", with revenue dashed", false: ""}[hasRevenue]+". Hover or focus a month for its figures.",
		legend,
		chartSVG(chartH, "Monthly cost by option").Body(
			yAxis(ticks, y, engine.Money),
			monthAxis(h, x),
			ga.If(hasRevenue, func() ga.UI {
				return svg("polyline").Class("series revenue dashed").Attr("points", line(func(m engine.Month) decimal.Decimal { return m.Revenue }, r.Options[0].Months))
			}),
			ga.Range(r.Options).Slice(func(i int) ga.UI {
				return svg("polyline").Class("series "+seriesClass(i)).Attr("points", line(func(m engine.Month) decimal.Decimal { return m.Cost }, r.Options[i].Months))
			}),
			// Hover and focus bands, one per month.
			ga.Range(r.Options[0].Months).Slice(func(i int) ga.UI {
				var t strings.Builder
				fmt.Fprintf(&t, "Month %d", i+1)
				for _, o := range r.Options {
					fmt.Fprintf(&t, "\n%s: %s", o.Label, engine.Money(o.Months[i].Cost))
				}
				if hasRevenue {
					fmt.Fprintf(&t, "\nRevenue: %s", engine.Money(r.Options[0].Months[i].Revenue))
				}
				return chartMark(svg("rect").Class("band").Attr("x", px(x(i+1)-bandW/2)).Attr("y", px(padT)).Attr("width", px(bandW)).Attr("height", px(plotH)), t.String())
			}),
		),
	)
}

// breakdownChart: each option's total cost split by category, stacked.
func breakdownChart(r *engine.Result) ga.UI {
	type seg struct {
		cat   int
		value decimal.Decimal
	}
	totals := make([][]seg, len(r.Options))
	used := map[int]bool{}
	max := decimal.Zero
	for i, o := range r.Options {
		sum := map[string]decimal.Decimal{}
		for _, m := range o.Months {
			for _, c := range engine.Categories {
				sum[c] = sum[c].Add(m.Breakdown.Get(c))
			}
		}
		for ci, c := range engine.Categories {
			if sum[c].Sign() > 0 {
				totals[i] = append(totals[i], seg{ci, sum[c]})
				used[ci] = true
			}
		}
		max = decimal.Max(max, o.TotalCost)
	}
	ticks := niceTicks(max)
	const barH = 26.0
	height := padT + float64(len(r.Options))*(barH+14) + padB
	x := linear{ticks[len(ticks)-1], padL + 80, chartW - padR}
	var legend []legendItem
	for ci, c := range engine.Categories {
		if used[ci] {
			legend = append(legend, legendItem{categoryLabel(c), "c" + fmt.Sprint(ci+1), "block"})
		}
	}
	return figure("chart-breakdown", "Where the money goes", "Total cost over the horizon by category. Hover or focus a segment for its amount.", legend,
		chartSVG(height, "Cost breakdown by option").Body(
			svg("g").Class("axis").Body(ga.Range(ticks).Slice(func(i int) ga.UI {
				xx := px(x.at(ticks[i]))
				return svg("g").Body(
					svg("line").Class("grid").Attr("x1", xx).Attr("x2", xx).Attr("y1", px(padT)).Attr("y2", px(height-padB)),
					svg("text").Attr("x", xx).Attr("y", px(height-padB+16)).Attr("text-anchor", "middle").Text(engine.Money(ticks[i])),
				)
			})),
			ga.Range(r.Options).Slice(func(i int) ga.UI {
				top := padT + float64(i)*(barH+14)
				start := decimal.Zero
				return svg("g").Body(
					svg("text").Class("bar-label").Attr("x", px(padL+74)).Attr("y", px(top+barH/2)).Attr("dy", "0.32em").Attr("text-anchor", "end").Text(truncateRunes(r.Options[i].Label, 20)),
					ga.Range(totals[i]).Slice(func(j int) ga.UI {
						s := totals[i][j]
						x0 := x.at(start)
						start = start.Add(s.value)
						label := fmt.Sprintf("%s, %s: %s", r.Options[i].Label, categoryLabel(engine.Categories[s.cat]), engine.Money(s.value))
						return chartMark(svg("rect").Class("c"+fmt.Sprint(s.cat+1)).Attr("x", px(x0)).Attr("y", px(top)).
							Attr("width", px(x.at(start)-x0)).Attr("height", px(barH)), label)
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
		return "Committed"
	case "depreciation":
		return "Depreciation"
	case "capital":
		return "Cost of capital"
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
func capacityChart(r *engine.Result, i int, committed decimal.Decimal) ga.UI {
	o := r.Options[i]
	h := r.Horizon
	max := committed
	for _, m := range o.Months {
		max = decimal.Max(max, m.Fleet)
	}
	ticks := niceTicks(max)
	y := linear{ticks[len(ticks)-1], padT + plotH, padT}
	step := plotW / float64(h)
	x := func(m int) float64 { return padL + step*(float64(m)-0.5) }
	var held, busy strings.Builder
	for k, m := range o.Months {
		x0, x1 := padL+step*float64(k), padL+step*float64(k+1)
		fmt.Fprintf(&held, "%s,%s %s,%s ", px(x0), px(y.at(m.Fleet)), px(x1), px(y.at(m.Fleet)))
		fmt.Fprintf(&busy, "%s,%s ", px(x(k+1)), px(y.at(m.BusyAccelerators)))
	}
	legend := []legendItem{{"Held", "held", "line"}, {"Busy (average)", "busy", "line"}}
	if committed.Sign() > 0 {
		legend = append(legend, legendItem{"Committed", "commit", "line dashed"})
	}
	return figure("chart-capacity", "Accelerators: held against busy — "+o.Label,
		"Accelerators held each month (whole replicas, sized for the peak) and busy on average. The gap is headroom; under a commitment, committed units above what is held are stranded.",
		legend,
		chartSVG(chartH, "Held and busy accelerators").Body(
			yAxis(ticks, y, func(d decimal.Decimal) string { return engine.Count(d, 2) }),
			monthAxis(h, x),
			svg("polyline").Class("series held").Attr("points", held.String()),
			svg("polyline").Class("series busy").Attr("points", busy.String()),
			ga.If(committed.Sign() > 0, func() ga.UI {
				yy := px(y.at(committed))
				return svg("line").Class("series commit dashed").Attr("x1", px(padL)).Attr("x2", px(chartW-padR)).Attr("y1", yy).Attr("y2", yy)
			}),
			ga.Range(o.Months).Slice(func(k int) ga.UI {
				m := o.Months[k]
				t := fmt.Sprintf("Month %d: %s held, %s busy", k+1, engine.Count(m.Fleet, 0), engine.Count(m.BusyAccelerators, 2))
				if u := m.Utilization(); u != nil {
					t += ", utilization " + engine.Percent(*u)
				}
				if m.StrandedCost.Sign() > 0 {
					t += ", stranded " + engine.Money(m.StrandedCost)
				}
				return chartMark(svg("rect").Class("band").Attr("x", px(padL+step*float64(k))).Attr("y", px(padT)).Attr("width", px(step)).Attr("height", px(plotH)), t)
			}),
		),
	)
}

// tornadoChart: the swings of one metric when each input moves ±N %.
func tornadoChart(t *engine.Tornado, label string, format func(decimal.Decimal) string) ga.UI {
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
	const rowH = 22.0
	const left = 230.0
	height := padT + float64(len(swings))*rowH + 30
	xAt := func(v decimal.Decimal) float64 {
		f, _ := v.Sub(lo).Div(span).Float64()
		return left + (chartW-padR-left)*f
	}
	baseX := px(xAt(t.Base))
	return figure("chart-tornado", "What moves "+label+" — "+fmt.Sprintf("±%s %%", t.Percent),
		"Each input moved down and up by the same share, the others held; the widest bars matter most. Dark: the input lowered; light: raised.",
		[]legendItem{{"Input lowered", "low", "block"}, {"Input raised", "high", "block"}},
		chartSVG(height, "Sensitivity tornado").Body(
			svg("line").Class("base").Attr("x1", baseX).Attr("x2", baseX).Attr("y1", px(padT-4)).Attr("y2", px(height-24)),
			svg("text").Class("axis-text").Attr("x", baseX).Attr("y", px(height-8)).Attr("text-anchor", "middle").Text("base "+format(t.Base)),
			ga.Range(swings).Slice(func(i int) ga.UI {
				s := swings[i]
				top := padT + float64(i)*rowH
				bar := func(v *decimal.Decimal, class, what string, in decimal.Decimal) ga.UI {
					if v == nil {
						return svg("g")
					}
					x0, x1 := xAt(t.Base), xAt(*v)
					if x1 < x0 {
						x0, x1 = x1, x0
					}
					label := fmt.Sprintf("%s %s to %s: %s", s.Label, what, engine.Count(in, 6), format(*v))
					return chartMark(svg("rect").Class(class).Attr("x", px(x0)).Attr("y", px(top+2)).Attr("width", px(x1-x0+0.5)).Attr("height", px(rowH-6)), label)
				}
				return svg("g").Body(
					svg("text").Class("bar-label").Attr("x", px(left-8)).Attr("y", px(top+rowH/2)).Attr("dy", "0.2em").Attr("text-anchor", "end").Text(s.Label),
					bar(s.Low, "low", "lowered", s.LowInput),
					bar(s.High, "high", "raised", s.HighInput),
				)
			}),
		),
	)
}

// volumeChart: steady cost per M tokens against daily volume for every
// option, on a logarithmic axis: where self-hosting overtakes the API.
func volumeChart(r *engine.Result, pts []engine.CurvePoint, current decimal.Decimal) ga.UI {
	max := decimal.Zero
	for _, p := range pts {
		for _, v := range p.CostPerMTokens {
			if v != nil {
				max = decimal.Max(max, *v)
			}
		}
	}
	// Cap the axis so that the near-empty low end does not flatten the rest:
	// at most ten times the API's (or the cheapest option's) price at the end.
	ticks := niceTicks(max)
	if len(pts) > 0 {
		ref := decimal.Zero
		for _, v := range pts[len(pts)-1].CostPerMTokens {
			if v != nil {
				ref = decimal.Max(ref, *v)
			}
		}
		if capAt := ref.Mul(decimal.NewFromInt(4)); capAt.Sign() > 0 && capAt.Cmp(max) < 0 {
			ticks = niceTicks(capAt)
		}
	}
	top := ticks[len(ticks)-1]
	y := linear{top, padT + plotH, padT}
	n := len(pts)
	x := func(i int) float64 {
		if n <= 1 {
			return padL + plotW/2
		}
		return padL + plotW*float64(i)/float64(n-1)
	}
	var legend []legendItem
	for i, o := range r.Options {
		legend = append(legend, legendItem{o.Label, seriesClass(i), "line"})
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
	return figure("chart-volume", "Cost per M tokens against daily volume",
		"Steady month-1 cost per million tokens at each daily volume (logarithmic axis, no growth or commitment). Whole accelerators make self-hosted costs saw-toothed; the vertical line is this scenario's volume.",
		legend,
		chartSVG(chartH, "Cost per million tokens by daily volume").Body(
			yAxis(ticks, y, engine.Money),
			svg("g").Class("axis").Body(ga.Range(pts).Slice(func(i int) ga.UI {
				if n > 8 && i%2 == 1 {
					return svg("g")
				}
				return svg("text").Attr("x", px(x(i))).Attr("y", px(chartH-padB+16)).Attr("text-anchor", "middle").Text(shortCount(pts[i].RequestsPerDay))
			}),
				svg("text").Attr("x", px(padL+plotW/2)).Attr("y", px(chartH-4)).Attr("text-anchor", "middle").Text("requests a day")),
			ga.If(cur >= 0, func() ga.UI {
				return svg("line").Class("base").Attr("x1", px(cur)).Attr("x2", px(cur)).Attr("y1", px(padT)).Attr("y2", px(padT+plotH))
			}),
			ga.Range(r.Options).Slice(func(oi int) ga.UI {
				var b strings.Builder
				for i, p := range pts {
					if v := p.CostPerMTokens[oi]; v != nil {
						fmt.Fprintf(&b, "%s,%s ", px(x(i)), px(y.at(decimal.Min(*v, top))))
					}
				}
				return svg("polyline").Class("series "+seriesClass(oi)).Attr("points", b.String())
			}),
			ga.Range(pts).Slice(func(i int) ga.UI {
				var t strings.Builder
				fmt.Fprintf(&t, "%s requests a day", engine.Count(pts[i].RequestsPerDay, 0))
				for oi, o := range r.Options {
					if v := pts[i].CostPerMTokens[oi]; v != nil {
						fmt.Fprintf(&t, "\n%s: %s per M tokens", o.Label, engine.Money(*v))
					}
				}
				w := plotW / float64(n)
				return chartMark(svg("rect").Class("band").Attr("x", px(x(i)-w/2)).Attr("y", px(padT)).Attr("width", px(w)).Attr("height", px(plotH)), t.String())
			}),
		),
	)
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
