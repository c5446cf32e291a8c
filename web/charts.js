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

// Chart text at 12 px at any width: a chart's drawing scales with its box,
// so its text is sized in viewBox units (--chart-k of them a CSS pixel).
const chartSizes = new ResizeObserver((entries) => {
  for (const e of entries) {
    const svg = e.target, w = svg.viewBox && svg.viewBox.baseVal && svg.viewBox.baseVal.width;
    if (w && e.contentRect.width > 0) svg.style.setProperty("--chart-k", String(w / e.contentRect.width));
  }
});
const chartsSeen = new WeakSet();
function watchCharts() {
  for (const svg of document.querySelectorAll("figure.chart svg")) {
    if (!chartsSeen.has(svg)) { chartsSeen.add(svg); chartSizes.observe(svg); }
  }
}
new MutationObserver(watchCharts).observe(document.documentElement, { childList: true, subtree: true });
watchCharts();

// Saving a chart (the SVG and PNG buttons, app/charts.go saveChart): a
// standalone SVG with the page's styles written into it and the title,
// legend and caption drawn in; the PNG paints that SVG on a canvas at twice
// its size. Resolves to "" when the file was handed to the browser, else
// to what went wrong.
const svgNS = "http://www.w3.org/2000/svg";
const chartProps = ["fill", "fill-opacity", "stroke", "stroke-width", "stroke-dasharray", "opacity",
  "font-size", "font-family", "font-style", "font-weight", "text-anchor", "dominant-baseline", "paint-order", "stroke-linejoin"];

function svgEl(tag, attrs, text) {
  const el = document.createElementNS(svgNS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

// wrap splits text into lines of at most n characters, at spaces.
function wrap(text, n) {
  const lines = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && (line + " " + word).length > n) { lines.push(line); line = word; } else { line = line ? line + " " + word : word; }
  }
  if (line) lines.push(line);
  return lines;
}

function standaloneChart(fig) {
  const src = fig.querySelector("svg");
  const vb = src.viewBox.baseVal;
  const W = vb.width;
  const clone = src.cloneNode(true);
  const from = [src, ...src.querySelectorAll("*")], to = [clone, ...clone.querySelectorAll("*")];
  from.forEach((el, i) => {
    const cs = getComputedStyle(el), out = to[i];
    for (const p of chartProps) {
      const v = cs.getPropertyValue(p);
      if (v && el.tagName !== "title") out.setAttribute(p, v);
    }
    for (const a of ["class", "tabindex", "style", "role", "aria-label", "data-scale"]) out.removeAttribute(a);
    if (el.tagName === "rect" && el.classList.contains("band")) out.setAttribute("fill", "none");
  });
  const page = getComputedStyle(fig.closest(".card") || document.body);
  const text = getComputedStyle(fig).color, muted = getComputedStyle(fig.querySelector("figcaption") || fig).color;
  const font = page.fontFamily, fs = 13;
  const head = svgEl("g", { "font-family": font, fill: text });
  let y = 22;
  // The title wraps on a narrow chart (a phone's frame is 240–520 wide).
  const titleLines = wrap(fig.querySelector("h3").textContent, Math.floor((W - 16) / 9.5));
  titleLines.forEach((l, i) => head.appendChild(svgEl("text", { x: 8, y: y + i * 20, "font-size": 16, "font-weight": 700 }, l)));
  y += 10 + (titleLines.length - 1) * 20;
  let x = 8;
  for (const li of fig.querySelectorAll(".legend li")) {
    const sw = li.querySelector(".swatch"), colour = getComputedStyle(sw).getPropertyValue("--series").trim() || text;
    const label = li.textContent.trim(), w = 40 + label.length * fs * 0.62;
    if (x > 8 && x + w > W) { x = 8; y += 20; }
    const line = sw.classList.contains("line");
    head.appendChild(svgEl("rect", { x, y: line ? y + 8 : y + 3, width: line ? 18 : 12, height: line ? 4 : 12, fill: colour,
      stroke: sw.className.includes(" c") ? text : "none", "stroke-width": 0.75 }));
    head.appendChild(svgEl("text", { x: x + (line ? 24 : 18), y: y + 14, "font-size": fs }, label));
    x += w;
  }
  y += 26;
  const body = svgEl("g", { transform: `translate(0 ${y})` });
  for (const n of [...clone.childNodes]) body.appendChild(n);
  const cap = svgEl("g", { "font-family": font, fill: muted, "font-size": 12 });
  // The caption's text, without its links to the methodology (.how-links).
  const caption = fig.querySelector("figcaption").cloneNode(true);
  for (const a of caption.querySelectorAll(".how-links")) a.remove();
  const lines = wrap(caption.textContent, Math.floor(W / 6.6));
  lines.forEach((l, i) => cap.appendChild(svgEl("text", { x: 8, y: y + vb.height + 18 + i * 16 }, l)));
  const H = y + vb.height + 18 + lines.length * 16;
  const out = svgEl("svg", { xmlns: svgNS, width: W, height: H, viewBox: `0 0 ${W} ${H}`, "font-family": font });
  out.appendChild(svgEl("rect", { x: 0, y: 0, width: W, height: H, fill: page.backgroundColor }));
  out.appendChild(head);
  out.appendChild(body);
  out.appendChild(cap);
  // The drawing's text was sized for the page (see --chart-k): 12 units here.
  for (const t of body.querySelectorAll("text")) t.setAttribute("font-size", "12");
  return { text: '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(out), width: W, height: H };
}

function saveBlob(blob, name) {
  const href = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10000);
}

