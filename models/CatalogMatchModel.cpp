#include "CatalogMatchModel.h"

#include "UiLanguage.h"

#include <QtMath>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tc {

CatalogMatchModel::CatalogMatchModel(QObject *parent) : QAbstractTableModel(parent) { }

void CatalogMatchModel::setHits(QList<ExplainHit> hits)
{
    hits.removeIf([](const ExplainHit &hit) {
        return hit.kind == ExplainKind::Question ? hit.faqEntry == nullptr
                                                 : hit.catalogEntry == nullptr;
    });
    beginResetModel();
    m_hits = std::move(hits);
    endResetModel();
}

const ExplainHit *CatalogMatchModel::hitAt(int row) const
{
    return row >= 0 && row < m_hits.size() ? &m_hits.at(row) : nullptr;
}

const CatalogEntry *CatalogMatchModel::entryAt(int row) const
{
    const ExplainHit *hit = hitAt(row);
    return hit ? hit->catalogEntry : nullptr;
}

const FaqEntry *CatalogMatchModel::faqEntryAt(int row) const
{
    const ExplainHit *hit = hitAt(row);
    return hit ? hit->faqEntry : nullptr;
}

QString CatalogMatchModel::kindText(ExplainKind kind)
{
    switch (kind) {
    case ExplainKind::Code:
        return tr("Code");
    case ExplainKind::Message:
        return tr("Message");
    case ExplainKind::Question:
        return tr("Question");
    }
    return {};
}

int CatalogMatchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

int CatalogMatchModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CatalogMatchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ExplainHit &hit = m_hits.at(index.row());
    const CatalogEntry *entry = hit.catalogEntry;
    const FaqEntry *faq = hit.faqEntry;
    const UiLanguage language = currentUiLanguage();

    switch (role) {
    case CodeRole:
        return entry ? entry->code : QString();
    case FaqIdRole:
        return faq ? faq->id : QString();
    case KindRole:
        return static_cast<int>(hit.kind);
    case ScoreRole:
        return hit.score;
    case Qt::DisplayRole:
        switch (index.column()) {
        case KindColumn:
            return kindText(hit.kind);
        case CodeColumn:
            return entry ? entry->code : QString();
        case ScreenColumn:
            return entry ? entry->screen : QString();
        case TextColumn: {
            // Customers read and speak Japanese; staff on the English UI see the English
            // rendering here and the exact Japanese wording in the details and the tooltip.
            if (faq)
                return staffText(faq->question, language).simplified();
            const QString message =
                language == UiLanguage::English && !entry->customerMessageEn.isEmpty()
                ? entry->customerMessageEn
                : entry->customerMessage;
            return message.simplified();
        }
        case ScoreColumn:
            return QString(QString::number(qRound(std::clamp(hit.score, 0.0, 1.0) * 100)) % u'%');
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == TextColumn)
            return faq ? faq->question.ja : entry->customerMessage;
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
    case KindColumn:
        return tr("Kind");
    case CodeColumn:
        return tr("Code");
    case ScreenColumn:
        return tr("Screen");
    case TextColumn:
        return tr("Message or question");
    case ScoreColumn:
        return tr("Match");
    }
    return {};
}

} // namespace tc
