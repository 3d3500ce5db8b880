#include "CoverageDialog.h"

#include "PayerDialog.h"
#include "app/gui/common/FormRows.h"
#include "app/gui/common/UiText.h"
#include "app/gui/shell/Workspace.h"
#include "core/patients/CoverageStore.h"
#include "core/patients/PatientValidator.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace practica::app {

CoverageDialog::CoverageDialog(Workspace& workspace, core::Coverage coverage, const QString& patientName,
                               QWidget* parent)
    : QDialog(parent), m_workspace(workspace), m_coverage(std::move(coverage)), m_patientName(patientName)
{
    setObjectName(QStringLiteral("coverageDialog"));
    const bool creating = m_coverage.id.empty();
    setWindowTitle(creating ? tr("Add insurance policy") : tr("Edit insurance policy"));

    m_payer = FormRows::combo(QStringLiteral("payerCombo"));
    m_payer->setMinimumWidth(260);
    m_newPayer = new QPushButton(tr("New &payer…"));
    m_newPayer->setObjectName(QStringLiteral("newPayerButton"));
    m_newPayer->setVisible(workspace.can(core::Permission::PayerWrite));
    auto* payerRow = new QWidget;
    auto* payerLayout = new QHBoxLayout(payerRow);
    payerLayout->setContentsMargins(0, 0, 0, 0);
    payerLayout->addWidget(m_payer, 1);
    payerLayout->addWidget(m_newPayer);
    payerRow->setFocusProxy(m_payer);

    m_rank = FormRows::combo(QStringLiteral("rankCombo"));
    for (const char* rank : {"primary", "secondary", "tertiary"})
        m_rank->addItem(UiText::coverageRank(rank), QString::fromLatin1(rank));
    m_memberId = FormRows::lineEdit(QStringLiteral("memberIdEdit"));
    m_group = FormRows::lineEdit(QStringLiteral("groupNumberEdit"), tr("optional"));
    m_plan = FormRows::lineEdit(QStringLiteral("planNameEdit"), tr("optional, e.g. PPO Gold"));
    m_relationship = FormRows::combo(QStringLiteral("relationshipCombo"));
    for (const char* r : {"self", "spouse", "child", "other"})
        m_relationship->addItem(UiText::relationship(r), QString::fromLatin1(r));
    m_subscriberName = FormRows::lineEdit(QStringLiteral("subscriberNameEdit"), tr("as printed on the card"));
    m_subscriberBirthDate = FormRows::lineEdit(QStringLiteral("subscriberBirthDateEdit"), tr("MM/DD/YYYY"));
    m_effective = FormRows::lineEdit(QStringLiteral("effectiveDateEdit"), tr("MM/DD/YYYY"));
    m_end = FormRows::lineEdit(QStringLiteral("endDateEdit"), tr("MM/DD/YYYY, empty if open-ended"));

    auto* form = FormRows::newFormLayout();
    FormRows rows(form, &m_messages);
    QLabel* payerMessage = rows.add(tr("Pa&yer"), payerRow);
    payerMessage->setObjectName(QStringLiteral("payerComboMessage"));
    m_messages.add(QStringLiteral("payer_id"), m_payer, payerMessage);
    rows.add(tr("&Rank"), m_rank, QStringLiteral("rank"));
    rows.add(tr("&Member ID"), m_memberId, QStringLiteral("member_id"));
    rows.add(tr("&Group number"), m_group, QStringLiteral("group_number"));
    rows.add(tr("P&lan"), m_plan, QStringLiteral("plan_name"));
    rows.add(tr("Patient is the subscriber's"), m_relationship, QStringLiteral("relationship"));
    rows.add(tr("&Subscriber name"), m_subscriberName, QStringLiteral("subscriber_name"));
    rows.add(tr("Subscriber &birth date"), m_subscriberBirthDate, QStringLiteral("subscriber_birth_date"));
    rows.add(tr("E&ffective"), m_effective, QStringLiteral("effective_date"));
    rows.add(tr("E&nds"), m_end, QStringLiteral("end_date"));

    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("coverageDialogError"));
    m_error->setProperty("role", QStringLiteral("banner"));
    m_error->setWordWrap(true);
    m_error->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("saveCoverageButton"));
    buttons->button(QDialogButtonBox::Save)->setDefault(true);
    buttons->button(QDialogButtonBox::Save)->setProperty("role", QStringLiteral("primary"));
    connect(buttons, &QDialogButtonBox::accepted, this, &CoverageDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_newPayer, &QPushButton::clicked, this, &CoverageDialog::addPayer);
    connect(m_relationship, &QComboBox::currentIndexChanged, this, [this] {
        if (m_relationship->currentData().toString() == QLatin1String("self") && m_subscriberName->text().isEmpty())
            m_subscriberName->setText(m_patientName);
    });

    auto* title = new QLabel(tr("Insurance for %1").arg(patientName));
    title->setProperty("role", QStringLiteral("subtle"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 14);
    layout->setSpacing(10);
    layout->addWidget(title);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    loadPayers(qs(m_coverage.payerId));
    m_rank->setCurrentIndex(std::max(0, m_rank->findData(qs(m_coverage.rank))));
    m_memberId->setText(qs(m_coverage.memberId));
    m_group->setText(qs(m_coverage.groupNumber));
    m_plan->setText(qs(m_coverage.planName));
    m_relationship->setCurrentIndex(std::max(0, m_relationship->findData(qs(m_coverage.relationship))));
    m_subscriberName->setText(creating ? patientName : qs(m_coverage.subscriberName));
    if (m_coverage.subscriberBirthDate)
        m_subscriberBirthDate->setText(UiText::usDate(*m_coverage.subscriberBirthDate));
    m_effective->setText(UiText::usDate(creating ? workspace.todayIso() : m_coverage.effectiveDate));
    if (m_coverage.endDate)
        m_end->setText(UiText::usDate(*m_coverage.endDate));
    m_payer->setFocus();
    setMinimumWidth(520);
}

