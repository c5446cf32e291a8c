// Package engine is the domain of infercost: scenario types, validation,
// catalogs of accelerators and models, the cost model, sensitivity and the
// link codec. It is pure Go (no go-app, no syscall/js) so that it runs the
// same natively and under wasm, and it is the single source of truth for
// every number the app and the CLI show. All money and every shown quantity
// is a decimal.Decimal: no floating point.
package engine
