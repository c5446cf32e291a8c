package browser

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

func TestShellLoads(t *testing.T) {
	s := Serve(t, BuildSite(t, wasmFile, "", "v-shell"), "")
	ctx := NewBrowser(t)
	tctx, cancel := Timeout(ctx, 90*time.Second)
	defer cancel()
	if err := chromedp.Do(tctx, chromedp.Navigate(s.URL), WaitApp()); err != nil {
		t.Fatal(err)
	}
	title, err := chromedp.Run(tctx, chromedp.Evaluate[string](`document.title`))
	if err != nil || title != "infercost: what AI inference costs at volume" {
		t.Errorf("title = %q, %v", title, err)
	}
	version, err := chromedp.Run(tctx, chromedp.Text("#app-version"))
	if err != nil || version != "version v-shell" {
		t.Errorf("footer version = %q, %v", version, err)
	}
}

// goOffline cuts the page off the network, service worker included.
func goOffline(ctx context.Context) error {
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		return err
	}
	yes := true
	if _, err := chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
		EmulateOfflineServiceWorker: &yes,
		MatchedNetworkConditions:    []*network.Conditions{{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}},
	}); err != nil {
		return err
	}
	_, err := chromedp.Call(ctx, network.OverrideNetworkState, network.OverrideNetworkStateParams{Offline: true, DownloadThroughput: -1, UploadThroughput: -1})
	return err
}

func TestOffline(t *testing.T) {
	for _, base := range []string{"", "/repo"} {
		t.Run("base="+base, func(t *testing.T) {
			s := Serve(t, BuildSite(t, wasmFile, base, "v-offline"), base)
			ctx := NewBrowser(t)
			tctx, cancel := Timeout(ctx, 3*time.Minute)
			defer cancel()
			if err := chromedp.Do(tctx, chromedp.Navigate(s.URL), WaitApp(), WaitWorker()); err != nil {
				t.Fatal(err)
			}
			s.Close()
			if err := goOffline(tctx); err != nil {
				t.Fatal(err)
			}
			for _, suffix := range []string{"", "?utm_source=chat", "#scenario", "?a=1#b"} {
				url := s.URL + suffix
				err := chromedp.Do(tctx, chromedp.Navigate("about:blank"), chromedp.Navigate(url), WaitApp())
				if err != nil {
					t.Errorf("offline %s: %v", url, err)
					continue
				}
				v, err := chromedp.Run(tctx, chromedp.Text("#app-version"))
				if err != nil || v != "version v-offline" {
					t.Errorf("offline %s: version %q, %v", url, v, err)
				}
				// The calculator works offline: the engine runs in the page.
				if verdict, _ := chromedp.Run(tctx, chromedp.Evaluate[string](`(document.getElementById("verdict") || {}).textContent || ""`)); !strings.Contains(verdict, "cheapest") {
					t.Errorf("offline %s: no results (%q)", url, verdict)
				}
			}
			// The methodology the results link to opens offline too, at the
			// section a link names, under the site's base.
			href, err := chromedp.Run(tctx, chromedp.Evaluate[string](`document.querySelector("#summary-method a.how").href`))
			if err != nil || !strings.HasPrefix(href, s.URL+"web/methodology.html#") {
				t.Fatalf("methodology link %q (%v), want it under %s", href, err, s.URL)
			}
			if err := chromedp.Do(tctx, chromedp.Navigate(href), WaitJS(`document.getElementById(location.hash.slice(1)) !== null`, 30*time.Second)); err != nil {
				t.Errorf("offline, %s does not show its section: %v", href, err)
			}
		})
	}
}

func TestUpdateIsOffered(t *testing.T) {
	s := Serve(t, BuildSite(t, wasmFile, "", "v-one"), "")
	ctx := NewBrowser(t)
	tctx, cancel := Timeout(ctx, 3*time.Minute)
	defer cancel()
	// The second visit is controlled by the worker, as a returning user's is.
	if err := chromedp.Do(tctx, chromedp.Navigate(s.URL), WaitApp(), WaitWorker(),
		chromedp.Reload(), WaitApp(), WaitJS(`navigator.serviceWorker.controller !== null`, time.Minute)); err != nil {
		t.Fatal(err)
	}
	if n, _ := chromedp.Run(tctx, chromedp.Evaluate[int](`document.querySelectorAll("#update-banner").length`)); n != 0 {
		t.Fatalf("update banner shown before any update")
	}
	s.Swap(t, BuildSite(t, wasmFile, "", "v-two"))
	if _, err := chromedp.Run(tctx, chromedp.Evaluate[chromedp.Void](`goappTryUpdate()`)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(tctx, chromedp.Poll[bool](`document.getElementById("update-banner") !== null`,
		chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(60*time.Second))); err != nil {
		t.Fatalf("no update offered: %v", err)
	}
	// Reloading runs the new version.
	if err := chromedp.Do(tctx, chromedp.Click("#update-reload"), chromedp.Sleep(200*time.Millisecond), WaitApp()); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(tctx, chromedp.Poll[bool](`document.getElementById("app-version").textContent === "version v-two"`,
		chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		v, _ := chromedp.Run(tctx, chromedp.Text("#app-version"))
		t.Fatalf("after reload the footer says %q", v)
	}
}

func TestServeCompressedWasm(t *testing.T) {
	s := Serve(t, BuildSite(t, wasmFile, "", "v-serve"), "")
	for _, tc := range []struct {
		accept, wantEncoding string
	}{
		{"gzip, deflate, br, zstd", "br"},
		{"gzip", "gzip"},
		{"br;q=0, gzip", "gzip"},
		{"", ""},
	} {
		req, _ := http.NewRequest("GET", s.URL+"web/app.wasm", nil)
		if tc.accept != "" {
			req.Header.Set("Accept-Encoding", tc.accept)
		}
		// A bare transport: the default one would ask for gzip and decode it.
		resp, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/wasm" ||
			resp.Header.Get("Content-Encoding") != tc.wantEncoding || !strings.Contains(resp.Header.Get("Vary"), "Accept-Encoding") {
			t.Errorf("Accept-Encoding %q: status %d, type %q, encoding %q (want %q), vary %q", tc.accept, resp.StatusCode,
				resp.Header.Get("Content-Type"), resp.Header.Get("Content-Encoding"), tc.wantEncoding, resp.Header.Get("Vary"))
		}
	}
}
