#include "search/search_index.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <map>
#include <set>
#include <thread>
#include <tuple>
#include <utility>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "core/json_text.h"
#include "core/text.h"
#include "search/page_text.h"
#include "search/tokenize.h"

namespace nianbao::search {

namespace {

constexpr uint32_t kInTitle = 4;
// Postings a part holds as keys before it numbers them (16 bytes each).
constexpr size_t kPendingPostings = size_t{1} << 16;

// A shard of about this many bytes: a query of four pairs loads four of them.
constexpr size_t kShardBytes = 24 * 1024;

// Seven bits a byte, the high bit set on all but the last.
template <typename Bytes>
void AppendVarint(Bytes& out, uint64_t v) {
  for (; v >= 0x80; v >>= 7) out.push_back(static_cast<uint8_t>(v | 0x80));
  out.push_back(static_cast<uint8_t>(v));
}
template <typename Bytes>
uint64_t ReadVarint(const Bytes& in, size_t& at) {
  uint64_t v = 0;
  for (int shift = 0;; shift += 7) {
    const uint8_t b = in[at++];
    v |= uint64_t{b & 0x7Fu} << shift;
    if (b < 0x80) return v;
  }
}

void AppendNumber(std::string& out, uint32_t n) {
  char buf[12];
  out.append(buf, std::to_chars(buf, buf + sizeof buf, n).ptr);
}

// The first kSnippetChars code points of text that is valid UTF-8 (a page's own text):
// lengths from the lead bytes, without Utf8Prefix's checks of every byte.
std::string_view SnippetOf(std::string_view text) {
  size_t i = 0;
  int k = 0;
#ifdef __SSE2__
  // Sixteen bytes at a time while they cannot hold the last code point: each byte that is
  // not a continuation byte (10xxxxxx, below -64 as a signed byte) starts one.
  const __m128i below = _mm_set1_epi8(-64);
  for (; i + 16 <= text.size() && k + 16 <= kSnippetChars; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    const unsigned cont = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmplt_epi8(v, below)));
    // The bits counted by halves (no popcnt instruction in the baseline x86-64).
    unsigned c = cont - ((cont >> 1) & 0x5555);
    c = (c & 0x3333) + ((c >> 2) & 0x3333);
    c = (c + (c >> 4)) & 0x0F0F;
    k += 16 - static_cast<int>((c + (c >> 8)) & 0x1F);
  }
  // i may be inside a character: step to the next start.
  while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
#endif
  for (; k < kSnippetChars && i < text.size(); ++k) {
    unsigned char b = static_cast<unsigned char>(text[i]);
    i += b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  }
  return text.substr(0, std::min(i, text.size()));
}

// A snippet file: the texts of chunk `c`, in page order.
OutputFile SnippetFile(const std::string& lang, size_t c, const std::vector<std::string>& texts) {
  std::string s = "nianbaoSearch.text(" + JsonString(lang) + "," + std::to_string(c) + ",[";
  for (size_t i = 0; i < texts.size(); ++i) {
    if (i > 0) s += ',';
    AppendJsonString(s, texts[i]);
  }
  s += "]);\n";
  return {"assets/search/" + lang + "-t" + std::to_string(c) + ".js", std::move(s)};
}

}  // namespace

uint32_t SearchIndex::DenseIds::IdOf(uint64_t key) {
  size_t h = SlotOf(key);
  while (slots_[h].key != 0 && slots_[h].key != key) h = (h + 1) & (slots_.size() - 1);
  if (slots_[h].key == key) return slots_[h].id;
  const uint32_t id = static_cast<uint32_t>(keys_.size());
  slots_[h] = {key, id};
  keys_.push_back(key);
  if (keys_.size() * 2 > slots_.size()) {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& s : old) {
      if (s.key == 0) continue;
      size_t at = SlotOf(s.key);
      while (slots_[at].key != 0) at = (at + 1) & (slots_.size() - 1);
      slots_[at] = s;
    }
  }
  return id;
}

