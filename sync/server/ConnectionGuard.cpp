#include "ConnectionGuard.h"

#include <sys/socket.h>

namespace practica::sync {

namespace {

using Clock = std::chrono::steady_clock;

// The connection the calling thread serves, if the guard watches it.
struct Current
{
    ConnectionGuard* guard = nullptr;
    ConnectionGuard::WatchHandle handle;
};
thread_local Current t_current;

class GuardedConnection final : public Poco::Net::HTTPServerConnection
{
public:
    GuardedConnection(ConnectionGuard& guard, const Poco::Net::StreamSocket& socket,
                      Poco::Net::HTTPServerParams::Ptr params, Poco::Net::HTTPRequestHandlerFactory::Ptr handlers)
        : HTTPServerConnection(socket, params, handlers), m_guard(guard)
    {
    }

    void run() override
    {
        ConnectionGuard::WatchHandle handle;
        std::string address;
        try {
            address = socket().peerAddress().host().toString();
        } catch (const Poco::Exception&) {
            return; // gone before it was served
        }
        // Connections waiting in the queue were not counted by the filter: check the cap again.
        if (!m_guard.open(socket().impl()->sockfd(), address, handle))
            return;
        t_current = {&m_guard, handle};
        try {
            HTTPServerConnection::run();
        } catch (...) {
            t_current = {};
            m_guard.close(handle);
            throw;
        }
        t_current = {};
        m_guard.close(handle);
    }

private:
    ConnectionGuard& m_guard;
};

class GuardedFactory final : public Poco::Net::TCPServerConnectionFactory
{
public:
    GuardedFactory(ConnectionGuard& guard, Poco::Net::HTTPServerParams::Ptr params,
                   Poco::Net::HTTPRequestHandlerFactory::Ptr handlers)
        : m_guard(guard), m_params(std::move(params)), m_handlers(std::move(handlers))
    {
    }
    Poco::Net::TCPServerConnection* createConnection(const Poco::Net::StreamSocket& socket) override
    {
        return new GuardedConnection(m_guard, socket, m_params, m_handlers);
    }

private:
    ConnectionGuard& m_guard;
    Poco::Net::HTTPServerParams::Ptr m_params;
    Poco::Net::HTTPRequestHandlerFactory::Ptr m_handlers;
};

class AddressFilter final : public Poco::Net::TCPServerConnectionFilter
{
public:
    explicit AddressFilter(ConnectionGuard& guard) : m_guard(guard) {}
    bool accept(const Poco::Net::StreamSocket& socket) override
    {
        try {
            return m_guard.underCap(socket.peerAddress().host().toString());
        } catch (const Poco::Exception&) {
            return false;
        }
    }

private:
    ConnectionGuard& m_guard;
};

} // namespace

ConnectionGuard::ConnectionGuard(GuardLimits limits, std::function<void()> onRefused, std::function<void()> onCut)
    : m_limits(limits), m_onRefused(std::move(onRefused)), m_onCut(std::move(onCut)), m_thread([this] { watchdog(); })
{
}

ConnectionGuard::~ConnectionGuard()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

Poco::Net::TCPServerConnectionFilter::Ptr ConnectionGuard::filter()
{
    return new AddressFilter(*this);
}

Poco::Net::TCPServerConnectionFactory::Ptr ConnectionGuard::factory(Poco::Net::HTTPServerParams::Ptr params,
                                                                    Poco::Net::HTTPRequestHandlerFactory::Ptr handlers)
{
    return new GuardedFactory(*this, std::move(params), std::move(handlers));
}

bool ConnectionGuard::underCap(const std::string& address)
{
    std::lock_guard lock(m_mutex);
    auto it = m_perAddress.find(address);
    if (it != m_perAddress.end() && it->second >= m_limits.maxConnectionsPerAddress) {
        m_onRefused();
        return false;
    }
    return true;
}

bool ConnectionGuard::open(int fd, const std::string& address, WatchHandle& handle)
{
    std::lock_guard lock(m_mutex);
    int& count = m_perAddress[address];
    if (count >= m_limits.maxConnectionsPerAddress) {
        m_onRefused();
        return false;
    }
    ++count;
    handle = m_watches.insert(m_watches.end(), Watch{fd, address, Clock::now() + m_limits.headerDeadline, false});
    return true;
}

void ConnectionGuard::setDeadline(WatchHandle handle, std::chrono::milliseconds fromNow)
{
    std::lock_guard lock(m_mutex);
    handle->deadline = fromNow.count() < 0 ? Clock::time_point::max() : Clock::now() + fromNow;
}

void ConnectionGuard::close(WatchHandle handle)
{
    std::lock_guard lock(m_mutex);
    if (auto it = m_perAddress.find(handle->address); it != m_perAddress.end() && --it->second <= 0)
        m_perAddress.erase(it);
    m_watches.erase(handle);
}

void ConnectionGuard::bodyPhase(std::int64_t declaredBytes)
{
    if (!t_current.guard)
        return;
    const GuardLimits& l = t_current.guard->limits();
    const auto extra = std::chrono::milliseconds(std::max<std::int64_t>(declaredBytes, 0) * 1000 /
                                                 std::max<std::int64_t>(l.minBodyBytesPerSecond, 1));
    t_current.guard->setDeadline(t_current.handle, l.bodyDeadline + extra);
}

void ConnectionGuard::workPhase()
{
    if (t_current.guard)
        t_current.guard->setDeadline(t_current.handle, std::chrono::milliseconds(-1));
}

void ConnectionGuard::answerPhase(std::size_t bytes)
{
    // An answer is sent at the rate a body must arrive at: a client that does not read cannot hold
    // the thread either.
    bodyPhase(static_cast<std::int64_t>(bytes));
}

void ConnectionGuard::idlePhase()
{
    if (!t_current.guard)
        return;
    const GuardLimits& l = t_current.guard->limits();
    t_current.guard->setDeadline(t_current.handle, l.keepAliveIdle + l.headerDeadline);
}

void ConnectionGuard::watchdog()
{
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        m_wake.wait_for(lock, std::chrono::milliseconds(100));
        const auto now = Clock::now();
        for (Watch& w : m_watches) {
            if (w.cut || w.deadline > now)
                continue;
            // shutdown, not close: the serving thread still owns the descriptor and closes it; its
            // blocked read or write returns at once.
            ::shutdown(w.fd, SHUT_RDWR);
            w.cut = true;
            m_onCut();
        }
    }
}

} // namespace practica::sync
