<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en_US">
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>tc::AttemptLabels</name>
    <message>
        <source>① Account</source>
        <translation>① 口座情報</translation>
    </message>
    <message>
        <source>② Customer data</source>
        <translation>② お客様情報</translation>
    </message>
    <message>
        <source>③④ Phone call</source>
        <translation>③④ 電話認証</translation>
    </message>
    <message>
        <source>⑤ Card PIN</source>
        <translation>⑤ 暗証番号</translation>
    </message>
    <message>
        <source>⑥ Consent</source>
        <translation>⑥ 認可</translation>
    </message>
    <message>
        <source>Cancelled by the customer</source>
        <translation>お客様による中止</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>受付不可</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>Ordinary</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>Savings</source>
        <translation>貯蓄</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>本人認証</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>暗証番号</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>有効</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>期限切れ</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>解除済み</translation>
    </message>
    <message>
        <source>Account moved</source>
        <translation>口座移管</translation>
    </message>
    <message>
        <source>App suspended</source>
        <translation>アプリ停止中</translation>
    </message>
</context>
<context>
    <name>tc::AttemptsModel</name>
    <message>
        <source>Completed</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Unfinished</source>
        <translation>未完了</translation>
    </message>
    <message>
        <source>Time (JST)</source>
        <translation>日時(日本時間)</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>画面</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>口座</translation>
    </message>
    <message>
        <source>App</source>
        <translation>アプリ</translation>
    </message>
</context>
<context>
    <name>tc::BranchActivityModel</name>
    <message>
        <source>Time (JST)</source>
        <translation>時刻(日本時間)</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>お客様</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>口座</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>画面</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <source>App</source>
        <translation>アプリ</translation>
    </message>
</context>
<context>
    <name>tc::BranchActivityView</name>
    <message>
        <source>Branch activity</source>
        <translation>店舗の認証状況</translation>
    </message>
    <message>
        <source>&amp;Branch:</source>
        <translation>店舗(&amp;B):</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>店舗</translation>
    </message>
    <message>
        <source>The branch whose attempts are listed, or all branches</source>
        <translation>認証履歴を表示する店舗(または全店)</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>結果(&amp;O):</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Show only attempts with this outcome</source>
        <translation>この結果の認証だけを表示します</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>コード(&amp;C):</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <source>Show only attempts that ended with this catalog code, e.g. B84</source>
        <translation>このコード(例: B84)で終わった認証だけを表示します</translation>
    </message>
    <message>
        <source>e.g. B84</source>
        <translation>例: B84</translation>
    </message>
    <message>
        <source>Attempts of the branch</source>
        <translation>店舗の認証履歴</translation>
    </message>
    <message>
        <source>Newest first, live. Click a header to sort; Enter or double-click opens the customer; Ctrl+C copies the selected rows.</source>
        <translation>新しい順に随時更新されます。見出しのクリックで並べ替え、Enter またはダブルクリックでお客様を開き、Ctrl+C で選択した行をコピーします。</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>すべての結果</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>受付不可</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>All branches</source>
        <translation>全店</translation>
    </message>
    <message>
        <source>Branch %1, today (Asia/Tokyo)</source>
        <translation>店番 %1、本日(日本時間)</translation>
    </message>
    <message>
        <source>Today (Asia/Tokyo)</source>
        <translation>本日(日本時間)</translation>
    </message>
</context>
<context>
    <name>tc::CatalogMatchModel</name>
    <message>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <source>Screen</source>
        <translation>画面</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>一致度</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>ご質問</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Message or question</source>
        <translation>メッセージ・ご質問</translation>
    </message>
</context>
<context>
    <name>tc::ClosureReason</name>
    <message>
        <source>daily 00:00 pause</source>
        <translation>毎日0時の休止</translation>
    </message>
    <message>
        <source>daily 04:00 pause</source>
        <translation>毎日4時の休止</translation>
    </message>
    <message>
        <source>scheduled pause on the 1st and 3rd Monday</source>
        <translation>第1・第3月曜日の定期休止</translation>
    </message>
    <message>
        <source>scheduled pause from the eve of the 2nd and 4th Sunday</source>
        <translation>第2・第4日曜日前日からの定期休止</translation>
    </message>
    <message>
        <source>New Year pause</source>
        <translation>年始の休止</translation>
    </message>
    <message>
        <source>announced maintenance</source>
        <translation>臨時メンテナンス</translation>
    </message>
    <message>
        <source>, </source>
        <comment>separator between closure reasons</comment>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>tc::CommandLine</name>
    <message>
        <source>Language of the user interface: ja (default) or en.</source>
        <translation>画面の表示言語: ja(既定)または en。</translation>
    </message>
    <message>
        <source>code</source>
        <translation>コード</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>このヘルプを表示して終了します。</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>バージョンを表示して終了します。</translation>
    </message>
    <message>
        <source>Teller Console: explains the codes and messages of API linkage authentication and shows the service status.</source>
        <translation>窓口コンソール: API連携認証のコード・メッセージを説明し、サービスの提供状況を表示します。</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>不明な引数です: %1</translation>
    </message>
    <message>
        <source>Unknown language “%1”: use ja or en.</source>
        <translation>言語「%1」には対応していません。ja または en を指定してください。</translation>
    </message>
    <message>
        <source>Training: connect to the demo backend of this folder (auth-backend --demo) and sign in as its teller of 本店営業部.</source>
        <translation>研修用: このフォルダーのデモ用サーバー(auth-backend --demo)に接続し、本店営業部の窓口担当者としてサインインします。</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>フォルダー</translation>
    </message>
    <message>
        <source>With --demo-dir: take the tour of the desk, save a screenshot of each step in this folder and quit.</source>
        <translation>--demo-dir と併用: 画面を順に案内し、各手順の画面写真をこのフォルダーに保存して終了します。</translation>
    </message>
    <message>
        <source>--tour needs --demo-dir.</source>
        <translation>--tour には --demo-dir の指定が必要です。</translation>
    </message>
