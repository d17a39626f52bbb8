#include "model/comparisons.h"

#include <algorithm>
#include <map>

namespace nianbao {

bool HasFigures(const Edition& edition) {
  for (const Value& v : edition.values) {
    if (v.listed) return true;
  }
  return false;
}

std::vector<EditionPair> PairEditions(const std::vector<const Edition*>& editions) {
  // Group by period kind (std::map: PeriodKind order), then sort each group by year with
  // the edition name as a final tie-break, so the result never depends on input order.
  std::map<PeriodKind, std::vector<const Edition*>> by_kind;
  for (const Edition* e : editions) {
    if (HasFigures(*e)) by_kind[e->period.kind].push_back(e);
  }
  std::vector<EditionPair> pairs;
  for (auto& [kind, series] : by_kind) {
    std::sort(series.begin(), series.end(), [](const Edition* x, const Edition* y) {
      return std::tie(x->period.year, x->name) < std::tie(y->period.year, y->name);
    });
    for (size_t i = 1; i < series.size(); ++i) {
      pairs.push_back({series[i - 1], series[i], false, false});
    }
    for (size_t i = 2; i < series.size(); ++i) {
      pairs.push_back({series.front(), series[i], true, i + 1 == series.size()});
    }
  }
  return pairs;
}

std::vector<EditionPair> ComparisonsOf(const SiteModel& model, const std::string& bureau) {
  return PairEditions(model.EditionsOf(bureau));
}

std::vector<EditionPair> AllComparisons(const SiteModel& model) {
  std::vector<EditionPair> all;
  for (const Bureau& b : model.catalog.bureaus) {
    for (const EditionPair& p : ComparisonsOf(model, b.id)) all.push_back(p);
  }
  return all;
}

}  // namespace nianbao
