#include "render/templates.h"

#include <map>

#include "core/text.h"

namespace nianbao {

TemplateData One(mustache::Key key, TemplateData value) {
  TemplateData d;
  d.Set(key, std::move(value));
  return d;
}

TemplateData StringsData(const std::map<std::string, std::string>& strings) {
  TemplateData::Object members;
  members.reserve(strings.size());
  for (const auto& [key, text] : strings) members.push_back({key, TemplateData(text)});
  return TemplateData::Indexed(std::move(members));
}

std::optional<Templates> Templates::Compile(const Theme& theme, Diagnostics& diags) {
  Templates t;
  std::map<std::string, std::string> sources;
  for (const auto& [name, source] : theme.templates) {
    sources[name] = source.text;
    t.paths_[name] = source.path;
  }
  std::vector<mustache::Error> errors;
  t.set_ = mustache::TemplateSet::Compile(sources, errors);
  for (const mustache::Error& e : errors) {
    diags.Error({t.paths_[e.template_name], e.line, e.col}, "broken template: " + e.message,
                LineOf(sources[e.template_name], e.line));
  }
  if (!errors.empty()) return std::nullopt;
  return t;
}

void Templates::RenderTo(const std::string& name, const TemplateData& data,
                         std::string& out) const {
  if (std::optional<mustache::Error> e = set_.Render(name, data, out)) {
    auto path = paths_.find(e->template_name);
    throw TemplateFailure({path == paths_.end() ? e->template_name : path->second, e->line, e->col},
                          "broken template: " + e->message);
  }
}

std::string Templates::Render(const std::string& name, const TemplateData& data) const {
  // Room for about what this template made last on this thread: a page grown from empty
  // was copied a dozen times on its way to 20 KB. Only capacity: the bytes are the same.
  thread_local std::map<std::string, size_t, std::less<>> last_size;
  auto hint = last_size.find(name);
  std::string out;
  if (hint != last_size.end()) out.reserve(hint->second + hint->second / 8);
  RenderTo(name, data, out);
  if (hint == last_size.end()) {
    last_size.emplace(name, out.size());
  } else {
    hint->second = out.size();
  }
  return out;
}

}  // namespace nianbao
