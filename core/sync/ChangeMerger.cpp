#include "ChangeMerger.h"

#include "core/auth/Session.h"
#include "core/db/Statement.h"
#include "core/util/Validators.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <algorithm>
#include <map>
#include <sstream>

namespace practica::core {

namespace {

// A field without a stamp of its own carries the row's creation stamp (created_hlc): a row made by a
// pulled change needs none, as a row made on this desk has none, and is smaller for it.
const std::string kNoOwnStamps = "{}";

std::string changeToJson(const SyncChange& c)
{
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("id", c.id);
    o.set("entity", c.entity);
    o.set("row", c.rowId);
    o.set("op", c.deleted ? "delete" : "upsert");
    o.set("hlc", c.hlc);
    o.set("seq", c.seq);
    o.set("device", c.deviceId);
    o.set("author_id", c.authorId);
    o.set("author", c.author);
    o.set("fields", fieldsToJson(c.fields));
    std::ostringstream out;
    o.stringify(out);
    return out.str();
}

std::optional<SyncChange> changeFromJson(const std::string& json)
{
    try {
        Poco::JSON::Parser parser;
        auto o = parser.parse(json).extract<Poco::JSON::Object::Ptr>();
        SyncChange c;
        c.id = o->getValue<std::string>("id");
        c.entity = o->getValue<std::string>("entity");
        c.rowId = o->getValue<std::string>("row");
        c.deleted = o->getValue<std::string>("op") == "delete";
        c.hlc = o->getValue<std::string>("hlc");
        c.seq = o->getValue<std::int64_t>("seq");
        c.deviceId = o->getValue<std::string>("device");
        c.authorId = o->optValue<std::string>("author_id", "");
        c.author = o->optValue<std::string>("author", "");
        auto fields = fieldsFromJson(o->getValue<std::string>("fields"));
        if (!fields)
            return std::nullopt;
        c.fields = std::move(*fields);
        return c;
    } catch (const Poco::Exception&) {
        return std::nullopt;
    }
}

} // namespace

const std::vector<std::string>& parkReasonCodes()
{
    static const std::vector<std::string> codes = {"unknown_record_type", "unknown_field", "invalid_field",
                                                   "refused_by_database"};
    return codes;
}

bool isParkable(const Error& e)
{
    return e.code == ErrorCode::Validation || e.code == ErrorCode::Conflict || e.code == ErrorCode::AlreadyExists;
}

Status ChangeMerger::park(const SyncChange& change, const std::string& code,
                          const std::map<std::string, std::string>& params)
{
    auto stmt = m_session.db().prepare("INSERT OR REPLACE INTO sync_parked (change_id, seq, entity, row_id, body, why, "
                                       "params, parked_ms) VALUES (?,?,?,?,?,?,?,?);");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, change.id).bind(2, change.seq).bind(3, change.entity).bind(4, change.rowId);
    stmt->bind(5, changeToJson(change)).bind(6, code).bind(7, paramsToJson(params)).bind(8, m_session.clock().nowMs());
    return stmt->run();
}

Status ChangeMerger::parkRefused(const SyncChange& change, const char* operation, const Error& error)
{
    // The database's own constraints: most often a record this one refers to has not arrived yet.
    return park(change, "refused_by_database",
                {{"record_type", change.entity},
                 {"operation", operation},
                 {"constraint", error.field},
                 {"detail", error.param("message")}});
}

std::optional<RuleViolation> ChangeMerger::brokenRule(const SyncChange& change) const
{
    const RecordType* type = m_types.find(change.entity);
    if (!type)
        return std::nullopt; // a table this build has but does not declare: its schema is the rule
    // Only the orders of two fields read the record as a whole; the change's own fields are what it sets.
    SyncRow after{change.entity, change.rowId, {}, {}, std::nullopt, std::nullopt};
    if (!type->order.empty())
        for (const auto& f : change.fields)
            after.values.emplace(f.name, f.value);
    // References are the database's to check. "Today" is the latest date anywhere (UTC+14), by this
    // workstation's clock: a change parked by a wrong clock is tried again at the next sync.
    constexpr std::int64_t kEarliestZoneAheadMs = 14LL * 60 * 60 * 1000;
    constexpr std::int64_t kHourMs = 60LL * 60 * 1000;
    const std::int64_t now = m_session.clock().nowMs();
    if (now / kHourMs != m_todayHour) {
        m_todayHour = now / kHourMs;
        m_todayIso = isoDateUtc(now + kEarliestZoneAheadMs);
    }
    RuleContext context;
    context.todayIso = m_todayIso;
    auto found = checkFields(*type, change, false, after, context);
    return found ? *found : std::nullopt;
}

