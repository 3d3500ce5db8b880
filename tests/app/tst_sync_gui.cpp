// Sync as the person at the desk sees it, offscreen against an in-process practica-server: the status bar going
// online with nothing waiting, a new patient waiting and then sent by "Sync now", the offline sentence when the
// server stops, a double booking made by a second workstation listed in the conflicts view in the clinic's words
// and resolved from there (keeping the other booking, or picking another time), and a new workstation joining
// the clinic from the first-start wizard.
#include "GuiDriver.h"
#include "ScheduleFixture.h"
#include "SyncFixture.h"
#include "app/gui/shell/AppController.h"
#include "app/gui/shell/MainWindow.h"
#include "app/gui/shell/Theme.h"
#include "app/gui/shell/Workspace.h"
#include "app/gui/sync/ConflictsDialog.h"
#include "app/gui/sync/ParkedChangesDialog.h"
#include "app/gui/sync/SyncStatusWidget.h"
#include "app/gui/sync/SyncText.h"
#include "core/auth/UserStore.h"
#include "core/auth/Vault.h"
#include "core/chart/EncounterStore.h"
#include "core/clinic/ClinicStore.h"
#include "core/db/Statement.h"
#include "core/db/Transaction.h"
#include "core/patients/PatientStore.h"
#include "core/schedule/AppointmentStore.h"
#include "core/sync/Replica.h"
#include "core/util/Uuid.h"
#include "sync/server/ServerStore.h"
#include "words/ErrorWords.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <QTimeEdit>
#include <QTreeWidget>
#include <QWizard>
#include <memory>
#include <thread>

using practica::test::must;

using namespace practica;
using namespace practica::test;

namespace {

constexpr int kSyncTimeoutMs = 30'000;

QtMessageHandler g_defaultHandler = nullptr;

void quietOffscreen(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (message.startsWith(QLatin1String("This plugin does not support")))
        return;
    if (g_defaultHandler)
        g_defaultHandler(type, context, message);
}

// Saves the widget itself (not its window) as <PRACTICA_SCREENSHOT_DIR>/<name>.png.
void shot(QWidget* widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("PRACTICA_SCREENSHOT_DIR");
    if (dir.isEmpty() || !widget)
        return;
    QDir().mkpath(dir);
    QTest::qWait(50);
    widget->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

// Passes requests on to the sync server, holding each pull back a little: a first download of a few thousand
// records then takes long enough to be cancelled part-way, on any machine.
class SlowPullProxy
{
public:
    SlowPullProxy(int upstreamPort, int pullDelayMs)
    {
        Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0), 64);
        m_port = socket.address().port();
        m_server = std::make_unique<Poco::Net::HTTPServer>(new Factory(upstreamPort, pullDelayMs), socket,
                                                           new Poco::Net::HTTPServerParams);
        m_server->start();
    }
    ~SlowPullProxy() { m_server->stopAll(true); }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }

private:
    class Forward final : public Poco::Net::HTTPRequestHandler
    {
    public:
        Forward(int upstream, int delayMs) : m_upstream(upstream), m_delayMs(delayMs) {}
        void handleRequest(Poco::Net::HTTPServerRequest& in, Poco::Net::HTTPServerResponse& out) override
        {
            if (in.getURI().rfind("/v1/pull", 0) == 0)
                std::this_thread::sleep_for(std::chrono::milliseconds(m_delayMs));
            const std::string body(std::istreambuf_iterator<char>(in.stream()), {});
            Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(m_upstream));
            Poco::Net::HTTPRequest request(in.getMethod(), in.getURI(), Poco::Net::HTTPMessage::HTTP_1_1);
            for (const char* h : {"Authorization", "Practica-Protocol", "Content-Encoding", "Content-Type"})
                if (in.has(h))
                    request.set(h, in.get(h));
            if (in.getMethod() == "POST")
                request.setContentLength64(static_cast<Poco::Int64>(body.size()));
            session.sendRequest(request) << body;
            Poco::Net::HTTPResponse response;
            const std::string answer(std::istreambuf_iterator<char>(session.receiveResponse(response)), {});
            out.setStatus(response.getStatus());
            for (const char* h : {"Content-Type", "Practica-Protocol"})
                if (response.has(h))
                    out.set(h, response.get(h));
            out.sendBuffer(answer.data(), answer.size());
        }

    private:
        int m_upstream;
        int m_delayMs;
    };

    class Factory final : public Poco::Net::HTTPRequestHandlerFactory
    {
    public:
        Factory(int upstream, int delayMs) : m_upstream(upstream), m_delayMs(delayMs) {}
        Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override
        {
            return new Forward(m_upstream, m_delayMs);
        }

    private:
        int m_upstream;
        int m_delayMs;
    };

    int m_port = 0;
    std::unique_ptr<Poco::Net::HTTPServer> m_server;
};

} // namespace

class tst_SyncGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void statusBarFollowsSync();
    void keepTheOtherBooking();
    void pickAnotherTime();
    void joinFromTheWizard();
    void cancelTheFirstDownloadAndContinue();
    void connectFromTheStatusBar();
    void statusWording();
    void refusedChangesInWords();
    void invalidAndParkedChangesInWords();
    void redirectedBookingIsSaid();
    void deactivationElsewhereLocksThisDesk();
    void signedElsewhereBecomesAnAddendum();

