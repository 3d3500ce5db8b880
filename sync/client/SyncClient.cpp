#include "SyncClient.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <cctype>
#include <curl/curl.h>
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

int progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    return static_cast<std::atomic<bool>*>(user)->load() ? 1 : 0;
}

Poco::JSON::Object::Ptr parse(const std::string& body)
{
    try {
        Poco::JSON::Parser parser;
        return parser.parse(body).extract<Poco::JSON::Object::Ptr>();
    } catch (...) {
        return nullptr;
    }
}

std::string text(const Poco::JSON::Object::Ptr& o, const char* key)
{
    return o && o->has(key) && o->get(key).isString() ? o->getValue<std::string>(key) : std::string();
}

Result<ClientTokens> tokensFrom(const std::string& body)
{
    auto o = parse(body);
    if (!o || text(o, "access_token").empty())
        return fail(ErrorCode::ProtocolError, "login", "no token in the answer");
    ClientTokens t;
    t.accessToken = text(o, "access_token");
    t.refreshToken = text(o, "refresh_token");
    t.expiresInSeconds = o->optValue<Poco::Int64>("expires_in", 0);
    t.userId = text(o, "user_id");
    t.clinicId = text(o, "clinic");
    t.role = text(o, "role");
    t.displayName = text(o, "display_name");
    t.keyMaterial = text(o, "key_material");
    t.deviceStatus = text(o, "device_status");
    t.workstationNumber = o->optValue<int>("workstation_number", 0);
    return t;
}

std::string jsonBody(std::initializer_list<std::pair<const char*, std::string>> fields)
{
    Poco::JSON::Object o;
    for (const auto& [k, v] : fields)
        o.set(k, v);
    std::ostringstream out;
    o.stringify(out);
    return out.str();
}

} // namespace

