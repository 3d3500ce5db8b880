#include "BillingPage.h"

#include "BillingText.h"
#include "BillingWidgets.h"
#include "PayersDialog.h"
#include "app/gui/common/UiText.h"
#include "app/gui/shell/Workspace.h"
#include "core/billing/BillingRows.h"
#include "core/billing/ClaimBatchStore.h"
#include "core/chart/EncounterStore.h"
#include "core/patients/PatientStore.h"
#include "core/sync/Replica.h"
#include "core/util/AtomicFile.h"
#include "core/x12/Claim837.h"
#include "sync/client/ClaimTransmitter.h"
#include "sync/client/Connection.h"
#include "sync/client/SyncEngine.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressDialog>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace practica::app {

namespace {

QLabel* heading(const QString& text)
{
    auto* l = new QLabel(text);
    l->setProperty("role", QStringLiteral("sectionTitle"));
    return l;
}

// Columns of the lines table, and the claim_line field each holds.
enum LineColumn
{
    kCode,
    kModifiers,
    kUnits,
    kCharge,
    kPointers
};

int lineColumnOf(const std::string& field)
{
    if (field == "code")
        return kCode;
    if (field == "modifiers")
        return kModifiers;
    if (field == "units")
        return kUnits;
    if (field == "charge_cents")
        return kCharge;
    return kPointers;
}

// "$125.00", "125.5" or "1,250": cents, exactly (never through a floating-point number).
std::optional<std::int64_t> centsOf(const QString& text)
{
    QString t = text.trimmed();
    t.remove(QLatin1Char('$'));
    t.remove(QLatin1Char(','));
    return core::parseCents(t.toStdString());
}

} // namespace

