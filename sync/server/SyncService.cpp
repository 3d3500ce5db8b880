#include "SyncService.h"

#include "core/changes/HybridClock.h"
#include "core/records/ChangeAuthorizer.h"
#include "core/records/FieldRules.h"
#include "core/sync/ChangeSignature.h"
#include "core/sync/Digest.h"
#include "core/util/Uuid.h"
#include "core/util/Validators.h"
#include "sync/protocol/PullPageReader.h"

#include <algorithm>
#include <array>
#include <charconv>

namespace practica::sync {

using core::ErrorCode;
using core::fail;

namespace {

std::optional<std::string> valueOf(const SyncRow& row, const std::string& field);

std::optional<Refusal> checkLocked(const core::RecordType& type, const std::optional<SyncRow>& before,
                                   const SyncChange& change)
{
    if (!before || !type.lock || !valueOf(*before, type.lock->field))
        return std::nullopt;
    bool changes = change.deleted;
    for (const auto& f : change.fields) {
        auto current = before->values.find(f.name);
        if (current == before->values.end() || current->second != f.value)
            changes = true;
    }
    if (!changes)
        return std::nullopt;
    return Refusal{"locked_record",
                   change.entity + " " + change.rowId + " is locked: its " + type.lock->field + " is set",
                   {{"record_type", change.entity}, {"field", type.lock->field}}};
}

// The change that signs a record names its author as the signer and the SHA-256 of the content as the
// record will be; a workstation's word for either is not taken. Signer and hash come only with a signature.
std::optional<Refusal> checkSigning(const core::RecordType& type, const SyncRow& after, const SyncChange& change)
{
    if (!type.sign || change.deleted)
        return std::nullopt;
    const core::SignRule& rule = *type.sign;
    // A new draft names the signature's fields empty; only a change that gives one a value signs.
    const bool touches = std::any_of(change.fields.begin(), change.fields.end(), [&](const core::SyncField& f) {
        return f.value && (f.name == rule.signedAtField || f.name == rule.signerField || f.name == rule.hashField);
    });
    if (!touches)
        return std::nullopt;
    const auto refuse = [&](const std::string& field, const std::string& ruleName,
                            std::map<std::string, std::string> extra = {}) {
        extra.insert({{"record_type", type.name}, {"field", field}, {"rule", ruleName}});
        return Refusal{"invalid_field", type.name + "." + field + " breaks the rule " + ruleName, std::move(extra)};
    };
    const auto signedAt = valueOf(after, rule.signedAtField);
    const auto signer = valueOf(after, rule.signerField);
    const auto hash = valueOf(after, rule.hashField);
    if (!signedAt || !signer || !hash) {
        const std::string& missing = !signedAt ? rule.signedAtField : !signer ? rule.signerField : rule.hashField;
        return refuse(missing, "required_together", {{"with", rule.signedAtField}});
    }
    if (signer != valueOf(after, rule.authorField))
        return refuse(rule.signerField, "not_signer");
    const std::string expected = core::signedContentHash(
        rule, type.name, after.rowId, [&](const std::string& field) { return valueOf(after, field); });
    if (*hash != expected)
        return refuse(rule.hashField, "content_hash");
    return std::nullopt;
}

// A field declared fixed keeps the value the record was made with.
std::optional<Refusal> checkFixed(const core::RecordType& type, const std::optional<SyncRow>& before,
                                  const SyncChange& change)
{
    if (!before || before->isDeleted())
        return std::nullopt;
    for (const auto& f : change.fields)
        if (std::find(type.fixed.begin(), type.fixed.end(), f.name) != type.fixed.end() &&
            valueOf(*before, f.name) != f.value)
            return Refusal{"invalid_field",
                           type.name + "." + f.name + " breaks the rule fixed",
                           {{"record_type", type.name}, {"field", f.name}, {"rule", "fixed"}}};
    return std::nullopt;
}

// An admin's reset asks its user for a new password: on their own account the flag goes only with a new key.
std::optional<Refusal> checkOwnPasswordChange(const core::RecordType& type, const Pusher& pusher,
                                              const std::optional<SyncRow>& before, const SyncChange& change)
{
    if (!type.account || type.account->mustChangeField.empty() || !before || before->isDeleted() ||
        valueOf(*before, type.account->usernameField) != pusher.username)
        return std::nullopt;
    const core::AccountLink& link = *type.account;
    bool clears = false, newKey = false;
    for (const auto& f : change.fields) {
        clears = clears || (f.name == link.mustChangeField && f.value == "0" && valueOf(*before, f.name) == "1");
        newKey = newKey || (f.name == link.keyField && f.value && *f.value != valueOf(*before, f.name));
    }
    if (!clears || newKey)
        return std::nullopt;
    return Refusal{"invalid_field",
                   type.name + "." + link.keyField + " breaks the rule required_together",
                   {{"record_type", type.name},
                    {"field", link.keyField},
                    {"rule", "required_together"},
                    {"with", link.mustChangeField}}};
}

std::optional<std::string> valueOf(const SyncRow& row, const std::string& field)
{
    auto it = row.values.find(field);
    return it == row.values.end() ? std::nullopt : it->second;
}

std::optional<std::int64_t> integerOf(const SyncRow& row, const std::string& field)
{
    auto text = valueOf(row, field);
    if (!text)
        return std::nullopt;
    std::int64_t v = 0;
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), v);
    if (ec != std::errc() || end != text->data() + text->size())
        return std::nullopt;
    return v;
}

