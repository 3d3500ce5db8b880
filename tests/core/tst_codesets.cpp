// The reference code sets compiled into core: ICD-10-CM, procedure and modifier shapes, look-ups, search ranking and
// the shipped files' integrity; the CSV reader under them.
#include "core/codes/CodeSets.h"
#include "core/util/Csv.h"

#include <QTest>
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

using namespace practica::core;

namespace {

// The claim code files are sorted by code, as resources/codes/README.md says.
bool sortedByCode(const CodeSet& set)
{
    return std::is_sorted(set.entries().begin(), set.entries().end(),
                          [](const CodeEntry& a, const CodeEntry& b) { return a.code < b.code; });
}

} // namespace

class tst_CodeSets : public QObject
{
    Q_OBJECT

private slots:
    void icd10CmFormat_data();
    void icd10CmFormat();
    void normalisation_data();
    void normalisation();
    void csvQuoting();
    void csvProblems_data();
    void csvProblems();
    void badCodeSetFiles_data();
    void badCodeSetFiles();
    void icd10CmLookup_data();
    void icd10CmLookup();
    void searchRanking_data();
    void searchRanking();
    void searchEdges();
    void shippedIcd10Cm();
    void cvx_data();
    void cvx();
    void loinc_data();
    void loinc();
    void procedureCodeFormat_data();
    void procedureCodeFormat();
    void modifierFormat_data();
    void modifierFormat();
    void procedureLookup_data();
    void procedureLookup();
    void shippedProcedures();
    void shippedModifiersAndPlaces();
    void claimCodeSearch_data();
    void claimCodeSearch();
    void claimCodeUris();
    void everyShippedSetIsWellFormed_data();
    void everyShippedSetIsWellFormed();
};

void tst_CodeSets::icd10CmFormat_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("valid");
    QTest::newRow("category") << "I10" << true;
    QTest::newRow("one decimal") << "E11.9" << true;
    QTest::newRow("two decimals") << "Z00.00" << true;
    QTest::newRow("seven characters") << "S93.401A" << true;
    QTest::newRow("placeholder X") << "T78.40XA" << true;
    QTest::newRow("letter third") << "C4A.9" << true;
    QTest::newRow("U chapter") << "U07.1" << true;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("two characters") << "I1" << false;
    QTest::newRow("lower case") << "e11.9" << false;
    QTest::newRow("lower case suffix") << "s93.401a" << false;
    QTest::newRow("no dot") << "E119" << false;
    QTest::newRow("dot misplaced") << "E1.19" << false;
    QTest::newRow("trailing dot") << "E11." << false;
    QTest::newRow("too long") << "S93.401AA" << false;
    QTest::newRow("digit first") << "011.9" << false;
    QTest::newRow("letter second") << "EE1.9" << false;
    QTest::newRow("space inside") << "E11 .9" << false;
    QTest::newRow("leading space") << " E11.9" << false;
    QTest::newRow("two dots") << "E11.9.1" << false;
    QTest::newRow("symbol") << "E11.9-" << false;
}

void tst_CodeSets::icd10CmFormat()
{
    QFETCH(QString, code);
    QFETCH(bool, valid);
    QCOMPARE(isIcd10CmFormat(code.toStdString()), valid);
}

void tst_CodeSets::normalisation_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected"); // empty: not an ICD-10-CM shape
    QTest::newRow("adds the dot") << "E119"
                                  << "E11.9";
    QTest::newRow("seven characters") << "S93401A"
                                      << "S93.401A";
    QTest::newRow("already dotted") << "E11.9"
                                    << "E11.9";
    QTest::newRow("category") << "I10"
                              << "I10";
    QTest::newRow("lower case and spaces") << "  z0000 "
                                           << "Z00.00";
    QTest::newRow("too long") << "S93401AAA"
                              << "";
    QTest::newRow("not a code") << "diabetes"
                                << "";
    QTest::newRow("empty") << ""
                           << "";
}

void tst_CodeSets::normalisation()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const auto normal = normalizeIcd10Cm(input.toStdString());
    QCOMPARE(normal.has_value(), !expected.isEmpty());
    if (normal)
        QCOMPARE(QString::fromStdString(*normal), expected);
}

