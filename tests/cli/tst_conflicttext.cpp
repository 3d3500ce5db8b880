// The CLI's sentences for refused changes: made from the refusal's code and params, never from the
// server's words, which are shown only when an older server sent nothing else.
#include "ConflictText.h"
#include "core/records/FieldRules.h"
#include "core/sync/ChangeMerger.h"
#include "words/ErrorWords.h"

#include <QTest>
#include <set>

using namespace practica;

class tst_ConflictText : public QObject
{
    Q_OBJECT

private slots:
    void sentences_data()
    {
        QTest::addColumn<std::string>("code");
        QTest::addColumn<std::map<std::string, std::string>>("params");
        QTest::addColumn<QString>("expected");
        using P = std::map<std::string, std::string>;
        QTest::newRow("clock ahead") << std::string("clock_skew") << P{{"ahead_ms", "360000"}}
                                     << QString("clock is 6 minutes ahead of the server's");
        QTest::newRow("clock far ahead") << std::string("clock_skew") << P{{"ahead_ms", "31536000000"}}
                                         << QString("clock is 365 days ahead");
        QTest::newRow("own role") << std::string("permission_denied")
                                  << P{{"record_type", "user_account"},
                                       {"operation", "edit"},
                                       {"field", "role"},
                                       {"own_record", "1"},
                                       {"role", "front_desk"}}
                                  << QString("nobody may change the role of their own user account");
        QTest::newRow("role lacks permission")
            << std::string("permission_denied")
            << P{{"record_type", "payer"},
                 {"operation", "create"},
                 {"permission", "payer.write"},
                 {"role", "front_desk"}}
            << QString("the front_desk role may not create payer records (it needs the payer.write permission)");
        QTest::newRow("never deleted") << std::string("permission_denied")
                                       << P{{"record_type", "patient"}, {"operation", "delete"}, {"role", "admin"}}
                                       << QString("patient records are never deleted");
        QTest::newRow("before the clinic")
            << std::string("impossible_stamp") << P{{"before", "clinic"}} << QString("dated before the clinic existed");
        QTest::newRow("double booking") << std::string("double_booking")
                                        << P{{"resource", "room"},
                                             {"other_appointment", "a9"},
                                             {"from_ms", "1"},
                                             {"to_ms", "2"}}
                                        << QString("the room is already booked at that time by appointment a9");
        QTest::newRow("duplicate MRN") << std::string("unique")
                                       << P{{"record_type", "patient"}, {"field", "mrn"}, {"value", "0100000017"}}
                                       << QString("the mrn 0100000017 is already used by another patient");
        QTest::newRow("second primary policy")
            << std::string("unique")
            << P{{"record_type", "coverage"}, {"field", "rank"}, {"value", "primary"}, {"within", "patient_id"}}
            << QString("another coverage with the same patient already has the rank primary");
        QTest::newRow("locked") << std::string("locked_record")
                                << P{{"record_type", "clinical_note"}, {"field", "signed_at"}}
                                << QString("the clinical note was locked (signed_at is set)");
        QTest::newRow("unknown type") << std::string("unknown_record_type") << P{{"record_type", "claim"}}
                                      << QString("the server does not know claim records");
        QTest::newRow("birth date in the future")
            << std::string("invalid_field")
            << P{{"record_type", "patient"},
                 {"field", "date_of_birth"},
                 {"rule", "future_date"},
                 {"today", "2026-12-01"}}
            << QString("the server refused it: the date of birth must not be in the future; correct the patient");
        QTest::newRow("appointment too short")
            << std::string("invalid_field")
            << P{{"record_type", "appointment"}, {"field", "minutes"}, {"rule", "range"}, {"min", "5"}, {"max", "720"}}
            << QString("the minutes must be from 5 to 720");
    }

