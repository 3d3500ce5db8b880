#include "ChartWindow.h"

#include "ChartDialogs.h"
#include "ChartTables.h"
#include "ChartText.h"
#include "NoteEditor.h"
#include "VitalsTab.h"
#include "app/gui/common/UiText.h"
#include "app/gui/shell/Workspace.h"
#include "core/chart/ClinicalListStore.h"
#include "core/chart/EncounterStore.h"
#include "core/chart/Vitals.h"
#include "core/schedule/ScheduleSetupStore.h"
#include "core/util/Validators.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace practica::app {

ChartWindow::ChartWindow(Workspace& workspace, std::string patientId, QWidget* parent)
    : QWidget(parent, Qt::Window), m_workspace(workspace), m_patientId(std::move(patientId))
{
    setObjectName(QStringLiteral("chartWindow"));
    setAttribute(Qt::WA_DeleteOnClose);
    resize(1180, 820);
    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("chartMessage"));
    m_message->setProperty("role", QStringLiteral("banner"));
    m_message->setWordWrap(true);
    m_message->hide();
    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("chartTabs"));
    m_tabs->addTab(buildSummaryTab(), tr("Summary"));
    m_tabs->addTab(buildVisitsTab(), tr("Visits && notes"));
    const bool write = workspace.can(core::Permission::ClinicalWrite);
    m_tabs->addTab(buildListTab(
                       m_problemTable,
                       {tr("Problem"), tr("Code"), tr("Status"), tr("Onset"), tr("Resolved"), tr("Note")},
                       tr("Add problem…"),
                       [this] {
                           core::Problem p;
                           p.patientId = m_patientId;
                           if (ProblemDialog(m_workspace, p, this).exec() == QDialog::Accepted)
                               refresh();
                       },
                       [this](int row) {
                           if (ProblemDialog(m_workspace, m_problems.at(static_cast<std::size_t>(row)), this).exec() ==
                               QDialog::Accepted)
                               refresh();
                       }),
                   tr("Problems"));
    m_tabs->addTab(
        buildListTab(
            m_medicationTable,
            {tr("Medication"), tr("Dose"), tr("Route"), tr("Frequency"), tr("Status"), tr("Source"), tr("Started")},
            tr("Add medication…"),
            [this] {
                core::Medication m;
                m.patientId = m_patientId;
                if (MedicationDialog(m_workspace, m, this).exec() == QDialog::Accepted)
                    refresh();
            },
            [this](int row) {
                if (MedicationDialog(m_workspace, m_medications.at(static_cast<std::size_t>(row)), this).exec() ==
                    QDialog::Accepted)
                    refresh();
            }),
        tr("Medications"));
    m_noKnownAllergies = new QPushButton(tr("No known allergies"));
    m_noKnownAllergies->setObjectName(QStringLiteral("noKnownAllergiesButton"));
    m_noKnownAllergies->setVisible(write);
    connect(m_noKnownAllergies, &QPushButton::clicked, this, [this] {
        if (core::Session* s = m_workspace.session()) {
            if (auto done = core::ClinicalListStore(*s).recordNoKnownAllergies(m_patientId); !done)
                showError(UiText::error(done.error()));
            refresh();
        }
    });
    m_tabs->addTab(buildListTab(
                       m_allergyTable, {tr("Substance"), tr("Kind"), tr("Reaction"), tr("Severity"), tr("Status")},
                       tr("Add allergy…"),
                       [this] {
                           core::Allergy a;
                           a.patientId = m_patientId;
                           if (AllergyDialog(m_workspace, a, this).exec() == QDialog::Accepted)
                               refresh();
                       },
                       [this](int row) {
                           if (AllergyDialog(m_workspace, m_allergies.at(static_cast<std::size_t>(row)), this).exec() ==
                               QDialog::Accepted)
                               refresh();
                       },
                       m_noKnownAllergies),
                   tr("Allergies"));
    m_vitalsTab = new VitalsTab(m_workspace.can(core::Permission::ClinicalWrite));
    connect(m_vitalsTab, &VitalsTab::recordRequested, this, &ChartWindow::addVitals);
    m_tabs->addTab(m_vitalsTab, tr("Vital signs"));
    m_tabs->addTab(buildListTab(m_labTable,
                                {tr("Collected"), tr("Test"), tr("Result"), tr("Unit"), tr("Reference range"),
                                 tr("Flag"), tr("Status"), tr("Lab")},
                                {}, {}, {}),
                   tr("Labs"));
    m_tabs->addTab(
        buildListTab(
            m_immunizationTable, {tr("Given on"), tr("Vaccine"), tr("CVX"), tr("Lot"), tr("Site"), tr("Status")},
            tr("Record immunization…"),
            [this] {
                core::Immunization i;
                i.patientId = m_patientId;
                if (ImmunizationDialog(m_workspace, i, this).exec() == QDialog::Accepted)
                    refresh();
            },
            [this](int row) {
                if (ImmunizationDialog(m_workspace, m_immunizations.at(static_cast<std::size_t>(row)), this).exec() ==
                    QDialog::Accepted)
                    refresh();
            }),
        tr("Immunizations"));
    m_tabs->addTab(buildListTab(m_timelineTable, {tr("When"), tr("What"), tr("Item"), tr("Detail")}, {}, {}, {}),
                   tr("Timeline"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 16);
    layout->setSpacing(10);
    layout->addWidget(buildHeader());
    layout->addWidget(m_message);
    layout->addWidget(m_tabs, 1);
    for (int i = 0; i < m_tabs->count() && i < 9; ++i) {
        auto* key = new QShortcut(QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_1 + i)), this);
        connect(key, &QShortcut::activated, this, [this, i] { m_tabs->setCurrentIndex(i); });
    }
    // Opening the chart is the audited read; the later refreshes read the same chart again.
    if (core::Session* s = m_workspace.session()) {
        auto summary = core::ChartReader(*s).open(m_patientId);
        if (!summary)
            showError(UiText::error(summary.error()));
        else
            m_summary = std::move(*summary);
    }
    refresh();
}

