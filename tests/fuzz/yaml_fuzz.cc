// The YAML loader: yaml::Parse (our tree from yaml-cpp's events) and the strict Reader,
// on any bytes. Every node is read every way the loaders read nodes.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "fuzz_checks.h"
#include "yaml/parse.h"
#include "yaml/reader.h"

namespace {

using nianbao::yaml::Node;

void ReadAll(const nianbao::yaml::Reader& reader, const Node& node, size_t& nodes) {
  ++nodes;
  if (node.IsScalar()) nianbao::fuzz::RequireJsonSafe(node.value, "a scalar is not UTF-8");
  (void)reader.Number(node, "n");
  (void)reader.Integer(node, "i", -1000, 1000);
  (void)reader.Bool(node, "b");
  (void)reader.Choice(node, "c", {"bar", "line"});
  if (auto t = reader.Text(node, "t")) {
    for (const auto& [lang, text] : t->text) {
      nianbao::fuzz::RequireJsonSafe(text, "a text is not UTF-8");
    }
  }
  (void)reader.List(node, "l");
  if (node.IsMap()) {
    reader.CheckKeys(node, {"title", "values", "notes"});
    (void)reader.Required(node, "values");
  }
  for (const Node& item : node.items) ReadAll(reader, item, nodes);
  for (const auto& [key, value] : node.entries) {
    ReadAll(reader, key, nodes);
    ReadAll(reader, value, nodes);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  nianbao::Diagnostics diags;
  nianbao::yaml::Source source{"f.yaml", text, 1};
  if (auto root = nianbao::yaml::Parse(text, source, diags)) {
    nianbao::yaml::Reader reader(source, diags, {"zh", "en"});
    size_t nodes = 0;
    ReadAll(reader, *root, nodes);
    // Aliases are bounded; the rest is bounded by the input.
    nianbao::fuzz::Require(nodes <= 4 * size + nianbao::yaml::kMaxAliasNodes + 8,
                           "aliases expanded past their bound");
  }
  // Messages quote the file: they must stay printable UTF-8 whatever the file held.
  nianbao::fuzz::Require(nianbao::IsValidUtf8(diags.FormatAll()), "a message is not UTF-8");
  return 0;
}