void tst_CodeSets::csvQuoting()
{
    const auto rows = parseCsv("code,description\r\n"
                               "A1,\"Sprain, left ankle\"\r\n"
                               "A2,\"He said \"\"ouch\"\"\"\n"
                               "\n"
                               "A3,\"two\nlines\",\n"
                               "A4,,\"\"\n"
                               "A5,last line without its end");
    QVERIFY(rows);
    QCOMPARE(rows->size(), std::size_t(6));
    QCOMPARE((*rows)[1], (CsvRow{"A1", "Sprain, left ankle"}));
    QCOMPARE((*rows)[2], (CsvRow{"A2", "He said \"ouch\""}));
    QCOMPARE((*rows)[3], (CsvRow{"A3", "two\nlines", ""}));
    QCOMPARE((*rows)[4], (CsvRow{"A4", "", ""}));
    QCOMPARE((*rows)[5], (CsvRow{"A5", "last line without its end"}));
}

void tst_CodeSets::csvProblems_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("line");
    QTest::newRow("quote left open") << "a,b\nc,\"open\nd,e\n"
                                     << "2";
    QTest::newRow("text after a closing quote") << "a,b\nc,d\ne,\"x\"y\n"
                                                << "3";
}

void tst_CodeSets::csvProblems()
{
    QFETCH(QString, text);
    QFETCH(QString, line);
    const auto rows = parseCsv(text.toStdString());
    QVERIFY(!rows);
    QCOMPARE(rows.error().code, ErrorCode::Validation);
    QCOMPARE(rows.error().rule(), std::optional(Rule::Format));
    QCOMPARE(QString::fromStdString(rows.error().param("line")), line);
}

void tst_CodeSets::badCodeSetFiles_data()
{
    QTest::addColumn<int>("system");
    QTest::addColumn<QString>("csv");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("row");
    const int icd = static_cast<int>(CodeSystem::Icd10Cm);
    QTest::newRow("wrong header") << icd << "code,description\nI10,x\n"
                                  << "header"
                                  << "1";
    QTest::newRow("missing column") << icd << "code,billable,description\nI10,1\n"
                                    << "row"
                                    << "2";
    QTest::newRow("bad code") << icd << "code,billable,description\nI10,1,x\ni11,1,y\n"
                              << "code"
                              << "3";
    QTest::newRow("bad flag") << icd << "code,billable,description\nI10,yes,x\n"
                              << "billable"
                              << "2";
    QTest::newRow("empty description") << icd << "code,billable,description\nI10,1,\n"
                                       << "description"
                                       << "2";
    QTest::newRow("duplicate") << icd << "code,billable,description\nI10,1,x\nI10,1,x\n"
                               << "code"
                               << "3";
    QTest::newRow("cvx status") << static_cast<int>(CodeSystem::Cvx) << "code,description,status\n03,MMR,retired\n"
                                << "status"
                                << "2";
    QTest::newRow("loinc kind") << static_cast<int>(CodeSystem::Loinc)
                                << "code,kind,description,unit\n8480-6,vitals,Systolic,mm[Hg]\n"
                                << "kind"
                                << "2";
    const int procedure = static_cast<int>(CodeSystem::Procedure);
    QTest::newRow("procedure kind") << procedure << "code,kind,description\n99213,em,x\n99214,visit,y\n"
                                    << "kind"
                                    << "3";
    QTest::newRow("procedure code") << procedure << "code,kind,description\n9921,em,x\n"
                                    << "code"
                                    << "2";
    QTest::newRow("procedure header") << procedure << "code,description\n99213,x\n"
                                      << "header"
                                      << "1";
    QTest::newRow("procedure empty description") << procedure << "code,kind,description\nJ1100,hcpcs,\n"
                                                 << "description"
                                                 << "2";
    QTest::newRow("procedure duplicate") << procedure << "code,kind,description\nJ1100,hcpcs,x\nJ1100,hcpcs,y\n"
                                         << "code"
                                         << "3";
    QTest::newRow("modifier code") << static_cast<int>(CodeSystem::Modifier) << "code,description\n25,x\n255,y\n"
                                   << "code"
                                   << "3";
    QTest::newRow("place of service code")
        << static_cast<int>(CodeSystem::PlaceOfService) << "code,description\n11,Office\n1,Short\n"
        << "code"
        << "3";
}

