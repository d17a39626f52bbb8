// What every fuzz target checks beyond "no crash, no sanitizer report": properties that
// a crash would otherwise only show much later, in a page or a JSON file.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/text.h"

namespace nianbao::fuzz {

/// Stops the run (libFuzzer keeps the input) when `ok` is false.
inline void Require(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fuzz property broken: %s\n", what);
    std::abort();
  }
}

/// nlohmann-json throws on text that is not UTF-8 (the build aborted on such a figure
/// note): whatever the loaders accept must serialise.
inline void RequireJsonSafe(std::string_view text, const char* what) {
  Require(IsValidUtf8(text), what);
  try {
    (void)nlohmann::json(std::string(text)).dump();
  } catch (const nlohmann::json::exception&) {
    Require(false, what);
  }
}

}  // namespace nianbao::fuzz