std::optional<BookingResource> bookingResource(const std::string& name)
{
    if (name == "provider")
        return BookingResource::Provider;
    if (name == "room")
        return BookingResource::Room;
    if (name == "patient")
        return BookingResource::Patient;
    return std::nullopt;
}

// The booking a row holds, or nothing when it holds no slot (a free status, deleted, incomplete).
std::optional<Booking> bookingOf(const core::BookingRule& rule, const SyncRow& row)
{
    if (row.isDeleted())
        return std::nullopt;
    const auto status = valueOf(row, rule.statusField);
    if (!status || std::find(rule.freeStatuses.begin(), rule.freeStatuses.end(), *status) != rule.freeStatuses.end())
        return std::nullopt;
    auto start = integerOf(row, rule.startField);
    auto end = integerOf(row, rule.endField);
    if (!start || !end || *end <= *start)
        return std::nullopt;
    Booking b;
    b.appointmentId = row.rowId;
    b.startMs = *start;
    b.endMs = *end;
    b.overbooked = !rule.overbookField.empty() && valueOf(row, rule.overbookField).value_or("0") == "1";
    for (const auto& r : rule.resources) {
        auto id = valueOf(row, r.field);
        switch (bookingResource(r.name).value_or(BookingResource::Room)) {
        case BookingResource::Provider:
            if (!id)
                return std::nullopt;
            b.providerId = *id;
            break;
        case BookingResource::Patient:
            if (!id)
                return std::nullopt;
            b.patientId = *id;
            break;
        case BookingResource::Room:
            b.roomId = id.value_or("");
            break;
        }
    }
    return b;
}

bool sameHold(const std::optional<Booking>& before, const Booking& after)
{
    return before && before->startMs == after.startMs && before->endMs == after.endMs &&
           before->providerId == after.providerId && before->roomId == after.roomId &&
           before->patientId == after.patientId && before->overbooked == after.overbooked;
}

Result<std::optional<Refusal>> checkDoubleBooking(PushTransaction& tx, const core::BookingRule& rule, const Booking& b)
{
    for (const auto& r : rule.resources) {
        auto resource = bookingResource(r.name);
        if (!resource || (r.overbookable && b.overbooked))
            continue;
        const std::string& id = *resource == BookingResource::Provider ? b.providerId
                                : *resource == BookingResource::Room   ? b.roomId
                                                                       : b.patientId;
        auto others = tx.overlapping(*resource, id, b.startMs, b.endMs, b.appointmentId);
        if (!others)
            return std::unexpected(others.error());
        if (!others->empty()) {
            const Booking& other = others->front();
            return std::optional<Refusal>(Refusal{"double_booking",
                                                  r.name + " " + id + " is already booked by appointment " +
                                                      other.appointmentId + " from " + std::to_string(other.startMs) +
                                                      " to " + std::to_string(other.endMs),
                                                  {{"resource", r.name},
                                                   {"resource_id", id},
                                                   {"other_appointment", other.appointmentId},
                                                   {"from_ms", std::to_string(other.startMs)},
                                                   {"to_ms", std::to_string(other.endMs)}}});
        }
    }
    return std::optional<Refusal>{};
}

// One value a record holds that no other record of its type in the clinic may hold: a unique field's
// value, or a unique-together group's values while its condition holds.
struct UniqueKey
{
    std::string index;  // the field, or the group's fields joined with '+'
    std::string value;  // the value, or the group's values joined with the unit separator
    std::string field;  // the field a person changes to settle a clash (the group's last)
    std::string shown;  // that field's value
    std::string within; // the group's other fields, comma separated; empty for a single field
    bool operator==(const UniqueKey& o) const { return index == o.index && value == o.value; }
};

