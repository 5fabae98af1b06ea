#include "ConfigSchema.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using RawConfig = QList<std::pair<QString, QString>>;

class TestConfigSchema final : public QObject
{
    Q_OBJECT

private:
    static tc::ConfigSchema schema()
    {
        tc::ConfigSchema s;
        s.add({.key = u"server/listen"_s,
               .type = tc::ConfigValueType::HostPort,
               .defaultValue = u"127.0.0.1:8443"_s,
               .description = u"address to listen on"_s});
        s.add({.key = u"server/max_connections"_s,
               .type = tc::ConfigValueType::Integer,
               .defaultValue = qint64(512),
               .description = u"open connections at most"_s,
               .minimum = 1,
               .maximum = 100000});
        s.add({.key = u"database/driver"_s,
               .type = tc::ConfigValueType::Choice,
               .defaultValue = u"sqlite"_s,
               .description = u"database engine"_s,
               .choices = {u"sqlite"_s, u"postgresql"_s}});
        s.add({.key = u"tls/certificate"_s, .description = u"PEM certificate chain"_s});
        s.add({.key = u"demo/enabled"_s,
               .type = tc::ConfigValueType::Boolean,
               .defaultValue = false,
               .description = u"training mode"_s});
        s.add({.key = u"telephony/numbers"_s,
               .type = tc::ConfigValueType::StringList,
               .defaultValue = QStringList(),
               .description = u"authentication numbers"_s});
        return s;
    }

private Q_SLOTS:
    void acceptsValidValues()
    {
        const auto result = schema().validate({{u"tls/certificate"_s, u"/etc/tc/cert.pem"_s},
                                               {u"server/listen"_s, u"[::1]:0"_s},
                                               {u"demo/enabled"_s, u"yes"_s},
                                               {u"telephony/numbers"_s, u"0120-1, 0120-2,"_s}});
        QVERIFY2(result.hasValue(), qPrintable(result ? QString() : result.error().message));
        QCOMPARE(result->hostPort(u"server/listen"_s), std::pair(u"::1"_s, quint16(0)));
        QCOMPARE(result->integer(u"server/max_connections"_s), 512);
        QCOMPARE(result->string(u"database/driver"_s), u"sqlite"_s);
        QCOMPARE(result->boolean(u"demo/enabled"_s), true);
        QCOMPARE(result->list(u"telephony/numbers"_s), QStringList({u"0120-1"_s, u"0120-2"_s}));
        QVERIFY(result->isExplicit(u"server/listen"_s));
        QVERIFY(!result->isExplicit(u"database/driver"_s));
    }

    void rejectsWithTheKeyNamed_data()
    {
        QTest::addColumn<RawConfig>("raw");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("explanation");

        const std::pair cert {u"tls/certificate"_s, u"c.pem"_s};
        QTest::newRow("typo in a key") << RawConfig {cert, {u"server/listn"_s, u"1.2.3.4:1"_s}}
                                       << u"server/listn"_s << u"did you mean server/listen?"_s;
        QTest::newRow("unknown key") << RawConfig {cert, {u"colour/theme"_s, u"dark"_s}}
                                     << u"colour/theme"_s << u"unknown key"_s;
        QTest::newRow("missing required")
            << RawConfig {} << u"tls/certificate"_s << u"required key is missing"_s;
        QTest::newRow("not a number") << RawConfig {cert, {u"server/max_connections"_s, u"many"_s}}
                                      << u"server/max_connections"_s << u"expected an integer"_s;
        QTest::newRow("out of range") << RawConfig {cert, {u"server/max_connections"_s, u"0"_s}}
                                      << u"server/max_connections"_s << u"expected 1 to 100000"_s;
        QTest::newRow("not a choice")
            << RawConfig {cert, {u"database/driver"_s, u"mysql"_s}} << u"database/driver"_s
            << u"expected one of sqlite, postgresql"_s;
        QTest::newRow("not a boolean") << RawConfig {cert, {u"demo/enabled"_s, u"maybe"_s}}
                                       << u"demo/enabled"_s << u"expected true or false"_s;
        QTest::newRow("port too large") << RawConfig {cert, {u"server/listen"_s, u"h:70000"_s}}
                                        << u"server/listen"_s << u"expected host:port"_s;
        QTest::newRow("no port") << RawConfig {cert, {u"server/listen"_s, u"localhost"_s}}
                                 << u"server/listen"_s << u"expected host:port"_s;
        QTest::newRow("given twice")
            << RawConfig {cert, {u"demo/enabled"_s, u"true"_s}, {u"demo/enabled"_s, u"no"_s}}
            << u"demo/enabled"_s << u"given more than once"_s;
    }

    void rejectsWithTheKeyNamed()
    {
        QFETCH(RawConfig, raw);
        QFETCH(QString, key);
        QFETCH(QString, explanation);
        const auto result = schema().validate(raw);
        QVERIFY(!result.hasValue());
        QCOMPARE(result.error().key, key);
        QVERIFY2(result.error().message.contains(key), qPrintable(result.error().message));
        QVERIFY2(result.error().message.contains(explanation), qPrintable(result.error().message));
    }

    void reportsEveryProblemAtOnce()
    {
        const auto result = schema().validate(
            {{u"server/listn"_s, u"x"_s}, {u"server/max_connections"_s, u"-1"_s}});
        QVERIFY(!result.hasValue());
        const QStringList lines = result.error().message.split(u'\n');
        QCOMPARE(lines.size(), 3); // the typo, the bad number, the missing certificate
    }

    void describesEveryKey()
    {
        const tc::ConfigSchema described = schema();
        const QString text = described.describe();
        for (const tc::ConfigKeySpec &spec : described.keys()) {
            QVERIFY(text.contains(spec.key));
            QVERIFY(text.contains(spec.description));
        }
        QVERIFY(text.contains(u"required"_s));
    }
};

QTEST_GUILESS_MAIN(TestConfigSchema)
#include "tst_configschema.moc"
