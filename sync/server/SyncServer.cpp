#include "SyncServer.h"

#include "ConnectionGuard.h"
#include "sync/protocol/AuditProtocol.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/TCPServer.h>
#include <Poco/ThreadPool.h>
#include <Poco/URI.h>
#include <chrono>
#include <iostream>
#include <sstream>
#include <thread>

namespace practica::sync {

using core::ErrorCode;
using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

namespace {

struct Reply
{
    int status = 200;
    std::string body;
    std::string contentType = "application/json";
    std::string retryAfter;
    // Snapshot pages are megabytes of rows that compress well at the fastest level; deflate at 6 took as
    // long as the workstation's inserts of them (bench_sync demo).
    int gzipLevel = 6;
};

Reply json(int status, const Poco::JSON::Object& o)
{
    std::ostringstream out;
    o.stringify(out);
    return Reply{status, out.str(), "application/json", {}};
}

Reply errorReply(int status, std::string_view code, std::string_view detail = {})
{
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("error", std::string(code));
    if (!detail.empty())
        o.set("detail", std::string(detail));
    return json(status, o);
}

Reply fromError(const core::Error& e)
{
    const std::string code(core::errorCodeName(e.code));
    switch (e.code) {
    case ErrorCode::Validation:
        if (e.rule()) {
            // The broken rule as fields (field, rule, params); detail stays for older clients and logs.
            Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
            o.set("error", code);
            o.set("detail", e.field + ": " + e.detail);
            o.set("field", e.field);
            o.set("rule", e.detail);
            Poco::JSON::Object params;
            for (const auto& [name, value] : e.params)
                params.set(name, value);
            o.set("params", params);
            return json(400, o);
        }
        return errorReply(400, code, e.field + (e.detail.empty() ? "" : ": " + e.detail));
    case ErrorCode::ProtocolError:
        return errorReply(400, code, e.field + (e.detail.empty() ? "" : ": " + e.detail));
    case ErrorCode::WrongPassword:
    case ErrorCode::NotAuthorized:
        return errorReply(401, code);
    case ErrorCode::SecondFactorRequired:
    case ErrorCode::WrongSecondFactor:
        return errorReply(401, code, e.detail);
    case ErrorCode::AccountLocked: {
        Reply r = errorReply(423, code, e.detail);
        r.retryAfter = e.detail;
        return r;
    }
    case ErrorCode::DeviceNotApproved:
    case ErrorCode::PermissionDenied:
        return errorReply(403, code);
    case ErrorCode::NotFound:
        return errorReply(404, code, e.field);
    case ErrorCode::AlreadyExists:
    case ErrorCode::Conflict:
        return errorReply(409, code, e.field);
    case ErrorCode::Busy:
    case ErrorCode::Offline:
        return errorReply(503, code);
    default:
        // The store's own message stays in the server log, not in the answer.
        std::cerr << "practica-server: internal error (" << e.field << "): " << e.detail << "\n";
        return errorReply(500, "internal");
    }
}

Poco::JSON::Object::Ptr parseBody(const std::string& body)
{
    try {
        Poco::JSON::Parser parser;
        return parser.parse(body).extract<Poco::JSON::Object::Ptr>();
    } catch (...) {
        return nullptr;
    }
}

std::string field(const Poco::JSON::Object::Ptr& o, const std::string& key)
{
    if (!o || !o->has(key) || !o->get(key).isString())
        return {};
    return o->getValue<std::string>(key);
}

Poco::JSON::Object tokensJson(const Tokens& t)
{
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("access_token", t.accessToken);
    o.set("refresh_token", t.refreshToken);
    o.set("expires_in", t.expiresInSeconds);
    o.set("user_id", t.claims.userId);
    o.set("clinic", t.claims.clinicId);
    o.set("role", t.claims.role);
    o.set("display_name", t.displayName);
    if (!t.keyMaterial.empty())
        o.set("key_material", t.keyMaterial);
    o.set("device_status", std::string(deviceStatusName(t.deviceStatus)));
    if (t.workstationNumber > 0)
        o.set("workstation_number", t.workstationNumber);
    return o;
}

class ApiHandler final : public Poco::Net::HTTPRequestHandler
{
public:
    ApiHandler(AccountService& accounts, SyncService& sync, AuditService& audit, ServerMetrics& metrics,
               int minProtocol)
        : m_accounts(accounts), m_sync(sync), m_audit(audit), m_metrics(metrics), m_minProtocol(minProtocol)
    {
    }

