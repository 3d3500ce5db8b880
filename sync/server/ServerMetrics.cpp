#include "ServerMetrics.h"

#include <sstream>

namespace practica::sync {

namespace {
constexpr std::array<double, 10> kBounds{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0};
}

void ServerMetrics::request(const std::string& route, int status, double seconds)
{
    std::lock_guard lock(m_mutex);
    ++m_requests[{route, status}];
    Latency& l = m_latency[route];
    for (std::size_t i = 0; i < kBounds.size(); ++i)
        if (seconds <= kBounds[i])
            ++l.buckets[i];
    l.sum += seconds;
    ++l.count;
}

void ServerMetrics::pushed(std::int64_t applied, std::int64_t duplicate, std::int64_t conflict)
{
    m_applied += applied;
    m_duplicate += duplicate;
    m_conflict += conflict;
}

void ServerMetrics::refused(const std::string& code)
{
    std::lock_guard lock(m_mutex);
    ++m_refusals[code];
}

void ServerMetrics::auditFinding(const std::string& problem)
{
    std::lock_guard lock(m_mutex);
    ++m_auditFindings[problem];
}

void ServerMetrics::pulled(std::int64_t changes)
{
    m_pulled += changes;
}

void ServerMetrics::login(bool ok)
{
    ++(ok ? m_loginOk : m_loginFailed);
}

std::string ServerMetrics::render() const
{
    std::ostringstream out;
    out << "# HELP practica_http_requests_total HTTP requests by route and status.\n"
        << "# TYPE practica_http_requests_total counter\n";
    std::lock_guard lock(m_mutex);
    for (const auto& [key, count] : m_requests)
        out << "practica_http_requests_total{route=\"" << key.first << "\",status=\"" << key.second << "\"} " << count
            << "\n";
    out << "# HELP practica_http_request_seconds Request latency by route.\n"
        << "# TYPE practica_http_request_seconds histogram\n";
    for (const auto& [route, l] : m_latency) {
        for (std::size_t i = 0; i < kBounds.size(); ++i)
            out << "practica_http_request_seconds_bucket{route=\"" << route << "\",le=\"" << kBounds[i] << "\"} "
                << l.buckets[i] << "\n";
        out << "practica_http_request_seconds_bucket{route=\"" << route << "\",le=\"+Inf\"} " << l.count << "\n"
            << "practica_http_request_seconds_sum{route=\"" << route << "\"} " << l.sum << "\n"
            << "practica_http_request_seconds_count{route=\"" << route << "\"} " << l.count << "\n";
    }
    out << "# HELP practica_sync_changes_total Pushed changes by outcome, and changes served to pulls.\n"
        << "# TYPE practica_sync_changes_total counter\n"
        << "practica_sync_changes_total{outcome=\"applied\"} " << m_applied << "\n"
        << "practica_sync_changes_total{outcome=\"duplicate\"} " << m_duplicate << "\n"
        << "practica_sync_changes_total{outcome=\"conflict\"} " << m_conflict << "\n"
        << "practica_sync_changes_total{outcome=\"pulled\"} " << m_pulled << "\n"
        << "# HELP practica_sync_refusals_total Pushed changes refused, by rule.\n"
        << "# TYPE practica_sync_refusals_total counter\n";
    for (const auto& [code, n] : m_refusals)
        out << "practica_sync_refusals_total{code=\"" << code << "\"} " << n << "\n";
    out << "# HELP practica_logins_total Logins by result.\n"
        << "# TYPE practica_logins_total counter\n"
        << "practica_logins_total{result=\"ok\"} " << m_loginOk << "\n"
        << "practica_logins_total{result=\"failed\"} " << m_loginFailed << "\n"
        << "# HELP practica_connections_dropped_total Connections refused (too many from one address) or cut "
           "(a request too slow).\n"
        << "# TYPE practica_connections_dropped_total counter\n"
        << "practica_connections_dropped_total{reason=\"per_address_cap\"} " << m_connectionsRefused << "\n"
        << "practica_connections_dropped_total{reason=\"deadline\"} " << m_connectionsCut << "\n"
        << "# HELP practica_audit_events_total Audit events received from workstations.\n"
        << "# TYPE practica_audit_events_total counter\n"
        << "practica_audit_events_total " << m_auditEvents << "\n"
        << "# HELP practica_audit_findings_total Problems found in workstations' audit chains on arrival, by problem.\n"
        << "# TYPE practica_audit_findings_total counter\n";
    for (const auto& [problem, n] : m_auditFindings)
        out << "practica_audit_findings_total{problem=\"" << problem << "\"} " << n << "\n";
    return out.str();
}

} // namespace practica::sync
