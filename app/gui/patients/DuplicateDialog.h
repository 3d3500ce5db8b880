// Before registering: "this may be a patient you already have" — open the existing record or register anyway.
#pragma once

#include "core/patients/PatientStore.h"

#include <QDialog>
#include <vector>

class QTableWidget;

namespace practica::app {

class DuplicateDialog : public QDialog
{
    Q_OBJECT

public:
    enum Choice
    {
        Cancel,
        OpenExisting,
        RegisterAnyway
    };

    DuplicateDialog(const std::vector<core::DuplicateCandidate>& candidates, QWidget* parent = nullptr);
    Choice choice() const { return m_choice; }
    QString selectedPatientId() const;

private:
    void choose(Choice choice);
    std::vector<core::DuplicateCandidate> m_candidates;
    QTableWidget* m_table;
    Choice m_choice = Cancel;
};

} // namespace practica::app