std::vector<UniqueKey> uniqueKeys(const core::RecordType& type, const SyncRow& row)
{
    std::vector<UniqueKey> keys;
    if (row.isDeleted())
        return keys;
    for (const std::string& field : type.unique)
        if (auto value = valueOf(row, field))
            keys.push_back({field, *value, field, *value, {}});
    for (const auto& group : type.uniqueTogether) {
        if (valueOf(row, group.whenField) != std::optional<std::string>(group.whenValue))
            continue;
        UniqueKey key;
        bool complete = true;
        for (const std::string& field : group.fields) {
            auto value = valueOf(row, field);
            if (!value) {
                complete = false;
                break;
            }
            key.index.append(key.index.empty() ? "" : "+").append(field);
            key.value.append(key.value.empty() ? "" : "\x1f").append(*value);
            key.field = field;
            key.shown = *value;
        }
        for (std::size_t i = 0; i + 1 < group.fields.size(); ++i)
            key.within.append(key.within.empty() ? "" : ",").append(group.fields[i]);
        if (complete)
            keys.push_back(std::move(key));
    }
    return keys;
}

// Records stored before a type's unique-together groups existed are indexed once per clinic, on the first
// push of that type that needs the index.
Status indexUniqueTogether(PushTransaction& tx, const core::RecordType& type)
{
    if (type.uniqueTogether.empty())
        return {};
    auto marker = tx.uniqueOwner(type.name, "#indexed", "unique_together");
    if (!marker)
        return std::unexpected(marker.error());
    if (*marker)
        return {};
    auto rows = tx.rowsMentioning({type.name}, ""); // every row of the type
    if (!rows)
        return std::unexpected(rows.error());
    for (const SyncRow& row : *rows)
        for (const UniqueKey& key : uniqueKeys(type, row))
            if (!key.within.empty())
                if (Status s = tx.claimUnique(type.name, key.index, key.value, row.rowId); !s)
                    return s;
    return tx.claimUnique(type.name, "#indexed", "unique_together", "-");
}

Result<std::optional<Refusal>> checkUnique(PushTransaction& tx, const core::RecordType& type, const SyncRow& after)
{
    if (Status s = indexUniqueTogether(tx, type); !s)
        return std::unexpected(s.error());
    for (const UniqueKey& key : uniqueKeys(type, after)) {
        auto owner = tx.uniqueOwner(type.name, key.index, key.value);
        if (!owner)
            return std::unexpected(owner.error());
        if (*owner && **owner != after.rowId) {
            std::map<std::string, std::string> params{
                {"record_type", type.name}, {"field", key.field}, {"value", key.shown}, {"other_row", **owner}};
            if (!key.within.empty())
                params["within"] = key.within;
            return std::optional<Refusal>(
                Refusal{"unique", key.field + " " + key.shown + " is already used by " + type.name + " " + **owner,
                        std::move(params)});
        }
    }
    return std::optional<Refusal>{};
}

Status updateIndexes(PushTransaction& tx, const core::RecordType& type, const std::optional<SyncRow>& before,
                     const SyncRow& after)
{
    if (type.booking) {
        if (auto b = bookingOf(*type.booking, after)) {
            if (Status s = tx.saveBooking(*b); !s)
                return s;
        } else if (before) {
            if (Status s = tx.removeBooking(after.rowId); !s)
                return s;
        }
    }
    const std::vector<UniqueKey> old = before ? uniqueKeys(type, *before) : std::vector<UniqueKey>{};
    const std::vector<UniqueKey> now = uniqueKeys(type, after);
    for (const UniqueKey& key : old)
        if (std::find(now.begin(), now.end(), key) == now.end())
            if (Status s = tx.releaseUnique(type.name, key.index, key.value, after.rowId); !s)
                return s;
    for (const UniqueKey& key : now)
        if (std::find(old.begin(), old.end(), key) == old.end())
            if (Status s = tx.claimUnique(type.name, key.index, key.value, after.rowId); !s)
                return s;
    return {};
}

// A synced user record's role and activity are the server account's too: the server checks every
// later push of that user against them.
Status followAccount(PushTransaction& tx, const core::RecordType& type, const std::optional<SyncRow>& before,
                     const SyncRow& after)
{
    if (!type.account || after.isDeleted())
        return {};
    const core::AccountLink& link = *type.account;
    auto username = valueOf(after, link.usernameField);
    auto role = valueOf(after, link.roleField);
    if (!username || !role)
        return {};
    auto isActive = [&](const SyncRow& row) { return valueOf(row, link.activeField).value_or("1") != "0"; };
    const bool active = isActive(after);
    if (before && !before->isDeleted() && valueOf(*before, link.roleField) == role && isActive(*before) == active &&
        valueOf(*before, link.usernameField) == username &&
        valueOf(*before, link.displayNameField) == valueOf(after, link.displayNameField) &&
        valueOf(*before, link.keyField) == valueOf(after, link.keyField))
        return {};
    return tx.updateAccount(AccountUpdate{after.rowId, *username,
                                          valueOf(after, link.displayNameField).value_or(*username), *role, active,
                                          valueOf(after, link.keyField).value_or("")});
}

