// Small builders for the forms: labelled rows with an inline message under the input, and named inputs.
#pragma once

#include <QString>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QWidget;

namespace practica::app {

class FieldMessages;

class FormRows
{
public:
    FormRows(QFormLayout* layout, FieldMessages* messages) : m_layout(layout), m_messages(messages) {}

    // Adds "label: input" with a message label under the input; `field` is core's field name (may be empty).
    QLabel* add(const QString& label, QWidget* input, const QString& field = {});

    static QFormLayout* newFormLayout(QWidget* parent = nullptr);
    static QLineEdit* lineEdit(const QString& objectName, const QString& placeholder = {}, QWidget* parent = nullptr);
    static QComboBox* combo(const QString& objectName, QWidget* parent = nullptr);
    // Upper-cases as the user types (state codes, MRN prefixes).
    static void upperCase(QLineEdit* edit);
    // A label for the message under a field; objectName is the input's plus "Message".
    static QLabel* messageLabel(const QWidget* input, QWidget* parent = nullptr);

private:
    QFormLayout* m_layout;
    FieldMessages* m_messages;
};

} // namespace practica::app
