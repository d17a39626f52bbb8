// Open data: every value of every edition as data/indicators.csv and .json (§7).
#pragma once

#include "model/site_model.h"
#include "output/sink.h"

namespace nianbao {

/// One row per bureau × edition × indicator listed in the edition's data.yaml. The CSV is
/// UTF-8 with a BOM so that Excel opens Chinese; the status column is value/withheld/null.
/// Both files are written in pieces, so memory does not grow with the archive. Also
/// data/bureaus.csv: each bureau's id, level, parent, order and names.
void ExportData(const SiteModel& model, Sink& sink);

}  // namespace nianbao
