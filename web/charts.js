// infercost: keyboard reading of the charts. Each chart is one Tab stop (its
// <svg>); the arrow keys, Home and End move the focus between its marks
// (months, bars, points: tabindex -1, see chartMark in app/charts.go), whose
// names give their figures. This runs in the page, not in Go: go-app hands
// events to Go asynchronously, too late to stop an arrow key from scrolling.
const chartKeys = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Home: -Infinity, End: Infinity };

document.addEventListener("keydown", (e) => {
  const svg = e.target.closest && e.target.closest("figure.chart svg");
  const marks = svg ? [...svg.querySelectorAll("[tabindex='-1']")] : [];
  if (!marks.length || !(e.key in chartKeys)) return;
  // From the chart itself (index −1) the first step lands on the first mark.
  const next = marks.indexOf(e.target) + chartKeys[e.key];
  e.preventDefault();
  marks[Math.min(marks.length - 1, Math.max(0, next))].focus();
});
