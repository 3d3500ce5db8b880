#include "TotpEnrolDialog.h"

#include "app/gui/common/QrCode.h"
#include "app/gui/common/UiText.h"
#include "core/auth/SecondFactor.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace practica::app {

namespace {

// "JBSW Y3DP EHPK 3PXP": easier to read aloud and to type into a phone.
QString grouped(const QString& secret)
{
    QString out;
    for (int i = 0; i < secret.size(); ++i) {
        if (i > 0 && i % 4 == 0)
            out += QLatin1Char(' ');
        out += secret[i];
    }
    return out;
}

} // namespace

TotpEnrolDialog::TotpEnrolDialog(core::Session& session, bool required, QWidget* parent)
    : QDialog(parent), m_session(session)
{
    setObjectName(QStringLiteral("totpEnrolDialog"));
    setWindowTitle(tr("Set up two-step sign-in"));

    // Page 1: scan, type the code.
    auto* setup = new QWidget;
    auto* intro = new QLabel(
        (required ? tr("Your clinic requires a second step when you sign in. ") : QString()) +
        tr("1. Open an authenticator app on your phone (for example Google Authenticator or Microsoft "
           "Authenticator) and scan this code.\n2. Type the 6-digit code the app shows, then press Turn on."));
    intro->setObjectName(QStringLiteral("totpIntro"));
    intro->setWordWrap(true);
    m_qr = new QLabel;
    m_qr->setObjectName(QStringLiteral("totpQrCode"));
    m_qr->setAlignment(Qt::AlignCenter);
    auto* cannotScan = new QLabel(tr("Cannot scan? Type this key into the app instead:"));
    cannotScan->setProperty("role", QStringLiteral("subtle"));
    m_secret = new QLabel;
    m_secret->setObjectName(QStringLiteral("totpSecret"));
    m_secret->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_secret->setAlignment(Qt::AlignCenter);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(mono.pointSizeF() * 1.25);
    m_secret->setFont(mono);
    auto* codeLabel = new QLabel(tr("&Code from the app:"));
    m_code = new QLineEdit;
    m_code->setObjectName(QStringLiteral("totpCode"));
    m_code->setPlaceholderText(tr("6 digits"));
    m_code->setMaxLength(12);
    m_code->setFont(mono);
    codeLabel->setBuddy(m_code);
    auto* codeRow = new QHBoxLayout;
    codeRow->addWidget(codeLabel);
    codeRow->addWidget(m_code, 1);
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("totpError"));
    m_error->setProperty("role", QStringLiteral("banner"));
    m_error->setWordWrap(true);
    m_error->hide();
    auto* setupButtons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_confirm = setupButtons->addButton(tr("&Turn on"), QDialogButtonBox::AcceptRole);
    m_confirm->setObjectName(QStringLiteral("totpConfirmButton"));
    m_confirm->setDefault(true);
    m_confirm->setProperty("role", QStringLiteral("primary"));
    connect(m_confirm, &QPushButton::clicked, this, &TotpEnrolDialog::confirm);
    connect(setupButtons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* setupLayout = new QVBoxLayout(setup);
    setupLayout->setContentsMargins(0, 0, 0, 0);
    setupLayout->setSpacing(10);
    setupLayout->addWidget(intro);
    setupLayout->addWidget(m_qr);
    setupLayout->addWidget(cannotScan);
    setupLayout->addWidget(m_secret);
    setupLayout->addLayout(codeRow);
    setupLayout->addWidget(m_error);
    setupLayout->addWidget(setupButtons);

    // Page 2: the recovery codes, shown once.
    auto* done = new QWidget;
    auto* doneTitle = new QLabel(tr("Two-step sign-in is on."));
    doneTitle->setProperty("role", QStringLiteral("pageTitle"));
    auto* doneText = new QLabel(tr("If you lose your phone, each of these recovery codes lets you sign in once. "
                                   "Print them or write them down and keep them somewhere safe: they are not shown "
                                   "again."));
    doneText->setWordWrap(true);
    m_recovery = new QPlainTextEdit;
    m_recovery->setObjectName(QStringLiteral("totpRecoveryCodes"));
    m_recovery->setReadOnly(true);
    m_recovery->setFont(mono);
    auto* doneButtons = new QDialogButtonBox;
    QPushButton* saved = doneButtons->addButton(tr("I have &saved them"), QDialogButtonBox::AcceptRole);
    saved->setObjectName(QStringLiteral("totpDoneButton"));
    saved->setProperty("role", QStringLiteral("primary"));
    connect(saved, &QPushButton::clicked, this, &QDialog::accept);
    auto* doneLayout = new QVBoxLayout(done);
    doneLayout->setContentsMargins(0, 0, 0, 0);
    doneLayout->setSpacing(10);
    doneLayout->addWidget(doneTitle);
    doneLayout->addWidget(doneText);
    doneLayout->addWidget(m_recovery, 1);
    doneLayout->addWidget(doneButtons);

    m_pages = new QStackedWidget;
    m_pages->addWidget(setup);
    m_pages->addWidget(done);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 14);
    layout->addWidget(m_pages);
    setMinimumWidth(460);
    begin();
    m_code->setFocus();
}

