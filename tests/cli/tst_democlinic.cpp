// The demo clinic generator: the same seed gives the same clinic, the clinic looks like a real
// one, its logins work, and a cancelled run leaves nothing behind.
#include "core/auth/UserStore.h"
#include "core/auth/Vault.h"
#include "core/chart/ClinicalListStore.h"
#include "core/chart/EncounterStore.h"
#include "core/codes/CodeSets.h"
#include "core/db/Statement.h"
#include "core/demo/DemoClinic.h"
#include "core/patients/CoverageStore.h"
#include "core/patients/PatientStore.h"
#include "core/schedule/AppointmentStore.h"
#include "core/schedule/ScheduleSetupStore.h"
#include "core/schedule/WaitlistStore.h"
#include "core/util/Validators.h"
#include "tests/support/TestSupport.h"
#include "words/ErrorWords.h"

#include <QDir>
#include <QFile>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>
#include <map>
#include <set>

using namespace practica;

class tst_DemoClinic : public QObject
{
    Q_OBJECT

private slots:
    void sameSeedSameClinic();
    void otherSeedOtherClinic();
    void looksLikeAClinic();
    void loginsWork();
    void progressAndCancel();
    void refusesExistingDatabase();
    void scheduleSetup();
    void scheduleLooksLikeAClinic();
    void sameSeedSameSchedule();
    void scheduleProgressEndsAtTotal();
    void chartsLookLikeAClinic();

private:
    // Without a schedule unless appointmentsPerDay is given (0: the setup without appointments).
    core::Result<core::DemoClinic> make(const QString& name, int patients, std::uint64_t seed,
                                        std::function<bool(std::int64_t, std::int64_t)> progress = {},
                                        std::optional<int> appointmentsPerDay = {});
    // Every appointment of the demo's year, one line each, without ids and clocks.
    QStringList scheduleSnapshot(core::Session& session);
    // Every row of a fixed query, one string per row, columns joined with '|'.
    QStringList rows(core::Session& session, const char* sql, int columns);
    QStringList snapshot(core::Session& session);

    QTemporaryDir m_dir;
    core::ManualClock m_clock{1'763'700'000'000}; // 2025-11-21
};

core::Result<core::DemoClinic> tst_DemoClinic::make(const QString& name, int patients, std::uint64_t seed,
                                                    std::function<bool(std::int64_t, std::int64_t)> progress,
                                                    std::optional<int> appointmentsPerDay)
{
    core::DemoOptions options;
    options.patients = patients;
    options.seed = seed;
    options.cost = core::KdfCost::minimal();
    options.progress = std::move(progress);
    options.schedule = appointmentsPerDay.has_value();
    options.appointmentsPerProviderDay = appointmentsPerDay.value_or(0);
    return core::createDemoClinic(m_dir.filePath(name).toStdString(), options, m_clock);
}

QStringList tst_DemoClinic::rows(core::Session& session, const char* sql, int columnCount)
{
    QStringList out;
    auto stmt = session.db().prepare(sql);
    if (!stmt)
        return {QString::fromStdString(words::errorSentence(stmt.error()))};
    while (true) {
        auto row = stmt->step();
        if (!row || !*row)
            break;
        QStringList columns;
        for (int i = 0; i < columnCount; ++i)
            columns << QString::fromStdString(stmt->optionalText(i).value_or("∅"));
        out << columns.join('|');
    }
    return out;
}

