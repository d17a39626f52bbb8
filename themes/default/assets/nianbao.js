// Draws each <figure class="chart"> with Chart.js from its data-chart attribute. The data
// table stays in the page for screen readers, printing and readers without JavaScript;
// here it is folded behind a button once the chart is drawn.
(function () {
  "use strict";
  // Okabe–Ito colours (safe for colour-blind readers), each series also with its own
  // marker and dash, so that no series is told apart by colour alone.
  var COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"];
  var MARKERS = ["circle", "rect", "triangle", "rectRot", "crossRot", "star", "rectRounded"];
  var DASHES = [[], [6, 4], [2, 3], [10, 3, 2, 3], [1, 2], [8, 8], [4, 2]];
  var STRINGS = {
    zh: { show: "显示数据表", hide: "隐藏数据表" },
    en: { show: "Show data table", hide: "Hide data table" }
  };

  // Axis numbers by nianbao's rules, not the browser's locale (a German browser wrote
  // 250.000): ',' between thousands, '.' before decimals, at most two decimals.
  function formatTick(value) {
    var negative = value < 0;
    var text = Math.abs(value).toFixed(2).replace(/\.?0+$/, "");
    var parts = text.split(".");
    parts[0] = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return (negative ? "-" : "") + parts.join(".");
  }

  function strings(el) {
    var lang = (el.closest("[lang]") || document.documentElement).getAttribute("lang") || "en";
    return STRINGS[lang.split("-")[0]] || STRINGS.en;
  }

  function draw(figure) {
    var spec = JSON.parse(figure.getAttribute("data-chart"));
    // Nothing reported in any series: an empty plot says less than the table does.
    var hasValue = spec.datasets.some(function (ds) {
      return ds.data.some(function (v) { return v !== null; });
    });
    if (!hasValue) return;
    var holder = figure.querySelector(".chart-canvas");
    var canvas = holder.querySelector("canvas");
    var bar = spec.type === "bar";
    var own = 0;  // the bureaus' own series take the colours in order; a band is grey
    spec.datasets.forEach(function (ds, i) {
      if (ds.band) {
        ds.borderColor = ds.band === "median" ? "#333333" : "#8a8a8a";
        ds.backgroundColor = "rgba(120, 120, 120, 0.18)";
        ds.pointStyle = ds.band === "median" ? "rectRot" : "line";
        ds.pointRadius = ds.band === "median" ? 4 : 0;
        ds.borderDash = ds.band === "median" ? [6, 3] : [2, 2];
        ds.borderWidth = ds.band === "median" ? 2 : 1;
        ds.spanGaps = false;
        // The area between the quartiles: the upper one fills down to the lower one.
        if (ds.band === "q3") {
          for (var j = 0; j < i; j++) if (spec.datasets[j].band === "q1") ds.fill = j;
        }
        return;
      }
      var colour = COLOURS[own % COLOURS.length];
      var k = own++;
      ds.borderColor = colour;
      ds.backgroundColor = bar ? colour : colour;
      ds.pointStyle = MARKERS[k % MARKERS.length];
      ds.pointRadius = 5;
      ds.borderDash = bar ? [] : DASHES[k % DASHES.length];
      ds.borderWidth = bar ? 1 : 2;
      ds.spanGaps = false;
      if (bar && k % 2 === 1) { ds.backgroundColor = colour + "99"; ds.borderWidth = 2; }
    });
    holder.hidden = false;
    // The value axis starts at zero (a rate's at 0 and ends at 100): a cut axis would make
    // a small change look large without saying so.
    var y = { beginAtZero: true, ticks: { callback: formatTick } };
    if (spec.rate) { y.min = 0; y.max = 100; }
    if (spec.unit) y.title = { display: true, text: spec.unit };
    new window.Chart(canvas, {
      type: spec.type,
      data: { labels: spec.labels, datasets: spec.datasets },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        plugins: { legend: { labels: { usePointStyle: true } } },
        scales: { y: y }
      }
    });
    var table = figure.querySelector(".table-scroll");
    var s = strings(figure);
    var button = document.createElement("button");
    button.type = "button";
    button.className = "chart-toggle";
    button.setAttribute("aria-expanded", "false");
    button.textContent = s.show;
    table.hidden = true;
    button.addEventListener("click", function () {
      table.hidden = !table.hidden;
      button.setAttribute("aria-expanded", String(!table.hidden));
      button.textContent = table.hidden ? s.show : s.hide;
    });
    table.parentNode.insertBefore(button, table);
  }

  function init() {
    if (!window.Chart) return;  // the tables stay as they are
    document.querySelectorAll("figure.chart[data-chart]").forEach(draw);
  }
  // Print the tables; afterwards fold them again, so each toggle's aria-expanded stays true.
  var unfolded = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("figure.chart .table-scroll").forEach(function (t) {
      if (t.hidden) { t.hidden = false; unfolded.push(t); }
    });
  });
  window.addEventListener("afterprint", function () {
    unfolded.forEach(function (t) { t.hidden = true; });
    unfolded = [];
  });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