void tst_CodeSets::badCodeSetFiles()
{
    QFETCH(int, system);
    QFETCH(QString, csv);
    QFETCH(QString, field);
    QFETCH(QString, row);
    const auto set = CodeSet::fromCsv(static_cast<CodeSystem>(system), csv.toStdString());
    QVERIFY(!set);
    QCOMPARE(set.error().code, ErrorCode::Validation);
    QCOMPARE(QString::fromStdString(set.error().field), field);
    QCOMPARE(QString::fromStdString(set.error().param("row")), row);
}

void tst_CodeSets::icd10CmLookup_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("code"); // empty: not found
    QTest::addColumn<QString>("description");
    QTest::addColumn<bool>("billable");
    QTest::newRow("hypertension") << "I10"
                                  << "I10"
                                  << "Essential hypertension" << true;
    QTest::newRow("diabetes") << "E11.9"
                              << "E11.9"
                              << "Type 2 diabetes without complications" << true;
    QTest::newRow("without the dot") << "E119"
                                     << "E11.9"
                                     << "Type 2 diabetes without complications" << true;
    QTest::newRow("lower case") << "e11.9"
                                << "E11.9"
                                << "Type 2 diabetes without complications" << true;
    QTest::newRow("URI") << "J06.9"
                         << "J06.9"
                         << "Upper respiratory infection (URI), acute, not specified" << true;
    QTest::newRow("adult exam") << "Z00.00"
                                << "Z00.00"
                                << "Adult general medical exam without abnormal findings" << true;
    QTest::newRow("low back pain") << "M54.50"
                                   << "M54.50"
                                   << "Low back pain, not specified" << true;
    QTest::newRow("COVID-19") << "U07.1"
                              << "U07.1"
                              << "COVID-19" << true;
    QTest::newRow("ankle sprain") << "S93.401A"
                                  << "S93.401A"
                                  << "Sprain of right ankle, ligament not specified, initial visit" << true;
    QTest::newRow("heading") << "E11"
                             << "E11"
                             << "Type 2 diabetes" << false;
    QTest::newRow("retired code") << "M54.5"
                                  << "M54.5"
                                  << "Low back pain" << false;
    QTest::newRow("subsequent encounter not shipped") << "S93.401D"
                                                      << ""
                                                      << "" << false;
    QTest::newRow("nonsense") << "QQQ"
                              << ""
                              << "" << false;
}

void tst_CodeSets::icd10CmLookup()
{
    QFETCH(QString, query);
    QFETCH(QString, code);
    QFETCH(QString, description);
    QFETCH(bool, billable);
    const auto entry = CodeSet::builtin(CodeSystem::Icd10Cm).find(query.toStdString());
    QCOMPARE(entry.has_value(), !code.isEmpty());
    if (!entry)
        return;
    QCOMPARE(QString::fromStdString(entry->code), code);
    QCOMPARE(QString::fromStdString(entry->description), description);
    QCOMPARE(entry->billable, billable);
}

void tst_CodeSets::searchRanking_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("expected"); // a code the results must hold
    QTest::addColumn<int>("position");     // where it must be; -1: anywhere in the first 50
    QTest::newRow("code prefix") << "e11"
                                 << "E11" << 0;
    QTest::newRow("exact code first") << "E11.9"
                                      << "E11.9" << 0;
    QTest::newRow("exact code without the dot") << "E119"
                                                << "E11.9" << 0;
    QTest::newRow("exact before its children") << "I10"
                                               << "I10" << 0;
    QTest::newRow("word prefix") << "diab"
                                 << "E11.9" << -1;
    QTest::newRow("several words") << "typ 2 diab without"
                                   << "E11.9" << -1;
    QTest::newRow("words in any order") << "hypertension essential"
                                        << "I10" << 0;
    QTest::newRow("upper case words") << "LOW BACK PAIN"
                                      << "M54.50" << -1;
    QTest::newRow("adult exam") << "adult exam without abnormal"
                                << "Z00.00" << 0;
    QTest::newRow("ankle sprain") << "sprain right ankle"
                                  << "S93.401A" << -1;
}

