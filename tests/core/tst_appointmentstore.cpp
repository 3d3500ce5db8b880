// Booking rules: provider, room and patient overlaps (data-driven, touching edges included), the
// overbook override, warnings, status transitions, cancellation with waitlist matches, and DST.
#include "core/schedule/AppointmentStore.h"
#include "core/schedule/ScheduleSetupStore.h"
#include "core/schedule/WaitlistStore.h"
#include "tests/support/ScheduleFixture.h"
#include "words/ErrorWords.h"

#include <QTest>

using namespace practica;
using core::AppointmentStatus;

class tst_AppointmentStore : public QObject
{
    Q_OBJECT

private slots:
    void init() { m_f = std::make_unique<test::ScheduleFixture>(); }
    void cleanup() { m_f.reset(); }
    void conflicts_data();
    void conflicts();
    void overbookOverride();
    void warningsNeedConfirmation();
    void transitions_data();
    void transitions();
    void cancelSurfacesWaitlist();
    void moveAndResizeKeepTheRules();
    void springForwardGapCannotBeBooked();
    void autumnRepeatedHourIsUnambiguous();
    void dayViewFollowsLocalDay();
    void permissions();

private:
    core::AppointmentStore store() { return core::AppointmentStore(m_f->admin()); }
    std::unique_ptr<test::ScheduleFixture> m_f;
};

void tst_AppointmentStore::conflicts_data()
{
    QTest::addColumn<QString>("relation"); // how the new appointment relates to the existing one
    QTest::addColumn<QString>("existingStart");
    QTest::addColumn<int>("existingMinutes");
    QTest::addColumn<QString>("newStart");
    QTest::addColumn<int>("newMinutes");
    QTest::addColumn<QString>("expected"); // conflict kinds, comma-separated, or empty

    QTest::newRow("same provider, overlapping") << "provider"
                                                << "09:00" << 30 << "09:15" << 15 << "provider";
    QTest::newRow("same provider, inside") << "provider"
                                           << "09:00" << 60 << "09:15" << 15 << "provider";
    QTest::newRow("same provider, covering") << "provider"
                                             << "09:15" << 15 << "09:00" << 60 << "provider";
    QTest::newRow("same provider, touching after") << "provider"
                                                   << "09:00" << 30 << "09:30" << 15 << "";
    QTest::newRow("same provider, touching before") << "provider"
                                                    << "09:30" << 30 << "09:15" << 15 << "";
    QTest::newRow("same room, other provider") << "room"
                                               << "10:00" << 30 << "10:15" << 30 << "room";
    QTest::newRow("same room, touching") << "room"
                                         << "10:00" << 30 << "10:30" << 30 << "";
    QTest::newRow("same patient, other provider") << "patient"
                                                  << "11:00" << 15 << "11:10" << 15 << "patient";
    QTest::newRow("same patient and provider") << "patient+provider"
                                               << "11:00" << 15 << "11:00" << 15 << "provider,patient";
    QTest::newRow("cancelled frees the slot") << "provider-cancelled"
                                              << "09:00" << 30 << "09:00" << 30 << "";
    QTest::newRow("no-show frees the slot") << "provider-noshow"
                                            << "09:00" << 30 << "09:00" << 30 << "";
    QTest::newRow("unrelated") << "none"
                               << "09:00" << 30 << "09:00" << 30 << "";
}