QWidget* ChartWindow::buildHeader()
{
    m_name = new QLabel;
    m_name->setObjectName(QStringLiteral("chartPatientName"));
    m_name->setProperty("role", QStringLiteral("pageTitle"));
    m_details = new QLabel;
    m_details->setObjectName(QStringLiteral("chartPatientDetails"));
    m_details->setProperty("role", QStringLiteral("subtle"));
    m_banner = new QLabel;
    m_banner->setObjectName(QStringLiteral("allergyBanner"));
    m_banner->setWordWrap(true);
    m_banner->setAccessibleName(tr("Allergies"));
    auto* print = new QPushButton(tr("Print summary…"));
    print->setObjectName(QStringLiteral("printPatientSummary"));
    connect(print, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save patient summary"), tr("patient-summary.pdf"),
                                                          tr("PDF files (*.pdf)"));
        if (!path.isEmpty() && printPatientSummary(path))
            Q_EMIT statusMessage(tr("Saved the patient summary to %1").arg(path));
    });
    auto* top = new QHBoxLayout;
    auto* names = new QVBoxLayout;
    names->setSpacing(2);
    names->addWidget(m_name);
    names->addWidget(m_details);
    top->addLayout(names, 1);
    top->addWidget(print, 0, Qt::AlignTop);
    auto* header = new QWidget;
    header->setObjectName(QStringLiteral("chartHeader"));
    auto* layout = new QVBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_banner);
    return header;
}

QWidget* ChartWindow::buildSummaryTab()
{
    m_summaryText = new QLabel;
    m_summaryText->setObjectName(QStringLiteral("chartSummary"));
    m_summaryText->setWordWrap(true);
    m_summaryText->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_summaryText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_summaryText, 1);
    return page;
}

