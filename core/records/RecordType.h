// What each synced record type is, declared once: its table, its fields with their rules, the permission
// every operation on it needs, and the server's rules for it (unique fields, the field that locks it,
// booking clashes). The sync server checks every pushed change against it (a workstation's own checks
// only guard the person at its keyboard); the workstation's merger checks pulled changes against it and
// rebuilds what it derives from a row through the type's hook. Each domain area declares its own types
// (e.g. core/patients/PatientRecords.cpp); adding a record type is one declaration and one migration.
#pragma once

#include "core/Error.h"
#include "core/auth/Permissions.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace practica::core {

class Session;

enum class RecordOp
{
    Create,
    Edit,
    Delete // a tombstone
};
std::string_view recordOpName(RecordOp op); // "create", "edit", "delete"

// Setting a field needs a permission beyond the record's edit permission: to any value, or (when value
// is set) to that value only, e.g. a patient's status to "merged" needs the merge permission.
struct GuardedField
{
    std::string field;
    Permission permission;
    std::optional<std::string> value;
};

// How a field's stored text is read. Every value travels as text (or null).
enum class FieldKind
{
    Text,
    Integer,   // a decimal integer, optionally within [min, max]
    Flag,      // "0" or "1"
    Date,      // YYYY-MM-DD that exists, optionally within [minDate, today]
    Choice,    // one of choices
    Reference, // the id of a live record of type references
};

// A text field's format beyond "any text".
enum class TextFormat
{
    Any,
    UsState, // two-letter USPS code
    Zip,     // 12345 or 12345-6789
    Phone,   // a North American number
    Email,
    Npi,      // 10 digits with the CMS check digit
    TaxId,    // an EIN
    TimeZone, // an IANA zone name
    Color,    // #rrggbb
    DayList,  // weekdays 1..7, comma separated, possibly empty
    UserName, // 2 to 32 of a-z 0-9 . _ -, starting with a letter
    UserKey,  // a user's wrapped key pair (core/crypto/UserKey.h)
    UtcTime,  // YYYY-MM-DDTHH:MM:SSZ that exists
    Sha256,   // 64 lower-case hex digits
    SshHostKey, // an SSH host key's fingerprint as ssh-keygen -l prints it: SHA256: and 43 base64 characters
    RemotePath, // an absolute path on a file server: /, then printable ASCII without quotes or backslashes
};
std::string_view textFormatName(TextFormat format); // "us_state", "zip", ...

struct FieldRule
{
    std::string name;
    FieldKind kind = FieldKind::Text;
    // Never null or blank. A new record may leave it out only when the table gives it a default.
    bool required = false;
    bool hasDefault = false;
    bool allowBlank = false; // required means only "not null": an empty text is a value

    TextFormat format = TextFormat::Any;
    std::optional<std::size_t> maxLength; // Text: at most this many bytes of valid UTF-8
    std::vector<std::string> choices;
    std::optional<std::int64_t> min;
    std::optional<std::int64_t> max;
    std::string minDate;      // Date: not before this date
    bool notInFuture = false; // Date: not after the clinic's today
    std::string references;   // Reference: the record type it names
    // Reference: names a merged record on purpose (the merge trail), so it is never redirected to the
    // survivor.
    bool namesMergedRecord = false;
};

// Two fields of one record that must come in order: first < second (first <= second when orEqual).
struct FieldOrder
{
    std::string first;
    std::string second;
    bool orEqual = false;
};

// The field whose value, once the server holds one, makes the record unchangeable: a signed note takes
// only addenda, a transmitted prescription or a submitted claim is changed by new records.
struct LockRule
{
    std::string field;
};

// A record its author signs (a clinical note). The change that sets signedAtField (which the type's lock
// rule makes final) names the signer, who must be the record's author, and the SHA-256 of the content
// fields as signedContentHash computes it; the server recomputes it from the record as it will be.
struct SignRule
{
    std::string signedAtField;
    std::string signerField;
    std::string hashField;
    std::string authorField;
    std::vector<std::string> contentFields;
};

// Fields a role may change without the type's edit permission, and only these: a clinician starting a
// visit moves the appointment on to "with provider". When valueField is set, it may take only values.
struct EditGrant
{
    Permission permission;
    std::vector<std::string> fields;
    std::string valueField{};
    std::vector<std::string> values{};
};

// A record that holds resources for a time (an appointment): the server refuses an overlap that two
// offline workstations could not see. A record holds nothing while its status is one of freeStatuses.
struct BookingRule
{
    struct Resource
    {
        std::string name;  // "provider", "room", "patient": the word in refusals
        std::string field; // the field holding the resource's id
        bool overbookable = false;
    };
    std::vector<Resource> resources;
    std::string startField;
    std::string endField;
    std::string statusField;
    std::vector<std::string> freeStatuses;
    std::string overbookField; // "1" lets the overbookable resources double up
};

// The record type whose rows are the server's accounts: a synced change of role or activity changes the
// account of that user name at once.
struct AccountLink
{
    std::string usernameField;
    std::string roleField;
    std::string activeField;
    std::string displayNameField;
    std::string keyField; // the user's key pair: the server checks a sign-in's password against it
    // Set by an admin's reset; on their own account a user clears it only with a new key (a new password).
    std::string mustChangeField;
};