SyncClient::SyncClient(ClientOptions options) : m_options(std::move(options))
{
    std::call_once(g_curlInit, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    m_curl = curl_easy_init();
    while (!m_options.serverUrl.empty() && m_options.serverUrl.back() == '/')
        m_options.serverUrl.pop_back();
}

SyncClient::~SyncClient()
{
    if (m_curl)
        curl_easy_cleanup(static_cast<CURL*>(m_curl));
}

core::Error SyncClient::errorFor(const Response& r)
{
    auto o = parse(r.body);
    const std::string code = text(o, "error");
    const std::string detail = text(o, "detail");
    switch (r.status) {
    case 400:
        if (code == "validation" && o && core::ruleFromName(text(o, "rule"))) {
            // A broken rule, as fields; an older server sent only its detail text.
            core::Error e = core::Error::make(ErrorCode::Validation, text(o, "field"), text(o, "rule"));
            if (auto params = o->getObject("params"))
                for (const auto& [name, value] : *params)
                    if (value.isString())
                        e.params[name] = value.toString();
            return e;
        }
        return core::Error::make(code == "validation" ? ErrorCode::Validation : ErrorCode::ProtocolError, "server",
                                 detail.empty() ? code : detail);
    case 401:
        if (code == "second_factor_required")
            return core::Error::make(ErrorCode::SecondFactorRequired, "code");
        if (code == "wrong_second_factor")
            return core::Error::make(ErrorCode::WrongSecondFactor, "code", detail);
        return core::Error::make(code == "wrong_password" ? ErrorCode::WrongPassword : ErrorCode::NotAuthorized);
    case 403:
        return core::Error::make(code == "device_not_approved" ? ErrorCode::DeviceNotApproved
                                                               : ErrorCode::PermissionDenied,
                                 "server", detail);
    case 404:
        return core::Error::make(ErrorCode::NotFound, "server", detail);
    case 409:
        return core::Error::make(ErrorCode::AlreadyExists, "server", detail);
    case 413:
        return core::Error::make(ErrorCode::Validation, "server", core::Rule::TooLarge);
    case 423:
        return core::Error::make(ErrorCode::AccountLocked, "server", detail);
    case 426:
        return core::Error::make(ErrorCode::UpdateRequired, "server", detail);
    default:
        if (r.status >= 500)
            return core::Error::make(ErrorCode::Offline, "server", "server error " + std::to_string(r.status));
        return core::Error::make(ErrorCode::ProtocolError, "server", "HTTP " + std::to_string(r.status));
    }
}

Result<SyncClient::Response> SyncClient::request(const std::string& method, const std::string& path,
                                                 const std::string& body, bool authenticated)
{
    if (m_cancelled)
        return fail(ErrorCode::Offline, "sync", core::Rule::Cancelled);
    CURL* curl = static_cast<CURL*>(m_curl);
    if (!curl)
        return fail(ErrorCode::Internal, "curl", "no handle");
    curl_easy_reset(curl);
    const std::string url = m_options.serverUrl + path;
    Response response;
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, m_options.connectTimeoutMs);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, m_options.timeoutMs);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(curl, CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));
    if (!m_options.caFile.empty())
        curl_easy_setopt(curl, CURLOPT_CAINFO, m_options.caFile.c_str());
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "gzip");
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, progress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &m_cancelled);

    curl_slist* headers = nullptr;
    const std::string protocol = std::string(kProtocolHeader) + ": " + std::to_string(kProtocolVersion);
    headers = curl_slist_append(headers, protocol.c_str());
    headers = curl_slist_append(headers, "Content-Type: application/json");
    std::string bearer;
    if (authenticated) {
        bearer = "Authorization: Bearer " + m_accessToken;
        headers = curl_slist_append(headers, bearer.c_str());
    }
    std::string payload;
    if (method == "POST") {
        // Large batches travel compressed; small ones are not worth the CPU.
        if (body.size() > 4096) {
            payload = gzip(body);
            headers = curl_slist_append(headers, "Content-Encoding: gzip");
        } else {
            payload = body;
        }
        curl_easy_setopt(curl, CURLOPT_POST, 1L);
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, payload.data());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(payload.size()));
    }
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    char reason[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, reason);
    const CURLcode rc = curl_easy_perform(curl);
    curl_slist_free_all(headers);
    if (rc != CURLE_OK) {
        if (rc == CURLE_ABORTED_BY_CALLBACK)
            return fail(ErrorCode::Offline, "sync", core::Rule::Cancelled);
        const std::string why = reason[0] ? reason : curl_easy_strerror(rc);
        if (rc == CURLE_PEER_FAILED_VERIFICATION || rc == CURLE_SSL_CACERT_BADFILE)
            return fail(ErrorCode::NotAuthorized, "certificate", why);
        return fail(ErrorCode::Offline, m_options.serverUrl, why);
    }
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
    if (response.status < 200 || response.status >= 300)
        return std::unexpected(errorFor(response));
    return response;
}

Result<ClientTokens> SyncClient::login(const std::string& clinicId, const std::string& username,
                                       const std::string& password, const std::string& deviceId,
                                       const std::string& deviceName, const std::string& secondFactor)
{
    auto r = request("POST", "/v1/login",
                     jsonBody({{"clinic", clinicId},
                               {"username", username},
                               {"password", password},
                               {"device", deviceId},
                               {"device_name", deviceName},
                               {"totp", secondFactor}}),
                     false);
    if (!r)
        return std::unexpected(r.error());
    auto tokens = tokensFrom(r->body);
    if (tokens)
        m_accessToken = tokens->accessToken;
    return tokens;
}

Result<ClientTokens> SyncClient::refresh(const std::string& refreshToken)
{
    auto r = request("POST", "/v1/token/refresh", jsonBody({{"refresh_token", refreshToken}}), false);
    if (!r)
        return std::unexpected(r.error());
    auto tokens = tokensFrom(r->body);
    if (tokens)
        m_accessToken = tokens->accessToken;
    return tokens;
}

Result<AuditPushResponse> SyncClient::pushAudit(const AuditPushRequest& req)
{
    auto r = request("POST", "/v1/audit", encodeAuditPush(req), true);
    if (!r)
        return std::unexpected(r.error());
    return decodeAuditPushResponse(r->body);
}

Result<PushResponse> SyncClient::push(const PushRequest& req)
{
    auto r = request("POST", "/v1/push", encodePush(req), true);
    if (!r)
        return std::unexpected(r.error());
    auto decoded = decodePushResponse(r->body);
    if (!decoded)
        return decoded;
    // Every change must be answered, or the outbox could drop one the server never saw.
    if (decoded->results.size() != req.changes.size())
        return fail(ErrorCode::ProtocolError, "push", "answers do not match the changes sent");
    for (std::size_t i = 0; i < req.changes.size(); ++i)
        if (decoded->results[i].changeId != req.changes[i].id)
            return fail(ErrorCode::ProtocolError, "push", "answers do not match the changes sent");
    return decoded;
}