private:
    // A clinic with a schedule (its admin still signed in) and a fresh server that knows the clinic.
    void newClinicAndServer();
    // Only the first sync and "Sync now" run on their own, so that every state can be seen.
    app::AppConfig configFor(const QString& databasePath);
    // Signs the admin in and shows the main window (the clinic enrolled with the server, or not).
    void openMainWindow();
    // A clinic with a schedule, enrolled with a fresh server, signed in as its admin in a main window.
    void openEnrolledClinic();
    // First start at databasePath: the wizard's join page, filled in; returns the page.
    QWidget* fillJoinPage(const QString& databasePath, const std::string& url, const QString& username,
                          const QString& password);
    // A second workstation of the same clinic, joined into a temporary folder and synced.
    std::unique_ptr<Workstation> joinSecondWorkstation();
    // Books on this workstation, then a second workstation books the same provider and time and syncs first:
    // this workstation's next sync is refused. Returns the refused appointment's id.
    std::string makeDoubleBooking();
    void pressF9() { QTest::keyClick(child<QWidget>(m_window.get(), QStringLiteral("patientSearch")), Qt::Key_F9); }
    QString statusText() const { return m_window->syncStatus()->text(); }
    const app::SyncState& state() const { return m_workspace->sync().state(); }
    app::ConflictsDialog* openConflictsView();

    std::unique_ptr<ScheduleFixture> m_fixture;
    std::unique_ptr<ServerFixture> m_server;
    std::unique_ptr<app::Workspace> m_workspace;
    std::unique_ptr<app::MainWindow> m_window;
    std::unique_ptr<app::AppController> m_controller;
    std::unique_ptr<Workstation> m_other;
    std::unique_ptr<QTemporaryDir> m_otherDir;
    int m_joins = 0;
    std::string m_clinicId;
};

void tst_SyncGui::initTestCase()
{
    g_defaultHandler = qInstallMessageHandler(quietOffscreen);
    core::initCrypto();
    app::initResources();
    app::installTranslations(*qApp, QStringLiteral("en")); // English plural forms: "1 conflict", "2 conflicts"
    app::Theme::apply(*qApp);
}

void tst_SyncGui::cleanup()
{
    m_window.reset();
    m_controller.reset();
    m_workspace.reset(); // stops the sync worker before the server goes
    m_other.reset();
    m_server.reset();
    m_fixture.reset();
    m_otherDir.reset();
}

void tst_SyncGui::newClinicAndServer()
{
    m_fixture = std::make_unique<ScheduleFixture>();
    m_server = std::make_unique<ServerFixture>();
    m_clinicId = must(core::ClinicStore(m_fixture->admin()).get(), "clinic").id;
    m_server->createClinic(m_clinicId);
}

app::AppConfig tst_SyncGui::configFor(const QString& databasePath)
{
    app::AppConfig config;
    config.databasePath = databasePath;
    config.kdfCost = core::KdfCost::minimal();
    config.clock = &m_fixture->clinic().clock();
    config.syncTiming.intervalMs = 10 * 60'000;
    config.syncTiming.afterSaveMs = 10 * 60'000;
    config.syncTiming.retryMinMs = 60'000;
    config.syncTiming.watchMs = 100;
    return config;
}

