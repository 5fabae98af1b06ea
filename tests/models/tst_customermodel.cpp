// CustomerModel against the real backend: the customer's detail, reloaded by live events when
// the customer fails, gets locked, and is released early by staff; the lock sentence the view
// shows follows it.
#include "ConsoleFixture.h"
#include "CustomerModel.h"
#include "EventStream.h"
#include "LockSentence.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace tc;
using test::WaitMs;

namespace {

std::optional<protocol::AccountLock> identityLock(const CustomerModel &model)
{
    if (!model.detail() || model.detail()->customer.accounts.isEmpty())
        return std::nullopt;
    for (const protocol::AccountLock &lock : model.detail()->customer.accounts.constFirst().locks) {
        if (lock.kind == "identity"_L1)
            return lock;
    }
    return std::nullopt;
}

} // namespace

class TestCustomerModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followsTheCustomerLive()
    {
        auto console = test::Console::started();
        test::TestBackend &b = *console->backend;
        client::EventStream events(console->client.get());
        events.start();
        QTRY_COMPARE_WITH_TIMEOUT(events.state(), client::EventStream::State::Connected, WaitMs);

        CustomerModel model(console->client.get(), &events);
        QSignalSpy changed(&model, &CustomerModel::changed);
        model.load(console->customerId());
        QVERIFY(model.isLoading());
        QVERIFY(changed.wait(WaitMs));
        QVERIFY(!model.isLoading());
        QCOMPARE(model.detail()->customer.nameKana, u"データタロウ"_s);
        QCOMPARE(model.detail()->customer.accounts.constFirst().accountNumber, u"1234567"_s);
        QVERIFY(!identityLock(model).has_value()); // no failure today: no lock state yet

        // Five wrong answers on the phone with the teller: the model follows each, then the lock.
        b.clock().advance(1000);
        const QString flow = test::accountStep(b);
        for (int i = 0; i < 5; ++i)
            test::wrongIdentity(b, flow);
        QTRY_VERIFY_WITH_TIMEOUT(identityLock(model) && identityLock(model)->locked, WaitMs);
        QCOMPARE(identityLock(model)->failuresToday, 5);
        const QDateTime now = b.clock().now();
        const QString sentence = lockSentence(*identityLock(model), now, UiLanguage::English);
        QVERIFY2(sentence.startsWith(u"Identity locked until 00:00 JST (in "_s)
                     && sentence.endsWith(u"new attempts get code B84"_s),
                 qPrintable(sentence));

        // Released early by staff: the release event reloads it.
        const qint64 accountId = model.detail()->customer.accounts.constFirst().id;
        const auto release = b.request(
            "DELETE", u"/api/v1/staff/accounts/%1/locks/identity"_s.arg(accountId),
            QJsonDocument(QJsonObject {{u"reason"_s, u"窓口で運転免許証により本人確認"_s},
                                       {u"reason_kind"_s, u"counter_document"_s},
                                       {u"identity_document"_s, u"drivers_license"_s}})
                .toJson(),
            {test::TestBackend::bearer(console->token), {"Content-Type", "application/json"}});
        QCOMPARE(release.status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(identityLock(model) && !identityLock(model)->locked, WaitMs);
        QVERIFY(identityLock(model)->releasedEarlyAt.isValid());
        QVERIFY(lockSentence(*identityLock(model), now, UiLanguage::English)
                    .startsWith(u"Identity lock released early at"_s));
    }

    void otherCustomersEventsAreIgnored()
    {
        auto console = test::Console::started();
        client::EventStream events(console->client.get());
        CustomerModel model(console->client.get(), &events);
        QSignalSpy changed(&model, &CustomerModel::changed);
        model.load(console->customerId());
        QVERIFY(changed.wait(WaitMs));
        protocol::StaffEvent other {
            .id = 1, .kind = u"attempt"_s, .customerId = console->customerId() + 1};
        QVERIFY(!model.concerns(other));
        other.customerId = console->customerId();
        QVERIFY(model.concerns(other));
        other.kind = u"suspension"_s;
        QVERIFY(!model.concerns(other));

        // Not in the caller's scope: S06, nothing shown.
        QSignalSpy failed(&model, &CustomerModel::loadFailed);
        model.load(999999);
        QVERIFY(failed.wait(WaitMs));
        QCOMPARE(model.error()->code, u"S06"_s);
        QVERIFY(!model.detail().has_value());
    }
};

QTEST_GUILESS_MAIN(TestCustomerModel)
#include "tst_customermodel.moc"
