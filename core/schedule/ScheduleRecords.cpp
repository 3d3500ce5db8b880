// The schedule's set-up (providers, rooms, visit types, hours, blocks, holidays) and its bookings.
#include "core/records/FieldRules.h"
#include "core/schedule/ScheduleRows.h"

#include <sstream>

namespace practica::core {

namespace {

constexpr std::int64_t kDayMinutes = 24 * 60;

RecordType setup(std::string name, std::vector<FieldRule> fields)
{
    RecordType t;
    t.name = std::move(name);
    t.create = t.edit = Permission::ScheduleSetup;
    t.fields = std::move(fields);
    return t;
}

std::string joinDays(const std::vector<int>& days)
{
    std::string out;
    for (int d : days)
        out.append(out.empty() ? "" : ",").append(std::to_string(d));
    return out;
}

std::vector<int> splitDays(const std::string& text)
{
    std::vector<int> days;
    std::stringstream in(text);
    std::string part;
    while (std::getline(in, part, ','))
        if (!part.empty())
            days.push_back(std::stoi(part));
    return days;
}

} // namespace

const RowBinding<Provider>& providerRow()
{
    static const RowBinding<Provider> row = [] {
        RowBinding<Provider> r("provider", &Provider::id);
        r.field(text("name").required(), &Provider::name)
            .field(text("credentials"), &Provider::credentials)
            .field(text("npi").format(TextFormat::Npi), &Provider::npi)
            .field(text("specialty"), &Provider::specialty)
            .field(text("color").required().format(TextFormat::Color), &Provider::color)
            .field(flag("active"), &Provider::active);
        return r;
    }();
    return row;
}

const RowBinding<Room>& roomRow()
{
    static const RowBinding<Room> row = [] {
        RowBinding<Room> r("room", &Room::id);
        r.field(text("name").required(), &Room::name).field(flag("active"), &Room::active);
        return r;
    }();
    return row;
}

const RowBinding<AppointmentType>& appointmentTypeRow()
{
    static const RowBinding<AppointmentType> row = [] {
        RowBinding<AppointmentType> r("appointment_type", &AppointmentType::id);
        r.field(text("name").required(), &AppointmentType::name)
            .field(integer("default_minutes").required().range(5, 480), &AppointmentType::defaultMinutes)
            .field(text("color").required().format(TextFormat::Color), &AppointmentType::color)
            .field(flag("allow_overbook"), &AppointmentType::allowOverbook)
            .field(reference("default_room_id", "room"), &AppointmentType::defaultRoomId)
            .field(flag("active"), &AppointmentType::active);
        return r;
    }();
    return row;
}

const RowBinding<ClinicHoliday>& clinicHolidayRow()
{
    static const RowBinding<ClinicHoliday> row = [] {
        RowBinding<ClinicHoliday> r("clinic_holiday", &ClinicHoliday::id);
        r.field(date("date").required(), &ClinicHoliday::date)
            .field(text("name").required(), &ClinicHoliday::name)
            .field(flag("active"), &ClinicHoliday::active);
        return r;
    }();
    return row;
}

const RowBinding<WorkingHours>& workingHoursRow()
{
    static const RowBinding<WorkingHours> row = [] {
        RowBinding<WorkingHours> r("working_hours", &WorkingHours::id);
        r.field(reference("provider_id", "provider").required(), &WorkingHours::providerId)
            .field(integer("weekday").required().range(1, 7), &WorkingHours::weekday)
            .field(integer("start_minute").required().range(0, kDayMinutes), &WorkingHours::startMinute)
            .field(integer("end_minute").required().range(0, kDayMinutes), &WorkingHours::endMinute)
            .field(flag("is_break"), &WorkingHours::isBreak)
            .field(flag("active"), &WorkingHours::active);
        return r;
    }();
    return row;
}

const RowBinding<ScheduleBlock>& scheduleBlockRow()
{
    static const RowBinding<ScheduleBlock> row = [] {
        RowBinding<ScheduleBlock> r("schedule_block", &ScheduleBlock::id);
        r.field(reference("provider_id", "provider"), &ScheduleBlock::providerId)
            .field(text("start_local").required(), &ScheduleBlock::startLocal)
            .field(text("end_local").required(), &ScheduleBlock::endLocal)
            .field(integer("start_utc_ms").required(), &ScheduleBlock::startUtcMs)
            .field(integer("end_utc_ms").required(), &ScheduleBlock::endUtcMs)
            .field(text("reason").required(), &ScheduleBlock::reason)
            .field(choice("kind", {"vacation", "blocked"}).required(), &ScheduleBlock::kind)
            .field(flag("active"), &ScheduleBlock::active);
        return r;
    }();
    return row;
}

const RowBinding<AppointmentSeries>& appointmentSeriesRow()
{
    static const RowBinding<AppointmentSeries> row = [] {
        RowBinding<AppointmentSeries> r("appointment_series", &AppointmentSeries::id);
        r.field(text("rule").required(), &AppointmentSeries::rule);
        return r;
    }();
    return row;
}

const RowBinding<Appointment>& appointmentRow()
{
    using A = Appointment;
    static const RowBinding<Appointment> row = [] {
        RowBinding<Appointment> r("appointment", &A::id);
        r.field(reference("patient_id", "patient").required(), &A::patientId)
            .field(reference("provider_id", "provider").required(), &A::providerId)
            .field(reference("room_id", "room"), &A::roomId)
            .field(reference("type_id", "appointment_type").required(), &A::typeId)
            .field(integer("start_utc_ms").required(), &A::startUtcMs)
            // Stored for the overlap searches; the struct computes it from the start and the length.
            .field(
                integer("end_utc_ms").required(),
                [](const A& a) { return std::optional<std::string>(std::to_string(a.endUtcMs())); },
                [](A&, const Statement&, int) {})
            .field(integer("minutes").required().range(5, 720), &A::minutes)
            .field(text("start_local").required(), &A::startLocal)
            .field(text("reason"), &A::reason)
            .field(text("note"), &A::note)
            .field(reference("coverage_id", "coverage"), &A::coverageId)
            .field(
                choice("status", {"scheduled", "confirmed", "arrived", "in_room", "with_provider", "checked_out",
                                  "cancelled", "no_show"})
                    .required(),
                [](const A& a) { return std::optional<std::string>(appointmentStatusName(a.status)); },
                [](A& a, const Statement& s, int c) {
                    a.status = appointmentStatusFromName(s.text(c)).value_or(AppointmentStatus::Scheduled);
                })
            .field(integer("confirmed_at_ms"), &A::confirmedAtMs)
            .field(integer("arrived_at_ms"), &A::arrivedAtMs)
            .field(integer("in_room_at_ms"), &A::inRoomAtMs)
            .field(integer("with_provider_at_ms"), &A::withProviderAtMs)
            .field(integer("checked_out_at_ms"), &A::checkedOutAtMs)
            .field(integer("cancelled_at_ms"), &A::cancelledAtMs)
            .field(integer("no_show_at_ms"), &A::noShowAtMs)
            .field(text("cancel_reason"), &A::cancelReason)
            .field(choice("cancelled_by", {"patient", "clinic"}), &A::cancelledBy)
            .field(flag("overbooked"), &A::overbooked)
            .field(reference("series_id", "appointment_series"), &A::seriesId)
            .field(integer("series_index").min(0), &A::seriesIndex);
        return r;
    }();
    return row;
}

const RowBinding<WaitlistEntry>& waitlistEntryRow()
{
    using W = WaitlistEntry;
    static const RowBinding<WaitlistEntry> row = [] {
        RowBinding<WaitlistEntry> r("waitlist_entry", &W::id);
        r.field(reference("patient_id", "patient").required(), &W::patientId)
            .field(reference("provider_id", "provider"), &W::providerId)
            .field(reference("type_id", "appointment_type"), &W::typeId)
            // "1,3,5"; empty for any day.
            .field(
                text("weekdays").format(TextFormat::DayList).notNull(),
                [](const W& w) { return std::optional<std::string>(joinDays(w.weekdays)); },
                [](W& w, const Statement& s, int c) { w.weekdays = splitDays(s.text(c)); })
            .field(integer("earliest_minute").range(0, kDayMinutes).requiredWithDefault(), &W::earliestMinute)
            .field(integer("latest_minute").range(0, kDayMinutes).requiredWithDefault(), &W::latestMinute)
            .field(date("until_date").required(), &W::untilDate)
            .field(text("note"), &W::note)
            .field(choice("status", {"waiting", "booked", "removed"}).required(), &W::status)
            .field(integer("created_ms").required(), &W::createdMs);
        return r;
    }();
    return row;
}

void addScheduleRecordTypes(RecordTypes& types)
{
    types.add(setup(providerRow().table(), providerRow().rules()));
    types.add(setup(roomRow().table(), roomRow().rules()));
    types.add(setup(appointmentTypeRow().table(), appointmentTypeRow().rules()));
    RecordType hours = setup(workingHoursRow().table(), workingHoursRow().rules());
    hours.order = {{"start_minute", "end_minute", false}};
    types.add(std::move(hours));
    RecordType block = setup(scheduleBlockRow().table(), scheduleBlockRow().rules());
    block.order = {{"start_utc_ms", "end_utc_ms", false}};
    types.add(std::move(block));
    types.add(setup(clinicHolidayRow().table(), clinicHolidayRow().rules()));

    RecordType series;
    series.name = appointmentSeriesRow().table();
    series.create = series.edit = Permission::ScheduleWrite;
    series.fields = appointmentSeriesRow().rules();
    types.add(std::move(series));

    RecordType appointment;
    appointment.name = appointmentRow().table();
    appointment.create = appointment.edit = Permission::ScheduleWrite;
    appointment.fields = appointmentRow().rules();
    appointment.order = {{"start_utc_ms", "end_utc_ms", false}};
    appointment.guarded = {{"overbooked", Permission::ScheduleOverbook, "1"}};
    // The clinician who starts or finishes the visit moves the appointment on, without booking rights.
    appointment.grants = {{Permission::ClinicalWrite,
                           {"status", "with_provider_at_ms", "checked_out_at_ms"},
                           "status",
                           {"with_provider", "checked_out"}}};
    appointment.booking =
        BookingRule{{{"provider", "provider_id", true}, {"room", "room_id", true}, {"patient", "patient_id", false}},
                    "start_utc_ms",
                    "end_utc_ms",
                    "status",
                    {"cancelled", "no_show"},
                    "overbooked"};
    types.add(std::move(appointment));

    RecordType waitlist;
    waitlist.name = waitlistEntryRow().table();
    waitlist.create = waitlist.edit = Permission::ScheduleWrite;
    waitlist.fields = waitlistEntryRow().rules();
    waitlist.order = {{"earliest_minute", "latest_minute", false}};
    types.add(std::move(waitlist));
}

} // namespace practica::core
