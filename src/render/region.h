// A bureau's place in the tree of parents: the breadcrumbs up to the top, and on a region
// (a bureau with children) the bureaus under it and their rankings (docs/regions.md).
#pragma once

#include <string>
#include <vector>

#include "render/render_context.h"

namespace nianbao {

/// A region compares its children on this many headline indicators.
inline constexpr size_t kHeadlineIndicators = 4;

/// Home, then each parent up the chain (the top first), then the bureau itself.
std::vector<Crumb> BureauCrumbs(const PageContext& ctx, const Bureau& bureau);

/// The first kHeadlineIndicators indicators (catalogue order) that the latest edition of
/// at least one of `bureaus` lists.
std::vector<const Indicator*> HeadlineIndicators(const SiteModel& model,
                                                 const std::vector<const Bureau*>& bureaus);

/// One row of a ranking: a bureau and its latest edition's figure.
struct RankedRow {
  const Bureau* bureau = nullptr;
  const Edition* edition = nullptr;  // the bureau's latest; null without editions
  int rank = 0;                      // 0: not ranked (withheld, not reported, no edition)
};

/// `bureaus` ranked on an indicator's figure in each one's latest edition: rank 1 is the
/// best by `better` (the largest for higher and neutral, the smallest for lower); equal
/// figures as shown share a rank (1, 2, 2, 4); then withheld, then not reported, never as
/// zero. Ties keep list order.
std::vector<RankedRow> RankBureaus(const SiteModel& model, const Indicator& indicator,
                                   const std::vector<const Bureau*>& bureaus);

/// Template data of a region's children (`children`, `has_children`, `rankings`) for the
/// bureau page; nothing is set for a bureau without children.
void SetRegion(const PageContext& ctx, const Bureau& bureau, TemplateData& data);

}  // namespace nianbao