void tst_SyncGui::openMainWindow()
{
    m_fixture->clinic().closeAdmin();
    m_workspace = std::make_unique<app::Workspace>(configFor(QString::fromStdString(m_fixture->clinic().path())));
    m_workspace->open(m_fixture->clinic().login("admin", kAdminPassword));
    m_window = std::make_unique<app::MainWindow>(*m_workspace);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void tst_SyncGui::openEnrolledClinic()
{
    newClinicAndServer();
    Workstation::enroll(m_fixture->admin(), m_server->url()); // writes the server and the refresh token
    openMainWindow();
}

QWidget* tst_SyncGui::fillJoinPage(const QString& databasePath, const std::string& url, const QString& username,
                                   const QString& password)
{
    m_controller = std::make_unique<app::AppController>(configFor(databasePath));
    m_controller->start();
    QWidget* wizard = waitForTopLevel(QStringLiteral("firstStartWizard"));
    if (!wizard)
        return nullptr;
    child<QRadioButton>(wizard, QStringLiteral("joinClinicChoice"))->setChecked(true);
    shot(wizard, QStringLiteral("wizard-welcome"));
    click(child<QPushButton>(wizard, QStringLiteral("wizardNextButton")));
    QWidget* page = child<QWidget>(wizard, QStringLiteral("joinPage"));
    typeInto(child<QLineEdit>(page, QStringLiteral("joinServerUrl")), QString::fromStdString(url));
    typeInto(child<QLineEdit>(page, QStringLiteral("joinClinicId")), QString::fromStdString(m_clinicId));
    typeInto(child<QLineEdit>(page, QStringLiteral("joinUsername")), username);
    typeInto(child<QLineEdit>(page, QStringLiteral("joinPassword")), password);
    typeInto(child<QLineEdit>(page, QStringLiteral("joinDeviceName")), QStringLiteral("Front desk 2"));
    return page;
}

std::unique_ptr<Workstation> tst_SyncGui::joinSecondWorkstation()
{
    if (!m_otherDir)
        m_otherDir = std::make_unique<QTemporaryDir>();
    const QString path = m_otherDir->filePath(QStringLiteral("ws%1.db").arg(++m_joins));
    auto ws = Workstation::join(m_server->url(), path.toStdString(), m_clinicId, m_fixture->clinic().clock());
    must(ws->sync(), "second workstation's first sync");
    return ws;
}

std::string tst_SyncGui::makeDoubleBooking()
{
    // Both desks book Dr. Adams at 9:00 on the same Monday; the other desk reaches the server first.
    auto mine =
        must(core::AppointmentStore(*m_workspace->session())
                 .book(m_fixture->appointment(0, m_fixture->providerA, "2025-12-01 09:00", m_fixture->followUp)),
             "book here");
    m_other = joinSecondWorkstation();
    must(core::AppointmentStore(*m_other->session)
             .book(m_fixture->appointment(1, m_fixture->providerA, "2025-12-01 09:00", m_fixture->followUp)),
         "book there");
    must(m_other->sync(), "other desk's sync");
    return mine.id;
}

app::ConflictsDialog* tst_SyncGui::openConflictsView()
{
    auto* button = m_window->syncStatus()->findChild<QPushButton*>(QStringLiteral("syncConflictsButton"));
    if (!button || !button->isVisible())
        return nullptr;
    click(button);
    return qobject_cast<app::ConflictsDialog*>(waitForTopLevel(QStringLiteral("conflictsView")));
}

void tst_SyncGui::statusBarFollowsSync()
{
    openEnrolledClinic();
    auto* status = m_window->findChild<app::SyncStatusWidget*>(QStringLiteral("syncStatus"));
    QVERIFY(status);
    QVERIFY(m_window->statusBar()->isAncestorOf(status));

    // The first sync sends the clinic's records; then nothing is waiting.
    QTRY_VERIFY_WITH_TIMEOUT(state().link == app::SyncState::Link::Online && !state().syncing, kSyncTimeoutMs);
    QCOMPARE(state().pending, std::int64_t(0));
    QVERIFY2(statusText().startsWith(QStringLiteral("Online · all changes sent · synced")), qPrintable(statusText()));
    shot(m_window->statusBar(), QStringLiteral("status-online"));

    // A new patient waits on this workstation...
    core::Patient p;
    p.familyName = "Lindqvist";
    p.givenName = "Maja";
    p.dateOfBirth = "1990-01-02";
    p.sex = "female";
    const auto created = must(core::PatientStore(*m_workspace->session()).create(p), "patient");
    QTRY_VERIFY_WITH_TIMEOUT(state().pending > 0, 5000);
    QVERIFY2(statusText().contains(QLatin1String("waiting")), qPrintable(statusText()));
    shot(m_window->statusBar(), QStringLiteral("status-pending"));

    // ...until "Sync now" sends it.
    auto* syncNow = status->findChild<QPushButton*>(QStringLiteral("syncNowButton"));
    QVERIFY(syncNow && syncNow->isVisible());
    click(syncNow);
    QTRY_VERIFY_WITH_TIMEOUT(state().pending == 0 && !state().syncing, kSyncTimeoutMs);
    QVERIFY2(statusText().startsWith(QStringLiteral("Online · all changes sent")), qPrintable(statusText()));
    auto other = joinSecondWorkstation();
    QCOMPARE(must(core::PatientStore(*other->session).get(created.id), "on the other desk").familyName,
             std::string("Lindqvist"));

    // The server goes away: the desk is told, in words, that work goes on and nothing is lost.
    m_server->server().stop();
    core::Patient edited = must(core::PatientStore(*m_workspace->session()).get(created.id), "get");
    edited.givenName = "Maja-Lena";
    must(core::PatientStore(*m_workspace->session()).update(edited), "edit while offline");
    pressF9();
    QTRY_VERIFY_WITH_TIMEOUT(state().link == app::SyncState::Link::Offline, kSyncTimeoutMs);
    QVERIFY2(statusText().startsWith(QStringLiteral("Offline — ")), qPrintable(statusText()));
    QVERIFY2(statusText().contains(QLatin1String("sent when the server is back")), qPrintable(statusText()));
    QVERIFY(state().nextAttemptMs > 0);
    shot(m_window->statusBar(), QStringLiteral("status-offline"));

    // It comes back: "Sync now" reaches it again.
    m_server->restart();
    click(syncNow);
    QTRY_VERIFY_WITH_TIMEOUT(state().link == app::SyncState::Link::Online && !state().syncing, kSyncTimeoutMs);
    QCOMPARE(state().pending, std::int64_t(0));

    // Locking stops the worker (and drops its key); unlocking starts it again.
    m_workspace->lock();
    QCOMPARE(state().link, app::SyncState::Link::Paused);
    QVERIFY2(statusText().contains(QLatin1String("locked")), qPrintable(statusText()));
    auto again = m_fixture->clinic().login("admin", kAdminPassword);
    QVERIFY(again);
    m_workspace->open(std::move(again));
    QTRY_VERIFY_WITH_TIMEOUT(state().link == app::SyncState::Link::Online && !state().syncing, kSyncTimeoutMs);
}

void tst_SyncGui::keepTheOtherBooking()
{
    openEnrolledClinic();
    QTRY_VERIFY_WITH_TIMEOUT(state().link == app::SyncState::Link::Online && !state().syncing, kSyncTimeoutMs);
    const std::string mine = makeDoubleBooking();

    pressF9();
    QTRY_VERIFY_WITH_TIMEOUT(state().openConflicts == 1 && !state().syncing, kSyncTimeoutMs);
    auto* conflictsButton = m_window->syncStatus()->findChild<QPushButton*>(QStringLiteral("syncConflictsButton"));
    QTRY_VERIFY(conflictsButton->isVisible());
    QCOMPARE(conflictsButton->text(), QStringLiteral("1 conflict"));
    shot(m_window->statusBar(), QStringLiteral("status-conflicts"));

    app::ConflictsDialog* view = openConflictsView();
    QVERIFY(view);
    QCOMPARE(view->conflictCount(), 1);
    auto* card = view->findChild<QWidget*>(QStringLiteral("conflictCard"));
    QVERIFY(card);
    const QString title = card->findChild<QLabel*>(QStringLiteral("conflictTitle"))->text();
    const QString detail = card->findChild<QLabel*>(QStringLiteral("conflictDetail"))->text();
    QVERIFY2(title.contains(QLatin1String("Rivera, Ana")) && title.contains(QLatin1String("9:00 AM")) &&
                 title.contains(QLatin1String("Avery Adams")),
             qPrintable(title));
    QVERIFY2(detail.contains(QLatin1String("Avery Adams is already booked")) &&
                 detail.contains(QLatin1String("Chen, Wei")),
             qPrintable(detail));
    view->resize(760, 480);
    shot(view, QStringLiteral("conflicts-view"));

    whenModalOpens(QStringLiteral("keepOtherConfirm"),
                   [](QWidget* box) { click(child<QPushButton>(box, QStringLiteral("keepOtherConfirmButton"))); });
    click(card->findChild<QPushButton*>(QStringLiteral("keepOtherButton")));
    QTRY_COMPARE_WITH_TIMEOUT(state().openConflicts, std::int64_t(0), kSyncTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(view->conflictCount(), 0, 5000);
    QVERIFY(view->findChild<QLabel*>(QStringLiteral("conflictsEmpty"))->isVisible());
    QTRY_VERIFY(!conflictsButton->isVisible());
    shot(view, QStringLiteral("conflicts-view-empty"));

    // The refused booking is gone here; both desks end with the same records.
    QVERIFY(!core::AppointmentStore(*m_workspace->session()).get(mine));
    QTRY_VERIFY_WITH_TIMEOUT(state().pending == 0 && !state().syncing, kSyncTimeoutMs);
    must(m_other->sync(), "other desk");
    QCOMPARE(must(core::Replica(*m_workspace->session()).digest(), "digest here"), m_other->digest());
}

void tst_SyncGui::pickAnotherTime()
{
    openEnrolledClinic();
    QTRY_VERIFY_WITH_TIMEOUT(state().link == app::SyncState::Link::Online && !state().syncing, kSyncTimeoutMs);
    const std::string mine = makeDoubleBooking();
    m_workspace->sync().syncNow();
    QTRY_VERIFY_WITH_TIMEOUT(state().openConflicts == 1 && !state().syncing, kSyncTimeoutMs);

    app::ConflictsDialog* view = openConflictsView();
    QVERIFY(view);
    auto* card = view->findChild<QWidget*>(QStringLiteral("conflictCard"));
    QVERIFY(card);
    bool moved = false;
    whenModalOpens(QStringLiteral("moveAppointmentDialog"), [&moved](QWidget* dialog) {
        shot(dialog, QStringLiteral("move-dialog"));
        child<QTimeEdit>(dialog, QStringLiteral("moveTime"))->setTime(QTime(10, 0));
        click(child<QPushButton>(dialog, QStringLiteral("moveAppointmentButton")));
        moved = true;
    });
    click(card->findChild<QPushButton*>(QStringLiteral("pickAnotherTimeButton")));
    QTRY_VERIFY(moved);
    QTRY_COMPARE_WITH_TIMEOUT(state().openConflicts, std::int64_t(0), kSyncTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(state().pending == 0 && !state().syncing, kSyncTimeoutMs);

    // The moved appointment reached the other desk at its new time.
    must(m_other->sync(), "other desk");
    const auto there = must(core::AppointmentStore(*m_other->session).get(mine), "moved appointment there");
    QCOMPARE(there.startLocal, std::string("2025-12-01T10:00"));
    QCOMPARE(must(core::Replica(*m_workspace->session()).digest(), "digest here"), m_other->digest());
}

void tst_SyncGui::joinFromTheWizard()
{
    newClinicAndServer();
    must(m_server->accounts().addUser(m_clinicId, "desk", "Dana Desk", "front_desk", "desk-password-1"), "desk");
    auto first = Workstation::enroll(m_fixture->admin(), m_server->url());
    must(first->sync(), "first workstation");

    QTemporaryDir dir;
    const app::AppConfig config = configFor(dir.filePath(QStringLiteral("joined/clinic.db")));
    QWidget* page =
        fillJoinPage(config.databasePath, m_server->url(), QStringLiteral("desk"), QStringLiteral("wrong-password"));
    QVERIFY(page && page->isVisible());
    QWidget* wizard = page->window();
    shot(wizard, QStringLiteral("wizard-join"));

    // A wrong password is one clear sentence, and nothing is left on disk.
    auto* finish = child<QPushButton>(wizard, QStringLiteral("wizardFinishButton"));
    click(finish);
    auto* error = child<QLabel>(page, QStringLiteral("joinError"));
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), kSyncTimeoutMs);
    QCOMPARE(error->text(), QStringLiteral("The sync server did not accept this user name and password."));
    QVERIFY(!QFileInfo::exists(config.databasePath));
    shot(wizard, QStringLiteral("wizard-join-error"));

    // The front desk's own sign-in registers the workstation, which waits for an administrator's approval:
    // the workstation has joined, and the download waits.
    typeInto(child<QLineEdit>(page, QStringLiteral("joinPassword")), QStringLiteral("desk-password-1"));
    click(finish);
    QTRY_VERIFY_WITH_TIMEOUT(finish->text() == QStringLiteral("&Continue download"), kSyncTimeoutMs);
    QVERIFY(QFileInfo::exists(config.databasePath));
    QVERIFY2(error->text().startsWith(QLatin1String("This workstation is registered and waits for an administrator")),
             qPrintable(error->text()));
    QVERIFY(!child<QLineEdit>(page, QStringLiteral("joinServerUrl"))->isEnabled());
    shot(wizard, QStringLiteral("wizard-join-waiting"));

    // Approved on the server: "Continue download" brings the clinic and opens it.
    auto devices = must(m_server->store().devices(m_clinicId), "devices");
    bool approved = false;
    for (const auto& d : devices)
        if (d.status == sync::DeviceStatus::Pending)
            approved = bool(m_server->accounts().approveDevice(m_clinicId, d.deviceId, "test-admin"));
    QVERIFY(approved);
    click(finish);
    QWidget* main = waitForTopLevel(QStringLiteral("mainWindow"), kSyncTimeoutMs);
    QVERIFY(main);
    app::Workspace& ws = m_controller->workspace();
    QCOMPARE(ws.actor().username, std::string("desk"));
    QCOMPARE(must(core::PatientStore(*ws.session()).count(), "patients"), std::int64_t(5));
    QCOMPARE(ws.clinicName(), QString::fromStdString(must(core::ClinicStore(*ws.session()).get(), "clinic").name));
    QTRY_VERIFY_WITH_TIMEOUT(ws.sync().state().link == app::SyncState::Link::Online && !ws.sync().state().syncing,
                             kSyncTimeoutMs);
    shot(main, QStringLiteral("main-window-joined"));

    // The next sign-in on this workstation works offline, with the key slot the join created.
    m_controller.reset();
    m_server->server().stop();
    QVERIFY(
        core::Vault::unlock(config.databasePath.toStdString(), "desk", "desk-password-1", m_fixture->clinic().clock()));
}

void tst_SyncGui::cancelTheFirstDownloadAndContinue()
{
    // Enough records for three pages of the first download.
    newClinicAndServer();
    core::PatientStore patients(m_fixture->admin());
    core::Transaction bulk(m_fixture->admin().db());
    for (int i = 0; i < 2 * sync::SyncEngine::kPullPage + 100; ++i) {
        core::Patient p;
        p.familyName = "Family" + std::to_string(i);
        p.givenName = "Given";
        p.dateOfBirth = "1970-01-01";
        p.sex = "unknown";
        must(patients.create(p), "patient");
    }
    must(bulk.commit(), "patients");
    auto first = Workstation::enroll(m_fixture->admin(), m_server->url());
    must(first->sync(), "first workstation");
    const auto expected = must(patients.count(), "count");
    SlowPullProxy proxy(m_server->port(), 300);

    QTemporaryDir dir;
    const app::AppConfig config = configFor(dir.filePath(QStringLiteral("clinic.db")));
    QWidget* page =
        fillJoinPage(config.databasePath, proxy.url(), QStringLiteral("admin"), QString::fromLatin1(kAdminPassword));
    QVERIFY(page && page->isVisible());
    QWidget* wizard = page->window();

    // Cancel once the first page has arrived.
    bool cancelled = false;
    whenModalOpens(QStringLiteral("joinProgressDialog"), [&cancelled](QWidget* dialog) {
        auto* progress = qobject_cast<QProgressDialog*>(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(progress->value() > 0, kSyncTimeoutMs);
        shot(dialog, QStringLiteral("join-progress"));
        click(dialog->findChild<QPushButton*>());

        cancelled = true;
    });
    auto* finish = child<QPushButton>(wizard, QStringLiteral("wizardFinishButton"));
    click(finish);
    QTRY_VERIFY_WITH_TIMEOUT(cancelled, kSyncTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(finish->text() == QStringLiteral("&Continue download"), kSyncTimeoutMs);
    auto* info = child<QLabel>(page, QStringLiteral("joinInfo"));
    QVERIFY(info->isVisible());
    QVERIFY2(info->text().startsWith(QLatin1String("The download stopped at ")), qPrintable(info->text()));
    shot(wizard, QStringLiteral("wizard-join-stopped"));

    // What arrived is a usable database: it opens with the new key slot and holds part of the clinic.
    {
        auto partial = core::Vault::unlock(config.databasePath.toStdString(), "admin", kAdminPassword,
                                           m_fixture->clinic().clock());
        QVERIFY(partial);
        const auto count = must(core::PatientStore(**partial).count(), "partial count");
        QVERIFY(count < expected);
        QVERIFY(count > 0);
        // The first download is the server's snapshot: its mark says how far it came (the cursor follows
        // once every record is in).
        auto mark = must(core::Replica(**partial).snapshotMark(), "snapshot mark");
        QVERIFY(mark && !mark->after.empty());
    }

    // Continue download picks up where it stopped and opens the clinic.
    click(finish);
    QWidget* main = waitForTopLevel(QStringLiteral("mainWindow"), kSyncTimeoutMs);
    QVERIFY(main);
    app::Workspace& ws = m_controller->workspace();
    QCOMPARE(must(core::PatientStore(*ws.session()).count(), "patients"), expected);
    QTRY_VERIFY_WITH_TIMEOUT(ws.sync().state().link == app::SyncState::Link::Online && !ws.sync().state().syncing,
                             kSyncTimeoutMs);
    QCOMPARE(must(core::Replica(*ws.session()).digest(), "digest"), first->digest());
}

void tst_SyncGui::connectFromTheStatusBar()
{
    newClinicAndServer();
    openMainWindow();

    QCOMPARE(state().link, app::SyncState::Link::NotConnected);
    QCOMPARE(statusText(), QStringLiteral("Not connected to a sync server"));
    auto* connectButton = m_window->syncStatus()->findChild<QPushButton*>(QStringLiteral("syncConnectButton"));
    QVERIFY(connectButton && connectButton->isVisible());
    shot(m_window->statusBar(), QStringLiteral("status-not-connected"));

    bool wrongTried = false, connected = false;
    whenModalOpens(QStringLiteral("connectServerDialog"), [&](QWidget* dialog) {
        typeInto(child<QLineEdit>(dialog, QStringLiteral("connectServerUrl")), QString::fromStdString(m_server->url()));
        typeInto(child<QLineEdit>(dialog, QStringLiteral("connectPassword")), QStringLiteral("not-my-password"));
        auto* connectNow = child<QPushButton>(dialog, QStringLiteral("connectButton"));
        click(connectNow);
        auto* error = child<QLabel>(dialog, QStringLiteral("connectError"));
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), kSyncTimeoutMs);
        wrongTried = error->text() == QStringLiteral("The sync server did not accept this user name and password.");
        shot(dialog, QStringLiteral("connect-dialog-error"));
        typeInto(child<QLineEdit>(dialog, QStringLiteral("connectPassword")), QString::fromLatin1(kAdminPassword));
        click(connectNow);
        connected = true;
    });
    click(connectButton);
    QTRY_VERIFY_WITH_TIMEOUT(connected, kSyncTimeoutMs);
    QVERIFY(wrongTried);
    QTRY_VERIFY_WITH_TIMEOUT(state().link == app::SyncState::Link::Online && !state().syncing, kSyncTimeoutMs);
    QCOMPARE(state().pending, std::int64_t(0));
    QVERIFY(!connectButton->isVisible());
    QCOMPARE(must(core::Replica(*m_workspace->session()).setting("sync_server"), "server"),
             std::optional<std::string>(m_server->url()));
}

void tst_SyncGui::statusWording()
{
    using Link = app::SyncState::Link;
    app::SyncStatusWidget widget(true);
    widget.resize(900, 24);
    widget.show();
    app::SyncState s;
    s.server = QStringLiteral("https://sync.riverside.example:8443");
    s.link = Link::Online;
    s.syncing = true;
    s.cursor = 12'000;
    s.highestSeq = 250'000;
    widget.showState(s);
    QCOMPARE(widget.text(), QStringLiteral("Downloading the clinic: 4%"));
    shot(&widget, QStringLiteral("status-downloading"));
    s.syncing = false;
    s.link = Link::Stopped;
    const auto notApproved = core::Error::make(core::ErrorCode::DeviceNotApproved, "server");
    s.problem = app::SyncText::error(notApproved);
    s.problemSummary = app::SyncText::summary(notApproved);
    widget.showState(s);
    QCOMPARE(widget.text(),
             QStringLiteral("Sync stopped: this workstation waits for an administrator's approval on the server"));
    QVERIFY(widget.toolTip().contains(s.problem));
    shot(&widget, QStringLiteral("status-stopped"));
    s.link = Link::Offline;
    s.pending = 3;
    s.openConflicts = 2;
    widget.showState(s);
    QCOMPARE(widget.text(), QStringLiteral("Offline — 3 changes kept on this computer, sent when the server is back"));
    QCOMPARE(widget.findChild<QPushButton*>(QStringLiteral("syncConflictsButton"))->text(),
             QStringLiteral("2 conflicts"));
    shot(&widget, QStringLiteral("status-offline-conflicts"));
}

// What the server refuses for want of permission or for a wrong clock reads as such, with the one fix
// that can work: a change of one's own role can only be dropped; a clock ahead says by how much.
void tst_SyncGui::refusedChangesInWords()
{
    openEnrolledClinic();
    QTRY_VERIFY_WITH_TIMEOUT(state().link == app::SyncState::Link::Online && !state().syncing, kSyncTimeoutMs);
    core::Session& s = *m_workspace->session();
    {
        // A tampered workstation's own-role change, past core's checks.
        auto stmt = s.db().prepare("SELECT id FROM user_account WHERE username = 'admin';");
        const std::string row =
            stmt->one<std::string>([](const core::Statement& r) { return r.text(0); }, "user", "admin").value();
        core::Transaction tx(s.db());
        auto hlc = s.journal().stamp();
        QVERIFY(hlc);
        must(s.journal().writeRow("user_account", row, {{"role", std::string("biller")}}, false, *hlc, *hlc), "role");
        must(tx.commit(), "commit");
    }
    pressF9();
    QTRY_VERIFY_WITH_TIMEOUT(state().openConflicts == 1 && !state().syncing, kSyncTimeoutMs);
    m_fixture->clinic().clock().advance(7 * 60'000);
    auto p = must(core::PatientStore(s).get(m_fixture->patients.at(2)), "patient");
    p.phoneMobile = "312-555-0177";
    must(core::PatientStore(s).update(p), "edit");
    pressF9();
    QTRY_VERIFY_WITH_TIMEOUT(state().openConflicts == 2 && !state().syncing, kSyncTimeoutMs);

    app::ConflictsDialog* view = openConflictsView();
    QVERIFY(view);
    QCOMPARE(view->conflictCount(), 2);
    QWidget* ownRole = nullptr;
    QWidget* clock = nullptr;
    for (QWidget* card : view->findChildren<QWidget*>(QStringLiteral("conflictCard"))) {
        const QString title = card->findChild<QLabel*>(QStringLiteral("conflictTitle"))->text();
        if (title.startsWith(QLatin1String("Not allowed")))
            ownRole = card;
        if (title == QLatin1String("This computer's clock is 7 minutes ahead"))
            clock = card;
        qInfo("%s", qPrintable(title));
    }
    QVERIFY(ownRole);
    QVERIFY(clock);
    QVERIFY(ownRole->findChild<QLabel*>(QStringLiteral("conflictDetail"))
                ->text()
                .contains(QLatin1String("Nobody may change the role of their own user account")));
    QVERIFY(!ownRole->findChild<QPushButton*>(QStringLiteral("sendAgainButton")));
    QVERIFY(ownRole->findChild<QPushButton*>(QStringLiteral("takeServerVersionButton")));
    QVERIFY(clock->findChild<QLabel*>(QStringLiteral("conflictDetail"))->text().contains(QLatin1String("7 minutes")));
    QVERIFY(clock->findChild<QPushButton*>(QStringLiteral("sendAgainButton")));
    view->resize(760, 520);
    shot(view, QStringLiteral("conflicts-refused"));

    click(ownRole->findChild<QPushButton*>(QStringLiteral("takeServerVersionButton")));
    QTRY_COMPARE_WITH_TIMEOUT(view->conflictCount(), 1, kSyncTimeoutMs);
    auto role = s.db().prepare("SELECT role FROM user_account WHERE username = 'admin';");
    QCOMPARE(role->one<std::string>([](const core::Statement& r) { return r.text(0); }, "user", "admin").value(),
             std::string("admin"));
}

void tst_SyncGui::invalidAndParkedChangesInWords()
{
    openEnrolledClinic();
    QTRY_VERIFY_WITH_TIMEOUT(state().link == app::SyncState::Link::Online && !state().syncing, kSyncTimeoutMs);
    core::Session& s = *m_workspace->session();
    {
        // A tampered workstation writes a birth date in the future, past core's checks.
        core::Transaction tx(s.db());
        auto hlc = s.journal().stamp();
        QVERIFY(hlc);
        must(s.journal().writeRow("patient", m_fixture->patients.at(1), {{"date_of_birth", std::string("2099-01-01")}},
                                  false, *hlc, *hlc),
             "birth date");
        must(tx.commit(), "commit");
    }
    pressF9();
    QTRY_VERIFY_WITH_TIMEOUT(state().openConflicts == 1 && !state().syncing, kSyncTimeoutMs);
    app::ConflictsDialog* view = openConflictsView();
    QVERIFY(view);
    QWidget* card = view->findChild<QWidget*>(QStringLiteral("conflictCard"));
    QVERIFY(card);
    QCOMPARE(card->findChild<QLabel*>(QStringLiteral("conflictTitle"))->text(),
             QStringLiteral("The server refused a patient record: date of birth"));
    const QString detail = card->findChild<QLabel*>(QStringLiteral("conflictDetail"))->text();
    QVERIFY2(detail.startsWith(QLatin1String("The date of birth must not be in the future.")), qPrintable(detail));
    QVERIFY(card->findChild<QPushButton*>(QStringLiteral("sendAgainButton")));
    view->close();

    // A change pulled from an older server that did not check it: parked here, and shown.
    const std::int64_t cursor = must(core::Replica(s).status(), "status").cursor;
    core::SyncChange pulled;
    pulled.id = core::uuidV7(m_fixture->clinic().clock().nowMs());
    pulled.entity = "appointment_type";
    pulled.rowId = core::uuidV7(m_fixture->clinic().clock().nowMs());
    pulled.hlc = must(s.journal().stamp(), "stamp");
    pulled.seq = cursor;
    pulled.author = "desk";
    pulled.fields = {{"name", std::string("Marathon")},
                     {"default_minutes", std::string("900")},
                     {"color", std::string("#123456")},
                     {"allow_overbook", std::string("0")},
                     {"active", std::string("1")}};
    must(core::Replica(s).applyPulled({pulled}, cursor), "pull");
    pressF9();
    auto* parkedButton = m_window->syncStatus()->findChild<QPushButton*>(QStringLiteral("syncParkedButton"));
    QVERIFY(parkedButton);
    QTRY_VERIFY_WITH_TIMEOUT(parkedButton->isVisible() && !state().syncing, kSyncTimeoutMs);
    QCOMPARE(parkedButton->text(), QStringLiteral("1 not merged"));
    QTRY_VERIFY(parkedButton->width() > 20); // laid out in the status bar
    QSignalSpy asked(m_window->syncStatus(), &app::SyncStatusWidget::parkedRequested);
    click(parkedButton);
    QCOMPARE(asked.count(), 1);

    auto* parked = qobject_cast<app::ParkedChangesDialog*>(waitForTopLevel(QStringLiteral("parkedChangesView")));
    QVERIFY(parked);
    QCOMPARE(parked->parkedCount(), 1);
    auto* list = parked->findChild<QTreeWidget*>(QStringLiteral("parkedList"));
    QCOMPARE(list->topLevelItem(0)->text(1), QStringLiteral("appointment type"));
    QCOMPARE(list->topLevelItem(0)->text(2), QStringLiteral("desk"));
    QVERIFY2(list->topLevelItem(0)->text(3).startsWith(QLatin1String("The default minutes must be from 5 to 480.")),
             qPrintable(list->topLevelItem(0)->text(3)));
    shot(parked, QStringLiteral("parked-changes"));
    shot(m_window->statusBar(), QStringLiteral("status-parked"));
}

// Another desk merged a duplicate patient while this desk, not yet synced, booked the duplicate: the
// server moves the booking to the survivor, and this desk says so in the status bar.
void tst_SyncGui::redirectedBookingIsSaid()
{
    openEnrolledClinic();
    QTRY_VERIFY_WITH_TIMEOUT(state().link == app::SyncState::Link::Online && !state().syncing, kSyncTimeoutMs);
    m_other = joinSecondWorkstation();
    const std::string survivor = m_fixture->patients[0];
    const std::string duplicate = m_fixture->patients[1];
    must(core::PatientStore(*m_other->session).merge(survivor, duplicate), "merge on the other desk");
    must(m_other->sync(), "other desk's sync");

    auto booked =
        must(core::AppointmentStore(*m_workspace->session())
                 .book(m_fixture->appointment(1, m_fixture->providerA, "2025-12-02 10:00", m_fixture->followUp)),
             "book the duplicate here");
    pressF9();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->statusBar()->currentMessage().contains(QLatin1String("surviving record")),
                             kSyncTimeoutMs);
    QVERIFY2(m_window->statusBar()->currentMessage() ==
                 QLatin1String("1 change moved to a merged patient's surviving record"),
             qPrintable(m_window->statusBar()->currentMessage()));
    shot(m_window->statusBar(), QStringLiteral("status-redirected"));
    QTRY_VERIFY_WITH_TIMEOUT(!state().syncing, kSyncTimeoutMs);
    QCOMPARE(must(core::AppointmentStore(*m_workspace->session()).get(booked.id), "booking").patientId, survivor);
}

// A user deactivated on another workstation: this desk's next sync removes their slot and rotates its
// data key under the open window, which locks; the admin signs in again under the new key, the
// deactivated user is told they are deactivated.
void tst_SyncGui::deactivationElsewhereLocksThisDesk()
{
    openEnrolledClinic();
    QTRY_VERIFY_WITH_TIMEOUT(state().link == app::SyncState::Link::Online && !state().syncing, kSyncTimeoutMs);
    must(core::UserStore(*m_workspace->session())
             .add("desk", "Dana Desk", core::Role::FrontDesk, "desk-password-1", core::KdfCost::minimal()),
         "desk user");
    pressF9();
    QTRY_VERIFY_WITH_TIMEOUT(state().pending == 0 && !state().syncing, kSyncTimeoutMs);
    m_other = joinSecondWorkstation();
    // The other desk knows the user once this desk's push reached the server (the pending count on this
    // desk's status bar can lag the new user under load).
    QTRY_VERIFY_WITH_TIMEOUT(
        (m_other->sync(), core::UserStore::findByUsername(m_other->session->db(), "desk").has_value()), kSyncTimeoutMs);
    must(core::UserStore(*m_other->session).deactivate("desk"), "deactivate on the other desk");
    must(m_other->sync(), "other desk");

    QVERIFY(!m_workspace->isLocked());
    pressF9();
    QTRY_VERIFY_WITH_TIMEOUT(m_workspace->isLocked(), kSyncTimeoutMs);
    // The lock screen says why it locked.
    QTRY_VERIFY(child<QLabel>(m_window.get(), QStringLiteral("lockReason"))->isVisible());
    shot(m_window.get(), QStringLiteral("locked-after-deactivation"));
    const std::string path = m_fixture->clinic().path();
    auto& clock = m_fixture->clinic().clock();
    auto refused = failureOf(core::Vault::unlock(path, "desk", "desk-password-1", clock));
    QCOMPARE(refused.code, core::ErrorCode::WrongPassword);
    QCOMPARE(refused.rule(), std::optional(core::Rule::AccountDeactivated));
    auto admin = core::Vault::unlock(path, "admin", kAdminPassword, clock);
    QVERIFY2(admin, admin ? "" : words::errorSentence(admin.error()).c_str());
    QVERIFY(core::UserStore(**admin).list());
}

// A note drafted in the exam room is signed from the office while the exam room adds to the plan: the
// server refuses the late edit, and the conflicts view turns it into an addendum for the doctor to sign.
void tst_SyncGui::signedElsewhereBecomesAnAddendum()
{
    newClinicAndServer();
    const char* password = "doctor-password-1";
    must(core::UserStore(m_fixture->admin())
             .add("dr.adams", "Avery Adams", core::Role::Clinician, password, core::KdfCost::minimal()),
         "clinician");
    must(Workstation::enroll(m_fixture->admin(), m_server->url())->sync(), "the clinic's first sync");
    auto& clock = m_fixture->clinic().clock();
    QTemporaryDir dir;
    auto joinAsDoctor = [&](const QString& name) {
        auto ws = Workstation::join(m_server->url(), dir.filePath(name).toStdString(), m_clinicId, clock, "dr.adams",
                                    password);
        (void)ws->sync(); // asks for approval
        must(m_server->accounts().approveDevice(m_clinicId, ws->session->deviceId(), "admin"), "approve");
        must(ws->sync(), "first sync");
        return ws;
    };
    const QString examPath = dir.filePath(QStringLiteral("exam.db"));
    auto exam = joinAsDoctor(QStringLiteral("exam.db"));
    auto office = joinAsDoctor(QStringLiteral("office.db"));

    // The exam room is this GUI, signed in as the doctor.
    exam->engine.reset();
    std::unique_ptr<core::Session> session = std::move(exam->ownSession);
    exam.reset();
    m_workspace = std::make_unique<app::Workspace>(configFor(examPath));
    m_workspace->open(std::move(session));
    m_window = std::make_unique<app::MainWindow>(*m_workspace);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTRY_VERIFY_WITH_TIMEOUT(state().link == app::SyncState::Link::Online && !state().syncing, kSyncTimeoutMs);

    core::Session& s = *m_workspace->session();
    auto visit = must(core::EncounterStore(s).startWalkIn(m_fixture->patients[0], m_fixture->providerA.id, "acute",
                                                          std::string("sore throat")),
                      "visit");
    auto note = must(core::NoteStore(s).startNote(visit.id), "note");
    m_workspace->sync().syncNow();
    // The office has the draft once the exam room's push reached the server (the status bar's pending
    // count may not have caught up with the new note yet, so ask the office itself).
    QTRY_VERIFY_WITH_TIMEOUT((office->sync(), core::NoteStore(*office->session).get(note.id).has_value()),
                             kSyncTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!state().syncing, kSyncTimeoutMs);

    // The exam room writes the plan; before it is sent, the note is signed from the office.
    note.plan = "Rapid strep negative; fluids and rest.";
    must(core::NoteStore(s).saveDraft(note), "plan in the exam room");
    must(core::NoteStore(*office->session).sign(note.id), "sign in the office");
    must(office->sync(), "office pushes the signature");
    m_workspace->sync().syncNow();
    QTRY_VERIFY_WITH_TIMEOUT(state().openConflicts == 1 && !state().syncing, kSyncTimeoutMs);

    app::ConflictsDialog* view = openConflictsView();
    QVERIFY(view);
    auto* card = view->findChild<QWidget*>(QStringLiteral("conflictCard"));
    QVERIFY(card);
    QCOMPARE(card->findChild<QLabel*>(QStringLiteral("conflictTitle"))->text(),
             QStringLiteral("The note was signed before this edit arrived"));
    auto* addendum = card->findChild<QPushButton*>(QStringLiteral("makeAddendumButton"));
    QVERIFY(addendum && addendum->isEnabled());
    shot(view, QStringLiteral("conflict-signed-note"));
    click(addendum);
    QTRY_VERIFY_WITH_TIMEOUT(state().openConflicts == 0 && !state().syncing, kSyncTimeoutMs);
    QTRY_COMPARE(view->conflictCount(), 0);

    // The signed note is as it was signed; the plan waits in the doctor's queue as an addendum to sign.
    auto signedNote = must(core::NoteStore(s).get(note.id), "signed note");
    QVERIFY(signedNote.isSigned() && core::NoteStore::contentIntact(signedNote));
    QVERIFY(signedNote.plan != note.plan);
    auto queue = must(core::NoteStore(s).unsignedBy(s.actor().userId), "queue");
    QCOMPARE(queue.size(), std::size_t(1));
    QCOMPARE(queue[0].kind, std::string("addendum"));
    QCOMPARE(*queue[0].addendumTo, note.id);
    QCOMPARE(*queue[0].body, std::string("Plan: Rapid strep negative; fluids and rest."));
}

QTEST_MAIN(tst_SyncGui)
#include "tst_sync_gui.moc"
