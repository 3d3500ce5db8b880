#include "RecordType.h"

#include <algorithm>

namespace practica::core {

std::string_view recordOpName(RecordOp op)
{
    switch (op) {
    case RecordOp::Create:
        return "create";
    case RecordOp::Edit:
        return "edit";
    case RecordOp::Delete:
        return "delete";
    }
    return "edit";
}

const FieldRule* RecordType::field(std::string_view fieldName) const
{
    auto it = std::find_if(fields.begin(), fields.end(), [&](const FieldRule& f) { return f.name == fieldName; });
    return it == fields.end() ? nullptr : &*it;
}

bool RecordType::readableBy(Role role) const
{
    return !read || roleAllows(role, *read);
}

bool RecordType::fieldReadableBy(Role role, std::string_view fieldName) const
{
    if (!readableBy(role))
        return false;
    for (const ReadGuard& g : readGuarded)
        if (g.field == fieldName && !roleAllows(role, g.permission))
            return false;
    return true;
}

RecordTypes RecordTypes::builtIn()
{
    RecordTypes types;
    addClinicRecordTypes(types);
    addUserRecordTypes(types);
    addPatientRecordTypes(types);
    addScheduleRecordTypes(types);
    addSecondFactorRecordTypes(types);
    return types;
}

const RecordType* RecordTypes::find(std::string_view name) const&
{
    auto it = std::find_if(m_types.begin(), m_types.end(), [&](const RecordType& t) { return t.name == name; });
    return it == m_types.end() ? nullptr : &*it;
}

void RecordTypes::add(RecordType type)
{
    for (RecordType& t : m_types)
        if (t.name == type.name) {
            t = std::move(type);
            return;
        }
    m_types.push_back(std::move(type));
}

} // namespace practica::core
