// The billing workbench, offscreen, as a biller uses it: a signed visit listed to bill, a claim built from
// it in the dialog, the scrubber's finding shown in words and double-clicked to its cell, the line fixed and
// saved, the claim queued and sent to the sandbox clearinghouse with a progress bar, and the answers in the
// claim's history. And a clearinghouse reached over SFTP (a private sshd on 127.0.0.1) set up in the
// settings dialog, a wrong host key fingerprint said there, and claims sent with the key's passphrase.
#include "GuiDriver.h"
#include "app/gui/billing/BillingPage.h"
#include "app/gui/billing/PayersDialog.h"
#include "app/gui/shell/MainWindow.h"
#include "app/gui/shell/Theme.h"
#include "app/gui/shell/Workspace.h"
#include "core/billing/ClaimBatchStore.h"
#include "core/billing/ClaimStore.h"
#include "core/patients/CoverageStore.h"
#include "sync/sandbox/Sandbox.h"
#include "tests/support/BillingFixture.h"
#include "tests/support/SshServer.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressDialog>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace practica;
using namespace practica::test;

namespace {

// The biller signed in to the app on the fixture's clinic, the main window shown at its Billing page.
struct BillerDesk
{
    explicit BillerDesk(BillingFixture& fx)
        : workspace([&] {
              app::AppConfig config;
              config.databasePath = QString::fromStdString(fx.clinic().path());
              config.kdfCost = core::KdfCost::minimal();
              config.clock = &fx.clinic().clock();
              return config;
          }())
    {
        auto session = fx.clinic().login("bill.ing", "user-password-1");
        if (!session)
            qFatal("the biller cannot sign in");
        workspace.open(std::move(session));
        window = std::make_unique<app::MainWindow>(workspace);
        window->resize(1280, 800);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            qFatal("the main window is not shown");
        page = child<app::BillingPage>(window.get(), QStringLiteral("billingPage"));
    }
    app::Workspace workspace;
    std::unique_ptr<app::MainWindow> window;
    app::BillingPage* page = nullptr;
};

} // namespace

class tst_BillingGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        app::initResources();
        app::installTranslations(*qApp, QStringLiteral("en")); // English plural forms: "1 day", "120 days"
        app::Theme::apply(*qApp);
    }
    void buildFixAndSend();
    void sftpClearinghouse();
    void payersSayHowClaimsGo();
};