    void sentences()
    {
        QFETCH(std::string, code);
        using Params = std::map<std::string, std::string>;
        QFETCH(Params, params);
        QFETCH(QString, expected);
        core::SyncConflict c;
        c.entity = params.contains("record_type") ? params.at("record_type") : "appointment";
        c.code = code;
        c.params = params;
        c.reason = "THE SERVER'S OWN WORDS";
        const QString sentence = QString::fromStdString(app::conflictSentence(c));
        QVERIFY2(sentence.contains(expected), qPrintable(sentence));
        QVERIFY(!sentence.contains("SERVER'S OWN WORDS"));
    }

    // Every rule code core can return, and every reason a change is parked for, has its own sentence.
    void everyRuleAndParkingReasonHasASentence()
    {
        const std::map<std::string, std::string> base{
            {"record_type", "patient"}, {"field", "date_of_birth"}, {"min", "1"}, {"max", "2"},      {"allowed", "a,b"},
            {"format", "zip"},          {"references", "room"},     {"id", "r1"}, {"after", "start"}};
        std::set<std::string> sentences;
        for (const std::string& rule : core::ruleCodes()) {
            auto params = base;
            params["rule"] = rule;
            const std::string sentence = app::ruleSentence(params);
            QVERIFY2(sentence.find("breaks the rule") == std::string::npos, rule.c_str());
            QVERIFY2(sentences.insert(sentence).second, rule.c_str());
        }
        for (const std::string& code : core::parkReasonCodes()) {
            core::ParkedChange p;
            p.entity = "patient";
            p.code = code;
            p.params = base;
            p.params["rule"] = "required";
            p.params["constraint"] = "foreign_key";
            const std::string sentence = app::parkedSentence(p);
            QVERIFY2(sentence.find("parked (") == std::string::npos, code.c_str());
            QVERIFY2(sentences.insert(sentence).second, code.c_str());
        }
    }

    // Every error code core and sync return has its own English sentence for the command lines.
    void everyErrorCodeHasASentence()
    {
        std::set<std::string> sentences;
        for (int c = 0; c <= static_cast<int>(core::ErrorCode::Internal); ++c) {
            const auto code = static_cast<core::ErrorCode>(c);
            QCOMPARE(core::errorCodeFromName(core::errorCodeName(code)), std::optional(code));
            const std::string sentence = words::errorSentence(core::Error::make(code));
            QVERIFY2(!sentence.empty() && sentences.insert(sentence).second, sentence.c_str());
        }
    }

    // Every rule core and the server return as an error has its own English sentence.
    void everyCoreRuleHasASentence()
    {
        const core::ErrorParams params{{"min", "1"},
                                       {"max", "9"},
                                       {"step", "5"},
                                       {"format", "zip"},
                                       {"allowed", "a,b"},
                                       {"after", "start"},
                                       {"references", "room"},
                                       {"when_field", "status"},
                                       {"when_value", "x"},
                                       {"with", "given_name"},
                                       {"max_length", "10"},
                                       {"min_length", "8"},
                                       {"resource", "room"},
                                       {"warning", "break"},
                                       {"from", "scheduled"},
                                       {"to", "arrived"},
                                       {"constraint", "unique"},
                                       {"value", "primary"}};
        std::set<std::string> sentences;
        for (core::Rule rule : core::allRules()) {
            const std::string sentence =
                words::errorSentence(core::Error::make(core::ErrorCode::Validation, "family_name", rule, params));
            QVERIFY2(sentence.find("breaks the rule") == std::string::npos, sentence.c_str());
            QVERIFY2(sentences.insert(sentence).second, sentence.c_str());
        }
        QCOMPARE(words::errorSentence(
                     core::Error::make(core::ErrorCode::Validation, "date_of_birth", core::Rule::FutureDate)),
                 std::string("The date of birth must not be in the future."));
    }

    void olderServersWords()
    {
        core::SyncConflict c;
        c.entity = "appointment";
        c.code = "double_booking";
        c.reason = "provider p1 is already booked by appointment a2 from 1 to 2";
        QCOMPARE(app::conflictSentence(c), c.reason);
    }
};

QTEST_GUILESS_MAIN(tst_ConflictText)
#include "tst_conflicttext.moc"
