// Two-step sign-in in the GUI, offscreen: the set-up dialog shows a QR code and the key as text, refuses a
// wrong first code and shows the recovery codes after a right one; signing in asks for the code after
// the password; a clinic that requires it has a user set it up before the main window opens.
#include "GuiDriver.h"
#include "app/gui/admin/TotpEnrolDialog.h"
#include "app/gui/shell/AppController.h"
#include "app/gui/shell/Theme.h"
#include "core/auth/SecondFactor.h"
#include "core/auth/UserStore.h"
#include "core/clinic/ClinicStore.h"
#include "core/crypto/Totp.h"
#include "tests/support/TestSupport.h"

#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTest>
#include <QTimer>
#include <memory>

using namespace practica;
using namespace practica::test;

namespace {

QString codeFor(const QString& shownSecret, const core::Clock& clock)
{
    QString secret = shownSecret;
    secret.remove(QLatin1Char(' '));
    auto key = core::base32Decode(secret.toStdString());
    return key ? QString::fromStdString(core::totpCode(*key, clock.nowMs() / 1000)) : QString();
}

// Answers the modal dialog with this objectName from a timer, once, as a person would.
class ModalAnswer
{
public:
    ModalAnswer(const QString& objectName, std::function<void(QWidget*)> action)
    {
        m_poll.setInterval(50);
        QObject::connect(&m_poll, &QTimer::timeout, [this, objectName, action] {
            QWidget* dialog = topLevel(objectName);
            if (!dialog || !dialog->isVisible() || m_answered)
                return;
            m_answered = true;
            m_poll.stop();
            action(dialog);
        });
        m_poll.start();
    }
    bool answered() const { return m_answered; }

private:
    QTimer m_poll;
    bool m_answered = false;
};

} // namespace

class tst_SecondFactorGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void enrolmentShowsQrCodeAndConfirms();
    void signInAsksForTheCode();
    void clinicRuleMakesUsersSetItUp();

private:
    app::AppConfig configFor();
    QWidget* startAndTypePassword(const QString& username, const QString& password);

    std::unique_ptr<TempClinic> m_clinic;
    std::unique_ptr<app::AppController> m_controller;
};

void tst_SecondFactorGui::initTestCase()
{
    app::initResources();
    app::Theme::apply(*qApp);
}

void tst_SecondFactorGui::cleanup()
{
    m_controller.reset();
    m_clinic.reset();
}

app::AppConfig tst_SecondFactorGui::configFor()
{
    app::AppConfig config;
    config.databasePath = QString::fromStdString(m_clinic->path());
    config.kdfCost = core::KdfCost::minimal();
    config.clock = &m_clinic->clock();
    return config;
}

QWidget* tst_SecondFactorGui::startAndTypePassword(const QString& username, const QString& password)
{
    m_clinic->closeAdmin();
    m_controller = std::make_unique<app::AppController>(configFor());
    m_controller->start();
    QWidget* login = waitForTopLevel(QStringLiteral("loginDialog"));
    if (!login)
        return nullptr;
    typeInto(child<QLineEdit>(login, QStringLiteral("loginUsername")), username);
    typeInto(child<QLineEdit>(login, QStringLiteral("loginPassword")), password);
    return login;
}

