// Which editions of a bureau are compared side by side (content-format §7): each
// consecutive pair of the same period kind, and the first against the latest of each kind
// when that is not already a consecutive pair. Never across period kinds.
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
  bool first_vs_latest = false;  // the span of the whole series, not two neighbours
};

/// The pairs among `editions` (one bureau's, in any order), by period kind, then by the
/// earlier edition's year; each kind's first-vs-latest pair comes after its consecutive
/// ones. Pure: depends only on the editions' periods.
std::vector<EditionPair> PairEditions(const std::vector<const Edition*>& editions);

/// PairEditions over a bureau's editions.
std::vector<EditionPair> ComparisonsOf(const SiteModel& model, const std::string& bureau);

/// Every bureau's pairs, bureaus in catalogue order.
std::vector<EditionPair> AllComparisons(const SiteModel& model);

}  // namespace nianbao
