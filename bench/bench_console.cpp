// bench_console: the console's side of issue 13's numbers (bench/RESULTS.md, "Console (issue
// 13)"); bench/console.sh runs it against the demo backend and a large seeded database.
//
//   bench_console search   CONN --queries FILE [--rounds R] [--server-log FILE] [--label TEXT]
//                          [--from-empty]
//   bench_console activity CONN [--branch CODE] [--page-size N] [--max-rows N] [--no-view]
//                          [--held-rows N] [--server-log FILE]
//   bench_console events   CONN --branch CODE --account NUMBER --account-type TYPE
//                          --institution ID --client-id ID [--count N]
//   bench_console start    [--bare] [teller-console's options, e.g. --demo-dir DIR]
//                          (BENCH_T0_NS: the shell's clock just before exec)
//
// CONN: --url https://127.0.0.1:PORT --ca CA.pem --user NAME --password PASSWORD.
//
// Every measurement is taken beside its floor in the same run, interleaved: a bare GET of the
// same URL with the same token on a QNetworkAccessManager of its own (kept alive, same pinned
// CA), and the server's handler time read back from its tc.backend.http debug log. The console's
// side is the real thing: BackendClient, Session, the models and the widgets of main, under the
// offscreen platform.
#include "Application.h"
#include "AttemptsModel.h"
#include "BackendClient.h"
#include "BranchActivityModel.h"
#include "BranchActivityView.h"
#include "CustomerSearchModel.h"
#include "Desk.h"
#include "EventStream.h"
#include "SearchQuery.h"
#include "SearchWidget.h"
#include "Session.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QScrollBar>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QTreeView>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <functional>
#include <map>
#include <optional>
#include <vector>

using namespace Qt::StringLiterals;

namespace tc::bench {
namespace {

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

struct Samples
{
    std::vector<double> ms;
    void add(double value) { ms.push_back(value); }
    double percentile(double p) const
    {
        if (ms.empty())
            return std::nan("");
        std::vector<double> sorted = ms;
        std::sort(sorted.begin(), sorted.end());
        const size_t rank = size_t(std::ceil(p / 100.0 * double(sorted.size())));
        return sorted.at(std::clamp<size_t>(rank, 1, sorted.size()) - 1);
    }
};

void printHeader()
{
    std::printf("| what | n | p50 ms | p95 ms | max ms |\n|---|---:|---:|---:|---:|\n");
}
void printRow(const char *what, const Samples &s)
{
    std::printf("| %s | %zu | %.2f | %.2f | %.2f |\n", what, s.ms.size(), s.percentile(50),
                s.percentile(95), s.percentile(100));
}

bool waitUntil(const std::function<bool()> &done, int timeoutMs = 30000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        // Outside exec() nothing runs the replies' deleteLater(): as the app's event loop would.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
    return true;
}

qint64 rssKb()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return 0;
}

QString loadAverage()
{
    QFile file(u"/proc/loadavg"_s);
    return file.open(QIODevice::ReadOnly)
        ? QString::fromLatin1(file.readAll().split(' ').mid(0, 3).join(' '))
        : QString();
}

// The server's handler times: the tc.backend.http debug lines ("GET <pattern> <status> <ms> ms")
// the backend wrote since the last call. Requests here go one at a time, so each call of a
// measured request is followed by exactly its own line.
class ServerLog
{
public:
    explicit ServerLog(const QString &path) : m_file(path)
    {
        if (!path.isEmpty() && m_file.open(QIODevice::ReadOnly))
            m_file.seek(m_file.size());
    }
    bool isOpen() const { return m_file.isOpen(); }
    // The handler times of the lines of GET `pattern` written since the last call.
    std::vector<double> take(const QByteArray &pattern)
    {
        std::vector<double> found;
        if (!m_file.isOpen())
            return found;
        m_pending += m_file.readAll();
        qsizetype end;
        while ((end = m_pending.indexOf('\n')) >= 0) {
            const QList<QByteArray> words = m_pending.left(end).simplified().split(' ');
            m_pending.remove(0, end + 1);
            const qsizetype get = words.indexOf("GET");
            if (get >= 0 && words.size() > get + 3 && words.at(get + 1) == pattern)
                found.push_back(words.at(get + 3).toDouble());
        }
        return found;
    }
    // Waits a little for the line of the request just answered (the log is written before the
    // answer is sent, but by another thread).
    std::optional<double> takeOne(const QByteArray &pattern)
    {
        for (int i = 0; i < 20; ++i) {
            std::vector<double> found = take(pattern);
            if (!found.empty())
                return found.back();
            QThread::usleep(500);
        }
        return std::nullopt;
    }

private:
    QFile m_file;
    QByteArray m_pending;
};

// The floor: the same request with the same token on a manager of its own.
class RawClient
{
public:
    // `session`: whose access token to send (the session refreshes it); null: none.
    RawClient(const client::ConnectionSettings &settings, const client::Session *session)
        : m_base(settings.baseUrl), m_session(session)
    {
        m_tls = QSslConfiguration::defaultConfiguration();
        m_tls.setCaCertificates(settings.pinnedCa);
        m_tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    }
    struct Answer
    {
        int status = 0;
        QByteArray body;
        double ms = 0;
    };
    QNetworkRequest request(const QString &path, const QUrlQuery &query) const
    {
        QUrl url = m_base;
        url.setPath(path);
        url.setQuery(query);
        QNetworkRequest request(url);
        request.setSslConfiguration(m_tls);
        request.setRawHeader("Accept", "application/json");
        if (m_session)
            request.setRawHeader("Authorization",
                                 "Bearer " + m_session->staff().accessToken.toUtf8());
        return request;
    }
    Answer send(const QByteArray &method, const QString &path, const QUrlQuery &query = {},
                const QByteArray &body = {})
    {
        QNetworkRequest r = request(path, query);
        if (!body.isEmpty())
            r.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
        QElapsedTimer timer;
        timer.start();
        QNetworkReply *reply = m_network.sendCustomRequest(r, method, body);
        Answer answer;
        bool finished = false;
        QObject::connect(reply, &QNetworkReply::finished, reply, [&] {
            answer.ms = msSince(timer);
            answer.body = reply->readAll();
            answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            finished = true;
        });
        if (!waitUntil([&] { return finished; }))
            qFatal("%s %s: no answer", method.constData(), qPrintable(path));
        reply->deleteLater();
        return answer;
    }
    Answer get(const QString &path, const QUrlQuery &query) { return send("GET", path, query); }
    QNetworkAccessManager &network() { return m_network; }

private:
    QUrl m_base;
    const client::Session *m_session;
    QSslConfiguration m_tls;
    QNetworkAccessManager m_network;
};

struct Connection
{
    client::ConnectionSettings settings;
    QString user;
    QString password;
};

// The console's way in: BackendClient and Session::signIn.
class SignedIn
{
public:
    explicit SignedIn(const Connection &connection) : client(connection.settings), session(&client)
    {
        // No input comes to a bench: the idle lock would end the session midway.
        session.setIdleLockSeconds(0);
        std::optional<bool> ok;
        QObject context;
        QObject::connect(&session, &client::Session::signedIn, &context, [&] { ok = true; });
        QObject::connect(&session, &client::Session::signInFailed, &context,
                         [&](const client::ClientError &error) {
                             std::fprintf(stderr, "sign-in failed: %s\n", qPrintable(error.detail));
                             ok = false;
                         });
        session.signIn(connection.user, connection.password);
        if (!waitUntil([&] { return ok.has_value(); }) || !*ok)
            qFatal("cannot sign in as %s", qPrintable(connection.user));
    }

