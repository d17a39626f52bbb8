// The search page of each language (<lang>/search/index.html) and what each searchable
// page tells the index (docs/search.md).
#pragma once

#include <string>
#include <vector>

#include "model/site_model.h"
#include "output/output_file.h"
#include "render/render_context.h"
#include "render/templates.h"
#include "search/search_index.h"

namespace nianbao {

/// The search page: the form with its bureau and year filters, an empty result list that
/// assets/search.js fills, and a note for readers without JavaScript.
OutputFile RenderSearchPage(const RenderInputs& in, const Templates& t, const std::string& lang);

/// What the index knows of a report, a bureau, an indicator and a free page besides text.
search::DocInfo SearchInfoOf(const RenderInputs& in, const std::string& lang, const Edition& e);
search::DocInfo SearchInfoOf(const RenderInputs& in, const std::string& lang, const Bureau& b);
search::DocInfo SearchInfoOf(const RenderInputs& in, const std::string& lang, const Indicator& ind);
search::DocInfo SearchInfoOf(const RenderInputs& in, const std::string& lang, const Page& p);

/// The output paths of every page of `lang` that a whole render adds to the index (the
/// paths of the SearchInfoOf of each), for SearchIndex::StreamSnippets.
std::vector<std::string> SearchedPaths(const SiteModel& model, const std::string& lang);

/// The bureaus of the filter, in list order, named in `lang`.
std::vector<search::BureauChoice> SearchBureaus(const RenderInputs& in, const std::string& lang);

}  // namespace nianbao
