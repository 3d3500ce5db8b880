// HL7 v2 ORU^R01 lab results: the generic reader (separators, escapes, MSH numbering), timestamps, realistic
// messages (CMP, CBC, lipids, notes, a batch) and every problem a message can have, each reported for that
// message alone. The sample messages are our own.
#include "core/hl7/OruMessage.h"

#include <QTest>
#include <map>

using namespace practica::core;

class tst_Hl7Oru : public QObject
{
    Q_OBJECT

private slots:
    void segmentFields();
    void escapes_data();
    void escapes();
    void otherSeparators();
    void headerSeparators_data();
    void headerSeparators();
    void timestamps_data();
    void timestamps();
    void badTimestamps_data();
    void badTimestamps();
    void cmpPanel_data();
    void cmpPanel();
    void cbcVersion23();
    void lipidPanelFlags();
    void notesAndEscapes();
    void structuredNumbers_data();
    void structuredNumbers();
    void batchWithBadMessageInTheMiddle();
    void problems_data();
    void problems();
    void strayLinesBeforeHeader();
};

namespace {

// A segment from its fields by HL7 number, so a test never miscounts separators. MSH takes MSH-2 from fields[2].
std::string seg(const std::string& name, std::map<int, std::string> fields, char sep = '|')
{
    std::string s = name;
    int from = 1;
    if (name == "MSH") {
        s += sep;
        s += fields[2];
        from = 3;
    }
    const int last = fields.empty() ? 0 : fields.rbegin()->first;
    for (int i = from; i <= last; ++i) {
        s += sep;
        if (auto it = fields.find(i); it != fields.end())
            s += it->second;
    }
    return s;
}

std::string join(const std::vector<std::string>& segments, const std::string& eol = "\r")
{
    std::string text;
    for (const std::string& s : segments)
        text += s + eol;
    return text;
}

std::string msh(const std::string& controlId, const std::string& type = "ORU^R01^ORU_R01",
                const std::string& version = "2.5.1")
{
    return seg("MSH", {{2, "^~\\&"},
                       {3, "LABSYS"},
                       {4, "ACMELAB"},
                       {5, "PRACTICA"},
                       {6, "MAINCLINIC"},
                       {7, "20251121083015-0500"},
                       {9, type},
                       {10, controlId},
                       {11, "P"},
                       {12, version}});
}

std::string pid()
{
    return seg("PID", {{1, "1"},
                       {3, "123456^^^MAINCLINIC^MR~998877^^^ACMELAB&2.16.840.1.113883.3.999&ISO^PI"},
                       {5, "Nguyen^Minh^Quang"},
                       {7, "19791231"},
                       {8, "M"}});
}

std::string obr(const std::string& code, const std::string& name, const std::string& when = "202511210745-0500")
{
    return seg("OBR", {{1, "1"},
                       {2, "ORD1001^PRACTICA"},
                       {3, "LAB5001^ACMELAB"},
                       {4, code + "^" + name + "^LN"},
                       {7, when},
                       {22, "20251121083000-0500"},
                       {25, "F"}});
}

std::string obx(int setId, const std::string& type, const std::string& code, const std::string& name,
                const std::string& value, const std::string& unit, const std::string& range, const std::string& flag,
                const std::string& status = "F", const std::string& when = {})
{
    std::map<int, std::string> f{{1, std::to_string(setId)},
                                 {2, type},
                                 {3, code + "^" + name + "^LN"},
                                 {5, value},
                                 {6, unit},
                                 {7, range},
                                 {8, flag},
                                 {11, status}};
    if (!when.empty())
        f[14] = when;
    return seg("OBX", f);
}

std::string cmpMessage(const std::string& eol = "\r")
{
    return join({msh("MSG00001"), pid(), obr("24323-8", "Comprehensive metabolic panel"),
                 obx(1, "NM", "2345-7", "Glucose", "98", "mg/dL^^UCUM", "70-99", "N", "F", "202511210740-0500"),
                 obx(2, "NM", "3094-0", "BUN", "18", "mg/dL", "7-20", "N"),
                 obx(3, "NM", "2160-0", "Creatinine", "1.02", "mg/dL", "0.74-1.35", "N"),
                 obx(4, "NM", "2951-2", "Sodium", "139", "mmol/L", "136-145", ""),
                 obx(5, "NM", "2823-3", "Potassium", "5.6", "mmol/L", "3.5-5.1", "H"),
                 obx(6, "NM", "2075-0", "Chloride", "101", "mmol/L", "98-107", "N"),
                 obx(7, "NM", "2028-9", "CO2", "+24", "mmol/L", "22-29", "N"),
                 obx(8, "NM", "17861-6", "Calcium", "9.4", "mg/dL", "8.6-10.3", "N"),
                 obx(9, "NM", "2885-2", "Protein", "7.1", "g/dL", "6.0-8.3", "N"),
                 obx(10, "NM", "1751-7", "Albumin", "4.3", "g/dL", "3.5-5.2", "N"),
                 obx(11, "NM", "1975-2", "Bilirubin", "0.6", "mg/dL", "0.1-1.2", "N"),
                 obx(12, "NM", "6768-6", "ALP", "88", "U/L", "44-147", "N"),
                 obx(13, "NM", "1742-6", "ALT", "61", "U/L", "7-56", "H", "C"),
                 obx(14, "NM", "1920-8", "AST", "35", "U/L", "10-40", "N")},
                eol);
}

} // namespace

