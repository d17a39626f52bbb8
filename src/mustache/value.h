// The data a Mustache template reads: null, a boolean, a string, a list or an object.
// Built once per page and moved (never deep-copied) into its parent; a Ref borrows a value
// that outlives the render (a theme's interface strings, shared by every page).
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace nianbao::mustache {

/// A key's first 8 bytes as a number, the first byte highest (so that numbers order as
/// the keys do), zeros after a shorter key: lookups compare one number per member.
constexpr uint64_t KeyHead(std::string_view key) {
  uint64_t v = 0;
  if (!std::is_constant_evaluated() && key.size() >= 8) {
    std::memcpy(&v, key.data(), 8);
    return __builtin_bswap64(v);
  }
  for (size_t i = 0; i < 8; ++i) {
    v = v << 8 | (i < key.size() ? static_cast<unsigned char>(key[i]) : 0);
  }
  return v;
}

/// The name of an object's member, borrowed: a string literal (every key nianbao's pages
/// set), or a string that outlives every render of the value (a theme's interface
/// strings). Not a temporary: it would dangle. A member was a std::string, copied for
/// every field of every figure (16 bytes and more: an allocation). A literal's KeyHead is
/// worked out by the compiler (consteval: a constexpr constructor was not folded, and a
/// million Sets a build paid the byte loop).
class Key {
 public:
  template <size_t N>
  consteval Key(const char (&literal)[N])  // NOLINT: literals, implicitly
      : text_(literal, N - 1), head_(KeyHead(std::string_view(literal, N - 1))) {}
  Key(const std::string& lasting) : text_(lasting), head_(KeyHead(lasting)) {}  // NOLINT
  Key(const std::string&& temporary) = delete;
  /// Text the caller knows to outlive every render (another member's key, when cloning).
  static Key Lasting(std::string_view text) { return Key(text, KeyHead(text)); }
  constexpr std::string_view view() const { return text_; }
  constexpr uint64_t head() const { return head_; }

 private:
  constexpr Key(std::string_view text, uint64_t head) : text_(text), head_(head) {}
  std::string_view text_;
  uint64_t head_;
};

class Value {
 public:
  struct Member;
  using List = std::vector<Value>;
  using Object = std::vector<Member>;

  /// Null: falsy, renders as nothing.
  Value();
  Value(bool b);  // NOLINT: implicit, like the other scalars
  Value(std::string s);
  Value(std::string_view s);
  Value(const char* s);
  Value(List list);
  Value(Object object);
  ~Value();

  Value(Value&&) noexcept;
  Value& operator=(Value&&) noexcept;
  /// Copying is explicit (Clone), so that a deep copy never happens by accident.
  Value(const Value&) = delete;
  Value& operator=(const Value&) = delete;
  Value Clone() const;

  static Value EmptyList();
  static Value EmptyObject();
  /// An empty list with room for `n` items: no regrowth moving them as they come.
  static Value ListWithRoom(size_t n);
  /// An empty object with room for `n` members (a null value's first Set makes room for
  /// 16: a kilobyte, where a table cell has two members).
  static Value ObjectWithRoom(size_t n);
  /// Borrows `target`, which must outlive every render of this value.
  static Value Ref(const Value& target);
  /// A string borrowed, not copied: `text` must outlive every render of this value (a
  /// name in the catalogue, a theme's string). Most Chinese names are too long for a
  /// string's own buffer, so a copy is an allocation; pages hold thousands of them.
  static Value Borrow(const std::string& text);
  static Value Borrow(const std::string&& text) = delete;  // a temporary would dangle
  /// An object that is only read, its members found through a hash table made here (a
  /// theme's ~150 interface strings). Of two members of one key, either may be found.
  /// Set on it is a misuse.
  static Value Indexed(Object members);

  /// Object: sets `key`; a later Set of the same key wins. Turns a null value into an
  /// object.
  Value& Set(Key key, Value&& value);
  /// Set with the member's value made in its place from `v` (a string, a literal, a
  /// bool): no Value to move and destroy on the way (a million Sets a build).
  template <typename T>
  requires(!std::is_same_v<std::remove_cvref_t<T>, Value> &&
           std::is_constructible_v<Value, T&&>) Value& Set(Key key, T&& v);
  /// List: appends. Turns a null value into a list.
  Value& Push(Value&& value);

  /// The member `key` of an object (after following a Ref), or null.
  const Value* Find(std::string_view key) const { return Find(key, KeyHead(key)); }
  /// Find with the key's KeyHead worked out beforehand (a template's tags).
  const Value* Find(std::string_view key, uint64_t head) const;
  /// False for null, false, "", and an empty list; true otherwise.
  bool Truthy() const;

  bool IsNull() const { return Resolve().v_.index() == 0; }
  const std::string* AsString() const;
  const List* AsList() const { return std::get_if<List>(&Resolve().v_); }
  const Object* AsObject() const;
  const bool* AsBool() const { return std::get_if<bool>(&Resolve().v_); }
  bool IsEmptyList() const;

 private:
  struct Borrowed {
    const Value* target;
  };
  // A read-only object (a theme's ~150 interface strings) with a hash table over its
  // members' first sixteen bytes: many of its keys share their first 8 (compare_…,
  // direction_…), where a binary search compared whole keys at every step.
  struct IndexedTable;
  struct IndexedObject {
    std::unique_ptr<IndexedTable> table;  // a pointer: a Value stays 40 bytes
  };
  // A key's bytes 8 to 16 as KeyHead reads a key (0 for a key of 8 bytes or fewer).
  static uint64_t SecondOf(std::string_view key) {
    return key.size() > 8 ? KeyHead(key.substr(8)) : 0;
  }
  static size_t SlotOf(uint64_t head, uint64_t second, size_t mask) {
    return static_cast<size_t>(((head ^ (second * 0x9E3779B97F4A7C15u)) * 0xC2B2AE3D27D4EB4Fu) >>
                               32) &
           mask;
  }
  struct BorrowedText {
    const std::string* text;
  };
  /// An object's members and a mask of their keys (a bit per key, from its head): most
  /// lookups in a template go up through objects that do not hold the key, and the mask
  /// says so without a scan.
  struct Fields {
    Object members;
    uint64_t mask = 0;
  };
  static uint64_t MaskBit(uint64_t head) {
    return uint64_t{1} << ((head * 0x9E3779B97F4A7C15u) >> 58);
  }
  const Value& Resolve() const;
  // The members of this object for a Set (a null value becomes an empty object first).
  Object& FieldsForSet();

  std::variant<std::monostate, bool, std::string, List, Fields, Borrowed, IndexedObject,
               BorrowedText>
      v_;
};

// Members are defined once Member is complete (clang insists; vectors of it need it).
struct Value::Member {
  Member(Key k, Value&& v) : key(k.view()), value(std::move(v)), head(k.head()) {}
  template <typename T>
  Member(Key k, std::in_place_t, T&& v)
      : key(k.view()), value(std::forward<T>(v)), head(k.head()) {}
  std::string_view key;  // borrowed (Key)
  Value value;
  uint64_t head;  // KeyHead(key)
};

// Defined once Member is complete (clang checks a template's non-dependent code early).
template <typename T>
requires(!std::is_same_v<std::remove_cvref_t<T>, Value> &&
         std::is_constructible_v<Value, T&&>) Value& Value::Set(Key key, T&& v) {
  Object& members = FieldsForSet();
  members.emplace_back(key, std::in_place, std::forward<T>(v));
  std::get<Fields>(v_).mask |= MaskBit(key.head());
  return members.back().value;
}

struct Value::IndexedTable {
  Object members;
  std::vector<uint64_t> seconds;  // SecondOf each member's key
  std::vector<uint32_t> slots;    // member index + 1, 0 for none; a power of two long
};

// Every page holds thousands of values and objects are scanned member by member: their
// size is the cache lines a lookup reads.
static_assert(sizeof(Value) <= 40 && sizeof(Value::Member) <= 64);

inline Value::Value() = default;
inline Value::Value(bool b) : v_(b) {}
inline Value::Value(std::string s) : v_(std::move(s)) {}
inline Value::Value(std::string_view s) : v_(std::string(s)) {}
inline Value::Value(const char* s) : v_(std::string(s)) {}
inline Value::Value(List list) : v_(std::move(list)) {}
inline Value::Value(Object object) {
  Fields f{std::move(object), 0};
  for (const Member& m : f.members) f.mask |= MaskBit(m.head);
  v_ = std::move(f);
}
inline Value::~Value() = default;
inline Value::Value(Value&&) noexcept = default;
inline Value& Value::operator=(Value&&) noexcept = default;
inline Value Value::EmptyList() { return Value(List{}); }
inline Value Value::EmptyObject() { return Value(Object{}); }
inline Value Value::ListWithRoom(size_t n) {
  List list;
  list.reserve(n);
  return Value(std::move(list));
}
inline Value Value::ObjectWithRoom(size_t n) {
  Object members;
  members.reserve(n);
  return Value(std::move(members));
}
inline bool Value::IsEmptyList() const {
  const List* l = AsList();
  return l && l->empty();
}

}  // namespace nianbao::mustache