void SearchIndex::Part::Number() {
  // Each slot asked for a few tokens ahead, so that the lookups wait for memory together.
  constexpr size_t kAhead = 16;
  size_t at = 0;
  for (; numbered < docs.size(); ++numbered) {
    Doc& doc = docs[numbered];
    doc.first = postings.size();
    for (uint32_t k = 0; k < doc.count; ++k, ++at) {
      if (at + kAhead < pending.size()) ids.Prefetch(pending[at + kAhead].key);
      AppendVarint(postings, uint64_t{ids.IdOf(pending[at].key)} << 3 | pending[at].flags);
    }
  }
  pending.clear();
}

SearchIndex::SearchIndex() {
  unsigned n = std::max(2u, std::thread::hardware_concurrency()) * 2;
  for (unsigned i = 0; i < n; ++i) parts_.push_back(std::make_unique<Part>());
}

void SearchIndex::StreamSnippets(const std::string& lang, std::vector<std::string> paths,
                                 std::function<void(OutputFile&&)> put) {
  auto plan = std::make_unique<SnippetPlan>();
  std::sort(paths.begin(), paths.end());
  for (size_t i = 0; i < paths.size(); ++i) plan->number.emplace(paths[i], i);
  plan->pages = paths.size();
  plan->put = std::move(put);
  const size_t chunks = (paths.size() + kTextChunk - 1) / kTextChunk;
  plan->chunks.resize(chunks);
  plan->arrived.assign(chunks, 0);
  plan->written.assign(chunks, false);
  plans_[lang] = std::move(plan);
}

void SearchIndex::Deliver(const std::string& lang, SnippetPlan& plan, uint32_t n,
                          std::string text) {
  const size_t c = n / kTextChunk;
  const size_t size = std::min<size_t>(kTextChunk, plan.pages - c * kTextChunk);
  std::vector<std::string> whole;
  {
    std::lock_guard<std::mutex> hold(plan.mutex);
    if (plan.written[c]) return;  // not in a build: a page given twice
    std::vector<std::string>& chunk = plan.chunks[c];
    if (chunk.empty()) chunk.resize(size);
    chunk[n % kTextChunk] = std::move(text);
    if (++plan.arrived[c] < size) return;
    plan.written[c] = true;
    whole.swap(chunk);
  }
  plan.put(SnippetFile(lang, c, whole));
}

