#include "ErrorCatalog.h"
#include "ErrorCodes.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QtTest>

using namespace Qt::StringLiterals;
using tc::CatalogEntry;
using tc::ErrorCatalog;
using tc::LockCounting;

namespace {

// Every constant of ErrorCodes.h, spelled through the constants so that a renamed or removed
// constant breaks this test at compile time.
const QList<QLatin1StringView> &allCodeConstants()
{
    namespace c = tc::codes;
    static const QList<QLatin1StringView> codes = {
        c::OutsideServiceHours,
        c::Congested,
        c::SystemError,
        c::ServiceUnavailable,
        c::MissingFields,
        c::InvalidFormat,
        c::EmailConfirmationMismatch,
        c::AccountNotEligible,
        c::IdentityMismatch,
        c::IdentityLockedNow,
        c::IdentityLocked,
        c::AwaitingCall,
        c::CallWindowExpired,
        c::CallFromUnregisteredNumber,
        c::WrongPin,
        c::PinLockedNow,
        c::PinLocked,
        c::TermsNotAgreed,
        c::ConsentDenied,
        c::Cancelled,
        c::LinkageExpired,
        c::LinkageRevoked,
        c::AccountMoved,
        c::ClientSuspended,
        c::MalformedRequest,
        c::StepOutOfOrder,
        c::FlowNotFound,
        c::UnknownPath,
        c::MethodNotAllowed,
        c::PayloadTooLarge,
        c::TooManyRequests,
        c::Unauthorized,
        c::StaffSignInFailed,
        c::StaffSecondFactorRequired,
        c::StaffSessionEnded,
        c::StaffForbidden,
        c::StaffReasonRequired,
        c::StaffNotFound,
        c::StaffApprovalPending,
        c::StaffSameApprover,
        c::StaffNothingToRelease,
        c::StaffAlreadyDone,
        c::StaffCallerCheckRequired,
        c::StaffCallerCheckLimited,
        c::StaffIdentityProofRequired,
    };
    return codes;
}

QStringList codesOf(const QList<tc::CatalogMatch> &matches)
{
    QStringList codes;
    for (const tc::CatalogMatch &match : matches)
        codes.append(match.entry->code);
    return codes;
}

// A minimal valid entry; tests break one field at a time.
QJsonObject validEntry(const QString &code)
{
    const QJsonObject text {{u"ja"_s, u"説明"_s}, {u"en"_s, u"Explanation"_s}};
    return QJsonObject {
        {u"code"_s, code},
        {u"screen"_s, u"②"_s},
        {u"http_status"_s, 400},
        {u"customer_message"_s, u"入力されていない項目があります。"_s},
        {u"customer_message_en"_s, u"Some fields are empty."_s},
        {u"from_seeds"_s, true},
        {u"counts"_s, u"none"_s},
        {u"meaning"_s, text},
        {u"cause"_s, text},
        {u"tell_customer"_s, text},
        {u"aliases"_s, QJsonArray {u"未入力です"_s}},
    };
}

QByteArray documentWith(const QJsonArray &entries)
{
    return QJsonDocument(QJsonObject {{u"version"_s, 1}, {u"entries"_s, entries}}).toJson();
}

} // namespace

class TestErrorCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtInLoads();
    void codeConstantsResolve_data();
    void codeConstantsResolve();
    void catalogHasExactlyTheHeaderCodes();
    void seedTextsVerbatim_data();
    void seedTextsVerbatim();
    void httpStatus_data();
    void httpStatus();
    void lockCounting();
    void entriesComplete();
    void findTolerance_data();
    void findTolerance();
    void normalization_data();
    void normalization();
    void matchMessage_data();
    void matchMessage();
    void matchHiraganaReading();
    void matchOwnTexts();
    void matchNothing_data();
    void matchNothing();
    void matchLimitAndOrder();
    void fromJsonRejects_data();
    void fromJsonRejects();
    void fromJsonAcceptsMinimal();
};

void TestErrorCatalog::builtInLoads()
{
    const ErrorCatalog &catalog = ErrorCatalog::builtIn();
    QCOMPARE(catalog.entries().size(), allCodeConstants().size());
    // The same object every time: parsed once.
    QCOMPARE(&ErrorCatalog::builtIn(), &catalog);
}

