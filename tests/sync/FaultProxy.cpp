#include "FaultProxy.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <optional>
#include <thread>

namespace practica::test {

namespace {

const char* kForwardedHeaders[] = {"Authorization", "Practica-Protocol", "Content-Encoding", "Content-Type",
                                   "Accept-Encoding"};
const char* kReturnedHeaders[] = {"Content-Encoding", "Content-Type", "Practica-Protocol", "Retry-After"};

class Handler final : public Poco::Net::HTTPRequestHandler
{
public:
    explicit Handler(FaultProxy& proxy) : m_proxy(proxy) {}
    void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override
    {
        FaultProxy::Captured c;
        c.method = request.getMethod();
        c.uri = request.getURI();
        for (const char* h : kForwardedHeaders)
            if (request.has(h))
                c.headers.emplace_back(h, request.get(h));
        c.body.assign(std::istreambuf_iterator<char>(request.stream()), {});
        const FaultProxy::Answer a = m_proxy.handle(c);
        response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(a.status));
        for (const auto& [k, v] : a.headers)
            response.set(k, v);
        response.setContentLength64(static_cast<Poco::Int64>(a.body.size()));
        response.sendBuffer(a.body.data(), a.body.size());
    }

private:
    FaultProxy& m_proxy;
};

class Factory final : public Poco::Net::HTTPRequestHandlerFactory
{
public:
    explicit Factory(FaultProxy& proxy) : m_proxy(proxy) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override
    {
        return new Handler(m_proxy);
    }

private:
    FaultProxy& m_proxy;
};

} // namespace

FaultProxy::FaultProxy(std::vector<int> upstreamPorts, std::uint32_t seed)
    : m_upstreamPorts(std::move(upstreamPorts)), m_rng(seed)
{
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0), 64);
    m_port = socket.address().port();
    auto* params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(16);
    params->setKeepAlive(true);
    m_server = std::make_unique<Poco::Net::HTTPServer>(new Factory(*this), socket, params);
    m_server->start();
}

FaultProxy::~FaultProxy()
{
    m_server->stopAll(true);
}

std::string FaultProxy::url() const
{
    return "http://127.0.0.1:" + std::to_string(m_port);
}

void FaultProxy::setRates(const FaultRates& rates)
{
    std::lock_guard lock(m_mutex);
    m_rates = rates;
}

double FaultProxy::roll()
{
    std::lock_guard lock(m_mutex);
    return std::uniform_real_distribution<double>(0, 1)(m_rng);
}

int FaultProxy::pickUpstream()
{
    std::lock_guard lock(m_mutex);
    return m_upstreamPorts[std::uniform_int_distribution<std::size_t>(0, m_upstreamPorts.size() - 1)(m_rng)];
}

FaultProxy::Answer FaultProxy::forward(const Captured& c)
{
    Answer a;
    try {
        Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(pickUpstream()));
        session.setTimeout(Poco::Timespan(30, 0));
        Poco::Net::HTTPRequest request(c.method, c.uri, Poco::Net::HTTPMessage::HTTP_1_1);
        for (const auto& [k, v] : c.headers)
            request.set(k, v);
        if (c.method == "POST")
            request.setContentLength64(static_cast<Poco::Int64>(c.body.size()));
        session.sendRequest(request) << c.body;
        Poco::Net::HTTPResponse response;
        std::istream& in = session.receiveResponse(response);
        a.status = response.getStatus();
        a.body.assign(std::istreambuf_iterator<char>(in), {});
        for (const char* h : kReturnedHeaders)
            if (response.has(h))
                a.headers.emplace_back(h, response.get(h));
        ++m_counts.forwarded;
    } catch (const Poco::Exception&) {
        a.status = 502; // the server is down (restarting)
    }
    return a;
}

FaultProxy::Answer FaultProxy::handle(const Captured& c)
{
    if (!m_enabled)
        return forward(c);
    FaultRates rates;
    {
        std::lock_guard lock(m_mutex);
        rates = m_rates;
    }
    const bool isPush = c.uri.rfind("/v1/push", 0) == 0;
    if (roll() < rates.delay) {
        ++m_counts.delayed;
        std::this_thread::sleep_for(std::chrono::milliseconds(1 + static_cast<int>(roll() * 120)));
    }
    if (roll() < rates.replay) {
        std::optional<Captured> old;
        {
            std::lock_guard lock(m_mutex);
            if (!m_pushes.empty())
                old = m_pushes[std::uniform_int_distribution<std::size_t>(0, m_pushes.size() - 1)(m_rng)];
        }
        if (old) {
            ++m_counts.replayed;
            forward(*old);
        }
    }
    if (isPush) {
        std::lock_guard lock(m_mutex);
        if (m_pushes.size() < 200)
            m_pushes.push_back(c);
    }
    if (roll() < rates.drop) {
        ++m_counts.dropped;
        return Answer{502, "{\"error\":\"bad_gateway\"}", {}};
    }
    Answer a = forward(c);
    if (roll() < rates.duplicate) {
        ++m_counts.duplicated;
        a = forward(c);
    }
    if (roll() < rates.cut) {
        ++m_counts.cut;
        return Answer{504, "{\"error\":\"gateway_timeout\"}", {}};
    }
    return a;
}

} // namespace practica::test
