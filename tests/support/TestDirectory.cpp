#include "TestDirectory.h"

#include "Directory.h"
#include "MustSucceed.h"
#include "TestBackend.h"

#include <QDate>

using namespace Qt::StringLiterals;

namespace tc::test {

qint64 customerOfAccount(const QSqlDatabase &db, qint64 accountId)
{
    auto q = mustRun(db, u"SELECT customer_id FROM accounts WHERE id = ?"_s, {accountId},
                     "customer of account");
    if (!q.next())
        qFatal("no account %lld", accountId);
    return q.value(0).toLongLong();
}

ScopeCustomers addScopeCustomers(const QSqlDatabase &db, const QString &otherInstitution,
                                 const QString &branch101Name)
{
    namespace Directory = backend::Directory;
    ScopeCustomers added;
    added.branch002 =
        must(Directory::addBranch(db, {StandardData::institution, u"002"_s, u"須磨支店"_s, {}}),
             "branch 002");
    added.customerB =
        must(Directory::addCustomer(
                 db, {StandardData::institution, u"ｽﾏ ﾊﾅｺ"_s, QDate(1975, 6, 30), u"0787350000"_s}),
             "customer B");
    added.accountB = must(Directory::addAccount(db,
                                                {.customerId = added.customerB,
                                                 .branchId = added.branch002,
                                                 .accountType = u"ordinary"_s,
                                                 .accountNumber = u"2222222"_s}),
                          "account B");
    mustDo(Directory::addInstitution(db,
                                     {.id = otherInstitution,
                                      .name = u"ぐんまみらい信用組合"_s,
                                      .authenticationNumbers = {u"0120000009"_s}}),
           "institution C");
    added.branch101 = must(
        Directory::addBranch(db, {otherInstitution, u"101"_s, branch101Name, {}}), "branch 101");
    added.customerC =
        must(Directory::addCustomer(
                 db, {otherInstitution, u"ｸﾞﾝﾏ ｼﾞﾛｳ"_s, QDate(1988, 2, 2), u"0272000000"_s}),
             "customer C");
    added.accountC = must(Directory::addAccount(db,
                                                {.customerId = added.customerC,
                                                 .branchId = added.branch101,
                                                 .accountType = u"ordinary"_s,
                                                 .accountNumber = u"3333333"_s}),
                          "account C");
    return added;
}

} // namespace tc::test
