#include "Router.h"

#include <QSet>

#include <algorithm>

namespace tc::backend::http {

void Router::add(const QByteArray &method, const QString &pattern, Handler handler)
{
    if (!pattern.startsWith(u'/') || method.isEmpty() || method != method.toUpper() || !handler)
        qFatal("Router: invalid route %s %s", method.constData(), qPrintable(pattern));
    Route route {method.toUpper(), pattern, {}, {}, std::move(handler)};
    for (const QString &segment : pattern.sliced(1).split(u'/')) {
        const bool param = segment.size() > 2 && segment.startsWith(u'{') && segment.endsWith(u'}');
        route.segments.append(param ? segment.sliced(1, segment.size() - 2) : segment);
        route.isParam.append(param);
    }
    for (const Route &existing : std::as_const(m_routes)) {
        if (existing.method == route.method && existing.segments.size() == route.segments.size()
            && existing.isParam == route.isParam) {
            bool same = true;
            for (qsizetype i = 0; i < route.segments.size() && same; ++i)
                same = route.isParam[i] || existing.segments[i] == route.segments[i];
            if (same)
                qFatal("Router: duplicate route %s %s", method.constData(), qPrintable(pattern));
        }
    }
    m_routes.append(std::move(route));
}

bool Router::matches(const Route &route, const QStringList &segments)
{
    if (route.segments.size() != segments.size())
        return false;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        if (route.isParam[i] ? segments[i].isEmpty() : route.segments[i] != segments[i])
            return false;
    }
    return true;
}

bool Router::moreSpecific(const Route &a, const Route &b)
{
    for (qsizetype i = 0; i < a.isParam.size(); ++i) {
        if (a.isParam[i] != b.isParam[i])
            return !a.isParam[i];
    }
    return false;
}

Router::Match Router::match(const QByteArray &method, const QStringList &segments) const
{
    const Route *best = nullptr;
    QList<QByteArray> allowed;
    for (const Route &route : m_routes) {
        if (!matches(route, segments))
            continue;
        if (!allowed.contains(route.method))
            allowed.append(route.method);
        if (route.method == method && (!best || moreSpecific(route, *best)))
            best = &route;
    }

    Match result;
    if (!best) {
        result.outcome = allowed.isEmpty() ? Outcome::UnknownPath : Outcome::WrongMethod;
        std::sort(allowed.begin(), allowed.end());
        result.allow = allowed.join(", ");
        return result;
    }
    result.outcome = Outcome::Found;
    result.handler = best->handler;
    result.pattern = best->pattern;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        if (best->isParam[i])
            result.params.insert(best->segments[i], segments[i]);
    }
    return result;
}

} // namespace tc::backend::http
