// The chart in core: a visit from an arrived appointment, notes from templates, signing (locks, content
// hash, only the author), addenda, the allergy banner's three states, vital signs' units and ranges, the
// permission table for every role, and the audit of a chart opening.
#include "core/audit/AuditLog.h"
#include "core/chart/ChartReader.h"
#include "core/chart/ClinicalListStore.h"
#include "core/chart/EncounterStore.h"
#include "core/chart/NoteTemplates.h"
#include "core/chart/Vitals.h"
#include "core/db/Statement.h"
#include "core/schedule/AppointmentStore.h"
#include "tests/support/ScheduleFixture.h"

#include <QTest>

using practica::test::must;

using namespace practica;
using core::ErrorCode;
using core::Rule;
using test::failureOf;

class tst_Chart : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void visitStartsFromAnArrivedAppointment();
    void noteFromTemplateSignsAndLocks();
    void clinicTemplatesReplaceTheBuiltInOnes();
    void onlyTheAuthorEditsAndSigns();
    void draftTakesAnotherTemplate();
    void addendaGoToSignedNotesOnly();
    void allergyBannerStates();
    void vitalUnits_data();
    void vitalUnits();
    void bodyMassIndexAndFlags_data();
    void bodyMassIndexAndFlags();
    void recordRulesAreTheServers();
    void permissionTable_data();
    void permissionTable();
    void chartOpeningIsAudited();

private:
    core::Appointment arrivedAppointment();
    std::unique_ptr<test::ScheduleFixture> m_f;
    std::unique_ptr<core::Session> m_doctor;
    std::unique_ptr<core::Session> m_otherDoctor;
};

void tst_Chart::init()
{
    m_f = std::make_unique<test::ScheduleFixture>();
    m_f->clinic().clock().set(1'763'737'200'000); // 2025-11-21 09:00 in Chicago
    m_doctor = m_f->clinic().addAndLogin("dr.okafor", core::Role::Clinician);
    m_otherDoctor = m_f->clinic().addAndLogin("dr.lee", core::Role::Clinician);
}

void tst_Chart::cleanup()
{
    m_doctor.reset();
    m_otherDoctor.reset();
    m_f.reset();
}

core::Appointment tst_Chart::arrivedAppointment()
{
    core::AppointmentStore store(m_f->admin());
    auto booked = must(store.book(m_f->appointment(0, m_f->providerA, "2025-11-21 10:00", m_f->followUp)), "book");
    return must(store.setStatus(booked.id, core::AppointmentStatus::Arrived), "arrive");
}

void tst_Chart::visitStartsFromAnArrivedAppointment()
{
    core::AppointmentStore appointments(m_f->admin());
    auto scheduled =
        must(appointments.book(m_f->appointment(1, m_f->providerA, "2025-11-21 11:00", m_f->followUp)), "book");
    core::EncounterStore encounters(*m_doctor);
    const core::Error early = failureOf(encounters.startFromAppointment(scheduled.id));
    QCOMPARE(early.rule(), Rule::StatusTransition);

    const core::Appointment arrived = arrivedAppointment();
    auto visit = must(encounters.startFromAppointment(arrived.id, "follow_up"), "start");
    QCOMPARE(visit.patientId, arrived.patientId);
    QCOMPARE(visit.providerId, m_f->providerA.id);
    QCOMPARE(visit.date, std::string("2025-11-21"));
    QCOMPARE(must(appointments.get(arrived.id), "get").status, core::AppointmentStatus::WithProvider);
    // Starting it again is the same visit, not a second one.
    QCOMPARE(must(encounters.startFromAppointment(arrived.id), "again").id, visit.id);

    auto day = must(encounters.providerDay(m_f->providerA.id, "2025-11-21"), "day");
    QCOMPARE(day.size(), std::size_t(2));
    QVERIFY(day[0].encounter.has_value());
    QVERIFY(!day[1].encounter.has_value());

    QVERIFY(encounters.close(visit.id));
    QCOMPARE(must(appointments.get(arrived.id), "get").status, core::AppointmentStatus::CheckedOut);
}

