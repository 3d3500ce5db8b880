// practica: the clinic's desktop application. Everything lives in practica_gui; this only reads the options.
#include "app/gui/shell/AppController.h"
#include "app/gui/shell/Theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <sys/resource.h>

int main(int argc, char* argv[])
{
    // Decrypted records must never land in a core dump.
    const rlimit noCore{0, 0};
    setrlimit(RLIMIT_CORE, &noCore);

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("practica"));
    QApplication::setApplicationDisplayName(QStringLiteral("Practica"));
    QApplication::setApplicationVersion(QStringLiteral(PRACTICA_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("practica"));
    practica::app::initResources();

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Practice management for outpatient clinics."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption db(
        QStringLiteral("db"),
        QApplication::translate("main", "Use the clinic database at <path> (or set PRACTICA_DB)."),
        QApplication::translate("main", "path"));
    const QCommandLineOption idle(QStringLiteral("idle-lock-minutes"),
                                  QApplication::translate("main", "Lock after <minutes> without input (default 10)."),
                                  QApplication::translate("main", "minutes"), QStringLiteral("10"));
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  QApplication::translate("main", "Use the <language> translation, e.g. es."),
                                  QApplication::translate("main", "language"));
    parser.addOptions({db, idle, lang});
    parser.process(app);

    practica::app::installTranslations(app, parser.value(lang));
    practica::app::Theme::apply(app);

    practica::app::AppConfig config;
    config.databasePath = practica::app::resolveDatabasePath(parser.value(db));
    config.idleLockMs = std::max(1, parser.value(idle).toInt()) * 60 * 1000;

    practica::app::AppController controller(config);
    QObject::connect(&controller, &practica::app::AppController::finished, &app, &QApplication::quit,
                     Qt::QueuedConnection);
    controller.start();
    return app.exec();
}
