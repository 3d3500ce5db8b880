// An HTTP proxy between workstations and the sync server that misbehaves on purpose, seeded so a
// failing run can be replayed: it drops requests, cuts responses after the server acted, sends
// requests twice, delays them (so requests from different workstations overtake each other) and
// replays old pushes later.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <vector>

namespace Poco::Net {
class HTTPServer;
}

namespace practica::test {

struct FaultRates
{
    double drop = 0.08;      // never reaches the server; the client sees 502
    double cut = 0.08;       // reaches the server; the answer is lost (504)
    double duplicate = 0.05; // sent twice; the client sees the second answer
    double delay = 0.15;     // held back 1-120 ms
    double replay = 0.05;    // an earlier push is sent again first
};

class FaultProxy
{
public:
    // Each request goes to one of the upstream ports, picked at random (several stateless servers).
    FaultProxy(std::vector<int> upstreamPorts, std::uint32_t seed);
    ~FaultProxy();
    std::string url() const;
    void setRates(const FaultRates& rates);
    void setEnabled(bool on) { m_enabled = on; }

    struct Counts
    {
        std::atomic<int> forwarded{0}, dropped{0}, cut{0}, duplicated{0}, delayed{0}, replayed{0};
    };
    const Counts& counts() const { return m_counts; }

    // Used by the request handler.
    struct Captured
    {
        std::string method, uri, body;
        std::vector<std::pair<std::string, std::string>> headers;
    };
    struct Answer
    {
        int status = 502;
        std::string body;
        std::vector<std::pair<std::string, std::string>> headers;
    };
    Answer handle(const Captured& request);

private:
    Answer forward(const Captured& request);
    int pickUpstream();
    double roll();

    std::vector<int> m_upstreamPorts;
    std::mutex m_mutex;
    std::mt19937 m_rng;
    FaultRates m_rates;
    std::atomic<bool> m_enabled{true};
    std::vector<Captured> m_pushes;
    Counts m_counts;
    std::unique_ptr<Poco::Net::HTTPServer> m_server;
    int m_port = 0;
};

} // namespace practica::test
