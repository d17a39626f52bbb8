#include "archive/figure_diff.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <unordered_map>

namespace nianbao {

namespace {

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  int Column(const std::string& name) const {
    for (size_t i = 0; i < header.size(); ++i) {
      if (header[i] == name) return static_cast<int>(i);
    }
    return -1;
  }
};

std::optional<Table> ReadTable(const std::string& path, Diagnostics& diags, bool required) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (required) diags.Error({path, 0, 0}, "cannot read it: is this a folder nianbao built?");
    return std::nullopt;
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::vector<std::vector<std::string>> rows = ParseCsv(bytes.str());
  if (rows.empty()) {
    diags.Error({path, 1, 1}, "no header row");
    return std::nullopt;
  }
  Table t;
  t.header = std::move(rows.front());
  rows.erase(rows.begin());
  t.rows = std::move(rows);
  return t;
}

// The value as a reader would say it.
std::string Shown(const std::string& value, const std::string& status) {
  if (status == "withheld") return "withheld";
  if (status == "null") return "not reported";
  return value;
}

// "示例市局 / Example City" from the columns whose names start with `prefix`.
std::string Names(const Table& t, const std::vector<std::string>& row, const std::string& prefix) {
  std::string out;
  for (size_t i = 0; i < t.header.size() && i < row.size(); ++i) {
    if (t.header[i].rfind(prefix, 0) != 0 || row[i].empty()) continue;
    if (out.find(row[i]) != std::string::npos) continue;  // the same in both languages
    out += (out.empty() ? "" : " / ") + row[i];
  }
  return out;
}

struct Figure {
  std::string shown;
  std::string indicator_names, unit;
};

}  // namespace

std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  size_t i = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, any = false;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
      any = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      any = true;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
      any = false;
    } else {
      field += c;
      any = true;
    }
  }
  if (any || !field.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string FigureChange::Describe() const {
  const char* what = kind == Kind::kChanged ? "changed"
                     : kind == Kind::kAdded ? "added"
                                            : "removed";
  std::string out = std::string(what) + ": " + bureau;
  if (!bureau_names.empty()) out += " (" + bureau_names + ")";
  out += " " + edition + " " + indicator;
  if (!indicator_names.empty()) out += " (" + indicator_names + ")";
  out += ": ";
  if (kind == Kind::kChanged) out += before + " → " + after;
  if (kind == Kind::kAdded) out += after;
  if (kind == Kind::kRemoved) out += before;
  if (!unit.empty()) out += " " + unit;
  return out;
}

std::optional<std::vector<FigureChange>> DiffFigures(const std::string& old_dir,
                                                     const std::string& new_dir,
                                                     Diagnostics& diags) {
  const std::string file = "/data/indicators.csv";
  std::optional<Table> before = ReadTable(old_dir + file, diags, true);
  std::optional<Table> after = ReadTable(new_dir + file, diags, true);
  if (!before || !after) return std::nullopt;
  const char* needed[] = {"bureau", "edition", "indicator", "value", "status"};
  for (const Table* t : {&*before, &*after}) {
    for (const char* column : needed) {
      if (t->Column(column) < 0) {
        diags.Error({(t == &*before ? old_dir : new_dir) + file, 1, 1},
                    std::string("no column '") + column + "': not nianbao's open data");
        return std::nullopt;
      }
    }
  }
  // Bureau names, from NEW (else OLD); older builds have no bureaus.csv.
  std::unordered_map<std::string, std::string> bureau_names;
  for (const std::string& dir : {old_dir, new_dir}) {
    Diagnostics ignored;
    if (std::optional<Table> b = ReadTable(dir + "/data/bureaus.csv", ignored, false)) {
      int id = b->Column("id");
      for (const auto& row : b->rows) {
        if (id >= 0 && static_cast<size_t>(id) < row.size()) {
          bureau_names[row[id]] = Names(*b, row, "short_");
        }
      }
    }
  }
  auto key_of = [](const Table& t, const std::vector<std::string>& row) {
    auto at = [&](const char* c) {
      int i = t.Column(c);
      return i >= 0 && static_cast<size_t>(i) < row.size() ? row[i] : std::string();
    };
    return std::make_tuple(at("bureau"), at("edition"), at("indicator"),
                           Shown(at("value"), at("status")));
  };
  auto unit_of = [](const Table& t, const std::vector<std::string>& row) {
    std::string names = Names(t, row, "unit_");
    return names;
  };
  std::map<std::tuple<std::string, std::string, std::string>, std::pair<Figure, size_t>> old;
  for (size_t i = 0; i < before->rows.size(); ++i) {
    const auto& row = before->rows[i];
    auto [b, e, ind, shown] = key_of(*before, row);
    old[{b, e, ind}] = {Figure{shown, Names(*before, row, "name_"), unit_of(*before, row)}, i};
  }
  std::vector<FigureChange> changes;
  for (const auto& row : after->rows) {
    auto [b, e, ind, shown] = key_of(*after, row);
    FigureChange c;
    c.bureau = b;
    c.edition = e;
    c.indicator = ind;
    c.bureau_names = bureau_names.count(b) ? bureau_names[b] : "";
    c.indicator_names = Names(*after, row, "name_");
    c.unit = unit_of(*after, row);
    c.after = shown;
    auto it = old.find({b, e, ind});
    if (it == old.end()) {
      c.kind = FigureChange::Kind::kAdded;
      changes.push_back(std::move(c));
      continue;
    }
    if (it->second.first.shown != shown) {
      c.before = it->second.first.shown;
      changes.push_back(std::move(c));
    }
    old.erase(it);
  }
  std::vector<std::pair<size_t, FigureChange>> removed;
  for (auto& [key, entry] : old) {
    FigureChange c;
    c.kind = FigureChange::Kind::kRemoved;
    std::tie(c.bureau, c.edition, c.indicator) = key;
    c.bureau_names = bureau_names.count(c.bureau) ? bureau_names[c.bureau] : "";
    c.indicator_names = entry.first.indicator_names;
    c.unit = entry.first.unit;
    c.before = entry.first.shown;
    removed.emplace_back(entry.second, std::move(c));
  }
  std::sort(removed.begin(), removed.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [i, c] : removed) changes.push_back(std::move(c));
  return changes;
}

}  // namespace nianbao
