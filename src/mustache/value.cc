#include "mustache/value.h"

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
      Object object;
      object.reserve(std::get<Object>(v_).size());
      for (const Member& m : std::get<Object>(v_)) object.push_back({m.key, m.value.Clone()});
      out.v_ = std::move(object);
      break;
    }
    default:
      out.v_ = std::get<Borrowed>(v_);
  }
  return out;
}

Value& Value::Set(std::string_view key, Value value) {
  if (v_.index() == 0) {
    v_ = Object{};
    std::get<Object>(v_).reserve(8);  // most objects have a few members: fewer regrowths
  }
  Object& object = std::get<Object>(v_);  // throws bad_variant_access on misuse
  for (Member& m : object) {
    if (m.key == key) {
      m.value = std::move(value);
      return m.value;
    }
  }
  object.push_back({std::string(key), std::move(value)});
  return object.back().value;
}

Value& Value::Push(Value value) {
  if (v_.index() == 0) v_ = List{};
  List& list = std::get<List>(v_);
  list.push_back(std::move(value));
  return list.back();
}

const Value* Value::Find(std::string_view key) const {
  const Object* object = AsObject();
  if (!object) return nullptr;
  for (const Member& m : *object) {
    if (m.key == key) return &m.value;
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
    default:
      return true;
  }
}

}  // namespace nianbao::mustache
