// Front matter: SplitFrontMatter and ReadFrontMatter, on any bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "content/front_matter.h"
#include "fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  nianbao::Diagnostics diags;
  auto split = nianbao::SplitFrontMatter(text, "r.md", diags);
  if (!split) return 0;
  // The parts are views into the text, in order, and the body's line is in the file.
  nianbao::fuzz::Require(split->body.data() >= text.data() &&
                             split->body.data() + split->body.size() <= text.data() + text.size(),
                         "the body is not inside the file");
  nianbao::fuzz::Require(split->body_first_line >= 1, "the body starts before line 1");
  nianbao::yaml::Source source{"r.md", text, split->yaml_first_line};
  if (auto fm = nianbao::ReadFrontMatter(*split, source, diags)) {
    nianbao::fuzz::RequireJsonSafe(fm->title, "the title is not UTF-8");
    nianbao::fuzz::RequireJsonSafe(fm->summary, "the summary is not UTF-8");
    nianbao::fuzz::Require(fm->date.empty() || nianbao::IsValidDate(fm->date),
                           "a date that is not a date");
  }
  (void)diags.FormatAll();
  return 0;
}