QWidget* ChartWindow::buildVisitsTab()
{
    m_visits = new QTreeWidget;
    m_visits->setObjectName(QStringLiteral("chartVisits"));
    m_visits->setHeaderLabels({tr("Date"), tr("Visit or note"), tr("Provider or author"), tr("Reason or status")});
    m_visits->setAlternatingRowColors(true);
    m_visits->setRootIsDecorated(true);
    const bool write = m_workspace.can(core::Permission::ClinicalWrite);
    auto* walkIn = new QPushButton(tr("Start walk-in visit…"));
    walkIn->setObjectName(QStringLiteral("startWalkInButton"));
    auto* note = new QPushButton(tr("New note   Ctrl+N"));
    note->setObjectName(QStringLiteral("newNoteButton"));
    note->setProperty("role", QStringLiteral("primary"));
    auto* open = new QPushButton(tr("Open"));
    open->setObjectName(QStringLiteral("openNoteButton"));
    auto* vitals = new QPushButton(tr("Record vital signs…"));
    vitals->setObjectName(QStringLiteral("visitVitalsButton"));
    auto* print = new QPushButton(tr("Print visit summary…"));
    print->setObjectName(QStringLiteral("printVisitSummary"));
    for (QPushButton* b : {walkIn, note, vitals})
        b->setVisible(write);
    connect(walkIn, &QPushButton::clicked, this, &ChartWindow::startWalkIn);
    connect(note, &QPushButton::clicked, this, [this] {
        const std::string encounter = currentEncounterId();
        if (encounter.empty())
            showError(tr("Start a visit first: a note belongs to a visit."));
        else
            newNote(encounter);
    });
    auto* newNoteKey = new QShortcut(QKeySequence::New, this);
    connect(newNoteKey, &QShortcut::activated, note, &QPushButton::click);
    auto openSelected = [this] {
        QTreeWidgetItem* item = m_visits->currentItem();
        if (item && item->parent())
            openNote(item->data(0, Qt::UserRole).toString().toStdString());
    };
    connect(open, &QPushButton::clicked, this, openSelected);
    connect(m_visits, &QTreeWidget::itemActivated, this, openSelected);
    connect(vitals, &QPushButton::clicked, this, &ChartWindow::addVitals);
    connect(print, &QPushButton::clicked, this, [this] {
        const std::string encounter = currentEncounterId();
        if (encounter.empty())
            return;
        const QString path = QFileDialog::getSaveFileName(this, tr("Save visit summary"), tr("visit-summary.pdf"),
                                                          tr("PDF files (*.pdf)"));
        if (!path.isEmpty() && printVisitSummary(encounter, path))
            Q_EMIT statusMessage(tr("Saved the visit summary to %1").arg(path));
    });
    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : {note, open, vitals, walkIn, print})
        buttons->addWidget(b);
    buttons->addStretch(1);
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(buttons);
    layout->addWidget(m_visits, 1);
    return page;
}

QWidget* ChartWindow::buildListTab(QTableWidget*& table, const QStringList& headers, const QString& addText,
                                   const std::function<void()>& add, const std::function<void(int)>& edit,
                                   QWidget* extra)
{
    table = chartTable(QStringLiteral("chartTable%1").arg(m_tabs->count()), headers);
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    const bool write = m_workspace.can(core::Permission::ClinicalWrite);
    if (add || extra) {
        auto* buttons = new QHBoxLayout;
        if (add) {
            auto* addButton = new QPushButton(addText);
            addButton->setObjectName(QStringLiteral("chartAdd%1").arg(m_tabs->count()));
            addButton->setVisible(write);
            connect(addButton, &QPushButton::clicked, this, add);
            buttons->addWidget(addButton);
        }
        if (extra)
            buttons->addWidget(extra);
        buttons->addStretch(1);
        layout->addLayout(buttons);
    }
    if (edit && write)
        connect(table, &QTableWidget::cellActivated, this, [edit](int row, int) { edit(row); });
    layout->addWidget(table, 1);
    return page;
}

