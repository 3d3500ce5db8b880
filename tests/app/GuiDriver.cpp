#include "GuiDriver.h"

#include <QAbstractButton>
#include <QDir>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QPixmap>
#include <QTest>
#include <QTimer>
#include <memory>

namespace practica::test {

QWidget* topLevel(const QString& objectName)
{
    for (QWidget* w : QApplication::topLevelWidgets())
        if (w->objectName() == objectName && w->isVisible())
            return w;
    return nullptr;
}

QWidget* waitForTopLevel(const QString& objectName, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (QWidget* w = topLevel(objectName))
            return w;
        QTest::qWait(20);
    }
    return topLevel(objectName);
}

void typeInto(QLineEdit* edit, const QString& text, bool leave)
{
    if (!edit)
        return;
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
    if (leave)
        Q_EMIT edit->editingFinished(); // what leaving the field does; focus changes are unreliable offscreen
}

void click(QWidget* button)
{
    if (button)
        QTest::mouseClick(button, Qt::LeftButton, {}, button->rect().center());
}

void whenModalOpens(const QString& objectName, std::function<void(QWidget*)> action, int timeoutMs)
{
    auto* poll = new QTimer;
    poll->setInterval(20);
    auto elapsed = std::make_shared<QElapsedTimer>();
    elapsed->start();
    QObject::connect(poll, &QTimer::timeout, poll, [poll, objectName, action, timeoutMs, elapsed] {
        QWidget* modal = QApplication::activeModalWidget();
        const bool found = modal && modal->objectName() == objectName && modal->isVisible();
        if (!found && elapsed->elapsed() < timeoutMs)
            return;
        poll->stop();
        poll->deleteLater();
        if (found)
            action(modal);
    });
    poll->start();
}

void screenshot(QWidget* widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("PRACTICA_SCREENSHOT_DIR");
    if (dir.isEmpty() || !widget)
        return;
    QDir().mkpath(dir);
    QTest::qWait(50);
    widget->window()->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

} // namespace practica::test
