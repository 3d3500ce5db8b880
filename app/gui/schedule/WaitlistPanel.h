// The waitlist beside the schedule: who is waiting for an earlier or a particular time, added, booked or removed.
#pragma once

#include "ScheduleDay.h"

#include <QWidget>
#include <vector>

class QLabel;
class QListWidget;
class QPushButton;

namespace practica::app {

class Workspace;
struct BookingRequest;

class WaitlistPanel : public QWidget
{
    Q_OBJECT

public:
    WaitlistPanel(Workspace& workspace, const ScheduleSetup& setup, QWidget* parent = nullptr);
    void refresh();
    void markBooked(const std::string& entryId);

Q_SIGNALS:
    void bookRequested(const BookingRequest& request);

private:
    void addEntry();
    void bookSelected();
    void removeSelected();
    QString describe(const core::WaitlistEntry& entry) const;
    const core::WaitlistEntry* selected() const;

    Workspace& m_workspace;
    const ScheduleSetup& m_setup;
    std::vector<core::WaitlistEntry> m_entries;
    QListWidget* m_list;
    QLabel* m_empty;
    QPushButton* m_book;
    QPushButton* m_remove;
};

} // namespace practica::app
