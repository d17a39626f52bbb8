// The data checks indicators.yaml declares (content-format §3.1), run on the loaded
// model: a total is the sum of its parts, a value is in its range, a value does not
// change more than max_change from the previous edition of the same kind. Each failure is
// a warning at the value (`--strict` makes it fail the build).
#pragma once

#include <functional>
#include <string>

#include "core/diagnostic.h"
#include "core/file_system.h"
#include "model/site_model.h"

namespace nianbao {

/// Where a diagnostic about one value points, and the source line to show.
struct ValueLocation {
  Position pos;
  std::string source_line;
  std::string label;  // put before the message: "cell B3: " for a spreadsheet
};
using ValueLocator = std::function<ValueLocation(const Edition&, const Indicator&)>;

/// Runs every declared check on one edition of `model`; `at` says where each value was
/// written (data.yaml for a build, the spreadsheet's cell for an import).
void CheckEditionData(const SiteModel& model, const Edition& edition, const ValueLocator& at,
                      Diagnostics& diags);

/// Runs the checks on every edition, pointing at the values in their data.yaml (read from
/// `site` only for the source line of a failure).
void CheckData(const SiteModel& model, const FileSystem& site, Diagnostics& diags);

}  // namespace nianbao
