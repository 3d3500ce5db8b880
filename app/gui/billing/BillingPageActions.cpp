// The billing workbench's actions that reach beyond the selected claim: building a claim from a visit,
// a replacement, the clearinghouse settings, and sending to the clearinghouse (asked for, or on the
// schedule) over the transport its settings name.
#include "BillingPage.h"
#include "BillingText.h"
#include "BillingWidgets.h"
#include "ClearinghouseDialog.h"
#include "app/gui/common/UiText.h"
#include "app/gui/shell/Workspace.h"
#include "core/billing/ClaimBatchStore.h"
#include "sync/client/ClaimTransmitter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

namespace practica::app {

void BillingPage::replace()
{
    const core::ClaimSummary* c = selected();
    if (!c)
        return;
    auto made = core::ClaimStore(*m_workspace.session()).correct(c->claim.id, "7");
    if (!made)
        return showError(UiText::error(made.error()));
    m_state->setCurrentIndex(0);
    refresh();
    selectClaim(made->patientControlNumber);
    Q_EMIT statusMessage(tr("Replacement claim %1 drafted: fix it, then queue it")
                             .arg(QString::fromStdString(made->patientControlNumber)));
}

void BillingPage::buildClaimForSelectedVisit()
{
    const int row = m_visits->currentRow();
    if (row < 0 || row >= static_cast<int>(m_visitIds.size()))
        return showError(tr("Select a visit to bill."));
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("buildClaimDialog"));
    dialog.setWindowTitle(tr("Build a claim"));
    auto* dx = new QLineEdit;
    dx->setObjectName(QStringLiteral("buildClaimDiagnoses"));
    dx->setPlaceholderText(tr("ICD-10-CM codes, the principal first: E11.9, I10"));
    auto* charges =
        table(QStringLiteral("buildClaimCharges"), {tr("Code"), tr("Modifiers"), tr("Units"), tr("Points to")});
    charges->setEditTriggers(QAbstractItemView::AllEditTriggers);
    charges->setSelectionBehavior(QAbstractItemView::SelectItems);
    charges->setRowCount(6);
    for (int r = 0; r < 6; ++r) {
        charges->setItem(r, 0, cell({}));
        charges->setItem(r, 1, cell({}));
        charges->setItem(r, 2, cell(QStringLiteral("1")));
        charges->setItem(r, 3, cell(QStringLiteral("1")));
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Build claim"));
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* note = new QLabel(tr("Charges come from the fee schedule. Points to: the diagnoses each line is for, by "
                               "number, e.g. 1, 2."));
    note->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("Diagnoses"), dx);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addLayout(form);
    layout->addWidget(charges);
    layout->addWidget(note);
    layout->addWidget(buttons);
    dialog.resize(560, 420);
    if (dialog.exec() != QDialog::Accepted)
        return;
    std::vector<core::ChargeEntry> entries;
    for (int r = 0; r < charges->rowCount(); ++r) {
        const QString code = charges->item(r, 0)->text().trimmed().toUpper();
        if (code.isEmpty())
            continue;
        core::ChargeEntry e;
        e.code = code.toStdString();
        for (const QString& m :
             charges->item(r, 1)->text().split(QRegularExpression(QStringLiteral("[ ,]+")), Qt::SkipEmptyParts))
            e.modifiers.push_back(m.toUpper().toStdString());
        e.units = ss(charges->item(r, 2)->text());
        e.pointers.clear();
        for (const QString& p :
             charges->item(r, 3)->text().split(QRegularExpression(QStringLiteral("[ ,:]+")), Qt::SkipEmptyParts))
            e.pointers.push_back(p.toInt());
        entries.push_back(std::move(e));
    }
    if (entries.empty())
        return showError(tr("A claim needs at least one charge."));
    std::vector<std::string> codes;
    for (const QString& c : dx->text().split(QRegularExpression(QStringLiteral("[ ,;]+")), Qt::SkipEmptyParts))
        codes.push_back(c.toStdString());
    auto claim = core::ClaimStore(*m_workspace.session())
                     .captureFromEncounter(m_visitIds[static_cast<std::size_t>(row)], codes, entries);
    if (!claim)
        return showError(UiText::error(claim.error()));
    m_message->clear();
    m_state->setCurrentIndex(0);
    refresh();
    selectClaim(claim->patientControlNumber);
    Q_EMIT statusMessage(tr("Draft claim %1 built").arg(QString::fromStdString(claim->patientControlNumber)));
}

void BillingPage::editClearinghouse()
{
    ClearinghouseDialog dialog(*m_workspace.session(), this);
    if (dialog.exec() == QDialog::Accepted)
        Q_EMIT statusMessage(tr("Clearinghouse settings saved"));
}

