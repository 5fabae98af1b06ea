#pragma once

#include "Database.h"
#include "Result.h"

#include <QDate>
#include <QString>
#include <QStringList>

namespace tc::backend {

// The reference data the flow checks against: institutions, their offices, customers and
// accounts, and the client apps allowed to ask for linkage. The demo, the tests and the
// operator's command line set it up through here.
struct InstitutionRecord
{
    QString id;
    QString name;
    int identityLockThreshold = 5;
    int pinLockThreshold = 3;
    bool earlyReleaseNeedsApproval = false;
    bool totpRequired = false;
    QString supportDesk;
    QStringList authenticationNumbers;
};

struct BranchRecord
{
    QString institutionId;
    QString code;
    QString name;
    QString phone;
};

struct CustomerRecord
{
    QString institutionId;
    QString nameKana;
    QDate birthDate;
    QString phone; // digits only
};

struct AccountRecord
{
    qint64 customerId = 0;
    qint64 branchId = 0;
    QString accountType; // ordinary or savings
    QString accountNumber;
    bool cashCardIssued = true;
    QByteArray pinDigest; // FlowService::pinDigest of the account's PIN
    qint64 balance = 0;
};

struct ClientAppRecord
{
    QString clientId;
    QString name;
    QString provider;
    QByteArray secretHash; // SHA-256 of the client secret
    QStringList redirectUris;
    QStringList institutionIds;
};

namespace Directory {

Status addInstitution(const QSqlDatabase &db, const InstitutionRecord &institution);
Result<qint64> addBranch(const QSqlDatabase &db, const BranchRecord &branch);
Result<qint64> addCustomer(const QSqlDatabase &db, const CustomerRecord &customer);
Result<qint64> addAccount(const QSqlDatabase &db, const AccountRecord &account);
Status setPinDigest(const QSqlDatabase &db, qint64 accountId, const QByteArray &pinDigest);
Result<qint64> addClientApp(const QSqlDatabase &db, const ClientAppRecord &app);

} // namespace Directory
} // namespace tc::backend
