#include "Protocol.h"

#include "PullPageReader.h"

#include <Poco/DeflatingStream.h>
#include <Poco/InflatingStream.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <cstdio>
#include <sstream>

namespace practica::sync {

using core::ErrorCode;
using core::fail;
using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

std::string stringify(const Object& o)
{
    std::ostringstream out;
    o.stringify(out);
    return out.str();
}

Object::Ptr parseObject(const std::string& body)
{
    Poco::JSON::Parser parser;
    return parser.parse(body).extract<Object::Ptr>();
}

// Typed readers that fail with the field's name instead of throwing Poco's BadCast.
struct Reader
{
    const Object::Ptr& o;
    std::string where;

    Result<std::string> text(const std::string& key) const
    {
        if (!o->has(key) || !o->get(key).isString())
            return fail(ErrorCode::ProtocolError, where + "." + key, "missing or not a string");
        return o->getValue<std::string>(key);
    }
    Result<std::optional<std::string>> optionalText(const std::string& key) const
    {
        if (!o->has(key) || o->isNull(key))
            return std::optional<std::string>{};
        return text(key);
    }
    Result<std::int64_t> integer(const std::string& key, std::int64_t fallback) const
    {
        if (!o->has(key))
            return fallback;
        const auto& v = o->get(key);
        if (!v.isInteger())
            return fail(ErrorCode::ProtocolError, where + "." + key, "not an integer");
        return v.convert<std::int64_t>();
    }
    Result<Array::Ptr> array(const std::string& key) const
    {
        Array::Ptr a = o->getArray(key);
        if (!a)
            return fail(ErrorCode::ProtocolError, where + "." + key, "missing or not an array");
        return a;
    }
};

Object::Ptr changeToJson(const SyncChange& c, bool withOrigin)
{
    Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("id", c.id);
    o->set("entity", c.entity);
    o->set("row", c.rowId);
    o->set("op", c.deleted ? "delete" : "upsert");
    o->set("hlc", c.hlc);
    if (c.baseHlc)
        o->set("base", *c.baseHlc);
    else
        o->set("base", Poco::Dynamic::Var());
    Object::Ptr fields = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const auto& f : c.fields) {
        if (f.value)
            fields->set(f.name, *f.value);
        else
            fields->set(f.name, Poco::Dynamic::Var());
    }
    o->set("fields", fields);
    if (!withOrigin && !c.signature.empty()) {
        o->set("signed_by", c.signedBy);
        o->set("signature", c.signature);
    }
    if (withOrigin) {
        o->set("seq", c.seq);
        o->set("device", c.deviceId);
        o->set("author_id", c.authorId);
        o->set("author", c.author);
    }
    return o;
}

