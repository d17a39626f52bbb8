#include "model/site_model.h"

#include <cmath>

namespace nianbao {

std::vector<const Edition*> SiteModel::EditionsOf(const std::string& bureau) const {
  std::vector<const Edition*> out;
  for (const Edition& e : content.editions) {
    if (e.bureau == bureau) out.push_back(&e);
  }
  return out;
}

std::vector<const Edition*> SiteModel::SeriesOf(const std::string& bureau, PeriodKind kind) const {
  std::vector<const Edition*> out;
  for (const Edition& e : content.editions) {
    if (e.bureau == bureau && e.period.kind == kind) out.push_back(&e);
  }
  return out;
}

const Edition* SiteModel::Previous(const Edition& edition) const {
  const Edition* best = nullptr;
  for (const Edition& e : content.editions) {
    if (e.bureau == edition.bureau && e.period.kind == edition.period.kind &&
        e.period.year < edition.period.year && (!best || e.period.year > best->period.year)) {
      best = &e;
    }
  }
  return best;
}

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
}  // namespace

const Edition* SiteModel::Latest(const std::string& bureau) const {
  const Edition* best = nullptr;
  auto key = [](const Edition* e) {
    auto [month, rank] = PeriodEnd(e->period.kind);
    return std::tuple(e->period.year, month, rank);
  };
  for (const Edition* e : EditionsOf(bureau)) {
    if (!best || key(e) > key(best)) best = e;
  }
  return best;
}

std::vector<PeriodKind> SiteModel::KindsOf(const std::string& bureau) const {
  std::vector<PeriodKind> kinds;
  for (const Edition* e : EditionsOf(bureau)) {
    if (kinds.empty() || kinds.back() != e->period.kind) kinds.push_back(e->period.kind);
  }
  return kinds;
}

Change SiteModel::ChangeOf(const Edition& edition, const Indicator& indicator) const {
  const Edition* previous = Previous(edition);
  if (!previous) return {};
  return ComputeChange(previous->ValueOf(indicator.id), edition.ValueOf(indicator.id), previous,
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
  } else if (previous.status != ValueStatus::kNumber) {
    c.status = Change::Status::kPreviousMissing;
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
