#include "ErrorCatalog.h"
#include "Protocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

#include <functional>

using namespace Qt::StringLiterals;
using namespace tc;
using namespace tc::protocol;

namespace {

QDateTime utc(int y, int mo, int d, int h, int mi = 0, int s = 0, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
}

QString compact(const QJsonObject &json)
{
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

QJsonObject parsed(const QString &text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("example is not JSON: %s", qPrintable(error.errorString()));
    return document.object();
}

// Sets the value at a path such as "accounts[0].locks[1].kind"; an undefined value removes the
// field.
QJsonValue changedAt(const QJsonValue &node, const QString &path, const QJsonValue &value)
{
    if (path.isEmpty())
        return value;
    if (path.startsWith(u'[')) {
        const qsizetype close = path.indexOf(u']');
        const int index = path.mid(1, close - 1).toInt();
        QString rest = path.mid(close + 1);
        if (rest.startsWith(u'.'))
            rest.remove(0, 1);
        QJsonArray array = node.toArray();
        array[index] = changedAt(array.at(index), rest, value);
        return array;
    }
    qsizetype end = 0;
    while (end < path.size() && path[end] != u'.' && path[end] != u'[')
        ++end;
    const QString key = path.left(end);
    QString rest = path.mid(end);
    if (rest.startsWith(u'.'))
        rest.remove(0, 1);
    QJsonObject object = node.toObject();
    if (rest.isEmpty() && value.isUndefined())
        object.remove(key);
    else
        object.insert(key, changedAt(object.value(key), rest, value));
    return object;
}

QJsonObject changed(const QJsonObject &json, const QString &path, const QJsonValue &value)
{
    return changedAt(json, path, value).toObject();
}

// --- samples: every field set, and the sparse forms the backend also sends ---

AccountLock lockedIdentity()
{
    return {.kind = u"identity"_s,
            .failuresToday = 5,
            .threshold = 5,
            .locked = true,
            .lockedAt = utc(2026, 11, 24, 5, 12, 9, 120),
            .releaseAt = utc(2026, 11, 24, 15),
            .releasedEarlyAt = {}};
}

AccountLock releasedPin()
{
    return {.kind = u"pin"_s,
            .failuresToday = 0,
            .threshold = 3,
            .locked = false,
            .lockedAt = {},
            .releaseAt = {},
            .releasedEarlyAt = utc(2026, 11, 24, 6, 1, 2, 3)};
}

PendingRelease pendingRelease()
{
    return {.id = 7,
            .kind = u"identity"_s,
            .reason = u"窓口で運転免許証により本人確認"_s,
            .requestedAt = utc(2026, 11, 24, 6),
            .requestedBy = u"himawari.teller001"_s};
}

Account plainAccount()
{
    return {.id = 1,
            .branchCode = u"001"_s,
            .branchName = u"本店営業部"_s,
            .accountType = u"ordinary"_s,
            .accountNumber = u"1234567"_s,
            .cashCardIssued = true,
            .status = u"active"_s};
}

Account movedAccount()
{
    Account account = plainAccount();
    account.id = 2;
    account.status = u"moved"_s;
    account.movedToAccountId = 9;
    account.cashCardIssued = false;
    return account;
}

Account accountWithLocks()
{
    Account account = plainAccount();
    account.hasLockState = true;
    account.locks = {lockedIdentity(), releasedPin()};
    account.pendingReleaseRequests = {pendingRelease()};
    return account;
}

Customer customer(QList<Account> accounts = {plainAccount(), movedAccount()})
{
    return {.id = 1,
            .nameKana = u"ﾃﾞｰﾀ ﾀﾛｳ"_s,
            .birthDate = u"1980-04-01"_s,
            .phone = u"0786310000"_s,
            .masked = false,
            .accounts = std::move(accounts)};
}

LockHistoryEntry lockedEntry()
{
    return {.accountId = 1,
            .kind = u"identity"_s,
            .event = u"locked"_s,
            .at = utc(2026, 11, 24, 5, 12, 9, 120)};
}

LockHistoryEntry staffReleaseEntry()
{
    return {.accountId = 1,
            .kind = u"identity"_s,
            .event = u"released_by_staff"_s,
            .at = utc(2026, 11, 24, 6, 30),
            .staff = u"himawari.teller001"_s,
            .reason = u"本人確認済み"_s};
}

CustomerDetail customerDetail()
{
    return {.customer = customer({accountWithLocks()}),
            .earlyReleaseNeedsApproval = true,
            .lockHistory = {staffReleaseEntry(), lockedEntry()},
            .activeLinkages = 1,
            .totalLinkages = 2};
}

Attempt failedAttempt()
{
    return {.id = 812,
            .at = utc(2026, 11, 24, 5, 12, 9, 120),
            .accountId = 1,
            .account = u"001 ordinary 1234567"_s,
            .customerId = 1,
            .branchCode = u"001"_s,
            .step = u"customer"_s,
            .outcome = u"failure"_s,
            .code = u"B83"_s,
            .message = u"お取扱いができなくなりました。"_s,
            .flowId = u"3sZq"_s,
            .sourceAddress = u"203.0.113.7"_s,
            .nameKana = u"ﾃﾞｰﾀﾀﾛｳ"_s,
            .clientApp = u"しんくみアプリ with CRECO"_s};
}

Attempt successWithoutExtras()
{
    return {.id = 813,
            .at = utc(2026, 11, 24, 5, 13),
            .step = u"account"_s,
            .outcome = u"success"_s,
            .sourceAddress = u"203.0.113.7"_s};
}

Linkage activeLinkage()
{
    return {.id = 3,
            .accountId = 1,
            .account = u"001 ordinary 1234567"_s,
            .clientId = u"shinkumi-creco"_s,
            .clientApp = u"しんくみアプリ with CRECO"_s,
            .provider = u"CRECO"_s,
            .scope = u"accounts"_s,
            .grantedAt = utc(2026, 11, 1, 1),
            .expiresAt = utc(2026, 12, 1, 1),
            .lastUsedAt = utc(2026, 11, 23, 22),
            .state = u"active"_s};
}

Linkage revokedLinkage()
{
    Linkage linkage = activeLinkage();
    linkage.id = 4;
    linkage.lastUsedAt = {};
    linkage.revokedAt = utc(2026, 11, 24, 7);
    linkage.revokedBy = u"staff:himawari.teller001"_s;
    linkage.revokeReason = u"お客様の依頼"_s;
    linkage.state = u"revoked"_s;
    return linkage;
}

StaffEvent attemptEvent()
{
    return {.id = 4813,
            .kind = u"attempt"_s,
            .at = utc(2026, 11, 24, 5, 12, 9, 120),
            .accountId = 1,
            .branchCode = u"001"_s,
            .accountType = u"ordinary"_s,
            .accountNumber = u"1234567"_s,
            .customerId = 1,
            .customerName = u"データタロウ"_s,
            .customerPhone = u"0786310000"_s,
            .clientName = u"しんくみアプリ with CRECO"_s,
            .step = u"customer"_s,
            .outcome = u"failure"_s,
            .code = u"B83"_s};
}

StaffEvent lockEvent()
{
    return {.id = 4812,
            .kind = u"lock"_s,
            .at = utc(2026, 11, 24, 5, 12, 9, 120),
            .accountId = 1,
            .branchCode = u"001"_s,
            .customerId = 1,
            .lockKind = u"identity"_s,
            .day = u"2026-11-24"_s,
            .lockedAt = utc(2026, 11, 24, 5, 12, 9, 120),
            .releasesAt = utc(2026, 11, 24, 15)};
}

StaffEvent midnightReleaseEvent()
{
    return {.id = 4870,
            .kind = u"release"_s,
            .at = utc(2026, 11, 24, 15),
            .accountId = 1,
            .lockKind = u"identity"_s,
            .day = u"2026-11-24"_s,
            .lockedAt = utc(2026, 11, 24, 5, 12, 9, 120),
            .how = u"released_at_midnight"_s,
            .releasedAt = utc(2026, 11, 24, 15)};
}

StaffEvent revocationEvent()
{
    return {.id = 4871,
            .kind = u"revocation"_s,
            .at = utc(2026, 11, 24, 7),
            .accountId = 1,
            .staff = u"himawari.teller001"_s,
            .linkageId = 3,
            .clientApp = u"しんくみアプリ with CRECO"_s};
}

StaffEvent resumeEvent()
{
    return {.id = 4872,
            .kind = u"suspension"_s,
            .at = utc(2026, 11, 24, 8),
            .staff = u"himawari.supervisor"_s,
            .clientApp = u"しんくみアプリ with CRECO"_s,
            .clientId = u"shinkumi-creco"_s,
            .suspended = false};
}

ReleaseRequest pendingRequest()
{
    return {.id = 7,
            .accountId = 1,
            .account = u"001 ordinary 1234567"_s,
            .branchCode = u"001"_s,
            .accountType = u"ordinary"_s,
            .accountNumber = u"1234567"_s,
            .customerId = 1,
            .customerName = u"ﾃﾞｰﾀ ﾀﾛｳ"_s,
            .kind = u"identity"_s,
            .failuresToday = 5,
            .lockedAt = utc(2026, 11, 24, 5, 12, 9, 120),
            .releaseAt = utc(2026, 11, 24, 15),
            .reason = u"窓口で運転免許証により本人確認"_s,
            .reasonKind = u"counter_document"_s,
            .identityDocument = u"drivers_license"_s,
            .requestedAt = utc(2026, 11, 24, 6),
            .requestedBy = u"himawari.teller001"_s,
            .requestedByName = u"窓口係(デモ) 本店営業部"_s,
            .status = u"pending"_s};
}

ReleaseRequest rejectedRequest()
{
    ReleaseRequest request = pendingRequest();
    request.kind = u"pin"_s;
    request.failuresToday = 0;
    request.lockedAt = {};
    request.releaseAt = {};
    request.reasonKind.clear();
    request.identityDocument.clear();
    request.status = u"rejected"_s;
    request.decidedBy = u"himawari.supervisor"_s;
    request.decidedAt = utc(2026, 11, 24, 6, 5);
    request.decisionNote = u"本人確認書類の記載なし"_s;
    return request;
}

StaffEvent releaseRequestEvent()
{
    return {.id = 4873,
            .kind = u"release_request"_s,
            .at = utc(2026, 11, 24, 6, 5),
            .accountId = 1,
            .customerId = 1,
            .lockKind = u"identity"_s,
            .day = u"2026-11-24"_s,
            .staff = u"himawari.supervisor"_s,
            .reason = u"窓口で運転免許証により本人確認"_s,
            .requestId = 7,
            .status = u"approved"_s,
            .requestedBy = u"himawari.teller001"_s,
            .note = u"確認しました"_s};
}

CatalogAnswer catalogAnswer(std::optional<double> score)
{
    const CatalogEntry *entry = ErrorCatalog::builtIn().find(u"B84");
    Q_ASSERT(entry);
    return {.entry = *entry, .score = score};
}

ServiceWindow sundayWindow()
{
    return {.start = utc(2026, 11, 22, 14, 50),
            .end = utc(2026, 11, 22, 22),
            .reasons = {ClosureReason::DailyMidnight, ClosureReason::SecondFourthSunday},
            .notes = {}};
}

ServiceStatus closedStatus()
{
    return {.now = utc(2026, 11, 22, 15),
            .open = false,
            .closed = sundayWindow(),
            .nextClosure = ServiceWindow {
                .start = utc(2026, 11, 23, 19),
                .end = utc(2026, 11, 23, 19, 5),
                .reasons = {ClosureReason::DailyEarlyMorning, ClosureReason::Announced},
                .notes = {u"基幹系更改"_s}}};
}

EarlyReleaseRow earlyRelease()
{
    return {.at = utc(2026, 11, 24, 6, 30),
            .kind = u"identity"_s,
            .account = u"001 ordinary 1234567"_s,
            .staff = u"teller001"_s,
            .staffName = u"窓口係"_s,
            .reason = u"本人確認済み"_s};
}

RevocationRow revocation()
{
    return {.at = utc(2026, 11, 24, 7),
            .by = u"staff:teller001"_s,
            .reason = u"お客様の依頼"_s,
            .clientApp = u"しんくみアプリ with CRECO"_s,
            .account = u"001 ordinary 1234567"_s};
}

BranchReport branchReport()
{
    return {.branchCode = u"001"_s,
            .branchName = u"本店営業部"_s,
            .attempts = 182,
            .completions = 31,
            .failuresByCode = {{u"B21"_s, 12}, {u"B83"_s, 2}, {u"D01"_s, 4}},
            .identityLocks = 2,
            .pinLocks = 1,
            .midnightReleases = 1,
            .earlyReleases = {earlyRelease()},
            .revocations = {revocation()}};
}

BranchReport quietBranch()
{
    return {.branchCode = u"002"_s, .branchName = u"長田支店"_s};
}

StaffApp liveApp()
{
    return {.clientId = u"shinkumi-creco"_s,
            .name = u"しんくみアプリ with CRECO"_s,
            .provider = u"株式会社クレコ"_s,
            .liveLinkages = 1824};
}

StaffApp suspendedApp()
{
    return {.clientId = u"kakeibo-plus"_s,
            .name = u"家計簿プラス"_s,
            .suspended = true,
            .suspendedAt = utc(2026, 11, 24, 6, 30),
            .suspendedBy = u"himawari.supervisor"_s,
            .suspendReason = u"不正アクセスの疑い(提供会社から連絡)"_s};
}

StaffChange counterRelease()
{
    return {.reason = u"窓口で本人確認のうえ解除"_s,
            .reasonKind = u"counter_document"_s,
            .identityDocument = u"drivers_license"_s};
}

CallerCheckRequest callerSaid()
{
    return {.nameKana = u"でーた たろう"_s,
            .birthDate = u"1980-04-01"_s,
            .phone = u"078-631-0000"_s,
            .branchCode = u"001"_s,
            .accountNumber = u"1234567"_s};
}

CallerCheckResult passedCheck()
{
    return {.checkId = u"cc_Vq3x9LmP2aT7"_s,
            .customerId = 1,
            .passed = true,
            .checkedAt = utc(2026, 11, 24, 5),
            .expiresAt = utc(2026, 11, 24, 5, 10),
            .nameKana = u"match"_s,
            .birthDate = u"match"_s,
            .phone = u"match"_s,
            .account = u"not_given"_s};
}

LockReleaseAnswer releasedNow()
{
    return {.status = u"released"_s, .releasedAt = utc(2026, 11, 24, 6, 1, 2, 3)};
}

LockReleaseAnswer pendingApproval()
{
    return {.status = u"pending_approval"_s,
            .requestId = 7,
            .code = u"S07"_s,
            .message = u"承認待ちです。"_s};
}

LinkageRevocation revokedNow()
{
    return {.status = u"revoked"_s, .revokedAt = utc(2026, 11, 24, 7)};
}

AuditRow releaseRow()
{
    return {.seq = 1042,
            .at = utc(2026, 11, 24, 6, 30),
            .staffId = 4,
            .username = u"himawari.teller001"_s,
            .role = u"teller"_s,
            .action = u"lock.release"_s,
            .target = u"account:5/lock:identity"_s,
            .reason = u"窓口で本人確認のうえ解除"_s,
            .sourceAddress = u"10.0.0.8"_s,
            .details = QJsonObject {{u"result"_s, u"ok"_s}, {u"reason_kind"_s, u"other"_s}},
            .hash = u"9f2c"_s.repeated(16)};
}

AuditRow refusedSignIn()
{
    return {.seq = 7,
            .at = utc(2026, 11, 24, 5),
            .username = u"himawari.teller002"_s,
            .action = u"session.sign_in"_s,
            .details = QJsonObject {{u"result"_s, u"S01"_s}},
            .hash = u"00"_s.repeated(32)};
}

AuditChainState brokenChain()
{
    return {.intact = false,
            .rowsChecked = 6,
            .intactThroughSeq = 6,
            .checkpointSeq = 5,
            .checkpointAt = utc(2026, 11, 24, 5, 1),
            .brokenAtSeq = 7,
            .breakKind = u"row-edited"_s,
            .checkedAt = utc(2026, 11, 24, 7)};
}

StaffSession tellerSession()
{
    return {.accessToken = u"0cfmW2hN"_s,
            .tokenType = u"Bearer"_s,
            .expiresIn = 300,
            .refreshToken = u"Xq3v8Lr1"_s,
            .sessionExpiresAt = utc(2026, 11, 24, 15),
            .username = u"himawari.teller001"_s,
            .displayName = u"窓口係(デモ) 本店営業部"_s,
            .role = u"teller"_s,
            .institution = u"hyogo-himawari"_s,
            .institutionName = u"兵庫ひまわり信用組合"_s,
            .branchCode = u"001"_s,
            .branchName = u"本店営業部"_s,
            .idleTimeoutSeconds = 900,
            .supportDesk = u"サポートデスク 0120-000-000 (9:00–17:00)"_s};
}

StaffSession supervisorWithoutBranch()
{
    StaffSession session = tellerSession();
    session.username = u"himawari.supervisor"_s;
    session.role = u"supervisor"_s;
    session.branchCode.clear();
    session.branchName.clear();
    session.idleTimeoutSeconds = 0;
    session.supportDesk.clear();
    return session;
}

// --- one decoder per type name, so that tables can name the type they test ---

using Decoder = std::function<std::optional<Error>(const QJsonObject &)>;

template<typename T>
Decoder decoderOf()
{
    return [](const QJsonObject &json) -> std::optional<Error> {
        const Result<T> decoded = T::fromJson(json);
        if (decoded)
            return std::nullopt;
        return decoded.error();
    };
}

const QMap<QString, Decoder> &decoders()
{
    static const QMap<QString, Decoder> all {
        {u"ErrorBody"_s, decoderOf<ErrorBody>()},
        {u"StaffChange"_s, decoderOf<StaffChange>()},
        {u"CallerCheckRequest"_s, decoderOf<CallerCheckRequest>()},
        {u"CallerCheckResult"_s, decoderOf<CallerCheckResult>()},
        {u"LockReleaseAnswer"_s, decoderOf<LockReleaseAnswer>()},
        {u"LinkageRevocation"_s, decoderOf<LinkageRevocation>()},
        {u"StaffSession"_s, decoderOf<StaffSession>()},
        {u"AccountLock"_s, decoderOf<AccountLock>()},
        {u"PendingRelease"_s, decoderOf<PendingRelease>()},
        {u"Account"_s, decoderOf<Account>()},
        {u"Customer"_s, decoderOf<Customer>()},
        {u"CustomerSearchResult"_s, decoderOf<CustomerSearchResult>()},
        {u"LockHistoryEntry"_s, decoderOf<LockHistoryEntry>()},
        {u"CustomerDetail"_s, decoderOf<CustomerDetail>()},
        {u"Attempt"_s, decoderOf<Attempt>()},
        {u"AttemptsPage"_s, decoderOf<AttemptsPage>()},
        {u"Linkage"_s, decoderOf<Linkage>()},
        {u"LinkageList"_s, decoderOf<LinkageList>()},
        {u"StaffApp"_s, decoderOf<StaffApp>()},
        {u"StaffAppList"_s, decoderOf<StaffAppList>()},
        {u"AppSuspension"_s, decoderOf<AppSuspension>()},
        {u"StaffEvent"_s, decoderOf<StaffEvent>()},
        {u"CatalogAnswer"_s, decoderOf<CatalogAnswer>()},
        {u"CatalogMatches"_s, decoderOf<CatalogMatches>()},
        {u"ServiceStatus"_s, decoderOf<ServiceStatus>()},
        {u"EarlyReleaseRow"_s, decoderOf<EarlyReleaseRow>()},
        {u"RevocationRow"_s, decoderOf<RevocationRow>()},
        {u"BranchReport"_s, decoderOf<BranchReport>()},
        {u"DailyReport"_s, decoderOf<DailyReport>()},
        {u"ReleaseRequest"_s, decoderOf<ReleaseRequest>()},
        {u"ReleaseRequestList"_s, decoderOf<ReleaseRequestList>()},
        {u"AuditRow"_s, decoderOf<AuditRow>()},
        {u"AuditPage"_s, decoderOf<AuditPage>()},
        {u"AuditChainState"_s, decoderOf<AuditChainState>()},
    };
    return all;
}

// The wire form of a full sample of each type: the base the decode-error tables change.
QJsonObject sampleJson(const QString &type)
{
    static const QMap<QString, QJsonObject> samples {
        {u"ErrorBody"_s,
         ErrorBody {u"G01"_s, u"入力内容に誤りがあります。"_s, u"limit"_s}.toJson()},
        {u"StaffChange"_s, counterRelease().toJson()},
        {u"CallerCheckRequest"_s, callerSaid().toJson()},
        {u"CallerCheckResult"_s, passedCheck().toJson()},
        {u"LockReleaseAnswer"_s, pendingApproval().toJson()},
        {u"LinkageRevocation"_s, revokedNow().toJson()},
        {u"StaffSession"_s, tellerSession().toJson()},
        {u"AccountLock"_s, lockedIdentity().toJson()},
        {u"PendingRelease"_s, pendingRelease().toJson()},
        {u"Account"_s, accountWithLocks().toJson()},
        {u"Customer"_s, customer().toJson()},
        {u"CustomerSearchResult"_s, CustomerSearchResult {{customer()}, false}.toJson()},
        {u"LockHistoryEntry"_s, lockedEntry().toJson()},
        {u"CustomerDetail"_s, customerDetail().toJson()},
        {u"Attempt"_s, failedAttempt().toJson()},
        {u"AttemptsPage"_s,
         AttemptsPage {{failedAttempt(), successWithoutExtras()}, u"MTc2"_s}.toJson()},
        {u"Linkage"_s, activeLinkage().toJson()},
        {u"LinkageList"_s, LinkageList {{activeLinkage(), revokedLinkage()}}.toJson()},
        {u"StaffApp"_s, suspendedApp().toJson()},
        {u"StaffAppList"_s, StaffAppList {{liveApp(), suspendedApp()}}.toJson()},
        {u"AppSuspension"_s,
         AppSuspension {u"kakeibo-plus"_s, true, utc(2026, 11, 24, 6, 30)}.toJson()},
        {u"StaffEvent"_s, attemptEvent().toJson()},
        {u"CatalogAnswer"_s, catalogAnswer(0.93).toJson()},
        {u"CatalogMatches"_s, CatalogMatches {{catalogAnswer(0.93)}}.toJson()},
        {u"ServiceStatus"_s, closedStatus().toJson()},
        {u"EarlyReleaseRow"_s, earlyRelease().toJson()},
        {u"RevocationRow"_s, revocation().toJson()},
        {u"BranchReport"_s, branchReport().toJson()},
        {u"DailyReport"_s,
         DailyReport {QDate(2026, 11, 24), u"hyogo-himawari"_s, {branchReport(), quietBranch()}}
             .toJson()},
        {u"ReleaseRequest"_s, pendingRequest().toJson()},
        {u"ReleaseRequestList"_s,
         ReleaseRequestList {{pendingRequest(), rejectedRequest()}}.toJson()},
        {u"AuditRow"_s, releaseRow().toJson()},
        {u"AuditPage"_s, AuditPage {{releaseRow(), refusedSignIn()}, u"MTc2"_s}.toJson()},
        {u"AuditChainState"_s, brokenChain().toJson()},
    };
    Q_ASSERT(samples.contains(type));
    return samples.value(type);
}

// A round trip check: empty when toJson → fromJson gives the value back, else what differs.
using RoundTrip = std::function<QString()>;

template<typename T>
RoundTrip roundTripOf(T value)
{
    return [value]() -> QString {
        const QJsonObject json = value.toJson();
        const Result<T> decoded = T::fromJson(json);
        if (!decoded)
            return u"decode failed: "_s + decoded.error().message;
        if constexpr (std::equality_comparable<T>) {
            if (!(decoded.value() == value))
                return u"decoded value differs from "_s + compact(json);
        }
        // Types holding a catalog entry compare on the wire (counts and aliases are not sent).
        if (decoded->toJson() != json)
            return u"re-encoded "_s + compact(decoded->toJson()) + u" != "_s + compact(json);
        return {};
    };
}

} // namespace

Q_DECLARE_METATYPE(RoundTrip)

class Tst_protocol : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void wireFormat();
    void docsExamples();
    void missingRequiredField_data();
    void missingRequiredField();
    void wrongType_data();
    void wrongType();
    void unknownFieldsIgnored_data();
    void unknownFieldsIgnored();
    void nullOptionalFields();
    void closureReasonNames();
};

