#include "DemoData.h"

#include "Crypto.h"
#include "Directory.h"
#include "FlowService.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcBackendDemo, "tc.backend.demo")

namespace tc::backend::demo {

namespace {

struct Office
{
    QString code;
    QString name;
    QString phone;
    QString areaCode; // customers of the office mostly live under this area code
    int weight; // share of the institution's customers
};

struct InstitutionSeed
{
    InstitutionRecord record;
    QList<Office> offices;
    int customers;
};

// The seeds (000_*.txt, 10. お問い合わせ先) list these seven offices and numbers; the branch
// codes 001–007 are ours, in the order listed.
QList<Office> hyogoOffices()
{
    return {{u"001"_s, u"本店営業部"_s, u"078-631-7751"_s, u"078"_s, 24},
            {u"002"_s, u"三宮支店"_s, u"078-272-3751"_s, u"078"_s, 14},
            {u"003"_s, u"尼崎支店"_s, u"06-6419-1123"_s, u"06"_s, 13},
            {u"004"_s, u"姫路支店"_s, u"079-289-4626"_s, u"079"_s, 13},
            {u"005"_s, u"西宮支店"_s, u"0798-35-2431"_s, u"0798"_s, 12},
            {u"006"_s, u"加古川支店"_s, u"079-421-0701"_s, u"079"_s, 12},
            {u"007"_s, u"伊丹支店"_s, u"072-777-8926"_s, u"072"_s, 12}};
}

// The seeds (001_*.txt) list only ぐんまみらい's customer support office (お客様相談室), which
// holds no accounts. Accounts need a branch, so the demo invents a head office: SYNTHETIC, not
// from the seeds (no phone number is listed for it, so none is given).
QList<Office> gunmaOffices()
{
    return {{u"001"_s, u"本店営業部"_s, QString(), u"027"_s, 1}};
}

QList<InstitutionSeed> institutions(const DemoSeedOptions &options)
{
    // Authentication numbers (the destinations of screen ③) are synthetic: the seeds show none.
    InstitutionSeed hyogo {
        InstitutionRecord {.id = QString(DemoData::HyogoId),
                           .name = u"兵庫ひまわり信用組合"_s,
                           .supportDesk = u"平日 9:00~17:00"_s,
                           .authenticationNumbers = {u"0120990101"_s, u"0120990102"_s,
                                                     u"0120990103"_s, u"0120990104"_s}},
        hyogoOffices(), options.hyogoCustomers};
    InstitutionSeed gunma {
        InstitutionRecord {
            .id = QString(DemoData::GunmaId),
            .name = u"ぐんまみらい信用組合"_s,
            // Two-person control, so the demo shows both: a teller of ぐんまみらい asks, the
            // supervisor approves in the Approvals tab; 兵庫ひまわり's tellers clear at once.
            .earlyReleaseNeedsApproval = true,
            .supportDesk = u"お客様相談室 0120-219-190 月曜日~金曜日"
                           "(当組合休業日は除く) 午前9時~午後5時"_s,
            .authenticationNumbers = {u"0120990201"_s, u"0120990202"_s, u"0120990203"_s}},
        gunmaOffices(), options.gunmaCustomers};
    return {hyogo, gunma};
}

// Common family and given names in katakana, all of which have half-width forms.
const QStringList &familyNames()
{
    static const QStringList names {
        u"ヤマダ"_s,   u"タナカ"_s,   u"サトウ"_s,   u"スズキ"_s,   u"タカハシ"_s, u"ワタナベ"_s,
        u"イトウ"_s,   u"ナカムラ"_s, u"コバヤシ"_s, u"カトウ"_s,   u"ヨシダ"_s,   u"ヤマモト"_s,
        u"マツモト"_s, u"イノウエ"_s, u"キムラ"_s,   u"ハヤシ"_s,   u"シミズ"_s,   u"ヤマグチ"_s,
        u"モリ"_s,     u"イケダ"_s,   u"ハシモト"_s, u"アベ"_s,     u"イシカワ"_s, u"ヤマシタ"_s,
        u"オガワ"_s,   u"イシイ"_s,   u"ハセガワ"_s, u"ゴトウ"_s,   u"オカダ"_s,   u"フジタ"_s,
        u"マエダ"_s,   u"コンドウ"_s, u"ムラカミ"_s, u"エンドウ"_s, u"アオキ"_s,   u"サカモト"_s,
        u"サイトウ"_s, u"フクダ"_s,   u"オオタ"_s,   u"ニシムラ"_s, u"フジイ"_s,   u"オカモト"_s,
        u"マツダ"_s,   u"ナカガワ"_s, u"ナカノ"_s,   u"ハラダ"_s,   u"オノ"_s,     u"タムラ"_s,
        u"タケウチ"_s, u"カネコ"_s,   u"ワダ"_s,     u"ナカヤマ"_s, u"イシダ"_s,   u"ウエダ"_s,
        u"モリタ"_s,   u"シバタ"_s,   u"サカイ"_s,   u"クドウ"_s,   u"ヨコヤマ"_s, u"ミヤザキ"_s,
        u"ミヤモト"_s, u"ウチダ"_s,   u"タカギ"_s,   u"アンドウ"_s, u"タニグチ"_s, u"マルヤマ"_s,
        u"イマイ"_s,   u"フジモト"_s, u"ムラタ"_s,   u"タケダ"_s,   u"ウエノ"_s,   u"スギヤマ"_s,
        u"マスダ"_s,   u"ヒラノ"_s,   u"オオツカ"_s, u"チバ"_s,     u"クボ"_s,     u"マツイ"_s,
        u"コジマ"_s,   u"イワサキ"_s, u"サクライ"_s, u"キノシタ"_s, u"ノグチ"_s,   u"キクチ"_s,
        u"ノムラ"_s,   u"アライ"_s,   u"ホシノ"_s,   u"セキグチ"_s, u"ツチヤ"_s,   u"ハギワラ"_s};
    return names;
}

const QStringList &givenNames()
{
    static const QStringList names {
        u"タロウ"_s,   u"イチロウ"_s, u"ヒロシ"_s,   u"タカシ"_s,   u"マコト"_s, u"ケンジ"_s,
        u"ダイスケ"_s, u"ショウタ"_s, u"ユウキ"_s,   u"カズヤ"_s,   u"ナオキ"_s, u"ツヨシ"_s,
        u"ヒデキ"_s,   u"ミノル"_s,   u"サトシ"_s,   u"ケンタ"_s,   u"リョウ"_s, u"ショウヘイ"_s,
        u"タクヤ"_s,   u"ユウタ"_s,   u"マサヒロ"_s, u"ヨシオ"_s,   u"シゲル"_s, u"イサム"_s,
        u"ススム"_s,   u"ノボル"_s,   u"ハナコ"_s,   u"ヨウコ"_s,   u"ケイコ"_s, u"ユミコ"_s,
        u"アキコ"_s,   u"ミホ"_s,     u"ユウコ"_s,   u"サチコ"_s,   u"トモミ"_s, u"マユミ"_s,
        u"メグミ"_s,   u"ナオミ"_s,   u"アヤ"_s,     u"サクラ"_s,   u"ミサキ"_s, u"ハルカ"_s,
        u"ユイ"_s,     u"アイ"_s,     u"マイ"_s,     u"エミ"_s,     u"カナ"_s,   u"リエ"_s,
        u"ノリコ"_s,   u"カズコ"_s,   u"ヒロミ"_s,   u"キョウコ"_s, u"チエ"_s,   u"ミチコ"_s};
    return names;
}

struct PlannedTransaction
{
    qint64 bookedAtMs;
    qint64 amount;
    QString description;
};

// About three months of a household account: salary, cash at the ATM, bills, card payments.
QList<PlannedTransaction> planHistory(QRandomGenerator &rng, const QDateTime &now)
{
    QList<PlannedTransaction> list;
    const qint64 nowMs = now.toMSecsSinceEpoch();
    const qint64 dayMs = 24LL * 3600 * 1000;
    const bool salaried = rng.bounded(100) < 70;
    const qint64 salary = (180 + rng.bounded(260)) * 1000LL;
    for (int day = 92; day >= 1; --day) {
        const qint64 base = nowMs - day * dayMs + (9 + rng.bounded(9)) * 3600LL * 1000;
        const QDate date = QDateTime::fromMSecsSinceEpoch(base, Qt::UTC).date();
        if (salaried && date.day() == 25)
            list.append({base, salary, u"給与"_s});
        if (date.day() == 27) {
            list.append({base, -(3000 + rng.bounded(9000)), u"電気料金"_s});
            list.append({base + 60000, -(2000 + rng.bounded(6000)), u"ガス料金"_s});
        }
        if (date.day() == 10)
            list.append({base, -(4000 + rng.bounded(8000)), u"携帯電話料金"_s});
        if (date.day() == 15 && rng.bounded(2) == 0)
            list.append({base, -(2000 + rng.bounded(5000)), u"水道料金"_s});
        if (rng.bounded(100) < 9)
            list.append({base, -(1 + rng.bounded(5)) * 10000LL, u"ATM出金"_s});
        if (rng.bounded(100) < 4)
            list.append({base, -(1000 + rng.bounded(40000)), u"カード利用代金"_s});
        if (rng.bounded(100) < 2)
            list.append({base, (5 + rng.bounded(50)) * 1000LL, u"振込入金"_s});
    }
    return list;
}

QString pad(quint32 value, int width)
{
    return QString::number(value).rightJustified(width, u'0');
}

// A phone number of digits only: a landline under the office's area code (10 digits) or a
// mobile number (11 digits), unique within the demo.
QString makePhone(QRandomGenerator &rng, const QString &areaCode, QSet<QString> &used)
{
    for (;;) {
        QString phone;
        if (rng.bounded(100) < 55) {
            static const QStringList mobile {u"090"_s, u"080"_s, u"070"_s};
            phone = mobile.at(rng.bounded(3)) + pad(rng.bounded(100000000u), 8);
        } else {
            const int rest = 10 - int(areaCode.size());
            quint32 limit = 1;
            for (int i = 0; i < rest; ++i)
                limit *= 10;
            // A subscriber number does not start with 0 or 1.
            phone =
                areaCode + QString::number(2 * limit / 10 + rng.bounded(limit - 2 * limit / 10));
        }
        if (!used.contains(phone)) {
            used.insert(phone);
            return phone;
        }
    }
}

Status writePrivateFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    const QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    // Created 0600 from the start (it holds PINs or a secret), and tightened if it existed.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate, ownerOnly)
        || !file.setPermissions(ownerOnly) || file.write(content) != content.size()
        || !file.flush())
        return Error {QString(), u"cannot write %1: %2"_s.arg(path, file.errorString())};
    return Success {};
}

