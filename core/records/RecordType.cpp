#include "RecordType.h"

#include "core/crypto/Sha256.h"

#include <algorithm>
#include <sodium.h>

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

std::string signedContentHash(const SignRule& rule, std::string_view entity, std::string_view rowId,
                              const std::function<std::optional<std::string>(const std::string&)>& valueOf)
{
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    const auto feed = [&](std::string_view bytes) {
        const std::string length = std::to_string(bytes.size()) + ":";
        crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(length.data()), length.size());
        crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    };
    feed("practica-signed-content-v1");
    feed(entity);
    feed(rowId);
    for (const std::string& field : rule.contentFields) {
        feed(field);
        const auto value = valueOf(field);
        feed(value ? "+" + *value : std::string("-")); // absent and empty differ
    }
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&state, digest);
    return lowerHex(digest);
}

RecordTypes RecordTypes::builtIn()
{
    RecordTypes types;
    addClinicRecordTypes(types);
    addUserRecordTypes(types);
    addPatientRecordTypes(types);
    addScheduleRecordTypes(types);
    addSecondFactorRecordTypes(types);
    addChartRecordTypes(types);
    addBillingRecordTypes(types);
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
