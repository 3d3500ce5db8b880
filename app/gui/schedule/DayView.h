// The painted schedule grid: a column per provider, room or day, the time down the side, appointment blocks
// coloured by type with status badges, working hours and blocked time shaded, and the "now" line.
// Mouse: double-click an empty slot to book, drag a block to move it, drag its bottom edge to resize,
// right-click for actions. Keys: arrows move the selection, Enter opens, the menu key opens the actions.
#pragma once

#include "ScheduleDay.h"

#include <QAbstractScrollArea>
#include <QRectF>
#include <optional>
#include <vector>

namespace practica::app {

class DayView : public QAbstractScrollArea
{
    Q_OBJECT

public:
    explicit DayView(QWidget* parent = nullptr);

    void setDay(ScheduleDay day);
    const ScheduleDay& day() const { return m_day; }
    // 5, 10 or 15 minutes per grid row.
    void setGridMinutes(int minutes);
    int gridMinutes() const { return m_grid; }
    // Where "now" is in the clinic's wall clock; an empty date hides the line.
    void setNow(const std::string& date, int minuteOfDay);
    void setEditable(bool editable) { m_editable = editable; }

    const ScheduleItem* selectedItem() const;
    QString selectedAppointmentId() const;
    void selectAppointment(const QString& id);
    int cursorColumn() const { return m_cursorColumn; }
    int cursorMinute() const { return m_cursorMinute; }
    void scrollToMinute(int minuteOfDay);

    // Viewport positions, for tests and tooltips.
    QPoint slotCenter(int column, int minuteOfDay) const;
    QRect appointmentRect(const QString& id) const;

Q_SIGNALS:
    void bookRequested(int column, int minuteOfDay);
    void openRequested(const QString& appointmentId);
    void moveRequested(const QString& appointmentId, int column, int minuteOfDay);
    void resizeRequested(const QString& appointmentId, int minutes);
    // An empty id: the menu for an empty slot.
    void actionsRequested(const QString& appointmentId, int column, int minuteOfDay, const QPoint& globalPos);
    void selectionChanged();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    bool viewportEvent(QEvent* event) override;

private:
    static constexpr int kHeader = 50; // column titles
    static constexpr int kGutter = 64; // time labels

    enum class Drag
    {
        None,
        Pending,
        Move,
        Resize
    };

    double pxPerMinute() const;
    double columnWidth() const;
    double xOf(int column) const; // viewport x of a column's left edge
    double yOf(int minute) const; // viewport y of a minute of the day
    int columnAt(double x) const;
    int minuteAt(double y) const; // snapped to the grid
    QRectF itemRect(const ScheduleItem& item) const;
    int itemAt(const QPoint& pos) const;
    int itemIndex(const QString& id) const;
    void updateScrollBars();
    void setCursorCell(int column, int minute, bool selectItem = true);
    void ensureCursorVisible();
    void finishDrag(const QPoint& pos);
    void updateDrag(const QPoint& pos);

    void paintColumns(QPainter& p, const QRect& clip) const;
    void paintGrid(QPainter& p) const;
    void paintItems(QPainter& p, const QRect& clip) const;
    void paintItem(QPainter& p, const ScheduleItem& item, const QRectF& r, bool selected, bool ghost) const;
    void paintNowLine(QPainter& p) const;
    void paintGutter(QPainter& p) const;
    void paintHeader(QPainter& p) const;

    ScheduleDay m_day;
    int m_grid = 15;
    bool m_editable = true;
    std::string m_nowDate;
    int m_nowMinute = -1;
    QString m_selectedId;
    int m_cursorColumn = 0;
    int m_cursorMinute = 9 * 60;
    Drag m_drag = Drag::None;
    int m_dragItem = -1;
    QPoint m_pressPos;
    int m_dragColumn = 0;
    int m_dragMinute = 0;
    int m_dragMinutes = 0;
};

} // namespace practica::app
