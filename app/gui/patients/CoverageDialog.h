// Adds or edits one insurance policy; the payer comes from the clinic's payer list.
#pragma once

#include "app/gui/common/FieldMessages.h"
#include "core/model/Coverage.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace practica::app {

class Workspace;

class CoverageDialog : public QDialog
{
    Q_OBJECT

public:
    CoverageDialog(Workspace& workspace, core::Coverage coverage, const QString& patientName,
                   QWidget* parent = nullptr);

    const core::Coverage& coverage() const { return m_coverage; }

private:
    void loadPayers(const QString& selectId);
    void addPayer();
    void save();
    core::Coverage fromFields() const;

    Workspace& m_workspace;
    core::Coverage m_coverage;
    QString m_patientName;
    QComboBox* m_payer;
    QPushButton* m_newPayer;
    QComboBox* m_rank;
    QLineEdit* m_memberId;
    QLineEdit* m_group;
    QLineEdit* m_plan;
    QComboBox* m_relationship;
    QLineEdit* m_subscriberName;
    QLineEdit* m_subscriberBirthDate;
    QLineEdit* m_effective;
    QLineEdit* m_end;
    QLabel* m_error;
    FieldMessages m_messages;
};

} // namespace practica::app
