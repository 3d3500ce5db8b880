#include "ConflictsDialog.h"

#include "ConflictDescriber.h"
#include "SyncController.h"
#include "app/gui/common/UiText.h"
#include "app/gui/schedule/MoveAppointmentDialog.h"
#include "app/gui/schedule/ScheduleText.h"
#include "app/gui/shell/Workspace.h"
#include "core/schedule/AppointmentStore.h"

#include <QDialogButtonBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace practica::app {

namespace {

QPushButton* button(const QString& objectName, const QString& text, bool primary = false)
{
    auto* b = new QPushButton(text);
    b->setObjectName(objectName);
    if (primary)
        b->setProperty("role", QStringLiteral("primary"));
    return b;
}

std::optional<core::AppointmentView> appointmentView(core::Session& session, const std::string& id)
{
    core::AppointmentStore store(session);
    auto a = store.get(id);
    if (!a)
        return std::nullopt;
    auto views = store.day(ScheduleText::dateOf(a->startLocal));
    if (!views)
        return std::nullopt;
    for (const auto& v : *views)
        if (v.appointment.id == id)
            return v;
    return std::nullopt;
}

} // namespace

ConflictsDialog::ConflictsDialog(Workspace& workspace, QWidget* parent) : QDialog(parent), m_workspace(workspace)
{
    setObjectName(QStringLiteral("conflictsView"));
    setWindowTitle(tr("Sync conflicts"));
    setMinimumSize(680, 460);

    auto* title = new QLabel(tr("Changes the sync server could not accept"));
    title->setProperty("role", QStringLiteral("pageTitle"));
    m_intro = new QLabel(tr("The clinic's server did not accept these changes made on this workstation, most often "
                            "because another workstation changed the same thing. Nothing is lost: each change waits "
                            "here until you choose what to do with it."));
    m_intro->setWordWrap(true);
    m_intro->setProperty("role", QStringLiteral("subtle"));
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("conflictsError"));
    m_error->setProperty("role", QStringLiteral("banner"));
    m_error->setWordWrap(true);
    m_error->hide();
    m_empty = new QLabel(tr("No conflicts. Every change made on this workstation has been accepted by the server."));
    m_empty->setObjectName(QStringLiteral("conflictsEmpty"));
    m_empty->setProperty("role", QStringLiteral("info"));
    m_empty->setWordWrap(true);

    auto* listWidget = new QWidget;
    m_list = new QVBoxLayout(listWidget);
    m_list->setContentsMargins(0, 0, 4, 0);
    m_list->setSpacing(10);
    m_list->addWidget(m_empty);
    m_list->addStretch();
    auto* scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("conflictsList"));
    scroll->setWidgetResizable(true);
    scroll->setWidget(listWidget);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("conflictsCloseButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 14);
    layout->setSpacing(10);
    layout->addWidget(title);
    layout->addWidget(m_intro);
    layout->addWidget(m_error);
    layout->addWidget(scroll, 1);
    layout->addWidget(buttons);

    SyncController& sync = workspace.sync();
    connect(&sync, &SyncController::conflictResolved, this, &ConflictsDialog::resolved);
    connect(&sync, &SyncController::stateChanged, this, &ConflictsDialog::stateChanged);
    connect(&workspace, &Workspace::lockChanged, this, [this](bool locked) {
        if (locked)
            close();
    });
    reload();
}

void ConflictsDialog::reload()
{
    for (QWidget* w : std::as_const(m_cards))
        w->deleteLater();
    m_cards.clear();
    core::Session* session = m_workspace.session();
    if (!session)
        return;
    auto conflicts = core::Replica(*session).openConflicts();
    if (!conflicts) {
        m_error->setText(UiText::error(conflicts.error()));
        m_error->show();
        return;
    }
    int row = 0;
    for (const auto& c : *conflicts) {
        const ConflictSummary summary = ConflictDescriber::describe(*session, c);
        QWidget* w = card(summary);
        m_list->insertWidget(row++, w);
        m_cards.insert(summary.conflictId, w);
    }
    m_shownCount = static_cast<qint64>(conflicts->size());
    m_empty->setVisible(conflicts->empty());
}

