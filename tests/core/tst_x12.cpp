// ASC X12 5010: the reader's envelope checks (delimiters from the ISA, counts and control numbers, truncated
// and malformed files refused with the line and reason), the 837P writer (loops, counts, amounts, the
// character set, delimiters in data refused) and the 999 and 277CA readers. The sample files are our own.
#include "core/x12/AckWriter.h"
#include "core/x12/Acknowledgments.h"
#include "core/x12/Claim837.h"

#include <QTest>

using namespace practica::core;

namespace {

Claim837Provider clinicProvider()
{
    Claim837Provider p;
    p.name = {"Riverbend Family Health", {}, {}, false};
    p.npi = "1234567893";
    p.taxId = "741234567";
    p.taxonomy = "207Q00000X";
    p.address = {"120 Main Street", "Suite 4", "Springfield", "IL", "627011234"};
    return p;
}

Claim837 selfClaim(const std::string& pcn)
{
    Claim837 c;
    c.patientControlNumber = pcn;
    c.memberId = "XYZ123456789";
    c.groupNumber = "GRP001";
    c.subscriber.name = {"Núñez", "José", "A", true};
    c.subscriber.birthDate = "1980-04-02";
    c.subscriber.sex = "M";
    c.subscriber.address = {"4 Elm Road", {}, "Springfield", "IL", "62702"};
    c.payerName = "Acme Health Plan";
    c.payerId = "ACME1";
    c.billing = clinicProvider();
    c.diagnoses = {"E11.9", "I10"};
    c.lines = {{"99213", {"25"}, 12500, "1", {1, 2}, "2026-11-30", {}},
               {"36415", {}, 1550, "1", {1}, "2026-11-30", {}}};
    return c;
}

Batch837 batch()
{
    Batch837 b;
    b.senderId = "PRACTICA01";
    b.receiverId = "CLEARHOUSE";
    b.interchangeControl = 42;
    b.groupControl = 42;
    b.setControl = "0001";
    b.batchId = "B42";
    b.date = "20261201";
    b.time = "0930";
    b.submitter = {"Riverbend Family Health", {}, {}, false};
    b.submitterId = "PRACTICA01";
    b.contactName = "Billing Office";
    b.contactPhone = "2175550100";
    b.receiverName = "Clearinghouse";
    Claim837 dependent = selfClaim("PCN-2");
    dependent.patientIsSubscriber = false;
    dependent.relationship = "19";
    dependent.patient.name = {"Núñez", "Lucía", {}, true};
    dependent.patient.birthDate = "2015-09-10";
    dependent.patient.sex = "F";
    dependent.patient.address = dependent.subscriber.address;
    Claim837 replacement = selfClaim("PCN-3");
    replacement.frequency = "7";
    replacement.payerClaimNumber = "PAYER-778899";
    replacement.rendering = Claim837Provider{{"Okafor", "Ada", {}, true}, "1245319599", {}, "207Q00000X", {}};
    b.claims = {selfClaim("PCN-1"), dependent, replacement};
    return b;
}

std::vector<std::string> ids(const X12TransactionSet& s)
{
    std::vector<std::string> out;
    for (const auto& seg : s.segments)
        out.push_back(seg.id);
    return out;
}

const X12Segment* find(const X12TransactionSet& s, const std::string& id, int nth = 0)
{
    for (const auto& seg : s.segments)
        if (seg.id == id && nth-- == 0)
            return &seg;
    return nullptr;
}

std::string replaced(std::string text, const std::string& from, const std::string& to)
{
    const auto at = text.find(from);
    if (at != std::string::npos)
        text.replace(at, from.size(), to);
    return text;
}

const std::string kIsa = "ISA*00*          *00*          *ZZ*CLEARHOUSE     *ZZ*PRACTICA01     *261201*1200*^*00501*"
                         "000000777*0*T*:~\n";

std::string ack999(const std::string& body, const std::string& count)
{
    return kIsa + "GS*FA*CLEARHOUSE*PRACTICA01*20261201*1200*777*X*005010X231A1~\nST*999*0001*005010X231A1~\n" + body +
           "SE*" + count + "*0001~\nGE*1*777~\nIEA*1*000000777~\n";
}

} // namespace