void tst_Chart::noteFromTemplateSignsAndLocks()
{
    const core::Appointment a = arrivedAppointment();
    core::ClinicalListStore lists(*m_doctor);
    core::Allergy penicillin;
    penicillin.patientId = a.patientId;
    penicillin.substance = "Penicillin";
    penicillin.reaction = "hives";
    penicillin.severity = "moderate";
    must(lists.saveAllergy(penicillin), "allergy");
    core::VitalSigns v;
    v.patientId = a.patientId;
    v.systolic = 150;
    v.diastolic = 92;
    v.pulse = 72;
    must(lists.saveVitals(v), "vitals");

    core::EncounterStore encounters(*m_doctor);
    core::NoteStore notes(*m_doctor);
    auto visit = must(encounters.startFromAppointment(a.id, "follow_up"), "start");
    auto note = must(notes.startNote(visit.id), "note");
    QVERIFY(note.subjective->find("45-year-old") != std::string::npos);
    QVERIFY(note.subjective->find("Penicillin (hives)") != std::string::npos);
    QVERIFY(note.objective->find("BP 150/92 mmHg (high)") != std::string::npos);
    QCOMPARE(must(notes.unsignedBy(m_doctor->actor().userId), "queue").size(), std::size_t(1));

    note.assessment = "Hypertension, not at goal.";
    QVERIFY(notes.saveDraft(note));
    auto signedNote = must(notes.sign(note.id), "sign");
    QVERIFY(signedNote.signedAt.has_value());
    QCOMPARE(*signedNote.signedBy, m_doctor->actor().userId);
    QVERIFY(core::NoteStore::contentIntact(signedNote));
    QCOMPARE(must(notes.get(note.id), "get").contentSha256, signedNote.contentSha256);
    QVERIFY(must(notes.unsignedBy(m_doctor->actor().userId), "queue").empty());

    // Signed is final: no edit, no second signature.
    signedNote.plan = "changed afterwards";
    const auto edit = notes.saveDraft(signedNote);
    QVERIFY(!edit);
    QCOMPARE(edit.error().rule(), Rule::Signed);
    QCOMPARE(failureOf(notes.sign(note.id)).rule(), Rule::Signed);
    // A changed text no longer matches its signature.
    core::ClinicalNote tampered = must(notes.get(note.id), "get");
    tampered.plan = "altered in the database";
    QVERIFY(!core::NoteStore::contentIntact(tampered));
}

void tst_Chart::clinicTemplatesReplaceTheBuiltInOnes()
{
    core::NoteTemplateStore templates(*m_doctor);
    auto before = must(templates.effective(), "templates");
    QCOMPARE(before.size(), core::builtInNoteTemplates().size());
    QVERIFY(std::all_of(before.begin(), before.end(), [](const core::NoteTemplate& t) { return t.id.empty(); }));
    core::NoteTemplate mine = before.front();
    mine.subjective = "{{age}}-year-old here for: \nAllergies: {{allergies}}\n";
    mine.plan = "Return in 3 months.";
    auto saved = must(templates.save(mine), "save");
    QVERIFY(!saved.id.empty());
    saved.plan = "Return in 6 months.";
    QCOMPARE(must(templates.save(saved), "edit").id, saved.id); // one per visit type
    const core::Appointment a = arrivedAppointment();
    auto visit = must(core::EncounterStore(*m_doctor).startFromAppointment(a.id, mine.visitType), "visit");
    auto note = must(core::NoteStore(*m_doctor).startNote(visit.id), "note");
    QCOMPARE(*note.subjective, std::string("45-year-old here for: \nAllergies: not recorded\n"));
    QCOMPARE(*note.plan, std::string("Return in 6 months."));
    // Only clinicians write them.
    auto desk = m_f->clinic().addAndLogin("frank", core::Role::FrontDesk);
    QCOMPARE(failureOf(core::NoteTemplateStore(*desk).save(mine)).code, ErrorCode::PermissionDenied);
}

void tst_Chart::onlyTheAuthorEditsAndSigns()
{
    const core::Appointment a = arrivedAppointment();
    auto visit = must(core::EncounterStore(*m_doctor).startFromAppointment(a.id), "start");
    auto draft = must(core::NoteStore(*m_doctor).startNote(visit.id), "note");
    core::NoteStore other(*m_otherDoctor);
    QCOMPARE(failureOf(other.sign(draft.id)).rule(), Rule::NotSigner);
    draft.plan = "someone else's words";
    const auto saved = other.saveDraft(draft);
    QVERIFY(!saved);
    QCOMPARE(saved.error().rule(), Rule::NotSigner);
}

