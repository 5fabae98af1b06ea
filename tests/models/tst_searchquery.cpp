// SearchQuery: what the teller types, read as an account, a phone number or a kana name prefix,
// or as nothing to search yet.
#include "SearchQuery.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using tc::SearchQuery;

class TestSearchQuery final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("expected"); // "branch/account", the phone, or the kana
        QTest::addColumn<QString>("query"); // the search call's query string

        const int none = int(SearchQuery::Kind::None);
        const int account = int(SearchQuery::Kind::Account);
        const int phone = int(SearchQuery::Kind::Phone);
        const int name = int(SearchQuery::Kind::NameKana);

        QTest::newRow("branch-account") << u"005-1234567"_s << account << u"005/1234567"_s
                                        << u"branch_code=005&account_number=1234567"_s;
        QTest::newRow("branch space account") << u"005 1234567"_s << account << u"005/1234567"_s
                                              << u"branch_code=005&account_number=1234567"_s;
        QTest::newRow("full-width digits and hyphen")
            << u"００５－１２３４５６７"_s << account << u"005/1234567"_s
            << u"branch_code=005&account_number=1234567"_s;
        QTest::newRow("IME long-vowel mark as hyphen")
            << u"005ー1234567"_s << account << u"005/1234567"_s
            << u"branch_code=005&account_number=1234567"_s;
        QTest::newRow("surrounding spaces") << u"  001-7654321 "_s << account << u"001/7654321"_s
                                            << u"branch_code=001&account_number=7654321"_s;
        QTest::newRow("phone 10 digits")
            << u"0786310000"_s << phone << u"0786310000"_s << u"phone=0786310000"_s;
        QTest::newRow("phone with hyphens")
            << u"078-631-0000"_s << phone << u"0786310000"_s << u"phone=0786310000"_s;
        QTest::newRow("mobile 11 digits")
            << u"090-1234-5678"_s << phone << u"09012345678"_s << u"phone=09012345678"_s;
        QTest::newRow("mobile with spaces")
            << u"090 1234 5678"_s << phone << u"09012345678"_s << u"phone=09012345678"_s;
        QTest::newRow("phone with parentheses")
            << u"(078)631-0000"_s << phone << u"0786310000"_s << u"phone=0786310000"_s;
        QTest::newRow("full-width phone")
            << u"０７８６３１００００"_s << phone << u"0786310000"_s << u"phone=0786310000"_s;
        QTest::newRow("ten digits without hyphen are a phone")
            << u"0051234567"_s << phone << u"0051234567"_s << u"phone=0051234567"_s;
        QTest::newRow("half-width kana")
            << u"ﾃﾞｰﾀ ﾀﾛｳ"_s << name << u"データタロウ"_s << u"name_kana=データタロウ"_s;
        QTest::newRow("full-width katakana")
            << u"データ"_s << name << u"データ"_s << u"name_kana=データ"_s;
        QTest::newRow("hiragana") << u"でーた たろう"_s << name << u"データタロウ"_s
                                  << u"name_kana=データタロウ"_s;
        QTest::newRow("half-width voiced mark composes")
            << u"ﾃﾞｰ"_s << name << u"デー"_s << u"name_kana=デー"_s;

        QTest::newRow("empty") << QString() << none << QString() << QString();
        QTest::newRow("spaces") << u"   "_s << none << QString() << QString();
        QTest::newRow("branch only") << u"005"_s << none << QString() << QString();
        QTest::newRow("account still being typed")
            << u"005-12345"_s << none << QString() << QString();
        QTest::newRow("hyphen alone") << u"005-"_s << none << QString() << QString();
        QTest::newRow("phone still being typed")
            << u"078-631-00"_s << none << QString() << QString();
        QTest::newRow("too many digits") << u"078631000012"_s << none << QString() << QString();
        QTest::newRow("one kana") << u"ﾃ"_s << none << QString() << QString();
        QTest::newRow("latin letters") << u"data taro"_s << none << QString() << QString();
        QTest::newRow("kanji") << u"田中"_s << none << QString() << QString();
        QTest::newRow("kana and digits") << u"データ1"_s << none << QString() << QString();
        QTest::newRow("a code is not a search") << u"B84"_s << none << QString() << QString();
    }

    void parse()
    {
        QFETCH(QString, typed);
        QFETCH(int, kind);
        QFETCH(QString, expected);
        QFETCH(QString, query);

        const SearchQuery parsed = SearchQuery::parse(typed);
        QCOMPARE(int(parsed.kind), kind);
        QCOMPARE(parsed.isSearchable(), kind != int(SearchQuery::Kind::None));
        switch (parsed.kind) {
        case SearchQuery::Kind::Account:
            QCOMPARE(parsed.branchCode + u'/' + parsed.accountNumber, expected);
            break;
        case SearchQuery::Kind::Phone:
            QCOMPARE(parsed.phone, expected);
            break;
        case SearchQuery::Kind::NameKana:
            QCOMPARE(parsed.nameKana, expected);
            break;
        case SearchQuery::Kind::None:
            break;
        }
        QCOMPARE(parsed.urlQuery().toString(QUrl::FullyDecoded), query);
    }
};

QTEST_GUILESS_MAIN(TestSearchQuery)
#include "tst_searchquery.moc"
