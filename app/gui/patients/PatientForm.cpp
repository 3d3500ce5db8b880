#include "PatientForm.h"

#include "DuplicateDialog.h"
#include "app/gui/common/UiText.h"
#include "app/gui/shell/Workspace.h"
#include "core/patients/PatientStore.h"
#include "core/patients/PatientValidator.h"
#include "core/util/Validators.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace practica::app {

namespace {

// The field name core reports for each input, so edits can mark their field as touched.
QString fieldOf(const QWidget* input)
{
    static const QHash<QString, QString> names = {
        {QStringLiteral("familyNameEdit"), QStringLiteral("family_name")},
        {QStringLiteral("givenNameEdit"), QStringLiteral("given_name")},
        {QStringLiteral("dateOfBirthEdit"), QStringLiteral("date_of_birth")},
        {QStringLiteral("sexCombo"), QStringLiteral("sex")},
        {QStringLiteral("stateEdit"), QStringLiteral("state")},
        {QStringLiteral("zipEdit"), QStringLiteral("zip")},
        {QStringLiteral("phoneHomeEdit"), QStringLiteral("phone_home")},
        {QStringLiteral("phoneMobileEdit"), QStringLiteral("phone_mobile")},
        {QStringLiteral("phoneWorkEdit"), QStringLiteral("phone_work")},
        {QStringLiteral("emailEdit"), QStringLiteral("email")},
        {QStringLiteral("emergencyNameEdit"), QStringLiteral("emergency_name")},
        {QStringLiteral("emergencyPhoneEdit"), QStringLiteral("emergency_phone")},
        {QStringLiteral("guarantorPhoneEdit"), QStringLiteral("guarantor_phone")},
        {QStringLiteral("statusCombo"), QStringLiteral("deceased_date")},
        {QStringLiteral("deceasedDateEdit"), QStringLiteral("deceased_date")},
    };
    return names.value(input->objectName());
}

void setComboText(QComboBox* box, const std::optional<std::string>& value)
{
    box->setCurrentText(qs(value));
}

void setComboData(QComboBox* box, const QString& data)
{
    const int index = box->findData(data);
    box->setCurrentIndex(index >= 0 ? index : 0);
}

} // namespace

PatientForm::PatientForm(Workspace& workspace, QWidget* parent) : QWidget(parent), m_workspace(workspace)
{
    setObjectName(QStringLiteral("patientForm"));
    auto* scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("patientFormScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_fields.build(m_messages));

    m_banner = new QLabel;
    m_banner->setObjectName(QStringLiteral("patientFormBanner"));
    m_banner->setProperty("role", QStringLiteral("banner"));
    m_banner->setWordWrap(true);
    m_banner->hide();

    auto* required = new QLabel(tr("* required"));
    required->setProperty("role", QStringLiteral("subtle"));
    m_revert = new QPushButton(tr("&Revert"));
    m_revert->setObjectName(QStringLiteral("revertPatientButton"));
    m_revert->setToolTip(tr("Undo the changes since the last save"));
    m_save = new QPushButton(QIcon(QStringLiteral(":/icons/save.svg")), tr("Save"));
    m_save->setObjectName(QStringLiteral("savePatientButton"));
    m_save->setProperty("role", QStringLiteral("primary"));
    m_save->setToolTip(tr("Save (Ctrl+S)"));
    auto* actions = new QHBoxLayout;
    actions->addWidget(required);
    actions->addStretch();
    actions->addWidget(m_revert);
    actions->addWidget(m_save);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(8);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_banner);
    layout->addLayout(actions);

    auto* saveAction = new QAction(tr("Save patient"), this);
    saveAction->setObjectName(QStringLiteral("savePatientAction"));
    saveAction->setShortcut(QKeySequence::Save);
    saveAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(saveAction);
    connect(saveAction, &QAction::triggered, this, &PatientForm::save);
    connect(m_save, &QPushButton::clicked, this, &PatientForm::save);
    connect(m_revert, &QPushButton::clicked, this, [this] { setPatient(m_original); });
    connectFields();

    m_readOnly = !workspace.can(core::Permission::PatientWrite);
    if (m_readOnly) {
        for (QLineEdit* e : m_fields.lineEdits())
            e->setReadOnly(true);
        for (QComboBox* c : m_fields.combos())
            c->setEnabled(false);
        m_save->hide();
        m_revert->hide();
        required->hide();
    }
    setPatient({});
}