    void handleRequest(HTTPServerRequest& request, HTTPServerResponse& response) override
    {
        // The headers are in; a body (if any) must follow at a reasonable pace, then the work is ours.
        if (request.getMethod() == "POST")
            ConnectionGuard::bodyPhase(request.hasContentLength() ? request.getContentLength64() : 0);
        else
            ConnectionGuard::workPhase();
        const auto started = std::chrono::steady_clock::now();
        std::string route = "other";
        Reply reply;
        try {
            reply = dispatch(request, route);
        } catch (const Poco::Exception& e) {
            std::cerr << "practica-server: " << route << ": " << e.className() << "\n";
            reply = errorReply(400, "bad_request");
        } catch (const std::exception& e) {
            std::cerr << "practica-server: " << route << ": internal error\n";
            reply = errorReply(500, "internal");
        }
        send(request, response, reply);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        m_metrics.request(route, reply.status, seconds);
    }

private:
    Reply dispatch(HTTPServerRequest& request, std::string& route)
    {
        Poco::URI uri(request.getURI());
        const std::string path = uri.getPath();
        const std::string& method = request.getMethod();
        if (path == "/v1/health") {
            route = "health";
            Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
            o.set("status", "ok");
            o.set("protocol", kProtocolVersion);
            o.set("min_protocol", m_minProtocol);
            return json(200, o);
        }
        if (path == "/metrics") {
            route = "metrics";
            return Reply{200, m_metrics.render(), "text/plain; version=0.0.4", {}};
        }
        if (path.rfind("/v1/", 0) != 0)
            return errorReply(404, "not_found");
        if (Reply r; !checkProtocol(request, r))
            return r;

        std::string body;
        if (method == "POST") {
            if (Reply r; !readBody(request, body, r))
                return r;
        } else if (method != "GET") {
            return errorReply(405, "method_not_allowed");
        }

        if (path == "/v1/login" && method == "POST") {
            route = "login";
            return login(body);
        }
        if (path == "/v1/token/refresh" && method == "POST") {
            route = "refresh";
            auto tokens = m_accounts.refresh(field(parseBody(body), "refresh_token"));
            return tokens ? json(200, tokensJson(*tokens)) : fromError(tokens.error());
        }

        auto claims = authenticate(request);
        if (!claims)
            return fromError(claims.error());
        if (path == "/v1/push" && method == "POST") {
            route = "push";
            return push(*claims, body);
        }
        if (path == "/v1/audit" && method == "POST") {
            route = "audit";
            return auditPush(*claims, body);
        }
        if (path == "/v1/changes" && method == "GET") {
            route = "pull";
            return pull(*claims, uri);
        }
        if (path == "/v1/snapshot" && method == "GET") {
            route = "snapshot";
            return snapshot(*claims, uri);
        }
        if (path == "/v1/digest" && method == "GET") {
            route = "digest";
            auto scope = deviceScope(*claims);
            if (!scope)
                return fromError(scope.error());
            auto digest = m_sync.digest(claims->clinicId, *scope);
            if (!digest)
                return fromError(digest.error());
            Poco::JSON::Object o;
            o.set("digest", *digest);
            return json(200, o);
        }
        if (path.rfind("/v1/rows/", 0) == 0 && method == "GET") {
            route = "rows";
            return row(*claims, path.substr(9));
        }
        if (path == "/v1/devices/approve" && method == "POST") {
            route = "devices";
            if (claims->role != "admin")
                return errorReply(403, "permission_denied");
            const std::string device = field(parseBody(body), "device");
            if (device.empty())
                return errorReply(400, "validation", "device");
            if (Status s = m_accounts.approveDevice(claims->clinicId, device, claims->userId); !s)
                return fromError(s.error());
            return json(200, Poco::JSON::Object());
        }
        if (path == "/v1/devices/scope" && method == "POST") {
            route = "devices";
            return setScope(*claims, body);
        }
        return errorReply(404, "not_found");
    }

