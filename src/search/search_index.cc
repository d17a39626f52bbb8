#include "search/search_index.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <set>
#include <thread>
#include <tuple>
#include <utility>

#include "core/text.h"
#include "search/page_text.h"
#include "search/tokenize.h"

namespace nianbao::search {

namespace {

constexpr uint32_t kInTitle = 4;

struct PageToken {
  uint64_t key;
  uint32_t flags;
};
// A shard of about this many bytes: a query of four pairs loads four of them.
constexpr size_t kShardBytes = 24 * 1024;

// A JSON string as nlohmann::json::dump() writes it (UTF-8 kept, control characters
// escaped), without building a json value for each title and snippet.
void AppendJson(std::string& out, std::string_view s) {
  out += '"';
  size_t plain = 0;  // start of the bytes not yet copied
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s, plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 15];
      }
    }
  }
  out.append(s, plain, s.size() - plain);
  out += '"';
}

std::string Json(std::string_view s) {
  std::string out;
  AppendJson(out, s);
  return out;
}

void AppendNumber(std::string& out, uint32_t n) {
  char buf[12];
  out.append(buf, std::to_chars(buf, buf + sizeof buf, n).ptr);
}

// A token key and a page number << 3 | flags. Packed: 12 bytes, not 16, as there are
// millions of them.
struct __attribute__((packed)) Posting {
  uint64_t key;
  uint32_t value;
};

// Sorts by key, then value: least significant byte first (stable counting passes), value
// bytes then key bytes, skipping a byte that all share. About ten passes over the list
// take a fraction of what a comparison sort of a million postings does.
void SortPostings(std::vector<Posting>& all) {
  constexpr int kBytes = 12;
  auto byte_of = [](const Posting& p, int b) -> uint8_t {
    return b < 4 ? static_cast<uint8_t>(p.value >> (8 * b))
                 : static_cast<uint8_t>(p.key >> (8 * (b - 4)));
  };
  std::vector<std::array<size_t, 256>> counts(kBytes, std::array<size_t, 256>{});
  for (const Posting& p : all) {
    for (int b = 0; b < kBytes; ++b) ++counts[b][byte_of(p, b)];
  }
  std::vector<Posting> other(all.size());
  for (int b = 0; b < kBytes; ++b) {
    std::array<size_t, 256>& count = counts[b];
    if (std::find(count.begin(), count.end(), all.size()) != count.end()) continue;
    size_t at = 0;
    for (size_t& c : count) at += std::exchange(c, at);  // counts become starts
    for (const Posting& p : all) other[count[byte_of(p, b)]++] = p;
    all.swap(other);
  }
}

}  // namespace

SearchIndex::SearchIndex() {
  unsigned n = std::max(2u, std::thread::hardware_concurrency()) * 2;
  for (unsigned i = 0; i < n; ++i) parts_.push_back(std::make_unique<Part>());
}

