//go:build !engine

package main

func firstEvaluation() {}