void PatientForm::connectFields()
{
    for (QLineEdit* edit : m_fields.lineEdits()) {
        connect(edit, &QLineEdit::editingFinished, this, [this, edit] { fieldEdited(fieldOf(edit)); });
        connect(edit, &QLineEdit::textEdited, this, [this] {
            m_modified = true;
            if (!m_touched.isEmpty())
                revalidate();
        });
    }
    for (QComboBox* box : m_fields.combos()) {
        connect(box, &QComboBox::currentTextChanged, this, [this, box] {
            if (m_loading)
                return;
            m_modified = true;
            fieldEdited(fieldOf(box));
        });
    }
    connect(m_fields.dateOfBirth, &QLineEdit::editingFinished, this, [this] {
        // Show the date the way it was understood, so "3/4/80" visibly becomes a date.
        if (auto iso = core::parseDate(ss(m_fields.dateOfBirth->text())))
            m_fields.dateOfBirth->setText(UiText::usDate(*iso));
    });
}

void PatientForm::fieldEdited(const QString& field)
{
    if (m_loading || m_readOnly)
        return;
    if (!field.isEmpty())
        m_touched.insert(field);
    revalidate();
}

void PatientForm::revalidate()
{
    updateDerived();
    m_messages.show(core::PatientValidator::allProblems(patient(), m_workspace.todayIso()), &m_touched);
    if (m_banner->isVisible() && !m_messages.firstInvalidInput())
        showBanner({});
}

void PatientForm::updateDerived()
{
    const auto iso = core::parseDate(ss(m_fields.dateOfBirth->text()));
    const QString age = iso ? UiText::age(*iso, m_workspace.todayIso()) : QString();
    m_fields.age->setText(age.isEmpty() ? QString() : tr("Age %1").arg(age));
    const bool deceased = m_fields.status->currentData().toString() == QLatin1String("deceased");
    m_fields.deceasedDate->setEnabled(deceased && !m_readOnly);
    if (!deceased && !m_loading)
        m_fields.deceasedDate->clear();
}

void PatientForm::setPatient(const core::Patient& p)
{
    m_loading = true;
    m_original = p;
    const PatientFormFields& f = m_fields;
    f.familyName->setText(qs(p.familyName));
    f.givenName->setText(qs(p.givenName));
    f.middleName->setText(qs(p.middleName));
    f.suffix->setText(qs(p.suffix));
    f.preferredName->setText(qs(p.preferredName));
    f.dateOfBirth->setText(UiText::usDate(p.dateOfBirth));
    setComboData(f.sex, p.id.empty() ? QStringLiteral("female") : qs(p.sex));
    if (p.id.empty())
        f.sex->setCurrentIndex(-1); // registration: make the clerk choose
    setComboText(f.genderIdentity, p.genderIdentity);
    setComboText(f.pronouns, p.pronouns);
    f.phoneMobile->setText(UiText::phone(p.phoneMobile));
    f.phoneHome->setText(UiText::phone(p.phoneHome));
    f.phoneWork->setText(UiText::phone(p.phoneWork));
    f.email->setText(qs(p.email));
    setComboText(f.language, p.preferredLanguage);
    f.address1->setText(qs(p.addressLine1));
    f.address2->setText(qs(p.addressLine2));
    f.city->setText(qs(p.city));
    f.state->setText(qs(p.state));
    f.zip->setText(qs(p.zip));
    f.emergencyName->setText(qs(p.emergencyName));
    f.emergencyRelationship->setText(qs(p.emergencyRelationship));
    f.emergencyPhone->setText(UiText::phone(p.emergencyPhone));
    f.guarantorName->setText(qs(p.guarantorName));
    f.guarantorRelationship->setText(qs(p.guarantorRelationship));
    f.guarantorPhone->setText(UiText::phone(p.guarantorPhone));
    setComboData(f.status, qs(core::patientStatusName(p.status)));
    f.deceasedDate->setText(p.deceasedDate ? UiText::usDate(*p.deceasedDate) : QString());
    m_touched.clear();
    m_messages.clear();
    showBanner({});
    updateDerived();
    m_loading = false;
    m_modified = false;
    m_save->setText(isNew() ? tr("&Register patient") : tr("&Save changes"));
    m_revert->setVisible(!isNew() && !m_readOnly);
}

