#pragma once

#include "Protocol.h"

#include <QDateTime>
#include <QString>
#include <QStringView>

namespace tc {

// The one place the audit log's words become text for staff (translated): the audit view, its
// filters and the CSV export agree.

// "Viewed a customer", "Cleared a lock early", …; an unknown action as sent.
QString auditActionLabel(QStringView action);
// "Teller", "Phone support", "Supervisor"; empty when unknown.
QString staffRoleLabel(QStringView role);
// "OK", or the catalog code that refused the action ("Refused: S04").
QString auditResultLabel(QStringView result);
// A row's time as the audit view shows it: "2026-11-24 15:30:05" in Tokyo.
QString formatTokyoSecondsWithDate(const QDateTime &instant);
// The chain state as one sentence: "Intact up to row 1042 (signed checkpoint at row 1000, …)" or
// "Broken at row 7: a row was edited".
QString auditChainText(const protocol::AuditChainState &state);

} // namespace tc
