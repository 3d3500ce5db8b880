// The schedule's set-up (providers, rooms, visit types, hours, blocks, holidays) and its bookings.
#include "core/records/FieldRules.h"
#include "core/schedule/ScheduleRows.h"

namespace practica::core {

namespace {

RecordType setup(std::string name, std::vector<FieldRule> fields)
{
    RecordType t;
    t.name = std::move(name);
    t.create = t.edit = Permission::ScheduleSetup;
    t.fields = std::move(fields);
    return t;
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
    constexpr std::int64_t kDayMinutes = 24 * 60;
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

void addScheduleRecordTypes(RecordTypes& types)
{
    using F = TextFormat;
    constexpr std::int64_t kDayMinutes = 24 * 60;

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
    series.name = "appointment_series";
    series.create = series.edit = Permission::ScheduleWrite;
    series.fields = {text("rule").required()};
    types.add(std::move(series));

    RecordType appointment;
    appointment.name = "appointment";
    appointment.create = appointment.edit = Permission::ScheduleWrite;
    appointment.fields = {reference("patient_id", "patient").required(),
                          reference("provider_id", "provider").required(),
                          reference("room_id", "room"),
                          reference("type_id", "appointment_type").required(),
                          integer("start_utc_ms").required(),
                          integer("end_utc_ms").required(),
                          integer("minutes").required().range(5, 720),
                          text("start_local").required(),
                          text("reason"),
                          text("note"),
                          reference("coverage_id", "coverage"),
                          choice("status", {"scheduled", "confirmed", "arrived", "in_room", "with_provider",
                                            "checked_out", "cancelled", "no_show"})
                              .required(),
                          integer("confirmed_at_ms"),
                          integer("arrived_at_ms"),
                          integer("in_room_at_ms"),
                          integer("with_provider_at_ms"),
                          integer("checked_out_at_ms"),
                          integer("cancelled_at_ms"),
                          integer("no_show_at_ms"),
                          text("cancel_reason"),
                          choice("cancelled_by", {"patient", "clinic"}),
                          flag("overbooked"),
                          reference("series_id", "appointment_series"),
                          integer("series_index").min(0)};
    appointment.order = {{"start_utc_ms", "end_utc_ms", false}};
    appointment.guarded = {{"overbooked", Permission::ScheduleOverbook, "1"}};
    appointment.booking =
        BookingRule{{{"provider", "provider_id", true}, {"room", "room_id", true}, {"patient", "patient_id", false}},
                    "start_utc_ms",
                    "end_utc_ms",
                    "status",
                    {"cancelled", "no_show"},
                    "overbooked"};
    types.add(std::move(appointment));

    RecordType waitlist;
    waitlist.name = "waitlist_entry";
    waitlist.create = waitlist.edit = Permission::ScheduleWrite;
    waitlist.fields = {reference("patient_id", "patient").required(),
                       reference("provider_id", "provider"),
                       reference("type_id", "appointment_type"),
                       text("weekdays").format(F::DayList).notNull(),
                       integer("earliest_minute").range(0, kDayMinutes).requiredWithDefault(),
                       integer("latest_minute").range(0, kDayMinutes).requiredWithDefault(),
                       date("until_date").required(),
                       text("note"),
                       choice("status", {"waiting", "booked", "removed"}).required(),
                       integer("created_ms").required()};
    waitlist.order = {{"earliest_minute", "latest_minute", false}};
    types.add(std::move(waitlist));
}

} // namespace practica::core