// A record that can be merged into another (a duplicate patient into the survivor): the field naming the
// survivor. A change that refers to a merged record is redirected to its survivor by the server.
struct MergeRule
{
    std::string survivorField;
};

// A record that belongs to one user, named by a reference to their user_account (a user's second
// factor): its owner creates and edits it whatever their role (the type's create and edit permissions
// are not asked of them). Nobody else creates it or gives any of its fields a value; a user whose role
// has othersClear may empty its fields (an admin removing the second factor of a lost phone). The
// owner never changes.
struct OwnedRecord
{
    std::string userField;
    std::optional<Permission> othersClear;
};

// Rebuilds what a workstation derives from a row after a merge changed it (the patient search index).
using DerivedHook = std::function<Status(Session& session, const std::string& rowId, bool inserted)>;

struct RecordType
{
    std::string name; // the table, and the entity name on the wire
    // The synced content columns with their rules (not id or version bookkeeping); a field not listed
    // here is refused by the server.
    std::vector<FieldRule> fields;
    std::vector<FieldOrder> order;
    Permission create = Permission::DatabaseAdmin;
    Permission edit = Permission::DatabaseAdmin;
    // nullopt: the type is never deleted (records are made inactive, merged or amended instead), so a
    // tombstone is refused from everyone.
    std::optional<Permission> remove;
    std::vector<GuardedField> guarded;
    // The permission needed to read this type's records at all: a workstation whose sync scope lacks it
    // never receives them (minimum necessary: a front desk workstation holds no clinical notes), and
    // core's stores ask it of every reader. nullopt: every role of the clinic reads them.
    std::optional<Permission> read;
    // Fields withheld from a reader (and a workstation scope) without the permission, while the rest of
    // the record is readable: an encounter's chief complaint is clinical text, its codes are not.
    struct ReadGuard
    {
        std::string field;
        Permission permission;
    };
    std::vector<ReadGuard> readGuarded;
    // The field naming the user a row describes (a user's own account), and the fields nobody may change
    // on their own row, whatever their role: an admin cannot demote or deactivate themselves either.
    std::string ownerField;
    std::vector<std::string> notOnOwnRow;
    // Fields the user may change on their own row without the edit permission (their own password).
    std::vector<std::string> ownerMay;
    // Fields set when a record is made that no change may alter (a user name: the user's key is bound to it).
    std::vector<std::string> fixed;
    std::optional<OwnedRecord> owned;
    // The one row of this type is the clinic itself: its id must be the clinic's id.
    bool clinicRow = false;
    // Fields whose values are unique within a clinic (user names, MRNs): two offline workstations can
    // each hand out the same one.
    std::vector<std::string> unique;
    // Fields whose values together are unique within a clinic among the records where whenField holds
    // whenValue: one active policy per rank per patient.
    struct UniqueTogether
    {
        std::vector<std::string> fields;
        std::string whenField;
        std::string whenValue;
    };
    std::vector<UniqueTogether> uniqueTogether;
    std::optional<LockRule> lock;
    std::optional<SignRule> sign;
    std::vector<EditGrant> grants;
    std::optional<BookingRule> booking;
    std::optional<AccountLink> account;
    std::optional<MergeRule> merge;
    // Columns each workstation computes from other fields: never sent, rebuilt by derive after a merge.
    std::vector<std::string> derivedColumns;
    DerivedHook derive;

    const FieldRule* field(std::string_view fieldName) const;
    // Whether a role may read the type's records, and a given field of them.
    bool readableBy(Role role) const;
    bool fieldReadableBy(Role role, std::string_view fieldName) const;
};

// The record types a process knows: the built-in ones, and in tests test-only ones added to them.
class RecordTypes
{
public:
    // Every synced record type of this build.
    static RecordTypes builtIn();

    // Both hand out references into this object: not callable on a temporary (a range-for over
    // builtIn().all() would read freed memory).
    const RecordType* find(std::string_view name) const&;
    const RecordType* find(std::string_view name) const&& = delete;
    const std::vector<RecordType>& all() const& { return m_types; }
    const std::vector<RecordType>& all() const&& = delete;
    // Adds a type, or replaces the one with the same name.
    void add(RecordType type);

private:
    std::vector<RecordType> m_types;
};

// Each domain area declares its record types.
void addClinicRecordTypes(RecordTypes& types);
void addUserRecordTypes(RecordTypes& types);
void addPatientRecordTypes(RecordTypes& types);
void addScheduleRecordTypes(RecordTypes& types);
void addSecondFactorRecordTypes(RecordTypes& types);
void addChartRecordTypes(RecordTypes& types);
void addBillingRecordTypes(RecordTypes& types);

// The SHA-256 (hex) a signature covers: the record type, the row id and each content field's value or
// its absence, framed so that no two different contents give the same bytes.
std::string signedContentHash(const SignRule& rule, std::string_view entity, std::string_view rowId,
                              const std::function<std::optional<std::string>(const std::string&)>& valueOf);

} // namespace practica::core
