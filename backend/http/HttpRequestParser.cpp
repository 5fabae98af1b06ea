#include "HttpRequestParser.h"

#include <http_parser.h>

using namespace Qt::StringLiterals;

namespace tc::backend::http {

// Headers a request may carry only once: two Content-Length or Host values are how requests
// are smuggled past proxies, two Authorization values make "which one counts" ambiguous.
static constexpr const char *SingletonHeaders[] = {
    "host", "content-length", "content-type", "authorization", "transfer-encoding", "expect"};

struct ParserCallbacks
{
    static HttpRequestParser &self(http_parser *parser)
    {
        return *static_cast<HttpRequestParser *>(parser->data);
    }

    static int messageBegin(http_parser *parser)
    {
        HttpRequestParser &p = self(parser);
        p.m_request = HttpRequest();
        p.m_url.clear();
        p.m_field.clear();
        p.m_value.clear();
        p.m_inValue = false;
        p.m_inMessage = true;
        p.m_continueRequested = false;
        p.m_headerBytes = 0;
        return 0;
    }

    static int url(http_parser *parser, const char *at, size_t length)
    {
        HttpRequestParser &p = self(parser);
        if (const int refused = p.addHeaderBytes(static_cast<qsizetype>(length)))
            return refused;
        p.m_url.append(at, static_cast<qsizetype>(length));
        return 0;
    }

    static int finishHeader(HttpRequestParser &p)
    {
        if (p.m_field.isEmpty())
            return 0;
        if (p.m_request.headers.size() >= p.m_limits.maxHeaderCount)
            return p.fail(HttpRequestParser::Failure::HeadersTooLarge, u"too many headers"_s);
        p.m_request.headers.append({p.m_field.toLower(), p.m_value.trimmed()});
        p.m_field.clear();
        p.m_value.clear();
        return 0;
    }

    static int headerField(http_parser *parser, const char *at, size_t length)
    {
        HttpRequestParser &p = self(parser);
        if (const int refused = p.addHeaderBytes(static_cast<qsizetype>(length) + 4))
            return refused;
        if (p.m_inValue) {
            if (const int refused = finishHeader(p))
                return refused;
            p.m_inValue = false;
        }
        p.m_field.append(at, static_cast<qsizetype>(length));
        return 0;
    }

    static int headerValue(http_parser *parser, const char *at, size_t length)
    {
        HttpRequestParser &p = self(parser);
        if (const int refused = p.addHeaderBytes(static_cast<qsizetype>(length)))
            return refused;
        p.m_inValue = true;
        p.m_value.append(at, static_cast<qsizetype>(length));
        return 0;
    }

    static int headersComplete(http_parser *parser)
    {
        HttpRequestParser &p = self(parser);
        if (const int refused = finishHeader(p))
            return refused;
        p.m_inValue = false;

        if (parser->http_major != 1 || parser->http_minor > 1)
            return p.fail(HttpRequestParser::Failure::Malformed, u"unsupported HTTP version"_s);
        HttpRequest &request = p.m_request;
        request.httpMinorVersion = parser->http_minor;
        request.method = http_method_str(static_cast<http_method>(parser->method));

        Result<RequestTarget> target = HttpRequest::parseTarget(p.m_url);
        if (!target)
            return p.fail(HttpRequestParser::Failure::Malformed, target.error().message);
        request.path = std::move(target.value().path);
        request.segments = std::move(target.value().segments);
        request.query = std::move(target.value().query);
        p.m_url.clear();

        for (const char *name : SingletonHeaders) {
            if (request.headerValues(name).size() > 1)
                return p.fail(HttpRequestParser::Failure::Malformed,
                              u"a header that may appear once appears twice: "_s
                                  + QLatin1StringView(name));
        }
        // HTTP/1.1 requires Host; its absence marks a hand-made or confused client.
        if (request.httpMinorVersion == 1 && !request.hasHeader("host"))
            return p.fail(HttpRequestParser::Failure::Malformed, u"no Host header"_s);

        const bool chunked = (parser->flags & F_CHUNKED) != 0;
        // ULLONG_MAX is the parser's "no Content-Length".
        const bool hasLength = parser->content_length != ULLONG_MAX;
        if (hasLength && parser->content_length > static_cast<quint64>(p.m_limits.maxBodyBytes))
            return p.fail(HttpRequestParser::Failure::BodyTooLarge,
                          u"Content-Length over the limit"_s);
        const bool bodyFollows = chunked || (hasLength && parser->content_length > 0);
        if (hasLength)
            request.body.reserve(static_cast<qsizetype>(parser->content_length));
        p.m_continueRequested = bodyFollows
            && request.header("expect").compare("100-continue", Qt::CaseInsensitive) == 0;
        return 0;
    }

