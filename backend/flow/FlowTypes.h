#pragma once

#include <QDateTime>
#include <QString>

namespace tc::backend {

// Where a flow stands: the screens of the seeds, then how it ended.
namespace steps {
inline constexpr QLatin1StringView Account {"account"}; // ①
inline constexpr QLatin1StringView Customer {"customer"}; // ②
inline constexpr QLatin1StringView Phone {"phone"}; // ③ ④
inline constexpr QLatin1StringView Pin {"pin"}; // ⑤
inline constexpr QLatin1StringView Consent {"consent"}; // ⑥
inline constexpr QLatin1StringView Done {"done"};
inline constexpr QLatin1StringView Denied {"denied"};
inline constexpr QLatin1StringView Cancelled {"cancelled"};
inline constexpr QLatin1StringView Void {"void"}; // the call window passed: start over
} // namespace steps

// Who is calling, for the attempt log and rate limits.
struct RequestOrigin
{
    QString sourceAddress;
};

struct CreateFlowInput
{
    QString institutionId;
    QString clientId;
    QString redirectUri;
    QString state;
    QString codeChallenge;
    QString codeChallengeMethod;
    QString scope;
};

struct CreatedFlow
{
    QString flowId;
    QString step;
    QString institutionName;
    QString clientName;
};

struct AccountInput
{
    QString branchCode;
    QString accountType;
    QString accountNumber;
};

struct CustomerInput
{
    QString nameKana;
    QString birthDate;
    QString phone;
    QString email;
    QString emailConfirm;
};

struct PhoneChallenge
{
    QString registeredPhone;
    QString destinationNumber;
    QDateTime expiresAt;
};

struct ConsentRequest
{
    QString clientName;
    QString scope;
    int periodDays = 30;
};

struct ConsentInput
{
    bool agreeTerms = false;
    QString decision; // "allow" or "deny"
};

struct StepAnswer
{
    QString step;
};

struct FlowRedirect
{
    QString redirectUri; // with code and state, or error=access_denied and state
};

} // namespace tc::backend
