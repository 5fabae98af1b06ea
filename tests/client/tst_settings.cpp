// Settings: typed values that survive a restart, and the connection they describe with a clear
// sentence when the backend address or the CA file is not usable.
#include "Settings.h"
#include "TestCertificates.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using tc::Settings;

class TestSettings final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void defaults();
    void valuesSurviveARestart();
    void connectionFromSettings();
    void unusableConnection_data();
    void unusableConnection();

private:
    tc::test::TestCertificates m_certificates;
    QTemporaryDir m_dir;
};

void TestSettings::initTestCase()
{
    const tc::Status created = m_certificates.create();
    QVERIFY2(created, qPrintable(created ? QString() : created.error().message));
    QVERIFY(m_dir.isValid());
}

void TestSettings::defaults()
{
    const std::unique_ptr<Settings> settings = Settings::temporary();
    QCOMPARE(settings->idleLockMinutes(), 10);
    QCOMPARE(settings->transferTimeoutSeconds(), 15);
    QVERIFY(settings->backendUrl().isEmpty());
    QVERIFY(settings->backendCaFile().isEmpty());
    QVERIFY(settings->lastUsername().isEmpty());
    QVERIFY(settings->viewState(u"customer/attempts"_s).isEmpty());
    const auto connection = settings->connectionSettings();
    QVERIFY(!connection);
    QCOMPARE(connection.error().key, u"backend_url"_s);
}

void TestSettings::valuesSurviveARestart()
{
    const QString path = m_dir.filePath(u"restart.conf"_s);
    {
        const std::unique_ptr<Settings> settings = Settings::inFile(path);
        settings->setBackendUrl(u" https://console.example:8443 "_s);
        settings->setBackendCaFile(m_certificates.caCertificatePath());
        settings->setTransferTimeoutSeconds(40);
        settings->setIdleLockMinutes(3);
        settings->setLastUsername(u"himawari.teller001"_s);
        settings->setViewState(u"branch/activity"_s, "header-state");
        settings->sync();
    }
    const std::unique_ptr<Settings> again = Settings::inFile(path);
    QCOMPARE(again->backendUrl(), u"https://console.example:8443"_s);
    QCOMPARE(again->backendCaFile(), m_certificates.caCertificatePath());
    QCOMPARE(again->transferTimeoutSeconds(), 40);
    QCOMPARE(again->idleLockMinutes(), 3);
    QCOMPARE(again->lastUsername(), u"himawari.teller001"_s);
    QCOMPARE(again->viewState(u"branch/activity"_s), QByteArray("header-state"));

    // Nothing of a session is ever written to the file.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(!text.contains("token"));
    QVERIFY(!text.contains("password"));
}

void TestSettings::connectionFromSettings()
{
    const std::unique_ptr<Settings> settings = Settings::temporary();
    settings->setBackendUrl(u"https://127.0.0.1:8443"_s);
    settings->setBackendCaFile(m_certificates.caCertificatePath());
    settings->setTransferTimeoutSeconds(7);
    const auto connection = settings->connectionSettings();
    QVERIFY2(connection, qPrintable(connection ? QString() : connection.error().message));
    QCOMPARE(connection->baseUrl, QUrl(u"https://127.0.0.1:8443"_s));
    QCOMPARE(connection->pinnedCa, QList<QSslCertificate> {m_certificates.caCertificate()});
    QCOMPARE(connection->transferTimeoutMs, 7000);
}

void TestSettings::unusableConnection_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("caFile");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("sentence");

    const QString notACertificate = m_dir.filePath(u"notes.txt"_s);
    QFile notes(notACertificate);
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("these are not the certificates you are looking for\n");
    notes.close();
    const QString ca = m_certificates.caCertificatePath();
    const QString missing = m_dir.filePath(u"missing.pem"_s);

    QTest::newRow("no address") << QString() << ca << u"backend_url"_s
                                << u"No backend address is set."_s;
    QTest::newRow("no CA file") << u"https://127.0.0.1:8443"_s << QString() << u"ca_file"_s
                                << u"No CA certificate file is set."_s;
    QTest::newRow("missing CA file")
        << u"https://127.0.0.1:8443"_s << missing << u"ca_file"_s
        << u"The CA certificate file %1 does not exist."_s.arg(missing);
    QTest::newRow("not a certificate")
        << u"https://127.0.0.1:8443"_s << notACertificate << u"ca_file"_s
        << u"The file %1 holds no certificate (PEM or DER)."_s.arg(notACertificate);
    QTest::newRow("plain http") << u"http://127.0.0.1:8443"_s << ca << u"backend_url"_s
                                << u"The backend address must start with https://."_s;
    QTest::newRow("with a path") << u"https://127.0.0.1:8443/api"_s << ca << u"backend_url"_s
                                 << u"The backend address must not have a path."_s;
}

void TestSettings::unusableConnection()
{
    QFETCH(QString, url);
    QFETCH(QString, caFile);
    QFETCH(QString, key);
    QFETCH(QString, sentence);
    const auto connection = Settings::connectionSettingsFrom(url, caFile, 15);
    QVERIFY(!connection);
    QCOMPARE(connection.error().key, key);
    QCOMPARE(connection.error().message, sentence);
}

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
