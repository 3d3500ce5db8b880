// Recurring series: expansion of each kind of rule, checking every occurrence before booking,
// editing one occurrence against this-and-all-following, and wall-clock times across DST.
#include "core/schedule/AppointmentStore.h"
#include "tests/support/ScheduleFixture.h"
#include "words/ErrorWords.h"

#include <QTest>

using namespace practica;
using Kind = core::Recurrence::Kind;

class tst_Recurrence : public QObject
{
    Q_OBJECT

private slots:
    void expand_data();
    void expand();
    void invalidRules();
    void seriesConflictsAreReportedBeforeBooking();
    void oneVersusFollowing();
    void weeklySeriesKeepsWallClockAcrossDst();

private:
    core::AppointmentStore store(test::ScheduleFixture& f) { return core::AppointmentStore(f.admin()); }
};

void tst_Recurrence::expand_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("interval");
    QTest::addColumn<int>("count"); // 0: use until
    QTest::addColumn<QString>("until");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("every 2 weeks, 3 times") << "2025-12-01T09:00" << int(Kind::EveryNWeeks) << 2 << 3 << ""
                                            << QStringList{"2025-12-01T09:00", "2025-12-15T09:00", "2025-12-29T09:00"};
    QTest::newRow("weekly until, inclusive") << "2025-12-01T09:00" << int(Kind::EveryNWeeks) << 1 << 0 << "2025-12-15"
                                             << QStringList{"2025-12-01T09:00", "2025-12-08T09:00", "2025-12-15T09:00"};
    QTest::newRow("monthly on the 31st skips short months")
        << "2026-01-31T10:00" << int(Kind::MonthlyByDate) << 1 << 3 << ""
        << QStringList{"2026-01-31T10:00", "2026-03-31T10:00", "2026-05-31T10:00"};
    QTest::newRow("monthly on the 2nd Tuesday")
        << "2025-12-09T14:30" << int(Kind::MonthlyByWeekday) << 1 << 3 << ""
        << QStringList{"2025-12-09T14:30", "2026-01-13T14:30", "2026-02-10T14:30"};
    QTest::newRow("5th Monday skips months without one") << "2025-12-29T08:00" << int(Kind::MonthlyByWeekday) << 1 << 2
                                                         << "" << QStringList{"2025-12-29T08:00", "2026-03-30T08:00"};
    QTest::newRow("every 3 months by date") << "2025-12-15T08:00" << int(Kind::MonthlyByDate) << 3 << 0 << "2026-06-30"
                                            << QStringList{"2025-12-15T08:00", "2026-03-15T08:00", "2026-06-15T08:00"};
}

void tst_Recurrence::expand()
{
    QFETCH(QString, first);
    QFETCH(int, kind);
    QFETCH(int, interval);
    QFETCH(int, count);
    QFETCH(QString, until);
    QFETCH(QStringList, expected);
    core::Recurrence rule;
    rule.kind = static_cast<Kind>(kind);
    rule.interval = interval;
    if (count)
        rule.count = count;
    if (!until.isEmpty())
        rule.untilDate = until.toStdString();
    auto got = core::expandRecurrence(first.toStdString(), rule);
    QVERIFY2(got, got ? "" : words::errorSentence(got.error()).c_str());
    QStringList list;
    for (const auto& s : *got)
        list << QString::fromStdString(s);
    QCOMPARE(list, expected);
}

void tst_Recurrence::invalidRules()
{
    core::Recurrence noEnd;
    QCOMPARE(test::failureOf(core::expandRecurrence("2025-12-01T09:00", noEnd)).field, std::string("count"));
    core::Recurrence tooMany;
    tooMany.count = 501;
    QCOMPARE(test::failureOf(core::expandRecurrence("2025-12-01T09:00", tooMany)).field, std::string("count"));
    core::Recurrence untilBefore;
    untilBefore.untilDate = "2025-11-01";
    QCOMPARE(test::failureOf(core::expandRecurrence("2025-12-01T09:00", untilBefore)).field, std::string("until"));
}

