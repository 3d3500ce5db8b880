// Puts a patient on the waitlist: which provider and type, which weekdays and hours suit, and until when.
#pragma once

#include "ScheduleDay.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QTimeEdit;

namespace practica::app {

class PatientPicker;
class Workspace;

class WaitlistEntryDialog : public QDialog
{
    Q_OBJECT

public:
    WaitlistEntryDialog(Workspace& workspace, const ScheduleSetup& setup, QWidget* parent = nullptr);

private:
    void save();

    Workspace& m_workspace;
    PatientPicker* m_patient;
    QComboBox* m_provider;
    QComboBox* m_type;
    QCheckBox* m_days[7];
    QTimeEdit* m_earliest;
    QTimeEdit* m_latest;
    QDateEdit* m_until;
    QLineEdit* m_note;
    QLabel* m_message;
};

} // namespace practica::app
