#include "mustache/template_set.h"

#include <algorithm>
#include <array>
#include <cstdint>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <set>

#include "mustache/node.h"

namespace nianbao::mustache {

TemplateSet::TemplateSet() = default;
TemplateSet::~TemplateSet() = default;
TemplateSet::TemplateSet(TemplateSet&&) noexcept = default;
TemplateSet& TemplateSet::operator=(TemplateSet&&) noexcept = default;

namespace {
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitizedAddresses = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
constexpr bool kSanitizedAddresses = true;
#else
constexpr bool kSanitizedAddresses = false;
#endif
#else
constexpr bool kSanitizedAddresses = false;
#endif
}  // namespace

void AppendEscaped(std::string_view text, std::string& out) {
  // Escaping is 4 % of a build: sixteen bytes are tested at once where SSE2 is, the rest
  // with one table lookup a byte.
  static constexpr std::array<bool, 256> kSpecial = [] {
    std::array<bool, 256> t{};
    for (unsigned char c : std::string_view("&<>\"'")) t[c] = true;
    return t;
  }();
  size_t from = 0;
  size_t i = 0;
  const auto step = [&] {
    const char* entity;
    switch (text[i]) {
      case '&':
        entity = "&amp;";
        break;
      case '<':
        entity = "&lt;";
        break;
      case '>':
        entity = "&gt;";
        break;
      case '"':
        entity = "&quot;";
        break;
      default:
        entity = "&#39;";
    }
    out.append(text.data() + from, i - from);
    out += entity;
    from = i + 1;
  };
#ifdef __SSE2__
  // Sixteen bytes at a time: most text has nothing to escape.
  const __m128i amp = _mm_set1_epi8('&'), lt = _mm_set1_epi8('<'), gt = _mm_set1_epi8('>'),
                quot = _mm_set1_epi8('"'), apos = _mm_set1_epi8('\'');
  const auto special = [&](size_t at) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + at));
    const __m128i hit =
        _mm_or_si128(_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, amp), _mm_cmpeq_epi8(v, lt)),
                                  _mm_or_si128(_mm_cmpeq_epi8(v, gt), _mm_cmpeq_epi8(v, quot))),
                     _mm_cmpeq_epi8(v, apos));
    return static_cast<unsigned>(_mm_movemask_epi8(hit));
  };
  const auto escape_all = [&](size_t base, unsigned mask) {
    while (mask) {
      i = base + static_cast<size_t>(__builtin_ctz(mask));
      step();
      mask &= mask - 1;
    }
  };
  while (i + 16 <= text.size()) {
    const size_t base = i;  // escape_all moves i to each hit
    escape_all(base, special(base));
    i = base + 16;
  }
  // The last bytes (most values are shorter than sixteen: a figure, a name) in one more
  // load: the last sixteen bytes of a longer text, the bits already seen masked off; or
  // sixteen from a short text's start when they stay within its memory page (reading past
  // the text's end there cannot fault, and the bits beyond it are masked off). Not under
  // AddressSanitizer, which would call that read an overflow.
  if (i < text.size()) {
    if (text.size() >= 16) {
      const size_t base = text.size() - 16;
      escape_all(base, special(base) & ~((1u << (i - base)) - 1));
      i = text.size();
    } else if (!kSanitizedAddresses &&
               (reinterpret_cast<uintptr_t>(text.data()) & 4095) <= 4096 - 16) {
      escape_all(0, special(0) & ((1u << text.size()) - 1));
      i = text.size();
    }
  }
#endif
  for (; i < text.size(); ++i) {
    if (kSpecial[static_cast<unsigned char>(text[i])]) step();
  }
  out.append(text.data() + from, text.size() - from);
}

namespace {

using Template = TemplateSet::Template;

void ResolvePartials(std::vector<Node>& nodes, const Template& tmpl,
                     const std::map<std::string, std::unique_ptr<Template>, std::less<>>& all,
                     const std::set<std::string>& broken, std::vector<Error>& errors) {
  for (Node& node : nodes) {
    if (node.kind == NodeKind::kPartial) {
      auto it = all.find(node.text);
      if (it != all.end()) {
        node.partial = it->second.get();
      } else if (!broken.count(node.text)) {
        auto [line, col] = LineColumn(tmpl.source, node.offset);
        errors.push_back({tmpl.name, line, col, "no template '" + node.text + "' to include"});
      }
    }
    ResolvePartials(node.children, tmpl, all, broken, errors);
  }
}

// Partials included outside any section: each always renders, so a cycle among them
// never ends.
void UnconditionalPartials(const std::vector<Node>& nodes, std::vector<const Node*>& out) {
  for (const Node& node : nodes) {
    if (node.kind == NodeKind::kPartial && node.partial) out.push_back(&node);
  }
}

// Depth-first search for a cycle from `t`; `chain` holds the templates on the way.
bool FindCycle(const Template* t, std::vector<const Template*>& chain,
               std::vector<const Node*>& tags, std::set<const Template*>& done) {
  if (done.count(t)) return false;
  if (std::find(chain.begin(), chain.end(), t) != chain.end()) return true;
  chain.push_back(t);
  std::vector<const Node*> partials;
  UnconditionalPartials(t->nodes, partials);
  for (const Node* tag : partials) {
    tags.push_back(tag);
    if (FindCycle(tag->partial, chain, tags, done)) return true;
    tags.pop_back();
  }
  chain.pop_back();
  done.insert(t);
  return false;
}

class Renderer {
 public:
  explicit Renderer(std::string& out) : out_(out) {}

  void Render(const Template& tmpl, const Value& data) {
    stack_.push_back(&data);
    Nodes(tmpl, tmpl.nodes);
  }

  std::optional<Error> error;

