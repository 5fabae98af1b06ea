#include "StaffStore.h"

#include "Database.h"
#include "ErrorCatalog.h"
#include "ErrorCodes.h"
#include "KanaName.h"
#include "LockStore.h"
#include "TokyoTime.h"

#include <QHash>
#include <QMap>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace tc::backend::staff::StaffStore {

namespace {

Error codeError(QLatin1StringView code, const QString &detail = {})
{
    return Error {QString(code), detail};
}

QString bindMarks(qsizetype count)
{
    QStringList marks;
    marks.fill(u"?"_s, count);
    return marks.join(u", "_s);
}

QJsonValue instantOrNull(const QVariant &msecs)
{
    return msecs.isNull() ? QJsonValue(QJsonValue::Null)
                          : QJsonValue(utcIsoText(msecs.toLongLong()));
}

QJsonValue textOrNull(const QVariant &text)
{
    return text.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(text.toString());
}

QString accountLabel(const QString &branchCode, const QString &type, const QString &number)
{
    return branchCode + u' ' + type + u' ' + number;
}

// The branch condition a teller's queries add; empty for everyone else. `column` names the
// branch id column of the query.
QString branchCondition(const StaffPrincipal &caller, const QString &column)
{
    return caller.seesAllBranches() ? QString() : QString(u" AND "_s + column + u" = ?"_s);
}

void bindBranch(const StaffPrincipal &caller, QVariantList &values)
{
    if (!caller.seesAllBranches())
        values << caller.branchId.value_or(-1);
}

struct AccountRow
{
    qint64 id = 0;
    qint64 customerId = 0;
    qint64 branchId = 0;
    QString branchCode;
    QString branchName;
    QString type;
    QString number;
    bool cashCard = false;
    QString status;
    QVariant movedTo;

    QString label() const { return accountLabel(branchCode, type, number); }
    QJsonObject toJson() const
    {
        return {
            {u"id"_s, id},
            {u"branch_code"_s, branchCode},
            {u"branch_name"_s, branchName},
            {u"account_type"_s, type},
            {u"account_number"_s, number},
            {u"cash_card_issued"_s, cashCard},
            {u"status"_s, status},
            {u"moved_to_account_id"_s,
             movedTo.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(movedTo.toLongLong())}};
    }
};

// The accounts of some customers the caller may see, in a stable order.
Result<QList<AccountRow>> accountsOf(const QSqlDatabase &db, const StaffPrincipal &caller,
                                     const QList<qint64> &customerIds)
{
    if (customerIds.isEmpty())
        return QList<AccountRow>();
    QVariantList values;
    for (const qint64 id : customerIds)
        values << id;
    values << caller.institutionId;
    bindBranch(caller, values);
    auto query =
        runQuery(db,
                 u"SELECT a.id, a.customer_id, a.branch_id, b.code, b.name, a.account_type, "
                 "a.account_number, a.cash_card_issued, a.status, a.moved_to_account_id "
                 "FROM accounts a JOIN branches b ON b.id = a.branch_id "
                 "WHERE a.customer_id IN (%1) AND a.institution_id = ?%2 "
                 "ORDER BY a.customer_id, b.code, a.account_type, a.account_number"_s.arg(
                     bindMarks(customerIds.size()), branchCondition(caller, u"a.branch_id"_s)),
                 values, u"staff: accounts of customers"_s);
    if (!query)
        return query.error();
    QList<AccountRow> rows;
    QSqlQuery &q = query.value();
    while (q.next()) {
        rows.append({.id = q.value(0).toLongLong(),
                     .customerId = q.value(1).toLongLong(),
                     .branchId = q.value(2).toLongLong(),
                     .branchCode = q.value(3).toString(),
                     .branchName = q.value(4).toString(),
                     .type = q.value(5).toString(),
                     .number = q.value(6).toString(),
                     .cashCard = q.value(7).toInt() != 0,
                     .status = q.value(8).toString(),
                     .movedTo = q.value(9)});
    }
    return rows;
}

QJsonObject customerJson(const StaffPrincipal &caller, qint64 id, const QString &nameKana,
                         const QString &birthDate, const QString &phone)
{
    const bool masked = caller.masksPersonalData();
    return {{u"id"_s, id},
            {u"name_kana"_s, nameKana},
            {u"birth_date"_s, masked ? maskedBirthDate(birthDate) : birthDate},
            {u"phone"_s, masked ? maskedPhone(phone) : phone},
            {u"masked"_s, masked}};
}

// Customers by id in the given order, each with the accounts the caller may see; customers
// with none in scope are left out.
Result<QJsonArray> customersWithAccounts(const QSqlDatabase &db, const StaffPrincipal &caller,
                                         const QList<qint64> &ids)
{
    if (ids.isEmpty())
        return QJsonArray();
    QVariantList values;
    for (const qint64 id : ids)
        values << id;
    values << caller.institutionId;
    auto query = runQuery(db,
                          u"SELECT id, name_kana, birth_date, phone FROM customers "
                          "WHERE id IN (%1) AND institution_id = ?"_s.arg(bindMarks(ids.size())),
                          values, u"staff: customers"_s);
    if (!query)
        return query.error();
    QHash<qint64, QJsonObject> customers;
    QSqlQuery &q = query.value();
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        customers.insert(id,
                         customerJson(caller, id, q.value(1).toString(), q.value(2).toString(),
                                      q.value(3).toString()));
    }
    const Result<QList<AccountRow>> accounts = accountsOf(db, caller, ids);
    if (!accounts)
        return accounts.error();
    QHash<qint64, QJsonArray> accountsByCustomer;
    for (const AccountRow &account : accounts.value())
        accountsByCustomer[account.customerId].append(account.toJson());
    QJsonArray result;
    for (const qint64 id : ids) {
        if (!customers.contains(id) || !accountsByCustomer.contains(id))
            continue;
        QJsonObject customer = customers.value(id);
        customer.insert(u"accounts"_s, accountsByCustomer.value(id));
        result.append(customer);
    }
    return result;
}

