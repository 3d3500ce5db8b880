// The words the GUI shows for core's codes and enumerations, translated: core never produces text for people.
#pragma once

#include "core/Error.h"
#include "core/auth/Permissions.h"
#include "core/model/Patient.h"

#include <QCoreApplication>
#include <QString>
#include <optional>
#include <string>

namespace practica::app {

class UiText
{
    Q_DECLARE_TR_FUNCTIONS(UiText)

public:
    // One sentence for the person at the keyboard.
    static QString error(const core::Error& error);
    // The rule a Validation error names, as a short message shown next to the field.
    static QString validation(const core::Error& error);
    static QString role(core::Role role);
    static QString patientStatus(core::PatientStatus status);
    static QString sex(const std::string& code);
    static QString coverageRank(const std::string& rank);
    static QString relationship(const std::string& code);
    // "03/14/1980" from "1980-03-14"; empty text stays empty.
    static QString usDate(const std::string& iso);
    // Whole years between a date of birth and today (both ISO); empty when unknown.
    static QString age(const std::string& dobIso, const std::string& todayIso);
    static QString phone(const std::optional<std::string>& digits);
};

inline QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}
inline QString qs(const std::optional<std::string>& s)
{
    return s ? QString::fromStdString(*s) : QString();
}
inline std::string ss(const QString& s)
{
    return s.trimmed().toStdString();
}
// Empty text is "not given".
inline std::optional<std::string> optionalText(const QString& s)
{
    const QString t = s.trimmed();
    if (t.isEmpty())
        return std::nullopt;
    return t.toStdString();
}

} // namespace practica::app
