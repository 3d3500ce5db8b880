#include "PatientSearchModel.h"

#include "app/gui/common/UiText.h"

#include <QColor>

namespace practica::app {

void PatientSearchModel::setResults(std::vector<core::PatientSummary> results, std::string todayIso)
{
    beginResetModel();
    m_rows = std::move(results);
    m_today = std::move(todayIso);
    endResetModel();
}

void PatientSearchModel::clear()
{
    setResults({}, m_today);
}

QString PatientSearchModel::patientIdAt(int row) const
{
    if (row < 0 || row >= static_cast<int>(m_rows.size()))
        return {};
    return qs(m_rows[static_cast<std::size_t>(row)].id);
}

int PatientSearchModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int PatientSearchModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PatientSearchModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= static_cast<int>(m_rows.size()))
        return {};
    const core::PatientSummary& p = m_rows[static_cast<std::size_t>(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Mrn:
            return qs(p.mrn);
        case Name:
            return qs(p.displayName());
        case DateOfBirth:
            return UiText::usDate(p.dateOfBirth);
        case Age:
            return UiText::age(p.dateOfBirth, m_today);
        case Sex:
            return UiText::sex(p.sex);
        case Phone:
            return UiText::phone(p.phone);
        case Status:
            return UiText::patientStatus(p.status);
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole && p.status != core::PatientStatus::Active)
        return QColor(0x64748b);
    if (role == Qt::TextAlignmentRole && index.column() == Age)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::UserRole)
        return qs(p.id);
    return {};
}

QVariant PatientSearchModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Mrn:
        return tr("MRN");
    case Name:
        return tr("Name");
    case DateOfBirth:
        return tr("Date of birth");
    case Age:
        return tr("Age");
    case Sex:
        return tr("Sex");
    case Phone:
        return tr("Phone");
    case Status:
        return tr("Status");
    default:
        return {};
    }
}

} // namespace practica::app