Result<QList<qint64>> idsOf(Result<Statement> query)
{
    if (!query)
        return query.error();
    QList<qint64> ids;
    QSqlQuery &q = query.value();
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

QString digitsOf(const QString &text)
{
    QString digits;
    for (const QChar c : text) {
        if (c.isDigit() && c.unicode() < 128)
            digits.append(c);
        else if (c != u'-' && c != u' ' && c != u'(' && c != u')')
            return QString();
    }
    return digits;
}

// The customer's accounts in scope; S06 when the customer is not there or has none in scope.
Result<QList<AccountRow>> scopedAccountsOfCustomer(const QSqlDatabase &db,
                                                   const StaffPrincipal &caller, qint64 customerId)
{
    Result<QList<AccountRow>> accounts = accountsOf(db, caller, {customerId});
    if (!accounts)
        return accounts.error();
    if (accounts->isEmpty())
        return codeError(codes::StaffNotFound);
    return accounts;
}

QVariantList accountIds(const QList<AccountRow> &accounts)
{
    QVariantList ids;
    for (const AccountRow &account : accounts)
        ids << account.id;
    return ids;
}

QString linkageState(const QSqlQuery &q, qint64 nowMs, int revokedAt, int expiresAt,
                     int accountStatus, int suspendedAt)
{
    if (!q.value(revokedAt).isNull())
        return u"revoked"_s;
    if (q.value(accountStatus).toString() != u"active"_s)
        return u"account_moved"_s;
    if (q.value(expiresAt).toLongLong() <= nowMs)
        return u"expired"_s;
    if (!q.value(suspendedAt).isNull())
        return u"app_suspended"_s;
    return u"active"_s;
}

} // namespace

QString maskedBirthDate(const QString &isoDate)
{
    return isoDate.size() == 10 ? QString(isoDate.left(4) + u"-**-**"_s) : u"****-**-**"_s;
}

QString maskedPhone(const QString &digits)
{
    if (digits.size() <= 4)
        return QString(digits.size(), u'*');
    return QString(digits.size() - 4, u'*') + digits.right(4);
}

Result<QJsonObject> searchCustomers(const QSqlDatabase &db, const StaffPrincipal &caller,
                                    const CustomerSearch &search)
{
    const bool byAccount = !search.branchCode.isEmpty() || !search.accountNumber.isEmpty();
    const int ways =
        int(byAccount) + int(!search.nameKana.isEmpty()) + int(!search.phone.isEmpty());
    if (ways != 1) {
        return codeError(codes::MalformedRequest,
                         u"search by exactly one of: branch_code with account_number, name_kana, "
                         "phone"_s);
    }
    QVariantList values {caller.institutionId};
    Result<QList<qint64>> ids = QList<qint64>();
    if (byAccount) {
        if (search.branchCode.isEmpty() || search.accountNumber.isEmpty())
            return codeError(codes::MalformedRequest,
                             u"branch_code and account_number go together"_s);
        values << search.branchCode << search.accountNumber;
        bindBranch(caller, values);
        values << SearchLimit + 1;
        ids = idsOf(runQuery(
            db,
            u"SELECT DISTINCT a.customer_id FROM accounts a "
            "JOIN branches b ON b.id = a.branch_id "
            "WHERE b.institution_id = ? AND b.code = ? AND a.account_number = ?%1 "
            "ORDER BY a.customer_id LIMIT ?"_s.arg(branchCondition(caller, u"a.branch_id"_s)),
            values, u"staff: search by account"_s));
    } else if (!search.nameKana.isEmpty()) {
        const QString key = normalizedKanaName(search.nameKana);
        if (key.isEmpty() || !isKanaName(search.nameKana))
            return codeError(codes::MalformedRequest, u"name_kana must be kana"_s);
        const QString keyEnd = key + QChar(0xFFFF);
        if (caller.seesAllBranches()) {
            values << key << keyEnd << SearchLimit + 1;
            ids = idsOf(runQuery(db,
                                 u"SELECT c.id FROM customers c WHERE c.institution_id = ? "
                                 "AND c.name_key >= ? AND c.name_key < ? "
                                 "ORDER BY c.name_key, c.id LIMIT ?"_s,
                                 values, u"staff: search by name"_s));
        } else {
            // One range of accounts_branch_name (the account's copy of its customer's name
            // key); the branch is the caller's own, of its institution.
            values = {key, keyEnd};
            bindBranch(caller, values);
            values << SearchLimit + 1;
            ids = idsOf(runQuery(db,
                                 u"SELECT DISTINCT a.customer_id, a.name_key FROM accounts a "
                                 "WHERE a.name_key >= ? AND a.name_key < ? AND a.branch_id = ? "
                                 "ORDER BY a.name_key, a.customer_id LIMIT ?"_s,
                                 values, u"staff: search by name in a branch"_s));
        }
    } else {
        const QString phone = digitsOf(search.phone);
        if (phone.size() < 10 || phone.size() > 11)
            return codeError(codes::MalformedRequest, u"phone must have 10 or 11 digits"_s);
        values << phone;
        bindBranch(caller, values);
        values << SearchLimit + 1;
        const QString tellerCondition = caller.seesAllBranches()
            ? QString()
            : u" AND EXISTS (SELECT 1 FROM accounts a WHERE a.customer_id = c.id "
              "AND a.branch_id = ?)"_s;
        ids = idsOf(runQuery(db,
                             u"SELECT c.id FROM customers c WHERE c.institution_id = ? "
                             "AND c.phone = ?%1 ORDER BY c.id LIMIT ?"_s.arg(tellerCondition),
                             values, u"staff: search by phone"_s));
    }
    if (!ids)
        return ids.error();
    const bool truncated = ids->size() > SearchLimit;
    if (truncated)
        ids.value().resize(SearchLimit);
    const Result<QJsonArray> customers = customersWithAccounts(db, caller, ids.value());
    if (!customers)
        return customers.error();
    return QJsonObject {{u"customers"_s, customers.value()}, {u"truncated"_s, truncated}};
}

