// Recurring series of AppointmentStore: expansion of the rule, checking every occurrence before booking,
// and "this and all following" cancels and moves.
#include "AppointmentStore.h"
#include "core/auth/Session.h"
#include "core/db/Statement.h"
#include "core/db/Transaction.h"
#include "core/schedule/ScheduleRows.h"

#include <date/date.h>

namespace practica::core {

namespace {

constexpr int kMaxOccurrences = 500;

date::year_month_day ymdOf(const std::string& iso)
{
    return date::year{std::stoi(iso.substr(0, 4))} / date::month{static_cast<unsigned>(std::stoi(iso.substr(5, 2)))} /
           date::day{static_cast<unsigned>(std::stoi(iso.substr(8, 2)))};
}

std::string iso(const date::year_month_day& d)
{
    return date::format("%F", date::sys_days{d});
}

std::string ruleText(const Recurrence& r)
{
    std::string kind = r.kind == Recurrence::Kind::EveryNWeeks        ? "weeks"
                       : r.kind == Recurrence::Kind::MonthlyByWeekday ? "monthly_weekday"
                                                                      : "monthly_date";
    std::string text = kind + ";interval=" + std::to_string(r.interval);
    if (r.count)
        text += ";count=" + std::to_string(*r.count);
    if (r.untilDate)
        text += ";until=" + *r.untilDate;
    return text;
}

} // namespace

Result<std::vector<std::string>> expandRecurrence(const std::string& firstStartLocal, const Recurrence& rule)
{
    if (firstStartLocal.size() != 16)
        return fail(ErrorCode::Validation, "start", Rule::NotDateTime);
    if (rule.interval < 1 || rule.interval > 52)
        return fail(ErrorCode::Validation, "interval", Rule::Range, {{"min", "1"}, {"max", "52"}});
    if (!rule.count && !rule.untilDate)
        return fail(ErrorCode::Validation, "count", Rule::Required, {{"or", "until"}});
    if (rule.count && (*rule.count < 1 || *rule.count > kMaxOccurrences))
        return fail(ErrorCode::Validation, "count", Rule::Range, {{"min", "1"}, {"max", "500"}});
    const std::string time = firstStartLocal.substr(10);
    const date::year_month_day first = ymdOf(firstStartLocal.substr(0, 10));
    if (!first.ok())
        return fail(ErrorCode::Validation, "start", Rule::NotDate);
    const date::weekday weekday{date::sys_days{first}};
    const unsigned nth = (static_cast<unsigned>(first.day()) - 1) / 7 + 1; // 1st..5th weekday of the month

    std::vector<std::string> out;
    for (int step = 0; static_cast<int>(out.size()) < rule.count.value_or(kMaxOccurrences); ++step) {
        std::optional<date::year_month_day> day;
        if (rule.kind == Recurrence::Kind::EveryNWeeks) {
            day = date::year_month_day{date::sys_days{first} + date::days{7 * rule.interval * step}};
        } else {
            const date::year_month month =
                date::year_month{first.year(), first.month()} + date::months{static_cast<long>(rule.interval) * step};
            if (rule.kind == Recurrence::Kind::MonthlyByDate) {
                const date::year_month_day candidate = month / first.day();
                if (candidate.ok()) // months without the 31st (or the 30th, the 29th) are skipped
                    day = candidate;
            } else {
                const date::year_month_weekday candidate = month / date::weekday_indexed{weekday, nth};
                if (candidate.ok()) // months without a fifth such weekday are skipped
                    day = date::year_month_day{date::sys_days{candidate}};
            }
        }
        if (step > 2000)
            break;
        if (!day)
            continue;
        if (rule.untilDate && iso(*day) > *rule.untilDate)
            break;
        out.push_back(iso(*day) + time);
        if (static_cast<int>(out.size()) >= kMaxOccurrences)
            break;
    }
    if (out.empty())
        return fail(ErrorCode::Validation, "until", Rule::Order, {{"after", "start"}, {"or_equal", "1"}});
    return out;
}

Result<SeriesCheck> AppointmentStore::checkSeries(const Appointment& first, const Recurrence& rule)
{
    if (!m_time)
        return fail(ErrorCode::NotFound, "clinic", "the clinic's time zone");
    Appointment a = first;
    if (Status v = validate(a); !v)
        return std::unexpected(v.error());
    auto occurrences = expandRecurrence(a.startLocal, rule);
    if (!occurrences)
        return std::unexpected(occurrences.error());
    SeriesCheck result;
    result.occurrences = *occurrences;
    for (const std::string& when : *occurrences) {
        auto start = m_time->parseLocal(when);
        if (!start) {
            BookingCheck problem;
            problem.warnings.push_back({"nonexistent_time", when});
            result.problems.emplace_back(when, problem);
            continue;
        }
        a.startUtcMs = *start;
        auto checked = check(a);
        if (!checked)
            return std::unexpected(checked.error());
        if (!checked->clear())
            result.problems.emplace_back(when, *checked);
    }
    return result;
}

Result<std::vector<Appointment>> AppointmentStore::bookSeries(Appointment first, const Recurrence& rule,
                                                              const BookingOptions& options)
{
    if (Status perm = m_session.require(Permission::ScheduleWrite); !perm)
        return std::unexpected(perm.error());
    Transaction tx(m_session.db());
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    auto checked = checkSeries(first, rule);
    if (!checked)
        return std::unexpected(checked.error());
    // Nothing is booked unless every occurrence can be.
    for (const auto& [when, problem] : checked->problems) {
        const bool nonexistent = !problem.warnings.empty() && problem.warnings.front().kind == "nonexistent_time";
        if (nonexistent)
            return fail(ErrorCode::Validation, "time", Rule::NonexistentTime, {{"time", when}});
        if (!problem.conflicts.empty() && (!options.overbook || !problem.overbookPossible))
            return std::unexpected(clashError(problem.conflicts.front(), when));
        if (!problem.warnings.empty() && !options.acceptWarnings)
            return fail(ErrorCode::Conflict, "warning", Rule::NeedsConfirmation,
                        {{"warning", problem.warnings.front().kind}, {"time", when}});
    }
    auto hlc = m_session.journal().stamp();
    if (!hlc)
        return std::unexpected(hlc.error());
    const AppointmentSeries series{m_session.newId(), ruleText(rule)};
    const auto& row = appointmentSeriesRow();
    if (Status s = m_session.journal().writeRow(row.table(), series.id, row.fields(series), true, *hlc); !s)
        return std::unexpected(s.error());
    std::vector<Appointment> booked;
    for (std::size_t i = 0; i < checked->occurrences.size(); ++i) {
        Appointment a = first;
        a.startUtcMs = 0;
        a.startLocal = checked->occurrences[i];
        a.seriesId = series.id;
        a.seriesIndex = static_cast<int>(i);
        auto made = book(a, options);
        if (!made)
            return std::unexpected(made.error());
        booked.push_back(*made);
    }
    if (Status s = tx.commit(); !s)
        return std::unexpected(s.error());
    return booked;
}

Result<std::vector<Appointment>> AppointmentStore::seriesFrom(const std::string& id)
{
    auto anchor = get(id);
    if (!anchor)
        return std::unexpected(anchor.error());
    if (!anchor->seriesId)
        return fail(ErrorCode::Validation, "series", Rule::NotInSeries);
    auto stmt = m_session.db().prepare("SELECT id FROM appointment WHERE series_id = ? AND series_index >= ? "
                                       "AND status NOT IN ('cancelled', 'no_show', 'checked_out') "
                                       "ORDER BY series_index;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, *anchor->seriesId).bind(2, static_cast<std::int64_t>(anchor->seriesIndex.value_or(0)));
    auto ids = stmt->all<std::string>([](const Statement& r) { return r.text(0); });
    if (!ids)
        return std::unexpected(ids.error());
    std::vector<Appointment> out;
    for (const std::string& each : *ids) {
        auto a = get(each);
        if (!a)
            return std::unexpected(a.error());
        out.push_back(*a);
    }
    return out;
}

Result<std::vector<Appointment>> AppointmentStore::cancelSeriesFrom(const std::string& id, const std::string& reason,
                                                                    const std::string& by)
{
    if (Status perm = m_session.require(Permission::ScheduleWrite); !perm)
        return std::unexpected(perm.error());
    Transaction tx(m_session.db());
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    auto occurrences = seriesFrom(id);
    if (!occurrences)
        return std::unexpected(occurrences.error());
    std::vector<Appointment> cancelled;
    for (const Appointment& a : *occurrences) {
        auto outcome = cancel(a.id, reason, by);
        if (!outcome)
            return std::unexpected(outcome.error());
        cancelled.push_back(outcome->cancelled);
    }
    if (Status s = tx.commit(); !s)
        return std::unexpected(s.error());
    return cancelled;
}

Result<std::vector<Appointment>> AppointmentStore::moveSeriesFrom(const std::string& id, int shiftMinutes,
                                                                  std::optional<std::string> providerId,
                                                                  const BookingOptions& options)
{
    if (Status perm = m_session.require(Permission::ScheduleWrite); !perm)
        return std::unexpected(perm.error());
    if (!m_time)
        return fail(ErrorCode::NotFound, "clinic", "the clinic's time zone");
    Transaction tx(m_session.db());
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    auto occurrences = seriesFrom(id);
    if (!occurrences)
        return std::unexpected(occurrences.error());
    std::vector<Appointment> moved;
    for (const Appointment& a : *occurrences) {
        // The shift is in wall-clock time: 9:00 stays 9:00 + shift on both sides of a DST change.
        const LocalDateTime local = m_time->toLocal(a.startUtcMs);
        const int minute = local.minuteOfDay + shiftMinutes;
        const std::string day = ClinicTime::addDays(local.date, minute < 0 ? -1 : minute / (24 * 60));
        auto start = m_time->toUtc(day, ((minute % (24 * 60)) + 24 * 60) % (24 * 60));
        if (!start)
            return std::unexpected(start.error());
        auto done = move(a.id, *start, providerId, std::nullopt, options);
        if (!done)
            return std::unexpected(done.error());
        moved.push_back(*done);
    }
    if (Status s = tx.commit(); !s)
        return std::unexpected(s.error());
    return moved;
}

} // namespace practica::core
