// The forms that add to and correct a chart's lists: vital signs (typed in US or metric units, stored in
// one), problems, allergies, medications and immunizations. Each shows a broken rule under its field.
#pragma once

#include "app/gui/common/FieldMessages.h"
#include "core/auth/Session.h"
#include "core/model/Chart.h"

#include <QDialog>
#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace practica::app {

class Workspace;

// A form with inline field messages, a banner for other errors, and Save/Cancel; save() asks the
// subclass to store the record and closes on success.
class ChartEntryDialog : public QDialog
{
    Q_OBJECT

public:
    ChartEntryDialog(Workspace& workspace, const QString& objectName, const QString& title, QWidget* parent);
    void save();

protected:
    // Stores the form's record; the error of a refused one.
    virtual core::Status store(core::Session& session) = 0;
    QLabel* addRow(const QString& label, QWidget* input, const QString& field);
    void finishLayout();

    Workspace& m_workspace;
    QFormLayout* m_form;
    FieldMessages m_messages;
    QLabel* m_banner;
};

class VitalsDialog : public ChartEntryDialog
{
    Q_OBJECT

public:
    VitalsDialog(Workspace& workspace, std::string patientId, std::optional<std::string> encounterId,
                 QWidget* parent = nullptr);
    const core::VitalSigns& saved() const { return m_saved; }
    // US units (in, lb, °F) or metric (cm, kg, °C) for what is typed.
    void setUsUnits(bool us);

protected:
    core::Status store(core::Session& session) override;

private:
    void updateBmi();
    std::string m_patientId;
    std::optional<std::string> m_encounterId;
    core::VitalSigns m_saved;
    QCheckBox* m_us;
    QDoubleSpinBox* m_height;
    QDoubleSpinBox* m_weight;
    QLabel* m_bmi;
    QSpinBox* m_systolic;
    QSpinBox* m_diastolic;
    QSpinBox* m_pulse;
    QDoubleSpinBox* m_temperature;
    QSpinBox* m_respiratory;
    QSpinBox* m_spo2;
    QSpinBox* m_pain;
};

class ProblemDialog : public ChartEntryDialog
{
    Q_OBJECT

public:
    ProblemDialog(Workspace& workspace, core::Problem problem, QWidget* parent = nullptr);

protected:
    core::Status store(core::Session& session) override;

private:
    core::Problem m_problem;
    QLineEdit* m_search;
    QLineEdit* m_code;
    QLineEdit* m_display;
    QLineEdit* m_onset;
    QComboBox* m_status;
    QLineEdit* m_resolved;
    QLineEdit* m_note;
};

class AllergyDialog : public ChartEntryDialog
{
    Q_OBJECT

public:
    AllergyDialog(Workspace& workspace, core::Allergy allergy, QWidget* parent = nullptr);

protected:
    core::Status store(core::Session& session) override;

private:
    core::Allergy m_allergy;
    QComboBox* m_category;
    QLineEdit* m_substance;
    QLineEdit* m_reaction;
    QComboBox* m_severity;
    QComboBox* m_status;
};

class MedicationDialog : public ChartEntryDialog
{
    Q_OBJECT

public:
    MedicationDialog(Workspace& workspace, core::Medication medication, QWidget* parent = nullptr);

protected:
    core::Status store(core::Session& session) override;

private:
    core::Medication m_medication;
    QLineEdit* m_name;
    QLineEdit* m_dose;
    QLineEdit* m_route;
    QLineEdit* m_frequency;
    QLineEdit* m_start;
    QComboBox* m_status;
    QComboBox* m_source;
};

class ImmunizationDialog : public ChartEntryDialog
{
    Q_OBJECT

public:
    ImmunizationDialog(Workspace& workspace, core::Immunization immunization, QWidget* parent = nullptr);

protected:
    core::Status store(core::Session& session) override;

private:
    core::Immunization m_immunization;
    QLineEdit* m_search;
    QLineEdit* m_cvx;
    QLineEdit* m_vaccine;
    QLineEdit* m_date;
    QLineEdit* m_lot;
    QComboBox* m_site;
    QComboBox* m_route;
};

} // namespace practica::app