    client::BackendClient client;
    client::Session session;
};

void printMachine(const char *when)
{
    std::printf("- load average %s: %s; nproc %d\n", when, qPrintable(loadAverage()),
                QThread::idealThreadCount());
}

// --- 1. search to shown ---

// `fromEmpty`: each search starts from an empty list (the hint shown), else from the previous
// search's rows (consecutive queries differ), as when a teller looks up one customer after another.
int search(const Connection &connection, const QString &queriesPath, int rounds,
           const QString &serverLogPath, const QString &label, bool fromEmpty)
{
    QFile file(queriesPath);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("--queries: cannot read %s", qPrintable(queriesPath));
    std::vector<SearchQuery> queries;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const SearchQuery query = SearchQuery::parse(QString::fromUtf8(line).trimmed());
        if (query.isSearchable())
            queries.push_back(query);
    }
    if (queries.empty())
        qFatal("no searchable query in %s", qPrintable(queriesPath));

    SignedIn signedIn(connection);
    RawClient raw(connection.settings, &signedIn.session);
    ServerLog log(serverLogPath);
    CustomerSearchModel model(&signedIn.client);
    SearchWidget widget;
    widget.setModel(&model);
    widget.resize(1100, 700);
    widget.show();
    const QString path = u"/api/v1/staff/customers"_s;
    const QByteArray pattern = path.toUtf8();

    struct Kind
    {
        Samples floor, floorHandler, rows, painted, handler, overhead, rowsCount;
    };
    std::map<QString, Kind> kinds;
    const auto kindName = [](const SearchQuery &q) {
        switch (q.kind) {
        case SearchQuery::Kind::Account:
            return u"account"_s;
        case SearchQuery::Kind::Phone:
            return u"phone"_s;
        default:
            return u"name prefix"_s;
        }
    };