void tst_Hl7Oru::segmentFields()
{
    const auto message = Hl7Message::parse(cmpMessage());
    QVERIFY(message);
    const Hl7Segment& header = message->segments().front();
    // MSH-1 is the field separator itself; every later number is one higher than a naive split would say.
    QCOMPARE(header.field(1), std::string("|"));
    QCOMPARE(header.field(2), std::string("^~\\&"));
    QCOMPARE(header.field(3), std::string("LABSYS"));
    QCOMPARE(header.field(9), std::string("ORU^R01^ORU_R01"));
    QCOMPARE(header.component(9, 2), std::string("R01"));
    QCOMPARE(header.field(10), std::string("MSG00001"));
    QCOMPARE(header.field(12), std::string("2.5.1"));
    QCOMPARE(header.fieldCount(), std::size_t(12));
    const Hl7Segment* patient = message->first("PID");
    QVERIFY(patient);
    QCOMPARE(patient->repetitionCount(3), std::size_t(2));
    QCOMPARE(patient->component(3, 5, 1), std::string("PI"));
    QCOMPARE(patient->subcomponent(3, 4, 2, 1), std::string("2.16.840.1.113883.3.999"));
    QCOMPARE(patient->field(99), std::string());
    QCOMPARE(patient->component(5, 7), std::string());
    QCOMPARE(message->segments().size(), std::size_t(17));
    QCOMPARE(message->segments()[3].line(), 4);
}

void tst_Hl7Oru::escapes_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("decoded");
    QTest::newRow("none") << "plain text"
                          << "plain text";
    QTest::newRow("field") << "a\\F\\b"
                           << "a|b";
    QTest::newRow("component") << "a\\S\\b"
                               << "a^b";
    QTest::newRow("subcomponent") << "a\\T\\b"
                                  << "a&b";
    QTest::newRow("repetition") << "a\\R\\b"
                                << "a~b";
    QTest::newRow("escape") << "C:\\E\\temp"
                            << "C:\\temp";
    QTest::newRow("line break") << "line one\\.br\\line two"
                                << "line one\nline two";
    QTest::newRow("unknown kept") << "\\H\\bold\\N\\"
                                  << "\\H\\bold\\N\\";
    QTest::newRow("hex kept") << "\\X0D\\"
                              << "\\X0D\\";
    QTest::newRow("left open") << "50\\% off"
                               << "50\\% off";
    QTest::newRow("several") << "\\F\\\\S\\\\T\\"
                             << "|^&";
}

void tst_Hl7Oru::escapes()
{
    QFETCH(QString, raw);
    QFETCH(QString, decoded);
    QCOMPARE(QString::fromStdString(Hl7Separators{}.decode(raw.toStdString())), decoded);
}

