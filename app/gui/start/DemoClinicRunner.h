// Builds the demo clinic on a worker thread behind a progress dialog with Cancel; the GUI stays responsive.
#pragma once

#include "core/demo/DemoClinic.h"

#include <QCoreApplication>

class QWidget;

namespace practica::app {

class DemoClinicRunner
{
    Q_DECLARE_TR_FUNCTIONS(DemoClinicRunner)

public:
    // Returns when the clinic is built, failed or was cancelled (then ok() is false and cancelled() true).
    static core::Result<core::DemoClinic> run(QWidget* parent, const std::string& databasePath,
                                              core::DemoOptions options, const core::Clock& clock, bool* cancelled);
};

} // namespace practica::app
