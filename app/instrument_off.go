//go:build !instrument

package app

// The release exposes nothing to tests (see instrument.go).

func exposeEvalMs(float64) {}

func exposeDownload(string, string) {}

func exposeMemory() {}