    static int body(http_parser *parser, const char *at, size_t length)
    {
        HttpRequestParser &p = self(parser);
        const auto size = static_cast<qsizetype>(length);
        // Counted as it arrives, so a chunked body is cut off at the same limit.
        if (p.m_request.body.size() + size > p.m_limits.maxBodyBytes)
            return p.fail(HttpRequestParser::Failure::BodyTooLarge, u"body over the limit"_s);
        p.m_request.body.append(at, size);
        return 0;
    }

    static int messageComplete(http_parser *parser)
    {
        HttpRequestParser &p = self(parser);
        p.m_status = HttpRequestParser::Status::Complete;
        p.m_keepAlive = http_should_keep_alive(parser) != 0 && parser->upgrade == 0;
        p.m_continueRequested = false;
        // Stop here: a pipelined request waits until this one is answered.
        http_parser_pause(parser, 1);
        return 0;
    }

    static const http_parser_settings &settings()
    {
        static const http_parser_settings instance = [] {
            http_parser_settings s;
            http_parser_settings_init(&s);
            s.on_message_begin = &messageBegin;
            s.on_url = &url;
            s.on_header_field = &headerField;
            s.on_header_value = &headerValue;
            s.on_headers_complete = &headersComplete;
            s.on_body = &body;
            s.on_message_complete = &messageComplete;
            return s;
        }();
        return instance;
    }
};

HttpRequestParser::HttpRequestParser(const Limits &limits)
    : m_limits(limits), m_parser(std::make_unique<http_parser>())
{
    http_parser_init(m_parser.get(), HTTP_REQUEST);
    m_parser->data = this;
}

HttpRequestParser::~HttpRequestParser() = default;

int HttpRequestParser::fail(Failure failure, const QString &reason)
{
    if (m_failure == Failure::None) {
        m_failure = failure;
        m_failureReason = reason;
    }
    return -1; // any non-zero value stops the parser
}

int HttpRequestParser::addHeaderBytes(qsizetype size)
{
    m_headerBytes += size;
    if (m_headerBytes > m_limits.maxHeaderBytes)
        return fail(Failure::HeadersTooLarge, u"request line and headers over the limit"_s);
    return 0;
}

qsizetype HttpRequestParser::feed(QByteArrayView data)
{
    if (m_status != Status::NeedMore || data.isEmpty())
        return 0;
    const size_t used = http_parser_execute(m_parser.get(), &ParserCallbacks::settings(),
                                            data.data(), static_cast<size_t>(data.size()));
    const auto error = static_cast<http_errno>(m_parser->http_errno);
    if (error != HPE_OK && error != HPE_PAUSED) {
        if (m_failure == Failure::None) {
            m_failure =
                error == HPE_HEADER_OVERFLOW ? Failure::HeadersTooLarge : Failure::Malformed;
            m_failureReason = QString::fromLatin1(http_errno_description(error));
        }
        m_status = Status::Failed;
    } else if (m_failure != Failure::None) {
        m_status = Status::Failed;
    }
    return static_cast<qsizetype>(used);
}

bool HttpRequestParser::takeContinueRequest()
{
    return std::exchange(m_continueRequested, false);
}

HttpRequest HttpRequestParser::takeRequest()
{
    HttpRequest request = std::move(m_request);
    m_request = HttpRequest();
    m_inMessage = false;
    m_status = Status::NeedMore;
    http_parser_pause(m_parser.get(), 0);
    return request;
}

} // namespace tc::backend::http