Result<SyncChange> changeFromJson(const Poco::Dynamic::Var& var, std::size_t index, bool withOrigin)
{
    const std::string where = "changes[" + std::to_string(index) + "]";
    if (var.type() != typeid(Object::Ptr))
        return fail(ErrorCode::ProtocolError, where, "not an object");
    Object::Ptr o = var.extract<Object::Ptr>();
    Reader r{o, where};
    SyncChange c;
    auto id = r.text("id");
    auto entity = r.text("entity");
    auto row = r.text("row");
    auto op = r.text("op");
    auto hlc = r.text("hlc");
    auto base = r.optionalText("base");
    for (const auto* e : {&id, &entity, &row, &op, &hlc})
        if (!*e)
            return std::unexpected(e->error());
    if (!base)
        return std::unexpected(base.error());
    if (*op != "upsert" && *op != "delete")
        return fail(ErrorCode::ProtocolError, where + ".op", "neither upsert nor delete");
    if (!isIdentifier(*entity))
        return fail(ErrorCode::ProtocolError, where + ".entity", "not a table name");
    if (id->empty() || id->size() > 64 || row->empty() || row->size() > 64 || hlc->size() > 128)
        return fail(ErrorCode::ProtocolError, where, "id, row or hlc has the wrong length");
    c.id = *id;
    c.entity = *entity;
    c.rowId = *row;
    c.deleted = *op == "delete";
    c.hlc = *hlc;
    c.baseHlc = *base;
    Object::Ptr fields = o->getObject("fields");
    if (!fields)
        return fail(ErrorCode::ProtocolError, where + ".fields", "missing or not an object");
    if (fields->size() > static_cast<std::size_t>(kMaxFieldsPerChange))
        return fail(ErrorCode::ProtocolError, where + ".fields", "too many fields");
    for (const auto& [name, value] : *fields) {
        if (!isIdentifier(name) || name == "id")
            return fail(ErrorCode::ProtocolError, where + ".fields." + name, "not a field name");
        if (value.isEmpty()) {
            c.fields.push_back({name, std::nullopt});
            continue;
        }
        if (!value.isString())
            return fail(ErrorCode::ProtocolError, where + ".fields." + name, "values are strings or null");
        std::string text = value.extract<std::string>();
        if (text.size() > kMaxFieldBytes)
            return fail(ErrorCode::ProtocolError, where + ".fields." + name, "value too long");
        c.fields.push_back({name, std::move(text)});
    }
    if (!withOrigin) {
        // Older workstations sign nothing (ChangeSignature.h).
        auto signedBy = r.optionalText("signed_by");
        auto signature = r.optionalText("signature");
        if (!signedBy || !signature)
            return fail(ErrorCode::ProtocolError, where + ".signature", "not a string");
        c.signedBy = signedBy->value_or("");
        c.signature = signature->value_or("");
        if (c.signedBy.size() > 128 || c.signature.size() > 128 || c.signedBy.empty() != c.signature.empty())
            return fail(ErrorCode::ProtocolError, where + ".signature", "a signature names its signer");
    }
    if (withOrigin) {
        auto seq = r.integer("seq", 0);
        auto device = r.text("device");
        if (!seq)
            return std::unexpected(seq.error());
        if (!device)
            return std::unexpected(device.error());
        c.seq = *seq;
        c.deviceId = *device;
        // Servers before authors were kept send none.
        auto authorId = r.optionalText("author_id");
        auto author = r.optionalText("author");
        if (!authorId || !author)
            return fail(ErrorCode::ProtocolError, where + ".author", "not a string");
        c.authorId = authorId->value_or("");
        c.author = author->value_or("");
    }
    return c;
}

Object::Ptr rowToJson(const SyncRow& row)
{
    Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("entity", row.entity);
    o->set("row", row.rowId);
    Object::Ptr values = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const auto& [k, v] : row.values) {
        if (v)
            values->set(k, *v);
        else
            values->set(k, Poco::Dynamic::Var());
    }
    Object::Ptr stamps = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const auto& [k, v] : row.fieldHlc)
        if (!row.stampIsImplied(k, v))
            stamps->set(k, v);
    o->set("values", values);
    o->set("field_hlc", stamps);
    if (row.deletedHlc)
        o->set("deleted_hlc", *row.deletedHlc);
    else
        o->set("deleted_hlc", Poco::Dynamic::Var());
    if (row.createdHlc)
        o->set("created_hlc", *row.createdHlc);
    return o;
}

Result<SyncRow> rowFromJson(const Object::Ptr& o)
{
    Reader r{o, "row"};
    auto entity = r.text("entity");
    auto id = r.text("row");
    auto deleted = r.optionalText("deleted_hlc");
    auto created = r.optionalText("created_hlc");
    if (!created)
        return std::unexpected(created.error());
    if (!entity)
        return std::unexpected(entity.error());
    if (!id)
        return std::unexpected(id.error());
    if (!deleted)
        return std::unexpected(deleted.error());
    SyncRow row;
    row.entity = *entity;
    row.rowId = *id;
    row.deletedHlc = *deleted;
    row.createdHlc = *created;
    Object::Ptr values = o->getObject("values");
    Object::Ptr stamps = o->getObject("field_hlc");
    if (!values || !stamps)
        return fail(ErrorCode::ProtocolError, "row.values", "missing");
    for (const auto& [k, v] : *values) {
        if (v.isEmpty())
            row.values[k] = std::nullopt;
        else if (v.isString())
            row.values[k] = v.extract<std::string>();
        else
            return fail(ErrorCode::ProtocolError, "row.values." + k, "values are strings or null");
    }
    for (const auto& [k, v] : *stamps) {
        if (!v.isString())
            return fail(ErrorCode::ProtocolError, "row.field_hlc." + k, "not a string");
        row.fieldHlc[k] = v.extract<std::string>();
    }
    row.fillStamps();
    return row;
}