void tst_BillingGui::buildFixAndSend()
{
    BillingFixture fx;
    const core::Encounter visit = fx.signedVisit(0);
    sandbox::SandboxOptions so;
    so.userName = "riverside";
    so.password = "secret";
    sandbox::Sandbox clearinghouse(so);
    QVERIFY(clearinghouse.start());
    core::ClaimBatchStore batches(*fx.biller);
    core::Clearinghouse ch = *batches.clearinghouse();
    ch.endpoint = "http://127.0.0.1:" + std::to_string(clearinghouse.port()) + "/core";
    ch.username = "riverside";
    QVERIFY(batches.saveClearinghouse(ch));

    BillerDesk desk(fx);
    app::Workspace& workspace = desk.workspace;
    app::BillingPage* page = desk.page;
    QVERIFY(page);
    QVERIFY(page->isVisible()); // a biller's first page
    QCOMPARE(page->visits()->rowCount(), 1);

    // Build the claim: one diagnosis, a line pointing to a second diagnosis that is not there.
    page->visits()->selectRow(0);
    whenModalOpens(QStringLiteral("buildClaimDialog"), [](QWidget* dialog) {
        typeInto(child<QLineEdit>(dialog, QStringLiteral("buildClaimDiagnoses")), QStringLiteral("J06.9"));
        auto* charges = child<QTableWidget>(dialog, QStringLiteral("buildClaimCharges"));
        charges->item(0, 0)->setText(QStringLiteral("99213"));
        charges->item(0, 3)->setText(QStringLiteral("1, 2"));
        click(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok));
    });
    click(child<QPushButton>(page, QStringLiteral("billingBuildClaim")));
    QTRY_COMPARE(page->claims()->rowCount(), 1);
    QCOMPARE(page->lines()->rowCount(), 1);
    QCOMPARE(page->lines()->item(0, 3)->text(), QStringLiteral("$110.00")); // the payer's fee
    QCOMPARE(page->findings()->count(), 1);
    QVERIFY2(page->findings()->item(0)->text().startsWith(
                 QStringLiteral("Line 1, points to: diagnosis 2 is not on the claim (it has 1)")),
             qPrintable(page->findings()->item(0)->text()));
    screenshot(page, QStringLiteral("billing-finding"));

    // The finding goes to its cell; fixed there, saved, and the claim is clean.
    page->jumpToFinding(0);
    QCOMPARE(page->lines()->currentRow(), 0);
    QCOMPARE(page->lines()->currentColumn(), 4);
    page->lines()->item(0, 4)->setText(QStringLiteral("1"));
    click(child<QPushButton>(page, QStringLiteral("billingQueue")));
    QTRY_VERIFY(page->findings()->item(0)->text().contains(QStringLiteral("clean")));
    core::ClaimStore claims(*workspace.session());
    const std::string pcn = page->claims()->item(0, 0)->text().toStdString();
    auto claim = claims.byControlNumber(pcn);
    QVERIFY(claim && *claim);
    QCOMPARE(*claims.state((*claim)->id), std::string("queued"));

    // Send with the clearinghouse password; a progress bar while it goes; the answers in the history.
    whenModalOpens(QStringLiteral("clearinghousePassword"), [&](QWidget* dialog) {
        typeInto(child<QLineEdit>(dialog, QStringLiteral("clearinghousePasswordEdit")), QStringLiteral("secret"));
        child<QCheckBox>(dialog, QStringLiteral("clearinghouseRemember"))->setChecked(true);
        click(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok));
    });
    click(child<QPushButton>(page, QStringLiteral("billingSend")));
    QTRY_COMPARE(*claims.state((*claim)->id), std::string("payer_accepted"));
    page->selectClaim(pcn);
    QTRY_VERIFY(page->history()->count() >= 5);
    QString history;
    for (int i = 0; i < page->history()->count(); ++i)
        history += page->history()->item(i)->text() + QLatin1Char('\n');
    QVERIFY2(history.contains(QStringLiteral("Accepted by the clearinghouse")), qPrintable(history));
    QVERIFY2(history.contains(QStringLiteral("Accepted by the payer: accepted for processing (status 20)")),
             qPrintable(history));
    QVERIFY(!page->lines()->item(0, 0)->flags().testFlag(Qt::ItemIsEditable) ||
            page->lines()->editTriggers() == QAbstractItemView::NoEditTriggers);
    screenshot(page, QStringLiteral("billing-sent"));

    // A claim that was sent is corrected by a replacement drafted from it.
    QVERIFY(child<QPushButton>(page, QStringLiteral("billingReplace"))->isVisible());
    click(child<QPushButton>(page, QStringLiteral("billingReplace")));
    QTRY_VERIFY(page->claims()->rowCount() == 2);
    QVERIFY(child<QLineEdit>(page, QStringLiteral("billingPayerClaimNumber"))->isVisible());
    QVERIFY(
        child<QLineEdit>(page, QStringLiteral("billingPayerClaimNumber"))->text().startsWith(QStringLiteral("SBX")));

    // The password is remembered: the schedule sends the next queued claim without asking.
    const core::Encounter second = fx.signedVisit(1);
    auto next = claims.captureFromEncounter(second.id, {"J06.9"}, {{"99213", {}, "1", {}, {1}}});
    QVERIFY(next);
    QVERIFY(claims.markReady(next->id) && claims.queue(next->id));
    page->sendOnSchedule();
    QTRY_COMPARE(*claims.state(next->id), std::string("payer_accepted"));
}

