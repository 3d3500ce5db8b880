// The status bar's sync indicator: a coloured dot and one line in words (online, offline, syncing, stopped and
// why), the number of conflicts as a button that opens them, "Sync now" / "Cancel", and "Connect…" for an
// administrator when the workstation has no sync server.
#pragma once

#include "SyncState.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace practica::app {

class SyncStatusWidget : public QWidget
{
    Q_OBJECT

public:
    explicit SyncStatusWidget(bool mayConnect, QWidget* parent = nullptr);

    void showState(const SyncState& state);
    // The whole line, as shown before eliding (for tests and screen readers).
    QString text() const { return m_fullText; }

Q_SIGNALS:
    void conflictsRequested();
    void parkedRequested();
    void syncNowRequested();
    void cancelRequested();
    void connectRequested();

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void elide();

    bool m_mayConnect;
    bool m_syncing = false;
    QString m_fullText;
    QLabel* m_dot;
    QLabel* m_text;
    QPushButton* m_conflicts;
    QPushButton* m_parked;
    QPushButton* m_action;
    QPushButton* m_connect;
};

} // namespace practica::app