void tst_CodeSets::searchRanking()
{
    QFETCH(QString, query);
    QFETCH(QString, expected);
    QFETCH(int, position);
    const auto hits = CodeSet::builtin(CodeSystem::Icd10Cm).search(query.toStdString(), 50);
    QVERIFY(!hits.empty());
    int found = -1;
    for (std::size_t i = 0; i < hits.size() && found < 0; ++i)
        if (hits[i].code == expected.toStdString())
            found = static_cast<int>(i);
    QVERIFY2(found >= 0, qPrintable(expected + " not among the hits"));
    if (position >= 0)
        QCOMPARE(found, position);
}

void tst_CodeSets::searchEdges()
{
    const CodeSet& icd = CodeSet::builtin(CodeSystem::Icd10Cm);
    QVERIFY(icd.search("").empty());
    QVERIFY(icd.search("   ").empty());
    QVERIFY(icd.search("diab", 0).empty());
    QVERIFY(icd.search("xyzzyplugh").empty());
    QCOMPARE(icd.search("diab", 5).size(), std::size_t(5));
    // Every word must match: "diabetes" and "fracture" together match nothing in the subset.
    QVERIFY(icd.search("diabetes fracture").empty());
    // Code matches come before description matches, and the description hits prefer billable codes.
    const auto hits = icd.search("E11", 500);
    QCOMPARE(hits.front().code, std::string("E11"));
    for (const CodeEntry& e : hits)
        QVERIFY(e.code.starts_with("E11"));
    const auto words = icd.search("hypertension", 500);
    bool headingSeen = false;
    for (const CodeEntry& e : words) {
        headingSeen = headingSeen || !e.billable;
        QVERIFY2(!(headingSeen && e.billable), "a billable code ranked after a heading");
    }
}

void tst_CodeSets::shippedIcd10Cm()
{
    const CodeSet& icd = CodeSet::builtin(CodeSystem::Icd10Cm);
    QVERIFY2(icd.size() >= 2000, qPrintable(QString::number(icd.size())));
    std::set<std::string> codes;
    std::size_t billable = 0;
    for (const CodeEntry& e : icd.entries()) {
        QVERIFY2(isIcd10CmFormat(e.code), e.code.c_str());
        QVERIFY2(!e.description.empty(), e.code.c_str());
        QVERIFY2(codes.insert(e.code).second, e.code.c_str());
        billable += e.billable;
    }
    QVERIFY(billable >= 2000);
    // A billable code is a leaf: no other shipped code extends it.
    for (auto it = codes.begin(); it != codes.end(); ++it) {
        auto next = std::next(it);
        if (next != codes.end() && next->starts_with(*it))
            QVERIFY2(!icd.find(*it)->billable, it->c_str());
    }
}

void tst_CodeSets::cvx_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("description");
    QTest::addColumn<QString>("status");
    QTest::newRow("MMR") << "03"
                         << "Measles, mumps and rubella (MMR)"
                         << "active";
    QTest::newRow("Tdap") << "115"
                          << "Tdap (adolescent and adult tetanus, diphtheria, acellular pertussis)"
                          << "active";
    QTest::newRow("zoster recombinant") << "187"
                                        << "Zoster (shingles), recombinant adjuvanted (RZV)"
                                        << "active";
    QTest::newRow("original Pfizer COVID-19") << "208"
                                              << "COVID-19 mRNA (Pfizer original), 30 mcg/0.3 mL"
                                              << "inactive";
    QTest::newRow("unspecified formulation") << "88"
                                             << "Influenza, formulation not known"
                                             << "inactive";
}

