// Our own YAML tree, built from yaml-cpp's events so that nothing is lost on the way:
// every node keeps its position in the file, and map keys keep their order and duplicates.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nianbao::yaml {

enum class Kind { kNull, kScalar, kSequence, kMap };

struct Entry;

struct Node {
  Kind kind = Kind::kNull;
  std::string value;           // scalar text as parsed
  bool plain = true;           // false for quoted and block scalars: never a number, null or bool
  int line = 0;                // 1-based position in the file
  int col = 0;                 // 1-based, in characters
  std::vector<Node> items;     // sequence items
  std::vector<Entry> entries;  // map entries in file order

  bool IsNull() const { return kind == Kind::kNull; }
  bool IsScalar() const { return kind == Kind::kScalar; }
  bool IsMap() const { return kind == Kind::kMap; }
  bool IsSequence() const { return kind == Kind::kSequence; }
  /// The value of the first entry whose key is `key`, or nullptr.
  const Node* Find(std::string_view key) const;
  /// "a mapping", "a list", "a string", "nothing": for error messages.
  std::string_view Describe() const;
};

/// One entry of a map. A struct, not std::pair<Node, Node>: clang cannot complete that pair
/// inside Node, while a vector of a type declared ahead is fine in C++17.
struct Entry {
  Node key;
  Node value;
};

}  // namespace nianbao::yaml
