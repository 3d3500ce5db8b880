// The chart's vital signs tab: every final reading as a row (US units, out-of-range values flagged) under
// a trend of blood pressure and pulse (Qt Charts), each drawn at the clinic's time of day.
#pragma once

#include "core/model/Chart.h"

#include <QWidget>
#include <string>
#include <vector>

class QChartView;
class QTableWidget;

namespace practica::app {

class VitalsTab : public QWidget
{
    Q_OBJECT

public:
    // canRecord: the "Record vital signs…" button is offered (the user may write the chart).
    explicit VitalsTab(bool canRecord, QWidget* parent = nullptr);
    void showVitals(const std::vector<core::VitalSigns>& vitals, const std::string& timeZone);

Q_SIGNALS:
    void recordRequested();

private:
    QTableWidget* m_table = nullptr;
    QChartView* m_chart = nullptr;
};

} // namespace practica::app
