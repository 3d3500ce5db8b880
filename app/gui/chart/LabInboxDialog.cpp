#include "LabInboxDialog.h"

#include "ChartText.h"
#include "app/gui/common/UiText.h"
#include "app/gui/schedule/PatientPicker.h"
#include "app/gui/shell/Workspace.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <map>

namespace practica::app {

namespace {

QString param(const core::ErrorParams& p, const char* name)
{
    auto it = p.find(name);
    return it == p.end() ? QString() : qs(it->second);
}

} // namespace

QString LabInboxDialog::reason(const std::string& code, const core::ErrorParams& p)
{
    static const std::map<std::string, const char*> kReasons = {
        {"unmatched_patient", QT_TR_NOOP("No patient here has this MRN, name and date of birth.")},
        {"ambiguous_patient", QT_TR_NOOP("Several patients have this name and date of birth.")},
        {"patient_mismatch", QT_TR_NOOP("The MRN belongs to a patient with another name or date of birth.")},
        {"invalid_result", QT_TR_NOOP("A result in it is incomplete or not valid.")},
        {"empty_file", QT_TR_NOOP("The file is empty.")},
        {"not_hl7", QT_TR_NOOP("This is not an HL7 message.")},
        {"bad_header", QT_TR_NOOP("The message header (MSH) is damaged.")},
        {"missing_segment", QT_TR_NOOP("A required part of the message is missing.")},
        {"wrong_message_type", QT_TR_NOOP("This is not a lab result message (ORU^R01).")},
        {"unsupported_version", QT_TR_NOOP("This HL7 version is not supported.")},
        {"bad_segment", QT_TR_NOOP("A line of the message is damaged.")},
        {"out_of_order", QT_TR_NOOP("The parts of the message are out of order.")},
        {"several_patients", QT_TR_NOOP("The message names more than one patient.")},
        {"bad_field", QT_TR_NOOP("A field of the message is missing or damaged.")},
        {"bad_timestamp", QT_TR_NOOP("A date or time in the message is not valid.")},
        {"truncated", QT_TR_NOOP("The message was cut off.")},
        {"no_observations", QT_TR_NOOP("The message holds no results.")}};
    auto it = kReasons.find(code);
    QString text = it == kReasons.end() ? tr("Set aside (%1).").arg(qs(code)) : tr(it->second);
    const QString line = param(p, "line");
    if (!line.isEmpty() && code != "unmatched_patient" && code != "ambiguous_patient" && code != "patient_mismatch")
        text += QLatin1Char(' ') + tr("(line %1)").arg(line);
    return text;
}

LabInboxDialog::LabInboxDialog(Workspace& workspace, QWidget* parent) : QDialog(parent), m_workspace(workspace)
{
    setObjectName(QStringLiteral("labInbox"));
    setWindowTitle(tr("Lab results"));
    resize(900, 520);
    auto* import = new QPushButton(tr("&Import a results file…"));
    import->setObjectName(QStringLiteral("labImportButton"));
    import->setProperty("role", QStringLiteral("primary"));
    m_report = new QLabel;
    m_report->setObjectName(QStringLiteral("labImportReport"));
    m_report->setWordWrap(true);
    auto* heldTitle = new QLabel(tr("Set aside, waiting for a clinician"));
    heldTitle->setProperty("role", QStringLiteral("sectionTitle"));
    m_table = new QTableWidget(0, 4);
    m_table->setObjectName(QStringLiteral("labHeldTable"));
    m_table->setHorizontalHeaderLabels({tr("Received"), tr("Patient in the message"), tr("Why"), tr("File")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_file = new QPushButton(tr("&File under a patient…"));
    m_file->setObjectName(QStringLiteral("labFileButton"));
    m_discard = new QPushButton(tr("&Discard"));
    m_discard->setObjectName(QStringLiteral("labDiscardButton"));
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_file);
    actions->addWidget(m_discard);
    actions->addStretch(1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(import, 0, Qt::AlignLeft);
    layout->addWidget(m_report);
    layout->addWidget(heldTitle);
    layout->addWidget(m_table, 1);
    layout->addLayout(actions);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(import, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import lab results"), {},
                                                          tr("HL7 files (*.hl7 *.txt);;All files (*)"));
        if (!path.isEmpty())
            importFile(path);
    });
    connect(m_file, &QPushButton::clicked, this, &LabInboxDialog::fileSelected);
    connect(m_discard, &QPushButton::clicked, this, &LabInboxDialog::discardSelected);
    reload();
}

QString LabInboxDialog::reportText() const
{
    return m_report->text();
}

bool LabInboxDialog::importFile(const QString& path)
{
    core::Session* s = m_workspace.session();
    if (!s)
        return false;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_report->setText(tr("The file %1 cannot be read.").arg(QFileInfo(path).fileName()));
        return false;
    }
    const QByteArray text = file.readAll();
    auto report =
        core::LabImport(*s).importFile(std::string_view(text.constData(), static_cast<std::size_t>(text.size())),
                                       QFileInfo(path).fileName().toStdString());
    if (!report) {
        m_report->setText(UiText::error(report.error()));
        return false;
    }
    using K = core::LabMessageOutcome::Kind;
    int results = 0;
    for (const auto& m : report->messages)
        results += m.results;
    QString text2 =
        tr("%1: %n message(s).", nullptr, static_cast<int>(report->messages.size())).arg(QFileInfo(path).fileName());
    text2 += QLatin1Char(' ') + tr("%n filed", nullptr, report->count(K::Imported)) + QStringLiteral(" (") +
             tr("%n result(s)", nullptr, results) + QStringLiteral("), ") +
             tr("%n already here", nullptr, report->count(K::Duplicate)) + QStringLiteral(", ") +
             tr("%n set aside", nullptr, report->count(K::Held)) + QLatin1Char('.');
    m_report->setText(text2);
    reload();
    return true;
}

