// CAQH CORE Connectivity (Phase II, vC2.2.0) over HTTP MIME multipart with libcurl: a batch of claims
// submitted, and the clearinghouse's acknowledgments (999) and claim acknowledgments (277CA) retrieved.
// Each message carries PayloadType, ProcessingMode Batch, PayloadID (a UUID: a resent batch is the same
// message), TimeStamp, SenderID, ReceiverID, CORERuleVersion, UserName and Password, and for a payload
// its PayloadLength and CheckSum (SHA-1). The answer's ErrorCode says whether the message was taken.
#pragma once

#include "core/Error.h"

#include <atomic>
#include <map>
#include <string>

namespace practica::sync {

inline constexpr const char* kPayload837 = "X12_837_Request_005010X222A1";
inline constexpr const char* kRetrieve999 = "X12_999_RetrievalRequest_005010X231A1";
inline constexpr const char* kPayload999 = "X12_999_Response_005010X231A1";
// Batch results are asked for as X12_005010_Request_Batch_Results_<transaction> (the 271's and 277's
// names in the CORE payload type table); the answer carries the transaction's own response type.
inline constexpr const char* kRetrieve277 = "X12_005010_Request_Batch_Results_277";
inline constexpr const char* kPayload277 = "X12_277_Response_005010X214";

struct CoreMessage
{
    std::string payloadType;
    std::string processingMode = "Batch";
    std::string payloadId; // UUID
    std::string timeStamp; // XML dateTime, UTC
    std::string senderId;
    std::string receiverId;
    std::string coreRuleVersion = "2.2.0";
    std::string payload; // empty for a retrieval request
};

struct CoreAnswer
{
    int httpStatus = 0;
    std::string errorCode; // Success, or the clearinghouse's error name (e.g. NoBatchResultsFile)
    std::string errorMessage;
    std::string payloadType;
    std::string payloadId;
    std::string payload;
};

struct ClearinghouseOptions
{
    std::string endpoint; // https://... (http:// only on 127.0.0.1, for the sandbox)
    std::string caFile;
    std::string userName;
    std::string password;
    long connectTimeoutMs = 5000;
    long timeoutMs = 60000;
};

class ClearinghouseClient
{
public:
    explicit ClearinghouseClient(ClearinghouseOptions options);
    ~ClearinghouseClient();
    ClearinghouseClient(const ClearinghouseClient&) = delete;
    ClearinghouseClient& operator=(const ClearinghouseClient&) = delete;

    // One message, sent as multipart/form-data. Offline (not reached, timed out, cut off) when the
    // clearinghouse cannot be reached; ProtocolError when its answer is not a CORE envelope; NotAuthorized
    // for 401 and 403. An answer with an ErrorCode other than Success is returned as it is.
    core::Result<CoreAnswer> send(const CoreMessage& message);
    void cancel() { m_cancelled = true; }

private:
    ClearinghouseOptions m_options;
    void* m_curl = nullptr;
    std::atomic<bool> m_cancelled{false};
};

// The CheckSum of a payload: its SHA-1 in lower-case hex.
std::string coreCheckSum(const std::string& payload);
// Reads a multipart/form-data body into its fields (a CORE envelope); ProtocolError when it is not one.
core::Result<std::map<std::string, std::string>> readCoreFields(const std::string& contentType,
                                                                const std::string& body);

} // namespace practica::sync
