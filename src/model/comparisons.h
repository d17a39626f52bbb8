// Which editions of a bureau are compared side by side (content-format §7): among the
// editions that publish figures, each consecutive pair of the same period kind, and the
// first against every later one that is not its neighbour (so that the first-vs-latest
// page of today stays at its URL when a new edition arrives). Never across period kinds.
#pragma once

#include <string>
#include <vector>

#include "content/content.h"
#include "model/site_model.h"

namespace nianbao {

/// Two editions of one bureau and one period kind; `a` is the earlier.
struct EditionPair {
  const Edition* a = nullptr;
  const Edition* b = nullptr;
  bool from_first = false;       // the first edition against a later one, not two neighbours
  bool first_vs_latest = false;  // …and that later one is the latest
};

/// True if the edition lists at least one figure (a number, withheld or null): only those
/// are compared.
bool HasFigures(const Edition& edition);

/// The pairs among `editions` (one bureau's, in any order), by period kind: its
/// consecutive pairs by year, then its first-vs-later pairs by the later one's year.
/// Pure: depends only on the editions' periods and whether they have figures.
std::vector<EditionPair> PairEditions(const std::vector<const Edition*>& editions);

/// PairEditions over a bureau's editions.
std::vector<EditionPair> ComparisonsOf(const SiteModel& model, const std::string& bureau);

/// Every bureau's pairs, bureaus in catalogue order.
std::vector<EditionPair> AllComparisons(const SiteModel& model);

}  // namespace nianbao
