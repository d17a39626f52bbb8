// Checks across files that no single loader can make (content-format §5, §8).
#pragma once

#include "core/diagnostic.h"
#include "model/site_model.h"

namespace nianbao {

/// Warns of a narrative missing in a language (the page shows the default language's
/// text), and of a bureau without editions.
void Validate(const SiteModel& model, Diagnostics& diags);

}  // namespace nianbao
