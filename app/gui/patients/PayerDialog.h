// Adds a payer (an insurance company the clinic bills) to the clinic's list, or changes one: its name, the
// payer id claims are routed by, its claims address, what its claims say it is (the claim filing
// indicator) and its timely filing window. Admins and billers only.
#pragma once

#include "app/gui/common/FieldMessages.h"
#include "core/model/Coverage.h"

#include <QDialog>
#include <optional>

class QComboBox;
class QLabel;
class QSpinBox;
class QLineEdit;

namespace practica::app {

class Workspace;

class PayerDialog : public QDialog
{
    Q_OBJECT

public:
    // A new payer, or (existing given) that payer changed.
    explicit PayerDialog(Workspace& workspace, QWidget* parent = nullptr,
                         std::optional<core::Payer> existing = std::nullopt);
    QString payerId() const { return m_payerId; }

private:
    void save();
    Workspace& m_workspace;
    QLineEdit* m_name;
    QLineEdit* m_code;
    QLineEdit* m_address;
    QLineEdit* m_city;
    QLineEdit* m_state;
    QLineEdit* m_zip;
    QLineEdit* m_phone;
    QComboBox* m_filing;
    QSpinBox* m_timelyFiling;
    std::optional<core::Payer> m_existing;
    QLabel* m_error;
    FieldMessages m_messages;
    QString m_payerId;
};

} // namespace practica::app
