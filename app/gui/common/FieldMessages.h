// Inline validation: ties core's field names to input widgets and the message label shown under each.
#pragma once

#include "core/Error.h"

#include <QHash>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <vector>

class QLabel;
class QWidget;

namespace practica::app {

class FieldMessages
{
public:
    void add(const QString& field, QWidget* input, QLabel* message);
    // Shows each error under its field (only for fields in `shown`, when given) and clears the rest.
    // Returns the errors that name no known field.
    std::vector<core::Error> show(const std::vector<core::Error>& errors, const QSet<QString>* shown = nullptr);
    void clear();
    // The input of the first field (in the order added) that shows a message, or nullptr.
    QWidget* firstInvalidInput() const;
    bool hasField(const QString& field) const { return m_index.contains(field); }
    QStringList fields() const;

private:
    struct Entry
    {
        QString field;
        QPointer<QWidget> input;
        QPointer<QLabel> message;
    };
    void setMessage(Entry& entry, const QString& text);
    std::vector<Entry> m_entries;
    QHash<QString, int> m_index;
};

} // namespace practica::app
