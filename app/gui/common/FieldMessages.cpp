#include "FieldMessages.h"

#include "UiText.h"

#include <QLabel>
#include <QSet>
#include <QStyle>
#include <QWidget>

namespace practica::app {

void FieldMessages::add(const QString& field, QWidget* input, QLabel* message)
{
    m_index.insert(field, static_cast<int>(m_entries.size()));
    m_entries.push_back({field, input, message});
    message->hide();
}

void FieldMessages::setMessage(Entry& entry, const QString& text)
{
    if (entry.message) {
        entry.message->setText(text);
        entry.message->setVisible(!text.isEmpty());
    }
    if (entry.input) {
        // The stylesheet draws a red border on [invalid="true"]; re-polish so the change shows.
        entry.input->setProperty("invalid", !text.isEmpty());
        entry.input->style()->unpolish(entry.input);
        entry.input->style()->polish(entry.input);
        entry.input->setAccessibleDescription(text);
    }
}

std::vector<core::Error> FieldMessages::show(const std::vector<core::Error>& errors, const QSet<QString>* shown)
{
    QHash<int, QString> texts;
    std::vector<core::Error> unplaced;
    for (const core::Error& e : errors) {
        const QString field = qs(e.field);
        const auto it = m_index.constFind(field);
        if (it == m_index.constEnd()) {
            unplaced.push_back(e);
            continue;
        }
        if (shown && !shown->contains(field))
            continue;
        if (!texts.contains(*it))
            texts.insert(*it, e.code == core::ErrorCode::Validation ? UiText::validation(e) : UiText::error(e));
    }
    for (int i = 0; i < static_cast<int>(m_entries.size()); ++i)
        setMessage(m_entries[static_cast<std::size_t>(i)], texts.value(i));
    return unplaced;
}

void FieldMessages::clear()
{
    for (Entry& e : m_entries)
        setMessage(e, {});
}

QStringList FieldMessages::fields() const
{
    QStringList names;
    for (const Entry& e : m_entries)
        names << e.field;
    return names;
}

QWidget* FieldMessages::firstInvalidInput() const
{
    for (const Entry& e : m_entries)
        if (e.message && !e.message->text().isEmpty() && e.input)
            return e.input;
    return nullptr;
}

} // namespace practica::app