void CoverageDialog::loadPayers(const QString& selectId)
{
    m_payer->clear();
    core::Session* session = m_workspace.session();
    if (!session)
        return;
    auto payers = core::PayerStore(*session).list();
    if (!payers) {
        m_error->setText(UiText::error(payers.error()));
        m_error->show();
        return;
    }
    m_payer->addItem(tr("Choose a payer…"), QString());
    for (const core::Payer& p : *payers)
        m_payer->addItem(tr("%1 (%2)").arg(qs(p.name), qs(p.payerCode)), qs(p.id));
    const int index = m_payer->findData(selectId);
    m_payer->setCurrentIndex(index > 0 ? index : 0);
}

void CoverageDialog::addPayer()
{
    PayerDialog dialog(m_workspace, this);
    if (dialog.exec() == QDialog::Accepted)
        loadPayers(dialog.payerId());
    m_payer->setFocus();
}

core::Coverage CoverageDialog::fromFields() const
{
    core::Coverage c = m_coverage;
    c.payerId = m_payer->currentData().toString().toStdString();
    c.rank = m_rank->currentData().toString().toStdString();
    c.memberId = ss(m_memberId->text());
    c.groupNumber = optionalText(m_group->text());
    c.planName = optionalText(m_plan->text());
    c.relationship = m_relationship->currentData().toString().toStdString();
    c.subscriberName = ss(m_subscriberName->text());
    c.subscriberBirthDate = optionalText(m_subscriberBirthDate->text());
    c.effectiveDate = ss(m_effective->text());
    c.endDate = optionalText(m_end->text());
    return c;
}

void CoverageDialog::save()
{
    core::Session* session = m_workspace.session();
    if (!session)
        return;
    core::Coverage c = fromFields();
    if (core::Status valid = core::PatientValidator::normalizeAndValidate(c); !valid) {
        m_messages.show({valid.error()});
        if (QWidget* w = m_messages.firstInvalidInput())
            w->setFocus();
        return;
    }
    m_messages.clear();
    core::CoverageStore store(*session);
    if (c.id.empty()) {
        auto added = store.add(c);
        if (!added) {
            m_messages.show({added.error()});
            m_error->setText(UiText::error(added.error()));
            m_error->show();
            return;
        }
        m_coverage = *added;
    } else {
        if (core::Status s = store.update(c); !s) {
            m_messages.show({s.error()});
            m_error->setText(UiText::error(s.error()));
            m_error->show();
            return;
        }
        m_coverage = c;
    }
    accept();
}

} // namespace practica::app