BillingPage::BillingPage(Workspace& workspace, QWidget* parent) : QWidget(parent), m_workspace(workspace)
{
    setObjectName(QStringLiteral("billingPage"));
    auto* title = new QLabel(tr("Billing"));
    title->setProperty("role", QStringLiteral("pageTitle"));
    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("billingMessage"));
    m_message->setWordWrap(true);

    m_visits = table(QStringLiteral("billingVisits"), {tr("Date"), tr("Patient"), tr("Provider")});
    m_build = new QPushButton(tr("Build claim…"));
    m_build->setObjectName(QStringLiteral("billingBuildClaim"));
    connect(m_build, &QPushButton::clicked, this, &BillingPage::buildClaimForSelectedVisit);
    connect(m_visits, &QTableWidget::cellDoubleClicked, this, [this] { buildClaimForSelectedVisit(); });
    auto* visitsBox = new QVBoxLayout;
    visitsBox->addWidget(heading(tr("Visits ready to bill")));
    visitsBox->addWidget(m_visits, 1);
    visitsBox->addWidget(m_build);

    m_state = new QComboBox;
    m_state->setObjectName(QStringLiteral("billingStateFilter"));
    m_state->addItem(tr("All claims"), QString());
    for (const std::string& s : core::claimStates())
        m_state->addItem(BillingText::state(s), QString::fromStdString(s));
    connect(m_state, &QComboBox::currentIndexChanged, this, &BillingPage::refresh);
    m_claims = table(QStringLiteral("billingClaims"),
                     {tr("Claim"), tr("Date of service"), tr("Patient"), tr("Payer"), tr("Billed"), tr("State")});
    connect(m_claims, &QTableWidget::itemSelectionChanged, this, &BillingPage::showClaim);
    m_send = new QPushButton(tr("Send queued claims…"));
    m_send->setObjectName(QStringLiteral("billingSend"));
    m_send->setProperty("role", QStringLiteral("primary"));
    connect(m_send, &QPushButton::clicked, this, &BillingPage::sendQueued);
    auto* exportFile = new QPushButton(tr("Export 837 file…"));
    exportFile->setObjectName(QStringLiteral("billingExport"));
    connect(exportFile, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export the ready claims as an 837 file"),
                                                          QStringLiteral("claims.837"));
        if (path.isEmpty())
            return;
        core::ClaimBatchStore store(*m_workspace.session());
        auto batch = store.createBatch();
        if (!batch)
            return showError(UiText::error(batch.error()));
        if (auto written = core::writeFileAtomically(path.toStdString(), batch->text); !written) {
            refresh(); // the claims are in the batch, kept with its file: Send queued claims sends it
            return showError(tr("%1 The claims are in batch %2, kept on this workstation; Send queued claims "
                                "sends it to the clearinghouse.")
                                 .arg(UiText::error(written.error()))
                                 .arg(batch->batch.interchangeControl));
        }
        // Handed over by hand: sending does not send it again.
        if (auto sent = store.markSent(batch->batch.id); !sent)
            return showError(UiText::error(sent.error()));
        Q_EMIT statusMessage(tr("%n claim(s) written to %1", nullptr, batch->batch.claimCount).arg(path));
        refresh();
    });
    auto* claimsHeader = new QHBoxLayout;
    claimsHeader->addWidget(heading(tr("Claims")), 1);
    claimsHeader->addWidget(m_state);
    auto* settings = new QPushButton(tr("Clearinghouse…"));
    settings->setObjectName(QStringLiteral("billingClearinghouse"));
    settings->setToolTip(tr("How claims reach the clinic's clearinghouse"));
    settings->setEnabled(m_workspace.can(core::Permission::BillingWrite));
    connect(settings, &QPushButton::clicked, this, &BillingPage::editClearinghouse);
    auto* payers = new QPushButton(tr("Payers…"));
    payers->setObjectName(QStringLiteral("billingPayers"));
    payers->setToolTip(tr("What each payer's claims say it is, and its timely filing window"));
    payers->setEnabled(m_workspace.can(core::Permission::PayerWrite));
    connect(payers, &QPushButton::clicked, this, [this] {
        PayersDialog dialog(m_workspace, this);
        dialog.exec();
    });
    auto* claimsActions = new QHBoxLayout;
    claimsActions->addWidget(settings);
    claimsActions->addWidget(payers);
    claimsActions->addStretch(1);
    claimsActions->addWidget(exportFile);
    claimsActions->addWidget(m_send);
    auto* claimsBox = new QVBoxLayout;
    claimsBox->addLayout(claimsHeader);
    claimsBox->addWidget(m_claims, 1);
    claimsBox->addLayout(claimsActions);

    m_claimTitle = new QLabel(tr("Select a claim"));
    m_claimTitle->setObjectName(QStringLiteral("billingClaimTitle"));
    m_claimTitle->setProperty("role", QStringLiteral("sectionTitle"));
    m_diagnoses = new QLineEdit;
    m_diagnoses->setObjectName(QStringLiteral("billingDiagnoses"));
    m_diagnoses->setPlaceholderText(tr("ICD-10-CM codes, the principal first: E11.9, I10"));
    m_payerNumber = new QLineEdit;
    m_payerNumber->setObjectName(QStringLiteral("billingPayerClaimNumber"));
    m_payerNumber->setPlaceholderText(tr("the payer's number of the claim this one replaces"));
    m_lines = table(QStringLiteral("billingLines"),
                    {tr("Code"), tr("Modifiers"), tr("Units"), tr("Charge"), tr("Points to")});
    m_lines->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                             QAbstractItemView::AnyKeyPressed);
    m_lines->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_findings = new QListWidget;
    m_findings->setObjectName(QStringLiteral("billingFindings"));
    m_findings->setWordWrap(true);
    connect(m_findings, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { jumpToFinding(m_findings->row(item)); });
    m_history = new QListWidget;
    m_history->setObjectName(QStringLiteral("billingHistory"));
    m_history->setWordWrap(true);
    m_save = new QPushButton(tr("Save changes"));
    m_save->setObjectName(QStringLiteral("billingSave"));
    connect(m_save, &QPushButton::clicked, this, &BillingPage::saveClaim);
    m_ready = new QPushButton(tr("Check and mark ready"));
    m_ready->setObjectName(QStringLiteral("billingReady"));
    connect(m_ready, &QPushButton::clicked, this, &BillingPage::markReady);
    m_queue = new QPushButton(tr("Queue to send"));
    m_queue->setObjectName(QStringLiteral("billingQueue"));
    connect(m_queue, &QPushButton::clicked, this, &BillingPage::queue);
    m_replace = new QPushButton(tr("Correct with a replacement"));
    m_replace->setObjectName(QStringLiteral("billingReplace"));
    connect(m_replace, &QPushButton::clicked, this, &BillingPage::replace);
    auto* claimActions = new QHBoxLayout;
    claimActions->addWidget(m_save);
    claimActions->addWidget(m_replace);
    claimActions->addStretch(1);
    claimActions->addWidget(m_ready);
    claimActions->addWidget(m_queue);
    auto* detail = new QVBoxLayout;
    detail->addWidget(m_claimTitle);
    auto* dxRow = new QFormLayout;
    dxRow->addRow(tr("Diagnoses"), m_diagnoses);
    dxRow->addRow(tr("Payer's claim #"), m_payerNumber);
    detail->addLayout(dxRow);
    detail->addWidget(m_lines, 2);
    detail->addLayout(claimActions);
    detail->addWidget(heading(tr("To fix before it can go (double-click to go there)")));
    detail->addWidget(m_findings, 1);
    detail->addWidget(heading(tr("History")));
    detail->addWidget(m_history, 1);

    auto wrap = [](QLayout* layout) {
        auto* w = new QWidget;
        w->setLayout(layout);
        return w;
    };
    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(wrap(visitsBox));
    splitter->addWidget(wrap(claimsBox));
    splitter->addWidget(wrap(detail));
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 4);
    splitter->setStretchFactor(2, 4);
    splitter->setSizes({280, 520, 480});

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->addWidget(title);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);
    // Answers arrive at the clearinghouse in their own time: fetched every few minutes while unlocked.
    m_schedule = new QTimer(this);
    m_schedule->setObjectName(QStringLiteral("billingSchedule"));
    m_schedule->setInterval(10 * 60 * 1000);
    connect(m_schedule, &QTimer::timeout, this, &BillingPage::sendOnSchedule);
    m_schedule->start();
    refresh();
}

