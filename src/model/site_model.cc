#include "model/site_model.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace nianbao {

namespace {
// Month in which a period ends, and a rank that puts the annual edition first among ties.
std::pair<int, int> PeriodEnd(PeriodKind kind) {
  switch (kind) {
    case PeriodKind::kAnnual:
      return {12, 3};
    case PeriodKind::kH2:
      return {12, 2};
    case PeriodKind::kQ4:
      return {12, 1};
    case PeriodKind::kQ3:
      return {9, 0};
    case PeriodKind::kH1:
      return {6, 1};
    case PeriodKind::kQ2:
      return {6, 0};
    case PeriodKind::kQ1:
      return {3, 0};
  }
  return {12, 0};
}

std::tuple<int, int, int> LatestKey(const Edition* e) {
  auto [month, rank] = PeriodEnd(e->period.kind);
  return std::tuple(e->period.year, month, rank);
}

const std::vector<const Edition*> kNoEditions;
}  // namespace

SiteModel::SiteModel(SiteConfig c, Catalog cat, Content con)
    : config(std::move(c)), catalog(std::move(cat)), content(std::move(con)) {
  BuildIndexes();
}

void SiteModel::BuildIndexes() {
  catalog.BuildIndexes();
  by_bureau_.assign(catalog.bureaus.size(), {});
  previous_.assign(content.editions.size(), nullptr);
  next_.assign(content.editions.size(), nullptr);
  for (const Edition& e : content.editions) {
    const Bureau* b = catalog.FindBureau(e.bureau);
    if (!b) continue;
    BureauEditions& be = by_bureau_[b->index];
    be.all.push_back(&e);
    if (be.series.empty() || be.series.back().first != e.period.kind) {
      be.series.push_back({e.period.kind, {}});
    }
    std::vector<const Edition*>& series = be.series.back().second;
    if (!series.empty()) {
      previous_[PositionOf(e)] = series.back();
      next_[PositionOf(*series.back())] = &e;
    }
    series.push_back(&e);
    if (!be.latest || LatestKey(&e) > LatestKey(be.latest)) be.latest = &e;
  }
  children_.assign(catalog.bureaus.size(), {});
  top_.clear();
  for (const Bureau& b : catalog.bureaus) {
    const Bureau* parent = b.parent.empty() ? nullptr : catalog.FindBureau(b.parent);
    (parent ? children_[parent->index] : top_).push_back(&b);
  }
  BuildBands();
}

void SiteModel::BuildBands() {
  bands_.clear();
  reporting_.clear();
  std::map<std::tuple<size_t, int, int, int>, std::vector<double>> numbers;
  std::map<std::tuple<size_t, int, int>, std::vector<size_t>> listing;  // bureau indexes
  for (const Edition& e : content.editions) {
    const Bureau* b = catalog.FindBureau(e.bureau);
    if (!b) continue;
    const int rank = LevelRank(b->level);
    const int kind = static_cast<int>(e.period.kind);
    for (const Indicator& ind : catalog.indicators) {
      if (!e.Lists(ind)) continue;
      listing[{ind.index, rank, kind}].push_back(b->index);
      const Value& v = e.ValueOf(ind);
      if (v.status == ValueStatus::kNumber) {
        numbers[{ind.index, rank, kind, e.period.year}].push_back(v.number);
      }
    }
  }
  for (auto& [key, ids] : listing) {
    std::sort(ids.begin(), ids.end());
    reporting_[key] = static_cast<size_t>(std::unique(ids.begin(), ids.end()) - ids.begin());
  }
  for (auto& [key, values] : numbers) {
    std::sort(values.begin(), values.end());
    bands_[key] = {values.size(), Quantile(values, 0.25), Quantile(values, 0.5),
                   Quantile(values, 0.75)};
  }
}

const std::vector<const Bureau*>& SiteModel::ChildrenOf(const std::string& bureau) const {
  static const std::vector<const Bureau*> kNone;
  const Bureau* b = catalog.FindBureau(bureau);
  return b && b->index < children_.size() ? children_[b->index] : kNone;
}

std::vector<const Bureau*> SiteModel::AncestorsOf(const Bureau& bureau) const {
  std::vector<const Bureau*> chain;
  // The catalogue refuses cycles; the bound keeps a hand-made model from looping.
  for (const Bureau* up = catalog.FindBureau(bureau.parent);
       up && chain.size() < catalog.bureaus.size(); up = catalog.FindBureau(up->parent)) {
    chain.push_back(up);
  }
  std::reverse(chain.begin(), chain.end());
  return chain;
}

