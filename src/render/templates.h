// Mustache templates compiled once (kainjow-mustache), rendered with partials by name.
#pragma once

#include <kainjow/mustache.hpp>

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "core/diagnostic.h"
#include "render/theme.h"

namespace nianbao {

using TemplateData = kainjow::mustache::data;

/// A flat map of strings (the theme's interface strings) as template data.
TemplateData StringsData(const std::map<std::string, std::string>& strings);

/// Compiled templates. Rendering mutates kainjow's objects, so a TemplateSet is used by
/// one thread at a time: each worker makes its own with Compile.
class TemplateSet {
 public:
  /// Compiles every template of the theme; a broken one is an error at its line and column.
  static std::optional<TemplateSet> Compile(const Theme& theme, Diagnostics& diags);

  bool Has(const std::string& name) const { return compiled_.count(name) > 0; }
  /// Renders template `name`; `{{> other}}` includes template `other`.
  std::string Render(const std::string& name, const TemplateData& data);

 private:
  std::map<std::string, std::shared_ptr<kainjow::mustache::mustache>> compiled_;
  std::map<std::string, std::string> sources_;
};

}  // namespace nianbao