void BillingPage::showError(const QString& text)
{
    m_message->setProperty("role", QStringLiteral("error"));
    m_message->setText(text);
}

const core::ClaimSummary* BillingPage::selected() const
{
    const int row = m_claims->currentRow();
    return row >= 0 && row < static_cast<int>(m_rows.size()) ? &m_rows[static_cast<std::size_t>(row)] : nullptr;
}

void BillingPage::refresh()
{
    core::Session* session = m_workspace.session();
    if (!session)
        return;
    const QString keep = selected() ? QString::fromStdString(selected()->claim.patientControlNumber) : QString();
    core::ClaimStore store(*session);
    auto visits = store.unbilledEncounters(200);
    m_visits->setRowCount(0);
    m_visitIds.clear();
    if (visits) {
        core::EncounterStore encounters(*session);
        core::PatientStore patients(*session);
        for (const std::string& id : *visits) {
            auto e = encounters.get(id);
            if (!e)
                continue;
            auto p = patients.get(e->patientId);
            const int row = m_visits->rowCount();
            m_visits->insertRow(row);
            m_visits->setItem(row, 0, cell(UiText::usDate(e->date)));
            m_visits->setItem(row, 1,
                              cell(p ? QString::fromStdString(p->familyName + ", " + p->givenName) : QString()));
            m_visits->setItem(row, 2, cell(QString::fromStdString(e->visitType)));
            m_visitIds.push_back(id);
        }
    }
    m_visits->resizeColumnsToContents();
    m_build->setEnabled(m_workspace.can(core::Permission::BillingWrite) && !m_visitIds.empty());
    core::ClaimFilter filter;
    const QString state = m_state->currentData().toString();
    if (!state.isEmpty())
        filter.state = state.toStdString();
    auto rows = store.list(filter);
    if (!rows)
        return showError(UiText::error(rows.error()));
    m_rows = std::move(*rows);
    const QSignalBlocker block(m_claims);
    m_claims->setRowCount(static_cast<int>(m_rows.size()));
    for (int i = 0; i < static_cast<int>(m_rows.size()); ++i) {
        const core::ClaimSummary& c = m_rows[static_cast<std::size_t>(i)];
        m_claims->setItem(i, 0, cell(QString::fromStdString(c.claim.patientControlNumber)));
        m_claims->setItem(i, 1, cell(UiText::usDate(c.claim.serviceDate)));
        m_claims->setItem(i, 2, cell(QString::fromStdString(c.patientName)));
        m_claims->setItem(i, 3, cell(QString::fromStdString(c.payerName)));
        m_claims->setItem(i, 4, cell(BillingText::dollars(c.claim.totalCents)));
        m_claims->setItem(i, 5, cell(BillingText::state(c.state)));
    }
    m_claims->resizeColumnsToContents();
    m_send->setEnabled(m_workspace.can(core::Permission::BillingWrite));
    if (!keep.isEmpty())
        selectClaim(keep.toStdString());
    showClaim();
}

