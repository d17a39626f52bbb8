#include "checks/data_checks.h"

#include <charconv>
#include <cmath>
#include <map>

#include "catalog/data_checks.h"
#include "core/text.h"
#include "format/number_format.h"

namespace nianbao {

namespace {

std::string Shortest(double v) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return ec == std::errc() ? std::string(buf, end) : std::string("?");
}

// At the indicator's decimals, without grouping: as data.yaml writes figures.
std::string Plain(double v, int decimals) { return format::FormatPlain(v, decimals); }

std::string Signed(double v, int decimals) { return (v < 0 ? "" : "+") + Plain(v, decimals); }

// Binary noise of a sum of decimals is far below any decimals a figure is given with.
double Slack(double magnitude) { return 1e-9 * std::max(1.0, std::fabs(magnitude)); }

void CheckSum(const SiteModel& model, const Edition& e, const Indicator& total,
              const ValueLocator& at, Diagnostics& diags) {
  const Value& t = e.ValueOf(total);
  if (t.status != ValueStatus::kNumber) return;
  double sum = 0;
  std::string terms;
  int decimals = total.decimals;  // the finest of the figures added, to show the sum
  for (const DataChecks::Part& part : total.checks.sum_of) {
    const Indicator* p = model.catalog.FindIndicator(part.id);
    if (!p) return;
    const Value& v = e.ValueOf(*p);
    if (v.status != ValueStatus::kNumber) return;  // a part unknown: nothing to compare
    sum += v.number;
    decimals = std::max(decimals, p->decimals);
    terms += (terms.empty() ? "" : " + ") + part.id + " " + Shortest(v.number);
  }
  const double tolerance = 0.5 * std::pow(10.0, -total.decimals);
  const double diff = t.number - sum;
  if (std::fabs(diff) <= tolerance + Slack(sum)) return;
  ValueLocation where = at(e, total);
  diags.Warning(where.pos,
                where.label + "the value of " + total.id + ", " + Shortest(t.number) +
                    ", is not the sum of its parts: " + terms + " = " + Plain(sum, decimals) +
                    " (off by " + Signed(diff, decimals) + ")",
                where.source_line);
}

void CheckRange(const Edition& e, const Indicator& ind, const ValueLocator& at,
                Diagnostics& diags) {
  const Value& v = e.ValueOf(ind);
  if (v.status != ValueStatus::kNumber) return;
  const DataChecks& c = ind.checks;
  bool low = c.min && v.number < *c.min - Slack(*c.min);
  bool high = c.max && v.number > *c.max + Slack(*c.max);
  if (!low && !high) return;
  std::string range = c.min && c.max ? "from " + Shortest(*c.min) + " to " + Shortest(*c.max)
                      : c.min        ? "at least " + Shortest(*c.min)
                                     : "at most " + Shortest(*c.max);
  ValueLocation where = at(e, ind);
  diags.Warning(where.pos,
                where.label + "the value of " + ind.id + ", " + Shortest(v.number) +
                    ", is outside its range in indicators.yaml (" + range + ")",
                where.source_line);
}

void CheckChange(const SiteModel& model, const Edition& e, const Indicator& ind,
                 const ValueLocator& at, Diagnostics& diags) {
  const Value& v = e.ValueOf(ind);
  const Edition* prev = model.Previous(e);
  if (v.status != ValueStatus::kNumber || !prev) return;
  const Value& p = prev->ValueOf(ind);
  if (p.status != ValueStatus::kNumber) return;
  const double limit = *ind.checks.max_change;
  const std::string figures =
      " (" + prev->name + ": " + Shortest(p.number) + ", now " + Shortest(v.number) + ")";
  std::string change;
  if (ind.kind == IndicatorKind::kRate) {
    double points = v.number - p.number;
    if (std::fabs(points) <= limit + Slack(limit)) return;
    change = "changed by " + Signed(points, std::max(ind.decimals, 1)) +
             " percentage points from the previous edition" + figures + ",";
  } else if (p.number == 0) {
    if (v.number == 0) return;
    change = "changed from 0 in the previous edition" + figures + ": any change from zero is";
  } else {
    double percent = (v.number - p.number) / std::fabs(p.number) * 100;
    if (std::fabs(percent) <= limit + Slack(limit)) return;
    change = "changed by " + Signed(percent, 1) + "% from the previous edition" + figures + ",";
  }
  ValueLocation where = at(e, ind);
  diags.Warning(where.pos,
                where.label + "the value of " + ind.id + " " + change +
                    " more than its max_change of " + MaxChangeText(limit, ind.kind) +
                    " in indicators.yaml",
                where.source_line);
}

}  // namespace

void CheckEditionData(const SiteModel& model, const Edition& edition, const ValueLocator& at,
                      Diagnostics& diags) {
  for (const Indicator& ind : model.catalog.indicators) {
    if (!ind.checks.any()) continue;
    if (!ind.checks.sum_of.empty()) CheckSum(model, edition, ind, at, diags);
    if (ind.checks.has_range) CheckRange(edition, ind, at, diags);
    if (ind.checks.max_change) CheckChange(model, edition, ind, at, diags);
  }
}

void CheckData(const SiteModel& model, const FileSystem& site, Diagnostics& diags) {
  bool any = false;
  for (const Indicator& ind : model.catalog.indicators) any = any || ind.checks.any();
  if (!any) return;
  std::map<std::string, std::string> texts;  // data.yaml files read for a failure
  ValueLocator at = [&](const Edition& e, const Indicator& ind) {
    const std::string path = e.DataPath();
    LineCol lc = e.PositionOf(ind);
    auto it = texts.find(path);
    if (it == texts.end()) it = texts.emplace(path, site.Read(path).value_or("")).first;
    return ValueLocation{{path, lc.line, lc.col}, LineOf(it->second, lc.line), ""};
  };
  for (const Edition& e : model.content.editions) CheckEditionData(model, e, at, diags);
}

}  // namespace nianbao
