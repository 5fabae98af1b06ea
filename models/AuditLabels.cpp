#include "AuditLabels.h"

#include "TokyoTime.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace tc {

namespace {

// A text marked with QT_TRANSLATE_NOOP in this file's context.
QString translated(const char *text)
{
    return QCoreApplication::translate("tc::AuditLabels", text);
}

} // namespace

QString auditActionLabel(QStringView action)
{
    static const QList<std::pair<QLatin1StringView, const char *>> labels {
        {"session.sign_in"_L1, QT_TRANSLATE_NOOP("tc::AuditLabels", "Signed in")},
        {"session.sign_out"_L1, QT_TRANSLATE_NOOP("tc::AuditLabels", "Signed out")},
        {"customer.search"_L1, QT_TRANSLATE_NOOP("tc::AuditLabels", "Searched customers")},
        {"customer.view"_L1, QT_TRANSLATE_NOOP("tc::AuditLabels", "Viewed a customer")},
        {"customer.attempts"_L1,
         QT_TRANSLATE_NOOP("tc::AuditLabels", "Viewed a customer's attempts")},
        {"customer.linkages"_L1,
         QT_TRANSLATE_NOOP("tc::AuditLabels", "Viewed a customer's linkages")},
        {"customer.caller_check"_L1,
         QT_TRANSLATE_NOOP("tc::AuditLabels", "Checked a caller's identity")},
        {"attempts.list"_L1, QT_TRANSLATE_NOOP("tc::AuditLabels", "Viewed branch activity")},
        {"lock.release"_L1, QT_TRANSLATE_NOOP("tc::AuditLabels", "Cleared a lock early")},
        {"lock.release_requests"_L1,
         QT_TRANSLATE_NOOP("tc::AuditLabels", "Viewed the approval queue")},
        {"lock.release_approve"_L1,
         QT_TRANSLATE_NOOP("tc::AuditLabels", "Approved an early release")},
        {"lock.release_reject"_L1,
         QT_TRANSLATE_NOOP("tc::AuditLabels", "Rejected an early release")},
        {"linkage.revoke"_L1, QT_TRANSLATE_NOOP("tc::AuditLabels", "Revoked a linkage")},
        {"app.suspend"_L1, QT_TRANSLATE_NOOP("tc::AuditLabels", "Suspended an app")},
        {"app.resume"_L1, QT_TRANSLATE_NOOP("tc::AuditLabels", "Resumed an app")},
        {"report.daily"_L1, QT_TRANSLATE_NOOP("tc::AuditLabels", "Read the daily report")},
        {"audit.read"_L1, QT_TRANSLATE_NOOP("tc::AuditLabels", "Read the audit log")},
        {"customer.caller_check"_L1,
         QT_TRANSLATE_NOOP("tc::AuditLabels", "Checked a caller's identity")},
    };
    for (const auto &[name, label] : labels) {
        if (action == name)
            return translated(label);
    }
    return action.toString();
}

QString staffRoleLabel(QStringView role)
{
    if (role == "teller"_L1)
        return QCoreApplication::translate("tc::AuditLabels", "Teller");
    if (role == "support"_L1)
        return QCoreApplication::translate("tc::AuditLabels", "Phone support");
    if (role == "supervisor"_L1)
        return QCoreApplication::translate("tc::AuditLabels", "Supervisor");
    return role.toString();
}

QString auditResultLabel(QStringView result)
{
    if (result == "ok"_L1)
        return QCoreApplication::translate("tc::AuditLabels", "OK");
    if (result.isEmpty())
        return {};
    return QCoreApplication::translate("tc::AuditLabels", "Refused: %1").arg(result);
}

QString formatTokyoSecondsWithDate(const QDateTime &instant)
{
    if (!instant.isValid())
        return {};
    return instant.toTimeZone(tokyoTimeZone()).toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

QString auditChainText(const protocol::AuditChainState &state)
{
    const QString checked = QCoreApplication::translate("tc::AuditLabels", "checked %1 JST")
                                .arg(formatTokyoSecondsWithDate(state.checkedAt));
    if (state.intact) {
        if (state.intactThroughSeq == 0)
            return QCoreApplication::translate("tc::AuditLabels", "Intact: no rows yet (%1)")
                .arg(checked);
        if (state.checkpointSeq == 0)
            return QCoreApplication::translate("tc::AuditLabels",
                                               "Intact up to row %1, no signed checkpoint yet (%2)")
                .arg(state.intactThroughSeq)
                .arg(checked);
        return QCoreApplication::translate(
                   "tc::AuditLabels",
                   "Intact up to row %1; signed checkpoint at row %2 (%3 JST); %4")
            .arg(state.intactThroughSeq)
            .arg(state.checkpointSeq)
            .arg(formatTokyoSecondsWithDate(state.checkpointAt), checked);
    }
    static const QList<std::pair<QLatin1StringView, const char *>> kinds {
        {"row-edited"_L1, QT_TRANSLATE_NOOP("tc::AuditLabels", "a row was changed")},
        {"row-deleted"_L1, QT_TRANSLATE_NOOP("tc::AuditLabels", "a row was deleted")},
        {"rows-reordered"_L1, QT_TRANSLATE_NOOP("tc::AuditLabels", "rows were reordered")},
        {"row-inserted"_L1, QT_TRANSLATE_NOOP("tc::AuditLabels", "a row was inserted")},
        {"link-broken"_L1, QT_TRANSLATE_NOOP("tc::AuditLabels", "a link was changed")},
        {"tail-cut"_L1, QT_TRANSLATE_NOOP("tc::AuditLabels", "the newest rows were cut off")},
        {"checkpoint-mismatch"_L1,
         QT_TRANSLATE_NOOP("tc::AuditLabels", "rows differ from a signed checkpoint")},
        {"checkpoint-signature-invalid"_L1,
         QT_TRANSLATE_NOOP("tc::AuditLabels", "a checkpoint's signature is not valid")},
        {"purged-prefix-uncovered"_L1,
         QT_TRANSLATE_NOOP("tc::AuditLabels", "old rows are gone without a signed purge")},
    };
    QString why = state.breakKind;
    for (const auto &[name, text] : kinds) {
        if (state.breakKind == name)
            why = translated(text);
    }
    const QString intactPart = state.intactThroughSeq > 0
        ? QCoreApplication::translate("tc::AuditLabels", "intact up to row %1")
              .arg(state.intactThroughSeq)
        : QCoreApplication::translate("tc::AuditLabels", "no row verified");
    if (state.brokenAtSeq > 0)
        return QCoreApplication::translate("tc::AuditLabels", "Broken at row %1: %2; %3 (%4)")
            .arg(state.brokenAtSeq)
            .arg(why, intactPart, checked);
    return QCoreApplication::translate("tc::AuditLabels", "Broken: %1; %2 (%3)")
        .arg(why, intactPart, checked);
}

} // namespace tc
