// Mustache templates (the spec's interpolation, sections, inverted sections, comments,
// partials with standalone-line rules and indentation, set delimiters; no lambdas),
// compiled once and rendered from many threads at once.
//
// Stricter than the spec where a theme author would want to know: an unknown partial and
// a partial that always includes itself are errors at compile time, and a render that
// nests partials more than kMaxPartialDepth deep stops with an error.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mustache/value.h"

namespace nianbao::mustache {

/// A problem in one template: its name, 1-based line and column (in characters).
struct Error {
  std::string template_name;
  int line = 0;
  int col = 0;
  std::string message;
};

inline constexpr int kMaxPartialDepth = 64;

class TemplateSet {
 public:
  TemplateSet();
  ~TemplateSet();
  TemplateSet(TemplateSet&&) noexcept;
  TemplateSet& operator=(TemplateSet&&) noexcept;
  TemplateSet(const TemplateSet&) = delete;
  TemplateSet& operator=(const TemplateSet&) = delete;

  /// Compiles every template (name → source); `{{> name}}` includes another of them.
  /// Each broken template adds its errors (sorted by name, then position); templates
  /// without errors are kept, so Has() still answers for them.
  static TemplateSet Compile(const std::map<std::string, std::string>& sources,
                             std::vector<Error>& errors);

  bool Has(std::string_view name) const;

  /// Appends template `name` rendered with `data` to `out`. Const and free of shared
  /// mutable state: safe on many threads. An error only for runaway partial recursion.
  std::optional<Error> Render(std::string_view name, const Value& data, std::string& out) const;

  struct Template;

 private:
  std::map<std::string, std::unique_ptr<Template>, std::less<>> templates_;
};

/// Appends `text` to `out` with & < > " ' escaped (as Mustache's {{name}} does).
void AppendEscaped(std::string_view text, std::string& out);

}  // namespace nianbao::mustache