</context>
<context>
    <name>tc::ConnectionStatusWidget</name>
    <message>
        <source>Connected</source>
        <translation>接続済み</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>再接続中</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>オフライン</translation>
    </message>
    <message>
        <source>Connected to the backend: customer data and live events are current.</source>
        <translation>サーバーに接続しています。お客様情報と認証状況は最新です。</translation>
    </message>
    <message>
        <source>The connection to the backend was lost; trying again. What is shown may be out of date.</source>
        <translation>サーバーとの接続が切れたため、再接続しています。表示内容が古い可能性があります。</translation>
    </message>
    <message>
        <source>Not connected to the backend: only the explainer and the service calendar work.</source>
        <translation>サーバーに接続していません。コード・メッセージの説明とサービス休止予定のみ利用できます。</translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation>接続: %1</translation>
    </message>
</context>
<context>
    <name>tc::Console</name>
    <message>
        <source>The console cannot connect: %1 The explainer and the service calendar work offline.</source>
        <translation>サーバーに接続できません: %1 コード・メッセージの説明とサービス休止予定はオフラインでも利用できます。</translation>
    </message>
    <message>
        <source>Locked by Ctrl+L or after time without use. Enter your password to go on; the desk stays as you left it.</source>
        <translation>Ctrl+L または一定時間操作がなかったためロックしました。続けるにはパスワードを入力してください。画面はそのまま残ります。</translation>
    </message>
    <message>
        <source>Your session has ended on the server. Enter your password to go on; the screen stays as it is.</source>
        <translation>サーバー側でセッションが終了しました。続けるにはパスワードを入力してください。画面はそのまま残ります。</translation>
    </message>
    <message>
        <source>The console cannot connect: %1 Set the backend in File → Settings. The explainer and the service calendar work offline.</source>
        <translation>サーバーに接続できません: %1 「ファイル → 設定」で接続先を設定してください。コード・メッセージの説明とサービス休止予定はオフラインでも利用できます。</translation>
    </message>
</context>
<context>
    <name>tc::CustomerScriptWidget</name>
    <message>
        <source>What to tell the customer</source>
        <translation>お客様への案内</translation>
    </message>
    <message>
        <source>The selected attempt&apos;s code explained beside this customer&apos;s lock state</source>
        <translation>選択した認証のコードの説明と、このお客様のロック状況</translation>
    </message>
    <message>
        <source>No code (the step went through)</source>
        <translation>コードなし(この画面は通過)</translation>
    </message>
    <message>
        <source>no account of this customer is named by the attempt</source>
        <translation>この認証に該当するお客様の口座がありません</translation>
    </message>
    <message>
        <source>no lock today</source>
        <translation>本日のロックなし</translation>
    </message>
    <message>
        <source>Select an attempt to see what to tell the customer.</source>
        <translation>認証を選択すると、お客様への案内を表示します。</translation>
    </message>
    <message>
        <source>Tell the customer</source>
        <translation>お客様への案内</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>意味</translation>
    </message>
    <message>
        <source>Usual cause</source>
        <translation>主な原因</translation>
    </message>
    <message>
        <source>The customer saw</source>
        <translation>お客様に表示された文言</translation>
    </message>
    <message>
        <source>The catalog has no entry for %1.</source>
        <translation>コード一覧に %1 は登録されていません。</translation>
    </message>
    <message>
        <source>“%1”</source>
        <comment>the message quoted word for word</comment>
        <translation>「%1」</translation>
    </message>
</context>
<context>
    <name>tc::CustomerSearchModel</name>
    <message>
        <source>This account is closed.</source>
        <translation>この口座は解約済みです。</translation>
    </message>
    <message>
        <source>This account moved to another branch.</source>
        <translation>この口座は他店に移管されました。</translation>
    </message>
    <message>
        <source>No cash card issued: this account cannot be linked to an app.</source>
        <translation>キャッシュカード未発行のため、この口座はアプリと連携できません。</translation>
    </message>
    <message>
        <source>Name (kana)</source>
        <translation>氏名(カナ)</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>店舗</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>科目</translation>
    </message>
    <message>
        <source>Account number</source>
        <translation>口座番号</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
