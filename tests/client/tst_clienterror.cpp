// ClientError::text(): one sentence per kind; a catalog code explained with the catalog's staff
// meaning in the UI language (QLocale's default, which the installed translation sets).
#include "ClientError.h"
#include "ErrorCatalog.h"

#include <QLocale>
#include <QTest>

using namespace Qt::StringLiterals;
using tc::client::ClientError;
using Kind = tc::client::ClientError::Kind;

class TestClientError final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { QLocale::setDefault(QLocale::c()); }
    void everyKindSaysSomething_data();
    void everyKindSaysSomething();
    void catalogCodeInTheUiLanguage_data();
    void catalogCodeInTheUiLanguage();
    void unknownCodeFallsBackToTheServersText();
    void tlsNamesTheCertificateProblem();
};

void TestClientError::everyKindSaysSomething_data()
{
    QTest::addColumn<Kind>("kind");
    QTest::newRow("tls") << Kind::Tls;
    QTest::newRow("unreachable") << Kind::Unreachable;
    QTest::newRow("timeout") << Kind::Timeout;
    QTest::newRow("session expired") << Kind::SessionExpired;
    QTest::newRow("forbidden") << Kind::Forbidden;
    QTest::newRow("catalog without code") << Kind::Catalog;
    QTest::newRow("decode") << Kind::Decode;
    QTest::newRow("cancelled") << Kind::Cancelled;
}

void TestClientError::everyKindSaysSomething()
{
    QFETCH(Kind, kind);
    const QString text = ClientError {.kind = kind, .httpStatus = 500}.text();
    QVERIFY(!text.isEmpty());
    QVERIFY2(text.endsWith(u'.'), qPrintable(text)); // a sentence
}

void TestClientError::catalogCodeInTheUiLanguage_data()
{
    QTest::addColumn<QLocale::Language>("language");
    QTest::addColumn<QString>("code");
    QTest::newRow("S06 en") << QLocale::English << u"S06"_s;
    QTest::newRow("S06 ja") << QLocale::Japanese << u"S06"_s;
    QTest::newRow("B84 en") << QLocale::English << u"B84"_s;
    QTest::newRow("B84 ja") << QLocale::Japanese << u"B84"_s;
}

void TestClientError::catalogCodeInTheUiLanguage()
{
    QFETCH(QLocale::Language, language);
    QFETCH(QString, code);
    QLocale::setDefault(QLocale(language));
    const tc::CatalogEntry *entry = tc::ErrorCatalog::builtIn().find(code);
    QVERIFY(entry);
    const ClientError error {.kind = Kind::Catalog,
                             .code = code,
                             .serverMessage = entry->customerMessage,
                             .httpStatus = entry->httpStatus};
    const QString meaning = language == QLocale::English ? entry->meaning.en : entry->meaning.ja;
    QCOMPARE(error.text(), code + u": "_s + meaning);
}

void TestClientError::unknownCodeFallsBackToTheServersText()
{
    // A newer backend's code this console does not know yet.
    const ClientError error {.kind = Kind::Catalog,
                             .code = u"Z99"_s,
                             .serverMessage = u"新しいエラーです。"_s,
                             .httpStatus = 400};
    QCOMPARE(error.text(), u"Z99: 新しいエラーです。"_s);
}

void TestClientError::tlsNamesTheCertificateProblem()
{
    const ClientError error {.kind = Kind::Tls,
                             .detail = u"The host name did not match any of the valid hosts"_s};
    QVERIFY(error.text().contains(u"The host name did not match"_s));
}

QTEST_GUILESS_MAIN(TestClientError)
#include "tst_clienterror.moc"