void tst_Hl7Oru::otherSeparators()
{
    // Field #, component $, repetition *, escape @, subcomponent %.
    const std::string text = join({"MSH#$*@%#LABSYS#ACMELAB#PRACTICA#MAINCLINIC#20251121083015##ORU$R01#MSG7#P#2.4",
                                   "PID#1##A100$$$MAIN$MR*B200$$$ACME$PI##O@S@Brien$Siobhan##19840307#F",
                                   "OBR#1#P1#F1#2093-3$Cholesterol, total$LN###20251121",
                                   "OBX#1#NM#2093-3$Cholesterol$LN##212#mg/dL#<200#H###F",
                                   "OBX#2#ST#8251-1$Comment$LN##fasting @F@ 12h, see @T@ and @R@ note###N###F"},
                                  "\n");
    const auto outcomes = parseOruFile(text);
    QCOMPARE(outcomes.size(), std::size_t(1));
    QVERIFY2(outcomes[0], outcomes[0] ? "" : oruProblemName(outcomes[0].error().problem).data());
    const OruResult& r = *outcomes[0];
    QCOMPARE(r.version, std::string("2.4"));
    QCOMPARE(r.patient.identifiers.size(), std::size_t(2));
    QCOMPARE(r.patient.identifiers[1].assigningAuthority, std::string("ACME"));
    QCOMPARE(r.patient.familyName, std::string("O$Brien")); // \S\ is this message's component separator
    QCOMPARE(r.patient.givenName, std::string("Siobhan"));
    QCOMPARE(r.patient.birthDate, std::string("1984-03-07"));
    const auto& obs = r.orders.at(0).observations;
    QCOMPARE(obs.size(), std::size_t(2));
    QCOMPARE(obs[0].value, std::string("212"));
    QCOMPARE(obs[0].referenceRange, std::string("<200"));
    QCOMPARE(obs[1].value, std::string("fasting # 12h, see % and * note"));
    QCOMPARE(r.orders[0].service.text, std::string("Cholesterol, total"));
}

void tst_Hl7Oru::headerSeparators_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<bool>("valid");
    QTest::newRow("standard") << "MSH|^~\\&|A" << true;
    QTest::newRow("with truncation character") << "MSH|^~\\&#|A" << true;
    QTest::newRow("only three") << "MSH|^~\\|A" << false;
    QTest::newRow("repeated") << "MSH|^^\\&|A" << false;
    QTest::newRow("letter") << "MSH|^~\\A|A" << false;
    QTest::newRow("field separator reused") << "MSH|^~|&|A" << false;
    QTest::newRow("not MSH") << "PID|^~\\&|A" << false;
    QTest::newRow("too short") << "MSH|^~" << false;
}

void tst_Hl7Oru::headerSeparators()
{
    QFETCH(QString, line);
    QFETCH(bool, valid);
    QCOMPARE(Hl7Separators::fromHeader(line.toStdString()).has_value(), valid);
}

void tst_Hl7Oru::timestamps_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("epochMs");
    QTest::addColumn<int>("precision");
    QTest::addColumn<bool>("hasOffset");
    QTest::addColumn<QString>("isoDate");
    using P = Hl7Timestamp::Precision;
    // 2025-11-21T00:00:00Z is 1763683200000.
    const qint64 day = 1763683200000;
    QTest::newRow("year") << "2025" << qint64(1735689600000) << int(P::Year) << false << "2025";
    QTest::newRow("month") << "202511" << qint64(1761955200000) << int(P::Month) << false << "2025-11";
    QTest::newRow("day") << "20251121" << day << int(P::Day) << false << "2025-11-21";
    QTest::newRow("hour") << "2025112108" << day + 8 * 3600000 << int(P::Hour) << false << "2025-11-21";
    QTest::newRow("minute") << "202511210830" << day + 8 * 3600000 + 30 * 60000 << int(P::Minute) << false
                            << "2025-11-21";
    QTest::newRow("second") << "20251121083015" << day + 8 * 3600000 + 30 * 60000 + 15000 << int(P::Second) << false
                            << "2025-11-21";
    QTest::newRow("fraction") << "20251121083015.1234" << day + 8 * 3600000 + 30 * 60000 + 15123
                              << int(P::FractionOfSecond) << false << "2025-11-21";
    QTest::newRow("offset west") << "20251121083015-0500" << day + 13 * 3600000 + 30 * 60000 + 15000 << int(P::Second)
                                 << true << "2025-11-21";
    QTest::newRow("offset east crossing midnight")
        << "202511210030+0530" << day - 5 * 3600000 << int(P::Minute) << true << "2025-11-21";
    QTest::newRow("leap day") << "20240229" << qint64(1709164800000) << int(P::Day) << false << "2024-02-29";
    QTest::newRow("before 1970") << "19691231" << qint64(-86400000) << int(P::Day) << false << "1969-12-31";
}

void tst_Hl7Oru::timestamps()
{
    QFETCH(QString, text);
    QFETCH(qint64, epochMs);
    QFETCH(int, precision);
    QFETCH(bool, hasOffset);
    QFETCH(QString, isoDate);
    const auto t = parseHl7Timestamp(text.toStdString());
    QVERIFY(t);
    QCOMPARE(qint64(t->epochMs), epochMs);
    QCOMPARE(int(t->precision), precision);
    QCOMPARE(t->hasOffset, hasOffset);
    QCOMPARE(QString::fromStdString(t->isoDate()), isoDate);
}

