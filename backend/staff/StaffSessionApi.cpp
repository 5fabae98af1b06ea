#include "StaffSessionApi.h"

#include "AuditLog.h"
#include "Clock.h"
#include "Database.h"
#include "ErrorCodes.h"
#include "JsonInput.h"
#include "StaffAccounts.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcStaffSession, "tc.backend.staff.session")

namespace tc::backend::staff {

using api::FieldType;
using api::JsonInput;
using http::HttpRequest;
using http::HttpResponse;

namespace {

// One audit row for a sign-in or sign-out, in a transaction of its own. A refused sign-in is
// recorded under the institution of the user name when there is such a user (staff never see
// who exists: the answer is the same either way; the audit log is for the supervisors).
void recordSessionEvent(const StaffApiContext &context, const HttpRequest &request,
                        const QString &action, const QString &username,
                        const std::optional<StaffPrincipal> &principal, const QString &result)
{
    const qint64 nowMs = context.clock->now().toMSecsSinceEpoch();
    const Status recorded = context.database->transaction<Success>([&](QSqlDatabase &tx) -> Status {
        audit::AuditRecord record {.atMs = nowMs,
                                   .username = username.left(64),
                                   .action = action,
                                   .sourceAddress = request.peer.toString(),
                                   .details = {{u"result"_s, result}}};
        if (principal) {
            record.institutionId = principal->institutionId;
            record.staffId = principal->staffId;
            record.role = roleName(principal->role);
            record.target = u"session:%1"_s.arg(principal->sessionId);
        } else {
            auto known = runQuery(tx,
                                  u"SELECT id, institution_id, role FROM staff_users "
                                  "WHERE username = ?"_s,
                                  {username.left(64)}, u"audit: staff user of a sign-in"_s);
            if (!known)
                return known.error();
            if (known->next()) {
                record.staffId = known->value(0).toLongLong();
                record.institutionId = known->value(1).toString();
                record.role = known->value(2).toString();
            }
        }
        return context.audit->append(tx, record);
    });
    if (!recorded)
        qCWarning(lcStaffSession) << "audit row of" << action << "not written";
}

} // namespace

void registerStaffSessionApi(http::Router &router, const StaffApiContext &context)
{
    router.add("POST", u"/api/v1/staff/session"_s, [context](const HttpRequest &request) {
        const auto input =
            JsonInput::read(request,
                            {{u"username"_s, FieldType::String, 64},
                             {u"password"_s, FieldType::String, StaffAccounts::MaxPasswordLength},
                             {u"totp"_s, FieldType::String, 16}});
        if (!input)
            return staffErrorResponse(input.error());
        const QString username = input->string(u"username"_s);
        const QString password = input->string(u"password"_s);
        if (username.isEmpty() || password.isEmpty())
            return staffErrorResponse(
                Error {QString(codes::MalformedRequest), u"username and password are required"_s});
        const auto signedIn = context.accounts->signIn(username, password, input->string(u"totp"_s),
                                                       request.peer.toString());
        recordSessionEvent(context, request, u"session.sign_in"_s, username,
                           signedIn ? std::optional(signedIn->principal) : std::nullopt,
                           signedIn ? u"ok"_s : signedIn.error().key);
        if (!signedIn)
            return staffErrorResponse(signedIn.error());
        return HttpResponse::json(200, sessionAnswer(signedIn.value()).toJson());
    });

    router.add("POST", u"/api/v1/staff/session/refresh"_s, [context](const HttpRequest &request) {
        const auto input = JsonInput::read(request, {{u"refresh_token"_s}});
        if (!input)
            return staffErrorResponse(input.error());
        const QString token = input->string(u"refresh_token"_s);
        if (token.isEmpty())
            return staffErrorResponse(
                Error {QString(codes::MalformedRequest), u"refresh_token is required"_s});
        const auto refreshed = context.accounts->refresh(token, request.peer.toString());
        if (!refreshed)
            return staffErrorResponse(refreshed.error());
        return HttpResponse::json(200, sessionAnswer(refreshed.value()).toJson());
    });

    router.add("DELETE", u"/api/v1/staff/session"_s, [context](const HttpRequest &request) {
        const auto caller = context.accounts->authenticate(request.header("authorization"),
                                                           request.peer.toString());
        if (!caller)
            return staffErrorResponse(caller.error());
        if (Status ended = context.accounts->signOut(caller.value()); !ended)
            return staffErrorResponse(ended.error());
        recordSessionEvent(context, request, u"session.sign_out"_s, caller->username,
                           caller.value(), u"ok"_s);
        HttpResponse response;
        response.status = 204;
        return response;
    });
}

} // namespace tc::backend::staff