void tst_AppointmentStore::conflicts()
{
    QFETCH(QString, relation);
    QFETCH(QString, existingStart);
    QFETCH(int, existingMinutes);
    QFETCH(QString, newStart);
    QFETCH(int, newMinutes);
    QFETCH(QString, expected);
    const std::string day = "2025-12-01 ";
    auto existing =
        m_f->appointment(0, m_f->providerA, day + existingStart.toStdString(), m_f->followUp, existingMinutes);
    existing.roomId = m_f->roomA.id;
    auto booked = store().book(existing);
    QVERIFY2(booked, booked ? "" : words::errorSentence(booked.error()).c_str());
    if (relation == "provider-cancelled")
        QVERIFY(store().cancel(booked->id, "patient called", "patient"));
    if (relation == "provider-noshow")
        QVERIFY(store().markNoShow(booked->id));

    const bool sameProvider = relation.startsWith("provider") || relation == "patient+provider";
    const bool samePatient = relation.startsWith("patient");
    auto proposed = m_f->appointment(samePatient ? 0 : 1, sameProvider ? m_f->providerA : m_f->providerB,
                                     day + newStart.toStdString(), m_f->followUp, newMinutes);
    proposed.roomId = relation == "room" ? m_f->roomA.id : m_f->roomB.id;
    auto result = store().book(proposed);
    if (expected.isEmpty()) {
        QVERIFY2(result, result ? "" : words::errorSentence(result.error()).c_str());
        return;
    }
    QVERIFY(!result);
    QCOMPARE(test::failureOf(result).code, core::ErrorCode::Conflict);
    QCOMPARE(QString::fromStdString(test::failureOf(result).field), expected.split(',').first());
    QVERIFY(test::failureOf(result).rule() == core::Rule::Clash);
    QCOMPARE(QString::fromStdString(test::failureOf(result).param("other_appointment")),
             QString::fromStdString(booked->id));
    QCOMPARE(QString::fromStdString(test::failureOf(result).param("resource")), expected.split(',').first());
    QCOMPARE(QString::fromStdString(test::failureOf(result).param("from")), QString::fromStdString(booked->startLocal));
    // check() names every collision without writing anything.
    proposed.startUtcMs = 0;
    auto checked = store().check([&] {
        auto a = proposed;
        a.startUtcMs = *store().clinicTime().parseLocal(a.startLocal);
        return a;
    }());
    QStringList kinds;
    for (const auto& c : checked->conflicts)
        kinds << QString::fromStdString(c.kind);
    QCOMPARE(kinds, expected.split(','));
    QCOMPARE(QString::fromStdString(checked->conflicts.front().patientName), QString("Rivera, Ana"));
}

void tst_AppointmentStore::overbookOverride()
{
    QVERIFY(store().book(m_f->appointment(0, m_f->providerA, "2025-12-01 09:00", m_f->sickVisit)));
    auto desk = m_f->clinic().addAndLogin("desk", core::Role::FrontDesk);
    core::AppointmentStore deskStore(*desk);
    auto over = m_f->appointment(1, m_f->providerA, "2025-12-01 09:00", m_f->sickVisit);
    QCOMPARE(test::failureOf(deskStore.book(over)).code, core::ErrorCode::Conflict);
    auto booked = deskStore.book(over, {true, false, std::nullopt});
    QVERIFY2(booked, booked ? "" : words::errorSentence(booked.error()).c_str());
    QVERIFY(booked->overbooked);
    // A type that does not allow it cannot be overbooked, whatever the role.
    auto followUp = m_f->appointment(2, m_f->providerA, "2025-12-01 09:00", m_f->followUp);
    QCOMPARE(test::failureOf(deskStore.book(followUp, {true, false, std::nullopt})).field, std::string("provider"));
    // Nor can a patient be in two places at once.
    auto samePatient = m_f->appointment(0, m_f->providerB, "2025-12-01 09:00", m_f->sickVisit);
    QCOMPARE(test::failureOf(deskStore.book(samePatient, {true, false, std::nullopt})).field, std::string("patient"));
    // The override is audited with the appointment.
    auto audit = m_f->admin().journal().auditLog().forRecord("appointment", booked->id);
    QVERIFY(audit && audit->size() == 2);
    QVERIFY(audit->back().detail.starts_with("overbooked over provider "));
    QCOMPARE(QString::fromStdString(audit->back().username), QString("desk"));
}

