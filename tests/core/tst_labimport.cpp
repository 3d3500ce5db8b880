// Lab import: ORU^R01 messages matched to patients (MRN, else name and birth date) and filed as lab results
// one message per transaction; malformed, unmatched, ambiguous and mismatched messages held whole with their
// reason and nothing of them written; duplicates skipped; held messages released under a chosen patient or
// discarded. The sample messages are our own.
#include "core/chart/ClinicalListStore.h"
#include "core/chart/LabImport.h"
#include "core/db/Statement.h"
#include "core/patients/PatientStore.h"
#include "tests/support/TestSupport.h"

#include <QTest>
#include <map>

using practica::test::must;

using namespace practica;
using core::LabMessageOutcome;
using Kind = core::LabMessageOutcome::Kind;

class tst_LabImport : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void messages_data();
    void messages();
    void panelFieldsMapped();
    void badMessageInTheMiddle();
    void secondImportWritesNothing();
    void releaseFilesAHeldMessage();
    void discardAndPermissions();

private:
    std::int64_t count(const char* table);
    std::unique_ptr<test::TempClinic> m_clinic;
    std::unique_ptr<core::Session> m_doctor;
    std::map<std::string, core::Patient> m_patients; // by a short name
};

namespace {

std::string seg(const std::string& name, std::map<int, std::string> fields)
{
    std::string s = name;
    int from = 1;
    if (name == "MSH") {
        s += "|" + fields[2];
        from = 3;
    }
    const int last = fields.empty() ? 0 : fields.rbegin()->first;
    for (int i = from; i <= last; ++i) {
        s += "|";
        if (auto it = fields.find(i); it != fields.end())
            s += it->second;
    }
    return s + "\r";
}

std::string msh(const std::string& controlId)
{
    return seg("MSH", {{2, "^~\\&"},
                       {3, "LABSYS"},
                       {4, "ACMELAB"},
                       {5, "PRACTICA"},
                       {7, "20251121083015-0500"},
                       {9, "ORU^R01^ORU_R01"},
                       {10, controlId},
                       {11, "P"},
                       {12, "2.5.1"}});
}

std::string pid(const std::string& mrn, const std::string& family, const std::string& given, const std::string& dob)
{
    return seg("PID", {{1, "1"},
                       {3, mrn.empty() ? "A77^^^ACMELAB^PI" : mrn + "^^^CLINIC^MR"},
                       {5, family + "^" + given},
                       {7, dob},
                       {8, "F"}});
}

std::string cmp(const std::string& controlId, const std::string& patientSegment)
{
    return msh(controlId) + patientSegment +
           seg("OBR", {{1, "1"},
                       {2, "ORD1^PRACTICA"},
                       {3, "LAB" + controlId + "^ACMELAB"},
                       {4, "24323-8^Comprehensive metabolic panel^LN"},
                       {7, "202511210745"},
                       {25, "F"}}) +
           seg("NTE", {{1, "1"}, {3, "Fasting specimen"}}) +
           seg("OBX", {{1, "1"},
                       {2, "NM"},
                       {3, "2345-7^Glucose^LN"},
                       {5, "182"},
                       {6, "mg/dL"},
                       {7, "70-99"},
                       {8, "H"},
                       {11, "F"}}) +
           seg("NTE", {{1, "1"}, {3, "Repeat advised"}}) +
           seg("OBX", {{1, "2"},
                       {2, "NM"},
                       {3, "2951-2^Sodium^LN"},
                       {5, "139"},
                       {6, "mmol/L"},
                       {7, "135-145"},
                       {8, "N"},
                       {11, "C"},
                       {14, "20251121080000-0600"}}) +
           seg("OBX", {{1, "3"}, {2, "SN"}, {3, "1920-8^AST^LN"}, {5, "<^10"}, {6, "U/L"}, {7, "10-40"}, {11, "P"}});
}

std::string cbc(const std::string& controlId, const std::string& patientSegment)
{
    return msh(controlId) + patientSegment +
           seg("OBR", {{1, "1"}, {2, "ORD2"}, {4, "58410-2^CBC panel^LN"}, {7, "20251120093000-0500"}, {25, "F"}}) +
           seg("OBX",
               {{1, "1"}, {2, "NM"}, {3, "6690-2^WBC^LN"}, {5, "7.2"}, {6, "10*3/uL"}, {7, "4.0-11.0"}, {11, "F"}}) +
           seg("OBX", {{1, "2"},
                       {2, "NM"},
                       {3, "718-7^Hemoglobin^LN"},
                       {5, "10.1"},
                       {6, "g/dL"},
                       {7, "12.0-16.0"},
                       {8, "L"},
                       {11, "F"}}) +
           seg("OBX", {{1, "3"}, {2, "NM"}, {3, "HCTLOC^Hematocrit^L"}, {5, "31"}, {6, "%"}, {11, "X"}});
}

// An OBX before any OBR: the parser's problem (out_of_order).
std::string malformed(const std::string& controlId, const std::string& patientSegment)
{
    return msh(controlId) + patientSegment + seg("OBX", {{1, "1"}, {2, "NM"}, {3, "2345-7^Glucose^LN"}, {5, "90"}});
}

} // namespace

