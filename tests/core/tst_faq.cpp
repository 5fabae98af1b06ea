// The FAQ: every question of the seed manuals is there in the manuals' own words, and the
// explain search finds a question, a code or a message from what callers and agents type.
#include "ErrorCatalog.h"
#include "ExplainSearch.h"
#include "Faq.h"

#include <QTest>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

class TestFaq final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void seedQuestionIsVerbatim_data();
    void seedQuestionIsVerbatim();
    void entriesAreComplete();
    void relatedCodesAreInTheCatalog();
    void findsQuestionByCallerWording_data();
    void findsQuestionByCallerWording();
    void codesAndMessagesStillFound_data();
    void codesAndMessagesStillFound();
    void exactCodeBeatsQuestion();
    void unrelatedTextFindsNothing();
    void invalidDocumentsAreRejected_data();
    void invalidDocumentsAreRejected();

private:
    const tc::Faq &m_faq = tc::Faq::builtIn();
    const tc::ExplainSearch m_search {tc::ErrorCatalog::builtIn(), tc::Faq::builtIn()};
};

void TestFaq::seedQuestionIsVerbatim_data()
{
    // Copied from the seed manuals (/work/shared/seeds) with only their page layout removed: the
    // spaces and line breaks the PDF extraction left inside sentences. Lists and two-part
    // questions keep their line breaks.
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("question");
    QTest::addColumn<QString>("answer");

    // 001_83bb0088b645ddc7.txt, 10. よくある質問
    QTest::newRow("001 1.Q1") << u"registered-phone-unknown"_s
                              << u"信用組合に届け出した電話番号がどれだか分からない(忘れた)。"_s
                              << u"お口座のある店舗にお問い合わせください。"_s;
    QTest::newRow("001 2.Q1")
        << u"pin-lock-atm"_s
        << u"API連携認証で、暗証番号を複数回間違えてロックされてしまった。ATMからの出金取引なども制限されてしまうのか。"_s
        << u"ロックされるのはAPI連携認証だけです。その他のお取引には制限はかかりません。"_s;
    // Seed 001 prints "翌日○時", a misread 0; seed 000 prints the same sentence with 0.
    QTest::newRow("001 2.Q2")
        << u"identity-lock-release"_s
        << u"本人認証情報を複数回誤り「お取扱いができなくなりました。」というメッセージが出力した。"_s
        << u"本人認証情報を複数回誤りますと一時的に閉塞状態となります。閉塞状態は翌日0時に解除されます。"_s;
    QTest::newRow("001 2.Q3")
        << u"notice-mail-not-arriving"_s << u"認証操作が完了したがメールが届かない。"_s
        << u"スマートフォンのメール受信設定等にて以下のドメインからの受信ができるよう設定をお願い致します。\n【@webcenter.anser.or.jp】"_s;
    QTest::newRow("001 2.Q4")
        << u"kana-name-wrong"_s
        << u"・誤ったカナ氏名で登録してしまったので修正したい。\n・氏名が変わったので変更したい。"_s
        << u"API連携認証時にご登録いただいた氏名(カナ)は、認証操作時の操作ログに記録するためだけのものですので、認証完了後は、修正等する必要はありません。"_s;
    QTest::newRow("001 2.Q5")
        << u"mail-address-wrong"_s
        << u"・誤ったメールアドレスで登録してしまったので修正したい。\n・メールアドレスが変わったので変更したい。"_s
        << u"API連携認証時にご登録いただいたメールアドレスは、認証操作完了後の通知メールを送信するためだけのものですので、認証完了後は、修正等する必要はありません。"_s;
    QTest::newRow("001 3.Q1")
        << u"service-hours"_s << u"API連携認証がサービス時間外となる時間を確認したい"_s
        << u"以下の時間についてはサービス時間外となります。\n①毎日0時から1分程度\n②毎日4時から数分程度\n③毎月第1および第3月曜日の2:00~6:00\n④毎月第2および第4日曜日の前日23:50~翌7:00\n⑤1月1日~3日の0:00~8:00、19:00~24:00\n⑥その他システムメンテナンスの場合"_s;
    QTest::newRow("001 3.Q2")
        << u"statement-range"_s << u"取引明細で照会できる取引日の範囲は。"_s
        << u"当信用組合システムでは約3か月分の取引明細を保有していますので、その範囲の中で確認が可能です。"_s;
    QTest::newRow("001 3.Q3")
        << u"statement-kept-in-app"_s
        << u"アプリで一度照会した(取込んだ)取引明細はいつまで見れるのか。"_s
        << u"「しんくみアプリ with CRECO」では、一度取得したデータはアプリ内に蓄積されるため、1年、2年と経過しても過去のご利用明細を確認することができます。"_s;
    QTest::newRow("001 3.Q4")
        << u"account-moved-branch"_s
        << u"これまで本アプリの認証で使っていた口座を別の店舗に移動(移管)した。どうすればよいか。"_s
        << u"口座の移管後は、旧店舗・旧口座番号(O11-1111111)でのアプリ利用(情報更新、API連携認証)は不可となります。アプリを継続して利用する場合は、新店舗・新口座番号(O22-222222)で、API連携認証を行う必要があります。"_s;
    QTest::newRow("001 4.Q1")
        << u"app-uninstalled"_s
        << u"アプリをアンインストールした。アプリ事業者と口座の連携は、即時に解除されるのか。"_s
        << u"誤ってアンインストールした場合などを考慮し、一定期間は連携が継続されます。"_s;
    QTest::newRow("001 4.Q2")
        << u"new-phone"_s << u"スマートフォンの機種変更をする(した)。どうすればよいか。"_s
        << u"<機種変更前にやること>\n1.メニューから「機種変更」を押す\n2.機種変更後のデータ受け取りに必要なパスワードを設定し、引継番号も一緒にメモしておく\n3.「機種変更」のボタンを押す\n⇒データの自動初期化が行われると、データの預け入れ作業は完了です。\n<機種変更後にやること>\n1.機種変更した端末に「しんくみアプリ with CRECO」をインストールする\n2.アプリを起動し、利用規約とプライバシーポリシーが表示されている画面の左下「機種変更」ボタンを押す\n3.データを預けた際の引継番号とパスワードを入力して「機種変更手続き開始」ボタンを押す\n4.アプリの起動に必要なパスコード(数字4桁)を設定する\n⇒カレンダーが表示され、しばらく経つとデータが取り込まれて完了です。"_s;

    // 000_5f811db3956b4c85.txt, 11. よくあるご質問
    QTest::newRow("000 1.Q1") << u"registered-phone-unknown"_s
                              << u"信用組合に届け出した電話番号が分からない(忘れた)。"_s
                              << u"お口座のある店舗にお問い合わせください。"_s;
    QTest::newRow("000 2.Q1")
        << u"pin-lock-atm"_s
        << u"API連携認証で、暗証番号を複数回間違えてロックされてしまった。ATMからの出金取引なども制限されてしまうのか。"_s
        << u"ロックされるのはAPI連携認証だけです。その他のお取引には制限はかかりません。"_s;
    QTest::newRow("000 2.Q2")
        << u"identity-lock-release"_s
        << u"本人認証情報を複数回誤り「お取扱いができなくなりました。」というメッセージが出力した。"_s
        << u"本人認証情報を複数回誤りますと一時的に閉塞状態となります。閉塞状態は翌日0時に解除されます。"_s;
    QTest::newRow("000 2.Q3")
        << u"notice-mail-not-arriving"_s << u"認証操作が完了したがメールが届かない。"_s
        << u"スマートフォンのメール受信設定等にて、以下のドメインからの受信ができるよう設定をお願い致します。\n【@webcenter.anser.or.jp】"_s;
    // The seed prints a middle dot (U+00B7) here and the katakana one (U+30FB) elsewhere.
    QTest::newRow("000 2.Q4")
        << u"kana-name-wrong"_s << u"登録した氏名を修正·変更したい"_s
        << u"API連携認証時にご登録いただいた氏名(カナ)は、認証操作時の操作ログに記録するためだけのものです。したがって、認証完了後は修正・変更等は必要ありません。"_s;
    QTest::newRow("000 2.Q5")
        << u"mail-address-wrong"_s << u"登録したメールアドレスを修正・変更したい。"_s
        << u"API連携認証時にご登録いただいたメールアドレスは、認証操作完了後の通知メールを送信するためだけのものです。したがって、認証完了後は修正・変更等は必要ありません。"_s;
    QTest::newRow("000 3.Q1")
        << u"service-hours"_s << u"API連携認証がサービス時間外となる時間を確認したい。"_s
        << u"以下の時間についてはサービス時間外となります。\n①毎日0時から1分程度\n②毎日4時から数分程度\n③毎月第1および第3月曜日の2:00~6:00\n④毎月第2および第4日曜日の前日23:50~翌7:00\n⑤1月1日~3日の0:00~8:00および19:00~24:00\n⑥その他システムメンテナンスの場合"_s;
    QTest::newRow("000 3.Q2")
        << u"statement-range"_s << u"取引明細で照会できる取引日の範囲は。"_s
        << u"当組合システムでは約3か月分の取引明細を保有していますので、その範囲の中で確認が可能です。"_s;
    QTest::newRow("000 3.Q3")
        << u"statement-kept-in-app"_s
        << u"アプリで一度照会した(取込んだ)取引明細はいつまで見れるのか。"_s
        << u"各アプリの仕様によります。スマホアプリ提供事業者にご確認ください。"_s;
    QTest::newRow("000 3.Q4")
        << u"account-moved-branch"_s
        << u"これまで本アプリの認証で使っていた口座を別の店舗に移管(移動)した。どうすればよいか。\n例)移管前 店舗001 口座番号1111111\n移管後 店舗002 口座番号2222222"_s
        << u"口座の移管後は、移管前店舗・口座番号(001-1111111)でのアプリ利用(情報更新、API連携認証)は不可となります。アプリを継続して利用する場合は、移管後の店舗・口座番号(002-2222222)で、API連携認証を行う必要があります。なお、移管前店舗・口座番号で取得していた取引情報等の扱いは、各アプリの仕様によります。"_s;
    QTest::newRow("000 4.Q1")
        << u"app-uninstalled"_s
        << u"アプリをアンインストールした。アプリ事業者と口座の連携は、即時に解除されるのか。"_s
        << u"誤ってアンインストールした場合などを考慮し、一定期間は連携が継続されます。"_s;
    QTest::newRow("000 4.Q2")
        << u"new-phone"_s << u"スマートフォンの機種変更をする(した)。どうすればよいか。"_s
        << u"各アプリによって引き継ぎ操作が異なります。スマホアプリ提供事業者にご確認ください。"_s;
}

