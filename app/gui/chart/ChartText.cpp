#include "ChartText.h"

#include "app/gui/common/UiText.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>
#include <map>

namespace practica::app {

namespace {

QString lookup(const std::map<std::string, const char*>& words, const std::string& code)
{
    auto it = words.find(code);
    return it == words.end() ? qs(code) : ChartText::tr(it->second);
}

} // namespace

QString ChartText::visitType(const std::string& key)
{
    static const std::map<std::string, const char*> kTypes = {
        {"office", QT_TR_NOOP("Office visit")}, {"new_patient", QT_TR_NOOP("New patient")},
        {"follow_up", QT_TR_NOOP("Follow-up")}, {"annual_physical", QT_TR_NOOP("Annual physical")},
        {"acute", QT_TR_NOOP("Acute visit")},   {"telehealth", QT_TR_NOOP("Telehealth visit")},
        {"procedure", QT_TR_NOOP("Procedure")}};
    return lookup(kTypes, key);
}

QStringList ChartText::visitTypeKeys()
{
    return {QStringLiteral("office"),          QStringLiteral("new_patient"), QStringLiteral("follow_up"),
            QStringLiteral("annual_physical"), QStringLiteral("acute"),       QStringLiteral("telehealth"),
            QStringLiteral("procedure")};
}

QString ChartText::status(const std::string& code)
{
    static const std::map<std::string, const char*> kStatus = {{"active", QT_TR_NOOP("Active")},
                                                               {"inactive", QT_TR_NOOP("Inactive")},
                                                               {"resolved", QT_TR_NOOP("Resolved")},
                                                               {"entered_in_error", QT_TR_NOOP("Entered in error")},
                                                               {"discontinued", QT_TR_NOOP("Discontinued")},
                                                               {"completed", QT_TR_NOOP("Completed")},
                                                               {"not_done", QT_TR_NOOP("Not given")},
                                                               {"final", QT_TR_NOOP("Final")},
                                                               {"preliminary", QT_TR_NOOP("Preliminary")},
                                                               {"corrected", QT_TR_NOOP("Corrected")},
                                                               {"cancelled", QT_TR_NOOP("Cancelled")},
                                                               {"open", QT_TR_NOOP("Open")},
                                                               {"closed", QT_TR_NOOP("Closed")},
                                                               {"prescribed", QT_TR_NOOP("Prescribed here")},
                                                               {"reported", QT_TR_NOOP("Reported")}};
    return lookup(kStatus, code);
}

QString ChartText::severity(const std::string& code)
{
    static const std::map<std::string, const char*> kSeverity = {{"mild", QT_TR_NOOP("mild")},
                                                                 {"moderate", QT_TR_NOOP("moderate")},
                                                                 {"severe", QT_TR_NOOP("severe")},
                                                                 {"unknown", QT_TR_NOOP("severity unknown")}};
    return lookup(kSeverity, code);
}

QString ChartText::allergyCategory(const std::string& code)
{
    static const std::map<std::string, const char*> kCategory = {{"drug", QT_TR_NOOP("Drug")},
                                                                 {"drug_class", QT_TR_NOOP("Drug class")},
                                                                 {"food", QT_TR_NOOP("Food")},
                                                                 {"environmental", QT_TR_NOOP("Environmental")},
                                                                 {"other", QT_TR_NOOP("Other")}};
    return lookup(kCategory, code);
}

QString ChartText::vitalName(const std::string& field)
{
    static const std::map<std::string, const char*> kNames = {{"height_mm", QT_TR_NOOP("Height")},
                                                              {"weight_g", QT_TR_NOOP("Weight")},
                                                              {"bmi", QT_TR_NOOP("BMI")},
                                                              {"blood_pressure", QT_TR_NOOP("Blood pressure")},
                                                              {"systolic", QT_TR_NOOP("Systolic")},
                                                              {"diastolic", QT_TR_NOOP("Diastolic")},
                                                              {"pulse", QT_TR_NOOP("Pulse")},
                                                              {"temperature_dc", QT_TR_NOOP("Temperature")},
                                                              {"respiratory_rate", QT_TR_NOOP("Respiratory rate")},
                                                              {"spo2", QT_TR_NOOP("SpO2")},
                                                              {"pain", QT_TR_NOOP("Pain")}};
    return lookup(kNames, field);
}

QString ChartText::vitalFlag(core::VitalFlag flag)
{
    switch (flag) {
    case core::VitalFlag::Low:
        return tr("low");
    case core::VitalFlag::High:
        return tr("high");
    case core::VitalFlag::Normal:
        break;
    }
    return {};
}

QString ChartText::labFlag(const std::optional<std::string>& flag)
{
    if (!flag || *flag == "N")
        return {};
    static const std::map<std::string, const char*> kFlags = {{"L", QT_TR_NOOP("low")},
                                                              {"H", QT_TR_NOOP("high")},
                                                              {"LL", QT_TR_NOOP("critically low")},
                                                              {"HH", QT_TR_NOOP("critically high")},
                                                              {"A", QT_TR_NOOP("abnormal")},
                                                              {"AA", QT_TR_NOOP("critically abnormal")}};
    return lookup(kFlags, *flag);
}

QString ChartText::entity(const std::string& entity)
{
    static const std::map<std::string, const char*> kNames = {
        {"encounter", QT_TR_NOOP("Visit")},           {"clinical_note", QT_TR_NOOP("Note")},
        {"vital_signs", QT_TR_NOOP("Vital signs")},   {"problem", QT_TR_NOOP("Problem")},
        {"allergy", QT_TR_NOOP("Allergy")},           {"medication", QT_TR_NOOP("Medication")},
        {"immunization", QT_TR_NOOP("Immunization")}, {"lab_result", QT_TR_NOOP("Lab result")}};
    return lookup(kNames, entity);
}

QString ChartText::noteKind(const core::ClinicalNote& note)
{
    return note.kind == "addendum" ? tr("Addendum") : tr("Note");
}

QString ChartText::signature(const core::ClinicalNote& note, const QString& signerName, const std::string& timeZone)
{
    if (!note.signedAt)
        return tr("Draft, not signed");
    const QDateTime at = QDateTime::fromString(qs(*note.signedAt), Qt::ISODate);
    return tr("Signed by %1 on %2").arg(signerName, dateTime(at.toMSecsSinceEpoch(), timeZone));
}

QString ChartText::allergyBanner(const core::AllergyStatus& status)
{
    switch (status.state) {
    case core::AllergyState::NotRecorded:
        return tr("Allergies not recorded: ask the patient");
    case core::AllergyState::NoKnownAllergies:
        return tr("No known allergies");
    case core::AllergyState::Allergies:
        break;
    }
    QStringList items;
    for (const core::Allergy& a : status.active) {
        QStringList detail;
        if (a.reaction)
            detail << qs(*a.reaction);
        if (a.severity != "unknown")
            detail << severity(a.severity);
        items << (detail.isEmpty() ? qs(a.substance)
                                   : QStringLiteral("%1 (%2)").arg(qs(a.substance), detail.join(QStringLiteral(", "))));
    }
    QString text = tr("Allergies: %1").arg(items.join(QStringLiteral(" · ")));
    if (status.contradicted)
        text += tr(" (also recorded elsewhere as \"no known allergies\": check with the patient)");
    return text;
}

QString ChartText::dateTime(std::int64_t utcMs, const std::string& timeZone)
{
    const QTimeZone zone(QByteArray::fromStdString(timeZone));
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(utcMs, zone.isValid() ? zone : QTimeZone::utc());
    return QLocale(QLocale::English, QLocale::UnitedStates).toString(at, QStringLiteral("MM/dd/yyyy h:mm AP"));
}

std::int64_t ChartText::onClinicClock(std::int64_t utcMs, const std::string& timeZone)
{
    const QTimeZone zone(QByteArray::fromStdString(timeZone));
    const QDateTime utc = QDateTime::fromMSecsSinceEpoch(utcMs, QTimeZone::utc());
    const int clinicOffset = zone.isValid() ? zone.offsetFromUtc(utc) : 0;
    const std::int64_t shifted = utcMs + std::int64_t{clinicOffset} * 1000;
    // The computer's offset at the shifted instant, which is the one its labels use.
    const int localOffset = QDateTime::fromMSecsSinceEpoch(shifted).offsetFromUtc();
    return shifted - std::int64_t{localOffset} * 1000;
}

QString ChartText::vitalsSummary(const core::VitalSigns& v)
{
    QStringList parts;
    for (const core::VitalReading& r : core::vitalReadings(v, core::UnitSystem::Us)) {
        QString part = QStringLiteral("%1 %2 %3")
                           .arg(vitalName(r.field), QString::fromStdString(r.text), QString::fromStdString(r.unit));
        if (r.flag != core::VitalFlag::Normal)
            part += QStringLiteral(" (%1)").arg(vitalFlag(r.flag));
        parts << part;
    }
    return parts.join(QStringLiteral(", "));
}

QString ChartText::html(const QString& text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

} // namespace practica::app