// The records' content, without the ids and clocks that differ from run to run.
QStringList tst_DemoClinic::snapshot(core::Session& session)
{
    QStringList all = rows(session,
                           "SELECT mrn, family_name, given_name, middle_name, suffix, preferred_name, date_of_birth, "
                           "sex, address_line1, address_line2, city, state, zip, phone_home, phone_mobile, phone_work, "
                           "email, preferred_language, emergency_name, emergency_phone, guarantor_name, status, "
                           "deceased_date FROM patient ORDER BY mrn;",
                           23);
    all << rows(session,
                "SELECT p.mrn, c.rank, y.payer_code, c.member_id, c.group_number, c.plan_name, c.subscriber_name, "
                "c.subscriber_birth_date, c.relationship, c.effective_date FROM coverage c "
                "JOIN patient p ON p.id = c.patient_id JOIN payer y ON y.id = c.payer_id ORDER BY p.mrn, c.rank;",
                10);
    all << rows(session, "SELECT name, payer_code, address_line1, city, state, zip FROM payer ORDER BY payer_code;", 6);
    all << rows(session, "SELECT username, display_name, role FROM user_account ORDER BY username;", 3);
    // The charts' lists (each patient's, whatever the schedule).
    all << rows(session,
                "SELECT p.mrn, x.code, x.display, x.onset_date, x.status FROM problem x JOIN patient p ON p.id = "
                "x.patient_id ORDER BY p.mrn, x.code, x.status;",
                5);
    all << rows(session,
                "SELECT p.mrn, x.name, x.dose, x.start_date, x.source FROM medication x JOIN patient p ON p.id = "
                "x.patient_id ORDER BY p.mrn, x.name;",
                5);
    all << rows(session,
                "SELECT p.mrn, x.substance, x.severity FROM allergy x JOIN patient p ON p.id = x.patient_id "
                "ORDER BY p.mrn, x.substance;",
                3);
    all << rows(session,
                "SELECT p.mrn, x.state FROM allergy_review x JOIN patient p ON p.id = x.patient_id ORDER BY p.mrn;", 2);
    all << rows(session,
                "SELECT p.mrn, x.cvx_code, x.administered_on, x.lot_number FROM immunization x JOIN patient p ON "
                "p.id = x.patient_id ORDER BY p.mrn, x.cvx_code, x.administered_on;",
                4);
    return all;
}

void tst_DemoClinic::sameSeedSameClinic()
{
    auto a = make("a.db", 150, 42);
    QVERIFY2(a, a ? "" : words::errorSentence(a.error()).c_str());
    auto b = make("b.db", 150, 42);
    QVERIFY2(b, b ? "" : words::errorSentence(b.error()).c_str());
    const QStringList first = snapshot(*a->session);
    QVERIFY(first.size() > 150 + 100);
    QCOMPARE(snapshot(*b->session), first);
}

void tst_DemoClinic::otherSeedOtherClinic()
{
    auto a = make("seed1.db", 50, 1);
    QVERIFY(a);
    auto b = make("seed2.db", 50, 2);
    QVERIFY(b);
    const QStringList pa = rows(*a->session, "SELECT family_name, given_name, date_of_birth FROM patient;", 3);
    const QStringList pb = rows(*b->session, "SELECT family_name, given_name, date_of_birth FROM patient;", 3);
    QCOMPARE(pa.size(), 50);
    QVERIFY(pa != pb);
}

