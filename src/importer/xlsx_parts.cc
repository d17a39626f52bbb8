#include "importer/xlsx_parts.h"

#include <charconv>
#include <map>

#include "core/text.h"

namespace nianbao::importer {

std::optional<int> ParseInt(std::string_view s) {
  int v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

namespace {

std::string Dir(const std::string& part) {
  size_t slash = part.rfind('/');
  return slash == std::string::npos ? "" : part.substr(0, slash + 1);
}

// A relationship target, relative to the part's folder unless it starts with '/'.
std::string Resolve(const std::string& base_dir, const std::string& target) {
  std::string joined = target.starts_with('/') ? target.substr(1) : base_dir + target;
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= joined.size()) {
    size_t slash = joined.find('/', start);
    if (slash == std::string::npos) slash = joined.size();
    std::string p = joined.substr(start, slash - start);
    if (p == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!p.empty() && p != ".") {
      parts.push_back(p);
    }
    start = slash + 1;
  }
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

struct Relationship {
  std::string type, target;
};

std::map<std::string, Relationship> ReadRelationships(ZipArchive& zip, const std::string& part,
                                                      bool& ok) {
  std::map<std::string, Relationship> rels;
  const std::string name = Dir(part) + "_rels/" + part.substr(Dir(part).size()) + ".rels";
  if (!zip.Has(name)) return rels;
  XmlHandler h;
  h.start = [&](const std::string& el, const XmlAttributes& a) {
    if (el == "Relationship") {
      rels[Attribute(a, "Id")] = {Attribute(a, "Type"), Resolve(Dir(part), Attribute(a, "Target"))};
    }
  };
  ok = zip.Xml(name, h) && ok;
  return rels;
}

}  // namespace

bool ReadSharedStrings(ZipArchive& zip, const std::string& part, std::vector<std::string>& out) {
  TextCollector text;
  XmlHandler h;
  h.start = [&](const std::string& el, const XmlAttributes&) {
    if (el == "si") text.Take();
    text.Start(el);
  };
  h.end = [&](const std::string& el) {
    text.End(el);
    if (el == "si") out.push_back(text.Take());
  };
  h.text = [&](std::string_view t) { text.Text(t); };
  return zip.Xml(part, h);
}

namespace {
// A number format shows a percentage if it has '%' outside quoted or escaped text.
bool IsPercentFormat(std::string_view code) {
  bool quoted = false;
  for (size_t i = 0; i < code.size(); ++i) {
    if (code[i] == '\\') {
      ++i;
    } else if (code[i] == '"') {
      quoted = !quoted;
    } else if (code[i] == '%' && !quoted) {
      return true;
    }
  }
  return false;
}
}  // namespace

// The cell styles (indexes of <cellXfs>) whose number format is a percentage.
bool ReadPercentStyles(ZipArchive& zip, const std::string& part, std::set<int>& out) {
  std::set<int> percent_formats = {9, 10};  // Excel's built-in "0%" and "0.00%"
  bool in_cell_xfs = false;
  int xf = 0;
  XmlHandler h;
  h.start = [&](const std::string& el, const XmlAttributes& a) {
    if (el == "numFmt" && IsPercentFormat(Attribute(a, "formatCode"))) {
      if (auto id = ParseInt(Attribute(a, "numFmtId"))) percent_formats.insert(*id);
    } else if (el == "cellXfs") {
      in_cell_xfs = true;
    } else if (el == "xf" && in_cell_xfs) {
      auto id = ParseInt(Attribute(a, "numFmtId"));
      if (id && percent_formats.count(*id)) out.insert(xf);
      ++xf;
    }
  };
  h.end = [&](const std::string& el) {
    if (el == "cellXfs") in_cell_xfs = false;
  };
  return zip.Xml(part, h);
}

std::optional<WorkbookParts> FindParts(ZipArchive& zip, const std::string& wanted,
                                       const std::string& path, Diagnostics& diags) {
  bool ok = true;
  std::string workbook = "xl/workbook.xml";
  for (const auto& [id, rel] : ReadRelationships(zip, "", ok)) {
    if (rel.type.ends_with("/officeDocument")) workbook = rel.target;
  }
  std::vector<std::pair<std::string, std::string>> sheets;  // name, relationship id
  XmlHandler h;
  h.start = [&](const std::string& el, const XmlAttributes& a) {
    if (el == "sheet") sheets.emplace_back(Attribute(a, "name"), Attribute(a, "id"));
  };
  if (!ok || !zip.Xml(workbook, h)) return std::nullopt;
  std::map<std::string, Relationship> rels = ReadRelationships(zip, workbook, ok);
  if (!ok) return std::nullopt;
  WorkbookParts parts;
  for (const auto& [id, rel] : rels) {
    if (rel.type.ends_with("/sharedStrings")) parts.shared_strings = rel.target;
    if (rel.type.ends_with("/styles")) parts.styles = rel.target;
  }
  std::vector<std::string> names;
  for (const auto& [name, id] : sheets) {
    names.push_back(name);
    if (!wanted.empty() && name != wanted) continue;
    auto rel = rels.find(id);
    if (rel == rels.end()) break;
    parts.sheet = rel->second.target;
    return parts;
  }
  if (sheets.empty() || wanted.empty()) {
    diags.Error({path, 0, 0}, "not a complete .xlsx file: the workbook lists no worksheet");
  } else {
    std::string all;
    for (const std::string& n : names) all += (all.empty() ? "'" : ", '") + n + "'";
    std::string hint = DidYouMean(wanted, names);
    for (const std::string& n : names) {
      if (hint.empty() && StartsWith(n, wanted)) hint = " (did you mean '" + n + "'?)";
    }
    diags.Error({path, 0, 0},
                "the workbook has no sheet '" + wanted + "'" + hint + "; its sheets: " + all);
  }
  return std::nullopt;
}

}  // namespace nianbao::importer
