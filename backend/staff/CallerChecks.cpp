#include "CallerChecks.h"

#include "Crypto.h"
#include "Database.h"
#include "ErrorCodes.h"
#include "KanaName.h"

#include <QDate>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace tc::backend::staff::CallerChecks {

namespace {

constexpr qint64 HourMs = 3600LL * 1000;
// Checks only count towards the limits for an hour; a day later they are of no use at all.
constexpr qint64 KeptMs = 24 * HourMs;

using protocol::CallerCheckResult;

Error codeError(QLatin1StringView code, const QString &detail = {})
{
    return Error {QString(code), detail};
}

QString digitsOnly(const QString &text)
{
    QString digits;
    for (const QChar c : text) {
        if (c.isDigit())
            digits.append(QChar(u'0' + c.digitValue()));
    }
    return digits;
}

// What the caller said, in the form it is compared in; empty where not given.
struct Said
{
    QString nameKey;
    QDate birthDate;
    QString phone;
    QString branchCode;
    QString accountNumber;
};

Result<Said> comparable(const protocol::CallerCheckRequest &request)
{
    static const QRegularExpression phoneCharacters(u"^[0-9０-９\\-－ー‐ ()（）]+$"_s);
    Said said;
    if (const QString name = request.nameKana.trimmed(); !name.isEmpty()) {
        if (!isKanaName(name))
            return codeError(codes::MalformedRequest, u"name_kana must be kana"_s);
        said.nameKey = normalizedKanaName(name);
    }
    if (const QString date = request.birthDate.trimmed(); !date.isEmpty()) {
        said.birthDate = QDate::fromString(date, Qt::ISODate);
        if (date.size() != 10 || !said.birthDate.isValid())
            return codeError(codes::MalformedRequest, u"birth_date must be YYYY-MM-DD"_s);
    }
    if (const QString phone = request.phone.trimmed(); !phone.isEmpty()) {
        said.phone = digitsOnly(phone);
        if (!phoneCharacters.match(phone).hasMatch() || said.phone.size() < 6
            || said.phone.size() > 15)
            return codeError(codes::MalformedRequest, u"phone must be a phone number"_s);
    }
    said.branchCode = request.branchCode.trimmed();
    said.accountNumber = digitsOnly(request.accountNumber);
    if (said.branchCode.isEmpty() != said.accountNumber.isEmpty())
        return codeError(codes::MalformedRequest, u"branch_code and account_number go together"_s);
    if (said.nameKey.isEmpty() && !said.birthDate.isValid() && said.phone.isEmpty())
        return codeError(codes::MalformedRequest,
                         u"give at least one of name_kana, birth_date, phone"_s);
    return said;
}

// The customer's stored data, for the caller's scope only.
struct Stored
{
    QString nameKey;
    QString birthDate;
    QString phone;
    QList<std::pair<QString, QString>> accounts; // branch code, account number
};

Result<Stored> storedCustomer(const QSqlDatabase &db, const StaffPrincipal &caller,
                              qint64 customerId)
{
    auto customer = runQuery(db,
                             u"SELECT name_kana, birth_date, phone FROM customers "
                             "WHERE id = ? AND institution_id = ?"_s,
                             {customerId, caller.institutionId}, u"caller check: customer"_s);
    if (!customer)
        return customer.error();
    if (!customer->next())
        return codeError(codes::StaffNotFound);
    Stored stored {.nameKey = normalizedKanaName(customer->value(0).toString()),
                   .birthDate = customer->value(1).toString(),
                   .phone = digitsOnly(customer->value(2).toString()),
                   .accounts = {}};
    customer->finish();
    auto accounts = runQuery(db,
                             u"SELECT a.branch_id, b.code, a.account_number FROM accounts a "
                             "JOIN branches b ON b.id = a.branch_id "
                             "WHERE a.customer_id = ? AND a.institution_id = ?"_s,
                             {customerId, caller.institutionId}, u"caller check: accounts"_s);
    if (!accounts)
        return accounts.error();
    while (accounts->next()) {
        if (caller.maySeeBranch(accounts->value(0).toLongLong()))
            stored.accounts.append({accounts->value(1).toString(), accounts->value(2).toString()});
    }
    // A customer with no account in the caller's scope is one the caller cannot see.
    if (stored.accounts.isEmpty())
        return codeError(codes::StaffNotFound);
    return stored;
}

QString fieldResult(bool given, bool matches)
{
    if (!given)
        return QString(CallerCheckResult::NotGiven);
    return QString(matches ? CallerCheckResult::Match : CallerCheckResult::NoMatch);
}

Result<qint64> countSince(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    auto counted = runQuery(db, sql, values, u"caller check: count"_s);
    if (!counted)
        return counted.error();
    return counted->next() ? counted->value(0).toLongLong() : 0;
}

Status withinLimits(const QSqlDatabase &db, const StaffPrincipal &caller, qint64 customerId,
                    const Limits &limits, qint64 nowMs)
{
    const Result<qint64> byStaff = countSince(
        db, u"SELECT COUNT(*) FROM caller_checks WHERE staff_id = ? AND checked_at > ?"_s,
        {caller.staffId, nowMs - HourMs});
    if (!byStaff)
        return byStaff.error();
    if (byStaff.value() >= limits.checksPerStaffPerHour)
        return codeError(codes::StaffCallerCheckLimited);
    const Result<qint64> failed = countSince(db,
                                             u"SELECT COUNT(*) FROM caller_checks "
                                             "WHERE customer_id = ? AND passed = 0 "
                                             "AND checked_at > ?"_s,
                                             {customerId, nowMs - HourMs});
    if (!failed)
        return failed.error();
    if (failed.value() >= limits.failuresPerCustomerPerHour)
        return codeError(codes::StaffCallerCheckLimited);
    return Success {};
}

Status sweepNowAndThen(const QSqlDatabase &db, qint64 nowMs)
{
    if (QRandomGenerator::global()->bounded(200) != 0)
        return Success {};
    auto swept = runQuery(db, u"DELETE FROM caller_checks WHERE checked_at < ?"_s, {nowMs - KeptMs},
                          u"caller check: sweep"_s);
    return swept ? Status(Success {}) : Status(swept.error());
}

} // namespace

