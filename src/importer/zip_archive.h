// An .xlsx archive opened with libzip from memory: its parts read whole (never more than
// 64 MiB each: a bigger one is not a sheet of indicators) and parsed as XML. Every problem
// is an error on the file.
#pragma once

#include <zip.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.h"
#include "importer/xml.h"

namespace nianbao::importer {

class ZipArchive {
 public:
  ZipArchive(std::string path, Diagnostics& diags) : path_(std::move(path)), diags_(diags) {}

  /// Opens `bytes`, which must outlive the archive.
  bool Open(std::string_view bytes);
  bool Has(const std::string& name) const;
  std::optional<std::string> Read(const std::string& name);
  /// Reads the part and parses it with `handler`.
  bool Xml(const std::string& name, const XmlHandler& handler);
  /// An error on the whole file.
  void Fail(const std::string& message);

 private:
  struct Closer {
    void operator()(zip_t* z) const { zip_discard(z); }
  };
  std::string path_;
  Diagnostics& diags_;
  std::unique_ptr<zip_t, Closer> zip_;
};

}  // namespace nianbao::importer
