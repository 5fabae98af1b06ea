#pragma once

#include "HttpRequest.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>

struct http_parser;

namespace tc::backend::http {

// Incremental HTTP/1.1 request parser over libhttp-parser (nodejs/http-parser 2.9, the parser
// Qt HttpServer bundles), with our limits applied while bytes arrive: nothing beyond the limits
// is ever stored. One request at a time: parsing stops after a complete request and the rest of
// the input (a pipelined request) is left to the caller until takeRequest().
class HttpRequestParser final
{
public:
    enum class Status { NeedMore, Complete, Failed };
    enum class Failure { None, Malformed, HeadersTooLarge, BodyTooLarge };

    struct Limits
    {
        qint64 maxBodyBytes = 64 * 1024;
        qsizetype maxHeaderBytes = 16 * 1024; // request line and all header lines
        int maxHeaderCount = 100;
    };

    explicit HttpRequestParser(const Limits &limits);
    ~HttpRequestParser();
    Q_DISABLE_COPY_MOVE(HttpRequestParser)

    // Parses as much of `data` as belongs to the current request; returns the bytes used.
    qsizetype feed(QByteArrayView data);

    Status status() const { return m_status; }
    Failure failure() const { return m_failure; }
    // Why the request was refused, for the log: never contains request data.
    const QString &failureReason() const { return m_failureReason; }
    // True once after the headers of a request that asked for "Expect: 100-continue" and whose
    // body is within the limit: the caller sends "100 Continue".
    bool takeContinueRequest();
    // Any bytes of the current request seen yet (used to tell idle from receiving).
    bool inRequest() const { return m_inMessage; }

    // With Complete: whether the connection may carry another request afterwards.
    bool keepAlive() const { return m_keepAlive; }
    // With Complete: hands out the request and gets ready for the next one.
    HttpRequest takeRequest();

private:
    friend struct ParserCallbacks;

    int fail(Failure failure, const QString &reason);
    int addHeaderBytes(qsizetype size);

    Limits m_limits;
    std::unique_ptr<http_parser> m_parser;
    Status m_status = Status::NeedMore;
    Failure m_failure = Failure::None;
    QString m_failureReason;

    HttpRequest m_request;
    QByteArray m_url;
    QByteArray m_field;
    QByteArray m_value;
    bool m_inValue = false;
    bool m_inMessage = false;
    bool m_keepAlive = false;
    bool m_continueRequested = false;
    qsizetype m_headerBytes = 0;
};

} // namespace tc::backend::http
