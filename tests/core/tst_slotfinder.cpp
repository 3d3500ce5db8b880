// Free-slot search against weekly templates, breaks, existing appointments, blocks, holidays and
// the patient's preferences.
#include "core/schedule/AppointmentStore.h"
#include "core/schedule/ScheduleSetupStore.h"
#include "core/schedule/SlotFinder.h"
#include "tests/support/ScheduleFixture.h"
#include "words/ErrorWords.h"

#include <QTest>

using namespace practica;

class tst_SlotFinder : public QObject
{
    Q_OBJECT

private slots:
    void init() { m_f = std::make_unique<test::ScheduleFixture>(); }
    void cleanup() { m_f.reset(); }
    void firstOpeningsOfAnEmptyDay();
    void skipsBookedTimeAndBreaks();
    void honoursPreferences();
    void skipsHolidaysAndBlocks();
    void openingsCanBeBooked();

private:
    QStringList find(core::SlotQuery q)
    {
        auto found = core::SlotFinder(m_f->admin()).find(q);
        if (!found)
            return {QString::fromStdString(words::errorSentence(found.error()))};
        QStringList out;
        for (const auto& s : *found)
            out << QString::fromStdString(s.startLocal.substr(5) + " " + s.providerName.substr(0, 1));
        return out;
    }
    core::SlotQuery query(const core::AppointmentType& type)
    {
        core::SlotQuery q;
        q.typeId = type.id;
        q.providerIds = {m_f->providerA.id};
        q.fromDate = "2025-12-01";
        q.limit = 4;
        return q;
    }
    std::unique_ptr<test::ScheduleFixture> m_f;
};

void tst_SlotFinder::firstOpeningsOfAnEmptyDay()
{
    QCOMPARE(find(query(m_f->newPatient)),
             (QStringList{"12-01T08:00 A", "12-01T08:30 A", "12-01T09:00 A", "12-01T09:30 A"}));
    auto both = query(m_f->newPatient);
    both.providerIds.clear();
    QCOMPARE(find(both), (QStringList{"12-01T08:00 A", "12-01T08:00 B", "12-01T08:30 A", "12-01T08:30 B"}));
}

void tst_SlotFinder::skipsBookedTimeAndBreaks()
{
    core::AppointmentStore store(m_f->admin());
    QVERIFY(store.book(m_f->appointment(0, m_f->providerA, "2025-12-01 08:10", m_f->followUp)));
    auto q = query(m_f->newPatient);
    q.earliestMinute = 11 * 60;
    QCOMPARE(find(q), (QStringList{"12-01T11:00 A", "12-01T11:30 A", "12-01T13:00 A", "12-01T13:30 A"}));
    q.earliestMinute = 0;
    // 08:10-08:25 is taken: 08:00 does not fit 30 minutes; the next grid start after it is 08:25.
    QCOMPARE(find(q).first(), QString("12-01T08:25 A"));
}

void tst_SlotFinder::honoursPreferences()
{
    auto q = query(m_f->followUp);
    q.weekdays = {3}; // Wednesdays
    q.earliestMinute = 15 * 60;
    q.latestMinute = 16 * 60;
    QCOMPARE(find(q), (QStringList{"12-03T15:00 A", "12-03T15:15 A", "12-03T15:30 A", "12-03T15:45 A"}));
    q.limit = 6;
    QCOMPARE(find(q).last(), QString("12-10T15:15 A"));
}

void tst_SlotFinder::skipsHolidaysAndBlocks()
{
    core::ScheduleSetupStore setup(m_f->admin());
    QVERIFY(setup.addHoliday({"", "2025-12-01", "Clinic closed"}));
    QVERIFY(setup.addBlock({"", m_f->providerA.id, "2025-12-02 00:00", "2025-12-02 23:59", "Vacation", "vacation"}));
    QVERIFY(setup.addBlock({"", std::nullopt, "2025-12-03 08:00", "2025-12-03 10:00", "Staff meeting", "blocked"}));
    auto q = query(m_f->newPatient);
    QCOMPARE(find(q), (QStringList{"12-03T10:00 A", "12-03T10:30 A", "12-03T11:00 A", "12-03T11:30 A"}));
}

void tst_SlotFinder::openingsCanBeBooked()
{
    // Every opening offered books without conflict or warning.
    auto q = query(m_f->newPatient);
    q.providerIds.clear();
    q.limit = 10;
    auto found = core::SlotFinder(m_f->admin()).find(q);
    QVERIFY(found && found->size() == 10);
    core::AppointmentStore store(m_f->admin());
    int patient = 0;
    for (const auto& s : *found) {
        core::Appointment a;
        a.patientId = m_f->patients[static_cast<std::size_t>(patient++ % 5)];
        a.providerId = s.providerId;
        a.typeId = m_f->newPatient.id;
        a.startUtcMs = s.startUtcMs;
        auto booked = store.book(a);
        QVERIFY2(booked, booked ? "" : words::errorSentence(booked.error()).c_str());
    }
}

QTEST_GUILESS_MAIN(tst_SlotFinder)
#include "tst_slotfinder.moc"