// A reference to a merged record names its survivor instead, following a chain of merges: a booking
// made offline for a duplicate patient belongs to the patient it was merged into. Returns how the change
// was redirected (the first redirected field), empty when it was not.
Result<std::map<std::string, std::string>> redirectReferences(PushTransaction& tx, const core::RecordTypes& types,
                                                              const core::RecordType& type, SyncChange& change)
{
    constexpr int kMaxMergeChain = 8;
    std::map<std::string, std::string> redirect;
    for (core::SyncField& f : change.fields) {
        const core::FieldRule* rule = type.field(f.name);
        if (!rule || rule->kind != core::FieldKind::Reference || rule->namesMergedRecord || !f.value)
            continue;
        const core::RecordType* target = types.find(rule->references);
        if (!target || !target->merge)
            continue;
        std::string id = *f.value;
        for (int hop = 0; hop < kMaxMergeChain; ++hop) {
            auto row = tx.row(target->name, id);
            if (!row)
                return std::unexpected(row.error());
            if (!*row || (*row)->isDeleted())
                break;
            auto survivor = valueOf(**row, target->merge->survivorField);
            if (!survivor || survivor->empty() || *survivor == id || *survivor == change.rowId)
                break;
            id = *survivor;
        }
        if (id == *f.value)
            continue;
        if (redirect.empty())
            redirect = {{"redirected_field", f.name}, {"from", *f.value}, {"to", id}};
        f.value = id;
    }
    return redirect;
}

// The survivor a change has just merged its record into, if it did.
std::optional<std::string> newlyMergedInto(const core::RecordType& type, const std::optional<SyncRow>& before,
                                           const SyncRow& after)
{
    if (!type.merge || after.isDeleted())
        return std::nullopt;
    auto survivor = valueOf(after, type.merge->survivorField);
    if (!survivor || survivor->empty())
        return std::nullopt;
    if (before && !before->isDeleted() && valueOf(*before, type.merge->survivorField) == survivor)
        return std::nullopt;
    return survivor;
}

// A user's key must make every password guess cost at least the server's minimum: every workstation
// seals its data key to it, so one weak key would weaken all of them.
std::optional<Refusal> checkKeyCost(const core::RecordType& type, const SyncChange& change, core::KdfCost minimum)
{
    if (!type.account || type.account->keyField.empty())
        return std::nullopt;
    for (const auto& f : change.fields) {
        if (f.name != type.account->keyField || !f.value || f.value->empty())
            continue;
        auto key = core::UserKey::decode(*f.value);
        if (!key || (key->opsLimit >= minimum.opsLimit && key->memLimit >= minimum.memLimit))
            return std::nullopt; // (a malformed key was refused by the field rules already)
        const std::map<std::string, std::string> params{
            {"record_type", type.name},
            {"field", f.name},
            {"rule", std::string(core::ruleName(core::Rule::WeakKey))},
            {"min_ops", std::to_string(minimum.opsLimit)},
            {"min_mem_mib", std::to_string(minimum.memLimit / (1024 * 1024))}};
        return Refusal{"invalid_field", type.name + "." + f.name + " breaks the rule weak_key", params};
    }
    return std::nullopt;
}

// A value a field rule does not allow: the server stores only valid records.
Result<std::optional<Refusal>> checkRules(PushTransaction& tx, const core::RecordType& type, const SyncChange& change,
                                          const std::optional<SyncRow>& before, const SyncRow& after,
                                          std::int64_t nowMs)
{
    // A clinic's date may run up to 14 hours ahead of UTC (Line Islands): "today" is the latest of them.
    constexpr std::int64_t kEarliestZoneAheadMs = 14LL * 60 * 60 * 1000;
    core::RuleContext context;
    context.todayIso = core::isoDateUtc(nowMs + kEarliestZoneAheadMs);
    context.references = [&tx](const std::string& entity, const std::string& id) -> Result<bool> {
        auto row = tx.row(entity, id);
        if (!row)
            return std::unexpected(row.error());
        return *row && !(*row)->isDeleted();
    };
    const bool creating = !before || before->isDeleted();
    auto violation = core::checkFields(type, change, creating, after, context);
    if (!violation)
        return std::unexpected(violation.error());
    if (!*violation)
        return std::optional<Refusal>{};
    const core::RuleViolation& v = **violation;
    return std::optional<Refusal>(Refusal{"invalid_field", type.name + "." + v.field + " breaks the rule " + v.rule,
                                          core::violationParams(type, v)});
}

std::optional<Refusal> checkShape(const SyncChange& c, const std::optional<SyncRow>& before)
{
    core::HlcStamp stamp;
    if (!core::HlcStamp::parse(c.hlc, stamp))
        return Refusal{"invalid_change", "hlc is not a hybrid logical clock stamp", {{"field", "hlc"}}};
    if (!before && c.baseHlc && !c.deleted)
        return Refusal{
            "unknown_row", c.entity + " " + c.rowId + " is not known to the server", {{"record_type", c.entity}}};
    return std::nullopt;
}