Result<QJsonObject> customerDetail(const QSqlDatabase &db, const StaffPrincipal &caller,
                                   qint64 customerId, const QDateTime &now)
{
    const Result<QJsonArray> found = customersWithAccounts(db, caller, {customerId});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return codeError(codes::StaffNotFound);
    QJsonObject customer = found->first().toObject();
    const Result<QList<AccountRow>> accounts = scopedAccountsOfCustomer(db, caller, customerId);
    if (!accounts)
        return accounts.error();
    const QVariantList ids = accountIds(accounts.value());

    auto thresholds = runQuery(db,
                               u"SELECT identity_lock_threshold, pin_lock_threshold, "
                               "early_release_needs_approval FROM institutions WHERE id = ?"_s,
                               {caller.institutionId}, u"staff: thresholds"_s);
    if (!thresholds)
        return thresholds.error();
    if (!thresholds->next())
        return codeError(codes::StaffNotFound);
    const LockPolicy policy(
        {.identity = thresholds->value(0).toInt(), .pin = thresholds->value(1).toInt()});
    const bool needsApproval = thresholds->value(2).toInt() != 0;

    const QDate today = tokyoDate(now);
    QVariantList values = ids;
    values << today.toString(Qt::ISODate);
    auto counters = runQuery(
        db,
        u"SELECT account_id, kind, failures, locked_at, released_at "
        "FROM lock_counters WHERE account_id IN (%1) AND day = ?"_s.arg(bindMarks(ids.size())),
        values, u"staff: today's locks"_s);
    if (!counters)
        return counters.error();
    QHash<qint64, QJsonArray> locksByAccount;
    while (counters->next()) {
        const QString kind = counters->value(1).toString();
        const bool locked = !counters->value(3).isNull();
        const LockKind lockKind = kind == u"pin"_s ? LockKind::Pin : LockKind::Identity;
        QJsonObject lock {{u"kind"_s, kind},
                          {u"failures_today"_s, counters->value(2).toInt()},
                          {u"threshold"_s, policy.threshold(lockKind)},
                          {u"locked"_s, locked},
                          {u"locked_at"_s, instantOrNull(counters->value(3))},
                          {u"released_early_at"_s, instantOrNull(counters->value(4))}};
        if (locked) {
            lock.insert(u"release_at"_s,
                        utcIsoText(policy.releaseTime(QDateTime::fromMSecsSinceEpoch(
                            counters->value(3).toLongLong(), Qt::UTC))));
        }
        locksByAccount[counters->value(0).toLongLong()].append(lock);
    }

    auto pending =
        runQuery(db,
                 u"SELECT r.id, r.account_id, r.kind, r.reason, r.requested_at, "
                 "s.username FROM lock_release_requests r "
                 "JOIN staff_users s ON s.id = r.requested_by "
                 "WHERE r.account_id IN (%1) AND r.day = ? AND r.status = 'pending'"_s.arg(
                     bindMarks(ids.size())),
                 values, u"staff: pending release requests"_s);
    if (!pending)
        return pending.error();
    QHash<qint64, QJsonArray> requestsByAccount;
    while (pending->next()) {
        requestsByAccount[pending->value(1).toLongLong()].append(
            QJsonObject {{u"id"_s, pending->value(0).toLongLong()},
                         {u"kind"_s, pending->value(2).toString()},
                         {u"reason"_s, pending->value(3).toString()},
                         {u"requested_at"_s, instantOrNull(pending->value(4))},
                         {u"requested_by"_s, pending->value(5).toString()}});
    }

    QJsonArray accountsJson;
    for (const AccountRow &account : accounts.value()) {
        QJsonObject json = account.toJson();
        json.insert(u"locks"_s, locksByAccount.value(account.id));
        json.insert(u"pending_release_requests"_s, requestsByAccount.value(account.id));
        accountsJson.append(json);
    }
    customer.insert(u"accounts"_s, accountsJson);
    customer.insert(u"early_release_needs_approval"_s, needsApproval);

    auto history =
        runQuery(db,
                 u"SELECT e.account_id, e.kind, e.event, e.at, s.username, e.reason "
                 "FROM lock_events e LEFT JOIN staff_users s ON s.id = e.staff_id "
                 "WHERE e.account_id IN (%1) ORDER BY e.at DESC, e.id DESC LIMIT 50"_s.arg(
                     bindMarks(ids.size())),
                 ids, u"staff: lock history"_s);
    if (!history)
        return history.error();
    QJsonArray historyJson;
    while (history->next()) {
        historyJson.append(QJsonObject {{u"account_id"_s, history->value(0).toLongLong()},
                                        {u"kind"_s, history->value(1).toString()},
                                        {u"event"_s, history->value(2).toString()},
                                        {u"at"_s, instantOrNull(history->value(3))},
                                        {u"staff"_s, textOrNull(history->value(4))},
                                        {u"reason"_s, textOrNull(history->value(5))}});
    }
    customer.insert(u"lock_history"_s, historyJson);

    const Result<QJsonArray> links = linkages(db, caller, customerId, now);
    if (!links)
        return links.error();
    int active = 0;
    for (const QJsonValue &link : links.value())
        active += link.toObject().value(u"state"_s).toString() == u"active"_s ? 1 : 0;
    customer.insert(u"linkage_summary"_s,
                    QJsonObject {{u"active"_s, active}, {u"total"_s, links->size()}});
    return customer;
}

