// infercost: keyboard reading of the charts. Each chart is one Tab stop (its
// <svg>); the arrow keys, Home and End move the focus between its marks
// (months, bars, points), whose names give their figures. This runs in the
// page, not in Go: go-app hands events to Go asynchronously, too late to stop
// an arrow key from scrolling the page.
document.addEventListener("keydown", (e) => {
  const svg = e.target.closest && e.target.closest("figure.chart svg");
  if (!svg) return;
  const marks = [...svg.querySelectorAll("[tabindex='-1']")];
  const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
  if (!marks.length || (step === undefined && e.key !== "Home" && e.key !== "End")) return;
  const i = marks.indexOf(e.target);
  let next = i < 0 ? 0 : Math.min(marks.length - 1, Math.max(0, i + (step || 0)));
  if (e.key === "Home") next = 0;
  if (e.key === "End") next = marks.length - 1;
  e.preventDefault();
  marks[next].focus();
});
