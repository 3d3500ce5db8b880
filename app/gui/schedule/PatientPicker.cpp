#include "PatientPicker.h"

#include "app/gui/common/FormRows.h"
#include "app/gui/common/UiText.h"
#include "app/gui/shell/Workspace.h"
#include "core/patients/PatientSearch.h"

#include <QEvent>
#include <QIcon>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace practica::app {

PatientPicker::PatientPicker(Workspace& workspace, const QString& prefix, QWidget* parent)
    : QWidget(parent), m_workspace(workspace)
{
    m_search = FormRows::lineEdit(prefix + QStringLiteral("PatientSearch"),
                                  tr("Find the patient: name, date of birth, MRN or phone"));
    m_search->addAction(QIcon(QStringLiteral(":/icons/search.svg")), QLineEdit::LeadingPosition);
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    m_results = new QListWidget;
    m_results->setObjectName(prefix + QStringLiteral("PatientResults"));
    m_results->setMaximumHeight(130);
    m_results->hide();
    m_chosen = new QLabel;
    m_chosen->setObjectName(prefix + QStringLiteral("PatientChosen"));
    m_chosen->setProperty("role", QStringLiteral("info"));
    m_chosen->hide();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_search);
    layout->addWidget(m_results);
    layout->addWidget(m_chosen);

    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    m_timer->setInterval(150);
    connect(m_search, &QLineEdit::textEdited, m_timer, qOverload<>(&QTimer::start));
    connect(m_timer, &QTimer::timeout, this, &PatientPicker::search);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_timer->stop();
        if (m_results->isHidden())
            search();
        choose();
    });
    connect(m_results, &QListWidget::itemActivated, this, &PatientPicker::choose);
    connect(m_results, &QListWidget::itemClicked, this, &PatientPicker::choose);
}

bool PatientPicker::eventFilter(QObject* watched, QEvent* event)
{
    // Down from the search box walks into the results, as in the patient list.
    if (watched == m_search && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_Down && m_results->isVisible()) {
        m_results->setFocus();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void PatientPicker::setPatient(const std::string& id, const QString& name)
{
    m_patientId = id;
    m_name = name;
    m_chosen->setText(name);
    m_chosen->setVisible(!name.isEmpty());
}

void PatientPicker::focusSearch()
{
    m_search->setFocus();
}

void PatientPicker::search()
{
    core::Session* session = m_workspace.session();
    const std::string query = ss(m_search->text());
    m_results->clear();
    if (!session || query.size() < 2) {
        m_results->hide();
        return;
    }
    auto found = core::PatientSearch(*session).search(query, 20);
    if (!found) {
        Q_EMIT failed(UiText::error(found.error()));
        return;
    }
    for (const auto& p : *found) {
        auto* item = new QListWidgetItem(
            tr("%1 · DOB %2 · MRN %3").arg(qs(p.displayName()), UiText::usDate(p.dateOfBirth), qs(p.mrn)), m_results);
        item->setData(Qt::UserRole, qs(p.id));
        item->setData(Qt::UserRole + 1, qs(p.displayName()));
    }
    if (found->empty())
        new QListWidgetItem(tr("No patient matches. Register new patients on the Patients page."), m_results);
    m_results->show();
    m_results->setCurrentRow(0);
}

void PatientPicker::choose()
{
    QListWidgetItem* item = m_results->currentItem();
    if (!item || item->data(Qt::UserRole).toString().isEmpty())
        return;
    m_patientId = ss(item->data(Qt::UserRole).toString());
    m_name = item->data(Qt::UserRole + 1).toString();
    m_chosen->setText(item->text());
    m_chosen->show();
    m_results->hide();
    m_search->clear();
    Q_EMIT patientChosen();
}

} // namespace practica::app