QByteArray csvLine(const QStringList &fields)
{
    return fields.join(u',').toUtf8() + "\r\n";
}

constexpr QLatin1StringView csvHeader {
    "institution,branch_code,account_type,account_number,name_kana,birth_date,phone,pin,"
    "cash_card"};

} // namespace

QStringList DemoData::redirectUris()
{
    return {u"https://shinkumi.creco.cards/callback"_s, u"http://127.0.0.1/callback"_s};
}

QString DemoData::toHalfWidthKana(const QString &fullWidth)
{
    // Built from Unicode itself: NFKC maps each half-width katakana (U+FF61–U+FF9F) to its
    // full-width form, and a half-width letter plus ﾞ or ﾟ to the composed voiced letter.
    static const QHash<QChar, QString> table = [] {
        QHash<QChar, QString> map;
        for (char16_t u = 0xFF61; u <= 0xFF9D; ++u) {
            const QString half(QChar {u});
            const QString full = half.normalized(QString::NormalizationForm_KC);
            if (full.size() == 1)
                map.insert(full.at(0), half);
            for (const QChar mark : {QChar(char16_t(0xFF9E)), QChar(char16_t(0xFF9F))}) {
                const QString composed =
                    QString(half + mark).normalized(QString::NormalizationForm_KC);
                if (composed.size() == 1)
                    map.insert(composed.at(0), QString(half + mark));
            }
        }
        map.insert(QChar(char16_t(0x3000)), u" "_s);
        return map;
    }();
    QString result;
    result.reserve(fullWidth.size() * 2);
    for (const QChar c : fullWidth)
        result += table.value(c, QString(c));
    return result;
}