void tst_DemoClinic::looksLikeAClinic()
{
    constexpr int kPatients = 600;
    auto demo = make("stats.db", kPatients, 7);
    QVERIFY2(demo, demo ? "" : words::errorSentence(demo.error()).c_str());
    core::Session& s = *demo->session;
    QCOMPARE(s.actor().role, core::Role::Admin);
    QCOMPARE(core::PatientStore(s).count().value_or(0), std::int64_t(kPatients));

    auto payers = core::PayerStore(s).list();
    QVERIFY(payers);
    QCOMPARE(payers->size(), std::size_t(8));
    std::set<std::string> codes;
    for (const auto& p : *payers)
        codes.insert(p.payerCode);
    for (const char* code : {"60054", "62308", "87726", "61101"})
        QVERIFY2(codes.contains(code), code);

    int active = 0, inactive = 0, deceased = 0, minors = 0, nonAscii = 0, compound = 0, withEmail = 0,
        withEmergency = 0;
    std::set<std::string> families, givens, languages;
    const std::string adultCutoff = "2007-11-21"; // born after this: under 18 on the clock's day
    for (const QString& row :
         rows(s,
              "SELECT id, family_name, given_name, date_of_birth, status, guarantor_name, email, emergency_name, "
              "emergency_phone, preferred_language, city, state, zip, coalesce(phone_mobile, phone_home) "
              "FROM patient;",
              14)) {
        const QStringList c = row.split('|');
        const std::string family = c[1].toStdString(), dob = c[3].toStdString();
        families.insert(family);
        givens.insert(c[2].toStdString());
        languages.insert(c[9].toStdString());
        nonAscii += c[1].toUtf8().size() != c[1].size() ? 1 : 0;
        compound += c[1].contains(' ') || c[1].contains('-') || c[1].contains('\'') ? 1 : 0;
        QVERIFY(core::isIsoDate(dob));
        QVERIFY2(dob >= "1929-11-21" && dob <= "2025-11-21", dob.c_str());
        if (dob > adultCutoff) {
            ++minors;
            QVERIFY2(c[5] != "∅", "a minor without a guarantor");
        }
        active += c[4] == "active";
        inactive += c[4] == "inactive";
        deceased += c[4] == "deceased";
        if (c[6] != "∅") {
            ++withEmail;
            QVERIFY2(core::isEmail(c[6].toStdString()), qPrintable(c[6]));
        }
        withEmergency += c[7] != "∅";
        QVERIFY(core::normalizePhone(c[13].toStdString()).has_value());
        if (c[11] != "∅") {
            QVERIFY(core::isUsState(c[11].toStdString()));
            QVERIFY(core::isZip(c[12].toStdString()));
        }
        if (c[11] == "OH")
            QVERIFY2(c[12].startsWith("43") || c[12].startsWith("44") || c[12].startsWith("45"), qPrintable(row));
    }
    QVERIFY(active > kPatients * 85 / 100);
    QVERIFY(inactive > 0);
    QVERIFY(deceased > 0);
    QVERIFY(minors > kPatients / 10 && minors < kPatients / 3);
    QVERIFY(nonAscii > 10);
    QVERIFY(compound > 3);
    QVERIFY(families.size() > 200);
    QVERIFY(givens.size() > 200);
    QVERIFY(languages.contains("en") && languages.contains("es") && languages.size() >= 5);
    QVERIFY(withEmail > kPatients / 3 && withEmail < kPatients);
    QVERIFY(withEmergency > kPatients * 7 / 10);

    const QStringList coverage =
        rows(s, "SELECT c.patient_id, c.rank, c.relationship FROM coverage c ORDER BY c.patient_id;", 3);
    std::set<QString> covered;
    int secondary = 0, childOfSubscriber = 0;
    for (const QString& row : coverage) {
        const QStringList c = row.split('|');
        covered.insert(c[0]);
        secondary += c[1] == "secondary";
        childOfSubscriber += c[2] == "child";
    }
    QVERIFY(int(covered.size()) > kPatients * 8 / 10);
    QVERIFY(secondary > 0);
    QVERIFY(childOfSubscriber > 0);
    QCOMPARE(rows(s,
                  "SELECT count(*) FROM coverage WHERE rank = 'secondary' AND patient_id NOT IN "
                  "(SELECT patient_id FROM coverage WHERE rank = 'primary');",
                  1),
             QStringList{"0"});

    auto verified = s.journal().auditLog().verify();
    QVERIFY(verified && verified->intact);
    auto problems = s.db().integrityCheck();
    QVERIFY(problems && problems->empty());
}

void tst_DemoClinic::loginsWork()
{
    auto demo = make("logins.db", 3, 1);
    QVERIFY(demo);
    QCOMPARE(demo->logins.size(), std::size_t(4));
    QCOMPARE(demo->logins.front().username, std::string("admin"));
    QCOMPARE(demo->logins.front().password, core::DemoOptions().adminPassword);
    const std::string path = m_dir.filePath("logins.db").toStdString();
    std::set<core::Role> roles;
    for (const auto& login : demo->logins) {
        auto session = core::Vault::unlock(path, login.username, login.password, m_clock);
        QVERIFY2(session, login.username.c_str());
        QCOMPARE((*session)->actor().role, login.role);
        QCOMPARE((*session)->actor().displayName, login.displayName);
        roles.insert(login.role);
    }
    QCOMPARE(roles.size(), std::size_t(4));
    QVERIFY(!core::Vault::unlock(path, "doctor", "wrong-password", m_clock));
    // The admin session the generator returns stays open and usable.
    QVERIFY(core::PatientSearch(*demo->session).search("a", 5));
}

void tst_DemoClinic::progressAndCancel()
{
    std::vector<std::int64_t> seen;
    auto demo = make("progress.db", 2500, 3, [&](std::int64_t done, std::int64_t total) {
        seen.push_back(done);
        return total == 2500;
    });
    QVERIFY(demo);
    QCOMPARE(seen, (std::vector<std::int64_t>{0, 2000, 2500}));

    int calls = 0;
    auto cancelled = make("cancelled.db", 2500, 3, [&](std::int64_t done, std::int64_t) {
        ++calls;
        return done < 2000;
    });
    QVERIFY(!cancelled);
    QCOMPARE(calls, 2);
    for (const char* name : {"cancelled.db", "cancelled.db.keys", "cancelled.db-wal", "cancelled.db-shm"})
        QVERIFY2(!QFile::exists(m_dir.filePath(name)), name);
}