void LabInboxDialog::reload()
{
    core::Session* s = m_workspace.session();
    if (!s)
        return;
    auto held = core::LabImport(*s).held();
    if (!held) {
        m_report->setText(UiText::error(held.error()));
        return;
    }
    m_held = std::move(*held);
    m_table->setRowCount(static_cast<int>(m_held.size()));
    for (int r = 0; r < static_cast<int>(m_held.size()); ++r) {
        const core::HeldLabMessage& h = m_held[static_cast<std::size_t>(r)];
        QString who = param(h.params, "name");
        if (!param(h.params, "mrn").isEmpty())
            who += (who.isEmpty() ? QString() : QStringLiteral(" · ")) + tr("MRN %1").arg(param(h.params, "mrn"));
        const QStringList cells = {ChartText::dateTime(h.receivedAtMs, m_workspace.timeZone()), who,
                                   reason(h.reason, h.params), qs(h.fileName)};
        for (int c = 0; c < 4; ++c)
            m_table->setItem(r, c, new QTableWidgetItem(cells[c]));
    }
    m_table->resizeColumnsToContents();
    const bool write = m_workspace.can(core::Permission::ClinicalWrite);
    m_file->setEnabled(write && !m_held.empty());
    m_discard->setEnabled(write && !m_held.empty());
}

const core::HeldLabMessage* LabInboxDialog::selected() const
{
    const int row = m_table->currentRow();
    return row >= 0 && row < static_cast<int>(m_held.size()) ? &m_held[static_cast<std::size_t>(row)] : nullptr;
}

void LabInboxDialog::fileSelected()
{
    core::Session* s = m_workspace.session();
    const core::HeldLabMessage* h = selected();
    if (!s || !h)
        return;
    QDialog choose(this);
    choose.setObjectName(QStringLiteral("labChoosePatient"));
    choose.setWindowTitle(tr("File the results under a patient"));
    auto* picker = new PatientPicker(m_workspace, QStringLiteral("lab"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    auto* layout = new QVBoxLayout(&choose);
    layout->addWidget(new QLabel(tr("Check the name and date of birth in the message before you file it.")));
    layout->addWidget(picker);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &choose, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &choose, &QDialog::reject);
    picker->focusSearch();
    if (choose.exec() != QDialog::Accepted || !picker->patientId())
        return;
    auto filed = core::LabImport(*s).release(h->id, *picker->patientId());
    m_report->setText(filed ? tr("Filed %n result(s) under %1.", nullptr, filed->results).arg(picker->patientName())
                            : UiText::error(filed.error()));
    reload();
}

void LabInboxDialog::discardSelected()
{
    core::Session* s = m_workspace.session();
    const core::HeldLabMessage* h = selected();
    if (!s || !h)
        return;
    if (QMessageBox::question(this, tr("Discard message"),
                              tr("Discard this message? Its results will not be filed anywhere."),
                              QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Discard)
        return;
    if (auto done = core::LabImport(*s).discardHeld(h->id); !done)
        m_report->setText(UiText::error(done.error()));
    reload();
}

} // namespace practica::app
