// The billing workbench, offscreen, as a biller uses it: a signed visit listed to bill, a claim built from
// it in the dialog, the scrubber's finding shown in words and double-clicked to its cell, the line fixed and
// saved, the claim queued and sent to the sandbox clearinghouse with a progress bar, and the answers in the
// claim's history.
#include "GuiDriver.h"
#include "app/gui/billing/BillingPage.h"
#include "app/gui/shell/MainWindow.h"
#include "app/gui/shell/Theme.h"
#include "app/gui/shell/Workspace.h"
#include "core/billing/ClaimBatchStore.h"
#include "core/billing/ClaimStore.h"
#include "sync/sandbox/Sandbox.h"
#include "tests/support/BillingFixture.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressDialog>
#include <QPushButton>
#include <QTableWidget>
#include <QtTest>

using namespace practica;
using namespace practica::test;

class tst_BillingGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        app::initResources();
        app::Theme::apply(*qApp);
    }
    void buildFixAndSend();
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

    app::AppConfig config;
    config.databasePath = QString::fromStdString(fx.clinic().path());
    config.kdfCost = core::KdfCost::minimal();
    config.clock = &fx.clinic().clock();
    app::Workspace workspace(config);
    auto session = fx.clinic().login("bill.ing", "user-password-1");
    QVERIFY(session);
    workspace.open(std::move(session));
    app::MainWindow window(workspace);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* page = child<app::BillingPage>(&window, QStringLiteral("billingPage"));
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

QTEST_MAIN(tst_BillingGui)
#include "tst_billing_gui.moc"
