#include "ClearinghouseClient.h"

#include <Poco/DigestEngine.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/MultipartReader.h>
#include <Poco/SHA1Engine.h>
#include <Poco/StreamCopier.h>
#include <curl/curl.h>
#include <map>
#include <mutex>
#include <sstream>

namespace practica::sync {

using core::ErrorCode;
using core::fail;

namespace {

std::once_flag g_curlInit;

std::size_t collect(char* data, std::size_t size, std::size_t count, void* user)
{
    static_cast<std::string*>(user)->append(data, size * count);
    return size * count;
}

std::size_t header(char* data, std::size_t size, std::size_t count, void* user)
{
    const std::string line(data, size * count);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        for (char& c : name)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (name == "content-type") {
            std::string value = line.substr(colon + 1);
            while (!value.empty() && (value.front() == ' '))
                value.erase(0, 1);
            while (!value.empty() && (value.back() == '\r' || value.back() == '\n'))
                value.pop_back();
            *static_cast<std::string*>(user) = value;
        }
    }
    return size * count;
}

int progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    return static_cast<std::atomic<bool>*>(user)->load() ? 1 : 0;
}

} // namespace

std::string coreCheckSum(const std::string& payload)
{
    Poco::SHA1Engine sha1;
    sha1.update(payload);
    return Poco::DigestEngine::digestToHex(sha1.digest());
}

core::Result<std::map<std::string, std::string>> readCoreFields(const std::string& contentType, const std::string& body)
{
    const auto at = contentType.find("boundary=");
    if (contentType.find("multipart/form-data") == std::string::npos || at == std::string::npos)
        return fail(ErrorCode::ProtocolError, "content_type", contentType);
    std::string boundary = contentType.substr(at + 9);
    if (auto semi = boundary.find(';'); semi != std::string::npos)
        boundary.erase(semi);
    if (boundary.size() >= 2 && boundary.front() == '"')
        boundary = boundary.substr(1, boundary.size() - 2);
    std::map<std::string, std::string> fields;
    try {
        std::istringstream in(body);
        Poco::Net::MultipartReader reader(in, boundary);
        while (reader.hasNextPart()) {
            Poco::Net::MessageHeader part;
            reader.nextPart(part);
            std::string disposition;
            Poco::Net::NameValueCollection params;
            Poco::Net::MessageHeader::splitParameters(part.get("Content-Disposition", ""), disposition, params);
            std::string value;
            Poco::StreamCopier::copyToString(reader.stream(), value);
            fields[params.get("name", "")] = std::move(value);
        }
    } catch (const Poco::Exception& e) {
        return fail(ErrorCode::ProtocolError, "body", e.displayText());
    }
    return fields;
}

ClearinghouseClient::ClearinghouseClient(ClearinghouseOptions options) : m_options(std::move(options))
{
    std::call_once(g_curlInit, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    m_curl = curl_easy_init();
}

ClearinghouseClient::~ClearinghouseClient()
{
    if (m_curl)
        curl_easy_cleanup(static_cast<CURL*>(m_curl));
}

core::Result<CoreAnswer> ClearinghouseClient::send(const CoreMessage& message)
{
    CURL* curl = static_cast<CURL*>(m_curl);
    if (!curl)
        return fail(ErrorCode::Internal, "curl", "no handle");
    curl_easy_reset(curl);
    curl_mime* mime = curl_mime_init(curl);
    auto field = [&](const char* name, const std::string& value) {
        curl_mimepart* part = curl_mime_addpart(mime);
        curl_mime_name(part, name);
        curl_mime_data(part, value.data(), value.size());
    };
    field("PayloadType", message.payloadType);
    field("ProcessingMode", message.processingMode);
    field("PayloadID", message.payloadId);
    field("TimeStamp", message.timeStamp);
    field("UserName", m_options.userName);
    field("Password", m_options.password);
    field("SenderID", message.senderId);
    field("ReceiverID", message.receiverId);
    field("CORERuleVersion", message.coreRuleVersion);
    if (!message.payload.empty()) {
        field("PayloadLength", std::to_string(message.payload.size()));
        field("CheckSum", coreCheckSum(message.payload));
        curl_mimepart* part = curl_mime_addpart(mime);
        curl_mime_name(part, "Payload");
        curl_mime_filename(part, (message.payloadId + ".x12").c_str());
        curl_mime_type(part, "application/edi-x12");
        curl_mime_data(part, message.payload.data(), message.payload.size());
    }
    std::string body, contentType;
    char reason[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(curl, CURLOPT_URL, m_options.endpoint.c_str());
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, m_options.connectTimeoutMs);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, m_options.timeoutMs);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(curl, CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));
    if (!m_options.caFile.empty())
        curl_easy_setopt(curl, CURLOPT_CAINFO, m_options.caFile.c_str());
    curl_easy_setopt(curl, CURLOPT_MIMEPOST, mime);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &contentType);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, progress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &m_cancelled);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, reason);
    const CURLcode rc = curl_easy_perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_mime_free(mime);
    if (rc != CURLE_OK)
        return fail(ErrorCode::Offline, "clearinghouse", reason[0] ? reason : curl_easy_strerror(rc));
    if (status == 401 || status == 403)
        return fail(ErrorCode::NotAuthorized, "clearinghouse", std::to_string(status));
    CoreAnswer answer;
    answer.httpStatus = static_cast<int>(status);
    if (status >= 500)
        return fail(ErrorCode::Offline, "clearinghouse", "HTTP " + std::to_string(status));
    auto fields = readCoreFields(contentType, body);
    if (!fields)
        return std::unexpected(fields.error());
    auto get = [&](const char* name) {
        auto it = fields->find(name);
        return it == fields->end() ? std::string() : it->second;
    };
    answer.errorCode = get("ErrorCode");
    answer.errorMessage = get("ErrorMessage");
    answer.payloadType = get("PayloadType");
    answer.payloadId = get("PayloadID");
    answer.payload = get("Payload");
    if (answer.errorCode.empty())
        return fail(ErrorCode::ProtocolError, "ErrorCode", "missing");
    if (!answer.payload.empty()) {
        const std::string length = get("PayloadLength");
        const std::string sum = get("CheckSum");
        if ((!length.empty() && length != std::to_string(answer.payload.size())) ||
            (!sum.empty() && sum != coreCheckSum(answer.payload)))
            return fail(ErrorCode::ProtocolError, "CheckSum", "payload damaged in transit");
    }
    return answer;
}

} // namespace practica::sync
