// Shows the demo clinic's sign-ins (one per role) so people can try each role.
#pragma once

#include "core/demo/DemoClinic.h"

#include <QDialog>
#include <vector>

namespace practica::app {

class DemoLoginsDialog : public QDialog
{
    Q_OBJECT

public:
    DemoLoginsDialog(const std::vector<core::DemoLogin>& logins, QWidget* parent = nullptr);

private:
    QString asText() const;
    std::vector<core::DemoLogin> m_logins;
};

} // namespace practica::app
