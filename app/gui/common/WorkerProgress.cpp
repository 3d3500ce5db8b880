#include "WorkerProgress.h"

#include <QEventLoop>
#include <QProgressDialog>
#include <QThread>
#include <QTimer>

namespace practica::app {

void runBehindDialog(QThread& worker, QTimer& poll, QProgressDialog& dialog)
{
    QEventLoop loop;
    QObject::connect(&worker, &QThread::finished, &loop, &QEventLoop::quit);
    worker.start();
    poll.start();
    dialog.show();
    loop.exec();
    worker.wait();
    poll.stop();
    dialog.hide();
}

} // namespace practica::app
