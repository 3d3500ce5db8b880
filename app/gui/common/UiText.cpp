#include "UiText.h"

#include "core/util/Validators.h"

#include <QDate>

namespace practica::app {

QString UiText::role(core::Role role)
{
    switch (role) {
    case core::Role::Admin:
        return tr("Administrator");
    case core::Role::FrontDesk:
        return tr("Front desk");
    case core::Role::Clinician:
        return tr("Clinician");
    case core::Role::Biller:
        return tr("Biller");
    }
    return tr("Unknown role");
}

QString UiText::patientStatus(core::PatientStatus status)
{
    switch (status) {
    case core::PatientStatus::Active:
        return tr("Active");
    case core::PatientStatus::Inactive:
        return tr("Inactive");
    case core::PatientStatus::Deceased:
        return tr("Deceased");
    case core::PatientStatus::Merged:
        return tr("Merged");
    }
    return tr("Unknown");
}

QString UiText::sex(const std::string& code)
{
    if (code == "female")
        return tr("Female");
    if (code == "male")
        return tr("Male");
    if (code == "other")
        return tr("Other");
    return tr("Unknown");
}

QString UiText::coverageRank(const std::string& rank)
{
    if (rank == "primary")
        return tr("Primary");
    if (rank == "secondary")
        return tr("Secondary");
    if (rank == "tertiary")
        return tr("Tertiary");
    return qs(rank);
}

QString UiText::relationship(const std::string& code)
{
    if (code == "self")
        return tr("Self");
    if (code == "spouse")
        return tr("Spouse");
    if (code == "child")
        return tr("Child");
    if (code == "other")
        return tr("Other");
    return qs(code);
}

QString UiText::usDate(const std::string& iso)
{
    const QDate d = QDate::fromString(qs(iso), Qt::ISODate);
    return d.isValid() ? d.toString(QStringLiteral("MM/dd/yyyy")) : qs(iso);
}

QString UiText::age(const std::string& dobIso, const std::string& todayIso)
{
    const QDate dob = QDate::fromString(qs(dobIso), Qt::ISODate);
    const QDate today = QDate::fromString(qs(todayIso), Qt::ISODate);
    if (!dob.isValid() || !today.isValid() || dob > today)
        return {};
    int years = today.year() - dob.year();
    if (today.month() < dob.month() || (today.month() == dob.month() && today.day() < dob.day()))
        --years;
    if (years >= 2)
        return QString::number(years);
    int months = (today.year() - dob.year()) * 12 + today.month() - dob.month();
    if (today.day() < dob.day())
        --months;
    return tr("%n mo", nullptr, months);
}

QString UiText::phone(const std::optional<std::string>& digits)
{
    if (!digits || digits->empty())
        return {};
    return qs(core::formatPhone(*digits));
}

} // namespace practica::app
