#include "PatientListView.h"

#include "PatientSearchModel.h"
#include "app/gui/common/UiText.h"
#include "app/gui/shell/Workspace.h"
#include "core/patients/PatientStore.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace practica::app {

PatientListView::PatientListView(Workspace& workspace, QWidget* parent) : QWidget(parent), m_workspace(workspace)
{
    setObjectName(QStringLiteral("patientListView"));
    auto* title = new QLabel(tr("Patients"));
    title->setProperty("role", QStringLiteral("pageTitle"));
    m_newPatient = new QPushButton(QIcon(QStringLiteral(":/icons/add-light.svg")), tr("&New patient"));
    m_newPatient->setObjectName(QStringLiteral("newPatientButton"));
    m_newPatient->setProperty("role", QStringLiteral("primary"));
    m_newPatient->setToolTip(tr("Register a new patient (Ctrl+N)"));
    m_newPatient->setVisible(workspace.can(core::Permission::PatientWrite));
    auto* header = new QHBoxLayout;
    header->addWidget(title);
    header->addStretch();
    header->addWidget(m_newPatient);

    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("patientSearch"));
    m_search->setPlaceholderText(tr("Search by name (e.g. \"smi jo\"), date of birth, MRN or phone"));
    m_search->setAccessibleName(tr("Search patients"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(QIcon(QStringLiteral(":/icons/search.svg")), QLineEdit::LeadingPosition);
    m_search->setMinimumHeight(34);
    m_search->installEventFilter(this);

    m_model = new PatientSearchModel(this);
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("patientResults"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(30);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setSectionResizeMode(PatientSearchModel::Name, QHeaderView::Stretch);
    m_table->setColumnWidth(PatientSearchModel::Mrn, 110);
    m_table->setColumnWidth(PatientSearchModel::DateOfBirth, 120);
    m_table->setColumnWidth(PatientSearchModel::Age, 60);
    m_table->setColumnWidth(PatientSearchModel::Sex, 90);
    m_table->setColumnWidth(PatientSearchModel::Phone, 140);
    m_table->setColumnWidth(PatientSearchModel::Status, 100);
    m_table->setTabKeyNavigation(false);
    m_table->setAccessibleName(tr("Search results"));

    m_hint = new QLabel;
    m_hint->setObjectName(QStringLiteral("patientSearchHint"));
    m_hint->setProperty("role", QStringLiteral("subtle"));
    m_hint->setText(idleHint());

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->setSpacing(12);
    layout->addLayout(header);
    layout->addWidget(m_search);
    layout->addWidget(m_hint);
    layout->addWidget(m_table, 1);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &PatientListView::runSearch);
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_debounce.start(); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (m_debounce.isActive()) {
            m_debounce.stop();
            runSearch();
        }
        openCurrent();
    });
    connect(m_table, &QTableView::activated, this, &PatientListView::openCurrent);
    connect(m_newPatient, &QPushButton::clicked, this, &PatientListView::newPatientRequested);
}

QString PatientListView::idleHint()
{
    return tr("Type part of a name (family, given), a date of birth, an MRN or a phone number. "
              "Press Enter to open the highlighted patient.");
}

void PatientListView::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

void PatientListView::refresh()
{
    if (!m_search->text().trimmed().isEmpty())
        runSearch();
}

void PatientListView::clearResults()
{
    m_model->clear();
}

void PatientListView::runSearch()
{
    core::Session* session = m_workspace.session();
    const QString query = m_search->text().trimmed();
    if (!session || query.isEmpty()) {
        m_model->clear();
        m_hint->setText(idleHint());
        return;
    }
    auto results = core::PatientSearch(*session).search(query.toStdString(), 100);
    if (!results) {
        m_model->clear();
        m_hint->setText(UiText::error(results.error()));
        return;
    }
    const int count = static_cast<int>(results->size());
    m_model->setResults(std::move(*results), m_workspace.todayIso());
    if (count == 0)
        m_hint->setText(tr("No patient matches \"%1\".").arg(query));
    else
        m_hint->setText(tr("%n patient(s) found. Press Enter or ↓ to open.", nullptr, count));
    m_table->selectRow(0);
}

void PatientListView::openCurrent()
{
    if (m_model->rowCount() == 0)
        return;
    const QModelIndex current = m_table->currentIndex();
    const int row = current.isValid() ? current.row() : 0;
    const QString id = m_model->patientIdAt(row);
    if (!id.isEmpty())
        Q_EMIT openRequested(id);
}

bool PatientListView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if ((key->key() == Qt::Key_Down || key->key() == Qt::Key_PageDown) && m_model->rowCount() > 0) {
            m_table->setFocus();
            if (!m_table->currentIndex().isValid())
                m_table->selectRow(0);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace practica::app