    // One search through the console: the model's rows, then the widget painted with them.
    const auto console = [&](const SearchQuery &query, Kind *into) {
        if (fromEmpty) {
            model.clear();
            widget.repaint();
        }
        log.take(pattern);
        bool answered = false;
        double rowsMs = 0;
        QElapsedTimer timer;
        const QMetaObject::Connection finished =
            QObject::connect(&model, &CustomerSearchModel::searchFinished, &model, [&] {
                rowsMs = msSince(timer);
                answered = true;
            });
        const QMetaObject::Connection failed =
            QObject::connect(&model, &CustomerSearchModel::searchFailed, &model,
                             [&](const client::ClientError &error) {
                                 qFatal("search failed: %s", qPrintable(error.detail));
                             });
        timer.start();
        model.search(query);
        waitUntil([&] { return answered; });
        widget.repaint();
        const double paintedMs = msSince(timer);
        QObject::disconnect(finished);
        QObject::disconnect(failed);
        const std::optional<double> handler = log.takeOne(pattern);
        if (!into)
            return paintedMs;
        into->rows.add(rowsMs);
        into->painted.add(paintedMs);
        into->rowsCount.add(model.rowCount());
        if (handler)
            into->handler.add(*handler);
        return paintedMs;
    };
    const auto floor = [&](const SearchQuery &query, Kind *into) {
        log.take(pattern);
        const RawClient::Answer answer = raw.get(path, query.urlQuery());
        if (answer.status != 200)
            qFatal("bare GET: %d %s", answer.status, answer.body.left(200).constData());
        const std::optional<double> handler = log.takeOne(pattern);
        if (into) {
            into->floor.add(answer.ms);
            if (handler)
                into->floorHandler.add(*handler);
        }
        return answer.ms;
    };

    // Warm-up: TLS sessions on both managers, the server's caches, the fonts.
    for (size_t i = 0; i < std::min<size_t>(queries.size(), 10); ++i) {
        console(queries.at(i), nullptr);
        floor(queries.at(i), nullptr);
    }
    printMachine("before");
    QElapsedTimer window;
    window.start();
    Kind all;
    for (int round = 0; round < rounds; ++round) {
        for (size_t i = 0; i < queries.size(); ++i) {
            const SearchQuery &query = queries.at(i);
            Kind &kind = kinds[kindName(query)];
            double consoleMs = 0, floorMs = 0;
            // Alternated, so that neither always runs on the other's warm caches.
            if ((i + size_t(round)) % 2 == 0) {
                consoleMs = console(query, &kind);
                floorMs = floor(query, &kind);
            } else {
                floorMs = floor(query, &kind);
                consoleMs = console(query, &kind);
            }
            kind.overhead.add(consoleMs - floorMs);
        }
    }
    const auto merge = [](Samples &to, const Samples &from) {
        to.ms.insert(to.ms.end(), from.ms.begin(), from.ms.end());
    };
    for (const auto &[name, kind] : kinds) {
        merge(all.floor, kind.floor);
        merge(all.floorHandler, kind.floorHandler);
        merge(all.rows, kind.rows);
        merge(all.painted, kind.painted);
        merge(all.handler, kind.handler);
        merge(all.overhead, kind.overhead);
        merge(all.rowsCount, kind.rowsCount);
    }
    std::printf("\n### Search to shown: %s (%zu queries × %d rounds, %.1f s; each search "
                "%s)\n\n",
                qPrintable(label), queries.size(), rounds, double(window.elapsed()) / 1000,
                fromEmpty ? "from an empty list" : "replacing the previous search's rows");
    printMachine("after");
    std::printf("\n");
    const auto table = [](const QString &name, const Kind &k) {
        std::printf("**%s** (rows per answer: p50 %.0f, max %.0f)\n\n", qPrintable(name),
                    k.rowsCount.percentile(50), k.rowsCount.percentile(100));
        printHeader();
        printRow("server handler (console's request)", k.handler);
        printRow("server handler (bare GET)", k.floorHandler);
        printRow("floor: bare GET, same URL and token", k.floor);
        printRow("console: query → model rows", k.rows);
        printRow("console: query → rows painted (SearchWidget)", k.painted);
        printRow("console painted − bare GET, per pair", k.overhead);
        std::printf("\n- p95 painted / p95 floor: %.2f×; p95 added: %.2f ms\n\n",
                    k.painted.percentile(95) / k.floor.percentile(95),
                    k.painted.percentile(95) - k.floor.percentile(95));
    };
    for (const auto &[name, kind] : kinds)
        table(name, kind);
    table(u"all searches"_s, all);
    std::fflush(stdout);
    return 0;
}

// --- 2. branch activity: first page, further pages, memory, frames ---

