#include "DayView.h"

#include "ScheduleText.h"
#include "app/gui/common/UiText.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QToolTip>
#include <algorithm>
#include <cmath>

namespace practica::app {

namespace {

constexpr double kMinColumn = 150.0;
constexpr int kEdge = 6; // the bottom edge of a block that resizes it

} // namespace

DayView::DayView(QWidget* parent) : QAbstractScrollArea(parent)
{
    setObjectName(QStringLiteral("dayView"));
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame);
    viewport()->setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Schedule grid"));
    verticalScrollBar()->setSingleStep(20);
    horizontalScrollBar()->setSingleStep(40);
}

void DayView::setDay(ScheduleDay day)
{
    m_day = std::move(day);
    m_drag = Drag::None;
    m_dragItem = -1;
    if (m_cursorColumn >= static_cast<int>(m_day.columns.size()))
        m_cursorColumn = 0;
    m_cursorMinute =
        std::clamp(m_cursorMinute, m_day.firstMinute, std::max(m_day.firstMinute, m_day.lastMinute - m_grid));
    if (itemIndex(m_selectedId) < 0 && !m_selectedId.isEmpty()) {
        m_selectedId.clear();
        Q_EMIT selectionChanged();
    }
    updateScrollBars();
    viewport()->update();
}

void DayView::setGridMinutes(int minutes)
{
    const int keep = minuteAt(kHeader + 1);
    m_grid = minutes;
    m_cursorMinute -= m_cursorMinute % m_grid;
    updateScrollBars();
    scrollToMinute(keep);
    viewport()->update();
}

void DayView::setNow(const std::string& date, int minuteOfDay)
{
    m_nowDate = date;
    m_nowMinute = minuteOfDay;
    viewport()->update();
}

double DayView::pxPerMinute() const
{
    return m_grid == 5 ? 3.6 : m_grid == 10 ? 2.4 : 2.0;
}

double DayView::columnWidth() const
{
    const int n = std::max<int>(1, static_cast<int>(m_day.columns.size()));
    return std::max(kMinColumn, static_cast<double>(viewport()->width() - kGutter) / n);
}

double DayView::xOf(int column) const
{
    return kGutter + column * columnWidth() - horizontalScrollBar()->value();
}

double DayView::yOf(int minute) const
{
    return kHeader + (minute - m_day.firstMinute) * pxPerMinute() - verticalScrollBar()->value();
}

int DayView::columnAt(double x) const
{
    const int n = static_cast<int>(m_day.columns.size());
    const int c = static_cast<int>(std::floor((x - kGutter + horizontalScrollBar()->value()) / columnWidth()));
    return std::clamp(c, 0, std::max(0, n - 1));
}

int DayView::minuteAt(double y) const
{
    const double raw = m_day.firstMinute + (y - kHeader + verticalScrollBar()->value()) / pxPerMinute();
    const int snapped = static_cast<int>(std::floor(raw / m_grid)) * m_grid;
    return std::clamp(snapped, m_day.firstMinute, std::max(m_day.firstMinute, m_day.lastMinute - m_grid));
}

QRectF DayView::itemRect(const ScheduleItem& item) const
{
    const double laneWidth = (columnWidth() - 6) / item.lanes;
    const double x = xOf(item.column) + 2 + item.lane * laneWidth;
    const double top = yOf(item.startMinute);
    return QRectF(x, top + 1, laneWidth - 2, item.minutes * pxPerMinute() - 2);
}

int DayView::itemAt(const QPoint& pos) const
{
    if (pos.x() < kGutter || pos.y() < kHeader)
        return -1;
    for (int i = static_cast<int>(m_day.items.size()) - 1; i >= 0; --i)
        if (itemRect(m_day.items[static_cast<std::size_t>(i)]).contains(pos))
            return i;
    return -1;
}

int DayView::itemIndex(const QString& id) const
{
    if (id.isEmpty())
        return -1;
    const std::string key = id.toStdString();
    for (std::size_t i = 0; i < m_day.items.size(); ++i)
        if (m_day.items[i].view.appointment.id == key)
            return static_cast<int>(i);
    return -1;
}

const ScheduleItem* DayView::selectedItem() const
{
    const int i = itemIndex(m_selectedId);
    return i < 0 ? nullptr : &m_day.items[static_cast<std::size_t>(i)];
}

QString DayView::selectedAppointmentId() const
{
    return m_selectedId;
}

void DayView::selectAppointment(const QString& id)
{
    const int i = itemIndex(id);
    if (i < 0)
        return;
    const ScheduleItem& item = m_day.items[static_cast<std::size_t>(i)];
    m_cursorColumn = item.column;
    m_cursorMinute = item.startMinute - item.startMinute % m_grid;
    m_selectedId = id;
    ensureCursorVisible();
    viewport()->update();
    Q_EMIT selectionChanged();
}

void DayView::scrollToMinute(int minuteOfDay)
{
    verticalScrollBar()->setValue(static_cast<int>((minuteOfDay - m_day.firstMinute) * pxPerMinute()));
}

