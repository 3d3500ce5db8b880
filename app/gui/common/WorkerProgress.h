// Runs a worker thread to its end behind a progress dialog, keeping the GUI responsive: the dialog
// shows, the poll timer refreshes it, and the call returns once the thread has finished.
#pragma once

class QProgressDialog;
class QThread;
class QTimer;

namespace practica::app {

void runBehindDialog(QThread& worker, QTimer& poll, QProgressDialog& dialog);

} // namespace practica::app
