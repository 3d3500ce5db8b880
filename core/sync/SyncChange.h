// The unit of replication: one write to one row of a synced table, as it travels between
// workstations and the server. Protocol-neutral (the wire format lives in sync/protocol).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace practica::core {

// One field of a row in its stored text form; nullopt is SQL NULL.
struct FieldValue
{
    std::string name;
    std::optional<std::string> value;
    bool operator==(const FieldValue&) const = default;
};
using SyncField = FieldValue;

// {"field": "value" | null, ...} and back; nullopt when the text is not such an object.
std::string fieldsToJson(const std::vector<FieldValue>& fields);
std::optional<std::vector<FieldValue>> fieldsFromJson(const std::string& json);

// A row's field_hlc column: {"field": "hlc", ...} and back (unreadable text reads as no stamps).
std::map<std::string, std::string> parseFieldStamps(const std::string& json);
std::string fieldStampsToJson(const std::map<std::string, std::string>& stamps);
// A rule's params (conflicts, parked changes): the same JSON object of strings.
inline std::string paramsToJson(const std::map<std::string, std::string>& params)
{
    return fieldStampsToJson(params);
}
inline std::map<std::string, std::string> paramsFromJson(const std::string& json)
{
    return parseFieldStamps(json);
}

struct SyncChange
{
    std::string id;                     // change id (UUID v7), the idempotency key
    std::string entity;                 // table name of the record type
    std::string rowId;                  // the record's UUID
    bool deleted = false;               // a tombstone: the record was deleted at hlc
    std::string hlc;                    // stamp of every field in this change
    std::optional<std::string> baseHlc; // the row's version the writer saw; nullopt when it created the row
    std::vector<SyncField> fields;
    std::string deviceId; // the workstation that made the change
    std::int64_t seq = 0; // the server's sequence number, once accepted
    // Who made the change, as the server saw them when it accepted it (its account id and user name);
    // empty in a push, where the server takes them from the pushing user's token.
    std::string authorId;
    std::string author;
    // In a push: the user name of who made the change and their signature of it (ChangeSignature.h),
    // both empty when it is unsigned.
    std::string signedBy;
    std::string signature;
    // The fields as the server stored them (a JSON object): a pull passes them through without
    // parsing. When set, fields may be empty.
    std::string fieldsJson;
};

// A record as the server holds it after merging every accepted change: values and per-field stamps.
struct SyncRow
{
    std::string entity;
    std::string rowId;
    std::map<std::string, std::optional<std::string>> values;
    std::map<std::string, std::string> fieldHlc;
    std::optional<std::string> deletedHlc; // the highest delete stamp seen, if any
    std::optional<std::string> createdHlc; // the stamp of the change that created it, where the server knows it

    // A row is gone when its latest delete is newer than every field's stamp: the outcome does not
    // depend on the order in which changes arrive.
    bool isDeleted() const;

    // On the wire and in the server's stores a field stamped when the row was made carries no stamp of
    // its own (most fields of most rows): a value without one carries createdHlc. This gives such fields
    // their stamps back, as merging expects; stampIsImplied says which ones may be left out.
    void fillStamps();
    bool stampIsImplied(const std::string& field, const std::string& stamp) const;
};

enum class PushOutcome
{
    Applied,   // accepted and given a sequence number
    Duplicate, // this change id was accepted before (a retried batch)
    Conflict   // refused by a domain rule; the workstation must resolve it
};

// The server's answer for one pushed change.
struct PushResult
{
    std::string changeId;
    PushOutcome outcome = PushOutcome::Applied;
    std::int64_t seq = 0;
    std::string conflictCode;       // e.g. "double_booking", "unique", "permission_denied", "clock_skew"
    std::string reason;             // the rule in English, for logs and for clients older than params
    std::optional<SyncRow> current; // the server's row, so a workstation can undo its refused edit
    // The rule's particulars as named values (which resource, the other record, the missing permission,
    // how far ahead a clock is): front ends make their sentences from the code and these. For an applied
    // change the server redirected to a merged record's survivor: redirected_field, from and to.
    std::map<std::string, std::string> params;
};

// Merges a change into a row, field by field: a field takes the change's value when the change's
// stamp is higher than the field's. Returns the fields whose values were replaced (with their old
// values and stamps) so the caller can keep the losing values in history. A delete wins over
// stamps older than itself; a later upsert revives the row.
struct FieldLoss
{
    std::string field;
    std::optional<std::string> value;
    std::string hlc;
};
std::vector<FieldLoss> mergeChange(SyncRow& row, const SyncChange& change);

} // namespace practica::core
