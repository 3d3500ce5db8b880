// Counters the server exposes at /metrics in the Prometheus text format (version 0.0.4).
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace practica::sync {

class ServerMetrics
{
public:
    void request(const std::string& route, int status, double seconds);
    void pushed(std::int64_t applied, std::int64_t duplicate, std::int64_t conflict);
    void pulled(std::int64_t changes);
    // A pushed change refused by a rule, by the rule's code (permission_denied, clock_skew, ...): a
    // sudden run of permission refusals is someone speaking the protocol by hand.
    void refused(const std::string& code);
    void login(bool ok);
    // Audit events received, and problems found in them on arrival, by problem code (never a normal sight).
    void auditReceived(std::int64_t events) { m_auditEvents += events; }
    void auditFinding(const std::string& problem);
    // Slow-client defence: a connection refused for its address's cap, or cut at a deadline.
    void connectionRefused() { ++m_connectionsRefused; }
    void connectionCut() { ++m_connectionsCut; }
    std::string render() const;

private:
    mutable std::mutex m_mutex;
    std::map<std::pair<std::string, int>, std::int64_t> m_requests;
    std::map<std::string, std::int64_t> m_refusals;
    std::map<std::string, std::int64_t> m_auditFindings;
    // Per route: latency histogram buckets (seconds), sum and count.
    struct Latency
    {
        std::array<std::int64_t, 10> buckets{};
        double sum = 0;
        std::int64_t count = 0;
    };
    std::map<std::string, Latency> m_latency;
    std::atomic<std::int64_t> m_applied{0}, m_duplicate{0}, m_conflict{0}, m_pulled{0}, m_loginOk{0}, m_loginFailed{0},
        m_connectionsRefused{0}, m_connectionsCut{0}, m_auditEvents{0};
};

} // namespace practica::sync
