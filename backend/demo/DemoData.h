#pragma once

#include "Database.h"
#include "Result.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

namespace tc::backend {
class FlowService;
}

namespace tc::backend::demo {

// One synthetic account holder as the demo's CSV lists it: what a trainee types into the
// screens (and what the simulator's customers "remember").
struct DemoCustomer
{
    QString institutionId;
    QString branchCode;
    QString accountType; // ordinary or savings
    QString accountNumber; // 7 digits
    QString nameKana; // half-width katakana, family and given name with a space: "ﾔﾏﾀﾞ ﾀﾛｳ"
    QDate birthDate;
    QString phone; // digits only
    QString pin; // 4 digits; empty when no cash card
    bool cashCard = true;
};

struct DemoSeedOptions
{
    quint32 seed = 20261212; // the same seed always yields the same customers and PINs
    int hyogoCustomers = 3000;
    int gunmaCustomers = 1000;
    // "Now" for the synthetic transaction history (about three months back from here).
    QDateTime now;
};

struct DemoSeedReport
{
    bool seeded = false; // false: the database already had institutions; nothing was written
    int institutions = 0;
    int branches = 0;
    int customers = 0;
    int accounts = 0;
    int transactions = 0;
    QString csvPath;
    QString clientSecretPath;
};

// The training database: both institutions of the seeds with their offices, the seeds' app as a
// client, and thousands of synthetic customers with accounts, cash-card PINs and history.
namespace DemoData {

inline constexpr QLatin1StringView HyogoId {"hyogo-himawari"};
inline constexpr QLatin1StringView GunmaId {"gunma-mirai"};
inline constexpr QLatin1StringView ClientId {"shinkumi-creco"};
inline constexpr QLatin1StringView CsvFileName {"demo-customers.csv"};
inline constexpr QLatin1StringView ClientSecretFileName {"demo-client-secret.txt"};

// The redirect URIs registered for the demo app: the app's own, and one for curl walks.
QStringList redirectUris();

// Seeds in one transaction when the database holds no institution yet (so a restart keeps the
// data trainees and the simulator have built up). Writes the CSV of the customers (PINs
// included, mode 0600) and the app's client secret into `filesDir`.
Result<DemoSeedReport> seedIfEmpty(Database &database, const FlowService &flows,
                                   const QString &filesDir, const DemoSeedOptions &options = {});

// Reads the CSV seedIfEmpty wrote.
Result<QList<DemoCustomer>> readCsv(const QString &path);

// Reads the demo client secret file.
Result<QString> readClientSecret(const QString &filesDir);

// Full-width katakana to the half-width form customers type ("ヤマダ タロウ" → "ﾔﾏﾀﾞ ﾀﾛｳ").
QString toHalfWidthKana(const QString &fullWidth);

} // namespace DemoData
} // namespace tc::backend::demo