    // The token's device's scope as the store holds it now (an admin may have just changed it).
    Result<core::SyncScope> deviceScope(const TokenClaims& claims)
    {
        auto device = m_accounts.currentDevice(claims);
        if (!device)
            return std::unexpected(device.error());
        auto scope = core::SyncScope::fromName(device->scope);
        if (!scope)
            return core::fail(ErrorCode::Internal, "scope",
                              "device " + device->deviceId + " has scope " + device->scope);
        return *scope;
    }

    // An admin (by the role the store holds now) sets what a workstation of the clinic receives.
    Reply setScope(const TokenClaims& claims, const std::string& body)
    {
        auto user = m_accounts.currentUser(claims);
        if (!user)
            return fromError(user.error());
        if (user->role != "admin")
            return errorReply(403, "permission_denied");
        auto o = parseBody(body);
        const std::string device = field(o, "device"), scope = field(o, "scope");
        if (device.empty())
            return errorReply(400, "validation", "device");
        auto before = m_accounts.setDeviceScope(claims.clinicId, device, scope, user->id);
        if (!before)
            return fromError(before.error());
        std::cerr << "practica-server: device scope: clinic " << claims.clinicId << " device " << device << ": "
                  << *before << " -> " << scope << " (by " << user->username << ")\n";
        Poco::JSON::Object answer(Poco::JSON_PRESERVE_KEY_ORDER);
        answer.set("device", device);
        answer.set("scope", scope);
        answer.set("previous", *before);
        return json(200, answer);
    }

    bool checkProtocol(HTTPServerRequest& request, Reply& reply)
    {
        const std::string header = request.get(kProtocolHeader, "");
        int version = 0;
        try {
            version = header.empty() ? 0 : std::stoi(header);
        } catch (...) {
            version = 0;
        }
        if (version <= 0) {
            reply = errorReply(400, "protocol_error", std::string(kProtocolHeader) + " header missing");
            return false;
        }
        if (version < m_minProtocol) {
            reply = errorReply(426, "update_required",
                               "the server needs protocol " + std::to_string(m_minProtocol) + " or newer");
            return false;
        }
        m_clientProtocol = version;
        return true;
    }

    bool readBody(HTTPServerRequest& request, std::string& body, Reply& reply)
    {
        if (request.hasContentLength() && request.getContentLength64() > static_cast<Poco::Int64>(kMaxRequestBytes)) {
            reply = errorReply(413, "too_large");
            return false;
        }
        std::istream& in = request.stream();
        char buffer[16384];
        while (in) {
            in.read(buffer, sizeof buffer);
            body.append(buffer, static_cast<std::size_t>(in.gcount()));
            if (body.size() > kMaxRequestBytes) {
                reply = errorReply(413, "too_large");
                return false;
            }
        }
        ConnectionGuard::workPhase();
        if (request.hasContentLength() && static_cast<Poco::Int64>(body.size()) != request.getContentLength64()) {
            // The client stopped sending (or was cut off at its deadline): nothing of it is applied.
            reply = errorReply(400, "incomplete_body");
            return false;
        }
        if (request.get("Content-Encoding", "") == "gzip") {
            auto inflated = gunzip(body, kMaxInflatedBytes);
            if (!inflated) {
                reply = inflated.error().code == ErrorCode::Validation ? errorReply(413, "too_large")
                                                                       : fromError(inflated.error());
                return false;
            }
            body = std::move(*inflated);
        }
        return true;
    }