Result<PullResponse> SyncClient::pull(std::int64_t after, int limit)
{
    auto r = request("GET", "/v1/changes?after=" + std::to_string(after) + "&limit=" + std::to_string(limit), {}, true);
    if (!r)
        return std::unexpected(r.error());
    auto page = decodePull(r->body);
    if (!page)
        return page;
    std::int64_t last = after;
    for (const auto& c : page->changes) {
        if (c.seq <= last)
            return fail(ErrorCode::ProtocolError, "pull", "changes out of sequence");
        last = c.seq;
    }
    // Past the last change when the server left changes out for this workstation's scope, never before it.
    if (page->next < last)
        return fail(ErrorCode::ProtocolError, "pull", "cursor does not match the page");
    return page;
}

Result<SnapshotStart> SyncClient::snapshotStart()
{
    auto r = request("GET", "/v1/snapshot", {}, true);
    if (!r)
        return std::unexpected(r.error());
    return decodeSnapshotStart(r->body);
}

Result<SnapshotPage> SyncClient::snapshotPage(const std::string& entity, const std::string& after, int limit)
{
    if (!isIdentifier(entity))
        return fail(ErrorCode::ProtocolError, "snapshot", "not a record type: " + entity);
    // A row id is the server's: percent-encoded, it cannot bend the query.
    std::string escaped;
    for (unsigned char ch : after) {
        if (std::isalnum(ch) || ch == '-' || ch == '_' || ch == '.' || ch == '~') {
            escaped.push_back(static_cast<char>(ch));
        } else {
            static constexpr char kHex[] = "0123456789ABCDEF";
            escaped += {'%', kHex[ch >> 4], kHex[ch & 15]};
        }
    }
    auto r = request("GET", "/v1/snapshot?entity=" + entity + "&after=" + escaped + "&limit=" + std::to_string(limit),
                     {}, true);
    if (!r)
        return std::unexpected(r.error());
    auto page = decodeSnapshotPage(r->body);
    if (!page)
        return page;
    if (page->entity != entity)
        return fail(ErrorCode::ProtocolError, "snapshot", "a page of another record type");
    std::string last = after;
    for (const auto& row : page->rows) {
        if (row.rowId <= last)
            return fail(ErrorCode::ProtocolError, "snapshot", "rows out of order");
        last = row.rowId;
    }
    if ((page->more && page->after <= after) || page->after < last)
        return fail(ErrorCode::ProtocolError, "snapshot", "cursor does not match the page");
    return page;
}

Result<std::string> SyncClient::digest()
{
    auto r = request("GET", "/v1/digest", {}, true);
    if (!r)
        return std::unexpected(r.error());
    const std::string d = text(parse(r->body), "digest");
    if (d.empty())
        return fail(ErrorCode::ProtocolError, "digest", "missing");
    return d;
}

Result<std::optional<SyncRow>> SyncClient::row(const std::string& entity, const std::string& rowId)
{
    auto r = request("GET", "/v1/rows/" + entity + "/" + rowId, {}, true);
    if (!r) {
        if (r.error().code == ErrorCode::NotFound)
            return std::optional<SyncRow>{};
        return std::unexpected(r.error());
    }
    auto decoded = decodeRow(r->body);
    if (!decoded)
        return std::unexpected(decoded.error());
    return std::optional<SyncRow>(std::move(*decoded));
}

Status SyncClient::health()
{
    auto r = request("GET", "/v1/health", {}, false);
    if (!r)
        return std::unexpected(r.error());
    auto o = parse(r->body);
    if (!o || text(o, "status") != "ok")
        return fail(ErrorCode::ProtocolError, "health", "unexpected answer");
    const int minProtocol = o->optValue<int>("min_protocol", 1);
    if (minProtocol > kProtocolVersion)
        return fail(ErrorCode::UpdateRequired, "server", std::to_string(minProtocol));
    return {};
}

} // namespace practica::sync