Result<CallerCheckResult> check(const QSqlDatabase &db, const StaffPrincipal &caller,
                                qint64 customerId, const protocol::CallerCheckRequest &request,
                                const Limits &limits, qint64 nowMs)
{
    const Result<Stored> stored = storedCustomer(db, caller, customerId);
    if (!stored)
        return stored.error();
    const Result<Said> said = comparable(request);
    if (!said)
        return said.error();
    if (Status allowed = withinLimits(db, caller, customerId, limits, nowMs); !allowed)
        return allowed.error();

    const bool accountGiven = !said->accountNumber.isEmpty();
    const bool accountMatches = stored->accounts.contains({said->branchCode, said->accountNumber});
    CallerCheckResult result {
        .checkId = u"cc_"_s + crypto::randomToken(24),
        .customerId = customerId,
        .passed = false,
        .checkedAt = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC),
        .expiresAt = QDateTime::fromMSecsSinceEpoch(nowMs + ValiditySeconds * 1000LL, Qt::UTC),
        .nameKana = fieldResult(!said->nameKey.isEmpty(), said->nameKey == stored->nameKey),
        .birthDate = fieldResult(said->birthDate.isValid(),
                                 said->birthDate.toString(Qt::ISODate) == stored->birthDate),
        .phone = fieldResult(!said->phone.isEmpty(), said->phone == stored->phone),
        .account = fieldResult(accountGiven, accountMatches)};
    result.passed = result.nameKana == CallerCheckResult::Match
        && result.birthDate == CallerCheckResult::Match && result.phone == CallerCheckResult::Match
        && result.account != CallerCheckResult::NoMatch;

    auto recorded = runQuery(db,
                             u"INSERT INTO caller_checks (check_id, institution_id, staff_id, "
                             "customer_id, checked_at, expires_at, passed) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                             {result.checkId, caller.institutionId, caller.staffId, customerId,
                              nowMs, nowMs + ValiditySeconds * 1000LL, result.passed ? 1 : 0},
                             u"caller check: record"_s);
    if (!recorded)
        return recorded.error();
    if (Status swept = sweepNowAndThen(db, nowMs); !swept)
        return swept.error();
    return result;
}

Result<bool> isValid(const QSqlDatabase &db, const StaffPrincipal &caller, const QString &checkId,
                     qint64 customerId, qint64 nowMs)
{
    if (checkId.isEmpty() || checkId.size() > 100)
        return false;
    auto found =
        runQuery(db,
                 u"SELECT 1 FROM caller_checks WHERE check_id = ? AND staff_id = ? "
                 "AND customer_id = ? AND passed = 1 AND expires_at > ?"_s,
                 {checkId, caller.staffId, customerId, nowMs}, u"caller check: validity"_s);
    if (!found)
        return found.error();
    return found->next();
}

} // namespace tc::backend::staff::CallerChecks
