#include "catalog/data_checks.h"

#include <algorithm>
#include <charconv>

#include "core/text.h"

namespace nianbao {

namespace {

std::string Shortest(double v) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return ec == std::errc() ? std::string(buf, end) : std::string("?");
}

void ReadSumOf(const yaml::Reader& reader, const yaml::Node& node, DataChecks& checks) {
  auto items = reader.List(node, "sum_of");
  if (!items) return;
  if (items->size() < 2) {
    reader.Error(node, "sum_of lists the parts of a total: name at least two indicators");
    return;
  }
  for (const yaml::Node* item : *items) {
    if (auto id = reader.String(*item, "a part of sum_of")) {
      checks.sum_of.push_back({*id, item->line, item->col});
    }
  }
}

void ReadRange(const yaml::Reader& reader, const yaml::Node& node, DataChecks& checks) {
  if (!node.IsSequence() || node.items.size() != 2) {
    reader.Error(node,
                 "range must be a list of two numbers, [lowest, highest] (null for no "
                 "bound on that side)");
    return;
  }
  std::optional<double> bound[2];
  bool ok = true;
  for (int i = 0; i < 2; ++i) {
    const yaml::Node& b = node.items[i];
    if (b.IsNull() || (b.IsScalar() && b.plain && b.value == "null")) continue;
    bound[i] =
        reader.Number(b, i == 0 ? "the lowest value of range" : "the highest value of range");
    ok = ok && bound[i].has_value();
  }
  if (!ok) return;
  if (!bound[0] && !bound[1]) {
    reader.Error(node, "range needs at least one bound");
    return;
  }
  if (bound[0] && bound[1] && *bound[0] > *bound[1]) {
    reader.Error(node, "range must be [lowest, highest]: " + Shortest(*bound[0]) +
                           " is more than " + Shortest(*bound[1]));
    return;
  }
  checks.has_range = true;
  checks.min = bound[0];
  checks.max = bound[1];
}

void ReadMaxChange(const yaml::Reader& reader, const yaml::Node& node, IndicatorKind kind,
                   DataChecks& checks) {
  const bool rate = kind == IndicatorKind::kRate;
  const std::string suffix = rate ? "pp" : "%";
  const std::string how = rate ? "a rate's max_change is in percentage points: write it like 2pp"
                               : "max_change is a percent of the previous value: write it "
                                 "like 30%";
  std::string text = node.IsScalar() ? node.value : "";
  if (!node.IsScalar() || !node.plain || !EndsWith(text, suffix) ||
      !yaml::IsDecimalNumber(text.substr(0, text.size() - suffix.size()))) {
    std::string got = node.IsScalar() ? "'" + text + "'" : std::string(node.Describe());
    reader.Error(node, how + ", not " + got);
    return;
  }
  std::string number = text.substr(0, text.size() - suffix.size());
  double v = 0;
  std::from_chars(number.data(), number.data() + number.size(), v);
  if (v <= 0) {
    reader.Error(node, "max_change must be more than 0, not " + text);
    return;
  }
  checks.max_change = v;
}

}  // namespace

void ReadDataChecks(const yaml::Reader& reader, const yaml::Node& item, Indicator& ind) {
  if (const yaml::Node* n = item.Find("sum_of"); n && !n->IsNull()) {
    ReadSumOf(reader, *n, ind.checks);
  }
  if (const yaml::Node* n = item.Find("range"); n && !n->IsNull()) {
    ReadRange(reader, *n, ind.checks);
  }
  if (const yaml::Node* n = item.Find("max_change"); n && !n->IsNull()) {
    ReadMaxChange(reader, *n, ind.kind, ind.checks);
  }
}

void CheckSumParts(const yaml::Reader& reader, const std::vector<Indicator>& indicators) {
  std::vector<std::string> ids;
  for (const Indicator& i : indicators) ids.push_back(i.id);
  auto find = [&](const std::string& id) -> const Indicator* {
    for (const Indicator& i : indicators) {
      if (i.id == id) return &i;
    }
    return nullptr;
  };
  const yaml::Source& source = reader.source();
  for (const Indicator& total : indicators) {
    std::vector<std::string> seen;
    for (const DataChecks::Part& part : total.checks.sum_of) {
      auto error = [&](const std::string& message) {
        reader.diags().Error({source.path, part.line, part.col}, message,
                             LineOf(source.file_text, part.line));
      };
      const Indicator* p = find(part.id);
      if (!p) {
        error("unknown indicator '" + part.id + "' in sum_of" + DidYouMean(part.id, ids));
      } else if (p == &total) {
        error("'" + total.id + "' cannot be a part of its own sum_of");
      } else if (std::find(seen.begin(), seen.end(), part.id) != seen.end()) {
        error("'" + part.id + "' is named twice in sum_of");
      } else if (p->unit.text != total.unit.text) {
        error("'" + part.id + "' is measured in " + p->unit.Get("zh", "") + ", not in " +
              total.unit.Get("zh", "") + " like '" + total.id +
              "': a total and its parts need one unit");
      }
      seen.push_back(part.id);
    }
  }
}

std::string MaxChangeText(double max_change, IndicatorKind kind) {
  return Shortest(max_change) + (kind == IndicatorKind::kRate ? "pp" : "%");
}

}  // namespace nianbao