void SearchIndex::Add(DocInfo info, std::string_view html) {
  PageText text = ExtractPageText(html);
  std::vector<uint64_t> keys;  // of the title, then of the text
  OtherWords others;
  TokenKeys(text.title, keys, others);
  const size_t in_title = keys.size();
  TokenKeys(text.body, keys, others);
  TokenKeys(info.extra, keys, others);
  // Each token once with its flags, counted in a small table of the page's own (it stays
  // in cache) before the shared lists are touched, once per distinct token.
  int bits = 6;
  while ((size_t{1} << bits) < keys.size() * 2) ++bits;
  const size_t mask = (size_t{1} << bits) - 1;
  std::vector<uint32_t> slots(mask + 1, UINT32_MAX);  // index into page_tokens
  std::vector<PageToken> page_tokens;
  for (size_t i = 0; i < keys.size(); ++i) {
    size_t h = static_cast<size_t>((keys[i] * 0x9E3779B97F4A7C15u) >> (64 - bits));
    while (slots[h] != UINT32_MAX && page_tokens[slots[h]].key != keys[i]) h = (h + 1) & mask;
    if (slots[h] == UINT32_MAX) {
      slots[h] = static_cast<uint32_t>(page_tokens.size());
      page_tokens.push_back({keys[i], 0});
    }
    uint32_t& flags = page_tokens[slots[h]].flags;
    if (i < in_title) {
      flags |= kInTitle;
    } else if ((flags & 3) < 3) {
      ++flags;
    }
  }
  Doc doc{std::move(info), std::move(text.title),
          std::string(Utf8Prefix(text.body, kSnippetChars))};
  doc.info.extra.clear();
  // Any free part will do: the files are sorted when written.
  size_t start = std::hash<std::string>()(doc.info.path) % parts_.size();
  const std::string where_key = doc.info.lang + " " + doc.info.path;
  Part* part = nullptr;
  size_t index = 0;
  for (size_t i = 0; i < parts_.size() && !part; ++i) {
    index = (start + i) % parts_.size();
    if (parts_[index]->mutex.try_lock()) part = parts_[index].get();
  }
  if (!part) {
    index = start;
    part = parts_[start].get();
    part->mutex.lock();
  }
  uint32_t id;
  {
    std::lock_guard<std::mutex> hold(part->mutex, std::adopt_lock);
    id = static_cast<uint32_t>(part->docs.size());
    part->docs.push_back(std::move(doc));
    for (const PageToken& t : page_tokens) {
      part->keys.push_back(IsOtherKey(t.key) ? part->others.KeyOf(others.Word(t.key)) : t.key);
      part->values.push_back(id << 3 | t.flags);
    }
  }
  std::pair<size_t, uint32_t> before{SIZE_MAX, 0};
  {
    std::lock_guard<std::mutex> hold(where_mutex_);
    auto [it, added] = where_.try_emplace(where_key, index, id);
    if (!added) before = std::exchange(it->second, std::make_pair(index, id));
  }
  if (before.first != SIZE_MAX) {
    std::lock_guard<std::mutex> hold(parts_[before.first]->mutex);
    parts_[before.first]->docs[before.second].replaced = true;
  }
}

