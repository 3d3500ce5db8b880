#include "Sandbox.h"

#include "core/util/AtomicFile.h"
#include "core/util/Uuid.h"
#include "core/util/Validators.h"
#include "core/x12/AckWriter.h"
#include "core/x12/X12Reader.h"
#include "sync/client/ClearinghouseClient.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

namespace practica::sandbox {

namespace {

constexpr std::size_t kMaxBody = 64 * 1024 * 1024;

std::string nowStamp()
{
    const auto now = std::chrono::system_clock::now();
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
    return core::utcTimestamp(ms);
}

std::string multipart(const std::map<std::string, std::string>& fields, const std::string& boundary)
{
    std::string out;
    for (const auto& [name, value] : fields) {
        out += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n";
        out += value + "\r\n";
    }
    return out + "--" + boundary + "--\r\n";
}

class Handler : public Poco::Net::HTTPRequestHandler
{
public:
    explicit Handler(Sandbox& sandbox) : m_sandbox(sandbox) {}

    void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override
    {
        const Poco::URI uri(request.getURI());
        std::string body;
        Poco::StreamCopier::copyToString(request.stream(), body, kMaxBody);
        if (uri.getPath() == "/sandbox/inject" && request.getMethod() == "POST") {
            std::string kind;
            int count = 1;
            for (const auto& [k, v] : uri.getQueryParameters()) {
                if (k == "kind")
                    kind = v;
                else if (k == "count")
                    count = std::atoi(v.c_str());
            }
            m_sandbox.inject(kind, count);
            response.setStatus(Poco::Net::HTTPResponse::HTTP_NO_CONTENT);
            response.send();
            return;
        }
        if (uri.getPath() != "/core" || request.getMethod() != "POST") {
            response.setStatus(Poco::Net::HTTPResponse::HTTP_NOT_FOUND);
            response.send();
            return;
        }
        auto fields = sync::readCoreFields(request.getContentType(), body);
        int status = 200;
        std::map<std::string, std::string> reply;
        if (!fields) {
            status = 400;
            reply = {{"ErrorCode", "MalformedEnvelope"}, {"ErrorMessage", "not multipart/form-data"}};
        } else {
            reply = m_sandbox.handle(*fields, status);
        }
        if (long delay = m_sandbox.takeDelay(); delay > 0)
            m_sandbox.holdBack(delay);
        const std::string boundary = "sandbox-" + core::uuidV7(std::chrono::duration_cast<std::chrono::milliseconds>(
                                                                   std::chrono::system_clock::now().time_since_epoch())
                                                                   .count());
        const std::string text = multipart(reply, boundary);
        response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
        response.setContentType("multipart/form-data; boundary=" + boundary);
        response.setContentLength64(static_cast<Poco::Int64>(text.size()));
        response.sendBuffer(text.data(), text.size());
    }

private:
    Sandbox& m_sandbox;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory
{
public:
    explicit Factory(Sandbox& sandbox) : m_sandbox(sandbox) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override
    {
        return new Handler(m_sandbox);
    }

private:
    Sandbox& m_sandbox;
};

std::string field(const std::map<std::string, std::string>& fields, const std::string& name)
{
    auto it = fields.find(name);
    return it == fields.end() ? std::string() : it->second;
}

} // namespace

Sandbox::Sandbox(SandboxOptions options) : m_options(std::move(options)) {}

Sandbox::~Sandbox()
{
    stop();
}

core::Status Sandbox::start()
{
    m_stopping = false;
    try {
        Poco::Net::ServerSocket socket(
            Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(m_options.port)));
        m_port = socket.address().port();
        auto params = new Poco::Net::HTTPServerParams;
        params->setMaxThreads(4);
        // Its own threads, so that stop() waits for every request under way to end.
        m_pool = std::make_unique<Poco::ThreadPool>(1, 4);
        m_server = std::make_unique<Poco::Net::HTTPServer>(new Factory(*this), *m_pool, socket, params);
        m_server->start();
    } catch (const Poco::Exception& e) {
        return core::fail(core::ErrorCode::Io, "port", e.displayText());
    }
    if (!m_options.spoolDir.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(m_options.spoolDir, ec);
        if (ec)
            return core::fail(core::ErrorCode::Io, "spool", ec.message());
    }
    if (!m_options.dropDir.empty()) {
        std::error_code ec;
        for (const char* sub : {"inbound", "outbound"})
            std::filesystem::create_directories(std::filesystem::path(m_options.dropDir) / sub, ec);
        if (ec)
            return core::fail(core::ErrorCode::Io, "drop", ec.message());
        m_dropWatcher = std::thread([this] {
            while (!m_stopping) {
                pollDropFolder();
                holdBack(m_options.dropPollMs);
            }
        });
    }
    return {};
}

void Sandbox::stop()
{
    {
        std::lock_guard lock(m_waitMutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_dropWatcher.joinable())
        m_dropWatcher.join();
    if (m_server) {
        m_server->stopAll(true);
        m_server.reset();
    }
    if (m_pool) {
        m_pool->joinAll();
        m_pool.reset();
    }
}

void Sandbox::holdBack(long ms)
{
    std::unique_lock lock(m_waitMutex);
    m_wake.wait_for(lock, std::chrono::milliseconds(ms), [this] { return m_stopping.load(); });
}

void Sandbox::inject(const std::string& kind, int count)
{
    std::lock_guard lock(m_mutex);
    m_injections[kind] += count;
}

bool Sandbox::takeInjection(const std::string& kind)
{
    auto it = m_injections.find(kind);
    if (it == m_injections.end() || it->second <= 0)
        return false;
    --it->second;
    return true;
}

long Sandbox::takeDelay()
{
    std::lock_guard lock(m_mutex);
    return takeInjection("timeout") ? m_options.timeoutDelayMs : 0;
}

void Sandbox::spool(const std::string& name, const std::string& content)
{
    if (m_options.spoolDir.empty())
        return;
    (void)core::writeFileAtomically((std::filesystem::path(m_options.spoolDir) / name).string(), content);
}

std::map<std::string, std::string> Sandbox::handle(const std::map<std::string, std::string>& fields, int& httpStatus)
{
    std::lock_guard lock(m_mutex);
    if (takeInjection("http500")) {
        httpStatus = 500;
        return {{"ErrorCode", "ServerError"}, {"ErrorMessage", "injected failure"}};
    }
    if (field(fields, "UserName") != m_options.userName || field(fields, "Password") != m_options.password) {
        httpStatus = 401;
        return {{"ErrorCode", "Unauthorized"}, {"ErrorMessage", "user name or password"}};
    }
    for (const char* required :
         {"PayloadType", "ProcessingMode", "PayloadID", "TimeStamp", "SenderID", "ReceiverID", "CORERuleVersion"})
        if (field(fields, required).empty())
            return {{"ErrorCode", "PayloadTypeRequired"}, {"ErrorMessage", std::string(required) + " is missing"}};
    const std::string type = field(fields, "PayloadType");
    if (type == sync::kPayload837)
        return submit(fields);
    if (type == sync::kRetrieve999)
        return retrieve(field(fields, "UserName"), "999", fields);
    if (type == sync::kRetrieve277)
        return retrieve(field(fields, "UserName"), "277", fields);
    return {{"ErrorCode", "PayloadTypeNotSupported"}, {"ErrorMessage", type}};
}

std::map<std::string, std::string> Sandbox::submit(const std::map<std::string, std::string>& fields)
{
    const std::string payloadId = field(fields, "PayloadID");
    if (auto seen = m_answered.find(payloadId); seen != m_answered.end())
        return seen->second; // the same batch again: the same answer, nothing received twice
    const std::string payload = field(fields, "Payload");
    if (field(fields, "PayloadLength") != std::to_string(payload.size()) ||
        field(fields, "CheckSum") != sync::coreCheckSum(payload))
        return {{"ErrorCode", "ChecksumMismatch"}, {"ErrorMessage", "PayloadLength or CheckSum"}};
    spool("received-" + payloadId + ".837", payload);
    std::map<std::string, std::string> reply{{"PayloadType", sync::kPayload837},
                                             {"PayloadID", payloadId},
                                             {"ProcessingMode", "Batch"},
                                             {"TimeStamp", nowStamp()},
                                             {"CORERuleVersion", "2.2.0"},
                                             {"SenderID", field(fields, "ReceiverID")},
                                             {"ReceiverID", field(fields, "SenderID")}};
    Verdict verdict = judge(payload);
    if (!verdict.ack999.empty())
        m_pending999.push_back(verdict.ack999);
    if (!verdict.ack277.empty())
        m_pending277.push_back(verdict.ack277);
    reply["ErrorCode"] = verdict.errorCode;
    reply["ErrorMessage"] = verdict.errorMessage;
    m_answered[payloadId] = reply;
    return reply;
}

Sandbox::Verdict Sandbox::judge(const std::string& payload)
{
    Verdict verdict;
    auto x = core::readX12(payload);
    if (!x || x->groups.empty() || x->groups[0].sets.empty() || x->groups[0].sets[0].id != "837") {
        verdict.errorCode = "PayloadValidationFailed";
        verdict.errorMessage = x ? "not an 837" : std::string(core::x12ProblemName(x.error().problem));
        return verdict;
    }
    // Checks a clearinghouse makes before it forwards: the version and every NPI's check digit.
    std::vector<core::Ack999ErrorOut> errors;
    const core::X12TransactionSet& set = x->groups[0].sets[0];
    for (const core::X12Segment& seg : set.segments)
        if (seg.id == "NM1" && seg.element(8) == "XX" && !core::isNpi(seg.element(9)))
            errors.push_back(
                {"NM1", seg.setPosition, seg.element(1) == "85" ? "2010" : "2310", "8", 9, "7", seg.element(9)});
    if (x->groups[0].version != "005010X222A1")
        errors.push_back({"ST", 1, "", "8", 3, "7", x->groups[0].version});
    if (takeInjection("reject_batch"))
        errors.push_back({"BHT", 2, "", "8", 3, "7", "injected"});
    core::AckEnvelope e;
    e.senderId = x->receiverId;
    e.receiverId = x->senderId;
    e.interchangeControl = ++m_control;
    e.groupControl = m_control;
    const std::string stamp = nowStamp(); // YYYY-MM-DDTHH:MM:SSZ
    e.date = stamp.substr(0, 4) + stamp.substr(5, 2) + stamp.substr(8, 2);
    e.time = stamp.substr(11, 2) + stamp.substr(14, 2);
    const std::string ack = core::write999(*x, e, errors);
    verdict.ack999 = ack;
    spool("sent-" + std::to_string(e.interchangeControl) + ".999", ack);
    if (errors.empty()) {
        // The payer's 277CA: each claim acknowledged, or rejected for its member id.
        const bool rejectAll = takeInjection("reject_claims");
        std::vector<core::Claim277Out> claims;
        core::Payer277Out payer{"Sandbox Payer", "SANDBOX"};
        std::string last, first, member, billingName, billingNpi;
        for (std::size_t i = 0; i < set.segments.size(); ++i) {
            const core::X12Segment& seg = set.segments[i];
            if (seg.id == "NM1" && seg.element(1) == "IL")
                last = seg.element(3), first = seg.element(4), member = seg.element(9);
            if (seg.id == "NM1" && seg.element(1) == "QC")
                last = seg.element(3), first = seg.element(4);
            if (seg.id == "NM1" && seg.element(1) == "PR")
                payer = {seg.element(3), seg.element(9)};
            if (seg.id == "NM1" && seg.element(1) == "85")
                billingName = seg.element(3), billingNpi = seg.element(9);
            if (seg.id != "CLM")
                continue;
            core::Claim277Out c;
            c.patientControlNumber = seg.element(1);
            c.chargeAmount = seg.element(2);
            c.lastName = last;
            c.firstName = first;
            c.memberId = member;
            for (std::size_t j = i + 1; j < set.segments.size() && set.segments[j].id != "CLM"; ++j)
                if (set.segments[j].id == "DTP" && set.segments[j].element(1) == "472") {
                    c.serviceDate = set.segments[j].element(3).substr(0, 8);
                    break;
                }
            if (rejectAll || member.rfind("REJ", 0) == 0) {
                c.category = "A7";
                c.status = "21"; // missing or invalid information
                c.entity = "IL";
                c.action = "U";
            } else {
                c.payerClaimNumber = "SBX" + std::to_string(m_control) + "-" + c.patientControlNumber;
            }
            claims.push_back(c);
        }
        e.interchangeControl = ++m_control;
        e.groupControl = m_control;
        const std::string answer = core::write277ca(e, payer, x->senderId, billingName, billingNpi, claims);
        verdict.ack277 = answer;
        spool("sent-" + std::to_string(e.interchangeControl) + ".277", answer);
    }
    verdict.errorCode = "Success";
    return verdict;
}

int Sandbox::pollDropFolder()
{
    if (m_options.dropDir.empty())
        return 0;
    namespace fs = std::filesystem;
    const fs::path inbound = fs::path(m_options.dropDir) / "inbound";
    const fs::path outbound = fs::path(m_options.dropDir) / "outbound";
    std::vector<fs::path> waiting;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(inbound, ec))
        if (entry.is_regular_file() && entry.path().filename().string().front() != '.')
            waiting.push_back(entry.path());
    std::sort(waiting.begin(), waiting.end());
    int taken = 0;
    for (const fs::path& file : waiting) {
        std::string payload;
        {
            std::ifstream in(file, std::ios::binary);
            payload.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        }
        fs::remove(file, ec);
        std::lock_guard lock(m_mutex);
        spool("received-" + file.filename().string(), payload);
        const Verdict verdict = judge(payload);
        const std::string stem = file.stem().string();
        if (verdict.errorCode != "Success" && verdict.ack999.empty()) {
            // Not an 837 at all: a clearinghouse answers such a file with a report; this one a note.
            (void)core::writeFileAtomically((outbound / (stem + ".txt")).string(),
                                            verdict.errorCode + ": " + verdict.errorMessage + "\n");
        }
        if (!verdict.ack999.empty())
            (void)core::writeFileAtomically((outbound / (stem + ".999")).string(), verdict.ack999);
        if (!verdict.ack277.empty())
            (void)core::writeFileAtomically((outbound / (stem + ".277")).string(), verdict.ack277);
        ++taken;
    }
    return taken;
}

std::map<std::string, std::string> Sandbox::retrieve(const std::string&, const std::string& kind,
                                                     const std::map<std::string, std::string>& fields)
{
    auto& queue = kind == "999" ? m_pending999 : m_pending277;
    std::map<std::string, std::string> reply{{"PayloadType", kind == "999" ? sync::kPayload999 : sync::kPayload277},
                                             {"PayloadID", field(fields, "PayloadID")},
                                             {"ProcessingMode", "Batch"},
                                             {"TimeStamp", nowStamp()},
                                             {"CORERuleVersion", "2.2.0"},
                                             {"SenderID", field(fields, "ReceiverID")},
                                             {"ReceiverID", field(fields, "SenderID")}};
    if (queue.empty()) {
        reply["ErrorCode"] = "NoBatchResultsFile";
        reply["ErrorMessage"] = "";
        return reply;
    }
    reply["Payload"] = queue.front();
    reply["PayloadLength"] = std::to_string(queue.front().size());
    reply["CheckSum"] = sync::coreCheckSum(queue.front());
    reply["ErrorCode"] = "Success";
    reply["ErrorMessage"] = "";
    queue.pop_front();
    return reply;
}

} // namespace practica::sandbox
