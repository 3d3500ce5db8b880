// Where practica-server keeps clinics, accounts, devices and the change log: an interface with an
// embedded SQLCipher implementation and a PostgreSQL one. The server process keeps no state of its
// own, so several processes can serve one PostgreSQL store. Every call is scoped by clinic id.
#pragma once

#include "AuditStore.h"
#include "core/Error.h"
#include "core/sync/SyncChange.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace practica::sync {

using core::Result;
using core::Status;
using core::SyncChange;
using core::SyncRow;

struct ServerClinic
{
    std::string id;
    std::string name;
    std::int64_t createdMs = 0;
};

struct ServerUser
{
    std::string id;
    std::string clinicId;
    std::string username;
    std::string displayName;
    std::string role; // admin, front_desk, clinician, biller
    // The credential a sign-in's password must open: the user's synced key (core/crypto/UserKey.h,
    // "uk1$..."), or a libsodium crypto_pwhash_str from an older server.
    std::string passwordHash;
    int failedLogins = 0;
    std::int64_t lockedUntilMs = 0;
    bool active = true;
};

enum class DeviceStatus
{
    Pending,
    Approved,
    Revoked
};

struct ServerDevice
{
    std::string clinicId;
    std::string deviceId;
    std::string name;
    DeviceStatus status = DeviceStatus::Pending;
    std::string requestedBy; // user id
    std::int64_t requestedMs = 0;
    std::string approvedBy;
    std::int64_t approvedMs = 0;
    int number = 0; // the workstation number within the clinic (part of the MRNs it hands out), from 1
    // What the device receives (core::SyncScope's name): "all" or a role's name; set at its first request
    // (the enrolling user's role, "all" for an admin) and changed by an admin.
    std::string scope = "all";
    std::string scopeSetBy{}; // the user (or "server-admin") who last changed it; empty: set at enrolment
    std::int64_t scopeSetMs = 0;
};

struct RefreshToken
{
    std::string tokenHash; // SHA-256 of the token, hex: the token itself is never stored
    std::string clinicId;
    std::string userId;
    std::string deviceId;
    std::int64_t expiresMs = 0;
};

// A merged row as a store keeps it: its id and its document (encodeRow's JSON).
struct StoredRow
{
    std::string rowId;
    std::string doc;
};

// A synced user record as its server account follows it.
struct AccountUpdate
{
    std::string rowId;
    std::string username;
    std::string displayName;
    std::string role;
    bool active = true;
    std::string key; // the user's synced key; empty: keep the account's credential
};

// An active appointment's hold on its provider, room and patient, for the double-booking rule.
struct Booking
{
    std::string appointmentId;
    std::string providerId;
    std::string roomId; // empty when no room
    std::string patientId;
    std::int64_t startMs = 0;
    std::int64_t endMs = 0;
    bool overbooked = false;
};

// Why the server refused a change: a rule's code, its particulars as named values (for front ends to
// word), and the same in English for logs and older clients.
struct Refusal
{
    std::string code;
    std::string reason;
    std::map<std::string, std::string> params;
};

// No appointment is longer than this (the schema allows 12 hours): overlap queries scan only this far
// back from the start they check, which keeps them from reading a resource's whole history.
inline constexpr std::int64_t kLongestBookingMs = 24LL * 60 * 60 * 1000;

enum class BookingResource
{
    Provider,
    Room,
    Patient
};

// One push, all-or-nothing, holding the clinic's sequence counter from begin to commit so that
// sequence numbers become visible to pullers in order (no puller can skip a change).
class PushTransaction
{
public:
    virtual ~PushTransaction() = default;
    // The clinic's highest sequence number as locked at begin.
    virtual std::int64_t highestSeq() const = 0;
    // A hint with the whole batch before it is processed: a store may read what the batch needs in a
    // few round trips instead of several per change.
    virtual Status prefetch(const std::vector<SyncChange>& changes)
    {
        (void)changes;
        return {};
    }
    // The sequence number a change id was accepted under, if it was.
    virtual Result<std::optional<std::int64_t>> acceptedSeq(const std::string& changeId) = 0;
    // The answer a refused change id got, so a retried or replayed push gets the same answer.
    virtual Result<std::optional<Refusal>> refusal(const std::string& changeId) = 0;
    virtual Status recordRefusal(const std::string& changeId, const Refusal& refusal) = 0;
    virtual Result<std::optional<SyncRow>> row(const std::string& entity, const std::string& rowId) = 0;
    virtual Status saveRow(const SyncRow& row) = 0;
    // The rows of these types whose stored form mentions value anywhere, as this push sees them: a list of
    // candidates for the caller to check field by field. It scans the clinic's rows of those types, so it
    // is for rare events (a patient merge), never for every change.
    virtual Result<std::vector<SyncRow>> rowsMentioning(const std::vector<std::string>& entities,
                                                        const std::string& value) = 0;
    // Appends an accepted change (seq already set by the caller, strictly above every earlier one).
    virtual Status appendChange(const SyncChange& change) = 0;
    // Active bookings holding resource in [startMs, endMs), other than the given appointment.
    virtual Result<std::vector<Booking>> overlapping(BookingResource resource, const std::string& resourceId,
                                                     std::int64_t startMs, std::int64_t endMs,
                                                     const std::string& exceptAppointmentId) = 0;
    virtual Status saveBooking(const Booking& booking) = 0;
    virtual Status removeBooking(const std::string& appointmentId) = 0;
    // The row that holds value in a unique field (user names, MRNs), if any.
    virtual Result<std::optional<std::string>> uniqueOwner(const std::string& entity, const std::string& field,
                                                           const std::string& value) = 0;
    virtual Status claimUnique(const std::string& entity, const std::string& field, const std::string& value,
                               const std::string& rowId) = 0;
    virtual Status releaseUnique(const std::string& entity, const std::string& field, const std::string& value,
                                 const std::string& rowId) = 0;
    // The clinic's account of a synced user record follows it: name, role, activity and key (the
    // credential a sign-in's password must open). Made when the clinic has no account of that name; a
    // deactivated account's refresh tokens are revoked; a new key clears the failed sign-in count.
    virtual Status updateAccount(const AccountUpdate& account) = 0;
    // Makes everything durable and sets the clinic's counter to newHighestSeq.
    virtual Status commit(std::int64_t newHighestSeq) = 0;
};

