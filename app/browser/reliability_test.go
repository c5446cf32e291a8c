package browser

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/infercost/infercost/app"
	"github.com/infercost/infercost/engine"
)

// Issue 10: nothing a user does or opens may stop the app or lose work.
// Each test here failed before its fix; each checks the console for a Go
// panic (which in wasm ends the program) and that the app still responds.

// threeOptions is the hand-worked scenario with a third option.
func threeOptions() *engine.Scenario {
	s := handWorked()
	s.Options = append(s.Options, engine.Option{Label: "Second API", Kind: engine.API,
		PriceInputPerM: engine.N("1"), PriceOutputPerM: engine.N("4")})
	return s
}

// responds checks that go-app still handles events (a name typed is in the
// link Copy link then shows) and that the console shows no failure.
func responds(t *testing.T, ctx context.Context, log *ConsoleLog) {
	t.Helper()
	name := fmt.Sprintf("still alive %d", time.Now().UnixNano()%1000)
	step(t, ctx, 20*time.Second, setInput("scenario-name", name), chromedp.Click("#copy-link"),
		WaitJS(`document.getElementById("notice").textContent.startsWith("Link: ")`, 10*time.Second))
	link := strings.TrimPrefix(text(t, ctx, "#notice"), "Link: ")
	if sc, err := engine.DecodeLink(link); err != nil || sc.Name != name {
		t.Errorf("Copy link gave %q (%v), want the scenario named %q", link, err, name)
	}
	if f := log.Failures(); len(f) > 0 {
		t.Fatalf("the page failed: %s", strings.Join(f, "\n"))
	}
}

// waitLink waits until the link read by js (a link or a fragment) decodes
// to a scenario that ok accepts.
func waitLink(t *testing.T, ctx context.Context, js string, ok func(engine.Scenario) bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		sc, err := engine.DecodeLink(eval[string](t, ctx, js))
		if err == nil && ok(sc) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: no such scenario after 10 s (last: %+v, %v)", js, sc.Name, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// watchedPage is the calculator's site and a browser whose console is
// watched (and printed if the test fails), with no clipboard.
func watchedPage(t *testing.T) (*Site, context.Context, *ConsoleLog) {
	t.Helper()
	s := calcSite(t)
	ctx := NewBrowser(t)
	log := WatchConsole(ctx)
	log.LogOnFailure(t)
	step(t, ctx, 30*time.Second, noClipboard())
	return s, ctx, log
}

// noClipboard makes Copy link show the link in the notice instead of
// writing it to the clipboard (headless Chromium grants no clipboard).
func noClipboard() chromedp.Action[chromedp.Void] {
	return addScript(`Object.defineProperty(navigator, "clipboard", {get() { return undefined }})`)
}

// addScript runs source in every new document of the page before its own
// scripts.
func addScript(source string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: source})
		return err
	})
}

// The crash of issue 10: with three options, an invalid value, then two
// removals indexed the form with positions from the stale results.
func TestReliabilityStaleResultsAndRemovedOptions(t *testing.T) {
	s, ctx, log := watchedPage(t)
	step(t, ctx, 90*time.Second, chromedp.Navigate(s.URL+"#"+engine.EncodeLink(threeOptions())), WaitApp(), WaitTable())
	step(t, ctx, 20*time.Second, setInput("w-requests_per_day", "abc"), WaitJS(`document.getElementById("stale") !== null`, 10*time.Second))
	for n := 2; n >= 1; n-- {
		step(t, ctx, 20*time.Second,
			chromedp.Evaluate[chromedp.Void](`[...document.querySelectorAll(".option-card button[id$=remove]")].pop().click()`),
			WaitJS(fmt.Sprintf(`document.querySelectorAll(".option-card").length === %d`, n), 10*time.Second),
			chromedp.Sleep(300*time.Millisecond)) // past the charts' redraw
	}
	// The stale results are still the three options' (last valid input).
	if n := eval[int](t, ctx, `document.querySelectorAll("#headline .headline").length`); n != 3 {
		t.Errorf("%d headlines while stale, want the last valid result's 3", n)
	}
	// Fixing the value evaluates the one option left: $8,760 a month.
	step(t, ctx, 20*time.Second, setInput("w-requests_per_day", "86400"), WaitJS(`document.getElementById("stale") === null`, 10*time.Second),
		waitText(stat(0, "first_month_cost"), "$8,760"), WaitJS(`document.querySelectorAll("#headline .headline").length === 1`, 10*time.Second))
	responds(t, ctx, log)
}

