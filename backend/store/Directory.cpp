#include "Directory.h"

#include "KanaName.h"

using namespace Qt::StringLiterals;

namespace tc::backend::Directory {

namespace {

Result<qint64> insertReturningId(const QSqlDatabase &db, const QString &sql,
                                 const QVariantList &values, const QString &what)
{
    auto query = runQuery(db, sql + u" RETURNING id"_s, values, what);
    if (!query)
        return query.error();
    if (!query.value().next())
        return Database::failure(what, u"no id returned"_s);
    return query.value().value(0).toLongLong();
}

} // namespace

Status addInstitution(const QSqlDatabase &db, const InstitutionRecord &institution)
{
    auto inserted = runQuery(
        db,
        u"INSERT INTO institutions (id, name, identity_lock_threshold, pin_lock_threshold, "
        "early_release_needs_approval, totp_required, support_desk) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
        {institution.id, institution.name, institution.identityLockThreshold,
         institution.pinLockThreshold, institution.earlyReleaseNeedsApproval ? 1 : 0,
         institution.totpRequired ? 1 : 0, institution.supportDesk},
        u"add institution"_s);
    if (!inserted)
        return inserted.error();
    for (const QString &number : institution.authenticationNumbers) {
        auto added =
            runQuery(db, u"INSERT INTO auth_numbers (institution_id, number) VALUES (?, ?)"_s,
                     {institution.id, number}, u"add authentication number"_s);
        if (!added)
            return added.error();
    }
    return Success {};
}

Result<qint64> addBranch(const QSqlDatabase &db, const BranchRecord &branch)
{
    return insertReturningId(
        db, u"INSERT INTO branches (institution_id, code, name, phone) VALUES (?, ?, ?, ?)"_s,
        {branch.institutionId, branch.code, branch.name, branch.phone}, u"add branch"_s);
}

Result<qint64> addCustomer(const QSqlDatabase &db, const CustomerRecord &customer)
{
    return insertReturningId(
        db,
        u"INSERT INTO customers (institution_id, name_kana, birth_date, phone, name_key) "
        "VALUES (?, ?, ?, ?, ?)"_s,
        {customer.institutionId, customer.nameKana, customer.birthDate.toString(Qt::ISODate),
         customer.phone, normalizedKanaName(customer.nameKana)},
        u"add customer"_s);
}

Result<qint64> addAccount(const QSqlDatabase &db, const AccountRecord &account)
{
    return insertReturningId(
        db,
        u"INSERT INTO accounts (institution_id, customer_id, branch_id, account_type, "
        "account_number, cash_card_issued, pin_hmac, balance) "
        "SELECT b.institution_id, ?, b.id, ?, ?, ?, ?, ? FROM branches b WHERE b.id = ?"_s,
        {account.customerId, account.accountType, account.accountNumber,
         account.cashCardIssued ? 1 : 0,
         account.pinDigest.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>())
                                     : QVariant(account.pinDigest),
         account.balance, account.branchId},
        u"add account"_s);
}

Status setPinDigest(const QSqlDatabase &db, qint64 accountId, const QByteArray &pinDigest)
{
    auto updated = runQuery(db, u"UPDATE accounts SET pin_hmac = ? WHERE id = ?"_s,
                            {pinDigest, accountId}, u"set PIN"_s);
    return updated ? Status(Success {}) : Status(updated.error());
}

Result<qint64> addClientApp(const QSqlDatabase &db, const ClientAppRecord &app)
{
    const Result<qint64> id = insertReturningId(
        db,
        u"INSERT INTO client_apps (client_id, name, provider, secret_hash, redirect_uris) "
        "VALUES (?, ?, ?, ?, ?)"_s,
        {app.clientId, app.name, app.provider, app.secretHash, app.redirectUris.join(u'\n')},
        u"add client app"_s);
    if (!id)
        return id;
    for (const QString &institutionId : app.institutionIds) {
        auto linked = runQuery(db,
                               u"INSERT INTO client_app_institutions (client_app_id, "
                               "institution_id) VALUES (?, ?)"_s,
                               {id.value(), institutionId}, u"register client app"_s);
        if (!linked)
            return linked.error();
    }
    return id;
}

} // namespace tc::backend::Directory