class ServerStore
{
public:
    virtual ~ServerStore() = default;

    // Creates or upgrades the store's schema.
    virtual Status migrate() = 0;

    virtual Status createClinic(const ServerClinic& clinic) = 0;
    virtual Result<std::optional<ServerClinic>> clinic(const std::string& clinicId) = 0;

    virtual Status createUser(const ServerUser& user) = 0;
    virtual Result<std::optional<ServerUser>> user(const std::string& clinicId, const std::string& username) = 0;
    virtual Result<std::optional<ServerUser>> userById(const std::string& userId) = 0;
    virtual Status recordLogin(const std::string& userId, int failedLogins, std::int64_t lockedUntilMs) = 0;
    virtual Status setPassword(const std::string& userId, const std::string& passwordHash) = 0;

    // Inserts the device with the next free workstation number or, when it exists, leaves it as it is.
    virtual Status requestDevice(const ServerDevice& device) = 0;
    virtual Result<std::optional<ServerDevice>> device(const std::string& clinicId, const std::string& deviceId) = 0;
    virtual Result<std::vector<ServerDevice>> devices(const std::string& clinicId) = 0;
    virtual Status setDeviceStatus(const std::string& clinicId, const std::string& deviceId, DeviceStatus status,
                                   const std::string& byUserId, std::int64_t atMs) = 0;
    // NotFound when the clinic has no such device.
    virtual Status setDeviceScope(const std::string& clinicId, const std::string& deviceId, const std::string& scope,
                                  const std::string& byUserId, std::int64_t atMs) = 0;

    virtual Status saveRefreshToken(const RefreshToken& token) = 0;
    // Removes and returns the token: a refresh token is good for one use.
    virtual Result<std::optional<RefreshToken>> takeRefreshToken(const std::string& tokenHash) = 0;

    // NotFound when the clinic does not exist.
    virtual Result<std::unique_ptr<PushTransaction>> beginPush(const std::string& clinicId) = 0;
    virtual Result<std::int64_t> highestSeq(const std::string& clinicId) = 0;
    // Accepted changes with seq > after, in seq order, at most limit.
    virtual Result<std::vector<SyncChange>> changesAfter(const std::string& clinicId, std::int64_t after,
                                                         int limit) = 0;
    // One merged row as committed, read without taking the clinic's push lock.
    virtual Result<std::optional<SyncRow>> row(const std::string& clinicId, const std::string& entity,
                                               const std::string& rowId) = 0;
    // The clinic's merged rows in (entity, row id) order, after the given key, at most limit: for digests.
    virtual Result<std::vector<SyncRow>> rowsAfter(const std::string& clinicId, const std::string& entity,
                                                   const std::string& rowId, int limit) = 0;
    // The clinic's merged rows of one record type in row id order, after rowId, at most limit (tombstones
    // included), as stored (encodeRow's JSON): for the row snapshot a workstation's first sync is served
    // from, which passes most of them through unread.
    virtual Result<std::vector<StoredRow>> rowsOf(const std::string& clinicId, const std::string& entity,
                                                  const std::string& rowId, int limit) = 0;
    // How many rows the clinic holds of each record type (tombstones included).
    virtual Result<std::map<std::string, std::int64_t>> rowCounts(const std::string& clinicId) = 0;

    // The workstations' audit chains (append-only: no way to change or remove an event).
    virtual AuditStore& audit() = 0;
};

std::string_view deviceStatusName(DeviceStatus status);
std::optional<DeviceStatus> deviceStatusFromName(std::string_view name);

} // namespace practica::sync