    Result<TokenClaims> authenticate(HTTPServerRequest& request)
    {
        const std::string auth = request.get("Authorization", "");
        if (auth.rfind("Bearer ", 0) != 0)
            return core::fail(ErrorCode::NotAuthorized, "token", "missing");
        return m_accounts.verify(auth.substr(7));
    }

    Reply login(const std::string& body)
    {
        auto o = parseBody(body);
        if (!o)
            return errorReply(400, "protocol_error", "body is not a JSON object");
        LoginRequest req{field(o, "clinic"), field(o, "username"),    field(o, "password"),
                         field(o, "device"), field(o, "device_name"), field(o, "totp")};
        auto tokens = m_accounts.login(req);
        m_metrics.login(tokens.has_value());
        return tokens ? json(200, tokensJson(*tokens)) : fromError(tokens.error());
    }

    Reply push(const TokenClaims& claims, const std::string& body)
    {
        // The role and activity as they are now, not as they were when the token was issued.
        auto user = m_accounts.currentUser(claims);
        if (!user)
            return fromError(user.error());
        auto role = core::roleFromName(user->role);
        if (!role)
            return errorReply(403, "permission_denied", "role");
        auto request = decodePush(body);
        if (!request)
            return fromError(request.error());
        if (request->deviceId != claims.deviceId)
            return errorReply(403, "permission_denied", "device does not match the token");
        auto response = m_sync.push(Pusher{claims.clinicId, user->id, user->username, *role}, *request);
        if (!response)
            return fromError(response.error());
        std::int64_t applied = 0, duplicate = 0, conflict = 0;
        for (const auto& r : response->results) {
            ++(r.outcome == PushOutcome::Applied     ? applied
               : r.outcome == PushOutcome::Duplicate ? duplicate
                                                     : conflict);
            if (r.outcome == PushOutcome::Conflict)
                m_metrics.refused(r.conflictCode);
        }
        m_metrics.pushed(applied, duplicate, conflict);
        return Reply{200, encodePushResponse(*response), "application/json", {}};
    }

    // A workstation's audit events into its own chain: the device is the token's; a device named in the body
    // is not read. Problems found are answered, logged once and counted.
    Reply auditPush(const TokenClaims& claims, const std::string& body)
    {
        auto user = m_accounts.currentUser(claims);
        if (!user)
            return fromError(user.error());
        auto request = decodeAuditPush(body);
        if (!request)
            return fromError(request.error());
        auto receipt =
            m_audit.receive(AuditPusher{claims.clinicId, claims.deviceId, user->id, user->username}, *request);
        if (!receipt)
            return fromError(receipt.error());
        m_metrics.auditReceived(static_cast<std::int64_t>(request->events.size()));
        for (const AuditFinding& f : receipt->newFindings) {
            m_metrics.auditFinding(f.problem);
            std::cerr << "practica-server: audit: clinic " << f.clinicId << " device " << f.chainDevice << " seq "
                      << f.seq << ": " << f.problem << " (pushed by " << f.pushedBy << ")\n";
        }
        return Reply{200, encodeAuditPushResponse(receipt->response), "application/json", {}};
    }

    Reply pull(const TokenClaims& claims, const Poco::URI& uri)
    {
        auto scope = deviceScope(claims);
        if (!scope)
            return fromError(scope.error());
        // An older client takes a cursor past the page's last change for a broken page.
        if (!scope->isAll() && m_clientProtocol < kScopedPullProtocol)
            return errorReply(426, "update_required",
                              "this workstation's sync scope needs protocol " + std::to_string(kScopedPullProtocol) +
                                  " or newer");
        std::int64_t after = 0;
        int limit = 1000;
        for (const auto& [k, v] : uri.getQueryParameters()) {
            try {
                if (k == "after")
                    after = std::stoll(v);
                else if (k == "limit")
                    limit = std::stoi(v);
            } catch (...) {
                return errorReply(400, "validation", k);
            }
        }
        if (after < 0 || limit <= 0)
            return errorReply(400, "validation", "after/limit");
        auto response = m_sync.pull(claims.clinicId, after, limit, *scope);
        if (!response)
            return fromError(response.error());
        m_metrics.pulled(static_cast<std::int64_t>(response->changes.size()));
        return Reply{200, encodePull(*response), "application/json", {}};
    }

