#include "PostgresPush.h"

#include <algorithm>
#include <map>

namespace practica::sync {

using namespace pg;

namespace {

// An open transaction holding the clinic's counter row (SELECT ... FOR UPDATE) until commit or
// rollback. Pushes to one clinic therefore take turns, and a puller can never see seq N+1 committed
// while N is still in flight, as it could with a sequence column and commits out of order.
class PostgresPush final : public PushTransaction
{
public:
    PostgresPush(PostgresPool::Lease conn, std::string clinicId)
        : m_conn(std::move(conn)), m_clinic(std::move(clinicId))
    {
    }
    ~PostgresPush() override
    {
        if (!m_ended)
            PQclear(PQexec(m_conn.get(), "ROLLBACK"));
    }

    Status begin()
    {
        // READ COMMITTED: once the lock is granted, every later statement sees the previous push's
        // commit (REPEATABLE READ would fail with a serialization error instead).
        if (Status s = done(exec(m_conn.get(), "BEGIN ISOLATION LEVEL READ COMMITTED")); !s)
            return s;
        auto res = exec(m_conn.get(), "SELECT next_seq FROM srv_clinic WHERE id = $1 FOR UPDATE", {m_clinic});
        if (!res)
            return std::unexpected(res.error());
        if (PQntuples(res->get()) == 0)
            return fail(ErrorCode::NotFound, "clinic", m_clinic);
        m_highest = m_lastSeq = integer(res->get(), 0, 0);
        return {};
    }

    std::int64_t highestSeq() const override { return m_highest; }

    Status prefetch(const std::vector<SyncChange>& changes) override
    {
        if (Status s = open(); !s)
            return s;
        std::vector<std::optional<std::string>> ids, entities, rows;
        for (const auto& c : changes) {
            ids.push_back(c.id);
            entities.push_back(c.entity);
            rows.push_back(c.rowId);
            m_seqCache.emplace(c.id, std::nullopt);
            m_refusalCache.emplace(c.id, std::nullopt);
            m_rowCache.emplace(std::pair{c.entity, c.rowId}, std::nullopt);
        }
        const std::string idArray = pgArray(ids);
        auto seqs = exec(m_conn.get(),
                         "SELECT change_id, seq FROM srv_change WHERE clinic_id = $1 AND change_id = ANY($2::text[])",
                         {m_clinic, idArray});
        if (!seqs)
            return std::unexpected(seqs.error());
        for (int i = 0; i < PQntuples(seqs->get()); ++i)
            m_seqCache[text(seqs->get(), i, 0)] = integer(seqs->get(), i, 1);
        auto refused = exec(m_conn.get(),
                            "SELECT change_id, code, reason, params FROM srv_refused WHERE clinic_id = $1 AND "
                            "change_id = ANY($2::text[])",
                            {m_clinic, idArray});
        if (!refused)
            return std::unexpected(refused.error());
        for (int i = 0; i < PQntuples(refused->get()); ++i)
            m_refusalCache[text(refused->get(), i, 0)] = Refusal{text(refused->get(), i, 1), text(refused->get(), i, 2),
                                                                 decodeParams(text(refused->get(), i, 3))};
        auto found = exec(m_conn.get(),
                          "SELECT r.doc FROM srv_row r JOIN unnest($2::text[], $3::text[]) AS k (entity, row_id) "
                          "ON r.entity = k.entity AND r.row_id = k.row_id WHERE r.clinic_id = $1",
                          {m_clinic, pgArray(entities), pgArray(rows)});
        if (!found)
            return std::unexpected(found.error());
        auto decoded = decodeRows(found->get());
        if (!decoded)
            return std::unexpected(decoded.error());
        for (auto& row : *decoded)
            m_rowCache[std::pair{row.entity, row.rowId}] = std::move(row);
        return {};
    }

    Result<std::optional<std::int64_t>> acceptedSeq(const std::string& changeId) override
    {
        if (Status s = open(); !s)
            return std::unexpected(s.error());
        if (auto it = m_seqCache.find(changeId); it != m_seqCache.end())
            return it->second;
        return first<std::int64_t>(exec(m_conn.get(),
                                        "SELECT seq FROM srv_change WHERE clinic_id = $1 AND change_id = $2",
                                        {m_clinic, changeId}),
                                   [](const PGresult* r, int i) { return integer(r, i, 0); });
    }

    Result<std::optional<Refusal>> refusal(const std::string& changeId) override
    {
        if (Status s = open(); !s)
            return std::unexpected(s.error());
        if (auto it = m_refusalCache.find(changeId); it != m_refusalCache.end())
            return it->second;
        return first<Refusal>(
            exec(m_conn.get(), "SELECT code, reason, params FROM srv_refused WHERE clinic_id = $1 AND change_id = $2",
                 {m_clinic, changeId}),
            [](const PGresult* r, int i) {
                return Refusal{PQgetvalue(r, i, 0), PQgetvalue(r, i, 1), decodeParams(PQgetvalue(r, i, 2))};
            });
    }

