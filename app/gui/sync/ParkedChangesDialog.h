// The changes received from the sync server that this workstation could not merge (parked), one row each:
// when, which record, who made it on which workstation, and why in the clinic's words. Nothing here is
// lost: parked changes that wait for a record are tried again at every sync, the others when Practica is
// updated or the record is corrected.
#pragma once

#include <QDialog>

class QLabel;
class QTreeWidget;

namespace practica::app {

class Workspace;

class ParkedChangesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ParkedChangesDialog(Workspace& workspace, QWidget* parent = nullptr);

    // Reads the parked changes again from this workstation's database.
    void reload();
    int parkedCount() const;

private:
    Workspace& m_workspace;
    QLabel* m_summary;
    QTreeWidget* m_list;
    QLabel* m_detail;
};

} // namespace practica::app