void tst_Recurrence::seriesConflictsAreReportedBeforeBooking()
{
    test::ScheduleFixture f;
    // Something already sits on the third Monday.
    QVERIFY(store(f).book(f.appointment(4, f.providerA, "2025-12-15 09:00", f.followUp)));
    core::Recurrence weekly;
    weekly.count = 4;
    auto first = f.appointment(0, f.providerA, "2025-12-01 09:00", f.followUp);
    auto checked = store(f).checkSeries(first, weekly);
    QVERIFY(checked);
    QCOMPARE(checked->occurrences.size(), std::size_t(4));
    QCOMPARE(checked->problems.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(checked->problems.front().first), QString("2025-12-15T09:00"));
    QCOMPARE(QString::fromStdString(checked->problems.front().second.conflicts.front().kind), QString("provider"));
    const auto before = store(f).forPatient(f.patients[0])->size();
    auto refused = store(f).bookSeries(first, weekly);
    QVERIFY(!refused);
    QCOMPARE(test::failureOf(refused).code, core::ErrorCode::Conflict);
    QCOMPARE(store(f).forPatient(f.patients[0])->size(), before); // nothing booked
    weekly.count = 2;
    auto booked = store(f).bookSeries(first, weekly);
    QVERIFY2(booked, booked ? "" : words::errorSentence(booked.error()).c_str());
    QCOMPARE(booked->size(), std::size_t(2));
    QVERIFY(booked->front().seriesId && booked->front().seriesId == booked->back().seriesId);
    QCOMPARE(booked->back().seriesIndex.value_or(-1), 1);
}

void tst_Recurrence::oneVersusFollowing()
{
    test::ScheduleFixture f;
    core::Recurrence weekly;
    weekly.count = 5;
    auto series = store(f).bookSeries(f.appointment(0, f.providerA, "2025-12-01 10:00", f.followUp), weekly);
    QVERIFY(series);
    const auto& s = *series;
    // One occurrence: only the second moves.
    auto one = store(f).move(s[1].id, s[1].startUtcMs + 30 * 60'000, std::nullopt, std::nullopt);
    QVERIFY(one);
    QCOMPARE(QString::fromStdString(store(f).get(s[2].id)->startLocal), QString("2025-12-15T10:00"));
    // This and all following: the third onward shift by an hour; the first two stay.
    auto following = store(f).moveSeriesFrom(s[2].id, 60);
    QVERIFY2(following, following ? "" : words::errorSentence(following.error()).c_str());
    QCOMPARE(following->size(), std::size_t(3));
    QCOMPARE(QString::fromStdString(store(f).get(s[0].id)->startLocal), QString("2025-12-01T10:00"));
    QCOMPARE(QString::fromStdString(store(f).get(s[1].id)->startLocal), QString("2025-12-08T10:30"));
    QCOMPARE(QString::fromStdString(store(f).get(s[4].id)->startLocal), QString("2025-12-29T11:00"));
    // Cancel from the fourth: the fourth and fifth are cancelled, the third is not.
    auto cancelled = store(f).cancelSeriesFrom(s[3].id, "Course of treatment ended", "clinic");
    QVERIFY(cancelled);
    QCOMPARE(cancelled->size(), std::size_t(2));
    QCOMPARE(store(f).get(s[2].id)->status, core::AppointmentStatus::Scheduled);
    QCOMPARE(store(f).get(s[4].id)->status, core::AppointmentStatus::Cancelled);
    // A following-move that would collide moves nothing.
    QVERIFY(
        store(f).book(f.appointment(3, f.providerA, "2025-12-15 12:00", f.followUp, 15), {false, true, std::nullopt}));
    auto blocked = store(f).moveSeriesFrom(s[2].id, 60); // 11:00 -> 12:00 on the 15th collides
    QVERIFY(!blocked);
    QCOMPARE(QString::fromStdString(store(f).get(s[2].id)->startLocal), QString("2025-12-15T11:00"));
}

void tst_Recurrence::weeklySeriesKeepsWallClockAcrossDst()
{
    test::ScheduleFixture f;
    core::Recurrence weekly;
    weekly.count = 3;
    // Mondays 2026-02-23, 03-02 (CST) and 03-09 (CDT, after the 03-08 change).
    auto series = store(f).bookSeries(f.appointment(0, f.providerA, "2026-02-23 09:00", f.followUp), weekly);
    QVERIFY2(series, series ? "" : words::errorSentence(series.error()).c_str());
    for (const auto& a : *series)
        QVERIFY(a.startLocal.ends_with("T09:00"));
    QCOMPARE((*series)[2].startUtcMs - (*series)[1].startUtcMs, std::int64_t(7 * 24 * 3'600'000 - 3'600'000));
}

QTEST_GUILESS_MAIN(tst_Recurrence)
#include "tst_recurrence.moc"