void tst_Chart::draftTakesAnotherTemplate()
{
    const core::Appointment a = arrivedAppointment();
    auto visit = must(core::EncounterStore(*m_doctor).startFromAppointment(a.id), "start");
    core::NoteStore notes(*m_doctor);
    auto draft = must(notes.startNote(visit.id), "note");
    QVERIFY(draft.templateKey != std::optional<std::string>("acute"));
    auto acute = must(notes.applyTemplate(draft.id, "acute"), "acute");
    QCOMPARE(acute.templateKey, std::optional<std::string>("acute"));
    QVERIFY(acute.subjective && acute.subjective->find("Chief complaint:") != std::string::npos);
    QVERIFY(acute.subjective->find("45-year-old") != std::string::npos); // its fields are filled as well
    QCOMPARE(must(notes.get(draft.id), "stored").subjective, acute.subjective);
    // Only the author's own unsigned note; never an addendum.
    QCOMPARE(failureOf(core::NoteStore(*m_otherDoctor).applyTemplate(draft.id, "office")).rule(), Rule::NotSigner);
    must(notes.sign(draft.id), "sign");
    QCOMPARE(failureOf(notes.applyTemplate(draft.id, "office")).rule(), Rule::Signed);
    auto addendum = must(notes.addAddendum(draft.id, "Later."), "addendum");
    QCOMPARE(failureOf(notes.applyTemplate(addendum.id, "office")).field, std::string("kind"));
}

void tst_Chart::addendaGoToSignedNotesOnly()
{
    const core::Appointment a = arrivedAppointment();
    auto visit = must(core::EncounterStore(*m_doctor).startFromAppointment(a.id), "start");
    core::NoteStore notes(*m_doctor);
    auto draft = must(notes.startNote(visit.id), "note");
    QCOMPARE(failureOf(notes.addAddendum(draft.id, "too early")).rule(), Rule::NotSigned);
    must(notes.sign(draft.id), "sign");

    // Another clinician adds to it; the addendum is a note of its own, signed on its own.
    core::NoteStore other(*m_otherDoctor);
    auto addendum = must(other.addAddendum(draft.id, "Potassium came back at 5.6; repeat in a week."), "addendum");
    QCOMPARE(addendum.kind, std::string("addendum"));
    QCOMPARE(*addendum.addendumTo, draft.id);
    QVERIFY(!addendum.isSigned());
    auto signedAddendum = must(other.sign(addendum.id), "sign addendum");
    QVERIFY(core::NoteStore::contentIntact(signedAddendum));
    // An addendum to the addendum is filed against the note itself.
    auto second = must(notes.addAddendum(addendum.id, "Seen."), "second");
    QCOMPARE(*second.addendumTo, draft.id);
    QCOMPARE(must(notes.forEncounter(visit.id), "notes").size(), std::size_t(3));
}

void tst_Chart::allergyBannerStates()
{
    const std::string patient = m_f->patients[2];
    core::ClinicalListStore lists(*m_doctor);
    QCOMPARE(must(lists.allergyStatus(patient), "status").state, core::AllergyState::NotRecorded);
    QVERIFY(lists.recordNoKnownAllergies(patient));
    QCOMPARE(must(lists.allergyStatus(patient), "status").state, core::AllergyState::NoKnownAllergies);

    core::Allergy peanut;
    peanut.patientId = patient;
    peanut.category = "food";
    peanut.substance = "Peanut";
    peanut.severity = "severe";
    must(lists.saveAllergy(peanut), "allergy");
    auto status = must(lists.allergyStatus(patient), "status");
    QCOMPARE(status.state, core::AllergyState::Allergies);
    QVERIFY(!status.contradicted);
    QCOMPARE(status.active.front().substance, std::string("Peanut"));
    // "None known" cannot be recorded over a listed allergy.
    const auto nka = lists.recordNoKnownAllergies(patient);
    QVERIFY(!nka);
    QCOMPARE(nka.error().code, ErrorCode::Conflict);
    // Both workstations' review records are one record: the same id everywhere.
    QCOMPARE(core::ClinicalListStore::allergyReviewId(patient), core::ClinicalListStore::allergyReviewId(patient));
    QVERIFY(core::ClinicalListStore::allergyReviewId(patient) != core::ClinicalListStore::allergyReviewId("x"));
}

