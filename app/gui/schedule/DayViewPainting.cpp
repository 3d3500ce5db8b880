// DayView's painting: only what intersects the exposed rectangle is drawn, so a day of twenty providers and
// hundreds of appointments repaints in a few milliseconds.
#include "DayView.h"
#include "ScheduleText.h"
#include "app/gui/common/UiText.h"

#include <QPaintEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>

namespace practica::app {

namespace {

const QColor kClosed(0xe9edf2);
const QColor kOpen(0xffffff);
const QColor kHourLine(0xcbd5e1);
const QColor kSlotLine(0xeef2f6);
const QColor kColumnLine(0xd5dde6);
const QColor kMuted(0x64748b);
const QColor kText(0x1f2937);
const QColor kNavy(0x12293b);
const QColor kTeal(0x0f766e);
const QColor kNow(0xdc2626);

QColor mix(const QColor& a, const QColor& b, double t)
{
    return QColor::fromRgbF(static_cast<float>(a.redF() * (1 - t) + b.redF() * t),
                            static_cast<float>(a.greenF() * (1 - t) + b.greenF() * t),
                            static_cast<float>(a.blueF() * (1 - t) + b.blueF() * t));
}

QColor typeColor(const std::string& hex)
{
    QColor c(QString::fromStdString(hex));
    return c.isValid() ? c : QColor(0x457b9d);
}

} // namespace

void DayView::paintEvent(QPaintEvent* event)
{
    QPainter p(viewport());
    const QRect clip = event->rect();
    p.fillRect(clip, kClosed);
    if (m_day.columns.empty()) {
        p.setPen(kMuted);
        p.drawText(viewport()->rect(), Qt::AlignCenter,
                   tr("No providers to show. An administrator adds them under Schedule setup."));
        return;
    }
    p.save();
    p.setClipRect(QRect(kGutter, kHeader, viewport()->width() - kGutter, viewport()->height() - kHeader));
    paintColumns(p, clip);
    paintGrid(p);
    paintItems(p, clip);
    paintNowLine(p);
    p.restore();
    paintGutter(p);
    paintHeader(p);
}

void DayView::paintColumns(QPainter& p, const QRect& clip) const
{
    const double w = columnWidth();
    const double top = yOf(m_day.firstMinute), bottom = yOf(m_day.lastMinute);
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    p.setFont(small);
    for (std::size_t i = 0; i < m_day.columns.size(); ++i) {
        const ScheduleColumn& c = m_day.columns[i];
        const double x = xOf(static_cast<int>(i));
        if (x + w < clip.left() || x > clip.right())
            continue;
        for (const auto& [start, end] : c.working) {
            const double y0 = std::max(top, yOf(start)), y1 = std::min(bottom, yOf(end));
            if (y1 > y0)
                p.fillRect(QRectF(x, y0, w, y1 - y0), kOpen);
        }
        for (const ScheduleShade& s : c.shades) {
            const QRectF r(x, yOf(s.startMinute), w, (s.endMinute - s.startMinute) * pxPerMinute());
            p.fillRect(r, s.isBreak ? QColor(0xf1f5f9) : QColor(0xfdf2e9));
            p.fillRect(r, QBrush(s.isBreak ? QColor(0xdde3ea) : QColor(0xf3c9a8), Qt::BDiagPattern));
            p.setPen(s.isBreak ? kMuted : QColor(0x9a3412));
            p.drawText(r.adjusted(8, 3, -6, -2), Qt::AlignLeft | Qt::AlignTop | Qt::TextSingleLine,
                       p.fontMetrics().elidedText(s.label, Qt::ElideRight, static_cast<int>(w) - 14));
        }
        if (!c.holiday.isEmpty()) {
            const QRectF r(x, top, w, bottom - top);
            p.fillRect(r, QBrush(QColor(0xc7d2de), Qt::BDiagPattern));
            p.setPen(kNavy);
            p.drawText(r.adjusted(8, 8, -8, 0), Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap,
                       tr("Holiday: %1").arg(c.holiday));
        }
    }
}

void DayView::paintGrid(QPainter& p) const
{
    const int right = viewport()->width();
    for (int m = m_day.firstMinute; m <= m_day.lastMinute; m += m_grid) {
        const double y = yOf(m);
        if (y < kHeader - 1 || y > viewport()->height())
            continue;
        p.setPen(m % 60 == 0 ? kHourLine : kSlotLine);
        p.drawLine(QPointF(kGutter, y), QPointF(right, y));
    }
    p.setPen(kColumnLine);
    const double w = columnWidth();
    for (std::size_t i = 0; i <= m_day.columns.size(); ++i) {
        const double x = xOf(static_cast<int>(i));
        if (x >= kGutter && x <= right)
            p.drawLine(QPointF(x, kHeader), QPointF(x, viewport()->height()));
    }
    // The keyboard cursor: the slot that Enter books or opens.
    if (m_cursorColumn < static_cast<int>(m_day.columns.size()) && m_drag == Drag::None) {
        const QRectF cell(xOf(m_cursorColumn) + 1, yOf(m_cursorMinute), w - 2, m_grid * pxPerMinute());
        QColor fill = kTeal;
        fill.setAlpha(hasFocus() ? 40 : 18);
        p.fillRect(cell, fill);
        if (hasFocus()) {
            p.setPen(QPen(kTeal, 1.5));
            p.drawRect(cell.adjusted(0.5, 0.5, -0.5, -0.5));
        }
    }
}

void DayView::paintItems(QPainter& p, const QRect& clip) const
{
    p.setRenderHint(QPainter::Antialiasing);
    for (std::size_t i = 0; i < m_day.items.size(); ++i) {
        const ScheduleItem& item = m_day.items[i];
        const QRectF r = itemRect(item);
        if (!r.intersects(clip))
            continue;
        const bool dragged = static_cast<int>(i) == m_dragItem && m_drag != Drag::None && m_drag != Drag::Pending;
        p.setOpacity(dragged ? 0.35 : 1.0);
        paintItem(p, item, r, QString::fromStdString(item.view.appointment.id) == m_selectedId, false);
    }
    p.setOpacity(1.0);
    if (m_dragItem >= 0 && (m_drag == Drag::Move || m_drag == Drag::Resize)) {
        ScheduleItem ghost = m_day.items[static_cast<std::size_t>(m_dragItem)];
        ghost.column = m_dragColumn;
        ghost.startMinute = m_dragMinute;
        ghost.minutes = m_dragMinutes;
        ghost.lane = 0;
        ghost.lanes = 1;
        p.setOpacity(0.85);
        paintItem(p, ghost, itemRect(ghost), true, true);
        p.setOpacity(1.0);
        p.setPen(kNavy);
        const QRectF r = itemRect(ghost);
        const QString when = ScheduleText::time(ghost.startMinute) + QStringLiteral("–") +
                             ScheduleText::time(ghost.startMinute + ghost.minutes);
        const QRectF label(r.left(), r.top() - 18, r.width(), 16);
        p.fillRect(label.adjusted(0, 0, 0, 0), QColor(255, 255, 255, 220));
        p.drawText(label, Qt::AlignCenter, when);
    }
    p.setRenderHint(QPainter::Antialiasing, false);
}

void DayView::paintItem(QPainter& p, const ScheduleItem& item, const QRectF& r, bool selected, bool ghost) const
{
    const core::Appointment& a = item.view.appointment;
    const bool noShow = a.status == core::AppointmentStatus::NoShow;
    const bool done = a.status == core::AppointmentStatus::CheckedOut;
    const QColor type = noShow ? QColor(0x94a3b8) : typeColor(item.view.typeColor);
    QPainterPath path;
    path.addRoundedRect(r, 4, 4);
    p.fillPath(path, mix(type, Qt::white, done ? 0.9 : 0.8));
    p.save();
    p.setClipPath(path, Qt::IntersectClip);
    p.fillRect(QRectF(r.left(), r.top(), 4, r.height()), type);
    p.restore();
    QPen border(selected ? kNavy : type.darker(115), selected ? 2.0 : 1.0);
    if (a.overbooked || ghost)
        border.setStyle(Qt::DashLine);
    p.setPen(border);
    p.drawPath(path);

    const QRectF inner = r.adjusted(9, 2, -5, -2);
    QFont bold = font();
    bold.setBold(true);
    bold.setStrikeOut(noShow);
    QFont normal = font();
    normal.setPointSizeF(font().pointSizeF() * 0.9);
    normal.setStrikeOut(noShow);
    const QFontMetrics boldMetrics(bold), normalMetrics(normal);

    // The status badge, top right, for anything past "scheduled".
    double badgeWidth = 0;
    if (a.status != core::AppointmentStatus::Scheduled && inner.width() > 60) {
        QFont badgeFont = font();
        badgeFont.setPointSizeF(font().pointSizeF() * 0.75);
        badgeFont.setBold(true);
        const QFontMetrics bm(badgeFont);
        const QString label = ScheduleText::status(a.status);
        badgeWidth = std::min<double>(bm.horizontalAdvance(label) + 10, inner.width() / 2);
        const QRectF badge(inner.right() - badgeWidth, inner.top() + 1, badgeWidth, bm.height() + 2);
        QPainterPath pill;
        pill.addRoundedRect(badge, badge.height() / 2, badge.height() / 2);
        p.fillPath(pill, ScheduleText::statusColor(a.status));
        p.setFont(badgeFont);
        p.setPen(Qt::white);
        p.drawText(badge, Qt::AlignCenter, bm.elidedText(label, Qt::ElideRight, static_cast<int>(badgeWidth) - 6));
        badgeWidth += 4;
    }
    // The age stays visible when a narrow column shortens the name.
    const QString age = item.age.isEmpty() ? QString() : QStringLiteral(", ") + item.age;
    QString detail = qs(item.view.typeName);
    if (a.reason && !a.reason->empty())
        detail += QStringLiteral(" · ") + qs(a.reason);
    const int lineWidth = static_cast<int>(inner.width() - badgeWidth);
    const int ageWidth = boldMetrics.horizontalAdvance(age);
    const QString name =
        boldMetrics.elidedText(qs(item.view.patientName), Qt::ElideRight, std::max(0, lineWidth - ageWidth)) + age;
    p.setPen(noShow ? kMuted : kText);
    if (inner.height() < boldMetrics.height() + normalMetrics.height()) {
        p.setFont(bold);
        p.drawText(QRectF(inner.left(), inner.top(), lineWidth, inner.height()),
                   Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, name);
        const int used = boldMetrics.horizontalAdvance(name) + 6;
        if (used < lineWidth) {
            p.setFont(normal);
            p.setPen(kMuted);
            p.drawText(QRectF(inner.left() + used, inner.top(), lineWidth - used, inner.height()),
                       Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                       normalMetrics.elidedText(detail, Qt::ElideRight, lineWidth - used));
        }
        return;
    }
    p.setFont(bold);
    p.drawText(QRectF(inner.left(), inner.top(), lineWidth, boldMetrics.height()), Qt::AlignLeft | Qt::TextSingleLine,
               name);
    p.setFont(normal);
    p.setPen(noShow ? kMuted : QColor(0x334155));
    const QRectF rest(inner.left(), inner.top() + boldMetrics.height(), inner.width(),
                      inner.height() - boldMetrics.height());
    const QString time = ScheduleText::time(item.startMinute) + QStringLiteral("  ") + detail;
    p.drawText(rest, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
               normalMetrics.elidedText(
                   time, Qt::ElideRight,
                   static_cast<int>(inner.width() * std::max(1.0, rest.height() / normalMetrics.height()) - 8)));
}

void DayView::paintNowLine(QPainter& p) const
{
    if (m_nowDate.empty() || m_nowMinute < m_day.firstMinute || m_nowMinute > m_day.lastMinute)
        return;
    const double y = yOf(m_nowMinute);
    p.setPen(QPen(kNow, 2));
    for (std::size_t i = 0; i < m_day.columns.size(); ++i)
        if (m_day.columns[i].date == m_nowDate)
            p.drawLine(QPointF(xOf(static_cast<int>(i)), y), QPointF(xOf(static_cast<int>(i) + 1), y));
}

void DayView::paintGutter(QPainter& p) const
{
    const int h = viewport()->height();
    p.fillRect(QRect(0, kHeader, kGutter, h - kHeader), QColor(0xf8fafc));
    p.setPen(kColumnLine);
    p.drawLine(kGutter - 1, kHeader, kGutter - 1, h);
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    p.setFont(small);
    const int labelEvery = m_grid == 5 ? 15 : 30;
    for (int m = m_day.firstMinute; m < m_day.lastMinute; m += labelEvery) {
        const double y = yOf(m);
        if (y < kHeader - 2 || y > h)
            continue;
        p.setPen(m % 60 == 0 ? kText : kMuted);
        const QString label =
            m % 60 == 0 ? ScheduleText::time(m)
                        : QStringLiteral("%1:%2").arg((m / 60 + 11) % 12 + 1).arg(m % 60, 2, 10, QLatin1Char('0'));
        p.drawText(QRectF(0, y + 1, kGutter - 8, 16), Qt::AlignRight | Qt::AlignTop, label);
    }
    if (!m_nowDate.empty() && m_nowMinute >= m_day.firstMinute && m_nowMinute <= m_day.lastMinute) {
        const bool shown = std::any_of(m_day.columns.begin(), m_day.columns.end(),
                                       [this](const ScheduleColumn& c) { return c.date == m_nowDate; });
        const double y = yOf(m_nowMinute);
        if (shown && y >= kHeader) {
            p.setRenderHint(QPainter::Antialiasing);
            p.setBrush(kNow);
            p.setPen(Qt::NoPen);
            p.drawEllipse(QPointF(kGutter - 5, y), 4, 4);
            p.setRenderHint(QPainter::Antialiasing, false);
        }
    }
}

void DayView::paintHeader(QPainter& p) const
{
    const int w = viewport()->width();
    p.fillRect(QRect(0, 0, w, kHeader), Qt::white);
    p.setPen(kColumnLine);
    p.drawLine(0, kHeader - 1, w, kHeader - 1);
    p.save();
    p.setClipRect(QRect(kGutter, 0, w - kGutter, kHeader));
    const double cw = columnWidth();
    QFont bold = font();
    bold.setBold(true);
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    std::vector<int> counts(m_day.columns.size(), 0);
    for (const auto& item : m_day.items)
        if (core::occupiesSlot(item.view.appointment.status))
            ++counts[static_cast<std::size_t>(item.column)];
    for (std::size_t i = 0; i < m_day.columns.size(); ++i) {
        const ScheduleColumn& c = m_day.columns[i];
        const double x = xOf(static_cast<int>(i));
        if (x + cw < kGutter || x > w)
            continue;
        p.fillRect(QRectF(x + 1, 0, cw - 2, 4), c.accent);
        p.setPen(kColumnLine);
        p.drawLine(QPointF(x, 4), QPointF(x, kHeader));
        p.setFont(bold);
        p.setPen(kText);
        const QRectF titleRect(x + 8, 8, cw - 16, 18);
        p.drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                   p.fontMetrics().elidedText(c.title, Qt::ElideRight, static_cast<int>(titleRect.width())));
        p.setFont(small);
        p.setPen(kMuted);
        QString sub = c.subtitle;
        const QString count = tr("%n appt(s)", nullptr, counts[i]);
        sub = sub.isEmpty() ? count : sub + QStringLiteral(" · ") + count;
        p.drawText(QRectF(x + 8, 27, cw - 16, 16), Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                   p.fontMetrics().elidedText(sub, Qt::ElideRight, static_cast<int>(cw) - 16));
    }
    p.restore();
    p.fillRect(QRect(0, 0, kGutter, kHeader), Qt::white);
    p.setPen(kColumnLine);
    p.drawLine(0, kHeader - 1, kGutter, kHeader - 1);
    p.drawLine(kGutter - 1, 0, kGutter - 1, kHeader);
    p.setFont(small);
    p.setPen(kMuted);
    p.drawText(QRect(0, 0, kGutter - 6, kHeader - 4), Qt::AlignRight | Qt::AlignBottom, tr("%1 min").arg(m_grid));
}

} // namespace practica::app
