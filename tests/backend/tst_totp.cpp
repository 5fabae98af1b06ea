// TOTP (RFC 6238 / RFC 4226) and the sealing of TOTP secrets (HKDF-SHA256 + AES-256-GCM).
#include "Totp.h"

#include <QUrlQuery>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace tc::backend::staff;

namespace {

// RFC 6238 Appendix B and RFC 4226 Appendix D use this ASCII seed for HMAC-SHA1.
const QByteArray rfcSecret = QByteArrayLiteral("12345678901234567890");

} // namespace

class TestTotp final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hotpRfc4226_data()
    {
        QTest::addColumn<qint64>("counter");
        QTest::addColumn<QString>("code");
        const char *codes[] = {"755224", "287082", "359152", "969429", "338314",
                               "254676", "287922", "162583", "399871", "520489"};
        for (int i = 0; i < 10; ++i)
            QTest::addRow("counter %d", i) << qint64(i) << QString::fromLatin1(codes[i]);
    }
    void hotpRfc4226()
    {
        QFETCH(qint64, counter);
        QFETCH(QString, code);
        QCOMPARE(Totp::hotp(rfcSecret, counter), code);
    }

    // RFC 6238 Appendix B, the SHA-1 rows: 8 digits as printed, and the 6-digit codes
    // authenticator apps show (the last six of them: both truncate the same number).
    void totpRfc6238_data()
    {
        QTest::addColumn<qint64>("time");
        QTest::addColumn<QString>("eightDigits");
        QTest::newRow("59") << qint64(59) << u"94287082"_s;
        QTest::newRow("1111111109") << qint64(1111111109) << u"07081804"_s;
        QTest::newRow("1111111111") << qint64(1111111111) << u"14050471"_s;
        QTest::newRow("1234567890") << qint64(1234567890) << u"89005924"_s;
        QTest::newRow("2000000000") << qint64(2000000000) << u"69279037"_s;
        QTest::newRow("20000000000") << qint64(20000000000) << u"65353130"_s;
    }
    void totpRfc6238()
    {
        QFETCH(qint64, time);
        QFETCH(QString, eightDigits);
        QCOMPARE(Totp::codeAt(rfcSecret, time, 8), eightDigits);
        QCOMPARE(Totp::codeAt(rfcSecret, time), eightDigits.right(6));
        QCOMPARE(Totp::verify(rfcSecret, eightDigits.right(6), time), Totp::stepAt(time));
    }

    void window_data()
    {
        QTest::addColumn<qint64>("offsetSeconds"); // when the code is typed, after its step
        QTest::addColumn<bool>("accepted");
        QTest::newRow("same step") << qint64(0) << true;
        QTest::newRow("one step late") << qint64(30) << true;
        QTest::newRow("one step early") << qint64(-30) << true;
        QTest::newRow("two steps late") << qint64(60) << false;
        QTest::newRow("two steps early") << qint64(-60) << false;
    }
    void window()
    {
        QFETCH(qint64, offsetSeconds);
        QFETCH(bool, accepted);
        const qint64 t = 1234567890;
        const QString code = Totp::codeAt(rfcSecret, t);
        QCOMPARE(Totp::verify(rfcSecret, code, t + offsetSeconds).has_value(), accepted);
    }

    void eachStepOnce()
    {
        const qint64 t = 1234567890;
        const QString code = Totp::codeAt(rfcSecret, t);
        const std::optional<qint64> step = Totp::verify(rfcSecret, code, t);
        QVERIFY(step);
        // The same code again: refused, also a step later while it would still be in the window.
        QVERIFY(!Totp::verify(rfcSecret, code, t, step));
        QVERIFY(!Totp::verify(rfcSecret, code, t + 30, step));
        // An older code after a newer one: refused too.
        const QString next = Totp::codeAt(rfcSecret, t + 30);
        const auto nextStep = Totp::verify(rfcSecret, next, t + 30, step);
        QCOMPARE(nextStep, *step + 1);
        QVERIFY(!Totp::verify(rfcSecret, code, t + 30, nextStep));
    }

    void malformedCodes_data()
    {
        QTest::addColumn<QString>("code");
        QTest::newRow("empty") << QString();
        QTest::newRow("five digits") << u"89005"_s;
        QTest::newRow("eight digits") << u"89005924"_s;
        QTest::newRow("letters") << u"abcdef"_s;
    }
    void malformedCodes()
    {
        QFETCH(QString, code);
        QVERIFY(!Totp::verify(rfcSecret, code, 1234567890));
    }

    void spacesAreIgnored() { QVERIFY(Totp::verify(rfcSecret, u" 005 924 "_s, 1234567890)); }

    void base32_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("text");
        // RFC 4648 §10, without padding.
        QTest::newRow("empty") << QByteArray() << QString();
        QTest::newRow("f") << QByteArray("f") << u"MY"_s;
        QTest::newRow("fo") << QByteArray("fo") << u"MZXQ"_s;
        QTest::newRow("foo") << QByteArray("foo") << u"MZXW6"_s;
        QTest::newRow("foob") << QByteArray("foob") << u"MZXW6YQ"_s;
        QTest::newRow("fooba") << QByteArray("fooba") << u"MZXW6YTB"_s;
        QTest::newRow("foobar") << QByteArray("foobar") << u"MZXW6YTBOI"_s;
        QTest::newRow("rfc secret") << rfcSecret << u"GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"_s;
    }
    void base32()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, text);
        QCOMPARE(Totp::toBase32(data), text);
        QCOMPARE(Totp::fromBase32(text), data);
        QCOMPARE(Totp::fromBase32(text.toLower()), data);
    }

    void base32Refuses()
    {
        QVERIFY(!Totp::fromBase32(u"MZXW1"_s)); // 1 is not in the alphabet
        QVERIFY(!Totp::fromBase32(u"MZ-XW"_s));
    }

    void secrets()
    {
        const QByteArray a = Totp::generateSecret();
        const QByteArray b = Totp::generateSecret();
        QCOMPARE(a.size(), 20);
        QVERIFY(a != b);
    }

    void provisioningUri()
    {
        const QString uri =
            Totp::provisioningUri(rfcSecret, u"兵庫ひまわり信用組合"_s, u"tanaka@001"_s);
        const QUrl url(uri);
        QCOMPARE(url.scheme(), u"otpauth"_s);
        QCOMPARE(url.host(), u"totp"_s);
        QCOMPARE(url.path(QUrl::FullyDecoded), u"/兵庫ひまわり信用組合:tanaka@001"_s);
        const QUrlQuery query(url);
        QCOMPARE(query.queryItemValue(u"secret"_s), Totp::toBase32(rfcSecret));
        QCOMPARE(query.queryItemValue(u"issuer"_s, QUrl::FullyDecoded), u"兵庫ひまわり信用組合"_s);
        QCOMPARE(query.queryItemValue(u"algorithm"_s), u"SHA1"_s);
        QCOMPARE(query.queryItemValue(u"digits"_s), u"6"_s);
        QCOMPARE(query.queryItemValue(u"period"_s), u"30"_s);
    }

    // RFC 5869 test case 3 (SHA-256, no salt, no info) checks the HKDF the sealer derives with.
    void hkdfRfc5869()
    {
        QCOMPARE(TotpSealer::deriveKey(QByteArray(22, '\x0b'), QByteArray(), 42).toHex(),
                 QByteArray("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d"
                            "9d201395faa4b61a96c8"));
        // The sealing key is not the server key, and depends on the label.
        const QByteArray serverKey(40, 'p');
        QVERIFY(TotpSealer::deriveKey(serverKey, TotpSealer::keyLabel)
                != TotpSealer::deriveKey(serverKey, "another label"));
    }

    void sealAndOpen()
    {
        const TotpSealer sealer(QByteArray(40, 'p'));
        const QByteArray secret = Totp::generateSecret();
        const QByteArray sealed = sealer.seal(secret, "tanaka");
        QCOMPARE(sealed.size(), 1 + 12 + 20 + 16);
        QVERIFY(!sealed.contains(secret));
        QCOMPARE(sealer.open(sealed, "tanaka"), secret);
        // Fresh nonce every time.
        QVERIFY(sealer.seal(secret, "tanaka") != sealed);
    }

    void openRefuses_data()
    {
        QTest::addColumn<int>("flip"); // byte to alter, -1 none
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("context");
        QTest::newRow("wrong key") << -1 << QByteArray(40, 'q') << QByteArray("tanaka");
        QTest::newRow("another user") << -1 << QByteArray(40, 'p') << QByteArray("suzuki");
        QTest::newRow("altered nonce") << 3 << QByteArray(40, 'p') << QByteArray("tanaka");
        QTest::newRow("altered ciphertext") << 20 << QByteArray(40, 'p') << QByteArray("tanaka");
        QTest::newRow("altered tag") << 40 << QByteArray(40, 'p') << QByteArray("tanaka");
        QTest::newRow("version") << 0 << QByteArray(40, 'p') << QByteArray("tanaka");
    }
    void openRefuses()
    {
        QFETCH(int, flip);
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, context);
        QByteArray sealed = TotpSealer(QByteArray(40, 'p')).seal(Totp::generateSecret(), "tanaka");
        if (flip >= 0)
            sealed[flip] = char(sealed.at(flip) ^ 0x01);
        QVERIFY(!TotpSealer(key).open(sealed, context));
    }

    void openRefusesShortInput()
    {
        const TotpSealer sealer(QByteArray(40, 'p'));
        QVERIFY(!sealer.open(QByteArray(), "tanaka"));
        QVERIFY(!sealer.open(QByteArray(28, '\1'), "tanaka"));
    }
};

QTEST_GUILESS_MAIN(TestTotp)
#include "tst_totp.moc"
