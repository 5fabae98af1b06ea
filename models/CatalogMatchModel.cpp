#include "CatalogMatchModel.h"

#include "UiLanguage.h"

#include <QtMath>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tc {

CatalogMatchModel::CatalogMatchModel(QObject *parent) : QAbstractTableModel(parent) { }

void CatalogMatchModel::setMatches(QList<CatalogMatch> matches)
{
    matches.removeIf([](const CatalogMatch &match) { return match.entry == nullptr; });
    beginResetModel();
    m_matches = std::move(matches);
    endResetModel();
}

const CatalogEntry *CatalogMatchModel::entryAt(int row) const
{
    return row >= 0 && row < m_matches.size() ? m_matches.at(row).entry : nullptr;
}

int CatalogMatchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_matches.size());
}

int CatalogMatchModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CatalogMatchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CatalogMatch &match = m_matches.at(index.row());
    const CatalogEntry &entry = *match.entry;

    switch (role) {
    case CodeRole:
        return entry.code;
    case ScoreRole:
        return match.score;
    case Qt::DisplayRole:
        switch (index.column()) {
        case CodeColumn:
            return entry.code;
        case ScreenColumn:
            return entry.screen;
        case MessageColumn: {
            // Customers read Japanese; staff on the English UI see the English rendering here and
            // the exact Japanese wording in the details and the tooltip.
            const QString message =
                currentUiLanguage() == UiLanguage::English && !entry.customerMessageEn.isEmpty()
                ? entry.customerMessageEn
                : entry.customerMessage;
            return message.simplified();
        }
        case ScoreColumn:
            return QString(QString::number(qRound(std::clamp(match.score, 0.0, 1.0) * 100)) % u'%');
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == MessageColumn)
            return entry.customerMessage;
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == ScoreColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        if (index.column() == ScreenColumn)
            return QVariant::fromValue(Qt::AlignCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant CatalogMatchModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CodeColumn:
        return tr("Code");
    case ScreenColumn:
        return tr("Screen");
    case MessageColumn:
        return tr("Customer message");
    case ScoreColumn:
        return tr("Match");
    }
    return {};
}

} // namespace tc
