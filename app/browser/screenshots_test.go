package browser

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestScreenshots writes the README's pictures when INFERCOST_SCREENSHOTS
// names a directory (make screenshots): the default scenario on a desktop
// and on a 375 px phone, once the debounced charts have drawn.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("INFERCOST_SCREENSHOTS")
	if dir == "" {
		t.Skip("set INFERCOST_SCREENSHOTS=DIR (make screenshots) to write them")
	}
	s := calcSite(t)
	for _, shot := range []struct {
		name          string
		width, height int64
		mobile        bool
	}{{"desktop.png", 1400, 1000, false}, {"phone.png", 375, 800, true}} {
		ctx := NewBrowser(t)
		var png []byte
		step(t, ctx, 2*time.Minute,
			chromedp.EmulateViewport(shot.width, shot.height),
			chromedp.Navigate(s.URL), WaitApp(),
			WaitJS(`document.querySelector("#chart-tornado rect") !== null`, time.Minute),
			chromedp.Func(func(ctx2 context.Context, tg *chromedp.Target) error {
				var err error
				png, err = chromedp.FullScreenshot(100)(ctx2, tg)
				return err
			}))
		if err := os.WriteFile(filepath.Join(dir, shot.name), png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s (%d bytes)", filepath.Join(dir, shot.name), len(png))
	}
}
