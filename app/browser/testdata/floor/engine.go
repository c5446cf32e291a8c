//go:build engine

package main

import "github.com/infercost/infercost/engine"

// firstEvaluation is what infercost's OnInit computes before its first
// render: the default example's headline figures.
func firstEvaluation() {
	s := engine.DefaultScenario()
	if _, err := engine.EvaluateHeadline(&s); err != nil {
		panic(err)
	}
	mark("evaluated")
}