    // A row snapshot: without an entity its start (the sequence number to pull from afterwards and the
    // row counts), with one a page of that record type's rows after the row id given.
    Reply snapshot(const TokenClaims& claims, const Poco::URI& uri)
    {
        auto scope = deviceScope(claims);
        if (!scope)
            return fromError(scope.error());
        std::string entity, after;
        int limit = kMaxSnapshotPage;
        for (const auto& [k, v] : uri.getQueryParameters()) {
            try {
                if (k == "entity")
                    entity = v;
                else if (k == "after")
                    after = v;
                else if (k == "limit")
                    limit = std::stoi(v);
            } catch (...) {
                return errorReply(400, "validation", k);
            }
        }
        if (entity.empty()) {
            auto start = m_sync.snapshotStart(claims.clinicId, *scope);
            if (!start)
                return fromError(start.error());
            return Reply{200, encodeSnapshotStart(*start), "application/json", {}};
        }
        if (!isIdentifier(entity) || after.size() > 64 || limit <= 0)
            return errorReply(400, "validation", "entity/after/limit");
        auto page = m_sync.snapshotPage(claims.clinicId, entity, after, limit, *scope);
        if (!page)
            return fromError(page.error());
        return Reply{200, encodeSnapshotPage(*page), "application/json", {}, 1};
    }

    // The server's merged version of one record, for a workstation that discards a refused edit.
    Reply row(const TokenClaims& claims, const std::string& rest)
    {
        auto scope = deviceScope(claims);
        if (!scope)
            return fromError(scope.error());
        const auto slash = rest.find('/');
        if (slash == std::string::npos)
            return errorReply(404, "not_found");
        const std::string entity = rest.substr(0, slash), rowId = rest.substr(slash + 1);
        if (!isIdentifier(entity) || rowId.empty() || rowId.size() > 64)
            return errorReply(400, "validation", "entity/row");
        auto found = m_sync.row(claims.clinicId, entity, rowId, *scope);
        if (!found)
            return fromError(found.error());
        if (!*found)
            return errorReply(404, "not_found", "row");
        return Reply{200, encodeRow(**found), "application/json", {}};
    }

    void send(HTTPServerRequest& request, HTTPServerResponse& response, const Reply& reply)
    {
        response.setStatus(static_cast<HTTPResponse::HTTPStatus>(reply.status));
        response.setContentType(reply.contentType);
        response.set(kProtocolHeader, std::to_string(kProtocolVersion));
        if (!reply.retryAfter.empty())
            response.set("Retry-After", reply.retryAfter);
        const bool compress =
            reply.body.size() > 1024 && request.get("Accept-Encoding", "").find("gzip") != std::string::npos;
        const std::string payload = compress ? gzip(reply.body, reply.gzipLevel) : reply.body;
        if (compress)
            response.set("Content-Encoding", "gzip");
        response.setContentLength64(static_cast<Poco::Int64>(payload.size()));
        ConnectionGuard::answerPhase(payload.size());
        response.sendBuffer(payload.data(), payload.size());
        ConnectionGuard::idlePhase();
    }