Result<DemoSeedReport> DemoData::seedIfEmpty(Database &database, const FlowService &flows,
                                             const QString &filesDir,
                                             const DemoSeedOptions &options)
{
    QElapsedTimer timer;
    timer.start();
    DemoSeedReport report;
    report.csvPath = QDir(filesDir).filePath(QString(CsvFileName));
    report.clientSecretPath = QDir(filesDir).filePath(QString(ClientSecretFileName));
    const QDateTime now = options.now.isValid() ? options.now : QDateTime::currentDateTimeUtc();

    auto seeded = database.transaction<DemoSeedReport>([&](QSqlDatabase &db)
                                                           -> Result<DemoSeedReport> {
        auto existing =
            runQuery(db, u"SELECT COUNT(*) FROM institutions"_s, {}, u"count institutions"_s);
        if (!existing || !existing.value().next())
            return Database::failure(u"count institutions"_s, QString());
        if (existing.value().value(0).toLongLong() > 0)
            return report; // seeded before: keep what the demo has built up

        QRandomGenerator rng(options.seed);
        QSet<QString> phones;
        QList<DemoCustomer> rows;
        QSqlQuery history(db);
        if (!history.prepare(u"INSERT INTO account_transactions (account_id, booked_at, "
                             "amount, balance_after, description) VALUES (?, ?, ?, ?, ?)"_s))
            return Database::failure(u"prepare history"_s, history.lastError().text());

        for (const InstitutionSeed &institution : institutions(options)) {
            if (Status added = Directory::addInstitution(db, institution.record); !added)
                return added.error();
            ++report.institutions;
            QList<qint64> branchIds;
            int totalWeight = 0;
            for (const Office &office : institution.offices) {
                const Result<qint64> branch = Directory::addBranch(
                    db, {institution.record.id, office.code, office.name, office.phone});
                if (!branch)
                    return branch.error();
                branchIds << branch.value();
                totalWeight += office.weight;
                ++report.branches;
            }
            QSet<QString> numbers; // branch code + type + number, unique
            for (int i = 0; i < institution.customers; ++i) {
                int pick = int(rng.bounded(totalWeight));
                qsizetype officeIndex = 0;
                while (pick >= institution.offices.at(officeIndex).weight) {
                    pick -= institution.offices.at(officeIndex).weight;
                    ++officeIndex;
                }
                const Office &office = institution.offices.at(officeIndex);
                const QString nameKana = familyNames().at(rng.bounded(int(familyNames().size())))
                    + u' ' + givenNames().at(rng.bounded(int(givenNames().size())));
                const QDate born =
                    QDate(1940, 1, 1)
                        .addDays(rng.bounded(int(QDate(1940, 1, 1).daysTo(QDate(2005, 12, 31)))));
                const QString phone = makePhone(rng, office.areaCode, phones);
                const Result<qint64> customer =
                    Directory::addCustomer(db, {institution.record.id, nameKana, born, phone});
                if (!customer)
                    return customer.error();
                ++report.customers;

                QStringList types {rng.bounded(100) < 82 ? u"ordinary"_s : u"savings"_s};
                if (rng.bounded(100) < 12)
                    types << (types.first() == u"ordinary"_s ? u"savings"_s : u"ordinary"_s);
                for (const QString &type : types) {
                    QString number;
                    do {
                        number = QString::number(1000000 + rng.bounded(9000000));
                    } while (numbers.contains(office.code + type + number));
                    numbers.insert(office.code + type + number);
                    const bool cashCard = rng.bounded(100) < 95;
                    const QString pin = cashCard ? pad(rng.bounded(10000), 4) : QString();
                    QList<PlannedTransaction> planned;
                    if (rng.bounded(100) < 20)
                        planned = planHistory(rng, now);
                    qint64 sum = 0;
                    qint64 lowest = 0;
                    for (const PlannedTransaction &t : planned) {
                        sum += t.amount;
                        lowest = std::min(lowest, sum);
                    }
                    // Log-uniform-ish balances from a few thousand yen to millions.
                    qint64 opening = qint64(1000) << rng.bounded(12);
                    opening += rng.bounded(1000) * 100 - lowest;
                    const Result<qint64> account =
                        Directory::addAccount(db,
                                              {.customerId = customer.value(),
                                               .branchId = branchIds.at(officeIndex),
                                               .accountType = type,
                                               .accountNumber = number,
                                               .cashCardIssued = cashCard,
                                               .balance = opening + sum});
                    if (!account)
                        return account.error();
                    ++report.accounts;
                    if (cashCard) {
                        if (Status set = Directory::setPinDigest(
                                db, account.value(), flows.pinDigest(account.value(), pin));
                            !set)
                            return set.error();
                    }
                    qint64 running = opening;
                    for (const PlannedTransaction &t : planned) {
                        running += t.amount;
                        history.addBindValue(account.value());
                        history.addBindValue(t.bookedAtMs);
                        history.addBindValue(t.amount);
                        history.addBindValue(running);
                        history.addBindValue(t.description);
                        if (!history.exec())
                            return Database::failure(u"add history"_s, history.lastError().text());
                        ++report.transactions;
                    }
                    rows.append({institution.record.id, office.code, type, number,
                                 toHalfWidthKana(nameKana), born, phone, pin, cashCard});
                }
            }
        }

        const QString secret = crypto::randomToken(24);
        const Result<qint64> app =
            Directory::addClientApp(db,
                                    {.clientId = QString(ClientId),
                                     .name = u"しんくみアプリ with CRECO"_s,
                                     .provider = u"アイ・ティ・リアライズ株式会社"_s,
                                     .secretHash = crypto::sha256(secret.toUtf8()),
                                     .redirectUris = redirectUris(),
                                     .institutionIds = {QString(HyogoId), QString(GunmaId)}});
        if (!app)
            return app.error();

        // The files go out before the commit: without them the data would be unusable,
        // and a failure here (no key on the error) rolls the seeding back.
        QByteArray csv = "\xEF\xBB\xBF" + csvLine({QString(csvHeader)});
        for (const DemoCustomer &row : std::as_const(rows)) {
            csv += csvLine({row.institutionId, row.branchCode, row.accountType, row.accountNumber,
                            row.nameKana, row.birthDate.toString(Qt::ISODate), row.phone, row.pin,
                            row.cashCard ? u"yes"_s : u"no"_s});
        }
        if (!QDir().mkpath(filesDir))
            return Error {QString(), u"cannot create %1"_s.arg(filesDir)};
        if (Status written = writePrivateFile(report.csvPath, csv); !written)
            return written.error();
        if (Status written = writePrivateFile(report.clientSecretPath, secret.toUtf8() + '\n');
            !written)
            return written.error();
        report.seeded = true;
        return report;
    });
    if (seeded && seeded->seeded)
        qCInfo(lcBackendDemo) << "demo data seeded:" << seeded->customers << "customers,"
                              << seeded->accounts << "accounts," << seeded->transactions
                              << "transactions in" << timer.elapsed() << "ms";
    return seeded;
}