void tst_CodeSets::cvx()
{
    QFETCH(QString, code);
    QFETCH(QString, description);
    QFETCH(QString, status);
    const auto entry = CodeSet::builtin(CodeSystem::Cvx).find(code.toStdString());
    QVERIFY(entry);
    QCOMPARE(QString::fromStdString(entry->description), description);
    QCOMPARE(QString::fromStdString(entry->status), status);
    QCOMPARE(entry->active, status == "active");
}

void tst_CodeSets::loinc_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("unit");
    // The vital signs carry the UCUM unit FHIR's vital-signs profiles use.
    QTest::newRow("height") << "8302-2"
                            << "vital"
                            << "cm";
    QTest::newRow("weight") << "29463-7"
                            << "vital"
                            << "kg";
    QTest::newRow("BMI") << "39156-5"
                         << "vital"
                         << "kg/m2";
    QTest::newRow("BP panel") << "85354-9"
                              << "vital"
                              << "mm[Hg]";
    QTest::newRow("systolic") << "8480-6"
                              << "vital"
                              << "mm[Hg]";
    QTest::newRow("diastolic") << "8462-4"
                               << "vital"
                               << "mm[Hg]";
    QTest::newRow("heart rate") << "8867-4"
                                << "vital"
                                << "/min";
    QTest::newRow("temperature") << "8310-5"
                                 << "vital"
                                 << "Cel";
    QTest::newRow("respiratory rate") << "9279-1"
                                      << "vital"
                                      << "/min";
    QTest::newRow("SpO2") << "59408-5"
                          << "vital"
                          << "%";
    QTest::newRow("SaO2") << "2708-6"
                          << "vital"
                          << "%";
    QTest::newRow("pain") << "72514-3"
                          << "vital"
                          << "{score}";
    QTest::newRow("head circumference") << "8287-5"
                                        << "vital"
                                        << "cm";
    QTest::newRow("HbA1c") << "4548-4"
                           << "lab"
                           << "%";
    QTest::newRow("TSH") << "3016-3"
                         << "lab"
                         << "m[IU]/L";
    QTest::newRow("INR") << "6301-6"
                         << "lab"
                         << "{INR}";
    QTest::newRow("CMP") << "24323-8"
                         << "panel"
                         << "";
}

void tst_CodeSets::loinc()
{
    QFETCH(QString, code);
    QFETCH(QString, kind);
    QFETCH(QString, unit);
    const auto entry = CodeSet::builtin(CodeSystem::Loinc).find(code.toStdString());
    QVERIFY(entry);
    QCOMPARE(QString::fromStdString(entry->kind), kind);
    QCOMPARE(QString::fromStdString(entry->unit), unit);
    QVERIFY(!entry->description.empty());
    QCOMPARE(CodeSet::builtin(CodeSystem::Loinc).search("sys blood")[0].code, std::string("8480-6"));
}

void tst_CodeSets::procedureCodeFormat_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("valid");
    QTest::newRow("CPT") << "99213" << true;
    QTest::newRow("CPT leading zero") << "00100" << true;
    QTest::newRow("CPT category II") << "3074F" << true;
    QTest::newRow("CPT category III") << "0042T" << true;
    QTest::newRow("CPT lab analysis") << "0001U" << true;
    QTest::newRow("HCPCS G") << "G0439" << true;
    QTest::newRow("HCPCS J") << "J1100" << true;
    QTest::newRow("HCPCS A") << "A4550" << true;
    QTest::newRow("HCPCS V, the last letter") << "V2020" << true;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("four digits") << "9921" << false;
    QTest::newRow("six digits") << "992131" << false;
    QTest::newRow("trailing space") << "99213 " << false;
    QTest::newRow("leading space") << " 99213" << false;
    QTest::newRow("lower case HCPCS") << "g0439" << false;
    QTest::newRow("lower case suffix") << "3074f" << false;
    QTest::newRow("other suffix") << "0001X" << false;
    QTest::newRow("suffix on HCPCS") << "G043F" << false;
    QTest::newRow("letter past V") << "W1234" << false;
    QTest::newRow("HCPCS too short") << "G043" << false;
    QTest::newRow("HCPCS too long") << "G04390" << false;
    QTest::newRow("letter inside") << "99A13" << false;
    QTest::newRow("two letters") << "GG439" << false;
    QTest::newRow("ICD-10-CM") << "E11.9" << false;
    QTest::newRow("with a modifier") << "99213-25" << false;
}