void tst_DemoClinic::refusesExistingDatabase()
{
    QFile existing(m_dir.filePath("taken.db"));
    QVERIFY(existing.open(QIODevice::WriteOnly));
    existing.write("not a clinic");
    existing.close();
    auto demo = make("taken.db", 5, 1);
    QVERIFY(!demo);
    QCOMPARE(test::failureOf(demo).code, core::ErrorCode::AlreadyExists);
    QVERIFY(existing.open(QIODevice::ReadOnly));
    QCOMPARE(existing.readAll(), QByteArray("not a clinic"));
}

QStringList tst_DemoClinic::scheduleSnapshot(core::Session& session)
{
    core::AppointmentStore store(session);
    auto views = store.range("2025-04-01", "2026-07-01");
    if (!views)
        return {QString::fromStdString(words::errorSentence(views.error()))};
    QStringList out;
    for (const auto& v : *views) {
        const auto& a = v.appointment;
        out << QString::fromStdString(a.startLocal + "|" + std::to_string(a.minutes) + "|" + v.providerName + "|" +
                                      v.typeName + "|" + v.roomName.value_or("-") + "|" + v.patientMrn + "|" +
                                      core::appointmentStatusName(a.status) + "|" + a.reason.value_or("-") + "|" +
                                      a.cancelReason.value_or("-") + "|" + (a.overbooked ? "over" : "") +
                                      (a.seriesIndex ? std::to_string(*a.seriesIndex) : ""));
    }
    out.sort();
    return out;
}

void tst_DemoClinic::scheduleSetup()
{
    auto demo = make("setup.db", 30, 4, {}, 0);
    QVERIFY2(demo, demo ? "" : words::errorSentence(demo.error()).c_str());
    core::Session& s = *demo->session;
    core::ScheduleSetupStore setup(s);
    auto providers = setup.providers();
    QVERIFY(providers);
    QCOMPARE(providers->size(), std::size_t(6));
    std::set<std::string> colors, npis;
    for (const auto& p : *providers) {
        QVERIFY2(p.npi && core::isNpi(*p.npi) && p.npi->front() == '1', p.name.c_str());
        QVERIFY(p.credentials && p.specialty);
        colors.insert(p.color);
        npis.insert(*p.npi);
        auto hours = setup.workingHours(p.id);
        QVERIFY(hours);
        int work = 0, breaks = 0;
        for (const auto& h : *hours) {
            QVERIFY(h.weekday >= 1 && h.weekday <= 5);
            QVERIFY(h.startMinute >= 8 * 60 && h.endMinute <= 17 * 60 && h.startMinute < h.endMinute);
            (h.isBreak ? breaks : work) += h.endMinute - h.startMinute;
        }
        QVERIFY2(work == 5 * 9 * 60 || work == 4 * 9 * 60 + 4 * 60, p.name.c_str()); // one works a half Friday
        QVERIFY(breaks >= 4 * 60);
    }
    QCOMPARE(colors.size(), std::size_t(6));
    QCOMPARE(npis.size(), std::size_t(6));

    auto types = setup.types();
    QVERIFY(types);
    std::map<std::string, core::AppointmentType> byName;
    for (const auto& t : *types)
        byName[t.name] = t;
    const std::pair<const char*, int> expected[] = {{"New patient", 30}, {"Follow-up", 15},  {"Annual physical", 30},
                                                    {"Sick visit", 15},  {"Telehealth", 20}, {"Procedure", 45}};
    for (const auto& [name, minutes] : expected) {
        QVERIFY2(byName.contains(name), name);
        QCOMPARE(byName[name].defaultMinutes, minutes);
        QCOMPARE(byName[name].allowOverbook, std::string(name) == "Sick visit");
    }
    QVERIFY(byName["Procedure"].defaultRoomId.has_value());
    auto rooms = setup.rooms();
    QVERIFY(rooms && rooms->size() >= 7);

    // The clock's day is 2025-11-20 in New York; the demo covers six months each way.
    auto holidays = setup.holidays("2025-01-01", "2026-12-31");
    QVERIFY(holidays);
    std::map<std::string, std::string> holidayByDate;
    for (const auto& h : *holidays)
        holidayByDate[h.date] = h.name;
    QCOMPARE(holidayByDate["2025-11-27"], std::string("Thanksgiving Day"));
    QCOMPARE(holidayByDate["2025-12-25"], std::string("Christmas Day"));
    QCOMPARE(holidayByDate["2026-01-19"], std::string("Martin Luther King Jr. Day"));
    QCOMPARE(holidayByDate["2026-07-03"], std::string("Independence Day")); // 4 July 2026 is a Saturday
    QCOMPARE(holidayByDate["2025-05-26"], std::string("Memorial Day"));
    auto blocks = setup.blocks("2025-05-01", "2026-06-30");
    QVERIFY(blocks);
    int vacations = 0, clinicWide = 0;
    for (const auto& b : *blocks) {
        vacations += b.kind == "vacation";
        clinicWide += !b.providerId.has_value();
    }
    QCOMPARE(vacations, 9);
    QCOMPARE(clinicWide, 2);

    QCOMPARE(scheduleSnapshot(s), QStringList());
    auto waiting = core::WaitlistStore(s).waiting();
    QVERIFY(waiting);
    QVERIFY(waiting->size() >= 8 && waiting->size() <= 12);
    std::set<std::string> waitingPatients;
    for (const auto& e : *waiting) {
        QVERIFY(!e.patientName.empty());
        QVERIFY(e.untilDate > "2025-11-20" && core::isIsoDate(e.untilDate));
        waitingPatients.insert(e.patientId);
    }
    QCOMPARE(waitingPatients.size(), waiting->size());
}

