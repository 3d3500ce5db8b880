// practica-sandbox: a local clearinghouse and payer for demos, training and tests. It speaks CAQH CORE
// Connectivity (HTTP MIME multipart, batch mode) on 127.0.0.1, checks every 837P it receives (the envelope
// and its counts through the one X12 reader, the transaction and version, every NPI's check digit) and
// answers with a 999 (rejecting with IK3/IK4 where wrong) and, for an accepted batch, a 277CA per claim
// (a member id starting "REJ" is rejected by the payer), to be retrieved as a real clearinghouse's are.
// A PayloadID seen before gets the same answer. Failures are injected on request (POST /sandbox/inject
// ?kind=timeout|http500|reject_batch|reject_claims&count=N) and every file received and sent is kept in
// the spool folder when one is given.
//
// It also plays a clearinghouse that takes files (served by an SFTP server over the folder): with a drop
// folder, each 837 put in its inbound/ folder is taken away, checked the same way, and its 999 and 277CA
// are left in outbound/. Names starting with a dot (uploads under way) are not touched.
#pragma once

#include "core/Error.h"

#include <Poco/Net/HTTPServer.h>
#include <Poco/ThreadPool.h>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace practica::sandbox {

struct SandboxOptions
{
    int port = 0; // 0: any free port
    std::string userName = "sandbox";
    std::string password = "sandbox";
    std::string spoolDir;       // empty: nothing kept on disk
    long timeoutDelayMs = 8000; // how long an injected timeout holds the answer back
    std::string dropDir;        // empty: no drop folder; else DIR/inbound and DIR/outbound, polled
    long dropPollMs = 200;
};

class Sandbox
{
public:
    explicit Sandbox(SandboxOptions options);
    ~Sandbox();
    core::Status start();
    void stop();
    int port() const { return m_port; }

    // The answer to one CORE message (the HTTP layer's work done): the fields of the reply.
    std::map<std::string, std::string> handle(const std::map<std::string, std::string>& fields, int& httpStatus);
    void inject(const std::string& kind, int count);
    // Held back by an injected timeout (milliseconds), consumed when read.
    long takeDelay();
    // Waits that long, or until the sandbox stops.
    void holdBack(long ms);
    // Takes every 837 waiting in the drop folder's inbound/ and leaves its answers in outbound/; the
    // number of files taken.
    int pollDropFolder();

private:
    // The clearinghouse's verdict on one 837: ErrorCode Success with the 999 and (for an accepted batch)
    // the 277CA, or the code it refused the file with.
    struct Verdict
    {
        std::string errorCode;
        std::string errorMessage;
        std::string ack999;
        std::string ack277;
    };
    Verdict judge(const std::string& payload);
    std::map<std::string, std::string> submit(const std::map<std::string, std::string>& fields);
    std::map<std::string, std::string> retrieve(const std::string& user, const std::string& kind,
                                                const std::map<std::string, std::string>& fields);
    void spool(const std::string& name, const std::string& content);
    bool takeInjection(const std::string& kind);

    SandboxOptions m_options;
    std::mutex m_mutex;
    std::map<std::string, std::map<std::string, std::string>> m_answered; // PayloadID -> reply
    std::deque<std::string> m_pending999, m_pending277;
    std::map<std::string, int> m_injections;
    std::int64_t m_control = 100000;
    std::unique_ptr<Poco::ThreadPool> m_pool; // before the server: it outlives it
    std::unique_ptr<Poco::Net::HTTPServer> m_server;
    int m_port = 0;
    std::thread m_dropWatcher;
    std::atomic<bool> m_stopping{false};
    std::mutex m_waitMutex;
    std::condition_variable m_wake;
};

} // namespace practica::sandbox
