// LinkagesModel against the real backend: the customer's linkage after a completed flow, and its
// revocation by staff arriving live (the row stays, selected, with the new state).
#include "ConsoleFixture.h"
#include "EventStream.h"
#include "LinkagesModel.h"
#include "TestFlow.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace tc;
using test::WaitMs;

class TestLinkagesModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void revocationArrivesLive()
    {
        auto console = test::Console::started();
        test::TestBackend &b = *console->backend;
        test::flow::linkedTokens(b);

        client::EventStream events(console->client.get());
        events.start();
        QTRY_COMPARE_WITH_TIMEOUT(events.state(), client::EventStream::State::Connected, WaitMs);
        LinkagesModel model(console->client.get(), &events);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy loaded(&model, &LinkagesModel::loaded);
        model.load(console->customerId());
        QVERIFY(loaded.wait(WaitMs));
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex row = model.index(0, 0);
        QCOMPARE(row.data(LinkagesModel::StateRole).toString(), u"active"_s);
        QVERIFY(row.data(LinkagesModel::ActiveRole).toBool());
        QCOMPARE(model.index(0, LinkagesModel::StateColumn).data().toString(), u"Active"_s);
        QCOMPARE(model.index(0, LinkagesModel::AccountColumn).data().toString(),
                 u"001 Ordinary 1234567"_s);
        QVERIFY(!model.index(0, LinkagesModel::GrantedColumn).data().toString().isEmpty());
        QVERIFY(!model.index(0, LinkagesModel::ExpiresColumn).data().toString().isEmpty());
        QVERIFY(model.index(0, LinkagesModel::RevokedColumn).data().toString().isEmpty());

        QItemSelectionModel selection(&model);
        selection.select(row, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        const qint64 id = row.data(LinkagesModel::LinkageIdRole).toLongLong();
        const auto revoke = b.request(
            "DELETE", u"/api/v1/staff/linkages/%1"_s.arg(id),
            QJsonDocument(QJsonObject {{u"reason"_s, u"お客様から電話で依頼"_s},
                                       {u"reason_kind"_s, u"counter_document"_s},
                                       {u"identity_document"_s, u"passport"_s}})
                .toJson(),
            {test::TestBackend::bearer(console->token), {"Content-Type", "application/json"}});
        QCOMPARE(revoke.status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(model.index(0, 0).data(LinkagesModel::StateRole).toString(),
                                  u"revoked"_s, WaitMs);
        QCOMPARE(model.index(0, LinkagesModel::StateColumn).data().toString(), u"Revoked"_s);
        const QString revoked = model.index(0, LinkagesModel::RevokedColumn).data().toString();
        QVERIFY2(revoked.contains(u"お客様から電話で依頼"_s) && revoked.contains(u"staff1"_s),
                 qPrintable(revoked));
        QVERIFY(!model.index(0, 0).data(LinkagesModel::ActiveRole).toBool());
        QVERIFY(selection.isRowSelected(0, {}));
    }
};

QTEST_GUILESS_MAIN(TestLinkagesModel)
#include "tst_linkagesmodel.moc"
