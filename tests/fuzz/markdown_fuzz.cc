// The Markdown wrapper: markdown::RenderBlocks (with the chart-block hook) and
// RenderInline, on any bytes. The first byte picks safe or unsafe HTML.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_checks.h"
#include "markdown/markdown.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const nianbao::markdown::Options options{(data[0] & 1) != 0};
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  int charts = 0;
  auto hook = [&](const nianbao::markdown::CodeBlock& block) -> std::optional<std::string> {
    nianbao::fuzz::Require(block.line >= 1, "a code block before line 1");
    if (nianbao::Trim(block.info) != "chart") return std::nullopt;
    return "<div data-chart=\"" + std::to_string(charts++) + "\"></div>";
  };
  const std::string html = nianbao::markdown::RenderBlocks(text, options, hook);
  const std::string inline_html = nianbao::markdown::RenderInline(text, options);
  if (nianbao::IsValidUtf8(text)) {
    nianbao::fuzz::Require(nianbao::IsValidUtf8(html), "UTF-8 in, not UTF-8 out");
    nianbao::fuzz::Require(nianbao::IsValidUtf8(inline_html), "UTF-8 in, not UTF-8 out (inline)");
  }
  if (!options.unsafe_html) {
    // Raw HTML is filtered in safe mode: no script element can come through.
    for (const std::string* out : {&html, &inline_html}) {
      std::string lower = *out;
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      nianbao::fuzz::Require(lower.find("<script") == std::string::npos, "a script got through");
    }
  }
  return 0;
}