void tst_Hl7Oru::badTimestamps_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << "";
    QTest::newRow("not a leap year") << "20230229";
    QTest::newRow("month 13") << "20251321";
    QTest::newRow("odd length") << "2025112";
    QTest::newRow("hour 25") << "2025112125";
    QTest::newRow("minute 60") << "202511210860";
    QTest::newRow("ISO dashes") << "2025-11-21";
    QTest::newRow("five fraction digits") << "20251121083015.12345";
    QTest::newRow("fraction without seconds") << "202511210830.5";
    QTest::newRow("short offset") << "202511210830+05";
    QTest::newRow("offset minutes 75") << "202511210830+0575";
    QTest::newRow("letters") << "yesterday";
}

void tst_Hl7Oru::badTimestamps()
{
    QFETCH(QString, text);
    QVERIFY(!parseHl7Timestamp(text.toStdString()));
}

void tst_Hl7Oru::cmpPanel_data()
{
    QTest::addColumn<QString>("eol");
    QTest::newRow("CR (the standard)") << "\r";
    QTest::newRow("LF") << "\n";
    QTest::newRow("CRLF") << "\r\n";
}

void tst_Hl7Oru::cmpPanel()
{
    QFETCH(QString, eol);
    const auto outcomes = parseOruFile(cmpMessage(eol.toStdString()));
    QCOMPARE(outcomes.size(), std::size_t(1));
    QVERIFY(outcomes[0]);
    const OruResult& r = *outcomes[0];
    QCOMPARE(r.controlId, std::string("MSG00001"));
    QCOMPARE(r.sendingApplication, std::string("LABSYS"));
    QCOMPARE(r.sendingFacility, std::string("ACMELAB"));
    QCOMPARE(r.version, std::string("2.5.1"));
    QCOMPARE(r.firstLine, 1);
    QVERIFY(r.sentAt && r.sentAt->hasOffset);
    QCOMPARE(qint64(r.sentAt->epochMs), qint64(1763731815000)); // 2025-11-21T13:30:15Z
    QCOMPARE(r.patient.identifiers.size(), std::size_t(2));
    QCOMPARE(r.patient.identifiers[0].id, std::string("123456"));
    QCOMPARE(r.patient.identifiers[0].assigningAuthority, std::string("MAINCLINIC"));
    QCOMPARE(r.patient.identifiers[0].typeCode, std::string("MR"));
    QCOMPARE(r.patient.identifiers[1].assigningAuthority, std::string("ACMELAB"));
    QCOMPARE(r.patient.familyName, std::string("Nguyen"));
    QCOMPARE(r.patient.givenName, std::string("Minh"));
    QCOMPARE(r.patient.birthDate, std::string("1979-12-31"));
    QCOMPARE(r.patient.sex, std::string("M"));
    QCOMPARE(r.orders.size(), std::size_t(1));
    const OruOrder& o = r.orders[0];
    QCOMPARE(o.placerOrderNumber, std::string("ORD1001"));
    QCOMPARE(o.fillerOrderNumber, std::string("LAB5001"));
    QCOMPARE(o.service.code, std::string("24323-8"));
    QCOMPARE(o.service.system, std::string("LN"));
    QCOMPARE(o.resultStatus, std::string("F"));
    QCOMPARE(o.line, 3);
    QCOMPARE(o.observations.size(), std::size_t(14));
    const OruObservation& glucose = o.observations[0];
    QCOMPARE(glucose.setId, 1);
    QCOMPARE(glucose.valueType, std::string("NM"));
    QCOMPARE(glucose.identifier.code, std::string("2345-7"));
    QCOMPARE(glucose.identifier.system, std::string("LN"));
    QCOMPARE(glucose.value, std::string("98"));
    QCOMPARE(glucose.units, std::string("mg/dL"));
    QCOMPARE(glucose.referenceRange, std::string("70-99"));
    QCOMPARE(glucose.abnormalFlags, std::vector<std::string>{"N"});
    // OBX-14 when given, else the order's OBR-7.
    QCOMPARE(glucose.observedAt->text, std::string("202511210740-0500"));
    QCOMPARE(o.observations[1].observedAt->text, std::string("202511210745-0500"));
    QCOMPARE(o.observations[3].abnormalFlags.size(), std::size_t(0));
    QCOMPARE(o.observations[4].abnormalFlags, std::vector<std::string>{"H"});
    QCOMPARE(o.observations[4].value, std::string("5.6"));
    QCOMPARE(o.observations[6].value, std::string("24")); // "+24"
    QCOMPARE(o.observations[12].resultStatus, std::string("C"));
    QCOMPARE(o.observations[12].line, 16);
}