template <class Fn> auto guarded(const std::string& body, Fn&& fn) -> decltype(fn(Object::Ptr{}))
{
    try {
        Object::Ptr root = parseObject(body);
        if (!root)
            return fail(ErrorCode::ProtocolError, "body", "not a JSON object");
        return fn(root);
    } catch (const Poco::Exception& e) {
        return fail(ErrorCode::ProtocolError, "body", e.displayText());
    } catch (const std::exception& e) {
        return fail(ErrorCode::ProtocolError, "body", e.what());
    }
}

} // namespace

std::string_view outcomeName(PushOutcome outcome)
{
    switch (outcome) {
    case PushOutcome::Applied:
        return "applied";
    case PushOutcome::Duplicate:
        return "duplicate";
    case PushOutcome::Conflict:
        return "conflict";
    }
    return "conflict";
}

bool isIdentifier(const std::string& name)
{
    if (name.empty() || name.size() > 63 || name[0] < 'a' || name[0] > 'z')
        return false;
    for (char ch : name)
        if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_'))
            return false;
    return true;
}

std::string encodePush(const PushRequest& request)
{
    Object root(Poco::JSON_PRESERVE_KEY_ORDER);
    root.set("protocol", kProtocolVersion);
    root.set("device", request.deviceId);
    Array::Ptr changes = new Array;
    for (const auto& c : request.changes)
        changes->add(changeToJson(c, false));
    root.set("changes", changes);
    return stringify(root);
}

Result<PushRequest> decodePush(const std::string& body)
{
    return guarded(body, [](const Object::Ptr& root) -> Result<PushRequest> {
        Reader r{root, "push"};
        PushRequest req;
        auto device = r.text("device");
        auto changes = r.array("changes");
        if (!device)
            return std::unexpected(device.error());
        if (!changes)
            return std::unexpected(changes.error());
        if ((*changes)->size() > static_cast<std::size_t>(kMaxPushChanges))
            return fail(ErrorCode::Validation, "changes", core::Rule::TooLarge);
        req.deviceId = *device;
        req.changes.reserve((*changes)->size());
        for (std::size_t i = 0; i < (*changes)->size(); ++i) {
            auto c = changeFromJson((*changes)->get(static_cast<unsigned>(i)), i, false);
            if (!c)
                return std::unexpected(c.error());
            c->deviceId = req.deviceId;
            req.changes.push_back(std::move(*c));
        }
        return req;
    });
}

std::string encodePushResponse(const PushResponse& response)
{
    Object root(Poco::JSON_PRESERVE_KEY_ORDER);
    root.set("protocol", kProtocolVersion);
    Array::Ptr results = new Array;
    for (const auto& r : response.results) {
        Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
        o->set("id", r.changeId);
        o->set("outcome", std::string(outcomeName(r.outcome)));
        if (r.outcome != PushOutcome::Conflict)
            o->set("seq", r.seq);
        if (r.outcome == PushOutcome::Conflict || !r.params.empty()) {
            // A conflict's particulars; for an applied change, how the server redirected it.
            Object::Ptr params = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
            for (const auto& [k, v] : r.params)
                params->set(k, v);
            o->set("params", params);
        }
        if (r.outcome == PushOutcome::Conflict) {
            o->set("code", r.conflictCode);
            o->set("reason", r.reason);
            if (r.current)
                o->set("current", rowToJson(*r.current));
        }
        results->add(o);
    }
    root.set("results", results);
    root.set("highest_seq", response.highestSeq);
    return stringify(root);
}

Result<PushResponse> decodePushResponse(const std::string& body)
{
    return guarded(body, [](const Object::Ptr& root) -> Result<PushResponse> {
        Reader r{root, "push_response"};
        auto results = r.array("results");
        auto highest = r.integer("highest_seq", 0);
        if (!results)
            return std::unexpected(results.error());
        if (!highest)
            return std::unexpected(highest.error());
        PushResponse resp;
        resp.highestSeq = *highest;
        for (std::size_t i = 0; i < (*results)->size(); ++i) {
            Object::Ptr o = (*results)->getObject(static_cast<unsigned>(i));
            if (!o)
                return fail(ErrorCode::ProtocolError, "results", "not an object");
            Reader item{o, "results[" + std::to_string(i) + "]"};
            auto id = item.text("id");
            auto outcome = item.text("outcome");
            auto seq = item.integer("seq", 0);
            if (!id || !outcome || !seq)
                return fail(ErrorCode::ProtocolError, item.where, "incomplete result");
            PushResult pr;
            pr.changeId = *id;
            pr.seq = *seq;
            if (*outcome == "applied")
                pr.outcome = PushOutcome::Applied;
            else if (*outcome == "duplicate")
                pr.outcome = PushOutcome::Duplicate;
            else if (*outcome == "conflict")
                pr.outcome = PushOutcome::Conflict;
            else
                return fail(ErrorCode::ProtocolError, item.where + ".outcome", *outcome);
            // Servers before typed refusals send a conflict's reason alone.
            if (Object::Ptr params = o->getObject("params"))
                for (const auto& [k, v] : *params) {
                    if (!v.isString())
                        return fail(ErrorCode::ProtocolError, item.where + ".params." + k, "not a string");
                    pr.params[k] = v.extract<std::string>();
                }
            if (pr.outcome == PushOutcome::Conflict) {
                pr.conflictCode = item.text("code").value_or("conflict");
                pr.reason = item.text("reason").value_or("");
                if (Object::Ptr current = o->getObject("current")) {
                    auto row = rowFromJson(current);
                    if (!row)
                        return std::unexpected(row.error());
                    pr.current = std::move(*row);
                }
            }
            resp.results.push_back(std::move(pr));
        }
        return resp;
    });
}

