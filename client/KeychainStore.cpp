#include "KeychainStore.h"

#include <QDBusConnection>
#include <QDBusError>
#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>
#include <qt6keychain/keychain.h>

#include <algorithm>
#include <memory>
#include <utility>

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

KeychainError failed(const char *call, const QKeychain::Job &job)
{
    const KeychainError error = errorOf(job);
    if (error.kind != KeychainError::Kind::NotFound)
        qCWarning(lcKeychain) << call << "failed:" << error.detail;
    return error;
}

// Starts `job` and answers `done` once, with `outcome(job)` or, when the keychain has not
// answered within `timeoutMs`, as Unavailable (a late answer is dropped); nothing when `context`
// is gone by then. The job owns itself (auto-delete after it finishes) and has no parent: the
// Secret Service answers through callbacks that hold the job, so it must outlive whoever asked.
template<typename Job, typename Value>
void run(Job *job, const QString &key, const QObject *context, int timeoutMs,
         std::function<void(Result<Value, KeychainError>)> done,
         std::function<Result<Value, KeychainError>(const Job &)> outcome)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    auto pending =
        std::make_shared<std::function<void(Result<Value, KeychainError>)>>(std::move(done));
    const auto answer =
        [pending, guard = QPointer<const QObject>(context)](Result<Value, KeychainError> result) {
            if (!*pending)
                return;
            const auto callback = std::exchange(*pending, nullptr);
            if (guard)
                callback(std::move(result));
        };
    QObject::connect(job, &QKeychain::Job::finished, job,
                     [answer, outcome = std::move(outcome)](QKeychain::Job *finished) {
                         answer(outcome(*static_cast<Job *>(finished)));
                     });
    // An unlock prompt nobody answers, or a service that hangs, must not hold the caller.
    QTimer::singleShot(timeoutMs, job, [answer, timeoutMs] {
        qCWarning(lcKeychain) << "no answer within" << timeoutMs << "ms";
        answer(KeychainError {
            .kind = KeychainError::Kind::Unavailable,
            .detail = u"the keychain did not answer within %1 s"_s.arg(timeoutMs / 1000.0)});
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

void KeychainStore::setTimeoutMs(int milliseconds)
{
    m_timeoutMs = std::max(1, milliseconds);
}

void KeychainStore::read(const QString &key, const QObject *context, ReadCallback done)
{
    if (answeredWithoutBus(this, context, done))
        return;
    run<QKeychain::ReadPasswordJob, QString>(
        new QKeychain::ReadPasswordJob(service), key, context, m_timeoutMs, std::move(done),
        [](const QKeychain::ReadPasswordJob &job) -> Result<QString, KeychainError> {
            if (job.error() != QKeychain::NoError)
                return failed("read", job);
            return job.textData();
        });
}

void KeychainStore::write(const QString &key, const QString &secret, const QObject *context,
                          DoneCallback done)
{
    if (answeredWithoutBus(this, context, done))
        return;
    auto *job = new QKeychain::WritePasswordJob(service);
    job->setTextData(secret);
    run<QKeychain::WritePasswordJob, Success>(
        job, key, context, m_timeoutMs, std::move(done),
        [](const QKeychain::WritePasswordJob &finished) -> Result<Success, KeychainError> {
            if (finished.error() != QKeychain::NoError)
                return failed("write", finished);
            return Success {};
        });
}

void KeychainStore::remove(const QString &key, const QObject *context, DoneCallback done)
{
    if (answeredWithoutBus(this, context, done))
        return;
    run<QKeychain::DeletePasswordJob, Success>(
        new QKeychain::DeletePasswordJob(service), key, context, m_timeoutMs, std::move(done),
        [](const QKeychain::DeletePasswordJob &job) -> Result<Success, KeychainError> {
            if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound)
                return failed("delete", job);
            return Success {};
        });
}

} // namespace tc::client