void tst_LabImport::init()
{
    m_clinic = std::make_unique<test::TempClinic>();
    core::PatientStore store(m_clinic->admin());
    auto add = [&](const std::string& key, const std::string& family, const std::string& given,
                   const std::string& dob) {
        core::Patient p;
        p.familyName = family;
        p.givenName = given;
        p.dateOfBirth = dob;
        p.sex = "female";
        m_patients[key] = must(store.create(p), "patient");
    };
    add("garcia", "García", "Lucía", "1980-02-14");
    add("okoro", "Okoro", "Ada", "1975-06-01");
    add("twin1", "Berg", "Anna", "2001-09-09");
    // The twin: the same name and birth date, another MRN.
    core::Patient twin;
    twin.familyName = "Berg";
    twin.givenName = "Anna";
    twin.dateOfBirth = "2001-09-09";
    twin.sex = "female";
    m_patients["twin2"] = must(store.create(twin), "twin");
    m_doctor = m_clinic->addAndLogin("dr.okafor", core::Role::Clinician);
}

void tst_LabImport::cleanup()
{
    m_doctor.reset();
    m_clinic.reset();
}

std::int64_t tst_LabImport::count(const char* table)
{
    auto stmt = m_doctor->db().prepare(std::string("SELECT count(*) FROM ") + table + ";");
    return stmt ? stmt->scalar().value_or(-1) : -1;
}

void tst_LabImport::messages_data()
{
    QTest::addColumn<QString>("patient"); // key of m_patients whose MRN the PID carries; "" for none
    QTest::addColumn<QString>("family");
    QTest::addColumn<QString>("given");
    QTest::addColumn<QString>("dob");
    QTest::addColumn<bool>("cmpPanel");
    QTest::addColumn<bool>("wellFormed");
    QTest::addColumn<QString>("expected"); // the patient key it is filed under, or the held reason

    QTest::newRow("CMP by MRN") << "garcia"
                                << "García"
                                << "Lucía"
                                << "19800214" << true << true << "garcia";
    QTest::newRow("CBC by MRN, name in capitals") << "okoro"
                                                  << "OKORO"
                                                  << "ADA"
                                                  << "19750601" << false << true << "okoro";
    QTest::newRow("by name and birth date, accents folded") << ""
                                                            << "GARCIA"
                                                            << "LUCIA"
                                                            << "19800214" << true << true << "garcia";
    QTest::newRow("unknown MRN falls back to the name") << "nobody"
                                                        << "Okoro"
                                                        << "Ada"
                                                        << "19750601" << false << true << "okoro";
    QTest::newRow("malformed") << "garcia"
                               << "García"
                               << "Lucía"
                               << "19800214" << true << false << "out_of_order";
    QTest::newRow("unmatched") << ""
                               << "Smith"
                               << "Jane"
                               << "19900101" << true << true << "unmatched_patient";
    QTest::newRow("birth date differs") << ""
                                        << "Okoro"
                                        << "Ada"
                                        << "19750602" << true << true << "unmatched_patient";
    QTest::newRow("two patients fit") << ""
                                      << "Berg"
                                      << "Anna"
                                      << "20010909" << false << true << "ambiguous_patient";
    QTest::newRow("MRN of someone else") << "garcia"
                                         << "Okoro"
                                         << "Ada"
                                         << "19750601" << true << true << "patient_mismatch";
    QTest::newRow("MRN with another birth date") << "okoro"
                                                 << "Okoro"
                                                 << "Ada"
                                                 << "19750602" << false << true << "patient_mismatch";
}