QPoint DayView::slotCenter(int column, int minuteOfDay) const
{
    return QPoint(static_cast<int>(xOf(column) + columnWidth() / 2),
                  static_cast<int>(yOf(minuteOfDay) + m_grid * pxPerMinute() / 2));
}

QRect DayView::appointmentRect(const QString& id) const
{
    const int i = itemIndex(id);
    return i < 0 ? QRect() : itemRect(m_day.items[static_cast<std::size_t>(i)]).toRect();
}

void DayView::updateScrollBars()
{
    const int contentHeight = static_cast<int>((m_day.lastMinute - m_day.firstMinute) * pxPerMinute());
    const int contentWidth = static_cast<int>(columnWidth() * static_cast<double>(m_day.columns.size()));
    verticalScrollBar()->setPageStep(viewport()->height() - kHeader);
    verticalScrollBar()->setRange(0, std::max(0, contentHeight - (viewport()->height() - kHeader)));
    horizontalScrollBar()->setPageStep(viewport()->width() - kGutter);
    horizontalScrollBar()->setRange(0, std::max(0, contentWidth - (viewport()->width() - kGutter)));
}

void DayView::resizeEvent(QResizeEvent* event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void DayView::scrollContentsBy(int, int)
{
    viewport()->update();
}

void DayView::setCursorCell(int column, int minute, bool selectItem)
{
    m_cursorColumn = std::clamp(column, 0, std::max(0, static_cast<int>(m_day.columns.size()) - 1));
    m_cursorMinute = std::clamp(minute, m_day.firstMinute, std::max(m_day.firstMinute, m_day.lastMinute - m_grid));
    if (selectItem) {
        QString found;
        for (const auto& item : m_day.items)
            if (item.column == m_cursorColumn && item.startMinute < m_cursorMinute + m_grid &&
                item.startMinute + item.minutes > m_cursorMinute) {
                found = QString::fromStdString(item.view.appointment.id);
                break;
            }
        if (found != m_selectedId) {
            m_selectedId = found;
            Q_EMIT selectionChanged();
        }
    }
    ensureCursorVisible();
    viewport()->update();
}

void DayView::ensureCursorVisible()
{
    const double top = yOf(m_cursorMinute), bottom = yOf(m_cursorMinute + m_grid);
    if (top < kHeader)
        verticalScrollBar()->setValue(verticalScrollBar()->value() - static_cast<int>(kHeader - top));
    else if (bottom > viewport()->height())
        verticalScrollBar()->setValue(verticalScrollBar()->value() + static_cast<int>(bottom - viewport()->height()));
    const double left = xOf(m_cursorColumn), right = left + columnWidth();
    if (left < kGutter)
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - static_cast<int>(kGutter - left));
    else if (right > viewport()->width())
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() + static_cast<int>(right - viewport()->width()));
}

void DayView::mousePressEvent(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    if (pos.x() < kGutter || pos.y() < kHeader || m_day.columns.empty())
        return;
    const int hit = itemAt(pos);
    if (hit >= 0) {
        const ScheduleItem& item = m_day.items[static_cast<std::size_t>(hit)];
        selectAppointment(QString::fromStdString(item.view.appointment.id));
        if (event->button() == Qt::LeftButton && m_editable && core::occupiesSlot(item.view.appointment.status)) {
            m_dragItem = hit;
            m_pressPos = pos;
            m_dragColumn = item.column;
            m_dragMinute = item.startMinute;
            m_dragMinutes = item.minutes;
            m_drag = pos.y() >= itemRect(item).bottom() - kEdge ? Drag::Resize : Drag::Pending;
        }
        return;
    }
    setCursorCell(columnAt(pos.x()), minuteAt(pos.y()));
}

void DayView::updateDrag(const QPoint& pos)
{
    const ScheduleItem& item = m_day.items[static_cast<std::size_t>(m_dragItem)];
    if (m_drag == Drag::Pending && (pos - m_pressPos).manhattanLength() >= QApplication::startDragDistance())
        m_drag = Drag::Move;
    if (m_drag == Drag::Move) {
        const double shift = (pos.y() - m_pressPos.y()) / pxPerMinute();
        const int raw = item.startMinute + static_cast<int>(std::lround(shift / m_grid)) * m_grid;
        m_dragMinute = std::clamp(raw, m_day.firstMinute, m_day.lastMinute - m_grid);
        m_dragColumn = columnAt(pos.x());
    } else if (m_drag == Drag::Resize) {
        const double endRaw = m_day.firstMinute + (pos.y() - kHeader + verticalScrollBar()->value()) / pxPerMinute();
        const int end = static_cast<int>(std::lround(endRaw / m_grid)) * m_grid;
        m_dragMinutes = std::max(m_grid, end - item.startMinute);
    }
    viewport()->update();
}

void DayView::mouseMoveEvent(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    if (m_drag != Drag::None && m_dragItem >= 0 && (event->buttons() & Qt::LeftButton)) {
        updateDrag(pos);
        return;
    }
    const int hit = itemAt(pos);
    const bool onEdge =
        hit >= 0 && m_editable && pos.y() >= itemRect(m_day.items[static_cast<std::size_t>(hit)]).bottom() - kEdge;
    viewport()->setCursor(onEdge ? Qt::SizeVerCursor : Qt::ArrowCursor);
}

