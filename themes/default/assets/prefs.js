// Reading aids (适老化): large text and high contrast. Loaded in <head> without defer, so
// the classes are on <html> before the first paint and a page never flashes. Kept in this
// site's localStorage only (no cookie, nothing from another host); without JavaScript the
// buttons stay hidden and the page keeps its standard look.
(function () {
  "use strict";
  var AIDS = { large: "nb-large", contrast: "nb-contrast" };
  var root = document.documentElement;
  function load(name) {
    try { return window.localStorage.getItem("nianbao." + name) === "1"; } catch (e) { return false; }
  }
  function save(name, on) {
    try {
      if (on) window.localStorage.setItem("nianbao." + name, "1");
      else window.localStorage.removeItem("nianbao." + name);
    } catch (e) { /* storage refused: the choice lasts for this page only */ }
  }
  Object.keys(AIDS).forEach(function (name) {
    if (load(name)) root.classList.add(AIDS[name]);
  });
  function wire() {
    document.querySelectorAll(".reading-aids").forEach(function (group) {
      group.querySelectorAll("button[data-aid]").forEach(function (button) {
        var name = button.getAttribute("data-aid");
        if (!AIDS[name]) return;
        button.setAttribute("aria-pressed", String(root.classList.contains(AIDS[name])));
        button.addEventListener("click", function () {
          var on = !root.classList.contains(AIDS[name]);
          root.classList.toggle(AIDS[name], on);
          button.setAttribute("aria-pressed", String(on));
          save(name, on);
        });
      });
      group.hidden = false;
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", wire);
  else wire();
})();