</context>
<context>
    <name>tc::CustomerView</name>
    <message>
        <source>Customer</source>
        <translation>お客様</translation>
    </message>
    <message>
        <source>No customer open. Find one with Ctrl+K: the branch and account number (001-1234567), the name in kana or the phone number.</source>
        <translation>お客様が表示されていません。Ctrl+K で検索してください(店番と口座番号 001-1234567、カナ氏名または電話番号)。</translation>
    </message>
    <message>
        <source>No customer open</source>
        <translation>お客様未表示</translation>
    </message>
    <message>
        <source>Customer name (kana)</source>
        <translation>お客様氏名(カナ)</translation>
    </message>
    <message>
        <source>Birth date and phone</source>
        <translation>生年月日と電話番号</translation>
    </message>
    <message>
        <source>Accounts and locks</source>
        <translation>口座とロック状況</translation>
    </message>
    <message>
        <source>Attempts and linkages</source>
        <translation>認証履歴と連携状況</translation>
    </message>
    <message>
        <source>&amp;Attempts</source>
        <translation>認証履歴(&amp;A)</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>認証履歴</translation>
    </message>
    <message>
        <source>Newest first: each flow with its steps ① to ⑥; the failed step shows its code. Selecting one explains it beside; Enter opens the full explanation.</source>
        <translation>新しい順に、認証ごとに画面①〜⑥を表示します。失敗した画面にはコードが表示されます。選択すると横に説明を表示し、Enter で詳しい説明を開きます。</translation>
    </message>
    <message>
        <source>&amp;Linkages</source>
        <translation>連携状況(&amp;L)</translation>
    </message>
    <message>
        <source>Linkages</source>
        <translation>連携状況</translation>
    </message>
    <message>
        <source>The apps linked to the customer&apos;s accounts, with their state</source>
        <translation>お客様の口座と連携しているアプリとその状態</translation>
    </message>
    <message>
        <source>What to tell the customer</source>
        <translation>お客様への案内</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>解約済み</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>移管済み</translation>
    </message>
    <message>
        <source>no cash card: cannot link</source>
        <translation>キャッシュカードなし: 連携不可</translation>
    </message>
    <message>
        <source>Early release requested (%1 lock) by %2 at %3 JST: %4</source>
        <translation>%1ロックの早期解除を申請中(%2、%3 日本時間): %4</translation>
    </message>
    <message>
        <source>Linkages: %1 active of %2</source>
        <translation>連携: 有効 %1件(全%2件)</translation>
    </message>
    <message>
        <source>early lock release needs a supervisor&apos;s approval</source>
        <translation>ロックの早期解除には役席者の承認が必要です</translation>
    </message>
    <message>
        <source>Born %1 · Phone %2</source>
        <translation>生年月日 %1 · 電話番号 %2</translation>
    </message>
    <message>
        <source>(partly hidden for your role)</source>
        <translation>(権限により一部非表示)</translation>
    </message>
</context>
<context>
    <name>tc::DemoDirectory</name>
    <message>
        <source>%1 is not a demo folder (no tls/ca.pem).</source>
        <translation>%1 はデモ用フォルダーではありません(tls/ca.pem がありません)。</translation>
    </message>
    <message>
        <source>%1 has no demo-staff.csv.</source>
        <translation>%1 に demo-staff.csv がありません。</translation>
    </message>
    <message>
        <source>demo-staff.csv names no teller of branch 001.</source>
        <translation>demo-staff.csv に店番 001 の窓口担当者がありません。</translation>
    </message>
</context>
<context>
    <name>tc::Desk</name>
    <message>
        <source>Keep typing: 001-1234567, a name in kana or a phone number</source>
        <translation>続けて入力してください: 001-1234567、カナ氏名または電話番号</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>検索中…</translation>
    </message>
    <message>
        <source>No customer found</source>
        <translation>該当するお客様はいません</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n 件該当</numerusform>
        </translation>
    </message>
    <message>
        <source>(more match: type more to narrow the search)</source>
        <translation>(該当が多いため、さらに入力して絞り込んでください)</translation>
    </message>
