#include "importer/zip_archive.h"

namespace nianbao::importer {

namespace {
constexpr zip_uint64_t kMaxPart = 64u << 20;
}  // namespace

bool ZipArchive::Open(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source) {
    zip_.reset(zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error));
    if (!zip_) zip_source_free(source);
  }
  if (!zip_) {
    Fail(std::string("not an .xlsx file: it is not a readable zip archive (") +
         zip_error_strerror(&error) + ")");
  }
  zip_error_fini(&error);
  return zip_ != nullptr;
}

bool ZipArchive::Has(const std::string& name) const {
  return zip_name_locate(zip_.get(), name.c_str(), 0) >= 0;
}

std::optional<std::string> ZipArchive::Read(const std::string& name) {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(zip_.get(), name.c_str(), 0, &st) != 0) {
    Fail("not a complete .xlsx file: it has no " + name);
    return std::nullopt;
  }
  const std::string too_large = name + " is larger than " + std::to_string(kMaxPart >> 20) + " MiB";
  if ((st.valid & ZIP_STAT_SIZE) && st.size > kMaxPart) {
    Fail(too_large);
    return std::nullopt;
  }
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(zip_fopen(zip_.get(), name.c_str(), 0),
                                                         zip_fclose);
  if (!file) {
    Fail("cannot read " + name + " in the archive: " + zip_strerror(zip_.get()));
    return std::nullopt;
  }
  std::string out;
  char buf[65536];
  while (true) {
    // The sizes in the archive may lie: count what actually comes out.
    zip_int64_t n = zip_fread(file.get(), buf, sizeof buf);
    if (n < 0) {
      Fail("the archive is damaged: " + name + ": " + zip_file_strerror(file.get()));
      return std::nullopt;
    }
    if (n == 0) break;
    if (out.size() + static_cast<size_t>(n) > kMaxPart) {
      Fail(too_large);
      return std::nullopt;
    }
    out.append(buf, static_cast<size_t>(n));
  }
  return out;
}

bool ZipArchive::Xml(const std::string& name, const XmlHandler& handler) {
  std::optional<std::string> text = Read(name);
  if (!text) return false;
  std::string error = ParseXml(*text, handler);
  if (!error.empty()) Fail("the archive is damaged: " + name + " " + error);
  return error.empty();
}

void ZipArchive::Fail(const std::string& message) { diags_.Error({path_, 0, 0}, message); }

}  // namespace nianbao::importer
