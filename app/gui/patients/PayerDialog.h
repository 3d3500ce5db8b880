// Adds a payer (an insurance company the clinic bills) to the clinic's list; admins and billers only.
#pragma once

#include "app/gui/common/FieldMessages.h"

#include <QDialog>

class QLabel;
class QLineEdit;

namespace practica::app {

class Workspace;

class PayerDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PayerDialog(Workspace& workspace, QWidget* parent = nullptr);
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
    QLabel* m_error;
    FieldMessages m_messages;
    QString m_payerId;
};

} // namespace practica::app