void TestErrorCatalog::codeConstantsResolve_data()
{
    QTest::addColumn<QString>("code");
    for (const QLatin1StringView code : allCodeConstants())
        QTest::newRow(code.data()) << QString(code);
}

void TestErrorCatalog::codeConstantsResolve()
{
    QFETCH(QString, code);
    const CatalogEntry *entry = ErrorCatalog::builtIn().find(code);
    QVERIFY2(entry, qPrintable(u"no catalog entry for "_s + code));
    QCOMPARE(entry->code, code);
}

void TestErrorCatalog::catalogHasExactlyTheHeaderCodes()
{
    QSet<QString> constants;
    for (const QLatin1StringView code : allCodeConstants())
        constants.insert(QString(code));
    QCOMPARE(constants.size(), allCodeConstants().size());

    QSet<QString> inCatalog;
    for (const CatalogEntry &entry : ErrorCatalog::builtIn().entries())
        inCatalog.insert(entry.code);
    QCOMPARE(inCatalog, constants);

    // Also read the header itself, so that a constant added there without a catalog entry (and
    // without being listed above) is caught.
    const QString header = QFINDTESTDATA("../../core/ErrorCodes.h");
    if (header.isEmpty())
        QSKIP("core/ErrorCodes.h not found next to the test sources");
    QFile file(header);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    static const QRegularExpression constant(
        uR"re(QLatin1StringView\s+\w+\s*\{\s*"([A-Z][0-9]{2})"\s*\})re"_s);
    QSet<QString> inHeader;
    for (const QRegularExpressionMatch &match : constant.globalMatch(text))
        inHeader.insert(match.captured(1));
    QCOMPARE(inHeader, inCatalog);
}

void TestErrorCatalog::seedTextsVerbatim_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("text");
    // As the seed manuals print them, with their line breaks joined.
    QTest::newRow("A01") << u"A01"_s
                         << u"ただ今の時間はサービスを行っておりません。ご了承下さい。"_s;
    QTest::newRow("A02") << u"A02"_s
                         << u"ただ今受付が混雑しておりますので、しばらくしてからご利用下さい。"_s;
    QTest::newRow("A03") << u"A03"_s
                         << u"調整のため連絡ができなくなりました。なお、お急ぎの場合は本サービス"
                            u"のお問合せ窓口へご照会下さい。"_s;
    QTest::newRow("A04") << u"A04"_s
                         << u"ご指定のサービスはただ今お取扱いできません。なお、お急ぎの場合は本"
                            u"サービスのお問合せ窓口へご照会下さい。"_s;
    QTest::newRow("B01") << u"B01"_s << u"入力されていない項目があります。"_s;
    QTest::newRow("B11") << u"B11"_s << u"ご指定の口座は、本サービスではお取り扱いできません。"_s;
    QTest::newRow("B21") << u"B21"_s
                         << u"本人認証情報が誤っています。本人認証項目をご確認のうえ、再度入力し"
                            u"て下さい。"_s;
    QTest::newRow("B83") << u"B83"_s
                         << u"お取扱いができなくなりました。詳しくは本サービスのお問合せ窓口へご"
                            u"照会下さい。"_s;
    QTest::newRow("B84") << u"B84"_s
                         << u"ただ今お取扱いできません。詳しくは本サービスのお問合せ窓口へご照会"
                            u"下さい。理由コードは B84 です。"_s;
    QTest::newRow("C01") << u"C01"_s << u"認証中(認証着信待ち)"_s;
    QTest::newRow("E03") << u"E03"_s << u"API連携認証を中止しました。"_s;
}

void TestErrorCatalog::seedTextsVerbatim()
{
    QFETCH(QString, code);
    QFETCH(QString, text);
    const CatalogEntry *entry = ErrorCatalog::builtIn().find(code);
    QVERIFY(entry);
    QCOMPARE(entry->customerMessage, text);
    QVERIFY(entry->fromSeeds);

    // from_seeds is true for exactly the entries of this table.
    int seedEntries = 0;
    for (const CatalogEntry &e : ErrorCatalog::builtIn().entries())
        seedEntries += e.fromSeeds ? 1 : 0;
    QCOMPARE(seedEntries, 11);
}