void tst_Hl7Oru::cbcVersion23()
{
    const std::string text = join({msh("CBC-77", "ORU^R01", "2.3"), pid(), obr("58410-2", "CBC panel"),
                                   obx(1, "NM", "6690-2", "WBC", "3.1", "10*3/uL", "4.0-11.0", "L"),
                                   obx(2, "NM", "789-8", "RBC", "4.10", "10*6/uL", "4.20-5.80", "L"),
                                   obx(3, "NM", "718-7", "Hemoglobin", "10.9", "g/dL", "13.0-17.0", "L"),
                                   obx(4, "NM", "4544-3", "Hematocrit", "33.0", "%", "39-50", "L"),
                                   obx(5, "NM", "787-2", "MCV", "80.5", "fL", "80-100", "N"),
                                   obx(6, "NM", "777-3", "Platelets", "455", "10*3/uL", "150-400", "H"),
                                   obx(7, "NM", "770-8", "Neutrophils %", "38.2", "%", "40-75", "L"),
                                   obx(8, "NM", "736-9", "Lymphocytes %", "49.0", "%", "20-45", "H"),
                                   obx(9, "NM", "751-8", "Neutrophils #", "1.18", "10*3/uL", "1.8-7.7", "LL")});
    const auto outcomes = parseOruFile(text);
    QVERIFY(outcomes.at(0));
    const OruResult& r = *outcomes[0];
    QCOMPARE(r.version, std::string("2.3"));
    const auto& obs = r.orders.at(0).observations;
    QCOMPARE(obs.size(), std::size_t(9));
    QCOMPARE(obs[0].abnormalFlags, std::vector<std::string>{"L"});
    QCOMPARE(obs[5].abnormalFlags, std::vector<std::string>{"H"});
    QCOMPARE(obs[8].abnormalFlags, std::vector<std::string>{"LL"});
    QCOMPARE(obs[1].value, std::string("4.10")); // trailing zeros kept: they say how precise the lab was
}

void tst_Hl7Oru::lipidPanelFlags()
{
    const std::string text = join({msh("LIP-1"), pid(), obr("24331-1", "Lipid panel", "20251120"),
                                   obx(1, "NM", "2093-3", "Cholesterol", "246", "mg/dL", "<200", "H"),
                                   obx(2, "NM", "2571-8", "Triglycerides", "312", "mg/dL", "<150", "HH~A"),
                                   obx(3, "NM", "2085-9", "HDL", "34", "mg/dL", ">39", "L"),
                                   obx(4, "NM", "13457-7", "LDL calc", "150", "mg/dL", "<100", "H"),
                                   obx(5, "NM", "9830-1", "Chol/HDL", "7.2", "{ratio}", "<5.0", "H")},
                                  "\n");
    const auto outcomes = parseOruFile(text);
    QVERIFY(outcomes.at(0));
    const auto& obs = outcomes[0]->orders.at(0).observations;
    QCOMPARE(obs[1].abnormalFlags, (std::vector<std::string>{"HH", "A"}));
    QCOMPARE(obs[2].abnormalFlags, std::vector<std::string>{"L"});
    QCOMPARE(obs[2].referenceRange, std::string(">39"));
    // OBR-7 has day precision and no offset: the importer applies the clinic's zone.
    QVERIFY(obs[0].observedAt && !obs[0].observedAt->hasOffset);
    QCOMPARE(int(obs[0].observedAt->precision), int(Hl7Timestamp::Precision::Day));
}

