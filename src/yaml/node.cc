#include "yaml/node.h"

namespace nianbao::yaml {

const Node* Node::Find(std::string_view key) const {
  for (const auto& [k, v] : entries) {
    if (k.IsScalar() && k.value == key) return &v;
  }
  return nullptr;
}

std::string_view Node::Describe() const {
  switch (kind) {
    case Kind::kNull:
      return "nothing";
    case Kind::kScalar:
      return "a single value";
    case Kind::kSequence:
      return "a list";
    case Kind::kMap:
      return "a mapping";
  }
  return "nothing";
}

}  // namespace nianbao::yaml
