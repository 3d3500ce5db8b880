#include "ClinicForm.h"

#include "app/gui/common/FormRows.h"
#include "app/gui/common/UiText.h"
#include "core/clinic/ClinicStore.h"
#include "core/util/Validators.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QTimeZone>
#include <QVBoxLayout>

namespace practica::app {

namespace {

struct Zone
{
    const char* id;
    const char* label;
};

// The zones US clinics use, listed first; every other IANA zone follows.
constexpr Zone kUsZones[] = {
    {"America/New_York", QT_TRANSLATE_NOOP("ClinicForm", "Eastern")},
    {"America/Chicago", QT_TRANSLATE_NOOP("ClinicForm", "Central")},
    {"America/Denver", QT_TRANSLATE_NOOP("ClinicForm", "Mountain")},
    {"America/Phoenix", QT_TRANSLATE_NOOP("ClinicForm", "Mountain, no daylight saving (Arizona)")},
    {"America/Los_Angeles", QT_TRANSLATE_NOOP("ClinicForm", "Pacific")},
    {"America/Anchorage", QT_TRANSLATE_NOOP("ClinicForm", "Alaska")},
    {"Pacific/Honolulu", QT_TRANSLATE_NOOP("ClinicForm", "Hawaii")},
    {"America/Puerto_Rico", QT_TRANSLATE_NOOP("ClinicForm", "Atlantic (Puerto Rico)")},
};

} // namespace

ClinicForm::ClinicForm(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("clinicForm"));
    m_name = FormRows::lineEdit(QStringLiteral("clinicNameEdit"), tr("e.g. Riverside Family Practice"));
    m_npi = FormRows::lineEdit(QStringLiteral("clinicNpiEdit"), tr("10 digits"));
    m_npi->setMaxLength(10);
    m_taxId = FormRows::lineEdit(QStringLiteral("clinicTaxIdEdit"), tr("12-3456789"));
    m_taxId->setMaxLength(10);
    m_phone = FormRows::lineEdit(QStringLiteral("clinicPhoneEdit"), tr("(555) 123-4567"));
    m_address1 = FormRows::lineEdit(QStringLiteral("clinicAddress1Edit"), tr("Street and number"));
    m_address2 = FormRows::lineEdit(QStringLiteral("clinicAddress2Edit"), tr("Suite, floor (optional)"));
    m_city = FormRows::lineEdit(QStringLiteral("clinicCityEdit"));
    m_state = FormRows::lineEdit(QStringLiteral("clinicStateEdit"), tr("IL"));
    m_state->setMaxLength(2);
    FormRows::upperCase(m_state);
    m_state->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[A-Za-z]{0,2}")), m_state));
    m_zip = FormRows::lineEdit(QStringLiteral("clinicZipEdit"), tr("12345"));
    m_zip->setMaxLength(10);
    m_timeZone = FormRows::combo(QStringLiteral("clinicTimeZoneCombo"));
    m_mrnPrefix = FormRows::lineEdit(QStringLiteral("clinicMrnPrefixEdit"), tr("optional, e.g. RFP"));
    m_mrnPrefix->setMaxLength(4);
    FormRows::upperCase(m_mrnPrefix);
    fillTimeZones();

    auto* practice = new QGroupBox(tr("Practice"));
    FormRows practiceRows(FormRows::newFormLayout(practice), &m_messages);
    practiceRows.add(tr("&Name"), m_name, QStringLiteral("name"));
    practiceRows.add(tr("N&PI"), m_npi, QStringLiteral("npi"));
    practiceRows.add(tr("&Tax ID (EIN)"), m_taxId, QStringLiteral("tax_id"));
    practiceRows.add(tr("P&hone"), m_phone, QStringLiteral("phone"));

    auto* address = new QGroupBox(tr("Address"));
    FormRows addressRows(FormRows::newFormLayout(address), &m_messages);
    addressRows.add(tr("&Street"), m_address1, QStringLiteral("address_line1"));
    addressRows.add(tr("Line &2"), m_address2, QStringLiteral("address_line2"));
    addressRows.add(tr("&City"), m_city, QStringLiteral("city"));
    addressRows.add(tr("St&ate"), m_state, QStringLiteral("state"));
    addressRows.add(tr("&ZIP"), m_zip, QStringLiteral("zip"));

