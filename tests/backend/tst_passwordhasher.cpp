// Staff password hashing: Argon2id through libargon2, PHC strings, parameters, re-hash check.
#include "PasswordHasher.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace tc::backend::staff;

class TestPasswordHasher final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<QString>("password");
        QTest::newRow("ascii") << u"correct horse battery"_s;
        QTest::newRow("japanese") << u"すずらん通りの本店営業部"_s;
        QTest::newRow("spaces and symbols") << u"  p@ss w0rd !\"#$%&'()  "_s;
        QTest::newRow("long") << QString(1024, u'x');
    }
    void roundTrip()
    {
        QFETCH(QString, password);
        const auto hash = PasswordHasher::hash(password);
        QVERIFY(hash);
        QVERIFY(PasswordHasher::verify(hash.value(), password));
        QVERIFY(!PasswordHasher::needsRehash(hash.value()));
    }

    void wrongPassword_data()
    {
        QTest::addColumn<QString>("wrong");
        QTest::newRow("one letter") << u"correct horse batterY"_s;
        QTest::newRow("prefix") << u"correct horse batter"_s;
        QTest::newRow("longer") << u"correct horse battery "_s;
        QTest::newRow("empty") << QString();
    }
    void wrongPassword()
    {
        QFETCH(QString, wrong);
        const auto hash = PasswordHasher::hash(u"correct horse battery"_s);
        QVERIFY(hash);
        QVERIFY(!PasswordHasher::verify(hash.value(), wrong));
    }

    void phcStringCarriesTheParameters()
    {
        const auto hash = PasswordHasher::hash(u"correct horse battery"_s);
        QVERIFY(hash);
        static const QRegularExpression phc(
            uR"(^\$argon2id\$v=19\$m=19456,t=2,p=1\$([A-Za-z0-9+/]{22})\$([A-Za-z0-9+/]{43})$)"_s);
        const auto match = phc.match(hash.value());
        QVERIFY2(match.hasMatch(), qPrintable(hash.value()));
        // 16-byte salt, 32-byte hash (unpadded base64).
        QCOMPARE(QByteArray::fromBase64(match.captured(1).toLatin1()).size(), 16);
        QCOMPARE(QByteArray::fromBase64(match.captured(2).toLatin1()).size(), 32);
    }

    void saltsDiffer()
    {
        const auto a = PasswordHasher::hash(u"correct horse battery"_s);
        const auto b = PasswordHasher::hash(u"correct horse battery"_s);
        QVERIFY(a && b);
        QVERIFY(a.value() != b.value());
    }

    void needsRehash_data()
    {
        QTest::addColumn<QString>("encoded");
        QTest::addColumn<bool>("needs");
        // Made by the argon2 command line tool (echo -n password | argon2 somesaltsomesalt ...).
        QTest::newRow("current") << u"$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$"
                                    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"_s
                                 << false;
        QTest::newRow("less memory") << u"$argon2id$v=19$m=4096,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$"
                                        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"_s
                                     << true;
        QTest::newRow("one pass") << u"$argon2id$v=19$m=19456,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$"
                                     "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"_s
                                  << true;
        QTest::newRow("argon2i") << u"$argon2i$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$"
                                    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"_s
                                 << true;
        QTest::newRow("version 16") << u"$argon2id$v=16$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$"
                                       "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"_s
                                    << true;
        QTest::newRow("garbage") << u"plain text"_s << true;
    }
    void needsRehash()
    {
        QFETCH(QString, encoded);
        QFETCH(bool, needs);
        QCOMPARE(PasswordHasher::needsRehash(encoded), needs);
    }

    void otherParametersStillVerify()
    {
        const PasswordHasher::Parameters light {.memoryKiB = 1024, .iterations = 1};
        const auto hash = PasswordHasher::hash(u"correct horse battery"_s, light);
        QVERIFY(hash);
        QVERIFY(hash->contains(u"m=1024,t=1,p=1"_s));
        QVERIFY(PasswordHasher::verify(hash.value(), u"correct horse battery"_s));
        QVERIFY(PasswordHasher::needsRehash(hash.value()));
        QVERIFY(!PasswordHasher::needsRehash(hash.value(), light));
    }

    // The reference implementation's test vector for Argon2id v1.3 through the PHC string
    // (argon2 "password" -id -t 2 -m 16 -p 1 with salt "somesalt"): libargon2 is the same code.
    void knownAnswer()
    {
        QVERIFY(PasswordHasher::verify(u"$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$"
                                       "CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"_s,
                                       u"password"_s));
    }

    void malformedNeverMatches_data()
    {
        QTest::addColumn<QString>("encoded");
        QTest::newRow("empty") << QString();
        QTest::newRow("plain") << u"password"_s;
        QTest::newRow("truncated") << u"$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ"_s;
        QTest::newRow("argon2i") << u"$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$"
                                    "wWKIMhR9lyDFvRz9YTZweHKfbftvj+qf+YFY4NeBbtA"_s;
    }
    void malformedNeverMatches()
    {
        QFETCH(QString, encoded);
        QVERIFY(!PasswordHasher::verify(encoded, u"password"_s));
    }

    void dummyHashCostsTheSame()
    {
        const QString &dummy = PasswordHasher::dummyHash();
        QVERIFY(!PasswordHasher::needsRehash(dummy));
        QCOMPARE(PasswordHasher::dummyHash(), dummy); // made once
        const auto real = PasswordHasher::hash(u"correct horse battery"_s);
        QVERIFY(real);
        // Both are full Argon2id verifications: take the best of five runs of each.
        const auto best = [](const QString &encoded) {
            qint64 fastest = std::numeric_limits<qint64>::max();
            for (int i = 0; i < 5; ++i) {
                QElapsedTimer timer;
                timer.start();
                PasswordHasher::verify(encoded, u"wrong password!"_s);
                fastest = std::min(fastest, timer.nsecsElapsed());
            }
            return fastest;
        };
        const qint64 dummyNs = best(dummy);
        const qint64 realNs = best(real.value());
        qInfo() << "verify: dummy" << dummyNs / 1000 << "µs, real" << realNs / 1000 << "µs";
        // Loose bounds (the machine may be busy): what matters is that both are full Argon2id
        // verifications, not a quick refusal.
        QVERIFY(dummyNs > realNs / 4 && dummyNs < realNs * 4);
    }
};

QTEST_GUILESS_MAIN(TestPasswordHasher)
#include "tst_passwordhasher.moc"