Status ChangeMerger::writeRow(const std::string& table, const std::string& rowId, const std::vector<SyncField>& fields,
                              const std::string& hlc, bool creating, const std::string& fieldHlc)
{
    // Table and column names were checked against the local schema by the caller.
    std::string sql;
    if (creating) {
        // Derived columns start empty; afterWrite() computes them.
        const RecordType* type = m_types.find(table);
        const std::vector<std::string> none;
        const auto& derived = type ? type->derivedColumns : none;
        sql = "INSERT INTO " + table + " (id, created_hlc, updated_hlc, field_hlc";
        for (const auto& d : derived)
            sql.append(", ").append(d);
        for (const auto& f : fields)
            sql.append(", ").append(f.name);
        sql.append(") VALUES (?, ?, ?, ?");
        for (std::size_t i = 0; i < derived.size(); ++i)
            sql.append(", ''");
        for (std::size_t i = 0; i < fields.size(); ++i)
            sql.append(", ?");
        sql.append(");");
    } else {
        sql = "UPDATE " + table + " SET updated_hlc = max(updated_hlc, ?), field_hlc = ?";
        for (const auto& f : fields)
            sql.append(", ").append(f.name).append(" = ?");
        sql.append(" WHERE id = ?;");
    }
    auto stmt = m_session.db().prepare(sql);
    if (!stmt)
        return std::unexpected(stmt.error());
    int i = 1;
    if (creating) {
        stmt->bind(1, rowId).bind(2, hlc).bind(3, hlc).bind(4, fieldHlc);
        i = 5;
    } else {
        stmt->bind(1, hlc).bind(2, fieldHlc);
        i = 3;
    }
    for (const auto& f : fields)
        stmt->bind(i++, f.value);
    if (!creating)
        stmt->bind(i, rowId);
    return stmt->run();
}

Status ChangeMerger::afterWrite(const std::string& table, const std::string& rowId, bool inserted)
{
    const RecordType* type = m_types.find(table);
    if (type && type->derive)
        return type->derive(m_session, rowId, inserted);
    return {};
}