void TestErrorCatalog::httpStatus_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("status");
    const std::pair<const char16_t *, int> table[] = {
        {u"A01", 503}, {u"A02", 503}, {u"A03", 500}, {u"A04", 503}, {u"B01", 422}, {u"B02", 422},
        {u"B03", 422}, {u"B11", 403}, {u"B21", 403}, {u"B83", 423}, {u"B84", 423}, {u"C01", 409},
        {u"C02", 410}, {u"C03", 403}, {u"D01", 403}, {u"D83", 423}, {u"D84", 423}, {u"E01", 422},
        {u"E02", 403}, {u"E03", 410}, {u"F01", 401}, {u"F02", 401}, {u"F03", 401}, {u"F04", 403},
        {u"G01", 400}, {u"G02", 409}, {u"G03", 404}, {u"G04", 404}, {u"G05", 405}, {u"G06", 413},
        {u"G07", 429}, {u"G08", 401},
    };
    for (const auto &[code, status] : table) {
        const QString c = QString::fromUtf16(code);
        QTest::newRow(qPrintable(c)) << c << status;
    }
}

void TestErrorCatalog::httpStatus()
{
    QFETCH(QString, code);
    QFETCH(int, status);
    const CatalogEntry *entry = ErrorCatalog::builtIn().find(code);
    QVERIFY(entry);
    QCOMPARE(entry->httpStatus, status);
}

void TestErrorCatalog::lockCounting()
{
    for (const CatalogEntry &entry : ErrorCatalog::builtIn().entries()) {
        const LockCounting expected = (entry.code == u"B21"_s || entry.code == u"B83"_s)
            ? LockCounting::Identity
            : (entry.code == u"D01"_s || entry.code == u"D83"_s) ? LockCounting::Pin
                                                                 : LockCounting::None;
        QVERIFY2(entry.counts == expected, qPrintable(entry.code));
    }
}

void TestErrorCatalog::entriesComplete()
{
    static const QStringList screens = {QString(), u"①"_s, u"②"_s, u"③"_s, u"④"_s, u"⑤"_s, u"⑥"_s};
    for (const CatalogEntry &e : ErrorCatalog::builtIn().entries()) {
        const QByteArray code = e.code.toUtf8();
        QVERIFY2(screens.contains(e.screen), code.constData());
        QVERIFY2(e.httpStatus >= 400 && e.httpStatus <= 599, code.constData());
        QVERIFY2(!e.customerMessage.isEmpty() && !e.customerMessageEn.isEmpty(), code.constData());
        for (const tc::StaffText *text : {&e.meaning, &e.cause, &e.tellCustomer}) {
            QVERIFY2(!text->ja.trimmed().isEmpty(), code.constData());
            QVERIFY2(!text->en.trimmed().isEmpty(), code.constData());
        }
    }
    // Lock entries must tell staff when the lock ends and that ATMs are unaffected.
    for (const char16_t *code : {u"B83", u"B84", u"D83", u"D84"}) {
        const CatalogEntry *e = ErrorCatalog::builtIn().find(QStringView(code));
        QVERIFY(e);
        QVERIFY2(e->tellCustomer.ja.contains(u"翌日0時"_s), qPrintable(e->code));
        QVERIFY2(e->tellCustomer.ja.contains(u"ATM"_s), qPrintable(e->code));
        QVERIFY2(e->tellCustomer.en.contains(u"00:00 Tokyo"_s), qPrintable(e->code));
    }
    // D84 has B84's form with its own code.
    const CatalogEntry *d84 = ErrorCatalog::builtIn().find(u"D84");
    QVERIFY(d84);
    QCOMPARE(d84->customerMessage,
             u"ただ今お取扱いできません。詳しくは本サービスのお問合せ窓口へご照会下さい。理由コー"
             u"ドは D84 です。"_s);
}

void TestErrorCatalog::findTolerance_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected"); // empty: not found
    QTest::newRow("exact") << u"B84"_s << u"B84"_s;
    QTest::newRow("lower case") << u"b84"_s << u"B84"_s;
    QTest::newRow("full-width lower") << u"ｂ８４"_s << u"B84"_s;
    QTest::newRow("full-width upper") << u"Ｄ８３"_s << u"D83"_s;
    QTest::newRow("spaces") << u" b84 "_s << u"B84"_s;
    QTest::newRow("ideographic space") << u"\u3000Ｇ０１\u3000"_s << u"G01"_s;
    QTest::newRow("tab and newline") << u"\tc01\n"_s << u"C01"_s;
    QTest::newRow("unknown code") << u"Z99"_s << QString();
    QTest::newRow("too long") << u"B840"_s << QString();
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("message text") << u"理由コードは B84 です"_s << QString();
}

