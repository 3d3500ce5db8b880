// schedule free-slots and waitlist: finding openings and keeping patients who want an earlier one.
#include "Commands.h"
#include "JsonOutput.h"
#include "ScheduleLookup.h"
#include "core/schedule/SlotFinder.h"
#include "core/schedule/WaitlistStore.h"

#include <cstdio>
#include <ostream>

namespace practica::app {

const char* const kScheduleHelp = R"(Usage: practica-cli schedule free-slots --type NAME|ID [options]

  free-slots   the first openings for an appointment type, inside working hours and outside breaks,
               blocks, holidays and other appointments, in time order
    --provider NAME|ID   only this provider (default: every active provider)
    --from D             first day to look at (default today)
    --days N             how many days to look at (default 30)
    --weekdays LIST      only these days, e.g. mon,wed or 1,3
    --after HH:MM        start at or after this time of day
    --before HH:MM       start before this time of day
    --minutes N          length (default: the type's)
    --limit N            at most N openings (default 10)
)";

const char* const kWaitlistHelp = R"(Usage: practica-cli waitlist <verb> [options]

  add --patient MRN --until D [--provider NAME|ID] [--type NAME|ID] [--weekdays LIST]
      [--after HH:MM] [--before HH:MM] [--note TEXT]
        puts a patient on the waitlist for an earlier or a particular appointment, up to date D
  list  the waiting patients, oldest first

Cancelling an appointment lists the waiting patients who fit the freed slot.
)";

namespace {

std::string clockText(int minute)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", minute / 60, minute % 60);
    return buf;
}

Outcome freeSlots(CliContext& ctx, core::Session& s)
{
    auto days = integerOption(ctx, "days", 30, 1, 366);
    auto limit = integerOption(ctx, "limit", 10, 1, 1000);
    auto minutes = integerOption(ctx, "minutes", 0, 5, 12 * 60);
    auto after = minuteOption(ctx, "after", 0);
    auto before = minuteOption(ctx, "before", 24 * 60);
    auto weekdays = weekdaysOption(ctx, "weekdays");
    auto from = dateOption(ctx, "from");
    if (!days || !limit || !minutes)
        return std::unexpected(!days ? days.error() : !limit ? limit.error() : minutes.error());
    if (!after || !before || !weekdays || !from)
        return std::unexpected(!after    ? after.error()
                               : !before ? before.error()
                               : !from   ? from.error()
                                         : weekdays.error());
    auto type = findType(s, ctx.value("type"));
    if (!type)
        return std::unexpected(type.error());
    core::SlotQuery query;
    query.typeId = type->id;
    if (auto name = ctx.option("provider")) {
        auto provider = findProvider(s, *name);
        if (!provider)
            return std::unexpected(provider.error());
        query.providerIds = {provider->id};
    }
    query.weekdays = *weekdays;
    query.earliestMinute = *after;
    query.latestMinute = *before;
    query.fromDate = *from;
    query.days = static_cast<int>(*days);
    query.limit = static_cast<int>(*limit);
    if (*minutes > 0)
        query.minutes = static_cast<int>(*minutes);
    auto slots = core::SlotFinder(s).find(query);
    if (!slots)
        return failure(slots.error());
    const core::ClinicTime& time = core::AppointmentStore(s).clinicTime();
    if (ctx.json()) {
        Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
        for (const auto& slot : *slots)
            array->add(freeSlotJson(slot, time));
        ctx.printJson(array);
        return {};
    }
    if (slots->empty()) {
        ctx.out() << "No openings for " << type->name << " in " << query.days << " days.\n";
        return {};
    }
    for (const auto& slot : *slots)
        ctx.out() << localText(time, slot.startUtcMs) << "  " << slot.minutes << " min  " << slot.providerName << "\n";
    return {};
}

Outcome addToWaitlist(CliContext& ctx, core::Session& s)
{
    auto until = requiredDate(ctx, "until");
    auto after = minuteOption(ctx, "after", 0);
    auto before = minuteOption(ctx, "before", 24 * 60);
    auto weekdays = weekdaysOption(ctx, "weekdays");
    if (!until || !after || !before || !weekdays)
        return std::unexpected(!until    ? until.error()
                               : !after  ? after.error()
                               : !before ? before.error()
                                         : weekdays.error());
    auto patient = findPatientByMrn(s, ctx.value("patient"));
    if (!patient)
        return std::unexpected(patient.error());
    core::WaitlistEntry e;
    e.patientId = patient->id;
    if (auto name = ctx.option("provider")) {
        auto provider = findProvider(s, *name);
        if (!provider)
            return std::unexpected(provider.error());
        e.providerId = provider->id;
    }
    if (auto name = ctx.option("type")) {
        auto type = findType(s, *name);
        if (!type)
            return std::unexpected(type.error());
        e.typeId = type->id;
    }
    e.weekdays = *weekdays;
    e.earliestMinute = *after;
    e.latestMinute = *before;
    e.untilDate = *until;
    e.note = ctx.option("note");
    auto added = core::WaitlistStore(s).add(std::move(e));
    if (!added)
        return failure(added.error());
    if (ctx.json()) {
        auto o = waitlistJson(*added);
        o->set("patient_name", patient->displayName());
        ctx.printJson(o);
    } else {
        ctx.out() << "Added " << patient->displayName() << " to the waitlist until " << added->untilDate << "; entry "
                  << added->id << ".\n";
    }
    return {};
}

Outcome listWaitlist(CliContext& ctx, core::Session& session)
{
    auto waiting = core::WaitlistStore(session).waiting();
    if (!waiting)
        return failure(waiting.error());
    if (ctx.json()) {
        Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
        for (const auto& e : *waiting)
            array->add(waitlistJson(e));
        ctx.printJson(array);
        return {};
    }
    if (waiting->empty()) {
        ctx.out() << "Nobody is waiting.\n";
        return {};
    }
    static constexpr const char* kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    for (const auto& e : *waiting) {
        std::string days;
        for (int d : e.weekdays)
            days += (days.empty() ? "" : ",") + std::string(kDays[(d - 1) % 7]);
        ctx.out() << e.patientName << "  until " << e.untilDate << "  " << (days.empty() ? "any day" : days) << " "
                  << clockText(e.earliestMinute) << "-" << clockText(e.latestMinute) << (e.note ? "  " + *e.note : "")
                  << "  (" << e.id << ")\n";
    }
    return {};
}

} // namespace

Outcome runSchedule(CliContext& ctx)
{
    static const std::vector<Verb> kScheduleVerbs = {
        {.name = "free-slots",
         .options = {"type", "provider", "from", "days", "weekdays", "after", "before", "minutes", "limit"},
         .required = {"type"},
         .unlocked = freeSlots},
    };
    return runVerb(ctx, kScheduleVerbs);
}

Outcome runWaitlist(CliContext& ctx)
{
    static const std::vector<Verb> kWaitlistVerbs = {
        {.name = "add",
         .options = {"patient", "until", "provider", "type", "weekdays", "after", "before", "note"},
         .required = {"patient", "until"},
         .unlocked = addToWaitlist},
        {.name = "list", .unlocked = listWaitlist},
    };
    return runVerb(ctx, kWaitlistVerbs);
}

} // namespace practica::app