core::Patient PatientForm::patient() const
{
    core::Patient p = m_original;
    const PatientFormFields& f = m_fields;
    p.familyName = ss(f.familyName->text());
    p.givenName = ss(f.givenName->text());
    p.middleName = optionalText(f.middleName->text());
    p.suffix = optionalText(f.suffix->text());
    p.preferredName = optionalText(f.preferredName->text());
    p.dateOfBirth = ss(f.dateOfBirth->text());
    p.sex = f.sex->currentIndex() >= 0 ? f.sex->currentData().toString().toStdString() : std::string();
    p.genderIdentity = optionalText(f.genderIdentity->currentText());
    p.pronouns = optionalText(f.pronouns->currentText());
    p.phoneMobile = optionalText(f.phoneMobile->text());
    p.phoneHome = optionalText(f.phoneHome->text());
    p.phoneWork = optionalText(f.phoneWork->text());
    p.email = optionalText(f.email->text());
    p.preferredLanguage = optionalText(f.language->currentText());
    p.addressLine1 = optionalText(f.address1->text());
    p.addressLine2 = optionalText(f.address2->text());
    p.city = optionalText(f.city->text());
    p.state = optionalText(f.state->text().toUpper());
    p.zip = optionalText(f.zip->text());
    p.emergencyName = optionalText(f.emergencyName->text());
    p.emergencyRelationship = optionalText(f.emergencyRelationship->text());
    p.emergencyPhone = optionalText(f.emergencyPhone->text());
    p.guarantorName = optionalText(f.guarantorName->text());
    p.guarantorRelationship = optionalText(f.guarantorRelationship->text());
    p.guarantorPhone = optionalText(f.guarantorPhone->text());
    p.status = core::patientStatusFromName(f.status->currentData().toString().toStdString())
                   .value_or(core::PatientStatus::Active);
    p.deceasedDate = optionalText(f.deceasedDate->text());
    return p;
}

void PatientForm::focusFirstField()
{
    m_fields.familyName->setFocus();
    m_fields.familyName->selectAll();
}

void PatientForm::showBanner(const QString& text)
{
    m_banner->setText(text);
    m_banner->setVisible(!text.isEmpty());
}

bool PatientForm::confirmNoDuplicate(const core::Patient& p)
{
    auto duplicates = core::PatientSearch(*m_workspace.session()).findDuplicates(p);
    if (!duplicates) {
        showBanner(UiText::error(duplicates.error()));
        return false;
    }
    if (duplicates->empty())
        return true;
    DuplicateDialog dialog(*duplicates, this);
    dialog.exec();
    if (dialog.choice() == DuplicateDialog::OpenExisting) {
        Q_EMIT openExistingRequested(dialog.selectedPatientId());
        return false;
    }
    return dialog.choice() == DuplicateDialog::RegisterAnyway;
}

bool PatientForm::save()
{
    core::Session* session = m_workspace.session();
    if (!session || m_readOnly)
        return false;
    core::Patient p = patient();
    for (const QString& field : m_messages.fields())
        m_touched.insert(field);
    revalidate();
    if (QWidget* invalid = m_messages.firstInvalidInput()) {
        showBanner(tr("Please correct the highlighted fields."));
        invalid->setFocus();
        return false;
    }
    showBanner({});
    core::PatientStore store(*session);
    if (isNew()) {
        if (!confirmNoDuplicate(p))
            return false;
        auto created = store.create(p);
        if (!created) {
            m_messages.show({created.error()});
            showBanner(UiText::error(created.error()));
            return false;
        }
        setPatient(*created);
        Q_EMIT saved(*created, true);
        return true;
    }
    if (core::Status updated = store.update(p); !updated) {
        m_messages.show({updated.error()});
        showBanner(UiText::error(updated.error()));
        return false;
    }
    auto reloaded = store.get(p.id);
    setPatient(reloaded ? *reloaded : p);
    Q_EMIT saved(m_original, false);
    return true;
}

} // namespace practica::app
