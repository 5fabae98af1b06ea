#pragma once

#include "Result.h"

#include <QCoreApplication>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

namespace tc::client {

// Why the keychain could not do what was asked.
struct KeychainError
{
    enum class Kind {
        NotFound, // no entry under the key
        Unavailable, // no keychain service (no D-Bus session, no Secret Service), or no answer
                     // in time (an unlock prompt nobody answers)
        AccessDenied, // the keychain (or the user at its prompt) refused
        Other, // anything else; `detail` says what (a locked or missing keyring, …)
    };

    Kind kind = Kind::Other;
    QString detail; // the keychain's own message; never the secret

    // One sentence for staff in the UI language.
    QString text() const;
};

// The OS keychain (the Secret Service of gnome-keyring or KWallet, through QtKeychain) behind
// asynchronous calls with explicit error states. Entries belong to the service "teller-console".
// Never the plaintext fallback: without a keychain nothing is stored, and the console asks for
// the password at the next start.
class KeychainStore final : public QObject
{
    Q_OBJECT

public:
    static constexpr auto service = QLatin1StringView("teller-console");
    // Long enough to type the keyring's password at its unlock prompt.
    static constexpr int defaultTimeoutMs = 60'000;

    using ReadCallback = std::function<void(Result<QString, KeychainError>)>;
    using DoneCallback = std::function<void(Result<Success, KeychainError>)>;

    explicit KeychainStore(QObject *parent = nullptr);
    ~KeychainStore() override;

    // The key of a staff member's refresh token: one entry per user name and backend, so a
    // console pointed at another backend (training, production) never offers it a token.
    static QString refreshTokenKey(const QUrl &backend, const QString &username);

    // A call the keychain has not answered in this time fails as Unavailable.
    void setTimeoutMs(int milliseconds);

    // Each call answers once through its callback on the event loop, unless `context` is
    // destroyed first. Calls run one after another in the order made.
    void read(const QString &key, const QObject *context, ReadCallback done);
    void write(const QString &key, const QString &secret, const QObject *context,
               DoneCallback done);
    // Removing an entry that does not exist succeeds.
    void remove(const QString &key, const QObject *context, DoneCallback done);

private:
    Q_DISABLE_COPY_MOVE(KeychainStore)

    int m_timeoutMs = defaultTimeoutMs;
};

} // namespace tc::client