// Crafted links: go-app's URL parsing returns nil for these and its
// navigation panicked. Each now opens the default scenario with the link
// kept exactly as opened, both at start-up and pasted into a running page.
func TestReliabilityCraftedLinks(t *testing.T) {
	s, ctx, log := watchedPage(t)
	for _, frag := range []string{"#%", "#1r.n=100%", "#1r.n=50%off~x", "#1r.n=%zz~o=api"} {
		t.Run(frag, func(t *testing.T) {
			_, want := engine.DecodeLink(frag)
			if want == nil {
				t.Fatalf("engine.DecodeLink accepts %q", frag)
			}
			check := func() {
				t.Helper()
				if got := text(t, ctx, "#bad-link p"); !strings.Contains(got, want.Error()) {
					t.Errorf("banner %q, want it to say %q (as infercost eval does)", got, want)
				}
				if got := eval[string](t, ctx, `document.getElementById("bad-link-text").value`); got != frag {
					t.Errorf("kept link %q, want %q as opened", got, frag)
				}
				if got := text(t, ctx, "#verdict"); !strings.Contains(got, "cheapest") {
					t.Errorf("no results: %q", got)
				}
				responds(t, ctx, log)
			}
			step(t, ctx, 60*time.Second, chromedp.Navigate("about:blank"), chromedp.Navigate(s.URL+frag), WaitApp(),
				WaitJS(`document.getElementById("bad-link") !== null`, 20*time.Second))
			check()
			// Pasted into the address bar of the running app.
			step(t, ctx, 60*time.Second, chromedp.Navigate("about:blank"), chromedp.Navigate(s.URL+"#"+engine.EncodeLink(handWorked())), WaitApp(),
				waitText(stat(0, "total_cost"), "$17,520"),
				chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`location.hash = %q`, frag)),
				WaitJS(`document.getElementById("bad-link") !== null`, 20*time.Second))
			check()
		})
	}
}

// The page and the CLI decode a link's percent escapes once, the same way.
func TestReliabilityLinkDecodedLikeCLI(t *testing.T) {
	s, ctx, log := watchedPage(t)
	readable := strconv.Itoa(engine.LinkVersion) + "r."
	base := strings.TrimPrefix(engine.EncodeLink(handWorked()), readable)
	if !strings.HasPrefix(base, "n=") {
		t.Fatalf("the hand-worked link is not in readable form: %s", base)
	}
	_, rest, _ := strings.Cut(base, "~")
	for _, name := range []string{"50%2541", "100%25", "Caf%C3%A9+%26+co"} {
		frag := "#" + readable + "n=" + name + "~" + rest
		sc, err := engine.DecodeLink(frag)
		if err != nil {
			t.Fatalf("%s: %v", frag, err)
		}
		step(t, ctx, 60*time.Second, chromedp.Navigate("about:blank"), chromedp.Navigate(s.URL+frag), WaitApp(),
			waitText(stat(0, "total_cost"), "$17,520"))
		if got := eval[string](t, ctx, `document.getElementById("scenario-name").value`); got != sc.Name {
			t.Errorf("%s: the page reads the name as %q, infercost eval as %q", frag, got, sc.Name)
		}
	}
	if f := log.Failures(); len(f) > 0 {
		t.Fatal(f)
	}
}

// A browser that blocks site data throws on any access to localStorage.
func TestReliabilityBlockedStorage(t *testing.T) {
	s, ctx, log := watchedPage(t)
	step(t, ctx, 90*time.Second,
		// As Chromium does when site data is blocked (the property stays
		// configurable, as WebIDL makes it).
		addScript(`Object.defineProperty(window, "localStorage", {configurable: true, get() { throw new DOMException("The user denied permission to access the database.", "SecurityError") }})`),
		chromedp.Navigate(s.URL+"#"+engine.EncodeLink(handWorked())), WaitApp(), waitText(stat(0, "total_cost"), "$17,520"),
		WaitJS(`document.getElementById("storage-error") !== null`, 10*time.Second))
	if got := text(t, ctx, "#storage-error"); !strings.Contains(got, "blocks site storage") {
		t.Errorf("storage message = %q", got)
	}
	if !eval[bool](t, ctx, `document.getElementById("save").disabled`) {
		t.Error("Save is offered while storage is blocked")
	}
	// Editing goes on. Half the load: 0.55 s per request × 1 request/s at
	// peak = 0.55 busy accelerators, 1.1 at 50 % utilization: one replica of
	// 2 plus the spare, 4 × $2 × 730 h = $5,840 a month, $11,680 in all.
	step(t, ctx, 10*time.Second, setInput("w-requests_per_day", "43200"), waitText(stat(0, "total_cost"), "$11,680"), chromedp.Sleep(400*time.Millisecond))
	responds(t, ctx, log)
}

