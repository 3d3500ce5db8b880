#include "DuplicateDialog.h"

#include "app/gui/common/UiText.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace practica::app {

namespace {

QString reasonText(const std::string& reason)
{
    if (reason == "name_and_birth_date")
        return DuplicateDialog::tr("Same name and date of birth");
    if (reason == "phone")
        return DuplicateDialog::tr("Same phone number");
    return qs(reason);
}

} // namespace

DuplicateDialog::DuplicateDialog(const std::vector<core::DuplicateCandidate>& candidates, QWidget* parent)
    : QDialog(parent), m_candidates(candidates)
{
    setObjectName(QStringLiteral("duplicateDialog"));
    setWindowTitle(tr("Possible duplicate"));
    auto* icon = new QLabel;
    icon->setPixmap(QIcon(QStringLiteral(":/icons/warning.svg")).pixmap(QSize(32, 32)));
    auto* title = new QLabel(tr("This patient may already be registered"));
    title->setProperty("role", QStringLiteral("pageTitle"));
    auto* text = new QLabel(tr("Registering the same person twice splits their chart and bills. Open the existing "
                               "record if it is the same person."));
    text->setWordWrap(true);
    auto* header = new QHBoxLayout;
    header->addWidget(icon, 0, Qt::AlignTop);
    auto* titles = new QVBoxLayout;
    titles->addWidget(title);
    titles->addWidget(text);
    header->addLayout(titles, 1);

    m_table = new QTableWidget(static_cast<int>(candidates.size()), 5);
    m_table->setObjectName(QStringLiteral("duplicateTable"));
    m_table->setHorizontalHeaderLabels({tr("MRN"), tr("Name"), tr("Date of birth"), tr("Phone"), tr("Why")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setTabKeyNavigation(false);
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const core::PatientSummary& p = candidates[static_cast<std::size_t>(row)].patient;
        m_table->setItem(row, 0, new QTableWidgetItem(qs(p.mrn)));
        m_table->setItem(row, 1, new QTableWidgetItem(qs(p.displayName())));
        m_table->setItem(row, 2, new QTableWidgetItem(UiText::usDate(p.dateOfBirth)));
        m_table->setItem(row, 3, new QTableWidgetItem(UiText::phone(p.phone)));
        m_table->setItem(row, 4, new QTableWidgetItem(reasonText(candidates[static_cast<std::size_t>(row)].reason)));
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->selectRow(0);

    auto* buttons = new QDialogButtonBox;
    QPushButton* open = buttons->addButton(tr("&Open existing patient"), QDialogButtonBox::AcceptRole);
    open->setObjectName(QStringLiteral("openExistingButton"));
    open->setDefault(true);
    open->setProperty("role", QStringLiteral("primary"));
    QPushButton* anyway = buttons->addButton(tr("&Register anyway"), QDialogButtonBox::ActionRole);
    anyway->setObjectName(QStringLiteral("registerAnywayButton"));
    QPushButton* cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("duplicateCancelButton"));
    connect(open, &QPushButton::clicked, this, [this] { choose(OpenExisting); });
    connect(anyway, &QPushButton::clicked, this, [this] { choose(RegisterAnyway); });
    connect(cancel, &QPushButton::clicked, this, [this] { choose(Cancel); });
    connect(m_table, &QTableWidget::activated, this, [this] { choose(OpenExisting); });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 18, 20, 14);
    layout->setSpacing(12);
    layout->addLayout(header);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(680, 320);
}

QString DuplicateDialog::selectedPatientId() const
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= static_cast<int>(m_candidates.size()))
        return qs(m_candidates.front().patient.id);
    return qs(m_candidates[static_cast<std::size_t>(row)].patient.id);
}

void DuplicateDialog::choose(Choice choice)
{
    m_choice = choice;
    if (choice == Cancel)
        reject();
    else
        accept();
}

} // namespace practica::app