class tst_X12 : public QObject
{
    Q_OBJECT

private slots:
    void amounts_data()
    {
        QTest::addColumn<qint64>("cents");
        QTest::addColumn<QString>("text");
        QTest::newRow("whole") << qint64(15000) << "150";
        QTest::newRow("ten cents") << qint64(15050) << "150.5";
        QTest::newRow("cents") << qint64(15055) << "150.55";
        QTest::newRow("one cent") << qint64(1) << "0.01";
        QTest::newRow("zero") << qint64(0) << "0";
        QTest::newRow("negative") << qint64(-2505) << "-25.05";
    }
    void amounts()
    {
        QFETCH(qint64, cents);
        QFETCH(QString, text);
        QCOMPARE(QString::fromStdString(x12Amount(cents)), text);
    }

    void parsedAmounts()
    {
        QCOMPARE(parseCents("125"), std::optional<std::int64_t>(12500));
        QCOMPARE(parseCents("140.5"), std::optional<std::int64_t>(14050));
        QCOMPARE(parseCents("0.07"), std::optional<std::int64_t>(7));
        for (const char* bad : {"", ".5", "1.", "1.234", "12a", "-5", "1234567890"})
            QVERIFY2(!parseCents(bad), bad);
        for (std::int64_t c : {0LL, 1LL, 10LL, 15050LL, 99999999LL})
            QCOMPARE(parseCents(x12Amount(c)), std::optional<std::int64_t>(c));
    }

