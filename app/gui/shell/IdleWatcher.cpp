#include "IdleWatcher.h"

#include <QCoreApplication>
#include <QEvent>
#include <algorithm>

namespace practica::app {

IdleWatcher::IdleWatcher(int timeoutMs, QObject* parent) : QObject(parent), m_timeoutMs(timeoutMs)
{
    m_check.setInterval(std::clamp(timeoutMs / 4, 50, 1000));
    connect(&m_check, &QTimer::timeout, this, &IdleWatcher::check);
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
    m_sinceInput.start();
}

IdleWatcher::~IdleWatcher()
{
    if (QCoreApplication::instance())
        QCoreApplication::instance()->removeEventFilter(this);
}

void IdleWatcher::setActive(bool active)
{
    m_active = active && m_timeoutMs > 0;
    m_sinceInput.restart();
    if (m_active)
        m_check.start();
    else
        m_check.stop();
}

bool IdleWatcher::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TabletPress:
        m_sinceInput.restart();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void IdleWatcher::check()
{
    if (m_active && m_sinceInput.elapsed() >= m_timeoutMs) {
        setActive(false);
        Q_EMIT idle();
    }
}

} // namespace practica::app