void tst_SecondFactorGui::enrolmentShowsQrCodeAndConfirms()
{
    m_clinic = std::make_unique<TempClinic>();
    app::TotpEnrolDialog dialog(m_clinic->admin());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* qr = child<QLabel>(&dialog, QStringLiteral("totpQrCode"));
    QVERIFY(qr);
    const QPixmap pixmap = qr->pixmap();
    QVERIFY(!pixmap.isNull());
    QCOMPARE(pixmap.width(), pixmap.height());
    QVERIFY2(pixmap.width() >= 150 && pixmap.width() <= 400, qPrintable(QString::number(pixmap.width())));
    auto* secret = child<QLabel>(&dialog, QStringLiteral("totpSecret"));
    QVERIFY(secret);
    QCOMPARE(secret->text().remove(QLatin1Char(' ')).size(), 32); // 160 bits in Base32
    const QImage shot = dialog.grab().toImage();
    QVERIFY(shot.save(QStringLiteral("/tmp/totp-enrol.png")));
    screenshot(&dialog, QStringLiteral("totp-enrol"));

    const QString good = codeFor(secret->text(), m_clinic->clock());
    typeInto(child<QLineEdit>(&dialog, QStringLiteral("totpCode")),
             good == QLatin1String("000000") ? QStringLiteral("111111") : QStringLiteral("000000"), false);
    click(child<QPushButton>(&dialog, QStringLiteral("totpConfirmButton")));
    QTRY_VERIFY(child<QLabel>(&dialog, QStringLiteral("totpError"))->isVisible());
    QVERIFY(!core::SecondFactor(m_clinic->admin()).ownStatus()->enrolled);

    typeInto(child<QLineEdit>(&dialog, QStringLiteral("totpCode")), good, false);
    click(child<QPushButton>(&dialog, QStringLiteral("totpConfirmButton")));
    auto* recovery = child<QPlainTextEdit>(&dialog, QStringLiteral("totpRecoveryCodes"));
    QTRY_VERIFY(recovery->isVisible());
    QCOMPARE(recovery->toPlainText().split(QLatin1Char('\n')).size(), 10);
    QVERIFY(core::SecondFactor(m_clinic->admin()).ownStatus()->enrolled);
    click(child<QPushButton>(&dialog, QStringLiteral("totpDoneButton")));
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void tst_SecondFactorGui::signInAsksForTheCode()
{
    m_clinic = std::make_unique<TempClinic>();
    core::SecondFactor factor(m_clinic->admin());
    auto begun = factor.beginEnrolment();
    QVERIFY(begun);
    QVERIFY(factor.confirmEnrolment(codeFor(QString::fromStdString(begun->secret), m_clinic->clock()).toStdString()));
    m_clinic->clock().advance(30'000); // the next code: the first was used to confirm
    QWidget* login = startAndTypePassword(QStringLiteral("admin"), QString::fromLatin1(kAdminPassword));
    QVERIFY(login);
    const QString secret = QString::fromStdString(begun->secret);
    QString firstError;
    ModalAnswer answer(QStringLiteral("secondFactorDialog"), [&](QWidget* dialog) {
        auto* code = child<QLineEdit>(dialog, QStringLiteral("secondFactorCode"));
        const QString good = codeFor(secret, m_clinic->clock());
        typeInto(code, good == QLatin1String("000000") ? QStringLiteral("111111") : QStringLiteral("000000"), false);
        click(child<QPushButton>(dialog, QStringLiteral("secondFactorContinue")));
        firstError = child<QLabel>(dialog, QStringLiteral("secondFactorError"))->text();
        typeInto(code, good, false);
        click(child<QPushButton>(dialog, QStringLiteral("secondFactorContinue")));
    });
    click(child<QPushButton>(login, QStringLiteral("loginButton")));
    QVERIFY(waitForTopLevel(QStringLiteral("mainWindow")));
    QVERIFY(answer.answered());
    QVERIFY2(firstError.contains(QLatin1String("not correct")), qPrintable(firstError));
    core::Session* session = m_controller->workspace().session();
    QVERIFY(session);
    QCOMPARE(session->secondFactorOwed(), core::SecondFactorStep::Done);
}

void tst_SecondFactorGui::clinicRuleMakesUsersSetItUp()
{
    m_clinic = std::make_unique<TempClinic>();
    QVERIFY(core::UserStore(m_clinic->admin())
                .add("desk", "Dana Desk", core::Role::FrontDesk, "desk-password", core::KdfCost::minimal()));
    auto clinic = core::ClinicStore(m_clinic->admin()).get();
    clinic->secondFactor = core::SecondFactorPolicy::Everyone;
    QVERIFY(core::ClinicStore(m_clinic->admin()).update(*clinic));
    QWidget* login = startAndTypePassword(QStringLiteral("desk"), QStringLiteral("desk-password"));
    QVERIFY(login);
    ModalAnswer answer(QStringLiteral("totpEnrolDialog"), [&](QWidget* dialog) {
        const QString secret = child<QLabel>(dialog, QStringLiteral("totpSecret"))->text();
        typeInto(child<QLineEdit>(dialog, QStringLiteral("totpCode")), codeFor(secret, m_clinic->clock()), false);
        click(child<QPushButton>(dialog, QStringLiteral("totpConfirmButton")));
        click(child<QPushButton>(dialog, QStringLiteral("totpDoneButton")));
    });
    click(child<QPushButton>(login, QStringLiteral("loginButton")));
    QVERIFY(waitForTopLevel(QStringLiteral("mainWindow")));
    QVERIFY(answer.answered());
    QCOMPARE(m_controller->workspace().session()->secondFactorOwed(), core::SecondFactorStep::Done);
    QVERIFY(core::SecondFactor(*m_controller->workspace().session()).ownStatus()->enrolled);
}

QTEST_MAIN(tst_SecondFactorGui)
#include "tst_secondfactor_gui.moc"