Result<QList<DemoCustomer>> DemoData::readCsv(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error {QString(), u"cannot read %1: %2"_s.arg(path, file.errorString())};
    QList<DemoCustomer> customers;
    bool header = true;
    while (!file.atEnd()) {
        QByteArray line = file.readLine();
        if (header) {
            header = false;
            continue;
        }
        const QStringList f = QString::fromUtf8(line).trimmed().split(u',');
        if (f.size() != 9)
            continue;
        customers.append({f.at(0), f.at(1), f.at(2), f.at(3), f.at(4),
                          QDate::fromString(f.at(5), Qt::ISODate), f.at(6), f.at(7),
                          f.at(8) == u"yes"_s});
    }
    if (customers.isEmpty())
        return Error {QString(), u"%1 lists no customers"_s.arg(path)};
    return customers;
}

Result<QString> DemoData::readClientSecret(const QString &filesDir)
{
    const QString path = QDir(filesDir).filePath(QString(ClientSecretFileName));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error {QString(), u"cannot read %1: %2"_s.arg(path, file.errorString())};
    const QString secret = QString::fromUtf8(file.readAll()).trimmed();
    if (secret.isEmpty())
        return Error {QString(), u"%1 is empty"_s.arg(path)};
    return secret;
}

} // namespace tc::backend::demo