// A stamp the server's clock says cannot be: too far ahead (its workstation's clock is wrong, and it
// would win every merge of its fields until real time caught up), older than the record it edits, or
// older than the clinic.
std::optional<Refusal> checkStamp(const SyncChange& c, std::int64_t nowMs, const std::optional<SyncRow>& before,
                                  const std::optional<std::string>& clinicCreated)
{
    core::HlcStamp stamp;
    core::HlcStamp::parse(c.hlc, stamp);
    const std::int64_t ahead = stamp.physicalMs - nowMs;
    if (ahead > SyncService::kMaxClockAheadMs)
        return Refusal{
            "clock_skew",
            "the change is stamped " + std::to_string(ahead / 1000) + " s ahead of the server's clock",
            {{"ahead_ms", std::to_string(ahead)}, {"limit_ms", std::to_string(SyncService::kMaxClockAheadMs)}}};
    if (stamp.physicalMs < SyncService::kEarliestStampMs || (clinicCreated && c.hlc < *clinicCreated))
        return Refusal{"impossible_stamp",
                       "the change is stamped before the clinic existed",
                       {{"before", "clinic"}, {"hlc", c.hlc}}};
    // A second creation of a record named the same on two workstations (one patient's allergy review) may
    // be older than the first that arrived; an edit, which saw the record, cannot.
    if (before && before->createdHlc && c.baseHlc && c.hlc < *before->createdHlc)
        return Refusal{"impossible_stamp",
                       "the change is stamped before the record was created",
                       {{"before", "record"}, {"hlc", c.hlc}}};
    return std::nullopt;
}

// An account that may sign changes (core/sync/ChangeSignature.h): active, with a key that names its signing
// half. A change whose signature this key verifies is authorized as this account, whoever's connection
// pushed it; any other change is authorized as the pushing account (a signature made with a key since
// replaced, or a forged one, confers nothing).
struct SigningAccount
{
    Pusher as;
    std::string signingPublicKey;
};

Result<std::optional<SigningAccount>> signingAccount(PushTransaction& tx, const core::RecordTypes& types,
                                                     const std::string& clinicId, const std::string& username)
{
    const core::RecordType* accounts = nullptr;
    for (const core::RecordType& t : types.all())
        if (t.account)
            accounts = &t;
    if (!accounts)
        return std::optional<SigningAccount>{};
    const core::AccountLink& link = *accounts->account;
    auto owner = tx.uniqueOwner(accounts->name, link.usernameField, username);
    if (!owner)
        return std::unexpected(owner.error());
    if (!*owner)
        return std::optional<SigningAccount>{};
    auto row = tx.row(accounts->name, **owner);
    if (!row)
        return std::unexpected(row.error());
    if (!*row || (*row)->isDeleted() || valueOf(**row, link.activeField).value_or("1") == "0")
        return std::optional<SigningAccount>{};
    auto role = core::roleFromName(valueOf(**row, link.roleField).value_or(""));
    auto key = core::UserKey::decode(valueOf(**row, link.keyField).value_or(""));
    if (!role || !key || key->signingPublicKey.empty())
        return std::optional<SigningAccount>{};
    return std::optional<SigningAccount>(
        SigningAccount{Pusher{clinicId, **owner, username, *role}, key->signingPublicKey});
}

// The pushing user as the authorizer sees them; for a record that belongs to one user, with the id of
// their user_account row (the server's account ids are its own).
Result<core::ChangeAuthor> changeAuthor(PushTransaction& tx, const core::RecordType& type, const Pusher& pusher)
{
    core::ChangeAuthor author{pusher.role, pusher.username};
    if (!type.owned)
        return author;
    auto row = tx.uniqueOwner("user_account", "username", pusher.username);
    if (!row)
        return std::unexpected(row.error());
    author.userId = row->value_or("");
    return author;
}

std::optional<Refusal> checkPermission(const core::RecordType& type, const Pusher& pusher,
                                       const core::ChangeAuthor& author, const std::optional<SyncRow>& before,
                                       const SyncChange& c)
{
    if (type.clinicRow && c.rowId != pusher.clinicId)
        return Refusal{"permission_denied",
                       "a clinic has one " + type.name + " record, its own",
                       {{"record_type", type.name}, {"operation", "create"}, {"field", "id"}}};
    auto denial = core::ChangeAuthorizer::check(type, author, before, c);
    if (!denial)
        return std::nullopt;
    Refusal r{"permission_denied",
              {},
              {{"record_type", type.name}, {"operation", std::string(core::recordOpName(denial->op))}}};
    r.params["role"] = std::string(core::roleName(pusher.role));
    if (!denial->field.empty())
        r.params["field"] = denial->field;
    if (denial->missing)
        r.params["permission"] = std::string(core::permissionName(*denial->missing));
    if (denial->ownRow)
        r.params["own_record"] = "1";
    if (denial->ownerOnly)
        r.params["owner_only"] = "1";
    std::string why;
    if (denial->ownerOnly)
        why = " (only the user it belongs to may)";
    else if (denial->missing)
        why = " (needs " + std::string(core::permissionName(*denial->missing)) + ")";
    else if (denial->ownRow)
        why = " on their own record";
    else
        why = " (records of this type are never deleted)";
    r.reason = std::string(core::roleName(pusher.role)) + " may not " + std::string(core::recordOpName(denial->op)) +
               " " + type.name + (denial->field.empty() ? "" : "." + denial->field) + why;
    return r;
}

} // namespace