Status ChangeMerger::apply(const SyncChange& change, bool anyTombstone)
{
    auto synced = m_schema.isSynced(change.entity);
    if (!synced)
        return std::unexpected(synced.error());
    if (!*synced)
        return park(change, "unknown_record_type", {{"record_type", change.entity}});
    auto cols = m_schema.columns(change.entity);
    if (!cols)
        return std::unexpected(cols.error());
    for (const auto& f : change.fields)
        if (!std::binary_search((*cols)->begin(), (*cols)->end(), f.name))
            return park(change, "unknown_field", {{"record_type", change.entity}, {"field", f.name}});
    if (!change.deleted)
        if (auto broken = brokenRule(change)) {
            const RecordType* type = m_types.find(change.entity);
            return park(change, "invalid_field", violationParams(*type, *broken));
        }

    Database& db = m_session.db();
    const std::string& table = change.entity;
    if (!change.deleted && !anyTombstone) {
        // Most pulled changes create rows this desk has never seen (a first sync above all): try the
        // insert first and fall back to the merge when the row turns out to exist.
        Status inserted = writeRow(table, change.rowId, change.fields, change.hlc, true, kNoOwnStamps);
        if (inserted)
            return afterWrite(table, change.rowId, true);
        if (!isParkable(inserted.error()))
            return inserted;
    }
    std::string select = "SELECT created_hlc, field_hlc";
    for (const auto& f : change.fields)
        select.append(", ").append(f.name);
    select.append(" FROM " + table + " WHERE id = ?;");
    auto read = db.prepare(select);
    if (!read)
        return std::unexpected(read.error());
    read->bind(1, change.rowId);
    auto found = read->step();
    if (!found)
        return std::unexpected(found.error());
    std::string createdHlc;
    std::map<std::string, std::string> stamps;
    std::vector<std::optional<std::string>> current;
    if (*found) {
        createdHlc = read->text(0);
        stamps = parseFieldStamps(read->text(1));
        for (std::size_t i = 0; i < change.fields.size(); ++i)
            current.push_back(read->optionalText(static_cast<int>(i) + 2));
        read->reset();
    }

    // Each losing value is kept once, however often its change comes by.
    // The entry names the author and workstation of the change being merged: the value's own author when
    // it lost on arrival, the author of its replacement otherwise.
    // Looked up first, then inserted with VALUES: an INSERT ... SELECT may write many rows, so SQLite gives
    // it a statement journal, and SQLCipher encrypts every page that journal takes (8 of the 14 s of the
    // demo clinic's first sync went there; bench_sync demo).
    auto kept = db.prepare("SELECT 1 FROM field_history WHERE entity = ? AND row_id = ? AND field = ? AND hlc = ?;");
    if (!kept)
        return std::unexpected(kept.error());
    auto history = db.prepare("INSERT INTO field_history (entity, row_id, field, value, hlc, recorded_ms, author, "
                              "device_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?);");
    if (!history)
        return std::unexpected(history.error());
    auto keep = [&](const std::string& field, const std::optional<std::string>& value,
                    const std::string& hlc) -> Status {
        kept->reset();
        auto already = kept->bind(1, table).bind(2, change.rowId).bind(3, field).bind(4, hlc).step();
        if (!already)
            return std::unexpected(already.error());
        kept->reset();
        if (*already)
            return {};
        history->reset();
        return history->bind(1, table)
            .bind(2, change.rowId)
            .bind(3, field)
            .bind(4, value)
            .bind(5, hlc)
            .bind(6, m_session.clock().nowMs())
            .bind(7, change.author)
            .bind(8, change.deviceId)
            .run();
    };

    auto tombRead = db.prepare("SELECT hlc FROM sync_tombstone WHERE entity = ? AND row_id = ?;");
    if (!tombRead)
        return std::unexpected(tombRead.error());
    tombRead->bind(1, table).bind(2, change.rowId);
    auto tombs = tombRead->all<std::string>([](const Statement& r) { return r.text(0); });
    if (!tombs)
        return std::unexpected(tombs.error());
    const std::optional<std::string> tomb = tombs->empty() ? std::nullopt : std::optional(tombs->front());

    if (change.deleted) {
        if (tomb && *tomb >= change.hlc)
            return {};
        auto save = db.prepare("INSERT OR REPLACE INTO sync_tombstone (entity, row_id, hlc) VALUES (?,?,?);");
        if (!save)
            return std::unexpected(save.error());
        if (Status s = save->bind(1, table).bind(2, change.rowId).bind(3, change.hlc).run(); !s)
            return s;
        if (!*found)
            return {};
        std::string newest = createdHlc;
        for (const auto& [k, v] : stamps)
            newest = std::max(newest, v);
        if (newest > change.hlc)
            return {}; // edited after the delete: the row stays, as it does on the server
        auto del = db.prepare("DELETE FROM " + table + " WHERE id = ?;");
        if (!del)
            return std::unexpected(del.error());
        if (Status s = del->bind(1, change.rowId).run(); !s)
            return isParkable(s.error()) ? parkRefused(change, "delete", s.error()) : s;
        return {};
    }

    if (!*found) {
        if (tomb && *tomb >= change.hlc) {
            for (const auto& f : change.fields)
                if (Status s = keep(f.name, f.value, change.hlc); !s)
                    return s;
            return {};
        }
        if (Status s = writeRow(table, change.rowId, change.fields, change.hlc, true, kNoOwnStamps); !s)
            return isParkable(s.error()) ? parkRefused(change, "insert", s.error()) : s;
        return afterWrite(table, change.rowId, true);
    }

    std::vector<SyncField> winners;
    for (std::size_t i = 0; i < change.fields.size(); ++i) {
        const SyncField& f = change.fields[i];
        auto it = stamps.find(f.name);
        const std::string& version = it == stamps.end() ? createdHlc : it->second;
        if (change.hlc > version) {
            if (current[i] != f.value && (current[i] || !m_mergingRow))
                if (Status s = keep(f.name, current[i], version); !s)
                    return s;
            winners.push_back(f);
            stamps[f.name] = change.hlc;
        } else if (change.hlc == version && current[i] != f.value) {
            // The same change as this workstation wrote it, and as the server accepted it: the server
            // redirected a reference to a merged record. The server's version is the change. Or a field
            // this workstation was never given (its sync scope did not read it): nothing of it was lost.
            if (current[i])
                if (Status s = keep(f.name, current[i], version); !s)
                    return s;
            winners.push_back(f);
        } else if (change.hlc < version && current[i] != f.value) {
            if (Status s = keep(f.name, f.value, change.hlc); !s)
                return s;
        }
    }
    if (winners.empty())
        return {};
    if (Status s = writeRow(table, change.rowId, winners, change.hlc, false, fieldStampsToJson(stamps)); !s)
        return isParkable(s.error()) ? parkRefused(change, "update", s.error()) : s;
    return afterWrite(table, change.rowId);
}

