package browser

import (
	"maps"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// censusJS counts, at the first render (go-app's loader gone, the
// calculator live), the elements, attributes and text nodes of the page and
// of each part of the calculator, and those of the inputs' labels and help
// paragraphs.
const censusJS = `
window.__census = null;
new MutationObserver(function (ms, o) {
  if (window.__census || document.getElementById("app-wasm-loader") || !document.querySelector(".calc.live")) return;
  var out = {};
  function count(el) { var e = 0, a = 0, t = 0; var w = document.createTreeWalker(el, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    var n = w.currentNode; while (n) { if (n.nodeType === 1) { e++; a += n.attributes.length; } else t++; n = w.nextNode(); } return [e, a, t]; }
  out.body = count(document.body);
  document.querySelectorAll(".calc > *, .layout > .results > *, .layout > .inputs > *, .inputs section, .toolbar > *").forEach(function (el, i) {
    var k = el.tagName + "." + el.className + "#" + el.id + ":" + (el.querySelector("h2") ? el.querySelector("h2").textContent.slice(0, 30) : "") ;
    out[i + " " + k] = count(el);
  });
  var lab = [0,0,0], help = [0,0,0];
  document.querySelectorAll(".field > label[for]").forEach(function (el) { var c = count(el); for (var i = 0; i < 3; i++) lab[i] += c[i]; });
  document.querySelectorAll(".field > p.help[id]").forEach(function (el) { var c = count(el); for (var i = 0; i < 3; i++) help[i] += c[i]; });
  out["labels " + document.querySelectorAll(".field > label[for]").length] = lab;
  out["helps " + document.querySelectorAll(".field > p.help[id]").length] = help;
  out["numeric inputs " + document.querySelectorAll(".field > .control > input[data-path]").length] = [0, 0, 0];
  window.__census = out;
}).observe(document, {subtree: true, childList: true, attributes: true});
`

// TestFirstScreenCensus prints what go-app builds at the first render
// (docs/performance.md, "The first render in markup"): [elements,
// attributes, text nodes] of the page and of each part.
// Run with INFERCOST_CENSUS=1.
func TestFirstScreenCensus(t *testing.T) {
	if os.Getenv("INFERCOST_CENSUS") == "" {
		t.Skip("set INFERCOST_CENSUS=1 to count the first screen's nodes")
	}
	s := Serve(t, BuildSite(t, wasmFile, "", "census"), "")
	ctx := NewBrowser(t)
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: censusJS}); err != nil {
		t.Fatal(err)
	}
	step(t, ctx, 90*time.Second, chromedp.Navigate(s.URL), WaitApp(), chromedp.Sleep(time.Second))
	out := eval[map[string][]int](t, ctx, `window.__census`)
	keys := slices.Sorted(maps.Keys(out))
	for _, k := range keys {
		t.Logf("%v %s", out[k], k)
	}
}
