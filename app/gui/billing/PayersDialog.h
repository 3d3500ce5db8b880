// The payers the clinic bills, as a biller sees them: each with its payer id, what its claims say it is
// and its timely filing window; a payer added or changed in the payer dialog.
#pragma once

#include "core/model/Coverage.h"

#include <QDialog>
#include <vector>

class QTableWidget;

namespace practica::app {

class Workspace;

class PayersDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PayersDialog(Workspace& workspace, QWidget* parent = nullptr);
    QTableWidget* table() const { return m_table; }
    void editRow(int row);

private:
    void refresh();

    Workspace& m_workspace;
    QTableWidget* m_table;
    std::vector<core::Payer> m_payers;
};

} // namespace practica::app