Result<QJsonObject> attemptsPage(const QSqlDatabase &db, const StaffPrincipal &caller,
                                 qint64 customerId, const QString &cursor, int limit)
{
    qint64 beforeAt = std::numeric_limits<qint64>::max();
    qint64 beforeId = std::numeric_limits<qint64>::max();
    if (!cursor.isEmpty()) {
        const QByteArray decoded = QByteArray::fromBase64(
            cursor.toLatin1(),
            QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
        const QList<QByteArray> parts = decoded.split('.');
        bool atOk = false;
        bool idOk = false;
        if (parts.size() == 2) {
            beforeAt = parts[0].toLongLong(&atOk);
            beforeId = parts[1].toLongLong(&idOk);
        }
        if (!atOk || !idOk)
            return codeError(codes::MalformedRequest, u"cursor is not one this server gave"_s);
    }
    const Result<QList<AccountRow>> accounts = scopedAccountsOfCustomer(db, caller, customerId);
    if (!accounts)
        return accounts.error();
    QHash<qint64, AccountRow> byId;
    for (const AccountRow &account : accounts.value())
        byId.insert(account.id, account);
    QVariantList values = accountIds(accounts.value());
    values << beforeAt << beforeAt << beforeId << limit + 1;
    auto query =
        runQuery(db,
                 u"SELECT t.id, t.at, t.account_id, t.step, t.outcome, t.code, t.flow_id, "
                 "t.source_address, t.name_kana, c.name FROM attempts t "
                 "LEFT JOIN client_apps c ON c.id = t.client_app_id "
                 "WHERE t.account_id IN (%1) AND (t.at < ? OR (t.at = ? AND t.id < ?)) "
                 "ORDER BY t.at DESC, t.id DESC LIMIT ?"_s.arg(bindMarks(accounts->size())),
                 values, u"staff: attempts page"_s);
    if (!query)
        return query.error();
    QJsonArray rows;
    bool more = false;
    qint64 lastAt = 0;
    qint64 lastId = 0;
    QSqlQuery &q = query.value();
    const ErrorCatalog &catalog = ErrorCatalog::builtIn();
    while (q.next()) {
        if (rows.size() == limit) {
            more = true;
            break;
        }
        lastId = q.value(0).toLongLong();
        lastAt = q.value(1).toLongLong();
        const AccountRow account = byId.value(q.value(2).toLongLong());
        const QString code = q.value(5).toString();
        const CatalogEntry *entry = code.isEmpty() ? nullptr : catalog.find(code);
        rows.append(QJsonObject {
            {u"id"_s, lastId},
            {u"at"_s, utcIsoText(lastAt)},
            {u"account_id"_s, account.id},
            {u"account"_s, account.label()},
            {u"step"_s, q.value(3).toString()},
            {u"outcome"_s, q.value(4).toString()},
            {u"code"_s, textOrNull(q.value(5))},
            {u"message"_s,
             entry ? QJsonValue(entry->customerMessage) : QJsonValue(QJsonValue::Null)},
            {u"flow_id"_s, textOrNull(q.value(6))},
            {u"source_address"_s, q.value(7).toString()},
            {u"name_kana"_s, textOrNull(q.value(8))},
            {u"client_app"_s, textOrNull(q.value(9))}});
    }
    QJsonObject page {{u"attempts"_s, rows}, {u"next_cursor"_s, QJsonValue(QJsonValue::Null)}};
    if (more) {
        // The cursor points after the last row returned; it is opaque to clients.
        const QByteArray token = QByteArray::number(lastAt) + '.' + QByteArray::number(lastId);
        page.insert(u"next_cursor"_s,
                    QString::fromLatin1(token.toBase64(QByteArray::Base64UrlEncoding
                                                       | QByteArray::OmitTrailingEquals)));
    }
    return page;
}

Result<QJsonArray> linkages(const QSqlDatabase &db, const StaffPrincipal &caller, qint64 customerId,
                            const QDateTime &now)
{
    const Result<QList<AccountRow>> accounts = scopedAccountsOfCustomer(db, caller, customerId);
    if (!accounts)
        return accounts.error();
    QHash<qint64, AccountRow> byId;
    for (const AccountRow &account : accounts.value())
        byId.insert(account.id, account);
    auto query = runQuery(
        db,
        u"SELECT l.id, l.account_id, c.client_id, c.name, c.provider, l.scope, l.granted_at, "
        "l.expires_at, l.last_used_at, l.revoked_at, l.revoked_by, l.revoke_reason, a.status, "
        "ci.suspended_at FROM linkages l JOIN client_apps c ON c.id = l.client_app_id "
        "JOIN accounts a ON a.id = l.account_id "
        "LEFT JOIN client_app_institutions ci ON ci.client_app_id = l.client_app_id "
        "AND ci.institution_id = l.institution_id "
        "WHERE l.account_id IN (%1) ORDER BY l.granted_at DESC, l.id DESC"_s.arg(
            bindMarks(accounts->size())),
        accountIds(accounts.value()), u"staff: linkages"_s);
    if (!query)
        return query.error();
    const qint64 nowMs = now.toMSecsSinceEpoch();
    QJsonArray result;
    QSqlQuery &q = query.value();
    while (q.next()) {
        const AccountRow account = byId.value(q.value(1).toLongLong());
        result.append(QJsonObject {{u"id"_s, q.value(0).toLongLong()},
                                   {u"account_id"_s, account.id},
                                   {u"account"_s, account.label()},
                                   {u"client_id"_s, q.value(2).toString()},
                                   {u"client_app"_s, q.value(3).toString()},
                                   {u"provider"_s, q.value(4).toString()},
                                   {u"scope"_s, q.value(5).toString()},
                                   {u"granted_at"_s, instantOrNull(q.value(6))},
                                   {u"expires_at"_s, instantOrNull(q.value(7))},
                                   {u"last_used_at"_s, instantOrNull(q.value(8))},
                                   {u"revoked_at"_s, instantOrNull(q.value(9))},
                                   {u"revoked_by"_s, textOrNull(q.value(10))},
                                   {u"revoke_reason"_s, textOrNull(q.value(11))},
                                   {u"state"_s, linkageState(q, nowMs, 9, 7, 12, 13)}});
    }
    return result;
}

Result<ScopedAccount> accountInScope(const QSqlDatabase &db, const StaffPrincipal &caller,
                                     qint64 accountId)
{
    auto query = runQuery(db,
                          u"SELECT a.customer_id, a.branch_id, b.code, a.account_type, "
                          "a.account_number FROM accounts a JOIN branches b ON b.id = a.branch_id "
                          "WHERE a.id = ? AND a.institution_id = ?"_s,
                          {accountId, caller.institutionId}, u"staff: account"_s);
    if (!query)
        return query.error();
    QSqlQuery &q = query.value();
    if (!q.next() || !caller.maySeeBranch(q.value(1).toLongLong()))
        return codeError(codes::StaffNotFound);
    return ScopedAccount {.accountId = accountId,
                          .customerId = q.value(0).toLongLong(),
                          .branchId = q.value(1).toLongLong(),
                          .branchCode = q.value(2).toString(),
                          .accountLabel = accountLabel(q.value(2).toString(), q.value(3).toString(),
                                                       q.value(4).toString())};
}

Status releaseLock(const QSqlDatabase &db, const StaffPrincipal &releasedBy,
                   const ScopedAccount &account, LockKind kind, QDate tokyoDay,
                   const QString &reason, qint64 nowMs)
{
    const QString kindName = LockStore::kindName(kind);
    const QString day = tokyoDay.toString(Qt::ISODate);
    auto current =
        runQuery(db,
                 u"SELECT locked_at FROM lock_counters WHERE account_id = ? AND kind = ? "
                 "AND day = ? AND locked_at IS NOT NULL"_s,
                 {account.accountId, kindName, day}, u"staff: read lock"_s);
    if (!current)
        return current.error();
    if (!current->next())
        return codeError(codes::StaffNothingToRelease);
    const qint64 lockedAt = current->value(0).toLongLong();
    current->finish();
    // The WHERE on locked_at makes a second, concurrent release change nothing (S09).
    auto released =
        runQuery(db,
                 u"UPDATE lock_counters SET failures = 0, locked_at = NULL, "
                 "released_at = ?, released_by = ?, release_reason = ? "
                 "WHERE account_id = ? AND kind = ? AND day = ? AND locked_at = ?"_s,
                 {nowMs, releasedBy.staffId, reason, account.accountId, kindName, day, lockedAt},
                 u"staff: release lock"_s);
    if (!released)
        return released.error();
    if (released->numRowsAffected() != 1)
        return codeError(codes::StaffNothingToRelease);
    const QString insertEvent =
        u"INSERT INTO lock_events (institution_id, account_id, kind, day, event, at, staff_id, "
        "reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"_s;
    const QVariant noStaff(QMetaType::fromType<qint64>());
    const QVariant noReason(QMetaType::fromType<QString>());
    for (const auto &[event, at, staffId, why] :
         {std::tuple {u"locked"_s, lockedAt, noStaff, noReason},
          std::tuple {u"released_by_staff"_s, nowMs, QVariant(releasedBy.staffId),
                      QVariant(reason)}}) {
        auto inserted = runQuery(
            db, insertEvent,
            {releasedBy.institutionId, account.accountId, kindName, day, event, at, staffId, why},
            u"staff: lock history"_s);
        if (!inserted)
            return inserted.error();
    }
    return Success {};
}

Result<qint64> requestRelease(const QSqlDatabase &db, const StaffPrincipal &requester,
                              const ScopedAccount &account, LockKind kind, QDate tokyoDay,
                              const QString &reason, qint64 nowMs)
{
    const QString kindName = LockStore::kindName(kind);
    const QString day = tokyoDay.toString(Qt::ISODate);
    const Result<bool> locked = LockStore::isLocked(db, account.accountId, kind, tokyoDay);
    if (!locked)
        return locked.error();
    if (!locked.value())
        return codeError(codes::StaffNothingToRelease);
    auto inserted = runQuery(
        db,
        u"INSERT INTO lock_release_requests (institution_id, account_id, kind, day, reason, "
        "requested_by, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (account_id, kind, day) WHERE status = 'pending' DO NOTHING RETURNING id"_s,
        {requester.institutionId, account.accountId, kindName, day, reason, requester.staffId,
         nowMs},
        u"staff: request release"_s);
    if (!inserted)
        return inserted.error();
    if (!inserted->next())
        return codeError(codes::StaffApprovalPending);
    return inserted->value(0).toLongLong();
}

Result<ReleaseRequest> releaseRequest(const QSqlDatabase &db, const StaffPrincipal &caller,
                                      qint64 requestId)
{
    auto query =
        runQuery(db,
                 u"SELECT r.account_id, r.kind, r.day, r.reason, r.requested_by, r.status, "
                 "a.branch_id FROM lock_release_requests r "
                 "JOIN accounts a ON a.id = r.account_id "
                 "WHERE r.id = ? AND r.institution_id = ?"_s,
                 {requestId, caller.institutionId}, u"staff: release request"_s);
    if (!query)
        return query.error();
    QSqlQuery &q = query.value();
    if (!q.next() || !caller.maySeeBranch(q.value(6).toLongLong()))
        return codeError(codes::StaffNotFound);
    return ReleaseRequest {.id = requestId,
                           .accountId = q.value(0).toLongLong(),
                           .kind = q.value(1).toString() == u"pin"_s ? LockKind::Pin
                                                                     : LockKind::Identity,
                           .day = QDate::fromString(q.value(2).toString(), Qt::ISODate),
                           .reason = q.value(3).toString(),
                           .requestedBy = q.value(4).toLongLong(),
                           .status = q.value(5).toString()};
}

Status decideRequest(const QSqlDatabase &db, const StaffPrincipal &decider, qint64 requestId,
                     const QString &status, const QString &note, qint64 nowMs)
{
    auto updated = runQuery(
        db,
        u"UPDATE lock_release_requests SET status = ?, decided_by = ?, "
        "decided_at = ?, decision_note = ? WHERE id = ? AND status = 'pending'"_s,
        {status, decider.staffId, nowMs, note, requestId}, u"staff: decide release request"_s);
    if (!updated)
        return updated.error();
    if (updated->numRowsAffected() != 1)
        return codeError(codes::StaffAlreadyDone);
    return Success {};
}

Result<QJsonArray> releaseRequests(const QSqlDatabase &db, const StaffPrincipal &caller,
                                   QDate tokyoToday)
{
    QVariantList values {caller.institutionId, tokyoToday.toString(Qt::ISODate)};
    QString who;
    if (!caller.isSupervisor()) {
        who = u" AND r.requested_by = ?"_s;
        values << caller.staffId;
    }
    auto query = runQuery(
        db,
        u"SELECT r.id, r.account_id, a.customer_id, b.code, a.account_type, a.account_number, "
        "r.kind, r.reason, r.requested_at, s.username, s.display_name FROM lock_release_requests r "
        "JOIN accounts a ON a.id = r.account_id JOIN branches b ON b.id = a.branch_id "
        "JOIN staff_users s ON s.id = r.requested_by "
        "WHERE r.institution_id = ? AND r.day = ? AND r.status = 'pending'%1 "
        "ORDER BY r.requested_at, r.id"_s.arg(who),
        values, u"staff: release requests"_s);
    if (!query)
        return query.error();
    QJsonArray result;
    QSqlQuery &q = query.value();
    while (q.next()) {
        result.append(QJsonObject {
            {u"id"_s, q.value(0).toLongLong()},
            {u"account_id"_s, q.value(1).toLongLong()},
            {u"customer_id"_s, q.value(2).toLongLong()},
            {u"account"_s,
             accountLabel(q.value(3).toString(), q.value(4).toString(), q.value(5).toString())},
            {u"kind"_s, q.value(6).toString()},
            {u"reason"_s, q.value(7).toString()},
            {u"requested_at"_s, instantOrNull(q.value(8))},
            {u"requested_by"_s, q.value(9).toString()},
            {u"requested_by_name"_s, q.value(10).toString()}});
    }
    return result;
}

Result<RevokedLinkage> revokeLinkage(const QSqlDatabase &db, const StaffPrincipal &caller,
                                     qint64 linkageId, const QString &reason, qint64 nowMs)
{
    auto found = runQuery(db,
                          u"SELECT l.account_id, c.name FROM linkages l "
                          "JOIN client_apps c ON c.id = l.client_app_id "
                          "WHERE l.id = ? AND l.institution_id = ?"_s,
                          {linkageId, caller.institutionId}, u"staff: linkage"_s);
    if (!found)
        return found.error();
    if (!found->next())
        return codeError(codes::StaffNotFound);
    const qint64 accountId = found->value(0).toLongLong();
    const QString clientName = found->value(1).toString();
    found->finish();
    const Result<ScopedAccount> account = accountInScope(db, caller, accountId);
    if (!account)
        return account.error();
    auto revoked =
        runQuery(db,
                 u"UPDATE linkages SET revoked_at = ?, revoked_by = ?, revoke_reason = ? "
                 "WHERE id = ? AND revoked_at IS NULL AND expires_at > ?"_s,
                 {nowMs, QString(u"staff:"_s + caller.username), reason, linkageId, nowMs},
                 u"staff: revoke linkage"_s);
    if (!revoked)
        return revoked.error();
    if (revoked->numRowsAffected() != 1)
        return codeError(codes::StaffAlreadyDone);
    auto tokens = runQuery(db,
                           u"UPDATE tokens SET revoked_at = ? WHERE linkage_id = ? "
                           "AND revoked_at IS NULL"_s,
                           {nowMs, linkageId}, u"staff: revoke linkage tokens"_s);
    if (!tokens)
        return tokens.error();
    return RevokedLinkage {account.value(), clientName};
}

Result<QJsonArray> clientApps(const QSqlDatabase &db, const StaffPrincipal &caller, qint64 nowMs)
{
    auto query =
        runQuery(db,
                 u"SELECT c.client_id, c.name, c.provider, ci.suspended_at, ci.suspended_by, "
                 "ci.suspend_reason, (SELECT COUNT(*) FROM linkages l WHERE l.client_app_id = c.id "
                 "AND l.institution_id = ci.institution_id AND l.revoked_at IS NULL "
                 "AND l.expires_at > ?) FROM client_app_institutions ci "
                 "JOIN client_apps c ON c.id = ci.client_app_id WHERE ci.institution_id = ? "
                 "ORDER BY c.name, c.client_id"_s,
                 {nowMs, caller.institutionId}, u"staff: client apps"_s);
    if (!query)
        return query.error();
    QJsonArray result;
    QSqlQuery &q = query.value();
    while (q.next()) {
        result.append(QJsonObject {{u"client_id"_s, q.value(0).toString()},
                                   {u"name"_s, q.value(1).toString()},
                                   {u"provider"_s, q.value(2).toString()},
                                   {u"suspended"_s, !q.value(3).isNull()},
                                   {u"suspended_at"_s, instantOrNull(q.value(3))},
                                   {u"suspended_by"_s, textOrNull(q.value(4))},
                                   {u"suspend_reason"_s, textOrNull(q.value(5))},
                                   {u"live_linkages"_s, q.value(6).toLongLong()}});
    }
    return result;
}

Result<QString> setAppSuspended(const QSqlDatabase &db, const StaffPrincipal &caller,
                                const QString &clientId, bool suspended, const QString &reason,
                                qint64 nowMs)
{
    auto app = runQuery(db,
                        u"SELECT c.id, c.name, ci.suspended_at FROM client_apps c "
                        "JOIN client_app_institutions ci ON ci.client_app_id = c.id "
                        "WHERE c.client_id = ? AND ci.institution_id = ?"_s,
                        {clientId, caller.institutionId}, u"staff: client app"_s);
    if (!app)
        return app.error();
    if (!app->next())
        return codeError(codes::StaffNotFound);
    const qint64 appId = app->value(0).toLongLong();
    const QString name = app->value(1).toString();
    app->finish();
    const QVariant noText(QMetaType::fromType<QString>());
    auto updated = suspended
        ? runQuery(db,
                   u"UPDATE client_app_institutions SET suspended_at = ?, suspended_by = ?, "
                   "suspend_reason = ? WHERE client_app_id = ? AND institution_id = ? "
                   "AND suspended_at IS NULL"_s,
                   {nowMs, caller.username, reason, appId, caller.institutionId},
                   u"staff: suspend app"_s)
        : runQuery(db,
                   u"UPDATE client_app_institutions SET suspended_at = NULL, suspended_by = NULL, "
                   "suspend_reason = NULL WHERE client_app_id = ? AND institution_id = ? "
                   "AND suspended_at IS NOT NULL"_s,
                   {appId, caller.institutionId}, u"staff: resume app"_s);
    if (!updated)
        return updated.error();
    if (updated->numRowsAffected() != 1)
        return codeError(codes::StaffAlreadyDone);
    return name;
}

Result<QJsonObject> dailyReport(const QSqlDatabase &db, const StaffPrincipal &caller, QDate day,
                                const QString &branchCode)
{
    const qint64 from = tokyoMidnight(day).toMSecsSinceEpoch();
    const qint64 to = tokyoMidnight(day.addDays(1)).toMSecsSinceEpoch();

    QVariantList branchValues {caller.institutionId};
    QString branchFilter;
    if (!branchCode.isEmpty()) {
        branchFilter = u" AND code = ?"_s;
        branchValues << branchCode;
    }
    auto branches = runQuery(db,
                             u"SELECT code, name FROM branches WHERE institution_id = ?%1 "
                             "ORDER BY code"_s.arg(branchFilter),
                             branchValues, u"report: branches"_s);
    if (!branches)
        return branches.error();
    QMap<QString, QJsonObject> rows;
    while (branches->next()) {
        rows.insert(branches->value(0).toString(),
                    QJsonObject {{u"branch_code"_s, branches->value(0).toString()},
                                 {u"branch_name"_s, branches->value(1).toString()},
                                 {u"attempts"_s, 0},
                                 {u"completions"_s, 0},
                                 {u"failures_by_code"_s, QJsonObject()},
                                 {u"locks"_s, QJsonObject {{u"identity"_s, 0}, {u"pin"_s, 0}}},
                                 {u"midnight_releases"_s, 0},
                                 {u"early_releases"_s, QJsonArray()},
                                 {u"revocations"_s, QJsonArray()}});
    }
    if (rows.isEmpty())
        return codeError(codes::StaffNotFound);

    const QString inBranch = branchCode.isEmpty() ? QString() : u" AND b.code = ?"_s;
    QVariantList values {caller.institutionId, from, to};
    if (!branchCode.isEmpty())
        values << branchCode;

    const auto add = [&rows](const QString &branch, const QString &field, qint64 count) {
        auto row = rows.find(branch);
        if (row == rows.end())
            return;
        row->insert(field, row->value(field).toInteger() + count);
    };

    auto attempts =
        runQuery(db,
                 u"SELECT b.code, t.step, t.outcome, t.code, COUNT(*) FROM attempts t "
                 "JOIN accounts a ON a.id = t.account_id JOIN branches b ON b.id = a.branch_id "
                 "WHERE t.institution_id = ? AND t.at >= ? AND t.at < ?%1 "
                 "GROUP BY b.code, t.step, t.outcome, t.code"_s.arg(inBranch),
                 values, u"report: attempts"_s);
    if (!attempts)
        return attempts.error();
    while (attempts->next()) {
        const QString branch = attempts->value(0).toString();
        const QString step = attempts->value(1).toString();
        const QString outcome = attempts->value(2).toString();
        const QString code = attempts->value(3).toString();
        const qint64 count = attempts->value(4).toLongLong();
        add(branch, u"attempts"_s, count);
        if (step == u"consent"_s && outcome == u"success"_s)
            add(branch, u"completions"_s, count);
        if (!code.isEmpty() && rows.contains(branch)) {
            QJsonObject &row = rows[branch];
            QJsonObject failures = row.value(u"failures_by_code"_s).toObject();
            failures.insert(code, failures.value(code).toInteger() + count);
            row.insert(u"failures_by_code"_s, failures);
        }
    }

    auto events = runQuery(
        db,
        u"SELECT b.code, e.kind, e.event, e.at, s.username, s.display_name, e.reason, "
        "a.account_type, a.account_number FROM lock_events e "
        "JOIN accounts a ON a.id = e.account_id JOIN branches b ON b.id = a.branch_id "
        "LEFT JOIN staff_users s ON s.id = e.staff_id "
        "WHERE e.institution_id = ? AND e.at >= ? AND e.at < ?%1 ORDER BY e.at, e.id"_s.arg(
            inBranch),
        values, u"report: lock history"_s);
    if (!events)
        return events.error();
    while (events->next()) {
        const QString branch = events->value(0).toString();
        if (!rows.contains(branch))
            continue;
        QJsonObject &row = rows[branch];
        const QString kind = events->value(1).toString();
        const QString event = events->value(2).toString();
        if (event == u"locked"_s) {
            QJsonObject locks = row.value(u"locks"_s).toObject();
            locks.insert(kind, locks.value(kind).toInteger() + 1);
            row.insert(u"locks"_s, locks);
        } else if (event == u"released_at_midnight"_s) {
            row.insert(u"midnight_releases"_s, row.value(u"midnight_releases"_s).toInteger() + 1);
        } else {
            QJsonArray releases = row.value(u"early_releases"_s).toArray();
            releases.append(QJsonObject {
                {u"at"_s, instantOrNull(events->value(3))},
                {u"kind"_s, kind},
                {u"account"_s,
                 accountLabel(branch, events->value(7).toString(), events->value(8).toString())},
                {u"staff"_s, textOrNull(events->value(4))},
                {u"staff_name"_s, textOrNull(events->value(5))},
                {u"reason"_s, textOrNull(events->value(6))}});
            row.insert(u"early_releases"_s, releases);
        }
    }

    auto revocations = runQuery(
        db,
        u"SELECT b.code, l.revoked_at, l.revoked_by, l.revoke_reason, c.name, a.account_type, "
        "a.account_number FROM linkages l JOIN accounts a ON a.id = l.account_id "
        "JOIN branches b ON b.id = a.branch_id JOIN client_apps c ON c.id = l.client_app_id "
        "WHERE l.institution_id = ? AND l.revoked_at >= ? AND l.revoked_at < ?%1 "
        "ORDER BY l.revoked_at, l.id"_s.arg(inBranch),
        values, u"report: revocations"_s);
    if (!revocations)
        return revocations.error();
    while (revocations->next()) {
        const QString branch = revocations->value(0).toString();
        if (!rows.contains(branch))
            continue;
        QJsonObject &row = rows[branch];
        QJsonArray list = row.value(u"revocations"_s).toArray();
        list.append(QJsonObject {{u"at"_s, instantOrNull(revocations->value(1))},
                                 {u"by"_s, revocations->value(2).toString()},
                                 {u"reason"_s, textOrNull(revocations->value(3))},
                                 {u"client_app"_s, revocations->value(4).toString()},
                                 {u"account"_s,
                                  accountLabel(branch, revocations->value(5).toString(),
                                               revocations->value(6).toString())}});
        row.insert(u"revocations"_s, list);
    }

    QJsonArray branchRows;
    for (const QJsonObject &row : std::as_const(rows))
        branchRows.append(row);
    return QJsonObject {{u"date"_s, day.toString(Qt::ISODate)},
                        {u"institution_id"_s, caller.institutionId},
                        {u"branches"_s, branchRows}};
}

} // namespace tc::backend::staff::StaffStore