void TestErrorCatalog::findTolerance()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const CatalogEntry *entry = ErrorCatalog::builtIn().find(input);
    if (expected.isEmpty()) {
        QVERIFY(!entry);
    } else {
        QVERIFY(entry);
        QCOMPARE(entry->code, expected);
    }
}

void TestErrorCatalog::normalization_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::newRow("half-width kana") << u"ｵﾄﾘｱﾂｶｲ"_s << u"オトリアツカイ"_s;
    QTest::newRow("voiced half-width") << u"ﾃﾞｰﾀ ﾀﾛｳ"_s << u"データタロウ"_s;
    QTest::newRow("hiragana") << u"おとりあつかい"_s << u"オトリアツカイ"_s;
    QTest::newRow("okurigana") << u"お取り扱い"_s << u"お取扱い"_s;
    QTest::newRow("kanji vs kana") << u"お取扱い"_s << u"おとりあつかい"_s;
    QTest::newRow("ただいま") << u"ただいま"_s << u"ただ今"_s;
    QTest::newRow("ください") << u"ください"_s << u"下さい"_s;
    QTest::newRow("問い合わせ") << u"お問い合わせ"_s << u"お問合せ"_s;
    QTest::newRow("punctuation") << u"「認証中(認証着信待ち)」。"_s << u"認証中 認証着信待ち"_s;
    QTest::newRow("full-width parens") << u"認証中（認証着信待ち）"_s << u"認証中(認証着信待ち)"_s;
    QTest::newRow("middle dot") << u"口座情報・明細情報"_s << u"口座情報明細情報"_s;
    QTest::newRow("full-width latin") << u"ＡＰＩ ｂ８４"_s << u"APIB84"_s;
}

void TestErrorCatalog::normalization()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QCOMPARE(ErrorCatalog::normalizedForMatching(a), ErrorCatalog::normalizedForMatching(b));
    QVERIFY(!ErrorCatalog::normalizedForMatching(a).isEmpty());
}

void TestErrorCatalog::matchMessage_data()
{
    QTest::addColumn<QString>("spoken");
    QTest::addColumn<QString>("first");

    QTest::newRow("reason code only") << u"理由コードは B84"_s << u"B84"_s;
    QTest::newRow("reason code D84 full-width") << u"理由コードはＤ８４です"_s << u"D84"_s;
    QTest::newRow("code wins over text")
        << u"お取扱いができなくなりました 理由コードB84"_s << u"B84"_s;
    QTest::newRow("half-width kana") << u"ﾀﾀﾞｲﾏﾉｼﾞｶﾝﾊｻｰﾋﾞｽｦｵｺﾅｯﾃｵﾘﾏｾﾝ"_s << u"A01"_s;
    QTest::newRow("hiragana A01") << u"ただいまのじかんはさーびすをおこなっておりません"_s
                                  << u"A01"_s;
    QTest::newRow("spaces and punctuation")
        << u"本人認証情報が 誤っています 本人認証項目をご確認のうえ 再度入力してください"_s
        << u"B21"_s;
    QTest::newRow("first sentence of B83") << u"お取り扱いができなくなりました。"_s << u"B83"_s;
    QTest::newRow("account not eligible")
        << u"ご指定の口座は本サービスではお取扱いできません"_s << u"B11"_s;
    QTest::newRow("partial, middle of text") << u"受付が混雑して"_s << u"A02"_s;
    QTest::newRow("short keyword") << u"混雑"_s << u"A02"_s;
    QTest::newRow("typo") << u"調整のため連絡ができなくなりまいた"_s << u"A03"_s;
    QTest::newRow("waiting for call, kana") << u"にんしょうちゅう"_s << u"C01"_s;
    QTest::newRow("missing fields") << u"にゅうりょくされていないこうもくがあります"_s << u"B01"_s;
    QTest::newRow("cancelled") << u"ＡＰＩ連携認証を中止しました"_s << u"E03"_s;
    QTest::newRow("app: access expired") << u"アクセス許可が失効しました"_s << u"F01"_s;
    QTest::newRow("app: period ended") << u"認可期間が終了しました。"_s << u"F01"_s;
    QTest::newRow("app: link expired, with context")
        << u"アプリに連携の有効期限が切れましたと出ています"_s << u"F01"_s;
    QTest::newRow("app: relink") << u"再連携して下さい"_s << u"F01"_s;
    QTest::newRow("app: link revoked") << u"連携が解除されました"_s << u"F02"_s;
    QTest::newRow("app: access revoked") << u"アクセス許可が取り消されました"_s << u"F02"_s;
    QTest::newRow("wrong PIN") << u"暗証番号が誤っています"_s << u"D01"_s;
}

