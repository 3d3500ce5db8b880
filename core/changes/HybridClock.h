// Hybrid logical clock (Kulkarni et al.): physical milliseconds, a counter and the device id.
// Stamps are strictly increasing on one device even when the wall clock steps back, and compare
// as plain strings, the device id breaking ties between devices.
#pragma once

#include "core/util/Clock.h"

#include <cstdint>
#include <string>

namespace practica::core {

struct HlcStamp
{
    std::int64_t physicalMs = 0;
    std::uint32_t counter = 0;
    std::string deviceId;

    // Fixed-width text "PPPPPPPPPPPPPPP-CCCCCCCC-device": lexicographic order is causal order.
    std::string toString() const;
    static bool parse(const std::string& text, HlcStamp& out);
    auto operator<=>(const HlcStamp&) const = default;
};

class HybridClock
{
public:
    HybridClock(const Clock& clock, std::string deviceId) : m_clock(clock), m_deviceId(std::move(deviceId)) {}

    // A new stamp for a local event.
    HlcStamp now();
    // Merges a stamp received from another device, so later local stamps order after it.
    void observe(const HlcStamp& remote);
    // Restores the last stamp issued before a restart.
    void restore(const HlcStamp& last);
    const HlcStamp& last() const { return m_last; }
    const std::string& deviceId() const { return m_deviceId; }

private:
    const Clock& m_clock;
    std::string m_deviceId;
    HlcStamp m_last;
};

} // namespace practica::core