void tst_AppointmentStore::warningsNeedConfirmation()
{
    core::ScheduleSetupStore setup(m_f->admin());
    QVERIFY(
        setup.addBlock({"", m_f->providerA.id, "2025-12-02 13:00", "2025-12-02 15:00", "Hospital rounds", "blocked"}));
    QVERIFY(setup.addHoliday({"", "2025-12-25", "Christmas Day"}));
    struct Case
    {
        const char* start;
        const char* kind;
    } cases[] = {{"2025-12-01 07:30", "outside_hours"},
                 {"2025-12-01 12:15", "break"},
                 {"2025-12-02 14:00", "blocked"},
                 {"2025-12-25 09:00", "holiday"},
                 {"2025-12-06 09:00", "outside_hours"}}; // a Saturday
    for (const Case& c : cases) {
        auto a = m_f->appointment(0, m_f->providerA, c.start, m_f->followUp);
        auto refused = store().book(a);
        QVERIFY2(!refused, c.start);
        QCOMPARE(QString::fromStdString(test::failureOf(refused).field), QString("warning"));
        QVERIFY(test::failureOf(refused).rule() == core::Rule::NeedsConfirmation);
        QCOMPARE(QString::fromStdString(test::failureOf(refused).param("warning")), QString(c.kind));
        auto accepted = store().book(a, {false, true, std::nullopt});
        QVERIFY2(accepted, accepted ? "" : words::errorSentence(accepted.error()).c_str());
    }
}

void tst_AppointmentStore::transitions_data()
{
    QTest::addColumn<QStringList>("steps");
    QTest::addColumn<bool>("allowed"); // whether the last step is allowed
    QTest::newRow("full visit") << QStringList{"confirmed", "arrived", "in_room", "with_provider", "checked_out"}
                                << true;
    QTest::newRow("walk-through") << QStringList{"arrived", "checked_out"} << true;
    QTest::newRow("undo check-in") << QStringList{"arrived", "confirmed"} << true;
    QTest::newRow("late after no-show") << QStringList{"no_show", "arrived"} << true;
    QTest::newRow("check out before arrival") << QStringList{"checked_out"} << false;
    QTest::newRow("back from checked out") << QStringList{"arrived", "checked_out", "arrived"} << false;
    QTest::newRow("no-show after arrival") << QStringList{"arrived", "no_show"} << false;
    QTest::newRow("skip to provider") << QStringList{"with_provider"} << false;
}