</context>
<context>
    <name>tc::ExplainerWidget</name>
    <message numerus="yes">
        <source>%n match(es), best first.</source>
        <translation>
            <numerusform>%n 件該当(一致度の高い順)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (screen %2)</source>
        <translation>%1(画面%2)</translation>
    </message>
    <message>
        <source>Message the customer sees</source>
        <translation>お客様に表示される文言</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>意味</translation>
    </message>
    <message>
        <source>Usual cause</source>
        <translation>主な原因</translation>
    </message>
    <message>
        <source>What to tell the customer</source>
        <translation>お客様への案内</translation>
    </message>
    <message>
        <source>No: this message does not count toward a lock.</source>
        <translation>いいえ: このメッセージはロックの回数に数えません。</translation>
    </message>
    <message>
        <source>Yes: counts toward the identity lock (customer data, screen ②). After the set number of failures in a day, linkage is locked until 00:00.</source>
        <translation>はい: 本人認証ロック(お客様情報、画面②)の回数に数えます。1日に規定回数誤ると、翌日0時まで API連携認証がロックされます。</translation>
    </message>
    <message>
        <source>Yes: counts toward the cash card PIN lock (screen ⑤). It locks API linkage authentication only, never ATM or other transactions.</source>
        <translation>はい: キャッシュカード暗証番号ロック(画面⑤)の回数に数えます。ロックされるのは API連携認証のみで、ATM やその他のお取引には影響しません。</translation>
    </message>
    <message>
        <source>Counts toward a lock</source>
        <translation>ロック回数への計上</translation>
    </message>
    <message>
        <source>&amp;Code, message or question of the customer:</source>
        <translation>お客様のコード・メッセージ・ご質問(&amp;C):</translation>
    </message>
    <message>
        <source>Code, message or question to explain</source>
        <translation>説明するコード・メッセージ・ご質問</translation>
    </message>
    <message>
        <source>e.g. B84, “ただ今お取扱いできません” or “電話番号が分からない”</source>
        <translation>例: B84、「ただ今お取扱いできません」、「電話番号が分からない」</translation>
    </message>
    <message>
        <source>Search state</source>
        <translation>検索状況</translation>
    </message>
    <message>
        <source>Matching codes, messages and questions</source>
        <translation>該当するコード・メッセージ・ご質問</translation>
    </message>
    <message>
        <source>Explanation and words to say</source>
        <translation>説明と案内文</translation>
    </message>
    <message>
        <source>Type a code such as B84, the message the customer reads out, or the customer&apos;s question (partial text, kana and full-width characters work).</source>
        <translation>B84 などのコード、お客様が読み上げたメッセージ、またはお客様のご質問を入力してください(一部だけ、かな、全角文字でも検索できます)。</translation>
    </message>
    <message>
        <source>Nothing in the catalog or the FAQ resembles “%1”. Check the code, ask the customer to read the message again word for word, or try other words for the question.</source>
        <translation>「%1」に該当するコード・よくあるご質問はありません。コードを確認するか、お客様にメッセージをもう一度そのまま読み上げていただくか、別の言葉でご質問を検索してください。</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>ご質問</translation>
    </message>
    <message>
        <source>Words to say</source>
        <translation>案内文</translation>
    </message>
    <message>
        <source>Customer&apos;s branch: the branch holding the customer&apos;s account (open the customer to see which).</source>
        <translation>お取引店: お客様の口座がある店舗(お客様を開くと表示されます)。</translation>
    </message>
    <message>
        <source>Customer&apos;s branch: %1</source>
        <translation>お取引店: %1</translation>
    </message>
    <message>
        <source>Support desk: not configured for this institution.</source>
        <translation>問い合わせ窓口: 当組合では設定されていません。</translation>
    </message>
    <message>
        <source>Support desk: %1</source>
        <translation>問い合わせ窓口: %1</translation>
    </message>
    <message>
        <source>Send the customer to</source>
        <translation>お客様のご案内先</translation>
    </message>
    <message>
        <source>Note for staff</source>
        <translation>職員向けの注意</translation>
    </message>
    <message>
        <source>Related codes</source>
        <translation>関連するコード</translation>
    </message>
    <message>
        <source>As %1 answers it</source>
        <translation>%1 での回答</translation>
    </message>
    <message>
        <source>Source: %1.</source>
        <translation>出典: %1。</translation>
    </message>
    <message>
        <source>Question worded by us.</source>
        <translation>ご質問の文言は当方で作成。</translation>
    </message>
    <message>
        <source>Answer worded by us.</source>
        <translation>回答の文言は当方で作成。</translation>
    </message>
</context>
<context>
    <name>tc::LinkagesModel</name>
    <message>
        <source>Never</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>%1 by %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <source>App</source>
        <translation>アプリ</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>口座</translation>
    </message>
    <message>
        <source>Granted (JST)</source>
        <translation>連携日時(日本時間)</translation>
    </message>
    <message>
        <source>Expires (JST)</source>
        <translation>有効期限(日本時間)</translation>
    </message>
    <message>
        <source>Last used (JST)</source>
        <translation>最終利用(日本時間)</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>解除</translation>
    </message>
</context>
<context>
    <name>tc::LockScreen</name>
    <message>
        <source>Console locked</source>
        <translation>コンソールのロック</translation>
    </message>
    <message>
        <source>The console is locked</source>
        <translation>コンソールはロックされています</translation>
    </message>
    <message>
        <source>Why the console is locked</source>
        <translation>ロックされた理由</translation>
    </message>
    <message>
        <source>Signed in as:</source>
        <translation>ユーザー:</translation>
    </message>
    <message>
        <source>Signed-in user</source>
        <translation>サインイン中のユーザー</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>パスワード(&amp;P):</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>確認コード(&amp;C):</translation>
    </message>
    <message>
        <source>Authenticator code</source>
        <translation>確認コード</translation>
    </message>
    <message>
        <source>Unlock problem</source>
        <translation>ロック解除のエラー</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>サインアウト(&amp;O)</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>サインアウト</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>ロック解除(&amp;U)</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>ロック解除</translation>
    </message>
