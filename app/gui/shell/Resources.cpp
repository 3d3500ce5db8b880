// Resource and translation set-up. Q_INIT_RESOURCE must be called outside any namespace.
#include "Theme.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

static void initPracticaResources()
{
    Q_INIT_RESOURCE(practica);
}

namespace practica::app {

void initResources()
{
    initPracticaResources();
}

void installTranslations(QApplication& app, const QString& language)
{
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    auto* qtBase = new QTranslator(&app);
    if (qtBase->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qtBase);
    auto* ours = new QTranslator(&app);
    // English is the source language, but its plural forms ("1 patient", "2 patients") live in practica_en.
    if (ours->load(locale, QStringLiteral("practica"), QStringLiteral("_"), QStringLiteral(":/i18n")) ||
        ours->load(QStringLiteral(":/i18n/practica_en.qm")))
        QApplication::installTranslator(ours);
    if (locale.language() != QLocale::English)
        QLocale::setDefault(locale);
}

} // namespace practica::app