void SearchIndex::Add(DocInfo info, std::string_view html) {
  PageText text = ExtractPageText(html);
  // Of the title, then of the text; the thread's, kept from page to page like the slots.
  thread_local std::vector<uint64_t> keys;
  keys.clear();
  keys.reserve((text.title.size() + text.body.size()) / 3 + 16);  // a CJK pair per 3 bytes
  OtherWords others;
  TokenKeys(text.title, keys, others);
  const size_t in_title = keys.size();
  TokenKeys(text.body, keys, others);
  TokenKeys(info.extra, keys, others);
  // Each token once with its flags, counted in a small open-addressing table of the
  // page's own (it stays in cache) before the shared lists are touched. The order of the
  // table does not matter: the lists are sorted when the files are written.
  // Most of a page's tokens are repeats: the table starts small and doubles when half full.
  // Its slots are the thread's, kept from page to page: a page's table is up to 128 KB, and
  // allocating and clearing that for every page cost more than filling it; only the slots a
  // page used are emptied after it.
  constexpr uint64_t kEmpty = 0;  // no token key is 0 (tokenize.h)
  thread_local std::vector<PageToken> slots;
  thread_local std::vector<uint32_t> used;  // slots of this page, in the order first met
  int bits = 8;
  while (bits < 12 && (size_t{1} << bits) < keys.size() * 2) ++bits;
  if (slots.size() < (size_t{1} << bits)) slots.assign(size_t{1} << bits, PageToken{kEmpty, 0});
  used.clear();
  struct Emptied {  // the slots go back empty however Add ends
    ~Emptied() {
      for (uint32_t u : used) slots[u] = PageToken{kEmpty, 0};
    }
  } emptied;
  auto slot_of = [&](uint64_t key) {
    const size_t mask = (size_t{1} << bits) - 1;
    size_t h = static_cast<size_t>((key * 0x9E3779B97F4A7C15u) >> (64 - bits));
    while (slots[h].key != kEmpty && slots[h].key != key) h = (h + 1) & mask;
    return h;
  };
  for (size_t i = 0; i < keys.size(); ++i) {
    const uint64_t key = keys[i];
    size_t h = slot_of(key);
    if (slots[h].key == kEmpty) {
      if ((used.size() + 1) * 2 > (size_t{1} << bits)) {
        std::vector<PageToken> kept;
        kept.reserve(used.size());
        for (uint32_t u : used) kept.push_back(std::exchange(slots[u], PageToken{kEmpty, 0}));
        ++bits;
        if (slots.size() < (size_t{1} << bits)) slots.resize(size_t{1} << bits, {kEmpty, 0});
        used.clear();
        for (const PageToken& t : kept) {
          const size_t at = slot_of(t.key);
          slots[at] = t;
          used.push_back(static_cast<uint32_t>(at));
        }
        h = slot_of(key);
      }
      slots[h].key = key;
      used.push_back(static_cast<uint32_t>(h));
    }
    PageToken& t = slots[h];
    if (i < in_title) {
      t.flags |= kInTitle;
    } else if ((t.flags & 3) < 3) {
      ++t.flags;
    }
  }
  const size_t distinct = used.size();
  Doc doc{std::move(info), std::move(text.title), {}};
  doc.info.extra.clear();
  bool streamed = false;
  if (auto plan = plans_.find(doc.info.lang); plan != plans_.end()) {
    if (auto n = plan->second->number.find(doc.info.path); n != plan->second->number.end()) {
      // Its snippet file is written within 16 pages: the body cut, not copied.
      text.body.resize(SnippetOf(text.body).size());
      Deliver(doc.info.lang, *plan->second, n->second, std::move(text.body));
      streamed = true;
    }
  }
  if (!streamed) doc.text = std::string(SnippetOf(text.body));  // held: only its own bytes
  // Any free part will do: the files are sorted when written. Each thread starts with a
  // part of its own, so that a part's token table stays in one core's cache.
  static std::atomic<size_t> threads_seen{0};
  thread_local const size_t own = threads_seen++;
  size_t start = own % parts_.size();
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
    doc.count = static_cast<uint32_t>(distinct);
    part->docs.push_back(std::move(doc));
    for (uint32_t u : used) {
      const PageToken& t = slots[u];
      part->pending.push_back(
          {IsOtherKey(t.key) ? part->others.KeyOf(others.Word(t.key)) : t.key, t.flags});
    }
    if (part->pending.size() >= kPendingPostings) part->Number();
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
  OutputFiles files;
  Write(lang, bureaus, [&](OutputFile&& f) { files.push_back(std::move(f)); });
  return files;
}