    AccountService& m_accounts;
    SyncService& m_sync;
    AuditService& m_audit;
    ServerMetrics& m_metrics;
    int m_minProtocol;
    int m_clientProtocol = 0; // the request's, once checked
};

class Factory final : public Poco::Net::HTTPRequestHandlerFactory
{
public:
    Factory(AccountService& accounts, SyncService& sync, AuditService& audit, ServerMetrics& metrics, int minProtocol)
        : m_accounts(accounts), m_sync(sync), m_audit(audit), m_metrics(metrics), m_minProtocol(minProtocol)
    {
    }
    Poco::Net::HTTPRequestHandler* createRequestHandler(const HTTPServerRequest&) override
    {
        return new ApiHandler(m_accounts, m_sync, m_audit, m_metrics, m_minProtocol);
    }
    // Tells every open connection to finish the request in hand and close (abort: close at once).
    void stopConnections(bool abort) { serverStopped(this, abort); }

private:
    AccountService& m_accounts;
    SyncService& m_sync;
    AuditService& m_audit;
    ServerMetrics& m_metrics;
    int m_minProtocol;
};

} // namespace

SyncServer::SyncServer(ServerStore& store, AccountService& accounts, ServerOptions options, core::RecordTypes types)
    : m_store(store), m_accounts(accounts), m_types(std::move(types)), m_sync(store, m_types, accounts.clock()),
      m_audit(store.audit(), accounts.clock()), m_options(std::move(options))
{
    m_sync.setMinimumKeyCost(m_options.minimumKeyCost);
}

SyncServer::~SyncServer()
{
    stop();
}

Status SyncServer::start()
{
    try {
        Poco::Net::SocketAddress address(m_options.host, static_cast<Poco::UInt16>(m_options.port));
        std::unique_ptr<Poco::Net::ServerSocket> socket;
        if (m_options.insecureHttp) {
            socket = std::make_unique<Poco::Net::ServerSocket>(address, 128);
        } else {
            Poco::Net::initializeSSL();
            Poco::Net::Context::Ptr context = new Poco::Net::Context(
                Poco::Net::Context::TLS_SERVER_USE, m_options.privateKeyFile, m_options.certificateFile, "",
                Poco::Net::Context::VERIFY_NONE, 9, false, "HIGH:!aNULL:!MD5:!RC4");
            context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
            socket = std::make_unique<Poco::Net::SecureServerSocket>(address, 128, context);
        }
        m_port = socket->address().port();
        Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
        params->setMaxThreads(m_options.maxThreads);
        params->setMaxQueued(m_options.maxQueued);
        // Each read waits at most as long as a whole request may take; the guard's deadlines are the
        // real limit (a client trickling a byte at a time would satisfy any per-read timeout).
        params->setTimeout(Poco::Timespan(2L * m_options.requestDeadlineSeconds, 0));
        params->setKeepAlive(true);
        params->setKeepAliveTimeout(Poco::Timespan(m_options.idleTimeoutSeconds, 0));
        GuardLimits limits;
        limits.maxConnectionsPerAddress = m_options.maxConnectionsPerAddress;
        limits.headerDeadline = std::chrono::seconds(m_options.requestDeadlineSeconds);
        limits.bodyDeadline = std::chrono::seconds(m_options.requestDeadlineSeconds);
        limits.keepAliveIdle = std::chrono::seconds(m_options.idleTimeoutSeconds);
        m_guard = std::make_unique<ConnectionGuard>(
            limits, [this] { m_metrics.connectionRefused(); }, [this] { m_metrics.connectionCut(); });
        m_handlers = new Factory(m_accounts, m_sync, m_audit, m_metrics, m_options.minProtocol);
        m_pool = std::make_unique<Poco::ThreadPool>(2, m_options.maxThreads);
        m_server =
            std::make_unique<Poco::Net::TCPServer>(m_guard->factory(params, m_handlers), *m_pool, *socket, params);
        m_server->setConnectionFilter(m_guard->filter());
        m_server->start();
        return {};
    } catch (const Poco::Exception& e) {
        m_server.reset();
        return core::fail(ErrorCode::Io, "listen", e.displayText());
    }
}

void SyncServer::stop()
{
    if (!m_server)
        return;
    // What Poco's HTTPServer::stopAll does: stop accepting, and tell the connections (through their
    // handler factory) to finish the request in hand and close.
    m_server->stop();
    auto* handlers = static_cast<Factory*>(m_handlers.get());
    handlers->stopConnections(false);
    for (int i = 0; i < 50 && m_server->currentConnections() > 0; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    handlers->stopConnections(true);
    m_pool->joinAll();
    m_server.reset();
    m_guard.reset();
    m_pool.reset();
}

} // namespace practica::sync
