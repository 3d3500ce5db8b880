#include "PayerDialog.h"

#include "app/gui/billing/BillingText.h"
#include "app/gui/common/FormRows.h"
#include "app/gui/common/UiText.h"
#include "app/gui/shell/Workspace.h"
#include "core/patients/CoverageStore.h"
#include "core/patients/PatientValidator.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace practica::app {

PayerDialog::PayerDialog(Workspace& workspace, QWidget* parent, std::optional<core::Payer> existing)
    : QDialog(parent), m_workspace(workspace), m_existing(std::move(existing))
{
    setObjectName(QStringLiteral("payerDialog"));
    setWindowTitle(m_existing ? tr("Payer") : tr("New payer"));
    m_name = FormRows::lineEdit(QStringLiteral("payerNameEdit"), tr("e.g. Blue Cross Blue Shield of Illinois"));
    m_code = FormRows::lineEdit(QStringLiteral("payerCodeEdit"), tr("the clearinghouse payer ID"));
    m_address = FormRows::lineEdit(QStringLiteral("payerAddressEdit"), tr("claims address (optional)"));
    m_city = FormRows::lineEdit(QStringLiteral("payerCityEdit"));
    m_state = FormRows::lineEdit(QStringLiteral("payerStateEdit"), tr("IL"));
    m_state->setMaxLength(2);
    FormRows::upperCase(m_state);
    m_zip = FormRows::lineEdit(QStringLiteral("payerZipEdit"));
    m_phone = FormRows::lineEdit(QStringLiteral("payerPhoneEdit"), tr("(555) 123-4567"));
    m_filing = new QComboBox;
    m_filing->setObjectName(QStringLiteral("payerFilingIndicator"));
    for (const std::string& code : core::claimFilingIndicators())
        m_filing->addItem(BillingText::filingIndicator(code), qs(code));
    m_filing->setCurrentIndex(m_filing->findData(QStringLiteral("CI")));
    m_timelyFiling = new QSpinBox;
    m_timelyFiling->setObjectName(QStringLiteral("payerTimelyFiling"));
    m_timelyFiling->setRange(29, 3650); // 29: none of its own
    m_timelyFiling->setSpecialValueText(tr("as the clearinghouse settings say"));
    m_timelyFiling->setSuffix(tr(" days"));
    m_timelyFiling->setValue(29);
    if (m_existing) {
        m_name->setText(qs(m_existing->name));
        m_code->setText(qs(m_existing->payerCode));
        m_address->setText(qs(m_existing->addressLine1.value_or("")));
        m_city->setText(qs(m_existing->city.value_or("")));
        m_state->setText(qs(m_existing->state.value_or("")));
        m_zip->setText(qs(m_existing->zip.value_or("")));
        m_phone->setText(qs(m_existing->phone.value_or("")));
        m_filing->setCurrentIndex(std::max(0, m_filing->findData(qs(m_existing->filingIndicator))));
        m_timelyFiling->setValue(m_existing->timelyFilingDays.value_or(29));
    }
    auto* form = FormRows::newFormLayout();
    FormRows rows(form, &m_messages);
    rows.add(tr("&Name"), m_name, QStringLiteral("name"));
    rows.add(tr("Payer &ID"), m_code, QStringLiteral("payer_code"));
    rows.add(tr("&Address"), m_address, QStringLiteral("address_line1"));
    rows.add(tr("&City"), m_city, QStringLiteral("city"));
    rows.add(tr("&State"), m_state, QStringLiteral("state"));
    rows.add(tr("&ZIP"), m_zip, QStringLiteral("zip"));
    rows.add(tr("&Phone"), m_phone, QStringLiteral("phone"));
    rows.add(tr("Claims go &as"), m_filing, QStringLiteral("filing_indicator"));
    rows.add(tr("&Timely filing"), m_timelyFiling, QStringLiteral("timely_filing_days"));
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("payerError"));
    m_error->setProperty("role", QStringLiteral("banner"));
    m_error->setWordWrap(true);
    m_error->hide();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("savePayerButton"));
    buttons->button(QDialogButtonBox::Save)->setProperty("role", QStringLiteral("primary"));
    connect(buttons, &QDialogButtonBox::accepted, this, &PayerDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 14);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(480);
}

void PayerDialog::save()
{
    core::Session* session = m_workspace.session();
    if (!session)
        return;
    core::Payer payer = m_existing.value_or(core::Payer{});
    payer.name = ss(m_name->text());
    payer.payerCode = ss(m_code->text());
    payer.addressLine1 = optionalText(m_address->text());
    payer.city = optionalText(m_city->text());
    payer.state = optionalText(m_state->text().toUpper());
    payer.zip = optionalText(m_zip->text());
    payer.phone = optionalText(m_phone->text());
    payer.filingIndicator = m_filing->currentData().toString().toStdString();
    payer.timelyFilingDays = m_timelyFiling->value() >= 30 ? std::optional(m_timelyFiling->value()) : std::nullopt;
    if (core::Status valid = core::PatientValidator::normalizeAndValidate(payer); !valid) {
        m_messages.show({valid.error()});
        if (QWidget* w = m_messages.firstInvalidInput())
            w->setFocus();
        return;
    }
    core::Result<core::Payer> saved = payer;
    if (!m_existing)
        saved = core::PayerStore(*session).create(payer);
    else if (core::Status updated = core::PayerStore(*session).update(payer); !updated)
        saved = std::unexpected(updated.error());
    if (!saved) {
        m_messages.show({saved.error()});
        m_error->setText(UiText::error(saved.error()));
        m_error->show();
        return;
    }
    m_payerId = qs(saved->id);
    accept();
}

} // namespace practica::app
