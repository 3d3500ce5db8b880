// The front desk's arrivals list: today's appointments by time, with check-in, rooming and check-out in
// one keystroke each (I, R, O) and how long each arrived patient has been waiting.
#pragma once

#include "core/model/Schedule.h"

#include <QWidget>
#include <vector>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;
class QTimer;

namespace practica::app {

class Workspace;

class ArrivalsPage : public QWidget
{
    Q_OBJECT

public:
    explicit ArrivalsPage(Workspace& workspace, QWidget* parent = nullptr);
    // Reads today's list; a periodic refresh of the list on screen is not audited again.
    void refresh(bool periodic = false);
    // Moves the selected appointment to `status`, through the steps core requires on the way.
    void advanceSelected(core::AppointmentStatus status);

Q_SIGNALS:
    void statusMessage(const QString& text);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    const core::AppointmentView* selected() const;
    void updateButtons();
    void showResult(const QString& text, bool error);

    Workspace& m_workspace;
    std::vector<core::AppointmentView> m_rows;
    QLabel* m_date;
    QLabel* m_counts;
    QLabel* m_message;
    QComboBox* m_provider;
    QTableWidget* m_table;
    QPushButton* m_checkIn;
    QPushButton* m_room;
    QPushButton* m_checkOut;
    QTimer* m_timer;
};

} // namespace practica::app
