package site

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"

	ga "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// workerJS replaces go-app's default service worker. The default one caches
// nothing when any resource fails to download, does not cache the scope URL
// of a sub-path site, and misses every URL that carries a query string, so
// the app would not open offline in those cases.
//
//go:embed worker.js
var workerJS string

// upstreamWorkerSHA256 pins the go-app template that worker.js was derived
// from. When a go-app upgrade changes it, the build stops so that someone
// reviews what changed upstream before shipping our variant.
const upstreamWorkerSHA256 = "fb64efe18fb6e1f389eb20f75b68828729f001324647548eaab24c5add47ab0d"

// checkUpstreamWorker fails when go-app's default worker template is not the
// one worker.js was written against.
func checkUpstreamWorker() error {
	sum := sha256.Sum256([]byte(ga.DefaultAppWorkerJS))
	if got := hex.EncodeToString(sum[:]); got != upstreamWorkerSHA256 {
		return fmt.Errorf("go-app's default service worker changed (sha256 %s, want %s): "+
			"review app/site/worker.js against the new template, then update upstreamWorkerSHA256", got, upstreamWorkerSHA256)
	}
	return nil
}