Result<int> SyncService::moveToSurvivor(PushTransaction& tx, const core::RecordType& mergedType,
                                        const std::string& mergedId, const std::string& survivorId,
                                        const Pusher& pusher, core::HybridClock& serverClock, std::int64_t& seq)
{
    // The types with a reference that follows merges of this type, and those fields.
    std::vector<std::string> entities;
    for (const core::RecordType& t : m_types.all())
        for (const core::FieldRule& f : t.fields)
            if (f.kind == core::FieldKind::Reference && f.references == mergedType.name && !f.namesMergedRecord) {
                entities.push_back(t.name);
                break;
            }
    auto candidates = tx.rowsMentioning(entities, mergedId);
    if (!candidates)
        return std::unexpected(candidates.error());
    int moved = 0;
    for (const SyncRow& row : *candidates) {
        if (row.isDeleted() || (row.entity == mergedType.name && row.rowId == mergedId))
            continue;
        const core::RecordType* type = m_types.find(row.entity);
        SyncChange change;
        for (const core::FieldRule& f : type->fields)
            if (f.kind == core::FieldKind::Reference && f.references == mergedType.name && !f.namesMergedRecord &&
                valueOf(row, f.name) == mergedId)
                change.fields.push_back({f.name, survivorId});
        if (change.fields.empty())
            continue;
        // A server-made change stamped after everything the row holds, so every workstation takes it.
        for (const auto& [field, stamp] : row.fieldHlc) {
            core::HlcStamp s;
            if (core::HlcStamp::parse(stamp, s))
                serverClock.observe(s);
        }
        change.id = core::uuidV7(m_clock.nowMs());
        change.entity = row.entity;
        change.rowId = row.rowId;
        change.hlc = serverClock.now().toString();
        change.deviceId = "server";
        change.authorId = pusher.userId;
        change.author = pusher.username;
        change.seq = ++seq;
        SyncRow after = row;
        core::mergeChange(after, change);
        if (Status s = tx.appendChange(change); !s)
            return std::unexpected(s.error());
        if (Status s = tx.saveRow(after); !s)
            return std::unexpected(s.error());
        if (Status s = updateIndexes(tx, *type, row, after); !s)
            return std::unexpected(s.error());
        ++moved;
    }
    return moved;
}

