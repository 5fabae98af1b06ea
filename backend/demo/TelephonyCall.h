#pragma once

#include "Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUrl>

namespace tc::backend::demo {

struct CallOptions
{
    QString from; // the caller's number (the customer's registered phone)
    QString to; // the number dialled (the destination screen ③ showed)
    QDateTime at; // invalid: the running backend's demo clock (else the real now)
    QUrl url; // empty: from the demo folder's configuration
    QString demoDir; // where the webhook secret and the demo CA are
};

struct CallAnswer
{
    QUrl url;
    int status = 0;
    QByteArray body;
};

// `auth-backend call`: sends the telephony webhook a running demo backend expects, signed with
// the demo folder's secret, as the phone network would when a customer calls.
namespace TelephonyCall {

Result<CallAnswer> send(const CallOptions &options);

} // namespace TelephonyCall
} // namespace tc::backend::demo