void TestErrorCatalog::matchMessage()
{
    QFETCH(QString, spoken);
    QFETCH(QString, first);
    const QList<tc::CatalogMatch> matches = ErrorCatalog::builtIn().matchMessage(spoken);
    QVERIFY2(!matches.isEmpty(), qPrintable(spoken));
    QCOMPARE(matches.first().entry->code, first);
}

void TestErrorCatalog::matchHiraganaReading()
{
    // A caller reading the start of B84 aloud, typed in hiragana. That start is shared by B84,
    // D84 (same form, other lock) and A04 ("ご指定のサービスはただ今お取扱いできません"); the
    // teller needs the lock messages first and asks for the reason code to tell B84 from D84.
    const QList<tc::CatalogMatch> matches =
        ErrorCatalog::builtIn().matchMessage(u"ただいまおとりあつかいできません");
    const QStringList codes = codesOf(matches);
    QVERIFY2(codes.size() >= 3, qPrintable(codes.join(u' ')));
    QCOMPARE(QSet<QString>(codes.cbegin(), codes.cbegin() + 2),
             (QSet<QString> {u"B84"_s, u"D84"_s}));
    QVERIFY2(codes.contains(u"A04"_s), qPrintable(codes.join(u' ')));
    QVERIFY(matches.first().score > 0.75);

    // Saying the code settles it.
    QCOMPARE(ErrorCatalog::builtIn()
                 .matchMessage(u"ただいまおとりあつかいできません りゆうこーどは B84")
                 .first()
                 .entry->code,
             u"B84"_s);
}

void TestErrorCatalog::matchOwnTexts()
{
    // Every message and alias finds its own entry first: no alias shadows another entry.
    const ErrorCatalog &catalog = ErrorCatalog::builtIn();
    for (const CatalogEntry &entry : catalog.entries()) {
        QStringList texts = entry.aliases;
        texts.prepend(entry.customerMessage);
        for (const QString &text : std::as_const(texts)) {
            const QList<tc::CatalogMatch> matches = catalog.matchMessage(text);
            QVERIFY2(!matches.isEmpty(), qPrintable(text));
            QVERIFY2(
                matches.first().entry == &entry,
                qPrintable(entry.code % u": "_s % text % u" → "_s % codesOf(matches).join(u' ')));
            QVERIFY(qFuzzyCompare(matches.first().score, 1.0));
        }
    }
}

void TestErrorCatalog::matchNothing_data()
{
    QTest::addColumn<QString>("spoken");
    QTest::newRow("weather") << u"今日はいい天気ですね"_s;
    QTest::newRow("empty") << QString();
    QTest::newRow("spaces and punctuation only") << u"  。、「」 ・ "_s;
    QTest::newRow("one kana") << u"お"_s;
    QTest::newRow("latin words") << u"hello world"_s;
    QTest::newRow("unknown code") << u"Z99"_s;
    QTest::newRow("digits") << u"0120-219-190"_s;
}

void TestErrorCatalog::matchNothing()
{
    QFETCH(QString, spoken);
    const QList<tc::CatalogMatch> matches = ErrorCatalog::builtIn().matchMessage(spoken);
    QVERIFY2(matches.isEmpty(), qPrintable(codesOf(matches).join(u' ')));
}