void tst_Hl7Oru::notesAndEscapes()
{
    const std::string text =
        join({msh("NTE-9"), pid(), seg("NTE", {{1, "1"}, {3, "Patient fasting since 20:00"}}),
              obr("630-4", "Urine culture"), seg("NTE", {{1, "1"}, {2, "L"}, {3, "Specimen received 09:12"}}),
              seg("OBX", {{1, "1"},
                          {2, "TX"},
                          {3, "630-4^Urine culture^LN"},
                          {5, "Result\\F\\A \\S\\ B\\.br\\>100,000 CFU/mL \\T\\ E. coli\\R\\x~second line"},
                          {11, "F"}}),
              seg("NTE", {{1, "1"}, {3, "Susceptibilities to follow~Call 555-0100 with questions"}}),
              seg("NTE", {{1, "2"}, {3, "Unknown escape \\H\\kept\\N\\"}}),
              seg("OBX",
                  {{1, "2"}, {2, "CWE"}, {3, "630-4^Organism^LN"}, {5, "112283007^Escherichia coli^SCT"}, {11, "P"}})});
    const auto outcomes = parseOruFile(text);
    QVERIFY(outcomes.at(0));
    const OruResult& r = *outcomes[0];
    QCOMPARE(r.notes, std::vector<std::string>{"Patient fasting since 20:00"});
    const OruOrder& o = r.orders.at(0);
    QCOMPARE(o.notes, std::vector<std::string>{"Specimen received 09:12"});
    const OruObservation& culture = o.observations.at(0);
    QCOMPARE(culture.value, std::string("Result|A ^ B\n>100,000 CFU/mL & E. coli~x\nsecond line"));
    QCOMPARE(culture.notes.size(), std::size_t(2));
    QCOMPARE(culture.notes[0], std::string("Susceptibilities to follow\nCall 555-0100 with questions"));
    QCOMPARE(culture.notes[1], std::string("Unknown escape \\H\\kept\\N\\"));
    const OruObservation& organism = o.observations.at(1);
    QCOMPARE(organism.value, std::string("112283007"));
    QCOMPARE(organism.coded.text, std::string("Escherichia coli"));
    QCOMPARE(organism.coded.system, std::string("SCT"));
    QCOMPARE(organism.resultStatus, std::string("P"));
    QVERIFY(organism.notes.empty());
}

void tst_Hl7Oru::structuredNumbers_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("comparator");
    QTest::addColumn<QString>("expected"); // empty: a bad field
    QTest::newRow("less than") << "<^5"
                               << "<"
                               << "5";
    QTest::newRow("greater or equal") << ">=^60"
                                      << ">="
                                      << "60";
    QTest::newRow("plain") << "^7.5"
                           << ""
                           << "7.5";
    QTest::newRow("range") << "^10^-^20"
                           << ""
                           << "10-20";
    QTest::newRow("ratio") << "^1^:^128"
                           << ""
                           << "1:128";
    QTest::newRow("bad comparator") << "~~^5"
                                    << ""
                                    << "";
    QTest::newRow("not a number") << "<^five"
                                  << ""
                                  << "";
    QTest::newRow("range missing its end") << "^10^-"
                                           << ""
                                           << "";
}

void tst_Hl7Oru::structuredNumbers()
{
    QFETCH(QString, value);
    QFETCH(QString, comparator);
    QFETCH(QString, expected);
    const std::string text = join({msh("SN-1"), pid(), obr("98979-8", "eGFR"),
                                   seg("OBX", {{1, "1"},
                                               {2, "SN"},
                                               {3, "98979-8^eGFR^LN"},
                                               {5, value.toStdString()},
                                               {6, "mL/min/{1.73_m2}"},
                                               {11, "F"}})});
    const auto outcomes = parseOruFile(text);
    QCOMPARE(outcomes.size(), std::size_t(1));
    if (expected.isEmpty()) {
        QVERIFY(!outcomes[0]);
        QCOMPARE(outcomes[0].error().problem, OruProblem::BadField);
        QCOMPARE(outcomes[0].error().field, 5);
        return;
    }
    QVERIFY(outcomes[0]);
    const OruObservation& o = outcomes[0]->orders.at(0).observations.at(0);
    QCOMPARE(QString::fromStdString(o.comparator), comparator);
    QCOMPARE(QString::fromStdString(o.value), expected);
}

void tst_Hl7Oru::batchWithBadMessageInTheMiddle()
{
    const std::string text = join(
        {"FHS|^~\\&|LABSYS|ACMELAB|||20251121090000", "BHS|^~\\&|LABSYS|ACMELAB|||20251121090000", msh("B-1"), pid(),
         obr("4548-4", "HbA1c"), obx(1, "NM", "4548-4", "HbA1c", "7.9", "%", "<5.7", "H"), msh("B-2"), pid(),
         obr("3016-3", "TSH"), obx(1, "NM", "3016-3", "TSH", "high", "m[IU]/L", "0.4-4.0", "H"), msh("B-3"), pid(),
         obr("2857-1", "PSA"), obx(1, "NM", "2857-1", "PSA", "1.2", "ng/mL", "<4.0", "N"), "BTS|3", "FTS|1"},
        "\r\n");
    const auto outcomes = parseOruFile(text);
    QCOMPARE(outcomes.size(), std::size_t(3));
    QVERIFY(outcomes[0]);
    QCOMPARE(outcomes[0]->controlId, std::string("B-1"));
    QCOMPARE(outcomes[0]->orders.at(0).observations.at(0).value, std::string("7.9"));
    QVERIFY(!outcomes[1]);
    const OruIssue& issue = outcomes[1].error();
    QCOMPARE(issue.problem, OruProblem::BadField);
    QCOMPARE(issue.segment, std::string("OBX"));
    QCOMPARE(issue.segmentIndex, 4);
    QCOMPARE(issue.line, 10);
    QCOMPARE(issue.field, 5);
    QCOMPARE(issue.value, std::string("high"));
    QCOMPARE(issue.controlId, std::string("B-2"));
    QVERIFY(outcomes[2]);
    QCOMPARE(outcomes[2]->controlId, std::string("B-3"));
    QCOMPARE(outcomes[2]->firstLine, 11);
}

