#include "render/templates.h"

#include <regex>

#include "core/text.h"

namespace nianbao {

namespace {

// Looks partials up among the theme's templates, not in the data.
class PartialContext : public kainjow::mustache::context<std::string> {
 public:
  PartialContext(const TemplateData* data, const std::map<std::string, TemplateData>* partials)
      : context(data), partials_(partials) {}
  const TemplateData* get_partial(const std::string& name) const override {
    auto it = partials_->find(name);
    return it == partials_->end() ? nullptr : &it->second;
  }

 private:
  const std::map<std::string, TemplateData>* partials_;
};

}  // namespace

TemplateData StringsData(const std::map<std::string, std::string>& strings) {
  TemplateData d;
  for (const auto& [key, text] : strings) d.set(key, text);
  return d;
}

std::optional<TemplateSet> TemplateSet::Compile(const Theme& theme, Diagnostics& diags) {
  TemplateSet set;
  bool ok = true;
  for (const auto& [name, source] : theme.templates) {
    auto compiled = std::make_shared<kainjow::mustache::mustache>(source.text);
    if (!compiled->is_valid()) {
      // kainjow reports a byte offset ("Unclosed section \"x\" at 12").
      std::string message = compiled->error_message();
      std::smatch m;
      int line = 1, col = 1;
      if (std::regex_search(message, m, std::regex(" at ([0-9]+)$"))) {
        size_t offset = std::min<size_t>(std::stoul(m[1]), source.text.size());
        std::string_view before = std::string_view(source.text).substr(0, offset);
        size_t nl = before.rfind('\n');
        for (char c : before) line += c == '\n';
        col = Utf8Length(nl == std::string_view::npos ? before : before.substr(nl + 1)) + 1;
        message = m.prefix();
      }
      diags.Error({source.path, line, col}, "broken template: " + message,
                  LineOf(source.text, line));
      ok = false;
      continue;
    }
    set.compiled_[name] = compiled;
    set.sources_[name] = source.text;
  }
  if (!ok) return std::nullopt;
  return set;
}

std::string TemplateSet::Render(const std::string& name, const TemplateData& data) {
  std::map<std::string, TemplateData> partials;
  for (const auto& [n, text] : sources_) partials.emplace(n, TemplateData(text));
  PartialContext context(&data, &partials);
  return compiled_.at(name)->render(context);
}

}  // namespace nianbao
