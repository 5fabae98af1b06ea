#pragma once

#include <QDateTime>
#include <QString>
#include <QStringView>

namespace tc {

// The one place the staff API's step, outcome and account words become text for staff
// (translated), so that the customer view, the attempts tree and branch activity agree.

// "① Account", "② Customer data", "③④ Phone", "⑤ PIN", "⑥ Consent", "Cancel"; an unknown step
// as sent.
QString stepLabel(QStringView step);
// "Success", "Failed", "Refused", "Cancelled"; an unknown outcome as sent.
QString outcomeLabel(QStringView outcome);
// Whether the step stopped the customer (the row staff look for).
bool isFailedOutcome(QStringView outcome);
// "Ordinary" / "Savings"
QString accountTypeLabel(QStringView accountType);
// "Identity" / "PIN"
QString lockKindLabel(QStringView lockKind);
// The identity documents of protocol::StaffChange: "Driver's license", "My Number card", …
QString identityDocumentLabel(QStringView identityDocument);
// How a staff change confirmed the customer's identity (StaffChange's reason_kind and
// identity_document): "At the counter: Driver's license", "On the phone: caller check passed",
// "Other"; empty when not given.
QString identityProofLabel(QStringView reasonKind, QStringView identityDocument);
// "Active", "Expired", "Revoked", "Account moved", "App suspended"
QString linkageStateLabel(QStringView state);
// "001 Ordinary 1234567"
QString accountLabel(const QString &branchCode, QStringView accountType,
                     const QString &accountNumber);
// The staff API's account label ("001 ordinary 1234567") with its type in words, as
// accountLabel(); a label of another form as sent.
QString accountLabel(const QString &apiLabel);

// An attempt's time as staff read it: "14:02:11" in Tokyo.
QString formatTokyoSeconds(const QDateTime &instant);

} // namespace tc