QString isoUtc(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

int activity(const Connection &connection, const QString &branch, int pageSize, int maxRows,
             int heldRows, bool withView, const QString &serverLogPath, const QString &label)
{
    SignedIn signedIn(connection);
    RawClient raw(connection.settings, &signedIn.session);
    ServerLog log(serverLogPath);
    const QByteArray pattern = "/api/v1/staff/attempts";
    const qint64 rssStart = rssKb();

    BranchActivityModel model(&signedIn.client, nullptr);
    model.setPageSize(pageSize);
    model.setMaxHeldRows(heldRows);
    std::unique_ptr<BranchActivityView> view;
    if (withView) {
        view = std::make_unique<BranchActivityView>();
        view->setModel(&model);
        view->resize(1200, 800);
        view->show();
    }
    const qint64 rssReady = rssKb();
    int pagesLoaded = 0;
    double pageDoneMs = 0;
    QElapsedTimer timer;
    QObject::connect(&model, &BranchActivityModel::pageLoaded, &model, [&] {
        pageDoneMs = msSince(timer);
        ++pagesLoaded;
    });
    QObject::connect(&model, &BranchActivityModel::loadFailed, &model,
                     [](const client::ClientError &error) {
                         qFatal("page failed: %s", qPrintable(error.detail));
                     });
    const auto repaint = [&] {
        QElapsedTimer frame;
        frame.start();
        if (view)
            view->repaint();
        return msSince(frame);
    };

    printMachine("before");
    // The floor pages the same filters with its own cursor, one page after each of the model's.
    const BranchActivityModel::Filters filters =
        BranchActivityModel::today(QDateTime::currentDateTimeUtc(), branch);
    QUrlQuery floorQuery;
    floorQuery.addQueryItem(u"branch_code"_s, branch);
    floorQuery.addQueryItem(u"from"_s, isoUtc(filters.from));
    floorQuery.addQueryItem(u"limit"_s, QString::number(pageSize));
    QString floorCursor;
    Samples floorPage, handler, floorHandler, consolePage, frames, settled, settledLate;
    const auto floorNext = [&]() {
        QUrlQuery query = floorQuery;
        if (!floorCursor.isEmpty())
            query.addQueryItem(u"cursor"_s, floorCursor);
        log.take(pattern);
        const RawClient::Answer answer = raw.get(QString::fromLatin1(pattern), query);
        if (answer.status != 200)
            qFatal("bare GET: %d %s", answer.status, answer.body.left(200).constData());
        // The cursor is the answer's last field; found without parsing the page.
        const qsizetype at = answer.body.lastIndexOf("\"next_cursor\":");
        const QByteArray rest = answer.body.mid(at + 14).trimmed();
        floorCursor = rest.startsWith('"')
            ? QString::fromLatin1(rest.mid(1, rest.indexOf('"', 1) - 1))
            : QString();
        if (const auto h = log.takeOne(pattern))
            floorHandler.add(*h);
        return answer.ms;
    };

    timer.start();
    model.setFilters(filters);
    if (!waitUntil([&] { return pagesLoaded == 1; }))
        qFatal("no first page");
    const double firstRows = pageDoneMs;
    const double firstFrame = repaint();
    const double firstShown = msSince(timer);
    const std::optional<double> firstHandler = log.takeOne(pattern);
    const double firstFloor = floorNext();

    std::vector<std::pair<int, qint64>> rssAt; // rows, kB
    rssAt.emplace_back(0, rssReady);
    int nextRssRows = 100'000;
    QElapsedTimer window;
    window.start();
    while (!model.isComplete() && model.rowCount() < maxRows) {
        const int before = pagesLoaded;
        timer.start();
        model.fetchMore({});
        if (!waitUntil([&] { return pagesLoaded > before; }))
            qFatal("no page after %d rows", model.rowCount());
        consolePage.add(pageDoneMs);
        // What the rows' arrival left for the event loop (the view's delayed layout, the
        // proxy): the UI thread is busy until then.
        QCoreApplication::processEvents();
        settled.add(msSince(timer));
        if (model.rowCount() > maxRows * 9 / 10 || model.isComplete())
            settledLate.add(msSince(timer));
        if (const auto h = log.takeOne(pattern))
            handler.add(*h);
        floorPage.add(floorNext());
        if (view && pagesLoaded % 10 == 0) {
            // Near the end, not at it: the view fetches more by itself at the very end.
            QScrollBar *bar = view->tableView()->verticalScrollBar();
            bar->setValue(std::max(0, bar->maximum() - 40));
            frames.add(repaint());
        }
        if (model.rowCount() >= nextRssRows) {
            rssAt.emplace_back(model.rowCount(), rssKb());
            nextRssRows += 100'000;
        }
    }
    const double pagingSeconds = double(window.elapsed()) / 1000;
    rssAt.emplace_back(model.rowCount(), rssKb());
    // Frames over the whole list at the end: 200 positions, top to bottom.
    Samples endFrames;
    if (view) {
        QScrollBar *bar = view->tableView()->verticalScrollBar();
        for (int i = 0; i <= 200; ++i) {
            bar->setValue(int(qint64(bar->maximum() - 40) * i / 200));
            endFrames.add(repaint());
        }
    }
    // Scrolled back to rows whose pages were dropped: from the jump to the rows painted again
    // (the page fetched again with its cursor), 20 places top to bottom.
    Samples scrolledBack;
    if (view && model.isWindowed()) {
        QTableView *table = view->tableView();
        for (int i = 0; i < 20; ++i) {
            const int row = int(qint64(model.rowCount() - 50) * i / 20);
            QElapsedTimer back;
            back.start();
            table->scrollTo(table->model()->index(row, 0), QAbstractItemView::PositionAtTop);
            view->repaint(); // placeholders, and the page asked for
            if (!waitUntil([&] { return model.attemptAt(row) != nullptr; }))
                qFatal("row %d never came back", row);
            view->repaint();
            scrolledBack.add(msSince(back));
        }
    }

    std::printf("\n### Branch activity: %s (branch %s, page size %d, %s)\n\n", qPrintable(label),
                qPrintable(branch), pageSize,
                withView ? "BranchActivityView shown" : "model alone, no view");
    printMachine("after");
    std::printf("- rows loaded: %d in %d pages, %.1f s of paging (floor pages included); "
                "complete: %s\n\n",
                model.rowCount(), pagesLoaded, pagingSeconds, model.isComplete() ? "yes" : "no");
    std::printf("- rows held at the end: %d (at most %d)\n\n", model.heldRows(),
                model.maxHeldRows());
    std::printf("First page: rows in the model %.2f ms, painted %.2f ms (paint %.2f ms); "
                "server handler %.2f ms; bare GET of the same page %.2f ms\n\n",
                firstRows, firstShown, firstFrame, firstHandler.value_or(std::nan("")), firstFloor);
    printHeader();
    printRow("server handler, console's pages", handler);
    printRow("server handler, bare GET pages", floorHandler);
    printRow("floor: bare GET of the next page", floorPage);
    printRow("console: fetchMore → rows in the model", consolePage);
    printRow("console: fetchMore → event loop idle again", settled);
    printRow("the same, the last tenth of the pages", settledLate);
    if (view) {
        printRow("frame while paging (repaint near the end, every 10 pages)", frames);
        printRow("frame at the end (200 positions top to bottom)", endFrames);
        if (!scrolledBack.ms.empty())
            printRow("scrolled back to a dropped page → its rows painted", scrolledBack);
    }
    std::printf("\n- p95 page / p95 floor: %.2f×; p95 added: %.2f ms\n",
                consolePage.percentile(95) / floorPage.percentile(95),
                consolePage.percentile(95) - floorPage.percentile(95));
    std::printf("\nRSS (kB): at start %lld, model%s made %lld\n\n| rows | RSS kB | kB per 100 k "
                "rows since the previous line |\n|---:|---:|---:|\n",
                rssStart, view ? " and view" : "", rssReady);
    for (size_t i = 0; i < rssAt.size(); ++i) {
        const auto [rows, kb] = rssAt.at(i);
        const double per = i == 0 || rows == rssAt.at(i - 1).first
            ? std::nan("")
            : double(kb - rssAt.at(i - 1).second) * 100'000 / (rows - rssAt.at(i - 1).first);
        std::printf("| %d | %lld | %.0f |\n", rows, kb, per);
    }
    std::fflush(stdout);
    return 0;
}

// --- 3. event to screen ---

int events(const Connection &connection, const QString &institution, const QString &clientId,
           const QString &branch, const QString &accountType, const QString &accountNumber,
           int count)
{
    SignedIn signedIn(connection);
    RawClient raw(connection.settings, &signedIn.session);
    // The flow's side: the app's own calls, with no staff token.
    RawClient app(connection.settings, nullptr);

    // The customer whose steps are driven.
    QUrlQuery find;
    find.addQueryItem(u"branch_code"_s, branch);
    find.addQueryItem(u"account_number"_s, accountNumber);
    const RawClient::Answer found = raw.get(u"/api/v1/staff/customers"_s, find);
    const QJsonArray customers =
        QJsonDocument::fromJson(found.body).object().value(u"customers"_s).toArray();
    if (customers.isEmpty())
        qFatal("no customer with account %s-%s", qPrintable(branch), qPrintable(accountNumber));
    const qint64 customerId = customers.first().toObject().value(u"id"_s).toInteger();

    client::EventStream stream(&signedIn.client);
    stream.start();
    if (!waitUntil([&] { return stream.state() == client::EventStream::State::Connected; }))
        qFatal("event stream did not connect");
    BranchActivityModel activityModel(&signedIn.client, &stream);
    bool activityLoaded = false;
    QObject::connect(&activityModel, &BranchActivityModel::pageLoaded, &activityModel,
                     [&] { activityLoaded = true; });
    activityModel.setFilters(BranchActivityModel::today(QDateTime::currentDateTimeUtc(), branch));
    AttemptsModel attemptsModel(&signedIn.client, &stream);
    bool attemptsLoaded = false;
    QObject::connect(&attemptsModel, &AttemptsModel::pageLoaded, &attemptsModel,
                     [&] { attemptsLoaded = true; });
    attemptsModel.setCustomer(customerId);
    if (!waitUntil([&] { return activityLoaded && attemptsLoaded; }))
        qFatal("models did not load");

    // The floor: the same stream read raw, the time its attempt event's bytes arrive.
    QNetworkRequest streamRequest = raw.request(QString(client::EventStream::path), {});
    streamRequest.setRawHeader("Accept", "text/event-stream");
    QNetworkReply *rawStream = raw.network().get(streamRequest);
    QByteArray streamBuffer;
    QElapsedTimer step;
    std::optional<double> rawEventMs, activityMs, attemptsMs, stepMs;
    int attemptEvents = 0;
    QObject::connect(rawStream, &QNetworkReply::readyRead, rawStream, [&] {
        streamBuffer += rawStream->readAll();
        qsizetype at;
        while ((at = streamBuffer.indexOf("\n\n")) >= 0) {
            if (streamBuffer.left(at).contains("event: attempt")) {
                ++attemptEvents;
                if (!rawEventMs)
                    rawEventMs = msSince(step);
            }
            streamBuffer.remove(0, at + 2);
        }
    });
    QObject::connect(&activityModel, &QAbstractItemModel::rowsInserted, &activityModel,
                     [&](const QModelIndex &parent) {
                         if (!parent.isValid() && !activityMs)
                             activityMs = msSince(step);
                     });
    QObject::connect(&attemptsModel, &QAbstractItemModel::rowsInserted, &attemptsModel,
                     [&](const QModelIndex &parent) {
                         // A new flow at the top; its step row is inserted under it.
                         if (!parent.isValid() && !attemptsMs)
                             attemptsMs = msSince(step);
                     });
    waitUntil([&] { return rawStream->bytesAvailable() > 0 || !streamBuffer.isEmpty(); }, 2000);

    Samples answer, rawEvent, activityRow, attemptsRow, rawAfterAnswer, activityAfterAnswer,
        attemptsAfterAnswer;
    int missed = 0;
    printMachine("before");
    for (int i = 0; i < count; ++i) {
        const QJsonObject start {
            {u"institution"_s, institution},
            {u"client_id"_s, clientId},
            {u"redirect_uri"_s, u"http://127.0.0.1/callback"_s},
            {u"state"_s, u"bench-%1"_s.arg(i)},
            {u"code_challenge"_s, u"E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"_s},
            {u"code_challenge_method"_s, u"S256"_s},
            {u"scope"_s, u"accounts"_s}};
        const RawClient::Answer flow = app.send(
            "POST", u"/api/v1/flows"_s, {}, QJsonDocument(start).toJson(QJsonDocument::Compact));
        const QString flowId =
            QJsonDocument::fromJson(flow.body).object().value(u"flow_id"_s).toString();
        if (flowId.isEmpty())
            qFatal("flow: %d %s", flow.status, flow.body.left(200).constData());
        // Whatever the flow's start sent has arrived before the step.
        QThread::msleep(30);
        QCoreApplication::processEvents();
        rawEventMs.reset();
        activityMs.reset();
        attemptsMs.reset();
        stepMs.reset();
        const QJsonObject account {{u"branch_code"_s, branch},
                                   {u"account_type"_s, accountType},
                                   {u"account_number"_s, accountNumber}};
        step.start();
        QNetworkRequest r = app.request(u"/api/v1/flows/%1/account"_s.arg(flowId), {});
        r.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
        QNetworkReply *reply =
            app.network().post(r, QJsonDocument(account).toJson(QJsonDocument::Compact));
        QObject::connect(reply, &QNetworkReply::finished, reply, [&] { stepMs = msSince(step); });
        const bool all =
            waitUntil([&] { return stepMs && rawEventMs && activityMs && attemptsMs; }, 10000);
        reply->deleteLater();
        if (!all) {
            ++missed;
            continue;
        }
        answer.add(*stepMs);
        rawEvent.add(*rawEventMs);
        activityRow.add(*activityMs);
        attemptsRow.add(*attemptsMs);
        rawAfterAnswer.add(*rawEventMs - *stepMs);
        activityAfterAnswer.add(*activityMs - *stepMs);
        attemptsAfterAnswer.add(*attemptsMs - *stepMs);
    }
    std::printf("\n### Event to screen: %d account steps (%d not seen in 10 s), customer %lld, "
                "branch %s\n\n",
                count, missed, customerId, qPrintable(branch));
    printMachine("after");
    std::printf("\nFrom the step's POST sent (the commit is between sending and the answer):\n\n");
    printHeader();
    printRow("step answered (POST …/account)", answer);
    printRow("floor: the event's bytes on a bare stream", rawEvent);
    printRow("row in BranchActivityModel", activityRow);
    printRow("row in AttemptsModel (fetches the newest steps)", attemptsRow);
    std::printf("\nFrom the step's answer received:\n\n");
    printHeader();
    printRow("floor: the event's bytes on a bare stream", rawAfterAnswer);
    printRow("row in BranchActivityModel", activityAfterAnswer);
    printRow("row in AttemptsModel", attemptsAfterAnswer);
    std::fflush(stdout);
    rawStream->abort();
    rawStream->deleteLater();
    return 0;
}

// --- 4. start to first painted window ---

qint64 realtimeNs()
{
    timespec now {};
    clock_gettime(CLOCK_REALTIME, &now);
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

qint64 startNs = 0;
qint64 mainNs = 0;
qint64 firstPaintNs = 0;
qint64 frameDoneNs = 0;
qint64 deskNs = 0; // signed in: the desk made its models
qint64 activityRowsNs = 0; // the branch activity's first page in its model
qint64 screenPaintNs = 0;
qint64 screenDoneNs = 0;
bool waitForScreen = false; // --demo-dir: the console signs in by itself
QPointer<Desk> desk;

void quitAfterThisFrame(qint64 *doneNs)
{
    // A zero timer posted during a frame's first paint event runs once the frame is done.
    QTimer::singleShot(0, QCoreApplication::instance(), [doneNs] {
        *doneNs = realtimeNs();
        if (!waitForScreen || screenDoneNs)
            QCoreApplication::quit();
    });
}

// Sees every event Qt delivers (QInternal's event hook, as GUI test tools use it).
bool onEvent(void **data)
{
    auto *receiver = static_cast<QObject *>(data[0]);
    const auto *event = static_cast<QEvent *>(data[1]);
    if (event->type() == QEvent::Paint) {
        if (firstPaintNs == 0) {
            firstPaintNs = realtimeNs();
            quitAfterThisFrame(&frameDoneNs);
        } else if (activityRowsNs && !screenPaintNs) {
            screenPaintNs = realtimeNs();
            quitAfterThisFrame(&screenDoneNs);
        }
    } else if (waitForScreen && !desk && event->type() == QEvent::ChildAdded) {
        if (auto *made = qobject_cast<Desk *>(receiver)) {
            desk = made;
            deskNs = realtimeNs();
            // Its models exist once its constructor returns.
            QTimer::singleShot(0, made, [made] {
                QObject::connect(made->branchActivityModel(), &BranchActivityModel::pageLoaded,
                                 made, [] {
                                     if (!activityRowsNs)
                                         activityRowsNs = realtimeNs();
                                 });
            });
        }
    }
    return false;
}

// `arguments`: teller-console's own (e.g. --demo-dir DIR).
int start(std::vector<char *> arguments, bool bare)
{
    mainNs = realtimeNs();
    startNs = qgetenv("BENCH_T0_NS").toLongLong();
    if (startNs == 0)
        startNs = mainNs;
    for (const char *argument : arguments)
        waitForScreen = waitForScreen || qstrcmp(argument, "--demo-dir") == 0;
    QInternal::registerCallback(QInternal::EventNotifyCallback, onEvent);
    int argc = int(arguments.size());
    arguments.push_back(nullptr);
    int status = 0;
    if (bare) {
        QApplication app(argc, arguments.data());
        QWidget window;
        window.resize(1100, 720);
        window.show();
        status = QApplication::exec();
    } else {
        status = runTellerConsole(argc, arguments.data());
    }
    const auto ms = [](qint64 ns) { return ns ? double(ns - startNs) / 1e6 : std::nan(""); };
    std::printf("%s: exec→main %.1f ms, →first paint %.1f ms, →first frame done %.1f ms",
                bare ? "bare QApplication + QWidget" : "teller-console (runTellerConsole)",
                ms(mainNs), ms(firstPaintNs), ms(frameDoneNs));
    if (waitForScreen)
        std::printf("; signed in (desk made) %.1f ms, branch activity rows %.1f ms, first screen "
                    "painted %.1f ms (%.1f ms after the first frame)",
                    ms(deskNs), ms(activityRowsNs), ms(screenDoneNs),
                    double(screenDoneNs - frameDoneNs) / 1e6);
    std::printf("\n");
    std::fflush(stdout);
    return firstPaintNs ? status : 1;
}

} // namespace
} // namespace tc::bench

