#include "ReminderExport.h"

#include "core/util/Validators.h"

#include <chrono>
#include <cstdio>

namespace practica::core {

namespace {

constexpr std::size_t kMaxLineOctets = 75;

// "20251121T143000Z"
std::string utcStamp(std::int64_t utcMs)
{
    namespace chr = std::chrono;
    const chr::sys_time<chr::milliseconds> instant{chr::milliseconds{utcMs}};
    const auto day = chr::floor<chr::days>(instant);
    const chr::year_month_day ymd{day};
    const chr::hh_mm_ss hms{chr::floor<chr::seconds>(instant - day)};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d%02u%02uT%02d%02d%02dZ", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                  static_cast<int>(hms.seconds().count()));
    return buf;
}

bool isCancelled(AppointmentStatus status)
{
    return status == AppointmentStatus::Cancelled || status == AppointmentStatus::NoShow;
}

std::string clinicAddress(const Clinic& clinic)
{
    std::string address = clinic.addressLine1;
    auto add = [&](const std::string& part, const char* separator) {
        if (part.empty())
            return;
        if (!address.empty())
            address += separator;
        address += part;
    };
    add(clinic.addressLine2.value_or(""), ", ");
    add(clinic.city, ", ");
    add(clinic.state, ", ");
    add(clinic.zip, " ");
    return address;
}

std::string localText(const LocalDateTime& local)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s %02d:%02d", local.date.c_str(), local.minuteOfDay / 60, local.minuteOfDay % 60);
    return buf;
}

class Calendar
{
public:
    void property(std::string_view name, std::string_view value)
    {
        std::string line(name);
        line += ':';
        line += value;
        m_text += icalendarFold(line);
    }
    void text(std::string_view name, std::string_view value) { property(name, icalendarText(value)); }
    std::string take() { return std::move(m_text); }

private:
    std::string m_text;
};

std::string csvCell(std::string_view value)
{
    std::string cell(value);
    // A cell opening with one of these runs as a formula in spreadsheet programs (CSV injection).
    if (!cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos)
        cell.insert(cell.begin(), '\'');
    if (cell.find_first_of(",\"\r\n") == std::string::npos)
        return cell;
    std::string quoted = "\"";
    for (char c : cell) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

} // namespace

std::string icalendarText(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case ';':
            out += "\\;";
            break;
        case ',':
            out += "\\,";
            break;
        case '\r':
            if (i + 1 < text.size() && text[i + 1] == '\n')
                break; // the \n that follows stands for both
            out += "\\n";
            break;
        case '\n':
            out += "\\n";
            break;
        default:
            // TEXT allows HTAB but no other control characters.
            if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f)
                break;
            out += c;
        }
    }
    return out;
}

std::string icalendarFold(std::string_view line)
{
    std::string out;
    out.reserve(line.size() + line.size() / 70 * 3 + 2);
    std::size_t pos = 0;
    std::size_t room = kMaxLineOctets;
    while (line.size() - pos > room) {
        std::size_t cut = pos + room;
        // Back up to the start of a UTF-8 sequence: continuation bytes are 10xxxxxx.
        while (cut > pos && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80)
            --cut;
        if (cut == pos) // not UTF-8 after all: split where the limit falls
            cut = pos + room;
        out.append(line.substr(pos, cut - pos));
        out += "\r\n ";
        pos = cut;
        room = kMaxLineOctets - 1; // the leading space of a continuation line counts
    }
    out.append(line.substr(pos));
    out += "\r\n";
    return out;
}

std::string icalendarFor(const std::vector<AppointmentView>& appointments, const Clinic& clinic, const ClinicTime& time,
                         std::int64_t nowUtcMs)
{
    Calendar cal;
    const std::string stamp = utcStamp(nowUtcMs);
    const std::string location = clinicAddress(clinic);
    const std::string phone = clinic.phone ? formatPhone(*clinic.phone) : std::string();
    cal.property("BEGIN", "VCALENDAR");
    cal.property("PRODID", "-//Practica//Appointment Reminders//EN");
    cal.property("VERSION", "2.0");
    cal.property("CALSCALE", "GREGORIAN");
    cal.property("METHOD", "PUBLISH");
    cal.text("X-WR-CALNAME", clinic.name + " appointments");
    for (const AppointmentView& view : appointments) {
        const Appointment& a = view.appointment;
        const bool cancelled = isCancelled(a.status);
        std::string description = "With " + view.providerName + " (" + view.typeName + ").";
        if (!phone.empty())
            description += "\nTo cancel or reschedule, call " + phone + ".";
        cal.property("BEGIN", "VEVENT");
        cal.text("UID", a.id + "@practica");
        cal.property("DTSTAMP", stamp);
        cal.property("DTSTART", utcStamp(a.startUtcMs));
        cal.property("DTEND", utcStamp(a.endUtcMs()));
        cal.text("SUMMARY", "Appointment at " + clinic.name);
        if (!location.empty())
            cal.text("LOCATION", location);
        cal.text("DESCRIPTION", description);
        cal.property("STATUS", cancelled ? "CANCELLED" : "CONFIRMED");
        cal.property("TRANSP", cancelled ? "TRANSPARENT" : "OPAQUE");
        if (!cancelled) {
            cal.property("BEGIN", "VALARM");
            cal.property("ACTION", "DISPLAY");
            cal.text("DESCRIPTION",
                     "Reminder: appointment at " + clinic.name + " on " + localText(time.toLocal(a.startUtcMs)));
            cal.property("TRIGGER", "-P1D");
            cal.property("END", "VALARM");
        }
        cal.property("END", "VEVENT");
    }
    cal.property("END", "VCALENDAR");
    return cal.take();
}

std::string reminderCsv(const std::vector<AppointmentView>& appointments, const ClinicTime& time,
                        const std::map<std::string, std::string>& phoneByPatientId)
{
    std::string out = "date,time,patient,mrn,phone,provider,type,status\r\n";
    for (const AppointmentView& view : appointments) {
        const Appointment& a = view.appointment;
        const LocalDateTime local = time.toLocal(a.startUtcMs);
        char clock[16];
        std::snprintf(clock, sizeof clock, "%02d:%02d", local.minuteOfDay / 60, local.minuteOfDay % 60);
        const auto phone = phoneByPatientId.find(a.patientId);
        const std::string cells[] = {local.date,
                                     clock,
                                     view.patientName,
                                     view.patientMrn,
                                     phone == phoneByPatientId.end() ? std::string() : phone->second,
                                     view.providerName,
                                     view.typeName,
                                     appointmentStatusName(a.status)};
        bool first = true;
        for (const std::string& cell : cells) {
            if (!first)
                out += ',';
            out += csvCell(cell);
            first = false;
        }
        out += "\r\n";
    }
    return out;
}

} // namespace practica::core
