#pragma once

#include "ExplainSearch.h"

#include <QAbstractTableModel>
#include <QList>

namespace tc {

// What the explain search found for what the agent typed, best first: catalog codes, catalog
// messages and FAQ questions in one list (ExplainSearch ranks them). The entries belong to the
// catalog and the FAQ, which outlive the model (their built-in instances are static).
class CatalogMatchModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { KindColumn, CodeColumn, ScreenColumn, TextColumn, ScoreColumn, ColumnCount };
    enum Role { CodeRole = Qt::UserRole + 1, ScoreRole, KindRole, FaqIdRole };

    explicit CatalogMatchModel(QObject *parent = nullptr);

    void setHits(QList<ExplainHit> hits);
    const ExplainHit *hitAt(int row) const;
    // The catalog entry of a code or message row; nullptr for a question row.
    const CatalogEntry *entryAt(int row) const;
    // The FAQ entry of a question row; nullptr otherwise.
    const FaqEntry *faqEntryAt(int row) const;

    static QString kindText(ExplainKind kind);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    Q_DISABLE_COPY_MOVE(CatalogMatchModel)

    QList<ExplainHit> m_hits;
};

} // namespace tc