void tst_CodeSets::procedureCodeFormat()
{
    QFETCH(QString, code);
    QFETCH(bool, valid);
    QCOMPARE(isProcedureCodeFormat(code.toStdString()), valid);
}

void tst_CodeSets::modifierFormat_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("valid");
    QTest::newRow("digits") << "25" << true;
    QTest::newRow("letters") << "XU" << true;
    QTest::newRow("letter and digit") << "F1" << true;
    QTest::newRow("digit and letter") << "1P" << true;
    QTest::newRow("side") << "RT" << true;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("one character") << "2" << false;
    QTest::newRow("three characters") << "255" << false;
    QTest::newRow("lower case") << "lt" << false;
    QTest::newRow("space") << "5 " << false;
    QTest::newRow("hyphen") << "-5" << false;
    QTest::newRow("non-ASCII") << "\u00c9A" << false;
}

void tst_CodeSets::modifierFormat()
{
    QFETCH(QString, code);
    QFETCH(bool, valid);
    QCOMPARE(isModifierFormat(code.toStdString()), valid);
}

void tst_CodeSets::procedureLookup_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("code"); // empty: not found
    QTest::addColumn<QString>("kind");
    QTest::newRow("office visit") << "99213"
                                  << "99213"
                                  << "em";
    QTest::newRow("venipuncture") << "36415"
                                  << "36415"
                                  << "procedure";
    QTest::newRow("HbA1c") << "83036"
                           << "83036"
                           << "lab";
    QTest::newRow("annual wellness visit") << "G0439"
                                           << "G0439"
                                           << "em";
    QTest::newRow("lower case") << "g0439"
                                << "G0439"
                                << "em";
    QTest::newRow("dexamethasone") << "J1100"
                                   << "J1100"
                                   << "hcpcs";
    QTest::newRow("IPPE") << "G0402"
                          << "G0402"
                          << "hcpcs";
    QTest::newRow("Tdap") << "90715"
                          << "90715"
                          << "vaccine";
    QTest::newRow("vaccine administration") << "90471"
                                            << "90471"
                                            << "procedure";
    QTest::newRow("spaces around") << " 93000 "
                                   << "93000"
                                   << "procedure";
    QTest::newRow("deleted in 2021") << "99201"
                                     << ""
                                     << "";
    QTest::newRow("deleted in 2025") << "99441"
                                     << ""
                                     << "";
    QTest::newRow("no such code") << "12003"
                                  << ""
                                  << "";
}

void tst_CodeSets::procedureLookup()
{
    QFETCH(QString, query);
    QFETCH(QString, code);
    QFETCH(QString, kind);
    const auto entry = CodeSet::builtin(CodeSystem::Procedure).find(query.toStdString());
    QCOMPARE(entry.has_value(), !code.isEmpty());
    if (!entry)
        return;
    QCOMPARE(QString::fromStdString(entry->code), code);
    QCOMPARE(QString::fromStdString(entry->kind), kind);
    QVERIFY(!entry->description.empty());
}

void tst_CodeSets::shippedProcedures()
{
    const CodeSet& procedures = CodeSet::builtin(CodeSystem::Procedure);
    QVERIFY2(procedures.size() >= 250, qPrintable(QString::number(procedures.size())));
    std::map<std::string, int> kinds;
    for (const CodeEntry& e : procedures.entries()) {
        QVERIFY2(isProcedureCodeFormat(e.code), e.code.c_str());
        ++kinds[e.kind];
        // Letter codes are HCPCS Level II: kind hcpcs, but for the annual wellness visits billed with the visits.
        const bool hcpcs = e.code[0] >= 'A' && e.code[0] <= 'Z';
        if (hcpcs)
            QVERIFY2(e.kind == "hcpcs" || e.code == "G0438" || e.code == "G0439", e.code.c_str());
        else
            QVERIFY2(e.kind != "hcpcs", e.code.c_str());
    }
    for (const char* kind : {"em", "procedure", "lab", "vaccine", "hcpcs"})
        QVERIFY2(kinds[kind] >= 20, kind);
    QVERIFY(sortedByCode(procedures));
}