void TestErrorCatalog::matchLimitAndOrder()
{
    const ErrorCatalog &catalog = ErrorCatalog::builtIn();
    // A fragment shared by many messages.
    const QString spoken = u"お問合せ窓口へご照会下さい"_s;
    const QList<tc::CatalogMatch> all = catalog.matchMessage(spoken, 100);
    QVERIFY(all.size() > 3);
    for (qsizetype i = 0; i < all.size(); ++i) {
        QVERIFY(all.at(i).score > 0.0 && all.at(i).score <= 1.0);
        if (i > 0)
            QVERIFY(all.at(i - 1).score >= all.at(i).score);
    }
    QCOMPARE(catalog.matchMessage(spoken).size(), std::min<qsizetype>(5, all.size()));
    QCOMPARE(catalog.matchMessage(spoken, 1).size(), qsizetype(1));
    QCOMPARE(catalog.matchMessage(spoken, 1).first().entry, all.first().entry);
    QVERIFY(catalog.matchMessage(spoken, 0).isEmpty());
    QVERIFY(catalog.matchMessage(spoken, -1).isEmpty());
}

void TestErrorCatalog::fromJsonRejects_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QStringList>("mentions"); // words the message must contain

    const QJsonObject a = validEntry(u"B01"_s);
    const QJsonObject b = validEntry(u"B02"_s);
    const QJsonValue absent(QJsonValue::Undefined);
    const auto with = [](QJsonObject entry, const QString &field, const QJsonValue &value) {
        if (value.isUndefined())
            entry.remove(field);
        else
            entry.insert(field, value);
        return entry;
    };

    QTest::newRow("malformed JSON") << QByteArray("{\"version\": 1, \"entries\": [") << u"json"_s
                                    << QStringList {u"JSON"_s, u"offset"_s};
    QTest::newRow("not an object") << QByteArray("[]") << u"json"_s << QStringList {u"object"_s};
    QTest::newRow("wrong version")
        << QJsonDocument(QJsonObject {{u"version"_s, 2}, {u"entries"_s, QJsonArray {a}}}).toJson()
        << u"version"_s << QStringList {u"version"_s};
    QTest::newRow("unknown top-level field")
        << QJsonDocument(
               QJsonObject {{u"version"_s, 1}, {u"entries"_s, QJsonArray {a}}, {u"extra"_s, true}})
               .toJson()
        << u"extra"_s << QStringList {u"extra"_s};
    QTest::newRow("entries not an array")
        << QJsonDocument(QJsonObject {{u"version"_s, 1}, {u"entries"_s, u"B01"_s}}).toJson()
        << u"entries"_s << QStringList {u"entries"_s};
    QTest::newRow("no entries") << documentWith(QJsonArray {}) << u"entries"_s
                                << QStringList {u"entries"_s};
    QTest::newRow("entry not an object") << documentWith(QJsonArray {a, 42}) << u"entries[1]"_s
                                         << QStringList {u"entry 1"_s, u"object"_s};
    QTest::newRow("duplicate code")
        << documentWith(QJsonArray {a, b, validEntry(u"B01"_s)}) << u"entries[2].code"_s
        << QStringList {u"entry 2"_s, u"B01"_s, u"entry 0"_s};
    QTest::newRow("lower-case code") << documentWith(QJsonArray {with(a, u"code"_s, u"b01"_s)})
                                     << u"entries[0].code"_s << QStringList {u"\"code\""_s};
    QTest::newRow("code too long") << documentWith(QJsonArray {with(a, u"code"_s, u"B011"_s)})
                                   << u"entries[0].code"_s << QStringList {u"\"code\""_s};
    QTest::newRow("code missing") << documentWith(QJsonArray {with(a, u"code"_s, absent)})
                                  << u"entries[0].code"_s << QStringList {u"\"code\""_s};
    QTest::newRow("missing message")
        << documentWith(QJsonArray {b, with(a, u"customer_message"_s, absent)})
        << u"entries[1].customer_message"_s
        << QStringList {u"B01"_s, u"customer_message"_s, u"missing"_s};
    QTest::newRow("empty English message")
        << documentWith(QJsonArray {with(a, u"customer_message_en"_s, u""_s)})
        << u"entries[0].customer_message_en"_s << QStringList {u"B01"_s, u"customer_message_en"_s};
    QTest::newRow("message with trailing space")
        << documentWith(QJsonArray {with(a, u"customer_message"_s, u"入力して下さい。 "_s)})
        << u"entries[0].customer_message"_s << QStringList {u"customer_message"_s};
    QTest::newRow("empty staff text") << documentWith(
        QJsonArray {with(a, u"cause"_s, QJsonObject {{u"ja"_s, u"原因"_s}, {u"en"_s, u""_s}})})
                                      << u"entries[0].cause.en"_s
                                      << QStringList {u"B01"_s, u"cause.en"_s};
    QTest::newRow("staff text missing language")
        << documentWith(QJsonArray {with(a, u"meaning"_s, QJsonObject {{u"ja"_s, u"意味"_s}})})
        << u"entries[0].meaning.en"_s << QStringList {u"meaning.en"_s};
    QTest::newRow("staff text as string")
        << documentWith(QJsonArray {with(a, u"tell_customer"_s, u"案内"_s)})
        << u"entries[0].tell_customer"_s << QStringList {u"tell_customer"_s, u"object"_s};
    QTest::newRow("unknown field")
        << documentWith(QJsonArray {with(a, u"remedy"_s, u"x"_s)}) << u"entries[0].remedy"_s
        << QStringList {u"B01"_s, u"remedy"_s, u"known"_s};
    QTest::newRow("http_status as string")
        << documentWith(QJsonArray {with(a, u"http_status"_s, u"400"_s)})
        << u"entries[0].http_status"_s << QStringList {u"http_status"_s, u"integer"_s};
    QTest::newRow("http_status 200")
        << documentWith(QJsonArray {with(a, u"http_status"_s, 200)}) << u"entries[0].http_status"_s
        << QStringList {u"http_status"_s, u"400"_s};
    QTest::newRow("http_status fractional")
        << documentWith(QJsonArray {with(a, u"http_status"_s, 400.5)})
        << u"entries[0].http_status"_s << QStringList {u"http_status"_s};
    QTest::newRow("from_seeds as string")
        << documentWith(QJsonArray {with(a, u"from_seeds"_s, u"true"_s)})
        << u"entries[0].from_seeds"_s << QStringList {u"from_seeds"_s};
    QTest::newRow("unknown counts")
        << documentWith(QJsonArray {with(a, u"counts"_s, u"both"_s)}) << u"entries[0].counts"_s
        << QStringList {u"counts"_s, u"identity"_s};
    QTest::newRow("bad screen") << documentWith(QJsonArray {with(a, u"screen"_s, u"7"_s)})
                                << u"entries[0].screen"_s << QStringList {u"screen"_s};
    QTest::newRow("aliases not an array")
        << documentWith(QJsonArray {with(a, u"aliases"_s, u"未入力"_s)}) << u"entries[0].aliases"_s
        << QStringList {u"aliases"_s};
    QTest::newRow("alias of punctuation only")
        << documentWith(QJsonArray {with(a, u"aliases"_s, QJsonArray {u"。"_s})})
        << u"entries[0].aliases[0]"_s << QStringList {u"aliases[0]"_s};
    QTest::newRow("alias not a string")
        << documentWith(QJsonArray {with(a, u"aliases"_s, QJsonArray {u"未入力です"_s, 3})})
        << u"entries[0].aliases[1]"_s << QStringList {u"aliases[1]"_s};
}

