#include "AuditCommands.h"

#include "AuditService.h"

#include <Poco/JSON/Object.h>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace practica::sync {

namespace {

constexpr int kExportPage = 5000;

// Milliseconds since the epoch at 00:00 UTC of an ISO date, or nothing when it is not a real date.
std::optional<std::int64_t> dayStartMs(const std::string& text)
{
    int y = 0;
    unsigned m = 0, d = 0;
    char tail = 0;
    if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3)
        return std::nullopt;
    const std::chrono::year_month_day day{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
    if (!day.ok())
        return std::nullopt;
    const auto since = std::chrono::sys_days(day).time_since_epoch();
    return std::chrono::duration_cast<std::chrono::milliseconds>(since).count();
}

std::string isoTime(std::int64_t ms)
{
    const std::time_t seconds = static_cast<std::time_t>(ms >= 0 ? ms / 1000 : (ms - 999) / 1000);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(((ms % 1000) + 1000) % 1000));
    return buf;
}

void writeCsvHeader(std::ostream& out)
{
    out << "time,workstation,user,role,action,entity,record_id,detail,seq,hash,pushed_by,problem\r\n";
}

void writeCsv(std::ostream& out, const StoredAuditEvent& s)
{
    const core::AuditEvent& e = s.event;
    const std::string fields[] = {
        isoTime(e.atMs), s.chainDevice,         e.username, e.role,     e.action, e.entity, e.recordId,
        e.detail,        std::to_string(e.seq), e.hash,     s.pushedBy, s.problem};
    bool firstField = true;
    for (const std::string& f : fields) {
        out << (firstField ? "" : ",") << csvField(f);
        firstField = false;
    }
    out << "\r\n";
}

void writeJsonLine(std::ostream& out, const StoredAuditEvent& s)
{
    const core::AuditEvent& e = s.event;
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("time", isoTime(e.atMs));
    o.set("workstation", s.chainDevice);
    o.set("user", e.username);
    o.set("role", e.role);
    o.set("action", e.action);
    o.set("entity", e.entity);
    o.set("record_id", e.recordId);
    o.set("detail", e.detail);
    o.set("seq", e.seq);
    o.set("hash", e.hash);
    o.set("pushed_by", s.pushedBy);
    o.set("problem", s.problem);
    o.stringify(out);
    out << "\n";
}

// Writes text to path through a temporary file in the same folder, flushed to disk before the rename.
bool writeAtomically(const std::string& path, const std::string& text, std::string& error)
{
    const std::string tmp = path + ".tmp";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) {
        error = "cannot write " + tmp;
        return false;
    }
    std::size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n <= 0) {
            ::close(fd);
            ::unlink(tmp.c_str());
            error = "cannot write " + tmp;
            return false;
        }
        written += static_cast<std::size_t>(n);
    }
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    std::error_code ec;
    if (synced)
        std::filesystem::rename(tmp, path, ec);
    if (!synced || ec) {
        ::unlink(tmp.c_str());
        error = "cannot write " + path;
        return false;
    }
    return true;
}

} // namespace

std::string csvField(const std::string& value)
{
    if (value.find_first_of(",\"\r\n") == std::string::npos)
        return value;
    std::string quoted = "\"";
    for (char c : value) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

int auditVerify(ServerStore& store, const std::string& clinicId, std::ostream& out, std::ostream& err)
{
    auto clinic = store.clinic(clinicId);
    if (!clinic || !*clinic) {
        err << "practica-server: no clinic " << clinicId << " in this store\n";
        return 3;
    }
    core::SystemClock clock;
    auto reports = AuditService(store.audit(), clock).verify(clinicId);
    if (!reports) {
        err << "practica-server: cannot read the audit chains (" << core::errorCodeName(reports.error().code) << ")\n";
        return 3;
    }
    int broken = 0;
    for (const AuditChainReport& r : *reports) {
        if (r.intact) {
            out << r.deviceId << "\tintact\t" << r.events << " events\n";
            continue;
        }
        ++broken;
        out << r.deviceId << "\tbroken\tseq " << r.firstBadSeq << "\t" << r.problem << "\t" << r.events << " events\t"
            << r.findings << " findings\n";
        err << "practica-server: audit chain of device " << r.deviceId << " broken at seq " << r.firstBadSeq << ": "
            << r.problem << "\n";
    }
    if (reports->empty())
        out << "no audit events yet\n";
    return broken ? 1 : 0;
}

int auditExport(ServerStore& store, const AuditExportOptions& options, std::ostream& out, std::ostream& err)
{
    const auto from = dayStartMs(options.from), to = dayStartMs(options.to);
    if (!from || !to || *to < *from) {
        err << "practica-server: --from and --to are dates YYYY-MM-DD, --from not after --to\n";
        return 2;
    }
    if (options.format != "csv" && options.format != "jsonl") {
        err << "practica-server: --format is csv or jsonl\n";
        return 2;
    }
    auto clinic = store.clinic(options.clinicId);
    if (!clinic || !*clinic) {
        err << "practica-server: no clinic " << options.clinicId << " in this store\n";
        return 3;
    }
    const std::int64_t endMs = *to + 24LL * 60 * 60 * 1000; // --to is inclusive: up to its last millisecond
    std::ostringstream text;
    const bool csv = options.format == "csv";
    if (csv)
        writeCsvHeader(text);
    std::int64_t afterAt = *from - 1, afterSeq = 0;
    std::string afterDevice;
    while (true) {
        auto page = store.audit().auditEventsBetween(options.clinicId, *from, endMs, afterAt, afterDevice, afterSeq,
                                                     kExportPage);
        if (!page) {
            err << "practica-server: cannot read the audit events (" << core::errorCodeName(page.error().code) << ")\n";
            return 3;
        }
        for (const StoredAuditEvent& s : *page)
            csv ? writeCsv(text, s) : writeJsonLine(text, s);
        if (page->size() < static_cast<std::size_t>(kExportPage))
            break;
        afterAt = page->back().event.atMs;
        afterDevice = page->back().chainDevice;
        afterSeq = page->back().event.seq;
    }
    if (options.outFile.empty()) {
        out << text.str();
        return out ? 0 : 3;
    }
    std::string error;
    if (!writeAtomically(options.outFile, text.str(), error)) {
        err << "practica-server: " << error << "\n";
        return 3;
    }
    return 0;
}

} // namespace practica::sync
