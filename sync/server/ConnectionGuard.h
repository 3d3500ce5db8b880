// Keeps slow or stalled clients from silencing the server: every connection from one address counts
// against a cap, and every phase of a request has a deadline (headers; a body scaled by its declared
// size; the answer; the idle wait for the next request on a kept-alive connection). A watchdog thread
// shuts down the socket of a connection past its deadline, which frees the thread that serves it. The
// time a handler spends computing its answer has no deadline: that is the server's own work.
#pragma once

#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerConnection.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/TCPServer.h>
#include <Poco/Net/TCPServerConnectionFactory.h>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <list>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace practica::sync {

struct GuardLimits
{
    int maxConnectionsPerAddress = 16;
    std::chrono::milliseconds headerDeadline{5000};  // from connect (or the previous answer) to whole headers
    std::chrono::milliseconds bodyDeadline{5000};    // a body's base allowance ...
    std::int64_t minBodyBytesPerSecond = 256 * 1024; // ... plus its declared size at this rate
    std::chrono::milliseconds keepAliveIdle{10000};  // a kept-alive connection's wait for its next request
};

class ConnectionGuard
{
public:
    // onRefused and onCut are called (on any thread) for each connection refused or cut.
    ConnectionGuard(GuardLimits limits, std::function<void()> onRefused, std::function<void()> onCut);
    ~ConnectionGuard();
    ConnectionGuard(const ConnectionGuard&) = delete;
    ConnectionGuard& operator=(const ConnectionGuard&) = delete;

    // The phases of the request being served on the calling thread (no-ops on a thread the guard
    // does not watch, such as a test calling a handler directly).
    static void bodyPhase(std::int64_t declaredBytes);
    static void workPhase();
    static void answerPhase(std::size_t bytes);
    static void idlePhase();

    // Refuses a connection from an address that already holds its share.
    Poco::Net::TCPServerConnectionFilter::Ptr filter();
    // Makes the connections that HTTPServer would, watched by this guard.
    Poco::Net::TCPServerConnectionFactory::Ptr factory(Poco::Net::HTTPServerParams::Ptr params,
                                                       Poco::Net::HTTPRequestHandlerFactory::Ptr handlers);

    struct Watch
    {
        int fd = -1;
        std::string address;
        std::chrono::steady_clock::time_point deadline;
        bool cut = false;
    };
    using WatchHandle = std::list<Watch>::iterator;

    // For the connection class: registers a socket (false when its address is over the cap), moves
    // its deadline, and lets it go.
    bool open(int fd, const std::string& address, WatchHandle& handle);
    void setDeadline(WatchHandle handle, std::chrono::milliseconds fromNow);
    void close(WatchHandle handle);
    bool underCap(const std::string& address);
    const GuardLimits& limits() const { return m_limits; }

private:
    void watchdog();

    GuardLimits m_limits;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::list<Watch> m_watches;
    std::map<std::string, int> m_perAddress;
    bool m_stopping = false;
    std::function<void()> m_onRefused;
    std::function<void()> m_onCut;
    std::thread m_thread;
};

} // namespace practica::sync
