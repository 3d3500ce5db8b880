#include "ScheduleLookup.h"

#include "JsonOutput.h"
#include "core/patients/PatientStore.h"
#include "core/schedule/ScheduleSetupStore.h"
#include "core/util/Text.h"
#include "core/util/Validators.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace practica::app {

namespace {

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

Poco::Dynamic::Var nullable(const std::optional<std::string>& value)
{
    if (!value)
        return {};
    return *value;
}

Poco::Dynamic::Var nullableMs(const std::optional<std::int64_t>& ms)
{
    if (!ms)
        return {};
    return utcText(*ms);
}

// Finds one record of a list by id, by name, or by a unique part of its name.
template <class T, class NamesOf>
CliResult<T> findByName(const std::vector<T>& all, const std::string& wanted, const char* what, NamesOf namesOf)
{
    for (const T& item : all)
        if (item.id == wanted)
            return item;
    const std::string key = lower(core::trimmed(wanted));
    std::vector<const T*> exact, partial;
    for (const T& item : all) {
        bool isExact = false, isPartial = false;
        for (const std::string& name : namesOf(item)) {
            isExact = isExact || lower(name) == key;
            isPartial = isPartial || (!key.empty() && lower(name).find(key) != std::string::npos);
        }
        if (isExact)
            exact.push_back(&item);
        else if (isPartial)
            partial.push_back(&item);
    }
    const auto& found = exact.empty() ? partial : exact;
    if (found.size() == 1)
        return *found.front();
    if (found.empty())
        return std::unexpected(Failure{kExitNotFound, std::string("no ") + what + " named '" + wanted + "'"});
    std::string names;
    for (const T* item : found)
        names += (names.empty() ? "" : ", ") + item->name;
    return usageError("'" + wanted + "' matches " + std::to_string(found.size()) + " " + what + "s (" + names +
                      "); give more of the name or the id");
}

} // namespace

CliResult<core::Provider> findProvider(core::Session& session, const std::string& nameOrId)
{
    auto all = core::ScheduleSetupStore(session).providers(true);
    if (!all)
        return failure(all.error());
    return findByName(*all, nameOrId, "provider", [](const core::Provider& p) {
        std::vector<std::string> names = {p.name};
        if (p.credentials)
            names.push_back(p.name + ", " + *p.credentials);
        return names;
    });
}

CliResult<core::AppointmentType> findType(core::Session& session, const std::string& nameOrId)
{
    auto all = core::ScheduleSetupStore(session).types(true);
    if (!all)
        return failure(all.error());
    return findByName(*all, nameOrId, "appointment type",
                      [](const core::AppointmentType& t) { return std::vector<std::string>{t.name}; });
}

CliResult<core::Room> findRoom(core::Session& session, const std::string& nameOrId)
{
    auto all = core::ScheduleSetupStore(session).rooms(true);
    if (!all)
        return failure(all.error());
    return findByName(*all, nameOrId, "room", [](const core::Room& r) { return std::vector<std::string>{r.name}; });
}

CliResult<core::Patient> findPatientByMrn(core::Session& session, const std::string& mrn)
{
    auto patient = core::PatientStore(session).getByMrn(mrn);
    if (!patient)
        return failure(patient.error());
    return *patient;
}

CliResult<std::string> dateOption(const CliContext& ctx, const std::string& name, const std::string& fallback)
{
    auto text = ctx.option(name);
    if (!text)
        return fallback;
    if (auto date = core::parseDate(*text))
        return *date;
    return usageError("--" + name + " must be a date, YYYY-MM-DD");
}

CliResult<std::string> requiredDate(const CliContext& ctx, const std::string& name)
{
    if (auto value = ctx.required(name); !value)
        return value;
    return dateOption(ctx, name);
}

CliResult<int> minuteOption(const CliContext& ctx, const std::string& name, int fallback)
{
    auto text = ctx.option(name);
    if (!text)
        return fallback;
    int hours = -1, minutes = -1;
    char tail = 0;
    if (std::sscanf(text->c_str(), "%d:%d%c", &hours, &minutes, &tail) != 2 || hours < 0 || minutes < 0 ||
        minutes > 59 || hours * 60 + minutes > 24 * 60)
        return usageError("--" + name + " must be a time of day, HH:MM");
    return hours * 60 + minutes;
}

