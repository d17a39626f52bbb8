#include "importer/xml.h"

#include <expat.h>

#include <algorithm>

namespace nianbao::importer {

namespace {

constexpr char kSeparator = '\x01';  // between namespace URI and local name

struct Context {
  XML_Parser parser;
  const XmlHandler* handler;
  bool doctype = false;
};

std::string Local(const XML_Char* name) {
  std::string_view n(name);
  size_t sep = n.rfind(kSeparator);
  return std::string(sep == std::string_view::npos ? n : n.substr(sep + 1));
}

void XMLCALL OnStart(void* data, const XML_Char* name, const XML_Char** attrs) {
  const XmlHandler& h = *static_cast<Context*>(data)->handler;
  if (!h.start) return;
  XmlAttributes attributes;
  for (int i = 0; attrs[i] && attrs[i + 1]; i += 2) {
    attributes.emplace_back(Local(attrs[i]), attrs[i + 1]);
  }
  h.start(Local(name), attributes);
}

void XMLCALL OnEnd(void* data, const XML_Char* name) {
  const XmlHandler& h = *static_cast<Context*>(data)->handler;
  if (h.end) h.end(Local(name));
}

void XMLCALL OnText(void* data, const XML_Char* text, int len) {
  const XmlHandler& h = *static_cast<Context*>(data)->handler;
  if (h.text) h.text(std::string_view(text, static_cast<size_t>(len)));
}

// Office files never declare a DTD; one here is refused rather than expanded.
void XMLCALL OnDoctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
  auto* context = static_cast<Context*>(data);
  context->doctype = true;
  XML_StopParser(context->parser, XML_FALSE);
}

}  // namespace

std::string ParseXml(std::string_view xml, const XmlHandler& handler) {
  XML_Parser parser = XML_ParserCreateNS("UTF-8", kSeparator);
  if (!parser) return "out of memory";
  Context context{parser, &handler};
  XML_SetUserData(parser, &context);
  XML_SetElementHandler(parser, OnStart, OnEnd);
  XML_SetCharacterDataHandler(parser, OnText);
  XML_SetStartDoctypeDeclHandler(parser, OnDoctype);
  std::string error;
  // Parsed in pieces: XML_Parse takes an int length.
  constexpr size_t kPiece = 1 << 20;
  size_t at = 0;
  do {
    size_t n = std::min(kPiece, xml.size() - at);
    bool last = at + n == xml.size();
    if (XML_Parse(parser, xml.data() + at, static_cast<int>(n), last) == XML_STATUS_ERROR) {
      error = "line " + std::to_string(XML_GetCurrentLineNumber(parser)) + ": " +
              (context.doctype ? "a DTD, which office files never hold"
                               : XML_ErrorString(XML_GetErrorCode(parser)));
      break;
    }
    at += n;
  } while (at < xml.size());
  XML_ParserFree(parser);
  return error;
}

std::string Attribute(const XmlAttributes& attributes, std::string_view name) {
  for (const auto& [key, value] : attributes) {
    if (key == name) return value;
  }
  return "";
}

}  // namespace nianbao::importer
