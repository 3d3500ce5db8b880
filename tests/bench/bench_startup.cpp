// Time from launch to a usable main window on a clinic of N patients, with the key derivation reported
// on its own. Drives the real practica GUI (offscreen unless QT_QPA_PLATFORM says otherwise).
// Usage: bench_startup [--patients N] [--db PATH]
#include "BenchUtil.h"
#include "app/gui/shell/AppController.h"
#include "app/gui/shell/MainWindow.h"
#include "app/gui/shell/Theme.h"
#include "core/crypto/KeyFile.h"
#include "core/demo/DemoClinic.h"
#include "words/ErrorWords.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

using namespace practica;

namespace {
constexpr const char* kPassword = "bench-admin-1";

template <class Predicate> bool waitFor(Predicate done, int timeoutMs = 60000)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

template <class T> T* findVisible(const char* name)
{
    for (QWidget* top : QApplication::topLevelWidgets())
        if (auto* w = top->findChild<T*>(QString::fromLatin1(name)); w && w->isVisible())
            return w;
    return nullptr;
}

// Milliseconds from the kernel starting this process to now (dynamic loading, static initialisers).
double msSinceProcessStart()
{
    std::ifstream statFile("/proc/self/stat");
    std::string stat((std::istreambuf_iterator<char>(statFile)), std::istreambuf_iterator<char>());
    std::istringstream fields(stat.substr(stat.rfind(')') + 2));
    std::string field;
    unsigned long long startTicks = 0;
    for (int i = 3; i <= 22 && fields >> field; ++i)
        if (i == 22)
            startTicks = std::stoull(field);
    std::ifstream uptimeFile("/proc/uptime");
    double uptime = 0;
    uptimeFile >> uptime;
    return (uptime - static_cast<double>(startTicks) / static_cast<double>(::sysconf(_SC_CLK_TCK))) * 1000.0;
}
} // namespace

int main(int argc, char** argv)
{
    const double beforeMainMs = msSinceProcessStart();
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const int patients = std::stoi(bench::option(argc, argv, "--patients", "100000"));
    const std::string db = bench::option(
        argc, argv, "--db",
        (std::filesystem::temp_directory_path() / ("practica-bench-startup-" + std::to_string(patients) + ".db"))
            .string());
    if (!std::filesystem::exists(db)) {
        std::fprintf(stderr, "generating %d patients into %s ...\n", patients, db.c_str());
        core::SystemClock clock;
        core::DemoOptions options;
        options.patients = patients;
        options.seed = 11;
        options.adminPassword = kPassword; // the standard (production) key derivation cost
        if (auto clinic = core::createDemoClinic(db, options, clock); !clinic) {
            std::fprintf(stderr, "demo generation failed: %s\n", words::errorSentence(clinic.error()).c_str());
            return 1;
        }
        std::fprintf(stderr, "generated\n");
    }

    const auto appStart = std::chrono::steady_clock::now();
    QApplication app(argc, argv);
    app::initResources();
    app::Theme::apply(app);
    app::AppConfig config;
    config.databasePath = QString::fromStdString(db);
    app::AppController controller(config);
    controller.start();
    if (!waitFor([] { return findVisible<QLineEdit>("loginPassword") != nullptr; })) {
        std::fprintf(stderr, "the sign-in never appeared\n");
        return 1;
    }
    const double qtMs = bench::msSince(appStart);
    const double loginShownMs = beforeMainMs + qtMs;

    findVisible<QLineEdit>("loginUsername")->setText(QStringLiteral("admin"));
    findVisible<QLineEdit>("loginPassword")->setText(QString::fromLatin1(kPassword));
    const auto signIn = std::chrono::steady_clock::now();
    findVisible<QPushButton>("loginButton")->click();
    if (!waitFor([] {
            auto* search = findVisible<QLineEdit>("patientSearch");
            return search && search->isEnabled();
        })) {
        std::fprintf(stderr, "the main window never appeared\n");
        return 1;
    }
    const double signInMs = bench::msSince(signIn);

    auto* search = findVisible<QLineEdit>("patientSearch");
    auto* results = findVisible<QTableView>("patientResults");
    const auto typed = std::chrono::steady_clock::now();
    search->setText(QStringLiteral("smi jo"));
    if (!waitFor([&] { return results->model() && results->model()->rowCount() > 0; })) {
        std::fprintf(stderr, "the search never answered\n");
        return 1;
    }
    const double searchMs = bench::msSince(typed);

    // The key derivation alone, as sign-in does it (Argon2id at the slot's cost, then unsealing).
    double kdfMs = 0;
    {
        auto keys = core::KeyFile::load(core::KeyFile::pathFor(db));
        const auto start = std::chrono::steady_clock::now();
        auto unlocked = keys ? keys->unlock("admin", kPassword, core::SystemClock().nowMs())
                             : core::Result<core::UnlockedKeys>(std::unexpected(keys.error()));
        kdfMs = bench::msSince(start);
        if (!unlocked) {
            std::fprintf(stderr, "cannot unlock: %s\n", words::errorSentence(unlocked.error()).c_str());
            return 1;
        }
    }

    std::printf("patients: %d, database: %s\n\n", patients, db.c_str());
    const std::vector<int> widths = {52, 10};
    bench::printHeader({"step", "ms"}, widths);
    bench::printRow({"launch to sign-in window shown", bench::fixed(loginShownMs, 1)}, widths);
    bench::printRow({"  process start to main (loading, 10 ms resolution)", bench::fixed(beforeMainMs, 1)}, widths);
    bench::printRow({"  QApplication, theme and sign-in window", bench::fixed(qtMs, 1)}, widths);
    bench::printRow({"sign-in to usable main window", bench::fixed(signInMs, 1)}, widths);
    bench::printRow({"  key derivation alone (Argon2id, measured apart)", bench::fixed(kdfMs, 1)}, widths);
    bench::printRow({"  the rest: open, migrate, audit, build window", bench::fixed(signInMs - kdfMs, 1)}, widths);
    bench::printRow({"launch to usable main window (without typing)", bench::fixed(loginShownMs + signInMs, 1)},
                    widths);
    bench::printRow({"first search \"smi jo\" incl. 150 ms debounce", bench::fixed(searchMs, 1)}, widths);
    return 0;
}