void SearchIndex::Write(const std::string& lang, const std::vector<BureauChoice>& bureaus,
                        const std::function<void(OutputFile&&)>& put) const {
  // Postings still held as keys are numbered first (`parts_` holds pointers: numbering
  // changes how postings are kept, not what the index holds).
  for (const auto& part : parts_) {
    std::lock_guard<std::mutex> hold(part->mutex);
    part->Number();
  }
  // Documents of the language, sorted by path: their numbers in the files.
  std::vector<std::tuple<std::string_view, size_t, size_t>> order;  // path, part, doc
  for (size_t p = 0; p < parts_.size(); ++p) {
    for (size_t d = 0; d < parts_[p]->docs.size(); ++d) {
      const Doc& doc = parts_[p]->docs[d];
      if (doc.info.lang == lang && !doc.replaced) order.emplace_back(doc.info.path, p, d);
    }
  }
  std::sort(order.begin(), order.end());

  // Postings of the language from every part, page by page in page order, each token
  // numbered densely for the language in the order first met (a part's number for it is
  // looked up once, then read from `global`); a key that a part numbered itself becomes
  // kOtherBase + the word's place among them all. A stable counting sort by token number
  // then gives each token's list in page order (no comparison sort of a million postings).
  std::vector<std::string_view> words;  // the other words, then sorted and made unique
  for (const auto& part : parts_) {
    for (uint64_t key : part->ids.keys()) {
      if (IsOtherKey(key)) words.push_back(part->others.Word(key));
    }
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  constexpr uint64_t kOtherBase = ~uint64_t{0} - UINT32_MAX;  // above every packed key
  constexpr uint32_t kUnseen = UINT32_MAX;
  std::vector<std::vector<uint32_t>> global(parts_.size());
  for (size_t p = 0; p < parts_.size(); ++p)
    global[p].assign(parts_[p]->ids.keys().size(), kUnseen);
  DenseIds ids;
  // Each posting of page n: its token's number for the language, and its flags.
  auto each_posting = [&](uint32_t n, auto&& on) {
    const size_t p = std::get<1>(order[n]);
    const Part& part = *parts_[p];
    const Doc& doc = part.docs[std::get<2>(order[n])];
    size_t at = doc.first;
    for (uint32_t k = 0; k < doc.count; ++k) {
      const uint64_t v = ReadVarint(part.postings, at);
      uint32_t& id = global[p][v >> 3];
      if (id == kUnseen) {
        uint64_t key = part.ids.keys()[v >> 3];
        if (IsOtherKey(key)) {
          std::string_view w = part.others.Word(key);
          key = kOtherBase + (std::lower_bound(words.begin(), words.end(), w) - words.begin());
        }
        id = ids.IdOf(key);
      }
      on(id, static_cast<uint32_t>(v & 7));
    }
  };
  std::vector<size_t> starts(1, 0);  // becomes each token's start in `all`
  size_t count = 0;
  for (uint32_t n = 0; n < order.size(); ++n) {
    each_posting(n, [&](uint32_t id, uint32_t) {
      if (id + 2 > starts.size()) starts.resize(id + 2, 0);
      ++starts[id + 1];
      ++count;
    });
  }
  const std::vector<uint64_t>& token_keys = ids.keys();
  starts.resize(token_keys.size() + 1, 0);
  for (size_t t = 1; t < starts.size(); ++t) starts[t] += starts[t - 1];
  // Each token's run of (page number << 3 | flags), in page order.
  std::vector<uint32_t> all(count);
  {
    std::vector<size_t> next(starts.begin(), starts.end() - 1);
    for (uint32_t n = 0; n < order.size(); ++n) {
      each_posting(n, [&](uint32_t id, uint32_t flags) { all[next[id]++] = n << 3 | flags; });
    }
  }
  std::vector<std::vector<uint32_t>>().swap(global);
  struct List {
    std::string token;
    size_t begin, end;
  };
  std::vector<List> postings;  // sorted by token
  postings.reserve(token_keys.size());
  for (size_t t = 0; t < token_keys.size(); ++t) {
    const uint64_t key = token_keys[t];
    postings.push_back({key >= kOtherBase ? std::string(words[key - kOtherBase]) : KeyText(key),
                        starts[t], starts[t + 1]});
  }
  std::sort(postings.begin(), postings.end(),
            [](const List& a, const List& b) { return a.token < b.token; });
  size_t bytes = 0;
  for (const List& l : postings) bytes += l.token.size() + 6 + (l.end - l.begin) * 4;
  uint32_t shards = 1;
  while (shards < 4096 && bytes / shards > kShardBytes) shards *= 2;

  const std::string prefix = "assets/search/" + lang;
  // The pages and filters.
  std::map<std::string, int> bureau_index;
  std::string meta = "nianbaoSearch.meta(" + JsonString(lang) +
                     ",{\"shards\":" + std::to_string(shards) +
                     ",\"chunk\":" + std::to_string(kTextChunk) + ",\"bureaus\":[";
  for (size_t i = 0; i < bureaus.size(); ++i) {
    bureau_index[bureaus[i].id] = static_cast<int>(i);
    meta += (i ? ",[" : "[") + JsonString(bureaus[i].id) + "," + JsonString(bureaus[i].name) + "]";
  }
  std::set<int> years;
  meta += "],\"docs\":[";
  for (size_t i = 0; i < order.size(); ++i) {
    const Doc& d = parts_[std::get<1>(order[i])]->docs[std::get<2>(order[i])];
    auto b = bureau_index.find(d.info.bureau);
    if (d.info.year) years.insert(d.info.year);
    meta += i ? ",[" : "[";
    AppendJsonString(meta, d.info.path);
    meta += ',';
    AppendJsonString(meta, d.title);
    meta += ',';
    AppendJsonString(meta, d.info.kind);
    meta += ',';
    meta += std::to_string(b == bureau_index.end() ? -1 : b->second);
    meta += ',';
    meta += std::to_string(d.info.year);
    meta += ',';
    AppendJsonString(meta, d.info.period);
    meta += ']';
  }
  meta += "],\"years\":[";
  bool first = true;
  for (auto y = years.rbegin(); y != years.rend(); ++y, first = false) {
    meta += (first ? "" : ",") + std::to_string(*y);
  }
  meta += "]});\n";
  put({prefix + ".js", std::move(meta)});

  // Token shards: each list as deltas of (page << 3 | flags), so that long lists stay short.
  // One shard made and handed on at a time (all of them at once were a language's whole
  // index text in memory): the lists in shard order, token order within each.
  std::vector<size_t> shard_start(shards + 1, 0);
  std::vector<size_t> shard_bytes(shards, 0);
  std::vector<uint32_t> shard_of(postings.size());
  for (size_t k = 0; k < postings.size(); ++k) {
    const List& l = postings[k];
    shard_of[k] = TokenHash(l.token) % shards;
    ++shard_start[shard_of[k] + 1];
    shard_bytes[shard_of[k]] += l.token.size() + 6 + (l.end - l.begin) * 4;
  }
  for (uint32_t i = 1; i <= shards; ++i) shard_start[i] += shard_start[i - 1];
  std::vector<uint32_t> in_shards(postings.size());
  {
    std::vector<size_t> next(shard_start.begin(), shard_start.end() - 1);
    for (size_t k = 0; k < postings.size(); ++k) in_shards[next[shard_of[k]]++] = k;
  }
  std::vector<uint32_t>().swap(shard_of);
  const std::string lang_json = JsonString(lang);
  for (uint32_t i = 0; i < shards; ++i) {
    std::string s;
    s.reserve(shard_bytes[i] + 64);
    s = "nianbaoSearch.shard(" + lang_json + "," + std::to_string(i) + ",{";
    for (size_t k = shard_start[i]; k < shard_start[i + 1]; ++k) {
      const List& l = postings[in_shards[k]];
      if (k > shard_start[i]) s += ',';
      s += '"';  // a token holds letters, digits and CJK characters only: nothing to escape
      s += l.token;
      s += "\":[";
      uint32_t prev = 0;
      for (size_t p = l.begin; p < l.end; ++p) {
        const uint32_t doc = all[p] >> 3;
        if (p > l.begin) s += ',';
        AppendNumber(s, (doc - prev) << 3 | (all[p] & 7));
        prev = doc;
      }
      s += ']';
    }
    s += "});\n";
    put({prefix + "-" + std::to_string(i) + ".js", std::move(s)});
  }
  // The postings are in the shards' text now: freed before the snippets are written, which
  // are as large (peak memory).
  std::vector<uint32_t>().swap(all);
  std::vector<List>().swap(postings);
  // Snippet text, kTextChunk pages a file: those not written as their pages came.
  auto plan = plans_.find(lang);
  for (size_t c = 0; c * kTextChunk < order.size(); ++c) {
    std::vector<std::string> texts;
    if (plan != plans_.end()) {
      // Only a page that never came (its render failed) leaves a chunk unwritten.
      SnippetPlan& p = *plan->second;
      std::lock_guard<std::mutex> hold(p.mutex);
      if (c >= p.written.size() || p.written[c]) continue;
      p.written[c] = true;
      texts.swap(p.chunks[c]);
      texts.resize(std::min<size_t>(kTextChunk, p.pages - c * kTextChunk));
    } else {
      for (size_t i = c * kTextChunk; i < std::min(order.size(), (c + 1) * kTextChunk); ++i) {
        texts.push_back(parts_[std::get<1>(order[i])]->docs[std::get<2>(order[i])].text);
      }
    }
    put(SnippetFile(lang, c, texts));
  }
}

}  // namespace nianbao::search