void TestFaq::seedQuestionIsVerbatim()
{
    QFETCH(QString, id);
    QFETCH(QString, question);
    QFETCH(QString, answer);

    const tc::FaqEntry *entry = m_faq.find(id);
    QVERIFY(entry);
    QVERIFY(entry->questionFromSeeds);
    QVERIFY(entry->answerFromSeeds);
    // The entry's own words, or the other manual's (its answer recorded only where it differs).
    QList<std::pair<QString, QString>> wordings {{entry->question.ja, entry->answer.ja}};
    for (const tc::FaqSeedWording &seed : entry->alsoInSeeds)
        wordings.append({seed.question, seed.answer.isEmpty() ? entry->answer.ja : seed.answer});
    QVERIFY2(wordings.contains(std::pair(question, answer)), qPrintable(question + u'\n' + answer));
}

void TestFaq::entriesAreComplete()
{
    QVERIFY(m_faq.entries().size() >= 12);
    for (const tc::FaqEntry &entry : m_faq.entries()) {
        QVERIFY2(!entry.question.en.isEmpty() && !entry.answer.en.isEmpty(), qPrintable(entry.id));
        // Japanese worded by us says so beside it.
        if (!entry.questionFromSeeds || !entry.answerFromSeeds)
            QVERIFY2(entry.staffNote.ja.contains(u"当方で作成"_s), qPrintable(entry.id));
        const bool hasJapaneseKeyword =
            std::any_of(entry.keywords.cbegin(), entry.keywords.cend(),
                        [](const QString &k) { return k.at(0).unicode() > 0x2E80; });
        const bool hasEnglishKeyword =
            std::any_of(entry.keywords.cbegin(), entry.keywords.cend(),
                        [](const QString &k) { return k.at(0).unicode() < 0x80; });
        QVERIFY2(hasJapaneseKeyword && hasEnglishKeyword, qPrintable(entry.id));
    }
    // The answers that send the customer on.
    QCOMPARE(m_faq.find(u"registered-phone-unknown")->referTo, tc::FaqReferral::Branch);
    QCOMPARE(m_faq.find(u"pin-lock-atm")->referTo, tc::FaqReferral::None);
}