void Tst_protocol::roundTrip_data()
{
    QTest::addColumn<RoundTrip>("check");
    const auto row = [](const char *name, RoundTrip check) {
        QTest::newRow(name) << std::move(check);
    };
    row("ErrorBody", roundTripOf(ErrorBody {u"B84"_s, u"ただ今お取扱いできません。"_s, {}}));
    row("ErrorBody with detail",
        roundTripOf(ErrorBody {u"G01"_s, u"入力内容に誤りがあります。"_s, u"limit"_s}));
    row("StaffChange at the counter", roundTripOf(counterRelease()));
    row("StaffChange reason only", roundTripOf(StaffChange {.reason = u"不正利用の疑い"_s}));
    row("StaffChange on the phone",
        roundTripOf(StaffChange {.reason = u"電話で本人確認"_s,
                                 .reasonKind = u"phone_caller_check"_s,
                                 .callerCheckId = u"cc_5f1e"_s}));
    row("CallerCheckRequest", roundTripOf(callerSaid()));
    row("CallerCheckRequest without account",
        roundTripOf(CallerCheckRequest {.nameKana = u"ﾃﾞｰﾀ ﾀﾛｳ"_s, .phone = u"0786310000"_s}));
    row("CallerCheckRequest empty", roundTripOf(CallerCheckRequest {}));
    row("CallerCheckResult passed", roundTripOf(passedCheck()));
    CallerCheckResult failed = passedCheck();
    failed.passed = false;
    failed.birthDate = u"no_match"_s;
    failed.account = u"no_match"_s;
    row("CallerCheckResult failed", roundTripOf(failed));
    row("LockReleaseAnswer released", roundTripOf(releasedNow()));
    row("LockReleaseAnswer pending", roundTripOf(pendingApproval()));
    row("LinkageRevocation", roundTripOf(revokedNow()));
    row("StaffSession teller", roundTripOf(tellerSession()));
    row("StaffSession without branch", roundTripOf(supervisorWithoutBranch()));
    row("AccountLock locked", roundTripOf(lockedIdentity()));
    row("AccountLock released early", roundTripOf(releasedPin()));
    row("PendingRelease", roundTripOf(pendingRelease()));
    row("Account", roundTripOf(plainAccount()));
    row("Account moved", roundTripOf(movedAccount()));
    row("Account with lock state", roundTripOf(accountWithLocks()));
    Account noLocksYet = plainAccount();
    noLocksYet.hasLockState = true;
    row("Account with empty lock state", roundTripOf(noLocksYet));
    row("Customer", roundTripOf(customer()));
    Customer masked = customer();
    masked.birthDate = u"1980-**-**"_s;
    masked.phone = u"******0000"_s;
    masked.masked = true;
    row("Customer masked", roundTripOf(masked));
    row("CustomerSearchResult", roundTripOf(CustomerSearchResult {{customer(), masked}, true}));
    row("CustomerSearchResult empty", roundTripOf(CustomerSearchResult {}));
    row("LockHistoryEntry locked", roundTripOf(lockedEntry()));
    row("LockHistoryEntry released by staff", roundTripOf(staffReleaseEntry()));
    row("CustomerDetail", roundTripOf(customerDetail()));
    row("Attempt failure", roundTripOf(failedAttempt()));
    row("Attempt success, no account", roundTripOf(successWithoutExtras()));
    row("AttemptsPage",
        roundTripOf(AttemptsPage {{failedAttempt(), successWithoutExtras()}, u"MTc2NDA1"_s}));
    row("AttemptsPage last", roundTripOf(AttemptsPage {{failedAttempt()}, {}}));
    row("Linkage active", roundTripOf(activeLinkage()));
    row("Linkage revoked", roundTripOf(revokedLinkage()));
    row("LinkageList", roundTripOf(LinkageList {{activeLinkage(), revokedLinkage()}}));
    row("StaffApp live", roundTripOf(liveApp()));
    row("StaffApp suspended", roundTripOf(suspendedApp()));
    row("StaffAppList", roundTripOf(StaffAppList {{liveApp(), suspendedApp()}}));
    row("StaffAppList empty", roundTripOf(StaffAppList {}));
    row("AppSuspension suspended",
        roundTripOf(AppSuspension {u"kakeibo-plus"_s, true, utc(2026, 11, 24, 6, 30)}));
    row("AppSuspension resumed",
        roundTripOf(AppSuspension {u"kakeibo-plus"_s, false, utc(2026, 11, 24, 7)}));
    row("StaffEvent attempt", roundTripOf(attemptEvent()));
    row("StaffEvent lock", roundTripOf(lockEvent()));
    row("StaffEvent release at midnight", roundTripOf(midnightReleaseEvent()));
    row("StaffEvent revocation", roundTripOf(revocationEvent()));
    row("StaffEvent resume", roundTripOf(resumeEvent()));
    StaffEvent suspension = resumeEvent();
    suspension.suspended = true;
    suspension.reason = u"不正利用の疑い"_s;
    row("StaffEvent suspension", roundTripOf(suspension));
    row("StaffEvent release request approved", roundTripOf(releaseRequestEvent()));
    StaffEvent lapse = releaseRequestEvent();
    lapse.status = u"lapsed"_s;
    lapse.staff.clear();
    lapse.note.clear();
    row("StaffEvent release request lapsed", roundTripOf(lapse));
    row("ReleaseRequest pending", roundTripOf(pendingRequest()));
    row("ReleaseRequest rejected", roundTripOf(rejectedRequest()));
    row("ReleaseRequestList",
        roundTripOf(ReleaseRequestList {{pendingRequest(), rejectedRequest()}}));
    row("ReleaseRequestList empty", roundTripOf(ReleaseRequestList {}));
    row("CatalogAnswer", roundTripOf(catalogAnswer(std::nullopt)));
    row("CatalogAnswer with score", roundTripOf(catalogAnswer(0.93)));
    row("CatalogMatches", roundTripOf(CatalogMatches {{catalogAnswer(0.93), catalogAnswer(0.5)}}));
    row("ServiceStatus open",
        roundTripOf(ServiceStatus {.now = utc(2026, 11, 24, 5),
                                   .open = true,
                                   .closed = std::nullopt,
                                   .nextClosure = sundayWindow()}));
    row("ServiceStatus closed", roundTripOf(closedStatus()));
    row("EarlyReleaseRow", roundTripOf(earlyRelease()));
    row("RevocationRow", roundTripOf(revocation()));
    row("BranchReport", roundTripOf(branchReport()));
    row("BranchReport quiet", roundTripOf(quietBranch()));
    row("DailyReport",
        roundTripOf(DailyReport {
            QDate(2026, 11, 24), u"hyogo-himawari"_s, {branchReport(), quietBranch()}}));
    row("AuditRow", roundTripOf(releaseRow()));
    row("AuditRow refused sign-in", roundTripOf(refusedSignIn()));
    row("AuditPage", roundTripOf(AuditPage {{releaseRow(), refusedSignIn()}, u"MTc2"_s}));
    row("AuditPage last", roundTripOf(AuditPage {}));
    row("AuditChainState broken", roundTripOf(brokenChain()));
    row("AuditChainState intact",
        roundTripOf(AuditChainState {.rowsChecked = 1042,
                                     .intactThroughSeq = 1042,
                                     .checkpointSeq = 1000,
                                     .checkpointAt = utc(2026, 11, 24, 6),
                                     .checkedAt = utc(2026, 11, 24, 7)}));
}

