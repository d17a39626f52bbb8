// JSON text written straight into a string, byte for byte as nlohmann::json::dump() writes
// it (UTF-8 kept, control characters escaped, numbers in the shortest form that reads
// back), without building a json value for every string and number of a large site.
#pragma once

#include <string>
#include <string_view>

namespace nianbao {

/// Appends `s` as a JSON string, quotes included.
void AppendJsonString(std::string& out, std::string_view s);
std::string JsonString(std::string_view s);

/// Appends `x` as a JSON number ("1.5", "100.0", "1e+21"), or null if it is not finite.
void AppendJsonNumber(std::string& out, double x);

}  // namespace nianbao