void tst_Hl7Oru::problems_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("problem");
    QTest::addColumn<QString>("segment");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("field");
    QTest::addColumn<QString>("value");
    auto text = [](const std::vector<std::string>& segments) { return QString::fromStdString(join(segments)); };
    const std::string p = pid(), o = obr("2345-7", "Glucose");
    const std::string x = obx(1, "NM", "2345-7", "Glucose", "98", "mg/dL", "70-99", "N");
    auto row = [](const char* name) -> QTestData& { return QTest::newRow(name); };

    row("empty file") << "" << int(OruProblem::EmptyFile) << "" << 1 << 0 << "";
    row("blank lines only") << "\r\n  \r\n" << int(OruProblem::EmptyFile) << "" << 1 << 0 << "";
    row("not HL7") << "Patient,Test,Value\nNguyen,Glucose,98\n"
                   << int(OruProblem::NotHl7) << "" << 1 << 0 << "Patient,Test,Value";
    row("header with letters as separators")
        << text({"MSH|AB|LABSYS", p, o, x}) << int(OruProblem::BadHeader) << "MSH" << 1 << 2 << "AB";
    row("header cut off") << "MSH|^~" << int(OruProblem::Truncated) << "MSH" << 1 << 2 << "^~";
    row("header without control id") << text({seg("MSH", {{2, "^~\\&"}, {3, "LABSYS"}, {9, "ORU^R01"}, {12, "2.5.1"}}),
                                              p, o, x})
                                     << int(OruProblem::BadHeader) << "MSH" << 1 << 10 << "";
    row("ADT message") << text({msh("M1", "ADT^A01"), p}) << int(OruProblem::WrongMessageType) << "MSH" << 1 << 9
                       << "ADT^A01";
    row("order message") << text({msh("M1", "ORM^O01"), p, o}) << int(OruProblem::WrongMessageType) << "MSH" << 1 << 9
                         << "ORM^O01";
    row("version 2.6") << text({msh("M1", "ORU^R01", "2.6"), p, o, x}) << int(OruProblem::UnsupportedVersion) << "MSH"
                       << 1 << 12 << "2.6";
    row("version 2.2") << text({msh("M1", "ORU^R01", "2.2"), p, o, x}) << int(OruProblem::UnsupportedVersion) << "MSH"
                       << 1 << 12 << "2.2";
    row("bad message time")
        << text({seg("MSH", {{2, "^~\\&"}, {7, "20251340"}, {9, "ORU^R01"}, {10, "M1"}, {12, "2.5.1"}}), p, o, x})
        << int(OruProblem::BadTimestamp) << "MSH" << 1 << 7 << "20251340";
    row("header only") << text({msh("M1")}) << int(OruProblem::MissingSegment) << "PID" << 1 << 0 << "";
    row("no PID") << text({msh("M1"), o, x}) << int(OruProblem::MissingSegment) << "PID" << 1 << 0 << "";
    row("no OBR") << text({msh("M1"), p}) << int(OruProblem::MissingSegment) << "OBR" << 1 << 0 << "";
    row("OBX before OBR") << text({msh("M1"), p, x, o}) << int(OruProblem::OutOfOrder) << "OBX" << 3 << 0 << "";
    row("no OBX") << text({msh("M1"), p, o}) << int(OruProblem::NoObservations) << "OBX" << 1 << 0 << "";
    row("second patient") << text({msh("M1"), p, o, x, p, o, x}) << int(OruProblem::SeveralPatients) << "PID" << 5 << 0
                          << "";
    row("PID without identifier") << text({msh("M1"), seg("PID", {{1, "1"}, {5, "Nguyen^Minh"}}), o, x})
                                  << int(OruProblem::BadField) << "PID" << 2 << 3 << "";
    row("PID with empty identifiers") << text({msh("M1"), seg("PID", {{3, "^^^MAIN^MR"}, {5, "Nguyen^Minh"}}), o, x})
                                      << int(OruProblem::BadField) << "PID" << 2 << 3 << "^^^MAIN^MR";
    row("bad birth date") << text({msh("M1"), seg("PID", {{3, "1^^^M^MR"}, {5, "A^B"}, {7, "19790231"}}), o, x})
                          << int(OruProblem::BadTimestamp) << "PID" << 2 << 7 << "19790231";
    row("OBR without service") << text({msh("M1"), p, seg("OBR", {{1, "1"}, {2, "ORD1"}}), x})
                               << int(OruProblem::BadField) << "OBR" << 3 << 4 << "";
    row("bad observation time") << text({msh("M1"), p, obr("2345-7", "Glucose", "2025112"), x})
                                << int(OruProblem::BadTimestamp) << "OBR" << 3 << 7 << "2025112";
    row("NM not a number") << text({msh("M1"), p, o, obx(1, "NM", "2345-7", "Glucose", "9 8", "mg/dL", "", "")})
                           << int(OruProblem::BadField) << "OBX" << 4 << 5 << "9 8";
    row("NM two points") << text({msh("M1"), p, o, obx(1, "NM", "2345-7", "Glucose", "1.2.3", "mg/dL", "", "")})
                         << int(OruProblem::BadField) << "OBX" << 4 << 5 << "1.2.3";
    row("NM comparator belongs in SN") << text({msh("M1"), p, o,
                                                obx(1, "NM", "2345-7", "Glucose", "<5", "mg/dL", "", "")})
                                       << int(OruProblem::BadField) << "OBX" << 4 << 5 << "<5";
    row("OBX without status (not last)") << text({msh("M1"), p, o,
                                                  obx(1, "NM", "2345-7", "Glucose", "98", "mg/dL", "", "", ""), x})
                                         << int(OruProblem::BadField) << "OBX" << 4 << 11 << "";
    row("OBX with a value but no type") << text({msh("M1"), p, o, obx(1, "", "2345-7", "Glucose", "98", "", "", ""), x})
                                        << int(OruProblem::BadField) << "OBX" << 4 << 2 << "";
    row("file cut inside the last OBX") << QString::fromStdString(join({msh("M1"), p, o, x}) + "OBX|2|NM|2160-0^Creat")
                                        << int(OruProblem::Truncated) << "OBX" << 5 << 11 << "";
    row("last OBX ended but incomplete") << text({msh("M1"), p, o, x, "OBX|2|NM|2160-0^Creat"})
                                         << int(OruProblem::Truncated) << "OBX" << 5 << 11 << "";
    row("a line that is no segment") << text({msh("M1"), p, "lab comment without a segment name", o, x})
                                     << int(OruProblem::BadSegment) << "" << 3 << 0
                                     << "lab comment without a segment name";
}