bool BillingPage::selectClaim(const std::string& patientControlNumber)
{
    for (int i = 0; i < static_cast<int>(m_rows.size()); ++i)
        if (m_rows[static_cast<std::size_t>(i)].claim.patientControlNumber == patientControlNumber) {
            m_claims->selectRow(i);
            m_claims->setCurrentCell(i, 0);
            showClaim();
            return true;
        }
    return false;
}

void BillingPage::showClaim()
{
    m_lines->setRowCount(0);
    m_findings->clear();
    m_history->clear();
    m_lineRows.clear();
    m_findingRows.clear();
    const core::ClaimSummary* c = selected();
    const bool editable = c && !c->claim.submittedAt && m_workspace.can(core::Permission::BillingWrite);
    for (QWidget* w : {static_cast<QWidget*>(m_save), static_cast<QWidget*>(m_ready), static_cast<QWidget*>(m_queue),
                       static_cast<QWidget*>(m_diagnoses), static_cast<QWidget*>(m_payerNumber)})
        w->setEnabled(editable);
    m_replace->setVisible(c && c->claim.submittedAt && m_workspace.can(core::Permission::BillingWrite));
    m_payerNumber->setVisible(c && c->claim.frequency != "1");
    m_lines->setEditTriggers(editable ? QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                                            QAbstractItemView::AnyKeyPressed
                                      : QAbstractItemView::NoEditTriggers);
    if (!c) {
        m_claimTitle->setText(tr("Select a claim"));
        m_diagnoses->clear();
        return;
    }
    core::ClaimStore store(*m_workspace.session());
    m_claimTitle->setText(tr("Claim %1 · %2 · %3")
                              .arg(QString::fromStdString(c->claim.patientControlNumber),
                                   QString::fromStdString(c->patientName), BillingText::state(c->state)));
    m_diagnoses->setText(QString::fromStdString(c->claim.diagnoses).replace(QLatin1Char(','), QStringLiteral(", ")));
    m_payerNumber->setText(qs(c->claim.payerClaimNumber));
    auto lines = store.lines(c->claim.id);
    if (lines) {
        m_lineRows = *lines;
        m_lines->setRowCount(static_cast<int>(m_lineRows.size()));
        for (int i = 0; i < static_cast<int>(m_lineRows.size()); ++i) {
            const core::ClaimLine& l = m_lineRows[static_cast<std::size_t>(i)];
            m_lines->setItem(i, kCode, cell(QString::fromStdString(l.code)));
            m_lines->setItem(i, kModifiers, cell(QString::fromStdString(l.modifiers)));
            m_lines->setItem(i, kUnits, cell(QString::fromStdString(l.units)));
            m_lines->setItem(i, kCharge, cell(BillingText::dollars(l.chargeCents)));
            m_lines->setItem(i, kPointers, cell(QString::fromStdString(l.pointers)));
        }
    }
    if (!c->claim.submittedAt) {
        auto findings = store.scrub(c->claim.id);
        if (findings) {
            m_findingRows = *findings;
            for (const auto& f : m_findingRows) {
                int line = 0;
                if (f.record == "claim_line")
                    for (std::size_t i = 0; i < m_lineRows.size(); ++i)
                        if (m_lineRows[i].id == f.recordId)
                            line = static_cast<int>(i) + 1;
                m_findings->addItem(BillingText::finding(f, line));
            }
            if (m_findingRows.empty())
                m_findings->addItem(tr("Nothing: the claim is clean."));
        }
    }
    auto history = store.history(c->claim.id);
    if (history)
        for (const core::ClaimEvent& e : *history) {
            const QString when = QString::fromStdString(e.at).replace(QLatin1Char('T'), QLatin1Char(' ')).left(16);
            const QString what = e.source == "user" ? BillingText::state(e.state)
                                                    : BillingText::answer(e.source, e.state, e.detail.value_or(""));
            m_history->addItem(when + QStringLiteral("  ") + what);
        }
}

