// appointments: book, move, cancel, change status, list and export appointments through AppointmentStore.
#include "Commands.h"
#include "JsonOutput.h"
#include "ScheduleLookup.h"
#include "core/clinic/ClinicStore.h"
#include "core/schedule/ReminderExport.h"
#include "core/schedule/ReminderList.h"
#include "core/util/AtomicFile.h"
#include "core/util/Validators.h"
#include "words/ErrorWords.h"

#include <cstdio>
#include <map>
#include <ostream>

namespace practica::app {

const char* const kAppointmentsHelp = R"(Usage: practica-cli appointments <verb> [options]

  book --patient MRN --provider NAME|ID --type NAME|ID --at "YYYY-MM-DD HH:MM" [options]
        books an appointment; --minutes N (default: the type's), --room NAME|ID, --reason TEXT,
        --note TEXT. Refuses a time that collides with another appointment of the provider, room or
        patient (--overbook books over it when the type allows and your role may) and a time outside
        working hours, in blocked time or on a holiday (--accept-warnings books anyway)
  move --id ID --at "YYYY-MM-DD HH:MM" [--provider NAME|ID] [--room NAME|ID] [--overbook] [--accept-warnings]
  cancel --id ID --reason TEXT [--by patient|clinic] [--series]
        cancels (--series: this and every later occurrence of its series) and lists waitlisted
        patients who fit the freed slot
  status --id ID --to confirmed|arrived|in_room|with_provider|checked_out|no_show
  list [--date D | --from D --to D] [--provider NAME|ID] [--patient MRN]
        the day (default today) or the dates, in time order
  export --ical FILE --patient MRN [--from D]
        the patient's appointments from D (default today) as an iCalendar file for their calendar
  export --csv FILE --from D --to D [--provider NAME|ID]
        the reminder list as CSV: date, time, patient, MRN, phone, provider, type and status of each
        visit still booked (cancelled and missed visits get no reminder)

Times are wall-clock times in the clinic's time zone. A time the spring change skips does not exist;
for a time the autumn change repeats pass --repeated earlier|later. Dates are YYYY-MM-DD.
A conflict prints one line naming what collides and exits with 6.
)";

namespace {

struct Names
{
    std::string provider;
    std::string patient;
    std::string type;
    std::string room;
};

std::string spaced(std::string localIso)
{
    if (localIso.size() > 10 && localIso[10] == 'T')
        localIso[10] = ' ';
    return localIso;
}

// One line saying what stands in the way of a booking or a move, from the store's structured check.
Failure collision(core::AppointmentStore& store, const core::Appointment& proposed, const core::Error& error,
                  const Names& names, const std::optional<std::string>& ignoreId, bool overbook)
{
    const auto rule = error.rule();
    if (error.code != core::ErrorCode::Conflict || (rule != core::Rule::Clash && rule != core::Rule::NeedsConfirmation))
        return failure(error).error();
    auto check = store.check(proposed, ignoreId);
    const std::string when = localText(store.clinicTime(), proposed.startUtcMs);
    if (rule == core::Rule::NeedsConfirmation) {
        const std::string warning = error.param("warning");
        std::string detail;
        if (check)
            for (const auto& w : check->warnings)
                if (w.kind == warning)
                    detail = w.detail;
        std::string what;
        if (warning == "outside_hours")
            what = when + " is outside " + names.provider + "'s working hours";
        else if (warning == "break")
            what = when + " falls in " + names.provider + "'s break";
        else if (warning == "blocked")
            what = when + " is blocked" + (detail.empty() ? "" : " (" + detail + ")");
        else if (warning == "holiday")
            what = when.substr(0, 10) + " is a clinic holiday" + (detail.empty() ? "" : " (" + detail + ")");
        else
            what = when + " needs confirmation (" + warning + ")";
        return {kExitInvalid, what + "; pass --accept-warnings to book anyway"};
    }
    const core::ScheduleConflict* found = nullptr;
    if (check)
        for (const auto& c : check->conflicts)
            if (!found || (c.kind == error.field && found->kind != error.field))
                found = &c;
    if (!found)
        return {kExitInvalid, words::errorSentence(error)};
    const std::string slot = " at " + spaced(found->startLocal) + " (" + std::to_string(found->minutes) +
                             " min, appointment " + found->appointmentId + ")";
    std::string line;
    if (found->kind == "provider")
        line = names.provider + " is already booked with " + found->patientName + slot;
    else if (found->kind == "room")
        line = (names.room.empty() ? std::string("the room") : names.room) + " is already taken by " +
               found->patientName + slot;
    else
        line = names.patient + " already has an appointment" + slot;
    if (check->overbookPossible && !overbook)
        line += "; pass --overbook to book over it";
    else if (found->kind != "patient" && !check->overbookPossible)
        line += "; " + names.type + " cannot be overbooked here";
    return {kExitInvalid, line};
}

Outcome printAppointment(CliContext& ctx, const core::ClinicTime& time, const core::Appointment& a,
                         const std::string& sentence, const Names& names)
{
    if (ctx.json()) {
        auto o = appointmentJson(a, time);
        o->set("patient_name", names.patient);
        o->set("provider_name", names.provider);
        o->set("type_name", names.type);
        ctx.printJson(o);
        return {};
    }
    ctx.out() << sentence << " " << names.patient << " with " << names.provider << ", " << names.type << ", "
              << localText(time, a.startUtcMs) << " (" << a.minutes << " min" << (a.overbooked ? ", overbooked" : "")
              << "); appointment " << a.id << ".\n";
    return {};
}

// The names a message shows for an existing appointment.
CliResult<Names> namesOf(core::AppointmentStore& store, const core::Appointment& a)
{
    auto day = store.forPatient(a.patientId);
    if (!day)
        return failure(day.error());
    for (const auto& v : *day)
        if (v.appointment.id == a.id)
            return Names{v.providerName, v.patientName, v.typeName, v.roomName.value_or("")};
    return Names{a.providerId, a.patientId, a.typeId, a.roomId.value_or("")};
}

Outcome bookAppointment(CliContext& ctx, core::Session& s)
{
    auto minutes = integerOption(ctx, "minutes", 0, 5, 12 * 60);
    if (!minutes)
        return std::unexpected(minutes.error());
    core::AppointmentStore store(s);
    auto patient = findPatientByMrn(s, ctx.value("patient"));
    if (!patient)
        return std::unexpected(patient.error());
    auto provider = findProvider(s, ctx.value("provider"));
    if (!provider)
        return std::unexpected(provider.error());
    auto type = findType(s, ctx.value("type"));
    if (!type)
        return std::unexpected(type.error());
    std::optional<core::Room> room;
    if (auto name = ctx.option("room")) {
        auto found = findRoom(s, *name);
        if (!found)
            return std::unexpected(found.error());
        room = *found;
    }
    auto start = localTimeOption(ctx, store.clinicTime(), "at");
    if (!start)
        return std::unexpected(start.error());

    core::Appointment a;
    a.patientId = patient->id;
    a.providerId = provider->id;
    a.typeId = type->id;
    a.roomId = room ? std::optional(room->id) : type->defaultRoomId;
    a.startUtcMs = *start;
    a.minutes = *minutes > 0 ? static_cast<int>(*minutes) : type->defaultMinutes;
    a.reason = ctx.option("reason");
    a.note = ctx.option("note");
    core::BookingOptions options;
    options.overbook = ctx.args().has("overbook");
    options.acceptWarnings = ctx.args().has("accept-warnings");
    const Names names{provider->name, patient->displayName(), type->name, room ? room->name : std::string()};
    auto booked = store.book(a, options);
    if (!booked)
        return std::unexpected(collision(store, a, booked.error(), names, std::nullopt, options.overbook));
    return printAppointment(ctx, store.clinicTime(), *booked, "Booked", names);
}

Outcome moveAppointment(CliContext& ctx, core::Session& s)
{
    const std::string id = ctx.value("id");
    core::AppointmentStore store(s);
    auto current = store.get(id);
    if (!current)
        return failure(current.error());
    auto names = namesOf(store, *current);
    if (!names)
        return std::unexpected(names.error());
    std::optional<std::string> providerId, roomId;
    if (auto name = ctx.option("provider")) {
        auto provider = findProvider(s, *name);
        if (!provider)
            return std::unexpected(provider.error());
        providerId = provider->id;
        names->provider = provider->name;
    }
    if (auto name = ctx.option("room")) {
        auto room = findRoom(s, *name);
        if (!room)
            return std::unexpected(room.error());
        roomId = room->id;
        names->room = room->name;
    }
    auto start = localTimeOption(ctx, store.clinicTime(), "at");
    if (!start)
        return std::unexpected(start.error());
    core::BookingOptions options;
    options.overbook = ctx.args().has("overbook");
    options.acceptWarnings = ctx.args().has("accept-warnings");
    options.ignoreAppointmentId = id;
    auto moved = store.move(id, *start, providerId, roomId, options);
    if (!moved) {
        core::Appointment proposed = *current;
        proposed.startUtcMs = *start;
        proposed.providerId = providerId.value_or(current->providerId);
        proposed.roomId = roomId ? roomId : current->roomId;
        return std::unexpected(collision(store, proposed, moved.error(), *names, id, options.overbook));
    }
    return printAppointment(ctx, store.clinicTime(), *moved, "Moved", *names);
}

Outcome cancelAppointment(CliContext& ctx, core::Session& session)
{
    const std::string id = ctx.value("id");
    const std::string reason = ctx.value("reason");
    const std::string by = ctx.optionOr("by", "patient");
    if (by != "patient" && by != "clinic")
        return usageError("--by must be patient or clinic");
    core::AppointmentStore store(session);
    const core::ClinicTime& time = store.clinicTime();
    if (ctx.args().has("series")) {
        auto cancelled = store.cancelSeriesFrom(id, reason, by);
        if (!cancelled)
            return failure(cancelled.error());
        if (ctx.json()) {
            Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
            for (const auto& a : *cancelled)
                array->add(appointmentJson(a, time));
            ctx.printJson(array);
        } else {
            ctx.out() << "Cancelled " << cancelled->size() << " appointments of the series.\n";
        }
        return {};
    }
    auto outcome = store.cancel(id, reason, by);
    if (!outcome)
        return failure(outcome.error());
    if (ctx.json()) {
        auto o = appointmentJson(outcome->cancelled, time);
        Poco::JSON::Array::Ptr matches = new Poco::JSON::Array;
        for (const auto& e : outcome->waitlistMatches)
            matches->add(waitlistJson(e));
        o->set("waitlist_matches", matches);
        ctx.printJson(o);
        return {};
    }
    ctx.out() << "Cancelled appointment " << outcome->cancelled.id << " at "
              << localText(time, outcome->cancelled.startUtcMs) << " (by " << by << ": " << reason << ").\n";
    if (!outcome->waitlistMatches.empty()) {
        ctx.out() << "Waitlisted patients who fit the freed slot:\n";
        for (const auto& e : outcome->waitlistMatches)
            ctx.out() << "  " << e.patientName << " (waitlist " << e.id << ")" << (e.note ? ": " + *e.note : "")
                      << "\n";
    }
    return {};
}

Outcome setAppointmentStatus(CliContext& ctx, core::Session& session)
{
    const std::string id = ctx.value("id");
    std::string name = ctx.value("to");
    for (char& c : name)
        c = c == '-' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto status = core::appointmentStatusFromName(name);
    if (!status || *status == core::AppointmentStatus::Scheduled)
        return usageError("--to must be confirmed, arrived, in_room, with_provider, checked_out or no_show");
    if (*status == core::AppointmentStatus::Cancelled)
        return usageError("use 'appointments cancel' to cancel, with a reason");
    core::AppointmentStore store(session);
    auto changed = *status == core::AppointmentStatus::NoShow ? store.markNoShow(id) : store.setStatus(id, *status);
    if (!changed)
        return failure(changed.error());
    if (ctx.json())
        ctx.printJson(appointmentJson(*changed, store.clinicTime()));
    else
        ctx.out() << "Appointment " << changed->id << " at " << localText(store.clinicTime(), changed->startUtcMs)
                  << " is now " << core::appointmentStatusName(changed->status) << ".\n";
    return {};
}

void printViews(CliContext& ctx, const core::ClinicTime& time, const std::vector<core::AppointmentView>& views)
{
    if (ctx.json()) {
        Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
        for (const auto& v : views)
            array->add(appointmentViewJson(v, time));
        ctx.printJson(array);
        return;
    }
    if (views.empty()) {
        ctx.out() << "No appointments.\n";
        return;
    }
    for (const auto& v : views) {
        const auto& a = v.appointment;
        char line[512];
        std::snprintf(line, sizeof line, "%s  %3d min  %-13s  %-12s  %-26s  %-16s  %-20s  %s",
                      localText(time, a.startUtcMs).c_str(), a.minutes, core::appointmentStatusName(a.status).c_str(),
                      v.patientMrn.c_str(), v.patientName.c_str(), v.typeName.c_str(), v.providerName.c_str(),
                      a.id.c_str());
        ctx.out() << line << (a.overbooked ? "  [overbooked]" : "") << "\n";
    }
}

Outcome listAppointments(CliContext& ctx, core::Session& s)
{
    if (ctx.option("date") && (ctx.option("from") || ctx.option("to")))
        return usageError("pass either --date or --from and --to");
    core::AppointmentStore store(s);
    const core::ClinicTime& time = store.clinicTime();
    const std::string today = time.toLocal(s.clock().nowMs()).date;
    auto date = dateOption(ctx, "date", today);
    auto from = dateOption(ctx, "from", ctx.option("patient") ? std::string() : *date);
    auto to = dateOption(ctx, "to", ctx.option("patient") ? std::string() : from.value_or(today));
    if (!date || !from || !to)
        return std::unexpected(!date ? date.error() : !from ? from.error() : to.error());
    std::optional<std::string> providerId;
    if (auto name = ctx.option("provider")) {
        auto provider = findProvider(s, *name);
        if (!provider)
            return std::unexpected(provider.error());
        providerId = provider->id;
    }
    core::Result<std::vector<core::AppointmentView>> views;
    if (auto mrn = ctx.option("patient")) {
        auto patient = findPatientByMrn(s, *mrn);
        if (!patient)
            return std::unexpected(patient.error());
        views = store.forPatient(patient->id);
        if (views)
            std::erase_if(*views, [&](const core::AppointmentView& v) {
                const std::string day = time.toLocal(v.appointment.startUtcMs).date;
                return (!from->empty() && day < *from) || (!to->empty() && day > *to) ||
                       (providerId && v.appointment.providerId != *providerId);
            });
    } else if (*from == *to) {
        views = store.dayView(*from, providerId ? std::vector<std::string>{*providerId} : std::vector<std::string>{});
    } else {
        views = store.range(*from, *to, providerId);
    }
    if (!views)
        return failure(views.error());
    printViews(ctx, time, *views);
    return {};
}

Outcome exportAppointments(CliContext& ctx, core::Session& s)
{
    const auto ical = ctx.option("ical");
    const auto csv = ctx.option("csv");
    if (ical.has_value() == csv.has_value())
        return usageError("pass either --ical FILE --patient MRN or --csv FILE --from D --to D");
    if (ical && ctx.option("provider"))
        return usageError("--provider goes with --csv");
    core::AppointmentStore store(s);
    const core::ClinicTime& time = store.clinicTime();
    const std::int64_t now = s.clock().nowMs();
    std::string content;
    std::size_t count = 0;
    if (ical) {
        auto mrn = ctx.required("patient");
        if (!mrn)
            return std::unexpected(mrn.error());
        auto from = dateOption(ctx, "from", time.toLocal(now).date);
        if (!from)
            return std::unexpected(from.error());
        auto patient = findPatientByMrn(s, *mrn);
        if (!patient)
            return std::unexpected(patient.error());
        auto clinic = core::ClinicStore(s).get();
        if (!clinic)
            return failure(clinic.error());
        auto views = store.forPatient(patient->id);
        if (!views)
            return failure(views.error());
        std::erase_if(*views, [&](const auto& v) { return time.toLocal(v.appointment.startUtcMs).date < *from; });
        content = core::icalendarFor(*views, *clinic, time, now);
        count = views->size();
    } else {
        auto from = requiredDate(ctx, "from");
        auto to = requiredDate(ctx, "to");
        if (!from || !to)
            return std::unexpected(!from ? from.error() : to.error());
        std::optional<std::string> providerId;
        if (auto name = ctx.option("provider")) {
            auto provider = findProvider(s, *name);
            if (!provider)
                return std::unexpected(provider.error());
            providerId = provider->id;
        }
        auto due = core::remindersDue(s, *from, *to, providerId);
        if (!due)
            return failure(due.error());
        content = core::reminderCsv(due->appointments, time, due->phoneByPatientId);
        count = due->appointments.size();
    }
    const std::string& file = ical ? *ical : *csv;
    if (core::Status written = core::writeFileAtomically(file, content); !written)
        return failure(written.error());
    if (ctx.json()) {
        auto o = newJsonObject();
        o->set("file", file);
        o->set("format", std::string(ical ? "ical" : "csv"));
        o->set("appointments", count);
        ctx.printJson(o);
    } else {
        ctx.out() << "Wrote " << count << " appointments to " << file << ".\n";
    }
    return {};
}

} // namespace

Outcome runAppointments(CliContext& ctx)
{
    static const std::vector<Verb> kAppointmentVerbs = {
        {.name = "book",
         .options = {"patient", "provider", "type", "at", "minutes", "room", "reason", "note", "overbook",
                     "accept-warnings", "repeated"},
         .required = {"patient", "provider", "type", "at"},
         .unlocked = bookAppointment},
        {.name = "move",
         .options = {"id", "at", "provider", "room", "overbook", "accept-warnings", "repeated"},
         .required = {"id", "at"},
         .unlocked = moveAppointment},
        {.name = "cancel",
         .options = {"id", "reason", "by", "series"},
         .required = {"id", "reason"},
         .unlocked = cancelAppointment},
        {.name = "status", .options = {"id", "to"}, .required = {"id", "to"}, .unlocked = setAppointmentStatus},
        {.name = "list", .options = {"date", "from", "to", "provider", "patient"}, .unlocked = listAppointments},
        {.name = "export",
         .options = {"ical", "csv", "patient", "from", "to", "provider"},
         .unlocked = exportAppointments},
    };
    return runVerb(ctx, kAppointmentVerbs);
}

} // namespace practica::app
