// The changes the sync server refused, one card each in the clinic's words, with the fixes that fit: for a
// double booking "Pick another time" (move it, then send it again) or "Keep the other booking"; otherwise
// "Send again" or "Take the server's version". Resolutions run on the sync worker (they may need the network).
#pragma once

#include <QDialog>
#include <QHash>

class QLabel;
class QVBoxLayout;
class QWidget;

namespace practica::app {

struct ConflictSummary;
struct SyncState;
class Workspace;

class ConflictsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ConflictsDialog(Workspace& workspace, QWidget* parent = nullptr);

    // Reads the open conflicts again from this workstation's database.
    void reload();
    int conflictCount() const { return static_cast<int>(m_cards.size()); }

private:
    QWidget* card(const ConflictSummary& summary);
    void pickAnotherTime(const ConflictSummary& summary);
    void keepOther(const ConflictSummary& summary);
    void resolve(const QString& conflictId, bool retry, const QString& working);
    void resolved(const QString& conflictId, const QString& error);
    void stateChanged(const SyncState& state);
    void setBusy(const QString& conflictId, const QString& text);

    Workspace& m_workspace;
    QLabel* m_intro;
    QLabel* m_empty;
    QLabel* m_error;
    QVBoxLayout* m_list;
    QHash<QString, QWidget*> m_cards;
    qint64 m_shownCount = -1;
};

} // namespace practica::app
