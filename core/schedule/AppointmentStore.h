// Booking, moving, resizing, status changes and cancellations, with the rules the front desk relies on:
// no provider, room or patient in two overlapping appointments unless a permitted user overbooks a type
// that allows it; warnings for times outside working hours, in blocked time or on holidays.
#pragma once

#include "core/Error.h"
#include "core/audit/AuditLog.h"
#include "core/model/Schedule.h"
#include "core/schedule/ClinicTime.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace practica::core {

class Session;

// Something that collides with a proposed appointment.
struct ScheduleConflict
{
    std::string kind;          // "provider", "room" or "patient"
    std::string appointmentId; // the appointment already there
    std::string patientName;
    std::string startLocal;
    int minutes = 0;
};

// The Conflict error a clash makes: field and resource the kind, other_appointment, from (local start of
// the other appointment), minutes, patient_name; time, for one occurrence of a series.
Error clashError(const ScheduleConflict& conflict, const std::string& occurrence = {});

// Something that needs the user's confirmation but does not forbid the booking.
struct ScheduleWarning
{
    std::string kind;   // "outside_hours", "break", "blocked", "holiday"
    std::string detail; // the block's reason or the holiday's name
};

struct BookingCheck
{
    std::vector<ScheduleConflict> conflicts;
    std::vector<ScheduleWarning> warnings;
    bool overbookPossible = false; // the type allows overbooking, the conflicts are provider/room only,
                                   // and the acting role may override
    bool clear() const { return conflicts.empty() && warnings.empty(); }
};

struct BookingOptions
{
    bool overbook = false;       // book over provider/room conflicts (permitted roles, types that allow it)
    bool acceptWarnings = false; // book outside hours / in blocked time / on a holiday
    std::optional<std::string> ignoreAppointmentId; // the appointment being moved
};

struct CancelOutcome
{
    Appointment cancelled;
    std::vector<WaitlistEntry> waitlistMatches; // who might take the freed slot
};

// How a series repeats.
struct Recurrence
{
    enum class Kind
    {
        EveryNWeeks,
        MonthlyByWeekday,
        MonthlyByDate
    };
    Kind kind = Kind::EveryNWeeks;
    int interval = 1;                     // every N weeks (or N months)
    std::optional<int> count;             // N occurrences in all, or
    std::optional<std::string> untilDate; // up to and including this date
};

struct SeriesCheck
{
    std::vector<std::string> occurrences;                       // "YYYY-MM-DDTHH:MM" of every occurrence
    std::vector<std::pair<std::string, BookingCheck>> problems; // occurrences that conflict or warn
};

// One audit event for a day's list shown to a person: a search read of each patient on it (their ids in
// the event's detail, after the date).
Status auditDayView(Session& session, const std::string& date, const std::vector<std::string>& patientIds);

class AppointmentStore
{
public:
    explicit AppointmentStore(Session& session);

    // What stands in the way of this appointment (nothing is written).
    Result<BookingCheck> check(const Appointment& proposed, const std::optional<std::string>& ignoreId = {});
    // Books: validates, checks conflicts and warnings against the options. A conflict comes back as
    // ErrorCode::Conflict with field "provider"/"room"/"patient" and the other appointment's id as detail;
    // an unaccepted warning as ErrorCode::Conflict with field "warning" and the kind as detail.
    Result<Appointment> book(Appointment appointment, const BookingOptions& options = {});
    Result<Appointment> move(const std::string& id, std::int64_t newStartUtcMs, std::optional<std::string> providerId,
                             std::optional<std::string> roomId, const BookingOptions& options = {});
    Result<Appointment> resize(const std::string& id, int minutes, const BookingOptions& options = {});
    Status updateDetails(const std::string& id, const std::optional<std::string>& reason,
                         const std::optional<std::string>& note, const std::optional<std::string>& coverageId);
    // Scheduled -> confirmed -> arrived -> in room -> with provider -> checked out; refuses other steps.
    Result<Appointment> setStatus(const std::string& id, AppointmentStatus status);
    Result<CancelOutcome> cancel(const std::string& id, const std::string& reason, const std::string& by);
    Result<Appointment> markNoShow(const std::string& id);

    Result<Appointment> get(const std::string& id);
    // The day in the clinic's time zone, for the given providers (all when empty), by start time.
    Result<std::vector<AppointmentView>> day(const std::string& date, const std::vector<std::string>& providerIds = {});
    // The same day as shown to a person (the schedule, arrivals, a day sheet): a read of every patient on
    // it, audited as one event naming them. day() alone is for the stores' own checks.
    Result<std::vector<AppointmentView>> dayView(const std::string& date,
                                                 const std::vector<std::string>& providerIds = {});
    // [fromDate, toDate] inclusive, for one provider or all.
    Result<std::vector<AppointmentView>> range(const std::string& fromDate, const std::string& toDate,
                                               const std::optional<std::string>& providerId = {});
    Result<std::vector<AppointmentView>> forPatient(const std::string& patientId);

    // Recurring series: every occurrence is checked before anything is booked.
    Result<SeriesCheck> checkSeries(const Appointment& first, const Recurrence& rule);
    Result<std::vector<Appointment>> bookSeries(Appointment first, const Recurrence& rule,
                                                const BookingOptions& options = {});
    // Cancels this occurrence and every later one of its series.
    Result<std::vector<Appointment>> cancelSeriesFrom(const std::string& id, const std::string& reason,
                                                      const std::string& by);
    // Moves this occurrence and every later one by the same shift of wall-clock time (and/or provider).
    Result<std::vector<Appointment>> moveSeriesFrom(const std::string& id, int shiftMinutes,
                                                    std::optional<std::string> providerId = {},
                                                    const BookingOptions& options = {});

    // By value: a copy is cheap, and a reference would dangle when the store is a temporary.
    ClinicTime clinicTime() const { return *m_time; }

private:
    // Fills defaults (length, room), checks that patient, provider, type, room and coverage exist,
    // and derives the UTC start from the wall-clock one (or the reverse).
    Status validate(Appointment& appointment);
    Status write(const Appointment& appointment, const std::optional<Appointment>& before, AuditAction action);
    Result<Appointment> reschedule(const std::string& id, const std::function<void(Appointment&)>& edit,
                                   const BookingOptions& options);
    // This occurrence and the later ones of its series that still hold their slots.
    Result<std::vector<Appointment>> seriesFrom(const std::string& id);
    Result<std::vector<AppointmentView>> between(std::int64_t fromUtc, std::int64_t toUtc,
                                                 const std::vector<std::string>& providerIds);

    Session& m_session;
    std::optional<ClinicTime> m_time;
};

// The wall-clock starts of a series from its first start ("YYYY-MM-DDTHH:MM"), at most 500.
Result<std::vector<std::string>> expandRecurrence(const std::string& firstStartLocal, const Recurrence& rule);

} // namespace practica::core