    auto* operation = new QGroupBox(tr("Scheduling and records"));
    FormRows operationRows(FormRows::newFormLayout(operation), &m_messages);
    operationRows.add(tr("Time &zone"), m_timeZone, QStringLiteral("time_zone"));
    operationRows.add(tr("&MRN prefix"), m_mrnPrefix, QStringLiteral("mrn_prefix"));

    auto* columns = new QHBoxLayout(this);
    columns->setContentsMargins(0, 0, 0, 0);
    columns->setSpacing(16);
    auto* left = new QVBoxLayout;
    left->addWidget(practice);
    left->addWidget(operation);
    left->addStretch();
    auto* right = new QVBoxLayout;
    right->addWidget(address);
    right->addStretch();
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);
}

void ClinicForm::fillTimeZones()
{
    QStringList listed;
    for (const Zone& z : kUsZones) {
        m_timeZone->addItem(QStringLiteral("%1 — %2").arg(tr(z.label), QString::fromLatin1(z.id)),
                            QString::fromLatin1(z.id));
        listed << QString::fromLatin1(z.id);
    }
    m_timeZone->insertSeparator(m_timeZone->count());
    for (const QByteArray& id : QTimeZone::availableTimeZoneIds()) {
        const QString name = QString::fromLatin1(id);
        // Only region/city names: the tz database also lists aliases like "EST5EDT" and "Etc/GMT+5".
        if (!name.contains(QLatin1Char('/')) || name.startsWith(QLatin1String("Etc/")) || listed.contains(name))
            continue;
        if (!core::isTimeZone(name.toStdString()))
            continue;
        m_timeZone->addItem(name, name);
    }
    const int system = m_timeZone->findData(QString::fromLatin1(QTimeZone::systemTimeZoneId()));
    m_timeZone->setCurrentIndex(system >= 0 ? system : 0);
}

core::Clinic ClinicForm::clinic() const
{
    core::Clinic c = m_loaded;
    c.name = ss(m_name->text());
    c.npi = ss(m_npi->text());
    c.taxId = ss(m_taxId->text());
    c.phone = optionalText(m_phone->text());
    c.addressLine1 = ss(m_address1->text());
    c.addressLine2 = optionalText(m_address2->text());
    c.city = ss(m_city->text());
    c.state = ss(m_state->text().toUpper());
    c.zip = ss(m_zip->text());
    c.timeZone = m_timeZone->currentData().toString().toStdString();
    c.mrnPrefix = ss(m_mrnPrefix->text().toUpper());
    return c;
}

void ClinicForm::setClinic(const core::Clinic& c)
{
    m_loaded = c;
    m_name->setText(qs(c.name));
    m_npi->setText(qs(c.npi));
    m_taxId->setText(qs(c.taxId));
    m_phone->setText(UiText::phone(c.phone));
    m_address1->setText(qs(c.addressLine1));
    m_address2->setText(qs(c.addressLine2));
    m_city->setText(qs(c.city));
    m_state->setText(qs(c.state));
    m_zip->setText(qs(c.zip));
    int zone = m_timeZone->findData(qs(c.timeZone));
    if (zone < 0) {
        m_timeZone->addItem(qs(c.timeZone), qs(c.timeZone));
        zone = m_timeZone->count() - 1;
    }
    m_timeZone->setCurrentIndex(zone);
    m_mrnPrefix->setText(qs(c.mrnPrefix));
    m_messages.clear();
}

void ClinicForm::setReadOnly(bool readOnly)
{
    for (QLineEdit* e : {m_name, m_npi, m_taxId, m_phone, m_address1, m_address2, m_city, m_state, m_zip, m_mrnPrefix})
        e->setReadOnly(readOnly);
    m_timeZone->setEnabled(!readOnly);
}

bool ClinicForm::validate()
{
    const core::Status status = core::ClinicStore::validate(clinic());
    if (status) {
        m_messages.clear();
        return true;
    }
    showError(status.error());
    return false;
}

void ClinicForm::showError(const core::Error& error)
{
    m_messages.show({error});
    if (QWidget* w = m_messages.firstInvalidInput())
        w->setFocus();
}

QWidget* ClinicForm::firstInput() const
{
    return m_name;
}

} // namespace practica::app
