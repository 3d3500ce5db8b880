// Where core reads the time: injectable so tests can run at any instant and step the clock back.
#pragma once

#include <chrono>
#include <cstdint>

namespace practica::core {

class Clock
{
public:
    virtual ~Clock() = default;
    // Milliseconds since the Unix epoch, UTC.
    virtual std::int64_t nowMs() const = 0;
};

class SystemClock final : public Clock
{
public:
    std::int64_t nowMs() const override
    {
        using namespace std::chrono;
        return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
    }
};

// A clock that tests set and step by hand.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(std::int64_t ms = 1'700'000'000'000) : m_ms(ms) {}
    std::int64_t nowMs() const override { return m_ms; }
    void set(std::int64_t ms) { m_ms = ms; }
    void advance(std::int64_t ms) { m_ms += ms; }

private:
    std::int64_t m_ms;
};

} // namespace practica::core