void tst_CodeSets::shippedModifiersAndPlaces()
{
    const CodeSet& modifiers = CodeSet::builtin(CodeSystem::Modifier);
    QVERIFY2(modifiers.size() >= 50, qPrintable(QString::number(modifiers.size())));
    for (const CodeEntry& e : modifiers.entries())
        QVERIFY2(isModifierFormat(e.code), e.code.c_str());
    QVERIFY(sortedByCode(modifiers));
    for (const char* code : {"25", "59", "XE", "XP", "XS", "XU", "95", "GT", "LT", "RT", "50", "QW", "KX", "JW", "JZ"})
        QVERIFY2(modifiers.find(code), code);

    const CodeSet& places = CodeSet::builtin(CodeSystem::PlaceOfService);
    QVERIFY2(places.size() >= 40, qPrintable(QString::number(places.size())));
    for (const CodeEntry& e : places.entries()) {
        QCOMPARE(e.code.size(), std::size_t(2));
        QVERIFY2(std::isdigit(static_cast<unsigned char>(e.code[0])) &&
                     std::isdigit(static_cast<unsigned char>(e.code[1])),
                 e.code.c_str());
    }
    for (const char* code : {"02", "10", "11", "12", "19", "20", "21", "22", "23", "31", "32", "50", "72", "81", "99"})
        QVERIFY2(places.find(code), code);
    // A code is two digits with its leading zero: "2" is not telehealth.
    QVERIFY(!places.find("2"));
    QVERIFY(sortedByCode(places));
}

void tst_CodeSets::claimCodeSearch_data()
{
    QTest::addColumn<int>("system");
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("expected"); // a code the results must hold
    QTest::addColumn<int>("position");     // where it must be; -1: anywhere in the first 50
    const int procedure = static_cast<int>(CodeSystem::Procedure);
    QTest::newRow("office visit est") << procedure << "office visit est"
                                      << "99213" << -1;
    QTest::newRow("a1c") << procedure << "a1c"
                         << "83036" << -1;
    QTest::newRow("hemoglobin a1c") << procedure << "hemoglobin a1c"
                                    << "83036" << -1;
    QTest::newRow("exact code first") << procedure << "99213"
                                      << "99213" << 0;
    QTest::newRow("code prefix") << procedure << "9921"
                                 << "99211" << 0;
    QTest::newRow("HCPCS in lower case") << procedure << "j1100"
                                         << "J1100" << 0;
    QTest::newRow("venipuncture") << procedure << "venipuncture"
                                  << "36415" << 0;
    QTest::newRow("earwax") << procedure << "earwax irrigation"
                            << "69209" << 0;
    QTest::newRow("rapid strep") << procedure << "rapid strep"
                                 << "87880" << 0;
    QTest::newRow("covid antigen") << procedure << "covid antigen"
                                   << "87811" << -1;
    QTest::newRow("shingles") << procedure << "shingles"
                              << "90750" << 0;
    QTest::newRow("wellness") << procedure << "annual wellness"
                              << "G0439" << -1;
    QTest::newRow("modifier by code") << static_cast<int>(CodeSystem::Modifier) << "25"
                                      << "25" << 0;
    QTest::newRow("modifier by words") << static_cast<int>(CodeSystem::Modifier) << "bilateral"
                                       << "50" << 0;
    QTest::newRow("place by words") << static_cast<int>(CodeSystem::PlaceOfService) << "telehealth home"
                                    << "10" << -1;
    QTest::newRow("place by code") << static_cast<int>(CodeSystem::PlaceOfService) << "11"
                                   << "11" << 0;
}

