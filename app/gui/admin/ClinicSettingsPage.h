// Administrators edit the clinic's name, identifiers, address and time zone, and whose sign-ins need a
// second step.
#pragma once

#include <QWidget>

class QComboBox;
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
    QComboBox* m_secondFactor;
    QLabel* m_message;
};

} // namespace practica::app