Band SiteModel::BandOf(const Indicator& indicator, int rank, const EditionName& period) const {
  auto it = bands_.find({indicator.index, rank, static_cast<int>(period.kind), period.year});
  return it == bands_.end() ? Band{} : it->second;
}

size_t SiteModel::ReportingOf(const Indicator& indicator, int rank, PeriodKind kind) const {
  auto it = reporting_.find({indicator.index, rank, static_cast<int>(kind)});
  return it == reporting_.end() ? 0 : it->second;
}

double Quantile(const std::vector<double>& sorted, double p) {
  const double h = (static_cast<double>(sorted.size()) - 1) * p;
  const size_t lo = static_cast<size_t>(h);
  if (lo + 1 >= sorted.size()) return sorted.back();
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[lo + 1] - sorted[lo]);
}

const SiteModel::BureauEditions* SiteModel::Find(const std::string& bureau) const {
  const Bureau* b = catalog.FindBureau(bureau);
  return b && b->index < by_bureau_.size() ? &by_bureau_[b->index] : nullptr;
}

size_t SiteModel::PositionOf(const Edition& edition) const {
  return static_cast<size_t>(&edition - content.editions.data());
}

const std::vector<const Edition*>& SiteModel::EditionsOf(const std::string& bureau) const {
  const BureauEditions* be = Find(bureau);
  return be ? be->all : kNoEditions;
}

const std::vector<const Edition*>& SiteModel::SeriesOf(const std::string& bureau,
                                                       PeriodKind kind) const {
  if (const BureauEditions* be = Find(bureau)) {
    for (const auto& [k, series] : be->series) {
      if (k == kind) return series;
    }
  }
  return kNoEditions;
}

const Edition* SiteModel::Previous(const Edition& edition) const {
  size_t i = PositionOf(edition);
  return i < previous_.size() ? previous_[i] : nullptr;
}

const Edition* SiteModel::Next(const Edition& edition) const {
  size_t i = PositionOf(edition);
  return i < next_.size() ? next_[i] : nullptr;
}

const Edition* SiteModel::Latest(const std::string& bureau) const {
  const BureauEditions* be = Find(bureau);
  return be ? be->latest : nullptr;
}

std::vector<PeriodKind> SiteModel::KindsOf(const std::string& bureau) const {
  std::vector<PeriodKind> kinds;
  if (const BureauEditions* be = Find(bureau)) {
    for (const auto& [kind, series] : be->series) kinds.push_back(kind);
  }
  return kinds;
}

Change SiteModel::ChangeOf(const Edition& edition, const Indicator& indicator) const {
  const Edition* previous = Previous(edition);
  if (!previous) return {};
  return ComputeChange(previous->ValueOf(indicator), edition.ValueOf(indicator), previous,
                       indicator.kind);
}

Change ComputeChange(const Value& previous, const Value& current, const Edition* previous_edition,
                     IndicatorKind kind) {
  Change c;
  c.previous = previous_edition;
  if (!previous_edition) {
    c.status = Change::Status::kNoPrevious;
  } else if (current.status != ValueStatus::kNumber) {
    c.status = Change::Status::kCurrentMissing;
    c.withheld = current.status == ValueStatus::kWithheld;
  } else if (previous.status != ValueStatus::kNumber) {
    c.status = Change::Status::kPreviousMissing;
    c.withheld = previous.status == ValueStatus::kWithheld;
  } else {
    c.delta = current.number - previous.number;
    if (kind == IndicatorKind::kRate) {
      c.status = Change::Status::kOk;
    } else if (previous.number == 0) {
      c.status = Change::Status::kZeroBase;
    } else {
      c.status = Change::Status::kOk;
      c.percent = c.delta / std::fabs(previous.number) * 100.0;
    }
  }
  return c;
}

Direction DirectionOf(const Change& change, Better better) {
  if (change.status != Change::Status::kOk && change.status != Change::Status::kZeroBase) {
    return Direction::kNeutral;
  }
  if (change.delta == 0) return Direction::kSame;
  if (better == Better::kNeutral) return Direction::kNeutral;
  bool up = change.delta > 0;
  return up == (better == Better::kHigher) ? Direction::kBetter : Direction::kWorse;
}

}  // namespace nianbao
