// Helpers that drive the real GUI the way a person does: find widgets by objectName, type, click, answer dialogs.
#pragma once

#include <QApplication>
#include <QString>
#include <QWidget>
#include <functional>

class QLineEdit;

namespace practica::test {

// The visible top-level window with that objectName, or nullptr.
QWidget* topLevel(const QString& objectName);
// Waits up to timeoutMs for the top-level window to appear.
QWidget* waitForTopLevel(const QString& objectName, int timeoutMs = 5000);

template <class T> T* child(const QWidget* root, const QString& objectName)
{
    return root ? root->findChild<T*>(objectName) : nullptr;
}

// Clears the line edit and types text into it key by key, then leaves it with Tab so editingFinished fires.
void typeInto(QLineEdit* edit, const QString& text, bool leave = true);
void click(QWidget* button);

// When a modal dialog with this objectName opens (within timeoutMs), runs action on it. Call before the
// click that opens it: exec() would block the test otherwise.
void whenModalOpens(const QString& objectName, std::function<void(QWidget*)> action, int timeoutMs = 10000);

// Saves the window that holds widget as <PRACTICA_SCREENSHOT_DIR>/<name>.png when that variable is set.
void screenshot(QWidget* widget, const QString& name);

} // namespace practica::test