void tst_DemoClinic::scheduleLooksLikeAClinic()
{
    constexpr int kPerDay = 6;
    auto demo = make("schedule.db", 400, 11, {}, kPerDay);
    QVERIFY2(demo, demo ? "" : words::errorSentence(demo.error()).c_str());
    core::Session& s = *demo->session;
    core::AppointmentStore store(s);
    const core::ClinicTime& time = store.clinicTime();
    auto holidays = core::ScheduleSetupStore(s).holidays("2025-01-01", "2026-12-31");
    QVERIFY(holidays);
    std::set<std::string> holidayDates;
    for (const auto& h : *holidays)
        holidayDates.insert(h.date);
    auto views = store.range("2025-04-01", "2026-07-01");
    QVERIFY(views);
    QCOMPARE(std::int64_t(views->size()), demo->appointments);
    // Six providers, about 250 working days, kPerDay each, fewer on vacations and half days.
    QVERIFY2(views->size() > 6 * 230 * kPerDay * 8 / 10 && views->size() < 6 * 260 * kPerDay * 12 / 10,
             std::to_string(views->size()).c_str());

    const std::int64_t now = m_clock.nowMs();
    std::map<std::string, int> pastStatus, futureStatus;
    int past = 0, future = 0, series = 0, overbooked = 0, cancelReasons = 0;
    std::set<std::string> seriesIds, firstDay, lastDay;
    std::map<std::string, std::vector<std::pair<std::int64_t, std::int64_t>>> busyByProvider, busyByPatient;
    std::string earliest = "9999", latest;
    for (const auto& v : *views) {
        const auto& a = v.appointment;
        const core::LocalDateTime local = time.toLocal(a.startUtcMs);
        earliest = std::min(earliest, local.date);
        latest = std::max(latest, local.date);
        QVERIFY2(local.weekday <= 5, a.startLocal.c_str());
        QVERIFY2(!holidayDates.contains(local.date), a.startLocal.c_str());
        QVERIFY2(local.minuteOfDay >= 8 * 60 && local.minuteOfDay + a.minutes <= 17 * 60, a.startLocal.c_str());
        QVERIFY2(local.minuteOfDay + a.minutes <= 12 * 60 || local.minuteOfDay >= 13 * 60, a.startLocal.c_str());
        QVERIFY(a.reason.has_value());
        const std::string status = core::appointmentStatusName(a.status);
        if (a.endUtcMs() <= now) {
            ++past;
            ++pastStatus[status];
        } else if (a.startUtcMs > now) {
            ++future;
            ++futureStatus[status];
        }
        if (a.status == core::AppointmentStatus::Cancelled) {
            QVERIFY(a.cancelledBy == "patient" || a.cancelledBy == "clinic");
            cancelReasons += a.cancelReason && !a.cancelReason->empty();
        }
        if (a.seriesId) {
            ++series;
            seriesIds.insert(*a.seriesId);
        }
        overbooked += a.overbooked;
        if (core::occupiesSlot(a.status)) {
            if (!a.overbooked)
                busyByProvider[a.providerId].push_back({a.startUtcMs, a.endUtcMs()});
            busyByPatient[a.patientId].push_back({a.startUtcMs, a.endUtcMs()});
        }
    }
    QVERIFY2(earliest <= "2025-05-27" && latest >= "2026-05-15", (earliest + " " + latest).c_str());
    QVERIFY(past > 0 && future > 0);
    const double checkedOut = double(pastStatus["checked_out"]) / past;
    const double noShow = double(pastStatus["no_show"]) / past;
    const double cancelled = double(pastStatus["cancelled"]) / past;
    QVERIFY2(checkedOut > 0.8 && checkedOut < 0.93, std::to_string(checkedOut).c_str());
    QVERIFY2(noShow > 0.03 && noShow < 0.07, std::to_string(noShow).c_str());
    QVERIFY2(cancelled > 0.04 && cancelled < 0.12, std::to_string(cancelled).c_str());
    QCOMPARE(pastStatus["scheduled"] + pastStatus["confirmed"] + pastStatus["arrived"] + pastStatus["in_room"] +
                 pastStatus["with_provider"],
             0);
    QCOMPARE(futureStatus["checked_out"] + futureStatus["no_show"] + futureStatus["arrived"], 0);
    QVERIFY(futureStatus["scheduled"] > future / 2 && futureStatus["confirmed"] > future / 10);
    QVERIFY(futureStatus["cancelled"] > 0 && futureStatus["cancelled"] < future / 15);
    QVERIFY(cancelReasons > 0);
    QVERIFY2(seriesIds.size() >= 4 && series >= 16, std::to_string(series).c_str());
    QVERIFY(overbooked > 50);
    // Nobody is in two places at once, and no provider sees two patients unless one was squeezed in.
    for (auto* busy : {&busyByProvider, &busyByPatient})
        for (auto& [who, intervals] : *busy) {
            std::sort(intervals.begin(), intervals.end());
            for (std::size_t i = 1; i < intervals.size(); ++i)
                QVERIFY2(intervals[i].first >= intervals[i - 1].second, who.c_str());
        }

    auto verified = s.journal().auditLog().verify();
    QVERIFY(verified && verified->intact);
    auto problems = s.db().integrityCheck();
    QVERIFY(problems && problems->empty());
}

