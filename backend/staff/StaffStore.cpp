#include "StaffStore.h"

#include "Database.h"
#include "ErrorCatalog.h"
#include "ErrorCodes.h"
#include "KanaName.h"
#include "KeysetCursor.h"
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

// A stored instant (ms since the epoch, or NULL) as the protocol holds it (invalid for NULL).
QDateTime instantOf(const QVariant &msecs)
{
    return msecs.isNull() ? QDateTime()
                          : QDateTime::fromMSecsSinceEpoch(msecs.toLongLong(), Qt::UTC);
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
    protocol::Account toAccount() const
    {
        return {.id = id,
                .branchCode = branchCode,
                .branchName = branchName,
                .accountType = type,
                .accountNumber = number,
                .cashCardIssued = cashCard,
                .status = status,
                .movedToAccountId = movedTo.isNull() ? 0 : movedTo.toLongLong()};
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

protocol::Customer customerOf(const StaffPrincipal &caller, qint64 id, const QString &nameKana,
                              const QString &birthDate, const QString &phone)
{
    const bool masked = caller.masksPersonalData();
    return {.id = id,
            .nameKana = nameKana,
            .birthDate = masked ? maskedBirthDate(birthDate) : birthDate,
            .phone = masked ? maskedPhone(phone) : phone,
            .masked = masked,
            .accounts = {}};
}

// Customers by id in the given order, each with the accounts the caller may see; customers
// with none in scope are left out.
Result<QList<protocol::Customer>> customersWithAccounts(const QSqlDatabase &db,
                                                        const StaffPrincipal &caller,
                                                        const QList<qint64> &ids)
{
    if (ids.isEmpty())
        return QList<protocol::Customer>();
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
    QHash<qint64, protocol::Customer> customers;
    QSqlQuery &q = query.value();
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        customers.insert(id,
                         customerOf(caller, id, q.value(1).toString(), q.value(2).toString(),
                                    q.value(3).toString()));
    }
    const Result<QList<AccountRow>> accounts = accountsOf(db, caller, ids);
    if (!accounts)
        return accounts.error();
    QHash<qint64, QList<protocol::Account>> accountsByCustomer;
    for (const AccountRow &account : accounts.value())
        accountsByCustomer[account.customerId].append(account.toAccount());
    QList<protocol::Customer> result;
    for (const qint64 id : ids) {
        if (!customers.contains(id) || !accountsByCustomer.contains(id))
            continue;
        protocol::Customer customer = customers.value(id);
        customer.accounts = accountsByCustomer.value(id);
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

// A page of the attempts matching `condition` (on `t`, the attempts table), newest first, each
// with its account, customer and branch. The page continues after `cursor` by (at, id), so
// that a page deep in millions of rows is one index range, not an offset walked through.
Result<protocol::AttemptsPage> attemptsWhere(const QSqlDatabase &db, QString condition,
                                             QVariantList values, const QString &cursor, int limit,
                                             const QString &what)
{
    if (!cursor.isEmpty()) {
        const Result<KeysetCursor> after = KeysetCursor::fromText(cursor);
        if (!after)
            return after.error();
        condition += u" AND (t.at, t.id) < (?, ?)"_s;
        values << after->at << after->id;
    }
    values << limit + 1;
    auto query = runQuery(
        db,
        u"SELECT t.id, t.at, t.account_id, a.customer_id, b.code, a.account_type, "
        "a.account_number, t.step, t.outcome, t.code, t.flow_id, t.source_address, t.name_kana, "
        "c.name, cu.name_kana FROM attempts t LEFT JOIN accounts a ON a.id = t.account_id "
        "LEFT JOIN customers cu ON cu.id = a.customer_id "
        "LEFT JOIN branches b ON b.id = a.branch_id "
        "LEFT JOIN client_apps c ON c.id = t.client_app_id "
        "WHERE %1 ORDER BY t.at DESC, t.id DESC LIMIT ?"_s.arg(condition),
        values, what);
    if (!query)
        return query.error();
    protocol::AttemptsPage page;
    QSqlQuery &q = query.value();
    const ErrorCatalog &catalog = ErrorCatalog::builtIn();
    while (q.next()) {
        if (page.attempts.size() == limit) {
            const protocol::Attempt &last = page.attempts.constLast();
            page.nextCursor = KeysetCursor {last.at.toMSecsSinceEpoch(), last.id}.text();
            break;
        }
        const QString code = q.value(9).toString();
        const CatalogEntry *entry = code.isEmpty() ? nullptr : catalog.find(code);
        const bool hasAccount = !q.value(4).isNull();
        page.attempts.append(
            {.id = q.value(0).toLongLong(),
             .at = instantOf(q.value(1)),
             .accountId = q.value(2).toLongLong(),
             .account = hasAccount
                 ? accountLabel(q.value(4).toString(), q.value(5).toString(), q.value(6).toString())
                 : QString(),
             .customerId = q.value(3).toLongLong(),
             .branchCode = q.value(4).toString(),
             .step = q.value(7).toString(),
             .outcome = q.value(8).toString(),
             .code = code,
             .message = entry ? entry->customerMessage : QString(),
             .flowId = q.value(10).toString(),
             .sourceAddress = q.value(11).toString(),
             .nameKana = q.value(12).toString(),
             .customerName = q.value(14).toString(),
             .clientApp = q.value(13).toString()});
    }
    return page;
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

Result<protocol::CustomerSearchResult>
searchCustomers(const QSqlDatabase &db, const StaffPrincipal &caller, const CustomerSearch &search)
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
    const Result<QList<protocol::Customer>> customers =
        customersWithAccounts(db, caller, ids.value());
    if (!customers)
        return customers.error();
    return protocol::CustomerSearchResult {.customers = customers.value(), .truncated = truncated};
}

Result<protocol::CustomerDetail> customerDetail(const QSqlDatabase &db,
                                                const StaffPrincipal &caller, qint64 customerId,
                                                const QDateTime &now)
{
    const Result<QList<protocol::Customer>> found = customersWithAccounts(db, caller, {customerId});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return codeError(codes::StaffNotFound);
    protocol::CustomerDetail detail {.customer = found->first()};
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
    detail.earlyReleaseNeedsApproval = thresholds->value(2).toInt() != 0;

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
    QHash<qint64, QList<protocol::AccountLock>> locksByAccount;
    while (counters->next()) {
        const QString kind = counters->value(1).toString();
        const LockKind lockKind = kind == u"pin"_s ? LockKind::Pin : LockKind::Identity;
        const QDateTime lockedAt = instantOf(counters->value(3));
        locksByAccount[counters->value(0).toLongLong()].append(
            {.kind = kind,
             .failuresToday = counters->value(2).toInt(),
             .threshold = policy.threshold(lockKind),
             .locked = lockedAt.isValid(),
             .lockedAt = lockedAt,
             .releaseAt = lockedAt.isValid() ? policy.releaseTime(lockedAt) : QDateTime(),
             .releasedEarlyAt = instantOf(counters->value(4))});
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
    QHash<qint64, QList<protocol::PendingRelease>> requestsByAccount;
    while (pending->next()) {
        requestsByAccount[pending->value(1).toLongLong()].append(
            {.id = pending->value(0).toLongLong(),
             .kind = pending->value(2).toString(),
             .reason = pending->value(3).toString(),
             .requestedAt = instantOf(pending->value(4)),
             .requestedBy = pending->value(5).toString()});
    }

    detail.customer.accounts.clear();
    for (const AccountRow &row : accounts.value()) {
        protocol::Account account = row.toAccount();
        account.hasLockState = true;
        account.locks = locksByAccount.value(row.id);
        account.pendingReleaseRequests = requestsByAccount.value(row.id);
        detail.customer.accounts.append(account);
    }

    auto history =
        runQuery(db,
                 u"SELECT e.account_id, e.kind, e.event, e.at, s.username, e.reason "
                 "FROM lock_events e LEFT JOIN staff_users s ON s.id = e.staff_id "
                 "WHERE e.account_id IN (%1) ORDER BY e.at DESC, e.id DESC LIMIT 50"_s.arg(
                     bindMarks(ids.size())),
                 ids, u"staff: lock history"_s);
    if (!history)
        return history.error();
    while (history->next()) {
        detail.lockHistory.append({.accountId = history->value(0).toLongLong(),
                                   .kind = history->value(1).toString(),
                                   .event = history->value(2).toString(),
                                   .at = instantOf(history->value(3)),
                                   .staff = history->value(4).toString(),
                                   .reason = history->value(5).toString()});
    }

    const Result<protocol::LinkageList> links = linkages(db, caller, customerId, now);
    if (!links)
        return links.error();
    for (const protocol::Linkage &link : links->linkages)
        detail.activeLinkages += link.state == u"active"_s ? 1 : 0;
    detail.totalLinkages = int(links->linkages.size());
    return detail;
}

Result<protocol::AttemptsPage> attemptsPage(const QSqlDatabase &db, const StaffPrincipal &caller,
                                            qint64 customerId, const QString &cursor, int limit)
{
    const Result<QList<AccountRow>> accounts = scopedAccountsOfCustomer(db, caller, customerId);
    if (!accounts)
        return accounts.error();
    return attemptsWhere(db, u"t.account_id IN (%1)"_s.arg(bindMarks(accounts->size())),
                         accountIds(accounts.value()), cursor, limit, u"staff: attempts page"_s);
}

Result<protocol::AttemptsPage> branchAttempts(const QSqlDatabase &db, const StaffPrincipal &caller,
                                              const BranchAttempts &request)
{
    QString condition = u"t.institution_id = ? AND t.at >= ?"_s;
    QVariantList values {caller.institutionId, request.from.toMSecsSinceEpoch()};
    if (request.to.isValid()) {
        condition += u" AND t.at < ?"_s;
        values << request.to.toMSecsSinceEpoch();
    }
    QString branchCode = request.branchCode;
    if (branchCode.isEmpty() && !caller.seesAllBranches()) {
        // A teller without a branch code asks for their own branch.
        condition += u" AND t.branch_id = ?"_s;
        values << caller.branchId.value_or(-1);
    } else if (!branchCode.isEmpty()) {
        auto branch =
            runQuery(db, u"SELECT id FROM branches WHERE institution_id = ? AND code = ?"_s,
                     {caller.institutionId, branchCode}, u"staff: branch of attempts"_s);
        if (!branch)
            return branch.error();
        if (!branch->next() || !caller.maySeeBranch(branch->value(0).toLongLong()))
            return codeError(codes::StaffNotFound);
        condition += u" AND t.branch_id = ?"_s;
        values << branch->value(0).toLongLong();
    } else {
        // The whole institution: the attempts that named one of its accounts, as the daily
        // report counts them.
        condition += u" AND t.branch_id IS NOT NULL"_s;
    }
    if (!request.code.isEmpty()) {
        condition += u" AND t.code = ?"_s;
        values << request.code;
    }
    if (!request.outcome.isEmpty()) {
        condition += u" AND t.outcome = ?"_s;
        values << request.outcome;
    }
    return attemptsWhere(db, condition, values, request.cursor, request.limit,
                         u"staff: branch attempts"_s);
}

Result<protocol::LinkageList> linkages(const QSqlDatabase &db, const StaffPrincipal &caller,
                                       qint64 customerId, const QDateTime &now)
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
    protocol::LinkageList result;
    QSqlQuery &q = query.value();
    while (q.next()) {
        const AccountRow account = byId.value(q.value(1).toLongLong());
        result.linkages.append({.id = q.value(0).toLongLong(),
                                .accountId = account.id,
                                .account = account.label(),
                                .clientId = q.value(2).toString(),
                                .clientApp = q.value(3).toString(),
                                .provider = q.value(4).toString(),
                                .scope = q.value(5).toString(),
                                .grantedAt = instantOf(q.value(6)),
                                .expiresAt = instantOf(q.value(7)),
                                .lastUsedAt = instantOf(q.value(8)),
                                .revokedAt = instantOf(q.value(9)),
                                .revokedBy = q.value(10).toString(),
                                .revokeReason = q.value(11).toString(),
                                .state = linkageState(q, nowMs, 9, 7, 12, 13)});
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
                              const protocol::StaffChange &change, qint64 nowMs)
{
    const auto textOrNull = [](const QString &text) {
        return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
    };
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
        "reason_kind, identity_document, requested_by, requested_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (account_id, kind, day) WHERE status = 'pending' DO NOTHING RETURNING id"_s,
        {requester.institutionId, account.accountId, kindName, day, change.reason,
         textOrNull(change.reasonKind), textOrNull(change.identityDocument), requester.staffId,
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
                 "a.branch_id, s.username FROM lock_release_requests r "
                 "JOIN accounts a ON a.id = r.account_id "
                 "JOIN staff_users s ON s.id = r.requested_by "
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
                           .requestedByUsername = q.value(7).toString(),
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

Result<protocol::ReleaseRequestList> releaseRequests(const QSqlDatabase &db,
                                                     const StaffPrincipal &caller, QDate tokyoToday)
{
    QVariantList values {caller.institutionId, tokyoToday.toString(Qt::ISODate)};
    QString who;
    // Those who decide requests see every pending one; the others their own.
    if (!caller.may(permissions::StaffAction::DecideReleaseRequest)) {
        who = u" AND r.requested_by = ?"_s;
        values << caller.staffId;
    }
    auto query = runQuery(
        db,
        u"SELECT r.id, r.account_id, a.customer_id, b.code, a.account_type, a.account_number, "
        "r.kind, r.reason, r.requested_at, s.username, s.display_name, c.name_kana, "
        "lc.failures, lc.locked_at, r.status, d.username, r.decided_at, "
        "r.decision_note, r.reason_kind, r.identity_document FROM lock_release_requests r "
        "JOIN accounts a ON a.id = r.account_id JOIN branches b ON b.id = a.branch_id "
        "JOIN customers c ON c.id = a.customer_id "
        "JOIN staff_users s ON s.id = r.requested_by "
        "LEFT JOIN staff_users d ON d.id = r.decided_by "
        "LEFT JOIN lock_counters lc ON lc.account_id = r.account_id AND lc.kind = r.kind "
        "AND lc.day = r.day "
        "WHERE r.institution_id = ? AND r.day = ? AND r.status = 'pending'%1 "
        "ORDER BY r.requested_at, r.id"_s.arg(who),
        values, u"staff: release requests"_s);
    if (!query)
        return query.error();
    const LockPolicy policy;
    protocol::ReleaseRequestList list;
    QSqlQuery &q = query.value();
    while (q.next()) {
        // A staff release clears locked_at: set means the lock is on.
        const QDateTime lockedAt = instantOf(q.value(13));
        const QString branchCode = q.value(3).toString();
        const QString type = q.value(4).toString();
        const QString number = q.value(5).toString();
        list.requests.append(
            {.id = q.value(0).toLongLong(),
             .accountId = q.value(1).toLongLong(),
             .account = accountLabel(branchCode, type, number),
             .branchCode = branchCode,
             .accountType = type,
             .accountNumber = number,
             .customerId = q.value(2).toLongLong(),
             .customerName = q.value(11).toString(),
             .kind = q.value(6).toString(),
             .failuresToday = q.value(12).toInt(),
             .lockedAt = lockedAt,
             .releaseAt = lockedAt.isValid() ? policy.releaseTime(lockedAt) : QDateTime(),
             .reason = q.value(7).toString(),
             .reasonKind = q.value(18).toString(),
             .identityDocument = q.value(19).toString(),
             .requestedAt = instantOf(q.value(8)),
             .requestedBy = q.value(9).toString(),
             .requestedByName = q.value(10).toString(),
             .status = q.value(14).toString(),
             .decidedBy = q.value(15).toString(),
             .decidedAt = instantOf(q.value(16)),
             .decisionNote = q.value(17).toString()});
    }
    return list;
}

Result<ScopedLinkage> linkageInScope(const QSqlDatabase &db, const StaffPrincipal &caller,
                                     qint64 linkageId)
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
    return ScopedLinkage {linkageId, account.value(), clientName};
}

Status revokeLinkage(const QSqlDatabase &db, const StaffPrincipal &caller,
                     const ScopedLinkage &linkage, const QString &reason, qint64 nowMs)
{
    const qint64 linkageId = linkage.linkageId;
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
    return Success {};
}

Result<QList<protocol::StaffApp>> clientApps(const QSqlDatabase &db, const StaffPrincipal &caller,
                                             qint64 nowMs)
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
    QList<protocol::StaffApp> result;
    QSqlQuery &q = query.value();
    while (q.next()) {
        result.append({.clientId = q.value(0).toString(),
                       .name = q.value(1).toString(),
                       .provider = q.value(2).toString(),
                       .suspended = !q.value(3).isNull(),
                       .suspendedAt = instantOf(q.value(3)),
                       .suspendedBy = q.value(4).toString(),
                       .suspendReason = q.value(5).toString(),
                       .liveLinkages = q.value(6).toLongLong()});
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

Result<protocol::DailyReport> dailyReport(const QSqlDatabase &db, const StaffPrincipal &caller,
                                          QDate day, const QString &branchCode)
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
    QMap<QString, protocol::BranchReport> rows;
    while (branches->next()) {
        const QString code = branches->value(0).toString();
        rows.insert(code, {.branchCode = code, .branchName = branches->value(1).toString()});
    }
    if (rows.isEmpty())
        return codeError(codes::StaffNotFound);

    const QString inBranch = branchCode.isEmpty() ? QString() : u" AND b.code = ?"_s;
    QVariantList values {caller.institutionId, from, to};
    if (!branchCode.isEmpty())
        values << branchCode;

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
        const auto row = rows.find(attempts->value(0).toString());
        if (row == rows.end())
            continue;
        const QString step = attempts->value(1).toString();
        const QString outcome = attempts->value(2).toString();
        const QString code = attempts->value(3).toString();
        const int count = attempts->value(4).toInt();
        row->attempts += count;
        if (step == u"consent"_s && outcome == u"success"_s)
            row->completions += count;
        if (!code.isEmpty())
            row->failuresByCode[code] += count;
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
        const auto row = rows.find(branch);
        if (row == rows.end())
            continue;
        const QString kind = events->value(1).toString();
        const QString event = events->value(2).toString();
        if (event == u"locked"_s) {
            (kind == u"pin"_s ? row->pinLocks : row->identityLocks) += 1;
        } else if (event == u"released_at_midnight"_s) {
            row->midnightReleases += 1;
        } else {
            row->earlyReleases.append({.at = instantOf(events->value(3)),
                                       .kind = kind,
                                       .account = accountLabel(branch, events->value(7).toString(),
                                                               events->value(8).toString()),
                                       .staff = events->value(4).toString(),
                                       .staffName = events->value(5).toString(),
                                       .reason = events->value(6).toString()});
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
        const auto row = rows.find(branch);
        if (row == rows.end())
            continue;
        row->revocations.append({.at = instantOf(revocations->value(1)),
                                 .by = revocations->value(2).toString(),
                                 .reason = revocations->value(3).toString(),
                                 .clientApp = revocations->value(4).toString(),
                                 .account = accountLabel(branch, revocations->value(5).toString(),
                                                         revocations->value(6).toString())});
    }

    return protocol::DailyReport {
        .date = day, .institutionId = caller.institutionId, .branches = rows.values()};
}

} // namespace tc::backend::staff::StaffStore
