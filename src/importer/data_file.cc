#include "importer/data_file.h"

#include "content/content.h"
#include "core/text.h"
#include "format/number_format.h"
#include "yaml/parse.h"

namespace nianbao::importer {

DataFile EmptyDataFile(const Catalog& catalog) {
  DataFile data;
  data.values.resize(catalog.indicators.size());
  data.notes.resize(catalog.indicators.size());
  return data;
}

std::optional<DataFile> ReadDataFile(const std::string& path, const std::string& text,
                                     const SiteConfig& config, const Catalog& catalog,
                                     Diagnostics& diags) {
  const int errors_before = diags.ErrorCount();
  Edition check;
  check.values.resize(catalog.indicators.size());
  ReadEditionData(path, text, config, catalog, check, diags);
  if (diags.ErrorCount() > errors_before) return std::nullopt;
  DataFile data = EmptyDataFile(catalog);
  data.positions = std::move(check.value_pos);
  for (std::string_view line : SplitLines(text)) {
    if (!StartsWith(line, "#")) break;
    data.header.emplace_back(line);
  }
  Diagnostics again;  // the same problems as above: none
  std::optional<yaml::Node> root = yaml::Parse(text, {path, text, 1}, again);
  if (!root || !root->IsMap()) return data;
  if (const yaml::Node* values = root->Find("values"); values && values->IsMap()) {
    for (const auto& [key, node] : values->entries) {
      const Indicator* ind = catalog.FindIndicator(key.value);
      if (!ind) continue;
      data.values[ind->index] = node.IsNull() ? "null" : node.value;
    }
  }
  if (const yaml::Node* notes = root->Find("notes"); notes && notes->IsMap()) {
    for (const auto& [key, node] : notes->entries) {
      const Indicator* ind = catalog.FindIndicator(key.value);
      if (!ind) continue;
      NoteText note;
      if (node.IsScalar()) {
        note.every_language = true;
        note.text[""] = node.value;
      } else {
        for (const auto& [lang, t] : node.entries) note.text[lang.value] = t.value;
      }
      data.notes[ind->index] = std::move(note);
    }
  }
  return data;
}

std::string QuoteYaml(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          static const char kHex[] = "0123456789abcdef";
          out += "\\x";
          out += kHex[(c >> 4) & 0xF];
          out += kHex[c & 0xF];
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string FormatDataFile(const DataFile& data, const Catalog& catalog, const SiteConfig& config) {
  const std::string& lang = config.default_language();
  const bool zh = format::IsChinese(lang);
  std::string out;
  for (const std::string& line : data.header) out += line + "\n";
  out += "values:\n";
  for (const Indicator& ind : catalog.indicators) {
    const std::optional<std::string>& v = data.values[ind.index];
    if (!v) continue;
    const std::string& unit = ind.unit.Get(lang, "");
    std::string name = ReplaceAll(ind.name.Get(lang, ""), "\n", " ");
    out += "  # " + name + (zh ? "（" + unit + "）" : " (" + unit + ")") + "\n";
    out += "  " + ind.id + ": " + *v + "\n";
  }
  bool any_note = false;
  for (const Indicator& ind : catalog.indicators) {
    const std::optional<NoteText>& note = data.notes[ind.index];
    if (!note || note->text.empty()) continue;
    if (!any_note) out += "notes:\n";
    any_note = true;
    out += "  " + ind.id + ": ";
    if (note->every_language) {
      out += QuoteYaml(note->text.begin()->second) + "\n";
      continue;
    }
    // Site languages in site.yaml's order.
    std::string map;
    for (const std::string& l : config.languages) {
      auto it = note->text.find(l);
      if (it == note->text.end()) continue;
      map += (map.empty() ? "{" : ", ") + l + ": " + QuoteYaml(it->second);
    }
    out += map + "}\n";
  }
  return out;
}

}  // namespace nianbao::importer
