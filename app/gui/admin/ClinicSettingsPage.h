// Administrators edit the clinic's name, identifiers, address and time zone.
#pragma once

#include <QWidget>

class QLabel;

namespace practica::app {

class ClinicForm;
class Workspace;

class ClinicSettingsPage : public QWidget
{
    Q_OBJECT

public:
    explicit ClinicSettingsPage(Workspace& workspace, QWidget* parent = nullptr);
    void refresh();

private:
    void save();
    void showResult(const QString& text, bool error);
    Workspace& m_workspace;
    ClinicForm* m_form;
    QLabel* m_message;
};

} // namespace practica::app