core::KdfCost SyncService::defaultMinimumKeyCost()
{
    return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

Result<PushResponse> SyncService::push(const Pusher& pusher, const PushRequest& request)
{
    auto tx = m_store.beginPush(pusher.clinicId);
    if (!tx)
        return std::unexpected(tx.error());
    PushTransaction& t = **tx;
    if (Status s = t.prefetch(request.changes); !s)
        return std::unexpected(s.error());
    // The clinic record's creation stamp bounds every stamp from below, once the server has it.
    auto clinicRow = t.row("clinic", pusher.clinicId);
    if (!clinicRow)
        return std::unexpected(clinicRow.error());
    std::optional<std::string> clinicCreated = *clinicRow ? (*clinicRow)->createdHlc : std::nullopt;
    const std::int64_t nowMs = m_clock.nowMs();
    std::int64_t seq = t.highestSeq();
    PushResponse response;
    response.results.reserve(request.changes.size());
    core::HybridClock serverClock(m_clock, "server");
    std::map<std::string, std::optional<SigningAccount>> signers; // by user name; forgotten when an account changes
    for (const SyncChange& pushed : request.changes) {
        SyncChange change = pushed;
        // Who the change is authorized as and recorded by: its signing author, or the pushing account.
        std::optional<Pusher> signer;
        if (!pushed.signature.empty() && pushed.signedBy != pusher.username) {
            auto known = signers.find(pushed.signedBy);
            if (known == signers.end()) {
                auto account = signingAccount(t, m_types, pusher.clinicId, pushed.signedBy);
                if (!account)
                    return std::unexpected(account.error());
                known = signers.emplace(pushed.signedBy, std::move(*account)).first;
            }
            if (known->second && core::verifyChange(known->second->signingPublicKey, pushed, pushed.signature))
                signer = known->second->as;
        }
        const Pusher& author = signer ? *signer : pusher;
        PushResult result;
        result.changeId = change.id;
        auto seen = t.acceptedSeq(change.id);
        if (!seen)
            return std::unexpected(seen.error());
        if (*seen) {
            result.outcome = PushOutcome::Duplicate;
            result.seq = **seen;
            response.results.push_back(std::move(result));
            continue;
        }
        auto refusedBefore = t.refusal(change.id);
        if (!refusedBefore)
            return std::unexpected(refusedBefore.error());
        auto before = t.row(change.entity, change.rowId);
        if (!before)
            return std::unexpected(before.error());
        if (*refusedBefore) {
            result.outcome = PushOutcome::Conflict;
            result.conflictCode = (*refusedBefore)->code;
            result.reason = (*refusedBefore)->reason;
            result.params = (*refusedBefore)->params;
            result.current = *before;
            response.results.push_back(std::move(result));
            continue;
        }
        const core::RecordType* type = m_types.find(change.entity);
        std::map<std::string, std::string> redirected;
        if (type && !change.deleted) {
            auto r = redirectReferences(t, m_types, *type, change);
            if (!r)
                return std::unexpected(r.error());
            redirected = std::move(*r);
        }
        SyncRow after = *before ? **before : SyncRow{change.entity, change.rowId, {}, {}, std::nullopt, std::nullopt};
        core::mergeChange(after, change);

        std::optional<Refusal> refusal = checkShape(change, *before);
        if (!refusal && !type)
            refusal = Refusal{"unknown_record_type",
                              change.entity + " is not a record type this server knows",
                              {{"record_type", change.entity}}};
        if (!refusal)
            refusal = checkStamp(change, nowMs, *before, clinicCreated);
        if (!refusal) {
            auto changeBy = changeAuthor(t, *type, author);
            if (!changeBy)
                return std::unexpected(changeBy.error());
            refusal = checkPermission(*type, author, *changeBy, *before, change);
        }
        if (!refusal)
            refusal = checkLocked(*type, *before, change);
        if (!refusal) {
            auto invalid = checkRules(t, *type, change, *before, after, nowMs);
            if (!invalid)
                return std::unexpected(invalid.error());
            refusal = std::move(*invalid);
        }
        if (!refusal)
            refusal = checkFixed(*type, *before, change);
        if (!refusal)
            refusal = checkSigning(*type, after, change);
        if (!refusal)
            refusal = checkOwnPasswordChange(*type, author, *before, change);
        if (!refusal)
            refusal = checkKeyCost(*type, change, m_minimumKeyCost);
        if (!refusal) {
            auto unique = checkUnique(t, *type, after);
            if (!unique)
                return std::unexpected(unique.error());
            refusal = std::move(*unique);
        }
        if (!refusal && type->booking) {
            // A change that leaves what the record holds as it was (checking a patient in) takes nothing
            // new: an overlap accepted before (an overbooking beside it) is no reason to refuse it.
            auto booking = bookingOf(*type->booking, after);
            if (booking && *before && sameHold(bookingOf(*type->booking, **before), *booking))
                booking.reset();
            if (booking) {
                auto clash = checkDoubleBooking(t, *type->booking, *booking);
                if (!clash)
                    return std::unexpected(clash.error());
                refusal = std::move(*clash);
            }
        }
        if (refusal) {
            if (Status s = t.recordRefusal(change.id, *refusal); !s)
                return std::unexpected(s.error());
            result.outcome = PushOutcome::Conflict;
            result.conflictCode = std::move(refusal->code);
            result.reason = std::move(refusal->reason);
            result.params = std::move(refusal->params);
            result.current = *before;
            response.results.push_back(std::move(result));
            continue;
        }

        // Only a creation says when a record began: a record stored before creation stamps were kept
        // gets none, rather than the stamp of whichever edit of it happens to arrive first.
        if (!*before && !change.deleted)
            after.createdHlc = change.hlc;
        // A record made on two workstations under one id began at the earlier making: an edit either desk
        // then made of its own copy is no older than the record.
        else if (!change.baseHlc && !change.deleted && after.createdHlc && change.hlc < *after.createdHlc)
            after.createdHlc = change.hlc;
        if (after.entity == "clinic" && after.rowId == pusher.clinicId && !clinicCreated)
            clinicCreated = after.createdHlc;
        SyncChange accepted = change;
        accepted.deviceId = request.deviceId;
        accepted.authorId = author.userId;
        accepted.author = author.username;
        accepted.seq = ++seq;
        if (Status s = t.appendChange(accepted); !s)
            return std::unexpected(s.error());
        if (Status s = t.saveRow(after); !s)
            return std::unexpected(s.error());
        if (Status s = updateIndexes(t, *type, *before, after); !s)
            return std::unexpected(s.error());
        if (Status s = followAccount(t, *type, *before, after); !s)
            return std::unexpected(s.error());
        if (type->account)
            signers.clear();
        if (auto survivor = newlyMergedInto(*type, *before, after)) {
            auto moved = moveToSurvivor(t, *type, change.rowId, *survivor, author, serverClock, seq);
            if (!moved)
                return std::unexpected(moved.error());
        }
        result.outcome = PushOutcome::Applied;
        result.seq = accepted.seq;
        result.params = std::move(redirected);
        response.results.push_back(std::move(result));
    }
    if (Status s = t.commit(seq); !s)
        return std::unexpected(s.error());
    response.highestSeq = seq;
    return response;
}

Result<PullResponse> SyncService::pull(const std::string& clinicId, std::int64_t after, int limit,
                                       const core::SyncScope& scope)
{
    limit = std::clamp(limit, 1, kMaxPullPage);
    auto highest = m_store.highestSeq(clinicId);
    if (!highest)
        return std::unexpected(highest.error());
    auto changes = m_store.changesAfter(clinicId, after, limit);
    if (!changes)
        return std::unexpected(changes.error());
    PullResponse response;
    response.highestSeq = *highest;
    response.next = changes->empty() ? after : changes->back().seq;
    response.more = response.next < *highest;
    response.scope = scope.name();
    if (scope.isAll()) {
        response.changes = std::move(*changes);
        return response;
    }
    response.changes.reserve(changes->size());
    for (SyncChange& change : *changes)
        if (auto seen = scope.filter(change, m_types))
            response.changes.push_back(std::move(*seen));
    return response;
}

Result<SnapshotStart> SyncService::snapshotStart(const std::string& clinicId, const core::SyncScope& scope)
{
    // Numbers first: a row read after it holds at least every change up to it.
    auto highest = m_store.highestSeq(clinicId);
    if (!highest)
        return std::unexpected(highest.error());
    auto counts = m_store.rowCounts(clinicId);
    if (!counts)
        return std::unexpected(counts.error());
    SnapshotStart start;
    start.seq = *highest;
    start.scope = scope.name();
    for (const auto& [entity, count] : *counts) {
        const core::RecordType* type = m_types.find(entity);
        if (!type || scope.reads(*type))
            start.rows[entity] = count;
    }
    return start;
}

Result<SnapshotPage> SyncService::snapshotPage(const std::string& clinicId, const std::string& entity,
                                               const std::string& afterRowId, int limit, const core::SyncScope& scope)
{
    limit = std::clamp(limit, 1, kMaxSnapshotPage);
    SnapshotPage page;
    page.entity = entity;
    page.after = afterRowId;
    page.scope = scope.name();
    const core::RecordType* type = m_types.find(entity);
    if (type && !scope.reads(*type))
        return page;
    auto rows = m_store.rowsOf(clinicId, entity, afterRowId, limit);
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->empty())
        return page;
    page.after = rows->back().rowId;
    page.more = static_cast<int>(rows->size()) == limit;
    // A row the scope sees whole travels as stored, unread.
    const bool whole =
        scope.isAll() || !type ||
        std::all_of(type->readGuarded.begin(), type->readGuarded.end(),
                    [&](const core::RecordType::ReadGuard& g) { return scope.readsField(*type, g.field); });
    if (whole) {
        page.rowsJson.reserve(rows->size());
        for (StoredRow& stored : *rows)
            page.rowsJson.push_back(std::move(stored.doc));
        return page;
    }
    page.rows.reserve(rows->size());
    for (const StoredRow& stored : *rows) {
        auto row = readRow(stored.doc);
        if (!row)
            return std::unexpected(row.error());
        if (auto seen = scope.filter(*row, m_types))
            page.rows.push_back(std::move(*seen));
    }
    return page;
}

