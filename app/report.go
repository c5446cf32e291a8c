package app

import (
	"github.com/infercost/infercost/engine"
	ga "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// PrintedAssumptions ends the printed report: every assumption the figures
// rest on, folded input groups included, with where each value comes from,
// and the scenario's link. The screen never shows it (print-only in
// infercost.css); the inputs themselves are left out of the print.
type PrintedAssumptions struct {
	ga.Compo
	C    *Calculator
	Rows []engine.Assumption // engine.Assumptions of the scenario on screen
	Link string              // the scenario's address, fragment included
}

func (p *PrintedAssumptions) Render() ga.UI {
	return p.C.guardedRender(p.render)
}

func (p *PrintedAssumptions) render() ga.UI {
	return ga.Section().Class("print-only printed-assumptions").ID("printed-assumptions").Body(
		ga.H2().Text("Assumptions"),
		ga.P().Text("Every input the figures above rest on, with the value used and where it comes from."),
		ga.Table().Body(
			ga.THead().Body(ga.Tr().Body(
				ga.Th().Scope("col").Text("Input"), ga.Th().Scope("col").Text("Value"), ga.Th().Scope("col").Text("From"),
			)),
			ga.TBody().Body(ga.Range(p.Rows).Slice(func(i int) ga.UI {
				a := p.Rows[i]
				name := a.Label
				if a.Option != "" {
					name = a.Option + ": " + a.Label
				}
				value := "–"
				if a.Value != "" {
					value = a.Value + " " + a.Unit
				}
				from := a.From
				if !a.Used {
					from += "; unused here"
				}
				return ga.Tr().DataSet("path", a.Path).Body(ga.Td().Text(name), ga.Td().Text(value), ga.Td().Text(from))
			})),
		),
		ga.P().Class("printed-link").Body(
			ga.Text("This scenario: "),
			ga.Span().ID("printed-link").Text(p.Link),
		),
	)
}