// savedJSON is a stored list of n entries of the hand-worked scenario.
func savedJSON(n int) string {
	link := "#" + engine.EncodeLink(handWorked())
	list := make([]map[string]string, n)
	for i := range list {
		list[i] = map[string]string{"name": fmt.Sprintf("Entry %d", i+1), "link": link, "saved_at": "2026-01-01 00:00:00"}
	}
	b, _ := json.Marshal(list)
	return string(b)
}

// Storage full: nothing is shown as saved that was not; corrupt data is
// never deleted unless the user asks, even when it cannot be copied aside.
func TestReliabilityStorageFullAndCorrupt(t *testing.T) {
	s, ctx, log := watchedPage(t)
	link := s.URL + "#" + engine.EncodeLink(handWorked())
	step(t, ctx, 90*time.Second, chromedp.Navigate(link), WaitApp(),
		chromedp.Evaluate[chromedp.Void](`Storage.prototype.setItem = function() { throw new DOMException("full", "QuotaExceededError") }`),
		chromedp.Click("#save"), WaitJS(`document.getElementById("notice").textContent.startsWith("Not saved")`, 10*time.Second))
	if got := text(t, ctx, "#notice"); !strings.Contains(got, "full") {
		t.Errorf("notice = %q, want it to say storage is full", got)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("#saved option").length`); n != 1 {
		t.Errorf("the failed save is listed (%d options)", n)
	}

	// Corrupt data (a fresh page has setItem back): kept in place, saving
	// paused, until the user downloads or clears it.
	step(t, ctx, 60*time.Second, chromedp.Navigate("about:blank"), chromedp.Navigate(link), WaitApp(),
		chromedp.Evaluate[chromedp.Void](`localStorage.setItem("infercost.saved.v1", "{not json")`),
		chromedp.Reload(), WaitApp(), WaitJS(`document.getElementById("storage-error") !== null`, 20*time.Second))
	if got := text(t, ctx, "#storage-error p"); !strings.Contains(got, "could not be read") || !strings.Contains(got, "until you download or clear") {
		t.Errorf("storage message = %q", got)
	}
	if !eval[bool](t, ctx, `document.getElementById("save").disabled`) {
		t.Error("Save would overwrite the unreadable data")
	}
	step(t, ctx, 20*time.Second, chromedp.Click("#storage-download"))
	if got := eval[string](t, ctx, `localStorage.getItem("infercost.saved.v1")`); got != "{not json" {
		t.Errorf("the unreadable data changed: %q", got)
	}
	step(t, ctx, 20*time.Second, chromedp.Click("#storage-clear"), WaitJS(`document.getElementById("storage-error") === null`, 10*time.Second),
		chromedp.Click("#save"), WaitJS(`JSON.parse(localStorage.getItem("infercost.saved.v1") || "[]").length === 1`, 10*time.Second))
	responds(t, ctx, log)
}

// The limit on saved entries is stated, not silent; two tabs merge.
func TestReliabilitySavedLimitAndTwoTabs(t *testing.T) {
	s, ctx, log := watchedPage(t)
	link := s.URL + "#" + engine.EncodeLink(handWorked())
	step(t, ctx, 90*time.Second, chromedp.Navigate(link), WaitApp(),
		chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`localStorage.setItem("infercost.saved.v1", %q)`, savedJSON(app.MaxSaved))),
		chromedp.Reload(), WaitApp(), chromedp.Click("#save"),
		WaitJS(`document.getElementById("notice").textContent.startsWith("Not saved")`, 10*time.Second))
	if got := text(t, ctx, "#notice"); !strings.Contains(got, fmt.Sprintf("at most %d", app.MaxSaved)) {
		t.Errorf("notice = %q", got)
	}
	if got := text(t, ctx, "#saved option"); !strings.Contains(got, fmt.Sprintf("(%d of at most %d)", app.MaxSaved, app.MaxSaved)) {
		t.Errorf("the list does not state its limit: %q", got)
	}

	// Two tabs on one origin: each saves; neither overwrites the other.
	step(t, ctx, 10*time.Second, chromedp.Evaluate[chromedp.Void](`localStorage.clear()`), chromedp.Reload(), WaitApp())
	tab2, cancel := chromedp.NewContext(ctx)
	defer cancel()
	log2 := WatchConsole(tab2)
	log2.LogOnFailure(t)
	step(t, tab2, 90*time.Second, noClipboard(), chromedp.Navigate(link), WaitApp())
	// Generous bounds: two pages evaluate at once, and under a loaded test
	// run the tab in the background is throttled.
	// Save is clicked by script here (the mouse click is tested above): on a
	// loaded run a mouse click landing while the edit redraws the page can
	// miss the button, and the step timed out (CI, twice).
	save := chromedp.Evaluate[chromedp.Void](`document.getElementById("save").click()`)
	// Each tab is brought to the front before it is driven: a tab behind
	// another gets no animation frames, so go-app (which renders on them)
	// would not show what its storage event brought until it came back.
	front := chromedp.Func(func(c context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(c, page.BringToFront, cdp.Empty{})
		return err
	})
	step(t, ctx, 40*time.Second, front, setInput("scenario-name", "From tab one"), save,
		WaitJS(`document.getElementById("notice").textContent.startsWith("Saved")`, 20*time.Second))
	step(t, tab2, 40*time.Second, front, WaitJS(`document.querySelectorAll("#saved option").length === 2`, 20*time.Second), // followed the other tab
		setInput("scenario-name", "From tab two"), save,
		WaitJS(`document.getElementById("notice").textContent.startsWith("Saved")`, 20*time.Second))
	names := eval[[]string](t, ctx, `JSON.parse(localStorage.getItem("infercost.saved.v1")).map((e) => e.name)`)
	if strings.Join(names, "|") != "From tab two|From tab one" {
		t.Errorf("stored list %q, want both tabs' entries", names)
	}
	// Tab one follows tab two's save: the same generous bounds as the
	// steps above (a fresh-clone CI run, 2026-12-03, timed out here at 10 s
	// after 46 s of a loaded run; alone the test takes 9–13 s).
	step(t, ctx, 40*time.Second, front, WaitJS(`document.querySelectorAll("#saved option").length === 3`, 20*time.Second))
	responds(t, ctx, log)
	responds(t, tab2, log2)
}

// Reload without a link brings back the scenario being edited; an opened
// link is shown but never replaces the working copy by itself.
func TestReliabilityWorkingCopySurvivesReload(t *testing.T) {
	s, ctx, log := watchedPage(t)
	step(t, ctx, 90*time.Second, chromedp.Navigate(s.URL+"#"+engine.EncodeLink(handWorked())), WaitApp(),
		setInput("scenario-name", "Work in progress"), setInput("w-requests_per_day", "43200"))
	waitLink(t, ctx, `JSON.parse(localStorage.getItem("infercost.working.v1") || "{}").link || ""`, func(sc engine.Scenario) bool {
		return sc.Name == "Work in progress" && sc.Workload.RequestsPerDay.String() == "43200"
	})
	other := handWorked()
	other.Name = "Someone else's"
	step(t, ctx, 60*time.Second, chromedp.Navigate("about:blank"), chromedp.Navigate(s.URL+"#"+engine.EncodeLink(other)), WaitApp(),
		waitText(stat(0, "total_cost"), "$17,520"), chromedp.Sleep(500*time.Millisecond))
	// The opened link wins over the working copy.
	if got := eval[string](t, ctx, `document.getElementById("scenario-name").value`); got != "Someone else's" {
		t.Errorf("opened link: name %q, want the link's", got)
	}
	step(t, ctx, 60*time.Second, chromedp.Navigate("about:blank"), chromedp.Navigate(s.URL), WaitApp())
	if got := eval[string](t, ctx, `document.getElementById("scenario-name").value`); got != "Work in progress" {
		t.Errorf("after reload: name %q, want the working copy", got)
	}
	if got := eval[string](t, ctx, `document.getElementById("w-requests_per_day").value`); got != "43,200" { // shown with separators
		t.Errorf("after reload: requests a day %q, want 43,200", got)
	}
	// Its link is put in the address bar once painted.
	waitLink(t, ctx, `location.hash`, func(sc engine.Scenario) bool { return sc.Name == "Work in progress" })
	responds(t, ctx, log)
}

// The second line of defence: a panic that escapes every fix (here a
// JavaScript exception thrown into a Go handler) is recovered. The last
// valid scenario stays on screen, the page says so and keeps responding.
func TestReliabilityRecoversFromPanic(t *testing.T) {
	s, ctx, log := watchedPage(t)
	step(t, ctx, 90*time.Second, chromedp.Navigate(s.URL+"#"+engine.EncodeLink(handWorked())), WaitApp(),
		chromedp.Evaluate[chromedp.Void](`window.print = () => { throw new Error("printing is broken") }`),
		chromedp.Click("#print"), WaitJS(`document.getElementById("crash") !== null`, 10*time.Second))
	if got := text(t, ctx, "#crash p"); !strings.Contains(got, "printing is broken") || !strings.Contains(got, "last valid scenario") {
		t.Errorf("crash banner = %q", got)
	}
	if got := text(t, ctx, stat(0, "total_cost")); got != "$17,520" {
		t.Errorf("results after recovery = %q", got)
	}
	f := log.Failures()
	if len(f) != 1 || !strings.Contains(f[0], app.InternalErrorLog+"JavaScript error: printing is broken") {
		t.Errorf("console: want one recovered internal error, got %q", f)
	}
	// Editing goes on: 6 accelerators at $1 an hour are $4,380 a month.
	rate := eval[string](t, ctx, `document.querySelector("input[data-path='options[0].hourly_rate']").id`)
	step(t, ctx, 20*time.Second, chromedp.Click("#crash-dismiss"), WaitJS(`document.getElementById("crash") === null`, 10*time.Second),
		setInput(rate, "1"), waitText(stat(0, "first_month_cost"), "$4,380"))
	if f := log.Failures(); len(f) != 1 {
		t.Errorf("more failures after recovery: %q", f)
	}
}

// A browser that refuses what the page asks of it: the clipboard (no
// permission, or the page not in front) and a chosen file that can no
// longer be read (moved or deleted after it was chosen). Each is said on
// the status line, in the words below; nothing is lost, and the console has
// no uncaught rejection.
func TestRefusedClipboardAndUnreadableFile(t *testing.T) {
	s := calcSite(t)
	ctx := NewBrowser(t)
	log := WatchConsole(ctx)
	log.LogOnFailure(t)
	step(t, ctx, 30*time.Second,
		addScript(`Object.defineProperty(navigator, "clipboard", {get() { return {writeText() {
			return Promise.reject(new DOMException("Write permission denied.", "NotAllowedError")) }} }})`),
		addScript(`File.prototype.text = function() {
			return Promise.reject(new DOMException("The requested file could not be read.", "NotReadableError")) }`))
	opened := threeOptions()
	step(t, ctx, 90*time.Second, chromedp.Navigate(s.URL+"#"+engine.EncodeLink(opened)), WaitApp(), WaitTable())
	before := text(t, ctx, "#comparison")

	// Copy link: refused; the link is on the status line, to copy by hand,
	// and it opens the scenario on the page.
	const refused = "The browser did not let the page copy the link; copy it from here: "
	step(t, ctx, 20*time.Second, chromedp.Click("#copy-link"),
		WaitJS(fmt.Sprintf(`document.getElementById("notice").textContent.startsWith(%q)`, refused), 10*time.Second))
	link := strings.TrimPrefix(text(t, ctx, "#notice"), refused)
	if want := eval[string](t, ctx, `location.origin + location.pathname`) + "#"; !strings.HasPrefix(link, want) {
		t.Fatalf("the status line's link %q does not start with %q", link, want)
	}
	got, err := engine.DecodeLink(link)
	if err != nil {
		t.Fatalf("the status line's link does not open: %v", err)
	}
	if engine.EncodeLink(&got) != engine.EncodeLink(opened) {
		t.Errorf("the status line's link holds another scenario:\n%s\nwant\n%s", engine.EncodeLink(&got), engine.EncodeLink(opened))
	}

	// Import of a file that cannot be read: said, and nothing changes.
	file := filepath.Join(t.TempDir(), "scenario.json")
	if err := os.WriteFile(file, []byte(`{"version":2}`), 0o644); err != nil {
		t.Fatal(err)
	}
	step(t, ctx, 30*time.Second, chromedp.SetUploadFiles("#import-json", []string{file}),
		WaitJS(`document.getElementById("notice").textContent.includes("Import failed")`, 20*time.Second))
	if got, want := text(t, ctx, "#notice"), "Import failed: the file could not be read."; !strings.HasSuffix(got, want) {
		t.Errorf("status line = %q, want it to end %q", got, want)
	}
	if got := text(t, ctx, "#comparison"); got != before {
		t.Errorf("an unreadable file changed the results:\n%s\nwant\n%s", got, before)
	}
	if f := log.Failures(); len(f) > 0 {
		t.Errorf("console failures:\n%s", strings.Join(f, "\n"))
	}
}
