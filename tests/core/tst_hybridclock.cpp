// The hybrid logical clock: strictly increasing under a wall clock that stalls or steps back,
// merges remote stamps, and breaks ties by device id.
#include "core/changes/HybridClock.h"

#include <QTest>

using namespace practica::core;

class tst_HybridClock : public QObject
{
    Q_OBJECT

private slots:
    void monotonicWhenClockStepsBack();
    void monotonicWhenClockStalls();
    void observeOrdersLaterLocalStampsAfterRemote();
    void tiesBrokenByDeviceId();
    void textRoundTripAndOrder();
    void restoreAfterRestart();
};

void tst_HybridClock::monotonicWhenClockStepsBack()
{
    ManualClock wall(1'000'000);
    HybridClock hlc(wall, "dev-a");
    std::string previous = hlc.now().toString();
    for (int step : {10, -500, -1, 0, 3, -100000, 200000}) {
        wall.advance(step);
        const std::string next = hlc.now().toString();
        QVERIFY2(next > previous, (previous + " then " + next).c_str());
        previous = next;
    }
}

void tst_HybridClock::monotonicWhenClockStalls()
{
    ManualClock wall(5'000);
    HybridClock hlc(wall, "dev-a");
    HlcStamp a = hlc.now();
    HlcStamp b = hlc.now();
    QCOMPARE(a.physicalMs, b.physicalMs);
    QCOMPARE(b.counter, a.counter + 1);
}

void tst_HybridClock::observeOrdersLaterLocalStampsAfterRemote()
{
    ManualClock wall(1'000);
    HybridClock hlc(wall, "dev-a");
    HlcStamp remote{9'000, 7, "dev-b"};
    hlc.observe(remote);
    HlcStamp local = hlc.now();
    QVERIFY(local.toString() > remote.toString());
    QCOMPARE(local.physicalMs, std::int64_t(9'000));
}

void tst_HybridClock::tiesBrokenByDeviceId()
{
    HlcStamp a{1'000, 3, "device-a"};
    HlcStamp b{1'000, 3, "device-b"};
    QVERIFY(a.toString() < b.toString());
    QVERIFY(a < b);
}

void tst_HybridClock::textRoundTripAndOrder()
{
    HlcStamp s{1'763'700'000'123, 0xabc, "0190-device"};
    HlcStamp parsed;
    QVERIFY(HlcStamp::parse(s.toString(), parsed));
    QVERIFY(parsed == s);
    QVERIFY(!HlcStamp::parse("garbage", parsed));
    // A larger counter at the same millisecond sorts later as text, across digit counts.
    QVERIFY((HlcStamp{5, 9, "d"}.toString()) < (HlcStamp{5, 10, "d"}.toString()));
    QVERIFY((HlcStamp{9, 0, "d"}.toString()) < (HlcStamp{10, 0, "d"}.toString()));
}

void tst_HybridClock::restoreAfterRestart()
{
    ManualClock wall(1'000);
    HybridClock before(wall, "dev-a");
    wall.set(50'000);
    HlcStamp last = before.now();
    wall.set(2'000); // the machine restarts with its clock set back
    HybridClock after(wall, "dev-a");
    after.restore(last);
    QVERIFY(after.now().toString() > last.toString());
}

QTEST_GUILESS_MAIN(tst_HybridClock)
#include "tst_hybridclock.moc"