void tst_LabImport::messages()
{
    QFETCH(QString, patient);
    QFETCH(QString, family);
    QFETCH(QString, given);
    QFETCH(QString, dob);
    QFETCH(bool, cmpPanel);
    QFETCH(bool, wellFormed);
    QFETCH(QString, expected);
    const std::string mrn = patient.isEmpty()                            ? std::string()
                            : m_patients.contains(patient.toStdString()) ? m_patients[patient.toStdString()].mrn
                                                                         : std::string("ZZ999999");
    const std::string p = pid(mrn, family.toStdString(), given.toStdString(), dob.toStdString());
    const std::string text = !wellFormed ? malformed("M1", p) : cmpPanel ? cmp("M1", p) : cbc("M1", p);

    const auto report = must(core::LabImport(*m_doctor).importFile(text, "results.hl7"), "import");
    QCOMPARE(report.messages.size(), std::size_t(1));
    const LabMessageOutcome& m = report.messages.front();
    QCOMPARE(m.controlId, std::string("M1"));
    QCOMPARE(m.line, 1);
    if (m_patients.contains(expected.toStdString())) {
        QCOMPARE(m.kind, Kind::Imported);
        QCOMPARE(m.patientId, m_patients[expected.toStdString()].id);
        QCOMPARE(m.results, 3);
        QCOMPARE(count("lab_result"), std::int64_t(3));
        QCOMPARE(count("lab_import_held"), std::int64_t(0));
        return;
    }
    QCOMPARE(m.kind, Kind::Held);
    QCOMPARE(QString::fromStdString(m.reason), expected);
    QCOMPARE(count("lab_result"), std::int64_t(0)); // nothing of a held message is written
    const auto held = must(core::LabImport(*m_doctor).held(), "held");
    QCOMPARE(held.size(), std::size_t(1));
    QCOMPARE(held[0].id, m.heldId);
    QCOMPARE(QString::fromStdString(held[0].reason), expected);
    QCOMPARE(held[0].fileName, std::string("results.hl7"));
    QCOMPARE(held[0].message, text); // the message whole, as received
    QCOMPARE(held[0].params, m.params);
    if (expected == "out_of_order") {
        QCOMPARE(m.params.at("segment"), std::string("OBX"));
    } else {
        QCOMPARE(m.params.at("family_name"), family.toStdString());
        QCOMPARE(m.params.at("birth_date").substr(0, 4), dob.toStdString().substr(0, 4));
    }
    if (expected == "patient_mismatch")
        QCOMPARE(m.params.at("mrn"), mrn);
}

