#include "PatientFormLayout.h"

#include "app/gui/common/FieldMessages.h"
#include "app/gui/common/FormRows.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace practica::app {

namespace {

QComboBox* suggestions(const QString& name, const QStringList& items)
{
    QComboBox* box = FormRows::combo(name);
    box->setEditable(true);
    box->setInsertPolicy(QComboBox::NoInsert);
    box->addItem(QString());
    box->addItems(items);
    return box;
}

QLineEdit* phone(const QString& name)
{
    return FormRows::lineEdit(name, PatientFormFields::tr("(555) 123-4567"));
}

} // namespace

QWidget* PatientFormFields::build(FieldMessages& messages)
{
    familyName = FormRows::lineEdit(QStringLiteral("familyNameEdit"));
    givenName = FormRows::lineEdit(QStringLiteral("givenNameEdit"));
    middleName = FormRows::lineEdit(QStringLiteral("middleNameEdit"));
    suffix = FormRows::lineEdit(QStringLiteral("suffixEdit"), tr("Jr., III"));
    preferredName = FormRows::lineEdit(QStringLiteral("preferredNameEdit"), tr("what the patient likes to be called"));
    dateOfBirth = FormRows::lineEdit(QStringLiteral("dateOfBirthEdit"), tr("MM/DD/YYYY"));
    dateOfBirth->setMaxLength(10);
    age = new QLabel;
    age->setObjectName(QStringLiteral("ageLabel"));
    age->setProperty("role", QStringLiteral("subtle"));
    age->setMinimumWidth(70);
    sex = FormRows::combo(QStringLiteral("sexCombo"));
    sex->addItem(tr("Female"), QStringLiteral("female"));
    sex->addItem(tr("Male"), QStringLiteral("male"));
    sex->addItem(tr("Other"), QStringLiteral("other"));
    sex->addItem(tr("Unknown"), QStringLiteral("unknown"));
    genderIdentity = suggestions(QStringLiteral("genderIdentityCombo"),
                                 {tr("Woman"), tr("Man"), tr("Non-binary"), tr("Transgender woman"),
                                  tr("Transgender man"), tr("Other"), tr("Prefers not to say")});
    pronouns = suggestions(QStringLiteral("pronounsCombo"), {tr("she/her"), tr("he/him"), tr("they/them")});
    phoneMobile = phone(QStringLiteral("phoneMobileEdit"));
    phoneHome = phone(QStringLiteral("phoneHomeEdit"));
    phoneWork = phone(QStringLiteral("phoneWorkEdit"));
    email = FormRows::lineEdit(QStringLiteral("emailEdit"), tr("name@example.com"));
    language = suggestions(QStringLiteral("languageCombo"),
                           {tr("English"), tr("Spanish"), tr("Chinese"), tr("Vietnamese"), tr("Tagalog"), tr("Arabic"),
                            tr("French"), tr("Korean"), tr("Russian"), tr("Portuguese"), tr("American Sign Language")});
    address1 = FormRows::lineEdit(QStringLiteral("address1Edit"), tr("Street and number"));
    address2 = FormRows::lineEdit(QStringLiteral("address2Edit"), tr("Apartment, suite (optional)"));
    city = FormRows::lineEdit(QStringLiteral("cityEdit"));
    state = FormRows::lineEdit(QStringLiteral("stateEdit"), tr("IL"));
    state->setMaxLength(2);
    FormRows::upperCase(state);
    state->setMaximumWidth(70);
    state->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[A-Za-z]{0,2}")), state));
    zip = FormRows::lineEdit(QStringLiteral("zipEdit"), tr("12345"));
    zip->setMaxLength(10);
    zip->setMaximumWidth(120);
    emergencyName = FormRows::lineEdit(QStringLiteral("emergencyNameEdit"));
    emergencyRelationship = FormRows::lineEdit(QStringLiteral("emergencyRelationshipEdit"), tr("e.g. spouse, parent"));
    emergencyPhone = phone(QStringLiteral("emergencyPhoneEdit"));
    guarantorName = FormRows::lineEdit(QStringLiteral("guarantorNameEdit"), tr("leave empty if the patient pays"));
    guarantorRelationship = FormRows::lineEdit(QStringLiteral("guarantorRelationshipEdit"), tr("e.g. parent"));
    guarantorPhone = phone(QStringLiteral("guarantorPhoneEdit"));
    status = FormRows::combo(QStringLiteral("statusCombo"));
    status->addItem(tr("Active"), QStringLiteral("active"));
    status->addItem(tr("Inactive"), QStringLiteral("inactive"));
    status->addItem(tr("Deceased"), QStringLiteral("deceased"));
    deceasedDate = FormRows::lineEdit(QStringLiteral("deceasedDateEdit"), tr("MM/DD/YYYY"));
    deceasedDate->setMaxLength(10);

    auto group = [&messages](const QString& title, const QString& objectName) {
        auto* box = new QGroupBox(title);
        box->setObjectName(objectName);
        return std::pair{box, FormRows(FormRows::newFormLayout(box), &messages)};
    };

    auto [nameBox, name] = group(tr("Name"), QStringLiteral("nameGroup"));
    name.add(tr("&Family name *"), familyName, QStringLiteral("family_name"));
    name.add(tr("&Given name *"), givenName, QStringLiteral("given_name"));
    name.add(tr("&Middle name"), middleName, QStringLiteral("middle_name"));
    name.add(tr("Su&ffix"), suffix, QStringLiteral("suffix"));
    name.add(tr("P&referred name"), preferredName, QStringLiteral("preferred_name"));

    auto [birthBox, birth] = group(tr("Birth and identity"), QStringLiteral("birthGroup"));
    auto* dobRow = new QWidget;
    auto* dobLayout = new QHBoxLayout(dobRow);
    dobLayout->setContentsMargins(0, 0, 0, 0);
    dobLayout->addWidget(dateOfBirth, 1);
    dobLayout->addWidget(age);
    dobRow->setFocusProxy(dateOfBirth);
    QLabel* dobMessage = birth.add(tr("&Date of birth *"), dobRow);
    dobMessage->setObjectName(QStringLiteral("dateOfBirthEditMessage"));
    messages.add(QStringLiteral("date_of_birth"), dateOfBirth, dobMessage);
    birth.add(tr("&Sex *"), sex, QStringLiteral("sex"));
    birth.add(tr("Gender &identity"), genderIdentity, QStringLiteral("gender_identity"));
    birth.add(tr("Pro&nouns"), pronouns, QStringLiteral("pronouns"));

    auto [statusBox, statusRows] = group(tr("Record status"), QStringLiteral("statusGroup"));
    statusRows.add(tr("S&tatus"), status, QStringLiteral("status"));
    statusRows.add(tr("Date of &death"), deceasedDate, QStringLiteral("deceased_date"));

    auto [contactBox, contact] = group(tr("Contact"), QStringLiteral("contactGroup"));
    contact.add(tr("M&obile phone"), phoneMobile, QStringLiteral("phone_mobile"));
    contact.add(tr("&Home phone"), phoneHome, QStringLiteral("phone_home"));
    contact.add(tr("&Work phone"), phoneWork, QStringLiteral("phone_work"));
    contact.add(tr("&E-mail"), email, QStringLiteral("email"));
    contact.add(tr("&Language"), language, QStringLiteral("preferred_language"));

    auto [addressBox, address] = group(tr("Address"), QStringLiteral("addressGroup"));
    address.add(tr("Str&eet"), address1, QStringLiteral("address_line1"));
    address.add(tr("Line &2"), address2, QStringLiteral("address_line2"));
    address.add(tr("&City"), city, QStringLiteral("city"));
    address.add(tr("St&ate"), state, QStringLiteral("state"));
    address.add(tr("&ZIP"), zip, QStringLiteral("zip"));

    auto [emergencyBox, emergency] = group(tr("Emergency contact"), QStringLiteral("emergencyGroup"));
    emergency.add(tr("Name"), emergencyName, QStringLiteral("emergency_name"));
    emergency.add(tr("Relationship"), emergencyRelationship, QStringLiteral("emergency_relationship"));
    emergency.add(tr("Phone"), emergencyPhone, QStringLiteral("emergency_phone"));

    auto [guarantorBox, guarantor] = group(tr("Guarantor"), QStringLiteral("guarantorGroup"));
    guarantor.add(tr("Name"), guarantorName, QStringLiteral("guarantor_name"));
    guarantor.add(tr("Relationship"), guarantorRelationship, QStringLiteral("guarantor_relationship"));
    guarantor.add(tr("Phone"), guarantorPhone, QStringLiteral("guarantor_phone"));

    auto* content = new QWidget;
    content->setObjectName(QStringLiteral("patientFormContent"));
    auto* columns = new QHBoxLayout(content);
    columns->setContentsMargins(4, 0, 4, 8);
    columns->setSpacing(16);
    auto* left = new QVBoxLayout;
    left->addWidget(nameBox);
    left->addWidget(birthBox);
    left->addWidget(statusBox);
    left->addStretch();
    auto* right = new QVBoxLayout;
    right->addWidget(contactBox);
    right->addWidget(addressBox);
    right->addWidget(emergencyBox);
    right->addWidget(guarantorBox);
    right->addStretch();
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);

    // Front-desk order: who, born when, how to reach, where, whom to call, who pays; status last.
    const QList<QWidget*> order = {familyName,
                                   givenName,
                                   middleName,
                                   suffix,
                                   preferredName,
                                   dateOfBirth,
                                   sex,
                                   genderIdentity,
                                   pronouns,
                                   phoneMobile,
                                   phoneHome,
                                   phoneWork,
                                   email,
                                   language,
                                   address1,
                                   address2,
                                   city,
                                   state,
                                   zip,
                                   emergencyName,
                                   emergencyRelationship,
                                   emergencyPhone,
                                   guarantorName,
                                   guarantorRelationship,
                                   guarantorPhone,
                                   status,
                                   deceasedDate};
    for (int i = 1; i < order.size(); ++i)
        QWidget::setTabOrder(order[i - 1], order[i]);
    return content;
}

QList<QLineEdit*> PatientFormFields::lineEdits() const
{
    return {familyName,
            givenName,
            middleName,
            suffix,
            preferredName,
            dateOfBirth,
            phoneMobile,
            phoneHome,
            phoneWork,
            email,
            address1,
            address2,
            city,
            state,
            zip,
            emergencyName,
            emergencyRelationship,
            emergencyPhone,
            guarantorName,
            guarantorRelationship,
            guarantorPhone,
            deceasedDate};
}

QList<QComboBox*> PatientFormFields::combos() const
{
    return {sex, genderIdentity, pronouns, language, status};
}

} // namespace practica::app
