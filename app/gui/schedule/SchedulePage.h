// The Schedule screen: the day by provider or by room, or one provider's week, with the mini calendar and the
// waitlist beside it; booking, moving, resizing and undo of the last move; find-a-slot, day sheets, reminders.
#pragma once

#include "ScheduleDay.h"

#include <QWidget>
#include <optional>

class QCalendarWidget;
class QComboBox;
class QLabel;
class QPushButton;
class QTimer;

namespace practica::app {

class AppointmentActions;
struct BookingRequest;
class DayView;
class WaitlistPanel;
class Workspace;

class SchedulePage : public QWidget
{
    Q_OBJECT

public:
    explicit SchedulePage(Workspace& workspace, QWidget* parent = nullptr);
    ~SchedulePage() override;

    void refresh();
    void setDate(const std::string& isoDate);
    std::string date() const { return m_date; }
    void setMode(ScheduleMode mode);
    DayView* dayView() const { return m_view; }
    // Opens the booking dialog for a request (from a slot, the waitlist or find-a-slot).
    void book(const BookingRequest& request);

Q_SIGNALS:
    void statusMessage(const QString& text);
    void scheduleChanged();

private:
    struct UndoStep
    {
        QString id;
        std::int64_t startUtcMs = 0;
        std::string providerId;
        std::optional<std::string> roomId;
        int minutes = 0;
        bool resize = false;
        QString what;
    };

    QWidget* buildToolbar();
    void bookAt(int column, int minuteOfDay);
    void moveAppointment(const QString& id, int column, int minuteOfDay);
    void resizeAppointment(const QString& id, int minutes);
    void undoLastMove();
    void findSlot();
    void printDaySheet();
    void exportReminderList();
    void showActions(const QString& id, int column, int minuteOfDay, const QPoint& globalPos);
    void changed(const QString& message);
    void showResult(const QString& text, bool error);
    void updateNow();
    void updateControls();
    const ScheduleItem* item(const QString& id) const;

    Workspace& m_workspace;
    ScheduleSetup m_setup;
    std::string m_date;
    ScheduleMode m_mode = ScheduleMode::ProvidersDay;
    std::optional<UndoStep> m_undo;
    DayView* m_view;
    AppointmentActions* m_actions;
    WaitlistPanel* m_waitlist;
    QCalendarWidget* m_calendar;
    QLabel* m_title;
    QLabel* m_message;
    QComboBox* m_modeBox;
    QComboBox* m_weekProvider;
    QComboBox* m_grid;
    QPushButton* m_undoButton;
    QTimer* m_nowTimer;
};

} // namespace practica::app
