#pragma once

#include <QCoreApplication>
#include <QString>

namespace tc::client {

// Every way a call to the backend can fail, as the console tells staff about it.
struct ClientError
{
    enum class Kind {
        Tls, // the certificate did not verify against the pinned CA (detail names why)
        Unreachable, // connection refused, host not found, network down
        Timeout, // no answer within the transfer timeout
        SessionExpired, // 401 S03: sign in again; the screen stays as it is
        Forbidden, // 403 S04: the role may not do this
        Catalog, // another catalog code from the server (code, message as sent)
        Decode, // the answer was not what the protocol says
        Cancelled, // the caller abandoned the call
    };

    Kind kind = Kind::Unreachable;
    QString code; // the catalog code when the server sent one ("B84", "S06", …)
    QString serverMessage; // the server's customer text for `code`
    QString detail; // technical detail (TLS error, G01 detail, decode path); never secrets
    int httpStatus = 0; // 0 when no HTTP answer arrived

    // One sentence for staff in the UI language: what happened and what to do. A catalog code
    // is explained with the catalog's staff text (meaning) in the UI language.
    QString text() const;
};

} // namespace tc::client
