// The schedule's set-up (providers, rooms, visit types, hours, blocks, holidays) and its bookings.
#include "core/records/FieldRules.h"

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

void addScheduleRecordTypes(RecordTypes& types)
{
    using F = TextFormat;
    constexpr std::int64_t kDayMinutes = 24 * 60;

    types.add(setup("provider", {text("name").required(), text("credentials"), text("npi").format(F::Npi),
                                 text("specialty"), text("color").required().format(F::Color), flag("active")}));
    types.add(setup("room", {text("name").required(), flag("active")}));
    types.add(setup("appointment_type", {text("name").required(), integer("default_minutes").required().range(5, 480),
                                         text("color").required().format(F::Color), flag("allow_overbook"),
                                         reference("default_room_id", "room"), flag("active")}));
    RecordType hours = setup(
        "working_hours", {reference("provider_id", "provider").required(), integer("weekday").required().range(1, 7),
                          integer("start_minute").required().range(0, kDayMinutes),
                          integer("end_minute").required().range(0, kDayMinutes), flag("is_break"), flag("active")});
    hours.order = {{"start_minute", "end_minute", false}};
    types.add(std::move(hours));
    RecordType block = setup("schedule_block", {reference("provider_id", "provider"), text("start_local").required(),
                                                text("end_local").required(), integer("start_utc_ms").required(),
                                                integer("end_utc_ms").required(), text("reason").required(),
                                                choice("kind", {"vacation", "blocked"}).required(), flag("active")});
    block.order = {{"start_utc_ms", "end_utc_ms", false}};
    types.add(std::move(block));
    types.add(setup("clinic_holiday", {date("date").required(), text("name").required(), flag("active")}));

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
