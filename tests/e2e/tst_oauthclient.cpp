// The OAuth 2.0 side of auth-backend as an app's developer meets it: a widely used client
// library (oauth4webapi, from npm; tests/e2e/oauth-client/) discovers the metadata, starts the
// authorization at /oauth/authorize with PKCE, drives the customer flow ①–⑥ and the signed
// telephony webhook, exchanges the code, reads the account, refreshes (and sees reuse detection
// revoke the grant), and revokes. Against the real BackendService over verified TLS, on SQLite
// and PostgreSQL.
#include "Database.h"
#include "E2eHarness.h"
#include "TestDatabases.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace tc;
using namespace tc::backend;

class TestOAuthClient final : public QObject
{
    Q_OBJECT

    test::E2eHarness m_harness;

private Q_SLOTS:
    void initTestCase()
    {
        const QString prepared = m_harness.prepare(QStringLiteral(OAUTH_CLIENT_SOURCE_DIR),
                                                   QStringLiteral(OAUTH_CLIENT_WORK_DIR));
        QVERIFY2(prepared.isEmpty(), qPrintable(prepared));
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("engine");
        for (const QString &engine : test::TestDatabases::engines())
            QTest::newRow(qPrintable(engine)) << engine;
    }

    void roundTrip()
    {
        QFETCH(QString, engine);
        const QString started = m_harness.start(engine);
        QVERIFY2(started.isEmpty(), qPrintable(started));

        const QJsonObject report = m_harness.runNode(u"test.mjs"_s, m_harness.environment());
        QVERIFY2(report.value(u"ok"_s).toBool(), qPrintable(report.value(u"failure"_s).toString()));

        const QJsonArray checks = report.value(u"checks"_s).toArray();
        qInfo().noquote() << "oauth4webapi round trip:" << checks.size() << "checks passed";
        for (const QString &expected :
             {u"discovery: authorization_endpoint"_s,
              u"authorize, unknown client: error page, no redirect"_s,
              u"authorize, unregistered redirect_uri: error page, no redirect"_s,
              u"authorize, PKCE plain: error=invalid_request with state"_s,
              u"first flow: strict CSP on the page"_s, u"first flow: code exchanged for tokens"_s,
              u"refresh rotates the refresh token"_s, u"reused refresh token: invalid_grant"_s,
              u"after reuse the grant is revoked (401 with a catalog code)"_s,
              u"refresh token revoked (RFC 7009)"_s,
              u"after revocation the access token gets 401 with a catalog code"_s,
              u"denied flow: access_denied"_s})
            QVERIFY2(checks.contains(expected), qPrintable(expected));
        QCOMPARE(report.value(u"balance"_s).toInteger(), 120000);
        QCOMPARE(report.value(u"reuse"_s).toObject().value(u"error"_s).toString(),
                 u"invalid_grant"_s);
        QCOMPARE(report.value(u"afterRevocation"_s).toObject().value(u"status"_s).toInt(), 401);

        // Two linkages were made (first and second flow), and both grants are over.
        QSqlDatabase db = m_harness.service().database().connection();
        auto linkages = runQuery(db,
                                 u"SELECT COUNT(*), SUM(CASE WHEN revoked_at IS NULL THEN 0 "
                                 "ELSE 1 END) FROM linkages"_s);
        QVERIFY(linkages && linkages.value().next());
        QCOMPARE(linkages.value().value(0).toInt(), 2);
        QCOMPARE(linkages.value().value(1).toInt(), 2);
    }

    void cleanup() { m_harness.stop(); }
};

QTEST_GUILESS_MAIN(TestOAuthClient)
#include "tst_oauthclient.moc"