window.infercostSaveChart = async (id, format, name) => {
  try {
    const fig = document.getElementById(id);
    if (!fig || !fig.querySelector("svg")) return "the chart is not drawn yet";
    const svg = standaloneChart(fig);
    const svgBlob = new Blob([svg.text], { type: "image/svg+xml;charset=utf-8" });
    if (format === "svg") { saveBlob(svgBlob, name); return ""; }
    const url = URL.createObjectURL(svgBlob);
    try {
      const img = new Image();
      img.src = url;
      await img.decode();
      const scale = 2, canvas = document.createElement("canvas");
      canvas.width = Math.ceil(svg.width * scale);
      canvas.height = Math.ceil(svg.height * scale);
      const g = canvas.getContext("2d");
      g.scale(scale, scale);
      g.drawImage(img, 0, 0, svg.width, svg.height);
      const png = await new Promise((resolve) => canvas.toBlob(resolve, "image/png"));
      if (!png) return "the browser could not make the PNG";
      saveBlob(png, name);
      return "";
    } finally {
      URL.revokeObjectURL(url);
    }
  } catch (e) {
    return String((e && e.message) || e);
  }
};

// The charts' frame follows the width of their box (app/charts.go frameFor):
// the widest step of 40 CSS pixels, from 240 to 720, that fits in a card of
// the results column. Go reads infercostChartWidth and hears
// "infercost-chart-width" when it changes: a resize redraws the charts only
// when it crosses a step.
const frameMin = 240, frameMax = 720, frameStep = 40;
function frameWidth(col) {
  // A chart is as wide as its card's content: the column less the card's
  // padding and border (read from a card when there is one).
  const card = col.querySelector(".card");
  let pad = 34;
  if (card) {
    const cs = getComputedStyle(card);
    pad = ["paddingLeft", "paddingRight", "borderLeftWidth", "borderRightWidth"].reduce((s, p) => s + (parseFloat(cs[p]) || 0), 0);
  }
  const box = col.clientWidth - pad;
  return Math.min(frameMax, Math.max(frameMin, Math.floor(box / frameStep) * frameStep));
}
function measureColumn() {
  if (!columnSeen || !columnSeen.clientWidth) return;
  const w = frameWidth(columnSeen);
  if (w !== window.infercostChartWidth) {
    window.infercostChartWidth = w;
    window.dispatchEvent(new Event("infercost-chart-width"));
  }
}
const columnSize = new ResizeObserver(measureColumn);
let columnSeen = null;
function watchColumn() {
  const col = document.getElementById("results");
  if (col && col !== columnSeen) {
    if (columnSeen) columnSize.unobserve(columnSeen);
    columnSeen = col;
    columnSize.observe(col);
    measureColumn();
  }
}
new MutationObserver(watchColumn).observe(document.documentElement, { childList: true, subtree: true });
watchColumn();
