// Registers and edits a patient's demographics: inline messages from core's rules as fields are left,
// a duplicate check before registering, and Save (Ctrl+S).
#pragma once

#include "PatientFormLayout.h"
#include "app/gui/common/FieldMessages.h"
#include "core/model/Patient.h"

#include <QSet>
#include <QWidget>

class QLabel;
class QPushButton;

namespace practica::app {

class Workspace;

class PatientForm : public QWidget
{
    Q_OBJECT

public:
    explicit PatientForm(Workspace& workspace, QWidget* parent = nullptr);

    // An empty id starts a registration.
    void setPatient(const core::Patient& patient);
    core::Patient patient() const;
    bool isNew() const { return m_original.id.empty(); }
    bool isModified() const { return m_modified; }
    void focusFirstField();
    bool save();

Q_SIGNALS:
    void saved(const core::Patient& patient, bool registered);
    void openExistingRequested(const QString& patientId);

private:
    void connectFields();
    void fieldEdited(const QString& field);
    void revalidate();
    void updateDerived();
    void showBanner(const QString& text);
    // false when the user chose to open the existing record or cancelled.
    bool confirmNoDuplicate(const core::Patient& patient);

    Workspace& m_workspace;
    PatientFormFields m_fields;
    FieldMessages m_messages;
    QLabel* m_banner;
    QPushButton* m_save;
    QPushButton* m_revert;
    core::Patient m_original;
    QSet<QString> m_touched;
    bool m_modified = false;
    bool m_loading = false;
    bool m_readOnly = false;
};

} // namespace practica::app
