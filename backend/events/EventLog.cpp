#include "EventLog.h"

#include "Database.h"
#include "LockStore.h"
#include "Protocol.h"
#include "TokyoTime.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace tc::backend::events {
namespace {

QVariant optionalId(const std::optional<qint64> &id)
{
    return id ? QVariant(*id) : QVariant(QMetaType::fromType<qint64>());
}

} // namespace

namespace {

const QString &eventInsert()
{
    // Branch and customer come from the account in the same statement when the caller has not
    // loaded them: a primary-key lookup, no extra round trip.
    static const QString insert =
        u"INSERT INTO events (at, institution_id, account_id, branch_id, customer_id, "
        "client_app_id, kind, payload) VALUES (?, ?, ?, "
        "COALESCE(CAST(? AS BIGINT), (SELECT branch_id FROM accounts WHERE id = CAST(? AS "
        "BIGINT))), "
        "COALESCE(CAST(? AS BIGINT), (SELECT customer_id FROM accounts WHERE id = CAST(? AS "
        "BIGINT))), "
        "?, ?, ?)"_s;
    return insert;
}

// PostgreSQL: companion statements go first, each in its own WITH entry (data-modifying WITH
// entries always run, in the order written when they touch different tables). With `notify` the
// same statement calls pg_notify, delivered at commit; without, the committing transaction
// announces the event (Database::announceOnCommit).
QString eventStatement(bool postgres, const QList<BoundSql> &companions, bool notify)
{
    if (!postgres || (!notify && companions.isEmpty()))
        return eventInsert();
    static const QString notifying =
        u"e AS (%1 RETURNING id) SELECT pg_notify('%2', CAST(id AS TEXT)) FROM e"_s.arg(
            eventInsert(), NotifyChannel);
    QString statement = u"WITH "_s;
    for (qsizetype i = 0; i < companions.size(); ++i) {
        statement += u"c"_s + QString::number(i) + u" AS ("_s + companions.at(i).sql + u")"_s;
        if (notify || i + 1 < companions.size())
            statement += u", "_s;
    }
    if (notify)
        return statement + notifying;
    return statement + u' ' + eventInsert();
}

QVariantList eventValues(const Event &event)
{
    const QVariant account = optionalId(event.accountId);
    return {
        event.atMs, event.institutionId,
        account,    optionalId(event.branchId),
        account,    optionalId(event.customerId),
        account,    optionalId(event.clientAppId),
        event.kind, QString::fromUtf8(QJsonDocument(event.payload).toJson(QJsonDocument::Compact))};
}

Status publishAfter(const QSqlDatabase &tx, bool postgres, const QList<BoundSql> &companions,
                    const Event &event)
{
    QVariantList values;
    for (const BoundSql &companion : companions) {
        if (postgres) {
            values += companion.values;
        } else if (auto done = runQuery(tx, companion.sql, companion.values, u"publish event"_s);
                   !done) {
            return done.error();
        }
    }
    values += eventValues(event);
    // A NOTIFY per commit costs PostgreSQL a lock that every notifying commit waits for
    // (bench/RESULTS.md, round 6): where an announcer is set, the hub announces once a while.
    const bool notify = !Database::announceOnCommit(tx);
    auto inserted =
        runQuery(tx, eventStatement(postgres, companions, notify), values, u"publish event"_s);
    if (!inserted)
        return inserted.error();
    return Success {};
}

} // namespace

Status publish(const QSqlDatabase &tx, bool postgres, const Event &event)
{
    return publishAfter(tx, postgres, {}, event);
}

Status publish(const QSqlDatabase &tx, const Event &event)
{
    return publish(tx, tx.driverName() == u"QPSQL"_s, event);
}

Status publishWith(const QSqlDatabase &tx, const QList<BoundSql> &companions, const Event &event)
{
    return publishAfter(tx, tx.driverName() == u"QPSQL"_s, companions, event);
}

Status recordLock(const QSqlDatabase &tx, qint64 accountId, LockKind kind, QDate tokyoDay,
                  qint64 lockedAtMs)
{
    auto account =
        runQuery(tx, u"SELECT institution_id, branch_id, customer_id FROM accounts WHERE id = ?"_s,
                 {accountId}, u"read locked account"_s);
    if (!account)
        return account.error();
    if (!account.value().next())
        return Database::failure(u"read locked account"_s, u"no such account"_s);
    const QString institution = account.value().value(0).toString();
    const qint64 branch = account.value().value(1).toLongLong();
    const qint64 customer = account.value().value(2).toLongLong();

    const QString kindName = LockStore::kindName(kind);
    const QString day = tokyoDay.toString(Qt::ISODate);
    auto inserted = runQuery(tx,
                             u"INSERT INTO lock_events (institution_id, account_id, kind, day, "
                             "event, at) VALUES (?, ?, ?, ?, 'locked', ?) "
                             "ON CONFLICT (account_id, kind, event, at) DO NOTHING RETURNING id"_s,
                             {institution, accountId, kindName, day, lockedAtMs}, u"record lock"_s);
    if (!inserted)
        return inserted.error();
    if (!inserted.value().next())
        return Success {}; // recorded before: published then
    const QDateTime lockedAt = QDateTime::fromMSecsSinceEpoch(lockedAtMs, Qt::UTC);
    return publish(tx,
                   {.institutionId = institution,
                    .branchId = branch,
                    .customerId = customer,
                    .kind = QString(kinds::Lock),
                    .payload = protocol::StaffEvent {.kind = QString(kinds::Lock),
                                                     .lockKind = kindName,
                                                     .day = day,
                                                     .lockedAt = lockedAt,
                                                     .releasesAt = nextTokyoMidnight(lockedAt)}
                                   .toJson(),
                    .atMs = lockedAtMs,
                    .accountId = accountId});
}

Event attemptEvent(const QString &institutionId, qint64 accountId, qint64 clientAppId,
                   const QString &step, const QString &outcome, const QString &code, qint64 atMs)
{
    return {.institutionId = institutionId,
            .kind = QString(kinds::Attempt),
            .payload =
                protocol::StaffEvent {
                    .kind = QString(kinds::Attempt), .step = step, .outcome = outcome, .code = code}
                    .toJson(),
            .atMs = atMs,
            .accountId = accountId ? std::optional(accountId) : std::nullopt,
            .clientAppId = clientAppId ? std::optional(clientAppId) : std::nullopt};
}

} // namespace tc::backend::events