    Status recordRefusal(const std::string& changeId, const Refusal& refusal) override
    {
        if (Status s = open(); !s)
            return s;
        auto res = exec(m_conn.get(),
                        "INSERT INTO srv_refused (clinic_id, change_id, code, reason, params) VALUES ($1, $2, $3, $4, "
                        "$5) ON CONFLICT DO NOTHING",
                        {m_clinic, changeId, refusal.code, refusal.reason, encodeParams(refusal.params)});
        if (!res)
            return std::unexpected(res.error());
        return {};
    }

    Result<std::optional<SyncRow>> row(const std::string& entity, const std::string& rowId) override
    {
        if (Status s = open(); !s)
            return std::unexpected(s.error());
        if (auto it = m_rowCache.find(std::pair{entity, rowId}); it != m_rowCache.end())
            return it->second;
        // The clinic's push lock is held: no other push changes the row before commit, so it is kept
        // (a batch of appointments checks the same provider and visit type hundreds of times).
        auto found = firstRow(exec(m_conn.get(), kRowByKey, {m_clinic, entity, rowId}));
        if (found)
            m_rowCache[std::pair{entity, rowId}] = *found;
        return found;
    }

    Result<std::vector<SyncRow>> rowsMentioning(const std::vector<std::string>& entities,
                                                const std::string& value) override
    {
        if (Status s = open(); !s)
            return std::unexpected(s.error());
        std::vector<std::optional<std::string>> names(entities.begin(), entities.end());
        auto res = exec(m_conn.get(),
                        "SELECT doc FROM srv_row WHERE clinic_id = $1 AND entity = ANY($2::text[]) AND "
                        "strpos(doc, $3) > 0",
                        {m_clinic, pgArray(names), value});
        if (!res)
            return std::unexpected(res.error());
        auto stored = decodeRows(res->get());
        if (!stored)
            return std::unexpected(stored.error());
        // Rows this push changed are written at commit: the push's own version of them wins.
        std::map<std::pair<std::string, std::string>, SyncRow> found;
        for (auto& row : *stored)
            found[std::pair{row.entity, row.rowId}] = std::move(row);
        for (const auto& [key, row] : m_rowCache) {
            if (!row || std::find(entities.begin(), entities.end(), key.first) == entities.end())
                continue;
            if (m_dirtyRows.contains(key))
                found[key] = *row;
        }
        std::vector<SyncRow> rows;
        for (auto& [key, row] : found)
            rows.push_back(std::move(row));
        return rows;
    }

    Status saveRow(const SyncRow& row) override
    {
        if (Status s = open(); !s)
            return s;
        // Written at commit, all rows of the push in one statement.
        m_rowCache[std::pair{row.entity, row.rowId}] = row;
        m_dirtyRows[std::pair{row.entity, row.rowId}] = encodeRow(row);
        return {};
    }

    Status appendChange(const SyncChange& c) override
    {
        if (Status s = open(); !s)
            return s;
        if (c.seq <= m_lastSeq)
            return fail(ErrorCode::Validation, "seq", "not above the clinic's highest sequence number");
        // A clash is reported without aborting the transaction, so the caller can go on as on SQLite.
        auto seen = acceptedSeq(c.id);
        if (!seen)
            return std::unexpected(seen.error());
        if (*seen)
            return fail(ErrorCode::AlreadyExists, "change", c.id);
        // Written at commit, all changes of the push in one statement.
        m_newChanges.push_back(c);
        m_seqCache[c.id] = c.seq;
        m_lastSeq = c.seq;
        return {};
    }

    Result<std::vector<Booking>> overlapping(BookingResource resource, const std::string& resourceId,
                                             std::int64_t startMs, std::int64_t endMs,
                                             const std::string& exceptAppointmentId) override
    {
        if (Status s = open(); !s)
            return std::unexpected(s.error());
        if (resourceId.empty())
            return std::vector<Booking>{}; // no room is not a room everyone shares
        auto res = exec(m_conn.get(), overlapQuery(resource),
                        {m_clinic, resourceId, startMs, endMs, exceptAppointmentId, startMs - kLongestBookingMs});
        if (!res)
            return std::unexpected(res.error());
        return all<Booking>(res->get(), bookingFromRow);
    }

