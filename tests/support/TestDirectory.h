#pragma once

// The directory rows the staff API's tests build beside StandardData's: the customer of an
// account, and the customers whose branch or institution a staff user's scope leaves out.
#include <QSqlDatabase>
#include <QString>

namespace tc::test {

// The customer an account belongs to; ends the program if there is none.
qint64 customerOfAccount(const QSqlDatabase &db, qint64 accountId);

struct ScopeCustomers
{
    qint64 branch002 = 0; // 須磨支店, of StandardData's institution
    qint64 customerB = 0; // ｽﾏ ﾊﾅｺ, 1975-06-30, 0787350000
    qint64 accountB = 0; // 002 ordinary 2222222
    qint64 branch101 = 0; // of the other institution
    qint64 customerC = 0; // ｸﾞﾝﾏ ｼﾞﾛｳ, 1988-02-02, 0272000000
    qint64 accountC = 0; // 101 ordinary 3333333
};

// Customer B at a new branch 002 of StandardData's institution, and customer C at branch 101
// (named `branch101Name`) of a new institution `otherInstitution` (ぐんまみらい信用組合).
ScopeCustomers addScopeCustomers(const QSqlDatabase &db, const QString &otherInstitution,
                                 const QString &branch101Name);

} // namespace tc::test
