// CustomerSearchModel against the real backend: by account, phone and kana; one row per
// account; masked for support staff; a newer search overtakes a running one; failures exposed.
#include "ConsoleFixture.h"
#include "CustomerSearchModel.h"
#include "SearchQuery.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace tc;
using backend::staff::StaffRole;
using test::WaitMs;

class TestCustomerSearchModel final : public QObject
{
    Q_OBJECT

    static bool searched(CustomerSearchModel &model, const QString &typed)
    {
        QSignalSpy finished(&model, &CustomerSearchModel::searchFinished);
        model.search(SearchQuery::parse(typed));
        return finished.wait(WaitMs);
    }

private Q_SLOTS:
    void finds_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::newRow("account") << u"001-1234567"_s;
        QTest::newRow("phone") << u"078-631-0000"_s;
        QTest::newRow("kana") << u"でーた"_s;
    }

    void finds()
    {
        QFETCH(QString, typed);
        auto console = test::Console::started();
        CustomerSearchModel model(console->client.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy loading(&model, &CustomerSearchModel::loadingChanged);
        QVERIFY(searched(model, typed));
        QCOMPARE(loading.size(), 2);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, CustomerSearchModel::NameColumn).data().toString(),
                 u"データタロウ"_s);
        QCOMPARE(model.index(0, CustomerSearchModel::BranchColumn).data().toString().left(3),
                 u"001"_s);
        QCOMPARE(model.index(0, CustomerSearchModel::AccountTypeColumn).data().toString(),
                 u"Ordinary"_s);
        QCOMPARE(model.index(0, CustomerSearchModel::AccountNumberColumn).data().toString(),
                 u"1234567"_s);
        QCOMPARE(model.index(0, CustomerSearchModel::BirthDateColumn).data().toString(),
                 u"1980-04-01"_s);
        QCOMPARE(model.index(0, CustomerSearchModel::PhoneColumn).data().toString(),
                 u"0786310000"_s);
        QCOMPARE(model.index(0, 0).data(CustomerSearchModel::CustomerIdRole).toLongLong(),
                 console->customerId());
        QCOMPARE(model.index(0, 0).data(CustomerSearchModel::AccountIdRole).toLongLong(),
                 console->backend->data().accountId);
        QVERIFY(!model.isTruncated());
        QVERIFY(!model.error());
    }

    void maskedForSupport()
    {
        auto console = test::Console::started(StaffRole::Support);
        CustomerSearchModel model(console->client.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        QVERIFY(searched(model, u"0786310000"_s));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, CustomerSearchModel::PhoneColumn).data().toString(),
                 u"******0000"_s);
        QCOMPARE(model.index(0, CustomerSearchModel::BirthDateColumn).data().toString(),
                 u"1980-**-**"_s);
        QVERIFY(model.index(0, 0).data(CustomerSearchModel::MaskedRole).toBool());
    }

    // The teller typed on: the running search is abandoned, only the last one's answer shows.
    void newerSearchWins()
    {
        auto console = test::Console::started();
        CustomerSearchModel model(console->client.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy finished(&model, &CustomerSearchModel::searchFinished);
        QSignalSpy failed(&model, &CustomerSearchModel::searchFailed);
        model.search(SearchQuery::parse(u"001-1234567"_s));
        QVERIFY(model.isLoading());
        model.search(SearchQuery::parse(u"001-7654321"_s)); // the customer without a cash card
        QVERIFY(finished.wait(WaitMs));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, CustomerSearchModel::AccountNumberColumn).data().toString(),
                 u"7654321"_s);
        QVERIFY(!model.index(0, 0).data(Qt::ToolTipRole).toString().isEmpty()); // no cash card
        // Nothing more arrives from the first search.
        QVERIFY(searched(model, u"001-1234567"_s));
        QCOMPARE(finished.size(), 2);
        QCOMPARE(failed.size(), 0);

        // Nothing searchable: no rows, no call.
        model.search(SearchQuery::parse(u"00"_s));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.isLoading());
        QVERIFY(searched(model, u"ｿﾝｻﾞｲｼﾅｲ"_s));
        QCOMPARE(model.rowCount(), 0);
    }

    void failureIsExposed()
    {
        auto console = test::Console::started();
        console->client->setAccessToken(u"not-a-token"_s);
        CustomerSearchModel model(console->client.get());
        QSignalSpy failed(&model, &CustomerSearchModel::searchFailed);
        model.search(SearchQuery::parse(u"001-1234567"_s));
        QVERIFY(failed.wait(WaitMs));
        QVERIFY(!model.isLoading());
        QCOMPARE(model.error()->kind, client::ClientError::Kind::SessionExpired);
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCustomerSearchModel)
#include "tst_customersearchmodel.moc"
