// Claims leave in batches: every ready or queued claim, scrubbed once more, written as one 837P
// interchange with control numbers no workstation of the clinic ever used (the workstation's two-digit
// number, then its own seven-digit sequence). Making the batch submits its claims in the same transaction:
// each is locked (submitted_at, with its lines), gets a "submitted" event, and the file is kept with the
// batch on this workstation. At the server the first workstation's submission of a claim wins; another's
// is refused as a change to a locked record, so a claim never leaves twice.
#pragma once

#include "core/Error.h"
#include "core/billing/ClaimScrubber.h"
#include "core/model/Billing.h"
#include "core/x12/Claim837.h"

#include <optional>
#include <string>
#include <vector>

namespace practica::core {

class Session;

struct HeldClaim
{
    std::string claimId;
    std::string patientControlNumber;
    std::vector<ScrubFinding> findings;
};

struct BatchOutcome
{
    ClaimBatch batch;
    std::string text; // the 837P interchange
    std::vector<std::string> claimIds;
    std::vector<HeldClaim> held; // ready or queued claims the scrubber stopped this time
};

class ClaimBatchStore
{
public:
    explicit ClaimBatchStore(Session& session) : m_session(session) {}

    // The clearinghouse password this workstation remembers (its encrypted database; never synced), so that
    // answers are fetched on a schedule; nullopt forgets it.
    Status rememberPassword(const std::optional<std::string>& password);
    Result<std::optional<std::string>> rememberedPassword();
    // The private key this workstation signs in to an SFTP clearinghouse with (a file here, in OpenSSH
    // format; its passphrase is the password above); nullopt signs in with the password alone.
    Status setKeyFile(const std::optional<std::string>& path);
    Result<std::optional<std::string>> keyFile();

    // The clinic's active clearinghouse; NotFound when none is set up.
    Result<Clearinghouse> clearinghouse();
    Result<Clearinghouse> saveClearinghouse(Clearinghouse settings);

    // One batch of the claims given, else of every ready and queued claim. Claims the scrubber stops stay
    // where they are (held); a batch with no claim left is a Validation error (field claims, rule required).
    Result<BatchOutcome> createBatch(const std::optional<std::vector<std::string>>& claimIds = {});

    Result<std::vector<ClaimBatch>> batches(int limit = 200); // newest first
    // Batches this workstation made that have not reached the clearinghouse yet (their files are here).
    Result<std::vector<ClaimBatch>> unsent();
    // The clearinghouse took the batch; or refused it whole before any 999 (its CORE ErrorCode), which
    // rejects its claims.
    Status markSent(const std::string& batchId);
    Status markRefused(const std::string& batchId, const std::string& errorCode);
    // The 837 this workstation wrote for the batch; NotFound on the clinic's other workstations.
    Result<std::string> fileOf(const std::string& batchId);

    // The 837P values of a claim as it stands (for the writer, and for checks of what would be sent).
    Result<Claim837> claim837(const Claim& claim);

private:
    Session& m_session;
};

// Whether the settings name a way to reach the clearinghouse: caqh needs an https:// endpoint (http:// only
// to 127.0.0.1); sftp needs an sftp://HOST[:PORT] endpoint, a user name, the upload and download folders
// and the host key. A Validation error names the field (rule required or format); file needs nothing.
// Saved settings may leave parts out (complete false: only what is given must be right); settings used to
// send must be complete.
Status checkClearinghouseTransport(const Clearinghouse& settings, bool complete);

// This workstation's next interchange (and group) control number.
Result<std::int64_t> nextInterchangeControl(Session& session);

} // namespace practica::core