OutputFiles SearchIndex::Files(const std::string& lang,
                               const std::vector<BureauChoice>& bureaus) const {
  // Documents of the language, sorted by path: their numbers in the files.
  std::vector<std::tuple<std::string_view, size_t, size_t>> order;  // path, part, doc
  for (size_t p = 0; p < parts_.size(); ++p) {
    for (size_t d = 0; d < parts_[p]->docs.size(); ++d) {
      const Doc& doc = parts_[p]->docs[d];
      if (doc.info.lang == lang && !doc.replaced) order.emplace_back(doc.info.path, p, d);
    }
  }
  std::sort(order.begin(), order.end());
  std::vector<std::vector<uint32_t>> number(parts_.size());
  for (size_t p = 0; p < parts_.size(); ++p) number[p].assign(parts_[p]->docs.size(), UINT32_MAX);
  for (size_t i = 0; i < order.size(); ++i)
    number[std::get<1>(order[i])][std::get<2>(order[i])] = i;

  // Postings of the language from every part, as (key, page number << 3 | flags); a key
  // that a part numbered itself becomes kOtherBase + the word's place among them all.
  std::vector<std::string_view> words;  // the other words, then sorted and made unique
  for (const auto& part : parts_) {
    for (size_t i = 0; i < part->keys.size(); ++i) {
      if (uint64_t key = part->keys[i]; IsOtherKey(key)) words.push_back(part->others.Word(key));
    }
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  constexpr uint64_t kOtherBase = ~uint64_t{0} - UINT32_MAX;  // above every packed key
  std::vector<Posting> all;
  size_t count = 0;  // reserved exactly: doubling would leave up to half of it unused
  for (size_t p = 0; p < parts_.size(); ++p) {
    const Part& part = *parts_[p];
    for (size_t i = 0; i < part.values.size(); ++i) {
      count += number[p][part.values[i] >> 3] != UINT32_MAX;
    }
  }
  all.reserve(count);
  for (size_t p = 0; p < parts_.size(); ++p) {
    const Part& part = *parts_[p];
    for (size_t i = 0; i < part.keys.size(); ++i) {
      uint32_t n = number[p][part.values[i] >> 3];
      if (n == UINT32_MAX) continue;  // another language's page, or one replaced
      uint64_t key = part.keys[i];
      if (IsOtherKey(key)) {
        std::string_view w = part.others.Word(key);
        key = kOtherBase + (std::lower_bound(words.begin(), words.end(), w) - words.begin());
      }
      all.push_back({key, n << 3 | (part.values[i] & 7)});
    }
  }
  SortPostings(all);
  // Each token's list is a run of `all`, already in page order.
  struct List {
    std::string token;
    size_t begin, end;
  };
  std::vector<List> postings;  // sorted by token
  for (size_t i = 0; i < all.size();) {
    size_t j = i;
    while (j < all.size() && all[j].key == all[i].key) ++j;
    uint64_t key = all[i].key;
    postings.push_back(
        {key >= kOtherBase ? std::string(words[key - kOtherBase]) : KeyText(key), i, j});
    i = j;
  }
  std::sort(postings.begin(), postings.end(),
            [](const List& a, const List& b) { return a.token < b.token; });
  size_t bytes = 0;
  for (const List& l : postings) bytes += l.token.size() + 6 + (l.end - l.begin) * 4;
  uint32_t shards = 1;
  while (shards < 4096 && bytes / shards > kShardBytes) shards *= 2;

  OutputFiles files;
  const std::string prefix = "assets/search/" + lang;
  // The pages and filters.
  std::map<std::string, int> bureau_index;
  std::string meta = "nianbaoSearch.meta(" + Json(lang) + ",{\"shards\":" + std::to_string(shards) +
                     ",\"chunk\":" + std::to_string(kTextChunk) + ",\"bureaus\":[";
  for (size_t i = 0; i < bureaus.size(); ++i) {
    bureau_index[bureaus[i].id] = static_cast<int>(i);
    meta += (i ? ",[" : "[") + Json(bureaus[i].id) + "," + Json(bureaus[i].name) + "]";
  }
  std::set<int> years;
  meta += "],\"docs\":[";
  for (size_t i = 0; i < order.size(); ++i) {
    const Doc& d = parts_[std::get<1>(order[i])]->docs[std::get<2>(order[i])];
    auto b = bureau_index.find(d.info.bureau);
    if (d.info.year) years.insert(d.info.year);
    meta += i ? ",[" : "[";
    AppendJson(meta, d.info.path);
    meta += ',';
    AppendJson(meta, d.title);
    meta += ',';
    AppendJson(meta, d.info.kind);
    meta += ',';
    meta += std::to_string(b == bureau_index.end() ? -1 : b->second);
    meta += ',';
    meta += std::to_string(d.info.year);
    meta += ',';
    AppendJson(meta, d.info.period);
    meta += ']';
  }
  meta += "],\"years\":[";
  bool first = true;
  for (auto y = years.rbegin(); y != years.rend(); ++y, first = false) {
    meta += (first ? "" : ",") + std::to_string(*y);
  }
  meta += "]});\n";
  files.push_back({prefix + ".js", std::move(meta)});

  // Token shards: each list as deltas of (page << 3 | flags), so that long lists stay short.
  std::vector<std::string> shard_text(shards);
  for (const List& l : postings) {
    std::string& s = shard_text[TokenHash(l.token) % shards];
    if (!s.empty()) s += ',';
    s += '"';  // a token holds letters, digits and CJK characters only: nothing to escape
    s += l.token;
    s += "\":[";
    uint32_t prev = 0;
    for (size_t i = l.begin; i < l.end; ++i) {
      uint32_t doc = all[i].value >> 3;
      if (i > l.begin) s += ',';
      AppendNumber(s, (doc - prev) << 3 | (all[i].value & 7));
      prev = doc;
    }
    s += ']';
  }
  for (uint32_t i = 0; i < shards; ++i) {
    files.push_back({prefix + "-" + std::to_string(i) + ".js", "nianbaoSearch.shard(" + Json(lang) +
                                                                   "," + std::to_string(i) + ",{" +
                                                                   shard_text[i] + "});\n"});
  }
  // The postings are in the shards' text now: freed before the snippets are written, which
  // are as large (peak memory).
  std::vector<Posting>().swap(all);
  std::vector<List>().swap(postings);
  // Snippet text, kTextChunk pages a file.
  for (size_t c = 0; c * kTextChunk < order.size(); ++c) {
    std::string s = "nianbaoSearch.text(" + Json(lang) + "," + std::to_string(c) + ",[";
    for (size_t i = c * kTextChunk; i < std::min(order.size(), (c + 1) * kTextChunk); ++i) {
      const Doc& d = parts_[std::get<1>(order[i])]->docs[std::get<2>(order[i])];
      if (i > c * kTextChunk) s += ',';
      AppendJson(s, d.text);
    }
    files.push_back({prefix + "-t" + std::to_string(c) + ".js", s + "]);\n"});
  }
  return files;
}

}  // namespace nianbao::search
