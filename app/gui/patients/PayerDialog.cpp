#include "PayerDialog.h"

#include "app/gui/common/FormRows.h"
#include "app/gui/common/UiText.h"
#include "app/gui/shell/Workspace.h"
#include "core/patients/CoverageStore.h"
#include "core/patients/PatientValidator.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace practica::app {

PayerDialog::PayerDialog(Workspace& workspace, QWidget* parent) : QDialog(parent), m_workspace(workspace)
{
    setObjectName(QStringLiteral("payerDialog"));
    setWindowTitle(tr("New payer"));
    m_name = FormRows::lineEdit(QStringLiteral("payerNameEdit"), tr("e.g. Blue Cross Blue Shield of Illinois"));
    m_code = FormRows::lineEdit(QStringLiteral("payerCodeEdit"), tr("the clearinghouse payer ID"));
    m_address = FormRows::lineEdit(QStringLiteral("payerAddressEdit"), tr("claims address (optional)"));
    m_city = FormRows::lineEdit(QStringLiteral("payerCityEdit"));
    m_state = FormRows::lineEdit(QStringLiteral("payerStateEdit"), tr("IL"));
    m_state->setMaxLength(2);
    FormRows::upperCase(m_state);
    m_zip = FormRows::lineEdit(QStringLiteral("payerZipEdit"));
    m_phone = FormRows::lineEdit(QStringLiteral("payerPhoneEdit"), tr("(555) 123-4567"));
    auto* form = FormRows::newFormLayout();
    FormRows rows(form, &m_messages);
    rows.add(tr("&Name"), m_name, QStringLiteral("name"));
    rows.add(tr("Payer &ID"), m_code, QStringLiteral("payer_code"));
    rows.add(tr("&Address"), m_address, QStringLiteral("address_line1"));
    rows.add(tr("&City"), m_city, QStringLiteral("city"));
    rows.add(tr("&State"), m_state, QStringLiteral("state"));
    rows.add(tr("&ZIP"), m_zip, QStringLiteral("zip"));
    rows.add(tr("&Phone"), m_phone, QStringLiteral("phone"));
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
    core::Payer payer;
    payer.name = ss(m_name->text());
    payer.payerCode = ss(m_code->text());
    payer.addressLine1 = optionalText(m_address->text());
    payer.city = optionalText(m_city->text());
    payer.state = optionalText(m_state->text().toUpper());
    payer.zip = optionalText(m_zip->text());
    payer.phone = optionalText(m_phone->text());
    if (core::Status valid = core::PatientValidator::normalizeAndValidate(payer); !valid) {
        m_messages.show({valid.error()});
        if (QWidget* w = m_messages.firstInvalidInput())
            w->setFocus();
        return;
    }
    auto created = core::PayerStore(*session).create(payer);
    if (!created) {
        m_messages.show({created.error()});
        m_error->setText(UiText::error(created.error()));
        m_error->show();
        return;
    }
    m_payerId = qs(created->id);
    accept();
}

} // namespace practica::app