std::vector<SyncChange> ChangeMerger::rowChanges(const SyncRow& row, std::int64_t seq, bool whole)
{
    std::string newest = row.createdHlc.value_or("");
    for (const auto& [name, stamp] : row.fieldHlc)
        newest = std::max(newest, stamp);
    std::map<std::string, std::vector<SyncField>> byStamp;
    for (const auto& [name, value] : row.values) {
        auto it = row.fieldHlc.find(name);
        const std::string& stamp = whole                      ? newest
                                   : it != row.fieldHlc.end() ? it->second
                                                              : row.createdHlc.value_or(newest);
        byStamp[stamp].push_back({name, value});
    }
    std::vector<SyncChange> changes;
    auto make = [&](const std::string& hlc, bool deleted) {
        SyncChange c;
        c.id = "snapshot:" + row.entity + ":" + row.rowId + ":" + hlc + (deleted ? ":delete" : "");
        c.entity = row.entity;
        c.rowId = row.rowId;
        c.hlc = hlc;
        c.deleted = deleted;
        c.seq = seq;
        c.deviceId = "server";
        return c;
    };
    for (auto& [stamp, fields] : byStamp) {
        changes.push_back(make(stamp, false));
        changes.back().fields = std::move(fields);
    }
    if (row.deletedHlc)
        changes.push_back(make(*row.deletedHlc, true));
    return changes;
}

Result<bool> ChangeMerger::holds(const std::string& table, const std::string& rowId, bool anyTombstone)
{
    Database& db = m_session.db();
    auto found = db.prepare("SELECT 1 FROM " + table + " WHERE id = ?;");
    if (!found)
        return std::unexpected(found.error());
    auto row = found->bind(1, rowId).step();
    if (!row)
        return std::unexpected(row.error());
    found->reset();
    if (*row || !anyTombstone)
        return *row;
    auto tomb = db.prepare("SELECT 1 FROM sync_tombstone WHERE entity = ? AND row_id = ?;");
    if (!tomb)
        return std::unexpected(tomb.error());
    auto buried = tomb->bind(1, table).bind(2, rowId).step();
    if (!buried)
        return std::unexpected(buried.error());
    tomb->reset();
    return *buried;
}

