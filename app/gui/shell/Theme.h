// The application's look: Fusion with a calm clinical palette and one stylesheet, so every screen matches.
#pragma once

class QApplication;
class QString;

namespace practica::app {

class Theme
{
public:
    static void apply(QApplication& app);
    static const char* accent() { return "#0f766e"; }
};

// Loads the embedded resources (icons, translations) of the static library; call once from main().
void initResources();
// Installs the translation for the system locale (or `language`, e.g. "es"), if one is embedded.
void installTranslations(QApplication& app, const QString& language);

} // namespace practica::app
