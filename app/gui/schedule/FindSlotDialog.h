// Finds the next free times for a type of visit (SlotFinder): provider, days of the week, time of day,
// from when; the chosen opening becomes a booking request.
#pragma once

#include "BookingDialog.h"
#include "ScheduleDay.h"
#include "core/schedule/SlotFinder.h"

#include <QDialog>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QTableWidget;
class QTimeEdit;

namespace practica::app {

class Workspace;

class FindSlotDialog : public QDialog
{
    Q_OBJECT

public:
    FindSlotDialog(Workspace& workspace, const ScheduleSetup& setup, const std::string& fromDate,
                   QWidget* parent = nullptr);
    const std::optional<BookingRequest>& request() const { return m_request; }

private:
    void search();
    void choose();

    Workspace& m_workspace;
    std::vector<core::FreeSlot> m_slots;
    std::optional<BookingRequest> m_request;
    QComboBox* m_type;
    QComboBox* m_provider;
    QCheckBox* m_days[7];
    QTimeEdit* m_earliest;
    QTimeEdit* m_latest;
    QDateEdit* m_from;
    QTableWidget* m_results;
    QLabel* m_message;
};

} // namespace practica::app
