#include "SyncStatusWidget.h"

#include "SyncText.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

namespace practica::app {

namespace {

constexpr int kMaxTextWidth = 560;

const char* dotState(const SyncState& s)
{
    using Link = SyncState::Link;
    if (s.syncing)
        return "busy";
    switch (s.link) {
    case Link::Online:
        return "online";
    case Link::Offline:
        return "offline";
    case Link::Failing:
    case Link::Stopped:
        return "problem";
    case Link::Starting:
        return "busy";
    case Link::Paused:
    case Link::NotConnected:
        break;
    }
    return "none";
}

void repolish(QWidget* w)
{
    w->style()->unpolish(w);
    w->style()->polish(w);
}

} // namespace

SyncStatusWidget::SyncStatusWidget(bool mayConnect, QWidget* parent) : QWidget(parent), m_mayConnect(mayConnect)
{
    setObjectName(QStringLiteral("syncStatus"));
    setAccessibleName(tr("Sync status"));
    m_dot = new QLabel;
    m_dot->setObjectName(QStringLiteral("syncDot"));
    m_dot->setFixedSize(10, 10);
    m_text = new QLabel;
    m_text->setObjectName(QStringLiteral("syncStatusText"));
    m_conflicts = new QPushButton(QIcon(QStringLiteral(":/icons/warning.svg")), QString());
    m_conflicts->setObjectName(QStringLiteral("syncConflictsButton"));
    m_conflicts->setToolTip(tr("Show the changes the sync server refused, and resolve them"));
    m_conflicts->setCursor(Qt::PointingHandCursor);
    m_conflicts->hide();
    m_parked = new QPushButton(QIcon(QStringLiteral(":/icons/warning.svg")), QString());
    m_parked->setObjectName(QStringLiteral("syncParkedButton"));
    m_parked->setToolTip(tr("Show the changes received from the server that this computer could not merge, and why"));
    m_parked->setCursor(Qt::PointingHandCursor);
    m_parked->hide();
    m_action = new QPushButton(tr("Sync now"));
    m_action->setObjectName(QStringLiteral("syncNowButton"));
    m_action->setProperty("role", QStringLiteral("link"));
    m_action->setCursor(Qt::PointingHandCursor);
    m_action->hide();
    m_connect = new QPushButton(tr("Connect…"));
    m_connect->setObjectName(QStringLiteral("syncConnectButton"));
    m_connect->setProperty("role", QStringLiteral("link"));
    m_connect->setToolTip(tr("Connect this workstation to the clinic's sync server"));
    m_connect->setCursor(Qt::PointingHandCursor);
    m_connect->hide();
    for (QPushButton* b : {m_conflicts, m_parked, m_action, m_connect})
        b->setFocusPolicy(Qt::NoFocus);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 0, 6, 0);
    layout->setSpacing(6);
    layout->addWidget(m_dot);
    layout->addWidget(m_text);
    layout->addWidget(m_conflicts);
    layout->addWidget(m_parked);
    layout->addWidget(m_action);
    layout->addWidget(m_connect);

    connect(m_conflicts, &QPushButton::clicked, this, &SyncStatusWidget::conflictsRequested);
    connect(m_parked, &QPushButton::clicked, this, &SyncStatusWidget::parkedRequested);
    connect(m_connect, &QPushButton::clicked, this, &SyncStatusWidget::connectRequested);
    connect(m_action, &QPushButton::clicked, this, [this] {
        if (m_syncing)
            Q_EMIT cancelRequested();
        else
            Q_EMIT syncNowRequested();
    });
    showState(SyncState{});
}

void SyncStatusWidget::showState(const SyncState& state)
{
    using Link = SyncState::Link;
    m_syncing = state.syncing;
    m_fullText = SyncText::statusLine(state);
    m_dot->setProperty("state", QString::fromLatin1(dotState(state)));
    repolish(m_dot);
    m_text->setProperty("problem", state.link == Link::Stopped || state.link == Link::Failing);
    repolish(m_text);
    elide();
    setToolTip(SyncText::details(state));

    m_conflicts->setText(SyncText::conflicts(state.openConflicts));
    m_conflicts->setVisible(state.openConflicts > 0 && state.link != Link::Paused);
    m_parked->setText(SyncText::parked(state.parked));
    m_parked->setVisible(state.parked > 0 && state.link != Link::Paused);
    const bool connected = state.link != Link::NotConnected && state.link != Link::Paused;
    m_action->setText(state.syncing ? tr("Cancel") : tr("Sync now"));
    m_action->setToolTip(state.syncing ? tr("Stop this sync; it continues from here next time")
                                       : tr("Send and receive changes now (F9)"));
    m_action->setVisible(connected);
    m_connect->setVisible(m_mayConnect && state.link == Link::NotConnected);
}

void SyncStatusWidget::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    elide();
}

void SyncStatusWidget::elide()
{
    const QString shown = m_text->fontMetrics().elidedText(m_fullText, Qt::ElideRight, kMaxTextWidth);
    m_text->setText(shown);
    m_text->setAccessibleName(m_fullText);
}

} // namespace practica::app
