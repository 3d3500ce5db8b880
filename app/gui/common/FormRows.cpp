#include "FormRows.h"

#include "FieldMessages.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace practica::app {

QLabel* FormRows::messageLabel(const QWidget* input, QWidget* parent)
{
    auto* message = new QLabel(parent);
    message->setObjectName(input->objectName() + QStringLiteral("Message"));
    message->setProperty("role", QStringLiteral("fieldMessage"));
    message->setWordWrap(true);
    message->hide();
    return message;
}

QLabel* FormRows::add(const QString& label, QWidget* input, const QString& field)
{
    auto* cell = new QWidget;
    auto* box = new QVBoxLayout(cell);
    box->setContentsMargins(0, 0, 0, 0);
    box->setSpacing(2);
    box->addWidget(input);
    QLabel* message = messageLabel(input, cell);
    box->addWidget(message);
    auto* caption = new QLabel(label);
    caption->setBuddy(input);
    // Top-aligned rows keep the caption beside its input when a message opens underneath.
    caption->setMinimumHeight(input->sizeHint().height());
    caption->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_layout->addRow(caption, cell);
    if (m_messages && !field.isEmpty())
        m_messages->add(field, input, message);
    return message;
}

QFormLayout* FormRows::newFormLayout(QWidget* parent)
{
    auto* form = new QFormLayout(parent);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->setHorizontalSpacing(12);
    form->setVerticalSpacing(6);
    return form;
}

QLineEdit* FormRows::lineEdit(const QString& objectName, const QString& placeholder, QWidget* parent)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(false);
    return edit;
}

void FormRows::upperCase(QLineEdit* edit)
{
    QObject::connect(edit, &QLineEdit::textEdited, edit, [edit](const QString& text) {
        const QString upper = text.toUpper();
        if (upper != text) {
            const int cursor = edit->cursorPosition();
            edit->setText(upper);
            edit->setCursorPosition(cursor);
        }
    });
}

QComboBox* FormRows::combo(const QString& objectName, QWidget* parent)
{
    auto* box = new QComboBox(parent);
    box->setObjectName(objectName);
    box->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    return box;
}

} // namespace practica::app