void TotpEnrolDialog::begin()
{
    auto enrolment = core::SecondFactor(m_session).beginEnrolment();
    if (!enrolment) {
        showError(UiText::error(enrolment.error()));
        m_confirm->setEnabled(false);
        return;
    }
    const QImage qr = qrCodeImage(qs(enrolment->uri), 5);
    m_qr->setPixmap(QPixmap::fromImage(qr));
    m_secret->setText(grouped(qs(enrolment->secret)));
}

void TotpEnrolDialog::confirm()
{
    const std::string code = ss(m_code->text().trimmed());
    if (code.empty()) {
        showError(tr("Type the 6-digit code your authenticator app shows."));
        return;
    }
    auto codes = core::SecondFactor(m_session).confirmEnrolment(code);
    if (!codes) {
        showError(UiText::error(codes.error()));
        m_code->selectAll();
        m_code->setFocus();
        return;
    }
    QString text;
    for (const std::string& c : *codes)
        text += qs(c) + QLatin1Char('\n');
    m_recovery->setPlainText(text.trimmed());
    m_pages->setCurrentIndex(1);
}

void TotpEnrolDialog::showError(const QString& text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void TotpEnrolDialog::manageOwn(core::Session& session, QWidget* parent)
{
    core::SecondFactor factor(session);
    auto status = factor.ownStatus();
    if (!status) {
        QMessageBox::warning(parent, tr("Two-step sign-in"), UiText::error(status.error()));
        return;
    }
    if (status->enrolled) {
        QMessageBox box(QMessageBox::Question, tr("Two-step sign-in"),
                        tr("Two-step sign-in is on for you: after your password, Practica asks for the code from "
                           "your authenticator app. %n recovery code(s) left.",
                           nullptr, status->recoveryCodesLeft),
                        QMessageBox::Cancel, parent);
        box.setObjectName(QStringLiteral("totpManageBox"));
        QPushButton* newPhone = box.addButton(tr("Set up a &new phone"), QMessageBox::AcceptRole);
        newPhone->setObjectName(QStringLiteral("totpNewPhoneButton"));
        QPushButton* off = box.addButton(tr("Turn &off"), QMessageBox::DestructiveRole);
        off->setObjectName(QStringLiteral("totpTurnOffButton"));
        box.exec();
        if (box.clickedButton() == off) {
            if (core::Status s = factor.removeOwn(); !s)
                QMessageBox::warning(parent, tr("Two-step sign-in"), UiText::error(s.error()));
            return;
        }
        if (box.clickedButton() != newPhone)
            return;
    }
    TotpEnrolDialog dialog(session, false, parent);
    dialog.exec();
}

} // namespace practica::app