void tst_AppointmentStore::transitions()
{
    QFETCH(QStringList, steps);
    QFETCH(bool, allowed);
    auto booked = store().book(m_f->appointment(0, m_f->providerA, "2025-12-01 10:00", m_f->followUp));
    QVERIFY(booked);
    for (int i = 0; i < steps.size(); ++i) {
        const auto status = core::appointmentStatusFromName(steps[i].toStdString());
        QVERIFY(status);
        m_f->clinic().clock().advance(60'000);
        auto r = store().setStatus(booked->id, *status);
        const bool last = i == steps.size() - 1;
        if (!last || allowed) {
            QVERIFY2(r, r ? "" : words::errorSentence(r.error()).c_str());
            QCOMPARE(r->status, *status);
        } else {
            QVERIFY(!r);
            QCOMPARE(test::failureOf(r).code, core::ErrorCode::Conflict);
        }
    }
    auto now = store().get(booked->id);
    if (now->status == AppointmentStatus::CheckedOut) {
        QVERIFY(now->arrivedAtMs && now->checkedOutAtMs);
        QVERIFY(*now->checkedOutAtMs > *now->arrivedAtMs);
    }
}

void tst_AppointmentStore::cancelSurfacesWaitlist()
{
    auto booked = store().book(m_f->appointment(0, m_f->providerA, "2025-12-03 09:00", m_f->followUp));
    QVERIFY(booked);
    core::WaitlistStore waitlist(m_f->admin());
    core::WaitlistEntry wantsMorning{"",      m_f->patients[1], m_f->providerA.id, std::nullopt, {3}, 8 * 60,
                                     11 * 60, "2025-12-31",     std::nullopt,      "waiting",    ""};
    core::WaitlistEntry wantsOtherProvider = wantsMorning;
    wantsOtherProvider.patientId = m_f->patients[2];
    wantsOtherProvider.providerId = m_f->providerB.id;
    core::WaitlistEntry wantsAfternoon = wantsMorning;
    wantsAfternoon.patientId = m_f->patients[3];
    wantsAfternoon.earliestMinute = 13 * 60;
    wantsAfternoon.latestMinute = 17 * 60;
    core::WaitlistEntry expired = wantsMorning;
    expired.patientId = m_f->patients[4];
    expired.untilDate = "2025-12-02";
    for (const auto& e : {wantsMorning, wantsOtherProvider, wantsAfternoon, expired})
        QVERIFY(waitlist.add(e));
    QCOMPARE(test::failureOf(store().cancel(booked->id, "", "patient")).field, std::string("reason"));
    auto outcome = store().cancel(booked->id, "Feeling better", "patient");
    QVERIFY(outcome);
    QCOMPARE(outcome->cancelled.status, AppointmentStatus::Cancelled);
    QCOMPARE(QString::fromStdString(*outcome->cancelled.cancelledBy), QString("patient"));
    QCOMPARE(outcome->waitlistMatches.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(outcome->waitlistMatches.front().patientId),
             QString::fromStdString(m_f->patients[1]));
    // A cancelled appointment cannot be cancelled again or checked in.
    QCOMPARE(test::failureOf(store().setStatus(booked->id, AppointmentStatus::Arrived)).code,
             core::ErrorCode::Conflict);
}

void tst_AppointmentStore::moveAndResizeKeepTheRules()
{
    auto first = store().book(m_f->appointment(0, m_f->providerA, "2025-12-01 09:00", m_f->followUp));
    auto second = store().book(m_f->appointment(1, m_f->providerA, "2025-12-01 10:00", m_f->followUp));
    QVERIFY(first && second);
    auto moved = store().move(second->id, first->startUtcMs, std::nullopt, std::nullopt);
    QCOMPARE(test::failureOf(moved).field, std::string("provider"));
    auto toB = store().move(second->id, first->startUtcMs, m_f->providerB.id, std::nullopt);
    QVERIFY2(toB, toB ? "" : words::errorSentence(toB.error()).c_str());
    QCOMPARE(QString::fromStdString(toB->startLocal), QString("2025-12-01T09:00"));
    QCOMPARE(test::failureOf(store().resize(first->id, 210)).field, std::string("warning")); // runs into lunch
    QVERIFY(store().resize(first->id, 45));
    QCOMPARE(store().get(first->id)->minutes, 45);
}

void tst_AppointmentStore::springForwardGapCannotBeBooked()
{
    // 2026-03-08 is a Sunday; move the template so the provider works then.
    core::ScheduleSetupStore setup(m_f->admin());
    QVERIFY(setup.setWorkingHours(m_f->providerA.id, {{"", m_f->providerA.id, 7, 0, 24 * 60, false}}));
    auto gap = store().book(m_f->appointment(0, m_f->providerA, "2026-03-08 02:30", m_f->followUp));
    QVERIFY(!gap);
    QCOMPARE(test::failureOf(gap).code, core::ErrorCode::Validation);
    QVERIFY(test::failureOf(gap).rule() == core::Rule::NonexistentTime);
    auto before = store().book(m_f->appointment(0, m_f->providerA, "2026-03-08 01:45", m_f->followUp));
    auto after = store().book(m_f->appointment(1, m_f->providerA, "2026-03-08 03:00", m_f->followUp));
    QVERIFY(before && after);
    // 01:45 CST to 03:00 CDT is 15 real minutes: the two touch without overlapping.
    QCOMPARE(after->startUtcMs - before->startUtcMs, std::int64_t(15 * 60'000));
}

void tst_AppointmentStore::autumnRepeatedHourIsUnambiguous()
{
    core::ScheduleSetupStore setup(m_f->admin());
    QVERIFY(setup.setWorkingHours(m_f->providerA.id, {{"", m_f->providerA.id, 7, 0, 24 * 60, false}}));
    const auto appointments = store();
    const auto& time = appointments.clinicTime();
    QVERIFY(time.isRepeated("2026-11-01", 90));
    QVERIFY(!time.isRepeated("2026-11-01", 150));
    auto earlier = time.toUtc("2026-11-01", 90, core::RepeatedTime::Earlier);
    auto later = time.toUtc("2026-11-01", 90, core::RepeatedTime::Later);
    QCOMPARE(*later - *earlier, std::int64_t(3'600'000));
    auto a = m_f->appointment(0, m_f->providerA, "", m_f->followUp, 30);
    a.startUtcMs = *earlier;
    auto b = m_f->appointment(1, m_f->providerA, "", m_f->followUp, 30);
    b.startUtcMs = *later;
    auto first = store().book(a);
    auto second = store().book(b);
    QVERIFY2(first && second, "the two 01:30s are an hour apart and must not collide");
    QCOMPARE(QString::fromStdString(first->startLocal), QString("2026-11-01T01:30"));
    QCOMPARE(QString::fromStdString(second->startLocal), QString("2026-11-01T01:30"));
    QCOMPARE(time.toLocal(first->startUtcMs).utcOffsetMinutes, -300);
    QCOMPARE(time.toLocal(second->startUtcMs).utcOffsetMinutes, -360);
    auto day = store().day("2026-11-01");
    QCOMPARE(day->size(), std::size_t(2));
    auto bounds = time.dayBounds("2026-11-01");
    QCOMPARE(bounds->second - bounds->first, std::int64_t(25 * 3'600'000)); // a 25-hour day
}

void tst_AppointmentStore::dayViewFollowsLocalDay()
{
    QVERIFY(store().book(m_f->appointment(0, m_f->providerA, "2025-12-01 16:30", m_f->followUp)));
    QVERIFY(store().book(m_f->appointment(1, m_f->providerB, "2025-12-01 08:00", m_f->newPatient)));
    QVERIFY(store().book(m_f->appointment(2, m_f->providerA, "2025-12-02 08:00", m_f->followUp)));
    auto day = store().day("2025-12-01");
    QVERIFY(day);
    QCOMPARE(day->size(), std::size_t(2)); // 16:30 CST is already 2025-12-01 22:30 UTC: still the 1st locally
    QCOMPARE(QString::fromStdString(day->front().patientName), QString("Chen, Wei"));
    QCOMPARE(QString::fromStdString(day->front().typeName), QString("New patient"));
    auto onlyA = store().day("2025-12-01", {m_f->providerA.id});
    QCOMPARE(onlyA->size(), std::size_t(1));
    auto range = store().range("2025-12-01", "2025-12-02", m_f->providerA.id);
    QCOMPARE(range->size(), std::size_t(2));
    QCOMPARE(store().forPatient(m_f->patients[2])->size(), std::size_t(1));
}

void tst_AppointmentStore::permissions()
{
    auto biller = m_f->clinic().addAndLogin("biller", core::Role::Biller);
    core::AppointmentStore billerStore(*biller);
    auto a = m_f->appointment(0, m_f->providerA, "2025-12-01 09:00", m_f->followUp);
    QCOMPARE(test::failureOf(billerStore.book(a)).code, core::ErrorCode::PermissionDenied);
    QVERIFY(billerStore.day("2025-12-01")); // billers may read the schedule
    auto desk = m_f->clinic().addAndLogin("desk", core::Role::FrontDesk);
    core::Provider p;
    p.name = "Not Allowed";
    QCOMPARE(test::failureOf(core::ScheduleSetupStore(*desk).addProvider(p)).code, core::ErrorCode::PermissionDenied);
}

QTEST_GUILESS_MAIN(tst_AppointmentStore)
#include "tst_appointmentstore.moc"