Status ChangeMerger::applyRow(SyncRow row, std::int64_t seq, bool anyTombstone)
{
    const std::string& table = row.entity;
    auto asChanges = [&](bool whole) -> Status {
        m_mergingRow = true;
        for (const SyncChange& c : rowChanges(row, seq, whole))
            if (Status s = apply(c, true); !s) {
                m_mergingRow = false;
                return s;
            }
        m_mergingRow = false;
        return {};
    };
    auto synced = m_schema.isSynced(table);
    if (!synced)
        return std::unexpected(synced.error());
    if (!*synced)
        return asChanges(true); // parked as an unknown record type
    auto cols = m_schema.columns(table);
    if (!cols)
        return std::unexpected(cols.error());
    for (const auto& [name, value] : row.values)
        if (!std::binary_search((*cols)->begin(), (*cols)->end(), name))
            return asChanges(true); // parked as an unknown field

    // A row behind a tombstone here, or one this desk holds, merges by stamp. Inserting first finds most
    // held rows (the insert fails on the id); a deleted row inserts nothing, so it looks first.
    if (anyTombstone || row.isDeleted()) {
        auto held = holds(table, row.rowId, anyTombstone);
        if (!held)
            return std::unexpected(held.error());
        if (*held)
            return asChanges(false);
    }
    Database& db = m_session.db();
    if (row.deletedHlc) {
        auto save = db.prepare("INSERT OR REPLACE INTO sync_tombstone (entity, row_id, hlc) VALUES (?,?,?);");
        if (!save)
            return std::unexpected(save.error());
        if (Status s = save->bind(1, table).bind(2, row.rowId).bind(3, *row.deletedHlc).run(); !s)
            return s;
        if (row.isDeleted())
            return {};
    }

    SyncChange change;
    change.id = "snapshot:" + table + ":" + row.rowId;
    change.entity = table;
    change.rowId = row.rowId;
    change.seq = seq;
    change.deviceId = "server";
    // The values move into the change; a row that turns out to be held gets them back.
    change.fields.reserve(row.values.size());
    for (auto& [name, value] : row.values)
        change.fields.push_back({name, std::move(value)});
    std::string newest = row.createdHlc.value_or("");
    std::string oldest = newest;
    for (const auto& [name, stamp] : row.fieldHlc) {
        newest = std::max(newest, stamp);
        if (oldest.empty() || stamp < oldest)
            oldest = stamp;
    }
    change.hlc = newest;
    if (auto broken = brokenRule(change))
        return park(change, "invalid_field", violationParams(*m_types.find(table), *broken));

    // A field without its own stamp carries the row's creation stamp, as on a row a pulled change made.
    const std::string created = row.createdHlc.value_or(oldest);
    std::map<std::string, std::string> own;
    for (const auto& [name, stamp] : row.fieldHlc)
        if (stamp != created && row.values.contains(name))
            own.emplace(name, stamp);
    const RecordType* type = m_types.find(table);
    std::string sql = "INSERT INTO " + table + " (id, created_hlc, updated_hlc, field_hlc";
    std::string values = ") VALUES (?, ?, ?, ?";
    if (type)
        for (const auto& d : type->derivedColumns) {
            sql.append(", ").append(d);
            values.append(", ''");
        }
    for (const auto& f : change.fields) {
        sql.append(", ").append(f.name);
        values.append(", ?");
    }
    auto insert = db.prepare(sql + values + ");");
    if (!insert)
        return std::unexpected(insert.error());
    insert->bind(1, row.rowId)
        .bind(2, created)
        .bind(3, newest)
        .bind(4, own.empty() ? kNoOwnStamps : fieldStampsToJson(own));
    int i = 5;
    for (const auto& f : change.fields)
        insert->bind(i++, f.value);
    if (Status s = insert->run(); !s) {
        if (!isParkable(s.error()))
            return s;
        auto held = holds(table, row.rowId, false);
        if (!held)
            return std::unexpected(held.error());
        if (*held) {
            for (auto& f : change.fields)
                row.values[f.name] = std::move(f.value);
            return asChanges(false);
        }
        return parkRefused(change, "insert", s.error());
    }
    return afterWrite(table, row.rowId, true);
}

Status ChangeMerger::retryParked()
{
    // Unknown record types and fields wait for a newer Practica; the others (a reference that had not
    // arrived, a date this workstation's clock took for the future) may fit now.
    Database& db = m_session.db();
    auto parked = db.prepare("SELECT body FROM sync_parked WHERE why NOT LIKE 'unknown%' ORDER BY seq LIMIT 200;");
    if (!parked)
        return std::unexpected(parked.error());
    auto bodies = parked->all<std::string>([](const Statement& r) { return r.text(0); });
    if (!bodies)
        return std::unexpected(bodies.error());
    auto unpark = db.prepare("DELETE FROM sync_parked WHERE change_id = ?;");
    if (!unpark)
        return std::unexpected(unpark.error());
    for (const auto& body : *bodies) {
        auto change = changeFromJson(body);
        if (!change)
            continue;
        unpark->reset();
        if (Status s = unpark->bind(1, change->id).run(); !s)
            return s;
        if (Status s = apply(*change, true); !s) // parks it again when it still does not fit
            return s;
    }
    return {};
}

} // namespace practica::core
