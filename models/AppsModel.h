#pragma once

#include "ClientError.h"
#include "LatestRequest.h"
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

// The client apps of the signed-in staff member's institution (GET /api/v1/staff/apps): name,
// state, live linkages, and who suspended it when and why. A supervisor suspends or resumes an
// app here (reason required); a `suspension` event (this console's change, another's, another
// instance's) updates the row in place, so the selection stays.
class AppsModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        AppColumn,
        ClientIdColumn,
        StateColumn,
        LiveLinkagesColumn,
        SuspendedAtColumn,
        SuspendedByColumn,
        ReasonColumn, // last: it takes the width left
        ColumnCount
    };
    enum Role {
        ClientIdRole = Qt::UserRole + 1, // QString
        SuspendedRole, // bool
    };

    // `events` may be null (no live updates).
    AppsModel(client::BackendClient *client, client::EventStream *events,
              QObject *parent = nullptr);

    void reload();
    // POST (suspend) or DELETE (resume) …/apps/{client_id}/suspension with the reason; answers
    // with suspensionChanged() or suspensionFailed().
    void setSuspended(const QString &clientId, bool suspended, const QString &reason);

    const QList<protocol::StaffApp> &apps() const { return m_apps; }
    std::optional<protocol::StaffApp> app(const QString &clientId) const;
    int rowOf(const QString &clientId) const; // -1 when absent
    bool isLoading() const { return m_request.isRunning(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void loaded();
    void loadFailed(const tc::client::ClientError &error);
    // The server's answer to setSuspended(), or the event of another's change.
    void suspensionChanged(const QString &clientId, bool suspended);
    void suspensionFailed(const QString &clientId, const tc::client::ClientError &error);

private:
    Q_DISABLE_COPY_MOVE(AppsModel)

    void setApps(QList<protocol::StaffApp> apps);
    void applySuspension(const protocol::StaffEvent &event);

    QPointer<client::BackendClient> m_client;
    QList<protocol::StaffApp> m_apps;
    LatestRequest m_request;
};

} // namespace tc
