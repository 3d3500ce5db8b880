#include "FirstStartWizard.h"

#include "ClinicForm.h"
#include "DemoClinicRunner.h"
#include "JoinClinicPage.h"
#include "app/gui/common/FieldMessages.h"
#include "app/gui/common/FormRows.h"
#include "app/gui/common/UiText.h"
#include "app/gui/shell/Workspace.h"
#include "app/gui/sync/SyncText.h"
#include "core/auth/UserStore.h"
#include "core/auth/Vault.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QStyle>
#include <QVBoxLayout>

namespace practica::app {

namespace {

QLabel* banner(const QString& objectName)
{
    auto* label = new QLabel;
    label->setObjectName(objectName);
    label->setProperty("role", QStringLiteral("banner"));
    label->setWordWrap(true);
    label->hide();
    return label;
}

void showBanner(QLabel* label, const QString& text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

class WelcomeChoicePage : public QWizardPage
{
public:
    explicit WelcomeChoicePage(FirstStartWizard& wizard) : m_wizard(wizard)
    {
        setObjectName(QStringLiteral("welcomePage"));
        setTitle(FirstStartWizard::tr("Welcome to Practica"));
        setSubTitle(
            FirstStartWizard::tr("There is no clinic database on this computer yet. How would you like to start?"));
        m_create = new QRadioButton(FirstStartWizard::tr("&Create a new clinic"));
        m_create->setObjectName(QStringLiteral("createClinicChoice"));
        m_create->setChecked(true);
        auto* createHelp = new QLabel(FirstStartWizard::tr(
            "Enter your practice's details and choose the administrator's password. Patient records are encrypted "
            "on this computer."));
        m_join = new QRadioButton(FirstStartWizard::tr("&Join a clinic on a sync server"));
        m_join->setObjectName(QStringLiteral("joinClinicChoice"));
        auto* joinHelp = new QLabel(FirstStartWizard::tr(
            "For another workstation of a clinic that already uses Practica with a sync server: sign in with your "
            "own user name and the clinic's records are downloaded to this computer."));
        m_demo = new QRadioButton(FirstStartWizard::tr("Open a &demo clinic"));
        m_demo->setObjectName(QStringLiteral("demoClinicChoice"));
        auto* demoHelp = new QLabel(FirstStartWizard::tr(
            "A practice filled with synthetic patients and one sign-in per role, for training and trying things "
            "out. It takes a minute to build."));
        for (QLabel* help : {createHelp, joinHelp, demoHelp}) {
            help->setWordWrap(true);
            help->setProperty("role", QStringLiteral("subtle"));
            help->setContentsMargins(26, 0, 0, 8);
        }
        auto* where = new QLabel(FirstStartWizard::tr("The database will be created at:\n%1")
                                     .arg(QDir::toNativeSeparators(wizard.workspace().config().databasePath)));
        where->setObjectName(QStringLiteral("databasePathLabel"));
        where->setProperty("role", QStringLiteral("subtle"));
        where->setTextInteractionFlags(Qt::TextSelectableByMouse);
        where->setWordWrap(true);

        auto* layout = new QVBoxLayout(this);
        layout->setSpacing(6);
        layout->addWidget(m_create);
        layout->addWidget(createHelp);
        layout->addWidget(m_join);
        layout->addWidget(joinHelp);
        layout->addWidget(m_demo);
        layout->addWidget(demoHelp);
        layout->addStretch();
        layout->addWidget(where);
    }

    int nextId() const override
    {
        if (m_join->isChecked())
            return FirstStartWizard::JoinPage;
        return m_demo->isChecked() ? FirstStartWizard::DemoPage : FirstStartWizard::ClinicPage;
    }

private:
    FirstStartWizard& m_wizard;
    QRadioButton* m_create;
    QRadioButton* m_join;
    QRadioButton* m_demo;
};

class DemoClinicPage : public QWizardPage
{
public:
    explicit DemoClinicPage(FirstStartWizard& wizard) : m_wizard(wizard)
    {
        setObjectName(QStringLiteral("demoPage"));
        setTitle(FirstStartWizard::tr("Demo clinic"));
        setSubTitle(FirstStartWizard::tr("A complete practice to explore, with made-up data only."));
        auto* text = new QLabel(FirstStartWizard::tr(
            "<p>Practica will build <b>%n synthetic patient(s)</b> with insurance, the payers they use, and one "
            "user for each role: administrator, front desk, clinician and biller.</p>"
            "<p>When it is ready you will see every sign-in and its password, and you will be signed in as the "
            "administrator. Do not enter real patients into a demo clinic.</p>",
            nullptr, wizard.workspace().config().demoPatients));
        text->setWordWrap(true);
        text->setTextFormat(Qt::RichText);
        m_error = banner(QStringLiteral("demoError"));
        auto* layout = new QVBoxLayout(this);
        layout->addWidget(text);
        layout->addStretch();
        layout->addWidget(m_error);
        setButtonText(QWizard::FinishButton, FirstStartWizard::tr("&Build demo clinic"));
    }

    int nextId() const override { return -1; }

    bool validatePage() override
    {
        QString error;
        const bool ok = m_wizard.createDemo(&error);
        showBanner(m_error, error);
        return ok;
    }

private:
    FirstStartWizard& m_wizard;
    QLabel* m_error;
};

class ClinicDetailsPage : public QWizardPage
{
public:
    explicit ClinicDetailsPage(ClinicForm* form) : m_form(form)
    {
        setObjectName(QStringLiteral("clinicPage"));
        setTitle(FirstStartWizard::tr("Your clinic"));
        setSubTitle(FirstStartWizard::tr("These details appear on claims and statements. You can change them later "
                                         "in Clinic settings."));
        auto* layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(m_form);
    }
    void initializePage() override { m_form->firstInput()->setFocus(); }
    bool validatePage() override { return m_form->validate(); }

private:
    ClinicForm* m_form;
};

class AdminAccountPage : public QWizardPage
{
public:
    AdminAccountPage(FirstStartWizard& wizard, ClinicForm* clinicForm) : m_wizard(wizard), m_clinicForm(clinicForm)
    {
        setObjectName(QStringLiteral("adminPage"));
        setTitle(FirstStartWizard::tr("Administrator account"));
        setSubTitle(FirstStartWizard::tr("The administrator adds the other users and manages the clinic's settings. "
                                         "Keep this password safe: without it the records cannot be opened."));
        m_username = FormRows::lineEdit(QStringLiteral("adminUsername"), FirstStartWizard::tr("e.g. admin"));
        m_displayName =
            FormRows::lineEdit(QStringLiteral("adminDisplayName"), FirstStartWizard::tr("e.g. Maria Lopez"));
        m_password = FormRows::lineEdit(QStringLiteral("adminPassword"), FirstStartWizard::tr("at least 8 characters"));
        m_password->setEchoMode(QLineEdit::Password);
        m_confirm = FormRows::lineEdit(QStringLiteral("adminPasswordConfirm"));
        m_confirm->setEchoMode(QLineEdit::Password);
        m_error = banner(QStringLiteral("adminError"));

        auto* box = new QGroupBox(FirstStartWizard::tr("Sign-in"));
        FormRows rows(FormRows::newFormLayout(box), &m_messages);
        rows.add(FirstStartWizard::tr("&User name"), m_username, QStringLiteral("username"));
        rows.add(FirstStartWizard::tr("&Full name"), m_displayName, QStringLiteral("display_name"));
        rows.add(FirstStartWizard::tr("&Password"), m_password, QStringLiteral("password"));
        rows.add(FirstStartWizard::tr("&Repeat password"), m_confirm, QStringLiteral("password_confirm"));
        auto* layout = new QVBoxLayout(this);
        layout->addWidget(box);
        layout->addWidget(m_error);
        layout->addStretch();
    }

    void initializePage() override { m_username->setFocus(); }
    int nextId() const override { return -1; }

    bool validatePage() override
    {
        core::FirstAdmin admin{ss(m_username->text().toLower()), ss(m_displayName->text()),
                               m_password->text().toStdString()};
        std::vector<core::Error> problems;
        if (auto v = core::UserStore::validateUsername(admin.username); !v)
            problems.push_back(v.error());
        if (admin.displayName.empty())
            problems.push_back(core::Error::make(core::ErrorCode::Validation, "display_name", core::Rule::Required));
        if (auto v = core::Vault::checkPassword(admin.password); !v)
            problems.push_back(v.error());
        else if (m_password->text() != m_confirm->text())
            problems.push_back(
                core::Error::make(core::ErrorCode::Validation, "password_confirm", core::Rule::Mismatch));
        m_messages.show(problems);
        if (!problems.empty()) {
            if (QWidget* w = m_messages.firstInvalidInput())
                w->setFocus();
            return false;
        }
        core::Error error;
        if (!m_wizard.createClinic(clinic(), admin, &error)) {
            if (m_messages.hasField(qs(error.field)))
                m_messages.show({error});
            showBanner(m_error, UiText::error(error));
            return false;
        }
        showBanner(m_error, {});
        return true;
    }

private:
    core::Clinic clinic() const { return m_clinicForm->clinic(); }
    FirstStartWizard& m_wizard;
    ClinicForm* m_clinicForm;
    QLineEdit* m_username;
    QLineEdit* m_displayName;
    QLineEdit* m_password;
    QLineEdit* m_confirm;
    QLabel* m_error;
    FieldMessages m_messages;
};

} // namespace

FirstStartWizard::FirstStartWizard(Workspace& workspace, QWidget* parent) : QWizard(parent), m_workspace(workspace)
{
    setObjectName(QStringLiteral("firstStartWizard"));
    setWindowTitle(tr("Set up Practica"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/practica.svg")));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setPixmap(QWizard::LogoPixmap, QIcon(QStringLiteral(":/icons/practica.svg")).pixmap(QSize(48, 48)));
    auto* clinicForm = new ClinicForm;
    setPage(WelcomePage, new WelcomeChoicePage(*this));
    setPage(ClinicPage, new ClinicDetailsPage(clinicForm));
    setPage(AdminPage, new AdminAccountPage(*this, clinicForm));
    setPage(DemoPage, new DemoClinicPage(*this));
    setPage(JoinPage, new JoinClinicPage(*this));
    setStartId(WelcomePage);
    button(QWizard::NextButton)->setObjectName(QStringLiteral("wizardNextButton"));
    button(QWizard::BackButton)->setObjectName(QStringLiteral("wizardBackButton"));
    button(QWizard::FinishButton)->setObjectName(QStringLiteral("wizardFinishButton"));
    button(QWizard::CancelButton)->setObjectName(QStringLiteral("wizardCancelButton"));
    setButtonText(QWizard::FinishButton, tr("&Create clinic"));
    for (WizardButton b : {QWizard::NextButton, QWizard::FinishButton}) {
        // The wizard has polished its buttons already; re-polish so the stylesheet sees the new role.
        button(b)->setProperty("role", QStringLiteral("primary"));
        button(b)->style()->unpolish(button(b));
        button(b)->style()->polish(button(b));
    }
    // The modern style's page titles are small; make them read as headings.
    setTitleFormat(Qt::RichText);
    for (int id : pageIds())
        page(id)->setTitle(
            QStringLiteral("<span style='font-size:14pt; font-weight:600'>%1</span>").arg(page(id)->title()));
    resize(880, 620);
}

FirstStartWizard::~FirstStartWizard() = default;

bool FirstStartWizard::prepareFolder(QString* error)
{
    const QString folder = QFileInfo(m_workspace.config().databasePath).absolutePath();
    if (QDir().mkpath(folder))
        return true;
    *error = tr("The folder %1 cannot be created. Choose another place with --db.").arg(folder);
    return false;
}

bool FirstStartWizard::createDemo(QString* error)
{
    if (!prepareFolder(error))
        return false;
    core::DemoOptions options;
    options.patients = m_workspace.config().demoPatients;
    options.cost = m_workspace.config().kdfCost;
    bool cancelled = false;
    auto demo = DemoClinicRunner::run(this, m_workspace.databasePath(), options, m_workspace.clock(), &cancelled);
    if (!demo) {
        *error =
            cancelled ? tr("The demo clinic was not created because you cancelled it.") : UiText::error(demo.error());
        return false;
    }
    m_session = std::move(demo->session);
    m_demoLogins = std::move(demo->logins);
    return true;
}

bool FirstStartWizard::joinClinic(JoinClinicRunner::Request request, QString* message)
{
    if (!m_joined && !prepareFolder(message))
        return false;
    request.databasePath = m_workspace.databasePath();
    request.cost = m_workspace.config().kdfCost;
    auto outcome = JoinClinicRunner::run(this, request, m_joined ? std::move(m_session) : nullptr, m_workspace.clock());
    m_joined = outcome.session != nullptr;
    m_joinCancelled = outcome.cancelled;
    m_session = std::move(outcome.session);
    if (outcome.complete)
        return true;
    if (!m_joined) {
        *message = outcome.cancelled ? tr("Joining was cancelled. Nothing was saved on this computer.")
                                     : SyncText::error(*outcome.error);
        return false;
    }
    const bool received = outcome.received > 0;
    const QString next =
        received ? tr("This computer has joined the clinic and keeps what has arrived. Choose Continue download, or "
                      "close Practica: the download continues the next time you sign in.")
                 : tr("This computer has joined the clinic. Choose Continue download, or close Practica: the "
                      "download starts the next time you sign in.");
    const QString where = received ? tr("The download stopped at %1 of %2 changes.")
                                         .arg(SyncText::number(outcome.received), SyncText::number(outcome.total))
                                   : QString();
    if (outcome.cancelled)
        *message = where.isEmpty() ? next : where + QLatin1Char(' ') + next;
    else if (outcome.error->code == core::ErrorCode::DeviceNotApproved)
        *message = tr("This workstation is registered and waits for an administrator to approve it on the sync "
                      "server. Once it is approved, choose Continue download; or close Practica: the download "
                      "starts the next time you sign in.");
    else
        *message = SyncText::error(*outcome.error) + QLatin1Char(' ') +
                   (where.isEmpty() ? next : where + QLatin1Char(' ') + next);
    return false;
}

bool FirstStartWizard::createClinic(const core::Clinic& clinic, const core::FirstAdmin& admin, core::Error* error)
{
    QString folderError;
    if (!prepareFolder(&folderError)) {
        *error = core::Error::make(core::ErrorCode::ReadOnly, m_workspace.databasePath());
        return false;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto session = core::Vault::createClinic(m_workspace.databasePath(), clinic, admin, m_workspace.clock(),
                                             m_workspace.config().kdfCost);
    QApplication::restoreOverrideCursor();
    if (!session) {
        *error = session.error();
        return false;
    }
    m_session = std::move(*session);
    return true;
}

} // namespace practica::app