void tst_BillingGui::sftpClearinghouse()
{
    BillingFixture fx;
    SshServer ssh;
    QVERIFY2(ssh.running(), qPrintable(ssh.error()));
    QTemporaryDir drop;
    QVERIFY(QDir(drop.path()).mkpath("inbound") && QDir(drop.path()).mkpath("outbound"));

    BillerDesk desk(fx);
    app::Workspace& workspace = desk.workspace;
    app::BillingPage* page = desk.page;
    QVERIFY(page);

    // The settings: SFTP, its folders, a fingerprint mistyped (said under the form, the field focused),
    // then the right one and this workstation's key.
    bool sawError = false;
    whenModalOpens(QStringLiteral("clearinghouseDialog"), [&](QWidget* dialog) {
        auto* transport = child<QComboBox>(dialog, QStringLiteral("clearinghouseTransport"));
        transport->setCurrentIndex(transport->findData(QStringLiteral("sftp")));
        QVERIFY(child<QLineEdit>(dialog, QStringLiteral("clearinghouseHostKey"))->isVisible());
        auto set = [&](const char* name, const QString& text) {
            auto* edit = child<QLineEdit>(dialog, QString::fromLatin1(name));
            edit->clear();
            typeInto(edit, text);
        };
        set("clearinghouseEndpoint", QString::fromStdString(ssh.endpoint()));
        set("clearinghouseUsername", QString::fromStdString(ssh.userName()));
        set("clearinghouseUploadDir", drop.filePath("inbound"));
        set("clearinghouseDownloadDir", drop.filePath("outbound"));
        set("clearinghouseHostKey", QStringLiteral("SHA256:from-the-phone-call"));
        set("clearinghouseKeyFile", QString::fromStdString(ssh.keyFile()));
        click(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save));
        auto* error = child<QLabel>(dialog, QStringLiteral("clearinghouseError"));
        sawError = error->isVisible() && error->text().contains(QStringLiteral("host key fingerprint"));
        if (!sawError)
            qWarning("%s", qPrintable(error->text()));
        screenshot(dialog, QStringLiteral("billing-clearinghouse-sftp"));
        set("clearinghouseHostKey", QString::fromStdString(ssh.hostKey()));
        click(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save));
    });
    click(child<QPushButton>(page, QStringLiteral("billingClearinghouse")));
    QVERIFY(sawError);
    core::ClaimBatchStore batches(*workspace.session());
    QTRY_COMPARE(batches.clearinghouse()->transport, std::string("sftp"));
    QCOMPARE(batches.clearinghouse()->hostKey, std::optional<std::string>(ssh.hostKey()));
    QCOMPARE(*batches.keyFile(), std::optional<std::string>(ssh.keyFile()));

    // A queued claim sent with the key's passphrase, remembered; the answers fetched on the schedule.
    core::ClaimStore claims(*workspace.session());
    const core::Encounter visit = fx.signedVisit(0);
    auto claim = claims.captureFromEncounter(visit.id, {"J06.9"}, {{"99213", {}, "1", {}, {1}}});
    QVERIFY(claim);
    QVERIFY(claims.markReady(claim->id) && claims.queue(claim->id));
    page->refresh();
    whenModalOpens(QStringLiteral("clearinghousePassword"), [&](QWidget* dialog) {
        typeInto(child<QLineEdit>(dialog, QStringLiteral("clearinghousePasswordEdit")),
                 QString::fromLatin1(SshServer::kPassphrase));
        child<QCheckBox>(dialog, QStringLiteral("clearinghouseRemember"))->setChecked(true);
        click(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok));
    });
    click(child<QPushButton>(page, QStringLiteral("billingSend")));
    QTRY_COMPARE(*claims.state(claim->id), std::string("submitted"));
    {
        // The clearinghouse takes the file and answers (stopped before the next send, so none races it).
        sandbox::SandboxOptions so;
        so.dropDir = drop.path().toStdString();
        so.dropPollMs = 50;
        sandbox::Sandbox clearinghouse(so);
        QVERIFY(clearinghouse.start());
        QTRY_COMPARE(QDir(drop.filePath("outbound")).entryList(QDir::Files).size(), 2);
    }
    page->sendOnSchedule();
    QTRY_COMPARE(*claims.state(claim->id), std::string("payer_accepted"));
    QCOMPARE(QDir(drop.filePath("outbound")).entryList(QDir::Files).size(), 0);
}

void tst_BillingGui::payersSayHowClaimsGo()
{
    BillingFixture fx;
    BillerDesk desk(fx);
    app::Workspace& workspace = desk.workspace;
    app::BillingPage* page = desk.page;
    QVERIFY(page);

    QString before, after;
    whenModalOpens(QStringLiteral("payersDialog"), [&](QWidget* dialog) {
        auto* payers = static_cast<app::PayersDialog*>(dialog);
        before = payers->table()->item(0, 2)->text();
        whenModalOpens(QStringLiteral("payerDialog"), [](QWidget* payer) {
            auto* filing = child<QComboBox>(payer, QStringLiteral("payerFilingIndicator"));
            filing->setCurrentIndex(filing->findData(QStringLiteral("MB")));
            child<QSpinBox>(payer, QStringLiteral("payerTimelyFiling"))->setValue(120);
            screenshot(payer, QStringLiteral("billing-payer"));
            click(child<QPushButton>(payer, QStringLiteral("savePayerButton")));
        });
        payers->editRow(0);
        after = payers->table()->item(0, 2)->text() + QLatin1Char('|') + payers->table()->item(0, 3)->text();
        screenshot(dialog, QStringLiteral("billing-payers"));
        dialog->close();
    });
    click(child<QPushButton>(page, QStringLiteral("billingPayers")));
    QCOMPARE(before, QStringLiteral("Commercial insurance (CI)"));
    QCOMPARE(after, QStringLiteral("Medicare Part B (MB)|120 days"));
    auto payer = core::PayerStore(*workspace.session()).get(fx.payer.id);
    QVERIFY(payer);
    QCOMPARE(payer->filingIndicator, std::string("MB"));
    QCOMPARE(payer->timelyFilingDays, std::optional<int>(120));
}

QTEST_MAIN(tst_BillingGui)
#include "tst_billing_gui.moc"
