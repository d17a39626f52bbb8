// The theme's templates compiled once (src/mustache/) and shared by every render thread.
#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>

#include "core/diagnostic.h"
#include "mustache/template_set.h"
#include "mustache/value.h"
#include "render/theme.h"

namespace nianbao {

using TemplateData = mustache::Value;

/// An object with one member.
TemplateData One(mustache::Key key, TemplateData value);

/// A flat map of strings (the theme's interface strings) as template data; its keys are
/// borrowed: `strings` must outlive every render of it.
TemplateData StringsData(const std::map<std::string, std::string>& strings);

/// A template failed while rendering a page (partials nested without end): that page
/// cannot be written, and the build stops with this at the template's position.
class TemplateFailure : public std::runtime_error {
 public:
  TemplateFailure(Position pos, const std::string& message)
      : std::runtime_error(message), pos_(std::move(pos)) {}
  const Position& pos() const { return pos_; }

 private:
  Position pos_;
};

/// Immutable once compiled: Render is const and safe on many threads at once.
class Templates {
 public:
  /// Compiles every template of the theme; each problem is an error at its line and column.
  static std::optional<Templates> Compile(const Theme& theme, Diagnostics& diags);

  bool Has(const std::string& name) const { return set_.Has(name); }
  /// Renders template `name`; `{{> other}}` includes template `other`. Throws
  /// TemplateFailure if partials nest too deep.
  std::string Render(const std::string& name, const TemplateData& data) const;
  /// The same, appended to `out`.
  void RenderTo(const std::string& name, const TemplateData& data, std::string& out) const;

 private:
  mustache::TemplateSet set_;
  std::map<std::string, std::string> paths_;  // template name → path for messages
};

}  // namespace nianbao