int main(int argc, char *argv[])
{
    using namespace tc;
    if (argc > 1 && qstrcmp(argv[1], "start") == 0) {
        // The console's own command line gets what follows "start" (and --bare).
        const bool bare = argc > 2 && qstrcmp(argv[2], "--bare") == 0;
        std::vector<char *> rest {argv[0]};
        for (int i = bare ? 3 : 2; i < argc; ++i)
            rest.push_back(argv[i]);
        return bench::start(rest, bare);
    }
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addPositionalArgument(u"command"_s, u"search, activity, events or start"_s);
    const QCommandLineOption url(u"url"_s, u"backend base URL"_s, u"url"_s);
    const QCommandLineOption ca(u"ca"_s, u"CA certificate to pin (PEM)"_s, u"file"_s);
    const QCommandLineOption user(u"user"_s, u"staff user"_s, u"name"_s);
    const QCommandLineOption password(u"password"_s, u"staff password"_s, u"password"_s);
    const QCommandLineOption queries(u"queries"_s, u"search texts, one a line"_s, u"file"_s);
    const QCommandLineOption rounds(u"rounds"_s, u"passes over the queries"_s, u"n"_s, u"3"_s);
    const QCommandLineOption serverLog(u"server-log"_s, u"the backend's stderr"_s, u"file"_s);
    const QCommandLineOption label(u"label"_s, u"name of the run"_s, u"text"_s, u"run"_s);
    const QCommandLineOption branch(u"branch"_s, u"branch code"_s, u"code"_s, u"101"_s);
    const QCommandLineOption pageSize(u"page-size"_s, u"rows per page"_s, u"n"_s,
                                      QString::number(BranchActivityModel::defaultPageSize));
    const QCommandLineOption maxRows(u"max-rows"_s, u"stop paging after"_s, u"n"_s, u"2000000"_s);
    const QCommandLineOption fromEmpty(u"from-empty"_s, u"clear the results before each search"_s);
    const QCommandLineOption noView(u"no-view"_s, u"the model alone"_s);
    const QCommandLineOption heldRows(u"held-rows"_s, u"the model's window"_s, u"n"_s,
                                      QString::number(BranchActivityModel::defaultMaxHeldRows));
    const QCommandLineOption account(u"account"_s, u"account number"_s, u"number"_s);
    const QCommandLineOption accountType(u"account-type"_s, u"account type"_s, u"type"_s,
                                         u"ordinary"_s);
    const QCommandLineOption institution(u"institution"_s, u"institution id"_s, u"id"_s);
    const QCommandLineOption clientId(u"client-id"_s, u"the app's client id"_s, u"id"_s);
    const QCommandLineOption count(u"count"_s, u"events"_s, u"n"_s, u"200"_s);
    parser.addOptions({url, ca, user, password, queries, rounds, serverLog, label, branch, pageSize,
                       maxRows, fromEmpty, noView, heldRows, account, accountType, institution,
                       clientId, count});
    parser.addHelpOption();
    parser.process(app);

    bench::Connection connection;
    connection.settings.baseUrl = QUrl(parser.value(url));
    connection.settings.pinnedCa = QSslCertificate::fromPath(parser.value(ca));
    connection.settings.transferTimeoutMs = 60000;
    connection.user = parser.value(user);
    connection.password = parser.value(password);
    if (const QString problem = connection.settings.validate(); !problem.isEmpty())
        qFatal("%s", qPrintable(problem));
    const QString command = parser.positionalArguments().value(0);
    if (command == u"search"_s)
        return bench::search(connection, parser.value(queries), parser.value(rounds).toInt(),
                             parser.value(serverLog), parser.value(label), parser.isSet(fromEmpty));
    if (command == u"activity"_s)
        return bench::activity(connection, parser.value(branch), parser.value(pageSize).toInt(),
                               parser.value(maxRows).toInt(), parser.value(heldRows).toInt(),
                               !parser.isSet(noView), parser.value(serverLog), parser.value(label));
    if (command == u"events"_s)
        return bench::events(connection, parser.value(institution), parser.value(clientId),
                             parser.value(branch), parser.value(accountType), parser.value(account),
                             parser.value(count).toInt());
    qFatal("usage: bench_console search|activity|events|start … (see --help)");
}
