#pragma once

#include "BackendConfig.h"

#include <QString>

namespace tc::bench {

// The data the bench server seeds and the driver uses: one institution, one branch, one app,
// and customers 0…N-1, each with an ordinary account and the same PIN (its HMAC differs per
// account). Customer i: phone 090 + i (8 digits), account 1000000 + i.
struct Seed
{
    static inline const QString institution = QStringLiteral("bench");
    static inline const QString branchCode = QStringLiteral("001");
    static inline const QString clientId = QStringLiteral("creco");
    static inline const QString clientSecret = QStringLiteral("secret");
    static inline const QString redirectUri = QStringLiteral("https://app.example/callback");
    static inline const QString pin = QStringLiteral("4321");
    static inline const QString wrongPin = QStringLiteral("0000");
    static QString phone(int i);
    static QString account(int i);
};

struct ServeOptions
{
    backend::DatabaseSettings database;
    int customers = 1000;
    int maxRequestsInFlight = 256;
    QString stateFile;
};

int runServer(const ServeOptions &options);

} // namespace tc::bench