void TestErrorCatalog::fromJsonRejects()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, key);
    QFETCH(QStringList, mentions);
    const tc::Result<ErrorCatalog> result = ErrorCatalog::fromJson(json);
    QVERIFY(!result);
    QCOMPARE(result.error().key, key);
    for (const QString &word : std::as_const(mentions)) {
        QVERIFY2(result.error().message.contains(word),
                 qPrintable(result.error().message % u" lacks "_s % word));
    }
}

void TestErrorCatalog::fromJsonAcceptsMinimal()
{
    QJsonObject withoutOptional = validEntry(u"B02"_s);
    withoutOptional.remove(u"screen"_s);
    withoutOptional.remove(u"aliases"_s);
    const tc::Result<ErrorCatalog> result =
        ErrorCatalog::fromJson(documentWith(QJsonArray {validEntry(u"B01"_s), withoutOptional}));
    QVERIFY2(result, result ? "" : qPrintable(result.error().message));
    QCOMPARE(result->entries().size(), qsizetype(2));
    QCOMPARE(result->entries().at(1).screen, QString());
    QVERIFY(result->entries().at(1).aliases.isEmpty());
    QCOMPARE(result->entries().at(0).aliases, QStringList {u"未入力です"_s});
    QCOMPARE(result->find(u"b02")->httpStatus, 400);
    QCOMPARE(result->matchMessage(u"未入力です").first().entry->code, u"B01"_s);
}

QTEST_GUILESS_MAIN(TestErrorCatalog)
#include "tst_errorcatalog.moc"
