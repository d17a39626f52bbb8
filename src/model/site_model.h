// SiteModel: the validated site, with editions ordered, previous editions and changes
// resolved. Immutable once built, so rendering may read it from every thread.
#pragma once

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "catalog/catalog.h"
#include "config/site_config.h"
#include "content/content.h"

namespace nianbao {

/// The change of one indicator from the previous edition of the same period kind.
struct Change {
  enum class Status {
    kOk,               // both values known and the base is not zero (percent is set)
    kZeroBase,         // previous value 0: the delta is known, a percent is not
    kNoPrevious,       // first edition of its period kind
    kPreviousMissing,  // the previous edition's value is withheld or not reported
    kCurrentMissing,   // this edition's value is withheld or not reported
  };
  Status status = Status::kNoPrevious;
  bool withheld = false;  // the missing value exists but is withheld, not unreported
  const Edition* previous = nullptr;
  double delta = 0;    // current − previous (percentage points for rates)
  double percent = 0;  // delta / previous × 100, for count and amount
};

/// The spread of one indicator over the bureaus of one level rank in one period: the
/// quartiles of their numbers (withheld and not reported leave a bureau out), by Quantile.
struct Band {
  size_t count = 0;  // bureaus with a number; 0: no band
  double q1 = 0, median = 0, q3 = 0;
};

/// Quantile p (0–1) of sorted, non-empty values, interpolating linearly between the
/// closest ranks: h = (n − 1)·p, q = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]) (numpy's
/// default, Excel's QUARTILE.INC). docs/charts.md states the rule.
double Quantile(const std::vector<double>& sorted, double p);

/// Whether a change is good news by the indicator's `better`.
enum class Direction { kBetter, kWorse, kSame, kNeutral };

/// The parts are public so that tests can assemble a model; after changing them, call
/// BuildIndexes(). Lookups then take O(1) (a hash of the bureau id at most), so no page's
/// cost depends on the size of the site. Not copyable: the indexes point into `content`.
struct SiteModel {
  SiteConfig config;
  Catalog catalog;
  Content content;

  SiteModel() = default;
  SiteModel(SiteConfig c, Catalog cat, Content con);
  SiteModel(SiteModel&&) = default;
  SiteModel& operator=(SiteModel&&) = default;
  SiteModel(const SiteModel&) = delete;
  SiteModel& operator=(const SiteModel&) = delete;

  /// Rebuilds the catalogue's and the model's indexes. Content must be sorted by
  /// (bureau list order, period kind, year), as LoadContent leaves it.
  void BuildIndexes();

  /// The editions of a bureau, ordered by period kind, then year.
  const std::vector<const Edition*>& EditionsOf(const std::string& bureau) const;
  /// The editions of a bureau of one period kind, by year.
  const std::vector<const Edition*>& SeriesOf(const std::string& bureau, PeriodKind kind) const;
  /// The edition of the same bureau and period kind just before this one, or null.
  const Edition* Previous(const Edition& edition) const;
  /// The edition of the same bureau and period kind just after this one, or null.
  const Edition* Next(const Edition& edition) const;
  /// The bureau's most recent edition (latest period end; annual before h2 and q4), or null.
  const Edition* Latest(const std::string& bureau) const;
  Change ChangeOf(const Edition& edition, const Indicator& indicator) const;
  /// The period kinds a bureau has, in PeriodKind order.
  std::vector<PeriodKind> KindsOf(const std::string& bureau) const;

  /// The bureaus whose parent is `bureau`, in list order.
  const std::vector<const Bureau*>& ChildrenOf(const std::string& bureau) const;
  /// The bureaus without a parent (the top of the tree), in list order.
  const std::vector<const Bureau*>& TopLevel() const { return top_; }
  /// The chain of parents of a bureau, the top of the tree first; empty without a parent.
  std::vector<const Bureau*> AncestorsOf(const Bureau& bureau) const;
  /// The band of an indicator over the bureaus of one level rank (LevelRank) in the
  /// edition of `period` (each bureau's own edition of that name).
  Band BandOf(const Indicator& indicator, int rank, const EditionName& period) const;
  /// How many bureaus of each rank list `indicator` in an edition of `kind`.
  size_t ReportingOf(const Indicator& indicator, int rank, PeriodKind kind) const;

 private:
  struct BureauEditions {
    std::vector<const Edition*> all;
    std::vector<std::pair<PeriodKind, std::vector<const Edition*>>> series;
    const Edition* latest = nullptr;
  };
  const BureauEditions* Find(const std::string& bureau) const;
  void BuildBands();
  size_t PositionOf(const Edition& edition) const;

  std::vector<BureauEditions> by_bureau_;             // by Bureau::index
  std::vector<const Edition*> previous_, next_;       // by position in content.editions
  std::vector<std::vector<const Bureau*>> children_;  // by Bureau::index
  std::vector<const Bureau*> top_;
  // By (indicator index, rank, period kind, year); built once, so that no bureau page
  // scans its peers.
  std::map<std::tuple<size_t, int, int, int>, Band> bands_;
  std::map<std::tuple<size_t, int, int>, size_t> reporting_;  // (indicator, rank, kind)
};

/// Computes a change between two values of one indicator (pure; tested on its own).
Change ComputeChange(const Value& previous, const Value& current, const Edition* previous_edition,
                     IndicatorKind kind);

Direction DirectionOf(const Change& change, Better better);

}  // namespace nianbao