void tst_Chart::vitalUnits_data()
{
    QTest::addColumn<QString>("quantity");
    QTest::addColumn<double>("entered");
    QTest::addColumn<int>("canonical");
    QTest::addColumn<double>("shownBack");
    QTest::newRow("height 69 in") << "in" << 69.0 << 1753 << 69.0;
    QTest::newRow("height 175.3 cm") << "cm" << 175.3 << 1753 << 175.3;
    QTest::newRow("weight 180 lb") << "lb" << 180.0 << 81647 << 180.0;
    QTest::newRow("weight 81.6 kg") << "kg" << 81.6 << 81600 << 81.6;
    QTest::newRow("temperature 98.6 F") << "F" << 98.6 << 370 << 98.6;
    QTest::newRow("temperature 101.3 F") << "F" << 101.3 << 385 << 101.3;
    QTest::newRow("temperature 37.0 C") << "C" << 37.0 << 370 << 37.0;
}

void tst_Chart::vitalUnits()
{
    QFETCH(QString, quantity);
    QFETCH(double, entered);
    QFETCH(int, canonical);
    QFETCH(double, shownBack);
    int stored = 0;
    double back = 0;
    if (quantity == "in")
        stored = core::heightMmFromInches(entered), back = core::heightInches(stored);
    else if (quantity == "cm")
        stored = core::heightMmFromCm(entered), back = core::heightCm(stored);
    else if (quantity == "lb")
        stored = core::weightGFromPounds(entered), back = core::weightPounds(stored);
    else if (quantity == "kg")
        stored = core::weightGFromKg(entered), back = core::weightKg(stored);
    else if (quantity == "F")
        stored = core::temperatureDeciCFromFahrenheit(entered), back = core::temperatureFahrenheit(stored);
    else
        stored = core::temperatureDeciCFromCelsius(entered), back = core::temperatureCelsius(stored);
    QCOMPARE(stored, canonical);
    QVERIFY2(std::abs(back - shownBack) < 0.06, qPrintable(QString::number(back)));
}

void tst_Chart::bodyMassIndexAndFlags_data()
{
    QTest::addColumn<int>("heightMm");
    QTest::addColumn<int>("weightG");
    QTest::addColumn<double>("bmi");
    QTest::addColumn<int>("flag"); // VitalFlag
    QTest::newRow("normal") << 1753 << 70000 << 22.8 << int(core::VitalFlag::Normal);
    QTest::newRow("obese") << 1600 << 90000 << 35.2 << int(core::VitalFlag::High);
    QTest::newRow("underweight") << 1800 << 55000 << 17.0 << int(core::VitalFlag::Low);
    QTest::newRow("boundary 30.0") << 2000 << 120000 << 30.0 << int(core::VitalFlag::High);
}

void tst_Chart::bodyMassIndexAndFlags()
{
    QFETCH(int, heightMm);
    QFETCH(int, weightG);
    QFETCH(double, bmi);
    QFETCH(int, flag);
    core::VitalSigns v;
    v.heightMm = heightMm;
    v.weightG = weightG;
    QCOMPARE(*core::bodyMassIndex(v), bmi);
    const auto readings = core::vitalReadings(v, core::UnitSystem::Metric);
    QCOMPARE(readings.size(), std::size_t(3));
    QCOMPARE(int(readings[2].flag), flag);
    v.weightG.reset();
    QVERIFY(!core::bodyMassIndex(v));
}

void tst_Chart::recordRulesAreTheServers()
{
    core::ClinicalListStore lists(*m_doctor);
    core::VitalSigns v;
    v.patientId = m_f->patients[0];
    v.heightMm = 5000;
    const core::Error tall = failureOf(lists.saveVitals(v));
    QCOMPARE(tall.field, std::string("height_mm"));
    QCOMPARE(tall.rule(), Rule::Range);
    v.heightMm.reset();
    v.systolic = 120;
    QCOMPARE(failureOf(lists.saveVitals(v)).rule(), Rule::RequiredTogether);
    v.diastolic = 130;
    const core::Error order = failureOf(lists.saveVitals(v));
    QCOMPARE(order.rule(), Rule::Order);

    core::Problem p;
    p.patientId = m_f->patients[0];
    p.code = "E119";
    p.display = "Type 2 diabetes mellitus without complications";
    QCOMPARE(failureOf(lists.saveProblem(p)).rule(), Rule::Format);
    p.code = "E11.9";
    p = must(lists.saveProblem(p), "problem");
    p.status = "resolved";
    QCOMPARE(failureOf(lists.saveProblem(p)).rule(), Rule::RequiredWhen);
    p.resolvedDate = "2025-11-20";
    p.onsetDate = "2025-11-21";
    QCOMPARE(failureOf(lists.saveProblem(p)).rule(), Rule::Order);
    p.onsetDate = "2019-03-01";
    QVERIFY(lists.saveProblem(p));

    core::Immunization shot;
    shot.patientId = m_f->patients[0];
    shot.cvxCode = "1400";
    shot.vaccine = "Influenza";
    shot.administeredOn = "2025-10-01";
    QCOMPARE(failureOf(lists.saveImmunization(shot)).rule(), Rule::Format);
    shot.cvxCode = "158";
    QVERIFY(lists.saveImmunization(shot));
}

