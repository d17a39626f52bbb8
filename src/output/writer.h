// The only stage that touches the output folder: writes a whole site atomically.
#pragma once

#include <string>

#include "core/diagnostic.h"
#include "output/output_file.h"

namespace nianbao {

/// Writes `files` into a new folder beside `out_dir`, then swaps it in with one rename
/// (renameat2 RENAME_EXCHANGE where `out_dir` exists) and removes the old site. A build
/// killed midway leaves `out_dir` as it was. Returns false with a diagnostic on failure.
bool WriteSite(const std::string& out_dir, const OutputFiles& files, Diagnostics& diags);

}  // namespace nianbao
