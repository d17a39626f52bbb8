// The template loader and renderer (src/mustache/), on any bytes: the input holds two
// templates, "main" and "part", split at the first NUL. Compile errors must point inside
// the template that has them; a render must end (partial depth is bounded) and, for a
// template made only of text and escaped tags, never let a raw '<' through from the data.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_checks.h"
#include "mustache/template_set.h"

using nianbao::mustache::Value;

namespace {

Value Data() {
  Value item;
  item.Set("name", "<b>&'\"</b>");
  item.Set("yes", true);
  Value d;
  d.Set("name", "<script>");
  d.Set("empty", "");
  d.Set("list", Value::EmptyList()).Push(item.Clone());
  d.Set("nested", std::move(item));
  return d;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const size_t nul = input.find('\0');
  std::map<std::string, std::string> sources = {
      {"main", input.substr(0, nul)},
      {"part", nul == std::string::npos ? std::string() : input.substr(nul + 1)}};
  std::vector<nianbao::mustache::Error> errors;
  nianbao::mustache::TemplateSet set = nianbao::mustache::TemplateSet::Compile(sources, errors);
  for (const nianbao::mustache::Error& e : errors) {
    nianbao::fuzz::Require(sources.count(e.template_name) == 1, "error in no template");
    const std::string& text = sources[e.template_name];
    nianbao::fuzz::Require(e.line >= 1 && e.col >= 1, "error without a position");
    int lines = 1;
    for (char c : text) lines += c == '\n';
    nianbao::fuzz::Require(e.line <= lines, "error past the end");
  }
  static const Value kData = Data();
  std::string out;
  if (set.Has("main")) {
    std::optional<nianbao::mustache::Error> error = set.Render("main", kData, out);
    const std::string& main = sources["main"];
    // Only text and {{name}} tags (no triple braces, ampersands or delimiter changes):
    // everything the data puts in is escaped.
    if (!error && main.find("{{{") == std::string::npos && main.find('&') == std::string::npos &&
        main.find('=') == std::string::npos && main.find('>') == std::string::npos &&
        main.find('<') == std::string::npos && errors.empty()) {
      nianbao::fuzz::Require(out.find('<') == std::string::npos, "unescaped '<' from the data");
    }
  }
  return 0;
}