namespace {

void appendJsonString(std::string& out, const std::string& text)
{
    out.push_back('"');
    for (unsigned char ch : text) {
        switch (ch) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
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
        default:
            if (ch < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", ch);
                out += buf;
            } else {
                out.push_back(static_cast<char>(ch));
            }
        }
    }
    out.push_back('"');
}

} // namespace

// Written by hand rather than through Poco's object model: a page carries thousands of changes whose
// field objects are passed through as the store keeps them.
std::string encodePull(const PullResponse& response)
{
    std::string out;
    out.reserve(256 + response.changes.size() * 512);
    out += "{\"protocol\":" + std::to_string(kProtocolVersion) + ",\"changes\":[";
    bool first = true;
    for (const auto& c : response.changes) {
        out += first ? "{\"id\":" : ",{\"id\":";
        first = false;
        appendJsonString(out, c.id);
        out += ",\"entity\":";
        appendJsonString(out, c.entity);
        out += ",\"row\":";
        appendJsonString(out, c.rowId);
        out += c.deleted ? ",\"op\":\"delete\",\"hlc\":" : ",\"op\":\"upsert\",\"hlc\":";
        appendJsonString(out, c.hlc);
        out += ",\"base\":";
        if (c.baseHlc)
            appendJsonString(out, *c.baseHlc);
        else
            out += "null";
        out += ",\"fields\":";
        out += c.fieldsJson.empty() ? encodeFields(c.fields) : c.fieldsJson;
        out += ",\"seq\":" + std::to_string(c.seq) + ",\"device\":";
        appendJsonString(out, c.deviceId);
        out += ",\"author_id\":";
        appendJsonString(out, c.authorId);
        out += ",\"author\":";
        appendJsonString(out, c.author);
        out += "}";
    }
    out += "],\"next\":" + std::to_string(response.next) + ",\"more\":" + (response.more ? "true" : "false") +
           ",\"highest_seq\":" + std::to_string(response.highestSeq) + ",\"scope\":";
    appendJsonString(out, response.scope);
    out += "}";
    return out;
}

Result<PullResponse> decodePull(const std::string& body)
{
    return readPullPage(body);
}

std::string encodeSnapshotStart(const SnapshotStart& start)
{
    Object root(Poco::JSON_PRESERVE_KEY_ORDER);
    root.set("protocol", kProtocolVersion);
    root.set("seq", start.seq);
    Object::Ptr rows = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const auto& [entity, count] : start.rows)
        rows->set(entity, count);
    root.set("rows", rows);
    root.set("scope", start.scope);
    return stringify(root);
}

Result<SnapshotStart> decodeSnapshotStart(const std::string& body)
{
    return guarded(body, [](const Object::Ptr& root) -> Result<SnapshotStart> {
        Reader r{root, "snapshot"};
        auto seq = r.integer("seq", -1);
        auto scope = r.text("scope");
        if (!seq || *seq < 0)
            return fail(ErrorCode::ProtocolError, "snapshot.seq", "missing or not an integer");
        if (!scope)
            return std::unexpected(scope.error());
        Object::Ptr rows = root->getObject("rows");
        if (!rows)
            return fail(ErrorCode::ProtocolError, "snapshot.rows", "missing or not an object");
        SnapshotStart start;
        start.seq = *seq;
        start.scope = *scope;
        for (const auto& [entity, count] : *rows) {
            if (!isIdentifier(entity) || !count.isInteger())
                return fail(ErrorCode::ProtocolError, "snapshot.rows." + entity, "not a count of a record type");
            start.rows[entity] = count.convert<std::int64_t>();
        }
        return start;
    });
}

