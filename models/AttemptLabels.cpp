#include "AttemptLabels.h"

#include "TokyoTime.h"

#include <QCoreApplication>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace tc {

QString stepLabel(QStringView step)
{
    if (step == "account"_L1)
        return QCoreApplication::translate("tc::AttemptLabels", "① Account");
    if (step == "customer"_L1)
        return QCoreApplication::translate("tc::AttemptLabels", "② Customer data");
    if (step == "phone"_L1)
        return QCoreApplication::translate("tc::AttemptLabels", "③④ Phone call");
    if (step == "pin"_L1)
        return QCoreApplication::translate("tc::AttemptLabels", "⑤ Card PIN");
    if (step == "consent"_L1)
        return QCoreApplication::translate("tc::AttemptLabels", "⑥ Consent");
    if (step == "cancel"_L1)
        return QCoreApplication::translate("tc::AttemptLabels", "Cancelled by the customer");
    return step.toString();
}

QString outcomeLabel(QStringView outcome)
{
    if (outcome == "success"_L1)
        return QCoreApplication::translate("tc::AttemptLabels", "Success");
    if (outcome == "failure"_L1)
        return QCoreApplication::translate("tc::AttemptLabels", "Failed");
    if (outcome == "refused"_L1)
        return QCoreApplication::translate("tc::AttemptLabels", "Refused");
    if (outcome == "cancelled"_L1)
        return QCoreApplication::translate("tc::AttemptLabels", "Cancelled");
    return outcome.toString();
}

bool isFailedOutcome(QStringView outcome)
{
    return outcome == "failure"_L1 || outcome == "refused"_L1;
}

QString accountTypeLabel(QStringView accountType)
{
    if (accountType == "ordinary"_L1)
        return QCoreApplication::translate("tc::AttemptLabels", "Ordinary");
    if (accountType == "savings"_L1)
        return QCoreApplication::translate("tc::AttemptLabels", "Savings");
    return accountType.toString();
}

QString lockKindLabel(QStringView lockKind)
{
    if (lockKind == "identity"_L1)
        return QCoreApplication::translate("tc::AttemptLabels", "Identity");
    if (lockKind == "pin"_L1)
        return QCoreApplication::translate("tc::AttemptLabels", "PIN");
    return lockKind.toString();
}

QString identityDocumentLabel(QStringView identityDocument)
{
    if (identityDocument == "drivers_license"_L1)
        return QCoreApplication::translate("tc::AttemptLabels", "Driver's license");
    if (identityDocument == "my_number_card"_L1)
        return QCoreApplication::translate("tc::AttemptLabels", "My Number card");
    if (identityDocument == "health_insurance_card"_L1)
        return QCoreApplication::translate("tc::AttemptLabels", "Health insurance card");
    if (identityDocument == "passport"_L1)
        return QCoreApplication::translate("tc::AttemptLabels", "Passport");
    if (identityDocument == "other"_L1)
        return QCoreApplication::translate("tc::AttemptLabels",
                                           "Other official document with photo");
    return identityDocument.toString();
}

QString identityProofLabel(QStringView reasonKind, QStringView identityDocument)
{
    if (reasonKind == "counter_document"_L1)
        return QCoreApplication::translate("tc::AttemptLabels", "At the counter: %1")
            .arg(identityDocumentLabel(identityDocument));
    if (reasonKind == "phone_caller_check"_L1)
        return QCoreApplication::translate("tc::AttemptLabels",
                                           "On the phone: caller check passed");
    if (reasonKind == "other"_L1)
        return QCoreApplication::translate("tc::AttemptLabels", "Other");
    return reasonKind.toString();
}

QString linkageStateLabel(QStringView state)
{
    if (state == "active"_L1)
        return QCoreApplication::translate("tc::AttemptLabels", "Active");
    if (state == "expired"_L1)
        return QCoreApplication::translate("tc::AttemptLabels", "Expired");
    if (state == "revoked"_L1)
        return QCoreApplication::translate("tc::AttemptLabels", "Revoked");
    if (state == "account_moved"_L1)
        return QCoreApplication::translate("tc::AttemptLabels", "Account moved");
    if (state == "app_suspended"_L1)
        return QCoreApplication::translate("tc::AttemptLabels", "App suspended");
    return state.toString();
}

QString accountLabel(const QString &branchCode, QStringView accountType,
                     const QString &accountNumber)
{
    return branchCode % u' ' % accountTypeLabel(accountType) % u' ' % accountNumber;
}

QString accountLabel(const QString &apiLabel)
{
    const QStringList parts = apiLabel.split(u' ');
    return parts.size() == 3 ? accountLabel(parts[0], parts[1], parts[2]) : apiLabel;
}

QString formatTokyoSeconds(const QDateTime &instant)
{
    if (!instant.isValid())
        return {};
    return instant.toTimeZone(tokyoTimeZone()).time().toString(u"HH:mm:ss"_s);
}

} // namespace tc
