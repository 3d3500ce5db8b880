#include "SyncChange.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <sstream>

namespace practica::core {

std::string fieldsToJson(const std::vector<FieldValue>& fields)
{
    // Every field of one change carries the change's HLC (the outbox row's hlc column), so the
    // stamp is stored once per change rather than once per field.
    Poco::JSON::Object root(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const FieldValue& f : fields) {
        if (f.value)
            root.set(f.name, *f.value);
        else
            root.set(f.name, Poco::Dynamic::Var());
    }
    std::ostringstream out;
    root.stringify(out);
    return out.str();
}

std::optional<std::vector<FieldValue>> fieldsFromJson(const std::string& json)
{
    try {
        Poco::JSON::Parser parser;
        auto root = parser.parse(json).extract<Poco::JSON::Object::Ptr>();
        if (!root)
            return std::nullopt;
        std::vector<FieldValue> out;
        for (const auto& [name, value] : *root) {
            if (value.isEmpty())
                out.push_back({name, std::nullopt});
            else if (value.isString())
                out.push_back({name, value.extract<std::string>()});
            else
                return std::nullopt;
        }
        return out;
    } catch (const Poco::Exception&) {
        return std::nullopt;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

std::map<std::string, std::string> parseFieldStamps(const std::string& json)
{
    std::map<std::string, std::string> out;
    try {
        Poco::JSON::Parser parser;
        auto root = parser.parse(json.empty() ? "{}" : json).extract<Poco::JSON::Object::Ptr>();
        for (const auto& [k, v] : *root)
            if (v.isString())
                out[k] = v.extract<std::string>();
    } catch (const Poco::Exception&) {
    }
    return out;
}

// Field names are identifiers and stamps are HLC text, so nothing needs escaping; written by hand
// because a first sync writes this for every row.
std::string fieldStampsToJson(const std::map<std::string, std::string>& stamps)
{
    std::string out = "{";
    for (const auto& [k, v] : stamps) {
        if (out.size() > 1)
            out += ',';
        out.append("\"").append(k).append("\":\"").append(v).append("\"");
    }
    return out + "}";
}

std::vector<FieldLoss> mergeChange(SyncRow& row, const SyncChange& change)
{
    std::vector<FieldLoss> losses;
    if (change.deleted) {
        if (!row.deletedHlc || *row.deletedHlc < change.hlc)
            row.deletedHlc = change.hlc;
        return losses;
    }
    for (const SyncField& f : change.fields) {
        auto stamp = row.fieldHlc.find(f.name);
        if (stamp != row.fieldHlc.end() && stamp->second >= change.hlc) {
            if (stamp->second != change.hlc)
                losses.push_back({f.name, f.value, change.hlc});
            continue;
        }
        if (stamp != row.fieldHlc.end()) {
            auto old = row.values.find(f.name);
            losses.push_back({f.name, old == row.values.end() ? std::nullopt : old->second, stamp->second});
        }
        row.values[f.name] = f.value;
        row.fieldHlc[f.name] = change.hlc;
    }
    return losses;
}

bool SyncRow::isDeleted() const
{
    if (!deletedHlc)
        return false;
    for (const auto& [name, stamp] : fieldHlc)
        if (stamp > *deletedHlc)
            return false;
    // Fields without a stamp of their own carry the creation stamp.
    if (createdHlc && *createdHlc > *deletedHlc && values.size() > fieldHlc.size())
        for (const auto& [name, value] : values)
            if (!fieldHlc.contains(name))
                return false;
    return true;
}

void SyncRow::fillStamps()
{
    if (!createdHlc || values.size() == fieldHlc.size())
        return;
    for (const auto& [name, value] : values)
        fieldHlc.try_emplace(name, *createdHlc);
}

bool SyncRow::stampIsImplied(const std::string& field, const std::string& stamp) const
{
    return createdHlc && stamp == *createdHlc && values.contains(field);
}

} // namespace practica::core