QWidget* ConflictsDialog::card(const ConflictSummary& summary)
{
    auto* frame = new QFrame;
    frame->setObjectName(QStringLiteral("conflictCard"));
    frame->setProperty("conflictId", summary.conflictId);
    frame->setAttribute(Qt::WA_StyledBackground);
    auto* icon = new QLabel;
    icon->setPixmap(QIcon(QStringLiteral(":/icons/warning.svg")).pixmap(QSize(20, 20)));
    icon->setAlignment(Qt::AlignTop);
    auto* title = new QLabel(summary.title);
    title->setObjectName(QStringLiteral("conflictTitle"));
    title->setWordWrap(true);
    auto* detail = new QLabel(summary.detail);
    detail->setObjectName(QStringLiteral("conflictDetail"));
    detail->setWordWrap(true);
    detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* status = new QLabel;
    status->setObjectName(QStringLiteral("conflictStatus"));
    status->setWordWrap(true);
    status->hide();

    auto* actions = new QHBoxLayout;
    actions->setSpacing(8);
    const bool mayWriteSchedule = m_workspace.can(core::Permission::ScheduleWrite);
    if (summary.appointment) {
        QPushButton* pick = button(QStringLiteral("pickAnotherTimeButton"), tr("&Pick another time…"), true);
        QPushButton* keep = button(QStringLiteral("keepOtherButton"),
                                   summary.serverHasRow ? tr("&Keep the other booking (undo my change)")
                                                        : tr("&Keep the other booking (remove mine)"));
        pick->setEnabled(mayWriteSchedule);
        keep->setEnabled(mayWriteSchedule);
        connect(pick, &QPushButton::clicked, this, [this, summary] { pickAnotherTime(summary); });
        connect(keep, &QPushButton::clicked, this, [this, summary] { keepOther(summary); });
        actions->addWidget(pick);
        actions->addWidget(keep);
    } else {
        const QString id = summary.conflictId;
        if (summary.signedNote) {
            QPushButton* addendum =
                button(QStringLiteral("makeAddendumButton"), tr("Turn my edit into an &addendum"), true);
            addendum->setEnabled(m_workspace.can(core::Permission::ClinicalWrite));
            connect(addendum, &QPushButton::clicked, this, [this, id] {
                m_error->hide();
                setBusy(id, tr("Writing the addendum…"));
                m_workspace.sync().resolveAsAddendum(id);
            });
            actions->addWidget(addendum);
        }
        if (summary.sendAgain) {
            QPushButton* again = button(QStringLiteral("sendAgainButton"), tr("&Send again"), true);
            connect(again, &QPushButton::clicked, this, [this, id] { resolve(id, true, tr("Sending it again…")); });
            actions->addWidget(again);
        }
        QPushButton* theirs = button(QStringLiteral("takeServerVersionButton"), tr("&Take the server's version"),
                                     !summary.sendAgain && !summary.signedNote);
        connect(theirs, &QPushButton::clicked, this,
                [this, id] { resolve(id, false, tr("Fetching the server's version…")); });
        actions->addWidget(theirs);
    }
    actions->addStretch();

    auto* text = new QVBoxLayout;
    text->setSpacing(6);
    text->addWidget(title);
    text->addWidget(detail);
    text->addWidget(status);
    text->addLayout(actions);
    auto* layout = new QHBoxLayout(frame);
    layout->setContentsMargins(14, 12, 14, 12);
    layout->setSpacing(10);
    layout->addWidget(icon, 0, Qt::AlignTop);
    layout->addLayout(text, 1);
    return frame;
}

void ConflictsDialog::pickAnotherTime(const ConflictSummary& summary)
{
    core::Session* session = m_workspace.session();
    if (!session)
        return;
    const auto view = appointmentView(*session, summary.rowId);
    auto setup = ScheduleLoader::loadSetup(*session);
    if (!view || !setup) {
        m_error->setText(setup ? tr("The appointment is no longer on this workstation.")
                               : UiText::error(setup.error()));
        m_error->show();
        return;
    }
    const QString hint = tr("The other booking keeps this time. Choose a time when %1 is free, or let Find a free "
                            "time suggest one; the appointment is then sent to the server again.")
                             .arg(qs(view->providerName));
    MoveAppointmentDialog dialog(m_workspace, *view, std::move(*setup), hint, this);
    if (dialog.exec() != QDialog::Accepted || !dialog.moved())
        return;
    resolve(
        summary.conflictId, true,
        tr("Moved to %1. Sending it to the server…").arg(ScheduleText::localTime(dialog.moved()->startLocal, true)));
}

void ConflictsDialog::keepOther(const ConflictSummary& summary)
{
    QMessageBox box(QMessageBox::Question, tr("Keep the other booking"),
                    summary.serverHasRow
                        ? tr("Put this appointment back as the server has it? The change made on this workstation "
                             "is dropped.")
                        : tr("Remove this workstation's appointment and keep the other booking? Let the patient "
                             "know that their appointment needs a new time."),
                    QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("keepOtherConfirm"));
    QPushButton* yes =
        box.addButton(summary.serverHasRow ? tr("&Undo my change") : tr("&Remove mine"), QMessageBox::AcceptRole);
    yes->setObjectName(QStringLiteral("keepOtherConfirmButton"));
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != yes)
        return;
    resolve(summary.conflictId, false, tr("Taking the server's version…"));
}

void ConflictsDialog::resolve(const QString& conflictId, bool retry, const QString& working)
{
    m_error->hide();
    setBusy(conflictId, working);
    m_workspace.sync().resolveConflict(conflictId, retry);
}

void ConflictsDialog::setBusy(const QString& conflictId, const QString& text)
{
    QWidget* w = m_cards.value(conflictId);
    if (!w)
        return;
    for (QPushButton* b : w->findChildren<QPushButton*>())
        b->setEnabled(text.isEmpty());
    if (auto* status = w->findChild<QLabel*>(QStringLiteral("conflictStatus"))) {
        status->setText(text);
        status->setVisible(!text.isEmpty());
    }
}

void ConflictsDialog::resolved(const QString& conflictId, const QString& error)
{
    if (!error.isEmpty()) {
        setBusy(conflictId, QString());
        m_error->setText(tr("The conflict could not be resolved: %1").arg(error));
        m_error->show();
        return;
    }
    reload();
}

void ConflictsDialog::stateChanged(const SyncState& state)
{
    if (!state.syncing && state.openConflicts != m_shownCount)
        reload();
}

} // namespace practica::app
