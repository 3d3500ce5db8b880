// Watches the whole application's keyboard and mouse input and reports when nobody has touched it for a while.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace practica::app {

class IdleWatcher : public QObject
{
    Q_OBJECT

public:
    explicit IdleWatcher(int timeoutMs, QObject* parent = nullptr);
    ~IdleWatcher() override;

    void setActive(bool active);
    bool isActive() const { return m_active; }

Q_SIGNALS:
    void idle();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void check();
    int m_timeoutMs;
    bool m_active = false;
    QElapsedTimer m_sinceInput;
    QTimer m_check;
};

} // namespace practica::app
