// The patient form's inputs, grouped the way the front desk asks for them; PatientForm adds the behaviour.
#pragma once

#include <QCoreApplication>
#include <QList>

class QComboBox;
class QLabel;
class QLineEdit;
class QWidget;

namespace practica::app {

class FieldMessages;

struct PatientFormFields
{
    // Same translation context as the form that shows these words.
    Q_DECLARE_TR_FUNCTIONS(PatientForm)

public:
    QLineEdit* familyName = nullptr;
    QLineEdit* givenName = nullptr;
    QLineEdit* middleName = nullptr;
    QLineEdit* suffix = nullptr;
    QLineEdit* preferredName = nullptr;
    QLineEdit* dateOfBirth = nullptr;
    QLabel* age = nullptr;
    QComboBox* sex = nullptr;
    QComboBox* genderIdentity = nullptr;
    QComboBox* pronouns = nullptr;
    QLineEdit* phoneMobile = nullptr;
    QLineEdit* phoneHome = nullptr;
    QLineEdit* phoneWork = nullptr;
    QLineEdit* email = nullptr;
    QComboBox* language = nullptr;
    QLineEdit* address1 = nullptr;
    QLineEdit* address2 = nullptr;
    QLineEdit* city = nullptr;
    QLineEdit* state = nullptr;
    QLineEdit* zip = nullptr;
    QLineEdit* emergencyName = nullptr;
    QLineEdit* emergencyRelationship = nullptr;
    QLineEdit* emergencyPhone = nullptr;
    QLineEdit* guarantorName = nullptr;
    QLineEdit* guarantorRelationship = nullptr;
    QLineEdit* guarantorPhone = nullptr;
    QComboBox* status = nullptr;
    QLineEdit* deceasedDate = nullptr;

    // Creates the inputs in groups inside a new widget, registers each with core's field name, and sets the
    // tab order to the order the groups read in.
    QWidget* build(FieldMessages& messages);
    QList<QLineEdit*> lineEdits() const;
    QList<QComboBox*> combos() const;
};

} // namespace practica::app
