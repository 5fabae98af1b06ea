// KeychainStore against a real Secret Service (gnome-keyring in a private D-Bus session: run
// through scripts/with-keyring), and without any D-Bus at all in a child process.
#include "KeychainStore.h"

#include <QDBusConnection>
#include <QDBusVirtualObject>
#include <QElapsedTimer>
#include <QProcess>
#include <QTest>

#include <cstdio>
#include <cstdlib>
#include <optional>

using namespace Qt::StringLiterals;
using tc::Result;
using tc::Success;
using tc::client::KeychainError;
using tc::client::KeychainStore;

namespace {

const QString childArgument = u"--child-without-dbus"_s;
const QString hangingArgument = u"--child-hanging-service"_s;
constexpr int answerWaitMs = 10'000;

template<typename T>
Result<T, KeychainError> noAnswer()
{
    return KeychainError {.kind = KeychainError::Kind::Other, .detail = u"no answer"_s};
}

// The child's part of withoutDBus(): one write, read and remove, each outcome on a line.
int childWithoutDBus()
{
    KeychainStore store;
    QObject context;
    QStringList lines;
    const auto line = [&lines](const char *call, const std::optional<KeychainError> &error) {
        lines << u"%1 %2 %3"_s.arg(QLatin1StringView(call))
                     .arg(error ? int(error->kind) : -1)
                     .arg(error ? error->text() : QString());
    };
    store.write(u"key"_s, u"secret"_s, &context, [&](Result<Success, KeychainError> r) {
        line("write", r ? std::nullopt : std::optional(r.error()));
    });
    store.read(u"key"_s, &context, [&](Result<QString, KeychainError> r) {
        line("read", r ? std::nullopt : std::optional(r.error()));
    });
    store.remove(u"key"_s, &context, [&](Result<Success, KeychainError> r) {
        line("remove", r ? std::nullopt : std::optional(r.error()));
    });
    if (!QTest::qWaitFor([&lines] { return lines.size() == 3; }, answerWaitMs))
        return 2;
    std::fputs(qUtf8Printable(lines.join(u'\n') + u'\n'), stdout);
    return 0;
}

// Owns the Secret Service's name on the bus and never answers, as a keyring waiting at an
// unlock prompt nobody sees.
class SilentSecretService final : public QDBusVirtualObject
{
public:
    QString introspect(const QString &) const override { return {}; }
    bool handleMessage(const QDBusMessage &, const QDBusConnection &) override { return true; }
};

// The child's part of hangingServiceTimesOut(), in a D-Bus session of its own.
int childWithHangingService()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    SilentSecretService silent;
    if (!bus.registerVirtualObject(u"/"_s, &silent, QDBusConnection::SubPath)
        || !bus.registerService(u"org.freedesktop.secrets"_s))
        return 4;
    KeychainStore store;
    store.setTimeoutMs(500);
    QObject context;
    std::optional<Result<QString, KeychainError>> answer;
    store.read(u"key"_s, &context, [&answer](auto r) { answer.emplace(std::move(r)); });
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, answerWaitMs))
        return 2;
    std::printf("%d %s\n", *answer ? -1 : int(answer->error().kind),
                *answer ? "" : qUtf8Printable(answer->error().detail));
    std::fflush(stdout);
    // The job still waits for the silent service and cannot be cancelled: leave without it.
    std::_Exit(0);
}

} // namespace

class TestKeychain final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keysSeparateUsersAndBackends();
    void writeThenRead_data();
    void writeThenRead();
    void overwriteKeepsTheLast();
    void removeThenNotFound();
    void answerSkippedWhenContextIsGone();
    void withoutDBusUnavailableAtOnce();
    void hangingServiceTimesOut();

private:
    Result<QString, KeychainError> read(const QString &key);
    Result<Success, KeychainError> write(const QString &key, const QString &secret);
    Result<Success, KeychainError> remove(const QString &key);

    KeychainStore m_store;
};

Result<QString, KeychainError> TestKeychain::read(const QString &key)
{
    std::optional<Result<QString, KeychainError>> answer;
    m_store.read(key, this, [&answer](auto r) { answer.emplace(std::move(r)); });
    (void)QTest::qWaitFor([&answer] { return answer.has_value(); }, answerWaitMs);
    return answer ? *answer : noAnswer<QString>();
}

Result<Success, KeychainError> TestKeychain::write(const QString &key, const QString &secret)
{
    std::optional<Result<Success, KeychainError>> answer;
    m_store.write(key, secret, this, [&answer](auto r) { answer.emplace(std::move(r)); });
    (void)QTest::qWaitFor([&answer] { return answer.has_value(); }, answerWaitMs);
    return answer ? *answer : noAnswer<Success>();
}

Result<Success, KeychainError> TestKeychain::remove(const QString &key)
{
    std::optional<Result<Success, KeychainError>> answer;
    m_store.remove(key, this, [&answer](auto r) { answer.emplace(std::move(r)); });
    (void)QTest::qWaitFor([&answer] { return answer.has_value(); }, answerWaitMs);
    return answer ? *answer : noAnswer<Success>();
}