void BillingPage::sendQueued()
{
    core::Session& session = *m_workspace.session();
    core::ClaimBatchStore store(session);
    auto settings = store.clearinghouse();
    if (!settings) {
        showError(tr("Set up the clinic's clearinghouse first."));
        return editClearinghouse();
    }
    if (settings->transport == "file")
        return showError(tr("The clinic's clearinghouse takes files by hand: use Export 837 file."));
    if (auto complete = core::checkClearinghouseTransport(*settings, true); !complete) {
        showError(BillingText::transportError(complete.error()));
        return editClearinghouse();
    }
    auto remembered = store.rememberedPassword();
    if (remembered && *remembered)
        return transmit(**remembered, true);
    auto keyFile = store.keyFile();
    const bool sftpKey = settings->transport == "sftp" && keyFile && *keyFile;
    QDialog ask(this);
    ask.setObjectName(QStringLiteral("clearinghousePassword"));
    ask.setWindowTitle(tr("Send claims"));
    auto* password = new QLineEdit;
    password->setObjectName(QStringLiteral("clearinghousePasswordEdit"));
    password->setEchoMode(QLineEdit::Password);
    auto* remember = new QCheckBox(tr("Remember on this workstation, and fetch answers every few minutes"));
    remember->setObjectName(QStringLiteral("clearinghouseRemember"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Send"));
    connect(buttons, &QDialogButtonBox::accepted, &ask, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &ask, &QDialog::reject);
    auto* form = new QFormLayout(&ask);
    form->addRow(new QLabel(sftpKey ? tr("Passphrase of this workstation's key for %1 (empty when the key has "
                                         "none):")
                                          .arg(qs(settings->name))
                                    : tr("Password for %1 at %2:").arg(qs(settings->username), qs(settings->name))));
    form->addRow(password);
    form->addRow(remember);
    form->addRow(buttons);
    if (ask.exec() != QDialog::Accepted || (password->text().isEmpty() && !sftpKey))
        return;
    if (remember->isChecked() && !password->text().isEmpty())
        if (auto kept = store.rememberPassword(password->text().toStdString()); !kept)
            return showError(UiText::error(kept.error()));
    transmit(password->text().toStdString(), true);
}

void BillingPage::sendOnSchedule()
{
    if (m_workspace.isLocked() || !m_workspace.can(core::Permission::BillingWrite))
        return;
    core::ClaimBatchStore store(*m_workspace.session());
    auto settings = store.clearinghouse();
    auto remembered = store.rememberedPassword();
    auto keyFile = store.keyFile();
    if (!settings || settings->transport == "file" || !core::checkClearinghouseTransport(*settings, true) ||
        !remembered || !keyFile)
        return;
    // A password (or the key's passphrase) remembered, or an SFTP key that needs none.
    if (!*remembered && !(settings->transport == "sftp" && *keyFile))
        return;
    transmit(remembered->value_or(""), false);
}

void BillingPage::transmit(const std::string& password, bool interactive)
{
    core::Session& session = *m_workspace.session();
    core::ClaimBatchStore store(session);
    auto settings = store.clearinghouse();
    auto keyFile = store.keyFile();
    if (!settings || !keyFile)
        return;
    sync::TransportSecrets secrets;
    secrets.password = password;
    secrets.keyFile = *keyFile;
    auto transport = sync::openClaimTransport(*settings, secrets);
    if (!transport) {
        if (interactive)
            showError(BillingText::transportError(transport.error()));
        return;
    }
    // A syncing workstation sends a claim only once the server took its submission.
    auto gate = sync::WorkstationGate::open(session);
    if (!gate) {
        if (interactive)
            showError(UiText::error(gate.error()));
        return;
    }
    std::unique_ptr<QProgressDialog> progress;
    if (interactive) {
        progress = std::make_unique<QProgressDialog>(tr("Sending claims to %1…").arg(qs(settings->name)), QString(), 0,
                                                     0, this);
        progress->setObjectName(QStringLiteral("sendProgress"));
        progress->setWindowModality(Qt::WindowModal);
        progress->setMinimumDuration(0);
        progress->show();
        QCoreApplication::processEvents();
    }
    auto report = sync::ClaimTransmitter(session, **transport, gate->gate()).run([&](int done, int total) {
        if (!progress)
            return;
        progress->setMaximum(total);
        progress->setValue(done);
        QCoreApplication::processEvents();
    });
    if (progress)
        progress->close();
    refresh();
    if (!report) {
        if (interactive)
            showError(BillingText::transportError(report.error()));
        else
            Q_EMIT statusMessage(BillingText::transportError(report.error()));
        return;
    }
    if (report->offline) {
        if (interactive)
            showError(tr("The clearinghouse cannot be reached; the claims wait and go with the next send."));
        return;
    }
    if (!interactive) {
        if (report->claimsSent + report->answersApplied > 0)
            Q_EMIT statusMessage(tr("Claims: %n sent, %1 answer(s) from the clearinghouse", nullptr, report->claimsSent)
                                     .arg(report->answersApplied));
        return;
    }
    QString text = tr("Sent %n claim(s); %1 answer(s) from the clearinghouse applied.", nullptr, report->claimsSent)
                       .arg(report->answersApplied);
    if (!report->unreadAnswers.empty()) {
        QStringList names;
        for (const auto& u : report->unreadAnswers)
            names << qs(u.name);
        text += QLatin1Char(' ') +
                tr("Files from the clearinghouse that are not answers Practica reads, kept on this workstation: %1.")
                    .arg(names.join(QStringLiteral(", ")));
    }
    m_message->setProperty("role", QStringLiteral("info"));
    m_message->setText(text);
}

} // namespace practica::app
