#include "VitalsTab.h"

#include "ChartTables.h"
#include "ChartText.h"
#include "app/gui/common/UiText.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QHBoxLayout>
#include <QLineSeries>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <limits>

namespace practica::app {

VitalsTab::VitalsTab(bool canRecord, QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("vitalsTab"));
    m_table =
        chartTable(QStringLiteral("vitalsTable"), {tr("Taken"), tr("BP"), tr("Pulse"), tr("Temp"), tr("RR"), tr("SpO2"),
                                                   tr("Height"), tr("Weight"), tr("BMI"), tr("Pain")});
    auto* chart = new QChart;
    chart->setTitle(tr("Blood pressure and pulse"));
    chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart = new QChartView(chart);
    m_chart->setObjectName(QStringLiteral("vitalsChart"));
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(260);
    auto* add = new QPushButton(tr("Record vital signs…"));
    add->setObjectName(QStringLiteral("recordVitalsButton"));
    add->setVisible(canRecord);
    connect(add, &QPushButton::clicked, this, &VitalsTab::recordRequested);
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(m_chart);
    split->addWidget(m_table);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    layout->addWidget(split, 1);
}

void VitalsTab::showVitals(const std::vector<core::VitalSigns>& vitals, const std::string& timeZone)
{
    const auto onClinicClock = [&timeZone](std::int64_t utcMs) { return ChartText::onClinicClock(utcMs, timeZone); };
    std::vector<QStringList> rows;
    std::vector<bool> flags;
    auto* systolic = new QLineSeries;
    systolic->setName(tr("Systolic"));
    auto* diastolic = new QLineSeries;
    diastolic->setName(tr("Diastolic"));
    auto* pulse = new QLineSeries;
    pulse->setName(tr("Pulse"));
    for (auto it = vitals.rbegin(); it != vitals.rend(); ++it) {
        const core::VitalSigns& v = *it;
        if (v.status != "final")
            continue;
        QString bp, pulseText, temp, rr, spo2, height, weight, bmi, pain;
        bool flagged = false;
        for (const core::VitalReading& r : core::vitalReadings(v, core::UnitSystem::Us)) {
            QString text = qs(r.text) + QStringLiteral(" ") + qs(r.unit);
            if (r.flag != core::VitalFlag::Normal) {
                text += QStringLiteral(" (%1)").arg(ChartText::vitalFlag(r.flag));
                flagged = true;
            }
            if (r.field == "blood_pressure")
                bp = text;
            else if (r.field == "pulse")
                pulseText = text;
            else if (r.field == "temperature_dc")
                temp = text;
            else if (r.field == "respiratory_rate")
                rr = text;
            else if (r.field == "spo2")
                spo2 = text;
            else if (r.field == "height_mm")
                height = text;
            else if (r.field == "weight_g")
                weight = text;
            else if (r.field == "bmi")
                bmi = text;
            else if (r.field == "pain")
                pain = text;
        }
        rows.push_back(
            {ChartText::dateTime(v.takenAtMs, timeZone), bp, pulseText, temp, rr, spo2, height, weight, bmi, pain});
        flags.push_back(flagged);
    }
    for (const core::VitalSigns& v : vitals) {
        if (v.status != "final")
            continue;
        if (v.systolic && v.diastolic) {
            systolic->append(static_cast<qreal>(onClinicClock(v.takenAtMs)), *v.systolic);
            diastolic->append(static_cast<qreal>(onClinicClock(v.takenAtMs)), *v.diastolic);
        }
        if (v.pulse)
            pulse->append(static_cast<qreal>(onClinicClock(v.takenAtMs)), *v.pulse);
    }
    fillTable(m_table, rows, flags);
    QChart* chart = m_chart->chart();
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis; // a removed axis is no longer the chart's
    }
    auto* x = new QDateTimeAxis;
    x->setFormat(QStringLiteral("MM/dd/yy"));
    x->setTickCount(6);
    auto* y = new QValueAxis;
    y->setRange(40, 200);
    y->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QLineSeries* series : {systolic, diastolic, pulse}) {
        series->setPointsVisible(true);
        chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
    }
    if (systolic->count() + pulse->count() == 0) {
        chart->setTitle(tr("No blood pressure or pulse recorded yet"));
    } else {
        chart->setTitle(tr("Blood pressure and pulse"));
        qint64 first = std::numeric_limits<qint64>::max(), last = 0;
        for (QLineSeries* s : {systolic, pulse})
            for (const QPointF& p : s->points()) {
                first = std::min(first, static_cast<qint64>(p.x()));
                last = std::max(last, static_cast<qint64>(p.x()));
            }
        const qint64 pad = std::max<qint64>((last - first) / 20, 12LL * 3600 * 1000);
        // Readings of one or two days are told apart by their time of day.
        x->setFormat(last - first < 2LL * 24 * 3600 * 1000 ? QStringLiteral("MM/dd h:mm AP")
                                                           : QStringLiteral("MM/dd/yy"));
        x->setRange(QDateTime::fromMSecsSinceEpoch(first - pad), QDateTime::fromMSecsSinceEpoch(last + pad));
    }
}

} // namespace practica::app
