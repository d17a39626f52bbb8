#include "serve/reload_script.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/text.h"

namespace nianbao {

namespace {

// More changed pages than this and every page reloads: a long list costs more to send to
// each tab than the reload it saves.
constexpr size_t kMaxListedPaths = 300;

std::string Event(std::string_view name, const nlohmann::json& data) {
  // Invalid UTF-8 (a broken source line in a diagnostic) is replaced, not thrown on.
  return "event: " + std::string(name) +
         "\ndata: " + data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n\n";
}

std::string Page(std::string_view title, std::string_view body, std::string_view script) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
  out += HtmlEscape(title);
  out +=
      "</title>\n<style>body{font:16px/1.6 system-ui,sans-serif;max-width:40em;margin:3em "
      "auto;padding:0 1em;color:#222}code{font-family:ui-monospace,monospace}</style>\n"
      "</head>\n<body>\n<main>\n";
  out += body;
  out += "\n</main>\n";
  out += script;
  out += "\n</body>\n</html>\n";
  return out;
}

}  // namespace

std::string ReloadScript() {
  std::string script = R"JS(<script>
/* nianbao serve: live reload and build errors. Only `nianbao serve` adds this script. */
(function () {
  "use strict";
  var served = "__NIANBAO_SITE_VERSION__", box = null;
  function here() {
    var p = location.pathname;
    try { p = decodeURIComponent(p); } catch (e) {}
    p = p.replace(/^\/+/, "");
    return p === "" || p.charAt(p.length - 1) === "/" ? p + "index.html" : p;
  }
  function hide() {
    if (box && box.parentNode) box.parentNode.removeChild(box);
    box = null;
  }
  function show(d) {
    hide();
    box = document.createElement("div");
    box.id = "nianbao-serve-overlay";
    box.setAttribute("role", "alert");
    box.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;" +
      "z-index:2147483647;margin:0;padding:1em 1.25em;background:#fff6f5;color:#4a0b0b;" +
      "border-top:4px solid #c62828;box-shadow:0 -2px 14px rgba(0,0,0,.3);text-align:left;" +
      "font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,'Noto Sans Mono CJK SC',monospace";
    var head = document.createElement("div");
    head.style.cssText = "display:flex;justify-content:space-between;gap:1em;font-weight:bold";
    var title = document.createElement("span");
    title.textContent = d.summary;
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "\u00d7";
    close.setAttribute("aria-label", "Close");
    close.style.cssText = "font:inherit;font-size:20px;line-height:1;padding:0 .4em;cursor:pointer";
    close.onclick = hide;
    var pre = document.createElement("pre");
    pre.style.cssText = "margin:.75em 0 0;white-space:pre-wrap;font:inherit";
    pre.textContent = d.text;
    head.appendChild(title);
    head.appendChild(close);
    box.appendChild(head);
    box.appendChild(pre);
    document.body.appendChild(box);
  }
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
  if (!window.EventSource) return;
  var es = new EventSource("/__nianbao/events");
  function reload() { es.close(); location.reload(); }
  es.addEventListener("hello", function (e) {
    var d = JSON.parse(e.data);
    if (served.indexOf("__") !== 0 && d.version !== served) reload();
  });
  es.addEventListener("reload", function (e) {
    var d = JSON.parse(e.data);
    hide();
    if (d.all || d.paths.indexOf(here()) >= 0) reload(); else served = d.version;
  });
  es.addEventListener("build-error", function (e) { show(JSON.parse(e.data)); });
})();
</script>)JS";
  return script;
}

std::string StampVersion(std::string_view html, std::string_view version) {
  size_t at = html.rfind(kVersionToken);
  if (at == std::string_view::npos) return std::string(html);
  std::string out(html.substr(0, at));
  out += version;
  out += html.substr(at + kVersionToken.size());
  return out;
}

std::string HelloEvent(std::string_view version) {
  return Event("hello", {{"version", std::string(version)}});
}

std::string ReloadEvent(std::string_view version, const std::vector<std::string>& changed) {
  nlohmann::json paths = nlohmann::json::array();
  bool all = false;
  for (const std::string& path : changed) {
    // The search index changes with any text, but only search pages read it.
    if (StartsWith(path, "assets/search/")) {
      std::string lang = path.substr(14, path.find_first_of("-.", 14) - 14);
      std::string page = lang + "/search/index.html";
      if (std::find(paths.begin(), paths.end(), page) == paths.end()) paths.push_back(page);
      continue;
    }
    if (StartsWith(path, "assets/")) all = true;
    if (EndsWith(path, ".html")) paths.push_back(path);
  }
  if (all || paths.size() > kMaxListedPaths) {
    all = true;
    paths = nlohmann::json::array();
  }
  return Event("reload", {{"version", std::string(version)}, {"all", all}, {"paths", paths}});
}

std::string ReloadAllEvent(std::string_view version) {
  return Event(
      "reload",
      {{"version", std::string(version)}, {"all", true}, {"paths", nlohmann::json::array()}});
}

std::string BuildErrorEvent(std::string_view summary, std::string_view text) {
  return Event("build-error", {{"summary", std::string(summary)}, {"text", std::string(text)}});
}

std::string NotFoundPage(std::string_view path, std::string_view script) {
  std::string body = "<h1>404: not found</h1>\n<p>The site has no page <code>/";
  body += HtmlEscape(path);
  body += "</code>.</p>\n<p><a href=\"/index.html\">Home</a></p>";
  return Page("404: not found", body, script);
}

std::string NoSitePage(std::string_view script) {
  return Page("The site has errors",
              "<h1>The site has errors</h1>\n<p>nianbao could not build the site. The errors "
              "are listed below and in the terminal; this page reloads when they are fixed.</p>",
              script);
}

}  // namespace nianbao
