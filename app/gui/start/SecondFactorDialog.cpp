#include "SecondFactorDialog.h"

#include "app/gui/admin/TotpEnrolDialog.h"
#include "app/gui/common/UiText.h"
#include "core/auth/SecondFactor.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace practica::app {

SecondFactorDialog::SecondFactorDialog(core::Session& session, QWidget* parent) : QDialog(parent), m_session(session)
{
    setObjectName(QStringLiteral("secondFactorDialog"));
    setWindowTitle(tr("Two-step sign-in"));
    auto* intro = new QLabel(tr("Open the authenticator app on your phone and type the 6-digit code it shows for "
                                "Practica."));
    intro->setWordWrap(true);
    m_code = new QLineEdit;
    m_code->setObjectName(QStringLiteral("secondFactorCode"));
    m_code->setPlaceholderText(tr("6-digit code"));
    m_code->setMaxLength(20);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(mono.pointSizeF() * 1.4);
    m_code->setFont(mono);
    auto* lost = new QLabel(tr("Lost your phone? Type one of your recovery codes instead, or ask an administrator "
                               "to remove your two-step sign-in."));
    lost->setProperty("role", QStringLiteral("subtle"));
    lost->setWordWrap(true);
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("secondFactorError"));
    m_error->setProperty("role", QStringLiteral("banner"));
    m_error->setWordWrap(true);
    m_error->hide();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    QPushButton* ok = buttons->addButton(tr("&Continue"), QDialogButtonBox::AcceptRole);
    ok->setObjectName(QStringLiteral("secondFactorContinue"));
    ok->setDefault(true);
    ok->setProperty("role", QStringLiteral("primary"));
    connect(ok, &QPushButton::clicked, this, &SecondFactorDialog::verify);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 14);
    layout->setSpacing(10);
    layout->addWidget(intro);
    layout->addWidget(m_code);
    layout->addWidget(lost);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(400);
    m_code->setFocus();
}

void SecondFactorDialog::verify()
{
    const QString typed = m_code->text().trimmed();
    if (typed.isEmpty()) {
        m_error->setText(tr("Type the code from your authenticator app."));
        m_error->show();
        return;
    }
    if (core::Status s = core::SecondFactor(m_session).verify(ss(typed)); !s) {
        m_error->setText(UiText::error(s.error()));
        m_error->show();
        m_code->selectAll();
        m_code->setFocus();
        return;
    }
    accept();
}

bool SecondFactorDialog::complete(core::Session& session, QWidget* parent)
{
    switch (session.secondFactorOwed()) {
    case core::SecondFactorStep::Done:
        return true;
    case core::SecondFactorStep::Code: {
        SecondFactorDialog dialog(session, parent);
        dialog.exec();
        return session.secondFactorOwed() == core::SecondFactorStep::Done;
    }
    case core::SecondFactorStep::Enrolment: {
        TotpEnrolDialog dialog(session, true, parent);
        dialog.exec();
        return session.secondFactorOwed() == core::SecondFactorStep::Done;
    }
    }
    return false;
}

} // namespace practica::app