void tst_DemoClinic::sameSeedSameSchedule()
{
    auto a = make("sched-a.db", 80, 21, {}, 2);
    QVERIFY2(a, a ? "" : words::errorSentence(a.error()).c_str());
    auto b = make("sched-b.db", 80, 21, {}, 2);
    QVERIFY2(b, b ? "" : words::errorSentence(b.error()).c_str());
    const QStringList first = scheduleSnapshot(*a->session);
    QVERIFY(first.size() > 1000);
    QCOMPARE(scheduleSnapshot(*b->session), first);
    // The schedule draws its own dice: patients are the same as without it.
    auto plain = make("sched-plain.db", 80, 21);
    QVERIFY(plain);
    QCOMPARE(snapshot(*plain->session).mid(0, 80), snapshot(*a->session).mid(0, 80));
}

void tst_DemoClinic::scheduleProgressEndsAtTotal()
{
    std::vector<std::pair<std::int64_t, std::int64_t>> seen;
    auto demo = make(
        "sched-progress.db", 50, 5,
        [&](std::int64_t done, std::int64_t total) {
            seen.push_back({done, total});
            return true;
        },
        1);
    QVERIFY(demo);
    QVERIFY(seen.size() >= 3);
    const std::int64_t total = seen.front().second;
    QVERIFY(total > 50 + 1000);
    for (std::size_t i = 0; i < seen.size(); ++i) {
        QCOMPARE(seen[i].second, total);
        if (i > 0)
            QVERIFY(seen[i].first >= seen[i - 1].first);
    }
    QCOMPARE(seen.back().first, total);
    QVERIFY(std::find(seen.begin(), seen.end(), std::pair<std::int64_t, std::int64_t>{50, total}) != seen.end());
}