void tst_CodeSets::claimCodeSearch()
{
    QFETCH(int, system);
    QFETCH(QString, query);
    QFETCH(QString, expected);
    QFETCH(int, position);
    const auto hits = CodeSet::builtin(static_cast<CodeSystem>(system)).search(query.toStdString(), 50);
    QVERIFY(!hits.empty());
    int found = -1;
    for (std::size_t i = 0; i < hits.size() && found < 0; ++i)
        if (hits[i].code == expected.toStdString())
            found = static_cast<int>(i);
    QVERIFY2(found >= 0, qPrintable(expected + " not among the hits"));
    if (position >= 0)
        QCOMPARE(found, position);
}

void tst_CodeSets::claimCodeUris()
{
    const std::string_view cpt = "http://www.ama-assn.org/go/cpt";
    const std::string_view hcpcs = "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";
    QCOMPARE(codeSystemUri(CodeSystem::Procedure), cpt);
    QCOMPARE(codeSystemUri(CodeSystem::Modifier), cpt);
    QCOMPARE(codeSystemUri(CodeSystem::PlaceOfService),
             std::string_view("https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set"));
    QCOMPARE(codeSystemName(CodeSystem::Procedure), std::string_view("procedure"));
    QCOMPARE(codeSystemName(CodeSystem::Modifier), std::string_view("modifier"));
    QCOMPARE(codeSystemName(CodeSystem::PlaceOfService), std::string_view("place_of_service"));
    QCOMPARE(procedureCodeUri("99213"), cpt);
    QCOMPARE(procedureCodeUri("0001U"), cpt);
    QCOMPARE(procedureCodeUri("G0439"), hcpcs);
    QCOMPARE(procedureCodeUri("j1100"), hcpcs);
    QCOMPARE(modifierCodeUri("25"), cpt);
    QCOMPARE(modifierCodeUri("1P"), cpt);
    QCOMPARE(modifierCodeUri("GT"), hcpcs);
    QCOMPARE(modifierCodeUri("F1"), hcpcs);
    QCOMPARE(modifierCodeUri("XU"), hcpcs);
    // Every shipped letter code is named HCPCS and every other one CPT.
    for (const CodeEntry& e : CodeSet::builtin(CodeSystem::Procedure).entries())
        QCOMPARE(procedureCodeUri(e.code), std::isdigit(static_cast<unsigned char>(e.code[0])) ? cpt : hcpcs);
}

void tst_CodeSets::everyShippedSetIsWellFormed_data()
{
    QTest::addColumn<int>("system");
    QTest::addColumn<int>("minimum");
    QTest::newRow("icd10cm") << static_cast<int>(CodeSystem::Icd10Cm) << 2000;
    QTest::newRow("cvx") << static_cast<int>(CodeSystem::Cvx) << 150;
    QTest::newRow("loinc") << static_cast<int>(CodeSystem::Loinc) << 73;
    QTest::newRow("procedure") << static_cast<int>(CodeSystem::Procedure) << 250;
    QTest::newRow("modifier") << static_cast<int>(CodeSystem::Modifier) << 50;
    QTest::newRow("place_of_service") << static_cast<int>(CodeSystem::PlaceOfService) << 40;
}

void tst_CodeSets::everyShippedSetIsWellFormed()
{
    QFETCH(int, system);
    QFETCH(int, minimum);
    const CodeSet& set = CodeSet::builtin(static_cast<CodeSystem>(system));
    QCOMPARE(set.system(), static_cast<CodeSystem>(system));
    QVERIFY2(set.size() >= static_cast<std::size_t>(minimum), qPrintable(QString::number(set.size())));
    std::set<std::string> codes;
    for (const CodeEntry& e : set.entries()) {
        QVERIFY(!e.code.empty());
        QVERIFY2(!e.description.empty(), e.code.c_str());
        QVERIFY2(codes.insert(e.code).second, e.code.c_str());
        QVERIFY2(set.find(e.code), e.code.c_str());
    }
    QVERIFY(!codeSystemName(set.system()).empty());
    const std::string_view uri = codeSystemUri(set.system());
    QVERIFY(uri.starts_with("http://") || uri.starts_with("https://"));
}

QTEST_GUILESS_MAIN(tst_CodeSets)
#include "tst_codesets.moc"