void BillingPage::jumpToFinding(int row)
{
    if (row < 0 || row >= static_cast<int>(m_findingRows.size()))
        return;
    const core::ScrubFinding& f = m_findingRows[static_cast<std::size_t>(row)];
    if (f.record == "claim_line") {
        for (int i = 0; i < static_cast<int>(m_lineRows.size()); ++i)
            if (m_lineRows[static_cast<std::size_t>(i)].id == f.recordId) {
                m_lines->setFocus();
                m_lines->setCurrentCell(i, lineColumnOf(f.field));
                if (m_lines->editTriggers() != QAbstractItemView::NoEditTriggers)
                    m_lines->editItem(m_lines->item(i, lineColumnOf(f.field)));
                return;
            }
    }
    if (f.record == "claim" && f.field == "diagnoses") {
        m_diagnoses->setFocus();
        m_diagnoses->selectAll();
        return;
    }
    const QString where = f.record == "clinic"                              ? tr("Clinic settings")
                          : f.record == "provider"                          ? tr("Schedule setup › Providers")
                          : f.record == "patient" || f.record == "coverage" ? tr("the patient's record on Patients")
                                                                            : tr("the claim");
    m_message->setProperty("role", QStringLiteral("info"));
    m_message->setText(tr("Fix this in %1, then check the claim again.").arg(where));
}

void BillingPage::saveClaim()
{
    const core::ClaimSummary* c = selected();
    if (!c)
        return;
    core::ClaimStore store(*m_workspace.session());
    const std::string pcn = c->claim.patientControlNumber;
    core::Claim claim = c->claim;
    QStringList codes;
    for (const QString& code : m_diagnoses->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        codes << code.trimmed().toUpper();
    claim.diagnoses = codes.join(QLatin1Char(',')).toStdString();
    if (m_payerNumber->isVisible())
        claim.payerClaimNumber = optionalText(m_payerNumber->text());
    if (claim.diagnoses != c->claim.diagnoses || claim.payerClaimNumber != c->claim.payerClaimNumber)
        if (auto s = store.update(claim); !s)
            return showError(UiText::error(s.error()));
    for (int i = 0; i < static_cast<int>(m_lineRows.size()); ++i) {
        core::ClaimLine line = m_lineRows[static_cast<std::size_t>(i)];
        line.code = ss(m_lines->item(i, kCode)->text());
        line.modifiers = ss(m_lines->item(i, kModifiers)->text()).c_str();
        line.modifiers.erase(std::remove(line.modifiers.begin(), line.modifiers.end(), ' '), line.modifiers.end());
        line.units = ss(m_lines->item(i, kUnits)->text());
        auto cents = centsOf(m_lines->item(i, kCharge)->text());
        if (!cents)
            return showError(tr("Line %1: the charge is dollars and cents, like 125.00.").arg(i + 1));
        line.chargeCents = *cents;
        line.pointers = ss(m_lines->item(i, kPointers)->text());
        line.pointers.erase(std::remove(line.pointers.begin(), line.pointers.end(), ' '), line.pointers.end());
        const core::ClaimLine& before = m_lineRows[static_cast<std::size_t>(i)];
        if (line.code == before.code && line.modifiers == before.modifiers && line.units == before.units &&
            line.chargeCents == before.chargeCents && line.pointers == before.pointers)
            continue;
        if (auto saved = store.saveLine(line); !saved)
            return showError(tr("Line %1: %2").arg(i + 1).arg(UiText::error(saved.error())));
    }
    m_message->clear();
    Q_EMIT statusMessage(tr("Claim %1 saved").arg(QString::fromStdString(pcn)));
    refresh();
    selectClaim(pcn);
}

void BillingPage::markReady()
{
    const core::ClaimSummary* c = selected();
    if (!c)
        return;
    saveClaim();
    c = selected();
    if (!c)
        return;
    const std::string pcn = c->claim.patientControlNumber;
    auto findings = core::ClaimStore(*m_workspace.session()).markReady(c->claim.id);
    if (!findings)
        return showError(UiText::error(findings.error()));
    refresh();
    selectClaim(pcn);
    if (!findings->empty())
        showError(tr("%n thing(s) to fix before claim %1 can go.", nullptr, static_cast<int>(findings->size()))
                      .arg(QString::fromStdString(pcn)));
    else
        Q_EMIT statusMessage(tr("Claim %1 is ready").arg(QString::fromStdString(pcn)));
}

void BillingPage::queue()
{
    const core::ClaimSummary* c = selected();
    if (!c)
        return;
    const std::string pcn = c->claim.patientControlNumber;
    core::ClaimStore store(*m_workspace.session());
    if (c->claim.stage == "draft") {
        markReady();
        c = selected();
        if (!c || c->claim.stage == "draft")
            return;
    }
    if (auto s = store.queue(c->claim.id); !s)
        return showError(UiText::error(s.error()));
    refresh();
    selectClaim(pcn);
    Q_EMIT statusMessage(tr("Claim %1 will go with the next send").arg(QString::fromStdString(pcn)));
}

} // namespace practica::app
