#include "CustomerScreens.h"

#include "ErrorCatalog.h"
#include "ErrorCodes.h"

#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcScreens, "tc.backend.screens")

namespace tc::backend::api {

using http::HttpRequest;
using http::HttpResponse;

namespace {

// Scripts and styles from this origin only: no inline code, no framing, no form submissions
// (the script sends everything as JSON), no plugins, no <base>.
constexpr char pageCsp[] = "default-src 'none'; script-src 'self'; style-src 'self'; "
                           "img-src 'self'; connect-src 'self'; form-action 'none'; "
                           "base-uri 'none'; frame-ancestors 'none'";

// The compiled-in files of resources/web/ (qt_add_resources in backend/CMakeLists.txt). A
// missing one is a build error, so it aborts at start rather than at the first customer.
QByteArray webResource(const QString &name)
{
    QFile file(u":/web/"_s + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("customer screens: resource :/web/%s is missing", qPrintable(name));
    return file.readAll();
}

// Replaces every "{{name}}" of the template in one pass, each value HTML-escaped (values only
// ever go into text or double-quoted attributes). An unknown name is a template bug: empty.
QString renderTemplate(const QString &templ, const QHash<QString, QString> &values)
{
    static const QRegularExpression placeholder(u"\\{\\{([a-z_]+)\\}\\}"_s);
    QString out;
    out.reserve(templ.size() + 512);
    qsizetype last = 0;
    auto it = placeholder.globalMatch(templ);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        out += QStringView(templ).sliced(last, match.capturedStart() - last);
        const QString name = match.captured(1);
        if (!values.contains(name))
            qCWarning(lcScreens) << "template placeholder without a value:" << name;
        out += values.value(name).toHtmlEscaped();
        last = match.capturedEnd();
    }
    out += QStringView(templ).sliced(last);
    return out;
}

HttpResponse htmlResponse(int status, const QString &html)
{
    HttpResponse response;
    response.status = status;
    response.body = html.toUtf8();
    response.setHeader("Content-Type", "text/html; charset=utf-8");
    response.setHeader("Content-Security-Policy", pageCsp);
    response.setHeader("Referrer-Policy", "no-referrer");
    return response;
}

const CatalogEntry &catalogEntry(const QString &code)
{
    const CatalogEntry *entry = ErrorCatalog::builtIn().find(code);
    if (!entry)
        qFatal("customer screens: code %s missing from the catalog", qPrintable(code));
    return *entry;
}

// `uri` with the parameters added to its query (its own parameters kept, RFC 6749 §3.1.2).
QString withQuery(const QString &uri, const QList<std::pair<QString, QString>> &items)
{
    QUrl url(uri);
    QUrlQuery query(url);
    for (const auto &[key, value] : items) {
        if (!value.isEmpty())
            query.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    }
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}

// application/x-www-form-urlencoded decoding of one query component ('+' is a space).
QString decodeComponent(QString component)
{
    component.replace(u'+', u' ');
    return QUrl::fromPercentEncoding(component.toUtf8());
}

// Each parameter of the query with all its values; parameters sent empty count as absent
// (RFC 6749 §3.1).
QHash<QString, QStringList> queryParameters(const QUrlQuery &query)
{
    QHash<QString, QStringList> parameters;
    for (const auto &[key, value] : query.queryItems(QUrl::FullyEncoded)) {
        const QString decoded = decodeComponent(value);
        if (!decoded.isEmpty())
            parameters[decodeComponent(key)].append(decoded);
    }
    return parameters;
}

struct Pages
{
    QString flowTemplate;
    QString errorTemplate;
    QByteArray script;
    QByteArray style;
};

// The page for an error the customer must read on our side: an unknown client or redirect URI
// (never redirected to), service hours, overload. `returnUri` (optional) leads back to the app.
HttpResponse errorPage(const Pages &pages, const QString &code, const QString &assets,
                       const QString &returnUri = {})
{
    const CatalogEntry &entry = catalogEntry(code);
    return htmlResponse(
        entry.httpStatus,
        renderTemplate(pages.errorTemplate,
                       {{u"assets"_s, assets},
                        {u"code"_s, entry.code},
                        {u"message"_s, entry.customerMessage},
                        {u"return_uri"_s, returnUri},
                        {u"return_hidden"_s, returnUri.isEmpty() ? u"hidden"_s : QString()}}));
}

HttpResponse seeOther(const QString &location)
{
    HttpResponse response;
    response.status = 303;
    response.setHeader("Location", location.toUtf8());
    response.setHeader("Referrer-Policy", "no-referrer");
    return response;
}

} // namespace

void registerCustomerScreens(http::Router &router, const CustomerScreensContext &c)
{
    const auto pages = std::make_shared<const Pages>(
        Pages {QString::fromUtf8(webResource(u"flow.html"_s)),
               QString::fromUtf8(webResource(u"error.html"_s)), webResource(u"screens.js"_s),
               webResource(u"screens.css"_s)});

    // RFC 6749 §4.1.1 with PKCE (RFC 7636) and our `institution` parameter.
    router.add(
        "GET", u"/oauth/authorize"_s,
        [pages, flows = c.flows, db = c.database, issuer = c.issuer](const HttpRequest &request) {
            const QString assets = u"../flows/assets"_s;
            const QHash<QString, QStringList> parameters = queryParameters(request.query);
            const auto single = [&](const QString &name) {
                const QStringList values = parameters.value(name);
                return values.size() == 1 ? values.first() : QString();
            };
            const QString clientId = single(u"client_id"_s);
            const QString redirectUri = single(u"redirect_uri"_s);
            const QString institution = single(u"institution"_s);
            // Until client and redirect URI are known to belong together, nothing is sent to
            // the redirect URI (§4.1.2.1): the customer reads the error here.
            if (clientId.isEmpty() || redirectUri.isEmpty() || institution.isEmpty())
                return errorPage(*pages, QString(codes::MalformedRequest), assets);
            auto client = runQuery(db->connection(),
                                   u"SELECT c.redirect_uris FROM client_apps c "
                                   "JOIN client_app_institutions ci ON ci.client_app_id = c.id "
                                   "WHERE c.client_id = ? AND ci.institution_id = ?"_s,
                                   {clientId, institution}, u"find client"_s);
            if (!client)
                return errorPage(*pages, QString(codes::SystemError), assets);
            QSqlQuery &row = client.value();
            const QStringList registered = row.next()
                ? row.value(0).toString().split(u'\n', Qt::SkipEmptyParts)
                : QStringList();
            // Released before the flow is created below: on SQLite a statement not stepped to
            // its end keeps its read snapshot, and the write transaction begun on this
            // connection after another writer committed would fail at once.
            row.finish();
            // Exact match of a registered redirect URI, as FlowService::create checks it.
            if (!registered.contains(redirectUri))
                return errorPage(*pages, QString(codes::MalformedRequest), assets);

            // From here errors go back to the app, with its state (§4.1.2.1).
            const QStringList states = parameters.value(u"state"_s);
            const QString state = states.size() == 1 ? states.first() : QString();
            const auto redirectError = [&](const QString &error, QLatin1StringView code) {
                return seeOther(withQuery(redirectUri,
                                          {{u"error"_s, error},
                                           {u"error_description"_s, QString(code)},
                                           {u"state"_s, state}}));
            };
            for (auto it = parameters.cbegin(); it != parameters.cend(); ++it) {
                if (it.value().size() > 1)
                    return redirectError(u"invalid_request"_s, codes::MalformedRequest);
            }
            const QString responseType = single(u"response_type"_s);
            if (responseType.isEmpty())
                return redirectError(u"invalid_request"_s, codes::MalformedRequest);
            if (responseType != u"code"_s)
                return redirectError(u"unsupported_response_type"_s, codes::MalformedRequest);
            // One scope exists; a request without one gets it (§3.3).
            const QString scope =
                parameters.contains(u"scope"_s) ? single(u"scope"_s) : u"accounts"_s;
            if (scope != u"accounts"_s)
                return redirectError(u"invalid_scope"_s, codes::MalformedRequest);

            const auto created = flows->create({institution, clientId, redirectUri, state,
                                                single(u"code_challenge"_s),
                                                single(u"code_challenge_method"_s), scope},
                                               RequestOrigin {request.peer.toString()});
            if (created)
                return seeOther(
                    QString((issuer ? *issuer : QString()) + u"/flows/"_s + created->flowId));

            const QString code = created.error().key;
            // Closed, overloaded or throttled: the customer reads the seeds' message here, and
            // may go back to the app, which learns it may try later.
            if (code == codes::OutsideServiceHours || code == codes::Congested
                || code == codes::ServiceUnavailable || code == codes::TooManyRequests) {
                return errorPage(*pages, code, assets,
                                 withQuery(redirectUri,
                                           {{u"error"_s, u"temporarily_unavailable"_s},
                                            {u"error_description"_s, code},
                                            {u"state"_s, state}}));
            }
            if (code == codes::SystemError)
                return redirectError(u"server_error"_s, codes::SystemError);
            if (code == codes::ClientSuspended)
                return redirectError(u"unauthorized_client"_s, codes::ClientSuspended);
            return redirectError(u"invalid_request"_s, codes::MalformedRequest);
        });

    // The screens of one flow. Nothing about the customer is in the page: only the app's and
    // the institution's names, where the flow stands, and (at ③/④) the numbers to call.
    router.add(
        "GET", u"/flows/{id}"_s,
        [pages, db = c.database, clock = c.clock](const HttpRequest &request) {
            const QString assets = u"assets"_s;
            const QString id = request.pathParam(u"id"_s);
            static const QRegularExpression idPattern(u"^[A-Za-z0-9_-]{1,64}$"_s);
            if (!idPattern.match(id).hasMatch())
                return errorPage(*pages, QString(codes::FlowNotFound), assets);
            auto flow =
                runQuery(db->connection(),
                         u"SELECT f.step, f.redirect_uri, f.state, f.expires_at, c.name, i.name, "
                         "f.destination_number, f.call_deadline, cu.phone FROM flows f "
                         "JOIN client_apps c ON c.id = f.client_app_id "
                         "JOIN institutions i ON i.id = f.institution_id "
                         "LEFT JOIN accounts a ON a.id = f.account_id "
                         "LEFT JOIN customers cu ON cu.id = a.customer_id WHERE f.id = ?"_s,
                         {id}, u"read flow"_s);
            if (!flow)
                return errorPage(*pages, QString(codes::SystemError), assets);
            QSqlQuery &f = flow.value();
            const qint64 nowMs = clock->now().toMSecsSinceEpoch();
            if (!f.next() || f.value(3).toLongLong() <= nowMs)
                return errorPage(*pages, QString(codes::FlowNotFound), assets);
            const QString step = f.value(0).toString();
            const bool atPhone = step == steps::Phone && !f.value(7).isNull();
            const QString callDeadline = atPhone
                ? QDateTime::fromMSecsSinceEpoch(f.value(7).toLongLong(), Qt::UTC)
                      .toString(Qt::ISODateWithMs)
                : QString();
            const QHash<QString, QString> values {
                {u"assets"_s, assets},
                {u"flow_id"_s, id},
                {u"step"_s, step},
                {u"client_name"_s, f.value(4).toString()},
                {u"institution_name"_s, f.value(5).toString()},
                // 中止する → "連携元画面へ": the app learns the customer declined.
                {u"return_uri"_s,
                 withQuery(
                     f.value(1).toString(),
                     {{u"error"_s, u"access_denied"_s}, {u"state"_s, f.value(2).toString()}})},
                {u"registered_phone"_s, atPhone ? f.value(8).toString() : QString()},
                {u"destination_number"_s, atPhone ? f.value(6).toString() : QString()},
                {u"expires_at"_s, callDeadline},
                {u"server_now"_s,
                 QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC).toString(Qt::ISODateWithMs)},
                {u"ended_message"_s, catalogEntry(QString(codes::StepOutOfOrder)).customerMessage},
            };
            return htmlResponse(200, renderTemplate(pages->flowTemplate, values));
        });

    router.add("GET", u"/flows/assets/{file}"_s, [pages](const HttpRequest &request) {
        const QString file = request.pathParam(u"file"_s);
        HttpResponse response;
        if (file == u"screens.js"_s) {
            response.body = pages->script;
            response.setHeader("Content-Type", "text/javascript; charset=utf-8");
        } else if (file == u"screens.css"_s) {
            response.body = pages->style;
            response.setHeader("Content-Type", "text/css; charset=utf-8");
        } else {
            return HttpResponse::error(codes::UnknownPath);
        }
        return response;
    });
}

} // namespace tc::backend::api
