#include "Replica.h"

#include "core/auth/Session.h"
#include "core/db/Statement.h"
#include "core/db/Transaction.h"
#include "core/sync/Digest.h"
#include "core/sync/ScopePurge.h"
#include "core/util/Uuid.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <algorithm>
#include <charconv>
#include <functional>
#include <sstream>

namespace practica::core {

namespace {

std::string rowToJson(const SyncRow& row)
{
    Poco::JSON::Object o;
    std::vector<FieldValue> values;
    for (const auto& [k, v] : row.values)
        values.push_back({k, v});
    o.set("values", fieldsToJson(values));
    o.set("field_hlc", fieldStampsToJson(row.fieldHlc));
    if (row.deletedHlc)
        o.set("deleted_hlc", *row.deletedHlc);
    std::ostringstream out;
    o.stringify(out);
    return out.str();
}

std::optional<SyncRow> rowFromJson(const std::string& entity, const std::string& rowId, const std::string& json)
{
    try {
        Poco::JSON::Parser parser;
        auto o = parser.parse(json).extract<Poco::JSON::Object::Ptr>();
        auto values = fieldsFromJson(o->getValue<std::string>("values"));
        if (!values)
            return std::nullopt;
        SyncRow row{entity,       rowId,       {}, parseFieldStamps(o->getValue<std::string>("field_hlc")),
                    std::nullopt, std::nullopt};
        for (auto& f : *values)
            row.values[f.name] = f.value;
        if (o->has("deleted_hlc"))
            row.deletedHlc = o->getValue<std::string>("deleted_hlc");
        return row;
    } catch (const Poco::Exception&) {
        return std::nullopt;
    }
}

// "120 changes: 100 by admin on <device>, 20 by desk on <device>": who changed records, from where.
std::string pageSummary(const std::vector<SyncChange>& page)
{
    std::map<std::pair<std::string, std::string>, int> by;
    for (const SyncChange& c : page)
        ++by[{c.author.empty() ? std::string("unknown") : c.author, c.deviceId}];
    std::string out = std::to_string(page.size()) + " changes:";
    bool first = true;
    for (const auto& [who, n] : by) {
        out += (first ? " " : ", ") + std::to_string(n) + " by " + who.first + " on " + who.second;
        first = false;
    }
    return out;
}

} // namespace

Replica::Replica(Session& session, RecordTypes types)
    : m_session(session), m_types(std::move(types)), m_schema(session.db(), m_types),
      m_merger(session, m_schema, m_types)
{
}

Result<std::vector<std::string>> Replica::syncedTables()
{
    auto tables = m_schema.tables();
    if (!tables)
        return std::unexpected(tables.error());
    return std::vector<std::string>((*tables)->begin(), (*tables)->end());
}

Result<std::vector<SyncChange>> Replica::outgoing(int limit)
{
    auto stmt = m_session.db().prepare(
        "SELECT o.change_id, o.entity, o.row_id, o.op, o.fields, o.hlc, o.base_hlc, o.signed_by, o.signature "
        "FROM change_outbox o WHERE NOT EXISTS (SELECT 1 FROM sync_conflict c WHERE c.entity = o.entity AND c.row_id = "
        "o.row_id AND "
        "c.resolved_ms IS NULL) ORDER BY o.seq LIMIT ?;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, limit);
    std::vector<SyncChange> out;
    const std::string device = m_session.deviceId();
    auto rows = stmt->all<std::optional<SyncChange>>([&](const Statement& r) -> std::optional<SyncChange> {
        auto fields = fieldsFromJson(r.text(4));
        if (!fields)
            return std::nullopt;
        SyncChange c;
        c.id = r.text(0);
        c.entity = r.text(1);
        c.rowId = r.text(2);
        c.deleted = r.text(3) == "delete";
        c.fields = std::move(*fields);
        c.hlc = r.text(5);
        c.baseHlc = r.optionalText(6);
        c.deviceId = device;
        c.signedBy = r.optionalText(7).value_or("");
        c.signature = r.optionalText(8).value_or("");
        return c;
    });
    if (!rows)
        return std::unexpected(rows.error());
    for (auto& c : *rows) {
        if (!c)
            return fail(ErrorCode::DatabaseCorrupt, "change_outbox", "a change's fields are not readable");
        out.push_back(std::move(*c));
    }
    return out;
}

Status Replica::acknowledge(const std::vector<PushResult>& results)
{
    Database& db = m_session.db();
    Transaction tx(db);
    if (!tx.begun())
        return tx.begun();
    auto remove = db.prepare("DELETE FROM change_outbox WHERE change_id = ?;");
    if (!remove)
        return std::unexpected(remove.error());
    for (const PushResult& r : results) {
        if (r.outcome == PushOutcome::Conflict) {
            auto read = db.prepare("SELECT entity, row_id, op, fields, hlc FROM change_outbox WHERE change_id = ?;");
            if (!read)
                return std::unexpected(read.error());
            read->bind(1, r.changeId);
            auto row = read->step();
            if (!row)
                return std::unexpected(row.error());
            if (!*row)
                continue; // answered before: a retried push whose first answer was lost
            const std::string entity = read->text(0), rowId = read->text(1), op = read->text(2), fields = read->text(3),
                              hlc = read->text(4);
            read->reset();
            auto insert =
                db.prepare("INSERT INTO sync_conflict (id, change_id, entity, row_id, code, reason, op, "
                           "fields, hlc, current_row, detected_ms, params) VALUES (?,?,?,?,?,?,?,?,?,?,?,?);");
            if (!insert)
                return std::unexpected(insert.error());
            insert->bind(1, uuidV7(m_session.clock().nowMs())).bind(2, r.changeId).bind(3, entity).bind(4, rowId);
            insert->bind(5, r.conflictCode).bind(6, r.reason).bind(7, op).bind(8, fields).bind(9, hlc);
            insert->bind(10, r.current ? std::optional<std::string>(rowToJson(*r.current)) : std::nullopt);
            insert->bind(11, m_session.clock().nowMs()).bind(12, paramsToJson(r.params));
            if (Status s = insert->run(); !s)
                return s;
        }
        if (r.outcome == PushOutcome::Applied && r.params.contains("redirected_field")) {
            // The server moved the change to a merged record's survivor; the pull brings its version.
            auto read = db.prepare("SELECT entity, row_id FROM change_outbox WHERE change_id = ?;");
            if (!read)
                return std::unexpected(read.error());
            read->bind(1, r.changeId);
            auto row = read->step();
            if (!row)
                return std::unexpected(row.error());
            if (*row) {
                const std::string entity = read->text(0), rowId = read->text(1);
                read->reset();
                const std::string detail = r.params.at("redirected_field") + " redirected from " + r.params.at("from") +
                                           " to " + r.params.at("to") + " (merged)";
                if (Status s = m_session.journal().audit(AuditAction::SyncApply, entity, rowId, detail); !s)
                    return s;
            }
        }
        remove->reset();
        if (Status s = remove->bind(1, r.changeId).run(); !s)
            return s;
    }
    return tx.commit();
}

namespace {

// How many deletes this workstation keeps: with none, a merge need not look for a tombstone before inserting.
Result<std::int64_t> tombstoneCount(Database& db)
{
    auto tombstones = db.prepare("SELECT count(*) FROM sync_tombstone;");
    if (!tombstones)
        return std::unexpected(tombstones.error());
    return tombstones->scalar();
}

} // namespace

Status Replica::applyPulled(const std::vector<SyncChange>& page, std::int64_t next)
{
    Database& db = m_session.db();
    Transaction tx(db);
    if (!tx.begun())
        return tx.begun();
    auto count = tombstoneCount(db);
    if (!count)
        return std::unexpected(count.error());
    const bool anyTombstone =
        *count > 0 || std::any_of(page.begin(), page.end(), [](const SyncChange& c) { return c.deleted; });
    for (const SyncChange& change : page) {
        HlcStamp remote;
        if (HlcStamp::parse(change.hlc, remote))
            m_session.hlc().observe(remote);
        if (Status s = m_merger.apply(change, anyTombstone); !s)
            return s;
    }
    if (Status s = m_merger.retryParked(); !s)
        return s;
    if (Status s = setSetting("sync_cursor", std::to_string(next)); !s)
        return s;
    if (Status s = setSetting("hlc_last", m_session.hlc().last().toString()); !s)
        return s;
    if (!page.empty())
        if (Status s =
                m_session.journal().audit(AuditAction::SyncApply, "sync", std::to_string(next), pageSummary(page));
            !s)
            return s;
    return tx.commit();
}

Result<std::optional<SnapshotMark>> Replica::snapshotMark()
{
    auto seq = setting("sync_snapshot_seq");
    auto entity = setting("sync_snapshot_entity");
    auto after = setting("sync_snapshot_after");
    if (!seq || !entity || !after)
        return std::unexpected(!seq ? seq.error() : !entity ? entity.error() : after.error());
    if (!*seq || (*seq)->empty())
        return std::optional<SnapshotMark>{};
    SnapshotMark mark;
    auto [end, ec] = std::from_chars((*seq)->data(), (*seq)->data() + (*seq)->size(), mark.seq);
    if (ec != std::errc() || end != (*seq)->data() + (*seq)->size())
        return fail(ErrorCode::DatabaseCorrupt, "sync_snapshot_seq", **seq);
    mark.entity = entity->value_or("");
    mark.after = after->value_or("");
    return std::optional<SnapshotMark>(std::move(mark));
}

Status Replica::beginSnapshot(std::int64_t seq)
{
    Transaction tx(m_session.db());
    if (!tx.begun())
        return tx.begun();
    for (auto [key, value] :
         {std::pair{"sync_snapshot_seq", std::to_string(seq)}, std::pair{"sync_snapshot_entity", std::string()},
          std::pair{"sync_snapshot_after", std::string()}})
        if (Status s = setSetting(key, value); !s)
            return s;
    return tx.commit();
}

Status Replica::applySnapshotRows(std::vector<SyncRow>& rows, const SnapshotMark& mark)
{
    Database& db = m_session.db();
    Transaction tx(db);
    if (!tx.begun())
        return tx.begun();
    auto count = tombstoneCount(db);
    if (!count)
        return std::unexpected(count.error());
    for (SyncRow& row : rows) {
        // Stamps order as text: the newest one is all the clock needs to see (a field without a stamp
        // of its own carries the creation stamp).
        const std::string* newest = row.createdHlc ? &*row.createdHlc : nullptr;
        for (const auto& [field, stamp] : row.fieldHlc)
            if (!newest || stamp > *newest)
                newest = &stamp;
        if (HlcStamp remote; newest && HlcStamp::parse(*newest, remote))
            m_session.hlc().observe(remote);
        // A tombstone this page saved counts for the rows after it.
        const bool anyTombstone = *count > 0;
        const bool buries = row.deletedHlc.has_value();
        if (Status s = m_merger.applyRow(std::move(row), mark.seq, anyTombstone); !s)
            return s;
        if (buries)
            ++*count;
    }
    if (Status s = m_merger.retryParked(); !s)
        return s;
    for (auto [key, value] :
         {std::pair{"sync_snapshot_entity", mark.entity}, std::pair{"sync_snapshot_after", mark.after}})
        if (Status s = setSetting(key, value); !s)
            return s;
    if (Status s = setSetting("hlc_last", m_session.hlc().last().toString()); !s)
        return s;
    if (!rows.empty())
        if (Status s = m_session.journal().audit(AuditAction::SyncApply, "sync", "snapshot " + std::to_string(mark.seq),
                                                 std::to_string(rows.size()) +
                                                     " records from the server's snapshot, through " + mark.entity +
                                                     " " + mark.after);
            !s)
            return s;
    return tx.commit();
}

Status Replica::finishSnapshot()
{
    auto mark = snapshotMark();
    if (!mark)
        return std::unexpected(mark.error());
    if (!*mark)
        return {};
    Transaction tx(m_session.db());
    if (!tx.begun())
        return tx.begun();
    auto forget = m_session.db().prepare("DELETE FROM workstation_setting WHERE key IN ('sync_snapshot_seq', "
                                         "'sync_snapshot_entity', 'sync_snapshot_after');");
    if (!forget)
        return std::unexpected(forget.error());
    if (Status s = forget->run(); !s)
        return s;
    if (Status s = setSetting("sync_cursor", std::to_string((*mark)->seq)); !s)
        return s;
    return tx.commit();
}

std::vector<std::string> Replica::snapshotOrder(const std::vector<std::string>& served) const
{
    // Depth first over the references of the declared types, in name order, each type after those it
    // names; a type naming itself (a merged patient's survivor) is no cycle to follow.
    std::vector<std::string> order;
    std::set<std::string> placed, visiting;
    std::function<void(const RecordType&)> place = [&](const RecordType& type) {
        if (placed.contains(type.name) || !visiting.insert(type.name).second)
            return;
        std::set<std::string> named;
        for (const FieldRule& f : type.fields)
            if (f.kind == FieldKind::Reference && f.references != type.name)
                named.insert(f.references);
        for (const std::string& name : named)
            if (const RecordType* other = m_types.find(name))
                place(*other);
        visiting.erase(type.name);
        placed.insert(type.name);
        order.push_back(type.name);
    };
    std::vector<const RecordType*> declared;
    for (const RecordType& type : m_types.all())
        declared.push_back(&type);
    std::sort(declared.begin(), declared.end(),
              [](const RecordType* a, const RecordType* b) { return a->name < b->name; });
    for (const RecordType* type : declared)
        place(*type);
    const std::set<std::string> wanted(served.begin(), served.end());
    std::erase_if(order, [&](const std::string& name) { return !wanted.contains(name); });
    for (const std::string& name : wanted) // std::set: name order
        if (!placed.contains(name))
            order.push_back(name);
    return order;
}

Result<std::optional<std::string>> Replica::setting(const std::string& key)
{
    auto stmt = m_session.db().prepare("SELECT value FROM workstation_setting WHERE key = ?;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, key);
    auto values = stmt->all<std::string>([](const Statement& r) { return r.text(0); });
    if (!values)
        return std::unexpected(values.error());
    if (values->empty())
        return std::optional<std::string>{};
    return std::optional<std::string>(values->front());
}

Status Replica::setSetting(const std::string& key, const std::string& value)
{
    auto stmt = m_session.db().prepare("INSERT OR REPLACE INTO workstation_setting (key, value) VALUES (?, ?);");
    if (!stmt)
        return std::unexpected(stmt.error());
    return stmt->bind(1, key).bind(2, value).run();
}

Status Replica::recordSuccess()
{
    Transaction tx(m_session.db());
    if (!tx.begun())
        return tx.begun();
    if (Status s = setSetting("sync_last_success_ms", std::to_string(m_session.clock().nowMs())); !s)
        return s;
    if (Status s = setSetting("sync_last_error", ""); !s)
        return s;
    return tx.commit();
}

Status Replica::recordError(const Error& error)
{
    // The code, field and detail, and the rule's particulars under "param." names.
    std::map<std::string, std::string> kept{
        {"code", std::string(errorCodeName(error.code))}, {"field", error.field}, {"detail", error.detail}};
    for (const auto& [name, value] : error.params)
        kept["param." + name] = value;
    return setSetting("sync_last_error", paramsToJson(kept));
}

Result<SyncStatus> Replica::status()
{
    SyncStatus st;
    auto count = [&](const char* sql) -> Result<std::int64_t> {
        auto stmt = m_session.db().prepare(sql);
        if (!stmt)
            return std::unexpected(stmt.error());
        return stmt->scalar();
    };
    auto pending = count("SELECT count(*) FROM change_outbox;");
    auto conflicts = count("SELECT count(*) FROM sync_conflict WHERE resolved_ms IS NULL;");
    auto parked = count("SELECT count(*) FROM sync_parked;");
    if (!pending || !conflicts || !parked)
        return std::unexpected(!pending ? pending.error() : !conflicts ? conflicts.error() : parked.error());
    st.pending = *pending;
    st.openConflicts = *conflicts;
    st.parked = *parked;
    std::optional<Error> failure;
    auto text = [&](const char* key) -> std::string {
        auto v = setting(key);
        if (!v) {
            failure = v.error();
            return {};
        }
        return v->value_or("");
    };
    auto number = [](const std::string& t) -> std::int64_t {
        std::int64_t v = 0;
        auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
        return ec == std::errc() && end == t.data() + t.size() ? v : 0;
    };
    st.cursor = number(text("sync_cursor"));
    st.lastSuccessMs = number(text("sync_last_success_ms"));
    if (const std::string last = text("sync_last_error"); !last.empty()) {
        // A code and its particulars; before they were kept, a sentence, read as an internal detail.
        auto kept = paramsFromJson(last);
        auto code = kept.contains("code") ? errorCodeFromName(kept.at("code")) : std::nullopt;
        st.lastError =
            code ? Error::make(*code, kept["field"], kept["detail"]) : Error::make(ErrorCode::Internal, {}, last);
        for (const auto& [name, value] : kept)
            if (name.starts_with("param."))
                st.lastError->params[name.substr(6)] = value;
    }
    st.server = text("sync_server");
    st.clinicId = text("sync_clinic");
    if (failure)
        return std::unexpected(*failure);
    return st;
}

Result<std::vector<ParkedChange>> Replica::parkedChanges(int limit)
{
    auto stmt = m_session.db().prepare("SELECT change_id, seq, entity, row_id, why, params, parked_ms, body FROM "
                                       "sync_parked ORDER BY seq LIMIT ?;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, limit);
    return stmt->all<ParkedChange>([](const Statement& r) {
        ParkedChange p;
        p.changeId = r.text(0);
        p.seq = r.int64(1);
        p.entity = r.text(2);
        p.rowId = r.text(3);
        p.code = r.text(4);
        p.params = paramsFromJson(r.text(5));
        p.parkedMs = r.int64(6);
        try {
            Poco::JSON::Parser parser;
            auto body = parser.parse(r.text(7)).extract<Poco::JSON::Object::Ptr>();
            p.author = body->optValue<std::string>("author", "");
            p.deviceId = body->optValue<std::string>("device", "");
        } catch (const Poco::Exception&) {
            // The reason and the record are what matter; an unreadable body names no author.
        }
        return p;
    });
}

Result<std::vector<SyncConflict>> Replica::openConflicts()
{
    auto stmt = m_session.db().prepare("SELECT id, change_id, entity, row_id, code, reason, fields, current_row, "
                                       "detected_ms, params FROM sync_conflict WHERE resolved_ms IS NULL ORDER BY "
                                       "detected_ms, id;");
    if (!stmt)
        return std::unexpected(stmt.error());
    return stmt->all<SyncConflict>([](const Statement& r) {
        SyncConflict c;
        c.id = r.text(0);
        c.changeId = r.text(1);
        c.entity = r.text(2);
        c.rowId = r.text(3);
        c.code = r.text(4);
        c.reason = r.text(5);
        c.fields = fieldsFromJson(r.text(6)).value_or(std::vector<FieldValue>{});
        if (auto current = r.optionalText(7))
            c.current = rowFromJson(c.entity, c.rowId, *current);
        c.detectedMs = r.int64(8);
        c.params = paramsFromJson(r.text(9));
        return c;
    });
}

Result<SyncConflict> Replica::conflict(const std::string& conflictId, bool sendingAgain)
{
    auto all = openConflicts();
    if (!all)
        return std::unexpected(all.error());
    for (auto& c : *all)
        if (c.id == conflictId) {
            // Taking the server's version writes nothing the server does not already hold, so anyone may
            // drop a refused change; sending it again is an edit of the record and needs its permission.
            if (sendingAgain) {
                const RecordType* type = m_types.find(c.entity);
                if (!type)
                    return fail(ErrorCode::PermissionDenied, c.entity, "unknown record type");
                if (Status s = m_session.require(type->edit); !s)
                    return std::unexpected(s.error());
            }
            return c;
        }
    return fail(ErrorCode::NotFound, "conflict", conflictId);
}

Status Replica::closeConflict(const SyncConflict& c, const char* resolution)
{
    Database& db = m_session.db();
    auto close = db.prepare("UPDATE sync_conflict SET resolved_ms = ?, resolution = ? WHERE entity = ? AND "
                            "row_id = ? AND resolved_ms IS NULL;");
    if (!close)
        return std::unexpected(close.error());
    close->bind(1, m_session.clock().nowMs()).bind(2, resolution).bind(3, c.entity).bind(4, c.rowId);
    if (Status s = close->run(); !s)
        return s;
    auto drop = db.prepare("DELETE FROM change_outbox WHERE entity = ? AND row_id = ?;");
    if (!drop)
        return std::unexpected(drop.error());
    if (Status s = drop->bind(1, c.entity).bind(2, c.rowId).run(); !s)
        return s;
    return m_session.journal().audit(AuditAction::SyncResolve, c.entity, c.rowId,
                                     std::string(resolution) + " " + c.code);
}

Status Replica::resolveByRetry(const std::string& conflictId)
{
    Transaction tx(m_session.db());
    if (!tx.begun())
        return tx.begun();
    auto c = conflict(conflictId, true);
    if (!c)
        return std::unexpected(c.error());
    auto cols = m_schema.columns(c->entity);
    if (!cols)
        return std::unexpected(cols.error());
    std::string select = "SELECT field_hlc";
    for (const auto& col : **cols)
        select.append(", ").append(col);
    select.append(" FROM " + c->entity + " WHERE id = ?;");
    auto read = m_session.db().prepare(select);
    if (!read)
        return std::unexpected(read.error());
    read->bind(1, c->rowId);
    auto row = read->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return fail(ErrorCode::NotFound, c->entity, c->rowId);
    std::vector<FieldValue> fields;
    for (std::size_t i = 0; i < (*cols)->size(); ++i)
        fields.push_back({(**cols)[i], read->optionalText(static_cast<int>(i) + 1)});
    read->reset();
    if (Status s = closeConflict(*c, "retried"); !s)
        return s;
    auto hlc = m_session.journal().stamp();
    if (!hlc)
        return std::unexpected(hlc.error());
    std::optional<std::string> base;
    if (c->current && !c->current->isDeleted())
        base = *hlc; // the server has the row: this is an edit of it, not a creation
    if (Status s = m_session.journal().stampFields(c->entity, c->rowId, fields, *hlc); !s)
        return s;
    if (Status s = m_session.journal().recordChange(c->entity, c->rowId, ChangeOp::Upsert, fields, *hlc, base); !s)
        return s;
    return tx.commit();
}

Status Replica::resolveByDiscard(const std::string& conflictId, const std::optional<SyncRow>& serverRow)
{
    Transaction tx(m_session.db());
    if (!tx.begun())
        return tx.begun();
    auto c = conflict(conflictId, false);
    if (!c)
        return std::unexpected(c.error());
    if (Status s = closeConflict(*c, "discarded"); !s)
        return s;
    Database& db = m_session.db();
    c->current = serverRow;
    if (!c->current || c->current->isDeleted()) {
        auto del = db.prepare("DELETE FROM " + c->entity + " WHERE id = ?;");
        if (!del)
            return std::unexpected(del.error());
        if (Status s = del->bind(1, c->rowId).run(); !s) {
            if (isParkable(s.error()))
                return fail(ErrorCode::Conflict, c->entity, Rule::Referenced);
            return s;
        }
        return tx.commit();
    }
    // Put back exactly the server's values and stamps for the fields it knows.
    auto cols = m_schema.columns(c->entity);
    if (!cols)
        return std::unexpected(cols.error());
    std::vector<SyncField> fields;
    for (const auto& [name, value] : c->current->values)
        if (std::binary_search((*cols)->begin(), (*cols)->end(), name))
            fields.push_back({name, value});
    auto read = db.prepare("SELECT field_hlc FROM " + c->entity + " WHERE id = ?;");
    if (!read)
        return std::unexpected(read.error());
    read->bind(1, c->rowId);
    auto stampsText = read->one<std::string>([](const Statement& r) { return r.text(0); }, c->entity, c->rowId);
    if (!stampsText)
        return std::unexpected(stampsText.error());
    auto stamps = parseFieldStamps(*stampsText);
    std::string newest;
    for (const auto& [name, stamp] : c->current->fieldHlc) {
        stamps[name] = stamp;
        newest = std::max(newest, stamp);
    }
    if (Status s = m_merger.writeRow(c->entity, c->rowId, fields, newest, false, fieldStampsToJson(stamps)); !s)
        return s;
    if (Status s = m_merger.afterWrite(c->entity, c->rowId); !s)
        return s;
    return tx.commit();
}

Result<SyncScope> Replica::scope()
{
    auto name = setting("sync_scope");
    if (!name)
        return std::unexpected(name.error());
    if (!*name)
        return SyncScope::all();
    auto scope = SyncScope::fromName(**name);
    if (!scope)
        return fail(ErrorCode::DatabaseCorrupt, "sync_scope", **name);
    return *scope;
}

Result<bool> Replica::takeScope(const std::string& name)
{
    auto served = SyncScope::fromName(name);
    if (!served)
        return fail(ErrorCode::ProtocolError, "scope", name);
    auto held = scope();
    if (!held)
        return std::unexpected(held.error());
    if (*served == *held)
        return false;
    const bool wider = served->readsMoreThan(*held, m_types);
    Transaction tx(m_session.db());
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    if (Status s = setSetting("sync_scope", served->name()); !s)
        return std::unexpected(s.error());
    if (wider)
        if (Status s = setSetting("sync_cursor", "0"); !s)
            return std::unexpected(s.error());
    if (Status s = tx.commit(); !s)
        return std::unexpected(s.error());
    return wider;
}

Result<std::int64_t> Replica::purgeOutsideScope()
{
    auto held = scope();
    if (!held)
        return std::unexpected(held.error());
    return ScopePurge(m_session, m_schema, m_merger, m_types).run(*held);
}

Result<std::string> Replica::digest()
{
    auto scope = this->scope();
    if (!scope)
        return std::unexpected(scope.error());
    return digest(*scope);
}

Result<std::string> Replica::digest(const SyncScope& scope)
{
    // Every declared record type the scope reads, by name, and its declared fields it reads, by name:
    // what the server holds for this workstation.
    std::map<std::string, std::vector<std::string>> declared;
    for (const RecordType& type : m_types.all()) {
        if (!scope.reads(type))
            continue;
        auto& names = declared[type.name];
        for (const FieldRule& f : type.fields)
            if (scope.readsField(type, f.name))
                names.push_back(f.name);
        std::sort(names.begin(), names.end());
    }
    RecordDigest digest;
    for (const auto& [table, columns] : declared) {
        const std::vector<std::string>* cols = &columns;
        std::string select = "SELECT id";
        for (const auto& col : columns)
            select.append(", ").append(col);
        select.append(" FROM " + table + " ORDER BY id;");
        auto stmt = m_session.db().prepare(select);
        if (!stmt)
            return std::unexpected(stmt.error());
        while (true) {
            auto row = stmt->step();
            if (!row)
                return std::unexpected(row.error());
            if (!*row)
                break;
            digest.beginRow(table, stmt->text(0));
            for (std::size_t i = 0; i < cols->size(); ++i)
                digest.field((*cols)[i], stmt->optionalText(static_cast<int>(i) + 1));
        }
    }
    return digest.hex();
}

} // namespace practica::core
