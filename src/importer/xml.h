// A thin wrapper of expat for the parts of an .xlsx: elements by their local name (so that
// prefixes such as "x:c" and strict OOXML's namespaces read alike), text and errors.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nianbao::importer {

using XmlAttributes = std::vector<std::pair<std::string, std::string>>;  // local name → value

struct XmlHandler {
  std::function<void(const std::string& name, const XmlAttributes& attributes)> start;
  std::function<void(const std::string& name)> end;
  std::function<void(std::string_view text)> text;
};

/// Parses `xml`; "" on success, else a message with the line ("line 3: not well-formed").
std::string ParseXml(std::string_view xml, const XmlHandler& handler);

/// The value of attribute `name`, or "".
std::string Attribute(const XmlAttributes& attributes, std::string_view name);

}  // namespace nianbao::importer