void tst_DemoClinic::chartsLookLikeAClinic()
{
    // A year of appointments at 3 per provider day; 100 patients bring the frequent visitors' histories.
    auto demo = make("charts.db", 100, 4, {}, 3);
    QVERIFY2(demo, demo ? "" : words::errorSentence(demo.error()).c_str());
    QVERIFY(demo->encounters > 400);
    core::Session& s = *demo->session;
    auto scalar = [&](const char* sql) {
        auto stmt = s.db().prepare(sql);
        return stmt ? stmt->scalar().value_or(-1) : -1;
    };
    QCOMPARE(scalar("SELECT count(*) FROM encounter;"), demo->encounters);
    // Every visit of an appointment was closed and its appointment checked out, except today's in progress.
    QCOMPARE(scalar("SELECT count(*) FROM encounter e JOIN appointment a ON a.id = e.appointment_id "
                    "WHERE e.status = 'closed' AND a.status <> 'checked_out';"),
             std::int64_t(0));
    QCOMPARE(scalar("SELECT count(*) FROM appointment a JOIN provider p ON p.id = a.provider_id WHERE "
                    "a.status = 'with_provider' AND p.name = 'Samuel Okafor' AND NOT EXISTS "
                    "(SELECT 1 FROM encounter e WHERE e.appointment_id = a.id);"),
             std::int64_t(0));
    // Hundreds of visits for a few patients; signed notes, with some waiting in the clinician's queue.
    QVERIFY(scalar("SELECT max(n) FROM (SELECT count(*) AS n FROM encounter GROUP BY patient_id);") >= 300);
    QCOMPARE(scalar("SELECT count(*) FROM (SELECT patient_id FROM encounter GROUP BY patient_id "
                    "HAVING count(*) >= 100);"),
             std::int64_t(3));
    QVERIFY(scalar("SELECT count(*) FROM clinical_note WHERE signed_at IS NOT NULL;") > 400);
    QVERIFY(scalar("SELECT count(*) FROM clinical_note WHERE signed_at IS NULL;") > 0);
    QVERIFY(scalar("SELECT count(*) FROM vital_signs;") > 400);
    QVERIFY(scalar("SELECT count(*) FROM vital_signs WHERE systolic >= 140 OR temperature_dc >= 380;") > 0);
    QVERIFY(scalar("SELECT count(*) FROM lab_result;") > 300);
    QVERIFY(scalar("SELECT count(*) FROM lab_result WHERE abnormal_flag IN ('L', 'H');") > 0);
    // Every clinical record was written by the clinician, none by the admin who made the clinic.
    QCOMPARE(scalar("SELECT count(*) FROM audit_event WHERE entity IN ('encounter', 'clinical_note', 'vital_signs', "
                    "'problem', 'allergy', 'allergy_review', 'medication', 'immunization', 'lab_result') "
                    "AND role <> 'clinician';"),
             std::int64_t(0));
    QCOMPARE(scalar("SELECT count(*) FROM clinical_note n JOIN user_account u ON u.id = n.author_id "
                    "WHERE u.username <> 'doctor';"),
             std::int64_t(0));

    // Codes from the code sets; the three allergy banner states all occur.
    auto codes = [&](const char* sql) { return rows(s, sql, 1); };
    const auto& icd = core::CodeSet::builtin(core::CodeSystem::Icd10Cm);
    for (const QString& c : codes("SELECT DISTINCT code FROM problem;"))
        QVERIFY2(icd.find(c.toStdString()), qPrintable(c));
    for (const QString& c : codes("SELECT DISTINCT cvx_code FROM immunization;"))
        QVERIFY2(core::CodeSet::builtin(core::CodeSystem::Cvx).find(c.toStdString()), qPrintable(c));
    for (const QString& c : codes("SELECT DISTINCT loinc_code FROM lab_result;"))
        QVERIFY2(core::CodeSet::builtin(core::CodeSystem::Loinc).find(c.toStdString()), qPrintable(c));
    const std::string path = m_dir.filePath("charts.db").toStdString();
    auto doctor = core::Vault::unlock(path, "doctor", "doctor-demo", m_clock);
    QVERIFY(doctor);
    core::ClinicalListStore lists(**doctor);
    std::set<core::AllergyState> states;
    for (const QString& id : codes("SELECT id FROM patient;"))
        states.insert(lists.allergyStatus(id.toStdString())->state);
    QCOMPARE(states.size(), std::size_t(3));
    auto queue = core::NoteStore(**doctor).unsignedBy((*doctor)->actor().userId);
    QVERIFY(queue && !queue->empty());
}

QTEST_GUILESS_MAIN(tst_DemoClinic)
#include "tst_democlinic.moc"
