#include "AuditProtocol.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <sstream>

namespace practica::sync {

using core::ErrorCode;
using core::fail;
using core::Result;
using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

std::string stringify(const Object& o)
{
    std::ostringstream out;
    o.stringify(out);
    return out.str();
}

Result<Object::Ptr> parseObject(const std::string& body)
{
    try {
        Poco::JSON::Parser parser;
        Poco::Dynamic::Var v = parser.parse(body);
        if (v.type() != typeid(Object::Ptr))
            return fail(ErrorCode::ProtocolError, "body", "not a JSON object");
        return v.extract<Object::Ptr>();
    } catch (const Poco::Exception& e) {
        return fail(ErrorCode::ProtocolError, "body", e.displayText());
    }
}

bool readText(const Object::Ptr& o, const std::string& key, std::string& out)
{
    if (!o->has(key) || !o->get(key).isString())
        return false;
    out = o->getValue<std::string>(key);
    return true;
}

bool readInteger(const Object::Ptr& o, const std::string& key, std::int64_t& out)
{
    if (!o->has(key) || !o->get(key).isInteger())
        return false;
    out = o->get(key).convert<std::int64_t>();
    return true;
}

Result<core::AuditEvent> eventFromJson(const Poco::Dynamic::Var& v, std::size_t index)
{
    const std::string where = "events[" + std::to_string(index) + "]";
    if (v.type() != typeid(Object::Ptr))
        return fail(ErrorCode::ProtocolError, where, "not an object");
    const auto o = v.extract<Object::Ptr>();
    core::AuditEvent e;
    const std::pair<const char*, std::string*> texts[] = {
        {"id", &e.id},           {"user_id", &e.userId},     {"username", &e.username}, {"role", &e.role},
        {"device", &e.deviceId}, {"action", &e.action},      {"entity", &e.entity},     {"record", &e.recordId},
        {"detail", &e.detail},   {"prev_hash", &e.prevHash}, {"hash", &e.hash}};
    for (const auto& [key, target] : texts)
        if (!readText(o, key, *target))
            return fail(ErrorCode::ProtocolError, where + "." + key, "missing or not a string");
    if (!readInteger(o, "seq", e.seq) || e.seq < 1)
        return fail(ErrorCode::ProtocolError, where + ".seq", "missing or not a positive integer");
    if (!readInteger(o, "at", e.atMs))
        return fail(ErrorCode::ProtocolError, where + ".at", "missing or not an integer");
    return e;
}

Object::Ptr eventToJson(const core::AuditEvent& e)
{
    Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("seq", e.seq);
    o->set("id", e.id);
    o->set("at", e.atMs);
    o->set("user_id", e.userId);
    o->set("username", e.username);
    o->set("role", e.role);
    o->set("device", e.deviceId);
    o->set("action", e.action);
    o->set("entity", e.entity);
    o->set("record", e.recordId);
    o->set("detail", e.detail);
    o->set("prev_hash", e.prevHash);
    o->set("hash", e.hash);
    return o;
}

} // namespace

std::string encodeAuditEvent(const core::AuditEvent& event)
{
    return stringify(*eventToJson(event));
}

Result<core::AuditEvent> decodeAuditEvent(const std::string& json)
{
    auto root = parseObject(json);
    if (!root)
        return std::unexpected(root.error());
    return eventFromJson(Poco::Dynamic::Var(*root), 0);
}

std::string encodeAuditPush(const AuditPushRequest& request)
{
    Object root(Poco::JSON_PRESERVE_KEY_ORDER);
    Array::Ptr events = new Array;
    for (const auto& e : request.events)
        events->add(eventToJson(e));
    root.set("events", events);
    return stringify(root);
}

Result<AuditPushRequest> decodeAuditPush(const std::string& body)
{
    auto root = parseObject(body);
    if (!root)
        return std::unexpected(root.error());
    Array::Ptr events = (*root)->getArray("events");
    if (!events)
        return fail(ErrorCode::ProtocolError, "events", "missing or not an array");
    if (events->size() > static_cast<std::size_t>(kMaxAuditEvents))
        return fail(ErrorCode::Validation, "events", core::Rule::TooLarge, {{"max", std::to_string(kMaxAuditEvents)}});
    AuditPushRequest request;
    request.events.reserve(events->size());
    for (std::size_t i = 0; i < events->size(); ++i) {
        auto e = eventFromJson(events->get(static_cast<unsigned>(i)), i);
        if (!e)
            return std::unexpected(e.error());
        request.events.push_back(std::move(*e));
    }
    return request;
}

std::string encodeAuditPushResponse(const AuditPushResponse& response)
{
    Object root(Poco::JSON_PRESERVE_KEY_ORDER);
    root.set("acknowledged", response.acknowledged);
    Array::Ptr findings = new Array;
    for (const auto& f : response.findings) {
        Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
        o->set("seq", f.seq);
        o->set("problem", f.problem);
        findings->add(o);
    }
    root.set("findings", findings);
    return stringify(root);
}

Result<AuditPushResponse> decodeAuditPushResponse(const std::string& body)
{
    auto root = parseObject(body);
    if (!root)
        return std::unexpected(root.error());
    AuditPushResponse response;
    if (!readInteger(*root, "acknowledged", response.acknowledged))
        return fail(ErrorCode::ProtocolError, "acknowledged", "missing or not an integer");
    try {
        if (Array::Ptr findings = (*root)->getArray("findings"))
            for (std::size_t i = 0; i < findings->size(); ++i) {
                Object::Ptr o = findings->getObject(static_cast<unsigned>(i));
                AuditProblemNote note;
                if (!o || !readInteger(o, "seq", note.seq) || !readText(o, "problem", note.problem))
                    return fail(ErrorCode::ProtocolError, "findings", "malformed");
                response.findings.push_back(std::move(note));
            }
    } catch (const Poco::Exception& e) {
        return fail(ErrorCode::ProtocolError, "findings", e.displayText());
    }
    return response;
}

} // namespace practica::sync
