// SseParser: the text/event-stream format, fed whole, byte by byte and cut in two at every
// position, so an event never depends on how the network chunked it.
#include "SseParser.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using tc::client::SseEvent;
using tc::client::SseParser;

using Events = QList<SseEvent>;
Q_DECLARE_METATYPE(Events)

namespace {

SseEvent sse(const char *id, const QString &type, const QString &data)
{
    return {.id = QByteArray(id), .type = type, .data = data};
}

struct Fed
{
    Events events;
    QByteArray lastEventId;
    int retryMs = -1;
    qint64 comments = 0;
};

Fed feedInChunks(const QByteArray &stream, const QList<qsizetype> &cuts)
{
    SseParser parser;
    Fed fed;
    qsizetype from = 0;
    for (qsizetype cut : cuts) {
        fed.events += parser.feed(QByteArrayView(stream).sliced(from, cut - from));
        from = cut;
    }
    fed.events += parser.feed(QByteArrayView(stream).sliced(from));
    fed.lastEventId = parser.lastEventId();
    fed.retryMs = parser.retryMs().value_or(-1);
    fed.comments = parser.comments();
    return fed;
}

} // namespace

class TestSseParser final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parses_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<Events>("events");
        QTest::addColumn<QByteArray>("lastEventId");
        QTest::addColumn<int>("retryMs");
        QTest::addColumn<int>("comments");

        static constexpr char withNul[] = "id: 3\ndata: a\n\nid: 4\0x\ndata: b\n\n";
        const QString lockJson =
            u"{\"id\":4812,\"kind\":\"lock\",\"customer_name\":\"データタロウ\"}"_s;
        QTest::newRow("backend's opening and two events")
            << QByteArray("retry: 3000\n\nid: 4812\nevent: lock\ndata: ") + lockJson.toUtf8()
                + "\n\n: keep-alive\n\nid: 4813\nevent: attempt\ndata: {}\n\n"
            << Events {sse("4812", u"lock"_s, lockJson), sse("4813", u"attempt"_s, u"{}"_s)}
            << QByteArray("4813") << 3000 << 1;
        QTest::newRow("CRLF line ends")
            << QByteArray("id: 1\r\nevent: attempt\r\ndata: a\r\n\r\nid: 2\r\ndata: b\r\n\r\n")
            << Events {sse("1", u"attempt"_s, u"a"_s), sse("2", u"message"_s, u"b"_s)}
            << QByteArray("2") << -1 << 0;
        QTest::newRow("CR line ends")
            << QByteArray("id: 7\revent: x\rdata: a\r\r") << Events {sse("7", u"x"_s, u"a"_s)}
            << QByteArray("7") << -1 << 0;
        QTest::newRow("mixed line ends")
            << QByteArray("data: a\r\ndata: b\rdata: c\n\r\n")
            << Events {sse("", u"message"_s, u"a\nb\nc"_s)} << QByteArray() << -1 << 0;
        QTest::newRow("multi-line data")
            << QByteArray("data: first\ndata:second\ndata:  third\n\n")
            << Events {sse("", u"message"_s, u"first\nsecond\n third"_s)} << QByteArray() << -1
            << 0;
        QTest::newRow("empty data line dispatches an empty event")
            << QByteArray("data\n\ndata:\n\n")
            << Events {sse("", u"message"_s, QString()), sse("", u"message"_s, QString())}
            << QByteArray() << -1 << 0;
        QTest::newRow("a block without data dispatches nothing but keeps its id")
            << QByteArray("id: 5\nevent: attempt\n\ndata: x\n\n")
            << Events {sse("5", u"message"_s, u"x"_s)} << QByteArray("5") << -1 << 0;
        QTest::newRow("id persists and may be emptied")
            << QByteArray("id: 9\ndata: a\n\ndata: b\n\nid\ndata: c\n\n")
            << Events {sse("9", u"message"_s, u"a"_s), sse("9", u"message"_s, u"b"_s),
                       sse("", u"message"_s, u"c"_s)}
            << QByteArray() << -1 << 0;
        QTest::newRow("id with NUL ignored")
            << QByteArray(withNul, sizeof(withNul) - 1)
            << Events {sse("3", u"message"_s, u"a"_s), sse("3", u"message"_s, u"b"_s)}
            << QByteArray("3") << -1 << 0;
        QTest::newRow("retry takes digits only")
            << QByteArray("retry: 1500\n\nretry: 2x\n\nretry: -5\n\nretry:\n\n") << Events {}
            << QByteArray() << 1500 << 0;
        QTest::newRow("comments and unknown fields")
            << QByteArray(":hello\n: keep-alive\nfoo: bar\ndata: x\n:mid-block\n\n")
            << Events {sse("", u"message"_s, u"x"_s)} << QByteArray() << -1 << 3;
        QTest::newRow("colon inside the value")
            << QByteArray("data: {\"a\":\"b: c\"}\n\n")
            << Events {sse("", u"message"_s, u"{\"a\":\"b: c\"}"_s)} << QByteArray() << -1 << 0;
        QTest::newRow("field names are case-sensitive")
            << QByteArray("Data: x\nEVENT: y\ndata: z\n\n")
            << Events {sse("", u"message"_s, u"z"_s)} << QByteArray() << -1 << 0;
        QTest::newRow("byte order mark at the start")
            << QByteArray("\xEF\xBB\xBF"
                          "data: x\n\n")
            << Events {sse("", u"message"_s, u"x"_s)} << QByteArray() << -1 << 0;
        QTest::newRow("unfinished block at the end is not dispatched")
            << QByteArray("id: 1\ndata: a\n\nid: 2\ndata: b\n")
            << Events {sse("1", u"message"_s, u"a"_s)} << QByteArray("2") << -1 << 0;
        QTest::newRow("session_ended")
            << QByteArray(": keep-alive\n\nevent: session_ended\ndata: {\"code\":\"S03\"}\n\n")
            << Events {sse("", u"session_ended"_s, u"{\"code\":\"S03\"}"_s)} << QByteArray() << -1
            << 1;
    }

    void parses()
    {
        QFETCH(QByteArray, stream);
        QFETCH(Events, events);
        QFETCH(QByteArray, lastEventId);
        QFETCH(int, retryMs);
        QFETCH(int, comments);

        const auto check = [&](const Fed &fed, const QByteArray &how) {
            if (fed.events != events || fed.lastEventId != lastEventId || fed.retryMs != retryMs
                || fed.comments != comments) {
                QString got;
                for (const SseEvent &e : fed.events)
                    got += u"[%1|%2|%3]"_s.arg(QString::fromUtf8(e.id), e.type, e.data);
                qWarning("%s: %d events %s, id %s, retry %d, comments %lld", how.constData(),
                         int(fed.events.size()), qPrintable(got), fed.lastEventId.constData(),
                         fed.retryMs, fed.comments);
                return false;
            }
            return true;
        };

        QVERIFY(check(feedInChunks(stream, {}), "whole"));
        QList<qsizetype> everyByte;
        for (qsizetype i = 1; i < stream.size(); ++i)
            everyByte << i;
        QVERIFY(check(feedInChunks(stream, everyByte), "byte by byte"));
        for (qsizetype cut = 1; cut < stream.size(); ++cut)
            QVERIFY(check(feedInChunks(stream, {cut}), "cut at " + QByteArray::number(cut)));
    }

    // A dropped connection: the half-received event is lost (the server replays it after
    // Last-Event-ID), the id and retry hint stay.
    void restartDropsTheUnfinishedBlock()
    {
        SseParser parser;
        QCOMPARE(parser.feed("retry: 3000\n\nid: 1\ndata: a\n\nid: 2\ndata: b").size(), 1);
        parser.restart();
        QCOMPARE(parser.lastEventId(), QByteArray("2"));
        QCOMPARE(parser.retryMs(), 3000);
        QCOMPARE(parser.feed("\n\n").size(), 0);
        const Events replayed = parser.feed("id: 2\ndata: b\n\n");
        QCOMPARE(replayed, Events {sse("2", u"message"_s, u"b"_s)});
    }
};

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