void TestKeychain::keysSeparateUsersAndBackends()
{
    const QUrl production(u"https://auth.example.jp:8443"_s);
    const QUrl training(u"https://127.0.0.1:8443"_s);
    const QString key = KeychainStore::refreshTokenKey(production, u"tanaka"_s);
    QCOMPARE(KeychainStore::refreshTokenKey(QUrl(u"https://auth.example.jp:8443/"_s), u"tanaka"_s),
             key);
    QVERIFY(KeychainStore::refreshTokenKey(training, u"tanaka"_s) != key);
    QVERIFY(KeychainStore::refreshTokenKey(production, u"suzuki"_s) != key);
}

void TestKeychain::writeThenRead_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("secret");
    QTest::newRow("ascii") << u"himawari.teller001"_s << u"Xq3v8Lr1-_AZaz09"_s;
    QTest::newRow("japanese") << u"窓口係 田中"_s << u"トークン🔑+/="_s;
}

void TestKeychain::writeThenRead()
{
    QFETCH(QString, username);
    QFETCH(QString, secret);
    const QString key = KeychainStore::refreshTokenKey(QUrl(u"https://127.0.0.1:8443"_s), username);
    const auto written = write(key, secret);
    QVERIFY2(written, written ? "" : qPrintable(written.error().detail));
    const auto back = read(key);
    QVERIFY2(back, back ? "" : qPrintable(back.error().detail));
    QCOMPARE(back.value(), secret);
    // Another backend's entry of the same user is a different one.
    const auto other = read(KeychainStore::refreshTokenKey(QUrl(u"https://other:1"_s), username));
    QVERIFY(!other);
    QCOMPARE(other.error().kind, KeychainError::Kind::NotFound);
}

void TestKeychain::overwriteKeepsTheLast()
{
    const QString key = u"overwrite"_s;
    QVERIFY(write(key, u"first"_s));
    QVERIFY(write(key, u"second"_s));
    const auto back = read(key);
    QVERIFY(back);
    QCOMPARE(back.value(), u"second"_s);
}

void TestKeychain::removeThenNotFound()
{
    const QString key = u"remove"_s;
    QVERIFY(write(key, u"secret"_s));
    QVERIFY(remove(key));
    const auto back = read(key);
    QVERIFY(!back);
    QCOMPARE(back.error().kind, KeychainError::Kind::NotFound);
    QVERIFY(!back.error().text().isEmpty());
    // Removing what is not there is no failure.
    QVERIFY(remove(key));
}

void TestKeychain::answerSkippedWhenContextIsGone()
{
    QVERIFY(write(u"context"_s, u"secret"_s));
    bool called = false;
    {
        QObject context;
        m_store.read(u"context"_s, &context, [&called](auto) { called = true; });
    }
    // A later call answers after the first one (the keychain runs them in order).
    QVERIFY(read(u"context"_s));
    QVERIFY(!called);
}

void TestKeychain::withoutDBusUnavailableAtOnce()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name : {u"DBUS_SESSION_BUS_ADDRESS"_s, u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s})
        environment.remove(name);
    QProcess child;
    child.setProcessEnvironment(environment);
    QElapsedTimer clock;
    clock.start();
    child.start(QCoreApplication::applicationFilePath(), {childArgument});
    QVERIFY2(child.waitForFinished(answerWaitMs), "the keychain hung without D-Bus");
    qInfo("answered without D-Bus after %lld ms", clock.elapsed());
    QCOMPARE(child.exitCode(), 0);
    const QStringList lines =
        QString::fromUtf8(child.readAllStandardOutput()).trimmed().split(u'\n');
    const QString unavailable = QString::number(int(KeychainError::Kind::Unavailable));
    QCOMPARE(lines.size(), 3);
    for (const QString &line : lines) {
        const QStringList fields = line.split(u' ');
        QCOMPARE(fields.value(1), unavailable);
        QVERIFY2(line.contains(u"not available"_s), qPrintable(line));
    }
}

void TestKeychain::hangingServiceTimesOut()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name : {u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s})
        environment.remove(name);
    QProcess child;
    child.setProcessEnvironment(environment);
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(u"dbus-run-session"_s,
                {u"--"_s, QCoreApplication::applicationFilePath(), hangingArgument});
    QVERIFY2(child.waitForFinished(answerWaitMs),
             "the keychain call waited for the silent service");
    QCOMPARE(child.exitCode(), 0);
    const QString line = QString::fromUtf8(child.readAllStandardOutput()).trimmed();
    QVERIFY2(line.startsWith(QString::number(int(KeychainError::Kind::Unavailable)) + u' '),
             qPrintable(line));
    QVERIFY2(line.contains(u"did not answer"_s), qPrintable(line));
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (QCoreApplication::arguments().contains(childArgument))
        return childWithoutDBus();
    if (QCoreApplication::arguments().contains(hangingArgument))
        return childWithHangingService();
    TestKeychain test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_keychain.moc"
