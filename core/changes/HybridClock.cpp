#include "HybridClock.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace practica::core {

std::string HlcStamp::toString() const
{
    char buf[48];
    std::snprintf(buf, sizeof buf, "%015lld-%08x-", static_cast<long long>(physicalMs), counter);
    return buf + deviceId;
}

bool HlcStamp::parse(const std::string& text, HlcStamp& out)
{
    if (text.size() < 26 || text[15] != '-' || text[24] != '-')
        return false;
    long long ms = 0;
    std::uint32_t counter = 0;
    const char* begin = text.data();
    const auto msEnd = std::from_chars(begin, begin + 15, ms);
    const auto counterEnd = std::from_chars(begin + 16, begin + 24, counter, 16);
    if (msEnd.ec != std::errc() || msEnd.ptr != begin + 15 || counterEnd.ec != std::errc() ||
        counterEnd.ptr != begin + 24)
        return false;
    out.physicalMs = ms;
    out.counter = counter;
    out.deviceId = text.substr(25);
    return true;
}

HlcStamp HybridClock::now()
{
    const std::int64_t wall = m_clock.nowMs();
    if (wall > m_last.physicalMs) {
        m_last.physicalMs = wall;
        m_last.counter = 0;
    } else {
        m_last.counter += 1;
    }
    m_last.deviceId = m_deviceId;
    return m_last;
}

void HybridClock::observe(const HlcStamp& remote)
{
    const std::int64_t wall = m_clock.nowMs();
    const std::int64_t top = std::max({wall, m_last.physicalMs, remote.physicalMs});
    if (top == m_last.physicalMs && top == remote.physicalMs)
        m_last.counter = std::max(m_last.counter, remote.counter) + 1;
    else if (top == m_last.physicalMs)
        m_last.counter += 1;
    else if (top == remote.physicalMs)
        m_last.counter = remote.counter + 1;
    else
        m_last.counter = 0;
    m_last.physicalMs = top;
    m_last.deviceId = m_deviceId;
}

void HybridClock::restore(const HlcStamp& last)
{
    if (last.physicalMs > m_last.physicalMs ||
        (last.physicalMs == m_last.physicalMs && last.counter > m_last.counter)) {
        m_last.physicalMs = last.physicalMs;
        m_last.counter = last.counter;
    }
    m_last.deviceId = m_deviceId;
}

} // namespace practica::core