void TestFaq::relatedCodesAreInTheCatalog()
{
    for (const tc::FaqEntry &entry : m_faq.entries()) {
        for (const QString &code : entry.relatedCodes)
            QVERIFY2(tc::ErrorCatalog::builtIn().find(code), qPrintable(entry.id + u' ' + code));
    }
    QVERIFY(m_faq.find(u"identity-lock-release")->relatedCodes.contains(u"B84"_s));
    QVERIFY(m_faq.find(u"pin-lock-atm")->relatedCodes.contains(u"D84"_s));
}

void TestFaq::findsQuestionByCallerWording_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("id");

    QTest::newRow("ja phone unknown") << u"電話番号が分からない"_s << u"registered-phone-unknown"_s;
    QTest::newRow("ja phone forgotten")
        << u"届出の電話番号を忘れた"_s << u"registered-phone-unknown"_s;
    QTest::newRow("ja ATM stops?") << u"ATMも止まる?"_s << u"pin-lock-atm"_s;
    QTest::newRow("ja ATM kana") << u"ＡＴＭはつかえますか"_s << u"pin-lock-atm"_s;
    QTest::newRow("ja lock release when")
        << u"ロックはいつ解除されますか"_s << u"identity-lock-release"_s;
    QTest::newRow("ja mail not arriving") << u"メールが届かない"_s << u"notice-mail-not-arriving"_s;
    QTest::newRow("ja mail not coming") << u"メールがこない"_s << u"notice-mail-not-arriving"_s;
    QTest::newRow("ja wrong kana name") << u"カナ氏名を間違えた"_s << u"kana-name-wrong"_s;
    QTest::newRow("ja wrong address") << u"メールアドレスを間違えた"_s << u"mail-address-wrong"_s;
    QTest::newRow("ja service hours") << u"サービス時間"_s << u"service-hours"_s;
    QTest::newRow("ja how far back") << u"明細は何か月分見られますか"_s << u"statement-range"_s;
    QTest::newRow("ja moved branch")
        << u"支店が変わったけどアプリは?"_s << u"account-moved-branch"_s;
    QTest::newRow("ja forgotten PIN") << u"暗証番号を忘れた"_s << u"forgotten-pin"_s;
    QTest::newRow("ja uninstalled") << u"アプリをアンインストールした"_s << u"app-uninstalled"_s;
    QTest::newRow("ja new phone") << u"機種変更"_s << u"new-phone"_s;
    QTest::newRow("ja new phone typing") << u"機種"_s << u"new-phone"_s;
    QTest::newRow("ja seed question read out")
        << u"取引明細で照会できる取引日の範囲は"_s << u"statement-range"_s;
    QTest::newRow("en phone") << u"forgot registered phone number"_s
                              << u"registered-phone-unknown"_s;
    QTest::newRow("en ATM") << u"is the ATM blocked too?"_s << u"pin-lock-atm"_s;
    QTest::newRow("en mail") << u"mail not arriving"_s << u"notice-mail-not-arriving"_s;
    QTest::newRow("en wrong name") << u"wrong kana name"_s << u"kana-name-wrong"_s;
    QTest::newRow("en hours") << u"service hours"_s << u"service-hours"_s;
    QTest::newRow("en history") << u"how far back are transactions"_s << u"statement-range"_s;
    QTest::newRow("en moved") << u"account moved to another branch"_s << u"account-moved-branch"_s;
    QTest::newRow("en uninstalled") << u"uninstalled the app"_s << u"app-uninstalled"_s;
    QTest::newRow("en new phone") << u"New phone"_s << u"new-phone"_s;
    QTest::newRow("en forgotten PIN") << u"forgot my PIN"_s << u"forgotten-pin"_s;
}

