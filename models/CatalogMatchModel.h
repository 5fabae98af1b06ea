#pragma once

#include "ErrorCatalog.h"

#include <QAbstractTableModel>
#include <QList>

namespace tc {

// The catalog entries that match what the agent typed, best first. The entries belong to the
// catalog, which outlives the model (ErrorCatalog::builtIn() is static).
class CatalogMatchModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { CodeColumn, ScreenColumn, MessageColumn, ScoreColumn, ColumnCount };
    enum Role { CodeRole = Qt::UserRole + 1, ScoreRole };

    explicit CatalogMatchModel(QObject *parent = nullptr);

    void setMatches(QList<CatalogMatch> matches);
    const CatalogEntry *entryAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    Q_DISABLE_COPY_MOVE(CatalogMatchModel)

    QList<CatalogMatch> m_matches;
};

} // namespace tc
