// The patient search results as a table: MRN, name, date of birth, age, sex, phone, status.
#pragma once

#include "core/patients/PatientStore.h"

#include <QAbstractTableModel>
#include <vector>

namespace practica::app {

class PatientSearchModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Mrn,
        Name,
        DateOfBirth,
        Age,
        Sex,
        Phone,
        Status,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setResults(std::vector<core::PatientSummary> results, std::string todayIso);
    void clear();
    QString patientIdAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<core::PatientSummary> m_rows;
    std::string m_today;
};

} // namespace practica::app