void TestFaq::findsQuestionByCallerWording()
{
    QFETCH(QString, typed);
    QFETCH(QString, id);

    const QList<tc::FaqMatch> matches = m_faq.match(typed);
    QVERIFY2(!matches.isEmpty(), qPrintable(typed));
    QCOMPARE(matches.first().entry->id, id);

    // The one list of the explainer puts it first too: nothing in the catalog resembles more.
    const QList<tc::ExplainHit> hits = m_search.search(typed);
    QVERIFY(!hits.isEmpty());
    QCOMPARE(hits.first().kind, tc::ExplainKind::Question);
    QCOMPARE(hits.first().faqEntry->id, id);
}

void TestFaq::codesAndMessagesStillFound_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<tc::ExplainKind>("kind");
    QTest::addColumn<QString>("code");

    QTest::newRow("code") << u"B84"_s << tc::ExplainKind::Code << u"B84"_s;
    QTest::newRow("lower-case code") << u"b84"_s << tc::ExplainKind::Code << u"B84"_s;
    QTest::newRow("full-width code") << u"ｄ８４"_s << tc::ExplainKind::Code << u"D84"_s;
    QTest::newRow("partial message")
        << u"お取扱いができなくなりました"_s << tc::ExplainKind::Message << u"B83"_s;
    QTest::newRow("message with its code")
        << u"ただ今お取扱いできません。詳しくは本サービスのお問合せ窓口へご照会下さい。理由コードは D84 です。"_s
        << tc::ExplainKind::Message << u"D84"_s;
    QTest::newRow("hiragana reading")
        << u"さーびすをおこなっておりません"_s << tc::ExplainKind::Message << u"A01"_s;
}

