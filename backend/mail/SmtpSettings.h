#pragma once

#include <QString>

namespace tc::backend {

// Where and how the outbox sender delivers mail. The session is always encrypted: smtp://
// URLs must upgrade with STARTTLS (a server that does not offer it gets nothing), smtps://
// URLs use implicit TLS; either way the server's certificate is verified.
struct SmtpSettings
{
    // "smtp://host:port" (STARTTLS required) or "smtps://host:port" (implicit TLS).
    QString url;
    // Envelope sender and header From: a bare address, or "Name <address>" in ASCII.
    QString from;
    // The CA that signed the SMTP server's certificate; only it is trusted. Empty: the
    // system's trust store.
    QString caFile;
    // SMTP AUTH user; empty sends no AUTH.
    QString username;
    // File holding the SMTP AUTH password (read at each pass so it can rotate; never logged).
    QString passwordFile;
    int timeoutSeconds = 30;
    // A mail that failed this many times is given up (its row keeps last_error for staff).
    int maxAttempts = 8;
    // Rows claimed per round; a pass repeats rounds until nothing due is left.
    int batchSize = 20;
};

} // namespace tc::backend
