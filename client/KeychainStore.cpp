#include "KeychainStore.h"

#include <QDBusConnection>
#include <QDBusError>
#include <QLoggingCategory>
#include <QPointer>
#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcKeychain, "tc.console.keychain")

namespace tc::client {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("tc::client::KeychainError", text);
}

// QtKeychain reports a missing D-Bus session as OtherError ("Cannot autolaunch D-Bus …"), the
// same code as any other failure; asking the bus first names the case and answers at once.
bool sessionBusReachable()
{
    return QDBusConnection::sessionBus().isConnected();
}

KeychainError errorOf(const QKeychain::Job &job)
{
    using Kind = KeychainError::Kind;
    switch (job.error()) {
    case QKeychain::EntryNotFound:
        return {.kind = Kind::NotFound, .detail = job.errorString()};
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return {.kind = Kind::AccessDenied, .detail = job.errorString()};
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return {.kind = Kind::Unavailable, .detail = job.errorString()};
    case QKeychain::OtherError:
        if (!sessionBusReachable())
            return {.kind = Kind::Unavailable, .detail = job.errorString()};
        break;
    case QKeychain::NoError:
    case QKeychain::CouldNotDeleteEntry:
        break;
    }
    return {.kind = Kind::Other, .detail = job.errorString()};
}

KeychainError noSessionBus()
{
    return {.kind = KeychainError::Kind::Unavailable,
            .detail = u"no D-Bus session bus: %1"_s.arg(
                QDBusConnection::sessionBus().lastError().message())};
}

// Without a session bus every call fails the same way: answered on the next turn of the event
// loop, as a job would be.
template<typename Callback>
bool answeredWithoutBus(QObject *owner, const QObject *context, Callback &done)
{
    if (sessionBusReachable())
        return false;
    QMetaObject::invokeMethod(
        owner,
        [guard = QPointer<const QObject>(context), done = std::move(done)] {
            if (guard)
                done(noSessionBus());
        },
        Qt::QueuedConnection);
    return true;
}

// Starts `job` and hands its outcome to `finish` unless `context` is gone by then. The job owns
// itself (auto-delete after it finishes) and has no parent: the Secret Service answers through
// callbacks that hold the job, so it must outlive whoever asked.
template<typename Job, typename Finish>
void run(Job *job, const QString &key, const QObject *context, Finish finish)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, job,
                     [guard = QPointer<const QObject>(context),
                      finish = std::move(finish)](QKeychain::Job *done) {
                         if (guard)
                             finish(*static_cast<Job *>(done));
                     });
    job->start();
}

} // namespace

QString KeychainError::text() const
{
    switch (kind) {
    case Kind::NotFound:
        return tr("Nothing is kept in the keychain for this user.");
    case Kind::Unavailable:
        return tr("The system keychain is not available: the console cannot remember the "
                  "sign-in and asks for the password each time.");
    case Kind::AccessDenied:
        return tr("The system keychain refused access: the console cannot remember the sign-in "
                  "and asks for the password.");
    case Kind::Other:
        break;
    }
    return tr("The system keychain failed (%1): the console cannot remember the sign-in and "
              "asks for the password.")
        .arg(detail);
}

KeychainStore::KeychainStore(QObject *parent) : QObject(parent) { }

KeychainStore::~KeychainStore() = default;

QString KeychainStore::refreshTokenKey(const QUrl &backend, const QString &username)
{
    // The origin only: "https://host:port", however the address was written.
    const QUrl origin = backend.adjusted(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery
                                         | QUrl::RemoveFragment);
    return u"refresh-token %1@%2"_s.arg(username, origin.toString(QUrl::FullyEncoded));
}

void KeychainStore::read(const QString &key, const QObject *context, ReadCallback done)
{
    if (answeredWithoutBus(this, context, done))
        return;
    run(new QKeychain::ReadPasswordJob(service), key, context,
        [done = std::move(done)](const QKeychain::ReadPasswordJob &job) {
            if (job.error() != QKeychain::NoError) {
                const KeychainError error = errorOf(job);
                if (error.kind != KeychainError::Kind::NotFound)
                    qCWarning(lcKeychain) << "read failed:" << error.detail;
                return done(error);
            }
            done(job.textData());
        });
}

void KeychainStore::write(const QString &key, const QString &secret, const QObject *context,
                          DoneCallback done)
{
    if (answeredWithoutBus(this, context, done))
        return;
    auto *job = new QKeychain::WritePasswordJob(service);
    job->setTextData(secret);
    run(job, key, context, [done = std::move(done)](const QKeychain::WritePasswordJob &finished) {
        if (finished.error() != QKeychain::NoError) {
            const KeychainError error = errorOf(finished);
            qCWarning(lcKeychain) << "write failed:" << error.detail;
            return done(error);
        }
        done(Success {});
    });
}

void KeychainStore::remove(const QString &key, const QObject *context, DoneCallback done)
{
    if (answeredWithoutBus(this, context, done))
        return;
    run(new QKeychain::DeletePasswordJob(service), key, context,
        [done = std::move(done)](const QKeychain::DeletePasswordJob &job) {
            if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound) {
                const KeychainError error = errorOf(job);
                qCWarning(lcKeychain) << "delete failed:" << error.detail;
                return done(error);
            }
            done(Success {});
        });
}

} // namespace tc::client
