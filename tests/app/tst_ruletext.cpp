// The GUI's words for typed errors: every rule core and the server return, every field rule the server
// refuses with, every reason a pulled change is parked for and every error code has its own sentence,
// made from the code and its params (never from core's words, which core no longer makes).
#include "app/gui/common/UiText.h"
#include "app/gui/sync/ConflictDescriber.h"
#include "app/gui/sync/RuleText.h"
#include "core/records/FieldRules.h"
#include "core/sync/ChangeMerger.h"
#include "tests/support/TestSupport.h"

#include <QSet>
#include <QTest>

using namespace practica;

namespace {

// Every particular any rule reads, so each rule's sentence is complete.
const core::ErrorParams kParams{{"min", "1"},
                                {"max", "9"},
                                {"step", "5"},
                                {"format", "zip"},
                                {"allowed", "a,b"},
                                {"after", "start"},
                                {"or_equal", "1"},
                                {"references", "room"},
                                {"id", "r1"},
                                {"when_field", "status"},
                                {"when_value", "x"},
                                {"with", "given_name"},
                                {"max_length", "10"},
                                {"min_length", "8"},
                                {"resource", "room"},
                                {"other_appointment", "a1"},
                                {"warning", "break"},
                                {"from", "scheduled"},
                                {"to", "arrived"},
                                {"constraint", "unique"},
                                {"value", "primary"},
                                {"time", "2026-03-08 02:30"},
                                {"record_type", "patient"}};

bool isStateRule(core::Rule rule)
{
    return static_cast<int>(rule) >= static_cast<int>(core::Rule::Unique);
}

} // namespace

class tst_RuleText : public QObject
{
    Q_OBJECT

private slots:
    void everyRuleHasItsOwnSentence()
    {
        const QString valueFallback = app::UiText::validation(core::Error::make(core::ErrorCode::Validation, "x", "?"));
        const QString stateFallback = app::UiText::error(core::Error::make(core::ErrorCode::Conflict, "x", "?"));
        QSet<QString> sentences;
        for (core::Rule rule : core::allRules()) {
            const auto name = std::string(core::ruleName(rule));
            QCOMPARE(core::ruleFromName(name), std::optional(rule));
            const auto code = isStateRule(rule) ? core::ErrorCode::Conflict : core::ErrorCode::Validation;
            const QString sentence = app::UiText::error(core::Error::make(code, "family_name", rule, kParams));
            QVERIFY2(!sentence.isEmpty() && sentence != valueFallback && sentence != stateFallback, name.c_str());
            QVERIFY2(!sentences.contains(sentence), qPrintable(sentence));
            sentences.insert(sentence);
        }
    }

    // The server's field rules (checkFields) are rules core knows, and each has a sentence in the
    // conflicts and parked lists.
    void everyFieldRuleAndParkingReasonHasASentence()
    {
        QSet<QString> sentences;
        for (const std::string& rule : core::ruleCodes()) {
            QVERIFY2(core::ruleFromName(rule).has_value(), rule.c_str());
            auto params = kParams;
            params["field"] = "date_of_birth";
            params["rule"] = rule;
            const QString sentence = app::RuleText::rule(params);
            QVERIFY2(!sentence.contains(QLatin1String("breaks the rule")), rule.c_str());
            QVERIFY2(!sentences.contains(sentence), qPrintable(sentence));
            sentences.insert(sentence);
        }
        for (const std::string& code : core::parkReasonCodes()) {
            core::ParkedChange p;
            p.entity = "patient";
            p.code = code;
            p.params = kParams;
            p.params["field"] = "date_of_birth";
            p.params["rule"] = "required";
            const QString sentence = app::RuleText::parked(p);
            QVERIFY2(!sentence.startsWith(QLatin1String("Not merged (")), code.c_str());
            QVERIFY2(!sentences.contains(sentence), qPrintable(sentence));
            sentences.insert(sentence);
        }
    }

    void everyErrorCodeHasASentence()
    {
        QSet<QString> sentences;
        for (int c = 0; c <= static_cast<int>(core::ErrorCode::Internal); ++c) {
            const QString sentence = app::UiText::error(core::Error::make(static_cast<core::ErrorCode>(c)));
            QVERIFY2(!sentence.isEmpty() && !sentences.contains(sentence), qPrintable(sentence));
            sentences.insert(sentence);
        }
    }

    // A server older than the codes sends only its English reason: the conflict still says what was
    // refused and shows the server's words, and a code this build does not know still gets a card.
    void olderServersRefusalsReadSensibly()
    {
        test::TempClinic clinic;
        core::SyncConflict old;
        old.id = "c1";
        old.entity = "appointment";
        old.rowId = "a1";
        old.code = "double_booking";
        old.reason = "provider p1 is already booked by appointment a2 from 1 to 2";
        const app::ConflictSummary s = app::ConflictDescriber::describe(clinic.admin(), old);
        QVERIFY2(s.title.contains(QLatin1String("appointment")), qPrintable(s.title));
        QVERIFY2(s.detail.contains(QString::fromStdString(old.reason)), qPrintable(s.detail));

        core::SyncConflict unknown = old;
        unknown.code = "rule_from_the_future";
        unknown.params = {{"record_type", "appointment"}};
        const app::ConflictSummary u = app::ConflictDescriber::describe(clinic.admin(), unknown);
        QVERIFY(!u.title.isEmpty());
        QVERIFY2(u.detail.contains(QString::fromStdString(old.reason)) ||
                     u.detail.contains(QLatin1String("rule_from_the_future")),
                 qPrintable(u.detail));
    }

    // A field's rule reads as a fix next to the field.
    void formSentences()
    {
        using core::ErrorCode;
        using core::Rule;
        QCOMPARE(
            app::UiText::validation(core::Error::make(ErrorCode::Validation, "zip", Rule::Format, {{"format", "zip"}})),
            QString("Enter a ZIP code (12345 or 12345-6789)."));
        QCOMPARE(app::UiText::validation(core::Error::make(ErrorCode::Validation, "deceased_date", Rule::Order,
                                                           {{"after", "date_of_birth"}, {"or_equal", "1"}})),
                 QString("The date of death cannot come before the date of birth."));
        QCOMPARE(
            app::UiText::error(core::Error::make(ErrorCode::Conflict, "rank", Rule::Unique, {{"value", "primary"}})),
            QString("The patient already has an active primary policy."));
    }
};

QTEST_MAIN(tst_RuleText)
#include "tst_ruletext.moc"