Result<std::optional<SyncRow>> SyncService::row(const std::string& clinicId, const std::string& entity,
                                                const std::string& rowId, const core::SyncScope& scope)
{
    auto found = m_store.row(clinicId, entity, rowId);
    if (!found || !*found)
        return found;
    return scope.filter(**found, m_types);
}

Result<std::string> SyncService::digest(const std::string& clinicId, const core::SyncScope& scope)
{
    core::RecordDigest digest;
    std::string entity;
    std::string rowId;
    while (true) {
        auto page = m_store.rowsAfter(clinicId, entity, rowId, 2000);
        if (!page)
            return std::unexpected(page.error());
        if (page->empty())
            break;
        for (const SyncRow& stored : *page) {
            if (stored.isDeleted())
                continue;
            // The whole clinic's digest copies no row.
            std::optional<SyncRow> filtered;
            const SyncRow* row = &stored;
            if (!scope.isAll()) {
                filtered = scope.filter(stored, m_types);
                if (!filtered)
                    continue;
                row = &*filtered;
            }
            digest.beginRow(row->entity, row->rowId);
            for (const auto& [name, value] : row->values) // std::map: name order
                digest.field(name, value);
        }
        entity = page->back().entity;
        rowId = page->back().rowId;
    }
    return digest.hex();
}

} // namespace practica::sync