void TestFaq::codesAndMessagesStillFound()
{
    QFETCH(QString, typed);
    QFETCH(tc::ExplainKind, kind);
    QFETCH(QString, code);

    const QList<tc::ExplainHit> hits = m_search.search(typed);
    QVERIFY(!hits.isEmpty());
    QCOMPARE(hits.first().kind, kind);
    QVERIFY(hits.first().catalogEntry);
    QCOMPARE(hits.first().catalogEntry->code, code);
}

void TestFaq::exactCodeBeatsQuestion()
{
    // "B84" is also a related code of the identity lock question: the code comes first and the
    // question follows it.
    const QList<tc::ExplainHit> hits = m_search.search(u"B84");
    QVERIFY(hits.size() >= 2);
    QCOMPARE(hits.at(0).kind, tc::ExplainKind::Code);
    const auto question = std::find_if(hits.cbegin(), hits.cend(), [](const tc::ExplainHit &hit) {
        return hit.faqEntry && hit.faqEntry->id == u"identity-lock-release"_s;
    });
    QVERIFY(question != hits.cend());
    QCOMPARE(question->kind, tc::ExplainKind::Question);
    QVERIFY(question->score < hits.at(0).score);

    // A code typed inside a question ("ATM" is a keyword, "D84" the code) still leads.
    const QList<tc::ExplainHit> mixed = m_search.search(u" d84 ");
    QCOMPARE(mixed.at(0).kind, tc::ExplainKind::Code);
    QCOMPARE(mixed.at(0).catalogEntry->code, u"D84"_s);
    QVERIFY(std::any_of(mixed.cbegin(), mixed.cend(), [](const tc::ExplainHit &hit) {
        return hit.faqEntry && hit.faqEntry->id == u"pin-lock-atm"_s;
    }));
}

void TestFaq::unrelatedTextFindsNothing()
{
    QVERIFY(m_faq.match(u"xyzzy qwerty").isEmpty());
    QVERIFY(m_search.search(u"xyzzy qwerty").isEmpty());
    QVERIFY(m_search.search(u"   ").isEmpty());
}

void TestFaq::invalidDocumentsAreRejected_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("key");

    const QByteArray entry = R"({"id": "x-1", "source": "seed", "question": {"ja": "問", "en": "Q"},
        "answer": {"ja": "答", "en": "A"}, "question_from_seeds": true, "answer_from_seeds": true,
        "refer_to": "none", "keywords": ["電話番号", "phone"], "related_codes": ["B84"],
        "also_in_seeds": []})";
    const auto document = [](const QByteArray &entries) {
        return QByteArray(R"({"version": 1, "entries": [)" + entries + "]}");
    };
    QTest::newRow("not json") << QByteArray("{") << u"json"_s;
    QTest::newRow("wrong version")
        << QByteArray(R"({"version": 2, "entries": []})") << u"version"_s;
    QTest::newRow("repeated id") << document(entry + ',' + entry) << u"entries[1].id"_s;
    QTest::newRow("bad id") << document(QByteArray(entry).replace("x-1", "X 1"))
                            << u"entries[0].id"_s;
    QTest::newRow("unknown field")
        << document(QByteArray(entry).replace("\"source\"", "\"sauce\"")) << u"entries[0].sauce"_s;
    QTest::newRow("bad referral") << document(QByteArray(entry).replace("\"none\"", "\"manager\""))
                                  << u"entries[0].refer_to"_s;
    QTest::newRow("keyword too short")
        << document(QByteArray(entry).replace("\"phone\"", "\"?\"")) << u"entries[0].keywords[1]"_s;
    QTest::newRow("bad code") << document(QByteArray(entry).replace("\"B84\"", "\"b84x\""))
                              << u"entries[0].related_codes[0]"_s;
    QTest::newRow("missing english")
        << document(QByteArray(entry).replace(", \"en\": \"A\"", "")) << u"entries[0].answer.en"_s;
}

void TestFaq::invalidDocumentsAreRejected()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, key);

    const tc::Result<tc::Faq> faq = tc::Faq::fromJson(json);
    QVERIFY(!faq);
    QCOMPARE(faq.error().key, key);
    QVERIFY(!faq.error().message.isEmpty());
}

QTEST_APPLESS_MAIN(TestFaq)
#include "tst_faq.moc"