    Status saveBooking(const Booking& b) override
    {
        if (Status s = open(); !s)
            return s;
        return done(
            exec(m_conn.get(),
                 "INSERT INTO srv_booking (clinic_id, appointment_id, provider_id, room_id, patient_id, "
                 "start_ms, end_ms, overbooked) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
                 "ON CONFLICT (clinic_id, appointment_id) DO UPDATE SET provider_id = excluded.provider_id, "
                 "room_id = excluded.room_id, patient_id = excluded.patient_id, start_ms = excluded.start_ms, "
                 "end_ms = excluded.end_ms, overbooked = excluded.overbooked",
                 {m_clinic, b.appointmentId, b.providerId, b.roomId, b.patientId, b.startMs, b.endMs, b.overbooked}));
    }

    Status removeBooking(const std::string& appointmentId) override
    {
        if (Status s = open(); !s)
            return s;
        return done(exec(m_conn.get(), "DELETE FROM srv_booking WHERE clinic_id = $1 AND appointment_id = $2",
                         {m_clinic, appointmentId}));
    }

    Result<std::optional<std::string>> uniqueOwner(const std::string& entity, const std::string& field,
                                                   const std::string& value) override
    {
        if (Status s = open(); !s)
            return std::unexpected(s.error());
        return first<std::string>(exec(m_conn.get(),
                                       "SELECT row_id FROM srv_unique WHERE clinic_id = $1 AND entity = $2 AND "
                                       "field = $3 AND value = $4",
                                       {m_clinic, entity, field, value}),
                                  [](const PGresult* r, int i) { return text(r, i, 0); });
    }

    Status claimUnique(const std::string& entity, const std::string& field, const std::string& value,
                       const std::string& rowId) override
    {
        if (Status s = open(); !s)
            return s;
        return done(exec(m_conn.get(),
                         "INSERT INTO srv_unique (clinic_id, entity, field, value, row_id) VALUES ($1, $2, $3, $4, $5) "
                         "ON CONFLICT (clinic_id, entity, field, value) DO UPDATE SET row_id = excluded.row_id",
                         {m_clinic, entity, field, value, rowId}));
    }

    Status releaseUnique(const std::string& entity, const std::string& field, const std::string& value,
                         const std::string& rowId) override
    {
        if (Status s = open(); !s)
            return s;
        return done(exec(m_conn.get(),
                         "DELETE FROM srv_unique WHERE clinic_id = $1 AND entity = $2 AND field = $3 AND value = $4 "
                         "AND row_id = $5",
                         {m_clinic, entity, field, value, rowId}));
    }

    Status updateAccount(const AccountUpdate& a) override
    {
        if (Status s = open(); !s)
            return s;
        // The account made for this record keeps its id through a change of user name.
        static constexpr const char* kFollow =
            "display_name = $4, role = $5, active = $6, "
            "failed_logins = CASE WHEN $7 <> '' AND $7 <> srv_user.password_hash THEN 0 ELSE srv_user.failed_logins "
            "END, locked_until_ms = CASE WHEN $7 <> '' AND $7 <> srv_user.password_hash THEN 0 ELSE "
            "srv_user.locked_until_ms END, password_hash = CASE WHEN $7 <> '' THEN $7 ELSE srv_user.password_hash END";
        const std::string sql =
            std::string("WITH renamed AS (UPDATE srv_user SET username = $3, ") + kFollow +
            " WHERE clinic_id = $1 AND id = $2 RETURNING id) INSERT INTO srv_user (id, clinic_id, username, "
            "display_name, role, password_hash, active) SELECT $2, $1, $3, $4, $5, $7, $6 WHERE NOT EXISTS (SELECT 1 "
            "FROM renamed) ON CONFLICT (clinic_id, username) DO UPDATE SET " +
            kFollow;
        if (Status s = done(exec(m_conn.get(), sql.c_str(),
                                 {m_clinic, a.rowId, a.username, a.displayName, a.role, a.active, a.key}));
            !s)
            return s;
        if (a.active)
            return {};
        return done(exec(m_conn.get(),
                         "DELETE FROM srv_refresh_token WHERE clinic_id = $1 AND user_id IN (SELECT id FROM srv_user "
                         "WHERE clinic_id = $1 AND username = $2)",
                         {m_clinic, a.username}));
    }