void DayView::finishDrag(const QPoint& pos)
{
    updateDrag(pos);
    const ScheduleItem& item = m_day.items[static_cast<std::size_t>(m_dragItem)];
    const QString id = QString::fromStdString(item.view.appointment.id);
    const Drag drag = m_drag;
    const int column = m_dragColumn, minute = m_dragMinute, minutes = m_dragMinutes;
    const bool moved = column != item.column || minute != item.startMinute;
    const bool resized = minutes != item.minutes;
    m_drag = Drag::None;
    m_dragItem = -1;
    viewport()->update();
    if (drag == Drag::Move && moved)
        Q_EMIT moveRequested(id, column, minute);
    else if (drag == Drag::Resize && resized)
        Q_EMIT resizeRequested(id, minutes);
}

void DayView::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_drag != Drag::None && m_dragItem >= 0 && event->button() == Qt::LeftButton)
        finishDrag(event->position().toPoint());
}

void DayView::mouseDoubleClickEvent(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    if (event->button() != Qt::LeftButton || pos.x() < kGutter || pos.y() < kHeader || m_day.columns.empty())
        return;
    m_drag = Drag::None;
    m_dragItem = -1;
    const int hit = itemAt(pos);
    if (hit >= 0) {
        Q_EMIT openRequested(QString::fromStdString(m_day.items[static_cast<std::size_t>(hit)].view.appointment.id));
        return;
    }
    setCursorCell(columnAt(pos.x()), minuteAt(pos.y()));
    if (m_editable)
        Q_EMIT bookRequested(m_cursorColumn, m_cursorMinute);
}

void DayView::contextMenuEvent(QContextMenuEvent* event)
{
    if (m_day.columns.empty())
        return;
    QPoint pos = event->pos();
    if (event->reason() == QContextMenuEvent::Keyboard) {
        const ScheduleItem* item = selectedItem();
        pos = item ? itemRect(*item).center().toPoint() : slotCenter(m_cursorColumn, m_cursorMinute);
    } else {
        pos = viewport()->mapFrom(this, pos);
        const int hit = itemAt(pos);
        if (hit >= 0)
            selectAppointment(QString::fromStdString(m_day.items[static_cast<std::size_t>(hit)].view.appointment.id));
        else if (pos.x() >= kGutter && pos.y() >= kHeader)
            setCursorCell(columnAt(pos.x()), minuteAt(pos.y()));
        else
            return;
    }
    Q_EMIT actionsRequested(m_selectedId, m_cursorColumn, m_cursorMinute, viewport()->mapToGlobal(pos));
}

void DayView::keyPressEvent(QKeyEvent* event)
{
    const ScheduleItem* item = selectedItem();
    switch (event->key()) {
    case Qt::Key_Escape:
        if (m_drag != Drag::None) {
            m_drag = Drag::None;
            m_dragItem = -1;
            viewport()->update();
            return;
        }
        break;
    case Qt::Key_Up:
        setCursorCell(m_cursorColumn, (item ? item->startMinute : m_cursorMinute) - m_grid);
        return;
    case Qt::Key_Down: {
        const int end = item ? item->startMinute + item->minutes : m_cursorMinute + m_grid;
        setCursorCell(m_cursorColumn, ((end + m_grid - 1) / m_grid) * m_grid);
        return;
    }
    case Qt::Key_Left:
        setCursorCell(m_cursorColumn - 1, m_cursorMinute);
        return;
    case Qt::Key_Right:
        setCursorCell(m_cursorColumn + 1, m_cursorMinute);
        return;
    case Qt::Key_Home:
        setCursorCell(m_cursorColumn, m_day.firstMinute);
        return;
    case Qt::Key_End:
        setCursorCell(m_cursorColumn, m_day.lastMinute - m_grid);
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_day.columns.empty())
            return;
        if (item)
            Q_EMIT openRequested(m_selectedId);
        else if (m_editable)
            Q_EMIT bookRequested(m_cursorColumn, m_cursorMinute);
        return;
    default:
        break;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

bool DayView::viewportEvent(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int hit = itemAt(help->pos());
        if (hit < 0) {
            QToolTip::hideText();
            return true;
        }
        const ScheduleItem& item = m_day.items[static_cast<std::size_t>(hit)];
        const core::AppointmentView& v = item.view;
        QString text = tr("<b>%1</b> %2<br>%3–%4 · %5<br>%6 · %7")
                           .arg(qs(v.patientName).toHtmlEscaped(), item.age, ScheduleText::time(item.startMinute),
                                ScheduleText::time(item.startMinute + item.minutes), qs(v.typeName).toHtmlEscaped(),
                                qs(v.providerName).toHtmlEscaped(), ScheduleText::status(v.appointment.status));
        if (v.appointment.reason)
            text += QStringLiteral("<br>") + qs(v.appointment.reason).toHtmlEscaped();
        if (v.appointment.overbooked)
            text += QStringLiteral("<br><i>") + tr("Overbooked") + QStringLiteral("</i>");
        QToolTip::showText(help->globalPos(), text, viewport());
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

} // namespace practica::app
