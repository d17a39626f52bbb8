// One file of the built site: its path under the output folder and its bytes.
#pragma once

#include <string>
#include <vector>

namespace nianbao {

struct OutputFile {
  std::string path;  // '/'-separated, relative to the output folder
  std::string bytes;
};

using OutputFiles = std::vector<OutputFile>;

}  // namespace nianbao