CliResult<std::vector<int>> weekdaysOption(const CliContext& ctx, const std::string& name)
{
    static constexpr const char* kNames[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    std::vector<int> days;
    auto text = ctx.option(name);
    if (!text)
        return days;
    std::size_t start = 0;
    while (start <= text->size()) {
        const std::size_t comma = std::min(text->find(',', start), text->size());
        const std::string word = lower(core::trimmed(text->substr(start, comma - start)));
        int day = 0;
        for (int i = 0; i < 7; ++i)
            if (word == std::to_string(i + 1) || (word.size() >= 3 && word.compare(0, 3, kNames[i]) == 0))
                day = i + 1;
        if (day == 0)
            return usageError("--" + name + " must list weekdays, e.g. mon,wed,fri or 1,3,5");
        if (std::find(days.begin(), days.end(), day) == days.end())
            days.push_back(day);
        start = comma + 1;
    }
    std::sort(days.begin(), days.end());
    return days;
}

CliResult<std::int64_t> localTimeOption(const CliContext& ctx, const core::ClinicTime& time, const std::string& name)
{
    auto text = ctx.required(name);
    if (!text)
        return std::unexpected(text.error());
    const std::string value = core::trimmed(*text);
    const auto repeated = ctx.option("repeated");
    if (repeated && *repeated != "earlier" && *repeated != "later")
        return usageError("--repeated must be earlier or later");
    int hours = 0, minutes = 0;
    if (!repeated && value.size() == 16 && core::isIsoDate(value.substr(0, 10)) &&
        std::sscanf(value.c_str() + 11, "%2d:%2d", &hours, &minutes) == 2) {
        if (time.isRepeated(value.substr(0, 10), hours * 60 + minutes))
            return usageError(value + " happens twice in " + time.zoneName() +
                              " (the clocks go back); pass --repeated earlier or --repeated later");
    }
    auto utc = time.parseLocal(value, repeated == "later" ? core::RepeatedTime::Later : core::RepeatedTime::Earlier);
    if (utc)
        return *utc;
    if (utc.error().rule() == core::Rule::NonexistentTime)
        return std::unexpected(
            Failure{kExitInvalid, value + " does not exist in " + time.zoneName() + " (the clocks skip that hour)"});
    if (utc.error().code == core::ErrorCode::Validation)
        return usageError("--" + name + " must be a local time, \"YYYY-MM-DD HH:MM\"");
    return failure(utc.error());
}

std::string localText(const core::ClinicTime& time, std::int64_t utcMs)
{
    const core::LocalDateTime local = time.toLocal(utcMs);
    char buf[24];
    std::snprintf(buf, sizeof buf, "%s %02d:%02d", local.date.c_str(), local.minuteOfDay / 60, local.minuteOfDay % 60);
    return buf;
}

std::string utcText(std::int64_t utcMs)
{
    namespace chr = std::chrono;
    const chr::sys_time<chr::milliseconds> instant{chr::milliseconds{utcMs}};
    const auto day = chr::floor<chr::days>(instant);
    const chr::year_month_day ymd{day};
    const chr::hh_mm_ss hms{chr::floor<chr::seconds>(instant - day)};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                  static_cast<int>(hms.seconds().count()));
    return buf;
}

Poco::JSON::Object::Ptr appointmentJson(const core::Appointment& a, const core::ClinicTime& time)
{
    auto o = newJsonObject();
    o->set("id", a.id);
    o->set("start", localText(time, a.startUtcMs));
    o->set("start_utc", utcText(a.startUtcMs));
    o->set("minutes", a.minutes);
    o->set("status", core::appointmentStatusName(a.status));
    o->set("patient_id", a.patientId);
    o->set("provider_id", a.providerId);
    o->set("type_id", a.typeId);
    o->set("room_id", nullable(a.roomId));
    o->set("reason", nullable(a.reason));
    o->set("overbooked", a.overbooked);
    o->set("series_id", nullable(a.seriesId));
    o->set("series_index", a.seriesIndex ? Poco::Dynamic::Var(*a.seriesIndex) : Poco::Dynamic::Var());
    o->set("confirmed_at", nullableMs(a.confirmedAtMs));
    o->set("arrived_at", nullableMs(a.arrivedAtMs));
    o->set("checked_out_at", nullableMs(a.checkedOutAtMs));
    o->set("cancelled_at", nullableMs(a.cancelledAtMs));
    o->set("cancel_reason", nullable(a.cancelReason));
    o->set("cancelled_by", nullable(a.cancelledBy));
    return o;
}

Poco::JSON::Object::Ptr appointmentViewJson(const core::AppointmentView& v, const core::ClinicTime& time)
{
    auto o = appointmentJson(v.appointment, time);
    o->set("patient_name", v.patientName);
    o->set("mrn", v.patientMrn);
    o->set("provider_name", v.providerName);
    o->set("type_name", v.typeName);
    o->set("room_name", nullable(v.roomName));
    return o;
}

Poco::JSON::Object::Ptr freeSlotJson(const core::FreeSlot& slot, const core::ClinicTime& time)
{
    auto o = newJsonObject();
    o->set("start", localText(time, slot.startUtcMs));
    o->set("start_utc", utcText(slot.startUtcMs));
    o->set("minutes", slot.minutes);
    o->set("provider_id", slot.providerId);
    o->set("provider_name", slot.providerName);
    return o;
}

Poco::JSON::Object::Ptr waitlistJson(const core::WaitlistEntry& e)
{
    auto o = newJsonObject();
    o->set("id", e.id);
    o->set("patient_id", e.patientId);
    o->set("patient_name", e.patientName);
    o->set("provider_id", nullable(e.providerId));
    o->set("type_id", nullable(e.typeId));
    Poco::JSON::Array::Ptr days = new Poco::JSON::Array;
    for (int d : e.weekdays)
        days->add(d);
    o->set("weekdays", days);
    char window[16];
    std::snprintf(window, sizeof window, "%02d:%02d", e.earliestMinute / 60, e.earliestMinute % 60);
    o->set("earliest", std::string(window));
    std::snprintf(window, sizeof window, "%02d:%02d", e.latestMinute / 60, e.latestMinute % 60);
    o->set("latest", std::string(window));
    o->set("until", e.untilDate);
    o->set("note", nullable(e.note));
    o->set("status", e.status);
    return o;
}

} // namespace practica::app