void Tst_protocol::roundTrip()
{
    QFETCH(RoundTrip, check);
    const QString problem = check();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

// What the backend has always sent stays as it was: times with milliseconds and Z, null for
// absent optional values.
void Tst_protocol::wireFormat()
{
    const QJsonObject attempt = successWithoutExtras().toJson();
    QCOMPARE(attempt.value(u"at"_s).toString(), u"2026-11-24T05:13:00.000Z"_s);
    QVERIFY(attempt.value(u"code"_s).isNull());
    QVERIFY(attempt.value(u"message"_s).isNull());
    QVERIFY(attempt.value(u"account_id"_s).isNull());

    const QJsonObject lock = releasedPin().toJson();
    QVERIFY(lock.value(u"locked_at"_s).isNull());
    QCOMPARE(lock.value(u"released_early_at"_s).toString(), u"2026-11-24T06:01:02.003Z"_s);

    QVERIFY(plainAccount().toJson().value(u"moved_to_account_id"_s).isNull());
    QVERIFY(!plainAccount().toJson().contains(u"locks"_s));
    QVERIFY(supervisorWithoutBranch().toJson().value(u"branch_code"_s).isNull());
    QVERIFY(AttemptsPage {}.toJson().value(u"next_cursor"_s).isNull());

    // Events carry only the fields of their kind.
    const QJsonObject lockJson = lockEvent().toJson();
    QVERIFY(!lockJson.contains(u"step"_s));
    QVERIFY(!lockJson.contains(u"suspended"_s));
    QCOMPARE(lockJson.value(u"releases_at"_s).toString(), u"2026-11-24T15:00:00.000Z"_s);
    QCOMPARE(resumeEvent().toJson().value(u"suspended"_s), QJsonValue(false));

    const QJsonObject status = closedStatus().toJson();
    QCOMPARE(status.value(u"closed"_s).toObject().value(u"reasons"_s).toArray(),
             QJsonArray({u"daily_midnight"_s, u"second_fourth_sunday"_s}));
    QVERIFY(!ServiceStatus {}.toJson().contains(u"closed"_s));
}

// The examples of docs/api.md, as printed (elided parts "…" filled in where they stand for
// whole values).
void Tst_protocol::docsExamples()
{
    const Result<CustomerSearchResult> search = CustomerSearchResult::fromJson(parsed(uR"(
        {"customers": [{"id": 1, "name_kana": "ﾃﾞｰﾀ ﾀﾛｳ", "birth_date": "1980-04-01",
             "phone": "0786310000", "masked": false,
             "accounts": [{"id": 1, "branch_code": "001", "branch_name": "本店営業部",
                           "account_type": "ordinary", "account_number": "1234567",
                           "cash_card_issued": true, "status": "active",
                           "moved_to_account_id": null}]}],
           "truncated": false})"_s));
    QVERIFY2(search, search ? "" : qPrintable(search.error().message));
    QCOMPARE(search->customers.size(), 1);
    QCOMPARE(search->customers[0], customer({plainAccount()}));
    QVERIFY(!search->customers[0].accounts[0].hasLockState);

    const Result<CustomerDetail> detail = CustomerDetail::fromJson(parsed(uR"(
        {"id": 1, "name_kana": "ﾃﾞｰﾀ ﾀﾛｳ", "birth_date": "1980-04-01", "phone": "0786310000",
         "masked": false, "accounts": [{"id": 1, "branch_code": "001",
           "branch_name": "本店営業部", "account_type": "ordinary", "account_number": "1234567",
           "cash_card_issued": true, "status": "active", "moved_to_account_id": null,
           "locks": [{"kind": "identity", "failures_today": 5,
           "threshold": 5, "locked": true, "locked_at": "2026-11-24T05:12:09.120Z",
           "release_at": "2026-11-24T15:00:00.000Z", "released_early_at": null}],
           "pending_release_requests": []}], "lock_history": [{"account_id": 1,
           "kind": "identity", "event": "locked", "at": "2026-11-24T05:12:09.120Z",
           "staff": null, "reason": null}], "early_release_needs_approval": false,
         "linkage_summary": {"active": 1, "total": 2}})"_s));
    QVERIFY2(detail, detail ? "" : qPrintable(detail.error().message));
    const Account &account = detail->customer.accounts.at(0);
    QVERIFY(account.hasLockState);
    QCOMPARE(account.locks, QList<AccountLock> {lockedIdentity()});
    QCOMPARE(detail->lockHistory, QList<LockHistoryEntry> {lockedEntry()});
    QCOMPARE(detail->activeLinkages, 1);
    QCOMPARE(detail->totalLinkages, 2);

    const Result<AttemptsPage> attempts = AttemptsPage::fromJson(parsed(uR"(
        {"attempts": [{"id": 812, "at": "2026-11-24T05:12:09.120Z", "account_id": 1,
           "account": "001 ordinary 1234567", "step": "customer", "outcome": "failure",
           "code": "B83", "message": "お取扱いができなくなりました。…", "flow_id": "3sZ…",
           "source_address": "203.0.113.7", "name_kana": "ﾃﾞｰﾀﾀﾛｳ",
           "client_app": "しんくみアプリ with CRECO"}],
           "next_cursor": "MTc2NDA1…"})"_s));
    QVERIFY2(attempts, attempts ? "" : qPrintable(attempts.error().message));
    QCOMPARE(attempts->attempts.size(), 1);
    QCOMPARE(attempts->attempts[0].code, u"B83"_s);
    QCOMPARE(attempts->attempts[0].at, utc(2026, 11, 24, 5, 12, 9, 120));
    QCOMPARE(attempts->attempts[0].customerId, 0); // older servers do not send it
    QCOMPARE(attempts->nextCursor, u"MTc2NDA1…"_s);

    const Result<LockReleaseAnswer> pending = LockReleaseAnswer::fromJson(parsed(
        uR"({"status": "pending_approval", "request_id": 7, "code": "S07", "message": "…"})"_s));
    QVERIFY(pending);
    QVERIFY(pending->isPending());
    QCOMPARE(pending->requestId, 7);
    QVERIFY(!pending->releasedAt.isValid());
    const Result<LockReleaseAnswer> released = LockReleaseAnswer::fromJson(
        parsed(uR"({"status": "released", "released_at": "2026-11-24T06:01:02.003Z"})"_s));
    QVERIFY(released);
    QCOMPARE(released.value(), releasedNow());
    QVERIFY(!released->isPending());

    const Result<StaffSession> session = StaffSession::fromJson(parsed(uR"(
        {"access_token": "0cfmW2hN…", "token_type": "Bearer", "expires_in": 300,
           "refresh_token": "Xq3v8Lr1…", "session_expires_at": "2026-11-24T15:00:00.000Z",
           "username": "himawari.teller001", "display_name": "窓口係(デモ) 本店営業部",
           "role": "teller", "institution": "hyogo-himawari",
           "institution_name": "兵庫ひまわり信用組合", "branch_code": "001"})"_s));
    QVERIFY2(session, session ? "" : qPrintable(session.error().message));
    QCOMPARE(session->expiresIn, 300);
    QCOMPARE(session->sessionExpiresAt, utc(2026, 11, 24, 15));
    QCOMPARE(session->branchCode, u"001"_s);
    QCOMPARE(session->idleTimeoutSeconds, 0);

    const Result<ErrorBody> error = ErrorBody::fromJson(parsed(
        uR"({"code": "S01", "message": "ユーザー名、パスワードまたは確認コードが正しくありません。"})"_s));
    QVERIFY(error);
    QCOMPARE(error->code, u"S01"_s);
    QVERIFY(error->detail.isEmpty());

    const Result<StaffEvent> lock = StaffEvent::fromJson(parsed(
        uR"({"id":4812,"kind":"lock","at":"2026-11-24T05:12:09.120Z","lock_kind":"identity","day":"2026-11-24","locked_at":"2026-11-24T05:12:09.120Z","releases_at":"2026-11-24T15:00:00.000Z","account_id":1,"branch_code":"001","account_type":"ordinary","account_number":"1234567","customer_id":1,"customer_name":"データタロウ","customer_phone":"0786310000"})"_s));
    QVERIFY(lock);
    StaffEvent expectedLock = lockEvent();
    expectedLock.accountType = u"ordinary"_s;
    expectedLock.accountNumber = u"1234567"_s;
    expectedLock.customerName = u"データタロウ"_s;
    expectedLock.customerPhone = u"0786310000"_s;
    QCOMPARE(lock.value(), expectedLock);

    const Result<StaffEvent> attempt = StaffEvent::fromJson(parsed(
        uR"({"id":4813,"kind":"attempt","at":"2026-11-24T05:12:09.120Z","step":"customer","outcome":"failure","code":"B83","account_id":1,"branch_code":"001","account_type":"ordinary","account_number":"1234567","customer_id":1,"customer_name":"データタロウ","customer_phone":"0786310000","client_name":"しんくみアプリ with CRECO"})"_s));
    QVERIFY(attempt);
    QCOMPARE(attempt.value(), attemptEvent());

    const Result<ServiceStatus> status = ServiceStatus::fromJson(parsed(uR"(
        {"now": "2026-11-22T15:00:00.000Z", "open": false,
           "closed": {"start": "2026-11-22T14:50:00.000Z", "end": "2026-11-22T22:00:00.000Z",
                      "reasons": ["second_fourth_sunday"], "notes": []}})"_s));
    QVERIFY(status);
    QVERIFY(!status->open);
    QVERIFY(status->closed);
    QCOMPARE(status->closed->reasons, QList<ClosureReason> {ClosureReason::SecondFourthSunday});
    QVERIFY(!status->nextClosure);

    const Result<DailyReport> report = DailyReport::fromJson(parsed(uR"(
        {"date": "2026-11-24", "institution_id": "hyogo-himawari", "branches": [
           {"branch_code": "001", "branch_name": "本店営業部", "attempts": 182,
            "completions": 31, "failures_by_code": {"B21": 12, "B83": 2, "D01": 4},
            "locks": {"identity": 2, "pin": 0}, "midnight_releases": 1,
            "early_releases": [{"at": "2026-11-24T06:30:00.000Z", "kind": "identity",
                                "account": "001 ordinary 1234567",
                                "staff": "teller001", "staff_name": "窓口係", "reason": "本人確認済み"}],
            "revocations": [{"at": "2026-11-24T07:00:00.000Z", "by": "staff:teller001",
                             "reason": "お客様の依頼", "client_app": "しんくみアプリ with CRECO",
                             "account": "001 ordinary 1234567"}]}]})"_s));
    QVERIFY2(report, report ? "" : qPrintable(report.error().message));
    BranchReport expectedBranch = branchReport();
    expectedBranch.pinLocks = 0;
    QCOMPARE(report->branches, QList<BranchReport> {expectedBranch});
    QCOMPARE(report->date, QDate(2026, 11, 24));

    const Result<ReleaseRequestList> queue = ReleaseRequestList::fromJson(parsed(uR"(
        {"requests": [{"id": 7, "account_id": 1, "account": "001 ordinary 1234567",
           "branch_code": "001", "account_type": "ordinary", "account_number": "1234567",
           "customer_id": 1, "customer_name": "ﾃﾞｰﾀ ﾀﾛｳ", "kind": "identity",
           "failures_today": 5, "locked_at": "2026-11-24T05:12:09.120Z",
           "release_at": "2026-11-24T15:00:00.000Z", "reason": "窓口で運転免許証により本人確認",
           "reason_kind": "counter_document", "identity_document": "drivers_license",
           "requested_at": "2026-11-24T06:00:00.000Z", "requested_by": "himawari.teller001",
           "requested_by_name": "窓口係(デモ) 本店営業部", "status": "pending",
           "decided_by": null, "decided_at": null, "decision_note": null}]})"_s));
    QVERIFY2(queue, queue ? "" : qPrintable(queue.error().message));
    QCOMPARE(queue->requests, QList<ReleaseRequest> {pendingRequest()});

    const Result<CatalogMatches> matches = CatalogMatches::fromJson(
        parsed(uR"({"matches": [{"code": "B84", "customer_message": "ただ今お取扱いできません。…",
            "meaning": {"ja": "…", "en": "…"}, "score": 0.93}]})"_s));
    QVERIFY(matches);
    QCOMPARE(matches->matches.size(), 1);
    QCOMPARE(matches->matches[0].entry.code, u"B84"_s);
    QCOMPARE(matches->matches[0].score, std::optional<double>(0.93));

    const Result<AuditPage> audit = AuditPage::fromJson(parsed(uR"(
        {"rows": [{"seq": 1042, "at": "2026-11-24T06:30:00.000Z", "staff_id": 4,
           "username": "himawari.teller001", "role": "teller", "action": "lock.release",
           "target": "account:5/lock:identity", "reason": "窓口で本人確認のうえ解除",
           "source_address": "10.0.0.8", "details": {"result": "ok"}, "hash": "9f2c…"}],
           "next_cursor": "MTc2NDA1…"})"_s));
    QVERIFY2(audit, audit ? "" : qPrintable(audit.error().message));
    QCOMPARE(audit->rows.size(), 1);
    QCOMPARE(audit->rows[0].result(), u"ok"_s);
    QCOMPARE(audit->rows[0].staffId, 4);
    QVERIFY(AuditRow::actions().contains(audit->rows[0].action));

    const Result<AuditChainState> broken = AuditChainState::fromJson(parsed(uR"(
        {"intact": false, "rows_checked": 6, "intact_through_seq": 6, "checkpoint_seq": 5,
           "checkpoint_at": "2026-11-24T05:01:00.000Z", "broken_at_seq": 7,
           "break_kind": "row-edited", "checked_at": "2026-11-24T07:00:00.000Z"})"_s));
    QVERIFY(broken);
    QCOMPARE(broken.value(), brokenChain());
    const Result<AuditChainState> intact = AuditChainState::fromJson(parsed(uR"(
        {"intact": true, "rows_checked": 1048213, "intact_through_seq": 1048213,
           "checkpoint_seq": 1048000, "checkpoint_at": "2026-11-24T06:29:41.000Z",
           "broken_at_seq": null, "break_kind": null, "checked_at": "2026-11-24T06:30:02.000Z"})"_s));
    QVERIFY(intact);
    QVERIFY(intact->intact);
    QCOMPARE(intact->brokenAtSeq, 0);
}

void Tst_protocol::missingRequiredField_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("path");

    const auto row = [](const QString &type, const QString &path) {
        QTest::addRow("%s %s", qPrintable(type), qPrintable(path)) << type << path;
    };
    row(u"ErrorBody"_s, u"code"_s);
    row(u"ErrorBody"_s, u"message"_s);
    row(u"StaffChange"_s, u"reason"_s);
    row(u"CallerCheckResult"_s, u"check_id"_s);
    row(u"CallerCheckResult"_s, u"passed"_s);
    row(u"CallerCheckResult"_s, u"expires_at"_s);
    row(u"CallerCheckResult"_s, u"fields"_s);
    row(u"CallerCheckResult"_s, u"fields.phone"_s);
    row(u"LockReleaseAnswer"_s, u"status"_s);
    row(u"LinkageRevocation"_s, u"status"_s);
    row(u"LinkageRevocation"_s, u"revoked_at"_s);
    row(u"StaffSession"_s, u"access_token"_s);
    row(u"StaffSession"_s, u"session_expires_at"_s);
    row(u"StaffSession"_s, u"role"_s);
    row(u"AccountLock"_s, u"kind"_s);
    row(u"AccountLock"_s, u"locked"_s);
    row(u"PendingRelease"_s, u"id"_s);
    row(u"PendingRelease"_s, u"requested_at"_s);
    row(u"Account"_s, u"account_number"_s);
    row(u"Account"_s, u"locks[1].threshold"_s);
    row(u"Account"_s, u"pending_release_requests[0].kind"_s);
    row(u"Customer"_s, u"accounts"_s);
    row(u"Customer"_s, u"accounts[1].status"_s);
    row(u"CustomerSearchResult"_s, u"customers"_s);
    row(u"CustomerSearchResult"_s, u"customers[0].accounts[0].branch_code"_s);
    row(u"LockHistoryEntry"_s, u"event"_s);
    row(u"CustomerDetail"_s, u"id"_s);
    row(u"CustomerDetail"_s, u"accounts[0].locks[1].kind"_s);
    row(u"CustomerDetail"_s, u"lock_history[1].at"_s);
    row(u"CustomerDetail"_s, u"linkage_summary.total"_s);
    row(u"Attempt"_s, u"step"_s);
    row(u"Attempt"_s, u"at"_s);
    row(u"AttemptsPage"_s, u"attempts"_s);
    row(u"AttemptsPage"_s, u"attempts[1].outcome"_s);
    row(u"Linkage"_s, u"state"_s);
    row(u"Linkage"_s, u"expires_at"_s);
    row(u"LinkageList"_s, u"linkages[1].client_id"_s);
    row(u"StaffApp"_s, u"client_id"_s);
    row(u"StaffApp"_s, u"suspended"_s);
    row(u"StaffApp"_s, u"live_linkages"_s);
    row(u"StaffAppList"_s, u"apps[1].name"_s);
    row(u"AppSuspension"_s, u"suspended"_s);
    row(u"AppSuspension"_s, u"at"_s);
    row(u"StaffEvent"_s, u"id"_s);
    row(u"StaffEvent"_s, u"kind"_s);
    row(u"CatalogAnswer"_s, u"code"_s);
    row(u"CatalogMatches"_s, u"matches[0].customer_message"_s);
    row(u"ServiceStatus"_s, u"open"_s);
    row(u"ServiceStatus"_s, u"closed.start"_s);
    row(u"ServiceStatus"_s, u"next_closure.end"_s);
    row(u"EarlyReleaseRow"_s, u"account"_s);
    row(u"RevocationRow"_s, u"by"_s);
    row(u"BranchReport"_s, u"branch_code"_s);
    row(u"BranchReport"_s, u"revocations[0].at"_s);
    row(u"DailyReport"_s, u"date"_s);
    row(u"DailyReport"_s, u"branches[0].early_releases[0].kind"_s);
    row(u"ReleaseRequest"_s, u"id"_s);
    row(u"ReleaseRequest"_s, u"account"_s);
    row(u"ReleaseRequest"_s, u"kind"_s);
    row(u"ReleaseRequest"_s, u"requested_at"_s);
    row(u"ReleaseRequest"_s, u"requested_by"_s);
    row(u"ReleaseRequest"_s, u"status"_s);
    row(u"ReleaseRequestList"_s, u"requests"_s);
    row(u"ReleaseRequestList"_s, u"requests[1].customer_id"_s);
    row(u"AuditRow"_s, u"seq"_s);
    row(u"AuditRow"_s, u"at"_s);
    row(u"AuditRow"_s, u"action"_s);
    row(u"AuditRow"_s, u"hash"_s);
    row(u"AuditPage"_s, u"rows"_s);
    row(u"AuditPage"_s, u"rows[1].username"_s);
    row(u"AuditChainState"_s, u"intact"_s);
    row(u"AuditChainState"_s, u"checked_at"_s);
}

void Tst_protocol::missingRequiredField()
{
    QFETCH(QString, type);
    QFETCH(QString, path);
    const QJsonObject full = sampleJson(type);
    QVERIFY2(!decoders().value(type)(full), "the full sample decodes");

    for (const QJsonValue &absent : {QJsonValue(QJsonValue::Undefined), QJsonValue()}) {
        const std::optional<Error> error = decoders().value(type)(changed(full, path, absent));
        QVERIFY2(error, absent.isNull() ? "null accepted" : "absence accepted");
        QCOMPARE(error->key, QString(DecodeErrorKey));
        QCOMPARE(error->message, path + u": missing"_s);
    }
}

void Tst_protocol::wrongType_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("message");

    const auto row = [](const QString &type, const QString &path, const QJsonValue &value,
                        const QString &problem) {
        QTest::addRow("%s %s", qPrintable(type), qPrintable(path))
            << type << path << value << QString(path + u": "_s + problem);
    };
    const QString notInteger = u"expected an integer"_s;
    row(u"ErrorBody"_s, u"code"_s, 84, u"expected a string"_s);
    row(u"CallerCheckRequest"_s, u"birth_date"_s, 19800401, u"expected a string"_s);
    row(u"CallerCheckResult"_s, u"passed"_s, u"yes"_s, u"expected true or false"_s);
    row(u"CallerCheckResult"_s, u"fields.account"_s, 0, u"expected a string"_s);
    row(u"StaffSession"_s, u"expires_in"_s, u"300"_s, notInteger);
    row(u"StaffSession"_s, u"expires_in"_s, 1e12, notInteger);
    row(u"StaffSession"_s, u"session_expires_at"_s, u"tomorrow"_s, u"expected an ISO 8601 time"_s);
    row(u"AccountLock"_s, u"locked"_s, u"yes"_s, u"expected true or false"_s);
    row(u"AccountLock"_s, u"failures_today"_s, 2.5, notInteger);
    row(u"Customer"_s, u"id"_s, u"1"_s, notInteger);
    row(u"Customer"_s, u"accounts"_s, QJsonObject(), u"expected an array"_s);
    row(u"CustomerSearchResult"_s, u"customers[0].accounts[1]"_s, 5, u"expected an object"_s);
    row(u"CustomerDetail"_s, u"accounts[0].locks"_s, u"none"_s, u"expected an array"_s);
    row(u"CustomerDetail"_s, u"linkage_summary"_s, QJsonArray(), u"expected an object"_s);
    row(u"AttemptsPage"_s, u"attempts[0].id"_s, true, notInteger);
    row(u"AttemptsPage"_s, u"next_cursor"_s, 7, u"expected a string"_s);
    row(u"LinkageList"_s, u"linkages[0].revoked_at"_s, 12, u"expected a string"_s);
    row(u"StaffEvent"_s, u"at"_s, u"2026-11-24 nonsense"_s, u"expected an ISO 8601 time"_s);
    row(u"StaffEvent"_s, u"suspended"_s, 1, u"expected true or false"_s);
    row(u"CatalogAnswer"_s, u"score"_s, u"high"_s, u"expected a number"_s);
    row(u"CatalogAnswer"_s, u"meaning.ja"_s, QJsonArray(), u"expected a string"_s);
    row(u"ServiceStatus"_s, u"closed.notes"_s, u"x"_s, u"expected an array"_s);
    row(u"ServiceStatus"_s, u"next_closure.notes[0]"_s, 3, u"expected a string"_s);
    row(u"BranchReport"_s, u"failures_by_code.B21"_s, u"12"_s, notInteger);
    row(u"BranchReport"_s, u"locks.pin"_s, -0.5, notInteger);
    row(u"DailyReport"_s, u"date"_s, u"2026-13-01"_s, u"expected a date YYYY-MM-DD"_s);
    row(u"DailyReport"_s, u"branches[1].attempts"_s, u"many"_s, notInteger);
    row(u"ReleaseRequest"_s, u"decided_at"_s, 5, u"expected a string"_s);
    row(u"ReleaseRequestList"_s, u"requests[0].failures_today"_s, u"5"_s, notInteger);
    row(u"AuditRow"_s, u"details"_s, u"ok"_s, u"expected an object"_s);
    row(u"AuditRow"_s, u"staff_id"_s, u"4"_s, notInteger);
    row(u"AuditChainState"_s, u"broken_at_seq"_s, true, notInteger);
}

void Tst_protocol::wrongType()
{
    QFETCH(QString, type);
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, message);
    const std::optional<Error> error =
        decoders().value(type)(changed(sampleJson(type), path, value));
    QVERIFY2(error, "a mistyped field was accepted");
    QCOMPARE(error->key, QString(DecodeErrorKey));
    QCOMPARE(error->message, message);
}

void Tst_protocol::unknownFieldsIgnored_data()
{
    QTest::addColumn<QString>("type");
    for (const QString &type : decoders().keys())
        QTest::newRow(qPrintable(type)) << type;
}

// A newer backend may add fields anywhere: decoding ignores them.
void Tst_protocol::unknownFieldsIgnored()
{
    QFETCH(QString, type);
    QJsonObject json = sampleJson(type);
    json.insert(u"added_later"_s, QJsonObject {{u"nested"_s, true}});
    json.insert(u"another"_s, QJsonValue());
    for (const QString &key : json.keys()) {
        QJsonValue value = json.value(key);
        if (value.isArray() && !value.toArray().isEmpty() && value.toArray().at(0).isObject())
            json = changed(json, key + u"[0].added_later"_s, 42);
        else if (value.isObject() && key != u"added_later"_s && key != u"failures_by_code"_s)
            json = changed(json, key + u".added_later"_s, u"x"_s);
    }
    const std::optional<Error> error = decoders().value(type)(json);
    QVERIFY2(!error, error ? qPrintable(error->message) : "");
}

void Tst_protocol::nullOptionalFields()
{
    QJsonObject attempt = failedAttempt().toJson();
    for (const QString &key :
         {u"account_id"_s, u"account"_s, u"customer_id"_s, u"branch_code"_s, u"code"_s,
          u"message"_s, u"flow_id"_s, u"name_kana"_s, u"client_app"_s})
        attempt.insert(key, QJsonValue());
    attempt.remove(u"source_address"_s);
    const Result<Attempt> decoded = Attempt::fromJson(attempt);
    QVERIFY(decoded);
    QCOMPARE(decoded->accountId, 0);
    QCOMPARE(decoded->customerId, 0);
    QVERIFY(decoded->code.isEmpty());
    QVERIFY(decoded->message.isEmpty());
    QVERIFY(decoded->sourceAddress.isEmpty());
    QCOMPARE(decoded->step, u"customer"_s);

    QJsonObject lock = lockedIdentity().toJson();
    lock.insert(u"locked_at"_s, QJsonValue());
    lock.remove(u"release_at"_s);
    const Result<AccountLock> lockDecoded = AccountLock::fromJson(lock);
    QVERIFY(lockDecoded);
    QVERIFY(!lockDecoded->lockedAt.isValid());
    QVERIFY(!lockDecoded->releaseAt.isValid());

    QJsonObject account = accountWithLocks().toJson();
    account.insert(u"moved_to_account_id"_s, QJsonValue());
    account.insert(u"locks"_s, QJsonValue());
    const Result<Account> accountDecoded = Account::fromJson(account);
    QVERIFY(accountDecoded);
    QCOMPARE(accountDecoded->movedToAccountId, 0);
    QVERIFY(accountDecoded->hasLockState);
    QVERIFY(accountDecoded->locks.isEmpty());
    QCOMPARE(accountDecoded->pendingReleaseRequests.size(), 1);

    QJsonObject session = tellerSession().toJson();
    for (const QString &key :
         {u"branch_code"_s, u"branch_name"_s, u"idle_timeout_seconds"_s, u"support_desk"_s})
        session.insert(key, QJsonValue());
    const Result<StaffSession> sessionDecoded = StaffSession::fromJson(session);
    QVERIFY(sessionDecoded);
    StaffSession withoutBranch = tellerSession();
    withoutBranch.branchCode.clear();
    withoutBranch.branchName.clear();
    withoutBranch.idleTimeoutSeconds = 0;
    withoutBranch.supportDesk.clear();
    QCOMPARE(sessionDecoded.value(), withoutBranch);

    QJsonObject status = closedStatus().toJson();
    status.insert(u"closed"_s, QJsonValue());
    status.insert(u"next_closure"_s, QJsonValue());
    const Result<ServiceStatus> statusDecoded = ServiceStatus::fromJson(status);
    QVERIFY(statusDecoded);
    QVERIFY(!statusDecoded->closed);
    QVERIFY(!statusDecoded->nextClosure);

    QJsonObject page = AttemptsPage {{failedAttempt()}, u"abc"_s}.toJson();
    page.insert(u"next_cursor"_s, QJsonValue());
    const Result<AttemptsPage> pageDecoded = AttemptsPage::fromJson(page);
    QVERIFY(pageDecoded);
    QVERIFY(pageDecoded->nextCursor.isEmpty());

    // A closure reason a newer server names is skipped, the rest of the window kept.
    QJsonObject window = closedStatus().toJson();
    window =
        changed(window, u"closed.reasons"_s, QJsonArray({u"volcanic_ash"_s, u"daily_midnight"_s}));
    const Result<ServiceStatus> withNewReason = ServiceStatus::fromJson(window);
    QVERIFY(withNewReason);
    QCOMPARE(withNewReason->closed->reasons, QList<ClosureReason> {ClosureReason::DailyMidnight});
}

void Tst_protocol::closureReasonNames()
{
    const QList<ClosureReason> all {
        ClosureReason::DailyMidnight,    ClosureReason::DailyEarlyMorning,
        ClosureReason::FirstThirdMonday, ClosureReason::SecondFourthSunday,
        ClosureReason::NewYear,          ClosureReason::Announced};
    QStringList names;
    for (const ClosureReason reason : all) {
        const QString name = closureReasonName(reason);
        QCOMPARE(closureReasonFromName(name), std::optional(reason));
        names.append(name);
    }
    QCOMPARE(names,
             QStringList({u"daily_midnight"_s, u"daily_early_morning"_s, u"first_third_monday"_s,
                          u"second_fourth_sunday"_s, u"new_year"_s, u"announced_maintenance"_s}));
    QCOMPARE(closureReasonFromName(u"Daily_Midnight"_s), std::nullopt);
}

QTEST_GUILESS_MAIN(Tst_protocol)
#include "tst_protocol.moc"