void tst_Hl7Oru::problems()
{
    QFETCH(QString, text);
    QFETCH(int, problem);
    QFETCH(QString, segment);
    QFETCH(int, line);
    QFETCH(int, field);
    QFETCH(QString, value);
    const auto outcomes = parseOruFile(text.toStdString());
    QCOMPARE(outcomes.size(), std::size_t(1));
    QVERIFY2(!outcomes[0], "a result was returned");
    const OruIssue& issue = outcomes[0].error();
    QCOMPARE(QString::fromStdString(std::string(oruProblemName(issue.problem))),
             QString::fromStdString(std::string(oruProblemName(static_cast<OruProblem>(problem)))));
    QCOMPARE(QString::fromStdString(issue.segment), segment);
    QCOMPARE(issue.line, line);
    QCOMPARE(issue.field, field);
    QCOMPARE(QString::fromStdString(issue.value), value);
}

void tst_Hl7Oru::strayLinesBeforeHeader()
{
    const std::string text = join({"garbage before the header", msh("S-1"), pid(), obr("2345-7", "Glucose"),
                                   obx(1, "NM", "2345-7", "Glucose", "98", "mg/dL", "70-99", "N")});
    const auto outcomes = parseOruFile(text);
    QCOMPARE(outcomes.size(), std::size_t(2));
    QVERIFY(!outcomes[0]);
    QCOMPARE(outcomes[0].error().problem, OruProblem::MissingSegment);
    QCOMPARE(outcomes[0].error().segment, std::string("MSH"));
    QVERIFY(outcomes[1]);
    QCOMPARE(outcomes[1]->controlId, std::string("S-1"));
    for (int p = 0; p <= int(OruProblem::NoObservations); ++p)
        QVERIFY(!oruProblemName(static_cast<OruProblem>(p)).empty());
}

QTEST_GUILESS_MAIN(tst_Hl7Oru)
#include "tst_hl7oru.moc"