// By hand, as a pull page: a page carries thousands of rows.
std::string encodeSnapshotPage(const SnapshotPage& page)
{
    std::string out;
    out.reserve(256 + page.rows.size() * 768);
    out += "{\"protocol\":" + std::to_string(kProtocolVersion) + ",\"entity\":";
    appendJsonString(out, page.entity);
    out += ",\"rows\":[";
    bool first = true;
    for (const SyncRow& row : page.rows) {
        out += first ? "{\"row\":" : ",{\"row\":";
        first = false;
        appendJsonString(out, row.rowId);
        out += ",\"values\":{";
        bool firstValue = true;
        for (const auto& [name, value] : row.values) {
            if (!firstValue)
                out.push_back(',');
            firstValue = false;
            appendJsonString(out, name);
            out.push_back(':');
            if (value)
                appendJsonString(out, *value);
            else
                out += "null";
        }
        out += "},\"field_hlc\":{";
        bool firstStamp = true;
        for (const auto& [name, stamp] : row.fieldHlc) {
            if (row.stampIsImplied(name, stamp))
                continue;
            if (!firstStamp)
                out.push_back(',');
            firstStamp = false;
            appendJsonString(out, name);
            out.push_back(':');
            appendJsonString(out, stamp);
        }
        out += "}";
        if (row.deletedHlc) {
            out += ",\"deleted_hlc\":";
            appendJsonString(out, *row.deletedHlc);
        }
        if (row.createdHlc) {
            out += ",\"created_hlc\":";
            appendJsonString(out, *row.createdHlc);
        }
        out += "}";
    }
    for (const std::string& doc : page.rowsJson) {
        if (!first)
            out.push_back(',');
        first = false;
        out += doc;
    }
    out += "],\"after\":";
    appendJsonString(out, page.after);
    out += ",\"more\":";
    out += page.more ? "true" : "false";
    out += ",\"scope\":";
    appendJsonString(out, page.scope);
    out += "}";
    return out;
}

Result<SnapshotPage> decodeSnapshotPage(const std::string& body)
{
    return readSnapshotPage(body);
}

std::string encodeFields(const std::vector<core::SyncField>& fields)
{
    return core::fieldsToJson(fields);
}

Result<std::vector<core::SyncField>> decodeFields(const std::string& json)
{
    auto fields = core::fieldsFromJson(json);
    if (!fields)
        return fail(ErrorCode::ProtocolError, "fields", "not an object of strings and nulls");
    return std::move(*fields);
}

std::string encodeParams(const std::map<std::string, std::string>& params)
{
    return core::fieldStampsToJson(params);
}

std::map<std::string, std::string> decodeParams(const std::string& json)
{
    return core::parseFieldStamps(json);
}

std::string encodeRow(const SyncRow& row)
{
    return stringify(*rowToJson(row));
}

Result<SyncRow> decodeRow(const std::string& body)
{
    return guarded(body, [](const Object::Ptr& root) { return rowFromJson(root); });
}

std::string gzip(const std::string& data, int level)
{
    std::ostringstream out;
    Poco::DeflatingOutputStream deflater(out, Poco::DeflatingStreamBuf::STREAM_GZIP, level);
    deflater.write(data.data(), static_cast<std::streamsize>(data.size()));
    deflater.close();
    return out.str();
}

Result<std::string> gunzip(const std::string& data, std::size_t limit)
{
    try {
        std::istringstream in(data);
        Poco::InflatingInputStream inflater(in, Poco::InflatingStreamBuf::STREAM_GZIP);
        std::string out;
        char buffer[16384];
        while (inflater) {
            inflater.read(buffer, sizeof buffer);
            out.append(buffer, static_cast<std::size_t>(inflater.gcount()));
            if (out.size() > limit)
                return fail(ErrorCode::Validation, "body", core::Rule::TooLarge);
        }
        if (inflater.bad() || (out.empty() && !data.empty()))
            return fail(ErrorCode::ProtocolError, "body", "damaged gzip stream");
        return out;
    } catch (const Poco::Exception& e) {
        return fail(ErrorCode::ProtocolError, "body", "damaged gzip stream: " + e.displayText());
    }
}

} // namespace practica::sync