void tst_LabImport::panelFieldsMapped()
{
    const core::Patient& g = m_patients["garcia"];
    must(core::LabImport(*m_doctor).importFile(cmp("C1", pid(g.mrn, "García", "Lucía", "19800214")), "cmp.hl7"),
         "import");
    auto labs = must(core::ClinicalListStore(*m_doctor).labResults(g.id), "labs");
    QCOMPARE(labs.size(), std::size_t(3));
    std::map<std::string, core::LabResult> byCode;
    for (const auto& l : labs)
        byCode[l.loincCode.value_or("")] = l;
    const core::LabResult& glucose = byCode.at("2345-7");
    QCOMPARE(glucose.name, std::string("Glucose"));
    QCOMPARE(glucose.value, std::string("182"));
    QCOMPARE(glucose.unit, std::optional<std::string>("mg/dL"));
    QCOMPARE(glucose.referenceRange, std::optional<std::string>("70-99"));
    QCOMPARE(glucose.abnormalFlag, std::optional<std::string>("H"));
    QCOMPARE(glucose.resultStatus, std::string("final"));
    QCOMPARE(glucose.source, std::optional<std::string>("ACMELAB"));
    QCOMPARE(glucose.accession, std::optional<std::string>("LABC1"));
    QCOMPARE(glucose.messageId, std::optional<std::string>("C1"));
    QCOMPARE(glucose.note, std::optional<std::string>("Fasting specimen\nRepeat advised"));
    // OBR-7 without an offset is the clinic's wall-clock time: 07:45 in Chicago in November is 13:45 UTC.
    QCOMPARE(glucose.collectedAtMs, std::int64_t(1'763'732'700'000));
    // OBX-14 wins over OBR-7, its offset kept: 08:00 at -06:00 is 14:00 UTC.
    QCOMPARE(byCode.at("2951-2").collectedAtMs, std::int64_t(1'763'733'600'000));
    QCOMPARE(byCode.at("2951-2").resultStatus, std::string("corrected"));
    QCOMPARE(byCode.at("1920-8").value, std::string("<10"));
    QCOMPARE(byCode.at("1920-8").resultStatus, std::string("preliminary"));

    const core::Patient& o = m_patients["okoro"];
    must(core::LabImport(*m_doctor).importFile(cbc("B1", pid(o.mrn, "Okoro", "Ada", "19750601")), "cbc.hl7"), "import");
    auto cbcLabs = must(core::ClinicalListStore(*m_doctor).labResults(o.id), "labs");
    QCOMPARE(cbcLabs.size(), std::size_t(3));
    for (const auto& l : cbcLabs)
        if (l.name == "Hematocrit") {
            QVERIFY(!l.loincCode); // a local code is not LOINC
            QCOMPARE(l.resultStatus, std::string("cancelled"));
            QCOMPARE(l.accession, std::optional<std::string>("ORD2")); // the placer's number without a filler's
        }
}

void tst_LabImport::badMessageInTheMiddle()
{
    const core::Patient& g = m_patients["garcia"];
    const core::Patient& o = m_patients["okoro"];
    const std::string text = cmp("F1", pid(g.mrn, "García", "Lucía", "19800214")) +
                             malformed("F2", pid(o.mrn, "Okoro", "Ada", "19750601")) +
                             cbc("F3", pid(o.mrn, "Okoro", "Ada", "19750601"));
    const auto report = must(core::LabImport(*m_doctor).importFile(text, "three.hl7"), "import");
    QCOMPARE(report.messages.size(), std::size_t(3));
    QCOMPARE(report.messages[0].kind, Kind::Imported);
    QCOMPARE(report.messages[1].kind, Kind::Held);
    QCOMPARE(report.messages[1].controlId, std::string("F2"));
    QCOMPARE(report.messages[2].kind, Kind::Imported);
    QCOMPARE(report.messages[2].patientId, o.id);
    QCOMPARE(report.count(Kind::Imported), 2);
    QVERIFY(report.messages[1].line > report.messages[0].line);
    QCOMPARE(count("lab_result"), std::int64_t(6));
    auto okoroLabs = must(core::ClinicalListStore(*m_doctor).labResults(o.id), "labs");
    QCOMPARE(okoroLabs.size(), std::size_t(3)); // only F3's
}

