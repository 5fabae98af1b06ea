#include "SseParser.h"

namespace tc::client {

namespace {

constexpr QByteArrayView ByteOrderMark {"\xEF\xBB\xBF"};

bool isAsciiDigits(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

} // namespace

QList<SseEvent> SseParser::feed(QByteArrayView bytes)
{
    QList<SseEvent> events;
    qsizetype start = 0;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes.at(i);
        if (c == '\n' && m_afterCr) {
            // The LF of a CRLF whose CR ended the line already (possibly in an earlier chunk).
            m_afterCr = false;
            start = i + 1;
            continue;
        }
        m_afterCr = false;
        if (c != '\n' && c != '\r')
            continue;
        m_line += bytes.sliced(start, i - start);
        processLine(m_line, events);
        m_line.clear();
        m_afterCr = c == '\r';
        start = i + 1;
    }
    m_line += bytes.sliced(start);
    return events;
}

void SseParser::restart()
{
    m_line.clear();
    m_afterCr = false;
    m_atStreamStart = true;
    m_data.clear();
    m_hasData = false;
    m_type.clear();
}

void SseParser::processLine(QByteArrayView line, QList<SseEvent> &events)
{
    if (m_atStreamStart) {
        m_atStreamStart = false;
        if (line.startsWith(ByteOrderMark))
            line = line.sliced(ByteOrderMark.size());
    }
    if (line.isEmpty()) {
        if (m_hasData) {
            m_data.chop(1); // the '\n' after the last data line
            events.append(
                {.id = m_lastEventId,
                 .type = m_type.isEmpty() ? QStringLiteral("message") : QString::fromUtf8(m_type),
                 .data = QString::fromUtf8(m_data)});
        }
        m_data.clear();
        m_hasData = false;
        m_type.clear();
        return;
    }
    if (line.startsWith(':')) {
        ++m_comments;
        return;
    }
    QByteArrayView field = line;
    QByteArrayView value;
    if (const qsizetype colon = line.indexOf(':'); colon >= 0) {
        field = line.first(colon);
        value = line.sliced(colon + 1);
        if (value.startsWith(' '))
            value = value.sliced(1);
    }
    if (field == "data") {
        m_data += value;
        m_data += '\n';
        m_hasData = true;
    } else if (field == "event") {
        m_type = value.toByteArray();
    } else if (field == "id") {
        if (!value.contains('\0'))
            m_lastEventId = value.toByteArray();
    } else if (field == "retry") {
        bool ok = false;
        const int ms = value.toInt(&ok);
        if (isAsciiDigits(value) && ok)
            m_retryMs = ms;
    }
}

} // namespace tc::client
