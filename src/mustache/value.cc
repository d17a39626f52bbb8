#include "mustache/value.h"

#include <cstring>

namespace nianbao::mustache {

const Value& Value::Resolve() const {
  const Value* v = this;
  while (const Borrowed* b = std::get_if<Borrowed>(&v->v_)) v = b->target;
  return *v;
}

Value Value::Ref(const Value& target) {
  Value v;
  v.v_ = Borrowed{&target.Resolve()};
  return v;
}

Value Value::Borrow(const std::string& text) {
  Value v;
  v.v_ = BorrowedText{&text};
  return v;
}

const std::string* Value::AsString() const {
  const Value& v = Resolve();
  if (const std::string* s = std::get_if<std::string>(&v.v_)) return s;
  if (const BorrowedText* b = std::get_if<BorrowedText>(&v.v_)) return b->text;
  return nullptr;
}

Value Value::Indexed(Object members) {
  auto table = std::make_unique<IndexedTable>();
  IndexedTable& indexed = *table;
  indexed.members = std::move(members);
  size_t size = 16;
  while (size < indexed.members.size() * 2) size *= 2;
  indexed.slots.assign(size, 0);
  for (size_t i = 0; i < indexed.members.size(); ++i) {
    const Member& m = indexed.members[i];
    indexed.seconds.push_back(SecondOf(m.key));
    size_t h = SlotOf(m.head, indexed.seconds.back(), size - 1);
    while (indexed.slots[h] != 0) h = (h + 1) & (size - 1);
    indexed.slots[h] = static_cast<uint32_t>(i + 1);
  }
  Value v;
  v.v_ = IndexedObject{std::move(table)};
  return v;
}

const Value::Object* Value::AsObject() const {
  const Value& v = Resolve();
  if (const Fields* o = std::get_if<Fields>(&v.v_)) return &o->members;
  if (const IndexedObject* s = std::get_if<IndexedObject>(&v.v_)) return &s->table->members;
  return nullptr;
}

Value Value::Clone() const {
  Value out;
  switch (v_.index()) {
    case 0:
      break;
    case 1:
      out.v_ = std::get<bool>(v_);
      break;
    case 2:
      out.v_ = std::get<std::string>(v_);
      break;
    case 3: {
      List list;
      list.reserve(std::get<List>(v_).size());
      for (const Value& item : std::get<List>(v_)) list.push_back(item.Clone());
      out.v_ = std::move(list);
      break;
    }
    case 4: {
      const Fields& from = std::get<Fields>(v_);
      Fields object{{}, from.mask};
      object.members.reserve(from.members.size());
      for (const Member& m : from.members)
        object.members.push_back({Key::Lasting(m.key), m.value.Clone()});
      out.v_ = std::move(object);
      break;
    }
    case 5:
      out.v_ = std::get<Borrowed>(v_);
      break;
    case 7:
      out.v_ = std::get<BorrowedText>(v_);
      break;
    default: {
      Object object;
      for (const Member& m : std::get<IndexedObject>(v_).table->members) {
        object.push_back({Key::Lasting(m.key), m.value.Clone()});
      }
      out = Indexed(std::move(object));
    }
  }
  return out;
}

// Appends without looking for an earlier member of that name: Find searches from the
// back, so the last Set of a key wins, as if it had replaced the first.
Value::Object& Value::FieldsForSet() {
  if (v_.index() == 0) {
    v_ = Fields{};
    // Page objects have up to ~25 members (a figure), cells two: a regrowth moves every
    // member, an unused slot costs nothing but address space.
    std::get<Fields>(v_).members.reserve(16);
  }
  return std::get<Fields>(v_).members;  // throws bad_variant_access on misuse
}

Value& Value::Set(Key key, Value&& value) {
  Object& members = FieldsForSet();
  members.emplace_back(key, std::move(value));
  std::get<Fields>(v_).mask |= MaskBit(key.head());
  return members.back().value;
}

Value& Value::Push(Value&& value) {
  if (v_.index() == 0) v_ = List{};
  List& list = std::get<List>(v_);
  list.push_back(std::move(value));
  return list.back();
}

const Value* Value::Find(std::string_view key, uint64_t head) const {
  const Value& v = Resolve();
  if (const IndexedObject* object = std::get_if<IndexedObject>(&v.v_)) {
    const IndexedTable* indexed = object->table.get();
    const uint64_t second = SecondOf(key);
    const size_t mask = indexed->slots.size() - 1;
    for (size_t h = SlotOf(head, second, mask); indexed->slots[h] != 0; h = (h + 1) & mask) {
      const size_t i = indexed->slots[h] - 1;
      const Member& m = indexed->members[i];
      if (m.head == head && indexed->seconds[i] == second && m.key.size() == key.size() &&
          (key.size() <= 16 ||
           std::memcmp(m.key.data() + 16, key.data() + 16, key.size() - 16) == 0)) {
        return &m.value;
      }
    }
    return nullptr;
  }
  const Fields* fields = std::get_if<Fields>(&v.v_);
  if (!fields || !(fields->mask & MaskBit(head))) return nullptr;
  // One number per member; the rest of a key longer than 8 bytes only when that matches.
  const Object* object = &fields->members;
  for (auto it = object->rbegin(); it != object->rend(); ++it) {
    if (it->head == head && it->key.size() == key.size() &&
        (key.size() <= 8 || std::memcmp(it->key.data() + 8, key.data() + 8, key.size() - 8) == 0)) {
      return &it->value;
    }
  }
  return nullptr;
}

bool Value::Truthy() const {
  const Value& v = Resolve();
  switch (v.v_.index()) {
    case 0:
      return false;
    case 1:
      return std::get<bool>(v.v_);
    case 2:
      return !std::get<std::string>(v.v_).empty();
    case 3:
      return !std::get<List>(v.v_).empty();
    case 7:
      return !std::get<BorrowedText>(v.v_).text->empty();
    default:
      return true;
  }
}

}  // namespace nianbao::mustache