void ChartWindow::showError(const QString& text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void ChartWindow::refresh()
{
    core::Session* s = m_workspace.session();
    if (!s)
        return;
    core::ChartReader reader(*s);
    auto header = reader.header(m_patientId);
    if (!header) {
        showError(UiText::error(header.error()));
        return;
    }
    m_summary.header = std::move(*header);
    core::ClinicalListStore lists(*s);
    auto encounters = core::EncounterStore(*s).forPatient(m_patientId);
    auto notes = core::NoteStore(*s).forPatient(m_patientId);
    auto problems = lists.problems(m_patientId);
    auto meds = lists.medications(m_patientId);
    auto allergies = lists.allergies(m_patientId);
    auto vitals = lists.vitals(m_patientId);
    auto labs = lists.labResults(m_patientId);
    auto shots = lists.immunizations(m_patientId);
    auto staff = reader.staffNames();
    if (!encounters || !notes || !problems || !meds || !allergies || !vitals || !labs || !shots || !staff) {
        const core::Error& e = !encounters  ? encounters.error()
                               : !notes     ? notes.error()
                               : !problems  ? problems.error()
                               : !meds      ? meds.error()
                               : !allergies ? allergies.error()
                               : !vitals    ? vitals.error()
                               : !labs      ? labs.error()
                               : !shots     ? shots.error()
                                            : staff.error();
        showError(UiText::error(e));
        return;
    }
    m_encounters = std::move(*encounters);
    m_notes = std::move(*notes);
    m_problems = std::move(*problems);
    m_medications = std::move(*meds);
    m_allergies = std::move(*allergies);
    m_vitals = std::move(*vitals);
    m_labs = std::move(*labs);
    m_immunizations = std::move(*shots);
    m_staff = std::move(*staff);
    m_summary.activeProblems.clear();
    for (const auto& p : m_problems)
        if (p.status == "active")
            m_summary.activeProblems.push_back(p);
    m_summary.activeMedications.clear();
    for (const auto& m : m_medications)
        if (m.status == "active")
            m_summary.activeMedications.push_back(m);
    m_summary.latestVitals.reset();
    for (auto it = m_vitals.rbegin(); it != m_vitals.rend() && !m_summary.latestVitals; ++it)
        if (it->status == "final")
            m_summary.latestVitals = *it;
    fillHeader();
    fillSummary();
    fillVisits();
    fillLists();
    m_vitalsTab->showVitals(m_vitals, m_workspace.timeZone());
    fillTimeline();
}

QString ChartWindow::bannerText() const
{
    return m_banner->text();
}

void ChartWindow::fillHeader()
{
    const core::Patient& p = m_summary.header.patient;
    setWindowTitle(tr("Chart: %1").arg(qs(p.familyName + ", " + p.givenName)));
    m_name->setText(qs(p.familyName + ", " + p.givenName) +
                    (p.preferredName ? QStringLiteral(" (\"%1\")").arg(qs(*p.preferredName)) : QString()));
    m_details->setText(tr("%1 years · %2 · born %3 · MRN %4")
                           .arg(m_summary.header.ageYears)
                           .arg(UiText::sex(p.sex), UiText::usDate(p.dateOfBirth), qs(p.mrn)));
    const core::AllergyStatus& a = m_summary.header.allergies;
    m_banner->setText(ChartText::allergyBanner(a));
    // Three looks that cannot be mistaken for one another: red for allergies, green for "none known",
    // amber and dashed for "not recorded yet".
    const char* state = a.state == core::AllergyState::Allergies          ? "allergies"
                        : a.state == core::AllergyState::NoKnownAllergies ? "none"
                                                                          : "unknown";
    m_banner->setProperty("allergyState", QString::fromLatin1(state));
    const QString style =
        a.state == core::AllergyState::Allergies
            ? QStringLiteral("background:#fde8e7; color:#8f1d13; border:2px solid #d92d20; font-weight:600;")
        : a.state == core::AllergyState::NoKnownAllergies
            ? QStringLiteral("background:#ecfdf3; color:#05603a; border:1px solid #6ce9a6;")
            : QStringLiteral("background:#fffaeb; color:#93370d; border:2px dashed #f79009; font-weight:600;");
    m_banner->setStyleSheet(QStringLiteral("QLabel { %1 border-radius:6px; padding:8px 12px; }").arg(style));
    m_noKnownAllergies->setEnabled(a.state != core::AllergyState::Allergies);
}

void ChartWindow::fillSummary()
{
    QString text;
    text += QStringLiteral("<h3>%1</h3>").arg(tr("Active problems"));
    if (m_summary.activeProblems.empty())
        text += QStringLiteral("<p>%1</p>").arg(tr("None recorded."));
    for (const auto& p : m_summary.activeProblems)
        text += QStringLiteral("<p>%1 <span style='color:#667085'>%2</span></p>")
                    .arg(ChartText::html(qs(p.display)), ChartText::html(qs(p.code)));
    text += QStringLiteral("<h3>%1</h3>").arg(tr("Medications"));
    if (m_summary.activeMedications.empty())
        text += QStringLiteral("<p>%1</p>").arg(tr("None recorded."));
    for (const auto& m : m_summary.activeMedications)
        text += QStringLiteral("<p>%1 %2 %3</p>")
                    .arg(ChartText::html(qs(m.name)), ChartText::html(qs(m.dose)), ChartText::html(qs(m.frequency)));
    text += QStringLiteral("<h3>%1</h3>").arg(tr("Latest vital signs"));
    text += QStringLiteral("<p>%1</p>")
                .arg(m_summary.latestVitals
                         ? ChartText::dateTime(m_summary.latestVitals->takenAtMs, m_workspace.timeZone()) +
                               QStringLiteral(": ") + ChartText::html(ChartText::vitalsSummary(*m_summary.latestVitals))
                         : tr("None recorded."));
    int unsignedNotes = 0;
    for (const auto& n : m_notes)
        if (!n.isSigned())
            ++unsignedNotes;
    text += QStringLiteral("<h3>%1</h3>").arg(tr("Visits"));
    text +=
        QStringLiteral("<p>%1</p>").arg(tr("%n visit(s) on record", nullptr, static_cast<int>(m_encounters.size())));
    if (unsignedNotes > 0)
        text += QStringLiteral("<p style='color:#b54708'>%1</p>")
                    .arg(tr("%n note(s) not signed yet", nullptr, unsignedNotes));
    m_summaryText->setText(text);
}

void ChartWindow::fillVisits()
{
    const QString keep =
        m_visits->currentItem() ? m_visits->currentItem()->data(0, Qt::UserRole).toString() : QString();
    m_visits->clear();
    std::map<std::string, std::string> providers;
    if (core::Session* s = m_workspace.session())
        if (auto list = core::ScheduleSetupStore(*s).providers())
            for (const auto& p : *list)
                providers[p.id] = p.name;
    QTreeWidgetItem* select = nullptr;
    for (const core::Encounter& e : m_encounters) {
        auto* visit = new QTreeWidgetItem(
            m_visits, {UiText::usDate(e.date), ChartText::visitType(e.visitType),
                       qs(providers.count(e.providerId) ? providers[e.providerId] : ""),
                       qs(e.chiefComplaint.value_or("")) +
                           (e.status == "open" ? QString() : QStringLiteral(" · ") + ChartText::status(e.status))});
        visit->setData(0, Qt::UserRole, qs(e.id));
        if (qs(e.id) == keep)
            select = visit;
        for (const core::ClinicalNote& n : m_notes) {
            if (n.encounterId != e.id)
                continue;
            const QString author = qs(m_staff.count(n.authorId) ? m_staff[n.authorId] : n.authorId);
            auto* item = new QTreeWidgetItem(visit, {ChartText::dateTime(n.createdAtMs, m_workspace.timeZone()),
                                                     ChartText::noteKind(n), author,
                                                     n.isSigned() ? tr("Signed") : tr("Draft, not signed")});
            item->setData(0, Qt::UserRole, qs(n.id));
            if (!n.isSigned())
                for (int c = 0; c < 4; ++c)
                    item->setForeground(c, QColor(QStringLiteral("#b54708")));
            if (qs(n.id) == keep)
                select = item;
        }
        visit->setExpanded(true);
    }
    m_visits->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    if (select)
        m_visits->setCurrentItem(select);
    else if (m_visits->topLevelItemCount() > 0)
        m_visits->setCurrentItem(m_visits->topLevelItem(0));
}

void ChartWindow::fillLists()
{
    std::vector<QStringList> rows;
    for (const auto& p : m_problems)
        rows.push_back({qs(p.display), qs(p.code), ChartText::status(p.status),
                        UiText::usDate(p.onsetDate.value_or("")), UiText::usDate(p.resolvedDate.value_or("")),
                        qs(p.note)});
    fillTable(m_problemTable, rows);
    rows.clear();
    for (const auto& m : m_medications)
        rows.push_back({qs(m.name), qs(m.dose), qs(m.route), qs(m.frequency), ChartText::status(m.status),
                        ChartText::status(m.source), UiText::usDate(m.startDate.value_or(""))});
    fillTable(m_medicationTable, rows);
    rows.clear();
    std::vector<bool> flags;
    for (const auto& a : m_allergies) {
        rows.push_back({qs(a.substance), ChartText::allergyCategory(a.category), qs(a.reaction),
                        ChartText::severity(a.severity), ChartText::status(a.status)});
        flags.push_back(a.status == "active");
    }
    fillTable(m_allergyTable, rows, flags);
    rows.clear();
    flags.clear();
    for (const auto& l : m_labs) {
        rows.push_back({ChartText::dateTime(l.collectedAtMs, m_workspace.timeZone()), qs(l.name), qs(l.value),
                        qs(l.unit), qs(l.referenceRange), ChartText::labFlag(l.abnormalFlag),
                        ChartText::status(l.resultStatus), qs(l.source)});
        flags.push_back(l.abnormalFlag && *l.abnormalFlag != "N");
    }
    fillTable(m_labTable, rows, flags);
    rows.clear();
    for (const auto& i : m_immunizations)
        rows.push_back({UiText::usDate(i.administeredOn), qs(i.vaccine), qs(i.cvxCode), qs(i.lotNumber), qs(i.site),
                        ChartText::status(i.status)});
    fillTable(m_immunizationTable, rows);
}

void ChartWindow::fillTimeline()
{
    core::Session* s = m_workspace.session();
    if (!s)
        return;
    auto entries = core::ChartReader(*s).timeline(m_patientId);
    if (!entries) {
        showError(UiText::error(entries.error()));
        return;
    }
    std::vector<QStringList> rows;
    std::vector<bool> flags;
    for (const core::TimelineEntry& e : *entries) {
        QString label = qs(e.label);
        if (e.entity == "encounter")
            label = ChartText::visitType(e.label);
        else if (e.entity == "clinical_note")
            label = e.label == "addendum" ? tr("Addendum") : tr("Note");
        else if (e.entity == "vital_signs")
            label = tr("Vital signs");
        QString detail = qs(e.detail);
        if (e.entity == "clinical_note")
            detail = e.flagged ? tr("not signed") : tr("signed");
        const QString when = e.atMs == 0  ? tr("date unknown")
                             : e.dateOnly ? UiText::usDate(core::isoDateUtc(e.atMs))
                                          : ChartText::dateTime(e.atMs, m_workspace.timeZone());
        rows.push_back({when, ChartText::entity(e.entity), label, detail});
        flags.push_back(e.flagged);
    }
    fillTable(m_timelineTable, rows, flags);
}

std::string ChartWindow::currentEncounterId() const
{
    if (QTreeWidgetItem* item = m_visits->currentItem()) {
        QTreeWidgetItem* visit = item->parent() ? item->parent() : item;
        return visit->data(0, Qt::UserRole).toString().toStdString();
    }
    const std::string today = m_workspace.todayIso();
    for (const core::Encounter& e : m_encounters)
        if (e.date == today && e.status == "open")
            return e.id;
    return {};
}

NoteEditor* ChartWindow::showEditor(core::ClinicalNote note)
{
    const QString title = tr("%1 for %2").arg(ChartText::noteKind(note), windowTitle());
    auto* editor = new NoteEditor(m_workspace, std::move(note), title, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &NoteEditor::noteChanged, this, &ChartWindow::refresh);
    connect(editor, &NoteEditor::addendumRequested, this, [this, editor](const QString& id) {
        editor->close();
        newAddendum(id.toStdString());
    });
    editor->show();
    return editor;
}

NoteEditor* ChartWindow::openNote(const std::string& noteId)
{
    core::Session* s = m_workspace.session();
    if (!s)
        return nullptr;
    auto note = core::NoteStore(*s).get(noteId);
    if (!note) {
        showError(UiText::error(note.error()));
        return nullptr;
    }
    return showEditor(std::move(*note));
}

NoteEditor* ChartWindow::newNote(const std::string& encounterId)
{
    core::Session* s = m_workspace.session();
    if (!s)
        return nullptr;
    auto note = core::NoteStore(*s).startNote(encounterId);
    if (!note) {
        showError(UiText::error(note.error()));
        return nullptr;
    }
    refresh();
    return showEditor(std::move(*note));
}

NoteEditor* ChartWindow::newAddendum(const std::string& noteId)
{
    core::Session* s = m_workspace.session();
    if (!s)
        return nullptr;
    auto addendum = core::NoteStore(*s).addAddendum(noteId, "");
    if (!addendum) {
        showError(UiText::error(addendum.error()));
        return nullptr;
    }
    refresh();
    return showEditor(std::move(*addendum));
}

void ChartWindow::startWalkIn()
{
    core::Session* s = m_workspace.session();
    if (!s)
        return;
    auto providers = core::ScheduleSetupStore(*s).providers();
    if (!providers || providers->empty()) {
        showError(providers ? tr("Add a provider in Schedule setup first.") : UiText::error(providers.error()));
        return;
    }
    QStringList names;
    for (const auto& p : *providers)
        names << qs(p.name);
    bool ok = false;
    const QString provider = QInputDialog::getItem(this, tr("Walk-in visit"), tr("Provider:"), names, 0, false, &ok);
    if (!ok)
        return;
    const QString complaint =
        QInputDialog::getText(this, tr("Walk-in visit"), tr("Reason for the visit:"), QLineEdit::Normal, {}, &ok);
    if (!ok)
        return;
    const auto& chosen = (*providers)[static_cast<std::size_t>(names.indexOf(provider))];
    auto visit = core::EncounterStore(*s).startWalkIn(m_patientId, chosen.id, "acute", optionalText(complaint));
    if (!visit) {
        showError(UiText::error(visit.error()));
        return;
    }
    showError({});
    refresh();
}

void ChartWindow::addVitals()
{
    const std::string encounter = currentEncounterId();
    VitalsDialog dialog(m_workspace, m_patientId, encounter.empty() ? std::nullopt : std::optional(encounter), this);
    if (dialog.exec() == QDialog::Accepted)
        refresh();
}

ChartPrintout ChartWindow::printout() const
{
    return ChartPrintout{
        m_summary, m_details->text(),      m_summaryText->text(),      m_encounters, m_notes, m_vitals, m_immunizations,
        m_staff,   m_workspace.timeZone(), m_workspace.clock().nowMs()};
}

bool ChartWindow::printPatientSummary(const QString& path)
{
    return printout().patientSummary(path);
}

bool ChartWindow::printVisitSummary(const std::string& encounterId, const QString& path)
{
    return printout().visitSummary(encounterId, path);
}

} // namespace practica::app
