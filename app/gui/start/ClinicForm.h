// The clinic's identity and address, with inline messages: used by the first-start wizard and clinic settings.
#pragma once

#include "app/gui/common/FieldMessages.h"
#include "core/model/Clinic.h"

#include <QWidget>

class QComboBox;
class QLineEdit;

namespace practica::app {

class ClinicForm : public QWidget
{
    Q_OBJECT

public:
    explicit ClinicForm(QWidget* parent = nullptr);

    core::Clinic clinic() const;
    void setClinic(const core::Clinic& clinic);
    void setReadOnly(bool readOnly);
    // Checks with core's rules; shows the first broken one next to its field and focuses it.
    bool validate();
    void showError(const core::Error& error);
    QWidget* firstInput() const;

private:
    void fillTimeZones();
    QLineEdit* m_name;
    QLineEdit* m_npi;
    QLineEdit* m_taxId;
    QLineEdit* m_phone;
    QLineEdit* m_address1;
    QLineEdit* m_address2;
    QLineEdit* m_city;
    QLineEdit* m_state;
    QLineEdit* m_zip;
    QComboBox* m_timeZone;
    QLineEdit* m_mrnPrefix;
    FieldMessages m_messages;
    core::Clinic m_loaded;
};

} // namespace practica::app