void tst_LabImport::secondImportWritesNothing()
{
    const core::Patient& g = m_patients["garcia"];
    const std::string text =
        cmp("D1", pid(g.mrn, "García", "Lucía", "19800214")) + cmp("D2", pid("", "Smith", "Jane", "19900101"));
    core::LabImport import(*m_doctor);
    auto first = must(import.importFile(text, "d.hl7"), "first");
    QCOMPARE(first.count(Kind::Imported), 1);
    QCOMPARE(first.count(Kind::Held), 1);
    auto outbox = count("change_outbox");
    auto audit = count("audit_event");
    auto second = must(import.importFile(text, "d.hl7"), "second");
    QCOMPARE(second.count(Kind::Duplicate), 2);
    QCOMPARE(second.messages[1].heldId, first.messages[1].heldId);
    QCOMPARE(count("lab_result"), std::int64_t(3));
    QCOMPARE(count("lab_import_held"), std::int64_t(1));
    QCOMPARE(count("change_outbox"), outbox);
    QCOMPARE(count("audit_event"), audit);
}

void tst_LabImport::releaseFilesAHeldMessage()
{
    core::LabImport import(*m_doctor);
    auto report = must(import.importFile(cbc("R1", pid("", "Berg", "Anna", "20010909")), "r.hl7"), "import");
    QCOMPARE(report.messages[0].reason, std::string("ambiguous_patient"));
    const std::string heldId = report.messages[0].heldId;
    const core::Patient& twin = m_patients["twin2"];
    auto released = must(import.release(heldId, twin.id), "release");
    QCOMPARE(released.kind, Kind::Imported);
    QCOMPARE(released.results, 3);
    QCOMPARE(must(core::ClinicalListStore(*m_doctor).labResults(twin.id), "labs").size(), std::size_t(3));
    QVERIFY(must(import.held(), "held").empty());
    // Released once only; the same file again is a duplicate.
    QCOMPARE(test::failureOf(import.release(heldId, twin.id)).rule(), core::Rule::StatusTransition);
    QCOMPARE(must(import.importFile(cbc("R1", pid("", "Berg", "Anna", "20010909")), "r.hl7"), "again").messages[0].kind,
             Kind::Duplicate);

    // A message that does not read cannot be filed under anyone.
    auto bad = must(import.importFile(malformed("R2", pid("", "Berg", "Anna", "20010909")), "bad.hl7"), "bad");
    QCOMPARE(test::failureOf(import.release(bad.messages[0].heldId, twin.id)).field, std::string("message"));
    QCOMPARE(must(import.held(), "held").size(), std::size_t(1));
}

void tst_LabImport::discardAndPermissions()
{
    core::LabImport import(*m_doctor);
    auto report = must(import.importFile(cmp("X1", pid("", "Smith", "Jane", "19900101")), "x.hl7"), "import");
    QVERIFY(import.discardHeld(report.messages[0].heldId));
    QVERIFY(must(import.held(), "held").empty());
    QCOMPARE(count("lab_import_held"), std::int64_t(1)); // kept, as discarded

    auto desk = m_clinic->addAndLogin("desk", core::Role::FrontDesk);
    const core::Patient& g = m_patients["garcia"];
    const std::string text = cmp("P1", pid(g.mrn, "García", "Lucía", "19800214"));
    QCOMPARE(test::failureOf(core::LabImport(*desk).importFile(text)).code, core::ErrorCode::PermissionDenied);
    QCOMPARE(test::failureOf(core::LabImport(*desk).held()).code, core::ErrorCode::PermissionDenied);
    QCOMPARE(test::failureOf(core::LabImport(m_clinic->admin()).importFile(text)).code,
             core::ErrorCode::PermissionDenied);
}

QTEST_GUILESS_MAIN(tst_LabImport)
#include "tst_labimport.moc"
