// Search from disk (docs/search.md): the index is JavaScript files that register
// themselves with window.nianbaoSearch, loaded with <script> elements (fetch() is refused
// on file://), and only the shards that hold the query's tokens. Tokenising follows
// src/search/tokenize.cc exactly; a change there must be made here too.
(function () {
  "use strict";
  var LATIN =
    "aaaaaa.ceeeeiiii.nooooo..uuuuy..aaaaaa.ceeeeiiii.nooooo..uuuuy.yaaaaaaccccccccdd..eeeeeeee" +
    "eegggggggghh..iiiiiiiii.iijjkk.llllllll..nnnnnn...oooooo..rrrrrrsssssssstttt..uuuuuuuuuuuu" +
    "wwyyyzzzzzzs................................oo.............uu...................dddlllnnnaa" +
    "iioouuuuuuuuuu.aaaa....ggkkoooo..jdddgg..nnaa....aaaaeeeeiiiioooorrrruuuusstt..hh......aae" +
    "eooooooooyy............................";
  var STOP = {};
  ("a an and are as at be by for from in is it its of on or that the this to was were with")
    .split(" ").forEach(function (w) { STOP[w] = true; });
  var SHOWN = 20;

  function fold(c) {
    if (c >= 65 && c <= 90) return c + 32;
    if (c < 128) return c;
    if (c >= 0xff01 && c <= 0xff5e) return fold(c - 0xfee0);
    if (c === 0x3000) return 32;
    if (c >= 0xc0 && c < 0x250) {
      var f = LATIN.charAt(c - 0xc0);
      if (f !== ".") return f.charCodeAt(0);
      if (c <= 0xde && c !== 0xd7) return c + 32;
    }
    return c;
  }
  function foldText(s) {
    var out = "";
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      out += c >= 0xd800 && c <= 0xdfff ? s.charAt(i) : String.fromCharCode(fold(c));
    }
    return out;
  }
  function isCjk(c) {
    return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) ||
      (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0x20000 && c <= 0x3ffff);
  }
  function isWord(c) {
    if (c < 128) return (c >= 48 && c <= 57) || (c >= 97 && c <= 122);
    return c >= 0xc0 && c < 0x250 && c !== 0xd7 && c !== 0xf7;
  }
  function singular(w) {
    if (w.length <= 3 || w.charAt(w.length - 1) !== "s" || !/^[a-z]+$/.test(w)) return w;
    if (w.length > 4 && /ies$/.test(w)) return w.slice(0, -3) + "y";
    if (w.length > 4 && /(sses|xes|ches|shes)$/.test(w)) return w.slice(0, -2);
    if (/(ss|us|is)$/.test(w)) return w;
    return w.slice(0, -1);
  }
  // The tokens of a text, as the index holds them (tokenize.h).
  function tokenize(text) {
    var out = [], word = "", run = [];
    function endWord() {
      if (!word) return;
      var w = singular(word);
      if (!STOP[w]) out.push(w);
      word = "";
    }
    function endRun() {
      if (run.length === 1) out.push(run[0]);
      for (var i = 0; i + 1 < run.length; i++) out.push(run[i] + run[i + 1]);
      run = [];
    }
    Array.from(text).forEach(function (ch) {
      var c = fold(ch.codePointAt(0));
      if (isCjk(c)) { endWord(); run.push(String.fromCodePoint(c)); return; }
      if (run.length) endRun();
      if (isWord(c)) word += String.fromCodePoint(c); else endWord();
    });
    endWord();
    if (run.length) endRun();
    return out;
  }
  function hash(token) {
    var h = 2166136261;
    Array.from(token).forEach(function (ch) {
      h = Math.imul(h ^ ch.codePointAt(0), 16777619) >>> 0;
    });
    return h;
  }

  // What the index files register.
  var store = { meta: {}, shards: {}, text: {} };
  window.nianbaoSearch = {
    meta: function (lang, m) { store.meta[lang] = m; },
    shard: function (lang, i, s) { store.shards[lang + "-" + i] = s; },
    text: function (lang, i, t) { store.text[lang + "-t" + i] = t; },
    tokenize: tokenize
  };
  var loading = {};
  function load(src) {
    if (!loading[src]) {
      loading[src] = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = src;
        s.onload = resolve;
        s.onerror = function () { reject(new Error("cannot load " + src)); };
        document.head.appendChild(s);
      });
    }
    return loading[src];
  }

  // A token's pages, {page: flags}. A lone Chinese character is indexed only where it
  // stands alone; elsewhere it is found in titles, which the page list holds anyway.
  function pagesOf(meta, token, list) {
    var out = {}, doc = 0;
    for (var i = 0; i < list.length; i++) {
      doc += Math.floor(list[i] / 8);
      out[doc] = list[i] & 7;
    }
    if (Array.from(token).length === 1 && isCjk(token.codePointAt(0))) {
      meta.docs.forEach(function (d, k) {
        if (foldText(d[1]).indexOf(token) >= 0) out[k] = (out[k] || 1) | 4;
      });
    }
    return out;
  }
  // Pages holding every token, a title match first, then by how often the words occur.
  function rank(meta, sets, bureau, year) {
    var hits = null;
    sets.forEach(function (set) {
      var next = {};
      Object.keys(hits || set).forEach(function (doc) {
        var flags = set[doc];
        if (flags === undefined) return;
        var prev = hits ? hits[doc] : { all: true, title: 0, count: 0 };
        var inTitle = (flags & 4) !== 0;
        next[doc] = { all: prev.all && inTitle, title: prev.title + (inTitle ? 1 : 0),
          count: prev.count + (flags & 3) };
      });
      hits = next;
    });
    var out = [];
    Object.keys(hits || {}).forEach(function (k) {
      var d = meta.docs[k];
      if (bureau !== "" && (d[3] < 0 || meta.bureaus[d[3]][0] !== bureau)) return;
      if (year !== "" && String(d[4]) !== year) return;
      var h = hits[k];
      out.push({ id: Number(k), score: (h.all ? 1000 : 0) + h.title * 10 + h.count });
    });
    out.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
    return out;
  }

  // [start, end) ranges of `folded` where a token occurs (words only at a word's start).
  function matches(folded, tokens) {
    var ranges = [];
    tokens.forEach(function (t) {
      for (var at = folded.indexOf(t); at >= 0; at = folded.indexOf(t, at + 1)) {
        if (/^[a-z0-9]/.test(t) && at > 0 && isWord(folded.charCodeAt(at - 1))) continue;
        ranges.push([at, at + t.length]);
      }
    });
    ranges.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    var merged = [];
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push(r.slice());
    });
    return merged;
  }
  // `text` into `el`, matched words in <mark>: text nodes only, never HTML.
  function marked(el, text, tokens) {
    var ranges = matches(foldText(text), tokens), at = 0;
    ranges.forEach(function (r) {
      el.appendChild(document.createTextNode(text.slice(at, r[0])));
      var m = document.createElement("mark");
      m.textContent = text.slice(r[0], r[1]);
      el.appendChild(m);
      at = r[1];
    });
    el.appendChild(document.createTextNode(text.slice(at)));
  }
  // Some 120 characters around the first match, or the start of the text.
  function snippet(text, tokens) {
    var ranges = matches(foldText(text), tokens);
    var from = ranges.length ? Math.max(0, ranges[0][0] - 30) : 0;
    var to = Math.min(text.length, from + 120);
    return (from > 0 ? "…" : "") + text.slice(from, to) + (to < text.length ? "…" : "");
  }

  function start() {
    var form = document.querySelector("form.search-form");
    if (!form) return;
    var lang = document.documentElement.getAttribute("lang");
    var base = form.getAttribute("data-root") + "assets/search/" + lang;
    var input = form.querySelector("#search-q");
    var bureauSel = form.querySelector("#search-bureau");
    var yearSel = form.querySelector("#search-year");
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    var serial = 0, timer = 0;

    // data-busy and aria-busy while shards load; the status then says what was found.
    function say(key, n, shown) {
      var busy = key === "loading";
      if (busy) status.setAttribute("data-busy", ""); else status.removeAttribute("data-busy");
      list.setAttribute("aria-busy", String(busy));
      status.textContent = form.getAttribute("data-" + key)
        .replace("{n}", String(n)).replace("{shown}", String(shown));
    }
    function run() {
      var mine = ++serial;
      var tokens = tokenize(input.value).filter(function (t, i, all) { return all.indexOf(t) === i; });
      list.textContent = "";
      if (!tokens.length) { say("prompt"); return; }
      say("loading");
      // The search page loads <lang>.js itself; another page's box only links here.
      (store.meta[lang] ? Promise.resolve() : load(base + ".js")).then(function () {
        var meta = store.meta[lang];
        var shards = tokens.map(function (t) { return hash(t) % meta.shards; });
        return Promise.all(shards.map(function (s) { return load(base + "-" + s + ".js"); }))
          .then(function () {
            var sets = tokens.map(function (t, i) {
              return pagesOf(meta, t, store.shards[lang + "-" + shards[i]][t] || []);
            });
            var found = rank(meta, sets, bureauSel.value, yearSel.value);
            if (mine === serial) show(meta, found, found.slice(0, SHOWN), tokens);
          });
      }).catch(function (e) {
        if (mine !== serial) return;
        say("none");
        status.textContent = String(e.message);
      });
    }
    function show(meta, found, top, tokens) {
      var root = form.getAttribute("data-root");
      top.forEach(function (r) {
        var d = meta.docs[r.id];
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.className = "result-title";
        a.href = root + d[0];
        marked(a, d[1], tokens);
        li.appendChild(a);
        var facts = [];
        if (d[3] >= 0) facts.push(meta.bureaus[d[3]][1]);
        if (d[5]) facts.push(d[5]);
        if (facts.length) {
          var p = document.createElement("p");
          p.className = "meta";
          p.textContent = facts.join(" · ");
          li.appendChild(p);
        }
        list.appendChild(li);
        // The snippet when its file has come: the result is listed before.
        var chunk = Math.floor(r.id / meta.chunk);
        load(base + "-t" + chunk + ".js").then(function () {
          var text = store.text[lang + "-t" + chunk][r.id % meta.chunk];
          if (!text || !li.isConnected) return;
          var s = document.createElement("p");
          s.className = "snippet";
          marked(s, snippet(text, tokens), tokens);
          li.appendChild(s);
        });
      });
      if (!found.length) say("none");
      else if (found.length > top.length) say("more", found.length, top.length);
      else say("count", found.length);
    }
    function later() { clearTimeout(timer); timer = setTimeout(run, 200); }

    // The bureaus come with the page list, not in the page: its size does not grow with them.
    var meta0 = store.meta[lang];
    if (meta0) {
      meta0.bureaus.forEach(function (b) {
        var o = document.createElement("option");
        o.value = b[0];
        o.textContent = b[1];
        bureauSel.appendChild(o);
      });
    }
    var params = new URLSearchParams(window.location.search);
    input.value = params.get("q") || "";
    if (params.get("bureau")) bureauSel.value = params.get("bureau");
    if (params.get("year")) yearSel.value = params.get("year");
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      clearTimeout(timer);
      run();
    });
    input.addEventListener("input", later);
    bureauSel.addEventListener("change", run);
    yearSel.addEventListener("change", run);
    if (input.value) run(); else say("prompt");
  }
  // After every deferred script, the page's <lang>.js included.
  if (document.readyState === "complete") start();
  else document.addEventListener("DOMContentLoaded", start);
})();
