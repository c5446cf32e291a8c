// boot.js runs before the page paints (a small script that blocks the
// parser, after the stylesheet). The built page is prerendered with the
// default example, results included; when the app will open something else
// — a shared link in the address, or the scenario the user was working on —
// those figures are another scenario's, so the page hides them and says what
// it is opening until the app has evaluated its own (issue 12, item 9; the
// CSS is under "Opening" in infercost.css). Nothing here may throw.
(function () {
  var opening = "";
  try {
    if (location.hash.length > 1) {
      opening = "opening-link";
    } else if (window.localStorage && localStorage.getItem("infercost.working.v1")) {
      opening = "opening-working";
    }
  } catch (e) {
    // localStorage blocked: the app will show the default example.
  }
  if (opening) {
    document.documentElement.classList.add("opening", opening);
    // If the app has not started after a while (a very slow network, or a
    // browser that blocks WebAssembly), say so instead of waiting forever.
    setTimeout(function () {
      var calc = document.querySelector(".calc");
      if (calc && !calc.classList.contains("live")) {
        var note = calc.querySelector(".opening-note");
        if (note) {
          note.textContent = "infercost has not started yet: the network may be slow, or this browser may block WebAssembly. Keep waiting, or reload to try again; your link is kept in the address bar.";
        }
      }
    }, 30000);
  }
})();