    void characterSet_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out"); // "!" when refused
        QTest::newRow("plain") << "O'Brien-Smith"
                               << "O'Brien-Smith";
        QTest::newRow("accents") << "Núñez Ångström Çelik"
                                 << "Nunez Angstrom Celik";
        QTest::newRow("ligature and sharp s") << "Æsir Straße"
                                              << "AEsir Strasse";
        QTest::newRow("trimmed") << "  Main St  "
                                 << "Main St";
        QTest::newRow("element separator") << "A*B"
                                           << "!";
        QTest::newRow("component separator") << "Suite 4:B"
                                             << "!";
        QTest::newRow("repetition separator") << "A^B"
                                              << "!";
        QTest::newRow("segment terminator") << "A~B"
                                            << "!";
        QTest::newRow("line break") << "A\nB"
                                    << "!";
        QTest::newRow("multiplication sign") << "2×3"
                                             << "!";
        QTest::newRow("CJK") << "山田"
                             << "!";
        QTest::newRow("Polish and Czech") << "Łukasz Śliwiński Dvořák"
                                          << "Lukasz Sliwinski Dvorak";
        QTest::newRow("Vietnamese") << "Nguyễn Đức Phương Trần Thị Ánh"
                                    << "Nguyen Duc Phuong Tran Thi Anh";
        QTest::newRow("replacement character") << QString::fromLatin1("Nguy") + QChar(0xFFFD) << "!";
    }
    void characterSet()
    {
        QFETCH(QString, in);
        QFETCH(QString, out);
        auto folded = x12Text(in.toStdString(), X12Delimiters{});
        if (out == "!") {
            QVERIFY(!folded);
        } else {
            QVERIFY(folded);
            QCOMPARE(QString::fromStdString(*folded), out);
        }
    }

    void batchStructure()
    {
        auto written = write837(batch());
        QVERIFY2(written, written ? "" : std::string(claim837ProblemName(written.error().problem)).c_str());
        auto x = readX12(written->text);
        QVERIFY2(x, x ? "" : std::string(x12ProblemName(x.error().problem)).c_str());
        QCOMPARE(x->control, std::string("000000042"));
        QCOMPARE(x->senderId, std::string("PRACTICA01"));
        QCOMPARE(x->usage, std::string("T"));
        QCOMPARE(x->groups.size(), std::size_t(1));
        const X12Group& g = x->groups[0];
        QCOMPARE(g.functionalId, std::string("HC"));
        QCOMPARE(g.version, std::string("005010X222A1"));
        QCOMPARE(g.sets.size(), std::size_t(1));
        const X12TransactionSet& s = g.sets[0];
        QCOMPARE(s.id, std::string("837"));
        QCOMPARE(static_cast<int>(s.segments.size()), written->segmentCount);

        const std::vector<std::string> expected{
            "ST",  "BHT", "NM1", "PER", "NM1",                      // header, 1000A, 1000B
            "HL",  "PRV", "NM1", "N3",  "N4",  "REF",               // 2000A/2010AA, once
            "HL",  "SBR", "NM1", "N3",  "N4",  "DMG", "NM1",        // claim 1: 2000B, 2010BA, 2010BB
            "CLM", "HI",  "LX",  "SV1", "DTP", "LX",  "SV1", "DTP", // 2300, 2400 x2
            "HL",  "SBR", "NM1", "N3",  "N4",  "DMG", "NM1",        // claim 2: subscriber
            "HL",  "PAT", "NM1", "N3",  "N4",  "DMG",               // 2000C/2010CA
            "CLM", "HI",  "LX",  "SV1", "DTP", "LX",  "SV1", "DTP", //
            "HL",  "SBR", "NM1", "N3",  "N4",  "DMG", "NM1",        // claim 3
            "CLM", "REF", "HI",  "NM1", "PRV", "LX",  "SV1", "DTP", "LX", "SV1", "DTP", // 2300 REF*F8, 2310B
            "SE"};
        QCOMPARE(ids(s), expected);

        // Hierarchy: one billing provider, each subscriber under it, the dependent's patient level under them.
        QCOMPARE(find(s, "HL", 0)->elements, (std::vector<std::string>{"HL", "1", "", "20", "1"}));
        QCOMPARE(find(s, "HL", 1)->elements, (std::vector<std::string>{"HL", "2", "1", "22", "0"}));
        QCOMPARE(find(s, "HL", 2)->elements, (std::vector<std::string>{"HL", "3", "1", "22", "1"}));
        QCOMPARE(find(s, "HL", 3)->elements, (std::vector<std::string>{"HL", "4", "3", "23", "0"}));
        QCOMPARE(find(s, "HL", 4)->elements, (std::vector<std::string>{"HL", "5", "1", "22", "0"}));
        QCOMPARE(find(s, "SBR", 0)->element(2), std::string("18"));
        QCOMPARE(find(s, "SBR", 0)->element(9), std::string("CI"));
        QCOMPARE(find(s, "SBR", 1)->element(2), std::string(""));
        QCOMPARE(find(s, "PAT")->element(1), std::string("19"));
        QCOMPARE(find(s, "NM1", 2)->elements, (std::vector<std::string>{"NM1", "85", "2", "Riverbend Family Health", "",
                                                                        "", "", "", "XX", "1234567893"}));
        QCOMPARE(find(s, "NM1", 3)->elements,
                 (std::vector<std::string>{"NM1", "IL", "1", "Nunez", "Jose", "A", "", "", "MI", "XYZ123456789"}));
        QCOMPARE(find(s, "N4", 0)->element(3), std::string("627011234"));
        QCOMPARE(find(s, "REF", 0)->elements, (std::vector<std::string>{"REF", "EI", "741234567"}));
        QCOMPARE(find(s, "DMG", 0)->elements, (std::vector<std::string>{"DMG", "D8", "19800402", "M"}));

        // 2300: the total is the sum of the lines; codes go without their dots, the first as principal.
        const X12Segment* clm = find(s, "CLM", 0);
        QCOMPARE(clm->elements,
                 (std::vector<std::string>{"CLM", "PCN-1", "140.5", "", "", "11:B:1", "Y", "A", "Y", "Y"}));
        QCOMPARE(find(s, "HI", 0)->elements, (std::vector<std::string>{"HI", "ABK:E119", "ABF:I10"}));
        QCOMPARE(find(s, "SV1", 0)->elements,
                 (std::vector<std::string>{"SV1", "HC:99213:25", "125", "UN", "1", "", "", "1:2"}));
        QCOMPARE(find(s, "SV1", 0)->component(1, 2, x->delimiters.component), std::string("99213"));
        QCOMPARE(find(s, "DTP", 0)->elements, (std::vector<std::string>{"DTP", "472", "D8", "20261130"}));
        QCOMPARE(find(s, "CLM", 2)->element(5), std::string("11:B:7"));
        QCOMPARE(find(s, "REF", 1)->elements, (std::vector<std::string>{"REF", "F8", "PAYER-778899"}));
        QCOMPARE(find(s, "NM1", 10)->elements,
                 (std::vector<std::string>{"NM1", "82", "1", "Okafor", "Ada", "", "", "", "XX", "1245319599"}));

        // Every segment of a claim is traced back to it, with its fields by element.
        const X12Segment* member = find(s, "NM1", 3);
        const SegmentOrigin& origin = written->origins.at(member->setPosition);
        QCOMPARE(origin.claim, 0);
        QCOMPARE(origin.loop, std::string("2010BA"));
        QCOMPARE(origin.fields.at(9), std::string("member_id"));
        const X12Segment* line = find(s, "SV1", 5);
        QCOMPARE(written->origins.at(line->setPosition).claim, 2);
        QCOMPARE(written->origins.at(line->setPosition).fields.at(1), std::string("lines[1].code"));
        QCOMPARE(written->origins.at(1).claim, -1);
    }

    void otherDelimiters()
    {
        Batch837 b = batch();
        b.delimiters = {'|', '>', '!', '\n'};
        auto written = write837(b);
        QVERIFY(written);
        QVERIFY(written->text.find('~') == std::string::npos);
        auto x = readX12(written->text);
        QVERIFY2(x, x ? "" : std::string(x12ProblemName(x.error().problem)).c_str());
        QCOMPARE(x->delimiters.element, '|');
        QCOMPARE(x->delimiters.component, '>');
        QCOMPARE(x->delimiters.repetition, '!');
        QCOMPARE(x->delimiters.segment, '\n');
        QCOMPARE(find(x->groups[0].sets[0], "SV1")->element(1), std::string("HC>99213>25"));
        // Data holding the chosen delimiter is refused; the default ones are then fine.
        b.claims[1].subscriber.address.line1 = "4 Elm Road | Rear";
        auto refused = write837(b);
        QVERIFY(!refused);
        QCOMPARE(refused.error().problem, Claim837Problem::Character);
        QCOMPARE(refused.error().claim, 1);
        QCOMPARE(refused.error().field, std::string("subscriber.address.line1"));
        Batch837 clashing = batch();
        clashing.delimiters = {'*', '*', '^', '~'};
        auto unusable = write837(clashing);
        QVERIFY(!unusable);
        QCOMPARE(unusable.error().field, std::string("delimiters"));
    }

    void refusedValues_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("field");
        QTest::addColumn<int>("problem");
        QTest::newRow("delimiter in a name") << 0 << "subscriber.name.last" << int(Claim837Problem::Character);
        QTest::newRow("no member id") << 1 << "member_id" << int(Claim837Problem::Missing);
        QTest::newRow("five-digit+4 zip") << 2 << "billing.address.zip" << int(Claim837Problem::BadValue);
        QTest::newRow("pointer out of range") << 3 << "lines[0].pointers" << int(Claim837Problem::BadValue);
        QTest::newRow("zero charge") << 4 << "lines[1].charge" << int(Claim837Problem::BadValue);
        QTest::newRow("replacement without payer number") << 5 << "payer_claim_number" << int(Claim837Problem::Missing);
        QTest::newRow("thirteen diagnoses") << 6 << "diagnoses" << int(Claim837Problem::TooMany);
        QTest::newRow("five modifiers") << 7 << "lines[0].modifiers" << int(Claim837Problem::TooMany);
        QTest::newRow("bad service date") << 8 << "lines[0].service_date" << int(Claim837Problem::BadValue);
        QTest::newRow("no lines") << 9 << "lines" << int(Claim837Problem::Missing);
    }
    void refusedValues()
    {
        QFETCH(int, which);
        QFETCH(QString, field);
        QFETCH(int, problem);
        Batch837 b = batch();
        Claim837& c = b.claims[1];
        switch (which) {
        case 0:
            c.subscriber.name.lastOrOrganization = "Smith~Jones";
            break;
        case 1:
            c.memberId.clear();
            break;
        case 2:
            c.billing.address.zip = "62701-1234";
            break;
        case 3:
            c.lines[0].pointers = {1, 3};
            break;
        case 4:
            c.lines[1].chargeCents = 0;
            break;
        case 5:
            c.frequency = "7";
            break;
        case 6:
            c.diagnoses.assign(13, "I10");
            break;
        case 7:
            c.lines[0].modifiers = {"25", "59", "GT", "95", "XU"};
            break;
        case 8:
            c.lines[0].serviceDate = "11/30/2026";
            break;
        case 9:
            c.lines.clear();
            break;
        }
        auto written = write837(b);
        QVERIFY(!written);
        QCOMPARE(int(written.error().problem), problem);
        QCOMPARE(written.error().claim, 1);
        QCOMPARE(QString::fromStdString(written.error().field), field);
    }

    void malformedFilesAreRefused_data()
    {
        QTest::addColumn<int>("cut"); // how to damage the file
        QTest::addColumn<int>("problem");
        QTest::addColumn<QString>("segment");
        QTest::addColumn<int>("line");
        QTest::newRow("empty") << 0 << int(X12Problem::Empty) << "" << 0;
        QTest::newRow("not X12") << 1 << int(X12Problem::NotX12) << "" << 1;
        QTest::newRow("truncated mid-file") << 2 << int(X12Problem::Truncated) << "SV1" << 27;
        QTest::newRow("no IEA") << 3 << int(X12Problem::Truncated) << "GE" << 69;
        QTest::newRow("SE count wrong") << 4 << int(X12Problem::CountMismatch) << "SE" << 68;
        QTest::newRow("SE control wrong") << 5 << int(X12Problem::ControlMismatch) << "SE" << 68;
        QTest::newRow("GE count wrong") << 6 << int(X12Problem::CountMismatch) << "GE" << 69;
        QTest::newRow("IEA control wrong") << 7 << int(X12Problem::ControlMismatch) << "IEA" << 70;
        QTest::newRow("ISA shortened") << 8 << int(X12Problem::BadIsa) << "ISA" << 1;
        QTest::newRow("version 4010") << 9 << int(X12Problem::UnsupportedVersion) << "ISA" << 1;
        QTest::newRow("declared terminator never used") << 10 << int(X12Problem::Truncated) << "GS" << 2;
        QTest::newRow("text after IEA") << 11 << int(X12Problem::OutOfPlace) << "ST" << 71;
        QTest::newRow("data outside a set") << 12 << int(X12Problem::OutOfPlace) << "NM1" << 69;
        QTest::newRow("lower-case segment id") << 13 << int(X12Problem::BadSegment) << "" << 6;
    }
    void malformedFilesAreRefused()
    {
        QFETCH(int, cut);
        QFETCH(int, problem);
        QFETCH(QString, segment);
        QFETCH(int, line);
        auto written = write837(batch());
        QVERIFY(written);
        std::string t = written->text;
        const int segments = written->segmentCount;
        switch (cut) {
        case 0:
            t = "  \n";
            break;
        case 1:
            t = "MSH|^~\\&|LAB\r";
            break;
        case 2:
            t = t.substr(0, t.find("SV1*HC:36415") + 10);
            break;
        case 3:
            t = t.substr(0, t.find("IEA"));
            break;
        case 4:
            t = replaced(t, "SE*" + std::to_string(segments), "SE*" + std::to_string(segments - 1));
            break;
        case 5:
            t = replaced(t, "*0001~\nGE", "*0002~\nGE");
            break;
        case 6:
            t = replaced(t, "GE*1*", "GE*2*");
            break;
        case 7:
            t = replaced(t, "IEA*1*000000042", "IEA*1*000000043");
            break;
        case 8:
            t = replaced(t, "*CLEARHOUSE     *", "*CLEARHOUSE*");
            break;
        case 9:
            t = replaced(t, "*^*00501*", "*U*00401*");
            break;
        case 10:
            t = replaced(t, "*:~", "*:!");
            break;
        case 11:
            t += "ST*837*0002~\n";
            break;
        case 12:
            t = replaced(t, "GE*1*", "NM1*41*2*X~\nGE*1*");
            break;
        case 13:
            t = replaced(t, "PER*", "per*");
            break;
        }
        auto read = readX12(t);
        QVERIFY(!read);
        QCOMPARE(QString::fromStdString(std::string(x12ProblemName(read.error().problem))),
                 QString::fromStdString(std::string(x12ProblemName(X12Problem(problem)))));
        QCOMPARE(QString::fromStdString(read.error().segment), segment);
        QCOMPARE(read.error().line, line);
    }

    void ack999Accepted()
    {
        auto ack = read999(ack999("AK1*HC*42*005010X222A1~\nAK2*837*0001*005010X222A1~\nIK5*A~\nAK9*A*1*1*1~\n", "6"));
        QVERIFY2(ack, ack ? "" : std::string(x12ProblemName(ack.error().problem)).c_str());
        QCOMPARE(ack->groupControl, std::string("42"));
        QCOMPARE(ack->sets.size(), std::size_t(1));
        QCOMPARE(ack->sets[0].control, std::string("0001"));
        QCOMPARE(ack->sets[0].status, std::string("A"));
        QVERIFY(!ack->sets[0].rejected());
        QVERIFY(ack->sets[0].errors.empty());
        QCOMPARE(ack->groupStatus, std::string("A"));
        QCOMPARE(ack->setsAccepted, 1);
    }

    void ack999ErrorsPointAtClaimsAndFields()
    {
        auto written = write837(batch());
        QVERIFY(written);
        auto x = readX12(written->text);
        QVERIFY(x);
        const X12Segment* member = find(x->groups[0].sets[0], "NM1", 8); // the third claim's subscriber
        const std::string body =
            "AK1*HC*42*005010X222A1~\nAK2*837*0001*005010X222A1~\nIK3*NM1*" + std::to_string(member->setPosition) +
            "*2010*8~\nIK4*9*67*7*BAD ID~\nIK4*3:1*1035*6~\nIK3*REF*9**3~\nIK5*R*5~\nAK9*R*1*1*0~\n";
        auto ack = read999(ack999(body, "10"));
        QVERIFY2(ack, ack ? "" : std::string(x12ProblemName(ack.error().problem)).c_str());
        const Ack999Set& set = ack->sets.at(0);
        QVERIFY(set.rejected());
        QCOMPARE(set.codes, std::vector<std::string>{"5"});
        QCOMPARE(set.errors.size(), std::size_t(3));
        QCOMPARE(set.errors[0].segmentId, std::string("NM1"));
        QCOMPARE(set.errors[0].loop, std::string("2010"));
        QCOMPARE(set.errors[0].element, 9);
        QCOMPARE(set.errors[0].elementCode, std::string("7"));
        QCOMPARE(set.errors[0].badData, std::string("BAD ID"));
        QCOMPARE(set.errors[1].element, 3);
        QCOMPARE(set.errors[1].component, 1);
        QCOMPARE(set.errors[2].segmentId, std::string("REF"));
        QCOMPARE(set.errors[2].element, 0);
        QCOMPARE(set.errors[2].segmentCode, std::string("3"));
        // The writer's origins name the claim and field the first error is about.
        const SegmentOrigin& origin = written->origins.at(set.errors[0].position);
        QCOMPARE(origin.claim, 2);
        QCOMPARE(origin.fields.at(set.errors[0].element), std::string("member_id"));
    }

    void ack999Malformed_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("count");
        QTest::addColumn<int>("problem");
        QTest::newRow("no IK5") << "AK1*HC*42~\nAK2*837*0001~\nAK9*R*1*1*0~\n"
                                << "5" << int(X12Problem::MissingSegment);
        QTest::newRow("no AK9") << "AK1*HC*42~\nAK2*837*0001~\nIK5*A~\n"
                                << "5" << int(X12Problem::MissingSegment);
        QTest::newRow("bad IK5 code") << "AK1*HC*42~\nAK2*837*0001~\nIK5*Q~\nAK9*A*1*1*1~\n"
                                      << "6" << int(X12Problem::BadElement);
        QTest::newRow("IK4 before IK3") << "AK1*HC*42~\nAK2*837*0001~\nIK4*2**7~\nIK5*R~\nAK9*R*1*1*0~\n"
                                        << "7" << int(X12Problem::OutOfPlace);
        QTest::newRow("bad AK9 count") << "AK1*HC*42~\nAK2*837*0001~\nIK5*A~\nAK9*A*one*1*1~\n"
                                       << "6" << int(X12Problem::BadElement);
        QTest::newRow("segment count") << "AK1*HC*42~\nAK2*837*0001~\nIK5*A~\nAK9*A*1*1*1~\n"
                                       << "7" << int(X12Problem::CountMismatch);
    }
    void ack999Malformed()
    {
        QFETCH(QString, body);
        QFETCH(QString, count);
        QFETCH(int, problem);
        auto ack = read999(ack999(body.toStdString(), count.toStdString()));
        QVERIFY(!ack);
        QCOMPARE(int(ack.error().problem), problem);
        // A 277CA is not a 999.
        auto wrong = read999(kIsa + "GS*HN*A*B*20261201*1200*5*X*005010X214~\nST*277*0001*005010X214~\nBHT*0085*08*1*"
                                    "20261201*1200*TH~\nSE*3*0001~\nGE*1*5~\nIEA*1*000000777~\n");
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().problem, X12Problem::WrongTransaction);
    }

    void answersWrittenReadBack()
    {
        auto written = write837(batch());
        QVERIFY(written);
        auto x = readX12(written->text);
        QVERIFY(x);
        AckEnvelope e;
        e.receiverId = "PRACTICA01";
        e.interchangeControl = 501;
        e.groupControl = 501;
        e.date = "20261202";
        e.time = "0800";
        auto accepted = read999(write999(*x, e, {}));
        QVERIFY2(accepted, accepted ? "" : std::string(x12ProblemName(accepted.error().problem)).c_str());
        QCOMPARE(accepted->groupControl, std::string("42"));
        QCOMPARE(accepted->sets.at(0).status, std::string("A"));
        auto rejected = read999(write999(*x, e, {{"NM1", 16, "2010", "8", 9, "7", "BAD*ID"}}));
        QVERIFY(rejected);
        QVERIFY(rejected->sets.at(0).rejected());
        QCOMPARE(rejected->sets.at(0).errors.at(0).position, 16);
        QCOMPARE(rejected->sets.at(0).errors.at(0).badData, std::string("")); // a delimiter is never echoed

        Claim277Out ok{"PCN-1", "A2", "20", "PR", "WQ", "140.5", "PAYER-1", "20261130", "Nunez", "Jose", "XYZ1"};
        Claim277Out no{"PCN-2", "A7", "21", "PR", "U", "140.5", "", "20261130", "Nunez", "Lucia", "XYZ1"};
        auto answer =
            read277(write277ca(e, {"Acme Health Plan", "ACME1"}, "Riverbend", "Riverbend", "1234567893", {ok, no}));
        QVERIFY2(answer, answer ? "" : std::string(x12ProblemName(answer.error().problem)).c_str());
        QCOMPARE(answer->claims.size(), std::size_t(2));
        QCOMPARE(answer->claims[0].outcome(), Ack277Outcome::Accepted);
        QCOMPARE(answer->claims[0].payerClaimNumber, std::string("PAYER-1"));
        QCOMPARE(answer->claims[1].outcome(), Ack277Outcome::Rejected);
    }

    void ack277ClaimStatuses()
    {
        const std::string body =
            "ST*277*0001*005010X214~\nBHT*0085*08*T1*20261202*0800*TH~\n"
            "HL*1**20*1~\nNM1*PR*2*ACME HEALTH "
            "PLAN*****PI*ACME1~\nTRN*1*777~\nDTP*050*D8*20261201~\nDTP*009*D8*20261202~\n"
            "HL*2*1*21*1~\nNM1*41*2*RIVERBEND FAMILY "
            "HEALTH*****46*PRACTICA01~\nTRN*2*B42~\nSTC*A1:19:PR*20261202*WQ*282~\n"
            "QTY*90*2~\nQTY*AA*1~\nAMT*YU*141~\nAMT*YY*141~\n"
            "HL*3*2*19*1~\nNM1*85*2*RIVERBEND FAMILY HEALTH*****XX*1234567893~\nTRN*1*0~\nSTC*A1:19:PR**WQ*282~\n"
            "QTY*QA*2~\nQTY*QC*1~\n"
            "HL*4*3*PT~\nNM1*QC*1*NUNEZ*JOSE****MI*XYZ123456789~\nTRN*2*PCN-1~\nSTC*A2:20:PR*20261202*WQ*140.5~\nREF*"
            "1K*PAYER-0001~\n"
            "REF*D9*CH-1~\nDTP*472*D8*20261130~\n"
            "HL*5*3*PT~\nNM1*QC*1*NUNEZ*LUCIA****MI*XYZ123456789~\nTRN*2*PCN-2~\nSTC*A7:21:PR*20261202*U*140.5******A3:"
            "164:IL~\n"
            "DTP*472*RD8*20261130-20261201~\nSVC*HC:99213*125~\nSTC*A7:145*20261202*U~\nDTP*472*D8*20261130~\n"
            "HL*6*3*PT~\nNM1*QC*1*NUNEZ*JOSE****MI*XYZ123456789~\nTRN*2*PCN-3~\nSTC*P1:20*20261202*WQ*140.5~\n"
            "DTP*472*D8*20261130~\n";
        const int count = int(std::count(body.begin(), body.end(), '~')) + 1;
        const std::string text = kIsa + "GS*HN*ACME1*PRACTICA01*20261202*0800*9*X*005010X214~\n" + body + "SE*" +
                                 std::to_string(count) + "*0001~\nGE*1*9~\nIEA*1*000000777~\n";
        auto ack = read277(text);
        QVERIFY2(ack, ack ? "" : std::string(x12ProblemName(ack.error().problem)).c_str());
        QCOMPARE(ack->sourceName, std::string("ACME HEALTH PLAN"));
        QCOMPARE(ack->claims.size(), std::size_t(3)); // the batch-level TRN*2 is not a claim
        const Ack277Claim& accepted = ack->claims[0];
        QCOMPARE(accepted.patientControlNumber, std::string("PCN-1"));
        QCOMPARE(accepted.outcome(), Ack277Outcome::Accepted);
        QCOMPARE(accepted.payerClaimNumber, std::string("PAYER-0001"));
        QCOMPARE(accepted.clearinghouseTrace, std::string("CH-1"));
        QCOMPARE(accepted.chargeAmount, std::string("140.5"));
        QCOMPARE(accepted.serviceFrom, std::string("20261130"));
        const Ack277Claim& rejected = ack->claims[1];
        QCOMPARE(rejected.outcome(), Ack277Outcome::Rejected);
        QCOMPARE(rejected.statuses.size(), std::size_t(2));
        QCOMPARE(rejected.statuses[0].category, std::string("A7"));
        QCOMPARE(rejected.statuses[0].code, std::string("21"));
        QCOMPARE(rejected.statuses[1].category, std::string("A3"));
        QCOMPARE(rejected.statuses[1].entity, std::string("IL"));
        QCOMPARE(rejected.serviceTo, std::string("20261201"));
        QCOMPARE(rejected.lines.size(), std::size_t(1));
        QCOMPARE(rejected.lines[0].code, std::string("99213"));
        QCOMPARE(rejected.lines[0].statuses[0].code, std::string("145"));
        QCOMPARE(ack->claims[2].outcome(), Ack277Outcome::Pending);

        // A claim without its status, or a damaged file, is refused whole.
        auto noStatus = read277(replaced(text, "STC*P1:20*20261202*WQ*140.5~\n", "REF*1K*X~\n"));
        QVERIFY(!noStatus);
        QCOMPARE(noStatus.error().problem, X12Problem::MissingSegment);
        QCOMPARE(noStatus.error().value, std::string("PCN-3"));
        auto cut = read277(text.substr(0, text.size() / 2));
        QVERIFY(!cut);
        QCOMPARE(cut.error().problem, X12Problem::Truncated);
    }
};

QTEST_GUILESS_MAIN(tst_X12)
#include "tst_x12.moc"
