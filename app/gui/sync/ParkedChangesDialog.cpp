#include "ParkedChangesDialog.h"

#include "ConflictDescriber.h"
#include "RuleText.h"
#include "app/gui/shell/Workspace.h"
#include "core/sync/Replica.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace practica::app {

ParkedChangesDialog::ParkedChangesDialog(Workspace& workspace, QWidget* parent)
    : QDialog(parent), m_workspace(workspace)
{
    setObjectName(QStringLiteral("parkedChangesView"));
    setWindowTitle(tr("Changes not merged"));
    setMinimumSize(820, 420);

    auto* title = new QLabel(tr("Changes received but not merged on this computer"));
    title->setProperty("role", QStringLiteral("pageTitle"));
    auto* intro = new QLabel(tr("These changes came from the clinic's server but do not fit this computer's records. "
                                "Nothing is lost: each one is kept here and merged as soon as it fits — at the next "
                                "sync when it waits for another record, after an update of Practica when it is a "
                                "newer kind of record, or when someone corrects the record."));
    intro->setWordWrap(true);
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("parkedSummary"));
    m_list = new QTreeWidget;
    m_list->setObjectName(QStringLiteral("parkedList"));
    m_list->setRootIsDecorated(false);
    m_list->setWordWrap(true);
    m_list->setHeaderLabels({tr("Received"), tr("Record"), tr("Changed by"), tr("Why it is not merged")});
    m_list->header()->setStretchLastSection(true);
    m_list->setColumnWidth(0, 130);
    m_list->setColumnWidth(1, 150);
    m_list->setColumnWidth(2, 110);

    m_detail = new QLabel;
    m_detail->setObjectName(QStringLiteral("parkedDetail"));
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setMinimumHeight(48);
    m_detail->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    connect(m_list, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem* item) { m_detail->setText(item ? item->text(3) : QString()); });

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_detail);
    layout->addWidget(buttons);
    reload();
}

int ParkedChangesDialog::parkedCount() const
{
    return m_list->topLevelItemCount();
}

void ParkedChangesDialog::reload()
{
    m_list->clear();
    core::Session* session = m_workspace.session();
    if (!session)
        return;
    auto parked = core::Replica(*session).parkedChanges();
    if (!parked) {
        m_summary->setText(tr("The list could not be read from this computer's database."));
        return;
    }
    m_summary->setText(parked->empty() ? tr("Every change received from the server is merged.")
                                       : tr("%n change(s) not merged.", nullptr, static_cast<int>(parked->size())));
    const QLocale locale(QLocale::English, QLocale::UnitedStates);
    for (const core::ParkedChange& p : *parked) {
        auto* item = new QTreeWidgetItem(m_list);
        item->setText(0, locale.toString(QDateTime::fromMSecsSinceEpoch(p.parkedMs), tr("MMM d, h:mm AP")));
        item->setText(1, ConflictDescriber::recordName(p.entity));
        item->setToolTip(1, QString::fromStdString(p.entity + " " + p.rowId));
        item->setText(2, p.author.empty() ? tr("unknown") : QString::fromStdString(p.author));
        const QString why = RuleText::parked(p);
        item->setText(3, why);
        item->setToolTip(3, why);
        item->setData(0, Qt::UserRole, QString::fromStdString(p.changeId));
    }
    if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    else
        m_detail->clear();
}

} // namespace practica::app