    Status commit(std::int64_t newHighestSeq) override
    {
        if (Status s = open(); !s)
            return s;
        if (newHighestSeq < m_lastSeq)
            return fail(ErrorCode::Validation, "seq", "below a change appended in this push");
        if (Status s = flush(); !s)
            return s;
        if (Status s = done(
                exec(m_conn.get(), "UPDATE srv_clinic SET next_seq = $2 WHERE id = $1", {m_clinic, newHighestSeq}));
            !s)
            return s;
        m_ended = true;
        return committed(m_conn.get());
    }

private:
    Status flush()
    {
        if (!m_newChanges.empty()) {
            std::vector<std::optional<std::string>> seq, id, entity, row, op, hlc, base, fields, device, authorId,
                author;
            for (const auto& c : m_newChanges) {
                seq.push_back(std::to_string(c.seq));
                id.push_back(c.id);
                entity.push_back(c.entity);
                row.push_back(c.rowId);
                op.push_back(c.deleted ? "delete" : "upsert");
                hlc.push_back(c.hlc);
                base.push_back(c.baseHlc);
                fields.push_back(c.fieldsJson.empty() ? encodeFields(c.fields) : c.fieldsJson);
                device.push_back(c.deviceId);
                authorId.push_back(c.authorId);
                author.push_back(c.author);
            }
            auto res =
                exec(m_conn.get(),
                     "INSERT INTO srv_change (clinic_id, seq, change_id, entity, row_id, op, hlc, base_hlc, "
                     "fields, device_id, author_id, author) SELECT $1, * FROM unnest($2::bigint[], "
                     "$3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], "
                     "$10::text[], $11::text[], $12::text[]) ON CONFLICT DO NOTHING",
                     {m_clinic, pgArray(seq), pgArray(id), pgArray(entity), pgArray(row), pgArray(op), pgArray(hlc),
                      pgArray(base), pgArray(fields), pgArray(device), pgArray(authorId), pgArray(author)});
            if (!res)
                return std::unexpected(res.error());
            if (affectedRows(res->get()) != static_cast<std::int64_t>(m_newChanges.size()))
                return fail(ErrorCode::AlreadyExists, "change", "accepted by another push meanwhile");
            m_newChanges.clear();
        }
        if (!m_dirtyRows.empty()) {
            std::vector<std::optional<std::string>> entity, row, doc;
            for (const auto& [key, text] : m_dirtyRows) {
                entity.push_back(key.first);
                row.push_back(key.second);
                doc.push_back(text);
            }
            auto res = exec(m_conn.get(),
                            "INSERT INTO srv_row (clinic_id, entity, row_id, doc) SELECT $1, * FROM "
                            "unnest($2::text[], $3::text[], $4::text[]) ON CONFLICT (clinic_id, entity, row_id) "
                            "DO UPDATE SET doc = excluded.doc",
                            {m_clinic, pgArray(entity), pgArray(row), pgArray(doc)});
            if (!res)
                return std::unexpected(res.error());
            m_dirtyRows.clear();
        }
        return {};
    }

    Status open() const
    {
        if (m_ended)
            return fail(ErrorCode::Internal, "push", "the transaction has ended");
        return {};
    }

    // The column names come from this switch, never from input.
    static const char* overlapQuery(BookingResource resource)
    {
        switch (resource) {
        case BookingResource::Provider:
            return "SELECT appointment_id, provider_id, room_id, patient_id, start_ms, end_ms, overbooked "
                   "FROM srv_booking WHERE clinic_id = $1 AND provider_id = $2 AND start_ms < $4 AND end_ms > $3 "
                   "AND start_ms > $6 AND appointment_id <> $5 ORDER BY start_ms, appointment_id";
        case BookingResource::Room:
            return "SELECT appointment_id, provider_id, room_id, patient_id, start_ms, end_ms, overbooked "
                   "FROM srv_booking WHERE clinic_id = $1 AND room_id = $2 AND room_id <> '' AND start_ms < $4 "
                   "AND end_ms > $3 AND start_ms > $6 AND appointment_id <> $5 ORDER BY start_ms, appointment_id";
        case BookingResource::Patient:
            break;
        }
        return "SELECT appointment_id, provider_id, room_id, patient_id, start_ms, end_ms, overbooked "
               "FROM srv_booking WHERE clinic_id = $1 AND patient_id = $2 AND start_ms < $4 AND end_ms > $3 "
               "AND start_ms > $6 AND appointment_id <> $5 ORDER BY start_ms, appointment_id";
    }

    PostgresPool::Lease m_conn;
    std::string m_clinic;
    // What this push has read or written, so each change costs no round trip for them.
    std::map<std::string, std::optional<std::int64_t>> m_seqCache;
    std::map<std::string, std::optional<Refusal>> m_refusalCache;
    std::map<std::pair<std::string, std::string>, std::optional<SyncRow>> m_rowCache;
    std::vector<SyncChange> m_newChanges;
    std::map<std::pair<std::string, std::string>, std::string> m_dirtyRows;
    std::int64_t m_highest = 0;
    std::int64_t m_lastSeq = 0; // the highest seq locked or appended so far
    bool m_ended = false;
};

} // namespace

Result<std::unique_ptr<PushTransaction>> beginPostgresPush(pg::PostgresPool::Lease conn, const std::string& clinicId)
{
    auto push = std::make_unique<PostgresPush>(std::move(conn), clinicId);
    if (Status s = push->begin(); !s)
        return std::unexpected(s.error());
    return std::unique_ptr<PushTransaction>(std::move(push));
}

} // namespace practica::sync