void tst_Chart::permissionTable_data()
{
    QTest::addColumn<int>("role");
    QTest::addColumn<bool>("readsChart");
    QTest::addColumn<bool>("writesChart");
    QTest::addColumn<bool>("seesChiefComplaint");
    QTest::newRow("clinician") << int(core::Role::Clinician) << true << true << true;
    QTest::newRow("front desk") << int(core::Role::FrontDesk) << false << false << false;
    QTest::newRow("biller") << int(core::Role::Biller) << false << false << false;
    QTest::newRow("admin") << int(core::Role::Admin) << false << false << false;
}

void tst_Chart::permissionTable()
{
    QFETCH(int, role);
    QFETCH(bool, readsChart);
    QFETCH(bool, writesChart);
    QFETCH(bool, seesChiefComplaint);
    const core::Appointment a = arrivedAppointment();
    auto visit = must(core::EncounterStore(*m_doctor).startFromAppointment(a.id), "start");
    visit.chiefComplaint = "blood pressure check";
    QVERIFY(core::EncounterStore(*m_doctor).update(visit));
    must(core::NoteStore(*m_doctor).startNote(visit.id), "note");
    auto who = m_f->clinic().addAndLogin("user" + std::to_string(role), core::Role(role));

    QCOMPARE(bool(core::ChartReader(*who).open(a.patientId)), readsChart);
    QCOMPARE(bool(core::NoteStore(*who).forPatient(a.patientId)), readsChart);
    QCOMPARE(bool(core::ClinicalListStore(*who).allergies(a.patientId)), readsChart);
    core::VitalSigns v;
    v.patientId = a.patientId;
    v.pulse = 70;
    QCOMPARE(bool(core::ClinicalListStore(*who).saveVitals(v)), writesChart);
    QCOMPARE(bool(core::EncounterStore(*who).startWalkIn(a.patientId, m_f->providerA.id, "acute", "cough")),
             writesChart);
    // Everyone who reads patients sees that visits happened; the complaint is clinical text.
    auto visits = must(core::EncounterStore(*who).forPatient(a.patientId), "visits");
    QVERIFY(!visits.empty());
    QCOMPARE(visits.back().chiefComplaint.has_value(), seesChiefComplaint);
}

void tst_Chart::chartOpeningIsAudited()
{
    const std::string patient = m_f->patients[3];
    auto summary = must(core::ChartReader(*m_doctor).open(patient), "open");
    QCOMPARE(summary.header.allergies.state, core::AllergyState::NotRecorded);
    core::AuditLog log(m_doctor->db());
    auto events = must(log.forRecord("chart", patient), "events");
    QCOMPARE(events.size(), std::size_t(1));
    QCOMPARE(events.front().action, std::string("read"));
    QCOMPARE(events.front().username, std::string("dr.okafor"));

    // A day's list shown to a person is one audited read naming every patient on it.
    const core::Appointment a = arrivedAppointment();
    auto shown = must(core::AppointmentStore(*m_doctor).dayView("2025-11-21"), "day view");
    QCOMPARE(shown.size(), std::size_t(1));
    must(core::EncounterStore(*m_doctor).providerDay(m_f->providerA.id, "2025-11-21"), "my day");
    auto stmt = m_doctor->db().prepare(
        "SELECT count(*) FROM audit_event WHERE action = 'search' AND entity = 'patient' AND detail = ?;");
    QVERIFY(stmt);
    QCOMPARE(must(stmt->bind(1, "day view 2025-11-21: " + a.patientId).scalar(), "audited"), std::int64_t(2));
    // The stores' own checks read the day unaudited.
    must(core::AppointmentStore(*m_doctor).day("2025-11-21"), "day");
    stmt->reset();
    QCOMPARE(must(stmt->bind(1, "day view 2025-11-21: " + a.patientId).scalar(), "audited"), std::int64_t(2));
}

QTEST_GUILESS_MAIN(tst_Chart)
#include "tst_chart.moc"