</context>
<context>
    <name>tc::LockSentence</name>
    <message numerus="yes">
        <source>PIN locked until %1 JST (in %2), %n failure(s) today; new attempts get code %3</source>
        <comment>%1 release time, %2 time left, %3 code</comment>
        <translation>
            <numerusform>暗証番号ロック中: %1まで(日本時間、あと%2)、本日%n回失敗。再試行はコード%3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Identity locked until %1 JST (in %2), %n failure(s) today; new attempts get code %3</source>
        <comment>%1 release time, %2 time left, %3 code</comment>
        <translation>
            <numerusform>本人認証ロック中: %1まで(日本時間、あと%2)、本日%n回失敗。再試行はコード%3</numerusform>
        </translation>
    </message>
    <message>
        <source>PIN lock ended at %1 JST</source>
        <translation>暗証番号ロックは %1(日本時間)に終了</translation>
    </message>
    <message>
        <source>Identity lock ended at %1 JST</source>
        <translation>本人認証ロックは %1(日本時間)に終了</translation>
    </message>
    <message numerus="yes">
        <source>PIN released early at %1 JST, %n failure(s) since (locks at %2)</source>
        <translation>
            <numerusform>暗証番号ロックを %1(日本時間)に早期解除、以降%n回失敗(%2回でロック)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Identity released early at %1 JST, %n failure(s) since (locks at %2)</source>
        <translation>
            <numerusform>本人認証ロックを %1(日本時間)に早期解除、以降%n回失敗(%2回でロック)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>PIN not locked, %n failure(s) today (locks at %1)</source>
        <translation>
            <numerusform>暗証番号ロックなし、本日%n回失敗(%1回でロック)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Identity not locked, %n failure(s) today (locks at %1)</source>
        <translation>
            <numerusform>本人認証ロックなし、本日%n回失敗(%1回でロック)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tc::MainWindow</name>
    <message>
        <source>Explain a code or message</source>
        <translation>コード・メッセージの説明</translation>
    </message>
    <message>
        <source>Service pauses</source>
        <translation>サービス休止予定</translation>
    </message>
    <message>
        <source>Times when API linkage authentication is closed in the next 30 days (Asia/Tokyo). Customers see “ただ今の時間はサービスを行っておりません。” then.</source>
        <translation>今後30日間に API連携認証がサービス時間外となる時間帯です(日本時間)。この間、お客様には「ただ今の時間はサービスを行っておりません。」と表示されます。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About Teller Console</source>
        <translation>バージョン情報(&amp;A)</translation>
    </message>
    <message>
        <source>Teller Console %1</source>
        <translation>窓口コンソール %1</translation>
    </message>
    <message>
        <source>About Teller Console</source>
        <translation>窓口コンソールのバージョン情報</translation>
    </message>
    <message>
        <source>Work area</source>
        <translation>作業領域</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>お客様</translation>
    </message>
    <message>
        <source>Branch activity</source>
        <translation>店舗の認証状況</translation>
    </message>
    <message>
        <source>Planned closures of the next 30 days, soonest first</source>
        <translation>今後30日間のサービス休止予定(近い順)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>Backend address, pinned certificate, idle lock</source>
        <translation>サーバーのアドレス、CA証明書、自動ロック</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>ロック(&amp;L)</translation>
    </message>
    <message>
        <source>Lock the console now; your password opens it again</source>
        <translation>コンソールを今すぐロックします。パスワードで解除できます</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>サインアウト(&amp;O)</translation>
    </message>
    <message>
        <source>End the staff session and forget the saved sign-in</source>
        <translation>職員セッションを終了し、保存したサインイン情報を消去します</translation>
    </message>
    <message>
        <source>&amp;Find a customer</source>
        <translation>お客様の検索(&amp;F)</translation>
    </message>
    <message>
        <source>Move to the search box</source>
        <translation>検索欄に移動します</translation>
    </message>
    <message>
        <source>&amp;Customer</source>
        <translation>お客様(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Branch activity</source>
        <translation>店舗の認証状況(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Explain a code or message</source>
        <translation>コード・メッセージの説明(&amp;E)</translation>
    </message>
    <message>
        <source>Service &amp;pauses</source>
        <translation>サービス休止予定(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>再読み込み(&amp;R)</translation>
    </message>
    <message>
        <source>Load the open customer and the branch activity again</source>
        <translation>表示中のお客様と店舗の認証状況を読み込み直します</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>ショートカットキー一覧(&amp;K)</translation>
    </message>
    <message>
        <source>teller</source>
        <translation>窓口担当</translation>
    </message>
    <message>
        <source>support</source>
        <translation>サポート担当</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>役席</translation>
    </message>
    <message>
        <source>Code or message to explain</source>
        <translation>説明するコード・メッセージ</translation>
    </message>
    <message>
        <source>Matching catalog entries</source>
        <translation>該当するコード一覧の項目</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1(%2)</translation>
    </message>
    <message>
        <source>Signed in: %1</source>
        <translation>サインイン中: %1</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>未サインイン</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>ロック中</translation>
    </message>
    <message>
        <source>The backend did not answer. Try again in a moment.</source>
        <translation>サーバーから応答がありません。しばらくしてからもう一度お試しください。</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Teller Console %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;For branch and phone-support staff of API linkage authentication: finds the customer, shows their attempts and locks, explains the codes and messages customers see and shows when the service is closed. Times are Asia/Tokyo.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;窓口コンソール %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;API連携認証の窓口・電話サポート担当者向けです。お客様を検索し、認証履歴とロック状況を表示し、お客様に表示されるコード・メッセージを説明し、サービス時間外の時間帯を表示します。時刻は日本時間です。&lt;/p&gt;&lt;p&gt;Qt %2 で構築。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation>サインイン(&amp;I)…</translation>
    </message>
    <message>
        <source>Sign in to the backend to find customers</source>
        <translation>サーバーにサインインしてお客様を検索できるようにします</translation>
    </message>
</context>
<context>
    <name>tc::MessageBar</name>
    <message>
        <source>Close this message</source>
        <translation>このメッセージを閉じます</translation>
    </message>
    <message>
        <source>Close message</source>
        <translation>メッセージを閉じる</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
</context>
<context>
    <name>tc::SearchWidget</name>
    <message>
        <source>&amp;Find a customer (Ctrl+K):</source>
        <translation>お客様検索(Ctrl+K)(&amp;F):</translation>
    </message>
    <message>
        <source>Find a customer</source>
        <translation>お客様の検索</translation>
    </message>
    <message>
        <source>Branch and account number (001-1234567), name in kana, or phone number. Down moves to the results, Enter opens one, Esc clears.</source>
        <translation>店番と口座番号(001-1234567)、カナ氏名、または電話番号。↓で検索結果に移動、Enter で開く、Esc で消去。</translation>
    </message>
    <message>
        <source>001-1234567, ﾃﾞｰﾀ ﾀﾛｳ or 0786310000</source>
        <translation>001-1234567、ﾃﾞｰﾀ ﾀﾛｳ、0786310000</translation>
    </message>
    <message>
        <source>Search state</source>
        <translation>検索状況</translation>
    </message>
    <message>
        <source>Type the branch and account number (001-1234567), the name in kana or the phone number. Down moves to the results, Enter opens the customer, Esc clears.</source>
        <translation>店番と口座番号(001-1234567)、カナ氏名または電話番号を入力してください。↓で検索結果に移動、Enter でお客様を開く、Esc で消去します。</translation>
    </message>
    <message>
        <source>How to search</source>
        <translation>検索のしかた</translation>
    </message>
    <message>
        <source>Customers found</source>
        <translation>検索結果</translation>
    </message>
    <message>
        <source>Enter or double-click opens the customer</source>
        <translation>Enter またはダブルクリックでお客様を開きます</translation>
    </message>
</context>
<context>
    <name>tc::ServiceStatusWidget</name>
    <message>
        <source>Closed — reopens %1 (%2)</source>
        <translation>サービス時間外 — %1 再開(%2)</translation>
    </message>
    <message>
        <source>Open — next pause %1 %2</source>
        <translation>受付中 — 次の休止 %1 %2</translation>
    </message>
    <message>
        <source>Open — no pause scheduled</source>
        <translation>受付中 — 休止の予定はありません</translation>
    </message>
    <message>
        <source>Service open</source>
        <translation>サービス提供中</translation>
    </message>
    <message>
        <source>Outside service hours</source>
        <translation>サービス時間外</translation>
    </message>
    <message>
        <source>Times are Asia/Tokyo. Now: %1</source>
        <translation>時刻は日本時間です。現在: %1</translation>
    </message>
    <message>
        <source>(calendar, offline)</source>
        <translation>(カレンダー、オフライン)</translation>
    </message>
    <message>
        <source>Not connected: the compiled-in calendar speaks; announced maintenance may be missing.</source>
        <translation>未接続のため、内蔵のカレンダーで表示しています。臨時メンテナンスが反映されていない場合があります。</translation>
    </message>
</context>
<context>
    <name>tc::Settings</name>
    <message>
        <source>No backend address is set.</source>
        <translation>サーバーのアドレスが設定されていません。</translation>
    </message>
    <message>
        <source>No CA certificate file is set.</source>
        <translation>CA証明書ファイルが設定されていません。</translation>
    </message>
    <message>
        <source>The CA certificate file %1 does not exist.</source>
        <translation>CA証明書ファイル %1 が見つかりません。</translation>
    </message>
    <message>
        <source>The CA certificate file %1 cannot be read: %2</source>
        <translation>CA証明書ファイル %1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>The file %1 holds no certificate (PEM or DER).</source>
        <translation>ファイル %1 に証明書(PEM または DER)がありません。</translation>
    </message>
</context>
<context>
    <name>tc::SettingsDialog</name>
    <message>
        <source>Settings — Teller Console</source>
        <translation>設定 — 窓口コンソール</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Where the backend is and how the console trusts it. IT gives you the address and the CA certificate file.</source>
        <translation>接続先のサーバーと、その証明書を確認する方法です。アドレスと CA証明書ファイルはシステム担当者から受け取ってください。</translation>
    </message>
    <message>
        <source>&amp;Backend address:</source>
        <translation>サーバーのアドレス(&amp;B):</translation>
    </message>
    <message>
        <source>Backend address</source>
        <translation>サーバーのアドレス</translation>
    </message>
    <message>
        <source>&amp;CA certificate file:</source>
        <translation>CA証明書ファイル(&amp;C):</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>CA証明書ファイル</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <source>Choose the CA certificate file</source>
        <translation>CA証明書ファイルを選択</translation>
    </message>
    <message>
        <source>&amp;Answer within:</source>
        <translation>応答待ち時間(&amp;A):</translation>
    </message>
    <message>
        <source>Seconds the backend has to answer</source>
        <translation>サーバーの応答を待つ秒数</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>&amp;Lock after idle:</source>
        <translation>自動ロックまで(&amp;L):</translation>
    </message>
    <message>
        <source>Minutes without use before the console locks</source>
        <translation>操作がないままコンソールをロックするまでの分数</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>接続テスト(&amp;T)</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>接続テスト</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>接続テストの結果</translation>
    </message>
    <message>
        <source>Problem with the settings</source>
        <translation>設定の問題</translation>
    </message>
    <message>
        <source>Save or cancel</source>
        <translation>保存またはキャンセル</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>証明書 (*.pem *.crt *.cer *.der);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Not tested: the settings are incomplete.</source>
        <translation>未テスト: 設定が不足しています。</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>テスト中…</translation>
    </message>
    <message>
        <source>Something answered, but not an auth-backend in service.</source>
        <translation>応答はありましたが、稼働中の auth-backend ではありません。</translation>
    </message>
    <message>
        <source>Connected: the backend answers and its certificate verifies against the CA file.</source>
        <translation>接続できました: サーバーが応答し、証明書は CA証明書ファイルで確認できました。</translation>
    </message>
</context>
<context>
    <name>tc::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>ショートカットキー一覧</translation>
    </message>
    <message>
        <source>Every command of the menus that has a key. In tables, Ctrl+C copies the selected rows.</source>
        <translation>キーが割り当てられたメニューのコマンドの一覧です。表では Ctrl+C で選択した行をコピーできます。</translation>
    </message>
    <message>
        <source>Menu, command and its keys, one per row</source>
        <translation>メニュー、コマンド、キー(1行に1つ)</translation>
    </message>
    <message>
        <source>Close the shortcuts list</source>
        <translation>ショートカットキー一覧を閉じる</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>メニュー</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>コマンド</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>キー</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>tc::SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>サインイン</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>ユーザー名(&amp;U):</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>パスワード(&amp;P):</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>確認コード(&amp;C):</translation>
    </message>
    <message>
        <source>Authenticator code</source>
        <translation>確認コード</translation>
    </message>
    <message>
        <source>The 6-digit code of your authenticator app</source>
        <translation>認証アプリに表示される6桁のコード</translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation>サインインのエラー</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>Connection settings</source>
        <translation>接続設定</translation>
    </message>
    <message>
        <source>Sign in or quit</source>
        <translation>サインインまたは終了</translation>
    </message>
    <message>
        <source>Sign in — Teller Console</source>
        <translation>サインイン — 窓口コンソール</translation>
    </message>
    <message>
        <source>Sign in with your staff user name and password.</source>
        <translation>職員のユーザー名とパスワードでサインインしてください。</translation>
    </message>
    <message>
        <source>Console locked — Teller Console</source>
        <translation>ロック中 — 窓口コンソール</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>ロック解除</translation>
    </message>
    <message>
        <source>Enter the 6-digit code of your authenticator app.</source>
        <translation>認証アプリに表示される6桁のコードを入力してください。</translation>
    </message>
</context>
<context>
    <name>tc::TableStateHelper</name>
    <message>
        <source>&amp;Copy selected rows</source>
        <translation>選択した行をコピー(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the selected rows as tab-separated text</source>
        <translation>選択した行をタブ区切りのテキストでコピーします</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>表示する列</translation>
    </message>
    <message>
        <source>Fit columns to contents</source>
        <translation>列幅を内容に合わせる</translation>
    </message>
</context>
<context>
    <name>tc::TokyoFormat</name>
    <message>
        <source>ddd M/d</source>
        <comment>QDate::toString format of a short day, e.g. Tue 11/24</comment>
        <translation>M/d(ddd)</translation>
    </message>
    <message>
        <source>ddd yyyy-MM-dd</source>
        <comment>QDate::toString format of a day with the year, e.g. Mon 2025-11-24</comment>
        <translation>yyyy/MM/dd(ddd)</translation>
    </message>
</context>
<context>
    <name>tc::UpcomingWindowsModel</name>
    <message>
        <source>%1 (in progress)</source>
        <translation>%1(休止中)</translation>
    </message>
    <message>
        <source>Start (Tokyo)</source>
        <translation>開始(日本時間)</translation>
    </message>
    <message>
        <source>End (Tokyo)</source>
        <translation>終了(日本時間)</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1分</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1時間</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1時間%2分</translation>
    </message>
</context>
<context>
    <name>tc::client::ClientError</name>
    <message>
        <source>The backend&apos;s certificate could not be verified against the pinned CA; nothing was sent. Ask IT to check the console&apos;s settings.</source>
        <translation>サーバーの証明書を登録済みの CA証明書で確認できなかったため、何も送信していません。システム担当者にコンソールの設定の確認を依頼してください。</translation>
    </message>
    <message>
        <source>The backend&apos;s certificate could not be verified against the pinned CA (%1); nothing was sent. Ask IT to check the console&apos;s settings.</source>
        <translation>サーバーの証明書を登録済みの CA証明書で確認できなかったため(%1)、何も送信していません。システム担当者にコンソールの設定の確認を依頼してください。</translation>
    </message>
    <message>
        <source>The backend cannot be reached. Check the network; the console keeps trying.</source>
        <translation>サーバーに接続できません。ネットワークを確認してください。接続は自動的に再試行します。</translation>
    </message>
    <message>
        <source>The backend did not answer in time. Try again in a moment.</source>
        <translation>サーバーから時間内に応答がありませんでした。しばらくしてからもう一度お試しください。</translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again; the screen stays as it is.</source>
        <translation>セッションが終了しました。もう一度サインインしてください。画面はそのまま残ります。</translation>
    </message>
    <message>
        <source>Your role or branch does not allow this (another branch&apos;s account, or supervisors only); ask the account&apos;s branch or a supervisor.</source>
        <translation>権限または所属店舗の都合でこの操作はできません(他店の口座、または役席のみの操作)。口座のある店舗または役席者にご依頼ください。</translation>
    </message>
    <message>
        <source>The backend&apos;s answer could not be read (a newer or older backend?). Tell IT.</source>
        <translation>サーバーの応答を読み取れませんでした(サーバーのバージョン違いの可能性があります)。システム担当者に連絡してください。</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>要求を取り消しました。</translation>
    </message>
    <message>
        <source>The backend refused the request (HTTP %1).</source>
        <translation>サーバーが要求を拒否しました(HTTP %1)。</translation>
    </message>
</context>
<context>
    <name>tc::client::ConnectionSettings</name>
    <message>
        <source>The backend address is not a valid URL.</source>
        <translation>サーバーのアドレスが正しい URL ではありません。</translation>
    </message>
    <message>
        <source>The backend address must start with https://.</source>
        <translation>サーバーのアドレスは https:// で始めてください。</translation>
    </message>
    <message>
        <source>The backend address must not have a path.</source>
        <translation>サーバーのアドレスにパスは指定できません。</translation>
    </message>
    <message>
        <source>No CA certificate is pinned: the backend&apos;s certificate cannot be checked.</source>
        <translation>CA証明書が登録されていないため、サーバーの証明書を確認できません。</translation>
    </message>
    <message>
        <source>The transfer timeout must be positive.</source>
        <translation>通信のタイムアウトには正の値を指定してください。</translation>
    </message>
</context>
<context>
    <name>tc::client::KeychainError</name>
    <message>
        <source>Nothing is kept in the keychain for this user.</source>
        <translation>このユーザーの情報はキーチェーンに保存されていません。</translation>
    </message>
    <message>
        <source>The system keychain is not available: the console cannot remember the sign-in and asks for the password each time.</source>
        <translation>システムのキーチェーンを利用できないため、サインイン情報を保存できません。毎回パスワードを入力してください。</translation>
    </message>
    <message>
        <source>The system keychain refused access: the console cannot remember the sign-in and asks for the password.</source>
        <translation>システムのキーチェーンへのアクセスが拒否されたため、サインイン情報を保存できません。パスワードを入力してください。</translation>
    </message>
    <message>
        <source>The system keychain failed (%1): the console cannot remember the sign-in and asks for the password.</source>
        <translation>システムのキーチェーンでエラーが発生したため(%1)、サインイン情報を保存できません。パスワードを入力してください。</translation>
    </message>
</context>
<context>
    <name>tc::client::Session</name>
    <message>
        <source>The remembered sign-in has ended. Sign in with your password.</source>
        <translation>保存されたサインインの有効期限が切れました。パスワードでサインインしてください。</translation>
    </message>
</context>
</TS>