 private:
  const Value* Lookup(const Node& node) const {
    const std::vector<std::string>& path = node.path;
    if (path.empty()) return stack_.back();
    const Value* v = nullptr;
    for (size_t i = stack_.size(); i-- > 0;) {
      if ((v = stack_[i]->Find(path[0], node.heads[0]))) break;
    }
    for (size_t i = 1; v && i < path.size(); ++i) v = v->Find(path[i], node.heads[i]);
    return v;
  }

  // Template text: under an indented partial, every line it starts gets the indentation.
  void Text(std::string_view text) {
    if (indent_.empty()) {
      out_ += text;
      return;
    }
    while (!text.empty()) {
      if (at_line_start_) out_ += indent_;
      size_t nl = text.find('\n');
      size_t n = nl == std::string_view::npos ? text.size() : nl + 1;
      out_ += text.substr(0, n);
      at_line_start_ = nl != std::string_view::npos;
      text.remove_prefix(n);
    }
  }

  void Data(std::string_view text, bool escape) {
    if (text.empty()) return;
    if (!indent_.empty() && at_line_start_) out_ += indent_;
    at_line_start_ = false;
    if (escape) {
      AppendEscaped(text, out_);
    } else {
      out_.append(text);
    }
  }

  void Interpolate(const Value* v, bool escape) {
    if (!v) return;
    if (const std::string* s = v->AsString()) {
      Data(*s, escape);
    } else if (const bool* b = v->AsBool()) {
      Data(*b ? "true" : "false", false);
    }
  }

  void Nodes(const Template& tmpl, const std::vector<Node>& nodes) {
    for (const Node& node : nodes) {
      if (error) return;
      switch (node.kind) {
        case NodeKind::kText:
          Text(node.text);
          break;
        case NodeKind::kEscaped:
        case NodeKind::kRaw:
          Interpolate(Lookup(node), node.kind == NodeKind::kEscaped);
          break;
        case NodeKind::kSection: {
          const Value* v = Lookup(node);
          if (!v || !v->Truthy()) break;
          if (const Value::List* list = v->AsList()) {
            for (const Value& item : *list) {
              stack_.push_back(&item);
              Nodes(tmpl, node.children);
              stack_.pop_back();
            }
          } else if (v->AsBool()) {
            Nodes(tmpl, node.children);
          } else {
            stack_.push_back(v);
            Nodes(tmpl, node.children);
            stack_.pop_back();
          }
          break;
        }
        case NodeKind::kInverted: {
          const Value* v = Lookup(node);
          if (!v || !v->Truthy()) Nodes(tmpl, node.children);
          break;
        }
        case NodeKind::kPartial:
          Partial(tmpl, node);
          break;
      }
    }
  }

  void Partial(const Template& tmpl, const Node& node) {
    if (!node.partial) return;
    if (depth_ == kMaxPartialDepth) {
      auto [line, col] = LineColumn(tmpl.source, node.offset);
      error = Error{tmpl.name, line, col,
                    "partials nested more than " + std::to_string(kMaxPartialDepth) +
                        " deep: does '" + node.text + "' include itself?"};
      return;
    }
    ++depth_;
    const size_t outer = indent_.size();
    if (!node.indent.empty()) {
      indent_ += node.indent;
      at_line_start_ = true;
    }
    Nodes(*node.partial, node.partial->nodes);
    indent_.resize(outer);
    --depth_;
  }

  std::string& out_;
  std::vector<const Value*> stack_;
  std::string indent_;
  bool at_line_start_ = false;
  int depth_ = 0;
};

}  // namespace

TemplateSet TemplateSet::Compile(const std::map<std::string, std::string>& sources,
                                 std::vector<Error>& errors) {
  TemplateSet set;
  std::set<std::string> broken;
  for (const auto& [name, source] : sources) {
    auto tmpl = std::make_unique<Template>();
    tmpl->name = name;
    tmpl->source = source;
    if (ParseTemplate(*tmpl, errors)) {
      set.templates_.emplace(name, std::move(tmpl));
    } else {
      broken.insert(name);
    }
  }
  // Templates with bad partials stay (others point at them); the errors stop the build.
  for (auto& [name, tmpl] : set.templates_) {
    ResolvePartials(tmpl->nodes, *tmpl, set.templates_, broken, errors);
  }
  std::set<const Template*> done;
  for (auto& [name, tmpl] : set.templates_) {
    std::vector<const Template*> chain;
    std::vector<const Node*> tags;
    if (!FindCycle(tmpl.get(), chain, tags, done)) continue;
    // Report at the tag that closes the cycle, in the template that holds it.
    const Node* last = tags.back();
    const Template* holder = chain.back();
    std::string names = chain.front()->name;
    for (const Node* tag : tags) names += " → " + tag->text;
    auto [line, col] = LineColumn(holder->source, last->offset);
    errors.push_back({holder->name, line, col,
                      "'{{> " + last->text + "}}' always includes itself again (" + names +
                          "): it would never end"});
    done.insert(chain.begin(), chain.end());
  }
  std::stable_sort(errors.begin(), errors.end(), [](const Error& a, const Error& b) {
    return std::tie(a.template_name, a.line, a.col) < std::tie(b.template_name, b.line, b.col);
  });
  return set;
}

bool TemplateSet::Has(std::string_view name) const { return templates_.count(name) > 0; }

std::optional<Error> TemplateSet::Render(std::string_view name, const Value& data,
                                         std::string& out) const {
  auto it = templates_.find(name);
  if (it == templates_.end()) return Error{std::string(name), 0, 0, "no such template"};
  Renderer renderer(out);
  renderer.Render(*it->second, data);
  return renderer.error;
}

}  // namespace nianbao::mustache
