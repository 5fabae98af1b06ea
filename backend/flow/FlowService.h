#pragma once

#include "Clock.h"
#include "Database.h"
#include "FlowTypes.h"
#include "LockPolicy.h"
#include "Result.h"
#include "ServiceCalendar.h"

#include <QByteArray>
#include <QDate>
#include <QString>

#include <functional>
#include <optional>

namespace tc::backend {

struct FlowSettings
{
    int callWindowSeconds = 120; // seeds, screen ④
    int flowLifetimeSeconds = 30 * 60; // an abandoned flow is forgotten after this
    int authorizationCodeSeconds = 60;
    int linkageDays = 30; // seeds, screen ⑥
    // The shared centre's windows; announced maintenance comes from each institution's rows.
    ServiceCalendarConfig calendar;
    // Against enumeration of account numbers and scripted guessing: calls of the steps that
    // check data (①, ②, ⑤ and starting a flow) per source address, and flows per app.
    int callsPerAddressPerMinute = 60;
    int flowsPerAppPerMinute = 3000;
};

// The customer verification flow of the seeds, screens ① to ⑥. Every call checks service
// hours and the step order, logs an attempt row and answers errors as catalog codes
// (Error::key). All state lives in the database, so any backend instance can serve any step.
class FlowService final
{
    Q_DISABLE_COPY_MOVE(FlowService)

public:
    FlowService(Database &database, const Clock &clock, QByteArray pinKey, FlowSettings settings);

    Result<CreatedFlow> create(const CreateFlowInput &input, const RequestOrigin &origin);
    Result<StepAnswer> submitAccount(const QString &flowId, const AccountInput &input,
                                     const RequestOrigin &origin);
    Result<PhoneChallenge> submitCustomer(const QString &flowId, const CustomerInput &input,
                                          const RequestOrigin &origin);
    // 確定する on screen ④.
    Result<StepAnswer> confirmPhone(const QString &flowId, const RequestOrigin &origin);
    Result<ConsentRequest> submitPin(const QString &flowId, const QString &pin,
                                     const RequestOrigin &origin);
    Result<FlowRedirect> decide(const QString &flowId, const ConsentInput &input,
                                const RequestOrigin &origin);
    Result<StepAnswer> cancel(const QString &flowId, const RequestOrigin &origin);

    // The telephony provider reports a call (the webhook has checked its signature).
    Status recordCall(const QString &caller, const QString &dialed, const QDateTime &calledAt);

    // The HMAC stored for an account's PIN (the demo and tests set PINs through this).
    QByteArray pinDigest(qint64 accountId, const QString &pin) const;

    // The calendar of an institution: the shared windows plus its announced maintenance.
    Result<ServiceCalendar> calendarFor(const QString &institutionId) const;

    struct AttemptRecord;

private:
    struct FlowRow;
    struct StepContext;
    enum class RateLimit { None, PerAddress };
    // Columns a step reads with its flow, in the flow's statement: `count` SQL expressions over
    // the flow's row `f` and the rows of `joins` (LEFT JOINs keyed on `f`, such as its account),
    // with the values of their `?`s. They arrive in FlowRow::extra.
    struct ExtraColumns
    {
        QString sql;
        int count = 0;
        QVariantList values;
        QString joins;
    };
    using ExtraReads = ExtraColumns (*)(QDate tokyoDay);

    // The frame of every step after the first: rate limit, the flow (G03 when unknown or
    // expired), service hours (A01), the step order (G02), one transaction, one attempt row.
    // On PostgreSQL the rate count, the flow and the step's `extraReads` are one round trip.
    template<typename T>
    Result<T> runStep(const QString &flowId, QLatin1StringView expectedStep,
                      const RequestOrigin &origin, RateLimit rateLimit, ExtraReads extraReads,
                      const std::function<Result<T>(StepContext &)> &work);
    Result<FlowRow> loadFlow(QSqlDatabase &db, const QString &flowId, const QDateTime &now,
                             const ExtraColumns &extra,
                             const std::optional<BoundSql> &addressCount);
    Status checkOpen(const QString &institutionId, const QDateTime &now);
    Status checkRate(QSqlDatabase &db, const QString &key, int limitPerMinute, qint64 nowMs);
    Status checkAddressRate(QSqlDatabase &db, const RequestOrigin &origin, qint64 nowMs);
    BoundSql addressRateCount(const RequestOrigin &origin, qint64 nowMs) const;
    static ExtraColumns customerStepReads(QDate tokyoDay);
    static ExtraColumns pinStepReads(QDate tokyoDay);

    Database &m_database;
    const Clock &m_clock;
    QByteArray m_pinKey;
    FlowSettings m_settings;
    // The shared centre's windows (m_settings.calendar), without the institutions' announced
    // maintenance, which the steps read with their flow.
    ServiceCalendar m_sharedWindows;
};

} // namespace tc::backend
