#pragma once

#include "ClientError.h"
#include "CustomerPart.h"
#include "Protocol.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

#include <optional>

namespace tc::client {
class BackendClient;
class EventStream;
} // namespace tc::client

namespace tc {

// A customer's app linkages (GET /api/v1/staff/customers/{id}/linkages), live and ended: app,
// account, granted, expires, last used, state, and who revoked it when and why. Reloaded on a
// revocation or suspension event and after the event stream's reset.
class LinkagesModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        AppColumn,
        AccountColumn,
        GrantedColumn,
        ExpiresColumn,
        LastUsedColumn,
        StateColumn,
        RevokedColumn, // "2026/11/24(火) 14:02 by teller001: reason"
        ColumnCount
    };
    enum Role {
        LinkageIdRole = Qt::UserRole + 1, // qint64
        StateRole, // the wire state: "active", "expired", "revoked", …
        ActiveRole, // bool: may be revoked
        AccountIdRole, // qint64
    };

    // `events` may be null (no live updates).
    LinkagesModel(client::BackendClient *client, client::EventStream *events,
                  QObject *parent = nullptr);

    void load(qint64 customerId); // 0: none
    void reload();

    qint64 customerId() const { return m_part.customerId(); }
    const QList<protocol::Linkage> &linkages() const { return m_linkages; }
    bool isLoading() const { return m_part.isLoading(); }
    const std::optional<client::ClientError> &error() const { return m_part.error(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void loaded();
    void loadingChanged(bool loading);
    void loadFailed(const tc::client::ClientError &error);

private:
    Q_DISABLE_COPY_MOVE(LinkagesModel)

    void setLinkages(QList<protocol::Linkage> linkages);

    QList<protocol::Linkage> m_linkages;
    CustomerPart<protocol::LinkageList> m_part;
};

} // namespace tc
